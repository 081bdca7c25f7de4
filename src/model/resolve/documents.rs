//! Documents (consultation minutes and the like): front matter and Markdown body.

use super::dates::check_date;
use super::names::county_ref;
use super::report::{FileReport, field, item};
use super::{Context, collapse, limits, normalize_all, notes, opt};
use crate::diagnostics::Diagnostic;
use crate::load::raw::RawTaggedItem;
use crate::load::{Parsed, RawDocumentFile};
use crate::messages::{Message, Noun};
use crate::model::*;
use crate::text::normalize;

impl Context<'_> {
    /// The document of file `parsed`, or `None` when its county is unknown; and its problems.
    pub(super) fn document(&self, id: &str, parsed: &Parsed<RawDocumentFile>) -> (Option<Document>, Vec<Diagnostic>) {
        let raw = &parsed.value.front;
        let mut report = FileReport::new(&parsed.file);
        let county = county_ref(&mut report, self.lookup, || "county".to_owned(), &raw.county);
        let locality = raw.locality.as_deref().and_then(|l| self.locality(&mut report, "locality", l, county));
        let organiser =
            raw.organiser.as_deref().and_then(|o| self.actor(&mut report, county, || "organiser".to_owned(), o));
        let participants = raw
            .participants
            .iter()
            .enumerate()
            .filter_map(|(i, p)| self.actor(&mut report, county, || item("", "participants", i), p))
            .collect();
        self.check_source(&mut report, &raw.source);
        if let Some(count) = self.source_lines(&raw.source) {
            super::lines::check_notes(&mut report, "", &raw.notes, count);
        }
        if let Some(date) = &raw.date {
            check_date(&mut report, date);
        }
        let provenance = super::provenance::provenance(&mut report, raw.provenance.as_ref());
        let corrections = super::provenance::corrections(&mut report, &raw.corrections);
        let published = super::provenance::published(&mut report, raw.portal.as_ref());
        limits::check_control(&mut report, &raw.title, Noun::Title, || "title".to_owned());
        limits::check_body_nesting(&mut report, &parsed.value.body, parsed.value.body_line);
        let body = normalize(&parsed.value.body);
        let body_words = collapse(&body);
        let items = |key: &str, list: &[RawTaggedItem], report: &mut FileReport<'_>| -> Vec<TaggedItem> {
            list.iter()
                .enumerate()
                .map(|(i, tagged)| {
                    let at = item("", key, i);
                    let text = normalize(tagged.text.trim());
                    let in_body = body_words.contains(&collapse(&text));
                    report.check(
                        || field(&at, "text"),
                        &tagged.text,
                        in_body,
                        || Message::ItemNotInBody,
                        Some(Message::ItemNotInBodyHint),
                    );
                    TaggedItem {
                        text,
                        themes: self.themes(report, &field(&at, "themes"), &tagged.themes),
                        source_lines: None,
                    }
                })
                .collect()
        };
        let vulnerable_groups = items("vulnerable_groups", &raw.vulnerable_groups, &mut report);
        let proposals = items("proposals", &raw.proposals, &mut report);
        let themes = self.themes(&mut report, "themes", &raw.themes);
        let Some(county) = county else {
            return (None, report.finish());
        };
        let mut document = Document {
            id: id.to_owned(),
            title: normalize(raw.title.trim()),
            kind: normalize(raw.kind.trim()),
            county,
            locality,
            date: raw.date.clone(),
            registration: opt(&raw.registration),
            organiser,
            source: raw.source.clone(),
            provenance,
            published,
            corrections,
            participants,
            drawn_up_by: normalize_all(&raw.drawn_up_by),
            themes,
            vulnerable_groups,
            proposals,
            notes: notes(&raw.notes),
            body,
            passages: Vec::new(),
            // Set with the statuses, once every plan is resolved (`statuses::apply`).
            reports_on: None,
            statuses: 0,
        };
        if let Some(source) = self.site.sources.get(&document.source) {
            super::locate::locate_document(&mut document, source);
        }
        (Some(document), report.finish())
    }
}
