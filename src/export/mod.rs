//! Stage 4b: the open data and the files that describe the site to machines — every table of the
//! data set as CSV and XLSX under `date/` (`tables` makes each once as a `table::Table`; `csv`,
//! `xlsx` write it; `deadline` reads the years of a deadline), the JSON downloads (`json`,
//! `schema`), the Frictionless data package (`datapackage`), the zip of everything (`archive`),
//! the DCAT-AP description for catalogues (`dcat`), the Atom feed (`feed`), the sitemap and
//! `robots.txt` (`sitemap`).
//! Everything is made from the model, in a stable order, and handed to the output sink file by
//! file; every path comes from `crate::urls`.

pub mod archive;
pub mod cache;
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

use std::path::Path;
use std::sync::Mutex;

use anyhow::Result;

use crate::config::Config;
use crate::model::Site;
use crate::model::index::Index;
use crate::output::{OutputFile, Sink};
use crate::urls;

pub use cache::DataCache;

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

/// The error of a lock a panicking writer of the data left poisoned.
fn poisoned<T>(_: T) -> anyhow::Error {
    anyhow::anyhow!("a writer of the data panicked")
}

impl Recorder<'_> {
    /// The recorded files, once every writer is done.
    fn into_files(self) -> Result<Vec<Recorded>> {
        self.files.into_inner().map_err(poisoned)
    }

    fn record(&self, recorded: Recorded) -> Result<()> {
        self.files.lock().map_err(poisoned)?.push(recorded);
        Ok(())
    }

    /// Puts `table`'s CSV (`csv`) and XLSX in the new site as the build that published
    /// `published` did, their zip entries copied from its zip. False, and nothing written, when
    /// either cannot be taken from there: the caller makes them.
    fn reuse_table(
        &self,
        table: &table::Table,
        csv: &[u8],
        published: &Path,
        zip: &cache::PublishedZip,
    ) -> Result<bool> {
        let xlsx_path = urls::xlsx_of(&table.path);
        let data = urls::data();
        let (Some(csv_name), Some(xlsx_name)) = (table.path.strip_prefix(&data), xlsx_path.strip_prefix(&data)) else {
            return Ok(false);
        };
        let entries = {
            let mut zip = zip.lock().map_err(poisoned)?;
            (archive::Entry::copied(csv_name, &mut zip), archive::Entry::copied(xlsx_name, &mut zip))
        };
        let (Ok(csv_entry), Ok(xlsx_entry)) = entries else { return Ok(false) };
        let xlsx_file = published.join(&xlsx_path);
        let Ok(xlsx_bytes) = std::fs::metadata(&xlsx_file).map(|m| m.len()) else { return Ok(false) };
        if !self.inner.reuse(&xlsx_path, &xlsx_file)? {
            return Ok(false);
        }
        self.inner.write(&table.path, csv)?;
        let digest = Some(datapackage::Digest::of(csv));
        self.record(Recorded { name: csv_name.to_owned(), bytes: csv.len(), digest, entry: csv_entry })?;
        let bytes = usize::try_from(xlsx_bytes)?;
        self.record(Recorded { name: xlsx_name.to_owned(), bytes, digest: None, entry: xlsx_entry })?;
        Ok(true)
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
            self.record(recorded)?;
        }
        self.inner.write(path, bytes)
    }

    fn written(&self) -> usize {
        self.inner.written()
    }
}

/// Every download of the site, its schemas, the data package, the zip, the DCAT description and
/// the feed, each written to `sink` as soon as it is made. Returns what the open-data page says
/// of each download, and the tables' keys for the next build. The tables `previous` holds with
/// the same key are taken from its published site (`cache.rs`).
pub fn write_data(
    site: &Site,
    index: &Index<'_>,
    config: &Config,
    sink: &dyn Sink,
    previous: Option<&DataCache>,
) -> Result<(Vec<DataFile>, DataCache)> {
    use rayon::prelude::*;
    let date = tables::site_date(site);
    let recorder = Recorder { inner: sink, date: date.as_deref(), files: Mutex::new(Vec::new()) };
    let tables = tables::all(site, index, config);
    let fallback = date.clone().unwrap_or_else(|| "1980-01-01".to_owned());
    let published_zip = previous.and_then(DataCache::published_zip);
    let keys: Vec<(String, u64)> = tables
        .par_iter()
        .map(|table| {
            let csv = csv::csv_bytes(table)?;
            let key = cache::table_key(table, &csv, date.as_deref());
            let published = previous.and_then(|p| p.unchanged(&table.path, key));
            let reused = match (published, &published_zip) {
                (Some(site), Some(zip)) => recorder.reuse_table(table, &csv, site, zip)?,
                _ => false,
            };
            if !reused {
                recorder.write(&table.path, &csv)?;
                let xlsx = xlsx::xlsx_bytes(table, &fallback)?;
                recorder.put(OutputFile { path: urls::xlsx_of(&table.path), bytes: xlsx })?;
            }
            Ok((table.path.clone(), key))
        })
        .collect::<Result<_>>()?;
    let kept = DataCache::new(keys.into_iter().collect());
    json::write_json(site, index, config, &recorder)?;
    recorder.put(json::json_file(urls::plans_schema(), &schema::dataset_schema(config))?)?;
    if !site.frameworks.is_empty() {
        recorder.put(json::json_file(urls::frameworks_schema(), &schema::framework_schema(config))?)?;
    }
    let digests: std::collections::HashMap<String, datapackage::Digest> = {
        let files = recorder.files.lock().map_err(poisoned)?;
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
    Ok((facts, kept))
}
