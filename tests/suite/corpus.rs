//! The benchmark's synthetic corpus (`planportal-corpus`, used by `scripts/bench`): a small one
//! must be valid content and build into exactly the number of pages asked for. The generator
//! cuts the last plan to the pages left, so the tolerance is zero.

use std::path::Path;
use std::process::Command;

use crate::support::{TestSite, copy_tree, repo, stderr, stdout};

const PAGES: usize = 340;

fn generate(out: &Path) {
    let output = Command::new(env!("CARGO_BIN_EXE_planportal-corpus"))
        .args(["site", "--pages", &PAGES.to_string(), "--out"])
        .arg(out)
        .output()
        .expect("run planportal-corpus");
    assert!(output.status.success(), "planportal-corpus failed: {}", stderr(&output));
}

fn html_pages(dir: &Path) -> usize {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .filter(|e| !e.path().strip_prefix(dir).is_ok_and(|p| p.starts_with("pagefind")))
        .count()
}

#[test]
fn a_small_corpus_checks_clean_and_builds_the_pages_asked_for() {
    let empty = tempfile::tempdir().expect("temp dir");
    let site = TestSite::copy_of(empty.path());
    generate(site.root());
    copy_tree(&repo().join("themes"), &site.root().join("themes"));
    let check = site.run(&["check"]);
    assert!(check.status.success(), "check failed:\n{}", stderr(&check));
    assert!(!stderr(&check).contains("error"), "check reported errors:\n{}", stderr(&check));
    let public = site.root().join("public");
    let build = site.run(&["build", "--quiet", "--output", public.to_str().expect("utf-8 path")]);
    assert!(build.status.success(), "build failed:\n{}{}", stdout(&build), stderr(&build));
    assert_eq!(html_pages(&public), PAGES);
}

#[test]
fn the_corpus_is_the_same_bytes_every_time() {
    let (a, b) = (tempfile::tempdir().expect("temp dir"), tempfile::tempdir().expect("temp dir"));
    generate(a.path());
    generate(b.path());
    let files = |root: &Path| -> Vec<(String, Vec<u8>)> {
        walkdir::WalkDir::new(root)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let path = e.path().strip_prefix(root).expect("inside").to_string_lossy().into_owned();
                (path, std::fs::read(e.path()).expect("read"))
            })
            .collect()
    };
    assert!(files(a.path()) == files(b.path()), "two runs of planportal-corpus wrote different files");
}
