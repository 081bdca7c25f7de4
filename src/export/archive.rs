//! `date/planportal-date.zip`: the whole data set in one download (every CSV, XLSX and JSON
//! file and the data package, under the same names as in `date/`). Reproducible: the entries are
//! sorted by name, each dated with the data set's content date (never the clock), with fixed
//! permissions; deflate only (the `zip` crate rust_xlsxwriter also uses).

use std::fs::File;
use std::io::{Cursor, Read as _, Seek as _, SeekFrom, Write};
use std::path::Path;
use std::sync::Mutex;

use anyhow::{Context as _, Result};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::output::Stream;

/// The zip time of `date` (`YYYY-MM-DD`, noon to stay on that day in any time zone), or the
/// zip format's first day when there is none.
fn zip_time(date: Option<&str>) -> DateTime {
    let parts: Vec<u16> = date.unwrap_or_default().split('-').filter_map(|p| p.parse().ok()).collect();
    match parts.as_slice() {
        [y, m, d] => DateTime::from_date_and_time(*y, *m as u8, *d as u8, 12, 0, 0).unwrap_or_default(),
        _ => DateTime::default(),
    }
}

/// One file of the zip, deflated by itself (a zip of that one file) in the thread that wrote it.
pub struct Entry {
    name: String,
    part: Vec<u8>,
}

impl Entry {
    /// `bytes` as the zip entry `name`, dated `date` (`YYYY-MM-DD`).
    pub fn new(name: &str, bytes: &[u8], date: Option<&str>) -> Result<Entry> {
        let mut writer = EntryWriter::new(name, date)?;
        writer.write_all(bytes)?;
        writer.finish()
    }

    /// The entry `name` of a zip made before (`published`), copied still compressed: the same
    /// bytes as [`Entry::new`] of the same file and date made.
    pub fn copied<R: std::io::Read + std::io::Seek>(name: &str, published: &mut zip::ZipArchive<R>) -> Result<Entry> {
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        zip.raw_copy_file(published.by_name(name)?)?;
        Ok(Entry { name: name.to_owned(), part: zip.finish()?.into_inner() })
    }
}

/// An [`Entry`] deflated as its file is written, for the files written front to back
/// (`Sink::write_with`): only the compressed bytes are held. The deflater is given the file in
/// parts of [`PART`] bytes whatever the sizes of the writes: its output depends on where its
/// input is cut (7-byte writes made a third more bytes than one write), and the same file must
/// make the same entry however it was written.
pub struct EntryWriter {
    name: String,
    zip: ZipWriter<Cursor<Vec<u8>>>,
    pending: Vec<u8>,
}

/// The size of the parts an [`EntryWriter`] deflates.
const PART: usize = 1 << 16;

impl EntryWriter {
    /// The entry `name`, dated `date` (`YYYY-MM-DD`), empty so far.
    pub fn new(name: &str, date: Option<&str>) -> Result<EntryWriter> {
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .last_modified_time(zip_time(date))
            .unix_permissions(0o644);
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file(name, options)?;
        Ok(EntryWriter { name: name.to_owned(), zip, pending: Vec::with_capacity(PART) })
    }

    /// The entry, once its file is written.
    pub fn finish(mut self) -> Result<Entry> {
        self.zip.write_all(&self.pending)?;
        Ok(Entry { name: self.name, part: self.zip.finish()?.into_inner() })
    }
}

impl Write for EntryWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let mut rest = bytes;
        while !rest.is_empty() {
            let (now, later) = rest.split_at(rest.len().min(PART - self.pending.len()));
            self.pending.extend_from_slice(now);
            rest = later;
            if self.pending.len() == PART {
                self.zip.write_all(&self.pending)?;
                self.pending.clear();
            }
        }
        Ok(bytes.len())
    }

    /// Parts are deflated when whole: flushing would cut the input where the writer did.
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The entries of the zip until it is put together, kept in an anonymous temporary file on the
/// output's file system, not in memory: the whole data set compressed is ~420 MB at 100,000
/// pages (docs/performance.md). The file is gone when the spool is dropped, or the build killed.
pub struct Spool {
    file: Mutex<(File, u64)>,
}

/// Where an entry is in the [`Spool`].
pub struct Spooled {
    name: String,
    at: u64,
    len: usize,
}

impl Spool {
    /// An empty spool in `folder`, or in the system's temporary folder.
    pub fn new(folder: Option<&Path>) -> Result<Spool> {
        let file = match folder {
            Some(folder) => tempfile::tempfile_in(folder),
            None => tempfile::tempfile(),
        }
        .context("making a temporary file for the zip of the data")?;
        Ok(Spool { file: Mutex::new((file, 0)) })
    }

    /// Puts `entry` in the spool.
    pub fn keep(&self, entry: Entry) -> Result<Spooled> {
        let mut guard = self.file.lock().map_err(super::poisoned)?;
        let (file, end) = &mut *guard;
        let at = *end;
        file.seek(SeekFrom::Start(at))?;
        file.write_all(&entry.part)?;
        *end += entry.part.len() as u64;
        Ok(Spooled { name: entry.name, at, len: entry.part.len() })
    }

    /// Writes the zip of the `spooled` entries into `out`, in the order of their names: each
    /// entry's compressed bytes are copied as they are (`merge_archive`), never deflated again.
    pub fn write_zip(&self, mut spooled: Vec<Spooled>, out: &mut dyn Stream) -> Result<()> {
        spooled.sort_by(|a, b| a.name.cmp(&b.name));
        let mut guard = self.file.lock().map_err(super::poisoned)?;
        let (file, _) = &mut *guard;
        let mut zip = ZipWriter::new(out);
        for entry in spooled {
            let mut part = vec![0; entry.len];
            file.seek(SeekFrom::Start(entry.at))?;
            file.read_exact(&mut part)?;
            zip.merge_archive(zip::ZipArchive::new(Cursor::new(part))?)?;
        }
        zip.finish()?;
        Ok(())
    }
}

/// The zip of `files` (name in the archive, bytes), in the order of their names.
pub fn zip_bytes(files: &[(String, Vec<u8>)], date: Option<&str>) -> Result<Vec<u8>> {
    let spool = Spool::new(None)?;
    let spooled =
        files.iter().map(|(name, bytes)| spool.keep(Entry::new(name, bytes, date)?)).collect::<Result<_>>()?;
    let mut zip = Cursor::new(Vec::new());
    spool.write_zip(spooled, &mut zip)?;
    Ok(zip.into_inner())
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
