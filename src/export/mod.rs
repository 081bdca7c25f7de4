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

/// What is kept of a file written under `date/` until the zip and the data package are made.
struct Recorded {
    /// Its path in `date/` (and in the zip).
    name: String,
    /// Its size.
    bytes: usize,
    /// Its digest, for the files the data package describes (the tables' CSV, `planuri.json`).
    digest: Option<datapackage::Digest>,
    /// Its entry of the zip, already compressed.
    entry: archive::Entry,
}

/// A sink that also records every file written under `date/` for the data package and the zip:
/// its size, its digest and its zip entry, made in the thread that wrote it. The bytes are not
/// kept: holding the whole data set until the zip was made was most of a build's peak memory
/// (docs/performance.md).
struct Recorder<'a> {
    inner: &'a dyn Sink,
    /// The data set's content date, the date of every zip entry.
    date: Option<&'a str>,
    files: Mutex<Vec<Recorded>>,
}

impl Recorder<'_> {
    /// The recorded files, once every writer is done.
    fn into_files(self) -> Result<Vec<Recorded>> {
        self.files.into_inner().map_err(|_| anyhow::anyhow!("a writer of the data panicked"))
    }
}

impl Sink for Recorder<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<()> {
        if let Some(name) = path.strip_prefix(&urls::data()) {
            let described = name.ends_with(".csv") || path == urls::plans_json();
            let recorded = Recorded {
                name: name.to_owned(),
                bytes: bytes.len(),
                digest: described.then(|| datapackage::Digest::of(bytes)),
                entry: archive::Entry::new(name, bytes, self.date)?,
            };
            self.files.lock().map_err(|_| anyhow::anyhow!("a writer of the data panicked"))?.push(recorded);
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
    let date = tables::site_date(site);
    let recorder = Recorder { inner: sink, date: date.as_deref(), files: Mutex::new(Vec::new()) };
    let tables = tables::all(site, index, config);
    let fallback = date.clone().unwrap_or_else(|| "1980-01-01".to_owned());
    tables.par_iter().try_for_each(|table| {
        recorder.write(&table.path, &csv::csv_bytes(table)?)?;
        recorder.put(OutputFile { path: urls::xlsx_of(&table.path), bytes: xlsx::xlsx_bytes(table, &fallback)? })
    })?;
    json::write_json(site, index, config, &recorder)?;
    recorder.put(json::json_file(urls::plans_schema(), &schema::dataset_schema(config))?)?;
    if !site.frameworks.is_empty() {
        recorder.put(json::json_file(urls::frameworks_schema(), &schema::framework_schema(config))?)?;
    }
    let digests: std::collections::HashMap<String, datapackage::Digest> = {
        let files = recorder.files.lock().map_err(|_| anyhow::anyhow!("a writer of the data panicked"))?;
        files.iter().filter_map(|f| Some((format!("{}{}", urls::data(), f.name), f.digest.clone()?))).collect()
    };
    let digest = |path: &str| {
        digests.get(path).cloned().ok_or_else(|| anyhow::anyhow!("{path} was not written before the data package"))
    };
    let described: Vec<(&table::Table, datapackage::Digest)> =
        tables.iter().map(|t| Ok((t, digest(&t.path)?))).collect::<Result<_>>()?;
    for (name, shared) in datapackage::shared_schemas(tables.iter()) {
        recorder.put(json::json_file(urls::table_schema(name), &datapackage::table_schema(shared))?)?;
    }
    let plans_json = (urls::plans_json(), digest(&urls::plans_json())?);
    let package = datapackage::describe(site, config, &described, (&plans_json.0, &plans_json.1), date.as_deref());
    recorder.put(json::json_file(urls::datapackage(), &package)?)?;
    if let Some(feed) = feed::atom(site, config) {
        sink.put(feed)?;
    }
    let by_path: std::collections::HashMap<String, &table::Table> =
        tables.iter().flat_map(|t| [(t.path.clone(), t), (urls::xlsx_of(&t.path), t)]).collect();
    let mut facts = Vec::new();
    let mut entries = Vec::new();
    for Recorded { name, bytes, entry, .. } in recorder.into_files()? {
        let path = format!("{}{name}", urls::data());
        let table = by_path.get(&path).copied();
        let date = table.map_or_else(|| date.clone(), |t| t.date.clone());
        facts.push(DataFile { rows: table.map(|t| t.rows.len()), path, bytes, date });
        entries.push(entry);
    }
    let zip = archive::zip_entries(entries)?;
    facts.push(DataFile { path: urls::data_zip(), bytes: zip.len(), rows: None, date: date.clone() });
    facts.sort_by(|a, b| a.path.cmp(&b.path));
    sink.put(OutputFile { path: urls::data_zip(), bytes: zip })?;
    // The DCAT description's distributions are the downloads as written, the zip included.
    let sizes: Vec<(String, usize)> = facts.iter().map(|f| (f.path.clone(), f.bytes)).collect();
    sink.put(json::json_file(urls::dcat(), &dcat::describe(site, config, &sizes))?)?;
    Ok(facts)
}
