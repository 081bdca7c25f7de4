//! A plan file as written (`content/plans/**/<id>.yaml`): the plan, its levels (sections, goals,
//! specific objectives, activities) and the notes on them, field for field.

use serde::Deserialize;

use super::{NoteKind, PlanType, RawCorrection, RawPortal, RawProvenance, required_title};

/// A plan, `content/plans/**/<id>.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPlan {
    /// The title, as published.
    #[serde(deserialize_with = "required_title")]
    pub title: String,
    /// The kind of plan (`type:` in the file).
    #[serde(rename = "type")]
    pub plan_type: PlanType,
    /// The slug of the county that published it.
    pub county: String,
    /// The slug of the locality, for a local plan.
    #[serde(default)]
    pub locality: Option<String>,
    /// The issuing body, as printed.
    #[serde(default)]
    pub issuer: Option<String>,
    /// The years it covers.
    pub period: RawPeriod,
    /// The approving act, as printed; only a text that names an act (a decision, its number).
    #[serde(default)]
    pub approval: Option<String>,
    /// A line the document prints about what it is that names no approving act (`Anexă la
    /// Strategia județeană…`), as printed.
    #[serde(default)]
    pub mention: Option<String>,
    /// The date of the plan, `YYYY-MM-DD`.
    #[serde(default)]
    pub date: Option<String>,
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
    /// Letterhead and preamble lines, as published.
    #[serde(default)]
    pub header: Option<String>,
    /// Who signed it, as printed.
    #[serde(default)]
    pub signatories: Vec<RawSignatory>,
    /// The document's list of abbreviations, as published.
    #[serde(default)]
    pub glossary: Vec<RawGlossaryEntry>,
    /// The document's own words for its levels and table columns.
    pub labels: RawLabels,
    /// Notes on irregularities of the published document.
    #[serde(default)]
    pub notes: Vec<RawNote>,
    /// General objectives directly under the plan (before its sections).
    #[serde(default)]
    pub goals: Vec<RawGoal>,
    /// Grouping levels, when the document has them.
    #[serde(default)]
    pub sections: Vec<RawSection>,
}

/// The years a plan covers.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPeriod {
    /// The first year.
    pub from: u16,
    /// The last year.
    pub to: u16,
}

/// A signatory of a plan.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSignatory {
    /// The function, as printed.
    #[serde(default)]
    pub role: Option<String>,
    /// The name, as written.
    pub name: String,
}

/// An abbreviation of a plan's glossary.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGlossaryEntry {
    /// The usual abbreviation (`DGASPC`).
    pub abbreviation: String,
    /// What the abbreviation stands for.
    pub meaning: String,
}

/// The document's own words for its levels and table columns.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLabels {
    /// The word for a general objective.
    pub goal: String,
    /// The word for the level between general and specific objectives, where the document has
    /// one ("Obiectiv intermediar"); required by a plan whose goals have `intermediates`.
    #[serde(default)]
    pub intermediate: Option<String>,
    /// The word for a specific objective.
    pub objective: String,
    /// The word for an activity.
    pub activity: String,
    /// The heading of the indicators column.
    pub indicators: String,
    /// The heading of a results column the document prints beside its indicators; required by a
    /// plan whose activities have `results`. A document with one column for both names it in
    /// `indicators`.
    #[serde(default)]
    pub results: Option<String>,
    /// The heading of the period column.
    pub period: String,
    /// The heading of the evaluation column; none when there is no such column.
    #[serde(default)]
    pub evaluation: Option<String>,
    /// The heading of the responsible column.
    pub responsible: String,
    /// The heading of the partners column, when there is one.
    #[serde(default)]
    pub partners: Option<String>,
    /// The heading of the funding column, when there is one.
    #[serde(default)]
    pub funding: Option<String>,
}

/// A grouping level of a plan.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    /// The section's own anchor, where it would otherwise depend on its position (no `id` and
    /// no number); unlike `id`, it prefixes nothing inside.
    #[serde(default)]
    pub anchor: Option<String>,
    /// Anchors the section had before a correction: each keeps leading to it.
    #[serde(default)]
    pub previous_ids: Vec<String>,
    /// The document's name for the level; `None` where it names none.
    #[serde(default)]
    pub level: Option<String>,
    /// The number, as published (`I`).
    #[serde(default)]
    pub number: Option<String>,
    /// The title, as published.
    #[serde(default)]
    pub title: Option<String>,
    /// An id that prefixes the anchors inside it, where numbers repeat across sections.
    #[serde(default)]
    pub id: Option<String>,
    /// Notes on irregularities of the published document.
    #[serde(default)]
    pub notes: Vec<RawNote>,
    /// General objectives.
    #[serde(default)]
    pub goals: Vec<RawGoal>,
    /// Grouping levels below this one (a document's "Acțiune strategică", "Domeniul prioritar").
    #[serde(default)]
    pub sections: Vec<RawSection>,
}

/// A general objective.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGoal {
    /// The item's anchor, written where it would otherwise depend on its position (no printed
    /// number, or a number another item has): it stays when items are inserted or renumbered.
    #[serde(default)]
    pub id: Option<String>,
    /// Anchors the item had before a correction: each keeps leading to it.
    #[serde(default)]
    pub previous_ids: Vec<String>,
    /// The number printed before the text, as published (`1.1.`, `OS.3`).
    #[serde(default)]
    pub number: Option<String>,
    /// The text as the document words it.
    pub text: String,
    /// The heading label of this one item where it differs from the plan's `labels` (a misspelt "Dirrecția").
    #[serde(default)]
    pub label: Option<String>,
    /// `framework-id/goal-id` of the framework goal it implements.
    #[serde(default)]
    pub framework: Option<String>,
    /// Notes on irregularities of the published document.
    #[serde(default)]
    pub notes: Vec<RawNote>,
    /// Its specific objectives that stand under no intermediate level.
    #[serde(default)]
    pub objectives: Vec<RawObjective>,
    /// The level between it and its specific objectives, where the document has one.
    #[serde(default)]
    pub intermediates: Vec<RawIntermediate>,
}

impl RawGoal {
    /// Every specific objective in document order (those directly under the goal, then each
    /// intermediate level's), with its path below the goal (`objectives[0]`,
    /// `intermediates[1].objectives[0]`).
    pub fn all_objectives(&self) -> Vec<(String, &RawObjective)> {
        let direct = self.objectives.iter().enumerate().map(|(i, o)| (format!("objectives[{i}]"), o));
        let nested = self.intermediates.iter().enumerate().flat_map(|(k, level)| {
            level.objectives.iter().enumerate().map(move |(i, o)| (format!("intermediates[{k}].objectives[{i}]"), o))
        });
        direct.chain(nested).collect()
    }
}

/// An item between a general objective and its specific objectives ("Obiectiv intermediar"),
/// as some county plans have; its printed name is the plan's `labels.intermediate`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIntermediate {
    /// The item's anchor, written where it would otherwise depend on its position (no printed
    /// number, or a number another item has): it stays when items are inserted or renumbered.
    #[serde(default)]
    pub id: Option<String>,
    /// Anchors the item had before a correction: each keeps leading to it.
    #[serde(default)]
    pub previous_ids: Vec<String>,
    /// The number printed before the text, as published (`1.1.`, `OS.3`).
    #[serde(default)]
    pub number: Option<String>,
    /// The text as the document words it.
    pub text: String,
    /// The heading label of this one item where it differs from the plan's `labels` (a misspelt "Dirrecția").
    #[serde(default)]
    pub label: Option<String>,
    /// Notes on irregularities of the published document.
    #[serde(default)]
    pub notes: Vec<RawNote>,
    /// Its specific objectives.
    #[serde(default)]
    pub objectives: Vec<RawObjective>,
}

/// A specific objective.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawObjective {
    /// The item's anchor, written where it would otherwise depend on its position (no printed
    /// number, or a number another item has): it stays when items are inserted or renumbered.
    #[serde(default)]
    pub id: Option<String>,
    /// Anchors the item had before a correction: each keeps leading to it.
    #[serde(default)]
    pub previous_ids: Vec<String>,
    /// The number printed before the text, as published (`1.1.`, `OS.3`).
    #[serde(default)]
    pub number: Option<String>,
    /// The text as the document words it.
    pub text: String,
    /// The wording in the plan's list above the table, when it differs.
    #[serde(default)]
    pub list_text: Option<String>,
    /// The heading label of this one item where it differs from the plan's `labels` (a misspelt "Dirrecția").
    #[serde(default)]
    pub label: Option<String>,
    /// `framework-id/objective-id` of the framework objective it implements.
    #[serde(default)]
    pub framework: Option<String>,
    /// Themes, by id.
    #[serde(default)]
    pub themes: Vec<String>,
    /// Notes on irregularities of the published document.
    #[serde(default)]
    pub notes: Vec<RawNote>,
    /// Its activities.
    #[serde(default)]
    pub activities: Vec<RawActivity>,
}

/// An activity (measure) of a specific objective.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawActivity {
    /// The item's anchor, written where it would otherwise depend on its position (no printed
    /// number, or a number another item has): it stays when items are inserted or renumbered.
    #[serde(default)]
    pub id: Option<String>,
    /// Anchors the item had before a correction: each keeps leading to it.
    #[serde(default)]
    pub previous_ids: Vec<String>,
    /// The number printed before the text, as published (`1.1.`, `OS.3`).
    #[serde(default)]
    pub number: Option<String>,
    /// The text as the document words it.
    pub text: String,
    /// The heading label of this one item where it differs from the plan's `labels` (a misspelt "Dirrecția").
    #[serde(default)]
    pub label: Option<String>,
    /// Indicators or expected results, one per item.
    #[serde(default)]
    pub indicators: Vec<String>,
    /// Results, one per item, where the document prints them in a column of their own beside
    /// the indicators (`labels.results`).
    #[serde(default)]
    pub results: Vec<String>,
    /// The deadline or implementation period, as printed.
    #[serde(default)]
    pub period: Option<String>,
    /// The evaluation term, as printed.
    #[serde(default)]
    pub evaluation: Option<String>,
    /// The bodies responsible, as printed; resolved by alias.
    #[serde(default)]
    pub responsible: Vec<String>,
    /// The responsible cell as printed, when it says more than a list of names.
    #[serde(default)]
    pub responsible_text: Option<String>,
    /// The partner bodies, as printed; resolved by alias.
    #[serde(default)]
    pub partners: Vec<String>,
    /// The partners cell as printed, when it says more than a list of names.
    #[serde(default)]
    pub partners_text: Option<String>,
    /// Funding sources, as printed.
    #[serde(default)]
    pub funding: Vec<String>,
    /// Themes, by id.
    #[serde(default)]
    pub themes: Vec<String>,
    /// The localities its printed cells name, by slug (`content/localities.yaml`, the plan's
    /// county): data beside the text, proposed by `suggest --localities`.
    #[serde(default)]
    pub localities: Vec<String>,
    /// Notes on irregularities of the published document.
    #[serde(default)]
    pub notes: Vec<RawNote>,
}

/// A note explaining an irregularity of the published document.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNote {
    /// What kind of irregularity it explains.
    pub kind: NoteKind,
    /// The explanation.
    pub text: String,
    /// The field the note is about.
    #[serde(default)]
    pub field: Option<String>,
    /// In an activity's note whose `field` is a list (`indicators`, `funding`): the item the
    /// note is about, counted from 1; the page marks that item where it stands.
    #[serde(default)]
    pub item: Option<usize>,
    /// The lines of the source text it is about: numbers and ranges, `[51, 54, "32-34"]`.
    #[serde(default)]
    pub lines: Vec<RawLines>,
}

/// One line of a source text (`51`) or a range of lines (`"32-34"`), as a note states it.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum RawLines {
    /// One line, by its number (from 1).
    One(u64),
    /// A range, written `"FIRST-LAST"`.
    Range(String),
}
