//! Raw content → model. Normalises every text, checks ids, turns every name an author wrote
//! (county, locality, institution alias, theme, framework objective) into a typed reference and
//! assigns anchors. Problems are collected, never fatal: an author sees them all at once.
//!
//! Plans and documents resolve in parallel against lookup tables built once.

use std::collections::{BTreeMap, HashMap, HashSet};

use rayon::prelude::*;

use super::*;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::raw::*;
use crate::load::{Parsed, RawContent, RawDocumentFile, SourceFile, yaml};
use crate::text::{is_slug, name_key, normalize, slugify};

mod limits;

/// Builds the site model from raw content, adding every problem to `diagnostics`.
pub fn resolve(raw: RawContent, diagnostics: &mut Diagnostics) -> Site {
    let mut site = Site { sources: raw.sources, ..Site::default() };
    let mut lookup = Lookup::default();
    if let Some(parsed) = &raw.counties {
        resolve_counties(parsed, &mut site, &mut lookup, diagnostics);
    }
    if let Some(parsed) = &raw.localities {
        resolve_localities(parsed, &mut site, &mut lookup, diagnostics);
    }
    if let Some(parsed) = &raw.themes {
        resolve_themes(parsed, &mut site, &mut lookup, diagnostics);
    }
    if let Some(parsed) = &raw.institution_types {
        resolve_types(parsed, &mut site, &mut lookup, diagnostics);
    }
    resolve_institutions(&raw.institutions, &mut site, &mut lookup, diagnostics);
    resolve_frameworks(&raw.frameworks, &mut site, &mut lookup, diagnostics);

    let context = Context { lookup: &lookup, site: &site };
    let plans: Vec<(Plan, Vec<Diagnostic>)> =
        raw.plans.par_iter().map(|(id, parsed)| context.plan(id, parsed)).collect();
    let documents: Vec<(Document, Vec<Diagnostic>)> =
        raw.documents.par_iter().map(|(id, parsed)| context.document(id, parsed)).collect();
    for (plan, found) in plans {
        diagnostics.extend(found);
        site.plans.push(plan);
    }
    for (document, found) in documents {
        diagnostics.extend(found);
        site.documents.push(document);
    }
    site
}

/// Lookup tables from author-written names to typed ids, built once.
#[derive(Default)]
struct Lookup {
    counties: HashMap<String, CountyId>,
    localities: HashMap<String, LocalityId>,
    themes: HashMap<String, ThemeId>,
    types: HashMap<String, InstitutionTypeId>,
    /// (county scope, name key) → institution; `None` scope holds national bodies and generic actors.
    names: HashMap<(Option<CountyId>, String), InstitutionId>,
    /// Every name per scope, for "did you mean" hints.
    names_by_scope: HashMap<Option<CountyId>, Vec<String>>,
    /// `framework-id/item-id` → reference.
    framework_items: HashMap<String, FrameworkRef>,
}

/// Per-file error reporting. Errors about a value are kept with the value and its ordinal, and
/// `finish` finds all their places in one pass over the file.
struct FileReport<'a> {
    file: &'a SourceFile,
    line_offset: usize,
    seen: HashMap<String, usize>,
    found: Vec<Diagnostic>,
    /// Errors waiting for their place: (value, ordinal, message, hint).
    pending: Vec<(String, usize, String, Option<String>)>,
    /// Values whose line is wanted, with their ordinal (the objectives' texts of a plan).
    line_requests: Vec<(String, usize)>,
}

impl<'a> FileReport<'a> {
    fn new(file: &'a SourceFile) -> Self {
        FileReport {
            file,
            line_offset: 0,
            seen: HashMap::new(),
            found: Vec::new(),
            pending: Vec::new(),
            line_requests: Vec::new(),
        }
    }

    /// Every problem of the file, each at its place (or at the whole file if it cannot be found).
    fn finish(mut self) -> Vec<Diagnostic> {
        let requests: Vec<(&str, usize)> = self.pending.iter().map(|(value, nth, ..)| (value.as_str(), *nth)).collect();
        let places = yaml::locate_all(&self.file.text, &requests);
        let lines = yaml::LineIndex::new(&self.file.text);
        // One copy of each line, shared by all its problems.
        let mut texts: HashMap<usize, Option<std::sync::Arc<str>>> = HashMap::new();
        for ((value, _, message, hint), place) in std::mem::take(&mut self.pending).into_iter().zip(places) {
            let diagnostic = match place {
                Some((line, column)) => Diagnostic {
                    line: line + self.line_offset,
                    column,
                    source_line: texts
                        .entry(line)
                        .or_insert_with(|| lines.line(&self.file.text, line).map(std::sync::Arc::from))
                        .clone(),
                    ..Diagnostic::file_error(&self.file.path, message)
                }
                .with_width(value.chars().count()),
                None => Diagnostic::file_error(&self.file.path, message),
            };
            self.found.push(match hint {
                Some(hint) => diagnostic.with_hint(hint),
                None => diagnostic,
            });
        }
        self.found
    }

    /// The lines of the values of `line_requests`, in order (0 where one cannot be found).
    fn requested_lines(&self) -> Vec<usize> {
        let requests: Vec<(&str, usize)> =
            self.line_requests.iter().map(|(value, nth)| (value.as_str(), *nth)).collect();
        yaml::locate_all(&self.file.text, &requests)
            .into_iter()
            .map(|place| place.map_or(0, |(line, _)| line))
            .collect()
    }

    /// Whether a "did you mean" hint is still worth its search over every known name: only the
    /// first problems of a file are printed (`MAX_SHOWN_PER_FILE`), and searching thousands of
    /// names for each of thousands of unknown ones made `check` quadratic. Problems past these
    /// keep their plain hint.
    fn wants_suggestions(&self) -> bool {
        self.pending.len() + self.found.len() < crate::diagnostics::MAX_SHOWN_PER_FILE
    }

    /// Records one more occurrence of `value` and returns its ordinal among the occurrences seen.
    /// Every checked value passes through here, valid or not, so ordinals match the file.
    fn occurrence(&mut self, value: &str) -> usize {
        let counter = self.seen.entry(value.to_owned()).or_insert(0);
        *counter += 1;
        *counter - 1
    }

    /// An error at the `nth` occurrence of `value`, or at the whole file if it cannot be found.
    fn error_at(&mut self, value: &str, nth: usize, message: String, hint: Option<String>) {
        self.pending.push((value.to_owned(), nth, message, hint));
    }

    /// Checks a value at once: records it, and reports `message` when `ok` is false.
    fn check(&mut self, value: &str, ok: bool, message: impl FnOnce() -> String, hint: Option<String>) {
        let nth = self.occurrence(value);
        if !ok {
            self.error_at(value, nth, message(), hint);
        }
    }
}

fn resolve_counties(
    parsed: &Parsed<Vec<RawCounty>>,
    site: &mut Site,
    lookup: &mut Lookup,
    diagnostics: &mut Diagnostics,
) {
    let mut report = FileReport::new(&parsed.file);
    for raw in &parsed.value {
        check_new_id(&mut report, &raw.slug, lookup.counties.contains_key(&raw.slug), "county");
        let code_ok = raw.code.starts_with("RO-") && (4..=5).contains(&raw.code.len());
        report.check(
            &raw.code,
            code_ok,
            || format!("`{}` is not an ISO 3166-2 code of Romania", raw.code),
            Some("write it as RO-CJ".into()),
        );
        lookup.counties.insert(raw.slug.clone(), CountyId(site.counties.len()));
        site.counties.push(County {
            slug: raw.slug.clone(),
            name: normalize(&raw.name),
            code: raw.code.clone(),
            kind: raw.kind.as_deref().map(normalize).unwrap_or_else(|| "județ".to_owned()),
        });
    }
    limits::check_county_pairs(&mut report, &site.counties);
    for (raw, county) in parsed.value.iter().zip(&site.counties) {
        let line = || yaml::locate(&parsed.file.text, &raw.slug, 0).map_or(1, |(line, _)| line);
        limits::check_control(&mut report, &county.name, "the county name", line);
    }
    diagnostics.extend(report.finish());
}

fn resolve_localities(
    parsed: &Parsed<Vec<RawLocality>>,
    site: &mut Site,
    lookup: &mut Lookup,
    diagnostics: &mut Diagnostics,
) {
    let mut report = FileReport::new(&parsed.file);
    for raw in &parsed.value {
        check_new_id(&mut report, &raw.slug, lookup.localities.contains_key(&raw.slug), "locality");
        let county = county_ref(&mut report, lookup, &raw.county);
        lookup.localities.insert(raw.slug.clone(), LocalityId(site.localities.len()));
        site.localities.push(Locality {
            slug: raw.slug.clone(),
            name: normalize(&raw.name),
            county: county.unwrap_or(CountyId(0)),
            kind: normalize(&raw.kind),
        });
    }
    diagnostics.extend(report.finish());
}

fn resolve_themes(parsed: &Parsed<Vec<RawTheme>>, site: &mut Site, lookup: &mut Lookup, diagnostics: &mut Diagnostics) {
    let mut report = FileReport::new(&parsed.file);
    for raw in &parsed.value {
        check_new_id(&mut report, &raw.id, lookup.themes.contains_key(&raw.id), "theme");
        lookup.themes.insert(raw.id.clone(), ThemeId(site.themes.len()));
        site.themes.push(Theme {
            id: raw.id.clone(),
            name: normalize(&raw.name),
            description: raw.description.as_deref().map(normalize),
        });
    }
    diagnostics.extend(report.finish());
}

fn resolve_types(
    parsed: &Parsed<Vec<RawInstitutionType>>,
    site: &mut Site,
    lookup: &mut Lookup,
    diagnostics: &mut Diagnostics,
) {
    let mut report = FileReport::new(&parsed.file);
    for raw in &parsed.value {
        check_new_id(&mut report, &raw.id, lookup.types.contains_key(&raw.id), "institution type");
        lookup.types.insert(raw.id.clone(), InstitutionTypeId(site.institution_types.len()));
        site.institution_types.push(InstitutionType {
            id: raw.id.clone(),
            name: normalize(&raw.name),
            abbreviation: raw.abbreviation.as_deref().map(normalize),
        });
    }
    diagnostics.extend(report.finish());
}

/// Reports an id that is not a slug or that is used a second time.
fn check_new_id(report: &mut FileReport<'_>, id: &str, taken: bool, what: &str) {
    let nth = report.occurrence(id);
    if !is_slug(id) {
        report.error_at(
            id,
            nth,
            format!("`{id}` is not a valid {what} id"),
            Some("use lowercase letters without diacritics, digits and single hyphens".into()),
        );
    } else if crate::load::is_reserved_name(id) {
        // Ids name pages and folders of the site.
        report.error_at(
            id,
            nth,
            format!("`{id}` is a device name reserved by Windows, not a valid {what} id"),
            Some(format!("the site could not be copied to or served from Windows; add to the id, e.g. {id}-1")),
        );
    } else if taken {
        report.error_at(id, nth, format!("duplicate {what} id `{id}`"), Some(format!("each {what} needs its own id")));
    }
}

fn county_ref(report: &mut FileReport<'_>, lookup: &Lookup, slug: &str) -> Option<CountyId> {
    let found = lookup.counties.get(slug).copied();
    let hint = nearest(slug, lookup.counties.keys().map(String::as_str))
        .map(|n| format!("did you mean `{n}`? counties are listed in content/counties.yaml"));
    report.check(
        slug,
        found.is_some(),
        || format!("unknown county `{slug}`"),
        hint.or(Some("counties are listed in content/counties.yaml".into())),
    );
    found
}

fn resolve_institutions(
    files: &[Parsed<Vec<RawInstitution>>],
    site: &mut Site,
    lookup: &mut Lookup,
    diagnostics: &mut Diagnostics,
) {
    let mut ids: HashSet<String> = HashSet::new();
    let mut sorted: Vec<&Parsed<Vec<RawInstitution>>> = files.iter().collect();
    sorted.sort_by(|a, b| a.file.path.cmp(&b.file.path));
    for parsed in sorted {
        let mut report = FileReport::new(&parsed.file);
        for raw in &parsed.value {
            check_new_id(&mut report, &raw.id, ids.contains(&raw.id), "institution");
            ids.insert(raw.id.clone());
            let kind = lookup.types.get(&raw.kind).copied();
            let hint =
                nearest(&raw.kind, lookup.types.keys().map(String::as_str)).map(|n| format!("did you mean `{n}`?"));
            report.check(
                &raw.kind,
                kind.is_some(),
                || format!("unknown institution type `{}`", raw.kind),
                hint.or(Some("types are listed in content/institution-types.yaml".into())),
            );
            let county = raw.county.as_deref().and_then(|c| county_ref(&mut report, lookup, c));
            let id = InstitutionId(site.institutions.len());
            for name in std::iter::once(&raw.name).chain(&raw.aliases) {
                register_name(&mut report, lookup, site, county, name, id);
            }
            site.institutions.push(Institution {
                id: raw.id.clone(),
                kind: kind.unwrap_or(InstitutionTypeId(0)),
                county,
                name: normalize(&raw.name),
                aliases: raw.aliases.iter().map(|a| normalize(a)).collect(),
                note: raw.note.as_deref().map(normalize),
            });
        }
        diagnostics.extend(report.finish());
    }
}

fn register_name(
    report: &mut FileReport<'_>,
    lookup: &mut Lookup,
    site: &Site,
    county: Option<CountyId>,
    name: &str,
    id: InstitutionId,
) {
    let key = name_key(name);
    let nth = report.occurrence(name);
    match lookup.names.get(&(county, key.clone())) {
        Some(&other) if other != id => {
            let scope = county
                .map_or("among national bodies".to_owned(), |c| format!("in county `{}`", site.counties[c.0].slug));
            report.error_at(
                name,
                nth,
                format!("the name `{name}` already belongs to institution `{}` {scope}", site.institutions[other.0].id),
                Some("a name may denote one body only within a county; remove it from one of them".into()),
            );
        }
        Some(_) => {}
        None => {
            lookup.names.insert((county, key), id);
            lookup.names_by_scope.entry(county).or_default().push(normalize(name));
        }
    }
}

fn resolve_frameworks(
    files: &BTreeMap<String, Parsed<RawFramework>>,
    site: &mut Site,
    lookup: &mut Lookup,
    diagnostics: &mut Diagnostics,
) {
    for (framework_id, parsed) in files {
        let mut report = FileReport::new(&parsed.file);
        let f = site.frameworks.len();
        let mut goals = Vec::new();
        for (g, raw_goal) in parsed.value.goals.iter().enumerate() {
            let key = format!("{framework_id}/{}", raw_goal.id);
            check_new_id(&mut report, &raw_goal.id, lookup.framework_items.contains_key(&key), "framework objective");
            lookup.framework_items.insert(key, FrameworkRef { framework: f, goal: g, objective: None });
            limits::check_wordings(&mut report, &raw_goal.id, &raw_goal.wordings, "framework goal");
            let mut objectives = Vec::new();
            for (o, raw_objective) in raw_goal.objectives.iter().enumerate() {
                let key = format!("{framework_id}/{}", raw_objective.id);
                check_new_id(
                    &mut report,
                    &raw_objective.id,
                    lookup.framework_items.contains_key(&key),
                    "framework objective",
                );
                lookup.framework_items.insert(key, FrameworkRef { framework: f, goal: g, objective: Some(o) });
                limits::check_wordings(&mut report, &raw_objective.id, &raw_objective.wordings, "framework objective");
                objectives.push(FrameworkObjective {
                    id: raw_objective.id.clone(),
                    wordings: normalize_all(&raw_objective.wordings),
                    note: raw_objective.note.as_deref().map(normalize),
                });
            }
            goals.push(FrameworkGoal {
                id: raw_goal.id.clone(),
                wordings: normalize_all(&raw_goal.wordings),
                note: raw_goal.note.as_deref().map(normalize),
                objectives,
            });
        }
        site.frameworks.push(Framework {
            id: framework_id.clone(),
            title: normalize(&parsed.value.title),
            short_title: parsed.value.short_title.as_deref().map(normalize),
            goals,
        });
        diagnostics.extend(report.finish());
    }
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

/// Read-only lookups shared by the parallel resolution of plans and documents.
struct Context<'a> {
    lookup: &'a Lookup,
    site: &'a Site,
}

/// Per-plan state: the report and the anchors given so far.
struct PlanCx<'a> {
    report: FileReport<'a>,
    county: Option<CountyId>,
    anchors: HashSet<String>,
}

impl PlanCx<'_> {
    /// `base`, or `base-2`, `base-3`… when an earlier item of the plan took it.
    fn anchor(&mut self, base: String) -> String {
        let mut candidate = base.clone();
        let mut n = 2;
        while self.anchors.contains(&candidate) {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        self.anchors.insert(candidate.clone());
        candidate
    }
}

/// The slug of a published number without the level prefix it repeats ("O.S.1.1" → "1-1").
fn number_slug(number: &str, prefix: &str) -> String {
    let slug = slugify(number);
    for redundant in ["o-s-", "os-", "og-"] {
        if let Some(rest) = slug.strip_prefix(redundant)
            && prefix != "a"
            && !rest.is_empty()
        {
            return rest.to_owned();
        }
    }
    slug
}

impl Context<'_> {
    fn plan(&self, id: &str, parsed: &Parsed<RawPlan>) -> (Plan, Vec<Diagnostic>) {
        let raw = &parsed.value;
        let mut cx = PlanCx { report: FileReport::new(&parsed.file), county: None, anchors: HashSet::new() };
        cx.county = county_ref(&mut cx.report, self.lookup, &raw.county);
        let locality = raw.locality.as_deref().and_then(|l| self.locality(&mut cx.report, l, cx.county));
        let issuer = raw.issuer.as_deref().and_then(|name| self.actor(&mut cx.report, cx.county, name));
        self.check_source(&mut cx.report, &raw.source);
        if let Some(date) = &raw.date {
            check_date(&mut cx.report, date);
        }
        let title_line = || limits::top_level_key_line(&parsed.file.text, "title");
        limits::check_control(&mut cx.report, &raw.title, "the title", title_line);
        if raw.period.from > raw.period.to {
            let value = raw.period.to.to_string();
            cx.report.check(
                &value,
                false,
                || format!("the period ends ({}) before it starts ({})", raw.period.to, raw.period.from),
                None,
            );
        }
        let goals = raw.goals.iter().enumerate().map(|(i, g)| self.goal(&mut cx, g, "", i)).collect();
        let sections =
            raw.sections.iter().enumerate().map(|(i, s)| self.section(&mut cx, s, "", &i.to_string())).collect();
        let plan = Plan {
            id: id.to_owned(),
            file: parsed.file.path.clone(),
            title: normalize(raw.title.trim()),
            plan_type: raw.plan_type,
            county: cx.county.unwrap_or(CountyId(0)),
            locality,
            issuer,
            period_from: raw.period.from,
            period_to: raw.period.to,
            approval: opt(&raw.approval),
            date: raw.date.clone(),
            source: raw.source.clone(),
            header: opt(&raw.header),
            signatories: raw
                .signatories
                .iter()
                .map(|s| Signatory { role: opt(&s.role), name: normalize(s.name.trim()) })
                .collect(),
            glossary: raw
                .glossary
                .iter()
                .map(|g| GlossaryEntry {
                    abbreviation: normalize(g.abbreviation.trim()),
                    meaning: normalize(g.meaning.trim()),
                })
                .collect(),
            labels: labels(&raw.labels),
            notes: notes(&raw.notes),
            goals,
            sections,
        };
        let mut plan = plan;
        set_objective_lines(&mut plan, cx.report.requested_lines());
        (plan, cx.report.finish())
    }

    fn section(&self, cx: &mut PlanCx<'_>, raw: &RawSection, prefix: &str, order: &str) -> Section {
        let own_prefix = match &raw.id {
            Some(id) => {
                let nth = cx.report.occurrence(id);
                if !is_slug(id) {
                    cx.report.error_at(
                        id,
                        nth,
                        format!("`{id}` is not a valid section id"),
                        Some("use lowercase letters without diacritics, digits and single hyphens".into()),
                    );
                }
                format!("{id}-")
            }
            None => prefix.to_owned(),
        };
        let base = match (&raw.id, &raw.number) {
            (Some(id), _) => format!("s-{id}"),
            (None, Some(number)) if !slugify(number).is_empty() => format!("{prefix}s-{}", slugify(number)),
            _ => format!("{prefix}s-{order}"),
        };
        let anchor = cx.anchor(base);
        let goals = raw.goals.iter().enumerate().map(|(i, g)| self.goal(cx, g, &own_prefix, i)).collect();
        let sections = raw
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| self.section(cx, s, &own_prefix, &format!("{order}-{i}")))
            .collect();
        Section {
            level: opt(&raw.level),
            number: opt(&raw.number),
            title: opt(&raw.title),
            anchor,
            notes: notes(&raw.notes),
            goals,
            sections,
        }
    }

    fn goal(&self, cx: &mut PlanCx<'_>, raw: &RawGoal, prefix: &str, order: usize) -> Goal {
        let base = match raw.number.as_deref().map(|n| number_slug(n, "og")).filter(|s| !s.is_empty()) {
            Some(slug) => format!("{prefix}og-{slug}"),
            None => format!("{prefix}og-{}", order + 1),
        };
        let anchor = cx.anchor(base);
        let framework = raw.framework.as_deref().and_then(|r| self.framework_ref(&mut cx.report, r, false));
        let objectives =
            raw.objectives.iter().enumerate().map(|(i, o)| self.objective(cx, o, prefix, &anchor, i)).collect();
        if let Some(n) = &raw.number {
            limits::check_number(&mut cx.report, n, "og");
        }
        check_text(&mut cx.report, &raw.text, "general objective", raw.number.as_deref());
        Goal {
            number: opt(&raw.number),
            text: normalize(raw.text.trim()),
            label: opt(&raw.label),
            framework,
            anchor,
            notes: notes(&raw.notes),
            objectives,
        }
    }

    fn objective(
        &self,
        cx: &mut PlanCx<'_>,
        raw: &RawObjective,
        prefix: &str,
        goal_anchor: &str,
        order: usize,
    ) -> Objective {
        let base = match raw.number.as_deref().map(|n| number_slug(n, "os")).filter(|s| !s.is_empty()) {
            Some(slug) => format!("{prefix}os-{slug}"),
            None => format!("{goal_anchor}-os{}", order + 1),
        };
        let anchor = cx.anchor(base);
        let framework = raw.framework.as_deref().and_then(|r| self.framework_ref(&mut cx.report, r, true));
        let themes = self.themes(&mut cx.report, &raw.themes);
        if let Some(n) = &raw.number {
            limits::check_number(&mut cx.report, n, "os");
        }
        check_text(&mut cx.report, &raw.text, "specific objective", raw.number.as_deref());
        let nth = cx.report.occurrence(&raw.text);
        // Its line is found with all the others once the plan is resolved (`set_objective_lines`).
        cx.report.line_requests.push((raw.text.clone(), nth));
        let line = 0;
        let activities =
            raw.activities.iter().enumerate().map(|(i, a)| self.activity(cx, a, prefix, &anchor, i)).collect();
        Objective {
            number: opt(&raw.number),
            text: normalize(raw.text.trim()),
            list_text: opt(&raw.list_text),
            label: opt(&raw.label),
            framework,
            themes,
            anchor,
            notes: notes(&raw.notes),
            activities,
            line,
        }
    }

    fn activity(
        &self,
        cx: &mut PlanCx<'_>,
        raw: &RawActivity,
        prefix: &str,
        objective_anchor: &str,
        order: usize,
    ) -> Activity {
        let base = match raw.number.as_deref().map(|n| number_slug(n, "a")).filter(|s| !s.is_empty()) {
            Some(slug) => format!("{prefix}a-{slug}"),
            None => format!("{objective_anchor}-m{}", order + 1),
        };
        let anchor = cx.anchor(base);
        if let Some(n) = &raw.number {
            limits::check_number(&mut cx.report, n, "a");
        }
        check_text(&mut cx.report, &raw.text, "activity", raw.number.as_deref());
        let responsible =
            raw.responsible.iter().filter_map(|name| self.actor(&mut cx.report, cx.county, name)).collect();
        let partners = raw.partners.iter().filter_map(|name| self.actor(&mut cx.report, cx.county, name)).collect();
        let themes = self.themes(&mut cx.report, &raw.themes);
        Activity {
            number: opt(&raw.number),
            text: normalize(raw.text.trim()),
            label: opt(&raw.label),
            indicators: normalize_all(&raw.indicators),
            period: opt(&raw.period),
            evaluation: opt(&raw.evaluation),
            responsible,
            responsible_text: opt(&raw.responsible_text),
            partners,
            partners_text: opt(&raw.partners_text),
            funding: normalize_all(&raw.funding),
            themes,
            anchor,
            notes: notes(&raw.notes),
        }
    }

    /// Resolves a printed institution name within `county`, then among national bodies.
    fn actor(&self, report: &mut FileReport<'_>, county: Option<CountyId>, printed: &str) -> Option<ActorRef> {
        let key = name_key(printed);
        let found = county
            .and_then(|c| self.lookup.names.get(&(Some(c), key.clone())))
            .or_else(|| self.lookup.names.get(&(None, key.clone())))
            .copied();
        let hint = |report: &FileReport<'_>| {
            let near = if report.wants_suggestions() {
                let in_county = county.and_then(|c| self.lookup.names_by_scope.get(&Some(c))).into_iter().flatten();
                let national = self.lookup.names_by_scope.get(&None).into_iter().flatten();
                nearest(printed, in_county.chain(national).map(String::as_str))
            } else {
                None
            };
            Some(match near {
                Some(name) => format!(
                    "did you mean `{name}`? otherwise add the name as an alias of its institution in content/institutions/"
                ),
                None => "add the name as an alias of its institution in content/institutions/".to_owned(),
            })
        };
        // With no county (the publication's county is itself unknown, and reported), a name
        // known in some county is not reported again: that error would only echo the first.
        // One lookup per scope, not a pass over every name: thousands of unknown names against
        // thousands of institutions made `check` quadratic.
        let known_elsewhere = found.is_none()
            && county.is_none()
            && self.lookup.names_by_scope.keys().any(|scope| self.lookup.names.contains_key(&(*scope, key.clone())));
        let hint = if found.is_none() { hint(report) } else { None };
        report.check(printed, found.is_some() || known_elsewhere, || format!("unknown institution `{printed}`"), hint);
        found.map(|institution| ActorRef { printed: normalize(printed.trim()), institution })
    }

    fn themes(&self, report: &mut FileReport<'_>, ids: &[String]) -> Vec<ThemeId> {
        ids.iter()
            .filter_map(|id| {
                let found = self.lookup.themes.get(id).copied();
                let hint = (found.is_none() && report.wants_suggestions())
                    .then(|| nearest(id, self.lookup.themes.keys().map(String::as_str)))
                    .flatten()
                    .map(|n| format!("did you mean `{n}`? themes are listed in content/themes.yaml"));
                report.check(
                    id,
                    found.is_some(),
                    || format!("unknown theme `{id}`"),
                    hint.or(Some("themes are listed in content/themes.yaml".into())),
                );
                found
            })
            .collect()
    }

    fn framework_ref(&self, report: &mut FileReport<'_>, reference: &str, objective: bool) -> Option<FrameworkRef> {
        let found = self.lookup.framework_items.get(reference).copied();
        let level_ok = found.is_none_or(|r| r.objective.is_some() == objective);
        let nth = report.occurrence(reference);
        match found {
            None => {
                let hint = nearest(reference, self.lookup.framework_items.keys().map(String::as_str))
                    .map(|n| format!("did you mean `{n}`?"))
                    .unwrap_or_else(|| "write framework-id/objective-id as listed in content/frameworks/".to_owned());
                report.error_at(reference, nth, format!("unknown framework objective `{reference}`"), Some(hint));
                None
            }
            Some(_) if !level_ok => {
                let (this, that) = if objective {
                    ("a specific objective", "a framework goal")
                } else {
                    ("a general objective", "a framework objective")
                };
                report.error_at(
                    reference,
                    nth,
                    format!("{this} links to {that} `{reference}`"),
                    Some(
                        "link general objectives to framework goals and specific objectives to framework objectives"
                            .into(),
                    ),
                );
                None
            }
            found => found,
        }
    }

    fn locality(&self, report: &mut FileReport<'_>, slug: &str, county: Option<CountyId>) -> Option<LocalityId> {
        let found = self.lookup.localities.get(slug).copied();
        let in_county = found.is_none_or(|l| county.is_none_or(|c| self.site.localities[l.0].county == c));
        let nth = report.occurrence(slug);
        if found.is_none() {
            report.error_at(
                slug,
                nth,
                format!("unknown locality `{slug}`"),
                Some("localities are listed in content/localities.yaml".into()),
            );
        } else if !in_county {
            report.error_at(slug, nth, format!("locality `{slug}` is not in the county of this publication"), None);
        }
        found.filter(|_| in_county)
    }

    fn check_source(&self, report: &mut FileReport<'_>, source: &str) {
        let ok = self.site.sources.contains_key(source);
        report.check(
            source,
            ok,
            || format!("source file `{source}` is not in content/sources/"),
            Some("copy the text as published into content/sources/".into()),
        );
    }

    fn document(&self, id: &str, parsed: &Parsed<RawDocumentFile>) -> (Document, Vec<Diagnostic>) {
        let raw = &parsed.value.front;
        let mut report = FileReport::new(&parsed.file);
        let county = county_ref(&mut report, self.lookup, &raw.county);
        let locality = raw.locality.as_deref().and_then(|l| self.locality(&mut report, l, county));
        let organiser = raw.organiser.as_deref().and_then(|o| self.actor(&mut report, county, o));
        let participants = raw.participants.iter().filter_map(|p| self.actor(&mut report, county, p)).collect();
        self.check_source(&mut report, &raw.source);
        if let Some(date) = &raw.date {
            check_date(&mut report, date);
        }
        let title_line = || limits::top_level_key_line(&parsed.file.text, "title");
        limits::check_control(&mut report, &raw.title, "the title", title_line);
        limits::check_body_nesting(&mut report, &parsed.value.body, parsed.value.body_line);
        let body = normalize(&parsed.value.body);
        let body_words = collapse(&body);
        let items = |list: &[RawTaggedItem], report: &mut FileReport<'_>| -> Vec<TaggedItem> {
            list.iter()
                .map(|item| {
                    let text = normalize(item.text.trim());
                    let in_body = body_words.contains(&collapse(&text));
                    report.check(
                        &item.text,
                        in_body,
                        || "this item does not appear in the body of the document".to_owned(),
                        Some("copy the item's text exactly as the body has it".into()),
                    );
                    TaggedItem { text, themes: self.themes(report, &item.themes) }
                })
                .collect()
        };
        let vulnerable_groups = items(&raw.vulnerable_groups, &mut report);
        let proposals = items(&raw.proposals, &mut report);
        let document = Document {
            id: id.to_owned(),
            title: normalize(raw.title.trim()),
            kind: normalize(raw.kind.trim()),
            county: county.unwrap_or(CountyId(0)),
            locality,
            date: raw.date.clone(),
            registration: opt(&raw.registration),
            organiser,
            source: raw.source.clone(),
            participants,
            drawn_up_by: normalize_all(&raw.drawn_up_by),
            themes: self.themes(&mut report, &raw.themes),
            vulnerable_groups,
            proposals,
            notes: notes(&raw.notes),
            body,
        };
        (document, report.finish())
    }
}

/// Gives each objective of `plan` its line, from `lines` in the order `Context::objective` met
/// them: the plan's goals, then its sections depth first, each section's goals before its
/// subsections.
fn set_objective_lines(plan: &mut Plan, lines: Vec<usize>) {
    fn goals<'p>(goals: &'p mut [Goal], out: &mut Vec<&'p mut Objective>) {
        for goal in goals {
            out.extend(goal.objectives.iter_mut());
        }
    }
    fn sections<'p>(list: &'p mut [Section], out: &mut Vec<&'p mut Objective>) {
        for section in list {
            goals(&mut section.goals, out);
            sections(&mut section.sections, out);
        }
    }
    let mut objectives = Vec::new();
    goals(&mut plan.goals, &mut objectives);
    sections(&mut plan.sections, &mut objectives);
    for (objective, line) in objectives.into_iter().zip(lines) {
        objective.line = line;
    }
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An item's text may not be empty; the error points at the item's number when it has one.
fn check_text(report: &mut FileReport<'_>, text: &str, what: &str, number: Option<&str>) {
    if !text.trim().is_empty() {
        return;
    }
    let hint = "write the text as the document publishes it";
    match number {
        Some(n) => {
            let nth = report.seen.get(n).copied().unwrap_or(1).saturating_sub(1);
            report.error_at(n, nth, format!("{what} {n} has an empty text"), Some(hint.to_owned()));
        }
        None => report
            .found
            .push(Diagnostic::file_error(&report.file.path, format!("{what} has an empty text")).with_hint(hint)),
    }
}

/// Dates are `YYYY-MM-DD`, and a day of the calendar: `2024-02-30` is refused.
fn check_date(report: &mut FileReport<'_>, date: &str) {
    let parts: Vec<&str> = date.split('-').collect();
    let well_formed = parts.len() == 3
        && parts[0].len() == 4
        && parts[1].len() == 2
        && parts[2].len() == 2
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    let nth = report.occurrence(date);
    if !well_formed {
        report.error_at(
            date,
            nth,
            format!("`{date}` is not a date"),
            Some("write dates as YYYY-MM-DD, e.g. 2022-09-29".into()),
        );
        return;
    }
    // The shape is checked above; jiff says whether the day exists (leap years included).
    let exists = jiff::civil::Date::strptime("%Y-%m-%d", date).is_ok();
    if !exists {
        report.error_at(
            date,
            nth,
            format!("there is no day `{date}` in the calendar"),
            Some("check the day and the month; dates are written YYYY-MM-DD, e.g. 2022-09-29".into()),
        );
    }
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
    fn number_slugs_drop_repeated_level_prefix() {
        assert_eq!(number_slug("O.S.1.1", "os"), "1-1");
        assert_eq!(number_slug("OS.I.1.", "os"), "i-1");
        assert_eq!(number_slug("1.1.1.", "a"), "1-1-1");
        assert_eq!(number_slug("2", "og"), "2");
    }

    #[test]
    fn repeated_anchor_gets_suffix_in_order() {
        let file = SourceFile { path: "p.yaml".into(), text: String::new() };
        let mut cx = PlanCx { report: FileReport::new(&file), county: None, anchors: HashSet::new() };
        assert_eq!(cx.anchor("a-2-3-2".into()), "a-2-3-2");
        assert_eq!(cx.anchor("a-2-3-2".into()), "a-2-3-2-2");
        assert_eq!(cx.anchor("a-2-3-2".into()), "a-2-3-2-3");
    }

    #[test]
    fn nearest_finds_typos_only() {
        let names = ["DGASPC", "DSP Cluj", "Asociația Preventis"];
        assert_eq!(nearest("DGASPX", names.iter().copied()), Some("DGASPC"));
        assert_eq!(nearest("Asociatia Preventis", names.iter().copied()), Some("Asociația Preventis"));
        assert_eq!(nearest("Primăria", names.iter().copied()), None);
    }
}
