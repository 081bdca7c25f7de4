//! Anchors that never move (issue 18, point 4): inserting a measure with its own id moves no
//! published anchor; `check` catches an anchor that would lead to another item, or that is gone;
//! a corrected item keeps its old anchor on its pages (`previous_ids`).

use std::collections::BTreeMap;

use scraper::{Html, Selector};

use crate::support::{TestSite, bundled_built, stderr, stdout};

const IALOMITA: &str = "content/plans/ialomita-plan-actiune-servicii-sociale-2024.yaml";
const IALOMITA_PAGE: &str = "planuri/ialomita-plan-actiune-servicii-sociale-2024/index.html";
const CLUJ: &str = "content/plans/cluj-droguri-2022-2026.yaml";

/// Every item anchor of a plan page, with the text of what it leads to: a section's, goal's or
/// objective's heading, an activity's heading and text.
fn anchor_texts(html: &str) -> BTreeMap<String, String> {
    let page = Html::parse_document(html);
    let items = Selector::parse("section.group, section.goal, section.objective, article.activity").expect("selector");
    let own = Selector::parse(":scope > h2, :scope > h3, :scope > h4, :scope > h5, :scope > h6, :scope > p.text")
        .expect("selector");
    page.select(&items)
        .filter_map(|item| {
            let id = item.value().attr("id")?.to_owned();
            let text: Vec<String> = item.select(&own).map(|e| e.text().collect::<String>()).collect();
            Some((id, text.join(" | ")))
        })
        .collect()
}

#[test]
fn inserting_a_measure_with_its_own_id_moves_no_anchor() {
    let before = anchor_texts(&bundled_built().page(IALOMITA_PAGE));
    assert!(before.contains_key("os-i-1-m1") && before.len() > 50, "{before:?}");
    let site = TestSite::bundled();
    let plan = site.read(IALOMITA);
    let first = "        activities:\n          - id: os-i-1-m1\n";
    assert!(plan.contains(first));
    let inserted = "        activities:\n          - id: os-i-1-nou\n            text: O măsură inserată\n          - id: os-i-1-m1\n";
    site.write(IALOMITA, &plan.replacen(first, inserted, 1));
    let output = site.run(&["check"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(site.run(&["build", "--quiet"]).status.success());
    let after = anchor_texts(&site.read(&format!("public/{IALOMITA_PAGE}")));
    for (anchor, text) in &before {
        assert_eq!(after.get(anchor), Some(text), "the anchor #{anchor} moved");
    }
    assert!(after["os-i-1-nou"].contains("O măsură inserată"));
    assert_eq!(after.len(), before.len() + 1);
}

#[test]
fn swapping_two_ids_is_caught_as_a_repointed_anchor() {
    let site = TestSite::bundled();
    let plan = site.read(IALOMITA);
    let swapped = plan
        .replacen("- id: os-i-1-m1\n", "- id: SWAP\n", 1)
        .replacen("- id: os-i-1-m2\n", "- id: os-i-1-m1\n", 1)
        .replacen("- id: SWAP\n", "- id: os-i-1-m2\n", 1);
    site.write(IALOMITA, &swapped);
    let output = site.run(&["check"]);
    assert_eq!(output.status.code(), Some(1));
    let errors = stderr(&output);
    for expected in [
        "error: the published anchor `os-i-1-m1` led to „Contractarea lucrărilor pentru construcția Centrului de Recuperare pentru…” (content/anchors/ialomita-plan-actiune-servicii-sociale-2024.yaml), and would now lead to this item, „Înființarea de centre de zi pentru copii aflați…”",
        "error: the published anchor `os-i-1-m2` led to „Înființarea de centre de zi pentru copii aflați…”",
        "if this is another item, give it its own `id:` and give the recorded item `id: os-i-1-m1`",
        "2 errors",
    ] {
        assert!(errors.contains(expected), "missing {expected:?} in:\n{errors}");
    }
    // The build refuses it too: a moved link is never published.
    assert_eq!(site.run(&["build", "--quiet"]).status.code(), Some(1));
}

#[test]
fn a_corrected_number_keeps_its_old_anchor_once_recorded() {
    let site = TestSite::bundled();
    let plan = site.read(CLUJ);
    let printed = "                  - number: \"1.1.1.\"\n";
    assert!(plan.contains(printed));
    // A transcription error corrected: without previous_ids, the old anchor is gone.
    site.write(CLUJ, &plan.replacen(printed, "                  - number: \"1.1.9.\"\n", 1));
    let errors = stderr(&site.run(&["check"]));
    assert!(
        errors.contains("error: the published anchor `a-1-1-1` led to 1.1.1. „Realizarea de proiecte/campanii locale de informare, conștientizare a…”, and no item of the plan has it now"),
        "{errors}"
    );
    assert!(errors.contains("add `previous_ids: [a-1-1-1]` to it"), "{errors}");
    assert!(errors.contains("content/anchors/cluj-droguri-2022-2026.yaml:"), "{errors}");
    assert_eq!(site.run(&["anchors", "--record"]).status.code(), Some(1), "recording must not drop an anchor");
    // With previous_ids, the anchor leads to the same item, of a corrected number: record again.
    let kept = "                  - number: \"1.1.9.\"\n                    previous_ids: [a-1-1-1]\n";
    site.write(CLUJ, &plan.replacen(printed, kept, 1));
    let errors = stderr(&site.run(&["check"]));
    assert!(errors.contains("record again: planportal anchors --record"), "{errors}");
    let output = site.run(&["anchors", "--record"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("anchors: "), "{}", stdout(&output));
    let record = site.read("content/anchors/cluj-droguri-2022-2026.yaml");
    assert!(record.contains("\na-1-1-1: {number: \"1.1.9.\", text: \"Realizarea de proiecte"), "{record}");
    assert!(site.run(&["check"]).status.success());
    assert!(site.run(&["build", "--quiet"]).status.success());
    // The old anchor is an element inside the item, on the plan page and on the objective page.
    for page in ["planuri/cluj-droguri-2022-2026/index.html", "planuri/cluj-droguri-2022-2026/os-1-1/index.html"] {
        let html = Html::parse_document(&site.read(&format!("public/{page}")));
        let old = Selector::parse("article#a-1-1-9 #a-1-1-1").expect("selector");
        assert_eq!(html.select(&old).count(), 1, "{page}");
    }
    // The open data names the old anchor beside the new, so that a data user can follow it too.
    let csv = site.read("public/date/activitati.csv");
    let row = csv.lines().find(|l| l.contains(",a-1-1-9,")).expect("the corrected activity's row");
    assert!(row.contains(",cluj-droguri-2022-2026/a-1-1-9,a-1-1-1,1.1.9.,"), "{row}");
    let json = site.read("public/date/planuri/cluj-droguri-2022-2026.json");
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let activity = json["objectives"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|o| o["activities"].as_array().into_iter().flatten())
        .find(|a| a["anchor"] == "a-1-1-9")
        .expect("the corrected activity in the plan's JSON");
    assert_eq!(activity["previous_ids"], serde_json::json!(["a-1-1-1"]), "the plan's JSON names the old anchor");
}

#[test]
fn a_corrected_objective_keeps_its_old_anchor_and_its_old_page() {
    let site = TestSite::bundled();
    let plan = site.read(CLUJ);
    let printed = "              - number: \"1.1.\"\n";
    assert!(plan.contains(printed));
    let kept = "              - number: \"1.9.\"\n                previous_ids: [os-1-1]\n";
    site.write(CLUJ, &plan.replacen(printed, kept, 1));
    assert!(site.run(&["anchors", "--record"]).status.success());
    assert!(site.run(&["check"]).status.success());
    assert!(site.run(&["build", "--quiet"]).status.success());
    let html = Html::parse_document(&site.read("public/planuri/cluj-droguri-2022-2026/index.html"));
    let old = Selector::parse("section#os-1-9 > span#os-1-1").expect("selector");
    assert_eq!(html.select(&old).count(), 1);
    // The old page sends the reader on to the objective's page, and links it.
    let moved = site.read("public/planuri/cluj-droguri-2022-2026/os-1-1/index.html");
    let target = "&#x2F;planuri&#x2F;cluj-droguri-2022-2026&#x2F;os-1-9&#x2F;";
    assert!(moved.contains(&format!("<meta http-equiv=\"refresh\" content=\"0; url={target}\">")), "{moved}");
    assert!(moved.contains(&format!("<a href=\"{target}\">Obiectiv specific 1.9.: Dezvoltarea")), "{moved}");
    assert!(site.read("public/planuri/cluj-droguri-2022-2026/os-1-9/index.html").contains("<span id=os-1-1>"));
    assert!(!site.read("public/sitemap.xml").contains("cluj-droguri-2022-2026/os-1-1/"));
}
