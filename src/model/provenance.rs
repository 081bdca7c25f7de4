//! Where a publication came from and the log of the portal's corrections of its transcription.

use serde::Serialize;

/// Where the published file was retrieved from; `None` wherever the content does not know.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Provenance {
    /// The official address of the publication (`http://` or `https://`).
    pub url: Option<String>,
    /// The day the file was retrieved, `YYYY-MM-DD`.
    pub retrieved: Option<String>,
    /// The SHA-256 of the retrieved file, 64 lowercase hexadecimal digits.
    pub sha256: Option<String>,
}

/// A fix of the portal's own transcription, dated with the day the content was corrected.
#[derive(Debug, Clone, Serialize)]
pub struct Correction {
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    /// What was corrected.
    pub text: String,
    /// Its anchor on the publication's page (`corectura-2026-11-30-1`): the day and its place
    /// among that day's corrections, so that a later entry never moves an earlier one.
    pub anchor: String,
}

/// The days of one publication that the feed and the catalogue description state.
#[derive(Debug, Clone, Copy)]
pub struct PublicationDays<'a> {
    /// The day it entered the portal: `portal.published`, else (for content that does not state
    /// it) the day the document prints; `None` when neither is known.
    pub published: Option<&'a str>,
    /// Its correction log.
    pub corrections: &'a [Correction],
}

impl<'a> PublicationDays<'a> {
    /// The days of a publication with these fields.
    pub fn new(published: &'a Option<String>, printed: &'a Option<String>, corrections: &'a [Correction]) -> Self {
        PublicationDays { published: published.as_deref().or(printed.as_deref()), corrections }
    }

    /// The last day it changed on the portal: its last correction, else the day it entered.
    /// Days are `YYYY-MM-DD`, so the greatest string is the latest day.
    pub fn updated(&self) -> Option<&'a str> {
        self.corrections.iter().map(|c| c.date.as_str()).chain(self.published).max()
    }
}

impl super::Site {
    /// The days of every publication, plans first, in the order of the site.
    pub fn publication_days(&self) -> impl Iterator<Item = PublicationDays<'_>> {
        let plans = self.plans.iter().map(|p| PublicationDays::new(&p.published, &p.date, &p.corrections));
        let documents = self.documents.iter().map(|d| PublicationDays::new(&d.published, &d.date, &d.corrections));
        plans.chain(documents)
    }

    /// The first day a publication entered the portal and the last day one changed, from the
    /// content alone (never the build's clock); `None` when no publication states a day.
    pub fn portal_days(&self) -> Option<(&str, &str)> {
        let first = self.publication_days().filter_map(|d| d.published).min()?;
        let last = self.publication_days().filter_map(|d| d.updated()).max()?;
        Some((first, last))
    }

    /// Whether the Atom feed has an entry: some publication states a day or a correction.
    pub fn has_feed(&self) -> bool {
        self.publication_days().any(|d| d.updated().is_some())
    }
}
