//! The built site as a reader meets it: every internal link and anchor resolves, the sitemap
//! lists exactly the pages that exist, a sub-path base URL works, and rebuilds are identical.

use scraper::{Html, Selector};
use std::collections::{BTreeMap, BTreeSet};

use crate::support::{TestSite, bundled_built, stderr};

pub use crate::support::read_tree;

/// Builds `site` and returns every file of `public/`, by path; fails the test if the build does.
pub fn build(site: &TestSite) -> BTreeMap<String, Vec<u8>> {
    let output = site.run(&["build"]);
    assert!(output.status.success(), "build failed:\n{}", stderr(&output));
    read_tree(&site.root().join("public"))
}

/// Checks every `href` and `src` of every page: internal targets must exist, and so must the
/// element an anchor names. Returns the broken links found, as "page -> link".
pub fn broken_links(files: &BTreeMap<String, Vec<u8>>, base_path: &str) -> Vec<String> {
    let selector = Selector::parse("[href], [src]").expect("selector");
    let id_selector = Selector::parse("[id]").expect("selector");
    let mut ids: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    let mut parsed = Vec::new();
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = Html::parse_document(&String::from_utf8_lossy(bytes));
        ids.insert(path, html.select(&id_selector).filter_map(|e| e.value().attr("id").map(str::to_owned)).collect());
        parsed.push((path, html));
    }
    let mut broken = Vec::new();
    for (page, html) in &parsed {
        for element in html.select(&selector) {
            let target = element.value().attr("href").or_else(|| element.value().attr("src")).unwrap_or_default();
            if target.starts_with("http://") || target.starts_with("https://") || target.starts_with("mailto:") {
                continue;
            }
            let (path_part, anchor) = target.split_once('#').unwrap_or((target, ""));
            let file = if path_part.is_empty() {
                page.to_string()
            } else {
                let Some(inside) = path_part.strip_prefix(base_path) else {
                    broken.push(format!("{page} -> {target} (outside {base_path})"));
                    continue;
                };
                let inside = inside.split('?').next().unwrap_or_default();
                if inside.is_empty() || inside.ends_with('/') {
                    format!("{inside}index.html")
                } else {
                    inside.to_owned()
                }
            };
            if !files.contains_key(&file) {
                broken.push(format!("{page} -> {target} (no file {file})"));
            } else if !anchor.is_empty() && !ids.get(file.as_str()).is_some_and(|set| set.contains(anchor)) {
                broken.push(format!("{page} -> {target} (no id {anchor})"));
            }
        }
    }
    broken
}

/// The page paths the sitemap lists, relative to the site root.
fn sitemap_pages(files: &BTreeMap<String, Vec<u8>>, base_url: &str) -> BTreeSet<String> {
    let xml = String::from_utf8_lossy(&files["sitemap.xml"]).into_owned();
    xml.split("<loc>")
        .skip(1)
        .map(|rest| {
            let url = rest.split("</loc>").next().unwrap_or_default();
            let path = url.strip_prefix(base_url).unwrap_or_else(|| panic!("{url} not under {base_url}"));
            if path.is_empty() || path.ends_with('/') { format!("{path}index.html") } else { path.to_owned() }
        })
        .collect()
}

/// Fails unless every link of the site resolves under `base_path` and the sitemap lists, under
/// `base_url`, exactly the pages that exist.
pub fn assert_site_is_whole(files: &BTreeMap<String, Vec<u8>>, base_url: &str, base_path: &str) {
    let broken = broken_links(files, base_path);
    assert!(broken.is_empty(), "{} broken links:\n{}", broken.len(), broken.join("\n"));
    let pages: BTreeSet<String> = files.keys().filter(|p| p.ends_with(".html") && *p != "404.html").cloned().collect();
    assert_eq!(sitemap_pages(files, base_url), pages, "the sitemap must list exactly the pages that exist");
}

#[test]
fn bundled_site_has_no_broken_links_and_an_exact_sitemap() {
    let site = bundled_built();
    let config = std::fs::read_to_string(site.root().join("config.toml")).expect("config");
    let base = "http://127.0.0.1:1111/";
    assert!(config.contains(&format!("base_url = \"{base}\"")), "the bundled config must publish at {base}");
    assert_site_is_whole(&site.files, base, "/");
}

#[test]
fn sub_path_base_url_has_no_broken_links() {
    let site = TestSite::bundled();
    let base = "https://example.ro/portal/";
    site.write("config.toml", &format!("title = \"Planuri publice\"\nbase_url = \"{base}\"\n"));
    assert_site_is_whole(&build(&site), base, "/portal/");
    let home = site.read("public/index.html");
    assert!(home.contains("href=/portal/style.css") || home.contains("href=\"/portal/style.css\""), "{home}");
}

#[test]
fn every_item_of_the_content_has_its_page() {
    let site = TestSite::minimal();
    let files = build(&site);
    for page in [
        "index.html",
        "404.html",
        "judete/index.html",
        "judete/ialomita/index.html",
        "planuri/cluj-droguri/index.html",
        "planuri/cluj-droguri/os-1-1/index.html",
        "institutii/dsp-bacau/index.html",
        "tipuri-institutii/dsp/index.html",
        "teme/persoane-varstnice/index.html",
        "documente/pv-cluj-napoca/index.html",
        "surse/plan-cluj.txt",
        "sitemap.xml",
        "robots.txt",
    ] {
        assert!(files.contains_key(page), "missing {page}");
    }
    let plan = site.read("public/planuri/cluj-droguri/index.html");
    for expected in ["id=a-1-1-1", "Realizarea de campanii locale de informare", "O notă de test.", "naț"] {
        assert!(plan.contains(expected), "plan page lacks {expected:?}");
    }
    assert!(!plan.contains("naţ"), "cedilla letters must be normalised");
}

#[test]
fn two_builds_are_byte_identical() {
    // The shared build is the first; the second is made in another folder, which must not matter.
    let first = &bundled_built().files;
    let second = build(&TestSite::bundled());
    assert_eq!(first.len(), second.len());
    for (path, bytes) in first {
        assert!(second.get(path) == Some(bytes), "{path} differs between builds");
    }
}
