//! The anchors of a plan's items, which links cite and which must never move. An item takes the
//! anchor its printed number gives it (`a-1-1-1`, inside a section with an `id` after that id),
//! or the one written in its `id:` (a section's `anchor:`). Where the number gives none, or
//! another item of the plan has the same one, the anchor would depend on the item's position
//! (`os-i-1-m1`, `a-2-3-2-2`): inserting or renumbering an item would re-point it, so such an
//! item must have an `id:`, and the error proposes the anchor the site gives it today.

use std::collections::{HashMap, HashSet};

use super::plans::number_slug;
use super::report::{FileReport, field, item};
use crate::diagnostics::Diagnostic;
use crate::load::Parsed;
use crate::load::raw::{RawAnchorRecord, RawGoal, RawPlan, RawSection};
use crate::messages::Message;
use crate::model::anchors::{Moved, describe, moved, published_anchors};
use crate::model::{Goal, Section};
use crate::text::{is_slug, slugify};

/// The anchors of one plan: what its numbers and ids would give (from a first pass over the plan)
/// and what has been given so far.
#[derive(Default)]
pub(super) struct Anchors {
    /// How many items would take each anchor derived from a printed number.
    numbered: HashMap<String, usize>,
    /// Every anchor written by an author (`id`, `anchor`, a section's `s-<id>`, `previous_ids`).
    authored: HashSet<String>,
    /// The anchors and previous ids given so far.
    given: HashSet<String>,
}

/// One item asking for its anchor.
pub(super) struct Request<'r> {
    /// The item's path in the plan file.
    pub(super) at: &'r str,
    /// The key of its authored anchor: `id`, or `anchor` for a section.
    pub(super) key: &'static str,
    /// Its authored anchor.
    pub(super) id: Option<&'r str>,
    /// The anchor its printed number gives.
    pub(super) numbered: Option<String>,
    /// The anchor its position gives, where the number gives none.
    pub(super) positional: String,
    /// The key where a position-dependent anchor is reported: `number`, `text` or `title`.
    pub(super) report_at: &'static str,
    /// The value there (the error marks it).
    pub(super) shown: &'r str,
    /// Its previous anchors.
    pub(super) previous: &'r [String],
}

impl Anchors {
    /// The anchors a plan's numbers and ids would give, counted before any is given.
    pub(super) fn scan(raw: &RawPlan) -> Anchors {
        let mut anchors = Anchors::default();
        raw.goals.iter().for_each(|g| anchors.scan_goal(g, ""));
        raw.sections.iter().for_each(|s| anchors.scan_section(s, ""));
        anchors
    }

    fn scan_section(&mut self, raw: &RawSection, prefix: &str) {
        let own_prefix = raw.id.as_ref().map_or(prefix.to_owned(), |id| format!("{id}-"));
        match (&raw.anchor, &raw.id) {
            (Some(anchor), _) => self.author(anchor),
            (None, Some(id)) => self.author(&format!("s-{id}")),
            (None, None) => self.count(section_numbered(raw.number.as_deref(), prefix)),
        }
        self.authored.extend(raw.previous_ids.iter().cloned());
        raw.goals.iter().for_each(|g| self.scan_goal(g, &own_prefix));
        raw.sections.iter().for_each(|s| self.scan_section(s, &own_prefix));
    }

    fn scan_goal(&mut self, raw: &RawGoal, prefix: &str) {
        self.scan_item(raw.id.as_deref(), &raw.previous_ids, numbered(raw.number.as_deref(), prefix, "og"));
        for level in &raw.intermediates {
            self.scan_item(level.id.as_deref(), &level.previous_ids, numbered(level.number.as_deref(), prefix, "oi"));
        }
        for (_, objective) in raw.all_objectives() {
            let number = numbered(objective.number.as_deref(), prefix, "os");
            self.scan_item(objective.id.as_deref(), &objective.previous_ids, number);
            for activity in &objective.activities {
                let number = numbered(activity.number.as_deref(), prefix, "a");
                self.scan_item(activity.id.as_deref(), &activity.previous_ids, number);
            }
        }
    }

    fn scan_item(&mut self, id: Option<&str>, previous: &[String], numbered: Option<String>) {
        match id {
            Some(id) => self.author(id),
            None => self.count(numbered),
        }
        self.authored.extend(previous.iter().cloned());
    }

    fn author(&mut self, anchor: &str) {
        self.authored.insert(anchor.to_owned());
    }

    fn count(&mut self, numbered: Option<String>) {
        if let Some(anchor) = numbered {
            *self.numbered.entry(anchor).or_default() += 1;
        }
    }

    /// The anchor of the item `request` describes, and its previous ids checked; every problem
    /// goes to `report`.
    pub(super) fn give(&mut self, report: &mut FileReport<'_>, request: Request<'_>) -> String {
        let anchor = match (request.id, &request.numbered) {
            (Some(id), _) => {
                let path = field(request.at, request.key);
                self.authored_anchor(report, path, id);
                id.to_owned()
            }
            (None, Some(numbered)) if self.numbered.get(numbered) == Some(&1) && !self.authored.contains(numbered) => {
                self.legacy(numbered)
            }
            (None, numbered) => {
                let anchor = self.legacy(numbered.as_ref().unwrap_or(&request.positional));
                self.refuse_positional(report, &request, &anchor);
                anchor
            }
        };
        self.check_previous(report, request.at, request.previous);
        anchor
    }

    /// The anchor `s-<id>` of a section with an `id` (the item at `at`), and its previous ids.
    pub(super) fn section_id(
        &mut self,
        report: &mut FileReport<'_>,
        at: &str,
        id: &str,
        previous: &[String],
    ) -> String {
        let anchor = format!("s-{id}");
        if !self.given.insert(anchor.clone()) {
            let message = Message::SectionAnchorTwice { anchor: anchor.clone() };
            report.error(field(at, "id"), id, message, Some(Message::SectionAnchorTwiceHint));
        }
        self.check_previous(report, at, previous);
        anchor
    }

    /// Checks the previous ids of the item at `at` and marks them given.
    fn check_previous(&mut self, report: &mut FileReport<'_>, at: &str, previous: &[String]) {
        for (i, anchor) in previous.iter().enumerate() {
            self.authored_anchor(report, item(at, "previous_ids", i), anchor);
        }
    }

    /// `base`, or `base-2`, `base-3`… when an earlier item of the plan took it, or an item's id
    /// names it: the anchors the site gave before ids existed, which the errors propose (for an
    /// item inserted among items with ids, a free one).
    pub(super) fn legacy(&mut self, base: &str) -> String {
        let mut candidate = base.to_owned();
        let mut n = 2;
        while self.given.contains(&candidate) || self.authored.contains(&candidate) {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        self.given.insert(candidate.clone());
        candidate
    }

    /// Checks an authored anchor (the value at `path`) and marks it given.
    fn authored_anchor(&mut self, report: &mut FileReport<'_>, path: String, anchor: &str) {
        if !is_anchor(anchor) {
            let message = Message::InvalidAnchor { anchor: anchor.to_owned() };
            report.error(path, anchor, message, Some(Message::InvalidAnchorHint));
        } else if !self.given.insert(anchor.to_owned()) {
            let message = Message::AnchorTwice { anchor: anchor.to_owned() };
            report.error(path, anchor, message, Some(Message::AnchorTwiceHint));
        }
    }

    fn refuse_positional(&self, report: &mut FileReport<'_>, request: &Request<'_>, anchor: &str) {
        let why = match &request.numbered {
            Some(numbered) if self.authored.contains(numbered) => {
                Message::NumberAnchorTaken { anchor: numbered.clone() }
            }
            Some(_) => Message::SameNumber,
            None => Message::NoNumber,
        };
        let key = request.key.to_owned();
        let hint = Message::NeedsAnchorKeyHint { key: key.clone(), anchor: anchor.to_owned() };
        let message = Message::NeedsAnchorKey { key, why: why.boxed() };
        let path =
            if request.report_at.is_empty() { request.at.to_owned() } else { field(request.at, request.report_at) };
        report.error(path, request.shown, message, Some(hint));
    }
}

/// Compares the anchors of a plan (its top-level `goals` and `sections`) with its `record`: an
/// anchor gone is reported in the record, at its key; an anchor that leads to another item, in
/// the plan (`report`), at that item. Returns the record's problems.
pub(super) fn check_record(
    report: &mut FileReport<'_>,
    record: &Parsed<RawAnchorRecord>,
    (goals, sections): (&[Goal], &[Section]),
) -> Vec<Diagnostic> {
    let published = published_anchors(goals, sections);
    let mut own = FileReport::new(&record.file);
    let record_path = &record.file.path;
    for found in moved(&record.value, &published) {
        match found {
            Moved::Gone { anchor, recorded } => {
                let was = describe(recorded.number.as_deref(), &recorded.text);
                let message = Message::AnchorGone { anchor: anchor.to_owned(), was };
                let hint = Message::AnchorGoneHint { anchor: anchor.to_owned() };
                own.error_at_key(anchor.to_owned(), anchor, message, Some(hint));
            }
            Moved::Repointed { recorded, now } => {
                let was = describe(recorded.number.as_deref(), &recorded.text);
                let is = describe(now.number.as_deref(), &now.text);
                let message =
                    Message::AnchorRepointed { anchor: now.anchor.to_string(), was, record: record_path.clone(), is };
                let hint = Message::AnchorRepointedHint { anchor: now.anchor.to_string() };
                let path = if now.key.is_empty() { now.path.clone() } else { field(&now.path, now.key) };
                let shown = now.number.as_deref().unwrap_or(&now.text);
                report.error(path, shown, message, Some(hint));
            }
        }
    }
    own.finish()
}

/// The anchor the printed `number` of a goal, objective or activity gives (level `og`, `os` or
/// `a`), inside a section with prefix `prefix`.
pub(super) fn numbered(number: Option<&str>, prefix: &str, level: &str) -> Option<String> {
    let slug = number_slug(number?, level);
    (!slug.is_empty()).then(|| format!("{prefix}{level}-{slug}"))
}

/// The anchor the printed `number` of a section without an `id` gives.
pub(super) fn section_numbered(number: Option<&str>, prefix: &str) -> Option<String> {
    let slug = slugify(number?);
    (!slug.is_empty()).then(|| format!("{prefix}s-{slug}"))
}

/// Whether `anchor` may be written as an item's anchor: a slug with a level part (`a`, `os`,
/// `oi`, `og`, `s`, followed by more) as the site's own anchors have, so that it can never take an id
/// of the page itself (`cuprins`, `filtre`) nor a heading's (`<anchor>-t`).
pub(super) fn is_anchor(anchor: &str) -> bool {
    let parts: Vec<&str> = anchor.split('-').collect();
    is_slug(anchor)
        && !anchor.ends_with("-t")
        && parts[..parts.len() - 1].iter().any(|part| matches!(*part, "a" | "os" | "oi" | "og" | "s"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_need_a_level_part() {
        assert!(is_anchor("os-i-1-m1") && is_anchor("copii-a-2-3-2-2") && is_anchor("s-0-1") && is_anchor("oi-1-2"));
        assert!(!is_anchor("cuprins") && !is_anchor("filtre-tema") && !is_anchor("a-1-t"));
        assert!(!is_anchor("A-1") && !is_anchor("a-") && !is_anchor("os"));
    }

    #[test]
    fn repeated_legacy_anchor_gets_suffix_in_order() {
        let mut anchors = Anchors::default();
        assert_eq!(anchors.legacy("a-2-3-2"), "a-2-3-2");
        assert_eq!(anchors.legacy("a-2-3-2"), "a-2-3-2-2");
        assert_eq!(anchors.legacy("a-2-3-2"), "a-2-3-2-3");
    }
}
