//! The pages of a national framework: its coverage matrix (counties × objectives), and each of
//! its objectives with the adopting counties side by side and those that leave it out.

use serde::Serialize;

use super::{CountyLink, CountyObjectives, Link, TitledLink, Views};
use crate::model::*;
use crate::urls;

/// The wordings of a framework goal.
#[derive(Serialize)]
pub struct FrameworkGoalView<'a> {
    /// Every wording; the first is the official one.
    pub wordings: &'a [String],
}

/// A framework objective as its page names it.
#[derive(Serialize)]
pub struct FrameworkObjectiveView<'a> {
    /// Its id in the framework.
    pub id: &'a str,
    /// Every wording; the first is the official one.
    pub wordings: &'a [String],
    /// A note about it, if any.
    pub note: Option<&'a str>,
}

/// `framework_objective.html`: every adopting county side by side for one framework objective.
#[derive(Serialize)]
pub struct FrameworkObjectivePage<'a> {
    /// The framework.
    pub framework: TitledLink<'a>,
    /// The objective's goal.
    pub goal: FrameworkGoalView<'a>,
    /// The objective.
    pub objective: FrameworkObjectiveView<'a>,
    /// The counties whose plans include it.
    pub present: Vec<CountyObjectives<'a>>,
    /// The counties with a plan of the framework's types that leaves this objective out.
    pub absent: Vec<CountyLink<'a>>,
    /// The counties with no plan of those types on the portal: whether they include the
    /// objective is not known, so they are not `absent`.
    pub no_plan: Vec<CountyLink<'a>>,
    /// The types of the plans that adopt the framework, in Romanian, lower case after the first
    /// word's capital ("Plan de acțiune în domeniul drogurilor"): what `no_plan` counties lack.
    pub plan_types: Vec<&'static str>,
    /// The tile-grid map of the counties, coloured by coverage of the objective (issue 20, map).
    pub map: super::CountyMap<'a>,
}

/// A framework as its page names it.
#[derive(Serialize)]
pub struct FrameworkView<'a> {
    /// Its title.
    pub title: &'a str,
    /// Its short title, if any.
    pub short_title: Option<&'a str>,
}

/// A local objective a coverage cell links to.
#[derive(Serialize)]
pub struct CellLink<'a> {
    /// Its number as printed in its plan, if any.
    pub number: Option<&'a str>,
    /// How many activities it has.
    pub activities: usize,
    /// Its page.
    pub url: String,
}

/// One cell of the coverage matrix: a county and a framework objective.
#[derive(Serialize)]
pub struct CoverageCell<'a> {
    /// `present` (the county's plan includes the objective), `absent` (it has a plan of the
    /// framework's type that leaves it out) or `no-plan` (it has no such plan on the portal, so
    /// nothing is known); also the cell's CSS class.
    pub state: &'static str,
    /// How many activities the county's plans have for it, in all.
    pub activities: usize,
    /// The county's objectives linked to it, each with its page.
    pub objectives: Vec<CellLink<'a>>,
}

/// One row of the coverage matrix: a framework objective across the counties.
#[derive(Serialize)]
pub struct CoverageRow<'a> {
    /// Its place in the whole table, from 1, continuing across goals (the chart numbers rows so).
    pub number: usize,
    /// The objective's id.
    pub id: &'a str,
    /// Its official wording.
    pub text: &'a str,
    /// Its page.
    pub url: String,
    /// One cell per county of `counties`.
    pub cells: Vec<CoverageCell<'a>>,
}

/// A framework goal and its objectives: a group of rows of the coverage matrix, so that two
/// objectives worded alike under different goals are told apart by their group.
#[derive(Serialize)]
pub struct GoalRows<'a> {
    /// The goal's id.
    pub id: &'a str,
    /// Its official wording.
    pub text: &'a str,
    /// A note about it, if any.
    pub note: Option<&'a str>,
    /// Its objectives.
    pub rows: Vec<CoverageRow<'a>>,
}

/// A column of the coverage matrix: a county, and whether it has a plan the framework concerns.
#[derive(Serialize)]
pub struct CoverageColumn<'a> {
    /// The county.
    pub county: CountyLink<'a>,
    /// Whether it has on the portal a plan of a type that adopts the framework.
    pub has_plan: bool,
}

/// `framework.html`: a framework's objectives and the coverage matrix (counties × objectives).
#[derive(Serialize)]
pub struct FrameworkPage<'a> {
    /// The framework.
    pub framework: FrameworkView<'a>,
    /// The CSV of its objectives and the local objectives linked to them.
    pub downloads: Vec<Link<'a>>,
    /// The types of the plans that adopt it, in Romanian ("Plan de acțiune în domeniul
    /// drogurilor"): whose absence a `no-plan` column means.
    pub plan_types: Vec<&'static str>,
    /// Every county of the content: first those with a plan of those types, then the others,
    /// each in Romanian alphabetical order.
    pub counties: Vec<CoverageColumn<'a>>,
    /// How many counties have a plan of those types (the first columns).
    pub with_plan: usize,
    /// How many have none on the portal.
    pub without_plan: usize,
    /// Its goals, each with its objectives' rows.
    pub goals: Vec<GoalRows<'a>>,
    /// How many objectives (rows) in all: the chart's height.
    pub objective_count: usize,
}

impl<'a> Views<'a> {
    /// The page of one framework objective: every adopting county side by side. `None` for a
    /// reference to a goal, which has no page.
    pub fn framework_objective(&self, r: FrameworkRef) -> Option<FrameworkObjectivePage<'a>> {
        let site = self.site;
        let framework = &site.frameworks[r.framework];
        let objective = site.framework_objective(r)?;
        let types = self.framework_plan_types(r.framework);
        let (mut present, mut absent, mut no_plan) = (Vec::new(), Vec::new(), Vec::new());
        for county in self.index.counties_by_name.iter().copied() {
            let links = self.county_links(r, county);
            if !self.has_plan_of(county, &types) {
                no_plan.push(self.county_link(county));
            } else if links.is_empty() {
                absent.push(self.county_link(county));
            } else {
                present.push(CountyObjectives {
                    county: self.county_link(county),
                    objectives: self.local_objectives(&links, 3, r),
                });
            }
        }
        let map = self.coverage_map(|c| !self.county_links(r, c).is_empty(), |c| self.has_plan_of(c, &types));
        Some(FrameworkObjectivePage {
            map,
            framework: TitledLink { title: &framework.title, url: self.url(&urls::framework(&framework.id)) },
            goal: FrameworkGoalView { wordings: &site.framework_goal(r).wordings },
            objective: FrameworkObjectiveView {
                id: &objective.id,
                wordings: &objective.wordings,
                note: objective.note.as_deref(),
            },
            present,
            absent,
            no_plan,
            plan_types: types.iter().map(|t| t.label()).collect(),
        })
    }

    /// The framework page: its objectives and the coverage matrix, every county of the content
    /// a column, those without a plan of the framework's types marked as such.
    pub fn framework(&self, f: usize) -> FrameworkPage<'a> {
        let framework = &self.site.frameworks[f];
        let types = self.framework_plan_types(f);
        let (with, without): (Vec<CountyId>, Vec<CountyId>) =
            self.index.counties_by_name.iter().copied().partition(|c| self.has_plan_of(*c, &types));
        let columns: Vec<(CountyId, bool)> =
            with.iter().map(|c| (*c, true)).chain(without.iter().map(|c| (*c, false))).collect();
        let mut number = 0;
        let goals = framework
            .goals
            .iter()
            .enumerate()
            .map(|(g, goal)| GoalRows {
                id: &goal.id,
                text: &goal.wordings[0],
                note: goal.note.as_deref(),
                rows: goal
                    .objectives
                    .iter()
                    .enumerate()
                    .map(|(o, objective)| {
                        let r = FrameworkRef { framework: f, goal: g, objective: Some(o) };
                        number += 1;
                        CoverageRow {
                            number,
                            id: &objective.id,
                            text: &objective.wordings[0],
                            url: self.url(&urls::framework_objective(&framework.id, &objective.id)),
                            cells: columns.iter().map(|(c, has_plan)| self.coverage(r, *c, *has_plan)).collect(),
                        }
                    })
                    .collect(),
            })
            .collect();
        FrameworkPage {
            framework: FrameworkView { title: &framework.title, short_title: framework.short_title.as_deref() },
            downloads: vec![
                self.link("CSV: obiectivele strategiei și obiectivele județene", &urls::framework_csv(&framework.id)),
                self.link(
                    "XLSX (Excel): obiectivele strategiei și obiectivele județene",
                    &urls::xlsx_of(&urls::framework_csv(&framework.id)),
                ),
            ],
            plan_types: types.iter().map(|t| t.label()).collect(),
            counties: columns
                .iter()
                .map(|(c, has_plan)| CoverageColumn { county: self.county_link(*c), has_plan: *has_plan })
                .collect(),
            with_plan: with.len(),
            without_plan: without.len(),
            goals,
            objective_count: number,
        }
    }

    /// The types of the plans that link to framework `f`, in vocabulary order: a county without
    /// a plan of these types says nothing about the framework.
    pub(super) fn framework_plan_types(&self, f: usize) -> Vec<PlanType> {
        let site = self.site;
        PlanType::ALL
            .iter()
            .copied()
            .filter(|t| {
                self.index
                    .framework_links
                    .iter()
                    .filter(|(r, _)| r.framework == f)
                    .any(|(_, links)| links.iter().any(|(p, _)| site.plans[p.0].plan_type == *t))
            })
            .collect()
    }

    /// Whether `county` has on the portal a plan of one of `types`.
    pub(super) fn has_plan_of(&self, county: CountyId, types: &[PlanType]) -> bool {
        self.index.plans_by_county[county.0].iter().any(|p| types.contains(&self.site.plans[p.0].plan_type))
    }

    /// Whether `county` includes a framework objective, with which objectives and how many
    /// activities; `no-plan` when it has no plan the framework concerns.
    fn coverage(&self, r: FrameworkRef, county: CountyId, has_plan: bool) -> CoverageCell<'a> {
        let site = self.site;
        let objectives: Vec<CellLink<'a>> = self
            .county_links(r, county)
            .iter()
            .map(|(p, i)| {
                let plan = &site.plans[p.0];
                let objective = self.index.objective(*p, *i).objective;
                CellLink {
                    number: objective.number.as_deref(),
                    activities: objective.activities.len(),
                    url: self.url(&urls::objective(&plan.id, &objective.anchor)),
                }
            })
            .collect();
        let state = match (objectives.is_empty(), has_plan) {
            (false, _) => "present",
            (true, true) => "absent",
            (true, false) => "no-plan",
        };
        CoverageCell { state, activities: objectives.iter().map(|o| o.activities).sum(), objectives }
    }
}
