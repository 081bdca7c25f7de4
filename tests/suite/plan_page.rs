//! Issue 17, point 1: a plan page a phone can carry. The overview comes first and short, each
//! objective's activities are folded (every anchor kept), the contents numbers each entry once,
//! a plan's status comes from the day the content was checked, objective pages lead to the
//! previous and next objective, the breadcrumbs name the county, and the activities can be
//! filtered by responsible body, theme and deadline without JavaScript (pre-built pages).

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
            .filter(|dir| !dir.contains('/') && dir != "filtre")
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
    // The contents' <nav>: the next Tab reaches its summary (tests/browser/plan.test.mjs checks it).
    assert!(page.select(&back).all(|a| a.value().attr("href") == Some("#cuprins")));
    assert_eq!(ids(&page, "nav#cuprins").len(), 1);
    let top = Selector::parse("main > .back-to-top a").expect("selector");
    assert_eq!(page.select(&top).next_back().and_then(|a| a.value().attr("href")), Some("#continut"), "back to top");
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

/// The breadcrumbs of a plan skipped its county (Acasă › Planuri › plan): a plan is now found
/// under its county, and so is each of its objectives and filter pages.
#[test]
fn the_breadcrumbs_of_a_plan_name_its_county() {
    let site = bundled_built();
    let crumbs = |path: &str| select(&Html::parse_document(&site.page(path)), ".breadcrumbs li").join(" › ");
    let plan = "PLANUL DE ACȚIUNE ÎN DOMENIUL DROGURILOR LA NIVELUL JUDEȚULUI CLUJ";
    let cluj = crumbs(CLUJ);
    assert!(cluj.starts_with(&format!("Acasă › Județe › Cluj › {plan}")), "{cluj}");
    let objective = crumbs("planuri/cluj-droguri-2022-2026/os-1-2/index.html");
    assert!(objective.starts_with(&format!("Acasă › Județe › Cluj › {plan} › Obiectiv specific")), "{objective}");
    let bacau = crumbs("planuri/bacau-plan-operational-servicii-sociale-2014-2024/index.html");
    assert!(bacau.starts_with("Acasă › Județe › Bacău › "), "{bacau}");
    let links = Selector::parse(".breadcrumbs a").expect("selector");
    let page = Html::parse_document(&site.page(CLUJ));
    let hrefs: Vec<_> = page.select(&links).filter_map(|a| a.value().attr("href")).collect();
    assert_eq!(hrefs, ["/", "/judete/", "/judete/cluj/"]);
}

/// One filter value on a plan page: its label, its page, and the anchors plan.js shows.
struct FilterLink {
    group: String,
    label: String,
    href: String,
    anchors: BTreeSet<String>,
}

fn filter_links(page: &Html) -> Vec<FilterLink> {
    let groups = Selector::parse(".plan-filters ul.filter-values").expect("selector");
    let links = Selector::parse("a").expect("selector");
    let mut found = Vec::new();
    for list in page.select(&groups) {
        let group = list.value().attr("aria-labelledby").unwrap_or_default().to_owned();
        for a in list.select(&links) {
            found.push(FilterLink {
                group: group.clone(),
                label: a.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "),
                href: a.value().attr("href").unwrap_or_default().to_owned(),
                anchors: a.value().attr("data-anchors").unwrap_or_default().split(' ').map(str::to_owned).collect(),
            });
        }
    }
    found
}

/// The activities a filter page's list (`…/filtre/#responsabil-dsp-cluj`) leads to, as
/// (objective page file, activity anchor).
fn listed(site: &crate::support::BuiltSite, href: &str) -> Vec<(String, String)> {
    let (path, fragment) = href.split_once('#').expect("a link to a list");
    let page = Html::parse_document(&site.page(&format!("{}index.html", path.trim_start_matches('/'))));
    let selector = Selector::parse(&format!("section#{fragment} li > a")).expect("selector");
    page.select(&selector)
        .filter_map(|a| a.value().attr("href")?.split_once('#'))
        .map(|(page, anchor)| (format!("{}index.html", page.trim_start_matches('/')), anchor.to_owned()))
        .collect()
}

/// Filters within a plan must work without JavaScript: every value links to its list on the
/// plan's filter page, which leads to exactly the activities plan.js would show (each on its
/// objective's page, where it is unfolded), and each filter (responsible body, theme, deadline)
/// reaches every activity of the plan: none is lost by filtering.
#[test]
fn every_activity_is_reachable_from_each_filter_without_javascript() {
    let site = bundled_built();
    for plan in [
        "cluj-droguri-2022-2026",
        "caras-severin-droguri-2022-2026",
        "bacau-plan-operational-servicii-sociale-2014-2024",
        "ialomita-plan-actiune-servicii-sociale-2024",
    ] {
        let page = Html::parse_document(&site.page(&format!("planuri/{plan}/index.html")));
        let all = ids(&page, "article.activity");
        let links = filter_links(&page);
        let groups: BTreeSet<&str> = links.iter().map(|l| l.group.as_str()).collect();
        assert_eq!(groups, BTreeSet::from(["filtre-responsabil", "filtre-tema", "filtre-termen"]), "{plan}");
        for group in groups {
            let mut reached = BTreeSet::new();
            for link in links.iter().filter(|l| l.group == group) {
                let targets = listed(site, &link.href);
                let shown: BTreeSet<String> = targets.iter().map(|(_, anchor)| anchor.clone()).collect();
                assert_eq!(shown, link.anchors, "{plan}: {} lists other activities than plan.js shows", link.href);
                assert!(link.label.ends_with(&format!("({})", shown.len())), "{plan}: the count of {}", link.label);
                for (file, anchor) in &targets {
                    let objective = Html::parse_document(&site.page(file));
                    assert_eq!(ids(&objective, &format!("article.activity#{anchor}")).len(), 1, "{file}#{anchor}");
                }
                reached.extend(shown);
            }
            assert_eq!(reached, all, "{plan}: the {group} filter loses activities");
        }
    }
}

/// An activity with several responsible bodies is under each of them: Cluj's activities name
/// more bodies than there are activities, and the counts add up to more than the total.
#[test]
fn an_activity_is_under_each_of_its_responsible_bodies() {
    let page = Html::parse_document(&bundled_built().page(CLUJ));
    let total = ids(&page, "article.activity").len();
    let links = filter_links(&page);
    let counted: usize = links.iter().filter(|l| l.group == "filtre-responsabil").map(|l| l.anchors.len()).sum();
    assert!(counted > total, "responsible counts {counted} for {total} activities");
    let deadlines: usize = links.iter().filter(|l| l.group == "filtre-termen").map(|l| l.anchors.len()).sum();
    assert_eq!(deadlines, total, "one deadline per activity");
    // The filter page sits under the plan and its county.
    let filters = Html::parse_document(&bundled_built().page("planuri/cluj-droguri-2022-2026/filtre/index.html"));
    assert!(select(&filters, ".breadcrumbs li").join(" › ").starts_with("Acasă › Județe › Cluj › "));
}

/// Bacău prints one period as "2014 - 2024", "2014-2024", "2014 – 2024" and "2014 -2024": a
/// deadline filter splitting them would hide most activities of a reader's choice. They share
/// one value, named by the commonest printed form; the cards keep each form as printed.
#[test]
fn deadlines_printed_with_other_spaces_or_dashes_are_one_value() {
    let site = bundled_built();
    let html = site.page("planuri/bacau-plan-operational-servicii-sociale-2014-2024/index.html");
    let page = Html::parse_document(&html);
    let labels: Vec<String> =
        filter_links(&page).into_iter().filter(|l| l.group == "filtre-termen").map(|l| l.label).collect();
    // 114 print "2014 - 2024", 4 "2014-2024", one "2014 – 2024", one "2014 -2024".
    assert!(labels.contains(&"2014 - 2024 (120)".to_owned()), "{labels:?}");
    let names: Vec<&str> = labels.iter().map(|l| l.rsplit_once(" (").map_or(l.as_str(), |(name, _)| name)).collect();
    for other in ["2014-2024", "2014 – 2024", "2014 -2024"] {
        assert!(!names.contains(&other), "{other} apart: {labels:?}");
    }
    assert!(html.contains("2014-2024</dd>") && html.contains("2014 - 2024</dd>"), "each form as printed");
}
