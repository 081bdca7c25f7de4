//! Where each objective and activity of a plan stands in its source text: the lines its text was
//! transcribed from, for the "vezi în sursă" link. An item's text is looked for after the
//! previous item's start (an objective and its first activity share a table row), with what
//! layout adds removed on both sides: white space, HTML tags left by the conversion, bullets,
//! cedilla letters. A cell cut by a page break stands in two or three pieces, in order.

use crate::markdown;
use crate::model::{Document, Goal, LineSpan, Plan, Section};
use crate::text::normalize;

/// A text folded for comparison, and the line (from 1) of each of its bytes.
struct Folded {
    text: String,
    lines: Vec<usize>,
}

/// The letters, digits and punctuation of `text`, in order; `line` numbers each byte from 1,
/// counting line breaks. Left out: HTML tags left by the conversion (but an autolink's address,
/// `<http://…>`, is text), bullets, and the Markdown emphasis and escapes (`*`, `\\`) the
/// conversion wrote into some sources, which a rendered passage does not have.
fn fold(text: &str) -> Folded {
    let normal = normalize(text).replace("&nbsp;", " ").replace("&amp;", "&");
    let (mut out, mut lines, mut line, mut in_tag) = (String::new(), Vec::new(), 1, false);
    for (at, c) in normal.char_indices() {
        match c {
            '\n' => line += 1,
            '<' if !is_autolink(&normal[at + 1..]) => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            '▪' | '•' | '\u{f0a7}' | '\u{f0b7}' | '*' | '\\' | '<' | '>' => {}
            c if c.is_whitespace() => {}
            c => {
                out.push(c);
                lines.extend(std::iter::repeat_n(line, c.len_utf8()));
            }
        }
    }
    Folded { text: out, lines }
}

/// Whether the text after a `<` is an address (`<http://…>`, `<mailto:…>`), not a tag.
fn is_autolink(rest: &str) -> bool {
    ["http://", "https://", "mailto:"].iter().any(|scheme| rest.starts_with(scheme))
}

/// The shortest piece of a cut cell that is telling enough to be looked for on its own.
const MIN_PIECE: usize = 12;

/// Where `text` stands in `source` at or after byte `from`: its first byte and the span of its
/// lines; `None` when it is not there whole. The earliest place wins, so that a text the document
/// repeats word for word is found where it stands first after the previous item.
fn find(source: &Folded, from: usize, text: &str) -> Option<(usize, LineSpan)> {
    let folded = fold(text).text;
    let head: String = folded.chars().take(MIN_PIECE).collect();
    if head.is_empty() {
        return None;
    }
    let haystack = source.text.get(from..)?;
    haystack.match_indices(&head).find_map(|(at, _)| {
        let end = pieces_from(&source.text, from + at, &folded, 3)?;
        Some((from + at, LineSpan { from: source.lines[from + at], to: source.lines[end - 1] }))
    })
}

/// Where `text` ends when it stands at byte `at` of `source`, whole or as up to `pieces` pieces in
/// order (a cell cut by a page break), each but the last at least `MIN_PIECE` characters long.
fn pieces_from(source: &str, at: usize, text: &str, pieces: usize) -> Option<usize> {
    let common: usize =
        source[at..].chars().zip(text.chars()).take_while(|(a, b)| a == b).map(|(a, _)| a.len_utf8()).sum();
    let (end, rest) = (at + common, &text[common..]);
    if rest.is_empty() {
        return Some(end);
    }
    if pieces <= 1 || text[..common].chars().count() < MIN_PIECE {
        return None;
    }
    let head: String = rest.chars().take(MIN_PIECE).collect();
    let next = end + source[end..].find(&head)?;
    pieces_from(source, next, rest, pieces - 1)
}

/// Sets `source_lines` on every objective and activity of `plan` found in `source`.
pub(super) fn locate(plan: &mut Plan, source: &str) {
    let folded = fold(source);
    let mut at = 0;
    for goal in &mut plan.goals {
        locate_goal(goal, &folded, &mut at);
    }
    for section in &mut plan.sections {
        locate_section(section, &folded, &mut at);
    }
}

/// Sets the lines of every passage of `document`'s body, each looked for after the previous one,
/// and of each of its tagged items (a vulnerable group, a proposal: a passage of a list, found
/// where it first stands).
pub(super) fn locate_document(document: &mut Document, source: &str) {
    let folded = fold(source);
    let mut at = 0;
    document.passages = markdown::passages(&document.body)
        .iter()
        .map(|passage| {
            let (begin, span) = find(&folded, at, &passage.text)?;
            at = begin;
            Some(span)
        })
        .collect();
    for item in document.vulnerable_groups.iter_mut().chain(&mut document.proposals) {
        item.source_lines = find(&folded, 0, &item.text).map(|(_, span)| span);
    }
}

fn locate_section(section: &mut Section, source: &Folded, at: &mut usize) {
    for goal in &mut section.goals {
        locate_goal(goal, source, at);
    }
    for inner in &mut section.sections {
        locate_section(inner, source, at);
    }
}

fn locate_goal(goal: &mut Goal, source: &Folded, at: &mut usize) {
    if let Some((begin, span)) = find(source, *at, &goal.text) {
        *at = begin;
        goal.source_lines = Some(span);
    }
    for objective in &mut goal.objectives {
        if let Some((begin, span)) = find(source, *at, &objective.text) {
            *at = begin;
            objective.source_lines = Some(span);
        }
        for activity in &mut objective.activities {
            if let Some((begin, span)) = find(source, *at, &activity.text) {
                *at = begin;
                activity.source_lines = Some(span);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_found_on_its_lines_after_the_previous_one() {
        let source = fold("Titlu\n1.1. Prima măsură\tCJ\n1.2. A doua\nmăsură, tăiată de pagină\tŞcoala\n");
        let (begin, span) = find(&source, 0, "1.1. Prima măsură").expect("found");
        assert_eq!(span, LineSpan { from: 2, to: 2 });
        let (_, span) = find(&source, begin, "1.2. A doua măsură, tăiată de pagină").expect("found");
        assert_eq!(span, LineSpan { from: 3, to: 4 });
        assert_eq!(find(&source, 0, "Școala").map(|(_, s)| s), Some(LineSpan { from: 4, to: 4 }));
        assert!(find(&source, 0, "o măsură care nu este acolo").is_none());
    }
}
