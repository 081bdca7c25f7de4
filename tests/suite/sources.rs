//! Source pages (`surse/<name>/`): every line of a source text, numbered and an anchor, and the
//! links notes make to those lines. On the bundled site, every link to a line or a range of lines
//! must land on lines that exist, each page must show its source line for line, and every
//! objective and activity must be found in its source ("vezi în sursă").

use std::collections::{BTreeMap, BTreeSet};

use scraper::{Html, Selector};

use crate::support::{bundled_built, repo};

/// The element ids of every source page of the built site, by the page's folder (`surse/x/`).
fn source_page_ids(files: &BTreeMap<String, Vec<u8>>) -> BTreeMap<String, BTreeSet<String>> {
    let any_id = Selector::parse("[id]").expect("selector");
    files
        .iter()
        .filter(|(path, _)| path.starts_with("surse/") && path.ends_with("/index.html"))
        .map(|(path, bytes)| {
            let html = Html::parse_document(&String::from_utf8_lossy(bytes));
            let ids = html.select(&any_id).filter_map(|e| e.value().id()).map(str::to_owned).collect();
            (path.trim_end_matches("index.html").to_owned(), ids)
        })
        .collect()
}

/// The lines a fragment names: `L51` → 51..=51, `L32-L34` → 32..=34.
fn lines_of(fragment: &str) -> Option<(usize, usize)> {
    let (from, to) = match fragment.split_once('-') {
        Some((a, b)) => (a.strip_prefix('L')?, b.strip_prefix('L')?),
        None => (fragment.strip_prefix('L')?, fragment.strip_prefix('L')?),
    };
    Some((from.parse().ok()?, to.parse().ok()?))
}

#[test]
fn every_link_to_source_lines_lands_on_lines_that_exist() {
    let site = bundled_built();
    let pages = source_page_ids(&site.files);
    assert_eq!(pages.len(), 5, "one page per source text: {:?}", pages.keys());
    let link = Selector::parse("a[href]").expect("selector");
    let (mut checked, mut broken) = (0, Vec::new());
    for (path, bytes) in site.files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = Html::parse_document(&String::from_utf8_lossy(bytes));
        for href in html.select(&link).filter_map(|a| a.value().attr("href")) {
            let Some(at) = href.find("surse/") else { continue };
            let Some((page, fragment)) = href[at..].split_once('#') else { continue };
            if !fragment.starts_with('L') {
                continue;
            }
            checked += 1;
            let ids = pages.get(page);
            let lands = match (ids, lines_of(fragment)) {
                // A range also has its own id on its first line: without JavaScript the link lands
                // there.
                (Some(ids), Some((from, to))) => {
                    from <= to
                        && (from..=to).all(|n| ids.contains(&format!("L{n}")))
                        && (from == to || ids.contains(fragment))
                }
                _ => false,
            };
            if !lands {
                broken.push(format!("{path}: {href}"));
            }
        }
    }
    assert!(checked >= 88, "the notes of the bundled content link their lines; found only {checked} links");
    assert!(
        broken.is_empty(),
        "{} of {checked} links to source lines land nowhere:\n{}",
        broken.len(),
        broken.join("\n")
    );
}

#[test]
fn a_source_page_shows_its_source_line_for_line() {
    let site = bundled_built();
    let line = Selector::parse(".source-lines li").expect("selector");
    let cell = Selector::parse(".line-text > .cell").expect("selector");
    let number = Selector::parse(".line-number").expect("selector");
    for entry in std::fs::read_dir(repo().join("content/sources")).expect("sources") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("name").to_string_lossy().into_owned();
        let source = std::fs::read_to_string(&path).expect("source");
        let page = site.page(&format!("surse/{}/index.html", name.trim_end_matches(".txt")));
        let html = Html::parse_document(&page);
        let shown: Vec<_> = html.select(&line).collect();
        assert_eq!(shown.len(), source.lines().count(), "{name}");
        for (i, (li, printed)) in shown.iter().zip(source.lines()).enumerate() {
            assert_eq!(li.value().id(), Some(format!("L{}", i + 1).as_str()), "{name}");
            let n: String = li.select(&number).flat_map(|e| e.text()).collect();
            assert_eq!(n, (i + 1).to_string(), "{name}");
            // One cell per tab-separated part; the minifier may collapse runs of spaces, but the
            // words and their order stay.
            let cells: Vec<Vec<String>> = li
                .select(&cell)
                .map(|c| c.text().collect::<String>().split_whitespace().map(str::to_owned).collect())
                .collect();
            let expected: Vec<Vec<String>> =
                printed.split('\t').map(|c| c.split_whitespace().map(str::to_owned).collect()).collect();
            assert_eq!(cells, expected, "{name}:{}", i + 1);
        }
        assert!(page.contains(&format!("/surse/{name}")), "{name}: the page links its raw file");
    }
}

#[test]
fn every_goal_objective_and_activity_of_the_bundled_content_is_found_in_its_source() {
    let site = planportal::build::load(planportal::build::Source::Folder(&repo()))
        .unwrap_or_else(|d| panic!("the bundled content must load:\n{}", d.render()))
        .site;
    let (mut found, mut missing) = (0, Vec::new());
    for plan in &site.plans {
        for goal in plan.goals_in_order() {
            match goal.goal.source_lines {
                Some(span) if span.from <= span.to => found += 1,
                _ => missing.push(format!("{} #{}", plan.id, goal.goal.anchor)),
            }
            for objective in &goal.goal.objectives {
                let items = std::iter::once((&objective.anchor, objective.source_lines))
                    .chain(objective.activities.iter().map(|a| (&a.anchor, a.source_lines)));
                for (anchor, lines) in items {
                    match lines {
                        Some(span) if span.from <= span.to => found += 1,
                        _ => missing.push(format!("{} #{anchor}", plan.id)),
                    }
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{} of {} items not found in their source:\n{}",
        missing.len(),
        found + missing.len(),
        missing.join("\n")
    );
}

/// Issue 18: every note a reader sees on a plan or a document page links to the source lines it
/// is about, so that any reader can check it (four notes on an absence cited no line before).
#[test]
fn every_note_on_a_publication_links_to_its_source_lines() {
    let site = bundled_built();
    let note = Selector::parse("li.note").expect("selector");
    let line_link = Selector::parse(".note-lines a").expect("selector");
    let mut notes = 0;
    let mut without: Vec<String> = Vec::new();
    for (path, bytes) in &site.files {
        if !(path.starts_with("planuri/") || path.starts_with("documente/")) || !path.ends_with(".html") {
            continue;
        }
        let html = Html::parse_document(&String::from_utf8_lossy(bytes));
        for n in html.select(&note) {
            notes += 1;
            if n.select(&line_link).next().is_none() {
                let text: String = n.text().collect();
                without.push(format!("{path}: {}", text.chars().take(100).collect::<String>()));
            }
        }
    }
    assert!(notes > 200, "only {notes} notes found");
    assert!(without.is_empty(), "{} notes without a line link:\n{}", without.len(), without.join("\n"));
}

/// Issue 18: every passage of a document's body (a paragraph, a list item) and every vulnerable
/// group and proposal listed from it links to the source lines it was transcribed from, as every
/// objective and activity of a plan does; before, the minutes' text linked none.
#[test]
fn every_passage_of_a_document_links_to_its_source_lines() {
    let site = bundled_built();
    let loaded = planportal::build::load(planportal::build::Source::Folder(&repo()))
        .unwrap_or_else(|d| panic!("the bundled content must load:\n{}", d.render()));
    let body = Selector::parse(".document-body").expect("selector");
    let passage = Selector::parse(".document-body li, .document-body > p").expect("selector");
    let own_link = Selector::parse(":scope > a.in-source-line, :scope > p > a.in-source-line").expect("selector");
    let tagged = Selector::parse("[aria-labelledby=tags-t] li").expect("selector");
    for document in &loaded.site.documents {
        let path = format!("documente/{}/index.html", document.id);
        let html = Html::parse_document(&site.page(&path));
        assert!(html.select(&body).next().is_some(), "{path}: no body");
        let passages = planportal::markdown::passages(&document.body);
        assert!(passages.len() > 100, "{path}: only {} passages", passages.len());
        let without: Vec<String> = html
            .select(&passage)
            .chain(html.select(&tagged))
            .filter(|p| p.select(&own_link).next().is_none())
            .map(|p| p.text().collect::<String>().chars().take(80).collect())
            .collect();
        assert!(without.is_empty(), "{path}: {} passages without their lines:\n{}", without.len(), without.join("\n"));
    }
}
