//! What the search index holds for each record (issue 17): result titles that say what they
//! found, excerpts without repeated aliases, and the strategy's group names and the theme names
//! indexed with the objectives that belong to them.

use crate::support::repo;
use planportal::search::Record;

fn bundled_records() -> Vec<Record> {
    let loaded = planportal::load_site(&repo());
    let index = planportal::model::index::Index::build(&loaded.site);
    planportal::search::records(&loaded.site, &index)
}

fn lower(text: &str) -> String {
    text.to_lowercase()
}

#[test]
fn harm_reduction_objectives_carry_the_name_of_their_group() {
    let records = bundled_records();
    // Caraș-Severin's plan is the bundled one with harm-reduction objectives (Cluj's has none).
    for plan in ["planuri/caras-severin-droguri-2022-2026/"] {
        let found: Vec<&Record> = records
            .iter()
            .filter(|r| r.url.starts_with(plan) && r.meta["kind"] == "Obiectiv")
            .filter(|r| lower(&r.content).contains("reducerea riscurilor"))
            .collect();
        assert!(!found.is_empty(), "{plan}: no objective carries „reducerea riscurilor”");
        assert!(
            found.iter().any(|r| lower(&r.content).contains("supradoze")),
            "{plan}: the overdose objective is not among {:?}",
            found.iter().map(|r| &r.meta["title"]).collect::<Vec<_>>()
        );
    }
}

#[test]
fn objectives_carry_their_theme_names() {
    let records = bundled_records();
    let elderly: Vec<&Record> = records
        .iter()
        .filter(|r| r.meta["kind"] == "Obiectiv")
        .filter(|r| r.filters.get("temă").is_some_and(|t| t.iter().any(|t| t == "Persoane vârstnice")))
        .collect();
    assert!(!elderly.is_empty());
    for r in elderly {
        assert!(r.content.contains("Persoane vârstnice"), "{}: the theme's name is not indexed", r.url);
    }
}

#[test]
fn activity_and_objective_titles_are_their_own_text_with_the_number_below() {
    let records = bundled_records();
    let cluj = records
        .iter()
        .find(|r| r.url.starts_with("planuri/cluj-droguri-2022-2026/#") && r.meta["kind"] == "Activitate")
        .expect("a Cluj activity");
    let title = &cluj.meta["title"];
    let text = &cluj.meta["excerpt_text"];
    assert!(title.chars().count() <= planportal::search::TITLE_CHARS + 1, "{title}");
    if title.ends_with('…') {
        assert!(text.starts_with(title.trim_end_matches('…')), "{title} does not start {text}");
    } else {
        assert_eq!(title, text);
    }
    let place = &cluj.meta["where"];
    assert!(place.starts_with("Activitate 1"), "{place}");
    assert!(place.ends_with(" · Cluj") && place.contains(" · PLANUL DE ACȚIUNE"), "{place}");
    // No result is titled by its label alone ("Măsură", all 36 Ialomița measures).
    for r in &records {
        assert!(!["Măsură", "Activitate", "Obiectiv"].contains(&r.meta["title"].as_str()), "{}", r.url);
    }
}

#[test]
fn an_institution_is_indexed_once_per_record_however_often_it_is_named() {
    for r in bundled_records() {
        let parts: Vec<String> = r.content.split(". ").map(lower).collect();
        for (i, part) in parts.iter().enumerate() {
            assert!(
                !part.starts_with("dgaspc") || !parts[i + 1..].contains(part),
                "{}: „{part}” repeated in {}",
                r.url,
                r.content
            );
        }
    }
}
