//! Every note of a publication with the item it is about, in document order: what the
//! irregularities page (`/nereguli/`) and its CSV list, and what their counts are taken from.

use super::{Activity, CountyId, Document, Goal, Intermediate, Note, Objective, Plan, Section, Site};
use crate::urls;

/// One publication (plan or document) and its notes.
#[derive(Debug, Clone)]
pub struct PublicationNotes<'a> {
    /// Its id: a plan's or a document's.
    pub id: &'a str,
    /// Its title, as published.
    pub title: &'a str,
    /// Its county.
    pub county: CountyId,
    /// Its source text's file name, which its notes' lines are of.
    pub source: &'a str,
    /// Its page's site path.
    pub page: String,
    /// Its notes, in document order.
    pub notes: Vec<NoteOn<'a>>,
}

impl PublicationNotes<'_> {
    /// The site path of the item `note` is on: its anchor on the publication's page, or the page.
    pub fn item_path(&self, note: &NoteOn<'_>) -> String {
        match note.anchor {
            Some(anchor) => format!("{}#{anchor}", self.page),
            None => self.page.clone(),
        }
    }
}

impl Site {
    /// Every publication with its notes: the plans, then the documents, in the site's order.
    pub fn notes_by_publication(&self) -> Vec<PublicationNotes<'_>> {
        let plans = self.plans.iter().map(|p| PublicationNotes {
            id: &p.id,
            title: &p.title,
            county: p.county,
            source: &p.source,
            page: urls::plan(&p.id),
            notes: p.notes_on_items(),
        });
        let documents = self.documents.iter().map(|d| PublicationNotes {
            id: &d.id,
            title: &d.title,
            county: d.county,
            source: &d.source,
            page: urls::document(&d.id),
            notes: d.notes_on_items(),
        });
        plans.chain(documents).collect()
    }
}

/// A note and the item it stands on.
#[derive(Debug, Clone, Copy)]
pub struct NoteOn<'a> {
    /// The note.
    pub note: &'a Note,
    /// The item's anchor on its publication's page; `None` for a note on the whole publication.
    pub anchor: Option<&'a str>,
    /// What the publication calls the item ("Activitate", "Obiectiv specific", …); empty for
    /// the whole publication.
    pub level: &'a str,
    /// The item's number as printed, if any.
    pub number: Option<&'a str>,
    /// The item's text or title as printed (empty for the whole publication).
    pub text: &'a str,
}

impl<'a> NoteOn<'a> {
    fn whole(note: &'a Note) -> NoteOn<'a> {
        NoteOn { note, anchor: None, level: "", number: None, text: "" }
    }
}

impl Plan {
    /// Every note of the plan: on the whole plan, then its goals outside sections, then its
    /// sections, each item before the items inside it.
    pub fn notes_on_items(&self) -> Vec<NoteOn<'_>> {
        let mut out: Vec<NoteOn<'_>> = self.notes.iter().map(NoteOn::whole).collect();
        for goal in &self.goals {
            self.goal_notes(goal, &mut out);
        }
        for section in &self.sections {
            self.section_notes(section, &mut out);
        }
        out
    }

    fn section_notes<'a>(&'a self, section: &'a Section, out: &mut Vec<NoteOn<'a>>) {
        let level = section.level.as_deref().unwrap_or("Secțiune");
        let text = section.title.as_deref().unwrap_or("");
        out.extend(section.notes.iter().map(|note| NoteOn {
            note,
            anchor: Some(&section.anchor),
            level,
            number: section.number.as_deref(),
            text,
        }));
        for goal in &section.goals {
            self.goal_notes(goal, out);
        }
        for child in &section.sections {
            self.section_notes(child, out);
        }
    }

    fn goal_notes<'a>(&'a self, goal: &'a Goal, out: &mut Vec<NoteOn<'a>>) {
        let level = goal.label.as_deref().unwrap_or(&self.labels.goal);
        out.extend(goal.notes.iter().map(|note| NoteOn {
            note,
            anchor: Some(&goal.anchor),
            level,
            number: goal.number.as_deref(),
            text: &goal.text,
        }));
        let mut shown = None;
        for objective in &goal.objectives {
            // An intermediate level's notes come before its first objective's, as on the page.
            if objective.intermediate != shown {
                shown = objective.intermediate;
                if let Some(level) = shown.and_then(|k| goal.intermediates.get(k)) {
                    self.intermediate_notes(level, out);
                }
            }
            self.objective_notes(objective, out);
        }
        // A level without objectives has its notes too.
        let met: Vec<usize> = goal.objectives.iter().filter_map(|o| o.intermediate).collect();
        for (k, level) in goal.intermediates.iter().enumerate() {
            if !met.contains(&k) {
                self.intermediate_notes(level, out);
            }
        }
    }

    fn intermediate_notes<'a>(&'a self, level: &'a Intermediate, out: &mut Vec<NoteOn<'a>>) {
        let name = level.label.as_deref().or(self.labels.intermediate.as_deref()).unwrap_or_default();
        out.extend(level.notes.iter().map(|note| NoteOn {
            note,
            anchor: Some(&level.anchor),
            level: name,
            number: level.number.as_deref(),
            text: &level.text,
        }));
    }

    fn objective_notes<'a>(&'a self, objective: &'a Objective, out: &mut Vec<NoteOn<'a>>) {
        let level = objective.label.as_deref().unwrap_or(&self.labels.objective);
        out.extend(objective.notes.iter().map(|note| NoteOn {
            note,
            anchor: Some(&objective.anchor),
            level,
            number: objective.number.as_deref(),
            text: &objective.text,
        }));
        for activity in &objective.activities {
            self.activity_notes(activity, out);
        }
    }

    fn activity_notes<'a>(&'a self, activity: &'a Activity, out: &mut Vec<NoteOn<'a>>) {
        let level = activity.label.as_deref().unwrap_or(&self.labels.activity);
        out.extend(activity.notes.iter().map(|note| NoteOn {
            note,
            anchor: Some(&activity.anchor),
            level,
            number: activity.number.as_deref(),
            text: &activity.text,
        }));
    }
}

impl Document {
    /// Every note of the document (all are on the whole document).
    pub fn notes_on_items(&self) -> Vec<NoteOn<'_>> {
        self.notes.iter().map(NoteOn::whole).collect()
    }
}

#[cfg(test)]
mod tests {
    /// The walk finds as many notes as `Plan::note_count` counts, on the bundled content.
    #[test]
    fn the_walk_finds_every_note_of_the_bundled_plans() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let Ok(loaded) = crate::build::load(crate::build::Source::Folder(root)) else {
            panic!("the bundled content loads")
        };
        for plan in &loaded.site.plans {
            assert_eq!(plan.notes_on_items().len(), plan.note_count(), "{}", plan.id);
        }
    }
}
