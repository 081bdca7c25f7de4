//! Places (issue 20): the localities the bundled plans name, tagged on their activities, each
//! with its page; the index by county; the links from activities and county pages; the search
//! filter's values; the data column; `suggest --localities` on an untagged copy.

use scraper::{Html, Selector};

use crate::support::{TestSite, bundled_built, repo, stdout};

/// The `href`s of the elements `selector` selects in `html`.
fn hrefs(html: &str, selector: &str) -> Vec<String> {
    let selector = Selector::parse(selector).expect("selector");
    Html::parse_document(html).select(&selector).filter_map(|a| a.value().attr("href").map(str::to_owned)).collect()
}

/// The text of the elements `selector` selects in `html`, one string each.
fn texts(html: &str, selector: &str) -> Vec<String> {
    let selector = Selector::parse(selector).expect("selector");
    Html::parse_document(html).select(&selector).map(|e| e.text().collect::<String>()).collect()
}

/// The activities each bundled locality is tagged on, as (locality, plan, anchor).
const TAGGED: [(&str, &str, &str); 10] = [
    ("gherla", "cluj-droguri-2022-2026", "a-3-1-1"),
    ("gherla", "cluj-droguri-2022-2026", "a-3-2-1"),
    ("slobozia", "ialomita-plan-actiune-servicii-sociale-2024", "os-i-1-m1"),
    ("urziceni", "ialomita-plan-actiune-servicii-sociale-2024", "os-i-1-m3"),
    ("urziceni", "ialomita-plan-actiune-servicii-sociale-2024", "os-i-2-m1"),
    ("slobozia", "ialomita-plan-actiune-servicii-sociale-2024", "os-i-2-m1"),
    ("slobozia", "ialomita-plan-actiune-servicii-sociale-2024", "os-i-2-m4"),
    ("movila", "ialomita-plan-actiune-servicii-sociale-2024", "os-ii-3-m2"),
    ("slobozia", "ialomita-plan-actiune-servicii-sociale-2024", "os-ii-5-m3"),
    ("slobozia", "ialomita-plan-actiune-servicii-sociale-2024", "os-ii-5-m7"),
];

fn tagged_on(locality: &str) -> Vec<(&'static str, &'static str)> {
    let mut list: Vec<(&str, &str)> =
        TAGGED.iter().filter(|(l, ..)| *l == locality).map(|(_, plan, anchor)| (*plan, *anchor)).collect();
    list.dedup();
    list
}

#[test]
fn each_locality_page_links_every_activity_that_names_it_and_no_other() {
    let site = bundled_built();
    for locality in ["gherla", "slobozia", "urziceni", "movila", "bacau", "cluj-napoca", "resita", "timisoara"] {
        let page = site.page(&format!("localitati/{locality}/index.html"));
        let mut linked = hrefs(&page, "main article.activity a.self");
        linked.sort();
        let mut expected: Vec<String> =
            tagged_on(locality).iter().map(|(plan, anchor)| format!("/planuri/{plan}/#{anchor}")).collect();
        expected.sort();
        assert_eq!(linked, expected, "{locality}");
        if expected.is_empty() {
            assert!(texts(&page, "main p.none").concat().contains("Nicio activitate dintr-un plan publicat"));
        }
    }
    let movila = site.page("localitati/movila/index.html");
    assert_eq!(texts(&movila, "h1"), ["Comuna Movila"]);
    assert!(hrefs(&movila, "main dl.facts a").contains(&"/judete/ialomita/".to_owned()));
    assert!(texts(&movila, "main p.text").concat().contains("com.Movila"), "the activity's text as published");
}

#[test]
fn the_index_lists_the_localities_by_county_and_county_pages_link_theirs() {
    let site = bundled_built();
    let index = site.page("localitati/index.html");
    assert_eq!(
        texts(&index, "section:has(h2#ialomita) li a"),
        ["Movila", "Slobozia", "Urziceni"],
        "Ialomița's localities, in alphabetical order"
    );
    assert!(
        texts(&index, "section:has(h2#ialomita) li")
            .iter()
            .any(|t| t.contains("Slobozia") && t.contains("5 activități"))
    );
    let county = site.page("judete/ialomita/index.html");
    let links = hrefs(&county, "main a");
    assert!(links.contains(&"/localitati/slobozia/".to_owned()) && links.contains(&"/localitati/#ialomita".to_owned()));
}

#[test]
fn plan_and_objective_pages_link_an_activity_s_localities() {
    let site = bundled_built();
    let plan = site.page("planuri/ialomita-plan-actiune-servicii-sociale-2024/index.html");
    assert_eq!(hrefs(&plan, "article#os-ii-3-m2 ul.tags a[href*=localitati]"), ["/localitati/movila/"]);
    let objective = site.page("planuri/cluj-droguri-2022-2026/os-3-1/index.html");
    assert!(hrefs(&objective, "article.activity a").contains(&"/localitati/gherla/".to_owned()));
}

#[test]
fn the_locality_filter_holds_exactly_the_tagged_activities() {
    let site = planportal::build::load(planportal::build::Source::Folder(&repo()))
        .unwrap_or_else(|d| panic!("{}", d.render()))
        .site;
    let index = planportal::model::index::Index::build(&site);
    let records = planportal::search::records(&site, &index);
    for (slug, value) in
        [("slobozia", "Slobozia (Ialomița)"), ("gherla", "Gherla (Cluj)"), ("movila", "Movila (Ialomița)")]
    {
        let mut found: Vec<&str> = records
            .iter()
            .filter(|r| {
                r.filters.get(planportal::search::FILTER_LOCALITY).is_some_and(|v| v.iter().any(|v| v == value))
            })
            .map(|r| r.url.as_str())
            .collect();
        found.sort();
        let mut expected: Vec<String> =
            tagged_on(slug).iter().map(|(plan, anchor)| format!("planuri/{plan}/#{anchor}")).collect();
        expected.sort();
        assert_eq!(found, expected, "{value}");
    }
}

#[test]
fn the_activity_tables_carry_the_locality_slugs_and_localitati_csv_counts_them() {
    let site = bundled_built();
    let csv = site.page("date/activitati.csv");
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let column = reader.headers().expect("header").iter().position(|h| h == "localitati").expect("localitati");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    let row = rows.iter().find(|r| r.iter().any(|c| c == "os-i-2-m1")).expect("the row of os-i-2-m1");
    assert_eq!(&row[column], "urziceni ; slobozia");
    assert_eq!(rows.iter().filter(|r| !r[column].is_empty()).count(), 9, "the tagged activities");
    let localities = site.page("date/localitati.csv");
    assert!(localities.lines().any(|l| l.starts_with("slobozia,Slobozia,municipiu,ialomita,Ialomița,5,0,")));
    assert!(localities.lines().any(|l| l.starts_with("movila,Movila,comună,ialomita,Ialomița,1,0,")));
    let json = site.page("date/planuri/ialomita-plan-actiune-servicii-sociale-2024.json");
    assert!(json.contains("\"localities\": [\n") && json.contains("\"movila\""));
}

#[test]
fn suggest_proposes_the_tags_of_an_untagged_copy_and_writes_nothing() {
    let site = TestSite::bundled();
    let plan = "content/plans/ialomita-plan-actiune-servicii-sociale-2024.yaml";
    let untagged: String = site
        .read(plan)
        .lines()
        .filter(|l| !l.trim_start().starts_with("localities:"))
        .map(|l| format!("{l}\n"))
        .collect();
    site.write(plan, &untagged);
    let output = site.run(&["suggest", "--localities"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.contains("# activity os-ii-3-m2: „Înființarea unui cămin pentru persoanele vârstnice în com.Movila”"));
    assert!(text.contains("#   movila: content/sources/004_97d9123833db1d67.txt:34\nlocalities: [movila]\n"), "{text}");
    assert!(text.contains("localities: [urziceni, slobozia]") || text.contains("localities: [slobozia, urziceni]"));
    assert_eq!(text.matches("\nlocalities: [").count(), 7, "{text}");
    assert_eq!(site.read(plan), untagged, "suggest writes nothing");
}
