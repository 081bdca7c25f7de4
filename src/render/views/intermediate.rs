//! The level some plans have between a general objective and its specific objectives
//! ("Obiectiv intermediar") on the plan page, named as the plan names it.

use serde::Serialize;

use super::plan::sic_marks;
use super::{NoteView, ObjectiveView, SicMark, Views};
use crate::model::*;
use crate::urls;

/// An intermediate level of a goal ("Obiectiv intermediar"), with its objectives.
#[derive(Serialize)]
pub struct IntermediateView<'a> {
    /// Its anchor on the plan page.
    pub anchor: &'a str,
    /// Anchors it had before a correction, each an element id inside it.
    pub previous_ids: &'a [String],
    /// The level of its heading (one below its goal's, at most 6).
    pub h: u8,
    /// What the plan calls it (`labels.intermediate`, or the item's own `label`).
    pub label: &'a str,
    /// Its number as printed, if any.
    pub number: Option<&'a str>,
    /// Its wording.
    pub text: &'a str,
    /// Editorial notes.
    pub notes: Vec<NoteView<'a>>,
    /// Its objectives.
    pub objectives: Vec<ObjectiveView<'a>>,
    /// Its misspellings, each a "[sic]" beside its heading's text (`SicMark`).
    pub sic: Vec<SicMark<'a>>,
}

impl<'a> Views<'a> {
    /// The `k`-th intermediate level of `goal`, under a heading of level `heading`.
    pub(super) fn intermediate(&self, plan: &'a Plan, goal: &'a Goal, k: usize, heading: u8) -> IntermediateView<'a> {
        let level = &goal.intermediates[k];
        let mut notes = self.notes(&level.notes, &plan.source);
        let sic = sic_marks(&level.notes, &mut notes, &urls::anchor_among_plans(&plan.id, &level.anchor));
        let heading = heading.min(6);
        IntermediateView {
            anchor: &level.anchor,
            previous_ids: &level.previous_ids,
            h: heading,
            label: level.label.as_deref().or(plan.labels.intermediate.as_deref()).unwrap_or_default(),
            number: level.number.as_deref(),
            text: &level.text,
            notes,
            objectives: goal
                .objectives
                .iter()
                .filter(|o| o.intermediate == Some(k))
                .map(|o| self.objective(plan, o, (heading + 1).min(6)))
                .collect(),
            sic,
        }
    }
}
