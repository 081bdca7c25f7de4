//! The last stage: files are written, as soon as each is made, into a fresh staging folder beside
//! the output folder, which replaces the published one only once everything is written. A failed
//! build (bad content, a template error, a full disk) leaves the published site as it was, and
//! the build never holds the whole site in memory.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context, Result, bail};

/// A file of the site: its path relative to the output root (`/`-separated) and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Where the stages put the files they make. Called from many threads at once.
pub trait Sink: Sync {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<()>;

    /// How many files were written so far.
    fn written(&self) -> usize;

    fn put(&self, file: OutputFile) -> Result<()> {
        self.write(&file.path, &file.bytes)
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

/// The next site, being written into `<output>.tmp-<pid>`. [`Staging::publish`] moves it into
/// place; dropped unpublished (an error on the way), it is removed and the published site stays.
pub struct Staging {
    output: PathBuf,
    dir: PathBuf,
    paths: Mutex<HashSet<String>>,
    published: bool,
}

impl Staging {
    /// An empty staging folder beside `output`.
    pub fn new(output: &Path) -> Result<Staging> {
        let parent = output.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        let name = output.file_name().context("the output path has no folder name")?.to_string_lossy().into_owned();
        let dir = parent.join(format!("{name}.tmp-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        pause("staged");
        Ok(Staging { output: output.to_path_buf(), dir, paths: Mutex::default(), published: false })
    }

    /// Checks `path`, claims it, and makes its folder.
    fn prepare(&self, path: &str) -> Result<PathBuf> {
        claim(&self.paths, path)?;
        let target = self.dir.join(path);
        if let Some(folder) = target.parent() {
            std::fs::create_dir_all(folder).with_context(|| format!("creating {}", folder.display()))?;
        }
        Ok(target)
    }

    /// Replaces the published site with this one: the old folder is moved aside, the new one
    /// moved in, and the old one removed.
    pub fn publish(mut self) -> Result<()> {
        let retired = self.dir.with_file_name(format!(
            "{}.old-{}",
            self.output.file_name().unwrap_or_default().to_string_lossy(),
            std::process::id()
        ));
        pause("written");
        swap(&self.dir, &self.output, &retired)?;
        self.published = true;
        Ok(())
    }
}

impl Sink for Staging {
    fn written(&self) -> usize {
        lock(&self.paths).len()
    }

    fn write(&self, path: &str, bytes: &[u8]) -> Result<()> {
        let target = self.prepare(path)?;
        std::fs::write(&target, bytes).with_context(|| format!("writing {}", target.display()))
    }

    /// A hard link to the published file: no bytes are read or copied. A copy where links are
    /// not possible (another file system).
    fn reuse(&self, path: &str, from: &Path) -> Result<bool> {
        let target = self.prepare(path)?;
        if std::fs::hard_link(from, &target).is_ok() || std::fs::copy(from, &target).is_ok() {
            return Ok(true);
        }
        lock(&self.paths).remove(path);
        Ok(false)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.published {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Writes `files` as the new content of `output`, atomically as far as the file system allows.
pub fn publish(output: &Path, files: &[OutputFile]) -> Result<()> {
    let staging = Staging::new(output)?;
    for file in files {
        staging.write(&file.path, &file.bytes)?;
    }
    staging.publish()
}

fn swap(staging: &Path, output: &Path, retired: &Path) -> Result<()> {
    let had_output = output.exists();
    if had_output {
        std::fs::rename(output, retired).with_context(|| format!("moving {} aside", output.display()))?;
        pause("aside");
    }
    if let Err(error) = std::fs::rename(staging, output) {
        if had_output {
            let _ = std::fs::rename(retired, output);
        }
        return Err(error).with_context(|| format!("moving the new site into {}", output.display()));
    }
    pause("swapped");
    if had_output {
        std::fs::remove_dir_all(retired).with_context(|| format!("removing {}", retired.display()))?;
    }
    Ok(())
}

/// Test-only (tests/suite/regressions.rs): with `PLANPORTAL_TEST_PAUSE_MS` set, says `step` on
/// stderr and sleeps that long, so that a test can kill the build right there;
/// `PLANPORTAL_TEST_PAUSE_AT=<step>` limits it to one step. Unset, it does nothing.
fn pause(step: &str) {
    let Some(ms) = std::env::var("PLANPORTAL_TEST_PAUSE_MS").ok().and_then(|ms| ms.parse::<u64>().ok()) else {
        return;
    };
    if std::env::var("PLANPORTAL_TEST_PAUSE_AT").is_ok_and(|at| at != step) {
        return;
    }
    eprintln!("test pause: {step}");
    std::thread::sleep(std::time::Duration::from_millis(ms));
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

    fn file(path: &str) -> OutputFile {
        OutputFile { path: path.into(), bytes: b"x".to_vec() }
    }

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

    #[test]
    fn an_unpublished_staging_folder_is_removed_and_the_site_kept() {
        let dir = tempfile::tempdir().expect("temp");
        let out = dir.path().join("public");
        publish(&out, &[file("index.html")]).expect("first");
        {
            let staging = Staging::new(&out).expect("staging");
            staging.write("half.html", b"x").expect("write");
            assert!(staging.reuse("index.html", &out.join("index.html")).expect("reuse"));
            assert!(!staging.reuse("gone.html", &out.join("gone.html")).expect("reuse"));
        }
        assert!(out.join("index.html").exists() && !out.join("half.html").exists());
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);
    }

    #[test]
    fn publish_replaces_the_old_site() {
        let dir = tempfile::tempdir().expect("temp");
        let out = dir.path().join("public");
        publish(&out, &[file("old.html")]).expect("first");
        publish(&out, &[file("new/index.html")]).expect("second");
        assert!(!out.join("old.html").exists());
        assert!(out.join("new/index.html").exists());
        let leftovers: Vec<_> =
            std::fs::read_dir(dir.path()).expect("list").map(|e| e.expect("e").file_name()).collect();
        assert_eq!(leftovers, ["public"]);
    }

    #[test]
    fn a_failed_write_leaves_the_old_site() {
        let dir = tempfile::tempdir().expect("temp");
        let out = dir.path().join("public");
        publish(&out, &[file("index.html")]).expect("first");
        // A file and a folder of the same name cannot both be written.
        assert!(publish(&out, &[file("a"), file("a/b")]).is_err());
        assert!(out.join("index.html").exists());
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);
    }
}
