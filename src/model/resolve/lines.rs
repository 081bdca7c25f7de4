//! The source lines a note states (`lines: [51, "32-34"]`): each must be a line of the plan's or
//! document's source text, and a range must not run backwards, so that every link to the source
//! page lands on a line that exists.

use super::report::{FileReport, field, item};
use crate::load::raw::{RawGoal, RawLines, RawNote, RawPlan, RawSection};
use crate::messages::Message;
use crate::model::LineSpan;

/// The span of `raw`, or why it is not one (`count`: the source's number of lines).
pub(super) fn span(raw: &RawLines, count: usize) -> Result<LineSpan, (Message, Message)> {
    let (from, to) = match raw {
        RawLines::One(n) => (*n as usize, *n as usize),
        RawLines::Range(text) => {
            parse_range(text).ok_or_else(|| (Message::NotLines { text: text.clone() }, Message::NotLinesHint))?
        }
    };
    if to < from {
        return Err((Message::LinesReversed { from, to }, Message::LinesReversedHint { from, to }));
    }
    if from == 0 || to > count {
        let line = if from == 0 { 0 } else { to };
        return Err((Message::LineBeyondSource { line, count }, Message::LineBeyondSourceHint));
    }
    Ok(LineSpan { from, to })
}

/// `"32-34"` as (32, 34); an en dash is accepted too.
fn parse_range(text: &str) -> Option<(usize, usize)> {
    let (a, b) = text.split_once(['-', '–'])?;
    Some((a.trim().parse().ok()?, b.trim().parse().ok()?))
}

/// The spans of a note's lines that are valid; `check_notes` reports the others.
pub(super) fn spans(raw: &[RawLines], count: usize) -> Vec<LineSpan> {
    raw.iter().filter_map(|l| span(l, count).ok()).collect()
}

/// Reports every line of `notes` (at path `at`) outside a source of `count` lines.
pub(super) fn check_notes(report: &mut FileReport<'_>, at: &str, notes: &[RawNote], count: usize) {
    for (i, note) in notes.iter().enumerate() {
        for (j, line) in note.lines.iter().enumerate() {
            if let Err((message, hint)) = span(line, count) {
                let value = match line {
                    RawLines::One(n) => n.to_string(),
                    RawLines::Range(text) => text.clone(),
                };
                let path = format!("{}[{j}]", field(&item(at, "notes", i), "lines"));
                report.error(path, &value, message, Some(hint));
            }
        }
    }
}

/// Reports the bad lines of every note of a plan.
pub(super) fn check_plan(report: &mut FileReport<'_>, raw: &RawPlan, count: usize) {
    check_notes(report, "", &raw.notes, count);
    for (i, goal) in raw.goals.iter().enumerate() {
        check_goal(report, &item("", "goals", i), goal, count);
    }
    for (i, section) in raw.sections.iter().enumerate() {
        check_section(report, &item("", "sections", i), section, count);
    }
}

fn check_section(report: &mut FileReport<'_>, at: &str, raw: &RawSection, count: usize) {
    check_notes(report, at, &raw.notes, count);
    for (i, goal) in raw.goals.iter().enumerate() {
        check_goal(report, &item(at, "goals", i), goal, count);
    }
    for (i, section) in raw.sections.iter().enumerate() {
        check_section(report, &item(at, "sections", i), section, count);
    }
}

fn check_goal(report: &mut FileReport<'_>, at: &str, raw: &RawGoal, count: usize) {
    check_notes(report, at, &raw.notes, count);
    for (k, level) in raw.intermediates.iter().enumerate() {
        check_notes(report, &item(at, "intermediates", k), &level.notes, count);
    }
    for (below, objective) in raw.all_objectives() {
        let at = format!("{at}.{below}");
        check_notes(report, &at, &objective.notes, count);
        for (k, activity) in objective.activities.iter().enumerate() {
            check_notes(report, &item(&at, "activities", k), &activity.notes, count);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_ranges_inside_the_source_are_spans() {
        assert_eq!(span(&RawLines::One(51), 57), Ok(LineSpan { from: 51, to: 51 }));
        assert_eq!(span(&RawLines::Range("32-34".into()), 57), Ok(LineSpan { from: 32, to: 34 }));
        assert!(span(&RawLines::One(58), 57).is_err());
        assert!(span(&RawLines::One(0), 57).is_err());
        assert!(span(&RawLines::Range("34-32".into()), 57).is_err());
        assert!(span(&RawLines::Range("32-".into()), 57).is_err());
    }
}
