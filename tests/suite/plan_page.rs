//! Issue 17, point 1: a plan page a phone can carry. The overview comes first and short, each
//! objective's activities are folded (every anchor kept), the contents numbers each entry once,
//! a plan's status comes from the day the content was checked, and objective pages lead to the
//! previous and next objective.

use std::collections::BTreeSet;

use scraper::{Html, Selector};

use crate::site::build;
use crate::support::{TestSite, bundled_built};

const CLUJ: &str = "planuri/cluj-droguri-2022-2026/index.html";

fn select(html: &Html, selector: &str) -> Vec<String> {
    let selector = Selector::parse(selector).expect("selector");
    html.select(&selector)
        .map(|e| e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

fn ids(html: &Html, selector: &str) -> BTreeSet<String> {
    let selector = Selector::parse(selector).expect("selector");
    html.select(&selector).filter_map(|e| e.value().attr("id").map(str::to_owned)).collect()
}

/// Bacău's plan was 262 screens tall at 360 px because every activity of every objective was
/// open: each objective's activities now sit in a `<details>`, and every activity keeps its
/// anchor on the plan page (citations such as `#a-1-1-1` keep working).
#[test]
fn each_objectives_activities_are_folded_and_keep_their_anchors() {
    let site = bundled_built();
    for plan in ["cluj-droguri-2022-2026", "bacau-plan-operational-servicii-sociale-2014-2024"] {
        let page = Html::parse_document(&site.page(&format!("planuri/{plan}/index.html")));
        let all = ids(&page, "article.activity");
        let folded = ids(&page, "section.objective > details.activities > article.activity");
        assert!(!all.is_empty(), "{plan}: no activity");
        assert_eq!(folded, all, "{plan}: activities outside a folded objective");
        // The objective pages are the reading unit without JavaScript: the anchors they link
        // back to exist on the plan page.
        let objective_dirs: BTreeSet<String> = site
            .files
            .keys()
            .filter_map(|p| p.strip_prefix(&format!("planuri/{plan}/"))?.strip_suffix("/index.html").map(str::to_owned))
            .collect();
        assert!(!objective_dirs.is_empty(), "{plan}: no objective page");
        let objective_anchors = ids(&page, "section.objective");
        for dir in objective_dirs {
            assert!(objective_anchors.contains(&dir), "{plan}: objective {dir} has no anchor on the plan page");
            let objective = Html::parse_document(&site.page(&format!("planuri/{plan}/{dir}/index.html")));
            for anchor in ids(&objective, "article.activity") {
                assert!(all.contains(&anchor), "{plan}: #{anchor} of {dir} is missing on the plan page");
            }
        }
    }
}

/// The contents listed "1. 1.1. …": a numbered list around the document's own numbers. Now the
/// lists are unnumbered and each objective shows its number once.
#[test]
fn the_contents_shows_the_documents_numbers_once() {
    let page = Html::parse_document(&bundled_built().page(CLUJ));
    assert!(select(&page, ".plan-contents ol").is_empty(), "a numbered list in the contents");
    let entries = select(&page, ".plan-contents li li li a");
    assert!(
        entries.iter().any(|e| e.starts_with("1.1. Dezvoltarea intervențiilor")),
        "no objective entry starting with its own number: {entries:?}"
    );
}

/// A keyboard user needed 43 Tabs to reach Cluj's first activity: a link near the top of the
/// page skips the facts, notes and contents, and each goal ends with a way back to the contents.
#[test]
fn a_plan_page_skips_to_its_objectives_and_leads_back_to_its_contents() {
    let page = Html::parse_document(&bundled_built().page(CLUJ));
    let skip = Selector::parse("main > .skip-contents a").expect("selector");
    let skip = page.select(&skip).next().expect("a skip-the-contents link");
    assert_eq!(skip.value().attr("href"), Some("#obiective"));
    assert_eq!(ids(&page, "#obiective").len(), 1, "the objectives' container");
    let back = Selector::parse(".goal > .back-to-top a").expect("selector");
    let goals = select(&page, ".goal").len();
    assert_eq!(page.select(&back).count(), goals, "one back-to-contents link per goal");
    assert!(page.select(&back).all(|a| a.value().attr("href") == Some("#cuprins-t")));
    assert_eq!(ids(&page, "#cuprins-t").len(), 1);
}

/// Nothing said that Bacău's plan (2014–2024) had ended. The status comes from `checked` in
/// `config.toml`, never from the build's clock; without the field no status is stated.
#[test]
fn a_plan_states_its_status_on_the_day_the_content_was_checked() {
    let site = bundled_built();
    let status = |plan: &str| {
        select(&Html::parse_document(&site.page(&format!("planuri/{plan}/index.html"))), ".plan-status").join("|")
    };
    assert_eq!(
        status("bacau-plan-operational-servicii-sociale-2014-2024"),
        "Perioada s-a încheiat la 30.11.2026, data ultimei verificări"
    );
    assert_eq!(
        status("ialomita-plan-actiune-servicii-sociale-2024"),
        "Perioada s-a încheiat la 30.11.2026, data ultimei verificări"
    );
    assert_eq!(status("cluj-droguri-2022-2026"), "În vigoare la 30.11.2026, data ultimei verificări");

    let minimal = TestSite::minimal();
    let plan = "planuri/cluj-droguri/index.html";
    let without = build(&minimal);
    assert!(!String::from_utf8_lossy(&without[plan]).contains("plan-status"), "a status without `checked`");
    let config = minimal.read("config.toml");
    minimal.write("config.toml", &format!("{config}checked = \"2027-01-04\"\n"));
    let with = build(&minimal);
    let page = Html::parse_document(&String::from_utf8_lossy(&with[plan]));
    assert_eq!(select(&page, ".plan-status"), ["Perioada s-a încheiat la 04.01.2027, data ultimei verificări"]);
}

/// Objective pages had no way to the next objective: each links its neighbours in the plan.
#[test]
fn an_objective_page_links_the_previous_and_next_objective() {
    let site = bundled_built();
    let links = |dir: &str| {
        let page = Html::parse_document(&site.page(&format!("planuri/cluj-droguri-2022-2026/{dir}/index.html")));
        let selector = Selector::parse(".pager a").expect("selector");
        page.select(&selector)
            .map(|a| format!("{} {}", a.value().attr("rel").unwrap_or(""), a.value().attr("href").unwrap_or("")))
            .collect::<Vec<_>>()
    };
    assert_eq!(links("os-1-1"), ["next /planuri/cluj-droguri-2022-2026/os-1-2/"]);
    assert_eq!(
        links("os-1-2"),
        ["prev /planuri/cluj-droguri-2022-2026/os-1-1/", "next /planuri/cluj-droguri-2022-2026/os-1-3/"]
    );
    assert_eq!(links("os-4-2"), ["prev /planuri/cluj-droguri-2022-2026/os-4-1/"]);
}
