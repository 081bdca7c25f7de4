//! Issue 17, point 4: the coverage matrix of a national framework and the theme matrix say why a
//! cell is empty — a county's plan leaves the objective out ("absent", "niciun obiectiv"), or the
//! county has no plan of that type on the portal and nothing is known ("fără plan pe portal") —
//! and the pair pages name the documents they link to.

use scraper::{ElementRef, Html, Selector};

use crate::support::bundled_built;

fn parse(path: &str) -> Html {
    Html::parse_document(&bundled_built().page(path))
}

fn select<'a>(root: ElementRef<'a>, css: &str) -> Vec<ElementRef<'a>> {
    root.select(&Selector::parse(css).expect("a valid selector")).collect()
}

fn text(element: ElementRef<'_>) -> String {
    element.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The cell of `row` under the header cell of `county` (by its `data-county`).
fn cell_of<'a>(table: ElementRef<'a>, row: ElementRef<'a>, county: &str) -> ElementRef<'a> {
    let headers = select(table, "thead th");
    let column = headers.iter().position(|h| h.value().attr("data-county") == Some(county)).expect(county);
    select(row, "th, td")[column]
}

const FRAMEWORK: &str = "strategii/snd-2022-2026/index.html";

/// The matrix had one flat list of rows, so "Consolidarea parteneriatului cu societatea civilă"
/// read twice, identically: rows are grouped by general objective, one `<tbody>` per goal headed
/// by a `rowgroup` header, and the two rows are told apart by their groups.
#[test]
fn the_coverage_matrix_groups_its_rows_by_general_objective() {
    let html = parse(FRAMEWORK);
    let table = select(html.root_element(), "table.coverage")[0];
    let groups = select(table, "tbody");
    assert_eq!(groups.len(), 7, "one group per goal of the strategy");
    let mut civil_society = Vec::new();
    for group in &groups {
        let heads = select(*group, "th[scope=rowgroup]");
        assert_eq!(heads.len(), 1, "each group has one heading");
        assert!(text(heads[0]).starts_with("Obiectiv general: "), "{}", text(heads[0]));
        for row in select(*group, "th[scope=row]") {
            if text(row) == "Consolidarea parteneriatului cu societatea civilă" {
                civil_society.push(text(heads[0]));
            }
        }
    }
    assert_eq!(civil_society.len(), 2, "the two alike rows are both there");
    assert_ne!(civil_society[0], civil_society[1], "their groups tell them apart");
}

/// The 40 counties with no drug plan on the portal were missing from the matrix, so a reader saw
/// Cluj as the only one leaving objectives out: every county is a column, those without a plan
/// marked "fără plan pe portal" (never "absent"), and a line counts them.
#[test]
fn the_coverage_matrix_shows_every_county_and_marks_those_without_a_plan() {
    let html = parse(FRAMEWORK);
    let root = html.root_element();
    let table = select(root, "table.coverage")[0];
    let columns = select(table, "thead th[data-county]");
    assert_eq!(columns.len(), 42, "every county of the content is a column");
    let alba = columns.iter().find(|c| c.value().attr("data-county") == Some("alba")).expect("Alba");
    assert!(alba.value().classes().any(|c| c == "no-plan"));
    let rows: Vec<ElementRef> = select(table, "tbody tr:not(.goal-row)");
    assert_eq!(rows.len(), 19);
    for row in &rows {
        let cell = cell_of(table, *row, "alba");
        assert_eq!(text(cell), "fără plan pe portal");
        assert_eq!(cell.value().attr("class"), Some("no-plan"));
        let cs = cell_of(table, *row, "caras-severin");
        assert_eq!(cs.value().attr("class"), Some("present"), "Caraș-Severin adopted every objective");
    }
    let absent = select(table, "td.absent");
    assert!(!absent.is_empty(), "Cluj leaves some objectives out: absent");
    for cell in select(table, "td.absent") {
        assert_eq!(text(cell), "absent");
    }
    let gap = text(select(root, ".coverage-gap")[0]);
    assert!(gap.starts_with("40 din 42 de județe nu au pe portal un plan de acțiune în domeniul drogurilor"), "{gap}");
    assert!(gap.contains("acoperirea nu se cunoaște"), "{gap}");
}

/// Cells said "2 activități" without a way to them: every present cell links to the county's
/// objective page; the page links its CSV; the table scrolls in a focusable, named region.
#[test]
fn coverage_cells_link_to_the_county_objective_and_the_page_links_its_csv() {
    let html = parse(FRAMEWORK);
    let root = html.root_element();
    let table = select(root, "table.coverage")[0];
    let present = select(table, "td.present");
    assert!(present.len() > 19);
    for cell in &present {
        let links = select(*cell, "a");
        assert!(!links.is_empty(), "a present cell links: {}", cell.html());
        for link in links {
            let href = link.value().attr("href").expect("a link has an href");
            let path = format!("{}index.html", href.trim_start_matches('/'));
            assert!(path.starts_with("planuri/"), "{href}");
            assert!(bundled_built().files.contains_key(&path), "{href} is no page of the site");
        }
    }
    let first = select(table, "tbody tr:not(.goal-row)")[0];
    let cluj = select(cell_of(table, first, "cluj"), "a")[0];
    assert_eq!(cluj.value().attr("href"), Some("/planuri/cluj-droguri-2022-2026/os-1-1/"));
    let csv = select(root, ".downloads a[href$='.csv']");
    assert_eq!(csv.len(), 1);
    assert_eq!(csv[0].value().attr("href"), Some("/date/strategii/snd-2022-2026.csv"));
    let region: Vec<ElementRef> =
        select(root, "[role=region]").into_iter().filter(|r| !select(*r, "table.coverage").is_empty()).collect();
    assert_eq!(region.len(), 1);
    assert_eq!(region[0].value().attr("tabindex"), Some("0"));
    assert!(region[0].value().attr("aria-label").is_some_and(|l| !l.is_empty()));
}

/// A framework objective's page named only the counties whose plan leaves it out; those without
/// a plan are listed apart, as unknown.
#[test]
fn a_framework_objective_page_tells_absent_counties_from_counties_without_a_plan() {
    let html = parse("strategii/snd-2022-2026/prevenirea-supradozelor/index.html");
    let root = html.root_element();
    let absent = text(select(root, ".absent-box")[0]);
    assert!(absent.contains("Cluj") && !absent.contains("Alba"), "{absent}");
    let no_plan = select(root, ".no-plan-box")[0];
    let listed: Vec<&str> =
        select(no_plan, "li[data-county]").iter().filter_map(|l| l.value().attr("data-county")).collect();
    assert_eq!(listed.len(), 40);
    assert!(listed.contains(&"alba") && !listed.contains(&"cluj") && !listed.contains(&"caras-severin"));
    assert!(text(no_plan).contains("40 de județe nu au pe portal un plan de acțiune în domeniul drogurilor"));
}

/// The theme matrix said "absent" both where a county's plans have nothing on a theme and where
/// the county published no plan of a kind that treats it (Caraș-Severin has only a drug plan, so
/// nothing is known about its elderly people): two texts, two classes.
#[test]
fn the_theme_matrix_tells_no_objective_from_no_plan() {
    let html = parse("comparatii/index.html");
    let root = html.root_element();
    let table = select(root, "table.matrix")[0];
    let row =
        |name: &str| select(table, "tbody tr").into_iter().find(|r| text(select(*r, "th")[0]) == name).expect(name);
    let elderly = row("Persoane vârstnice");
    let cs = cell_of(table, elderly, "caras-severin");
    assert_eq!((cs.value().attr("class"), text(cs).as_str()), (Some("no-plan"), "fără plan de acest tip pe portal"));
    let bacau = cell_of(table, elderly, "bacau");
    assert_eq!(bacau.value().attr("class"), Some("present"));
    // Ialomița's social-services plan has nothing on trafficking, which Bacău's treats: a plan of
    // the same field, so "niciun obiectiv", though the two plans are of different types.
    let trafficking = cell_of(table, row("Victime ale traficului de persoane"), "ialomita");
    assert_eq!(
        (trafficking.value().attr("class"), text(trafficking).as_str()),
        (Some("no-objective"), "niciun obiectiv")
    );
    let states: Vec<&str> = select(table, "tbody td").iter().filter_map(|c| c.value().attr("class")).collect();
    assert!(states.contains(&"no-objective"), "some county has a plan of the kind with nothing on a theme");
    assert!(!states.contains(&"absent"), "\"absent\" no longer mixes the two");
    for cell in select(table, "td.no-objective") {
        assert_eq!(text(cell), "niciun obiectiv");
    }
}

/// Minutes' items on pair pages linked as a bare "Din documentul ": the link names the document
/// by its title, as published.
#[test]
fn pair_pages_name_the_document_an_item_comes_from() {
    let html = parse("comparatii/bacau-si-cluj/index.html");
    let links: Vec<String> = select(html.root_element(), "main a[href^='/documente/']").into_iter().map(text).collect();
    assert!(!links.is_empty(), "the pair page links the Cluj-Napoca minutes");
    let title =
        "PROCES-VERBAL al întâlnirii de consultare privind serviciile sociale de la nivelul Municipiului Cluj-Napoca";
    for link in links {
        assert_eq!(link, format!("Din documentul „{title}”"));
    }
}

/// A pair page put "Doar Bacău: niciunul" beside Cluj's drug-plan objectives, as if Bacău had
/// left them all out; Bacău has no drug plan on the portal, so the page says that instead.
#[test]
fn a_pair_page_does_not_say_none_for_a_county_without_a_plan() {
    let html = parse("comparatii/bacau-si-cluj/index.html");
    let root = html.root_element();
    let main = text(select(root, "main")[0]);
    assert!(
        main.contains("Bacău nu are pe portal un plan de acțiune în domeniul drogurilor. Obiectivele naționale comune nu se pot cunoaște."),
        "{main}"
    );
    let only_bacau = select(root, ".side-by-side > div")
        .into_iter()
        .find(|d| text(*d).starts_with("Doar Bacău"))
        .expect("a column for Bacău");
    let said = select(only_bacau, "p").into_iter().map(text).collect::<Vec<_>>();
    assert_eq!(said, ["fără plan pe portal: nu se știe ce obiective naționale a inclus"]);
    let both = bundled_built().page("comparatii/caras-severin-si-cluj/index.html");
    assert!(!both.contains("fără plan pe portal"), "both have a drug plan");
}
