//! The pages of a national framework: its coverage matrix (counties × objectives), and each of
//! its objectives with the adopting counties side by side and those that leave it out.

use serde::Serialize;

use super::{CountyLink, CountyObjectives, TitledLink, Views};
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
    /// The counties that adopted the framework but not this objective.
    pub absent: Vec<CountyLink<'a>>,
}

/// A framework as its page names it.
#[derive(Serialize)]
pub struct FrameworkView<'a> {
    /// Its title.
    pub title: &'a str,
    /// Its short title, if any.
    pub short_title: Option<&'a str>,
}

/// One cell of the coverage matrix: a county and a framework objective.
#[derive(Serialize)]
pub struct CoverageCell {
    /// Whether the county's plans include the objective.
    pub present: bool,
    /// How many activities they plan for it.
    pub activities: usize,
}

/// One row of the coverage matrix: a framework objective across the counties.
#[derive(Serialize)]
pub struct CoverageRow<'a> {
    /// The objective's id.
    pub id: &'a str,
    /// Its official wording.
    pub text: &'a str,
    /// Its page.
    pub url: String,
    /// The index of its goal in `goals`.
    pub goal: usize,
    /// One cell per county of `counties`.
    pub cells: Vec<CoverageCell>,
}

/// A framework goal, as the coverage matrix groups rows.
#[derive(Serialize)]
pub struct GoalRow<'a> {
    /// Its official wording.
    pub text: &'a str,
    /// A note about it, if any.
    pub note: Option<&'a str>,
}

/// `framework.html`: a framework's objectives and the coverage matrix (counties × objectives).
#[derive(Serialize)]
pub struct FrameworkPage<'a> {
    /// The framework.
    pub framework: FrameworkView<'a>,
    /// The counties whose plans adopt it: the matrix's columns.
    pub counties: Vec<CountyLink<'a>>,
    /// Its goals.
    pub goals: Vec<GoalRow<'a>>,
    /// One row per objective.
    pub rows: Vec<CoverageRow<'a>>,
}

impl<'a> Views<'a> {
    /// The page of one framework objective: every adopting county side by side. `None` for a
    /// reference to a goal, which has no page.
    pub fn framework_objective(&self, r: FrameworkRef) -> Option<FrameworkObjectivePage<'a>> {
        let site = self.site;
        let framework = &site.frameworks[r.framework];
        let objective = site.framework_objective(r)?;
        let mut present = Vec::new();
        let mut absent = Vec::new();
        for county in self.framework_counties(r.framework) {
            let links = self.county_links(r, county);
            if links.is_empty() {
                absent.push(self.county_link(county));
            } else {
                present.push(CountyObjectives {
                    county: self.county_link(county),
                    objectives: self.local_objectives(&links, 3),
                });
            }
        }
        Some(FrameworkObjectivePage {
            framework: TitledLink { title: &framework.title, url: self.url(&urls::framework(&framework.id)) },
            goal: FrameworkGoalView { wordings: &site.framework_goal(r).wordings },
            objective: FrameworkObjectiveView {
                id: &objective.id,
                wordings: &objective.wordings,
                note: objective.note.as_deref(),
            },
            present,
            absent,
        })
    }

    /// The framework page: its objectives and the coverage matrix (counties × objectives).
    pub fn framework(&self, f: usize) -> FrameworkPage<'a> {
        let framework = &self.site.frameworks[f];
        let counties = self.framework_counties(f);
        let mut rows = Vec::new();
        for (g, goal) in framework.goals.iter().enumerate() {
            for (o, objective) in goal.objectives.iter().enumerate() {
                let r = FrameworkRef { framework: f, goal: g, objective: Some(o) };
                rows.push(CoverageRow {
                    id: &objective.id,
                    text: &objective.wordings[0],
                    url: self.url(&urls::framework_objective(&framework.id, &objective.id)),
                    goal: g,
                    cells: counties.iter().map(|c| self.coverage(r, *c)).collect(),
                });
            }
        }
        FrameworkPage {
            framework: FrameworkView { title: &framework.title, short_title: framework.short_title.as_deref() },
            counties: counties.iter().map(|c| self.county_link(*c)).collect(),
            goals: framework.goals.iter().map(|g| GoalRow { text: &g.wordings[0], note: g.note.as_deref() }).collect(),
            rows,
        }
    }

    /// Whether `county` includes a framework objective, and with how many activities.
    fn coverage(&self, r: FrameworkRef, county: CountyId) -> CoverageCell {
        let links = self.county_links(r, county);
        let activities = links.iter().map(|(p, i)| self.index.objective(*p, *i).objective.activities.len()).sum();
        CoverageCell { present: !links.is_empty(), activities }
    }
}
