//! `documente-elemente.csv`: the items of each document (the Cluj-Napoca minutes) as rows — the
//! organisations that took part, then every item of the body's lists in document order: the
//! vulnerable groups and proposals the content tags with themes, and the other lists (the
//! conclusions, the ways of working together, …), each with the paragraph that introduces its
//! list ("Concluzii:") and its anchor on the document's page.

use std::sync::Arc;

use super::{county_columns, document_date, newest};
use crate::config::Config;
use crate::export::table::{Column, ForeignKey, Row, Schema, Table, join};
use crate::markdown;
use crate::model::*;
use crate::urls;

/// The kinds of item, with their Romanian names: (code, name).
const KINDS: [(&str, &str); 4] = [
    ("participant", "Organizație participantă"),
    ("grup-vulnerabil", "Grup vulnerabil"),
    ("propunere", "Propunere"),
    ("element-lista", "Alt element de listă"),
];

fn schema() -> Schema {
    let mut columns = vec![
        Column::text("document_id", "Documentul", "Identificatorul documentului (documente.csv).")
            .required()
            .wide(30.0),
    ];
    columns.extend(county_columns("Județul documentului."));
    columns.extend([
        Column::text(
            "element_id",
            "Identificatorul elementului",
            "Ancora elementului în pagina documentului; participant-<n> pentru a n-a organizație participantă.",
        )
        .required(),
        Column::text("tip_element", "Felul elementului", "Codul felului de element.").required().one_of(KINDS.iter().map(|k| k.0).collect()),
        Column::text("tip_element_denumire", "Denumirea felului", "Denumirea felului de element.").wide(25.0),
        Column::text(
            "sectiune",
            "Secțiunea",
            "Paragraful care introduce lista elementului, așa cum e scris („Concluzii:”); „Participanți” pentru organizații.",
        )
        .wide(40.0),
        Column::text("text", "Text", "Textul elementului, așa cum a fost publicat (organizațiile: denumirea tipărită).").required().wide(80.0),
        Column::text("institutie_id", "Instituția", "Pentru o organizație participantă: identificatorul ei din institutii.csv."),
        Column::text("teme", "Teme", "Temele portalului (identificatori), despărțite prin „ ; ”."),
        Column::text("url", "Adresă", "Legătura către element (sau către document) pe portal.").required().wide(40.0),
    ]);
    Schema {
        name: "documente-elemente",
        columns,
        primary_key: vec!["document_id", "element_id"],
        foreign_keys: vec![
            ForeignKey { fields: vec!["document_id"], resource: "documente".into(), reference: vec!["document_id"] },
            ForeignKey {
                fields: vec!["institutie_id"],
                resource: "institutii".into(),
                reference: vec!["institutie_id"],
            },
        ],
    }
}

fn kind_name(code: &str) -> &'static str {
    KINDS.iter().find(|k| k.0 == code).map_or("", |k| k.1)
}

/// The rows of one document.
fn rows(site: &Site, config: &Config, document: &Document) -> Vec<Row> {
    let county = site.county(document.county);
    let page = urls::document(&document.id);
    let themes = |ids: &[ThemeId]| join(ids.iter().map(|t| site.themes[t.0].id.as_str()));
    let row = |id: String, kind: &str, section: &str, text: &str, institution: &str, themes: String, path: String| {
        Row::from(vec![
            document.id.clone(),
            county.slug.clone(),
            county.name.clone(),
            id,
            kind.to_owned(),
            kind_name(kind).to_owned(),
            section.to_owned(),
            text.to_owned(),
            institution.to_owned(),
            themes,
            config.absolute_url(&path),
        ])
    };
    let mut out: Vec<Row> = document
        .participants
        .iter()
        .enumerate()
        .map(|(n, actor)| {
            let institution = &site.institution(actor.institution).id;
            row(
                format!("participant-{}", n + 1),
                "participant",
                "Participanți",
                &actor.printed,
                institution,
                String::new(),
                page.clone(),
            )
        })
        .collect();
    for item in markdown::list_items(&document.body) {
        let tagged = |list: &'static str, items: &[TaggedItem]| {
            items.iter().find(|t| t.text.trim() == item.text).map(|t| (list, themes(&t.themes)))
        };
        let (kind, item_themes) = tagged("grup-vulnerabil", &document.vulnerable_groups)
            .or_else(|| tagged("propunere", &document.proposals))
            .unwrap_or(("element-lista", String::new()));
        let path = format!("{page}#{}", item.id);
        out.push(row(item.id.clone(), kind, item.intro.as_deref().unwrap_or(""), &item.text, "", item_themes, path));
    }
    out
}

/// `documente-elemente.csv`.
pub fn table(site: &Site, config: &Config) -> Table {
    Table {
        name: "documente-elemente".into(),
        path: urls::document_items_csv(),
        title: "Elementele documentelor".into(),
        description: "Un rând pentru fiecare organizație participantă și pentru fiecare element al listelor unui document (grupuri vulnerabile, propuneri, concluzii…).".into(),
        schema: Arc::new(schema()),
        rows: site.documents.iter().flat_map(|d| rows(site, config, d)).collect(),
        date: newest(site.documents.iter().map(document_date)),
    }
}
