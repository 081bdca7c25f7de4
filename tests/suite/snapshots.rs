//! Snapshots of the `<main>` element of one page of every page kind (`PageKind` in
//! `src/render/mod.rs`), on the minimal site with `tests/fixtures/snapshots/` laid over it. They
//! show what each template makes of its context: a change to a view or a template shows up here
//! as a readable diff. Accept an intended change with `cargo insta review` (or
//! `INSTA_UPDATE=always`); see tests/README.md.

use scraper::{ElementRef, Html, Node, Selector};

use crate::support::snapshot_site_built;

/// Elements that have no closing tag.
const VOID: [&str; 13] =
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];

/// The `<main>` element of the built page `path`, one element per line.
fn main_of(path: &str) -> String {
    main_in(snapshot_site_built(), path)
}

/// The `<main>` element of the page `path` of `site`, one element per line.
fn main_in(site: &crate::support::BuiltSite, path: &str) -> String {
    main_element(&site.page(path))
}

/// The `<main>` element of the page `page`, one element per line (as a snapshot shows it).
pub fn main_element(page: &str) -> String {
    let html = Html::parse_document(page);
    let path = "the page";
    let selector = Selector::parse("main").expect("selector");
    let main = html.select(&selector).next().unwrap_or_else(|| panic!("{path} has no <main>"));
    let mut out = String::new();
    write_element(main, 0, &mut out);
    out
}

/// Writes `element` at `depth`: on one line when it holds only text, otherwise its opening tag,
/// each child indented on its own lines, and its closing tag.
fn write_element(element: ElementRef<'_>, depth: usize, out: &mut String) {
    let indent = "  ".repeat(depth);
    let value = element.value();
    let mut open = format!("<{}", value.name());
    for (name, attribute) in value.attrs() {
        open.push_str(&format!(" {name}=\"{}\"", attribute.replace('&', "&amp;").replace('"', "&quot;")));
    }
    open.push('>');
    if VOID.contains(&value.name()) {
        out.push_str(&format!("{indent}{open}\n"));
        return;
    }
    let close = format!("</{}>", value.name());
    if element.children().all(|child| child.value().is_text()) {
        out.push_str(&format!("{indent}{open}{}{close}\n", text_of(element.children().map(|child| child.value()))));
        return;
    }
    out.push_str(&format!("{indent}{open}\n"));
    for child in element.children() {
        match child.value() {
            Node::Element(_) => {
                if let Some(child) = ElementRef::wrap(child) {
                    write_element(child, depth + 1, out);
                }
            }
            Node::Text(_) => {
                let text = text_of(std::iter::once(child.value()));
                if !text.is_empty() {
                    out.push_str(&format!("{indent}  {text}\n"));
                }
            }
            _ => {}
        }
    }
    out.push_str(&format!("{indent}{close}\n"));
}

/// The text of `nodes`, white space collapsed and `<`, `&` escaped as in HTML.
fn text_of<'a>(nodes: impl Iterator<Item = &'a Node>) -> String {
    let raw: String = nodes.filter_map(|node| node.as_text().map(|t| t.to_string())).collect();
    raw.split_whitespace().collect::<Vec<_>>().join(" ").replace('&', "&amp;").replace('<', "&lt;")
}

/// One test per page kind: `name => built file`.
macro_rules! page_kinds {
    ($($name:ident => $path:literal,)*) => {
        $(
            #[test]
            fn $name() {
                insta::assert_snapshot!(stringify!($name), main_of($path));
            }
        )*
    };
}

page_kinds! {
    home => "index.html",
    counties => "judete/index.html",
    county => "judete/cluj/index.html",
    county_theme => "judete/cluj/teme/persoane-varstnice/index.html",
    plans => "planuri/index.html",
    plan => "planuri/cluj-droguri/index.html",
    objective => "planuri/cluj-droguri/os-1-1/index.html",
    plan_filter => "planuri/cluj-droguri/filtre/index.html",
    institutions => "institutii/index.html",
    institution => "institutii/dsp-cluj/index.html",
    institution_types => "tipuri-institutii/index.html",
    institution_type => "tipuri-institutii/dsp/index.html",
    ranking => "institutii/clasament/index.html",
    type_ranking_by_counties => "tipuri-institutii/clasament/judete/index.html",
    themes => "teme/index.html",
    theme => "teme/persoane-varstnice/index.html",
    documents => "documente/index.html",
    document => "documente/pv-cluj-napoca/index.html",
    document_with_provenance => "documente/pv-bacau/index.html",
    search => "cautare/index.html",
    not_found => "404.html",
    framework => "strategii/sna/index.html",
    framework_objective => "strategii/sna/prevenire-universala/index.html",
    comparisons => "comparatii/index.html",
    pair => "comparatii/cluj-si-bacau/index.html",
    data => "date/index.html",
    source => "surse/plan-cluj/index.html",
    irregularities => "nereguli/index.html",
    irregularities_of_kind => "nereguli/alta/index.html",
}

/// The locality pages, on the snapshot site with a local plan whose activity names its locality
/// (`tests/fixtures/places/`): the other pages keep the snapshot site's own snapshots.
#[test]
fn locality() {
    insta::assert_snapshot!(
        "locality",
        main_in(crate::support::places_site_built(), "localitati/cluj-napoca/index.html")
    );
}

#[test]
fn localities() {
    insta::assert_snapshot!("localities", main_in(crate::support::places_site_built(), "localitati/index.html"));
}
