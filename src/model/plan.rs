//! Plans and documents after resolution: texts normalised, names resolved to institutions,
//! anchors assigned.

use serde::Serialize;

use super::{CountyId, FrameworkRef, InstitutionId, LocalityId, NoteKind, PlanType, ThemeId};

/// A name as the document prints it, and the institution it denotes.
#[derive(Debug, Clone, Serialize)]
pub struct ActorRef {
    pub printed: String,
    pub institution: InstitutionId,
}

#[derive(Debug, Clone, Serialize)]
pub struct Note {
    pub kind: NoteKind,
    pub text: String,
    pub field: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Signatory {
    pub role: Option<String>,
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct GlossaryEntry {
    pub abbreviation: String,
    pub meaning: String,
}

/// The document's own words for its levels and columns.
#[derive(Debug, Clone, Serialize)]
pub struct Labels {
    pub goal: String,
    pub objective: String,
    pub activity: String,
    pub indicators: String,
    pub period: String,
    pub evaluation: Option<String>,
    pub responsible: String,
    pub partners: Option<String>,
    pub funding: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    pub id: String,
    /// The plan's file, relative to the site root, for messages.
    pub file: String,
    pub title: String,
    pub plan_type: PlanType,
    pub county: CountyId,
    pub locality: Option<LocalityId>,
    pub issuer: Option<ActorRef>,
    pub period_from: u16,
    pub period_to: u16,
    pub approval: Option<String>,
    pub date: Option<String>,
    pub source: String,
    pub header: Option<String>,
    pub signatories: Vec<Signatory>,
    pub glossary: Vec<GlossaryEntry>,
    pub labels: Labels,
    pub notes: Vec<Note>,
    pub goals: Vec<Goal>,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// The document's name for the level; `None` where it names none.
    pub level: Option<String>,
    pub number: Option<String>,
    pub title: Option<String>,
    pub anchor: String,
    pub notes: Vec<Note>,
    pub goals: Vec<Goal>,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Goal {
    pub number: Option<String>,
    pub text: String,
    pub label: Option<String>,
    pub framework: Option<FrameworkRef>,
    pub anchor: String,
    pub notes: Vec<Note>,
    pub objectives: Vec<Objective>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Objective {
    pub number: Option<String>,
    pub text: String,
    pub list_text: Option<String>,
    pub label: Option<String>,
    pub framework: Option<FrameworkRef>,
    pub themes: Vec<ThemeId>,
    pub anchor: String,
    pub notes: Vec<Note>,
    pub activities: Vec<Activity>,
    /// The line of the objective's text in the plan file, for messages.
    pub line: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Activity {
    pub number: Option<String>,
    pub text: String,
    pub label: Option<String>,
    pub indicators: Vec<String>,
    pub period: Option<String>,
    pub evaluation: Option<String>,
    pub responsible: Vec<ActorRef>,
    pub responsible_text: Option<String>,
    pub partners: Vec<ActorRef>,
    pub partners_text: Option<String>,
    pub funding: Vec<String>,
    pub themes: Vec<ThemeId>,
    pub anchor: String,
    pub notes: Vec<Note>,
}

/// A goal with the grouping sections above it (outermost first).
pub struct GoalInContext<'a> {
    pub path: Vec<&'a Section>,
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
    pub text: String,
    pub themes: Vec<ThemeId>,
}

/// A narrative publication such as consultation minutes.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub id: String,
    pub title: String,
    pub kind: String,
    pub county: CountyId,
    pub locality: Option<LocalityId>,
    pub date: Option<String>,
    pub registration: Option<String>,
    pub organiser: Option<ActorRef>,
    pub source: String,
    pub participants: Vec<ActorRef>,
    pub drawn_up_by: Vec<String>,
    pub themes: Vec<ThemeId>,
    pub vulnerable_groups: Vec<TaggedItem>,
    pub proposals: Vec<TaggedItem>,
    pub notes: Vec<Note>,
    /// The body as Markdown, normalised.
    pub body: String,
}
