//! Cross-county comparison on the bundled content: national objectives side by side with the
//! counties that leave them out, theme pages, and link suggestions recovering the hand-made links.

use std::collections::BTreeMap;

use crate::support::{TestSite, bundled_built, stdout};

fn page(files: &BTreeMap<String, Vec<u8>>, path: &str) -> String {
    String::from_utf8_lossy(files.get(path).unwrap_or_else(|| panic!("missing {path}"))).into_owned()
}

/// The text of the part of `html` from `start` up to `end` (or the end).
fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html.find(start).unwrap_or_else(|| panic!("{start:?} not found"));
    let rest = &html[from..];
    rest.find(end).map_or(rest, |to| &rest[..to])
}

#[test]
fn national_objective_pages_put_counties_side_by_side_and_name_the_absent() {
    let files = &bundled_built().files;
    // Delaying the age of first use: both drug plans adopt it, each with its own activities.
    let debut = page(files, "strategii/snd-2022-2026/intarzierea-debutului/index.html");
    let side = between(&debut, "Activitățile județelor", "</main>");
    for expected in ["Cluj", "Caraș-Severin", "1.2.1.", "1.2.2."] {
        assert!(side.contains(expected), "{expected:?} missing on the first-use page");
    }
    assert!(!debut.contains("Județe care nu au inclus"), "both counties adopted it");
    // Objectives only Caraș-Severin adopted: Cluj is named as leaving them out.
    for id in [
        "acces-consumatori-droguri-injectabile",
        "prevenirea-supradozelor",
        "destructurarea-gruparilor-criminalitate-organizata",
        "supraveghere-epidemiologica",
    ] {
        let html = page(files, &format!("strategii/snd-2022-2026/{id}/index.html"));
        let absent = between(&html, "Județe care nu au inclus", "</section>");
        assert!(absent.contains("Cluj"), "{id}: Cluj must be marked absent");
        assert!(!absent.contains("Caraș-Severin"), "{id}: Caraș-Severin adopted it");
    }
    // The coverage matrix says "absent" in words, and draws the same as SVG.
    let matrix = page(files, "strategii/snd-2022-2026/index.html");
    assert!(matrix.contains(">absent<"), "the matrix must say absent");
    assert!(
        matrix.contains("<svg") && matrix.contains("<desc"),
        "the chart must be static SVG with a text alternative"
    );
}

#[test]
fn a_theme_page_puts_bacau_and_ialomita_side_by_side() {
    let files = &bundled_built().files;
    for theme in ["persoane-varstnice", "persoane-cu-dizabilitati"] {
        let html = page(files, &format!("teme/{theme}/index.html"));
        for county in ["Bacău", "Ialomița"] {
            assert!(html.contains(&format!(">{county}</a></h2>")), "{theme}: {county} column missing");
        }
    }
    assert!(files.contains_key("comparatii/bacau-si-ialomita/index.html"), "pair page missing");
}

#[test]
fn suggestions_recover_the_hand_made_framework_links() {
    let site = TestSite::bundled();
    let model = planportal::build::load(planportal::build::Source::Folder(site.root()))
        .unwrap_or_else(|d| panic!("{}", d.render()))
        .site;
    let mut hand: BTreeMap<(String, String), String> = BTreeMap::new();
    for plan in model.plans.iter().filter(|p| p.plan_type == planportal::model::PlanType::PlanDroguri) {
        for objective in plan.objectives() {
            if let Some(r) = objective.framework {
                let key = format!(
                    "{}/{}",
                    model.frameworks[r.framework].id,
                    model.framework_objective(r).expect("objective").id
                );
                hand.insert((plan.id.clone(), objective.anchor.clone()), key);
            }
        }
    }
    assert!(hand.len() >= 20, "the two drug plans link their objectives by hand ({} links)", hand.len());
    // Remove every framework link from copies of both drug plans.
    for entry in std::fs::read_dir(site.root().join("content/plans")).expect("plans") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read");
        if text.contains("type: plan-droguri") {
            let stripped: Vec<&str> = text.lines().filter(|l| !l.trim_start().starts_with("framework:")).collect();
            std::fs::write(&path, stripped.join("\n") + "\n").expect("write");
        }
    }
    let output = site.run(&["suggest", "--json"]);
    assert!(output.status.success());
    let suggestions: Vec<serde_json::Value> = serde_json::from_str(&stdout(&output)).expect("json");
    let unlinked = planportal::build::load(planportal::build::Source::Folder(site.root()))
        .unwrap_or_else(|d| panic!("{}", d.render()))
        .site;
    let mut recovered = 0;
    let mut missed = Vec::new();
    for s in &suggestions {
        let plan = s["plan"].as_str().unwrap_or_default();
        let line = s["line"].as_u64().unwrap_or(0) as usize;
        let anchor = unlinked
            .plans
            .iter()
            .find(|p| p.id == plan)
            .and_then(|p| p.objectives().find(|o| o.line == line).map(|o| o.anchor.clone()))
            .unwrap_or_default();
        let expected = hand.get(&(plan.to_owned(), anchor.clone()));
        if expected.map(String::as_str) == s["framework_objective"].as_str() {
            recovered += 1;
        } else {
            missed.push(format!(
                "{plan} {anchor}: suggested {} (score {}), hand link {expected:?}",
                s["framework_objective"], s["score"]
            ));
        }
    }
    assert_eq!(suggestions.len(), hand.len(), "one suggestion per unlinked objective");
    let share = recovered as f64 / hand.len() as f64;
    println!(
        "link suggestions: {recovered} of {} hand-made links recovered as the top suggestion ({:.1}%)",
        hand.len(),
        share * 100.0
    );
    assert!(share >= 0.9, "only {:.1}% recovered:\n{}", share * 100.0, missed.join("\n"));
}

/// The words marked `<tag>` in `html`, each without its spoken label.
fn marked(html: &str, tag: &str) -> Vec<String> {
    let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
    html.split(&open)
        .skip(1)
        .map(|rest| {
            let inner = &rest[..rest.find(&close).expect("a closed mark")];
            let label_end = inner.find("</span>").expect("a spoken label") + "</span>".len();
            assert!(inner.starts_with("<span class=visually-hidden>"), "the label comes first: {inner}");
            inner[label_end..].to_string()
        })
        .collect()
}

#[test]
fn cluj_and_caras_severin_differ_by_one_word_in_activity_1_4_1() {
    let files = &bundled_built().files;
    let pair = page(files, "comparatii/caras-severin-si-cluj/index.html");
    let section = between(&pair, "prevenire-parteneriat-societatea-civila/>", "</section>");
    let items: Vec<&str> =
        section.split(">1.4.1.</a>").skip(1).map(|s| &s[..s.find("</li>").expect("the item ends")]).collect();
    assert_eq!(items.len(), 2, "1.4.1 of each county");
    let (caras, cluj) = (items[0], items[1]);
    // The published texts stay whole, before their differences.
    assert!(caras.starts_with(" Implementarea de către societatea civilă cu suportul autorităților publice de proiecte/campanii locale de prevenire<"));
    assert!(cluj.starts_with(" Implementarea de către societatea civilă cu suportul autorităților publice de proiecte/campanii naționale/locale de prevenire<"));
    // Two wordings, one county each: the reference is the first alphabetically, Caraș-Severin's
    // ("locale" before "naționale"); Cluj adds one word and leaves none out.
    assert!(caras.contains("Aceasta este formularea de referință"), "{caras}");
    assert!(caras.contains("prima în ordine alfabetică"), "the tie is said: {caras}");
    assert_eq!(marked(cluj, "ins"), ["naționale/"]);
    assert!(marked(cluj, "del").is_empty(), "{cluj}");
    assert!(cluj.contains("text adăugat: </span>naționale/</ins>locale de prevenire"), "{cluj}");
    assert!(cluj.contains("<summary>1 cuvânt diferit față de formularea de referință</summary>"), "{cluj}");
    // The national objective's page marks the same word, under the activity it is about.
    let national = page(files, "strategii/snd-2022-2026/prevenire-parteneriat-societatea-civila/index.html");
    let diff = between(&national, "<summary>Activitate 1.4.1.: 1 cuvânt diferit", "</details>");
    assert_eq!(marked(diff, "ins"), ["naționale/"]);
    assert!(marked(diff, "del").is_empty());
}

#[test]
fn every_shared_objective_and_activity_of_a_pair_has_its_word_differences() {
    let files = &bundled_built().files;
    let pair = page(files, "comparatii/caras-severin-si-cluj/index.html");
    let shared = between(&pair, "Obiective naționale comune", "<h2");
    // Each objective and activity shown, one diff each (a <details> or "the reference itself").
    let items = shared.matches("<li>").count() + shared.matches("<p><a href=").count();
    let diffs = shared.matches("<details class=diff>").count() + shared.matches("class=diff-same>").count();
    // An activity with no counterpart at its position in the other county says so.
    let alone = shared.matches("class=diff-none>nicio activitate pe aceeași poziție").count();
    assert!(items > 10 && diffs > 10, "{items} items, {diffs} differences");
    assert_eq!(diffs + alone, items);
    // Removed words are marked too, with their label.
    assert!(shared.contains("<del><span class=visually-hidden>text eliminat: </span>"));
}
