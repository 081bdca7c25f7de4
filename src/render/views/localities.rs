//! The places (issue 20): a page per locality (`localitati/<slug>/`) with its county, the
//! publications that are its own and every activity tagged with it, grouped by plan and
//! objective; the index of localities by county (`localitati/`); the links an activity and a
//! county page make to them.

use serde::Serialize;

use super::{ActivityView, CountyLink, DocumentSummary, ItemLink, LabelsView, Link, PlanSummary, Views};
use crate::model::*;
use crate::urls;

/// A locality as its page names it.
#[derive(Serialize)]
pub struct LocalityView<'a> {
    /// Its slug, as in its address.
    pub slug: &'a str,
    /// Its name, as written.
    pub name: &'a str,
    /// `municipiu`, `oraș` or `comună`.
    pub kind: &'a str,
    /// Its county.
    pub county: CountyLink<'a>,
}

/// The activities of one objective that name a locality.
#[derive(Serialize)]
pub struct LocalityObjective<'a> {
    /// The objective, linked to its page.
    pub objective: ItemLink<'a>,
    /// Its activities tagged with the locality, in plan order, each linking to its anchor.
    pub activities: Vec<ActivityView<'a>>,
}

/// The activities of one plan that name a locality.
#[derive(Serialize)]
pub struct LocalityPlan<'a> {
    /// The plan.
    pub plan: PlanSummary<'a>,
    /// What the plan calls its levels and columns.
    pub labels: LabelsView<'a>,
    /// Its objectives with tagged activities, in plan order.
    pub objectives: Vec<LocalityObjective<'a>>,
}

/// `locality.html`: what the portal has about one locality.
#[derive(Serialize)]
pub struct LocalityPage<'a> {
    /// The locality.
    pub locality: LocalityView<'a>,
    /// The plans that are its own (`locality:`), by title.
    pub plans: Vec<PlanSummary<'a>>,
    /// The documents that are its own, by title.
    pub documents: Vec<DocumentSummary<'a>>,
    /// The activities tagged with it, by plan and objective.
    pub groups: Vec<LocalityPlan<'a>>,
    /// How many activities are tagged with it.
    pub activity_count: usize,
    /// The index of localities, at its county.
    pub index: String,
}

/// A locality as the index lists it.
#[derive(Serialize)]
pub struct LocalityRow<'a> {
    /// Its name.
    pub name: &'a str,
    /// `municipiu`, `oraș` or `comună`.
    pub kind: &'a str,
    /// Its page.
    pub url: String,
    /// How many activities are tagged with it.
    pub activities: usize,
    /// How many publications are its own.
    pub publications: usize,
}

/// The localities of one county.
#[derive(Serialize)]
pub struct LocalityCounty<'a> {
    /// The county.
    pub county: CountyLink<'a>,
    /// Its localities, in Romanian alphabetical order of name.
    pub localities: Vec<LocalityRow<'a>>,
}

/// `localities.html`: every locality, by county.
#[derive(Serialize)]
pub struct LocalitiesPage<'a> {
    /// The counties that have localities, in Romanian alphabetical order.
    pub counties: Vec<LocalityCounty<'a>>,
}

impl<'a> Views<'a> {
    /// A locality's page.
    pub fn locality(&self, id: LocalityId) -> LocalityPage<'a> {
        let (site, index) = (self.site, self.index);
        let locality = &site.localities[id.0];
        let county = site.county(locality.county);
        let (plans, documents) = &index.locality_publications[id.0];
        let tagged = &index.locality_activities[id.0];
        LocalityPage {
            locality: self.locality_view(id),
            plans: self.by_title(plans, |p| &site.plans[p.0].title, |p| self.plan_summary(p)),
            documents: self.by_title(documents, |d| &site.documents[d.0].title, |d| self.document_summary(d)),
            groups: tagged.chunk_by(|a, b| a.0 == b.0).map(|chunk| self.locality_plan(chunk)).collect(),
            activity_count: tagged.len(),
            index: self.url(&urls::localities_of(&county.slug)),
        }
    }

    fn locality_view(&self, id: LocalityId) -> LocalityView<'a> {
        let locality = &self.site.localities[id.0];
        LocalityView {
            slug: &locality.slug,
            name: &locality.name,
            kind: &locality.kind,
            county: self.county_link(locality.county),
        }
    }

    /// One plan's activities tagged with a locality (`chunk`: one plan's, in plan order).
    fn locality_plan(&self, chunk: &[(PlanId, usize, &'a Activity)]) -> LocalityPlan<'a> {
        let plan_id = chunk[0].0;
        let plan = &self.site.plans[plan_id.0];
        let objectives = chunk
            .chunk_by(|a, b| a.1 == b.1)
            .map(|same| LocalityObjective {
                objective: self.objective_link(plan, self.index.objective(plan_id, same[0].1).objective),
                activities: same
                    .iter()
                    .map(|(_, _, activity)| {
                        let mut view = self.activity(plan, activity);
                        view.among_plans(&plan.id);
                        view
                    })
                    .collect(),
            })
            .collect();
        LocalityPlan { plan: self.plan_summary(plan_id), labels: LabelsView::of(&plan.labels), objectives }
    }

    /// The index of localities, by county.
    pub fn localities(&self) -> LocalitiesPage<'a> {
        let (site, index) = (self.site, self.index);
        let counties = index
            .counties_by_name
            .iter()
            .filter(|c| !index.localities_by_county[c.0].is_empty())
            .map(|&c| LocalityCounty {
                county: self.county_link(c),
                localities: index.localities_by_county[c.0]
                    .iter()
                    .map(|&l| {
                        let locality = &site.localities[l.0];
                        let (plans, documents) = &index.locality_publications[l.0];
                        LocalityRow {
                            name: &locality.name,
                            kind: &locality.kind,
                            url: self.url(&urls::locality(&locality.slug)),
                            activities: index.locality_activities[l.0].len(),
                            publications: plans.len() + documents.len(),
                        }
                    })
                    .collect(),
            })
            .collect();
        LocalitiesPage { counties }
    }

    /// Links to localities (an activity's tags, a county's localities).
    pub(super) fn locality_links(&self, localities: &[LocalityId]) -> Vec<Link<'a>> {
        let site = self.site;
        localities
            .iter()
            .map(|l| &site.localities[l.0])
            .map(|locality| self.link(&locality.name, &urls::locality(&locality.slug)))
            .collect()
    }
}
