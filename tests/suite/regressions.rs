//! Regressions: one test per defect found by trying the portal as an attacker and a careless
//! operator would (issue 15), named after the defect, its case a fixture under
//! `tests/fixtures/regressions/<test name>/` where it is a site. docs/reliability.md lists them.

#![allow(clippy::unwrap_used)]

#[allow(unused_imports)]
use crate::support::{TestSite, fixtures, stderr, stdout};

/// Issue 15, item 10: a plan whose long anchored text is aliased thousands of times expanded to
/// gigabytes in memory. Content needs no aliases: the loader refuses anchors and aliases.
#[test]
fn yaml_aliases_are_refused() {
    let site = TestSite::minimal();
    let plan = site.read("content/plans/cluj-droguri.yaml");
    // The plan of the minimal site with a 10 KB anchored header and a megabyte of notes, each
    // an alias of it: 50 MB of text once expanded.
    let long = "A".repeat(10_000);
    let mut notes = format!("header: &lung\n  \"{long}\"\nnotes:\n");
    while notes.len() < 1_000_000 {
        notes.push_str("  - {kind: alta, text: *lung}\n");
    }
    site.write("content/plans/bomba.yaml", &plan.replace("signatories:", &format!("{notes}signatories:")));
    let output = content_support::run_with_limit(&site, &["check"]);
    assert_eq!(
        stderr(&output),
        "error: YAML anchors and aliases are not allowed in content
 --> content/plans/bomba.yaml:7:9
  |
7 | header: &lung
  |         ^^^^^
  |
  = help: write the value out in full wherever it is needed; quote a text that starts with `&` or `*`

1 error
"
    );
    assert_eq!(output.status.code(), Some(1));
}

/// Issue 15, item 11: 100,000 unclosed `[` made the YAML scanner quadratic. The loader refuses
/// flow collections nested past a small depth before the YAML library sees them.
#[test]
fn unclosed_flow_brackets_do_not_hang() {
    let site = TestSite::minimal();
    let plan = site.read("content/plans/cluj-droguri.yaml");
    let (head, _) = plan.split_once("signatories:").unwrap();
    site.write("content/plans/paranteze.yaml", &format!("{head}sections: {}\n", "[".repeat(100_000)));
    let output = content_support::run_with_limit(&site, &["check"]);
    let text = stderr(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "error: lists and maps are nested more than 64 levels deep", "{text}");
    assert_eq!(lines[1], " --> content/plans/paranteze.yaml:7:75", "{text}");
    assert!(
        text.ends_with(
            "  = help: content nests a few levels at most: check that every `[` and `{` is closed\n\n1 error\n"
        ),
        "{text}"
    );
    assert_eq!(output.status.code(), Some(1));
}

/// Issue 15, item 11: 20,000 unknown names made `check` quadratic (every error searched the
/// file again for its place) and printed 20,000 errors. Places are found in one pass per file
/// and at most 20 problems are printed per file, then how many more there are.
#[test]
fn thousands_of_unknown_names_do_not_hang() {
    let site = TestSite::minimal();
    let plan = site.read("content/plans/cluj-droguri.yaml");
    let mut names = String::from("responsible:\n");
    for n in 0..20_000 {
        names.push_str(&format!("                  - Instituția necunoscută {n:05}\n"));
    }
    site.write("content/plans/cluj-droguri.yaml", &plan.replace("responsible: [CPECA Cluj, DSP, APL]\n", &names));
    let output = content_support::run_with_limit(&site, &["check"]);
    let text = stderr(&output);
    assert!(
        text.starts_with(
            "error: unknown institution `Instituția necunoscută 00000`
  --> content/plans/cluj-droguri.yaml:37:21
   |
37 |                   - Instituția necunoscută 00000
   |                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^
   |
   = help: add the name as an alias of its institution in content/institutions/
"
        ),
        "{}",
        &text[..text.len().min(2000)]
    );
    assert_eq!(text.matches("error: unknown institution").count(), 20);
    assert!(text.contains("content/plans/cluj-droguri.yaml:56:21"), "the 20th error is shown");
    assert!(
        text.ends_with("… and 19980 more errors in content/plans/cluj-droguri.yaml\n\n20000 errors\n"),
        "{}",
        &text[text.len().saturating_sub(2000)..]
    );
    assert_eq!(output.status.code(), Some(1));
}

/// Issue 15, item 13: `2024-02-30` passed as a date: months and days were checked apart.
#[test]
fn impossible_calendar_dates_are_refused() {
    let site = TestSite::minimal();
    site.overlay(&fixtures().join("regressions/impossible_calendar_dates_are_refused"));
    let output = site.run(&["check"]);
    assert_eq!(
        stderr(&output),
        "error: there is no day `2023-02-29` in the calendar
 --> content/documents/pv-cluj-napoca.md:6:7
  |
6 | date: 2023-02-29
  |       ^^^^^^^^^^
  |
  = help: check the day and the month; dates are written YYYY-MM-DD, e.g. 2022-09-29

error: there is no day `2024-02-30` in the calendar
 --> content/plans/cluj-droguri.yaml:5:7
  |
5 | date: 2024-02-30
  |       ^^^^^^^^^^
  |
  = help: check the day and the month; dates are written YYYY-MM-DD, e.g. 2022-09-29

2 errors
"
    );
    assert_eq!(output.status.code(), Some(1));
}

/// Issue 15, item 13: `con`, `aux`, `com1`… were accepted as plan and institution ids; their
/// pages could not be copied to or served from Windows.
#[test]
fn windows_device_names_are_refused_as_ids() {
    let site = TestSite::minimal();
    site.overlay(&fixtures().join("regressions/windows_device_names_are_refused_as_ids"));
    let output = site.run(&["check"]);
    assert_eq!(
        stderr(&output),
        "error: `com1` is a device name reserved by Windows, not a valid institution id
 --> content/institutions/alte.yaml:1:7
  |
1 | - id: com1
  |       ^^^^
  |
  = help: the site could not be copied to or served from Windows; add to the id, e.g. com1-1

error: the file name `con` is a device name reserved by Windows
 --> content/plans/con.yaml
  = help: the site could not be copied to or served from Windows; add to the name, e.g. con-1

2 errors
"
    );
    assert_eq!(output.status.code(), Some(1));
}

/// Issue 15, item 13: a symbolic link under `content/` was skipped without a word, so a linked
/// plan vanished from the site. Links are not followed (one could publish any file of the
/// machine), and each is now an error naming it.
#[cfg(unix)]
#[test]
fn symlinked_content_files_are_reported() {
    let site = TestSite::minimal();
    let outside = fixtures().join("regressions/symlinked_content_files_are_reported/outside/legat.yaml");
    std::os::unix::fs::symlink(&outside, site.root().join("content/plans/legat.yaml")).unwrap();
    let output = site.run(&["check"]);
    assert_eq!(
        stderr(&output),
        "error: this is a symbolic link, and symbolic links are not followed
 --> content/plans/legat.yaml
  = help: copy the file into content/ instead of linking to it

1 error
"
    );
    assert_eq!(output.status.code(), Some(1));
}

/// Issue 15, item 13: `new` checked that the target did not exist, but a dangling symbolic link
/// does not "exist", and the skeleton was written where the link pointed.
#[cfg(unix)]
#[test]
fn new_does_not_write_through_a_dangling_symlink() {
    let site = TestSite::minimal();
    let elsewhere = tempfile::tempdir().unwrap();
    let target = elsewhere.path().join("scris-aici.yaml");
    std::os::unix::fs::symlink(&target, site.root().join("content/plans/cluj-plan-droguri.yaml")).unwrap();
    let output = site.run(&["new", "plan", "--county", "cluj", "--type", "plan-droguri"]);
    assert!(!target.exists(), "the skeleton was written through the link");
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        format!(
            "error: {} is a symbolic link; `new` does not write through links, choose another --id\n",
            site.root().join("content/plans/cluj-plan-droguri.yaml").display()
        )
    );
}

/// Issue 15, item 13: `title: ~` made a plan titled `~`, and `title: ""` one without a title.
#[test]
fn null_or_empty_title_is_refused() {
    let site = TestSite::minimal();
    site.overlay(&fixtures().join("regressions/null_or_empty_title_is_refused"));
    let output = site.run(&["check"]);
    assert_eq!(
        stderr(&output),
        "error: the title is empty: expected a text
 --> content/documents/pv-cluj-napoca.md:2:1
  |
2 | title: \"\"
  | ^
  |
  = help: write the text as the document has it; `~`, `null` or nothing after the colon means no value in YAML

error: the title has no value: expected a text
 --> content/plans/cluj-droguri.yaml:1:1
  |
1 | title: ~
  | ^
  |
  = help: write the text as the document has it; `~`, `null` or nothing after the colon means no value in YAML

2 errors
"
    );
    assert_eq!(output.status.code(), Some(1));
}

/// Issue 15, item 16: a plan still holding the `COMPLETAȚI` placeholders of `planportal new`
/// passed `check` and was published. Each placeholder outside a comment is now an error.
#[test]
fn placeholders_left_by_new_are_refused() {
    let site = TestSite::minimal();
    site.overlay(&fixtures().join("regressions/placeholders_left_by_new_are_refused"));
    let output = site.run(&["check"]);
    assert_eq!(
        stderr(&output),
        "error: `COMPLETAȚI` marks a value still to fill in
  --> content/documents/pv-cluj-napoca.md:16:1
   |
16 | COMPLETAȚI: textul documentului, în Markdown.
   | ^^^^^^^^^^
   |
   = help: replace the placeholder with the text of the published document, or delete what the document does not have

error: `COMPLETAȚI` marks a value still to fill in
 --> content/plans/cluj-droguri.yaml:2:9
  |
2 | title: \"COMPLETAȚI: titlul planului, exact ca în document\"
  |         ^^^^^^^^^^
  |
  = help: replace the placeholder with the text of the published document, or delete what the document does not have

error: `COMPLETAȚI` marks a value still to fill in
  --> content/plans/cluj-droguri.yaml:35:26
   |
35 |                 period: \"COMPLETAȚI: termenul, ca în document\"  # COMPLETAȚI ca în document
   |                          ^^^^^^^^^^
   |
   = help: replace the placeholder with the text of the published document, or delete what the document does not have

3 errors
"
    );
    assert_eq!(output.status.code(), Some(1));
    // A skeleton just written by `new` is refused as a whole.
    let fresh = TestSite::minimal();
    assert!(fresh.run(&["new", "plan", "--county", "cluj", "--type", "plan-droguri"]).status.success());
    assert_eq!(fresh.run(&["check"]).status.code(), Some(1));
}

/// Issue 15, item 11, found while fixing it: every problem kept its own copy of its source line,
/// so 20,000 unknown names in one flow list (a 600 KB line) held 12 GB of copies. Problems of
/// one line now share it.
#[test]
fn problems_of_one_long_line_share_it() {
    let site = TestSite::minimal();
    let plan = site.read("content/plans/cluj-droguri.yaml");
    let names: Vec<String> = (0..20_000).map(|n| format!("Instituția necunoscută {n:05}")).collect();
    let line = format!("responsible: [{}]\n", names.join(", "));
    site.write("content/plans/cluj-droguri.yaml", &plan.replace("responsible: [CPECA Cluj, DSP, APL]\n", &line));
    let output = content_support::run_within(&site, &["check"], 1024);
    let text = stderr(&output);
    assert!(text.contains(" --> content/plans/cluj-droguri.yaml:36:31\n"), "{}", &text[..text.len().min(3000)]);
    assert!(
        text.ends_with("… and 19980 more errors in content/plans/cluj-droguri.yaml\n\n20000 errors\n"),
        "{}",
        &text[text.len().saturating_sub(2000)..]
    );
}

/// Issue 15, item 11, the same hang by another road: each unknown name was compared with every
/// known one for a "did you mean" hint, so 10,000 unknown names against 10,000 institutions cost
/// 100 million comparisons. Hints are searched for the problems that are printed.
#[test]
fn unknown_names_among_thousands_of_institutions_do_not_hang() {
    let site = TestSite::minimal();
    let plan = site.read("content/plans/cluj-droguri.yaml");
    let mut names = String::from("responsible:\n");
    let mut institutions = String::new();
    for n in 0..10_000 {
        names.push_str(&format!("                  - Instituția necunoscută {n:05}\n"));
        institutions
            .push_str(&format!("- {{id: inst-{n}, type: dsp, county: cluj, name: Direcția {n:05} a județului}}\n"));
    }
    site.write("content/plans/cluj-droguri.yaml", &plan.replace("responsible: [CPECA Cluj, DSP, APL]\n", &names));
    site.write("content/institutions/multe.yaml", &institutions);
    let output = content_support::run_with_limit(&site, &["check"]);
    let text = stderr(&output);
    assert!(
        text.starts_with(
            "error: unknown institution `Instituția necunoscută 00000`\n  --> content/plans/cluj-droguri.yaml:37:21\n"
        ),
        "{}",
        &text[..text.len().min(2000)]
    );
    assert!(
        text.ends_with("… and 9980 more errors in content/plans/cluj-droguri.yaml\n\n10000 errors\n"),
        "{}",
        &text[text.len().saturating_sub(2000)..]
    );
}

mod content_support {
    use std::process::{Command, Output, Stdio};
    use std::time::{Duration, Instant};

    use crate::support::TestSite;

    /// Runs `planportal <args> --root <site>`, killing it and failing the test if it has not
    /// finished after a minute: these tests assert that it finishes, not how fast.
    pub fn run_with_limit(site: &TestSite, args: &[&str]) -> Output {
        run_within(site, args, u64::MAX)
    }

    /// `run_with_limit`, also killing the program and failing the test when its resident memory
    /// (sampled from /proc, on Linux) passes `max_mb` megabytes.
    pub fn run_within(site: &TestSite, args: &[&str], max_mb: u64) -> Output {
        let mut child = Command::new(env!("CARGO_BIN_EXE_planportal"))
            .args(args)
            .arg("--root")
            .arg(site.root())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Drain the pipes on threads so that a chatty child never blocks on a full pipe.
        let mut out = child.stdout.take().unwrap();
        let mut err = child.stderr.take().unwrap();
        let out_thread = std::thread::spawn(move || {
            let mut buffer = Vec::new();
            std::io::Read::read_to_end(&mut out, &mut buffer).unwrap();
            buffer
        });
        let err_thread = std::thread::spawn(move || {
            let mut buffer = Vec::new();
            std::io::Read::read_to_end(&mut err, &mut buffer).unwrap();
            buffer
        });
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
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
                child.kill().unwrap();
                child.wait().unwrap();
                panic!("planportal {args:?} used {resident_mb} MB, more than {max_mb} MB");
            }
            if started.elapsed() > Duration::from_secs(60) {
                child.kill().unwrap();
                child.wait().unwrap();
                panic!("planportal {args:?} did not finish within 60 s");
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        Output { status, stdout: out_thread.join().unwrap(), stderr: err_thread.join().unwrap() }
    }
}
