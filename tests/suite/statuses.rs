//! Issue 20, item 4: implementation status from monitoring reports. The fixture
//! `tests/fixtures/statuses/` lays over the minimal site a plan of Cluj (two objectives, five
//! activities) and two reports on it: the 2023 monitoring report states four statuses, the 2024
//! activity report updates one (1.2.1, în curs → realizat: the newest date wins); 1.1.3 is in
//! neither (necunoscut), and the minimal site's own plan has no report. Each activity's tag, the
//! counts per objective, plan and county, and the data columns are checked; on the bundled site
//! every status is unknown, and the pages say why, once.

use std::sync::OnceLock;

use scraper::{Html, Selector};

use crate::support::{BuiltSite, bundled_built, fixtures};

const PLAN: &str = "planuri/cluj-stadiu/index.html";

fn site() -> &'static BuiltSite {
    static SITE: OnceLock<BuiltSite> = OnceLock::new();
    SITE.get_or_init(|| BuiltSite::minimal_with("statuses", &fixtures().join("statuses")))
}

fn texts(html: &str, selector: &str) -> Vec<String> {
    let selector = Selector::parse(selector).expect("selector");
    Html::parse_document(html)
        .select(&selector)
        .map(|e| e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

fn attrs(html: &str, selector: &str, attr: &str) -> Vec<String> {
    let selector = Selector::parse(selector).expect("selector");
    Html::parse_document(html).select(&selector).filter_map(|e| e.value().attr(attr).map(str::to_owned)).collect()
}

/// The counts of the rollup at `selector` as "label count" items.
fn counts(html: &str, selector: &str) -> Vec<Vec<String>> {
    let selector = Selector::parse(selector).expect("selector");
    let item = Selector::parse(".status-counts li").expect("selector");
    Html::parse_document(html)
        .select(&selector)
        .map(|figure| {
            figure
                .select(&item)
                .map(|li| li.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
                .collect()
        })
        .collect()
}

#[test]
fn each_activity_shows_its_status_with_date_report_and_line() {
    let page = site().page(PLAN);
    let tags = texts(&page, "article.activity .status-line");
    assert_eq!(
        tags,
        [
            "Stadiu: Realizat la 31.12.2023, potrivit RAPORT DE MONITORIZARE A PLANULUI DE TEST (rândul 3)",
            "Stadiu: Parțial realizat la 31.12.2023, potrivit RAPORT DE MONITORIZARE A PLANULUI DE TEST (rândul 4)",
            "Stadiu: Necunoscut: rapoartele publicate nu spun nimic despre această activitate",
            "Stadiu: Realizat la 30.06.2024, potrivit RAPORT DE ACTIVITATE PE SEMESTRUL I 2024 (rândul 2)",
            "Stadiu: Nerealizat la 31.12.2023, potrivit RAPORT DE MONITORIZARE A PLANULUI DE TEST (rândul 7)",
        ]
    );
    let links = attrs(&page, "article.activity .status-line a", "href");
    assert_eq!(
        links,
        [
            "/documente/raport-monitorizare-2023/",
            "/surse/raport-2023/#L3",
            "/documente/raport-monitorizare-2023/",
            "/surse/raport-2023/#L4",
            "/documente/raport-activitate-2024/",
            "/surse/raport-2024/#L2",
            "/documente/raport-monitorizare-2023/",
            "/surse/raport-2023/#L7",
        ]
    );
    // Every link lands: the report's page exists, and so does the line on its source page.
    for link in links {
        let (path, anchor) = link.split_once('#').unwrap_or((&link, ""));
        let target = site().page(&format!("{}index.html", path.trim_start_matches('/')));
        if !anchor.is_empty() {
            assert!(target.contains(&format!("id={anchor}")) || target.contains(&format!("id=\"{anchor}\"")), "{link}");
        }
    }
    // A report's page names the plan it is on.
    let report = site().page("documente/raport-monitorizare-2023/index.html");
    assert!(
        texts(&report, ".facts dd").contains(
            &"PLAN DE TEST AL STADIULUI IMPLEMENTĂRII — stadiul implementării pentru 4 activități".to_owned()
        ),
        "{report}"
    );
    // The objective's own page shows the same tags.
    let objective = site().page("planuri/cluj-stadiu/os-1-2/index.html");
    assert_eq!(texts(&objective, "article.activity .status-line strong"), ["Realizat", "Nerealizat"]);
}

#[test]
fn statuses_are_counted_per_objective_plan_and_county() {
    let page = site().page(PLAN);
    assert_eq!(
        counts(&page, ".plan-body section.objective .status-rollup"),
        [vec!["Realizat 1", "Parțial realizat 1", "Necunoscut 1"], vec!["Realizat 1", "Nerealizat 1"],]
    );
    assert_eq!(
        counts(&page, "main > .status-rollup"),
        [vec!["Realizat 2", "Parțial realizat 1", "Nerealizat 1", "Necunoscut 1"]]
    );
    assert_eq!(
        texts(&page, "main > .status-rollup figcaption"),
        ["Stadiul implementării activităților planului (5 activități)"]
    );
    // The bar draws the same counts: 2 of 5 is 40 %, and the segments follow one another.
    assert_eq!(attrs(&page, "main > .status-rollup rect", "width"), ["40.00%", "20.00%", "20.00%", "20.00%"]);
    assert_eq!(attrs(&page, "main > .status-rollup rect", "x"), ["0.00%", "40.00%", "60.00%", "80.00%"]);
    // The county counts the activity of its plan no report is on as unknown.
    let county = site().page("judete/cluj/index.html");
    assert_eq!(
        counts(&county, ".status-rollup"),
        [vec!["Realizat 2", "Parțial realizat 1", "Nerealizat 1", "Necunoscut 2"]]
    );
    assert!(
        texts(&county, "p.meta").iter().any(|t| t.starts_with("Planuri cu raport de monitorizare publicat: 1 din 2"))
    );
}

#[test]
fn a_plan_without_a_report_says_so_once_and_tags_no_activity() {
    let page = site().page("planuri/cluj-droguri/index.html");
    assert_eq!(
        texts(&page, ".progress-unknown"),
        ["Stadiu: Necunoscut — nu a fost publicat niciun raport de monitorizare pentru acest plan."]
    );
    assert!(texts(&page, ".status-line, .status-rollup").is_empty());
}

#[test]
fn the_data_carry_each_status_with_its_report_and_lines() {
    let csv = site().page("date/planuri/cluj-stadiu.csv");
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().expect("headers").clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"));
    let wanted = ["activitate_numar", "stadiu", "stadiu_denumire", "stadiu_data", "stadiu_raport", "stadiu_randuri"];
    let columns: Vec<usize> = wanted.iter().map(|c| column(c)).collect();
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| {
            let r = r.expect("row");
            columns.iter().map(|c| r[*c].to_owned()).collect()
        })
        .collect();
    let expected = [
        ["1.1.1.", "realizat", "Realizat", "2023-12-31", "raport-monitorizare-2023", "3"],
        ["1.1.2.", "partial", "Parțial realizat", "2023-12-31", "raport-monitorizare-2023", "4"],
        ["1.1.3.", "necunoscut", "Necunoscut", "", "", ""],
        ["1.2.1.", "realizat", "Realizat", "2024-06-30", "raport-activitate-2024", "2"],
        ["1.2.2.", "nerealizat", "Nerealizat", "2023-12-31", "raport-monitorizare-2023", "7"],
    ];
    assert_eq!(rows, expected.map(|r| r.map(str::to_owned).to_vec()));
    let json: serde_json::Value = serde_json::from_str(&site().page("date/planuri/cluj-stadiu.json")).expect("json");
    let activities = &json["objectives"][1]["activities"];
    assert_eq!(activities[0]["status"]["code"], "realizat");
    assert_eq!(activities[0]["status"]["report"], "raport-activitate-2024");
    assert_eq!(activities[0]["status"]["lines"], serde_json::json!([{"from": 2, "to": 2}]));
    let unknown = &json["objectives"][0]["activities"][2]["status"];
    assert_eq!(
        unknown,
        &serde_json::json!({"code": "necunoscut", "date": null, "label": "Necunoscut", "lines": [], "report": null, "report_url": null})
    );
    // A reported status matches the published schema too (the bundled site has none).
    let schema: serde_json::Value = serde_json::from_str(&site().page("date/planuri.schema.json")).expect("schema");
    assert_eq!(crate::schema::plan_errors(&schema, &json), Vec::<String>::new());
}

#[test]
fn on_the_bundled_site_every_status_is_unknown_and_the_pages_say_why() {
    let site = bundled_built();
    let csv = site.page("date/activitati.csv");
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let column = reader.headers().expect("headers").iter().position(|h| h == "stadiu").expect("stadiu");
    let statuses: std::collections::BTreeSet<String> =
        reader.records().map(|r| r.expect("row")[column].to_owned()).collect();
    assert_eq!(statuses.into_iter().collect::<Vec<_>>(), ["necunoscut"]);
    let plans: Vec<&String> = site
        .files
        .keys()
        .filter(|p| p.starts_with("planuri/") && p.matches('/').count() == 2 && p.ends_with("/index.html"))
        .collect();
    assert!(plans.len() >= 4, "{plans:?}");
    for plan in plans {
        let page = site.page(plan);
        assert_eq!(texts(&page, ".progress-unknown").len(), 1, "{plan}");
        assert!(texts(&page, ".status-line, .status-rollup").is_empty(), "{plan}");
    }
    let county = site.page("judete/cluj/index.html");
    assert_eq!(
        texts(&county, ".progress-unknown"),
        ["Stadiu: Necunoscut — nu a fost publicat niciun raport de monitorizare pentru planurile acestui județ."]
    );
}
