//! The template contexts, typed: one `Serialize` struct per page kind and per shared piece, each
//! built from the model and borrowing its text. This is the contract between Rust and the
//! templates: every variable a template reads is a field documented here, and `cargo doc` of
//! this module is the theme author's reference (see `docs/themes.md`).
//!
//! Every page's context has three parts: `site` ([`SiteView`], the same on every page), `page`
//! ([`PageView`]: title, description, address, breadcrumbs) and `data`, the view of the page
//! kind ([`PageData`]).

mod cite;
mod compare;
mod data;
mod entities;
mod frame;
mod framework;
mod institution;
mod intermediate;
mod irregularities;
mod lists;
mod localities;
mod map;
mod objective;
mod pagination;
mod plan;
mod plan_filter;
mod progress;
mod provenance;
mod rankings;
mod shared;
mod source;
mod theme_matrix;
mod type_counties;
mod wording;

pub use cite::*;
pub use compare::*;
pub use data::*;
pub use entities::*;
pub use frame::*;
pub use framework::*;
pub use institution::*;
pub use intermediate::*;
pub use irregularities::*;
pub use lists::*;
pub use localities::*;
pub use map::*;
pub use objective::*;
pub use pagination::*;
pub use plan::*;
pub use plan_filter::*;
pub use progress::*;
pub use provenance::*;
pub use rankings::*;
pub use shared::*;
pub use source::*;
pub use theme_matrix::*;
pub use type_counties::*;
pub use wording::*;

use serde::Serialize;

use crate::model::Site;
use crate::model::index::Index;
use crate::urls::Urls;

/// What every view is built from: the model, its cross-references and the site's links.
pub struct Views<'a> {
    /// The content, resolved.
    pub site: &'a Site,
    /// The cross-references built once (plans by county, involvements, …).
    pub index: &'a Index<'a>,
    /// Links under the site's base path.
    pub urls: &'a Urls,
    /// The size, rows and date of every download, for the open-data page.
    pub data_files: &'a DataFiles,
    /// The wording differences of local objectives, made once and shared by the pages.
    pub wordings: WordingMemo<'a>,
}

impl Views<'_> {
    /// The `href` of a site path, base path included.
    fn url(&self, path: &str) -> String {
        self.urls.link(path)
    }
}

/// The `data` of a page: the view of its kind. Untagged, so that a template sees the fields of
/// its own view directly under `data`.
#[derive(Serialize)]
#[serde(untagged)]
pub enum PageData<'a> {
    /// `home.html`.
    Home(HomePage<'a>),
    /// `counties.html`.
    Counties(CountiesPage<'a>),
    /// `county.html`.
    County(CountyPage<'a>),
    /// `plans.html`.
    Plans(PlansPage<'a>),
    /// `plan.html`.
    Plan(PlanPage<'a>),
    /// `objective.html`.
    Objective(ObjectivePage<'a>),
    /// `plan_filter.html`.
    PlanFilter(PlanFilterPage<'a>),
    /// `institutions.html`.
    Institutions(InstitutionsPage<'a>),
    /// `institution.html`.
    Institution(InstitutionPage<'a>),
    /// `institution_types.html`.
    InstitutionTypes(InstitutionTypesPage<'a>),
    /// `institution_type.html`.
    InstitutionType(InstitutionTypePage<'a>),
    /// `ranking.html`.
    Ranking(RankingPage<'a>),
    /// `themes.html`.
    Themes(ThemesPage<'a>),
    /// `theme.html`.
    Theme(ThemePage<'a>),
    /// `documents.html`.
    Documents(DocumentsPage<'a>),
    /// `document.html`.
    Document(DocumentPage<'a>),
    /// `framework.html`.
    Framework(FrameworkPage<'a>),
    /// `framework_objective.html`.
    FrameworkObjective(FrameworkObjectivePage<'a>),
    /// `comparisons.html`.
    Comparisons(ComparisonsPage<'a>),
    /// `pair.html`.
    Pair(PairPage<'a>),
    /// `data.html`.
    Data(DataPage<'a>),
    /// `source.html`.
    Source(SourcePage<'a>),
    /// `irregularities.html`.
    Irregularities(IrregularitiesPage<'a>),
    /// `locality.html`.
    Locality(LocalityPage<'a>),
    /// `localities.html`.
    Localities(LocalitiesPage<'a>),
    /// `search.html` and `404.html`: an empty object.
    Empty(Empty),
}

/// No data: `search.html` and `404.html` show only the frame.
#[derive(Serialize)]
pub struct Empty {}
