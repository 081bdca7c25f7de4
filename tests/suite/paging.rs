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

/// A portal of 202 plans and a document (the minimal fixture's with 201 small ones of Cluj, each
/// naming the DSP), built once: its lists of every publication are cut, or summarised.
fn many_plans() -> TestSite {
    let site = TestSite::minimal();
    for i in 1..=201 {
        let text = format!("Obiectivul planului de test numărul {i}.");
        site.write(&format!("content/sources/test-{i:03}.txt"), &format!("{text}\tActivitatea {i}.\n"));
        let note = if i == 201 { ", notes: [{kind: alta, lines: [1], text: O notă de test.}]" } else { "" };
        let plan = PLAN_HEAD
            .replace("PLAN DE TEST PENTRU VÂRSTNICI", &format!("PLAN DE TEST {i:03}"))
            .replace("source: varstnici.txt", &format!("source: test-{i:03}.txt\ndate: \"2024-01-{:02}\"", i % 28 + 1))
            + &format!(
                "      - number: \"1\"\n        text: {text}\n        activities:\n          - {{number: \"1.1\", text: Activitatea {i}., responsible: [DSP]{note}}}\n"
            );
        site.write(&format!("content/plans/test-{i:03}.yaml"), &plan);
    }
    let output = site.run(&["build", "--quiet"]);
    assert!(output.status.success(), "{}", stderr(&output));
    site
}

/// The paths of the pages of a listing at `base` (under `public/`), and their parsed pages.
fn listing_pages(site: &TestSite, base: &str) -> Vec<Html> {
    let mut pages = Vec::new();
    for n in 1.. {
        let path = site.root().join("public").join(page_file(base, n));
        if !path.exists() {
            break;
        }
        pages.push(Html::parse_document(&std::fs::read_to_string(path).expect("a page")));
    }
    pages
}

/// Issue 21: at 35,000 plans the list of plans, the home page, the data page, the irregularities
/// pages and an institution type's columns each passed 1 MB. Each is cut or summarised.
#[test]
fn every_list_of_all_publications_is_cut_into_pages_or_summarised() {
    let site = many_plans();
    // The list of plans: 202 on two pages, each plan on exactly one.
    let plans = listing_pages(&site, "planuri/");
    assert_eq!(plans.len(), 2);
    let mut titles: Vec<String> = plans.iter().flat_map(|p| select_all(p, "main .cards li > a")).collect();
    assert_eq!(select_all(&plans[0], "main .cards li > a").len(), 200);
    assert_eq!(titles.len(), 202);
    titles.sort();
    titles.dedup();
    assert_eq!(titles.len(), 202, "no plan on two pages");
    assert_eq!(select_all(&plans[1], "nav.pagination a[aria-current=page]"), ["2"]);
    // The home page: the newest ten, then the lists.
    let home = Html::parse_document(&site.read("public/index.html"));
    assert_eq!(select_all(&home, ".more-publications").len(), 1);
    let newest = select_all(&home, "main h2 + ul.cards li > a");
    assert!(newest.iter().filter(|t| t.starts_with("PLAN DE TEST")).count() == 10, "{newest:?}");
    // The data page: each plan's files are on its page, not listed here.
    let data = site.read("public/date/index.html");
    assert!(!data.contains("planuri/test-001.csv"), "the data page lists a plan's files");
    let said = select_all(&Html::parse_document(&data), ".plan-files");
    assert!(said.iter().any(|s| s.starts_with("Fișierele fiecăruia dintre cele 202")), "{said:?}");
    // The irregularities: 203 publications on three pages, every kind's pages too.
    for base in ["nereguli/", "nereguli/alta/"] {
        let pages = listing_pages(&site, base);
        assert_eq!(pages.len(), 3, "{base}");
        let mut sections: Vec<String> = pages
            .iter()
            .flat_map(|p| {
                let selector = Selector::parse("section.irregularities-of").expect("a selector");
                p.select(&selector).filter_map(|s| s.value().id().map(str::to_owned)).collect::<Vec<_>>()
            })
            .collect();
        sections.sort();
        sections.dedup();
        assert_eq!(sections.len(), 203, "{base}: every publication once");
    }
    // The plan with a note links its section, on the page it falls on.
    let plan = Html::parse_document(&site.read("public/planuri/test-201/index.html"));
    let link = attr(&plan, ".plan-counts a", "href").expect("the plan's link to its notes");
    let (page, anchor) = link.split_once('#').expect("an anchor");
    let target = Html::parse_document(&site.read(&format!("public{page}index.html")));
    assert!(page.contains("/pagina/"), "{link}");
    assert_eq!(select_all(&target, &format!("section#{anchor} h2")), ["PLAN DE TEST 201"], "{link}");
    // The DSP's column for Cluj: ten activities as responsible, then how many more.
    let dsp = Html::parse_document(&site.read("public/tipuri-institutii/dsp/index.html"));
    let listed = select_all(&dsp, ".type-counties tbody tr:first-child li:not(.more)");
    assert_eq!(listed.len(), 10, "{listed:?}");
    let more = select_all(&dsp, ".type-counties tbody tr:first-child li.more");
    assert_eq!(more.len(), 1);
    assert!(more[0].starts_with("și încă 19"), "{more:?}");
}

/// The list of every institution and their ranking are cut into pages: 600 associations more
/// than the minimal site's, each named by one activity, fill two pages of each listing, every
/// institution on exactly one. On one page, the 7,055 institutions of the benchmark's 300,000
/// pages made a 1.3 MB page (docs/performance.md).
#[test]
fn the_institutions_list_and_rankings_are_cut_into_pages_each_institution_once() {
    let site = TestSite::minimal();
    let (mut institutions, mut plan, mut source) = (String::new(), String::from(PLAN_HEAD), String::new());
    plan.push_str("      - number: \"1\"\n        text: Obiectivul cu multe asociații.\n        activities:\n");
    source.push_str("Obiectivul cu multe asociații.\n");
    for i in 1..=600 {
        institutions.push_str(&format!(
            "- id: asociatia-de-test-{i}\n  type: cpeca\n  county: cluj\n  name: Asociația de test {i}\n"
        ));
        source.push_str(&format!("Activitatea {i}.\tAsociația de test {i}\n"));
        plan.push_str(&format!(
            "          - {{number: \"1.{i}\", text: Activitatea {i}., responsible: [Asociația de test {i}]}}\n"
        ));
    }
    site.write("content/institutions/asociatii.yaml", &institutions);
    site.write("content/plans/cluj-varstnici.yaml", &plan);
    site.write("content/sources/varstnici.txt", &source);
    let output = site.run(&["build", "--quiet"]);
    assert!(output.status.success(), "{}", stderr(&output));
    for (listing, rows_css, title) in [
        ("institutii/", "tbody th a", "Instituții"),
        ("institutii/clasament/", "tbody th a", "Instituțiile după numărul de activități"),
        ("institutii/clasament/planuri/", "tbody th a", "Instituțiile după numărul de planuri"),
    ] {
        let first = Html::parse_document(&site.read(&format!("public/{}", page_file(listing, 1))));
        let second = Html::parse_document(&site.read(&format!("public/{}", page_file(listing, 2))));
        assert!(!site.root().join(format!("public/{listing}pagina/3")).exists(), "{listing}: two pages");
        let (a, b) = (select_all(&first, rows_css), select_all(&second, rows_css));
        assert_eq!(a.len(), 500, "{listing}: the first page is full");
        let total = a.len() + b.len();
        let mut all: Vec<String> = a.into_iter().chain(b).collect();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), total, "{listing}: no institution on two pages");
        assert!(total > 600, "{listing}: {total} rows");
        assert!((1..=600).all(|i| all.contains(&format!("Asociația de test {i}"))), "{listing}: every one listed");
        let said = select_all(&first, ".pagination-count").remove(0);
        assert!(said.ends_with(&format!("din {total}")), "{listing}: {said}");
        let heading = select_all(&second, "h1").remove(0);
        let page_title = select_all(&second, "title").remove(0);
        assert!(listing == "institutii/" || heading == title, "{listing}: the heading is the listing's: {heading}");
        assert!(page_title.starts_with(&format!("{title} — pagina 2 din 2")), "{listing}: {page_title}");
        assert_eq!(select_all(&second, "nav.pagination a[aria-current=page]"), ["2"], "{listing}");
        let previous = attr(&second, "nav.pagination a[rel=prev]", "href");
        assert_eq!(previous.as_deref(), Some(format!("/{listing}").as_str()), "{listing}");
        let bytes = site.read(&format!("public/{}", page_file(listing, 1))).len();
        assert!(bytes < LIMIT, "{listing}: {bytes} B");
    }
    // Places count from the first page: the second page goes on where the first stopped.
    let ranking = |n| Html::parse_document(&site.read(&format!("public/{}", page_file("institutii/clasament/", n))));
    let place = |html: &Html, which: usize| -> usize {
        let places = select_all(html, "tbody td.num:first-child");
        places[which.min(places.len() - 1)].parse().expect("a place")
    };
    let (first, second) = (ranking(1), ranking(2));
    assert!(place(&second, 0) >= place(&first, usize::MAX), "places go on across pages");
}
