//! Reliability: a failed build leaves the published site byte-identical, output is the same at
//! one and two threads, hostile text in every field ends up inert in the pages.

use crate::site::{build, read_tree};
use crate::support::{TestSite, stderr};

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
