//! A site in a temporary folder, and the `planportal` binary run on it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The repository root (where Cargo.toml is).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The fixture sites, `tests/fixtures/`.
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
        let site = TestSite::empty();
        fill_minimal(site.root());
        site
    }

    /// A copy of the repository's own site: config, content and themes. A test that only reads
    /// the built site takes [`bundled_built`] instead, which is built once per test process.
    pub fn bundled() -> TestSite {
        let site = TestSite::empty();
        fill_bundled(site.root());
        site
    }

    /// A copy of the site at `source`.
    // Used by corpus.rs only, which is built with `--features bench`.
    #[cfg_attr(not(feature = "bench"), allow(dead_code))]
    pub fn copy_of(source: &Path) -> TestSite {
        let site = TestSite::empty();
        copy_tree(source, site.root());
        site
    }

    fn empty() -> TestSite {
        TestSite { dir: tempfile::tempdir().expect("temp dir") }
    }

    /// The site's folder.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Copies every file of `overlay`'s `content/` over the site, replacing files of the same
    /// path.
    pub fn overlay(&self, overlay: &Path) {
        overlay_onto(self.root(), overlay);
    }

    /// Writes `text` to the site's file `relative`, making its folders.
    pub fn write(&self, relative: &str, text: &str) {
        let path = self.root().join(relative);
        std::fs::create_dir_all(path.parent().expect("has parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    /// The text of the site's file `relative`.
    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.root().join(relative)).unwrap_or_else(|e| panic!("read {relative}: {e}"))
    }

    /// Runs `planportal <args> --root <site>`.
    pub fn run(&self, args: &[&str]) -> Output {
        run_in(self.root(), args)
    }

    /// Runs `planportal <args> --root <site>`, killing it and failing the test if it has not
    /// finished after a minute: these tests assert that it finishes, not how fast.
    pub fn run_with_limit(&self, args: &[&str]) -> Output {
        self.run_within(args, u64::MAX)
    }

    /// `run_with_limit`, also killing the program and failing the test when its resident memory
    /// (sampled from /proc, on Linux) passes `max_mb` megabytes.
    pub fn run_within(&self, args: &[&str], max_mb: u64) -> Output {
        let mut child = planportal()
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

/// Runs `planportal <args> --root <root>`.
pub fn run_in(root: &Path, args: &[&str]) -> Output {
    planportal().args(args).arg("--root").arg(root).output().expect("run planportal")
}

/// The `planportal` binary with the same environment whatever the tester's: messages in English
/// (`LANG=en_US.UTF-8`), the language the suite's assertions on message texts are written in,
/// and none of the colour switches. The Romanian default is tested with every bad-input case
/// (`bad_input.rs`, `--lang ro`) and without any locale in `messages.rs` (`plain_planportal`).
pub fn planportal() -> Command {
    let mut command = plain_planportal();
    command.env("LANG", "en_US.UTF-8");
    command
}

/// The `planportal` binary without any locale variable or colour switch: a run in Romanian.
pub fn plain_planportal() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_planportal"));
    for name in LOCALE_AND_COLOUR {
        command.env_remove(name);
    }
    command
}

/// The variables that choose the language and the colour of messages.
pub const LOCALE_AND_COLOUR: [&str; 5] = ["LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR", "CLICOLOR_FORCE"];

/// Copies `tests/fixtures/minimal` and the repository's themes into `root`.
fn fill_minimal(root: &Path) {
    copy_tree(&fixtures().join("minimal"), root);
    copy_tree(&repo().join("themes"), &root.join("themes"));
}

/// Copies the repository's config, content and themes into `root`.
fn fill_bundled(root: &Path) {
    for part in ["config.toml", "content", "themes"] {
        let from = repo().join(part);
        if from.exists() {
            copy_tree(&from, &root.join(part));
        }
    }
}

/// Copies every file of `overlay`'s `content/` into `root`, replacing files of the same path.
fn overlay_onto(root: &Path, overlay: &Path) {
    for entry in walkdir::WalkDir::new(overlay).sort_by_file_name() {
        let entry = entry.expect("readable overlay");
        let relative = entry.path().strip_prefix(overlay).expect("inside overlay");
        if entry.file_type().is_file() && relative.starts_with("content") {
            let target = root.join(relative);
            std::fs::create_dir_all(target.parent().expect("has parent")).expect("mkdir");
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// A site built once per test process and shared by the tests that only read it: they must not
/// write into its folder, nor build it again.
pub struct BuiltSite {
    root: PathBuf,
    /// Every file of the built site (`public/`), by path relative to it.
    pub files: BTreeMap<String, Vec<u8>>,
}

impl BuiltSite {
    /// Fills a fresh folder named `name` with `fill`, builds it and reads the result.
    fn build(name: &str, fill: impl FnOnce(&Path)) -> BuiltSite {
        let root = shared_folder(name);
        fill(&root);
        let output = run_in(&root, &["build"]);
        assert!(output.status.success(), "build of the shared site {name} failed:\n{}", stderr(&output));
        let files = read_tree(&root.join("public"));
        BuiltSite { root, files }
    }

    /// The minimal site with the fixture folder `overlay` laid over it, built in a fresh folder
    /// named `name`: for a test module's own `OnceLock`.
    pub fn minimal_with(name: &str, overlay: &Path) -> BuiltSite {
        BuiltSite::build(name, |root| {
            fill_minimal(root);
            overlay_onto(root, overlay);
        })
    }

    /// The site's folder (content, config, themes and `public/`).
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The text of the built file `path` (relative to `public/`); fails the test if it is missing.
    pub fn page(&self, path: &str) -> String {
        let bytes = self.files.get(path).unwrap_or_else(|| panic!("the built site has no {path}"));
        String::from_utf8_lossy(bytes).into_owned()
    }
}

/// The repository's own site (config, content, themes), built once per test process.
pub fn bundled_built() -> &'static BuiltSite {
    static SITE: OnceLock<BuiltSite> = OnceLock::new();
    SITE.get_or_init(|| BuiltSite::build("bundled", fill_bundled))
}

/// The minimal site with `tests/fixtures/snapshots/` laid over it (a second county with a
/// publication, so that a comparison pair page exists), built once per test process.
pub fn snapshot_site_built() -> &'static BuiltSite {
    static SITE: OnceLock<BuiltSite> = OnceLock::new();
    SITE.get_or_init(|| {
        BuiltSite::build("snapshots", |root| {
            fill_minimal(root);
            overlay_onto(root, &fixtures().join("snapshots"));
        })
    })
}

/// The snapshot site with `tests/fixtures/places/` laid over it (a local plan of Cluj-Napoca
/// whose activity is tagged with it), built once per test process: the locality pages.
pub fn places_site_built() -> &'static BuiltSite {
    static SITE: OnceLock<BuiltSite> = OnceLock::new();
    SITE.get_or_init(|| {
        BuiltSite::build("places", |root| {
            fill_minimal(root);
            overlay_onto(root, &fixtures().join("snapshots"));
            overlay_onto(root, &fixtures().join("places"));
        })
    })
}

/// A fresh folder `<name>-<process id>` under Cargo's temporary folder for integration tests.
/// A static is never dropped, so a shared site cannot live in a `TempDir`: instead each process
/// removes the folders left by processes that have ended (known from /proc, on Linux).
fn shared_folder(name: &str) -> PathBuf {
    let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("shared-sites");
    if Path::new("/proc/self").exists()
        && let Ok(entries) = std::fs::read_dir(&base)
    {
        for entry in entries.flatten() {
            let file_name = entry.file_name();
            let pid = file_name.to_string_lossy().rsplit('-').next().map(str::to_owned).unwrap_or_default();
            if !pid.is_empty() && !Path::new("/proc").join(&pid).exists() {
                // Another process may be sweeping the same folder: a failure here is harmless.
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
    let folder = base.join(format!("{name}-{}", std::process::id()));
    if folder.exists() {
        std::fs::remove_dir_all(&folder).expect("remove an old shared site");
    }
    std::fs::create_dir_all(&folder).expect("mkdir shared site");
    folder
}

/// Every file under `root`, by path relative to it (with `/`).
pub fn read_tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.expect("entry"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e.path().strip_prefix(root).expect("inside").to_string_lossy().replace('\\', "/");
            (relative, std::fs::read(e.path()).expect("read"))
        })
        .collect()
}

/// Copies the file or folder `from` to `to`.
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

/// A program's standard output, as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A program's standard error, as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
