//! Implementation statuses (issue 20, item 4): a monitoring or activity report is a document
//! with `reports_on: <plan id>` and `statuses:`, each the status of one activity of that plan on
//! a day, read from lines of the report's source text. They are applied once every plan and
//! document is resolved: a report may be on any plan. Where two reports state a status for the
//! same activity, the newest date wins (on the same date, the report whose id sorts last): a later
//! report updates an earlier one. An activity no report speaks of keeps no status ("necunoscut").

use std::collections::{BTreeMap, HashMap};

use super::lines::span;
use super::report::{FileReport, field, item};
use crate::diagnostics::Diagnostics;
use crate::load::raw::{RawDocument, RawLines, RawStatus};
use crate::load::{Parsed, RawDocumentFile};
use crate::messages::Message;
use crate::model::*;

/// A status found valid, waiting to be set on its activity.
struct Found {
    plan: usize,
    anchor: String,
    status: ActivityStatus,
}

/// Checks every report's statuses, reporting their problems, and sets the valid ones on their
/// activities, the newest winning.
pub(super) fn apply(raw: &BTreeMap<String, Parsed<RawDocumentFile>>, site: &mut Site, diagnostics: &mut Diagnostics) {
    let mut found = Vec::new();
    for (id, parsed) in raw {
        let front = &parsed.value.front;
        if front.reports_on.is_none() && front.statuses.is_empty() {
            continue;
        }
        // A document not built (its county is unknown) has its error already.
        let Some(document) = site.documents.iter().position(|d| &d.id == id) else { continue };
        let mut report = FileReport::new(&parsed.file);
        if let Some(plan) = report_plan(&mut report, site, front) {
            found.extend(check_statuses(&mut report, site, front, (plan, DocumentId(document))));
            site.documents[document].reports_on = Some(PlanId(plan));
            site.documents[document].statuses = front.statuses.len();
            site.plans[plan].reports.push(DocumentId(document));
        }
        diagnostics.extend(report.finish());
    }
    for Found { plan, anchor, status } in found {
        if let Some(activity) = activities_mut(&mut site.plans[plan]).into_iter().find(|a| a.anchor == anchor) {
            let newer =
                activity.status.as_ref().is_none_or(|old| (&status.date, status.report) > (&old.date, old.report));
            if newer {
                activity.status = Some(status);
            }
        }
    }
}

/// The index of the plan the report is on, or `None` (reported) when it names none or no plan.
fn report_plan(report: &mut FileReport<'_>, site: &Site, front: &RawDocument) -> Option<usize> {
    let Some(id) = &front.reports_on else {
        report.error_at_key(
            "statuses".to_owned(),
            "statuses",
            Message::StatusesWithoutPlan,
            Some(Message::StatusesWithoutPlanHint),
        );
        return None;
    };
    let plan = site.plans.iter().position(|p| &p.id == id);
    if plan.is_none() {
        report.error(
            "reports_on".to_owned(),
            id,
            Message::ReportUnknownPlan { id: id.clone() },
            Some(Message::ReportUnknownPlanHint),
        );
    }
    plan
}

/// The valid statuses of the report `document` on `plan`; the others reported.
fn check_statuses(
    report: &mut FileReport<'_>,
    site: &Site,
    front: &RawDocument,
    (plan, document): (usize, DocumentId),
) -> Vec<Found> {
    let count = site.sources.get(&front.source).map(|text| text.lines().count());
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut found = Vec::new();
    for (i, raw) in front.statuses.iter().enumerate() {
        let at = item("", "statuses", i);
        let anchor = activity_anchor(report, &site.plans[plan], &at, &raw.item);
        let dated = check_date(report, &at, raw, (site.plans[plan].period_from, front.date.as_deref()));
        let lines = count.and_then(|count| check_lines(report, &at, &raw.lines, count));
        let Some(anchor) = anchor else { continue };
        if seen.insert(anchor.clone(), i).is_some() {
            report.error(
                field(&at, "item"),
                &raw.item,
                Message::StatusTwice { item: raw.item.clone() },
                Some(Message::StatusTwiceHint),
            );
            continue;
        }
        if let (true, Some(lines)) = (dated, lines) {
            let status = ActivityStatus { progress: raw.status, date: raw.date.clone(), report: document, lines };
            found.push(Found { plan, anchor, status });
        }
    }
    found
}

/// The anchor of the activity `item` names in `plan`: its number as printed (a final dot
/// optional) or its anchor; `None` (reported) when it names none or several.
fn activity_anchor(report: &mut FileReport<'_>, plan: &Plan, at: &str, item: &str) -> Option<String> {
    let wanted = item.trim().trim_end_matches('.');
    if let Some(activity) = plan.activities().find(|a| a.anchor == wanted) {
        return Some(activity.anchor.clone());
    }
    let numbered: Vec<&Activity> =
        plan.activities().filter(|a| a.number.as_deref().is_some_and(|n| n.trim_end_matches('.') == wanted)).collect();
    match numbered.as_slice() {
        [one] => Some(one.anchor.clone()),
        [] => {
            let message = Message::StatusItemUnknown { item: item.to_owned(), plan: plan.id.clone() };
            report.error(field(at, "item"), item, message, Some(Message::StatusItemUnknownHint));
            None
        }
        _ => {
            let message = Message::StatusItemAmbiguous { item: item.to_owned() };
            report.error(field(at, "item"), item, message, Some(Message::StatusItemAmbiguousHint));
            None
        }
    }
}

/// Whether the status's date is a day from the plan's first year to the report's own date
/// (`YYYY-MM-DD` strings compare as days); reports it otherwise.
fn check_date(report: &mut FileReport<'_>, at: &str, raw: &RawStatus, (from, until): (u16, Option<&str>)) -> bool {
    let path = field(at, "date");
    let mut day = FileReport::new(report.file);
    super::dates::check_date_at(&mut day, &path, &raw.date);
    let problems = day.finish();
    if !problems.is_empty() {
        report.found.extend(problems);
        return false;
    }
    let date = raw.date.clone();
    if raw.date.as_str() < format!("{from:04}-01-01").as_str() {
        let message = Message::StatusDateBeforePlan { date, from: usize::from(from) };
        report.error(path, &raw.date, message, Some(Message::StatusDateHint));
        return false;
    }
    if let Some(until) = until.filter(|until| raw.date.as_str() > *until) {
        let message = Message::StatusDateAfterReport { date, report: until.to_owned() };
        report.error(path, &raw.date, message, Some(Message::StatusDateHint));
        return false;
    }
    true
}

/// The spans of `lines` when every one is a line of a source of `count` lines and there is at
/// least one; `None` (reported) otherwise.
fn check_lines(report: &mut FileReport<'_>, at: &str, lines: &[RawLines], count: usize) -> Option<Vec<LineSpan>> {
    if lines.is_empty() {
        report.error_at_key(
            field(at, "lines"),
            "lines",
            Message::StatusWithoutLines,
            Some(Message::StatusWithoutLinesHint),
        );
        return None;
    }
    let mut spans = Vec::new();
    for (j, line) in lines.iter().enumerate() {
        match span(line, count) {
            Ok(s) => spans.push(s),
            Err((message, hint)) => {
                let value = match line {
                    RawLines::One(n) => n.to_string(),
                    RawLines::Range(text) => text.clone(),
                };
                report.error(format!("{}[{j}]", field(at, "lines")), &value, message, Some(hint));
            }
        }
    }
    (spans.len() == lines.len()).then_some(spans)
}

/// Every activity of `plan`, mutable, wherever it stands.
fn activities_mut(plan: &mut Plan) -> Vec<&mut Activity> {
    let mut goals: Vec<&mut Goal> = plan.goals.iter_mut().collect();
    for section in &mut plan.sections {
        section_goals(section, &mut goals);
    }
    goals.into_iter().flat_map(|g| g.objectives.iter_mut()).flat_map(|o| o.activities.iter_mut()).collect()
}

fn section_goals<'a>(section: &'a mut Section, out: &mut Vec<&'a mut Goal>) {
    out.extend(section.goals.iter_mut());
    for child in &mut section.sections {
        section_goals(child, out);
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostics::Diagnostics;
    use crate::messages::Lang;
    use crate::vocabulary::Progress;

    /// A plan whose two activities share the number 1.1.1. (a duplicate the document printed)
    /// and the reports `reports`, resolved in memory: the statuses of its activities and the
    /// messages.
    fn resolved(reports: &[(&str, &str)]) -> (Vec<Option<(Progress, String)>>, Vec<String>) {
        let plan = "title: T\ntype: plan-droguri\ncounty: c\nperiod: {from: 2022, to: 2026}\nsource: s.txt\nlabels: {goal: G, objective: O, activity: A, indicators: I, period: P, responsible: R}\ngoals:\n  - number: \"1\"\n    text: G\n    objectives:\n      - number: \"1.1.\"\n        text: O\n        activities:\n          - {number: \"1.1.1.\", text: A}\n          - {number: \"1.1.1.\", id: a-1-1-1-bis, text: B}\n";
        let mut files: Vec<(String, Vec<u8>)> = vec![
            ("content/counties.yaml".into(), b"- {slug: c, name: C, code: RO-CC}\n".to_vec()),
            ("content/themes.yaml".into(), b"- {id: t, name: T}\n".to_vec()),
            ("content/institution-types.yaml".into(), b"- {id: d, name: D}\n".to_vec()),
            ("content/plans/p.yaml".into(), plan.as_bytes().to_vec()),
            ("content/sources/s.txt".into(), b"one\ntwo\nthree\n".to_vec()),
        ];
        for (id, statuses) in reports {
            let front = format!(
                "---\ntitle: R\nkind: raport-monitorizare\ncounty: c\nsource: s.txt\nreports_on: p\nstatuses:\n{statuses}---\nBody\n"
            );
            files.push((format!("content/documents/{id}.md"), front.into_bytes()));
        }
        let files: Vec<(&str, &[u8])> = files.iter().map(|(p, b)| (p.as_str(), b.as_slice())).collect();
        let mut diagnostics = Diagnostics::default();
        let raw = crate::load::load_content_from_memory(&files, &mut diagnostics);
        let site = super::super::resolve(raw, &mut diagnostics);
        let messages = diagnostics.sorted().into_iter().map(|d| d.message.text(Lang::En)).collect();
        let statuses = site
            .plans
            .first()
            .map(|p| {
                p.activities()
                    .map(|a| a.status.as_ref().map(|s| (s.progress, site.documents[s.report.0].id.clone())))
                    .collect()
            })
            .unwrap_or_default();
        (statuses, messages)
    }

    #[test]
    fn a_number_two_activities_share_is_refused_and_the_anchor_names_one() {
        let (statuses, messages) = resolved(&[(
            "r",
            "  - {item: \"1.1.1.\", status: realizat, date: 2023-12-31, lines: [1]}\n  - {item: a-1-1-1-bis, status: partial, date: 2023-12-31, lines: [2]}\n",
        )]);
        assert_eq!(messages, ["several activities of the plan are numbered `1.1.1.`"]);
        assert_eq!(statuses, [None, Some((Progress::Partial, "r".to_owned()))]);
    }

    #[test]
    fn the_newest_date_wins_and_on_one_day_the_report_whose_id_sorts_last() {
        let status = |progress: &str, date: &str| {
            format!("  - {{item: a-1-1-1-bis, status: {progress}, date: {date}, lines: [1]}}\n")
        };
        let (later, older) = (status("realizat", "2024-06-30"), status("in-curs", "2023-12-31"));
        let (statuses, messages) = resolved(&[("a", &later), ("b", &older)]);
        assert!(messages.is_empty(), "{messages:?}");
        assert_eq!(statuses[1], Some((Progress::Done, "a".to_owned())));
        let (statuses, _) =
            resolved(&[("a", &status("in-curs", "2023-12-31")), ("b", &status("anulat", "2023-12-31"))]);
        assert_eq!(statuses[1], Some((Progress::Cancelled, "b".to_owned())));
    }
}
