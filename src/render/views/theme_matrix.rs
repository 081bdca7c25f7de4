//! The theme matrix of the comparison index: counties × themes, each cell saying how many of the
//! county's objectives and document items carry the theme, or why there are none.

use std::collections::BTreeSet;

use serde::Serialize;

use super::{CountyLink, Views};
use crate::model::*;
use crate::urls;

/// A county and a theme in the theme matrix.
#[derive(Serialize)]
pub struct ThemeCell {
    /// How many of the county's objectives and document items carry the theme.
    pub count: usize,
    /// `present` (some do), `no-objective` (the county has on the portal a plan or document of a
    /// kind that treats the theme, with nothing on it) or `no-plan` (it has none of those kinds,
    /// so nothing is known); also the cell's CSS class.
    pub state: &'static str,
}

/// A theme across counties: how much each has under it.
#[derive(Serialize)]
pub struct ThemeMatrixRow<'a> {
    /// The theme's name.
    pub name: &'a str,
    /// Its page.
    pub url: String,
    /// Per county of `columns`: its objectives and document items with the theme.
    pub cells: Vec<ThemeCell>,
}

/// Counties × themes.
#[derive(Serialize)]
pub struct ThemeMatrix<'a> {
    /// The counties that published anything.
    pub columns: Vec<CountyLink<'a>>,
    /// One row per theme.
    pub rows: Vec<ThemeMatrixRow<'a>>,
}

impl<'a> Views<'a> {
    /// How many objectives and document items of `county` carry theme `t`, and, when none do,
    /// whether the county has a publication of a kind that treats the theme at all: a plan of the
    /// field (`PlanField`) of a plan tagged with it, or a document of the kind of a document tagged
    /// with it. A county with only a drug plan says nothing about elderly people: `no-plan`, not
    /// `no-objective`.
    fn theme_cell(&self, t: usize, county: CountyId) -> ThemeCell {
        let (site, index) = (self.site, self.index);
        let count = index.theme_objectives[t].iter().filter(|(p, _)| site.plans[p.0].county == county).count()
            + index.theme_document_items[t].iter().filter(|(d, _)| site.documents[d.0].county == county).count();
        let state = if count > 0 {
            "present"
        } else if self.has_kind_treating(t, county) {
            "no-objective"
        } else {
            "no-plan"
        };
        ThemeCell { count, state }
    }

    /// Whether `county` has a plan of a field, or a document of a kind, that carries theme `t`
    /// somewhere on the portal.
    fn has_kind_treating(&self, t: usize, county: CountyId) -> bool {
        let (site, index) = (self.site, self.index);
        let fields: BTreeSet<PlanField> =
            index.theme_objectives[t].iter().map(|(p, _)| plan_field(site.plans[p.0].plan_type)).collect();
        let document_kinds: BTreeSet<&str> =
            index.theme_document_items[t].iter().map(|(d, _)| site.documents[d.0].kind.as_str()).collect();
        index.plans_by_county[county.0].iter().any(|p| fields.contains(&plan_field(site.plans[p.0].plan_type)))
            || index.documents_by_county[county.0]
                .iter()
                .any(|d| document_kinds.contains(site.documents[d.0].kind.as_str()))
    }

    /// Counties × themes: how many objectives and document items each county has per theme.
    pub fn theme_matrix(&self) -> ThemeMatrix<'a> {
        let mut counties = self.counties_with_publications();
        counties.sort_by_key(|c| self.index.county_rank[c.0]);
        let rows = self
            .index
            .themes_by_name
            .iter()
            .map(|t| (t.0, &self.site.themes[t.0]))
            .map(|(t, theme)| ThemeMatrixRow {
                name: &theme.name,
                url: self.url(&urls::theme(&theme.id)),
                cells: counties.iter().map(|c| self.theme_cell(t, *c)).collect(),
            })
            .collect();
        ThemeMatrix { columns: counties.iter().map(|c| self.county_link(*c)).collect(), rows }
    }
}

/// The field a plan type belongs to, as the theme matrix compares them: a county's annual
/// social-services plan that says nothing on a theme its neighbour's operational plan treats has
/// "niciun obiectiv" there, not "no plan of that type". The match has no catch-all, so a new plan
/// type must be placed here.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum PlanField {
    /// Drug action plans.
    Drugs,
    /// The plans of the social-services strategies, operational and annual.
    SocialServices,
}

fn plan_field(plan_type: PlanType) -> PlanField {
    match plan_type {
        PlanType::PlanDroguri => PlanField::Drugs,
        PlanType::PlanOperational | PlanType::PlanAnual => PlanField::SocialServices,
    }
}
