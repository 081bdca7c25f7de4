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

use std::collections::HashMap;
use std::io::{Seek, SeekFrom, Write};
use std::path::Path;
use std::sync::Mutex;

use anyhow::Result;

use crate::config::Config;
use crate::model::Site;
use crate::model::index::Index;
use crate::output::{OutputFile, Sink, Stream};
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
    /// Its entry of the zip, compressed, in the spool.
    entry: archive::Spooled,
}

/// A sink that also records every file written under `date/` for the data package and the zip:
/// its size, its digest and its zip entry, made in the thread that wrote it and kept in the
/// spool. The bytes are not kept: holding the whole data set until the zip was made was most of
/// a build's peak memory (docs/performance.md).
struct Recorder<'a> {
    inner: &'a dyn Sink,
    /// The data set's content date, the date of every zip entry.
    date: Option<&'a str>,
    spool: &'a archive::Spool,
    files: Mutex<Vec<Recorded>>,
}

/// The error of a lock a panicking writer of the data left poisoned.
pub(crate) fn poisoned<T>(_: T) -> anyhow::Error {
    anyhow::anyhow!("a writer of the data panicked")
}

/// Whether the data package describes the file at `path` with its digest.
fn described(path: &str) -> bool {
    path.ends_with(".csv") || path == urls::plans_json()
}

impl Recorder<'_> {
    /// The recorded files, once every writer is done.
    fn into_files(self) -> Result<Vec<Recorded>> {
        self.files.into_inner().map_err(poisoned)
    }

    fn record(
        &self,
        name: &str,
        bytes: usize,
        digest: Option<datapackage::Digest>,
        entry: archive::Entry,
    ) -> Result<()> {
        let entry = self.spool.keep(entry)?;
        self.files.lock().map_err(poisoned)?.push(Recorded { name: name.to_owned(), bytes, digest, entry });
        Ok(())
    }

    /// Writes `table`'s CSV, a row at a time, and its XLSX.
    fn write_table(&self, table: &table::Table) -> Result<()> {
        self.write_with(&table.path, &mut |out| csv::write_csv(table, out))?;
        self.write_xlsx(table)
    }

    /// Writes `table`'s XLSX, dated with the data set's date when the table has none.
    fn write_xlsx(&self, table: &table::Table) -> Result<()> {
        let xlsx = xlsx::xlsx_bytes(table, self.date.unwrap_or("1980-01-01"), self.inner.scratch())?;
        self.put(OutputFile { path: urls::xlsx_of(&table.path), bytes: xlsx })
    }

    /// Puts `table`'s CSV, whose digest is `digest`, and its XLSX in the new site as the build
    /// that published `published` did, their zip entries copied from its zip. False when either
    /// cannot be taken from there: the caller makes them (nothing is left claimed).
    fn reuse_table(
        &self,
        table: &table::Table,
        digest: &datapackage::Digest,
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
        let (csv_file, xlsx_file) = (published.join(&table.path), published.join(&xlsx_path));
        let size = |file: &Path| std::fs::metadata(file).ok().and_then(|m| usize::try_from(m.len()).ok());
        let (Some(csv_bytes), Some(xlsx_bytes)) = (size(&csv_file), size(&xlsx_file)) else { return Ok(false) };
        if csv_bytes != digest.bytes || !self.inner.reuse(&table.path, &csv_file)? {
            return Ok(false);
        }
        self.record(csv_name, csv_bytes, Some(digest.clone()), csv_entry)?;
        if self.inner.reuse(&xlsx_path, &xlsx_file)? {
            self.record(xlsx_name, xlsx_bytes, None, xlsx_entry)?;
        } else {
            // The CSV is in place: write the XLSX rather than leave the pair half taken.
            self.write_xlsx(table)?;
        }
        Ok(true)
    }
}

impl Sink for Recorder<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<()> {
        if let Some(name) = path.strip_prefix(&urls::data()) {
            let digest = described(path).then(|| datapackage::Digest::of(bytes));
            self.record(name, bytes.len(), digest, archive::Entry::new(name, bytes, self.date)?)?;
        }
        self.inner.write(path, bytes)
    }

    /// The file is written, deflated into its zip entry and digested at the same time, a part
    /// at a time.
    fn write_with(&self, path: &str, fill: &mut dyn FnMut(&mut dyn Stream) -> Result<()>) -> Result<u64> {
        let Some(name) = path.strip_prefix(&urls::data()) else { return self.inner.write_with(path, fill) };
        let mut entry = archive::EntryWriter::new(name, self.date)?;
        let mut digest = described(path).then(datapackage::DigestWriter::default);
        let bytes = self.inner.write_with(path, &mut |out| {
            fill(&mut Tee { out, entry: &mut entry, digest: digest.as_mut(), written: 0 })
        })?;
        self.record(name, usize::try_from(bytes)?, digest.map(datapackage::DigestWriter::finish), entry.finish()?)?;
        Ok(bytes)
    }

    fn written(&self) -> usize {
        self.inner.written()
    }

    fn scratch(&self) -> Option<&Path> {
        self.inner.scratch()
    }
}

/// A file of the data set on its way to the output, also deflated into its zip entry and
/// digested. Written front to back: it can tell its position, not seek.
struct Tee<'a> {
    out: &'a mut dyn Stream,
    entry: &'a mut archive::EntryWriter,
    digest: Option<&'a mut datapackage::DigestWriter>,
    written: u64,
}

impl Write for Tee<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let n = self.out.write(bytes)?;
        self.entry.write_all(&bytes[..n])?;
        if let Some(digest) = self.digest.as_mut() {
            digest.update(&bytes[..n]);
        }
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

impl Seek for Tee<'_> {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        match to {
            SeekFrom::Current(0) => Ok(self.written),
            _ => {
                Err(std::io::Error::new(std::io::ErrorKind::Unsupported, "a file of the data is written front to back"))
            }
        }
    }
}

/// Every download of the site, its schemas, the data package, the zip, the DCAT description and
/// the feed, each written to `sink` as soon as it is made. Returns what the open-data page says
/// of each download, and the tables' keys for the next build. The tables `previous` holds with
/// the same key are taken from its published site (`cache.rs`). The tables are made, written
/// and dropped one at a time (`tables::Tables`), and the large files are written as they are
/// made (`Sink::write_with`): memory stays near that of the model (docs/performance.md).
pub fn write_data(
    site: &Site,
    index: &Index<'_>,
    config: &Config,
    sink: &dyn Sink,
    previous: Option<&DataCache>,
) -> Result<(Vec<DataFile>, DataCache)> {
    use rayon::prelude::*;
    let date = tables::site_date(site);
    let spool = archive::Spool::new(sink.scratch())?;
    let recorder = Recorder { inner: sink, date: date.as_deref(), spool: &spool, files: Mutex::new(Vec::new()) };
    let plan_rows = tables::plan_rows(site, index, config);
    let tables = tables::Tables::new(site, index, config, &plan_rows);
    let published_zip = previous.and_then(DataCache::published_zip);
    // One table a piece, each free for any thread to take: the first, `activitati`, is by far
    // the largest (see `Renderer::render_pages`).
    let written: Vec<(table::Table, usize, u64)> = (0..tables.len())
        .into_par_iter()
        .with_max_len(1)
        .map(|i| {
            let table = tables.table(i);
            let key = cache::table_key(&table, date.as_deref());
            let reused = match (previous.and_then(|p| p.unchanged(&table.path, key)), &published_zip) {
                (Some((site, digest)), Some(zip)) => recorder.reuse_table(&table, digest, site, zip)?,
                _ => false,
            };
            if !reused {
                recorder.write_table(&table)?;
            }
            Ok((table.shape(), table.rows.len(), key))
        })
        .collect::<Result<_>>()?;
    drop(tables);
    drop(plan_rows);
    json::write_json(site, index, config, &recorder)?;
    recorder.put(json::json_file(urls::plans_schema(), &schema::dataset_schema(config))?)?;
    if !site.frameworks.is_empty() {
        recorder.put(json::json_file(urls::frameworks_schema(), &schema::framework_schema(config))?)?;
    }
    let digests: HashMap<String, datapackage::Digest> = {
        let files = recorder.files.lock().map_err(poisoned)?;
        files.iter().filter_map(|f| Some((format!("{}{}", urls::data(), f.name), f.digest.clone()?))).collect()
    };
    let digest = |path: &str| {
        digests.get(path).cloned().ok_or_else(|| anyhow::anyhow!("{path} was not written before the data package"))
    };
    let described: Vec<(&table::Table, datapackage::Digest)> =
        written.iter().map(|(t, _, _)| Ok((t, digest(&t.path)?))).collect::<Result<_>>()?;
    let kept = DataCache::new(
        described.iter().zip(&written).map(|((t, d), (_, _, key))| (t.path.clone(), (*key, d.clone()))).collect(),
    );
    for (name, shared) in datapackage::shared_schemas(written.iter().map(|(t, _, _)| t)) {
        recorder.put(json::json_file(urls::table_schema(name), &datapackage::table_schema(shared))?)?;
    }
    let plans_json = (urls::plans_json(), digest(&urls::plans_json())?);
    let package = datapackage::describe(site, config, &described, (&plans_json.0, &plans_json.1), date.as_deref());
    recorder.put(json::json_file(urls::datapackage(), &package)?)?;
    if let Some(feed) = feed::atom(site, config) {
        sink.put(feed)?;
    }
    let by_path: HashMap<String, (&table::Table, usize)> = written
        .iter()
        .flat_map(|(t, rows, _)| [(t.path.clone(), (t, *rows)), (urls::xlsx_of(&t.path), (t, *rows))])
        .collect();
    let mut facts = Vec::new();
    let mut entries = Vec::new();
    for Recorded { name, bytes, entry, .. } in recorder.into_files()? {
        let path = format!("{}{name}", urls::data());
        let table = by_path.get(&path).copied();
        let date = table.map_or_else(|| date.clone(), |(t, _)| t.date.clone());
        facts.push(DataFile { rows: table.map(|(_, rows)| rows), path, bytes, date });
        entries.push(entry);
    }
    let mut entries = Some(entries);
    let zip_bytes =
        sink.write_with(&urls::data_zip(), &mut |out| spool.write_zip(entries.take().unwrap_or_default(), out))?;
    facts.push(DataFile { path: urls::data_zip(), bytes: usize::try_from(zip_bytes)?, rows: None, date: date.clone() });
    facts.sort_by(|a, b| a.path.cmp(&b.path));
    // The DCAT description's distributions are the downloads as written, the zip included.
    let sizes: Vec<(String, usize)> = facts.iter().map(|f| (f.path.clone(), f.bytes)).collect();
    sink.put(json::json_file(urls::dcat(), &dcat::describe(site, config, &sizes))?)?;
    Ok((facts, kept))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::MemorySink;

    fn recorder<'a>(sink: &'a MemorySink, spool: &'a archive::Spool) -> Recorder<'a> {
        Recorder { inner: sink, date: Some("2026-12-02"), spool, files: Mutex::default() }
    }

    /// Each recorded file's name, size and hash.
    type Facts = Vec<(String, usize, Option<String>)>;

    /// The zip of what `recorder` recorded, with the sizes and digests it kept.
    fn recorded(recorder: Recorder<'_>, spool: &archive::Spool) -> (Vec<u8>, Facts) {
        let files = recorder.into_files().expect("files");
        let facts =
            files.iter().map(|f| (f.name.clone(), f.bytes, f.digest.as_ref().map(|d| d.hash.clone()))).collect();
        let mut zip = std::io::Cursor::new(Vec::new());
        spool.write_zip(files.into_iter().map(|f| f.entry).collect(), &mut zip).expect("zip");
        (zip.into_inner(), facts)
    }

    #[test]
    fn a_file_written_as_it_is_made_is_recorded_as_the_same_file_written_whole() {
        let bytes = "activitate,an\r\n".repeat(20_000).into_bytes();
        let (whole_sink, streamed_sink) = (MemorySink::default(), MemorySink::default());
        let (whole_spool, streamed_spool) =
            (archive::Spool::new(None).expect("spool"), archive::Spool::new(None).expect("spool"));
        let whole = recorder(&whole_sink, &whole_spool);
        whole.write("date/t.csv", &bytes).expect("write");
        whole.write("index.html", b"not data").expect("write");
        let streamed = recorder(&streamed_sink, &streamed_spool);
        let size = streamed
            .write_with("date/t.csv", &mut |out| {
                bytes.chunks(7).try_for_each(|part| out.write_all(part))?;
                assert_eq!(out.stream_position()?, bytes.len() as u64, "a file can tell its position");
                assert!(out.seek(SeekFrom::Start(0)).is_err(), "a recorded file is written front to back");
                Ok(())
            })
            .expect("write_with");
        streamed.write_with("index.html", &mut |out| Ok(out.write_all(b"not data")?)).expect("write_with");
        assert_eq!(size, bytes.len() as u64);
        let (whole_zip, whole_facts) = recorded(whole, &whole_spool);
        let (streamed_zip, streamed_facts) = recorded(streamed, &streamed_spool);
        assert_eq!(whole_facts, [("t.csv".to_owned(), bytes.len(), Some(datapackage::sha256(&bytes)))]);
        assert_eq!(streamed_facts, whole_facts, "the same size and digest");
        assert_eq!(streamed_zip, whole_zip, "the same zip entry");
        assert_eq!(streamed_sink.into_files(), whole_sink.into_files(), "the same files");
    }
}
