//! The Atom feed (`publicatii.xml`) from content: every publication is an entry published on the
//! day the portal published it (`portal.published`) and updated on the day of its last
//! correction; the feed's own `updated` is the last day the content changed, never the build's
//! clock; the publication's facts show the same day.

use std::collections::BTreeMap;

use planportal::model::Site;

use crate::site::build;
use crate::support::{TestSite, bundled_built, repo, stderr};

/// Each entry of a feed by its id: (published, updated), the days without their time.
fn entries(feed: &str) -> BTreeMap<String, (Option<String>, String)> {
    let element = |entry: &str, name: &str| {
        let open = format!("<{name}>");
        let start = entry.find(&open)? + open.len();
        let end = entry[start..].find(&format!("</{name}>"))? + start;
        Some(entry[start..end].trim_end_matches("T00:00:00Z").to_owned())
    };
    feed.split("<entry>")
        .skip(1)
        .map(|entry| {
            let id = element(entry, "id").expect("an entry has an id");
            (id, (element(entry, "published"), element(entry, "updated").expect("an entry has updated")))
        })
        .collect()
}

fn bundled() -> Site {
    planportal::build::load(planportal::build::Source::Folder(&repo()))
        .unwrap_or_else(|d| panic!("the bundled content must load:\n{}", d.render()))
        .site
}

#[test]
fn every_bundled_publication_is_in_the_feed_on_the_day_the_portal_published_it() {
    let site = bundled();
    let feed = bundled_built().page("publicatii.xml");
    let found = entries(&feed);
    let base = "http://127.0.0.1:1111/";
    let plans = site.plans.iter().map(|p| (format!("planuri/{}/", p.id), &p.published, &p.corrections));
    let documents = site.documents.iter().map(|d| (format!("documente/{}/", d.id), &d.published, &d.corrections));
    let mut expected = 0;
    for (path, published, corrections) in plans.chain(documents) {
        let published = published.clone().unwrap_or_else(|| panic!("{path}: the content states no portal.published"));
        let last = corrections.iter().map(|c| c.date.clone()).chain([published.clone()]).max();
        let entry = found.get(&format!("{base}{path}")).unwrap_or_else(|| panic!("{path} is not in the feed"));
        assert_eq!(entry, &(Some(published), last.expect("a day")), "{path}");
        expected += 1 + corrections.len();
    }
    assert_eq!(found.len(), expected, "one entry per publication and per correction:\n{feed}");
    let (_, last) = site.portal_days().expect("days");
    let head = feed.split("<entry>").next().unwrap_or_default();
    assert!(head.contains(&format!("<updated>{last}T00:00:00Z</updated>")), "{head}");
}

/// Regression (issue 19): a publication whose document prints no date was left out of the feed
/// (3 of the 5 bundled ones). With the day the portal published it, it is in; with neither day
/// it stays out: the portal invents no day.
#[test]
fn a_publication_without_a_printed_date_enters_the_feed_on_its_portal_day() {
    let site = TestSite::minimal();
    let plan = "content/plans/cluj-droguri.yaml";
    let undated = site.read(plan).replace("date: 2022-06-30\n", "");
    site.write(plan, &undated);
    let id = "http://127.0.0.1:1111/planuri/cluj-droguri/";
    let feed = |files: &BTreeMap<String, Vec<u8>>| String::from_utf8_lossy(&files["publicatii.xml"]).into_owned();
    assert!(!entries(&feed(&build(&site))).contains_key(id));
    site.write(
        plan,
        &undated.replace("source: plan-cluj.txt\n", "source: plan-cluj.txt\nportal:\n  published: \"2026-01-05\"\n"),
    );
    let files = build(&site);
    assert_eq!(entries(&feed(&files))[id], (Some("2026-01-05".to_owned()), "2026-01-05".to_owned()));
    let page = String::from_utf8_lossy(&files["planuri/cluj-droguri/index.html"]).into_owned();
    assert!(page.contains("<dt>Publicat pe portal</dt><dd><time datetime=2026-01-05>05.01.2026</time>"), "{page}");
}

#[test]
fn the_facts_show_the_day_the_portal_published_it() {
    let cluj = bundled_built().page("planuri/cluj-droguri-2022-2026/index.html");
    assert!(cluj.contains("<dt>Publicat pe portal</dt><dd><time datetime=2026-11-27>27.11.2026</time>"));
    let minutes = bundled_built().page("documente/cluj-napoca-consultare-servicii-sociale-2023-06-16/index.html");
    assert!(minutes.contains("<dt>Publicat pe portal</dt><dd><time datetime=2026-11-23>23.11.2026</time>"));
}

#[test]
fn an_impossible_portal_day_is_refused_where_it_is_written() {
    let site = TestSite::minimal();
    let plan = "content/plans/cluj-droguri.yaml";
    let text = site
        .read(plan)
        .replace("source: plan-cluj.txt\n", "source: plan-cluj.txt\nportal:\n  published: \"2026-02-30\"\n");
    site.write(plan, &text);
    let output = site.run(&["check"]);
    assert!(!output.status.success());
    let line = text.lines().position(|l| l.contains("2026-02-30")).expect("the line") + 1;
    let err = stderr(&output);
    assert!(err.contains(&format!("cluj-droguri.yaml:{line}:")) && err.contains("2026-02-30"), "{err}");
}
