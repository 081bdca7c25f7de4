//! Raw content → model. Normalises every text, checks ids, turns every name an author wrote
//! (county, locality, institution alias, theme, framework objective) into a typed reference and
//! assigns anchors. Problems are collected, never fatal: an author sees them all at once. An item
//! whose required reference failed (a plan of an unknown county, an institution of an unknown
//! type) is not built: its error is reported, and the names it declares stay known so that no
//! other file reports them again.
//!
//! Plans and documents resolve in parallel against lookup tables built once. By concern:
//! `names.rs` (counties, localities, themes, institutions and the names that refer to them),
//! `frameworks.rs`, `plans.rs`, `documents.rs`, `statuses.rs` (a report's statuses of a plan's
//! activities, applied once all are resolved), `dates.rs`, `provenance.rs` (where a publication
//! came from, its correction log), `limits.rs` (what `build` could not hold), `report.rs` (each
//! file's problems and their places).

use std::collections::HashMap;

use rayon::prelude::*;

use super::*;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::RawContent;
use crate::load::raw::{RawLabels, RawNote};
use crate::messages::Message;
use crate::text::normalize;

mod anchors;
mod dates;
mod documents;
mod frameworks;
mod intermediate;
mod items;
mod limits;
mod lines;
mod locate;
mod names;
mod plans;
mod provenance;
mod report;
mod statuses;

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

    for (id, record) in raw.anchors.iter().filter(|(id, _)| !raw.plans.contains_key(*id)) {
        diagnostics.push(
            Diagnostic::file_error(&record.file.path, Message::RecordWithoutPlan { id: id.clone() })
                .with_hint(Message::RecordWithoutPlanHint { id: id.clone() }),
        );
    }
    let context = Context { lookup: &lookup, site: &site };
    // Each plan's raw form (its text, every value with its place) is dropped as soon as the plan
    // is made: the raw forms of all plans held beside the model of all of them were the peak
    // memory of a build at 100,000 pages (docs/performance.md).
    let plans: Vec<(Option<Plan>, Vec<Diagnostic>)> =
        raw.plans.into_par_iter().map(|(id, parsed)| context.plan(&id, &parsed, raw.anchors.get(&id))).collect();
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
    statuses::apply(&raw.documents, &mut site, diagnostics);
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
        intermediate: opt(&raw.intermediate),
        objective: normalize(&raw.objective),
        activity: normalize(&raw.activity),
        indicators: normalize(&raw.indicators),
        results: opt(&raw.results),
        period: normalize(&raw.period),
        evaluation: opt(&raw.evaluation),
        responsible: normalize(&raw.responsible),
        partners: opt(&raw.partners),
        funding: opt(&raw.funding),
    }
}

/// The notes as the model holds them. Their lines are checked against the source by
/// `lines::check_*`, which reports what this leaves out; a site with errors is never built.
fn notes(raw: &[RawNote]) -> Vec<Note> {
    raw.iter()
        .map(|n| Note {
            kind: n.kind,
            text: normalize(n.text.trim()),
            field: n.field.clone(),
            item: n.item,
            lines: lines::spans(&n.lines, usize::MAX),
        })
        .collect()
}

/// A site of one county, theme and institution type with the plan file `plan` (source `s.txt`),
/// resolved in memory, and its problems: the unit tests of the plan resolvers share it.
#[cfg(test)]
pub(crate) fn site_with_plan(plan: &str) -> (Site, Diagnostics) {
    let files: Vec<(&str, &[u8])> = vec![
        ("content/counties.yaml", b"- {slug: c, name: C, code: RO-CC}\n"),
        ("content/themes.yaml", b"- {id: t, name: T}\n"),
        ("content/institution-types.yaml", b"- {id: d, name: D}\n"),
        ("content/plans/p.yaml", plan.as_bytes()),
        ("content/sources/s.txt", b"text"),
    ];
    let mut diagnostics = Diagnostics::default();
    let raw = crate::load::load_content_from_memory(&files, &mut diagnostics);
    let site = resolve(raw, &mut diagnostics);
    (site, diagnostics)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LABELS: &str = "labels: {goal: G, objective: O, activity: A, indicators: I, period: P, responsible: R}\n";

    #[test]
    fn items_whose_required_reference_failed_are_not_built_nor_reported_twice() {
        let plan = |county: &str| {
            format!(
                "title: T\ntype: plan-droguri\ncounty: {county}\nlocality: x\nperiod: {{from: 2022, to: 2026}}\nsource: s.txt\n{LABELS}goals:\n  - text: G\n    number: \"1\"\n    objectives:\n      - text: O\n        number: \"1.1\"\n        activities:\n          - {{number: \"1.1.1\", text: A, responsible: [A]}}\n"
            )
        };
        let (lost, kept) = (plan("nicaieri"), plan("cluj"));
        let files: Vec<(&str, &[u8])> = vec![
            ("content/counties.yaml", b"- {slug: cluj, name: Cluj, code: RO-CJ}\n"),
            ("content/themes.yaml", b"- {id: t, name: T}\n"),
            ("content/institution-types.yaml", b"- {id: dsp, name: DSP}\n"),
            ("content/localities.yaml", "- {slug: x, name: X, county: nicaieri, kind: comună}\n".as_bytes()),
            ("content/institutions/a.yaml", b"- {id: a, type: nu, name: A}\n- {id: b, type: dsp, name: B}\n"),
            ("content/plans/pierdut.yaml", lost.as_bytes()),
            ("content/plans/pastrat.yaml", kept.as_bytes()),
            ("content/sources/s.txt", b"text"),
        ];
        let mut diagnostics = Diagnostics::default();
        let raw = crate::load::load_content_from_memory(&files, &mut diagnostics);
        let site = resolve(raw, &mut diagnostics);
        let messages: Vec<String> = diagnostics
            .sorted()
            .into_iter()
            .map(|d| format!("{} {}", d.place(), d.message.text(crate::messages::Lang::En)))
            .collect();
        assert_eq!(
            messages,
            [
                "content/institutions/a.yaml:1:17 unknown institution type `nu`",
                "content/localities.yaml:1:30 unknown county `nicaieri`",
                "content/plans/pierdut.yaml:3:9 unknown county `nicaieri`",
            ]
        );
        assert!(site.localities.is_empty());
        assert_eq!(site.institutions.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), ["b"]);
        assert_eq!(site.plans.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["pastrat"]);
        let activity = &site.plans[0].goals[0].objectives[0].activities[0];
        assert!(site.plans[0].locality.is_none() && activity.responsible.is_empty());
    }

    #[test]
    fn nearest_finds_typos_only() {
        let names = ["DGASPC", "DSP Cluj", "Asociația Preventis"];
        assert_eq!(nearest("DGASPX", names.iter().copied()), Some("DGASPC"));
        assert_eq!(nearest("Asociatia Preventis", names.iter().copied()), Some("Asociația Preventis"));
        assert_eq!(nearest("Primăria", names.iter().copied()), None);
    }
}
