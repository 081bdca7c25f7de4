//! Stage 2: the resolved model. Raw structs become typed plans, institutions, counties and
//! frameworks; every name and id an author wrote is checked once, in `resolve`, and turned into a
//! typed index, so that no later stage looks up a string.

pub mod anchors;
pub mod index;
mod notes;
pub mod places;
mod plan;
mod provenance;
mod resolve;

pub use notes::{NoteOn, PublicationNotes};
pub use plan::*;
pub use provenance::{Correction, Provenance, PublicationDays};
pub use resolve::resolve;

use std::collections::BTreeMap;

use serde::Serialize;

pub use crate::load::raw::{NoteKind, PlanType};

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        pub struct $name(pub usize);
    )*};
}

id_type!(
    /// Index into `Site::counties`.
    CountyId,
    /// Index into `Site::localities`.
    LocalityId,
    /// Index into `Site::themes`.
    ThemeId,
    /// Index into `Site::institution_types`.
    InstitutionTypeId,
    /// Index into `Site::institutions`.
    InstitutionId,
    /// Index into `Site::plans`.
    PlanId,
    /// Index into `Site::documents`.
    DocumentId,
);

/// The whole resolved content of a site.
#[derive(Debug, Default)]
pub struct Site {
    /// Counties, in file order.
    pub counties: Vec<County>,
    /// Localities, in file order.
    pub localities: Vec<Locality>,
    /// Themes, in file order.
    pub themes: Vec<Theme>,
    /// Institution types, in file order.
    pub institution_types: Vec<InstitutionType>,
    /// Institutions, by file then order in it.
    pub institutions: Vec<Institution>,
    /// Frameworks, by id.
    pub frameworks: Vec<Framework>,
    /// Plans, by id.
    pub plans: Vec<Plan>,
    /// Documents, by id.
    pub documents: Vec<Document>,
    /// Source texts as published, by file name.
    pub sources: BTreeMap<String, String>,
}

/// A county (or București).
#[derive(Debug, Clone, Serialize)]
pub struct County {
    /// The id in addresses and references (`cluj`).
    pub slug: String,
    /// The name, as written.
    pub name: String,
    /// ISO 3166-2 code (`RO-CJ`).
    pub code: String,
    /// `județ` or `municipiu` (București).
    pub kind: String,
    /// Its square on the tile-grid map, when `counties.yaml` places it.
    pub tile: Option<Tile>,
}

/// A county's square on the tile-grid map: row 1 is the north, column 1 the west.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Tile {
    /// The row, from 1 (north).
    pub row: u8,
    /// The column, from 1 (west).
    pub col: u8,
}

/// A municipality, town or commune.
#[derive(Debug, Clone, Serialize)]
pub struct Locality {
    /// The id in addresses and references (`cluj`).
    pub slug: String,
    /// The name, as written.
    pub name: String,
    /// Its county.
    pub county: CountyId,
    /// `municipiu`, `oraș` or `comună`.
    pub kind: String,
}

/// A theme that plans and documents are tagged with.
#[derive(Debug, Clone, Serialize)]
pub struct Theme {
    /// The id, a slug: names the item in references and addresses.
    pub id: String,
    /// The name, as written.
    pub name: String,
    /// One sentence on what it covers.
    pub description: Option<String>,
}

/// A kind of institution (`dgaspc`, `dsp`).
#[derive(Debug, Clone, Serialize)]
pub struct InstitutionType {
    /// The id, a slug: names the item in references and addresses.
    pub id: String,
    /// The name, as written.
    pub name: String,
    /// The usual abbreviation (`DGASPC`).
    pub abbreviation: Option<String>,
}

/// A public body, an NGO or a generic actor, with every name documents use for it.
#[derive(Debug, Clone, Serialize)]
pub struct Institution {
    /// The id, a slug: names the item in references and addresses.
    pub id: String,
    /// Its institution type.
    pub kind: InstitutionTypeId,
    /// Its county; `None` for national bodies and generic actors.
    pub county: Option<CountyId>,
    /// The name, as written.
    pub name: String,
    /// Every other name the documents use, as written in the institution file.
    pub aliases: Vec<String>,
    /// An editor's note.
    pub note: Option<String>,
}

/// A national strategy that local plans implement.
#[derive(Debug, Clone, Serialize)]
pub struct Framework {
    /// The id, a slug: names the item in references and addresses.
    pub id: String,
    /// The title, as published.
    pub title: String,
    /// A short title for lists and references (`SNA 2022-2026`).
    pub short_title: Option<String>,
    /// General objectives.
    pub goals: Vec<FrameworkGoal>,
}

/// A goal of a framework.
#[derive(Debug, Clone, Serialize)]
pub struct FrameworkGoal {
    /// The id, a slug: names the item in references and addresses.
    pub id: String,
    /// Its wordings, as the plans quote it; the first is shown.
    pub wordings: Vec<String>,
    /// An editor's note.
    pub note: Option<String>,
    /// Its objectives.
    pub objectives: Vec<FrameworkObjective>,
}

/// An objective of a framework goal.
#[derive(Debug, Clone, Serialize)]
pub struct FrameworkObjective {
    /// The id, a slug: names the item in references and addresses.
    pub id: String,
    /// Its wordings, as the plans quote it; the first is shown.
    pub wordings: Vec<String>,
    /// An editor's note.
    pub note: Option<String>,
}

/// A reference to a framework goal (`objective: None`) or to one of its objectives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
pub struct FrameworkRef {
    /// Index into `Site::frameworks`.
    pub framework: usize,
    /// Index into the framework's goals.
    pub goal: usize,
    /// Index into the goal's objectives; `None` for the goal itself.
    pub objective: Option<usize>,
}

impl Site {
    /// The county `id` names.
    pub fn county(&self, id: CountyId) -> &County {
        &self.counties[id.0]
    }

    /// The institution `id` names.
    pub fn institution(&self, id: InstitutionId) -> &Institution {
        &self.institutions[id.0]
    }

    /// The framework goal of `r`.
    pub fn framework_goal(&self, r: FrameworkRef) -> &FrameworkGoal {
        &self.frameworks[r.framework].goals[r.goal]
    }

    /// The framework objective of `r`, if it names one.
    pub fn framework_objective(&self, r: FrameworkRef) -> Option<&FrameworkObjective> {
        r.objective.map(|o| &self.frameworks[r.framework].goals[r.goal].objectives[o])
    }

    /// Every framework objective, with its reference, in file order.
    pub fn framework_objectives(&self) -> impl Iterator<Item = (FrameworkRef, &FrameworkObjective)> {
        self.frameworks.iter().enumerate().flat_map(|(f, framework)| {
            framework.goals.iter().enumerate().flat_map(move |(g, goal)| {
                goal.objectives
                    .iter()
                    .enumerate()
                    .map(move |(o, objective)| (FrameworkRef { framework: f, goal: g, objective: Some(o) }, objective))
            })
        })
    }
}
