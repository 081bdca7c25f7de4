//! Reliability: a failed build leaves the published site byte-identical, output is the same at
//! one and two threads, hostile text in every field ends up inert in the pages, pasted byte-order
//! marks and CRLF line ends change nothing, limits and unsafe names are refused, and the in-memory
//! loader the fuzz targets use (`fuzz/`, docs/reliability.md) reads content as the disk loader does.

use std::path::Path;

use planportal::build::{Settings, Source, build_site};
use planportal::diagnostics::Diagnostics;
use planportal::load::{self, MAX_FILE_BYTES};
use planportal::output::{MemorySink, OutputFile};

use crate::site::{build, read_tree};
use crate::support::{TestSite, bad_cases, stderr};

#[test]
fn a_build_that_fails_midway_leaves_the_published_site_untouched() {
    let site = TestSite::minimal();
    let before = build(&site);
    // A site-local template that fails while rendering: loading and resolving succeed, then
    // rendering stops the build in the middle.
    site.write(
        "templates/county.html",
        "{% extends \"base.html\" %}{% block main %}{{ data.county.nothing.at_all }}{% endblock main %}",
    );
    let output = site.run(&["build"]);
    assert_eq!(output.status.code(), Some(2), "a template error is a failure of the program: {}", stderr(&output));
    assert!(stderr(&output).contains("county.html"), "{}", stderr(&output));
    assert_eq!(read_tree(&site.root().join("public")), before, "the published site must be byte-identical");
    // Bad content stops the build before anything is written.
    std::fs::remove_file(site.root().join("templates/county.html")).expect("remove");
    site.write("content/plans/rupt.yaml", "title: [");
    let output = site.run(&["build"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("nothing was written"), "{}", stderr(&output));
    assert_eq!(read_tree(&site.root().join("public")), before);
    let leftovers: Vec<String> = std::fs::read_dir(site.root())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("public."))
        .collect();
    assert!(leftovers.is_empty(), "temporary folders left behind: {leftovers:?}");
}

#[test]
fn output_is_identical_at_one_and_two_threads() {
    let site = TestSite::bundled();
    let run = |threads: &str, out: &str| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_planportal"))
            .args(["build", "--root"])
            .arg(site.root())
            .arg("--output")
            .arg(site.root().join(out))
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .expect("run");
        assert!(output.status.success(), "{}", stderr(&output));
        read_tree(&site.root().join(out))
    };
    let one = run("1", "out-1");
    let two = run("2", "out-2");
    assert_eq!(one.keys().collect::<Vec<_>>(), two.keys().collect::<Vec<_>>());
    for (path, bytes) in &one {
        assert!(two[path] == *bytes, "{path} differs between 1 and 2 threads");
    }
}

const HOSTILE: &str = "<script>alert(1)</script><img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">x</a><SCRIPT>alert(4)</SCRIPT>";

#[test]
fn hostile_html_in_every_text_field_is_inert_in_every_page() {
    let site = TestSite::minimal();
    let plan = site.read("content/plans/cluj-droguri.yaml");
    let hostile_yaml = format!("'{HOSTILE}'");
    let mut poisoned = String::new();
    for line in plan.lines() {
        // Every text value of the plan: title, level names, texts, indicators, names, notes.
        let replaced = ["title: ", "text: ", "level: ", "period: 2022-2026", "evaluation: ", "name: ", "role: "]
            .iter()
            .find(|key| line.trim_start().starts_with(**key) || line.trim_start().starts_with(&format!("- {key}")))
            .map(|key| {
                let indent = &line[..line.len() - line.trim_start().len()];
                let dash = if line.trim_start().starts_with("- ") { "- " } else { "" };
                let key = key.split(' ').next().unwrap_or(key);
                format!("{indent}{dash}{key} {hostile_yaml}")
            });
        poisoned.push_str(&replaced.unwrap_or_else(|| line.to_owned()));
        poisoned.push('\n');
    }
    let poisoned = poisoned.replace("indicators: [număr campanii]", &format!("indicators: [{hostile_yaml}]"));
    site.write("content/plans/cluj-droguri.yaml", &poisoned);
    let document = site.read("content/documents/pv-cluj-napoca.md");
    site.write(
        "content/documents/pv-cluj-napoca.md",
        &format!("{document}\n{HOSTILE}\n\n<p onclick=\"alert(5)\">p</p>\n"),
    );
    site.write(
        "content/institutions/rau.yaml",
        &format!("- id: rau\n  type: dsp\n  name: {hostile_yaml}\n  note: {hostile_yaml}\n"),
    );
    let files = build(&site);
    let plan_page = String::from_utf8_lossy(&files["planuri/cluj-droguri/index.html"]).into_owned();
    let parsed = scraper::Html::parse_document(&plan_page);
    let h1: String = parsed.select(&scraper::Selector::parse("h1").expect("selector")).flat_map(|e| e.text()).collect();
    assert!(h1.contains("<script>alert(1)</script>"), "the hostile title must be shown as text, got {h1:?}");
    let mut live = Vec::new();
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = scraper::Html::parse_document(&String::from_utf8_lossy(bytes));
        for element in html.select(&scraper::Selector::parse("*").expect("selector")) {
            let name = element.value().name();
            if name == "script" {
                let src = element.value().attr("src").unwrap_or_default();
                let kind = element.value().attr("type").unwrap_or_default();
                let inline_text = element.text().collect::<String>();
                if kind == "application/ld+json" {
                    // Data, never run: it must still be whole JSON, i.e. no text broke out of it.
                    if serde_json::from_str::<serde_json::Value>(&inline_text).is_err() {
                        live.push(format!("{path}: JSON-LD broken open"));
                    }
                } else if src.is_empty() || !inline_text.trim().is_empty() {
                    live.push(format!("{path}: inline script"));
                }
            }
            for (attr, value) in element.value().attrs() {
                if attr.to_ascii_lowercase().starts_with("on") {
                    live.push(format!("{path}: <{name} {attr}>"));
                }
                if matches!(attr, "href" | "src") && value.trim().to_ascii_lowercase().starts_with("javascript:") {
                    live.push(format!("{path}: {attr}={value}"));
                }
            }
        }
    }
    assert!(live.is_empty(), "live script found:\n{}", live.join("\n"));
}

/// Authors paste from Word and save with Windows editors: a byte-order mark and CRLF line ends are
/// ordinary input, accepted silently, and the published site is byte-identical to the LF one.
#[test]
fn a_byte_order_mark_and_crlf_line_ends_build_the_same_site() {
    let plain = TestSite::minimal();
    let windows = TestSite::minimal();
    for entry in walkdir::WalkDir::new(windows.root().join("content")) {
        let entry = entry.expect("entry");
        let is_text = entry.path().extension().is_some_and(|e| e == "yaml" || e == "md");
        if entry.file_type().is_file() && is_text {
            let text = std::fs::read_to_string(entry.path()).expect("read");
            let converted = format!("\u{feff}{}", text.replace('\n', "\r\n"));
            std::fs::write(entry.path(), converted).expect("write");
        }
    }
    let output = windows.run(&["check"]);
    assert_eq!(stderr(&output), "");
    assert!(output.status.success());
    let (plain, windows) = (build(&plain), build(&windows));
    assert_eq!(plain.keys().collect::<Vec<_>>(), windows.keys().collect::<Vec<_>>());
    for (path, bytes) in &plain {
        assert!(windows[path] == *bytes, "{path} differs between LF and BOM + CRLF content");
    }
}

/// The limit is checked before reading, so a huge file costs neither memory nor time; a file of
/// exactly the limit is still read. (Too large to keep as a fixture: the files are made here.)
#[test]
fn a_file_over_the_size_limit_is_refused_naming_the_file_and_the_limit() {
    let site = TestSite::minimal();
    let limit = usize::try_from(MAX_FILE_BYTES).expect("fits");
    std::fs::write(site.root().join("content/sources/la-limita.txt"), vec![b'a'; limit]).expect("write");
    std::fs::write(site.root().join("content/sources/peste-limita.txt"), vec![b'a'; limit + 1]).expect("write");
    let output = site.run(&["check"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!(
            "error: the file is {} bytes, more than the limit of {limit} bytes\n\
             --> content/sources/peste-limita.txt\n = help: split the content into several files\n\n1 error\n",
            limit + 1
        )
    );
}

/// Sources are published as `surse/NAME`. Names Windows reserves for devices, and names that
/// differ only in letter case (one file on a case-insensitive disk), are refused. Checked in
/// memory: such files cannot even be made on some systems.
#[test]
fn source_names_reserved_by_windows_or_clashing_in_case_are_refused() {
    let files: Vec<(&str, &[u8])> = vec![
        ("content/sources/nul.txt", b"x"),
        ("content/sources/CON", b"x"),
        ("content/sources/com1.pdf.txt", b"x"),
        ("content/sources/console.txt", b"x"),
        ("content/sources/com10.txt", b"x"),
        ("content/sources/PV.txt", b"x"),
        ("content/sources/pv.txt", b"x"),
    ];
    let mut diagnostics = Diagnostics::default();
    let content = load::load_content_from_memory(&files, &mut diagnostics);
    // Only the sources are given: the required files' absence is reported too, and not asked about.
    let messages: Vec<String> = diagnostics
        .sorted()
        .into_iter()
        .filter(|d| d.path.starts_with("content/sources/"))
        .map(|d| format!("{}: {}", d.path, d.message.text(planportal::messages::Lang::En)))
        .collect();
    assert_eq!(
        messages,
        [
            "content/sources/CON: the source file name `CON` is a device name reserved by Windows",
            "content/sources/com1.pdf.txt: the source file name `com1.pdf.txt` is a device name reserved by Windows",
            "content/sources/nul.txt: the source file name `nul.txt` is a device name reserved by Windows",
            "content/sources/pv.txt: the source name `pv.txt` is already taken by content/sources/PV.txt",
        ]
    );
    assert_eq!(content.sources.keys().collect::<Vec<_>>(), ["PV.txt", "com10.txt", "console.txt"]);
}

/// The fuzz targets `load_plan` and `load_document` parse content in memory; this keeps them
/// faithful to `check`: for the minimal site and every bad case, both loaders report the same
/// problems.
#[test]
fn the_in_memory_loader_of_the_fuzz_targets_reports_what_the_disk_loader_reports() {
    let cases = bad_cases();
    let mut differences = Vec::new();
    for case in std::iter::once(None).chain(cases.iter().map(Some)) {
        let site = TestSite::minimal();
        if let Some(case) = case {
            site.overlay(case);
        }
        let from_disk = load_and_resolve(|d| load::load_content(site.root(), d));
        let files = content_files(site.root());
        let in_memory = load_and_resolve(|d| {
            let borrowed: Vec<(&str, &[u8])> = files.iter().map(|(p, b)| (p.as_str(), b.as_slice())).collect();
            load::load_content_from_memory(&borrowed, d)
        });
        if from_disk != in_memory {
            let name = case.map_or("minimal".into(), |c| c.display().to_string());
            differences.push(format!("== {name}\n--- disk\n{from_disk}\n--- memory\n{in_memory}"));
        }
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

fn load_and_resolve(load: impl FnOnce(&mut Diagnostics) -> load::RawContent) -> String {
    let mut diagnostics = Diagnostics::default();
    let raw = load(&mut diagnostics);
    let site = planportal::model::resolve(raw, &mut diagnostics);
    format!("{} plans, {} documents\n{}", site.plans.len(), site.documents.len(), diagnostics.render())
}

/// The content files of a site as (path from the root with `/`, bytes), hidden files left out as
/// the disk loader leaves them out.
fn content_files(root: &Path) -> Vec<(String, Vec<u8>)> {
    crate::site::read_tree(&root.join("content"))
        .into_iter()
        .filter(|(path, _)| !path.split('/').any(|part| part.starts_with('.')))
        .map(|(path, bytes)| (format!("content/{path}"), bytes))
        .collect()
}

#[test]
fn search_records_made_shard_by_shard_are_the_records_of_the_site() {
    let site = TestSite::bundled();
    let loaded = planportal::build::load(planportal::build::Source::Folder(site.root()))
        .unwrap_or_else(|d| panic!("{}", d.render()));
    let index = planportal::model::index::Index::build(&loaded.site);
    let records = planportal::search::Records::new(&loaded.site, &index);
    let all = records.range(0..records.len());
    // One record per plan, specific objective, activity, institution and document, and one per
    // paragraph of a document's body (with the list items after it), landing on the paragraph.
    let model = &loaded.site;
    let objectives: usize = index.objectives.iter().map(Vec::len).sum();
    let activities: usize = index.objectives.iter().flatten().map(|o| o.objective.activities.len()).sum();
    let passages: Vec<String> = model
        .documents
        .iter()
        .flat_map(|d| {
            let passages = planportal::markdown::passages(&d.body);
            passages.into_iter().filter(|p| !p.in_list).map(move |p| format!("documente/{}/#{}", d.id, p.id))
        })
        .collect();
    assert!(passages.len() > 40, "the minutes have {} paragraphs", passages.len());
    let expected =
        model.plans.len() + objectives + activities + model.institutions.len() + model.documents.len() + passages.len();
    let urls: Vec<&str> = all.iter().map(|r| r.url.as_str()).collect();
    for url in &passages {
        assert!(urls.contains(&url.as_str()), "no search record lands on {url}");
    }
    assert_eq!(all.len(), expected);
    assert_eq!(records.len(), expected);
    assert!(all[0].url.starts_with("planuri/") && all[expected - 1].url.starts_with("documente/"));
    for size in [1, 7, 1000] {
        let pieces: Vec<_> = (0..expected.div_ceil(size))
            .flat_map(|n| records.range(n * size..((n + 1) * size).min(expected)))
            .collect();
        assert!(pieces == all, "records made in shards of {size} differ from the whole");
    }
}

/// The fuzz target `build_site` builds sites held in memory (`build::Source::Memory`); this
/// keeps it faithful to `planportal build`: for the minimal site the files are byte-identical
/// (nothing in them depends on where the site is: pages link with the configured base path), and
/// for every bad case, and a required file missing, the report is the same.
#[test]
fn the_in_memory_build_of_the_fuzz_target_makes_what_the_disk_build_makes() {
    let minimal = TestSite::minimal();
    let (from_disk, in_memory) = build_both_ways(&minimal);
    let (Ok(from_disk), Ok(in_memory)) = (from_disk, in_memory) else { panic!("the minimal site must build") };
    assert!(from_disk.len() > 20, "only {} files", from_disk.len());
    let paths = |files: &[OutputFile]| files.iter().map(|f| f.path.clone()).collect::<Vec<_>>();
    assert_eq!(paths(&from_disk), paths(&in_memory));
    let differing: Vec<&str> =
        from_disk.iter().zip(&in_memory).filter(|(a, b)| a.bytes != b.bytes).map(|(a, _)| a.path.as_str()).collect();
    assert!(differing.is_empty(), "files that differ: {differing:?}");

    let mut differences = Vec::new();
    let missing = TestSite::minimal();
    std::fs::remove_file(missing.root().join("content/themes.yaml")).expect("remove");
    let bad = bad_cases().into_iter().map(|case| {
        let site = TestSite::minimal();
        site.overlay(&case);
        (case.display().to_string(), site)
    });
    for (name, site) in std::iter::once(("themes.yaml missing".to_owned(), missing)).chain(bad) {
        match build_both_ways(&site) {
            (Err(disk), Err(memory)) if disk == memory => {}
            (Ok(_), Ok(_)) => {}
            (from_disk, in_memory) => differences.push(format!(
                "== {name}\n--- disk\n{}\n--- memory\n{}",
                from_disk.map_or_else(|r| r, |f| format!("{} files", f.len())),
                in_memory.map_or_else(|r| r, |f| format!("{} files", f.len())),
            )),
        }
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

/// The site built by `build_site` from disk and from its files read into memory: the files
/// made, or the report of content problems.
fn build_both_ways(site: &TestSite) -> (Result<Vec<OutputFile>, String>, Result<Vec<OutputFile>, String>) {
    let from_disk = MemorySink::default();
    let disk_report =
        build_site(Source::Folder(site.root()), &Settings::default(), &from_disk).expect("no machine failure");
    let mut files = content_files(site.root());
    files.push(("config.toml".into(), std::fs::read(site.root().join("config.toml")).expect("config")));
    let borrowed: Vec<(&str, &[u8])> = files.iter().map(|(p, b)| (p.as_str(), b.as_slice())).collect();
    let in_memory = MemorySink::default();
    let memory = Source::Memory { files: &borrowed, themes: site.root() };
    let memory_report = build_site(memory, &Settings::default(), &in_memory).expect("no machine failure");
    (
        disk_report.map(|_| from_disk.into_files()).map_err(|d| d.render()),
        memory_report.map(|_| in_memory.into_files()).map_err(|d| d.render()),
    )
}
