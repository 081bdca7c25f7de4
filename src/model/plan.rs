//! Plans and documents after resolution: texts normalised, names resolved to institutions,
//! anchors assigned.

use serde::Serialize;

use super::{
    Correction, CountyId, DocumentId, FrameworkRef, InstitutionId, LocalityId, NoteKind, PlanId, PlanType, Provenance,
    ThemeId,
};

/// A name as the document prints it, and the institution it denotes.
#[derive(Debug, Clone, Serialize)]
pub struct ActorRef {
    /// The name as printed.
    pub printed: String,
    /// The institution it denotes.
    pub institution: InstitutionId,
}

/// A note explaining an irregularity of the published document.
#[derive(Debug, Clone, Serialize)]
pub struct Note {
    /// What kind of irregularity it explains.
    pub kind: NoteKind,
    /// The explanation.
    pub text: String,
    /// The field the note is about.
    pub field: Option<String>,
    /// The item of the list `field` the note is about, counted from 1.
    pub item: Option<usize>,
    /// The lines of the plan's or document's source text it is about.
    pub lines: Vec<LineSpan>,
}

/// Lines `from` to `to` (equal for one line) of a source text, numbered from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LineSpan {
    /// The first line.
    pub from: usize,
    /// The last line.
    pub to: usize,
}

/// A signatory of a plan.
#[derive(Debug, Clone, Serialize)]
pub struct Signatory {
    /// The function, as printed.
    pub role: Option<String>,
    /// The name, as written.
    pub name: String,
}

/// An abbreviation of a plan's glossary.
#[derive(Debug, Clone, Serialize)]
pub struct GlossaryEntry {
    /// The usual abbreviation (`DGASPC`).
    pub abbreviation: String,
    /// What the abbreviation stands for.
    pub meaning: String,
}

/// The document's own words for its levels and columns.
#[derive(Debug, Clone, Serialize)]
pub struct Labels {
    /// Its general objective.
    pub goal: String,
    /// The level between general and specific objectives, where the document has one.
    pub intermediate: Option<String>,
    /// Its specific objective.
    pub objective: String,
    /// The activity.
    pub activity: String,
    /// Indicators or expected results, one per item.
    pub indicators: String,
    /// A results column beside the indicators, where the document has one.
    pub results: Option<String>,
    /// The deadline or implementation period, as printed.
    pub period: String,
    /// The evaluation term, as printed.
    pub evaluation: Option<String>,
    /// The bodies responsible.
    pub responsible: String,
    /// The partner bodies.
    pub partners: Option<String>,
    /// Funding sources, as printed.
    pub funding: Option<String>,
}

/// A plan: its metadata and its goals, in document order.
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    /// The id: the file name without `.yaml`.
    pub id: String,
    /// The plan's file, relative to the site root, for messages.
    pub file: String,
    /// The title, as published.
    pub title: String,
    /// The kind of plan.
    pub plan_type: PlanType,
    /// The county that published it.
    pub county: CountyId,
    /// The locality, for a local plan.
    pub locality: Option<LocalityId>,
    /// The issuing body.
    pub issuer: Option<ActorRef>,
    /// The first year it covers.
    pub period_from: u16,
    /// The last year it covers.
    pub period_to: u16,
    /// The approving act, as printed.
    pub approval: Option<String>,
    /// A line the document prints about what it is that names no approving act, as printed.
    pub mention: Option<String>,
    /// The date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The file name of the published text under `content/sources/`.
    pub source: String,
    /// Where the published file was retrieved from.
    pub provenance: Provenance,
    /// The day the portal published it (`portal.published`), `YYYY-MM-DD`.
    pub published: Option<String>,
    /// The portal's corrections of its transcription, in the order of the file.
    pub corrections: Vec<Correction>,
    /// Letterhead and preamble lines, as published.
    pub header: Option<String>,
    /// Who signed it, as printed.
    pub signatories: Vec<Signatory>,
    /// The document's list of abbreviations, as published.
    pub glossary: Vec<GlossaryEntry>,
    /// The document's own words for its levels and table columns.
    pub labels: Labels,
    /// Notes on irregularities of the published document.
    pub notes: Vec<Note>,
    /// General objectives directly under the plan (before its sections).
    pub goals: Vec<Goal>,
    /// Grouping levels, when the document has them.
    pub sections: Vec<Section>,
    /// The monitoring or activity reports on it (`reports_on`), by id; none: every status is
    /// unknown.
    pub reports: Vec<DocumentId>,
}

/// A grouping level of a plan (an "Acțiune strategică", a "Domeniul prioritar").
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// The document's name for the level; `None` where it names none.
    pub level: Option<String>,
    /// The number, as published (`I`).
    pub number: Option<String>,
    /// The title, as published.
    pub title: Option<String>,
    /// The anchor of the item on its plan page, unique within the plan.
    pub anchor: String,
    /// Anchors it had before a correction, kept on its pages so that old links still lead to it.
    pub previous_ids: Vec<String>,
    /// Notes on irregularities of the published document.
    pub notes: Vec<Note>,
    /// General objectives.
    pub goals: Vec<Goal>,
    /// Grouping levels below this one (a document's "Acțiune strategică", "Domeniul prioritar").
    pub sections: Vec<Section>,
}

/// A general objective.
#[derive(Debug, Clone, Serialize)]
pub struct Goal {
    /// The number printed before the text, as published (`1.1.`, `OS.3`).
    pub number: Option<String>,
    /// The text as the document words it.
    pub text: String,
    /// The heading label of this one item where it differs from the plan's `labels` (a misspelt "Dirrecția").
    pub label: Option<String>,
    /// The framework goal or objective it implements.
    pub framework: Option<FrameworkRef>,
    /// The anchor of the item on its plan page, unique within the plan.
    pub anchor: String,
    /// Anchors it had before a correction, kept on its pages so that old links still lead to it.
    pub previous_ids: Vec<String>,
    /// Notes on irregularities of the published document.
    pub notes: Vec<Note>,
    /// Its specific objectives in document order: those directly under it, then each
    /// intermediate level's (`Objective::intermediate` says which).
    pub objectives: Vec<Objective>,
    /// The lines of the source text its text was transcribed from, if found
    /// (`crate::model::resolve::locate`).
    pub source_lines: Option<LineSpan>,
    /// The level between it and its specific objectives, where the document has one.
    pub intermediates: Vec<Intermediate>,
}

/// An item between a general objective and its specific objectives ("Obiectiv intermediar").
#[derive(Debug, Clone, Serialize)]
pub struct Intermediate {
    /// The number printed before the text, as published.
    pub number: Option<String>,
    /// The text as the document words it.
    pub text: String,
    /// The heading label of this one item where it differs from the plan's `labels`.
    pub label: Option<String>,
    /// The anchor of the item on its plan page, unique within the plan.
    pub anchor: String,
    /// Anchors it had before a correction, kept on its pages so that old links still lead to it.
    pub previous_ids: Vec<String>,
    /// Notes on irregularities of the published document.
    pub notes: Vec<Note>,
}

/// A specific objective, with its activities.
#[derive(Debug, Clone, Serialize)]
pub struct Objective {
    /// The number printed before the text, as published (`1.1.`, `OS.3`).
    pub number: Option<String>,
    /// The text as the document words it.
    pub text: String,
    /// The wording in the plan's list above the table, when it differs.
    pub list_text: Option<String>,
    /// The heading label of this one item where it differs from the plan's `labels` (a misspelt "Dirrecția").
    pub label: Option<String>,
    /// The framework goal or objective it implements.
    pub framework: Option<FrameworkRef>,
    /// Themes, by id.
    pub themes: Vec<ThemeId>,
    /// The anchor of the item on its plan page, unique within the plan.
    pub anchor: String,
    /// Anchors it had before a correction, kept on its pages so that old links still lead to it.
    pub previous_ids: Vec<String>,
    /// Notes on irregularities of the published document.
    pub notes: Vec<Note>,
    /// Its activities.
    pub activities: Vec<Activity>,
    /// The lines of its source text it was transcribed from, if found there.
    pub source_lines: Option<LineSpan>,
    /// The line of the objective's text in the plan file, for messages.
    pub line: usize,
    /// The intermediate level it stands under: an index into its goal's `intermediates`.
    pub intermediate: Option<usize>,
}

/// An activity (measure) of a specific objective.
#[derive(Debug, Clone, Serialize)]
pub struct Activity {
    /// The number printed before the text, as published (`1.1.`, `OS.3`).
    pub number: Option<String>,
    /// The text as the document words it.
    pub text: String,
    /// The heading label of this one item where it differs from the plan's `labels` (a misspelt "Dirrecția").
    pub label: Option<String>,
    /// Indicators or expected results, one per item.
    pub indicators: Vec<String>,
    /// Results, one per item, where the document prints them beside the indicators.
    pub results: Vec<String>,
    /// The deadline or implementation period, as printed.
    pub period: Option<String>,
    /// The evaluation term, as printed.
    pub evaluation: Option<String>,
    /// The bodies responsible.
    pub responsible: Vec<ActorRef>,
    /// The responsible cell as printed, when it says more than a list of names.
    pub responsible_text: Option<String>,
    /// The partner bodies.
    pub partners: Vec<ActorRef>,
    /// The partners cell as printed, when it says more than a list of names.
    pub partners_text: Option<String>,
    /// Funding sources, as printed.
    pub funding: Vec<String>,
    /// Themes, by id.
    pub themes: Vec<ThemeId>,
    /// The localities its printed cells name, in the order the plan file lists them.
    pub localities: Vec<LocalityId>,
    /// The anchor of the item on its plan page, unique within the plan.
    pub anchor: String,
    /// Anchors it had before a correction, kept on its pages so that old links still lead to it.
    pub previous_ids: Vec<String>,
    /// The lines of its source text it was transcribed from, if found there.
    pub source_lines: Option<LineSpan>,
    /// Notes on irregularities of the published document.
    pub notes: Vec<Note>,
    /// Its implementation status, from the newest report that states one; `None` is
    /// "necunoscut": no report says.
    pub status: Option<ActivityStatus>,
}

/// An activity's implementation status, as a report states it.
#[derive(Debug, Clone, Serialize)]
pub struct ActivityStatus {
    /// The status.
    pub progress: crate::vocabulary::Progress,
    /// The day it holds on, `YYYY-MM-DD`.
    pub date: String,
    /// The report that states it.
    pub report: DocumentId,
    /// The lines of the report's source text it was read from.
    pub lines: Vec<LineSpan>,
}

/// A goal with the grouping sections above it (outermost first).
pub struct GoalInContext<'a> {
    /// The grouping sections above it, outermost first.
    pub path: Vec<&'a Section>,
    /// Its general objective.
    pub goal: &'a Goal,
}

impl Plan {
    /// Every goal in document order, each with the sections above it. Goals directly under the
    /// plan come first, then each section's goals before its subsections, as they are rendered.
    pub fn goals_in_order(&self) -> Vec<GoalInContext<'_>> {
        let mut out: Vec<GoalInContext<'_>> =
            self.goals.iter().map(|goal| GoalInContext { path: Vec::new(), goal }).collect();
        let mut stack: Vec<&Section> = Vec::new();
        for section in &self.sections {
            collect_goals(section, &mut stack, &mut out);
        }
        out
    }

    /// Every specific objective in document order.
    pub fn objectives(&self) -> impl Iterator<Item = &Objective> {
        self.goals_in_order().into_iter().flat_map(|g| g.goal.objectives.iter())
    }

    /// Every activity in document order.
    pub fn activities(&self) -> impl Iterator<Item = &Activity> {
        self.objectives().flat_map(|o| o.activities.iter())
    }

    /// Every note of the plan, at whatever level it stands.
    pub fn note_count(&self) -> usize {
        fn section_notes(section: &Section) -> usize {
            section.notes.len() + section.sections.iter().map(section_notes).sum::<usize>()
        }
        let sections: usize = self.sections.iter().map(section_notes).sum();
        let goals: usize = self
            .goals_in_order()
            .iter()
            .map(|g| {
                g.goal.notes.len()
                    + g.goal.intermediates.iter().map(|i| i.notes.len()).sum::<usize>()
                    + g.goal
                        .objectives
                        .iter()
                        .map(|o| o.notes.len() + o.activities.iter().map(|a| a.notes.len()).sum::<usize>())
                        .sum::<usize>()
            })
            .sum();
        self.notes.len() + sections + goals
    }
}

fn collect_goals<'a>(section: &'a Section, stack: &mut Vec<&'a Section>, out: &mut Vec<GoalInContext<'a>>) {
    stack.push(section);
    for goal in &section.goals {
        out.push(GoalInContext { path: stack.clone(), goal });
    }
    for child in &section.sections {
        collect_goals(child, stack, out);
    }
    stack.pop();
}

/// An item of a document's list (a vulnerable group, a proposal) tagged with themes.
#[derive(Debug, Clone, Serialize)]
pub struct TaggedItem {
    /// The text, as the body has it.
    pub text: String,
    /// Its themes.
    pub themes: Vec<ThemeId>,
    /// The lines of the source text it stands on, if found (`crate::model::resolve::locate`).
    pub source_lines: Option<LineSpan>,
}

/// A narrative publication such as consultation minutes.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// The id: the file name without `.md`.
    pub id: String,
    /// The title, as published.
    pub title: String,
    /// Its kind, as a code (`proces-verbal`).
    pub kind: String,
    /// Its county.
    pub county: CountyId,
    /// Its locality.
    pub locality: Option<LocalityId>,
    /// The date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The registration number, as printed.
    pub registration: Option<String>,
    /// The organising body.
    pub organiser: Option<ActorRef>,
    /// The file name of the published text under `content/sources/`.
    pub source: String,
    /// Where the published file was retrieved from.
    pub provenance: Provenance,
    /// The day the portal published it (`portal.published`), `YYYY-MM-DD`.
    pub published: Option<String>,
    /// The portal's corrections of its transcription, in the order of the file.
    pub corrections: Vec<Correction>,
    /// The bodies that took part.
    pub participants: Vec<ActorRef>,
    /// The people who drew it up, as printed.
    pub drawn_up_by: Vec<String>,
    /// Themes, by id.
    pub themes: Vec<ThemeId>,
    /// The vulnerable groups it names; each text appears in the body.
    pub vulnerable_groups: Vec<TaggedItem>,
    /// The proposals it records; each text appears in the body.
    pub proposals: Vec<TaggedItem>,
    /// Notes on irregularities of the published document.
    pub notes: Vec<Note>,
    /// The body as Markdown, normalised.
    pub body: String,
    /// For each passage of the body (`crate::markdown::passages`), the lines of the source text it
    /// was transcribed from, where found.
    pub passages: Vec<Option<LineSpan>>,
    /// The plan it reports on, when it is a monitoring or activity report (`reports_on`).
    pub reports_on: Option<PlanId>,
    /// How many activity statuses it states.
    pub statuses: usize,
}
