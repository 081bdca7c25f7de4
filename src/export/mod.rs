//! Stage 4b: the open data and the files that describe the site to machines — every table of the
//! data set as CSV and XLSX under `date/` (`tables` makes each once as a `table::Table`; `csv`,
//! `xlsx` write it; `deadline` reads the years of a deadline), the JSON downloads (`json`,
//! `schema`), the Frictionless data package (`datapackage`), the zip of everything (`archive`),
//! the DCAT-AP description for catalogues (`dcat`), the Atom feed (`feed`), the sitemap and
//! `robots.txt` (`sitemap`).
//! Everything is made from the model, in a stable order, and handed to the output sink file by
//! file; every path comes from `crate::urls`.

pub mod archive;
pub mod csv;
pub mod datapackage;
pub mod dcat;
pub mod deadline;
pub mod feed;
pub mod irregularities;
pub mod json;
pub mod schema;
pub mod sitemap;
pub mod table;
pub mod tables;
pub mod xlsx;

use std::sync::Mutex;

use anyhow::Result;

use crate::config::Config;
use crate::model::Site;
use crate::model::index::Index;
use crate::output::{OutputFile, Sink};
use crate::urls;

/// What the open-data page says of one download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataFile {
    /// Its site path.
    pub path: String,
    /// Its size in bytes.
    pub bytes: usize,
    /// Its rows, for a table (the header apart).
    pub rows: Option<usize>,
    /// The newest content date of what it holds (`YYYY-MM-DD`).
    pub date: Option<String>,
}

/// A sink that also keeps a copy of every file written under `date/`, for the data package's
/// sizes and hashes and for the zip.
struct Recorder<'a> {
    inner: &'a dyn Sink,
    files: Mutex<Vec<(String, Vec<u8>)>>,
}

impl Sink for Recorder<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<()> {
        if let Some(name) = path.strip_prefix(&urls::data()) {
            self.files
                .lock()
                .map_err(|_| anyhow::anyhow!("a writer of the data panicked"))?
                .push((name.to_owned(), bytes.to_vec()));
        }
        self.inner.write(path, bytes)
    }

    fn written(&self) -> usize {
        self.inner.written()
    }
}

/// Every download of the site, its schemas, the data package, the zip, the DCAT description and
/// the feed, each written to `sink` as soon as it is made. Returns what the open-data page says
/// of each download.
pub fn write_data(site: &Site, index: &Index<'_>, config: &Config, sink: &dyn Sink) -> Result<Vec<DataFile>> {
    use rayon::prelude::*;
    let recorder = Recorder { inner: sink, files: Mutex::new(Vec::new()) };
    let date = tables::site_date(site);
    let tables = tables::all(site, index, config);
    let fallback = date.clone().unwrap_or_else(|| "1980-01-01".to_owned());
    let csvs: Vec<Vec<u8>> = tables
        .par_iter()
        .map(|table| {
            let bytes = csv::csv_bytes(table)?;
            recorder.write(&table.path, &bytes)?;
            recorder
                .put(OutputFile { path: urls::xlsx_of(&table.path), bytes: xlsx::xlsx_bytes(table, &fallback)? })?;
            Ok(bytes)
        })
        .collect::<Result<_>>()?;
    json::write_json(site, index, config, &recorder)?;
    recorder.put(json::json_file(urls::plans_schema(), &schema::dataset_schema(config))?)?;
    if !site.frameworks.is_empty() {
        recorder.put(json::json_file(urls::frameworks_schema(), &schema::framework_schema(config))?)?;
    }
    let recorded = |path: &str| -> Vec<u8> {
        let name = path.strip_prefix(&urls::data()).unwrap_or(path);
        let files = recorder.files.lock().map(|f| f.iter().find(|(n, _)| n == name).map(|(_, b)| b.clone()));
        files.ok().flatten().unwrap_or_default()
    };
    let plans_json = recorded(&urls::plans_json());
    let described: Vec<(&table::Table, &[u8])> = tables.iter().zip(&csvs).map(|(t, c)| (t, c.as_slice())).collect();
    let json_file = datapackage::FileBytes { path: &urls::plans_json(), bytes: &plans_json };
    for (name, shared) in datapackage::shared_schemas(tables.iter()) {
        recorder.put(json::json_file(urls::table_schema(name), &datapackage::table_schema(shared))?)?;
    }
    let package = datapackage::describe(site, config, &described, json_file, date.as_deref());
    recorder.put(json::json_file(urls::datapackage(), &package)?)?;
    if let Some(feed) = feed::atom(site, config) {
        sink.put(feed)?;
    }
    let files = recorder.files.into_inner().map_err(|_| anyhow::anyhow!("a writer of the data panicked"))?;
    let zip = archive::zip_bytes(&files, date.as_deref())?;
    let by_path: std::collections::HashMap<String, &table::Table> =
        tables.iter().flat_map(|t| [(t.path.clone(), t), (urls::xlsx_of(&t.path), t)]).collect();
    let mut facts: Vec<DataFile> = files
        .iter()
        .map(|(name, bytes)| {
            let path = format!("{}{name}", urls::data());
            let table = by_path.get(&path).copied();
            let date = table.map_or_else(|| date.clone(), |t| t.date.clone());
            DataFile { rows: table.map(|t| t.rows.len()), path, bytes: bytes.len(), date }
        })
        .collect();
    facts.push(DataFile { path: urls::data_zip(), bytes: zip.len(), rows: None, date: date.clone() });
    facts.sort_by(|a, b| a.path.cmp(&b.path));
    sink.put(OutputFile { path: urls::data_zip(), bytes: zip })?;
    // The DCAT description's distributions are the downloads as written, the zip included.
    let sizes: Vec<(String, usize)> = facts.iter().map(|f| (f.path.clone(), f.bytes)).collect();
    sink.put(json::json_file(urls::dcat(), &dcat::describe(site, config, &sizes))?)?;
    Ok(facts)
}
