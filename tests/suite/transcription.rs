//! The transcription of the five source documents, proved against the sources themselves:
//! every text of the bundled content stands in its source (after removing what layout adds:
//! white space, line breaks inside cells, stray HTML, bullets, words broken by layout, cedilla
//! letters), every numbered measure row of a source appears in the content, and the counts per
//! plan equal the counts made by hand from the documents.

use std::collections::BTreeMap;

use planportal::model::{Activity, Plan, Site};
use planportal::text::normalize;

use crate::support::repo;

fn bundled() -> Site {
    planportal::build::load(planportal::build::Source::Folder(&repo()))
        .unwrap_or_else(|d| panic!("the bundled content must load:\n{}", d.render()))
        .site
}

/// What layout cannot change: the letters, digits and punctuation of a text, in order. White
/// space (line breaks, words broken across lines) is dropped, HTML tags and bullets removed,
/// cedilla letters made comma-below.
fn fold_layout(text: &str) -> String {
    fold(text, false)
}

/// The same for a source, except that a cell or row boundary (tab, line break) leaves a `¶`:
/// a text may be split by a page break only where the source crosses such a boundary.
fn fold_source(text: &str) -> String {
    fold(text, true)
}

fn fold(text: &str, mark_cells: bool) -> String {
    let normal = normalize(text).replace("&nbsp;", " ").replace("&amp;", "&");
    let mut out = String::with_capacity(normal.len());
    let mut in_tag = false;
    for c in normal.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            '▪' | '•' | '\u{f0a7}' | '\u{f0b7}' => {}
            '\t' | '\n' if mark_cells => {
                if !out.ends_with('¶') {
                    out.push('¶');
                }
            }
            c if c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    out
}

/// How `text` (folded with `fold_layout`) stands in `source` (folded with `fold_source`): the
/// number of pieces it takes, or the first part that cannot be found. A cell cut by a page break
/// stands in two or three pieces, in order, with a cell boundary between them; every piece but
/// the last must be long enough to be telling. A word left out inside a cell is not accepted.
fn pieces_in_source(text: &str, source: &str) -> Result<usize, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut start = 0;
    let mut from = 0;
    let mut pieces = 0;
    while start < chars.len() {
        let haystack = &source[from..];
        // The longest prefix of the rest that occurs after the previous piece (occurrence is monotone).
        let (mut low, mut high) = (0, chars.len() - start);
        while low < high {
            let mid = (low + high).div_ceil(2);
            let candidate: String = chars[start..start + mid].iter().collect();
            if haystack.contains(&candidate) { low = mid } else { high = mid - 1 }
        }
        let rest: String = chars[start..].iter().collect();
        if low == 0 || (low < 12 && low < chars.len() - start) {
            return Err(rest);
        }
        let piece: String = chars[start..start + low].iter().collect();
        let found = haystack.find(&piece).unwrap_or(0);
        if pieces > 0 && !haystack[..found].contains('¶') {
            return Err(rest);
        }
        from += found + piece.len();
        start += low;
        pieces += 1;
    }
    Ok(pieces)
}

/// Every text of a plan with a label saying where it is.
fn plan_texts(plan: &Plan) -> Vec<(String, String)> {
    let mut texts = vec![("title".to_owned(), plan.title.clone())];
    texts.extend(plan.approval.iter().map(|a| ("approval".to_owned(), a.clone())));
    texts.extend(plan.mention.iter().map(|a| ("mention".to_owned(), a.clone())));
    texts.extend(plan.signatories.iter().map(|s| ("signatory".to_owned(), s.name.clone())));
    texts.extend(plan.glossary.iter().map(|g| ("glossary".to_owned(), g.meaning.clone())));
    for goal in plan.goals_in_order() {
        for section in &goal.path {
            texts.extend(section.title.iter().map(|t| ("section title".to_owned(), t.clone())));
        }
        texts.push((format!("goal {}", goal.goal.number.as_deref().unwrap_or("?")), goal.goal.text.clone()));
        for objective in &goal.goal.objectives {
            let at = format!("objective {}", objective.number.as_deref().unwrap_or(&objective.anchor));
            texts.push((at.clone(), objective.text.clone()));
            texts.extend(objective.list_text.iter().map(|t| (format!("{at} list_text"), t.clone())));
            for activity in &objective.activities {
                texts.extend(activity_texts(activity));
            }
        }
    }
    texts
}

fn activity_texts(activity: &Activity) -> Vec<(String, String)> {
    let at = format!("activity {}", activity.number.as_deref().unwrap_or(&activity.anchor));
    let mut texts = vec![(at.clone(), activity.text.clone())];
    let lists = [
        ("indicator", activity.indicators.clone()),
        ("responsible", activity.responsible.iter().map(|a| a.printed.clone()).collect()),
        ("partner", activity.partners.iter().map(|a| a.printed.clone()).collect()),
        ("funding", activity.funding.clone()),
    ];
    for (field, values) in lists {
        texts.extend(values.into_iter().map(|v| (format!("{at} {field}"), v)));
    }
    for (field, value) in [
        ("period", &activity.period),
        ("evaluation", &activity.evaluation),
        ("responsible_text", &activity.responsible_text),
        ("partners_text", &activity.partners_text),
    ] {
        texts.extend(value.iter().map(|v| (format!("{at} {field}"), v.clone())));
    }
    texts
}

#[test]
fn every_text_of_every_plan_stands_in_its_source() {
    let site = bundled();
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut split = 0;
    for plan in &site.plans {
        let source = fold_source(&site.sources[&plan.source]);
        for (place, text) in plan_texts(plan) {
            checked += 1;
            match pieces_in_source(&fold_layout(&text), &source) {
                Ok(1) => {}
                Ok(_) => split += 1,
                Err(rest) => failures.push(format!("{} {place}: not in {}: …{rest}", plan.id, plan.source)),
            }
        }
    }
    println!("{checked} texts checked, {split} of them re-joined from pieces split by page breaks");
    assert!(failures.is_empty(), "{} texts do not stand in their source:\n{}", failures.len(), failures.join("\n"));
    assert!(site.plans.len() >= 4, "the four plans must be transcribed");
}

#[test]
fn every_text_of_every_document_stands_in_its_source() {
    let site = bundled();
    let mut failures = Vec::new();
    for document in &site.documents {
        let source = fold_source(&site.sources[&document.source]);
        let mut texts = vec![document.title.clone()];
        texts.extend(document.participants.iter().map(|p| p.printed.clone()));
        texts.extend(document.drawn_up_by.iter().cloned());
        texts.extend(document.vulnerable_groups.iter().chain(&document.proposals).map(|i| i.text.clone()));
        // The body, paragraph by paragraph, without its Markdown markers.
        texts.extend(document.body.lines().map(strip_markdown).filter(|l| !l.is_empty()));
        for text in texts {
            if let Err(rest) = pieces_in_source(&fold_layout(&text), &source) {
                failures.push(format!("{}: not in {}: …{rest}", document.id, document.source));
            }
        }
    }
    assert!(failures.is_empty(), "{} texts do not stand in their source:\n{}", failures.len(), failures.join("\n"));
    assert!(!site.documents.is_empty(), "the consultation minutes must be transcribed");
}

/// A line of Markdown without its list, heading, emphasis and quote markers.
fn strip_markdown(line: &str) -> String {
    let trimmed = line.trim_start();
    let trimmed = trimmed.trim_start_matches(['#', '>']).trim_start();
    let trimmed = ["- ", "* ", "+ "].iter().find_map(|m| trimmed.strip_prefix(m)).unwrap_or(trimmed);
    trimmed
        .replace("**", "")
        .replace("\\*", "*")
        .replace("\\_", "_")
        .replace("\\-", "-")
        .replace("\\+", "+")
        .replace("\\.", ".")
        .replace("\\#", "#")
        .trim()
        .to_owned()
}

/// The published numbers of the measure rows of a source: a number of three parts (1.1.1,
/// 2.3.2.) at the start of a table cell.
fn measure_numbers_in_source(source: &str) -> BTreeMap<String, usize> {
    let mut numbers = BTreeMap::new();
    for cell in source.split(['\t', '\n']).flat_map(|cell| cell.split("</p>")) {
        let cell = cell.trim_start().trim_start_matches("<p>").trim_start_matches("<i>").trim_start();
        let number: String = cell.chars().take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ' ').collect();
        if let Some(key) = measure_key(&number) {
            *numbers.entry(key).or_insert(0) += 1;
        }
    }
    numbers
}

/// A measure number of three parts of at most two digits, whatever separates them ("1.2.1.",
/// "1.2 1" as one plan prints it), as "1.2.1"; `None` for anything else.
fn measure_key(number: &str) -> Option<String> {
    let parts: Vec<&str> = number.split(['.', ' ']).filter(|p| !p.is_empty()).collect();
    let digits = |p: &&str| p.len() <= 2 && p.chars().all(|c| c.is_ascii_digit());
    (parts.len() == 3 && parts.iter().all(digits)).then(|| parts.join("."))
}

#[test]
fn every_numbered_measure_row_of_the_sources_is_in_the_content() {
    let site = bundled();
    let mut failures = Vec::new();
    for plan in site.plans.iter().filter(|p| p.activities().any(|a| a.number.is_some())) {
        let expected = measure_numbers_in_source(&site.sources[&plan.source]);
        let mut actual: BTreeMap<String, usize> = BTreeMap::new();
        for activity in plan.activities() {
            if let Some(key) = activity.number.as_deref().and_then(measure_key) {
                *actual.entry(key).or_insert(0) += 1;
            }
        }
        if expected != actual {
            let all: std::collections::BTreeSet<&String> = expected.keys().chain(actual.keys()).collect();
            for number in all {
                let (e, a) = (expected.get(number).unwrap_or(&0), actual.get(number).unwrap_or(&0));
                if e != a {
                    failures.push(format!("{}: measure {number}: {e} rows in the source, {a} in the content", plan.id));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn framework_wordings_come_from_the_plans() {
    let site = bundled();
    let sources: Vec<String> = site.sources.values().map(|s| fold_source(s)).collect();
    let mut failures = Vec::new();
    for framework in &site.frameworks {
        for goal in &framework.goals {
            let wordings = goal.wordings.iter().chain(goal.objectives.iter().flat_map(|o| o.wordings.iter()));
            for wording in wordings {
                let folded = fold_layout(wording);
                if !sources.iter().any(|s| pieces_in_source(&folded, s).is_ok()) {
                    failures.push(wording.clone());
                }
            }
        }
    }
    assert!(failures.is_empty(), "framework wordings found in no source:\n{}", failures.join("\n"));
}

#[test]
fn the_fold_ignores_layout_but_not_words() {
    let source = fold_source("<p>consumului experimental/ocazion al de droguri</p>\tşi altele");
    assert_eq!(pieces_in_source(&fold_layout("consumului experimental/ocazional de droguri"), &source), Ok(1));
    assert_eq!(pieces_in_source(&fold_layout("și altele"), &source), Ok(1));
    // A word left out inside a cell is caught even though the rest stands further on.
    assert!(pieces_in_source(&fold_layout("consumului experimental de droguri"), &source).is_err());
    let split = fold_source(
        "\tDezvoltarea practicii instituționale (elaborare\tAnaliză elaborată\n\tși implementare proceduri\t",
    );
    let joined = fold_layout("Dezvoltarea practicii instituționale (elaborare și implementare proceduri");
    assert_eq!(pieces_in_source(&joined, &split), Ok(2));
    // Pieces must come in the order of the source.
    let reversed = fold_layout("și implementare proceduri Dezvoltarea practicii instituționale (elaborare");
    assert!(pieces_in_source(&reversed, &split).is_err());
}

/// Letters and digits only, lowercase, HTML tags removed: what no layout choice (splitting a
/// cell into items, re-joining a page break, a label's capitals) can change. Used for the
/// direction source → content, where the question is only whether anything was left out.
fn fold_letters(text: &str) -> String {
    let normal = normalize(text);
    let mut out = String::with_capacity(normal.len());
    let mut in_tag = false;
    for c in normal.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            c if c.is_alphanumeric() => out.extend(c.to_lowercase()),
            _ => {}
        }
    }
    out
}

/// Everything a plan publishes, in reading order, each text next to its number and label, so
/// that a source cell such as "OBIECTIV GENERAL 2: text" or "1.1.1. text" stands in it.
fn plan_corpus(plan: &Plan) -> String {
    let mut parts: Vec<String> = vec![plan.title.clone()];
    parts.extend(plan.approval.clone());
    parts.extend(plan.mention.clone());
    parts.extend(plan.header.clone());
    for s in &plan.signatories {
        parts.push(format!("{} {}", s.role.as_deref().unwrap_or(""), s.name));
    }
    for g in &plan.glossary {
        parts.push(format!("{} {}", g.abbreviation, g.meaning));
    }
    let labels = &plan.labels;
    parts.extend(
        [&labels.goal, &labels.objective, &labels.activity, &labels.indicators, &labels.period, &labels.responsible]
            .map(Clone::clone),
    );
    parts.extend([&labels.evaluation, &labels.partners, &labels.funding].into_iter().flatten().cloned());
    let mut seen_sections = std::collections::HashSet::new();
    for goal in plan.goals_in_order() {
        for section in &goal.path {
            if seen_sections.insert(section.anchor.clone()) {
                let words = [&section.level, &section.number, &section.title];
                parts.push(words.iter().filter_map(|w| w.as_deref()).collect::<Vec<_>>().join(" "));
            }
        }
        let g = goal.goal;
        let label = g.label.as_deref().unwrap_or(&labels.goal);
        parts.push(format!("{label} {} {}", g.number.as_deref().unwrap_or(""), g.text));
        for objective in &g.objectives {
            let label = objective.label.as_deref().unwrap_or("");
            parts.push(format!("{label} {} {}", objective.number.as_deref().unwrap_or(""), objective.text));
            parts.extend(
                objective.list_text.iter().map(|t| format!("{} {t}", objective.number.as_deref().unwrap_or(""))),
            );
            for activity in &objective.activities {
                let mut texts = activity_texts(activity).into_iter().map(|(_, t)| t);
                let first = texts.next().unwrap_or_default();
                parts.push(format!("{} {first}", activity.number.as_deref().unwrap_or("")));
                parts.extend(texts);
            }
        }
    }
    parts.iter().map(|p| fold_letters(p)).collect()
}

/// The paragraphs of a source: each table cell, each list item or paragraph inside a cell,
/// each line outside tables, with its line number.
fn source_paragraphs(source: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (index, line) in source.lines().enumerate() {
        for cell in line.split('\t') {
            for piece in cell.split(['▪', '\u{f0a7}']).flat_map(|p| p.split("</p>")).flat_map(|p| p.split("</li>")) {
                let folded = fold_letters(piece);
                if !folded.is_empty() {
                    out.push((index + 1, folded));
                }
            }
        }
    }
    out
}

/// Layout that the transcription leaves out on purpose: table headers repeated on every page
/// and page-break remnants, as letters-only folds, per source. Everything else of a source
/// must stand in the content.
const LAYOUT: &[(&str, &[&str])] = &[
    (
        "000_6788c3dd0b8dd7a6.txt",
        // The column headers, repeated on every page (lines 13, 16, 20, 29, 35, 41, 49).
        &["Obiective specifice", "Activități"],
    ),
    (
        "001_8fb6bb65d040dc76.txt",
        // The column headers, repeated on every page, three of them damaged (lines 120, 133, 146).
        &["Obiective specifice", "Activități", "Activităţi.", "Obiectivespecifice", "ctive specifice"],
    ),
    (
        "002_37d2d2bacd39b006.txt",
        &[
            // The column headers of every table, in all their variants.
            "obiectiveoperaționale",
            "obiectivespecifice",
            "obiectivespecific",
            "măsuri",
            "măsurile",
            "măsurii",
            "indicatoriderezultat",
            "termene",
            "instituțiiresponsabile",
            "responsabili",
            "parteneri",
            "surse de finanțare",
        ],
    ),
    (
        "004_97d9123833db1d67.txt",
        // The column headers of the three tables (lines 7, 27, 52); the plan notes their variants.
        &["Obiective specifice", "Măsurile", "Indicatori"],
    ),
];

#[test]
fn every_paragraph_of_every_source_stands_in_the_content() {
    let site = bundled();
    let mut failures = Vec::new();
    for plan in &site.plans {
        let corpus = plan_corpus(plan);
        let layout: Vec<String> = LAYOUT
            .iter()
            .filter(|(source, _)| *source == plan.source)
            .flat_map(|(_, items)| items.iter().map(|i| fold_letters(i)))
            .collect();
        for (line, paragraph) in source_paragraphs(&site.sources[&plan.source]) {
            if !corpus.contains(&paragraph) && !layout.contains(&paragraph) {
                failures.push(format!("{} (source line {line}): {paragraph}", plan.id));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} source paragraphs are not in the content:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
