//! The content files as written: one struct per file shape, field for field (a plan's in
//! `plan.rs`). Unknown keys are errors (`deny_unknown_fields`), so a misspelt key is reported with
//! its position. No `flatten`, and `untagged` only for `lines` (a note's, a status's; whose values
//! `resolve::lines` checks at their positions): both lose the position of errors. These structs
//! hold text as the author typed it; `model::resolve` normalises it and turns names into typed
//! references.

use crate::messages::Message;
use serde::{Deserialize, Deserializer};

mod plan;
mod provenance;

pub use crate::vocabulary::{NoteKind, PlanType, Progress};
pub use plan::*;
pub use provenance::{RawCorrection, RawPortal, RawProvenance};

/// A title, which must be written out. YAML reads `~`, `null` or nothing after the colon as no
/// value, which a `String` field would take as the text `~` (or as nothing): a plan titled `~`.
/// Such a value, and an empty text, are refused at their key.
fn required_title<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    match Option::<String>::deserialize(deserializer)? {
        Some(text) if !text.trim().is_empty() => Ok(text),
        Some(_) => Err(serde::de::Error::custom(Message::TitleEmpty.key())),
        None => Err(serde::de::Error::custom(Message::TitleNoValue.key())),
    }
}

/// A county of `content/counties.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCounty {
    /// The id in addresses and references (`cluj`).
    pub slug: String,
    /// The name, as written.
    pub name: String,
    /// ISO 3166-2 code (`RO-CJ`).
    pub code: String,
    /// `județ` (the default) or `municipiu` (București).
    #[serde(default)]
    pub kind: Option<String>,
    /// Its square on the home page's tile-grid map.
    #[serde(default)]
    pub tile: Option<RawTile>,
}

/// A county's square on the tile-grid map: row 1 is the north, column 1 the west.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTile {
    /// The row, from 1 (north).
    pub row: u8,
    /// The column, from 1 (west).
    pub col: u8,
}

/// A locality of `content/localities.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLocality {
    /// The id in addresses and references (`cluj`).
    pub slug: String,
    /// The name, as written.
    pub name: String,
    /// The slug of its county.
    pub county: String,
    /// `municipiu`, `oraș` or `comună`.
    pub kind: String,
}

/// A theme of `content/themes.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTheme {
    /// The id, a slug: names the item in references and addresses.
    pub id: String,
    /// The name, as written.
    pub name: String,
    /// One sentence on what it covers.
    #[serde(default)]
    pub description: Option<String>,
}

/// An institution type of `content/institution-types.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawInstitutionType {
    /// The id, a slug: names the item in references and addresses.
    pub id: String,
    /// The name, as written.
    pub name: String,
    /// The usual abbreviation (`DGASPC`).
    #[serde(default)]
    pub abbreviation: Option<String>,
}

/// An institution of a file under `content/institutions/`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawInstitution {
    /// The id, a slug: names the item in references and addresses.
    pub id: String,
    /// The id of its institution type (`type:` in the file).
    #[serde(rename = "type")]
    pub kind: String,
    /// The slug of its county; none for national bodies and generic actors.
    #[serde(default)]
    pub county: Option<String>,
    /// The name, as written.
    pub name: String,
    /// Every other name the documents use, as written.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// An editor's note.
    #[serde(default)]
    pub note: Option<String>,
}

/// A framework (a national strategy), `content/frameworks/<id>.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFramework {
    /// The title, as published.
    #[serde(deserialize_with = "required_title")]
    pub title: String,
    /// A short title for lists and references (`SNA 2022-2026`).
    #[serde(default)]
    pub short_title: Option<String>,
    /// General objectives.
    pub goals: Vec<RawFrameworkGoal>,
}

/// A goal of a framework.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFrameworkGoal {
    /// The id, a slug: names the item in references and addresses.
    pub id: String,
    /// Its wordings, as the plans quote it; the first is shown.
    pub wordings: Vec<String>,
    /// An editor's note.
    #[serde(default)]
    pub note: Option<String>,
    /// Its objectives.
    #[serde(default)]
    pub objectives: Vec<RawFrameworkObjective>,
}

/// An objective of a framework goal.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFrameworkObjective {
    /// The id, a slug: names the item in references and addresses.
    pub id: String,
    /// Its wordings, as the plans quote it; the first is shown.
    pub wordings: Vec<String>,
    /// An editor's note.
    #[serde(default)]
    pub note: Option<String>,
}

/// The YAML front matter of a document (`content/documents/*.md`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDocument {
    /// The title, as published.
    #[serde(deserialize_with = "required_title")]
    pub title: String,
    /// Its kind, as a code (`proces-verbal`).
    pub kind: String,
    /// The slug of its county.
    pub county: String,
    /// The slug of its locality.
    #[serde(default)]
    pub locality: Option<String>,
    /// The date, `YYYY-MM-DD`.
    #[serde(default)]
    pub date: Option<String>,
    /// The registration number, as printed.
    #[serde(default)]
    pub registration: Option<String>,
    /// The organising body, as printed; resolved by alias.
    #[serde(default)]
    pub organiser: Option<String>,
    /// The file name of the published text under `content/sources/`.
    pub source: String,
    /// Where the published file was retrieved from.
    #[serde(default)]
    pub provenance: Option<RawProvenance>,
    /// When the portal published it.
    #[serde(default)]
    pub portal: Option<RawPortal>,
    /// The log of the portal's corrections of its transcription.
    #[serde(default)]
    pub corrections: Vec<RawCorrection>,
    /// The bodies that took part, as printed; resolved by alias.
    #[serde(default)]
    pub participants: Vec<String>,
    /// The people who drew it up, as printed.
    #[serde(default)]
    pub drawn_up_by: Vec<String>,
    /// Themes, by id.
    #[serde(default)]
    pub themes: Vec<String>,
    /// The vulnerable groups it names; each text appears in the body.
    #[serde(default)]
    pub vulnerable_groups: Vec<RawTaggedItem>,
    /// The proposals it records; each text appears in the body.
    #[serde(default)]
    pub proposals: Vec<RawTaggedItem>,
    /// Notes on irregularities of the published document.
    #[serde(default)]
    pub notes: Vec<RawNote>,
    /// The plan a monitoring or activity report reports on, by id: makes the document a report.
    #[serde(default)]
    pub reports_on: Option<String>,
    /// The implementation status of each activity the report states.
    #[serde(default)]
    pub statuses: Vec<RawStatus>,
}

/// One activity's implementation status, as a report states it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStatus {
    /// The activity: its number as printed (`"1.1.1."`) or its anchor (`a-1-1-1`).
    pub item: String,
    /// The status, a code of `vocabulary::Progress`.
    pub status: Progress,
    /// The day the status holds on, `YYYY-MM-DD`.
    pub date: String,
    /// The lines of the report's source text the status was read from.
    pub lines: Vec<RawLines>,
}

/// An item of a document's list, tagged with themes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTaggedItem {
    /// The text, as the body has it.
    pub text: String,
    /// Its themes, by id.
    #[serde(default)]
    pub themes: Vec<String>,
}

/// `content/anchors/<plan-id>.yaml`: every anchor the plan published, as `planportal anchors
/// --record` wrote it, with what it led to; `check` compares the plan with it.
pub type RawAnchorRecord = std::collections::BTreeMap<String, RawRecordedAnchor>;

/// What a published anchor led to: the item's number and the first words of its text.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRecordedAnchor {
    /// The item's number, as published, if it has one.
    #[serde(default)]
    pub number: Option<String>,
    /// The first words of its text (a section's title), as `model::anchor_excerpt` cuts them.
    pub text: String,
}
