//! The page of one objective of a plan: its activities, its neighbours in the plan and the
//! same framework objective in other plans.

use serde::Serialize;

use super::{Citation, CiteSource, CountyLink, ItemLink, LabelsView, ObjectiveView, PlanSummary, Views};
use crate::model::index::ObjectiveEntry;
use crate::model::*;

/// One section on the way from a plan to an objective.
#[derive(Serialize)]
pub struct PathStep<'a> {
    /// What the plan calls the section, if anything.
    pub level: Option<&'a str>,
    /// Its number as printed, if any.
    pub number: Option<&'a str>,
    /// Its title, if any.
    pub title: Option<&'a str>,
}

/// The goal (or intermediate level) an objective belongs to, as its page names it.
#[derive(Serialize)]
pub struct GoalHead<'a> {
    /// What the plan calls a goal (an intermediate level).
    pub label: &'a str,
    /// Its number as printed, if any.
    pub number: Option<&'a str>,
    /// Its wording.
    pub text: &'a str,
}

/// An objective of another plan, with that plan.
#[derive(Serialize)]
pub struct PlanObjective<'a> {
    /// The plan.
    pub plan: PlanSummary<'a>,
    /// The plan's county.
    pub county: CountyLink<'a>,
    /// The objective, with its activities.
    pub objective: ObjectiveView<'a>,
}

/// `objective.html`: one objective of a plan, and the same framework objective in other plans.
#[derive(Serialize)]
pub struct ObjectivePage<'a> {
    /// The plan.
    pub plan: PlanSummary<'a>,
    /// The sections from the plan down to the objective.
    pub path: Vec<PathStep<'a>>,
    /// The objective's goal.
    pub goal: GoalHead<'a>,
    /// The intermediate level between the goal and the objective, where the plan has one.
    pub intermediate: Option<GoalHead<'a>>,
    /// What the plan calls its levels and columns.
    pub labels: LabelsView<'a>,
    /// The objective, with its activities.
    pub objective: ObjectiveView<'a>,
    /// The objectives of other plans linked to the same framework objective.
    pub elsewhere: Vec<PlanObjective<'a>>,
    /// The objective before it in the plan, if any.
    pub previous: Option<ItemLink<'a>>,
    /// The objective after it in the plan, if any.
    pub next: Option<ItemLink<'a>>,
    /// Its place among the plan's objectives, from 1.
    pub position: usize,
    /// How many objectives the plan has.
    pub of: usize,
    /// The citation of each activity, at its anchor on this page, in the order of the page.
    pub activity_cites: Vec<ActivityCite>,
}

/// How to cite one activity of an objective page.
#[derive(Serialize)]
pub struct ActivityCite {
    /// Its label and number, as the page names it: `Activitatea 1.1.1`.
    pub name: String,
    /// The id of its element on the page, to which the citation's address points.
    pub id: String,
    /// Its citation.
    pub cite: Citation,
}

/// What an objective page's activities are cited as: the page's own citation source, the portal's
/// name and the page's absolute address.
pub struct CiteContext<'c> {
    /// The plan's issuer, act and date.
    pub source: CiteSource<'c>,
    /// The portal's name.
    pub portal: &'c str,
    /// The page's absolute address, without anchor.
    pub url: String,
}

impl<'a> Views<'a> {
    /// The `index`-th objective of `plan_id` as a previous/next link, if there is one.
    fn objective_step(&self, plan_id: PlanId, index: Option<usize>) -> Option<ItemLink<'a>> {
        let plan = &self.site.plans[plan_id.0];
        let objective = self.index.objectives[plan_id.0].get(index?)?.objective;
        Some(self.objective_link(plan, objective))
    }

    /// The page of the `index`-th specific objective of `plan_id`, with the same framework
    /// objective elsewhere and its neighbours in the plan.
    pub fn objective_page(&self, plan_id: PlanId, index: usize, cite: CiteContext<'_>) -> ObjectivePage<'a> {
        let entry: &ObjectiveEntry<'a> = self.index.objective(plan_id, index);
        let plan = &self.site.plans[plan_id.0];
        let (objective, goal) = (entry.objective, entry.goal);
        let view = self.objective(plan, objective, 2);
        let activity_cites = view.activities.iter().map(|a| activity_cite(a, &cite)).collect();
        ObjectivePage {
            activity_cites,
            plan: self.plan_summary(plan_id),
            path: entry
                .path
                .iter()
                .map(|s| PathStep { level: s.level.as_deref(), number: s.number.as_deref(), title: s.title.as_deref() })
                .collect(),
            goal: GoalHead {
                label: goal.label.as_deref().unwrap_or(&plan.labels.goal),
                number: goal.number.as_deref(),
                text: &goal.text,
            },
            intermediate: objective.intermediate.and_then(|k| goal.intermediates.get(k)).map(|level| GoalHead {
                label: level.label.as_deref().or(plan.labels.intermediate.as_deref()).unwrap_or_default(),
                number: level.number.as_deref(),
                text: &level.text,
            }),
            labels: LabelsView::of(&plan.labels),
            objective: view,
            elsewhere: self.elsewhere(plan_id, objective),
            previous: self.objective_step(plan_id, index.checked_sub(1)),
            next: self.objective_step(plan_id, Some(index + 1)),
            position: index + 1,
            of: self.index.objectives[plan_id.0].len(),
        }
    }

    /// The objectives of other plans than `plan_id` linked to the framework objective of `objective`.
    fn elsewhere(&self, plan_id: PlanId, objective: &Objective) -> Vec<PlanObjective<'a>> {
        let (site, index) = (self.site, self.index);
        objective
            .framework
            .and_then(|r| index.framework_links.get(&r))
            .into_iter()
            .flatten()
            .filter(|(p, _)| *p != plan_id)
            .map(|(p, o)| {
                let other_plan = &site.plans[p.0];
                PlanObjective {
                    plan: self.plan_summary(*p),
                    county: self.county_link(other_plan.county),
                    objective: self.objective(other_plan, index.objective(*p, *o).objective, 3),
                }
            })
            .collect()
    }
}

/// The citation of activity `a` of an objective page: its label and number within the plan.
fn activity_cite(a: &super::ActivityView<'_>, cite: &CiteContext<'_>) -> ActivityCite {
    let name = format!("{} {}", a.label, a.number.unwrap_or("")).trim_end().to_owned();
    let url = format!("{}#{}", cite.url, a.id);
    ActivityCite { cite: Citation::new(cite.source, &name, cite.portal, url), id: a.id.clone(), name }
}
