//! `date/nereguli.csv`: every note (irregularity) of every publication, one row each, in the
//! order of the irregularities page (`/nereguli/`), with the keys of its plan or document and,
//! for a note on an activity, of that activity.

use std::collections::HashSet;
use std::sync::Arc;

use crate::config::Config;
use crate::export::table::{Column, ForeignKey, LIST_SEPARATOR, Row, Schema, Table, number};
use crate::model::{LineSpan, NoteOn, PublicationNotes, Site};
use crate::urls;

/// "51 ; 32-34": the source lines a note names.
pub fn lines_cell(lines: &[LineSpan]) -> String {
    let spans: Vec<String> = lines
        .iter()
        .map(|l| if l.from == l.to { l.from.to_string() } else { format!("{}-{}", l.from, l.to) })
        .collect();
    spans.join(LIST_SEPARATOR)
}

/// The columns and keys of `nereguli.csv`.
pub fn schema() -> Schema {
    let kinds: Vec<&str> = crate::vocabulary::NoteKind::ALL.iter().map(|k| k.code()).collect();
    let mut columns = vec![
        Column::text("publicatie", "Publicația", "Identificatorul planului sau documentului.").required().wide(30.0),
        Column::text("tip_publicatie", "Felul publicației", "plan sau document.")
            .required()
            .one_of(vec!["plan", "document"]),
        Column::text("plan_id", "Planul", "Identificatorul planului (planuri.csv), pentru o notă despre un plan."),
        Column::text(
            "document_id",
            "Documentul",
            "Identificatorul documentului (documente.csv), pentru o notă despre un document.",
        ),
        Column::text("titlu_publicatie", "Titlul publicației", "Titlul, așa cum a fost publicat.")
            .required()
            .wide(40.0),
    ];
    columns.extend(crate::export::tables::county_columns("Județul publicației."));
    columns.extend([
        Column::text("tip", "Tipul neregulii", "Codul tipului de notă (vocabular controlat).").required().one_of(kinds),
        Column::text("tip_denumire", "Denumirea tipului", "Denumirea în limba română a tipului de notă.").wide(30.0),
        Column::text(
            "element_ancora",
            "Ancora elementului",
            "Ancora obiectivului, activității sau secțiunii la care se referă nota; goală pentru o notă despre întreaga publicație.",
        ),
        Column::text(
            "activitate_cheie",
            "Cheia activității",
            "Pentru o notă despre o activitate: plan_id/activitate_id, cheia ei din activitati.csv.",
        )
        .wide(40.0),
        Column::text("element_url", "Adresa elementului", "Adresa elementului (sau a publicației) pe portal.").required().wide(40.0),
        Column::text("camp", "Câmpul", "Câmpul la care se referă nota (text, responsabili, parteneri…), dacă îl numește."),
        Column::integer("element_lista", "Elementul din listă", "Al câtelea element al listei din câmp, numărat de la 1, dacă nota îl numește."),
        Column::text("randuri_sursa", "Rândurile din sursă", "Rândurile textului sursă la care se referă nota (51, 32-34), despărțite prin „ ; ”."),
        Column::text("text", "Nota", "Textul notei portalului.").required().wide(80.0),
    ]);
    let key = |field: &'static str, resource: &str, reference: &'static str| ForeignKey {
        fields: vec![field],
        resource: resource.into(),
        reference: vec![reference],
    };
    Schema {
        name: "nereguli",
        columns,
        primary_key: Vec::new(),
        foreign_keys: vec![
            key("plan_id", "planuri", "plan_id"),
            key("document_id", "documente", "document_id"),
            key("judet", "judete", "judet"),
            key("activitate_cheie", "activitati", "activitate_cheie"),
        ],
    }
}

fn row(
    site: &Site,
    config: &Config,
    publication: &PublicationNotes<'_>,
    on: &NoteOn<'_>,
    activities: &HashSet<String>,
) -> Row {
    let note = on.note;
    let is_plan = site.plans.iter().any(|p| p.id == publication.id);
    let id = |yes: bool| if yes { publication.id.to_owned() } else { String::new() };
    let county = site.county(publication.county);
    let activity = on
        .anchor
        .map(|a| format!("{}/{a}", publication.id))
        .filter(|key| is_plan && activities.contains(key))
        .unwrap_or_default();
    Row::from(vec![
        publication.id.to_owned(),
        if is_plan { "plan" } else { "document" }.to_owned(),
        id(is_plan),
        id(!is_plan),
        publication.title.to_owned(),
        county.slug.clone(),
        county.name.clone(),
        note.kind.code().to_owned(),
        note.kind.label().to_owned(),
        on.anchor.unwrap_or("").to_owned(),
        activity,
        config.absolute_url(&publication.item_path(on)),
        note.field.clone().unwrap_or_default(),
        number(note.item),
        lines_cell(&note.lines),
        note.text.clone(),
    ])
}

/// `nereguli.csv`: one row per note.
pub fn table(site: &Site, config: &Config) -> Table {
    let activities: HashSet<String> =
        site.plans.iter().flat_map(|p| p.activities().map(move |a| format!("{}/{}", p.id, a.anchor))).collect();
    let rows = site
        .notes_by_publication()
        .iter()
        .flat_map(|p| p.notes.iter().map(|on| row(site, config, p, on, &activities)).collect::<Vec<_>>())
        .collect();
    let dates = site
        .plans
        .iter()
        .map(crate::export::tables::plan_date)
        .chain(site.documents.iter().map(crate::export::tables::document_date));
    Table {
        name: "nereguli".into(),
        path: urls::irregularities_csv(),
        title: "Neregulile publicațiilor".into(),
        description: "Un rând pentru fiecare notă a portalului despre o neregulă a unui plan sau document publicat."
            .into(),
        schema: Arc::new(schema()),
        rows,
        date: crate::export::tables::newest(dates),
    }
}
