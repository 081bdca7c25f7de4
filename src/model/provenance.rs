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
