//! Bad input: every folder of `tests/fixtures/bad/` is laid over a copy of the minimal site and
//! checked, in Romanian and in English; the exact stderr must equal the folder's
//! `expected.ro.txt` and `expected.en.txt` and the exit code must be 1. A case may hold a
//! `config.toml`, which replaces the site's. A new case is a new folder.
//! `UPDATE_EXPECTED=1 cargo test` rewrites the expectations (read the diff before committing them).

use crate::support::{TestSite, bad_cases, fixtures, stderr};

/// The languages every case is checked in, with the file of each one's expected output.
const LANGUAGES: [(&str, &str); 2] = [("ro", "expected.ro.txt"), ("en", "expected.en.txt")];

#[test]
fn every_bad_case_reports_its_exact_errors_in_both_languages() {
    let update = std::env::var_os("UPDATE_EXPECTED").is_some();
    let cases = bad_cases();
    assert!(cases.len() >= 15, "expected the bad-input corpus, found {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().expect("name").to_string_lossy().into_owned();
        let site = TestSite::minimal();
        site.overlay(case);
        if let Ok(config) = std::fs::read_to_string(case.join("config.toml")) {
            site.write("config.toml", &config);
        }
        for (lang, file) in LANGUAGES {
            let output = site.run(&["check", "--lang", lang]);
            // Paths in messages are relative to the site root, so the output does not depend on it.
            let actual = stderr(&output);
            let expected_path = case.join(file);
            if update {
                std::fs::write(&expected_path, &actual).expect("write expected");
                continue;
            }
            let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
            if output.status.code() != Some(1) {
                failures
                    .push(format!("== {name} ({lang}): exit code {:?}, expected 1\n{actual}", output.status.code()));
            } else if actual != expected {
                failures.push(format!(
                    "== {name} ({lang}): stderr differs\n--- expected\n{expected}\n--- actual\n{actual}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{} bad cases failed (of {}):\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn minimal_site_checks_clean() {
    let site = TestSite::minimal();
    let output = site.run(&["check"]);
    assert_eq!(stderr(&output), "");
    assert!(output.status.success());
}

#[test]
fn errors_of_several_files_are_reported_in_one_run() {
    let site = TestSite::minimal();
    site.overlay(&fixtures().join("bad/many-errors"));
    let text = stderr(&site.run(&["check"]));
    for place in [
        "content/documents/pv-cluj-napoca.md:3:1",
        "content/institutions/cluj.yaml:11:7",
        "content/plans/cluj-droguri.yaml:3:9",
        "content/plans/cluj-droguri.yaml:36:43",
    ] {
        assert!(text.contains(place), "missing {place} in:\n{text}");
    }
    assert!(text.ends_with("4 errors\n"), "{text}");
}
