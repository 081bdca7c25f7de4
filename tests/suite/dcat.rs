//! The DCAT-AP description of the data set (`date/dcat.jsonld`) for data.gov.ro's catalogue: the
//! properties DCAT-AP requires or recommends, one distribution for each data file of the whole
//! set with its real size, days and coverage from the content. `scripts/data-test` also parses
//! it as JSON-LD with rdflib.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::support::{bundled_built, repo};

const BASE: &str = "http://127.0.0.1:1111/";

/// The nodes of the description's graph, by type.
fn nodes_of(description: &Value, kind: &str) -> Vec<Value> {
    let graph = description["@graph"].as_array().expect("a @graph");
    graph.iter().filter(|n| n["@type"] == kind).cloned().collect()
}

fn has_all(node: &Value, properties: &[&str]) {
    for property in properties {
        let value = &node[property];
        let empty = value.is_null() || value.as_array().is_some_and(Vec::is_empty);
        assert!(!empty, "{} has no {property}", node["@id"]);
    }
}

#[test]
fn the_dcat_description_has_what_dcat_ap_asks_and_every_file_of_the_set() {
    let site = bundled_built();
    let description: Value = serde_json::from_str(&site.page("date/dcat.jsonld")).expect("JSON");
    assert_eq!(description["@context"]["dcat"], "http://www.w3.org/ns/dcat#");
    let catalogs = nodes_of(&description, "dcat:Catalog");
    let datasets = nodes_of(&description, "dcat:Dataset");
    assert_eq!((catalogs.len(), datasets.len()), (1, 1));
    has_all(&catalogs[0], &["dct:title", "dct:description", "dct:publisher", "dcat:dataset", "dct:license"]);
    let dataset = &datasets[0];
    has_all(
        dataset,
        &[
            "dct:title",
            "dct:description",
            "dct:publisher",
            "dcat:contactPoint",
            "dcat:distribution",
            "dcat:keyword",
            "dcat:theme",
            "dct:spatial",
            "dct:temporal",
            "dct:language",
            "dcat:landingPage",
        ],
    );
    assert_eq!(dataset["dct:title"]["@language"], "ro");
    assert_eq!(dataset["dct:language"]["@id"], "http://publications.europa.eu/resource/authority/language/RON");
    assert_eq!(nodes_of(&description, "foaf:Agent")[0]["@id"], catalogs[0]["dct:publisher"]["@id"]);

    // Days and coverage come from the content.
    let model = planportal::build::load(planportal::build::Source::Folder(&repo())).expect("loads").site;
    let (issued, modified) = model.portal_days().expect("days");
    assert_eq!(
        (dataset["dct:issued"]["@value"].as_str(), dataset["dct:modified"]["@value"].as_str()),
        (Some(issued), Some(modified))
    );
    assert_eq!((issued, modified), ("2026-11-23", "2026-11-30"));
    assert_eq!(dataset["dct:temporal"]["dcat:startDate"]["@value"], "2014-01-01");
    assert_eq!(dataset["dct:temporal"]["dcat:endDate"]["@value"], "2026-12-31");
    let places: Vec<&str> = dataset["dct:spatial"]
        .as_array()
        .expect("places")
        .iter()
        .filter_map(|p| p["dct:identifier"].as_str())
        .collect();
    assert_eq!(places, ["RO-BC", "RO-CS", "RO-CJ", "RO-IL"]);

    // One distribution per data file at the top of date/, with its size; each listed by the data set.
    let distributions = nodes_of(&description, "dcat:Distribution");
    let described: BTreeMap<String, u64> = distributions
        .iter()
        .map(|d| {
            has_all(
                d,
                &["dcat:accessURL", "dcat:downloadURL", "dct:format", "dcat:mediaType", "dct:license", "dcat:byteSize"],
            );
            let url = d["dcat:downloadURL"]["@id"].as_str().expect("a download address");
            let size = d["dcat:byteSize"]["@value"].as_str().and_then(|s| s.parse().ok()).expect("a size");
            (url.strip_prefix(BASE).expect("under the base").to_owned(), size)
        })
        .collect();
    let data_files: BTreeMap<String, u64> = site
        .files
        .iter()
        .filter(|(path, _)| {
            let name = path.strip_prefix("date/").unwrap_or("/");
            let data = [".csv", ".xlsx", ".json", ".zip"].iter().any(|e| name.ends_with(e));
            !name.contains('/') && data && !name.ends_with(".schema.json") && name != "datapackage.json"
        })
        .map(|(path, bytes)| (path.clone(), bytes.len() as u64))
        .collect();
    assert!(data_files.contains_key("date/activitati.csv") && data_files.contains_key("date/planuri.json"));
    assert_eq!(described, data_files);
    let listed: Vec<&Value> =
        dataset["dcat:distribution"].as_array().expect("list").iter().map(|d| &d["@id"]).collect();
    assert_eq!(listed, distributions.iter().map(|d| &d["@id"]).collect::<Vec<_>>());
}

/// The data page names the description, for people and, in its `<head>`, for machines.
#[test]
fn the_data_page_links_the_dcat_description() {
    let html = scraper::Html::parse_document(&bundled_built().page("date/index.html"));
    let select = |css: &str| {
        let selector = scraper::Selector::parse(css).expect("selector");
        html.select(&selector).filter_map(|e| e.value().attr("href").map(str::to_owned)).collect::<Vec<_>>()
    };
    assert_eq!(select("head link[rel=describedby][type=\"application/ld+json\"]"), ["/date/dcat.jsonld"]);
    assert_eq!(select("main a[href$=\"dcat.jsonld\"]"), ["/date/dcat.jsonld"]);
}
