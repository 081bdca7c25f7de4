//! Fuzz target: one input is a whole small site, built in memory by `build::build_site` (from a
//! `Source::Memory`) through every stage of `planportal build`: loading, resolution, indexes, every page rendered
//! and minified, search records and the Pagefind index, sitemaps, sources and the open-data
//! exports (CSV, JSON, data package).
//!
//! The input is cut at lines `=====` into sections, which replace the files of the minimal test
//! site in this order: the plan, the document, the framework, the institutions, the counties,
//! `config.toml`; any further sections are extra plans (`content/plans/extra-N.yaml`), so that
//! plans of several counties meet on the comparison pages. Files the input does not reach stay
//! those of the minimal site, so a short input changes the plan alone.
//!
//! Content problems are expected (the build reports them and stops). Findings are a panic, an
//! abort, a timeout or running out of memory in planportal; a build that fails with an error that
//! is not a content report (a build of content memory holds can fail only on the content: nothing
//! else is read but the theme); and a file whose path the disk would refuse (a name over 255
//! bytes), which the in-memory sink cannot notice by itself.

#![no_main]

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use planportal::build::{Settings, Source, build_site};
use planportal::output::MemorySink;

/// The files the sections of an input replace, in order; further sections are extra plans.
const SLOTS: [&str; 6] = [
    "content/plans/cluj-droguri.yaml",
    "content/documents/pv-cluj-napoca.md",
    "content/frameworks/sna.yaml",
    "content/institutions/cluj.yaml",
    "content/counties.yaml",
    "config.toml",
];

/// The line between two sections.
const SEPARATOR: &[u8] = b"\n=====\n";

/// Longest file or folder name that common file systems (ext4, NTFS, APFS) accept, in bytes.
const MAX_NAME_BYTES: usize = 255;

/// The repository root: the theme is read from its `themes/`.
static ROOT: LazyLock<PathBuf> = LazyLock::new(|| Path::new(env!("CARGO_MANIFEST_DIR")).join(".."));

/// Every file of the minimal site, as (path from the site root, bytes).
static SITE: LazyLock<Vec<(String, Vec<u8>)>> = LazyLock::new(|| {
    let root = ROOT.join("tests/fixtures/minimal");
    let mut files = vec![("config.toml".to_owned(), std::fs::read(root.join("config.toml")).expect("config.toml"))];
    collect(&root, &root.join("content"), &mut files);
    assert!(files.len() > 5, "the minimal site was not found under {}", root.display());
    files
});

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, Vec<u8>)>) {
    for entry in std::fs::read_dir(dir).expect("read the minimal site") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            collect(root, &path, files);
        } else {
            let relative = path.strip_prefix(root).expect("inside the site").to_string_lossy().replace('\\', "/");
            files.push((relative, std::fs::read(&path).expect("read a fixture file")));
        }
    }
}

/// The input cut at every separator line.
fn sections(data: &[u8]) -> Vec<&[u8]> {
    let mut sections = Vec::new();
    let mut rest = data;
    while let Some(at) = rest.windows(SEPARATOR.len()).position(|w| w == SEPARATOR) {
        sections.push(&rest[..at + 1]);
        rest = &rest[at + SEPARATOR.len()..];
    }
    sections.push(rest);
    sections
}

fuzz_target!(|data: &[u8]| {
    let sections = sections(data);
    let extra: Vec<String> =
        (1..sections.len().saturating_sub(SLOTS.len() - 1)).map(|n| format!("content/plans/extra-{n}.yaml")).collect();
    let paths: Vec<&str> = SLOTS.iter().copied().chain(extra.iter().map(String::as_str)).collect();
    let mut files: Vec<(&str, &[u8])> = SITE
        .iter()
        .filter(|(path, _)| !paths[..sections.len()].contains(&path.as_str()))
        .map(|(path, bytes)| (path.as_str(), bytes.as_slice()))
        .collect();
    files.extend(paths.iter().copied().zip(sections));
    let sink = MemorySink::default();
    match build_site(Source::Memory { files: &files, themes: &ROOT }, &Settings::default(), &sink) {
        Ok(Ok(built)) => {
            let _ = built.warnings.render();
        }
        // Content problems, reported with their place: the build is right to stop.
        Ok(Err(diagnostics)) => {
            let _ = diagnostics.render();
            return;
        }
        Err(error) => panic!("the build failed without a content report: {error:#}"),
    }
    for file in sink.into_files() {
        if let Some(name) = file.path.split('/').find(|name| name.len() > MAX_NAME_BYTES) {
            panic!("{} has a name of {} bytes, which no file system accepts: {name}", file.path, name.len());
        }
    }
});
