//! The rankings of institutions and institution types (issue 20, item 5): the counts each page
//! prints are those of the model, counted here again straight from the plans, and each view is
//! sorted by its own count.

use std::collections::{BTreeMap, BTreeSet};

use scraper::{Html, Selector};

use crate::support::{bundled_built, repo};

/// Per institution id: (activities, responsible, partner, plans, counties), counted from the
/// plans' responsible and partner cells.
fn counts_from_plans() -> BTreeMap<String, [usize; 5]> {
    let site = planportal::build::load(planportal::build::Source::Folder(&repo()))
        .unwrap_or_else(|d| panic!("{}", d.render()))
        .site;
    type Sets = [BTreeSet<(usize, usize)>; 5];
    let mut sets: BTreeMap<String, Sets> = BTreeMap::new();
    for (p, plan) in site.plans.iter().enumerate() {
        for (a, activity) in plan.activities().enumerate() {
            let roles = activity.responsible.iter().map(|r| (r, 1)).chain(activity.partners.iter().map(|r| (r, 2)));
            for (actor, role) in roles {
                let entry = sets.entry(site.institution(actor.institution).id.clone()).or_default();
                entry[0].insert((p, a));
                entry[role].insert((p, a));
                entry[3].insert((p, 0));
                entry[4].insert((plan.county.0, 0));
            }
        }
    }
    sets.into_iter().map(|(id, s)| (id, s.each_ref().map(BTreeSet::len))).collect()
}

/// The rows of a ranking page: (institution id from its link, the five counts).
fn rows(path: &str) -> Vec<(String, [usize; 5])> {
    let html = Html::parse_document(&bundled_built().page(path));
    let row = Selector::parse("table.ranking tbody tr").expect("selector");
    let link = Selector::parse("th a").expect("selector");
    let cell = Selector::parse("td.num").expect("selector");
    html.select(&row)
        .map(|tr| {
            let href = tr.select(&link).next().and_then(|a| a.value().attr("href")).expect("a linked name");
            let id = href.trim_end_matches('/').rsplit('/').next().unwrap_or_default().to_owned();
            let numbers: Vec<usize> = tr
                .select(&cell)
                .skip(1)
                .map(|td| td.text().collect::<String>().trim().parse().expect("a count"))
                .collect();
            (id, numbers.try_into().expect("five counts"))
        })
        .collect()
}

#[test]
fn institution_counts_are_those_of_the_plans() {
    let expected = counts_from_plans();
    let rows = rows("institutii/clasament/index.html");
    assert_eq!(rows.len(), expected.len(), "every institution an activity names, once");
    for (id, counts) in &rows {
        assert_eq!(Some(counts), expected.get(id), "{id}: activities, responsible, partner, plans, counties");
    }
}

#[test]
fn each_view_is_sorted_by_its_own_count() {
    for base in ["institutii", "tipuri-institutii"] {
        for (slug, column) in [("", 0), ("planuri/", 3), ("judete/", 4)] {
            let path = format!("{base}/clasament/{slug}index.html");
            let rows = rows(&path);
            assert!(rows.len() > 3, "{path} lists what the plans name");
            let keys: Vec<usize> = rows.iter().map(|(_, c)| c[column]).collect();
            assert!(keys.windows(2).all(|w| w[0] >= w[1]), "{path} is sorted by column {column}: {keys:?}");
            assert!(keys[0] > keys[keys.len() - 1], "{path}: the order is not a constant");
        }
    }
}

#[test]
fn the_sort_navigation_marks_the_current_view() {
    let html = Html::parse_document(&bundled_built().page("institutii/clasament/planuri/index.html"));
    let current = Selector::parse(".rank-sort a[aria-current=page]").expect("selector");
    let marked: Vec<String> = html.select(&current).map(|a| a.text().collect()).collect();
    assert_eq!(marked, ["planuri"]);
}

#[test]
fn the_dsp_page_has_a_column_per_county_with_its_activities() {
    let html = Html::parse_document(&bundled_built().page("tipuri-institutii/dsp/index.html"));
    let columns = Selector::parse("table.type-counties thead th").expect("selector");
    let names: Vec<String> =
        html.select(&columns).map(|th| th.text().collect::<String>()).map(|t| t.trim().to_owned()).collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names.iter().any(|n| n.starts_with("Cluj") && n.contains("Direcția de Sănătate Publică Cluj")));
    let expected = counts_from_plans();
    let cluj = &expected["dsp-cluj"];
    let cells = Selector::parse("table.type-counties tbody tr").expect("selector");
    let item = Selector::parse("li").expect("selector");
    let cluj_column = names.iter().position(|n| n.starts_with("Cluj")).expect("a Cluj column");
    let counts: Vec<usize> = html
        .select(&cells)
        .map(|tr| {
            let td = tr.select(&Selector::parse("td").expect("selector")).nth(cluj_column).expect("a Cluj cell");
            td.select(&item).count()
        })
        .collect();
    assert_eq!(counts, [cluj[1], cluj[2]], "Cluj's responsible and partner activities");
}
