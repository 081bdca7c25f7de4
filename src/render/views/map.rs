//! The tile-grid map of the counties: one square per county, placed by `tile:` in
//! `counties.yaml`, coloured by what the county has on the portal; with its legend and the same
//! facts as a table (`map.html`'s `tile_map` macro draws it).

use serde::Serialize;

use super::Views;
use crate::model::*;
use crate::urls;
use crate::vocabulary::PlanType;

/// The side of a square in SVG units, with the gap between squares.
const STEP: u32 = 60;
/// The drawn side of a square: the step less the gap.
const SIDE: u32 = 56;

/// What a county has on the portal, in the order that picks a square's colour.
#[derive(Serialize, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum MapCategory {
    /// A plan of action on drugs.
    Droguri,
    /// An operational plan of the social-services strategy.
    ServiciiSociale,
    /// An annual plan of social services.
    PlanAnual,
    /// A document (consultation minutes) and no plan.
    Document,
    /// Nothing yet.
    Nimic,
    /// On a national objective's page: a plan that adopts the objective.
    AreObiectivul,
    /// On a national objective's page: a plan of the framework's types without the objective.
    FaraObiectiv,
    /// On a national objective's page: no plan of the framework's types on the portal.
    FaraPlan,
}

impl MapCategory {
    const PUBLISHED: [MapCategory; 5] =
        [Self::Droguri, Self::ServiciiSociale, Self::PlanAnual, Self::Document, Self::Nimic];
    const COVERAGE: [MapCategory; 3] = [Self::AreObiectivul, Self::FaraObiectiv, Self::FaraPlan];

    fn label(self) -> &'static str {
        match self {
            Self::Droguri => "plan antidrog",
            Self::ServiciiSociale => "plan operațional de servicii sociale",
            Self::PlanAnual => "plan anual de servicii sociale",
            Self::Document => "document (de exemplu, proces-verbal de consultare)",
            Self::Nimic => "nicio publicație încă",
            Self::AreObiectivul => "planul are obiectivul",
            Self::FaraObiectiv => "plan fără acest obiectiv",
            Self::FaraPlan => "niciun plan de acest tip pe portal",
        }
    }

    fn of_plan(plan_type: PlanType) -> Self {
        match plan_type {
            PlanType::PlanDroguri => Self::Droguri,
            PlanType::PlanOperational => Self::ServiciiSociale,
            PlanType::PlanAnual => Self::PlanAnual,
        }
    }
}

/// One county's square, and its row of the table.
#[derive(Serialize)]
pub struct MapTile<'a> {
    /// The county's name.
    pub name: &'a str,
    /// Its short code on the square (`CJ`, `B`).
    pub short: &'a str,
    /// Its page.
    pub url: String,
    /// The square's left edge, in SVG units; `None` when `counties.yaml` gives no `tile:`.
    pub x: Option<u32>,
    /// The square's top edge, in SVG units.
    pub y: Option<u32>,
    /// The colour class: the first of its categories.
    pub category: MapCategory,
    /// What it has, in words (`plan antidrog, proces-verbal`), or „nicio publicație încă”.
    pub facts: String,
}

/// A colour of the legend.
#[derive(Serialize)]
pub struct MapLegend {
    /// The colour class.
    pub category: MapCategory,
    /// What it means.
    pub label: &'static str,
    /// How many counties have it as their colour.
    pub count: usize,
}

/// The map: its squares in Romanian alphabetical order of county, its size and its legend.
#[derive(Serialize)]
pub struct CountyMap<'a> {
    /// Every county.
    pub tiles: Vec<MapTile<'a>>,
    /// The SVG's width, in its units.
    pub width: u32,
    /// The SVG's height, in its units.
    pub height: u32,
    /// The legend, in the order of the colours.
    pub legend: Vec<MapLegend>,
    /// The heading of the table's column of facts.
    pub facts_heading: &'static str,
    /// A line under the legend, where the colours need one.
    pub note: Option<&'static str>,
}

impl<'a> Views<'a> {
    /// The map of what each county published.
    pub fn county_map(&self) -> CountyMap<'a> {
        let mut map = self.map_of(&MapCategory::PUBLISHED, |c| self.published(c));
        map.facts_heading = "Ce are pe portal";
        map.note = Some(
            "Un județ cu mai multe tipuri de publicații are culoarea primului tip din legendă; tabelul le numește pe toate.",
        );
        map
    }

    /// The map of a national objective's coverage: `adopts` and `has_plan` say, per county,
    /// whether a plan adopts the objective and whether it has a plan of the framework's types.
    pub fn coverage_map(
        &self,
        adopts: impl Fn(CountyId) -> bool,
        has_plan: impl Fn(CountyId) -> bool,
    ) -> CountyMap<'a> {
        self.map_of(&MapCategory::COVERAGE, |c| {
            let category = match (adopts(c), has_plan(c)) {
                (true, _) => MapCategory::AreObiectivul,
                (false, true) => MapCategory::FaraObiectiv,
                (false, false) => MapCategory::FaraPlan,
            };
            (category, category.label().to_owned())
        })
    }

    fn map_of(
        &self,
        categories: &[MapCategory],
        classify: impl Fn(CountyId) -> (MapCategory, String),
    ) -> CountyMap<'a> {
        let tiles: Vec<MapTile<'a>> = self
            .index
            .counties_by_name
            .iter()
            .map(|&c| {
                let (category, facts) = classify(c);
                self.map_tile(c, category, facts)
            })
            .collect();
        let placed = || self.site.counties.iter().filter_map(|c| c.tile);
        let legend = categories
            .iter()
            .map(|&category| MapLegend {
                category,
                label: category.label(),
                count: tiles.iter().filter(|t| t.category == category).count(),
            })
            .collect();
        CountyMap {
            width: placed().map(|t| u32::from(t.col)).max().unwrap_or(0) * STEP,
            height: placed().map(|t| u32::from(t.row)).max().unwrap_or(0) * STEP,
            tiles,
            legend,
            facts_heading: "Acest obiectiv",
            note: None,
        }
    }

    /// The colour and the words of what `id` published.
    fn published(&self, id: CountyId) -> (MapCategory, String) {
        let (site, index) = (self.site, self.index);
        let plans = index.plans_by_county[id.0].iter().map(|&p| &site.plans[p.0]);
        let documents = index.documents_by_county[id.0].iter().map(|&d| &site.documents[d.0]);
        let mut category = MapCategory::Nimic;
        let mut facts: Vec<&str> = Vec::new();
        for plan in plans {
            category = category.min(MapCategory::of_plan(plan.plan_type));
            facts.push(MapCategory::of_plan(plan.plan_type).label());
        }
        for document in documents {
            category = category.min(MapCategory::Document);
            facts.push(&document.kind);
        }
        facts.dedup();
        let facts = if facts.is_empty() { MapCategory::Nimic.label().to_owned() } else { facts.join(", ") };
        (category, facts)
    }

    fn map_tile(&self, id: CountyId, category: MapCategory, facts: String) -> MapTile<'a> {
        let county = self.site.county(id);
        let offset = |n: u8| u32::from(n.saturating_sub(1)) * STEP + (STEP - SIDE) / 2;
        MapTile {
            name: &county.name,
            short: county.code.strip_prefix("RO-").unwrap_or(&county.code),
            url: self.url(&urls::county(&county.slug)),
            x: county.tile.map(|t| offset(t.col)),
            y: county.tile.map(|t| offset(t.row)),
            category,
            facts,
        }
    }
}
