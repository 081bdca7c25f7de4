//! `date/planportal-date.zip`: the whole data set in one download (every CSV, XLSX and JSON
//! file and the data package, under the same names as in `date/`). Reproducible: the entries are
//! sorted by name, each dated with the data set's content date (never the clock), with fixed
//! permissions; deflate only (the `zip` crate rust_xlsxwriter also uses).

use std::io::{Cursor, Write as _};

use anyhow::Result;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// The zip time of `date` (`YYYY-MM-DD`, noon to stay on that day in any time zone), or the
/// zip format's first day when there is none.
fn zip_time(date: Option<&str>) -> DateTime {
    let parts: Vec<u16> = date.unwrap_or_default().split('-').filter_map(|p| p.parse().ok()).collect();
    match parts.as_slice() {
        [y, m, d] => DateTime::from_date_and_time(*y, *m as u8, *d as u8, 12, 0, 0).unwrap_or_default(),
        _ => DateTime::default(),
    }
}

/// One file of the zip, deflated by itself (a zip of that one file) in the thread that wrote it:
/// the data set is held compressed until the zip is put together, not whole — at 10,000 pages
/// 41 MB instead of 180 MB (docs/performance.md).
pub struct Entry {
    name: String,
    part: Vec<u8>,
}

impl Entry {
    /// `bytes` as the zip entry `name`, dated `date` (`YYYY-MM-DD`).
    pub fn new(name: &str, bytes: &[u8], date: Option<&str>) -> Result<Entry> {
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .last_modified_time(zip_time(date))
            .unix_permissions(0o644);
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file(name, options)?;
        zip.write_all(bytes)?;
        Ok(Entry { name: name.to_owned(), part: zip.finish()?.into_inner() })
    }

    /// The entry `name` of a zip made before (`published`), copied still compressed: the same
    /// bytes as [`Entry::new`] of the same file and date made.
    pub fn copied<R: std::io::Read + std::io::Seek>(name: &str, published: &mut zip::ZipArchive<R>) -> Result<Entry> {
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        zip.raw_copy_file(published.by_name(name)?)?;
        Ok(Entry { name: name.to_owned(), part: zip.finish()?.into_inner() })
    }
}

/// The zip of `entries`, in the order of their names: each entry's compressed bytes are copied
/// as they are (`merge_archive`), never deflated again.
pub fn zip_entries(mut entries: Vec<Entry>) -> Result<Vec<u8>> {
    entries.sort_by(|a, b| a.name.cmp(&b.name));
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for entry in entries {
        zip.merge_archive(zip::ZipArchive::new(Cursor::new(entry.part))?)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// The zip of `files` (name in the archive, bytes), in the order of their names.
pub fn zip_bytes(files: &[(String, Vec<u8>)], date: Option<&str>) -> Result<Vec<u8>> {
    zip_entries(files.iter().map(|(name, bytes)| Entry::new(name, bytes, date)).collect::<Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_files_in_any_order_make_the_same_zip() {
        let a = vec![("b.csv".to_owned(), b"2".to_vec()), ("a.csv".to_owned(), b"1".to_vec())];
        let b: Vec<(String, Vec<u8>)> = a.iter().rev().cloned().collect();
        let zipped = zip_bytes(&a, Some("2026-11-30")).expect("zip");
        assert_eq!(zipped, zip_bytes(&b, Some("2026-11-30")).expect("zip"));
        let archive = zip::ZipArchive::new(Cursor::new(zipped)).expect("a zip");
        let names: Vec<String> = archive.file_names().map(|n| n.expect("a UTF-8 name").into_owned()).collect();
        assert_eq!(names, ["a.csv", "b.csv"]);
    }

    #[test]
    fn entries_carry_the_content_date() {
        let time = zip_time(Some("2026-11-30"));
        assert_eq!((time.year(), time.month(), time.day()), (2026, 11, 30));
        assert_eq!(zip_time(None), DateTime::default());
    }
}
