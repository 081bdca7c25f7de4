//! Regressions: one test per defect found by trying the portal as an attacker and a careless
//! operator would (issue 15), named after the defect, its case a fixture under
//! `tests/fixtures/regressions/<test name>/` where it is a site. docs/reliability.md lists them.

#![allow(clippy::unwrap_used)]

#[allow(unused_imports)]
use crate::support::{TestSite, fixtures, stderr, stdout};

/// Issue 15, item 5: any file under `content/sources/` was published verbatim as `surse/NAME`, so
/// an `.html`, an `.svg` with `onload` or a `.js` (which passes `script-src 'self'`) was stored
/// script on the portal's own origin, and `check` said nothing. Only `.txt` is accepted, and the
/// hosts are told to serve `surse/` as plain text that no browser sniffs into HTML.
#[test]
fn sources_a_browser_could_run_are_refused() {
    let site = TestSite::minimal();
    site.overlay(&fixtures().join("regressions/sources_a_browser_could_run_are_refused"));
    let output = site.run(&["check"]);
    let hint = "  = help: sources are published as plain text: save the text as UTF-8 in a `.txt` file; a browser could run or render any other type as part of the portal\n";
    let expected: String = ["html", "js", "svg"]
        .iter()
        .map(|ext| {
            format!(
                "error: the source file `evil.{ext}` is not a `.txt` file\n --> content/sources/evil.{ext}\n{hint}\n"
            )
        })
        .collect::<String>()
        + "3 errors\n";
    assert_eq!(stderr(&output), expected);
    assert_eq!(output.status.code(), Some(1));

    // The sources that are accepted are published as .txt, and `_headers` serves them as plain
    // text, never sniffed.
    let clean = TestSite::minimal();
    assert!(clean.run(&["build", "--quiet"]).status.success());
    let published: Vec<String> = std::fs::read_dir(clean.root().join("public/surse"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!published.is_empty() && published.iter().all(|n| n.ends_with(".txt")), "{published:?}");
    let headers = clean.read("public/_headers");
    assert!(headers.contains("/surse/*\n  Content-Type: text/plain; charset=utf-8\n"), "{headers}");
    assert!(headers.contains("/*\n") && headers.contains("  X-Content-Type-Options: nosniff\n"), "{headers}");
}
