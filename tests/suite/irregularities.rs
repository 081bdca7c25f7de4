//! Issue 18, point 3: every irregularity reaches the reader. The irregularities page and its CSV
//! count exactly the notes of the loaded content; a misspelling's "[sic]" leads to its note;
//! every column of a plan's table is shown for every activity, an empty cell in words.

use std::collections::BTreeMap;

use scraper::{Html, Selector};

use crate::support::bundled_built;

fn select(selector: &str) -> Selector {
    Selector::parse(selector).expect("selector")
}

/// Every note of the bundled content, by publication id and by kind code (from the model).
fn notes_in_content() -> (BTreeMap<String, usize>, BTreeMap<&'static str, usize>) {
    let Ok(loaded) = planportal::build::load(planportal::build::Source::Folder(bundled_built().root())) else {
        panic!("the bundled content loads");
    };
    let (mut by_publication, mut by_kind) = (BTreeMap::new(), BTreeMap::new());
    for publication in loaded.site.notes_by_publication() {
        by_publication.insert(publication.id.to_owned(), publication.notes.len());
        for on in &publication.notes {
            *by_kind.entry(on.note.kind.code()).or_insert(0) += 1;
        }
    }
    // The walk must see what the plans count themselves.
    for plan in &loaded.site.plans {
        assert_eq!(by_publication[&plan.id], plan.note_count(), "{}", plan.id);
    }
    (by_publication, by_kind)
}

/// Every built page under `planuri/`: plan, objective and filter pages.
fn plan_pages() -> Vec<String> {
    let files = &bundled_built().files;
    files.keys().filter(|p| p.starts_with("planuri/") && p.ends_with(".html")).cloned().collect()
}

#[test]
fn the_irregularities_page_counts_every_note_of_the_content() {
    let (by_publication, by_kind) = notes_in_content();
    let total: usize = by_publication.values().sum();
    assert!(total > 50, "the bundled content has many notes, found {total}");
    let page = Html::parse_document(&bundled_built().page("nereguli/index.html"));
    assert_eq!(page.select(&select("ol.irregularities > li")).count(), total);
    let caption = page.select(&select(".irregularity-counts caption")).next().expect("caption").inner_html();
    assert!(caption.starts_with(&format!("{total} ")), "{caption}");
    // Per publication: its section lists as many notes as it has.
    for (id, count) in &by_publication {
        let items = select(&format!("#nereguli-{id} ol.irregularities > li"));
        assert_eq!(page.select(&items).count(), *count, "{id}");
    }
    // Per kind: the table's count, and the kind's own page lists exactly those notes.
    let rows: Vec<(String, String)> = page
        .select(&select(".irregularity-counts tbody tr"))
        .map(|tr| {
            let th = tr.select(&select("th")).next().expect("th").text().collect::<String>();
            let td = tr.select(&select("td")).next().expect("td").text().collect::<String>();
            (th, td)
        })
        .collect();
    assert_eq!(rows.len(), planportal::vocabulary::NoteKind::ALL.len());
    for kind in planportal::vocabulary::NoteKind::ALL {
        let expected = by_kind.get(kind.code()).copied().unwrap_or(0);
        let row = rows.iter().find(|(th, _)| th == kind.label()).expect("a row per kind");
        assert_eq!(row.1, expected.to_string(), "{}", kind.code());
        let kind_page = Html::parse_document(&bundled_built().page(&format!("nereguli/{}/index.html", kind.code())));
        assert_eq!(kind_page.select(&select("ol.irregularities > li")).count(), expected, "{}", kind.code());
        let other = kind_page
            .select(&select("ol.irregularities > li"))
            .find(|li| !li.value().classes().any(|c| c == format!("note-{}", kind.code())));
        assert!(other.is_none(), "a note of another kind on the page of {}", kind.code());
    }
}

#[test]
fn the_irregularities_csv_has_one_row_per_note() {
    let (by_publication, by_kind) = notes_in_content();
    let csv = bundled_built().page("date/nereguli.csv");
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let header = reader.headers().expect("header").clone();
    let columns = planportal::export::irregularities::schema().names();
    assert_eq!(header.iter().collect::<Vec<_>>(), columns);
    let at = |name: &str| columns.iter().position(|c| *c == name).expect("a column");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a CSV record")).collect();
    assert_eq!(rows.len(), by_publication.values().sum::<usize>());
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for row in &rows {
        *kinds
            .entry(by_kind.keys().find(|k| **k == &row[at("tip")]).copied().expect("a known kind code"))
            .or_insert(0) += 1;
        let url = &row[at("element_url")];
        assert!(url.contains("/planuri/") || url.contains("/documente/"), "{url}");
    }
    assert_eq!(kinds, by_kind);
}

#[test]
fn every_sic_marker_links_to_a_misspelling_note_on_its_page_and_through_it_to_its_source_lines() {
    let mut markers = 0;
    for path in plan_pages() {
        let page = Html::parse_document(&bundled_built().page(&path));
        for marker in page.select(&select("a.sic")) {
            markers += 1;
            let href = marker.value().attr("href").expect("href");
            let id = href.strip_prefix('#').unwrap_or_else(|| panic!("{path}: {href} is not on the page"));
            let note = page.select(&select(&format!("[id=\"{id}\"]"))).next();
            let note = note.unwrap_or_else(|| panic!("{path}: no note #{id}"));
            assert!(note.value().classes().any(|c| c == "note-greseala-de-redactare"), "{path}: #{id}");
            // The note it leads to links the source lines (each such link lands on lines that
            // exist: `sources::every_link_to_source_lines_lands_on_lines_that_exist`).
            let lines = note.select(&select(".note-lines a[href*='/surse/']")).count();
            assert!(lines > 0, "{path}: the note #{id} of a [sic] links no source line");
            assert!(marker.text().collect::<String>().starts_with("[sic]"));
        }
    }
    assert!(markers > 0, "the bundled plans have misspellings, so [sic] markers");
}

#[test]
fn every_activity_shows_every_column_of_its_plan_and_no_cell_is_empty() {
    for path in plan_pages() {
        let page = Html::parse_document(&bundled_built().page(&path));
        for dd in page.select(&select("dl.facts dd")) {
            assert!(!dd.text().collect::<String>().trim().is_empty(), "{path}: an empty cell: {}", dd.html());
        }
        // Every activity of a plan has the same columns (themes and named localities aside, which
        // the portal adds).
        let mut columns: Option<Vec<String>> = None;
        for activity in page.select(&select("article.activity")) {
            let names: Vec<String> = activity
                .select(&select("dl.facts dt"))
                .map(|dt| dt.text().collect::<String>())
                .filter(|name| name != "Teme" && name != "Localități numite")
                .collect();
            match &columns {
                None => columns = Some(names),
                Some(first) => assert_eq!(&names, first, "{path}: {}", activity.value().attr("id").unwrap_or("")),
            }
        }
    }
}
