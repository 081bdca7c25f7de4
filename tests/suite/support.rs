//! A site in a temporary folder, and the `planportal` binary run on it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

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

    /// Runs `planportal <args> --root <site>`, killing it and failing the test if it has not
    /// finished after a minute: these tests assert that it finishes, not how fast.
    pub fn run_with_limit(&self, args: &[&str]) -> Output {
        self.run_within(args, u64::MAX)
    }

    /// `run_with_limit`, also killing the program and failing the test when its resident memory
    /// (sampled from /proc, on Linux) passes `max_mb` megabytes.
    pub fn run_within(&self, args: &[&str], max_mb: u64) -> Output {
        let mut child = Command::new(env!("CARGO_BIN_EXE_planportal"))
            .args(args)
            .arg("--root")
            .arg(self.root())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run planportal");
        // Drain the pipes on threads so that a chatty child never blocks on a full pipe.
        let mut out = child.stdout.take().expect("stdout");
        let mut err = child.stderr.take().expect("stderr");
        let out_thread = std::thread::spawn(move || {
            let mut buffer = Vec::new();
            std::io::Read::read_to_end(&mut out, &mut buffer).expect("read stdout");
            buffer
        });
        let err_thread = std::thread::spawn(move || {
            let mut buffer = Vec::new();
            std::io::Read::read_to_end(&mut err, &mut buffer).expect("read stderr");
            buffer
        });
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait") {
                break status;
            }
            let resident_mb = std::fs::read_to_string(format!("/proc/{}/status", child.id()))
                .ok()
                .and_then(|status| {
                    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?.to_owned();
                    line.split_whitespace().nth(1)?.parse::<u64>().ok()
                })
                .map_or(0, |kb| kb / 1024);
            if resident_mb > max_mb {
                child.kill().expect("kill");
                child.wait().expect("wait");
                panic!("planportal {args:?} used {resident_mb} MB, more than {max_mb} MB");
            }
            if started.elapsed() > Duration::from_secs(60) {
                child.kill().expect("kill");
                child.wait().expect("wait");
                panic!("planportal {args:?} did not finish within 60 s");
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        Output { status, stdout: out_thread.join().expect("stdout"), stderr: err_thread.join().expect("stderr") }
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
