//! Issue 21, page size: no page a phone cannot open. Long listings are cut into pages at
//! `<listing>/pagina/<n>/` (GOV.UK's pagination pattern: previous, numbers, next), and pair pages
//! link a county's objectives under a theme instead of repeating them.

use scraper::{Html, Selector};

use crate::support::{TestSite, bundled_built, stderr};

/// The size no page of the bundled site may pass: what a phone on a slow connection opens.
const LIMIT: usize = 200_000;

/// A plan's own page (`planuri/<plan>/`) and its filter page (`planuri/<plan>/filtre/`) hold one
/// published document: their size is the document's, not the site's, and they are not cut.
fn plan_own_page(path: &str) -> bool {
    let parts: Vec<&str> = path.split('/').collect();
    matches!(parts.as_slice(), ["planuri", _, "index.html"] | ["planuri", _, "filtre", "index.html"])
}

#[test]
fn no_page_of_the_bundled_site_passes_200_kb_but_a_plan_s_own() {
    let files = &bundled_built().files;
    let pages: Vec<(&String, usize)> = files
        .iter()
        .filter(|(p, _)| p.ends_with(".html") && !p.starts_with("pagefind/"))
        .map(|(p, b)| (p, b.len()))
        .collect();
    assert!(pages.len() > 300, "the whole bundled site is read: {} pages", pages.len());
    let over: Vec<String> = pages
        .iter()
        .filter(|(p, size)| *size > LIMIT && !plan_own_page(p))
        .map(|(p, size)| format!("{p}: {size} B"))
        .collect();
    assert!(over.is_empty(), "pages over {LIMIT} B: {over:#?}");
}

fn select_all(html: &Html, css: &str) -> Vec<String> {
    let selector = Selector::parse(css).expect("a valid selector");
    html.select(&selector).map(|e| e.text().collect::<String>().trim().to_owned()).collect()
}

fn attr(html: &Html, css: &str, name: &str) -> Option<String> {
    let selector = Selector::parse(css).expect("a valid selector");
    html.select(&selector).next().and_then(|e| e.value().attr(name).map(str::to_owned))
}

/// The file of page `n` of the listing at `base`.
fn page_file(base: &str, n: usize) -> String {
    if n == 1 { format!("{base}index.html") } else { format!("{base}pagina/{n}/index.html") }
}

/// The generic partner "ONG-uri" takes part in more activities than one page holds.
const LISTING: &str = "institutii/ong-uri/";

#[test]
fn a_long_listing_s_pages_link_both_ways_each_with_its_title_address_and_share() {
    let site = bundled_built();
    let first = Html::parse_document(&site.page(&page_file(LISTING, 1)));
    let name = select_all(&first, "h1").remove(0);
    let numbers = select_all(&first, "nav.pagination li a");
    let count: usize = numbers.last().expect("page numbers on the first page").parse().expect("a number");
    assert!(count >= 3, "{numbers:?}");
    let sitemap = site.page("sitemap.xml");
    let mut seen = 0;
    for n in 1..=count {
        let path = page_file(LISTING, n);
        let html = Html::parse_document(&site.page(&path));
        let title = select_all(&html, "title").remove(0);
        assert!(title.starts_with(&format!("{name} — pagina {n} din {count}")), "{path}: {title}");
        let address = if n == 1 { LISTING.to_owned() } else { format!("{LISTING}pagina/{n}/") };
        let canonical = attr(&html, "link[rel=canonical]", "href").expect("a canonical link");
        assert!(canonical.ends_with(&format!("/{address}")), "{path}: {canonical}");
        assert!(sitemap.contains(&canonical), "the sitemap lists {canonical}");
        assert_eq!(select_all(&html, "nav.pagination a[aria-current=page]"), [n.to_string()], "{path}");
        let previous = attr(&html, "nav.pagination a[rel=prev]", "href");
        let next = attr(&html, "nav.pagination a[rel=next]", "href");
        let link = |k: usize| if k == 1 { format!("/{LISTING}") } else { format!("/{LISTING}pagina/{k}/") };
        assert_eq!(previous, (n > 1).then(|| link(n - 1)), "{path}: Pagina anterioară");
        assert_eq!(next, (n < count).then(|| link(n + 1)), "{path}: Pagina următoare");
        let rows = select_all(&html, ".involvement").len();
        assert!(rows > 0 && rows <= 50, "{path}: {rows} activities");
        if n < count {
            assert_eq!(rows, 50, "{path}: every page but the last is full");
        }
        seen += rows;
    }
    let said = select_all(&first, ".pagination-count").remove(0);
    assert!(said.ends_with(&format!("din {seen}")), "every activity on exactly one page: {said}");
    for missing in [0, 1, count + 1] {
        let file = format!("{LISTING}pagina/{missing}/index.html");
        assert!(!site.files.contains_key(&file), "{file} must not exist");
    }
}

#[test]
fn a_listing_that_fits_one_page_has_no_pages() {
    let site = bundled_built();
    let html = Html::parse_document(&site.page("institutii/isj-bacau/index.html"));
    assert!(select_all(&html, "nav.pagination").is_empty());
    assert!(!select_all(&html, ".involvement").is_empty());
    assert!(!site.files.keys().any(|p| p.starts_with("institutii/isj-bacau/pagina/")));
}

/// A theme's page is cut across counties: 205 objectives of one county under one theme, with
/// the bundled fixture's own, fill two pages, each objective on exactly one.
#[test]
fn a_theme_s_objectives_are_cut_into_pages_each_once() {
    let site = TestSite::minimal();
    let (mut plan, mut source) = (String::from(PLAN_HEAD), String::new());
    for i in 1..=205 {
        let text = format!("Obiectivul de test numărul {i} al planului.");
        source.push_str(&format!("{text}\tActivitatea {i}.\n"));
        plan.push_str(&format!(
            "      - number: \"{i}\"\n        text: {text}\n        themes: [persoane-varstnice]\n        activities:\n          - {{number: \"{i}.1\", text: Activitatea {i}., responsible: [DSP]}}\n"
        ));
    }
    site.write("content/plans/cluj-varstnici.yaml", &plan);
    site.write("content/sources/varstnici.txt", &source);
    let output = site.run(&["build", "--quiet"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let first = Html::parse_document(&site.read("public/teme/persoane-varstnice/index.html"));
    let second = Html::parse_document(&site.read("public/teme/persoane-varstnice/pagina/2/index.html"));
    assert!(!site.root().join("public/teme/persoane-varstnice/pagina/3").exists());
    let on = |html: &Html| select_all(html, ".theme-objective h3 a");
    let (a, b) = (on(&first), on(&second));
    assert_eq!(a.len(), 200);
    let mut all: Vec<String> = a.into_iter().chain(b).collect();
    let total = all.len();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), total, "no objective on two pages");
    assert!(total >= 205, "{total}");
    assert_eq!(select_all(&second, "nav.pagination a[aria-current=page]"), ["2"]);
    let page = site.read("public/teme/persoane-varstnice/pagina/2/index.html");
    insta::assert_snapshot!("theme_page_2", crate::snapshots::main_element(&page));
}

const PLAN_HEAD: &str = "title: PLAN DE TEST PENTRU VÂRSTNICI\ntype: plan-anual\ncounty: cluj\n\
period: {from: 2024, to: 2024}\nsource: varstnici.txt\n\
labels: {goal: Obiectiv general, objective: Obiectiv specific, activity: Activitate, indicators: Indicatori, period: Termen, responsible: Responsabili}\n\
goals:\n  - number: \"1\"\n    text: Obiectivul general de test\n    objectives:\n";
