//! Each county's wording of a national objective (and of its activities) against the most
//! common one, word by word (issue 20), on comparison and national-objective pages. The
//! published text is never changed: the page keeps it as printed and shows the differences
//! beside it, in a `<details>` (`WordDiff`).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

use serde::Serialize;

use super::Views;
use crate::model::*;
use crate::render::diff::{self, Change};
use crate::text;

/// A run of words of a compared wording.
#[derive(Clone, Serialize)]
pub struct DiffPart {
    /// `same` (in both), `added` (only in this wording: `<ins>`), `removed` (only in the
    /// reference: `<del>`).
    pub change: &'static str,
    /// Its text, as published.
    pub text: String,
}

/// A wording against the reference: the one most of the adopting counties share.
#[derive(Clone, Serialize)]
pub struct WordDiff<'a> {
    /// The reference wording.
    pub reference: &'a str,
    /// How many counties share the reference wording.
    pub reference_counties: usize,
    /// Whether other wordings are shared by as many counties: the reference is then the first
    /// of them in Romanian alphabetical order.
    pub tie: bool,
    /// Whether this wording is the reference itself.
    pub same: bool,
    /// How many words it adds or leaves out.
    pub changed: usize,
    /// The wording, with the reference's words it leaves out, in reading order.
    pub parts: Vec<DiffPart>,
}

/// The reference among the wordings of several counties.
#[derive(Clone, Copy)]
pub(super) struct Reference<'a> {
    text: &'a str,
    counties: usize,
    tie: bool,
}

impl<'a> Reference<'a> {
    /// The wording most counties share (ties: the first in collation order); `None` when fewer
    /// than two counties have a wording, so that there is nothing to compare.
    pub(super) fn of(wordings: impl IntoIterator<Item = (CountyId, &'a str)>) -> Option<Self> {
        let mut by_text: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
        let mut counties = BTreeSet::new();
        for (county, wording) in wordings {
            by_text.entry(wording).or_default().insert(county.0);
            counties.insert(county.0);
        }
        if counties.len() < 2 {
            return None;
        }
        let most = by_text.values().map(BTreeSet::len).max()?;
        let mut best: Vec<&str> = by_text.iter().filter(|(_, c)| c.len() == most).map(|(t, _)| *t).collect();
        best.sort_by(|a, b| text::collate(a, b));
        Some(Reference { text: best[0], counties: most, tie: best.len() > 1 })
    }

    /// `wording` against this reference.
    pub(super) fn compare(&self, wording: &str) -> WordDiff<'a> {
        let pieces = diff::words(self.text, wording);
        WordDiff {
            reference: self.text,
            reference_counties: self.counties,
            tie: self.tie,
            same: wording == self.text,
            changed: diff::changed_words(&pieces),
            parts: pieces
                .into_iter()
                .map(|p| DiffPart {
                    change: match p.change {
                        Change::Same => "same",
                        Change::Added => "added",
                        Change::Removed => "removed",
                    },
                    text: p.text,
                })
                .collect(),
        }
    }
}

/// The references of one national objective: its local objectives', and their activities'
/// position by position (the first activity of each county against the first of the others).
pub(super) struct References<'a> {
    /// The objectives' reference.
    pub(super) objective: Option<Reference<'a>>,
    /// The activities' references, by position.
    pub(super) activities: Vec<Option<Reference<'a>>>,
}

/// The wordings of one local objective against its national objective's references: its own,
/// and its activities' one by one.
#[derive(Clone)]
pub(super) struct LocalDiffs<'a> {
    /// The objective's wording (none where only one county adopted the national objective).
    pub(super) objective: Option<WordDiff<'a>>,
    /// Its activities' wordings, in order.
    pub(super) activities: Vec<Option<WordDiff<'a>>>,
}

/// The differences of every local objective linked to one national objective, by plan and
/// objective.
pub(super) type ObjectiveDiffs<'a> = HashMap<(PlanId, usize), LocalDiffs<'a>>;

/// The wording differences of every national objective's local objectives, each made once per
/// build and kept: a county's objective appears on the page of each of its 41 pairs with the
/// same differences, and making them again on each pair page was 13 % of a full build's CPU at
/// 10,000 pages (`perf`, docs/performance.md). Filled as pages ask, from any thread.
#[derive(Default)]
pub struct WordingMemo<'a> {
    by_objective: Mutex<HashMap<FrameworkRef, Arc<ObjectiveDiffs<'a>>>>,
}

impl<'a> Views<'a> {
    /// The wording differences of every local objective linked to the national objective `r`,
    /// by plan and objective, made on the first call for `r`.
    pub(super) fn local_diffs(&self, r: FrameworkRef) -> Arc<ObjectiveDiffs<'a>> {
        // A poisoned lock only means another page panicked: the map itself is whole.
        let known = self.wordings.by_objective.lock().unwrap_or_else(|e| e.into_inner()).get(&r).cloned();
        if let Some(known) = known {
            return known;
        }
        // Made outside the lock: two threads may both make `r`'s, with the same result.
        let refs = self.references(r);
        let made: ObjectiveDiffs<'a> = (self.index.framework_links.get(&r).into_iter().flatten())
            .map(|(p, o)| {
                let local = self.index.objective(*p, *o).objective;
                let activities = (local.activities.iter().enumerate())
                    .map(|(i, a)| refs.activities.get(i).copied().flatten().map(|r| r.compare(&a.text)))
                    .collect();
                ((*p, *o), LocalDiffs { objective: refs.objective.map(|r| r.compare(&local.text)), activities })
            })
            .collect();
        let made = Arc::new(made);
        self.wordings.by_objective.lock().unwrap_or_else(|e| e.into_inner()).insert(r, Arc::clone(&made));
        made
    }

    /// The references among every local objective linked to the national objective `r`.
    fn references(&self, r: FrameworkRef) -> References<'a> {
        let (site, index) = (self.site, self.index);
        let locals: Vec<(CountyId, &'a Objective)> = index
            .framework_links
            .get(&r)
            .into_iter()
            .flatten()
            .map(|(p, o)| (site.plans[p.0].county, index.objective(*p, *o).objective))
            .collect();
        let longest = locals.iter().map(|(_, o)| o.activities.len()).max().unwrap_or(0);
        References {
            objective: Reference::of(locals.iter().map(|(c, o)| (*c, o.text.as_str()))),
            activities: (0..longest)
                .map(|i| {
                    Reference::of(locals.iter().filter_map(|(c, o)| Some((*c, o.activities.get(i)?.text.as_str()))))
                })
                .collect(),
        }
    }
}
