//! Implementation status (issue 20, item 4): each activity's tag, and the counts per status with
//! a bar for an objective, a plan and a county. A plan no report is on shows no tag per activity:
//! its page says once that the status is unknown, and why (`PlanProgress::reports` empty).

use serde::Serialize;

use super::{LineLink, Link, Views};
use crate::model::*;
use crate::urls;
use crate::vocabulary::{PROGRESS_UNKNOWN, Progress};

/// An activity's status tag: „Realizat” with its date, report and line, or „Necunoscut”.
#[derive(Serialize)]
pub struct StatusTag<'a> {
    /// The status code (`realizat`, …, `necunoscut`), also the tag's CSS class `status-<code>`.
    pub code: &'static str,
    /// The status in Romanian („Realizat”, „Necunoscut”).
    pub label: &'static str,
    /// The day it holds on, `YYYY-MM-DD`; none when unknown.
    pub date: Option<&'a str>,
    /// The day as Romanian writes it, `31.12.2023`.
    pub date_ro: Option<String>,
    /// The report that states it, linked to its document page.
    pub report: Option<Link<'a>>,
    /// The lines of the report's source text it was read from, linked.
    pub lines: Vec<LineLink>,
}

/// How many activities have each status: one row per status that has any, unknown last.
#[derive(Serialize)]
pub struct StatusRollup {
    /// Every activity counted.
    pub total: usize,
    /// The activities of each status that has any, in the vocabulary's order, unknown last.
    pub rows: Vec<StatusCount>,
}

/// The activities of one status, and their segment of the bar.
#[derive(Serialize)]
pub struct StatusCount {
    /// The status code, also the segment's CSS class `status-<code>`.
    pub code: &'static str,
    /// The status in Romanian.
    pub label: &'static str,
    /// How many activities have it.
    pub count: usize,
    /// Where its segment starts, in percent of the bar (`"40"`).
    pub x: String,
    /// Its segment's width, in percent of the bar.
    pub width: String,
}

/// The status of a plan's activities, on its page.
#[derive(Serialize)]
pub struct PlanProgress<'a> {
    /// The monitoring or activity reports on the plan; none: every status is unknown, said once.
    pub reports: Vec<Link<'a>>,
    /// The counts per status of its activities.
    pub rollup: StatusRollup,
}

/// The status of the activities of a county's plans, on its page.
#[derive(Serialize)]
pub struct CountyProgress {
    /// How many of its plans a report is on; none: every status is unknown, said once.
    pub reported_plans: usize,
    /// How many plans it has.
    pub plans: usize,
    /// The counts per status of the activities of all its plans.
    pub rollup: StatusRollup,
}

impl StatusRollup {
    /// The counts of `statuses`, one per activity (`None`: unknown).
    pub fn of<'s>(statuses: impl Iterator<Item = Option<&'s ActivityStatus>>) -> StatusRollup {
        let mut counts = [0usize; 6];
        for status in statuses {
            let k = status
                .map_or(Progress::ALL.len(), |s| Progress::ALL.iter().position(|p| *p == s.progress).unwrap_or(0));
            counts[k] += 1;
        }
        let total: usize = counts.iter().sum();
        let codes = Progress::ALL.iter().map(|p| (p.code(), p.label())).chain([PROGRESS_UNKNOWN]);
        let mut start = 0;
        let mut rows = Vec::new();
        for ((code, label), count) in codes.zip(counts) {
            if count == 0 {
                continue;
            }
            let percent = |n: usize| format!("{:.2}", n as f64 * 100.0 / total as f64);
            rows.push(StatusCount { code, label, count, x: percent(start), width: percent(count) });
            start += count;
        }
        StatusRollup { total, rows }
    }
}

impl<'a> Views<'a> {
    /// The tag of `activity` of `plan`; `None` when no report is on the plan (its page says so).
    pub fn status_tag(&self, plan: &'a Plan, activity: &'a Activity) -> Option<StatusTag<'a>> {
        if plan.reports.is_empty() {
            return None;
        }
        let Some(status) = &activity.status else {
            let (code, label) = PROGRESS_UNKNOWN;
            return Some(StatusTag { code, label, date: None, date_ro: None, report: None, lines: Vec::new() });
        };
        let report = &self.site.documents[status.report.0];
        Some(StatusTag {
            code: status.progress.code(),
            label: status.progress.label(),
            date: Some(&status.date),
            date_ro: Some(status.date.split('-').rev().collect::<Vec<_>>().join(".")),
            report: Some(self.link(&report.title, &urls::document(&report.id))),
            lines: self.line_links(&report.source, &status.lines),
        })
    }

    /// The counts per status of `objective`'s activities; `None` when no report is on its plan.
    pub fn objective_progress(&self, plan: &Plan, objective: &Objective) -> Option<StatusRollup> {
        (!plan.reports.is_empty()).then(|| StatusRollup::of(objective.activities.iter().map(|a| a.status.as_ref())))
    }

    /// The status of `plan`'s activities and the reports on it.
    pub fn plan_progress(&self, plan: &'a Plan) -> PlanProgress<'a> {
        let reports = plan
            .reports
            .iter()
            .map(|d| &self.site.documents[d.0])
            .map(|d| self.link(&d.title, &urls::document(&d.id)))
            .collect();
        PlanProgress { reports, rollup: StatusRollup::of(plan.activities().map(|a| a.status.as_ref())) }
    }

    /// The status of the activities of every plan of `county`.
    pub fn county_progress(&self, county: CountyId) -> CountyProgress {
        let plans: Vec<&Plan> = self.index.plans_by_county[county.0].iter().map(|p| &self.site.plans[p.0]).collect();
        CountyProgress {
            reported_plans: plans.iter().filter(|p| !p.reports.is_empty()).count(),
            plans: plans.len(),
            rollup: StatusRollup::of(plans.iter().flat_map(|p| p.activities()).map(|a| a.status.as_ref())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(progress: Progress) -> ActivityStatus {
        ActivityStatus { progress, date: "2023-12-31".into(), report: DocumentId(0), lines: Vec::new() }
    }

    #[test]
    fn a_rollup_counts_each_status_and_lays_the_segments_end_to_end() {
        let (done, partial) = (status(Progress::Done), status(Progress::Partial));
        let rollup = StatusRollup::of([Some(&done), None, Some(&partial), Some(&done)].into_iter());
        assert_eq!(rollup.total, 4);
        let rows: Vec<(&str, usize, &str, &str)> =
            rollup.rows.iter().map(|r| (r.code, r.count, r.x.as_str(), r.width.as_str())).collect();
        assert_eq!(
            rows,
            [("realizat", 2, "0.00", "50.00"), ("partial", 1, "50.00", "25.00"), ("necunoscut", 1, "75.00", "25.00")]
        );
        assert!(StatusRollup::of(std::iter::empty()).rows.is_empty());
    }
}
