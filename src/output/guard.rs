//! Which `--output` folders a build refuses: publishing replaces the output whole, so it may
//! never be the site or its sources, and a folder planportal did not write needs `--force`.

use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result, anyhow};

use super::MARKER;

/// The site's own folders, which the build reads: the output may never be one of them.
const SOURCES: [&str; 3] = ["content", "themes", "templates"];

/// Refuses an output folder that publishing must not replace: the site folder or one that holds
/// it, the site's own folders (content/, themes/, templates/) or one inside them, whatever
/// `force` says; a file; and, unless `force`, a folder that is not empty and has no [`MARKER`].
/// Nothing is written: a refused build leaves everything as it was.
pub fn check_output(root: &Path, output: &Path, force: bool) -> Result<()> {
    const OWN: &str =
        "build into a folder of its own, such as public/ under the site (the default); --force does not change this";
    let refuse =
        |reason: &str, hint: &str| anyhow!("refusing to build into {}: {reason}\n  hint: {hint}", output.display());
    let site = resolve(root).with_context(|| format!("resolving {}", root.display()))?;
    let target = resolve(output).with_context(|| format!("resolving {}", output.display()))?;
    if site.starts_with(&target) {
        return Err(refuse(
            "it is the site folder, or holds it, and publishing would replace the site's own files",
            OWN,
        ));
    }
    if let Some(folder) = SOURCES.iter().find(|folder| target.starts_with(site.join(folder))) {
        return Err(refuse(&format!("it is the site's {folder}/ folder, or inside it, which the build reads"), OWN));
    }
    let metadata = match std::fs::metadata(output) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(error) => return Err(error).with_context(|| format!("reading {}", output.display())),
    };
    if !metadata.is_dir() {
        return Err(refuse("it is a file, not a folder", "choose a folder: publishing replaces the output whole"));
    }
    let empty = std::fs::read_dir(output).with_context(|| format!("reading {}", output.display()))?.next().is_none();
    if force || empty || output.join(MARKER).is_file() {
        return Ok(());
    }
    Err(refuse(
        &format!(
            "the folder is not empty and was not written by planportal (it has no {MARKER} file), and publishing \
             replaces it whole"
        ),
        "choose an empty or new folder, or add --force to replace this one and everything in it",
    ))
}

/// `path` made absolute with every link of its existing part resolved; the part that does not
/// exist yet is taken as written (it holds no links).
fn resolve(path: &Path) -> std::io::Result<PathBuf> {
    let mut resolved = PathBuf::new();
    for part in std::path::absolute(path)?.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                resolved.pop();
            }
            other => {
                resolved.push(other);
                if let Ok(real) = resolved.canonicalize() {
                    resolved = real;
                }
            }
        }
    }
    Ok(resolved)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::{OutputFile, publish};

    fn file(path: &str) -> OutputFile {
        OutputFile { path: path.into(), bytes: b"x".to_vec() }
    }

    #[test]
    fn an_output_that_is_or_holds_the_site_or_its_sources_is_refused() {
        let dir = tempfile::tempdir().expect("temp");
        let root = dir.path().join("site");
        std::fs::create_dir_all(root.join("content")).expect("mkdir");
        let refused = |output: &Path, force: bool| check_output(&root, output, force).is_err();
        for output in [
            root.clone(),
            dir.path().to_path_buf(),
            root.join("content"),
            root.join("content/plans/new"),
            root.join("themes/implicit"),
            root.join("templates"),
            root.join("public/../content"),
            root.join("."),
        ] {
            assert!(refused(&output, true), "{} must be refused even with --force", output.display());
        }
        assert!(!refused(&root.join("public"), false));
        assert!(!refused(&root.join("public/../out"), false));
        assert!(!refused(&dir.path().join("elsewhere/new"), false));
    }

    #[test]
    fn a_foreign_folder_needs_force_and_a_file_is_refused() {
        let dir = tempfile::tempdir().expect("temp");
        let root = dir.path().join("site");
        std::fs::create_dir_all(root.join("content")).expect("mkdir");
        let empty = dir.path().join("empty");
        std::fs::create_dir(&empty).expect("mkdir");
        assert!(check_output(&root, &empty, false).is_ok());
        let foreign = dir.path().join("foreign");
        std::fs::create_dir(&foreign).expect("mkdir");
        std::fs::write(foreign.join("notes.txt"), "x").expect("write");
        assert!(check_output(&root, &foreign, false).is_err());
        assert!(check_output(&root, &foreign, true).is_ok());
        let built = dir.path().join("built");
        publish(&built, &[file("index.html")]).expect("publish");
        assert!(check_output(&root, &built, false).is_ok(), "a site planportal wrote has the marker");
        assert!(check_output(&root, &foreign.join("notes.txt"), true).is_err());
    }
}
