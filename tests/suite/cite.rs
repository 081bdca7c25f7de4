//! Citing anything (issue 18, point 5): every page of the bundled site says how to cite it, at its
//! canonical address; objective pages cite each activity at an anchor that exists; the minutes'
//! headings and list items carry unique ids.

use std::collections::HashSet;

use scraper::{ElementRef, Html, Selector};

use crate::support::bundled_built;

fn select(html: &Html, selector: &str) -> Vec<String> {
    let selector = Selector::parse(selector).expect("selector");
    html.select(&selector).map(|e| e.text().collect::<String>()).collect()
}

fn attr(html: &Html, selector: &str, name: &str) -> Vec<String> {
    let selector = Selector::parse(selector).expect("selector");
    html.select(&selector).filter_map(|e: ElementRef| e.value().attr(name).map(str::to_owned)).collect()
}

/// Every built page of the bundled site, parsed, with its path.
fn pages() -> Vec<(&'static str, Html)> {
    let site = bundled_built();
    let pages: Vec<_> = site
        .files
        .iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| (path.as_str(), Html::parse_document(&String::from_utf8_lossy(bytes))))
        .collect();
    assert!(pages.len() > 100, "only {} pages", pages.len());
    pages
}

#[test]
fn every_page_cites_itself_at_its_canonical_address() {
    for (path, html) in pages() {
        let canonical = attr(&html, "link[rel=canonical]", "href");
        assert_eq!(canonical.len(), 1, "{path}: canonical {canonical:?}");
        let text = select(&html, "section.cite > .cite-text");
        assert_eq!(text.len(), 1, "{path}: {} citation blocks", text.len());
        let expected = format!(" {}, accesat la [data accesării].", canonical[0]);
        assert!(text[0].ends_with(&expected), "{path}: {} does not end in {expected}", text[0]);
        assert!(text[0].contains("Planuri publice"), "{path}: no portal name in {}", text[0]);
        let bibtex = select(&html, "section.cite pre[data-cite-format=bibtex]");
        assert!(bibtex[0].contains(&format!("url = {{{}}}", canonical[0])), "{path}: {}", bibtex[0]);
    }
}

#[test]
fn csl_json_parses_with_the_expected_fields() {
    for (path, html) in pages() {
        let canonical = attr(&html, "link[rel=canonical]", "href");
        for csl in select(&html, "pre[data-cite-format=csl]") {
            let items: Vec<serde_json::Value> =
                serde_json::from_str(&csl).unwrap_or_else(|e| panic!("{path}: CSL-JSON does not parse: {e}\n{csl}"));
            assert_eq!(items.len(), 1, "{path}");
            let item = &items[0];
            for field in ["id", "type", "title", "container-title", "URL"] {
                assert!(item[field].as_str().is_some_and(|s| !s.is_empty()), "{path}: no {field} in {csl}");
            }
            assert!(["legislation", "report", "webpage"].contains(&item["type"].as_str().unwrap_or("")), "{path}");
            assert!(item["author"][0]["literal"].as_str().is_some_and(|s| !s.is_empty()), "{path}: {csl}");
            assert!(item["URL"].as_str().unwrap_or("").starts_with(&canonical[0]), "{path}: {csl}");
            assert!(item.get("accessed").is_none(), "{path}: the build must not date an access");
        }
    }
}

#[test]
fn a_plan_with_an_act_is_cited_with_issuer_act_and_as_legislation() {
    let html = Html::parse_document(&bundled_built().page("planuri/caras-severin-droguri-2022-2026/index.html"));
    let text = &select(&html, "section.cite > .cite-text")[0];
    assert!(
        text.starts_with("Consiliul Județean Caraș-Severin, „PLAN DE ACȚIUNE")
            && text.contains("Anexa la Hotărârea Consiliului Județean Caraș-Severin nr.204/29.09.2022, 29.09.2022."),
        "{text}"
    );
    let csl = &select(&html, "section.cite pre[data-cite-format=csl]")[0];
    assert!(csl.contains("\"type\": \"legislation\""), "{csl}");
}

#[test]
fn objective_pages_cite_every_activity_at_an_anchor_that_exists() {
    let mut checked = 0;
    for (path, html) in pages() {
        let activities = attr(&html, "article.activity", "id");
        let cites = select(&html, ".cite-activity > .cite-text");
        if cites.is_empty() {
            continue;
        }
        let canonical = &attr(&html, "link[rel=canonical]", "href")[0];
        let ids: HashSet<String> = attr(&html, "[id]", "id").into_iter().collect();
        let summaries = select(&html, ".cite-activity > summary");
        assert_eq!(cites.len(), summaries.len(), "{path}");
        for text in &cites {
            let url = text.rsplit(", accesat la").nth(1).and_then(|t| t.rsplit(' ').next()).unwrap_or("");
            let anchor = url.strip_prefix(&format!("{canonical}#")).unwrap_or_else(|| panic!("{path}: {url}"));
            assert!(ids.contains(anchor), "{path}: #{anchor} cited, no such id");
            checked += 1;
        }
        assert_eq!(cites.len(), activities.len(), "{path}: one citation per activity");
    }
    assert!(checked > 200, "only {checked} activity citations");
}

#[test]
fn the_plan_page_stays_without_per_activity_citations() {
    let html = Html::parse_document(&bundled_built().page("planuri/caras-severin-droguri-2022-2026/index.html"));
    assert!(select(&html, ".cite-activity").is_empty());
}

#[test]
fn minutes_headings_and_list_items_have_unique_ids_and_headings_a_permalink() {
    let site = bundled_built();
    let documents: Vec<_> =
        site.files.keys().filter(|p| p.starts_with("documente/") && p.matches('/').count() == 2).collect();
    assert!(!documents.is_empty());
    for path in documents {
        let html = Html::parse_document(&site.page(path));
        let items = Selector::parse(".document-body li").expect("selector");
        let headings = Selector::parse(".document-body :is(h3, h4, h5, h6)").expect("selector");
        let mut count = 0;
        for e in html.select(&items).chain(html.select(&headings)) {
            assert!(e.value().attr("id").is_some_and(|id| !id.is_empty()), "{path}: {}", e.html());
            count += 1;
        }
        assert!(count > 20, "{path}: only {count} anchored items");
        for e in html.select(&headings) {
            let id = e.value().attr("id").unwrap_or("");
            let link = Selector::parse("a.self").expect("selector");
            let href = e.select(&link).next().and_then(|a| a.value().attr("href"));
            assert_eq!(href, Some(format!("#{id}").as_str()), "{path}");
        }
        let ids = attr(&html, "[id]", "id");
        let unique: HashSet<&String> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "{path}: repeated ids");
    }
}
