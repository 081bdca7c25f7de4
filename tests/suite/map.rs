//! The tile-grid map of the counties (issue 20, item 2): on the home page, one linked square per
//! county placed by `tile:` in `counties.yaml`, a legend and a table with the same facts.

use scraper::{Html, Selector};

use crate::support::{TestSite, bundled_built, stderr};

fn select(selector: &str) -> Selector {
    Selector::parse(selector).expect("selector")
}

/// The squares of a home page: (county name in the link's name, href, x, y).
fn tiles(html: &str) -> Vec<(String, String, String, String)> {
    let page = Html::parse_document(html);
    let rect = select("rect");
    page.select(&select(".county-map-svg a.tile"))
        .map(|a| {
            let square = a.select(&rect).next().expect("a square");
            let attr = |e: scraper::ElementRef, name| e.value().attr(name).unwrap_or_default().to_owned();
            (attr(a, "aria-label"), attr(a, "href"), attr(square, "x"), attr(square, "y"))
        })
        .collect()
}

#[test]
fn home_map_has_every_county_linked_with_legend_and_table() {
    let site = bundled_built();
    let home = site.page("index.html");
    let tiles = tiles(&home);
    assert_eq!(tiles.len(), 42, "one square per county");
    for (name, href, _, _) in &tiles {
        let file = format!("{}index.html", href.trim_start_matches('/'));
        assert!(site.files.contains_key(&file), "{name}: {href} is not a county page");
        assert!(href.starts_with("/judete/"), "{name}: {href}");
    }
    let mut places: Vec<_> = tiles.iter().map(|t| (&t.2, &t.3)).collect();
    places.sort();
    places.dedup();
    assert_eq!(places.len(), 42, "no two squares overlap");
    let cluj = tiles.iter().find(|t| t.1 == "/judete/cluj/").expect("Cluj's square");
    assert_eq!(cluj.0, "Cluj: plan antidrog, proces-verbal");
    let page = Html::parse_document(&home);
    let legend: Vec<String> = page.select(&select(".map-legend li")).map(|li| li.text().collect()).collect();
    assert_eq!(legend.len(), 5, "{legend:?}");
    assert!(legend[0].contains("plan antidrog") && legend[0].contains("2 județe"), "{legend:?}");
    assert!(legend[4].contains("nicio publicație încă") && legend[4].contains("38 de județe"), "{legend:?}");
    let rows: Vec<String> = page.select(&select(".map-table tbody tr")).map(|tr| tr.text().collect()).collect();
    assert_eq!(rows.len(), 42);
    assert!(rows.iter().any(|r| r == "Clujplan antidrog, proces-verbal"), "{rows:?}");
}

#[test]
fn map_positions_come_from_counties_yaml() {
    let site = TestSite::bundled();
    let counties = site.read("content/counties.yaml");
    let moved = counties.replace(
        "{slug: cluj, name: Cluj, code: RO-CJ, tile: {row: 2, col: 4}}",
        "{slug: cluj, name: Cluj, code: RO-CJ, tile: {row: 7, col: 8}}",
    );
    assert_ne!(moved, counties, "Cluj's line of counties.yaml changed");
    site.write("content/counties.yaml", &moved);
    let build = site.run(&["build", "--quiet"]);
    assert!(build.status.success(), "{}", stderr(&build));
    let home = site.read("public/index.html");
    let cluj = tiles(&home).into_iter().find(|t| t.1 == "/judete/cluj/").expect("Cluj's square");
    // Column 8 and row 7 of 60-unit steps, less half the 4-unit gap.
    assert_eq!((cluj.2.as_str(), cluj.3.as_str()), ("422", "362"));
}

#[test]
fn two_counties_on_one_square_are_refused() {
    let site = TestSite::bundled();
    let counties = site.read("content/counties.yaml");
    let doubled = counties.replace(
        "{slug: cluj, name: Cluj, code: RO-CJ, tile: {row: 2, col: 4}}",
        "{slug: cluj, name: Cluj, code: RO-CJ, tile: {row: 3, col: 3}}",
    );
    site.write("content/counties.yaml", &doubled);
    let check = site.run(&["check"]);
    let expected = "\
error: the map square (row, column) 3, 3 is already the square of `alba`
  --> content/counties.yaml:17:47
   |
17 | - {slug: cluj, name: Cluj, code: RO-CJ, tile: {row: 3, col: 3}}
   |                                               ^^^^
   |
   = help: each county has a square of its own on the map; move one of the two to a free square

1 error
";
    assert_eq!(stderr(&check), expected);
    assert_eq!(check.status.code(), Some(1));
}

#[test]
fn national_objective_map_is_coloured_by_coverage() {
    let page = bundled_built().page("strategii/snd-2022-2026/prevenirea-supradozelor/index.html");
    let tiles = tiles(&page);
    assert_eq!(tiles.len(), 42);
    let name = |href: &str| tiles.iter().find(|t| t.1 == href).map(|t| t.0.clone()).expect("a square");
    assert_eq!(name("/judete/caras-severin/"), "Caraș-Severin: planul are obiectivul");
    assert_eq!(name("/judete/cluj/"), "Cluj: plan fără acest obiectiv");
    assert_eq!(name("/judete/alba/"), "Alba: niciun plan de acest tip pe portal");
    let html = Html::parse_document(&page);
    let legend: Vec<String> = html.select(&select(".map-legend li")).map(|li| li.text().collect()).collect();
    assert_eq!(legend.len(), 3, "{legend:?}");
    assert!(legend[2].contains("40 de județe"), "{legend:?}");
}
