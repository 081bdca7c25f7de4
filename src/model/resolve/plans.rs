//! Plans: their sections, general and specific objectives and activities, each given an anchor.

use super::anchors::{Anchors, Request, check_record, numbered, section_numbered};
use super::dates::check_date;
use super::names::county_ref;
use super::report::{FileReport, field, item};
use super::{Context, labels, limits, normalize_all, notes, opt};
use crate::diagnostics::Diagnostic;
use crate::load::Parsed;
use crate::load::raw::{RawActivity, RawAnchorRecord, RawGoal, RawObjective, RawPlan, RawSection};
use crate::messages::{Articled, Message, Noun};
use crate::model::places;
use crate::model::*;
use crate::text::{is_slug, normalize, slugify};

/// Per-plan state: the report and the anchors.
pub(super) struct PlanCx<'a> {
    pub(super) report: FileReport<'a>,
    county: Option<CountyId>,
    anchors: Anchors,
    /// The optional level and column the plan's `labels` name: `intermediate`, `results`.
    /// Each is refused once where it is first used unnamed, then counted as named.
    pub(super) named: [bool; 2],
}

impl PlanCx<'_> {
    /// The anchor of the item `request` describes (`anchors.rs`).
    pub(super) fn anchor(&mut self, request: Request<'_>) -> String {
        self.anchors.give(&mut self.report, request)
    }
}

/// The slug of a published number without the level prefix it repeats ("O.S.1.1" → "1-1").
pub(super) fn number_slug(number: &str, prefix: &str) -> String {
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
    /// The plan of file `parsed`, or `None` when its county is unknown; and its problems, with
    /// those of its anchors' `record`.
    pub(super) fn plan(
        &self,
        id: &str,
        parsed: &Parsed<RawPlan>,
        record: Option<&Parsed<RawAnchorRecord>>,
    ) -> (Option<Plan>, Vec<Diagnostic>) {
        let raw = &parsed.value;
        let anchors = Anchors::scan(raw);
        let named = [raw.labels.intermediate.is_some(), raw.labels.results.is_some()];
        let mut cx = PlanCx { report: FileReport::new(&parsed.file), county: None, anchors, named };
        cx.county = county_ref(&mut cx.report, self.lookup, || "county".to_owned(), &raw.county);
        let locality = raw.locality.as_deref().and_then(|l| self.locality(&mut cx.report, "locality", l, cx.county));
        let issuer =
            raw.issuer.as_deref().and_then(|name| self.actor(&mut cx.report, cx.county, || "issuer".to_owned(), name));
        self.check_source(&mut cx.report, &raw.source);
        if let Some(count) = self.source_lines(&raw.source) {
            super::lines::check_plan(&mut cx.report, raw, count);
        }
        if let Some(date) = &raw.date {
            check_date(&mut cx.report, date);
        }
        limits::check_control(&mut cx.report, &raw.title, Noun::Title, || "title".to_owned());
        if raw.period.from > raw.period.to {
            cx.report.error(
                "period.to".to_owned(),
                &raw.period.to.to_string(),
                Message::PeriodReversed { to: raw.period.to.to_string(), from: raw.period.from.to_string() },
                None,
            );
        }
        let provenance = super::provenance::provenance(&mut cx.report, raw.provenance.as_ref());
        let corrections = super::provenance::corrections(&mut cx.report, &raw.corrections);
        let published = super::provenance::published(&mut cx.report, raw.portal.as_ref());
        let goals = raw.goals.iter().enumerate().map(|(i, g)| self.goal(&mut cx, g, "", &item("", "goals", i), i));
        let goals: Vec<Goal> = goals.collect();
        let sections: Vec<Section> = raw
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| self.section(&mut cx, s, "", &i.to_string(), &item("", "sections", i)))
            .collect();
        let record_found = record.map(|r| check_record(&mut cx.report, r, (&goals, &sections))).unwrap_or_default();
        let (mut found, lines) = cx.report.finish_with_lines();
        found.extend(record_found);
        let Some(county) = cx.county else {
            return (None, found);
        };
        let mut plan = Plan {
            id: id.to_owned(),
            file: parsed.file.path.clone(),
            title: normalize(raw.title.trim()),
            plan_type: raw.plan_type,
            county,
            locality,
            issuer,
            period_from: raw.period.from,
            period_to: raw.period.to,
            approval: opt(&raw.approval),
            mention: opt(&raw.mention),
            date: raw.date.clone(),
            source: raw.source.clone(),
            provenance,
            published,
            corrections,
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
            reports: Vec::new(),
        };
        set_objective_lines(&mut plan, lines);
        if let Some(source) = self.site.sources.get(&plan.source) {
            super::locate::locate(&mut plan, source);
        }
        (Some(plan), found)
    }

    fn section(&self, cx: &mut PlanCx<'_>, raw: &RawSection, prefix: &str, order: &str, at: &str) -> Section {
        let own_prefix = match &raw.id {
            Some(id) => {
                if !is_slug(id) {
                    cx.report.error(
                        field(at, "id"),
                        id,
                        Message::InvalidSectionId { id: id.clone() },
                        Some(Message::SlugHint),
                    );
                }
                format!("{id}-")
            }
            None => prefix.to_owned(),
        };
        // A section's `id` names its anchor too (`s-<id>`), whatever its position.
        let anchor = match (&raw.anchor, &raw.id) {
            (None, Some(id)) => cx.anchors.section_id(&mut cx.report, at, id, &raw.previous_ids),
            (anchor, _) => cx.anchor(Request {
                at,
                key: "anchor",
                id: anchor.as_deref(),
                numbered: section_numbered(raw.number.as_deref(), prefix),
                positional: format!("{prefix}s-{order}"),
                report_at: if raw.title.is_some() { "title" } else { "" },
                shown: raw.title.as_deref().unwrap_or_default(),
                previous: &raw.previous_ids,
            }),
        };
        let goals = raw
            .goals
            .iter()
            .enumerate()
            .map(|(i, g)| self.goal(cx, g, &own_prefix, &item(at, "goals", i), i))
            .collect();
        let sections = raw
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| self.section(cx, s, &own_prefix, &format!("{order}-{i}"), &item(at, "sections", i)))
            .collect();
        Section {
            level: opt(&raw.level),
            number: opt(&raw.number),
            title: opt(&raw.title),
            anchor,
            previous_ids: raw.previous_ids.clone(),
            notes: notes(&raw.notes),
            goals,
            sections,
        }
    }

    fn goal(&self, cx: &mut PlanCx<'_>, raw: &RawGoal, prefix: &str, at: &str, order: usize) -> Goal {
        let id = ItemId::of(at, raw.id.as_deref(), raw.number.as_deref(), &raw.text, &raw.previous_ids);
        let anchor = cx.item_anchor(id, (prefix, "og", Noun::GeneralObjective), format!("{prefix}og-{}", order + 1));
        let framework =
            raw.framework.as_deref().and_then(|r| self.framework_ref(&mut cx.report, field(at, "framework"), r, false));
        let mut objectives: Vec<Objective> = raw
            .objectives
            .iter()
            .enumerate()
            .map(|(i, o)| self.objective(cx, o, (prefix, &anchor), &item(at, "objectives", i), i))
            .collect();
        let (intermediates, under) = self.intermediates(cx, raw, (prefix, &anchor), at);
        objectives.extend(under);
        Goal {
            number: opt(&raw.number),
            text: normalize(raw.text.trim()),
            label: opt(&raw.label),
            framework,
            anchor,
            previous_ids: raw.previous_ids.clone(),
            notes: notes(&raw.notes),
            objectives,
            source_lines: None,
            intermediates,
        }
    }

    /// A specific objective; `(prefix, goal_anchor)` are its section's prefix and its goal's
    /// anchor, `at` its path.
    pub(super) fn objective(
        &self,
        cx: &mut PlanCx<'_>,
        raw: &RawObjective,
        (prefix, goal_anchor): (&str, &str),
        at: &str,
        order: usize,
    ) -> Objective {
        let id = ItemId::of(at, raw.id.as_deref(), raw.number.as_deref(), &raw.text, &raw.previous_ids);
        let positional = format!("{goal_anchor}-os{}", order + 1);
        let anchor = cx.item_anchor(id, (prefix, "os", Noun::SpecificObjective), positional);
        let framework =
            raw.framework.as_deref().and_then(|r| self.framework_ref(&mut cx.report, field(at, "framework"), r, true));
        let themes = self.themes(&mut cx.report, &field(at, "themes"), &raw.themes);
        // Its line is found with the file's problems once the plan is resolved (`set_objective_lines`).
        cx.report.request_line(field(at, "text"));
        let activities = raw
            .activities
            .iter()
            .enumerate()
            .map(|(i, a)| self.activity(cx, a, (prefix, &anchor), &item(at, "activities", i), i))
            .collect();
        Objective {
            number: opt(&raw.number),
            text: normalize(raw.text.trim()),
            list_text: opt(&raw.list_text),
            label: opt(&raw.label),
            framework,
            themes,
            anchor,
            previous_ids: raw.previous_ids.clone(),
            notes: notes(&raw.notes),
            source_lines: None,
            activities,
            line: 0,
            intermediate: None,
        }
    }

    fn activity(
        &self,
        cx: &mut PlanCx<'_>,
        raw: &RawActivity,
        (prefix, objective_anchor): (&str, &str),
        at: &str,
        order: usize,
    ) -> Activity {
        let id = ItemId::of(at, raw.id.as_deref(), raw.number.as_deref(), &raw.text, &raw.previous_ids);
        let anchor = cx.item_anchor(id, (prefix, "a", Noun::Activity), format!("{objective_anchor}-m{}", order + 1));
        if !raw.results.is_empty() {
            cx.require_label(at, "results", 1, "Rezultate");
        }
        let mut actors = |key: &str, names: &[String]| -> Vec<ActorRef> {
            names
                .iter()
                .enumerate()
                .filter_map(|(i, name)| self.actor(&mut cx.report, cx.county, || item(at, key, i), name))
                .collect()
        };
        let responsible = actors("responsible", &raw.responsible);
        let partners = actors("partners", &raw.partners);
        let themes = self.themes(&mut cx.report, &field(at, "themes"), &raw.themes);
        let tags: Vec<(usize, LocalityId)> = raw
            .localities
            .iter()
            .enumerate()
            .filter_map(|(i, slug)| {
                self.locality(&mut cx.report, &item(at, "localities", i), slug, cx.county).map(|l| (i, l))
            })
            .collect();
        super::items::check_note_items(&mut cx.report, at, raw);
        let activity = Activity {
            number: opt(&raw.number),
            text: normalize(raw.text.trim()),
            label: opt(&raw.label),
            indicators: normalize_all(&raw.indicators),
            results: normalize_all(&raw.results),
            period: opt(&raw.period),
            evaluation: opt(&raw.evaluation),
            responsible,
            responsible_text: opt(&raw.responsible_text),
            partners,
            partners_text: opt(&raw.partners_text),
            funding: normalize_all(&raw.funding),
            themes,
            localities: tags.iter().map(|&(_, l)| l).collect(),
            anchor,
            previous_ids: raw.previous_ids.clone(),
            source_lines: None,
            notes: notes(&raw.notes),
            status: None,
        };
        self.warn_unnamed_localities(cx, &activity, at, &tags);
        activity
    }

    /// Warns of each locality an activity is tagged with that none of its printed cells names
    /// (`crate::model::places`): a tag is data beside the text and must be confirmed by it.
    fn warn_unnamed_localities(
        &self,
        cx: &mut PlanCx<'_>,
        activity: &Activity,
        at: &str,
        tags: &[(usize, LocalityId)],
    ) {
        for &(i, id) in tags {
            let locality = &self.site.localities[id.0];
            if !places::activity_names(activity, &places::pattern(self.site, locality)) {
                let number = activity.number.clone().unwrap_or_else(|| activity.anchor.clone());
                cx.report.warning(
                    item(at, "localities", i),
                    &locality.slug,
                    Message::LocalityNotNamed { number, slug: locality.slug.clone() },
                    Some(Message::LocalityNotNamedHint { name: locality.name.clone() }),
                );
            }
        }
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

/// What every numbered item of a plan (a general, intermediate or specific objective, an
/// activity) has that its anchor and checks need.
pub(super) struct ItemId<'r> {
    at: &'r str,
    id: Option<&'r str>,
    number: Option<&'r str>,
    text: &'r str,
    previous: &'r [String],
}

impl<'r> ItemId<'r> {
    /// The item at `at` with these raw fields.
    pub(super) fn of(
        at: &'r str,
        id: Option<&'r str>,
        number: Option<&'r str>,
        text: &'r str,
        previous: &'r [String],
    ) -> Self {
        ItemId { at, id, number, text, previous }
    }
}

impl PlanCx<'_> {
    /// The anchor of `item` — from its number (`code` the letters of its kind: `og`, `oi`, `os`,
    /// `a`; `prefix` its section's), else its authored id, never `positional` — with its number
    /// and text checked.
    pub(super) fn item_anchor(
        &mut self,
        item: ItemId<'_>,
        (prefix, code, noun): (&str, &str, Noun),
        positional: String,
    ) -> String {
        let anchor = self.anchor(Request {
            at: item.at,
            key: "id",
            id: item.id,
            numbered: numbered(item.number, prefix, code),
            positional,
            report_at: if item.number.is_some() { "number" } else { "text" },
            shown: item.number.unwrap_or(item.text),
            previous: item.previous,
        });
        if let Some(n) = item.number {
            limits::check_number(&mut self.report, item.at, n, code);
        }
        check_text(&mut self.report, item.at, item.text, noun, item.number);
        anchor
    }
}

/// An item's text (of the item at `at`) may not be empty; the error points at the item's number
/// when it has one.
pub(super) fn check_text(report: &mut FileReport<'_>, at: &str, text: &str, what: Noun, number: Option<&str>) {
    if !text.trim().is_empty() {
        return;
    }
    let hint = Message::EmptyTextHint;
    match number {
        Some(n) => {
            let message = Message::EmptyTextNumbered { what: Articled(what), number: n.to_owned() };
            report.error(field(at, "number"), n, message, Some(hint));
        }
        None => report.found.push(
            Diagnostic::file_error(&report.file.path, Message::EmptyText { what: Articled(what) }).with_hint(hint),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

    /// The anchors of the activities of a plan whose one objective has `activities` (YAML flow
    /// items), or its errors as `line:column message`, each followed by the anchor its hint
    /// proposes, if any.
    fn activity_anchors(activities: &[&str]) -> Result<Vec<(String, Vec<String>)>, Vec<String>> {
        let plan = format!(
            "title: T\ntype: plan-anual\ncounty: c\nperiod: {{from: 2024, to: 2024}}\nsource: s.txt\nlabels: {{goal: G, objective: O, activity: A, indicators: I, period: P, responsible: R}}\ngoals:\n  - number: I\n    text: G\n    objectives:\n      - number: OS.I.1.\n        text: O\n        activities:\n{}",
            activities.iter().map(|a| format!("          - {a}\n")).collect::<String>()
        );
        let (site, diagnostics) = super::super::site_with_plan(&plan);
        if diagnostics.has_errors() {
            let proposed = |hint: &str| hint.split('`').nth(1).unwrap_or_default().to_owned();
            let shown = |d: Diagnostic| {
                let hint = d.hint.as_ref().map(|h| h.text(Lang::En)).unwrap_or_default();
                format!("{}:{} {} [{}]", d.line, d.column, d.message.text(Lang::En), proposed(&hint))
            };
            return Err(diagnostics.sorted().into_iter().map(shown).collect());
        }
        let objective = &site.plans[0].goals[0].objectives[0];
        Ok(objective.activities.iter().map(|a| (a.anchor.clone(), a.previous_ids.clone())).collect())
    }

    #[test]
    fn ids_and_unique_numbers_give_anchors_that_do_not_depend_on_position() {
        let plain = |anchors: Vec<(String, Vec<String>)>| anchors.into_iter().map(|(a, _)| a).collect::<Vec<_>>();
        let items = ["{id: os-i-1-m1, text: A}", "{number: '1.1.1', text: B}", "{id: a-x, number: '1.1.2', text: C}"];
        assert_eq!(plain(activity_anchors(&items).expect("anchors")), ["os-i-1-m1", "a-1-1-1", "a-x"]);
        let inserted = ["{id: os-i-1-nou, text: N}", items[0], items[1], items[2]];
        assert_eq!(plain(activity_anchors(&inserted).expect("anchors")), ["os-i-1-nou", "os-i-1-m1", "a-1-1-1", "a-x"]);
        let corrected = activity_anchors(&["{number: '1.1.9', previous_ids: [a-1-1-1], text: B}"]).expect("anchors");
        assert_eq!(corrected, [("a-1-1-9".to_owned(), vec!["a-1-1-1".to_owned()])]);
    }

    #[test]
    fn position_dependent_anchors_are_refused_with_the_anchor_of_today() {
        let errors = activity_anchors(&["{text: A}", "{number: '1.1', text: B}", "{number: '1.1', text: C}"])
            .expect_err("refused");
        assert_eq!(
            errors,
            [
                "14:20 this item needs an `id`: it has no number, so its anchor would depend on its position [id: os-i-1-m1]",
                "15:23 this item needs an `id`: another item of the plan has the same number, so its anchor would depend on its position [id: a-1-1]",
                "16:23 this item needs an `id`: another item of the plan has the same number, so its anchor would depend on its position [id: a-1-1-2]",
            ]
        );
        // A number whose anchor is another item's id, and an id used twice.
        let errors = activity_anchors(&["{id: a-1-1, text: A}", "{number: '1.1', text: B}", "{id: a-1-1, text: C}"])
            .expect_err("refused");
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].ends_with("the anchor `a-1-1` its number gives is another item's id, so its anchor would depend on its position [id: a-1-1-2]"), "{errors:?}");
        assert!(
            errors[1].starts_with("16:") && errors[1].contains("the anchor `a-1-1` is used twice in this plan"),
            "{errors:?}"
        );
    }

    #[test]
    fn number_slugs_drop_repeated_level_prefix() {
        assert_eq!(number_slug("O.S.1.1", "os"), "1-1");
        assert_eq!(number_slug("OS.I.1.", "os"), "i-1");
        assert_eq!(number_slug("1.1.1.", "a"), "1-1-1");
        assert_eq!(number_slug("2", "og"), "2");
    }
}
