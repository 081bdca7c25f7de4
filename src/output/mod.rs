//! The last stage: files are written, as soon as each is made, into a fresh staging folder beside
//! the output folder, which replaces the published one only once everything is written. A failed
//! build (bad content, a template error, a full disk) leaves the published site as it was, and
//! the build never holds the whole site in memory.
//!
//! Here: the [`Sink`] the stages write into, and the in-memory one. `publish.rs`: the staging
//! folder, the one-step publish, the lock and the leftovers of killed builds. `guard.rs`: which
//! `--output` folders are refused.

mod guard;
mod publish;

use std::collections::HashSet;
use std::io::{Seek, Write};
use std::path::{Component, Path};
use std::sync::Mutex;

use anyhow::{Result, bail};

pub use guard::check_output;
pub use publish::{MARKER, Staging, folder_id, publish};

/// A file of the site: its path relative to the output root (`/`-separated) and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// The path from the output root, `/`-separated.
    pub path: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// What a file too large to hold is written into as it is made: a zip writer also seeks.
pub trait Stream: Write + Seek {}

impl<T: Write + Seek + ?Sized> Stream for T {}

/// Where the stages put the files they make. Called from many threads at once.
pub trait Sink: Sync {
    /// Writes the file at `path` (from the output root, `/`-separated); every path once.
    fn write(&self, path: &str, bytes: &[u8]) -> Result<()>;

    /// How many files were written so far.
    fn written(&self) -> usize;

    /// Writes `file`.
    fn put(&self, file: OutputFile) -> Result<()> {
        self.write(&file.path, &file.bytes)
    }

    /// Writes the file at `path` as `fill` makes it, front to back, without holding it whole:
    /// for the downloads that grow with the site (the zip of the data set, `planuri.json`, the
    /// whole-set tables). Returns its size in bytes. This default holds it, then writes it.
    fn write_with(&self, path: &str, fill: &mut dyn FnMut(&mut dyn Stream) -> Result<()>) -> Result<u64> {
        let mut buffer = std::io::Cursor::new(Vec::new());
        fill(&mut buffer)?;
        let bytes = buffer.into_inner();
        self.write(path, &bytes)?;
        Ok(bytes.len() as u64)
    }

    /// A folder on the output's file system for a build's scratch files, which are never
    /// published (anonymous temporary files); `None` for the system's temporary folder.
    fn scratch(&self) -> Option<&Path> {
        None
    }

    /// Puts `path` in the new site with the bytes of the file `from` of the published site.
    /// False when `from` cannot be read: the caller makes the file again.
    fn reuse(&self, path: &str, from: &Path) -> Result<bool> {
        match std::fs::read(from) {
            Ok(bytes) => self.write(path, &bytes).map(|()| true),
            Err(_) => Ok(false),
        }
    }
}

/// A sink that keeps the files in memory, checked like [`Staging`] checks them: for tests and
/// for measuring one stage alone.
#[derive(Default)]
pub struct MemorySink {
    files: Mutex<Vec<OutputFile>>,
    paths: Mutex<HashSet<String>>,
}

impl MemorySink {
    /// The files, sorted by path.
    pub fn into_files(self) -> Vec<OutputFile> {
        let mut files = self.files.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }
}

impl Sink for MemorySink {
    fn written(&self) -> usize {
        lock(&self.paths).len()
    }

    fn write(&self, path: &str, bytes: &[u8]) -> Result<()> {
        claim(&self.paths, path)?;
        lock(&self.files).push(OutputFile { path: path.to_owned(), bytes: bytes.to_vec() });
        Ok(())
    }
}

/// A lock that a panic elsewhere does not poison for good: the set stays usable.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Every path must stay inside the output folder and be written once.
fn claim(paths: &Mutex<HashSet<String>>, path: &str) -> Result<()> {
    let safe = !path.is_empty() && Path::new(path).components().all(|c| matches!(c, Component::Normal(_)));
    if !safe {
        bail!("refusing to write `{path}`: the path leaves the output folder");
    }
    if !lock(paths).insert(path.to_owned()) {
        bail!("two outputs map to the same path `{path}`");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_escaping_and_duplicate_paths() {
        let written = |paths: &[&str]| {
            let sink = MemorySink::default();
            paths.iter().try_for_each(|p| sink.write(p, b"x"))
        };
        assert!(written(&["../x"]).is_err());
        assert!(written(&["/etc/x"]).is_err());
        assert!(written(&[""]).is_err());
        assert!(written(&["a/b.html", "a/b.html"]).is_err());
        assert!(written(&["a/b.html", "a/c.html"]).is_ok());
    }
}
