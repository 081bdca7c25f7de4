//! The last stage: the files made in memory are written into a fresh folder beside the output
//! folder, which replaces the published one only once everything is written. A failed build
//! (bad content, a template error, a full disk) leaves the published site as it was.

use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result, bail};
use rayon::prelude::*;

/// A file of the site: its path relative to the output root (`/`-separated) and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Writes `files` as the new content of `output`, atomically as far as the file system allows:
/// everything goes to `<output>.tmp-<pid>` first; then the old folder is moved aside, the new one
/// moved in, and the old one removed.
pub fn publish(output: &Path, files: &[OutputFile]) -> Result<()> {
    check_paths(files)?;
    let parent = output.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
    let name = output.file_name().context("the output path has no folder name")?.to_string_lossy().into_owned();
    let staging = parent.join(format!("{name}.tmp-{}", std::process::id()));
    let retired = parent.join(format!("{name}.old-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&staging);
    let written = write_all(&staging, files);
    if let Err(error) = written {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(error);
    }
    swap(&staging, output, &retired)
}

fn write_all(staging: &Path, files: &[OutputFile]) -> Result<()> {
    let mut dirs: Vec<PathBuf> =
        files.iter().filter_map(|f| Path::new(&f.path).parent().map(|p| staging.join(p))).collect();
    dirs.sort();
    dirs.dedup();
    std::fs::create_dir_all(staging).with_context(|| format!("creating {}", staging.display()))?;
    for dir in dirs {
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    files.par_iter().try_for_each(|file| {
        let path = staging.join(&file.path);
        std::fs::write(&path, &file.bytes).with_context(|| format!("writing {}", path.display()))
    })
}

fn swap(staging: &Path, output: &Path, retired: &Path) -> Result<()> {
    let had_output = output.exists();
    if had_output {
        std::fs::rename(output, retired).with_context(|| format!("moving {} aside", output.display()))?;
    }
    if let Err(error) = std::fs::rename(staging, output) {
        if had_output {
            let _ = std::fs::rename(retired, output);
        }
        return Err(error).with_context(|| format!("moving the new site into {}", output.display()));
    }
    if had_output {
        std::fs::remove_dir_all(retired).with_context(|| format!("removing {}", retired.display()))?;
    }
    Ok(())
}

/// Every path must stay inside the output folder and be unique.
fn check_paths(files: &[OutputFile]) -> Result<()> {
    let mut seen = std::collections::HashSet::new();
    for file in files {
        let path = Path::new(&file.path);
        let safe = !file.path.is_empty() && path.components().all(|c| matches!(c, Component::Normal(_)));
        if !safe {
            bail!("refusing to write `{}`: the path leaves the output folder", file.path);
        }
        if !seen.insert(file.path.as_str()) {
            bail!("two outputs map to the same path `{}`", file.path);
        }
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
        assert!(check_paths(&[file("../x")]).is_err());
        assert!(check_paths(&[file("/etc/x")]).is_err());
        assert!(check_paths(&[file("")]).is_err());
        assert!(check_paths(&[file("a/b.html"), file("a/b.html")]).is_err());
        assert!(check_paths(&[file("a/b.html"), file("a/c.html")]).is_ok());
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
