//! The content files as written: one struct per file shape, field for field. Unknown keys are
//! errors (`deny_unknown_fields`), so a misspelt key is reported with its position. No `flatten`
//! and no `untagged` here: both would lose the position of errors. These structs hold text as the
//! author typed it; `model::resolve` normalises it and turns names into typed references.

use serde::{Deserialize, Deserializer};

pub use crate::vocabulary::{NoteKind, PlanType};

/// A title, which must be written out. YAML reads `~`, `null` or nothing after the colon as no
/// value, which a `String` field would take as the text `~` (or as nothing): a plan titled `~`.
/// Such a value, and an empty text, are refused at their key.
fn required_title<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    match Option::<String>::deserialize(deserializer)? {
        Some(text) if !text.trim().is_empty() => Ok(text),
        Some(_) => Err(serde::de::Error::custom("the title is empty: expected a text")),
        None => Err(serde::de::Error::custom("the title has no value: expected a text")),
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCounty {
    pub slug: String,
    pub name: String,
    pub code: String,
    #[serde(default)]
    pub kind: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLocality {
    pub slug: String,
    pub name: String,
    pub county: String,
    pub kind: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTheme {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawInstitutionType {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub abbreviation: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawInstitution {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub county: Option<String>,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFramework {
    #[serde(deserialize_with = "required_title")]
    pub title: String,
    #[serde(default)]
    pub short_title: Option<String>,
    pub goals: Vec<RawFrameworkGoal>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFrameworkGoal {
    pub id: String,
    pub wordings: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub objectives: Vec<RawFrameworkObjective>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFrameworkObjective {
    pub id: String,
    pub wordings: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPlan {
    #[serde(deserialize_with = "required_title")]
    pub title: String,
    #[serde(rename = "type")]
    pub plan_type: PlanType,
    pub county: String,
    #[serde(default)]
    pub locality: Option<String>,
    #[serde(default)]
    pub issuer: Option<String>,
    pub period: RawPeriod,
    #[serde(default)]
    pub approval: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    pub source: String,
    #[serde(default)]
    pub header: Option<String>,
    #[serde(default)]
    pub signatories: Vec<RawSignatory>,
    #[serde(default)]
    pub glossary: Vec<RawGlossaryEntry>,
    pub labels: RawLabels,
    #[serde(default)]
    pub notes: Vec<RawNote>,
    #[serde(default)]
    pub goals: Vec<RawGoal>,
    #[serde(default)]
    pub sections: Vec<RawSection>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPeriod {
    pub from: u16,
    pub to: u16,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSignatory {
    #[serde(default)]
    pub role: Option<String>,
    pub name: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGlossaryEntry {
    pub abbreviation: String,
    pub meaning: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLabels {
    pub goal: String,
    pub objective: String,
    pub activity: String,
    pub indicators: String,
    pub period: String,
    #[serde(default)]
    pub evaluation: Option<String>,
    pub responsible: String,
    #[serde(default)]
    pub partners: Option<String>,
    #[serde(default)]
    pub funding: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    #[serde(default)]
    pub level: Option<String>,
    #[serde(default)]
    pub number: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub notes: Vec<RawNote>,
    #[serde(default)]
    pub goals: Vec<RawGoal>,
    #[serde(default)]
    pub sections: Vec<RawSection>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGoal {
    #[serde(default)]
    pub number: Option<String>,
    pub text: String,
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub framework: Option<String>,
    #[serde(default)]
    pub notes: Vec<RawNote>,
    #[serde(default)]
    pub objectives: Vec<RawObjective>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawObjective {
    #[serde(default)]
    pub number: Option<String>,
    pub text: String,
    #[serde(default)]
    pub list_text: Option<String>,
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub framework: Option<String>,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub notes: Vec<RawNote>,
    #[serde(default)]
    pub activities: Vec<RawActivity>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawActivity {
    #[serde(default)]
    pub number: Option<String>,
    pub text: String,
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub indicators: Vec<String>,
    #[serde(default)]
    pub period: Option<String>,
    #[serde(default)]
    pub evaluation: Option<String>,
    #[serde(default)]
    pub responsible: Vec<String>,
    #[serde(default)]
    pub responsible_text: Option<String>,
    #[serde(default)]
    pub partners: Vec<String>,
    #[serde(default)]
    pub partners_text: Option<String>,
    #[serde(default)]
    pub funding: Vec<String>,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub notes: Vec<RawNote>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNote {
    pub kind: NoteKind,
    pub text: String,
    #[serde(default)]
    pub field: Option<String>,
}

/// The YAML front matter of a document (`content/documents/*.md`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDocument {
    #[serde(deserialize_with = "required_title")]
    pub title: String,
    pub kind: String,
    pub county: String,
    #[serde(default)]
    pub locality: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub registration: Option<String>,
    #[serde(default)]
    pub organiser: Option<String>,
    pub source: String,
    #[serde(default)]
    pub participants: Vec<String>,
    #[serde(default)]
    pub drawn_up_by: Vec<String>,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub vulnerable_groups: Vec<RawTaggedItem>,
    #[serde(default)]
    pub proposals: Vec<RawTaggedItem>,
    #[serde(default)]
    pub notes: Vec<RawNote>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTaggedItem {
    pub text: String,
    #[serde(default)]
    pub themes: Vec<String>,
}
