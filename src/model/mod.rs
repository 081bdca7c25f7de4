//! Stage 2: the resolved model. Raw structs become typed plans, institutions, counties and
//! frameworks; every name and id an author wrote is checked once, in `resolve`, and turned into a
//! typed index, so that no later stage looks up a string.

pub mod index;
mod plan;
mod resolve;

pub use plan::*;
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
    pub counties: Vec<County>,
    pub localities: Vec<Locality>,
    pub themes: Vec<Theme>,
    pub institution_types: Vec<InstitutionType>,
    pub institutions: Vec<Institution>,
    pub frameworks: Vec<Framework>,
    pub plans: Vec<Plan>,
    pub documents: Vec<Document>,
    /// Source texts as published, by file name.
    pub sources: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct County {
    pub slug: String,
    pub name: String,
    pub code: String,
    /// `județ` or `municipiu` (București).
    pub kind: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Locality {
    pub slug: String,
    pub name: String,
    pub county: CountyId,
    pub kind: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Theme {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct InstitutionType {
    pub id: String,
    pub name: String,
    pub abbreviation: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Institution {
    pub id: String,
    pub kind: InstitutionTypeId,
    pub county: Option<CountyId>,
    pub name: String,
    /// Every other name the documents use, as written in the institution file.
    pub aliases: Vec<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Framework {
    pub id: String,
    pub title: String,
    pub short_title: Option<String>,
    pub goals: Vec<FrameworkGoal>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FrameworkGoal {
    pub id: String,
    pub wordings: Vec<String>,
    pub note: Option<String>,
    pub objectives: Vec<FrameworkObjective>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FrameworkObjective {
    pub id: String,
    pub wordings: Vec<String>,
    pub note: Option<String>,
}

/// A reference to a framework goal (`objective: None`) or to one of its objectives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct FrameworkRef {
    pub framework: usize,
    pub goal: usize,
    pub objective: Option<usize>,
}

impl Site {
    pub fn county(&self, id: CountyId) -> &County {
        &self.counties[id.0]
    }

    pub fn institution(&self, id: InstitutionId) -> &Institution {
        &self.institutions[id.0]
    }

    pub fn framework_goal(&self, r: FrameworkRef) -> &FrameworkGoal {
        &self.frameworks[r.framework].goals[r.goal]
    }

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
