//! Publishing: the staging folder a build writes into, the lock beside the output (one build at a
//! time), the one-step replacement of the published site (`renameat2` exchange, or two renames),
//! and the cleaning of what killed builds left.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context, Result, bail};

use super::{OutputFile, Sink, Stream, claim, lock};

/// The file every published site holds, so that a later build knows the folder is its own and
/// may replace it (a folder without it is refused, unless `--force`: see
/// [`check_output`](super::check_output)).
pub const MARKER: &str = ".planportal";

const MARKER_TEXT: &str = "This folder is written by `planportal build`, which replaces it whole on every build.\n";

/// The next site, being written into `<output>.tmp-<pid>`. [`Staging::publish`] moves it into
/// place; dropped unpublished (an error on the way), it is removed and the published site stays.
/// While it lives it holds the lock `.<output>.lock` beside the output: one build at a time.
pub struct Staging {
    output: PathBuf,
    dir: PathBuf,
    paths: Mutex<HashSet<String>>,
    published: bool,
    /// Held, never read: the lock lasts as long as the file is open, and a killed process
    /// releases it.
    _lock: std::fs::File,
}

impl Staging {
    /// An empty staging folder beside `output`, once the lock is taken and what killed builds
    /// left beside `output` is cleaned up. Fails at once when another build holds the lock.
    pub fn new(output: &Path) -> Result<Staging> {
        let parent = output.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        let name = output.file_name().context("the output path has no folder name")?.to_string_lossy().into_owned();
        let lock = lock_output(output, &parent.join(format!(".{name}.lock")))?;
        tidy(parent, &name, output)?;
        let dir = parent.join(format!("{name}.tmp-{}", std::process::id()));
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        pause("staged");
        Ok(Staging { output: output.to_path_buf(), dir, paths: Mutex::default(), published: false, _lock: lock })
    }

    /// The folder the site is staged in, published in place of the output by [`Staging::publish`].
    pub fn folder(&self) -> &Path {
        &self.dir
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

    /// Replaces the published site with this one in one step, and removes the old one.
    pub fn publish(mut self) -> Result<()> {
        self.write(MARKER, MARKER_TEXT.as_bytes())?;
        pause("written");
        let retired = self.dir.with_file_name(format!(
            "{}.old-{}",
            self.output.file_name().unwrap_or_default().to_string_lossy(),
            std::process::id()
        ));
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

    fn write_with(&self, path: &str, fill: &mut dyn FnMut(&mut dyn Stream) -> Result<()>) -> Result<u64> {
        use std::io::Write as _;
        let target = self.prepare(path)?;
        let file = std::fs::File::create(&target).with_context(|| format!("writing {}", target.display()))?;
        let mut writer = std::io::BufWriter::with_capacity(1 << 16, file);
        fill(&mut writer)?;
        writer.flush().with_context(|| format!("writing {}", target.display()))?;
        Ok(writer.get_ref().metadata()?.len())
    }

    /// The staging folder itself: a scratch file there is on the output's file system (a
    /// tmpfs output keeps it in memory, a disk output on disk), and a killed build's is removed
    /// with the folder.
    fn scratch(&self) -> Option<&Path> {
        Some(&self.dir)
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

/// Takes the lock of `output` (the file `lock_path`), or says which build holds it. The file
/// stays: removing a lock file races with a build that has just opened it.
fn lock_output(output: &Path, lock_path: &Path) -> Result<std::fs::File> {
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(lock_path)
        .with_context(|| format!("opening {}", lock_path.display()))?;
    if try_lock(&file).with_context(|| format!("locking {}", lock_path.display()))? {
        return Ok(file);
    }
    bail!(
        "another planportal build is publishing to {}: it holds {}\n  hint: wait for it to end, then build again",
        output.display(),
        lock_path.display()
    )
}

/// An exclusive lock on `file` without waiting: false when another process holds it.
#[cfg(unix)]
fn try_lock(file: &std::fs::File) -> std::io::Result<bool> {
    match rustix::fs::flock(file, rustix::fs::FlockOperation::NonBlockingLockExclusive) {
        Ok(()) => Ok(true),
        Err(error) if error == rustix::io::Errno::WOULDBLOCK => Ok(false),
        Err(error) => Err(error.into()),
    }
}

#[cfg(not(unix))]
fn try_lock(file: &std::fs::File) -> std::io::Result<bool> {
    match file.try_lock() {
        Ok(()) => Ok(true),
        Err(std::fs::TryLockError::WouldBlock) => Ok(false),
        Err(std::fs::TryLockError::Error(error)) => Err(error),
    }
}

/// Cleans what killed builds left beside `output` (`<name>.tmp-<pid>`, `<name>.old-<pid>`); the
/// caller holds the lock, so no other build is using them. When `output` is missing, a build was
/// killed between the two renames of the fallback: its `.old-` folder is the published site and
/// is put back first.
fn tidy(parent: &Path, name: &str, output: &Path) -> Result<()> {
    let (staged, retired) = (format!("{name}.tmp-"), format!("{name}.old-"));
    let is_pid = |rest: &str| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit());
    let mut left: Vec<(bool, PathBuf)> = Vec::new();
    for entry in std::fs::read_dir(parent).with_context(|| format!("reading {}", parent.display()))? {
        let entry = entry.with_context(|| format!("reading {}", parent.display()))?;
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if file_name.strip_prefix(&retired).is_some_and(is_pid) {
            left.push((true, entry.path()));
        } else if file_name.strip_prefix(&staged).is_some_and(is_pid) {
            left.push((false, entry.path()));
        }
    }
    if std::fs::symlink_metadata(output).is_err()
        && let Some(position) = left.iter().position(|(old, _)| *old)
    {
        let (_, site) = left.swap_remove(position);
        std::fs::rename(&site, output)
            .with_context(|| format!("putting {} back as {}", site.display(), output.display()))?;
    }
    for (_, path) in left {
        remove(&path)?;
    }
    Ok(())
}

/// Removes a folder and everything in it, or a file.
fn remove(path: &Path) -> Result<()> {
    let removed = match std::fs::symlink_metadata(path) {
        Ok(metadata) if metadata.is_dir() => std::fs::remove_dir_all(path),
        Ok(_) => std::fs::remove_file(path),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(error),
    };
    removed.with_context(|| format!("removing {}", path.display()))
}

/// Puts the staging folder in place of `output` in one step: an exchange of the two names, so
/// that at every instant `output` is either the old site or the new one; the old one, now under
/// the staging name, is then removed. The first build (no output yet) is one rename. Where the
/// file system cannot exchange, two renames through `retired`, which the next build puts back if
/// a kill falls between them ([`tidy`]).
fn swap(staging: &Path, output: &Path, retired: &Path) -> Result<()> {
    let had_output = std::fs::symlink_metadata(output).is_ok();
    if had_output && exchange(staging, output).with_context(|| format!("publishing into {}", output.display()))? {
        pause("swapped");
        return remove(staging);
    }
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
        remove(retired)?;
    }
    Ok(())
}

/// Exchanges the names `a` and `b` atomically (Linux `renameat2(RENAME_EXCHANGE)`, macOS
/// `renameatx_np(RENAME_SWAP)`). False when the file system or the kernel cannot, and, test-only,
/// when `PLANPORTAL_TEST_NO_EXCHANGE` is set (the fallback is tested on any file system).
#[cfg(any(target_os = "linux", target_os = "android", target_os = "macos", target_os = "ios"))]
fn exchange(a: &Path, b: &Path) -> std::io::Result<bool> {
    use rustix::io::Errno;
    if std::env::var_os("PLANPORTAL_TEST_NO_EXCHANGE").is_some() {
        return Ok(false);
    }
    match rustix::fs::renameat_with(rustix::fs::CWD, a, rustix::fs::CWD, b, rustix::fs::RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        Err(error) if [Errno::INVAL, Errno::NOSYS, Errno::OPNOTSUPP, Errno::NOTSUP].contains(&error) => Ok(false),
        Err(error) => Err(error.into()),
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_os = "macos", target_os = "ios")))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<bool> {
    Ok(false)
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

/// What tells one published site from another at the same path: the device and inode of its
/// folder. Every build publishes a folder of its own (its staging folder, swapped in), so a site
/// replaced by another build, or by another program, has another.
pub fn folder_id(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt as _;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str) -> OutputFile {
        OutputFile { path: path.into(), bytes: b"x".to_vec() }
    }

    /// The names in `dir`, sorted.
    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> =
            std::fs::read_dir(dir).expect("list").map(|e| e.expect("e").file_name().to_string_lossy().into()).collect();
        names.sort();
        names
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
        assert_eq!(names(dir.path()), [".public.lock", "public"]);
    }

    #[test]
    fn a_file_written_as_it_is_made_is_published_with_its_size_and_scratch_files_are_not() {
        use std::io::Write as _;
        let dir = tempfile::tempdir().expect("temp");
        let out = dir.path().join("public");
        let staging = Staging::new(&out).expect("staging");
        let mut scratch = tempfile::tempfile_in(staging.scratch().expect("a scratch folder")).expect("scratch");
        scratch.write_all(b"never published").expect("scratch write");
        let size = staging
            .write_with("date/a.csv", &mut |w| {
                (0..1000).try_for_each(|i| write!(w, "{i}\r\n"))?;
                Ok(())
            })
            .expect("write_with");
        assert!(staging.write_with("date/a.csv", &mut |_| Ok(())).is_err(), "every path once");
        staging.publish().expect("publish");
        let expected: String = (0..1000).map(|i| format!("{i}\r\n")).collect();
        assert_eq!(std::fs::read_to_string(out.join("date/a.csv")).expect("published"), expected);
        assert_eq!(size, expected.len() as u64);
        assert_eq!(names(&out), [MARKER, "date"]);
        assert_eq!(names(&out.join("date")), ["a.csv"]);
    }

    #[test]
    fn publish_replaces_the_old_site() {
        let dir = tempfile::tempdir().expect("temp");
        let out = dir.path().join("public");
        publish(&out, &[file("old.html")]).expect("first");
        publish(&out, &[file("new/index.html")]).expect("second");
        assert!(!out.join("old.html").exists());
        assert!(out.join("new/index.html").exists());
        assert_eq!(names(dir.path()), [".public.lock", "public"]);
        assert_eq!(names(&out), [MARKER, "new"]);
    }

    #[test]
    fn a_failed_write_leaves_the_old_site() {
        let dir = tempfile::tempdir().expect("temp");
        let out = dir.path().join("public");
        publish(&out, &[file("index.html")]).expect("first");
        // A file and a folder of the same name cannot both be written.
        assert!(publish(&out, &[file("a"), file("a/b")]).is_err());
        assert!(out.join("index.html").exists());
        assert_eq!(names(dir.path()), [".public.lock", "public"]);
    }

    #[test]
    fn one_staging_at_a_time_per_output() {
        let dir = tempfile::tempdir().expect("temp");
        let out = dir.path().join("public");
        let first = Staging::new(&out).expect("first");
        let refused = Staging::new(&out).err().map(|e| format!("{e:#}")).unwrap_or_default();
        assert!(refused.starts_with("another planportal build is publishing to"), "{refused}");
        assert!(Staging::new(&dir.path().join("other")).is_ok(), "another output has its own lock");
        drop(first);
        assert!(Staging::new(&out).is_ok());
    }

    #[test]
    fn leftovers_are_removed_and_a_site_moved_aside_put_back() {
        let dir = tempfile::tempdir().expect("temp");
        let out = dir.path().join("public");
        publish(&out, &[file("index.html")]).expect("first");
        std::fs::rename(&out, dir.path().join("public.old-1")).expect("aside");
        for kept in ["public.tmp-2", "public.old-3", "public.tmp-x", "public.old-", "public.old-backup"] {
            std::fs::create_dir(dir.path().join(kept)).expect("mkdir");
        }
        let staging = Staging::new(&out).expect("staging");
        assert!(out.join("index.html").exists(), "the site moved aside is back");
        let mut expected =
            [".public.lock", "public", "public.old-", "public.old-backup", "public.tmp-x"].map(String::from).to_vec();
        expected.push(format!("public.tmp-{}", std::process::id()));
        expected.sort();
        assert_eq!(names(dir.path()), expected);
        drop(staging);
    }
}
