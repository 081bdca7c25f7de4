//! The JSON of a national framework (`date/strategii/<id>.json`) and its export types, from which
//! the schema `date/strategii.schema.json` is derived (Romanian descriptions, as in `types.rs`).

use schemars::JsonSchema;
use serde::Serialize;

use crate::model::Framework;

/// A national framework with its goals and objectives.
#[derive(Serialize, JsonSchema)]
#[schemars(
    deny_unknown_fields,
    title = "Strategie națională",
    description = "O strategie națională, cu obiectivele generale și obiectivele ei, și formulările lor din planuri."
)]
pub struct FrameworkJson<'a> {
    #[schemars(description = "Obiectivele generale.")]
    goals: Vec<FrameworkGoalJson<'a>>,
    #[schemars(description = "Identificatorul stabil al strategiei pe portal.")]
    id: &'a str,
    #[schemars(description = "Titlul scurt, pentru liste și trimiteri.")]
    short_title: Option<&'a str>,
    #[schemars(description = "Titlul, așa cum a fost publicat.")]
    title: &'a str,
}

/// A goal of a national framework.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields, title = "Obiectiv general al strategiei")]
pub struct FrameworkGoalJson<'a> {
    #[schemars(description = "Identificatorul portalului pentru obiectivul general.")]
    id: &'a str,
    #[schemars(description = "O notă a redacției.")]
    note: Option<&'a str>,
    #[schemars(description = "Obiectivele sale.")]
    objectives: Vec<FrameworkObjectiveJson<'a>>,
    #[schemars(description = "Formulările sale, așa cum le citează planurile.")]
    wordings: &'a [String],
}

/// An objective of a national framework, with its wordings in the plans.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields, title = "Obiectiv al strategiei")]
pub struct FrameworkObjectiveJson<'a> {
    #[schemars(description = "Identificatorul portalului pentru obiectiv.")]
    id: &'a str,
    #[schemars(description = "O notă a redacției.")]
    note: Option<&'a str>,
    #[schemars(description = "Formulările sale, așa cum le citează planurile.")]
    wordings: &'a [String],
}

/// A framework as published.
pub fn framework(framework: &Framework) -> FrameworkJson<'_> {
    FrameworkJson {
        goals: framework
            .goals
            .iter()
            .map(|g| FrameworkGoalJson {
                id: &g.id,
                note: g.note.as_deref(),
                objectives: g
                    .objectives
                    .iter()
                    .map(|o| FrameworkObjectiveJson { id: &o.id, note: o.note.as_deref(), wordings: &o.wordings })
                    .collect(),
                wordings: &g.wordings,
            })
            .collect(),
        id: &framework.id,
        short_title: framework.short_title.as_deref(),
        title: &framework.title,
    }
}
