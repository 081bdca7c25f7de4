//! Raw content → model. Normalises every text, checks ids, turns every name an author wrote
//! (county, locality, institution alias, theme, framework objective) into a typed reference and
//! assigns anchors. Problems are collected, never fatal: an author sees them all at once. An item
//! whose required reference failed (a plan of an unknown county, an institution of an unknown
//! type) is not built: its error is reported, and the names it declares stay known so that no
//! other file reports them again.
//!
//! Plans and documents resolve in parallel against lookup tables built once. By concern:
//! `names.rs` (counties, localities, themes, institutions and the names that refer to them),
//! `frameworks.rs`, `plans.rs`, `documents.rs`, `dates.rs`, `limits.rs` (what `build` could not
//! hold), `report.rs` (each file's problems and their places).

use std::collections::HashMap;

use rayon::prelude::*;

use super::*;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::RawContent;
use crate::load::raw::{RawLabels, RawNote};
use crate::text::normalize;

mod dates;
mod documents;
mod frameworks;
mod limits;
mod names;
mod plans;
mod report;

/// Builds the site model from raw content, adding every problem to `diagnostics`. With errors,
/// the site lacks the items that could not be built and must not be published.
pub fn resolve(raw: RawContent, diagnostics: &mut Diagnostics) -> Site {
    let mut site = Site { sources: raw.sources, ..Site::default() };
    let mut lookup = Lookup::default();
    if let Some(parsed) = &raw.counties {
        names::resolve_counties(parsed, &mut site, &mut lookup, diagnostics);
    }
    if let Some(parsed) = &raw.localities {
        names::resolve_localities(parsed, &mut site, &mut lookup, diagnostics);
    }
    if let Some(parsed) = &raw.themes {
        names::resolve_themes(parsed, &mut site, &mut lookup, diagnostics);
    }
    if let Some(parsed) = &raw.institution_types {
        names::resolve_types(parsed, &mut site, &mut lookup, diagnostics);
    }
    names::resolve_institutions(&raw.institutions, &mut site, &mut lookup, diagnostics);
    frameworks::resolve_frameworks(&raw.frameworks, &mut site, &mut lookup, diagnostics);

    let context = Context { lookup: &lookup, site: &site };
    let plans: Vec<(Option<Plan>, Vec<Diagnostic>)> =
        raw.plans.par_iter().map(|(id, parsed)| context.plan(id, parsed)).collect();
    let documents: Vec<(Option<Document>, Vec<Diagnostic>)> =
        raw.documents.par_iter().map(|(id, parsed)| context.document(id, parsed)).collect();
    for (plan, found) in plans {
        diagnostics.extend(found);
        site.plans.extend(plan);
    }
    for (document, found) in documents {
        diagnostics.extend(found);
        site.documents.extend(document);
    }
    site
}

/// Lookup tables from author-written names to typed ids, built once.
#[derive(Default)]
struct Lookup {
    counties: HashMap<String, CountyId>,
    /// Every declared locality; `None` for one not built (its county is unknown).
    localities: HashMap<String, Option<LocalityId>>,
    themes: HashMap<String, ThemeId>,
    types: HashMap<String, InstitutionTypeId>,
    /// Every declared institution, in order: its id, and its place in the site if it was built.
    institutions: Vec<(String, Option<InstitutionId>)>,
    /// (county scope, name key) → index into `institutions`; `None` scope holds national bodies
    /// and generic actors.
    names: HashMap<(Option<CountyId>, String), usize>,
    /// Every name per scope, for "did you mean" hints.
    names_by_scope: HashMap<Option<CountyId>, Vec<String>>,
    /// `framework-id/item-id` → reference.
    framework_items: HashMap<String, FrameworkRef>,
}

/// Read-only lookups shared by the parallel resolution of plans and documents.
struct Context<'a> {
    lookup: &'a Lookup,
    site: &'a Site,
}

fn normalize_all(texts: &[String]) -> Vec<String> {
    texts.iter().map(|t| normalize(t.trim())).collect()
}

fn opt(text: &Option<String>) -> Option<String> {
    text.as_deref().map(|t| normalize(t.trim())).filter(|t| !t.is_empty())
}

/// The closest of `candidates` to `wanted`, if it is close enough to be a likely typo.
fn nearest<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let wanted = crate::text::fold(wanted);
    candidates
        .map(|c| (strsim::jaro_winkler(&wanted, &crate::text::fold(c)), c))
        .filter(|(score, _)| *score >= 0.9)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn labels(raw: &RawLabels) -> Labels {
    Labels {
        goal: normalize(&raw.goal),
        objective: normalize(&raw.objective),
        activity: normalize(&raw.activity),
        indicators: normalize(&raw.indicators),
        period: normalize(&raw.period),
        evaluation: opt(&raw.evaluation),
        responsible: normalize(&raw.responsible),
        partners: opt(&raw.partners),
        funding: opt(&raw.funding),
    }
}

fn notes(raw: &[RawNote]) -> Vec<Note> {
    raw.iter().map(|n| Note { kind: n.kind, text: normalize(n.text.trim()), field: n.field.clone() }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_finds_typos_only() {
        let names = ["DGASPC", "DSP Cluj", "Asociația Preventis"];
        assert_eq!(nearest("DGASPX", names.iter().copied()), Some("DGASPC"));
        assert_eq!(nearest("Asociatia Preventis", names.iter().copied()), Some("Asociația Preventis"));
        assert_eq!(nearest("Primăria", names.iter().copied()), None);
    }
}
