//! Where a publication came from and the portal's corrections of its transcription, as the facts
//! of a plan or document page show them.

use serde::Serialize;

use super::Views;
use crate::model::{Correction, Provenance};

/// The provenance facts of a publication, and the day the portal published it; a `None` field is shown as "nu se cunoaște", never
/// guessed.
#[derive(Serialize)]
pub struct ProvenanceView<'a> {
    /// The official address of the publication, if the content states it.
    pub url: Option<&'a str>,
    /// The day the file was retrieved, `YYYY-MM-DD`, for `<time datetime>`.
    pub retrieved: Option<&'a str>,
    /// The same day as Romanian writes it: `30.11.2026`.
    pub retrieved_day: Option<String>,
    /// The SHA-256 of the retrieved file, 64 lowercase hexadecimal digits.
    pub sha256: Option<&'a str>,
    /// The day the portal published it (`portal.published`), `YYYY-MM-DD`, for `<time datetime>`.
    pub published: Option<&'a str>,
    /// The same day as Romanian writes it: `23.11.2026`.
    pub published_day: Option<String>,
}

/// An entry of a publication's correction log ("Corecturi ale transcrierii").
#[derive(Serialize)]
pub struct CorrectionView<'a> {
    /// Its element id, the target of its entry in the Atom feed (`corectura-2026-11-30-1`).
    pub anchor: &'a str,
    /// The day, `YYYY-MM-DD`, for `<time datetime>`.
    pub date: &'a str,
    /// The same day as Romanian writes it: `30.11.2026`.
    pub day: String,
    /// What was corrected.
    pub text: &'a str,
}

/// `YYYY-MM-DD` as Romanian writes a day: `DD.MM.YYYY`.
pub fn romanian_day(date: &str) -> String {
    date.split('-').rev().collect::<Vec<_>>().join(".")
}

impl<'a> Views<'a> {
    /// The provenance facts of a publication the portal published on the day `published`.
    pub fn provenance(&self, provenance: &'a Provenance, published: Option<&'a str>) -> ProvenanceView<'a> {
        ProvenanceView {
            url: provenance.url.as_deref(),
            retrieved: provenance.retrieved.as_deref(),
            retrieved_day: provenance.retrieved.as_deref().map(romanian_day),
            sha256: provenance.sha256.as_deref(),
            published,
            published_day: published.map(romanian_day),
        }
    }

    /// A publication's correction log, in the order of its file.
    pub fn corrections(&self, corrections: &'a [Correction]) -> Vec<CorrectionView<'a>> {
        corrections
            .iter()
            .map(|c| CorrectionView { anchor: &c.anchor, date: &c.date, day: romanian_day(&c.date), text: &c.text })
            .collect()
    }
}
