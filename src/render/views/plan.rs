//! The plan page: the hierarchy of sections, goals, objectives and activities, as published,
//! under its facts, status, contents and filters; the views the objective and filter pages reuse.

use serde::Serialize;

use super::{
    Actor, CorrectionView, CountyLink, FilterGroup, FrameworkLink, IntermediateView, LabelsView, Link, NoteView,
    PlanSummary, ProvenanceView, Views, period,
};
use crate::model::*;
use crate::urls;

/// One activity of a plan, with its columns as printed.
#[derive(Serialize)]
pub struct ActivityView<'a> {
    /// Its anchor on the plan page.
    pub anchor: &'a str,
    /// Its element id on this page: its anchor on its plan's own pages; on pages showing the
    /// activities of several plans, where anchors repeat (`a-1-1-1`), `urls::anchor_among_plans`.
    pub id: String,
    /// Its place on the plan page (`…/#anchor`).
    pub url: String,
    /// Anchors it had before a correction, each an element id inside it so that old links still
    /// lead to it; only on its plan's own pages (none where `id` is `urls::anchor_among_plans`).
    pub previous_ids: &'a [String],
    /// What the plan calls it ("Activitate", "Acțiune", …).
    pub label: &'a str,
    /// Its number as printed, if any.
    pub number: Option<&'a str>,
    /// Its wording.
    pub text: &'a str,
    /// Its indicators.
    pub indicators: &'a [String],
    /// Its results, where the plan prints them beside the indicators.
    pub results: &'a [String],
    /// Its period or deadline, as printed.
    pub period: Option<&'a str>,
    /// Its evaluation date, as printed.
    pub evaluation: Option<&'a str>,
    /// The institutions responsible.
    pub responsible: Vec<Actor<'a>>,
    /// The responsible column as printed, when it says more than the list of institutions.
    pub responsible_text: Option<&'a str>,
    /// The partner institutions.
    pub partners: Vec<Actor<'a>>,
    /// The partners column as printed, when it says more than the list of institutions.
    pub partners_text: Option<&'a str>,
    /// Its funding sources.
    pub funding: &'a [String],
    /// The themes it is tagged with.
    pub themes: Vec<Link<'a>>,
    /// The localities its cells name (`localities:`), each linking to its page.
    pub localities: Vec<Link<'a>>,
    /// Editorial notes.
    pub notes: Vec<NoteView<'a>>,
    /// The lines of the source text its text was transcribed from ("vezi în sursă"), if found.
    pub source: Option<super::LineLink>,
    /// The items of its lists that a note is about (an editor's comment left among the
    /// results), each marked where it stands and linked to its note.
    pub marks: Vec<ItemMark>,
    /// Its misspellings, each a "[sic]" beside the text of its field, linked to its note.
    pub sic: Vec<SicMark<'a>>,
    /// Its implementation status tag; none when no report is on its plan (`PlanProgress`).
    pub status: Option<super::StatusTag<'a>>,
}

/// A "[sic]" beside a misspelled text, linking to the note (kind `greseala-de-redactare`) that
/// says what is misspelled. `field` places it: a note naming no field, `text`, or a field the
/// item does not show as a cell is about the item's own text; `indicators`, `period`,
/// `evaluation`, `responsible`, `partners` or `funding` put it in that cell of an activity (with
/// `item:` on a list, beside that item instead, as `ItemMark`); `results` too.
#[derive(Serialize)]
pub struct SicMark<'a> {
    /// Where it stands: `text` or the name of an activity's cell.
    pub field: &'static str,
    /// The element id of the note.
    pub note: String,
    /// The note's text, shown on hover, focus and in print.
    pub text: &'a str,
}

/// The cells of an activity a "[sic]" can stand in, besides its text.
const SIC_FIELDS: [&str; 7] = ["indicators", "results", "period", "evaluation", "responsible", "partners", "funding"];

/// The "[sic]" markers of the misspellings among `notes` whose views are `views`, each note
/// given the id `<prefix>-nota-<n>` (unique on pages that show several plans) so that its
/// marker links to it; `item:` notes are left to `ItemMark`.
pub(super) fn sic_marks<'a>(notes: &'a [Note], views: &mut [NoteView<'a>], prefix: &str) -> Vec<SicMark<'a>> {
    let mut marks = Vec::new();
    for (i, (note, view)) in notes.iter().zip(views.iter_mut()).enumerate() {
        if note.kind != crate::vocabulary::NoteKind::Misspelling || note.item.is_some() {
            continue;
        }
        let field = note.field.as_deref().and_then(|f| SIC_FIELDS.iter().find(|k| **k == f)).copied();
        let id = format!("{prefix}-nota-{}", i + 1);
        view.id = Some(id.clone());
        marks.push(SicMark { field: field.unwrap_or("text"), note: id, text: &note.text });
    }
    marks
}

/// A mark on one item of an activity's list, linking to the note about it.
#[derive(Serialize)]
pub struct ItemMark {
    /// The list: `indicators`, `results` or `funding`.
    pub field: String,
    /// The item, counted from 1 (Tera's `loop.index`).
    pub item: usize,
    /// What the marker says: the note kind's Romanian name.
    pub label: &'static str,
    /// The element id of the note.
    pub note: String,
}

/// One objective of a plan, with its activities.
#[derive(Serialize)]
pub struct ObjectiveView<'a> {
    /// Its anchor on the plan page.
    pub anchor: &'a str,
    /// Its own page.
    pub url: String,
    /// Its place on the plan page (`…/#anchor`).
    pub in_plan: String,
    /// Anchors it had before a correction, each an element id inside it (on its plan's pages).
    pub previous_ids: &'a [String],
    /// The level of its heading (2–6).
    pub h: u8,
    /// The level of its activities' headings (one deeper, at most 6).
    pub ah: u8,
    /// What the plan calls it ("Obiectiv specific", …).
    pub label: &'a str,
    /// Its number as printed, if any.
    pub number: Option<&'a str>,
    /// Its wording.
    pub text: &'a str,
    /// A shorter wording for lists, if the content gives one.
    pub list_text: Option<&'a str>,
    /// The national-framework objective it implements, if any.
    pub framework: Option<FrameworkLink<'a>>,
    /// The themes it is tagged with.
    pub themes: Vec<Link<'a>>,
    /// Editorial notes.
    pub notes: Vec<NoteView<'a>>,
    /// The lines of the source text its text was transcribed from ("vezi în sursă"), if found.
    pub source: Option<super::LineLink>,
    /// Its activities.
    pub activities: Vec<ActivityView<'a>>,
    /// Its misspellings, each a "[sic]" beside its heading's text (`SicMark`).
    pub sic: Vec<SicMark<'a>>,
    /// Its activities' counts per implementation status; none when no report is on its plan.
    pub status: Option<super::StatusRollup>,
}

/// One goal of a plan, with its objectives.
#[derive(Serialize)]
pub struct GoalView<'a> {
    /// Its anchor on the plan page.
    pub anchor: &'a str,
    /// Anchors it had before a correction, each an element id inside it.
    pub previous_ids: &'a [String],
    /// The level of its heading (2–6).
    pub h: u8,
    /// What the plan calls it ("Obiectiv general", …).
    pub label: &'a str,
    /// Its number as printed, if any.
    pub number: Option<&'a str>,
    /// Its wording.
    pub text: &'a str,
    /// The national-framework goal or objective it implements, if any.
    pub framework: Option<FrameworkLink<'a>>,
    /// Editorial notes.
    pub notes: Vec<NoteView<'a>>,
    /// Its objectives that stand under no intermediate level.
    pub objectives: Vec<ObjectiveView<'a>>,
    /// The level between it and its objectives, where the plan has one, after `objectives`.
    pub intermediates: Vec<IntermediateView<'a>>,
    /// Its misspellings, each a "[sic]" beside its heading's text (`SicMark`).
    pub sic: Vec<SicMark<'a>>,
    /// The lines of the source text its text was transcribed from ("vezi în sursă"), if found.
    pub source: Option<super::LineLink>,
}

/// A section of a plan (chapter, part, …), with its goals and subsections.
#[derive(Serialize)]
pub struct SectionView<'a> {
    /// Its anchor on the plan page.
    pub anchor: &'a str,
    /// Anchors it had before a correction, each an element id inside it.
    pub previous_ids: &'a [String],
    /// The level of its heading (2–6).
    pub h: u8,
    /// What the plan calls it ("Capitolul", …), if anything.
    pub level: Option<&'a str>,
    /// Its number as printed, if any.
    pub number: Option<&'a str>,
    /// Its title, if any.
    pub title: Option<&'a str>,
    /// Editorial notes.
    pub notes: Vec<NoteView<'a>>,
    /// Its goals.
    pub goals: Vec<GoalView<'a>>,
    /// Its subsections.
    pub sections: Vec<SectionView<'a>>,
}

/// A signatory of a plan.
#[derive(Serialize)]
pub struct SignatoryView<'a> {
    /// The signatory's role, as printed.
    pub role: Option<&'a str>,
    /// The signatory's name.
    pub name: &'a str,
}

/// An entry of a plan's glossary of abbreviations.
#[derive(Serialize)]
pub struct GlossaryView<'a> {
    /// The abbreviation.
    pub abbreviation: &'a str,
    /// What it stands for.
    pub meaning: &'a str,
}

/// The facts of a plan page's header.
#[derive(Serialize)]
pub struct PlanFacts<'a> {
    /// Its type, in Romanian.
    #[serde(rename = "type")]
    pub type_label: &'static str,
    /// Its county.
    pub county: CountyLink<'a>,
    /// Its locality, if any.
    pub locality: Option<&'a str>,
    /// The institution that issued it, if known.
    pub issuer: Option<Actor<'a>>,
    /// Its period: `2023` or `2023–2025`.
    pub period: String,
    /// Its approval (decision number and date), as printed.
    pub approval: Option<&'a str>,
    /// A line the document prints about what it is that names no approving act, as printed.
    pub mention: Option<&'a str>,
    /// Its publication date (`YYYY-MM-DD`), when known.
    pub date: Option<&'a str>,
    /// The source text it was transcribed from: the raw file.
    pub source: Link<'a>,
    /// The page of the source text, its lines numbered.
    pub source_page: String,
    /// Where the published file was retrieved from.
    pub provenance: ProvenanceView<'a>,
    /// The portal's corrections of its transcription.
    pub corrections: Vec<CorrectionView<'a>>,
    /// The header printed above it, if any.
    pub header: Option<&'a str>,
    /// Its signatories.
    pub signatories: Vec<SignatoryView<'a>>,
    /// Its glossary.
    pub glossary: Vec<GlossaryView<'a>>,
    /// What it calls its levels and columns.
    pub labels: LabelsView<'a>,
}

/// Where a plan's period stands on the day the portal last checked its content (`checked` in
/// `config.toml`), never on the day of the build.
#[derive(Serialize, Debug, PartialEq, Eq)]
pub struct PlanStatus {
    /// `in-force`, `ended` or `not-started`, for a class.
    pub state: &'static str,
    /// The status in Romanian: `În vigoare`, `Perioada s-a încheiat`, `Perioada nu a început`.
    pub label: &'static str,
    /// The day checked, as Romanian writes it: `30.11.2026`.
    pub checked: String,
}

impl PlanStatus {
    /// The status of a plan running from year `from` to year `to` (both included) on the day
    /// `checked` (`YYYY-MM-DD`, as `config.rs` checked it); `None` without a day.
    pub fn of(from: u16, to: u16, checked: Option<&str>) -> Option<PlanStatus> {
        let checked = checked?;
        let year: u16 = checked.get(..4)?.parse().ok()?;
        let (state, label) = if year > to {
            ("ended", "Perioada s-a încheiat")
        } else if year < from {
            ("not-started", "Perioada nu a început")
        } else {
            ("in-force", "În vigoare")
        };
        let day: Vec<&str> = checked.split('-').rev().collect();
        Some(PlanStatus { state, label, checked: day.join(".") })
    }
}

/// `plan.html`: a whole plan.
#[derive(Serialize)]
pub struct PlanPage<'a> {
    /// Where its period stands on the day the portal last checked, when `config.toml` says.
    pub status: Option<PlanStatus>,
    /// Its downloads (CSV of its activities, JSON of the whole plan).
    pub downloads: Vec<Link<'a>>,
    /// The plan as lists show it.
    pub plan: PlanSummary<'a>,
    /// The facts of its header.
    pub facts: PlanFacts<'a>,
    /// Editorial notes on the whole plan.
    pub notes: Vec<NoteView<'a>>,
    /// How many editorial notes the plan has, at every level.
    pub note_count: usize,
    /// Its section on the irregularities page, where its notes stand with every other's.
    pub irregularities_url: String,
    /// Its goals outside any section.
    pub goals: Vec<GoalView<'a>>,
    /// Its sections.
    pub sections: Vec<SectionView<'a>>,
    /// Its activities' filters (responsible bodies, themes, deadlines), each value with its page.
    pub filters: Vec<FilterGroup>,
    /// The implementation status of its activities, and the reports it comes from.
    pub progress: super::PlanProgress<'a>,
}

impl ActivityView<'_> {
    /// The activity on a page showing the activities of several plans, where anchors repeat: its
    /// id carries its plan's (`urls::anchor_among_plans`), and its previous ids, which old links
    /// to its plan page name, are left to that page.
    pub fn among_plans(&mut self, plan_id: &str) {
        self.id = urls::anchor_among_plans(plan_id, self.anchor);
        self.previous_ids = &[];
    }
}

impl<'a> Views<'a> {
    /// An activity of `plan`.
    pub fn activity(&self, plan: &'a Plan, activity: &'a Activity) -> ActivityView<'a> {
        let mut notes = self.notes(&activity.notes, &plan.source);
        let prefix = urls::anchor_among_plans(&plan.id, &activity.anchor);
        let sic = sic_marks(&activity.notes, &mut notes, &prefix);
        let mut marks = Vec::new();
        for (i, (note, view)) in activity.notes.iter().zip(&mut notes).enumerate() {
            if let (Some(field), Some(item)) = (&note.field, note.item) {
                // Unique on pages that show several plans, where anchors repeat.
                let id = format!("{prefix}-nota-{}", i + 1);
                let label =
                    if note.kind == crate::vocabulary::NoteKind::Misspelling { "[sic]" } else { note.kind.label() };
                marks.push(ItemMark { field: field.clone(), item, label, note: id.clone() });
                view.id = Some(id);
            }
        }
        ActivityView {
            anchor: &activity.anchor,
            id: activity.anchor.clone(),
            url: self.url(&urls::in_plan(&plan.id, &activity.anchor)),
            previous_ids: &activity.previous_ids,
            label: activity.label.as_deref().unwrap_or(&plan.labels.activity),
            number: activity.number.as_deref(),
            text: &activity.text,
            indicators: &activity.indicators,
            results: &activity.results,
            period: activity.period.as_deref(),
            evaluation: activity.evaluation.as_deref(),
            responsible: self.actors(&activity.responsible),
            responsible_text: activity.responsible_text.as_deref(),
            partners: self.actors(&activity.partners),
            partners_text: activity.partners_text.as_deref(),
            funding: &activity.funding,
            themes: self.theme_links(&activity.themes),
            localities: self.locality_links(&activity.localities),
            notes,
            source: activity.source_lines.map(|s| self.line_link(&plan.source, s)),
            marks,
            sic,
            status: self.status_tag(plan, activity),
        }
    }

    /// An objective of `plan` under a heading of level `heading`.
    pub fn objective(&self, plan: &'a Plan, objective: &'a Objective, heading: u8) -> ObjectiveView<'a> {
        let mut notes = self.notes(&objective.notes, &plan.source);
        let sic = sic_marks(&objective.notes, &mut notes, &urls::anchor_among_plans(&plan.id, &objective.anchor));
        ObjectiveView {
            anchor: &objective.anchor,
            url: self.url(&urls::objective(&plan.id, &objective.anchor)),
            in_plan: self.url(&urls::in_plan(&plan.id, &objective.anchor)),
            previous_ids: &objective.previous_ids,
            h: heading,
            ah: (heading + 1).min(6),
            label: objective.label.as_deref().unwrap_or(&plan.labels.objective),
            number: objective.number.as_deref(),
            text: &objective.text,
            list_text: objective.list_text.as_deref(),
            framework: objective.framework.map(|r| self.framework_link(r)),
            themes: self.theme_links(&objective.themes),
            notes,
            source: objective.source_lines.map(|s| self.line_link(&plan.source, s)),
            activities: objective.activities.iter().map(|a| self.activity(plan, a)).collect(),
            sic,
            status: self.objective_progress(plan, objective),
        }
    }

    fn goal(&self, plan: &'a Plan, goal: &'a Goal, heading: u8) -> GoalView<'a> {
        let mut notes = self.notes(&goal.notes, &plan.source);
        let sic = sic_marks(&goal.notes, &mut notes, &urls::anchor_among_plans(&plan.id, &goal.anchor));
        GoalView {
            anchor: &goal.anchor,
            previous_ids: &goal.previous_ids,
            h: heading,
            label: goal.label.as_deref().unwrap_or(&plan.labels.goal),
            number: goal.number.as_deref(),
            text: &goal.text,
            framework: goal.framework.map(|r| self.framework_link(r)),
            notes,
            objectives: goal
                .objectives
                .iter()
                .filter(|o| o.intermediate.is_none())
                .map(|o| self.objective(plan, o, (heading + 1).min(6)))
                .collect(),
            intermediates: (0..goal.intermediates.len())
                .map(|k| self.intermediate(plan, goal, k, heading + 1))
                .collect(),
            sic,
            source: goal.source_lines.map(|s| self.line_link(&plan.source, s)),
        }
    }

    fn section(&self, plan: &'a Plan, section: &'a Section, heading: u8) -> SectionView<'a> {
        let deeper = (heading + 1).min(6);
        SectionView {
            anchor: &section.anchor,
            previous_ids: &section.previous_ids,
            h: heading,
            level: section.level.as_deref(),
            number: section.number.as_deref(),
            title: section.title.as_deref(),
            notes: self.notes(&section.notes, &plan.source),
            goals: section.goals.iter().map(|g| self.goal(plan, g, deeper)).collect(),
            sections: section.sections.iter().map(|s| self.section(plan, s, deeper)).collect(),
        }
    }

    fn plan_facts(&self, plan: &'a Plan) -> PlanFacts<'a> {
        let site = self.site;
        PlanFacts {
            type_label: plan.plan_type.label(),
            county: self.county_link(plan.county),
            locality: plan.locality.map(|l| site.localities[l.0].name.as_str()),
            issuer: plan.issuer.as_ref().map(|a| self.actor(a)),
            period: period(plan),
            approval: plan.approval.as_deref(),
            mention: plan.mention.as_deref(),
            date: plan.date.as_deref(),
            source: self.link(&plan.source, &urls::source(&plan.source)),
            source_page: self.url(&urls::source_page(&plan.source)),
            provenance: self.provenance(&plan.provenance, plan.published.as_deref()),
            corrections: self.corrections(&plan.corrections),
            header: plan.header.as_deref(),
            signatories: plan
                .signatories
                .iter()
                .map(|s| SignatoryView { role: s.role.as_deref(), name: &s.name })
                .collect(),
            glossary: plan
                .glossary
                .iter()
                .map(|g| GlossaryView { abbreviation: &g.abbreviation, meaning: &g.meaning })
                .collect(),
            labels: LabelsView::of(&plan.labels),
        }
    }

    /// The plan page: facts, table of contents, and the whole hierarchy; its status on the day
    /// `checked` (`YYYY-MM-DD`), if given.
    pub fn plan(&self, id: PlanId, checked: Option<&str>) -> PlanPage<'a> {
        let plan = &self.site.plans[id.0];
        PlanPage {
            status: PlanStatus::of(plan.period_from, plan.period_to, checked),
            downloads: vec![
                self.link("CSV: activitățile planului", &urls::plan_csv(&plan.id)),
                self.link("XLSX (Excel): activitățile planului", &urls::xlsx_of(&urls::plan_csv(&plan.id))),
                self.link("JSON: planul complet", &urls::plan_json(&plan.id)),
            ],
            plan: self.plan_summary(id),
            facts: self.plan_facts(plan),
            notes: self.notes(&plan.notes, &plan.source),
            note_count: plan.note_count(),
            irregularities_url: self.irregularities_section(&plan.id),
            goals: plan.goals.iter().map(|g| self.goal(plan, g, 2)).collect(),
            sections: plan.sections.iter().map(|s| self.section(plan, s, 2)).collect(),
            filters: self.plan_filters(id),
            progress: self.plan_progress(plan),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::PlanStatus;

    #[test]
    fn a_plan_status_comes_from_the_day_checked_not_the_clock() {
        let state = |from, to, checked| PlanStatus::of(from, to, checked).map(|s| s.state);
        assert_eq!(state(2014, 2024, Some("2026-11-30")), Some("ended"));
        assert_eq!(state(2024, 2024, Some("2024-12-31")), Some("in-force"));
        assert_eq!(state(2022, 2026, Some("2026-11-30")), Some("in-force"));
        assert_eq!(state(2027, 2030, Some("2026-11-30")), Some("not-started"));
        assert_eq!(state(2022, 2026, None), None);
        assert_eq!(PlanStatus::of(2022, 2026, Some("2026-11-30")).expect("status").checked, "30.11.2026");
    }
}
