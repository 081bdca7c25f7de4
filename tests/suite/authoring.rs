//! Authoring: `serve` shows edits and survives a broken edit; `new plan`
//! writes a skeleton that passes `check` once its placeholders are filled.

use crate::serving::Serve;
use crate::support::{TestSite, stderr, stdout};

#[test]
fn serve_shows_edits_and_survives_a_broken_edit() {
    let site = TestSite::minimal();
    let server = Serve::start(&site, &[]);
    let folder = server.folder().expect("serve names the folder it builds into");
    server.wait_for("/", |status, _| status == 200);
    let (_, _, home) = server.request("GET", "/");
    assert!(home.contains("/__planportal/livereload.js"), "serve must add the reload script");
    let built = std::fs::read_to_string(folder.join("index.html")).expect("serve's site");
    assert!(!built.contains("livereload"), "the script must never be written into the site");

    // Each edit is awaited as an event: the version endpoint moves on and the page shows it.
    server.await_document_edit(&site, "Paragraf adăugat la editare.");

    let plan = site.read("content/plans/cluj-droguri.yaml");
    site.write(
        "content/plans/cluj-droguri.yaml",
        &plan.replace(
            "Realizarea de campanii locale de informare",
            "Realizarea de campanii locale de informare editate",
        ),
    );
    server.wait_for("/planuri/cluj-droguri/", |_, text| text.contains("informare editate"));

    // A broken edit shows its error page while the server keeps answering; the last good site
    // stays on disk, and the next good edit recovers without a restart.
    site.write("content/plans/cluj-droguri.yaml", &plan.replace("county: cluj", "county: [cluj"));
    server.wait_for("/planuri/cluj-droguri/", |status, text| status == 500 && text.contains("cluj-droguri.yaml"));
    assert!(folder.join("planuri/cluj-droguri/index.html").exists(), "the last good site stays on disk");
    site.write("content/plans/cluj-droguri.yaml", &plan);
    server.wait_for("/planuri/cluj-droguri/", |status, text| {
        status == 200 && text.contains("Realizarea de campanii locale de informare<")
    });
    assert!(!site.root().join("public").exists(), "serve must never write into public/");
}

#[test]
fn new_plan_passes_check_once_filled_in() {
    let site = TestSite::minimal();
    let output = site.run(&["new", "plan", "--county", "ialomita", "--type", "plan-anual", "--id", "ialomita-2025"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("content/plans/ialomita-2025.yaml"));
    // Unfilled, the skeleton is not valid content: its placeholders name no source or body.
    assert_eq!(site.run(&["check"]).status.code(), Some(1));
    let skeleton = site.read("content/plans/ialomita-2025.yaml");
    let filled: String = skeleton
        .lines()
        .map(|line| {
            let mut line = line.to_owned();
            while let Some(at) = line.find("\"COMPLETAȚI") {
                let end = line[at + 1..].find('"').map_or(line.len(), |e| at + e + 2);
                let key = line.trim_start().trim_start_matches("- ").split(':').next().unwrap_or_default().to_owned();
                let value = match key.as_str() {
                    "source" => "plan-cluj.txt",
                    "issuer" => "APL",
                    _ if line[at..end].contains("instituție") => "APL",
                    _ => "Text completat de test",
                };
                line = format!("{}\"{value}\"{}", &line[..at], &line[end..]);
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(!filled.contains("\"COMPLETAȚI"), "{filled}");
    site.write("content/plans/ialomita-2025.yaml", &filled);
    let output = site.run(&["check"]);
    assert!(output.status.success(), "{}", stderr(&output));
    // The document skeleton, likewise.
    assert!(site.run(&["new", "document", "--county", "cluj", "--id", "pv-nou"]).status.success());
    let doc = site
        .read("content/documents/pv-nou.md")
        .replace("COMPLETAȚI: o instituție participantă (nume sau alias)", "CPECA Cluj")
        .replace("COMPLETAȚI: numele fișierului din content/sources/", "pv.txt")
        .replace("COMPLETAȚI", "Completat");
    site.write("content/documents/pv-nou.md", &doc);
    let output = site.run(&["check"]);
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn a_rebuild_renders_only_the_pages_that_show_what_changed() {
    use planportal::build::{Series, Settings, Source};
    let site = TestSite::bundled();
    let build = |previous: Option<&planportal::build::Built>| {
        let settings = Settings { base_url: None, series: previous.map_or(Series::First, |p| Series::After(&p.kept)) };
        planportal::build::publish(Source::Folder(site.root()), &settings, &site.root().join("public"))
            .expect("build")
            .unwrap_or_else(|d| panic!("{}", d.render()))
    };
    let first = build(None);
    assert_eq!(first.rendered, first.pages, "a first build renders every page");
    // Nothing changed: nothing is rendered again.
    let same = build(Some(&first));
    assert_eq!(same.rendered, 0);
    assert!(first.kept.shards.indexed > 0);
    assert_eq!(same.kept.shards.indexed, 0, "unchanged search records: the shards are taken from the published site");
    // One plan's activity text changes: its plan page and the pages that show that activity are
    // rendered; the others are taken from the previous build.
    let plans = site.root().join("content/plans");
    let plan_file = std::fs::read_dir(&plans).expect("plans").map(|e| e.expect("entry").path()).min().expect("a plan");
    let text = std::fs::read_to_string(&plan_file).expect("read");
    // Three plain (unquoted, single-line) texts deep in the hierarchy: activities or objectives.
    // Edited at their end: a change of their first words would be a re-pointed anchor
    // (content/anchors/), which the build refuses.
    let mut changed = 0;
    let edited: Vec<String> = text
        .lines()
        .map(|line| {
            let indent = line.len() - line.trim_start().len();
            let rest = line.trim_start().strip_prefix("text: ");
            match rest {
                Some(value)
                    if changed < 3
                        && indent >= 6
                        && !value.starts_with(['\'', '"', '|', '>'])
                        && !value.contains(": ")
                        && value.split_whitespace().count() > planportal::model::anchors::EXCERPT_WORDS =>
                {
                    changed += 1;
                    format!("{}text: {value} EDITAT", &line[..indent])
                }
                _ => line.to_owned(),
            }
        })
        .collect();
    assert_eq!(changed, 3, "three texts to edit in {}", plan_file.display());
    let edited = edited.join("\n");
    std::fs::write(&plan_file, edited).expect("write");
    let started = std::time::Instant::now();
    let after = build(Some(&same));
    println!(
        "incremental rebuild after one plan edit: {} of {} pages rendered in {:.3} s",
        after.rendered,
        after.pages,
        started.elapsed().as_secs_f64()
    );
    assert!(
        after.rendered > 0 && after.rendered < after.pages / 2,
        "{} of {} pages rendered",
        after.rendered,
        after.pages
    );
    let stem = plan_file.file_stem().expect("stem").to_string_lossy().into_owned();
    let page = site.read(&format!("public/planuri/{stem}/index.html"));
    assert!(page.contains("EDITAT"), "the edited plan page must show the edit");
    assert_eq!(after.kept.shards.indexed, first.kept.shards.indexed, "the edited records' shard is indexed again");
    // The pages taken from the previous build are there, whole, in the new site.
    let unchanged = site.read("public/planuri/index.html");
    assert!(unchanged.starts_with("<!doctype html>") && unchanged.contains("</html>"), "{unchanged}");
}

#[test]
fn build_prints_one_summary_line_and_the_stages_only_when_verbose() {
    let site = TestSite::minimal();
    let plain = stdout(&site.run(&["build"]));
    assert_eq!(plain.lines().count(), 1, "one summary line: {plain}");
    assert!(plain.starts_with("build: ") && plain.contains(" pages, ") && plain.contains(" warnings in "));
    let verbose = stdout(&site.run(&["build", "--verbose"]));
    for stage in ["load and resolve", "pages", "search", "data", "publish"] {
        assert!(verbose.lines().any(|l| l.trim_start().starts_with(stage) && l.ends_with(" s")), "{stage}: {verbose}");
    }
    assert!(verbose.contains(" pages rendered"), "{verbose}");
    assert!(stdout(&site.run(&["build", "--quiet"])).is_empty(), "--quiet prints nothing");
}
