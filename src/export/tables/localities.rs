//! `localitati.csv` (issue 20, places): every locality of `content/localities.yaml`, with how many
//! activities name it and how many publications are its own; the `localitati` column of the
//! activity tables holds its `localitate_id`.

use std::sync::Arc;

use super::{county_columns, site_date};
use crate::config::Config;
use crate::export::table::{Column, ForeignKey, Row, Schema, Table};
use crate::model::index::Index;
use crate::model::*;
use crate::urls;

/// `localitati.csv`: one row per locality.
pub fn table(site: &Site, index: &Index<'_>, config: &Config) -> Table {
    let mut columns = vec![
        Column::text(
            "localitate_id",
            "Identificatorul localității",
            "Identificatorul localității pe portal; coloana localitati a tabelelor de activități îl folosește.",
        )
        .required(),
        Column::text("localitate", "Localitate", "Denumirea localității.").required(),
        Column::text("tip", "Tip", "municipiu, oraș sau comună.").required().one_of(vec![
            "municipiu",
            "oraș",
            "comună",
        ]),
    ];
    columns.extend(county_columns("Județul localității.").into_iter().map(Column::required));
    columns.extend([
        Column::integer("activitati", "Activități", "Numărul de activități care numesc localitatea.").required(),
        Column::integer("publicatii", "Publicații proprii", "Numărul de planuri și documente ale localității.")
            .required(),
        Column::text("url", "Adresă", "Pagina localității pe portal.").required(),
    ]);
    let rows = site
        .localities
        .iter()
        .enumerate()
        .map(|(l, locality)| {
            let county = site.county(locality.county);
            let (plans, documents) = &index.locality_publications[l];
            Row::from(vec![
                locality.slug.clone(),
                locality.name.clone(),
                locality.kind.clone(),
                county.slug.clone(),
                county.name.clone(),
                index.locality_activities[l].len().to_string(),
                (plans.len() + documents.len()).to_string(),
                config.absolute_url(&urls::locality(&locality.slug)),
            ])
        })
        .collect();
    let foreign_keys = vec![ForeignKey { fields: vec!["judet"], resource: "judete".into(), reference: vec!["judet"] }];
    Table {
        name: "localitati".into(),
        path: urls::localities_csv(),
        title: "Localități".into(),
        description: "Municipiile, orașele și comunele numite în publicații, cu numărul de activități care le numesc."
            .into(),
        schema: Arc::new(Schema { name: "localitati", columns, primary_key: vec!["localitate_id"], foreign_keys }),
        rows,
        date: site_date(site),
    }
}
