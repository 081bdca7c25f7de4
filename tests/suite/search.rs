//! What the search index holds for each record (issue 17): result titles that say what they
//! found, excerpts without repeated aliases, and the strategy's group names and the theme names
//! indexed with the objectives that belong to them.

// Tests read what the build wrote; a missing value is the failure.
#![allow(clippy::unwrap_used)]

use crate::support::repo;
use planportal::search::Record;

fn bundled_records() -> Vec<Record> {
    let site = planportal::build::load(planportal::build::Source::Folder(&repo()))
        .unwrap_or_else(|d| panic!("{}", d.render()))
        .site;
    let index = planportal::model::index::Index::build(&site);
    planportal::search::records(&site, &index)
}

fn lower(text: &str) -> String {
    text.to_lowercase()
}

/// The objectives of `plan` whose indexed text contains `words` (compared without case).
fn objectives_with<'a>(records: &'a [Record], plan: &str, words: &str) -> Vec<&'a Record> {
    records
        .iter()
        .filter(|r| r.url.starts_with(plan) && r.meta["kind"] == "Obiectiv")
        .filter(|r| lower(&r.content).contains(words))
        .collect()
}

#[test]
fn harm_reduction_objectives_carry_the_name_of_their_group() {
    let records = bundled_records();
    // Caraș-Severin's plan is the bundled one with harm-reduction objectives (Cluj's has none):
    // its three objectives 2.1-2.3 sit under "REDUCEREA RISCURILOR ASOCIATE CONSUMULUI DE DROGURI".
    let found = objectives_with(&records, "planuri/caras-severin-droguri-2022-2026/", "reducerea riscurilor");
    let titles: Vec<&str> = found.iter().map(|r| r.meta["title"].as_str()).collect();
    assert_eq!(titles.len(), 3, "{titles:?}");
    for start in ["Îmbunătățirea accesului consumatorilor", "Prevenirea supradozelor", "Consolidarea parteneriatului"]
    {
        assert!(titles.iter().any(|t| t.starts_with(start)), "„{start}…” not among {titles:?}");
    }
    // The group's name is not given to objectives of other groups.
    assert!(objectives_with(&records, "planuri/cluj-droguri-2022-2026/", "reducerea riscurilor").is_empty());
}

#[test]
fn prevention_objectives_carry_the_name_of_their_group_in_both_drug_plans() {
    let records = bundled_records();
    for plan in ["planuri/cluj-droguri-2022-2026/", "planuri/caras-severin-droguri-2022-2026/"] {
        let found = objectives_with(&records, plan, "prevenirea consumului de droguri");
        assert!(found.len() >= 3, "{plan}: {} prevention objectives", found.len());
    }
}

#[test]
fn indexed_parts_are_separated_by_one_full_stop() {
    // "libertate.. Dezvoltarea" where a part ending in a full stop was joined with another; an
    // ellipsis the source writes ("Un număr de ... persoane") is the source's own.
    for r in bundled_records() {
        let doubled = r.content.match_indices(".. ").any(|(i, _)| !r.content[..i].ends_with('.'));
        assert!(!doubled, "{}: {}", r.url, r.content);
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

/// Every record the Pagefind bundle folder `dir` holds (not its sub-folders): the decoded
/// fragments, each with `url` and `meta`.
fn fragments(dir: &std::path::Path) -> Vec<serde_json::Value> {
    use std::io::Read;
    let Ok(entries) = std::fs::read_dir(dir.join("fragment")) else { return Vec::new() };
    entries
        .map(|entry| {
            let mut text = String::new();
            let file = std::fs::File::open(entry.unwrap().path()).unwrap();
            flate2::read::GzDecoder::new(file).read_to_string(&mut text).unwrap();
            serde_json::from_str(text.strip_prefix("pagefind_dcd").unwrap()).unwrap()
        })
        .collect()
}

/// Issue 21: the index is split by county, so that a search filtered by county loads that
/// county's shards only. `shards.json` lists each shard with its counties; every record of a
/// shard is of one of them, the primary bundle holds the records of no county (national
/// bodies), every county of the menu has its shards, and a county too large for one shard has
/// shards of its own. Small shards, so that a county has several.
#[test]
fn each_countys_records_are_in_its_own_shards_only() {
    let site = crate::support::TestSite::bundled();
    let built = crate::support::planportal()
        .args(["build", "--quiet", "--root"])
        .arg(site.root())
        .env("PLANPORTAL_SHARD_RECORDS", "40")
        .output()
        .unwrap();
    assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
    let bundle = site.root().join("public/pagefind");
    let primary = fragments(&bundle);
    assert!(primary.iter().any(|r| r["meta"]["county"].is_null()), "the primary bundle holds no national record");
    let shards: Vec<serde_json::Value> =
        serde_json::from_slice(&std::fs::read(bundle.join("shards.json")).unwrap()).unwrap();
    let mut counties = std::collections::BTreeMap::<String, usize>::new();
    for shard in &shards {
        let names: Vec<&str> = shard["counties"].as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
        let records = fragments(&bundle.join(shard["path"].as_str().unwrap()));
        assert!(!records.is_empty() && records.len() <= 40, "{shard}: {} records", records.len());
        for record in &records {
            let county = record["meta"]["county"].as_str().unwrap_or_else(|| panic!("{} has no county", record["url"]));
            assert!(names.contains(&county), "{} of {county} is in a shard of {names:?}", record["url"]);
            *counties.entry(county.to_owned()).or_default() += 1;
        }
    }
    let menus: serde_json::Value = serde_json::from_slice(&std::fs::read(bundle.join("filtre.json")).unwrap()).unwrap();
    let listed: Vec<&str> = menus["values"]["județ"].as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
    for county in counties.keys() {
        assert!(listed.contains(&county.as_str()), "{county} is not in the menu");
    }
    let large = shards.iter().filter(|s| s["counties"].as_array().unwrap().len() == 1).count();
    assert!(large >= 2, "no county has shards of its own: {shards:?}");
}
