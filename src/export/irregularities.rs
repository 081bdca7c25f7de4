//! `date/nereguli.csv`: every note (irregularity) of every publication, one row each, in the
//! order of the irregularities page (`/nereguli/`).

use anyhow::Result;

use crate::config::Config;
use crate::model::{LineSpan, NoteOn, PublicationNotes, Site};
use crate::output::OutputFile;
use crate::urls;

/// The columns of `nereguli.csv`, in order. The header is part of the published interface.
pub const IRREGULARITY_COLUMNS: [&str; 11] = [
    "publicatie",
    "titlu_publicatie",
    "judet",
    "tip",
    "tip_denumire",
    "element_ancora",
    "element_url",
    "camp",
    "element_lista",
    "randuri_sursa",
    "text",
];

/// "51 ; 32-34": the source lines a note names.
pub fn lines_cell(lines: &[LineSpan]) -> String {
    let spans: Vec<String> = lines
        .iter()
        .map(|l| if l.from == l.to { l.from.to_string() } else { format!("{}-{}", l.from, l.to) })
        .collect();
    spans.join(super::csv::LIST_SEPARATOR)
}

fn row(site: &Site, config: &Config, publication: &PublicationNotes<'_>, on: &NoteOn<'_>) -> [String; 11] {
    let note = on.note;
    [
        publication.id.to_owned(),
        publication.title.to_owned(),
        site.county(publication.county).name.clone(),
        note.kind.code().to_owned(),
        note.kind.label().to_owned(),
        on.anchor.unwrap_or("").to_owned(),
        config.absolute_url(&publication.item_path(on)),
        note.field.clone().unwrap_or_default(),
        note.item.map(|i| i.to_string()).unwrap_or_default(),
        lines_cell(&note.lines),
        note.text.clone(),
    ]
}

/// The rows of `nereguli.csv`: one per note.
pub fn rows(site: &Site, config: &Config) -> Vec<[String; 11]> {
    site.notes_by_publication().iter().flat_map(|p| p.notes.iter().map(move |on| row(site, config, p, on))).collect()
}

/// `nereguli.csv`.
pub fn irregularities_csv(site: &Site, config: &Config) -> Result<OutputFile> {
    super::csv::csv_file(urls::irregularities_csv(), IRREGULARITY_COLUMNS, &rows(site, config))
}
