//! The data of a previous build, for `serve`'s rebuild (issue 21): each table's key (a hash of
//! its CSV and of everything else its XLSX and zip entries show), so that a table an edit did
//! not change is not written to XLSX nor deflated again — its XLSX is taken from the published
//! site and its two zip entries are copied, still compressed, from the published zip. Making the
//! XLSX files and deflating the zip were most of the data stage (docs/performance.md).

use std::collections::HashMap;
use std::fs::File;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::datapackage::Digest;
use super::table::Table;
use crate::urls;

/// The tables of a build: the key of each and its CSV's digest, by its CSV's site path, and the
/// folder they were published in. Only keys are kept, not the files.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct DataCache {
    #[serde(skip)]
    site: Option<PathBuf>,
    keys: HashMap<String, (u64, Digest)>,
}

/// The published zip of the data set, open for copying its entries.
pub type PublishedZip = Mutex<zip::ZipArchive<BufReader<File>>>;

impl DataCache {
    /// The cache of the tables whose `keys` are given, usable once [`DataCache::published_in`]
    /// says where their files are.
    pub fn new(keys: HashMap<String, (u64, Digest)>) -> DataCache {
        DataCache { site: None, keys }
    }

    /// The cache, now that its files are published in `site`.
    pub fn published_in(self, site: &Path) -> DataCache {
        DataCache { site: Some(site.to_path_buf()), ..self }
    }

    /// The published site and the digest of the table's CSV there, when the table at `path`
    /// was made for `key` in it.
    pub fn unchanged(&self, path: &str, key: u64) -> Option<(&Path, &Digest)> {
        let site = self.site.as_deref()?;
        let (made_for, digest) = self.keys.get(path)?;
        (*made_for == key).then_some((site, digest))
    }

    /// The published zip of the data set, if it can be read: without it every table is made
    /// again.
    pub fn published_zip(&self) -> Option<PublishedZip> {
        let file = File::open(self.site.as_deref()?.join(urls::data_zip())).ok()?;
        zip::ZipArchive::new(BufReader::new(file)).ok().map(Mutex::new)
    }
}

/// The key of `table`: what its CSV, XLSX and zip entries are made from — its rows, its
/// columns' names, kinds and widths, the sheet's name, title and date, and `date`, the data
/// set's date, which dates the zip entries and any XLSX of a table without a date of its own.
/// Made from the rows, not the CSV: an unchanged table's CSV is not even made.
pub fn table_key(table: &Table, date: Option<&str>) -> u64 {
    let mut hasher = DefaultHasher::new();
    table.rows.hash(&mut hasher);
    (&table.name, &table.title, &table.date, date).hash(&mut hasher);
    table.schema.columns.iter().for_each(|c| (c.name, c.kind, c.width.to_bits()).hash(&mut hasher));
    hasher.finish()
}
