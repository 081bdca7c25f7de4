//! Frameworks (national strategies): their goals and objectives, and the references plans make
//! to them.

use std::collections::BTreeMap;

use super::names::check_new_id;
use super::report::{FileReport, field, item};
use super::{Context, Lookup, limits, nearest, normalize_all};
use crate::diagnostics::Diagnostics;
use crate::load::Parsed;
use crate::load::raw::RawFramework;
use crate::messages::{Message, Noun};
use crate::model::*;
use crate::text::normalize;

pub(super) fn resolve_frameworks(
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
            let at = item("", "goals", g);
            let key = format!("{framework_id}/{}", raw_goal.id);
            let taken = lookup.framework_items.contains_key(&key);
            check_new_id(&mut report, || field(&at, "id"), &raw_goal.id, taken, Noun::FrameworkObjective);
            lookup.framework_items.insert(key, FrameworkRef { framework: f, goal: g, objective: None });
            limits::check_wordings(&mut report, &at, &raw_goal.id, &raw_goal.wordings, Noun::FrameworkGoal);
            let mut objectives = Vec::new();
            for (o, raw_objective) in raw_goal.objectives.iter().enumerate() {
                let at = item(&at, "objectives", o);
                let key = format!("{framework_id}/{}", raw_objective.id);
                let taken = lookup.framework_items.contains_key(&key);
                check_new_id(&mut report, || field(&at, "id"), &raw_objective.id, taken, Noun::FrameworkObjective);
                lookup.framework_items.insert(key, FrameworkRef { framework: f, goal: g, objective: Some(o) });
                let (id, wordings) = (&raw_objective.id, &raw_objective.wordings);
                limits::check_wordings(&mut report, &at, id, wordings, Noun::FrameworkObjective);
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

impl Context<'_> {
    /// The framework goal (`objective` false) or objective that `reference`, the value at `path`,
    /// names; an error if it names none, or one of the other level.
    pub(super) fn framework_ref(
        &self,
        report: &mut FileReport<'_>,
        path: String,
        reference: &str,
        objective: bool,
    ) -> Option<FrameworkRef> {
        let found = self.lookup.framework_items.get(reference).copied();
        let level_ok = found.is_none_or(|r| r.objective.is_some() == objective);
        match found {
            None => {
                let hint = nearest(reference, self.lookup.framework_items.keys().map(String::as_str))
                    .map(|n| Message::DidYouMean { name: n.to_owned() })
                    .unwrap_or(Message::FrameworkRefHint);
                let message = Message::UnknownFrameworkObjective { reference: reference.to_owned() };
                report.error(path, reference, message, Some(hint));
                None
            }
            Some(_) if !level_ok => {
                let message = if objective {
                    Message::SpecificLinksGoal { reference: reference.to_owned() }
                } else {
                    Message::GeneralLinksObjective { reference: reference.to_owned() }
                };
                report.error(path, reference, message, Some(Message::FrameworkLevelHint));
                None
            }
            found => found,
        }
    }
}
