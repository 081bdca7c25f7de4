//! The Frictionless Data Package (`date/datapackage.json`) that describes every download: each
//! table's resource is made from its [`Table`] (fields, keys) and the bytes of its CSV (`bytes`,
//! `hash`), so it cannot drift from the file; the JSON of every plan is described beside them.

use serde_json::{Value, json};
use sha2::{Digest as _, Sha256};

use std::collections::BTreeMap;

use super::table::{Schema, Table};
use crate::config::Config;
use crate::model::Site;
use crate::urls;

/// How the CSV files differ from the published text (`crate::export::csv::spreadsheet_safe`).
pub const CSV_FORMULA_NOTE: &str = "În fișierele CSV, o celulă de text care începe (și după spații) cu =, +, -, @, tab sau retur de car are în față un apostrof ('), pentru ca programele de calcul tabelar să nu o evalueze ca formulă; fișierele XLSX și JSON păstrează textul exact.";

/// How the CSV files are encoded, for readers of the package.
pub const CSV_ENCODING_NOTE: &str = "Fișierele CSV sunt în UTF-8 și încep cu un marcaj de ordine a octeților (BOM), pentru ca Excel să afișeze corect diacriticele; separatorul este virgula. Pentru Excel cu setări regionale românești (separator „;”), fiecare tabel are alături un fișier .xlsx cu aceleași rânduri.";

/// What the package says of a file's bytes: how many, and their hash. Made as the file is
/// written, so that its bytes need not be kept until the package is.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Digest {
    /// Its size in bytes.
    pub bytes: usize,
    /// [`sha256`] of its bytes.
    pub hash: String,
}

impl Digest {
    /// The digest of `bytes`.
    pub fn of(bytes: &[u8]) -> Digest {
        Digest { bytes: bytes.len(), hash: sha256(bytes) }
    }
}

/// A [`Digest`] made as its file is written, a part at a time.
#[derive(Default)]
pub struct DigestWriter {
    bytes: usize,
    hasher: Sha256,
}

impl DigestWriter {
    /// Takes the next part of the file.
    pub fn update(&mut self, part: &[u8]) {
        self.bytes += part.len();
        self.hasher.update(part);
    }

    /// The digest of all the parts taken.
    pub fn finish(self) -> Digest {
        Digest { bytes: self.bytes, hash: hex(&self.hasher.finalize()) }
    }
}

/// "sha256:<64 hex digits>" of `bytes`, the Data Package v1 form.
pub fn sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(digest: &[u8]) -> String {
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

/// A download's path relative to the data package, which sits in the same folder (`date/`).
fn in_package(path: &str) -> String {
    path.strip_prefix(&urls::data()).unwrap_or(path).to_owned()
}

/// The Table Schema of `schema`: its fields with their constraints, and its keys.
pub fn table_schema(schema: &Schema) -> Value {
    let table_schema = schema;
    let fields: Vec<Value> = table_schema
        .columns
        .iter()
        .map(|c| {
            let mut field =
                json!({ "name": c.name, "type": c.kind.code(), "title": c.title, "description": c.description });
            let mut constraints = serde_json::Map::new();
            if c.required {
                constraints.insert("required".into(), json!(true));
            }
            if let Some(values) = &c.values {
                constraints.insert("enum".into(), json!(values));
            }
            if !constraints.is_empty() {
                field["constraints"] = Value::Object(constraints);
            }
            field
        })
        .collect();
    let mut schema = json!({ "fields": fields });
    if !table_schema.primary_key.is_empty() {
        schema["primaryKey"] = json!(table_schema.primary_key);
    }
    let foreign: Vec<Value> = table_schema
        .foreign_keys
        .iter()
        .map(|k| json!({ "fields": k.fields, "reference": { "resource": k.resource, "fields": k.reference } }))
        .collect();
    if !foreign.is_empty() {
        schema["foreignKeys"] = json!(foreign);
    }
    schema
}

/// The resource of `table`, whose CSV's digest is `csv`. A schema several tables share is named by its
/// path (`shared`) rather than repeated: with a file per institution the package would
/// otherwise grow by the whole activity schema for each.
fn table_resource(table: &Table, csv: &Digest, shared: bool) -> Value {
    let schema =
        if shared { json!(in_package(&urls::table_schema(table.schema.name))) } else { table_schema(&table.schema) };
    json!({
        "name": table.name,
        "path": in_package(&table.path),
        "title": table.title,
        "description": format!("{} Aceleași rânduri, pentru Excel: {}.", table.description, in_package(&urls::xlsx_of(&table.path))),
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": csv.bytes,
        "hash": csv.hash,
        "profile": "tabular-data-resource",
        "dialect": { "delimiter": ",", "header": true },
        "schema": schema,
    })
}

/// The data package of the site: every table with the digest of its CSV, then `json` (the path
/// and digest of the JSON of every plan). `date` (the newest content date, `YYYY-MM-DD`) gives `version` and `created`:
/// the data set changes version when its content gains a newer date (a correction, a new
/// publication, a new retrieval), and a build never reads the clock.
pub fn describe(
    site: &Site,
    config: &Config,
    tables: &[(&Table, Digest)],
    json: (&str, &Digest),
    date: Option<&str>,
) -> Value {
    let shared = shared_schemas(tables.iter().map(|(t, _)| *t));
    let mut resources: Vec<Value> =
        tables.iter().map(|(table, csv)| table_resource(table, csv, shared.contains_key(table.schema.name))).collect();
    resources.push(json!({
        "name": "planuri-json",
        "path": in_package(json.0),
        "title": "Planurile, ca JSON",
        "description": "Toate planurile, cu ierarhia lor completă. Schema: planuri.schema.json.",
        "format": "json",
        "mediatype": "application/json",
        "encoding": "utf-8",
        "bytes": json.1.bytes,
        "hash": json.1.hash,
    }));
    let sources: Vec<Value> = site
        .plans
        .iter()
        .map(|p| json!({ "title": p.title, "path": config.absolute_url(&urls::source(&p.source)) }))
        .chain(
            site.documents
                .iter()
                .map(|d| json!({ "title": d.title, "path": config.absolute_url(&urls::source(&d.source)) })),
        )
        .collect();
    let mut package = json!({
        "profile": "data-package",
        "name": "planuri-publice",
        "title": format!("{}: date deschise", config.title),
        "description": format!("Planurile județene antidrog și de servicii sociale, cu obiectivele, activitățile, termenele, responsabilii și sursele de finanțare, așa cum au fost publicate. {CSV_ENCODING_NOTE} {CSV_FORMULA_NOTE}"),
        "homepage": config.absolute_url(""),
        "language": config.language,
        "licenses": [{ "name": "CC0-1.0", "path": "https://creativecommons.org/publicdomain/zero/1.0/", "title": "Creative Commons Zero v1.0 Universal" }],
        "sources": sources,
        "resources": resources,
    });
    if let Some(date) = date {
        package["version"] = json!(date.replace('-', "."));
        package["created"] = json!(format!("{date}T00:00:00Z"));
    }
    package
}

/// The schemas more than one of `tables` has, by name: each is published once, as its own file
/// (`urls::table_schema`).
pub fn shared_schemas<'a>(tables: impl Iterator<Item = &'a Table>) -> BTreeMap<&'static str, &'a Schema> {
    let mut uses: BTreeMap<&'static str, (usize, &'a Schema)> = BTreeMap::new();
    for table in tables {
        uses.entry(table.schema.name).or_insert((0, &table.schema)).0 += 1;
    }
    uses.into_iter().filter(|(_, (n, _))| *n > 1).map(|(name, (_, schema))| (name, schema)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_sha256_in_the_data_package_form() {
        assert_eq!(sha256(b"abc"), "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
