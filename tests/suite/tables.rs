//! The tables of the open data (issue 19): every deadline of the bundled content read into
//! years (the few left unparsed listed and explained here), the zip holds the whole data set,
//! every table has its XLSX, and the minutes' items are a table.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read as _;

use crate::support::bundled_built;

/// The deadlines of the bundled content that `export::deadline::years` leaves unparsed, each
/// with why; everything else must give a first and a last year.
const UNPARSED: [(&str, &str); 0] = [];

#[test]
fn every_bundled_deadline_is_read_or_listed_as_unparsed() {
    let model = planportal::build::load(planportal::build::Source::Folder(bundled_built().root()))
        .unwrap_or_else(|d| panic!("{}", d.render()))
        .site;
    let mut unparsed: BTreeMap<String, usize> = BTreeMap::new();
    let mut parsed = 0;
    for plan in &model.plans {
        for activity in plan.activities() {
            let Some(period) = &activity.period else { continue };
            match planportal::export::deadline::years(period) {
                Some((first, last)) => {
                    assert!(first <= last, "{period}");
                    parsed += 1;
                }
                None => *unparsed.entry(period.clone()).or_insert(0) += 1,
            }
        }
    }
    let expected: BTreeSet<&str> = UNPARSED.iter().map(|(text, _)| *text).collect();
    let found: BTreeSet<&str> = unparsed.keys().map(String::as_str).collect();
    assert_eq!(found, expected, "unparsed deadlines (with how many activities have each): {unparsed:?}");
    assert!(parsed > 200, "only {parsed} deadlines read");
}

#[test]
fn the_zip_holds_every_data_file_and_every_table_has_its_xlsx() {
    let files = &bundled_built().files;
    let zip = files.get("date/planportal-date.zip").expect("the zip");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip.as_slice())).expect("a zip");
    let names: Vec<String> = archive.file_names().map(|n| n.expect("UTF-8").into_owned()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "entries in the order of their names");
    let data: BTreeSet<String> = files
        .keys()
        .filter_map(|p| p.strip_prefix("date/"))
        // The DCAT description states the zip's size, so it is written after the zip, not in it.
        .filter(|p| *p != "index.html" && *p != "planportal-date.zip" && *p != "dcat.jsonld")
        .map(str::to_owned)
        .collect();
    assert_eq!(names.iter().cloned().collect::<BTreeSet<_>>(), data);
    for name in &names {
        let mut entry = archive.by_name(name).expect("an entry");
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).expect("readable");
        assert_eq!(&bytes, &files[&format!("date/{name}")], "{name}");
        if let Some(stem) = name.strip_suffix(".csv") {
            assert!(data.contains(&format!("{stem}.xlsx")), "{name} has no XLSX beside it");
        }
    }
}

#[test]
fn the_minutes_items_are_rows_with_their_anchor_section_and_themes() {
    let built = bundled_built();
    let csv = built.page("date/documente-elemente.csv");
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let header = reader.headers().expect("header").clone();
    let at = |name: &str| header.iter().position(|h| h == name).expect("a column");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    let count = |kind: &str| rows.iter().filter(|r| &r[at("tip_element")] == kind).count();
    // Content: 27 names of participants, 12 vulnerable groups, 32 proposals.
    assert_eq!((count("participant"), count("grup-vulnerabil"), count("propunere")), (27, 12, 32));
    let conclusions: Vec<&csv::StringRecord> = rows.iter().filter(|r| &r[at("sectiune")] == "Concluzii:").collect();
    assert_eq!(conclusions.len(), 9, "the conclusions of the minutes (sursa, rândurile 190-199)");
    assert!(conclusions[0][at("text")].starts_with("Identificarea grupurilor vulnerabile"));
    let page = scraper::Html::parse_document(
        &built.page("documente/cluj-napoca-consultare-servicii-sociale-2023-06-16/index.html"),
    );
    for row in rows.iter().filter(|r| &r[at("tip_element")] != "participant") {
        let id = &row[at("element_id")];
        let item = scraper::Selector::parse(&format!("li[id=\"{id}\"]")).expect("a selector");
        let li = page.select(&item).next().unwrap_or_else(|| panic!("the page has no item #{id}"));
        let text: String = li.text().collect();
        assert!(text.trim().starts_with(&row[at("text")]), "#{id}: {text:?}");
        assert!(row[at("url")].ends_with(&format!("#{id}")));
    }
    let groups = rows.iter().filter(|r| &r[at("tip_element")] == "grup-vulnerabil");
    assert!(groups.clone().all(|r| !r[at("teme")].is_empty()), "every vulnerable group is tagged");
}

#[test]
fn the_data_page_shows_each_file_with_its_real_size_and_rows_the_zip_first() {
    let built = bundled_built();
    let page = scraper::Html::parse_document(&built.page("date/index.html"));
    let select = |s: &str| scraper::Selector::parse(s).expect("a selector");
    let links: Vec<scraper::ElementRef> = page.select(&select("main a[download]")).collect();
    assert_eq!(links[0].value().attr("href"), Some("/date/planportal-date.zip"), "the zip comes first");
    let mut tables = 0;
    for link in &links {
        let href = link.value().attr("href").expect("href");
        let path = href.strip_prefix('/').expect("a site path");
        let bytes = built.files.get(path).unwrap_or_else(|| panic!("the page links {href}, which the build lacks"));
        let item: String = link.parent().and_then(scraper::ElementRef::wrap).expect("its item").text().collect();
        let size = planportal::render::views::size_label(bytes.len());
        assert!(item.contains(&format!("{} ({size})", link.text().collect::<String>())), "{href}: {size} in {item:?}");
        if let Some(stem) = path.strip_suffix(".csv") {
            tables += 1;
            let xlsx = format!("/{stem}.xlsx");
            assert!(links.iter().any(|l| l.value().attr("href") == Some(xlsx.as_str())), "{href}: no XLSX");
            let text = String::from_utf8_lossy(bytes);
            let rows = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes()).records().count();
            let said = [format!(" {rows} rânduri"), format!(" {rows} de rânduri"), format!(" {rows} rând")];
            assert!(said.iter().any(|s| item.contains(s.as_str())), "{href}: {rows} rows in {item:?}");
        }
    }
    assert!(tables >= 7 + 4, "only {tables} tables on the page");
}
