//! A site in a temporary folder, and the `planportal` binary run on it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root (where Cargo.toml is).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixtures() -> PathBuf {
    repo().join("tests/fixtures")
}

/// The folders of the bad-input corpus, `tests/fixtures/bad/<case>/`, in name order.
pub fn bad_cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(fixtures().join("bad"))
        .expect("bad fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    cases
}

/// A copy of a site in a temporary folder, removed when dropped.
pub struct TestSite {
    dir: tempfile::TempDir,
}

impl TestSite {
    /// A copy of `tests/fixtures/minimal`, with the repository's themes.
    pub fn minimal() -> TestSite {
        let site = TestSite::copy_of(&fixtures().join("minimal"));
        copy_tree(&repo().join("themes"), &site.root().join("themes"));
        site
    }

    /// A copy of the repository's own site: config, content and themes.
    pub fn bundled() -> TestSite {
        let site = TestSite { dir: tempfile::tempdir().expect("temp dir") };
        for part in ["config.toml", "content", "themes"] {
            let from = repo().join(part);
            if from.exists() {
                copy_tree(&from, &site.root().join(part));
            }
        }
        site
    }

    pub fn copy_of(source: &Path) -> TestSite {
        let site = TestSite { dir: tempfile::tempdir().expect("temp dir") };
        copy_tree(source, site.root());
        site
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Copies every file of `overlay` over the site, replacing files of the same path.
    pub fn overlay(&self, overlay: &Path) {
        for entry in walkdir::WalkDir::new(overlay).sort_by_file_name() {
            let entry = entry.expect("readable overlay");
            let relative = entry.path().strip_prefix(overlay).expect("inside overlay");
            if entry.file_type().is_file() && relative.starts_with("content") {
                let target = self.root().join(relative);
                std::fs::create_dir_all(target.parent().expect("has parent")).expect("mkdir");
                std::fs::copy(entry.path(), target).expect("copy");
            }
        }
    }

    pub fn write(&self, relative: &str, text: &str) {
        let path = self.root().join(relative);
        std::fs::create_dir_all(path.parent().expect("has parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.root().join(relative)).unwrap_or_else(|e| panic!("read {relative}: {e}"))
    }

    /// Runs `planportal <args> --root <site>`.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_planportal"))
            .args(args)
            .arg("--root")
            .arg(self.root())
            .output()
            .expect("run planportal")
    }
}

pub fn copy_tree(from: &Path, to: &Path) {
    if from.is_file() {
        std::fs::create_dir_all(to.parent().expect("has parent")).expect("mkdir");
        std::fs::copy(from, to).expect("copy");
        return;
    }
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("readable");
        let target = to.join(entry.path().strip_prefix(from).expect("inside"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
