//! Where each publication came from and how the portal corrected its own transcription: what a
//! note quotes from a named line is on that line, names keep the spaces their source prints,
//! provenance and corrections reach the pages, the feed and the JSON.

use planportal::model::{Note, Plan, Section, Site};
use planportal::text::normalize;

use crate::support::repo;

fn bundled() -> Site {
    planportal::build::load(planportal::build::Source::Folder(&repo()))
        .unwrap_or_else(|d| panic!("the bundled content must load:\n{}", d.render()))
        .site
}

/// Every note of a plan, at whatever level it stands.
fn plan_notes(plan: &Plan) -> Vec<&Note> {
    fn section_notes<'a>(section: &'a Section, out: &mut Vec<&'a Note>) {
        out.extend(&section.notes);
        section.sections.iter().for_each(|s| section_notes(s, out));
    }
    let mut notes: Vec<&Note> = plan.notes.iter().collect();
    plan.sections.iter().for_each(|s| section_notes(s, &mut notes));
    for goal in plan.goals_in_order() {
        notes.extend(&goal.goal.notes);
        for objective in &goal.goal.objectives {
            notes.extend(&objective.notes);
            objective.activities.iter().for_each(|a| notes.extend(&a.notes));
        }
    }
    notes
}

/// What layout cannot change: letters, digits and punctuation, without white space, Markdown
/// emphasis or HTML tags, cedilla letters made comma-below.
fn fold(text: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in normalize(text).chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag || c.is_whitespace() || c == '*' => {}
            c => out.push(c),
        }
    }
    out
}

/// The (line, quote) pairs a note asserts: a quote right after "rândul N:" / "rândul N, scrie" /
/// "rândul N („…”)", and a quote followed by "(cum scrie …, rândul N)". Quotes a note gives as
/// the right reading ("în loc de „…”") are not claims about the source and are not taken.
fn quoted_lines(note: &str) -> Vec<(usize, String)> {
    let mut claims = Vec::new();
    let mut rest = note;
    while let Some(at) = rest.find("rândul ") {
        let after = &rest[at + "rândul ".len()..];
        let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
        let tail = &after[digits.len()..];
        if let Ok(line) = digits.parse::<usize>() {
            for lead in [": „", ", scrie „", " („"] {
                if let Some(quoted) = tail.strip_prefix(lead) {
                    claims.push((line, quoted.split('”').next().unwrap_or_default().to_owned()));
                }
            }
            // "„X” (cum scrie …, rândul N)": the quote before the parenthesis.
            let before = &note[..note.len() - rest.len() + at];
            if let Some(open) = before.rfind('(')
                && before[open..].starts_with("(cum scrie")
                && tail.starts_with(')')
                && let Some(quote) = before[..open].trim_end().strip_suffix('”')
                && let Some(start) = quote.rfind('„')
            {
                claims.push((line, quote[start + '„'.len_utf8()..].to_owned()));
            }
        }
        rest = tail;
    }
    claims
}

/// Whether `quote` stands on line `line` (1-based) of `source`; an elision "…" or "..." may
/// stand for any text between the parts.
fn on_line(source: &str, line: usize, quote: &str) -> bool {
    let Some(text) = source.lines().nth(line.wrapping_sub(1)) else { return false };
    let text = fold(text);
    quote.replace("...", "…").split('…').map(fold).filter(|p| !p.is_empty()).all(|part| text.contains(&part))
}

#[test]
fn what_a_note_quotes_from_a_named_line_is_on_that_line() {
    let site = bundled();
    let mut failures = Vec::new();
    let mut checked = 0;
    let publications = site.plans.iter().map(|p| (&p.id, &p.source, plan_notes(p)));
    let documents = site.documents.iter().map(|d| (&d.id, &d.source, d.notes.iter().collect()));
    for (id, source, notes) in publications.chain(documents) {
        let source = &site.sources[source];
        for note in notes {
            for (line, quote) in quoted_lines(&note.text) {
                checked += 1;
                if !on_line(source, line, &quote) {
                    failures.push(format!("{id}: „{quote}” is not on line {line}: {}", note.text));
                }
            }
        }
    }
    assert!(checked > 20, "only {checked} quotes found: the patterns no longer match the notes");
    assert!(failures.is_empty(), "{} quotes are not on their line:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn the_claims_of_a_note_are_read_as_they_are_written() {
    let claims = quoted_lines(
        "Sursa, rândul 27: „evidente” în loc de „evidențe” (cum scrie obiectivul 1, rândul 11); rândul 3 („a b”).",
    );
    assert_eq!(claims, [(27, "evidente".to_owned()), (11, "evidențe".to_owned()), (3, "a b".to_owned())]);
    assert!(on_line("x\n**a  ş b** c\n", 2, "a ș b"));
    assert!(on_line("x\nun număr de 5 persoane\n", 2, "un număr de ... persoane"));
    assert!(!on_line("x\nevidențelor\n", 2, "evidențe științifice"));
}

/// White space collapsed to single spaces, cedilla letters made comma-below, emphasis removed.
fn spaced(text: &str) -> String {
    normalize(text).replace('*', "").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every name a cell prints (responsible, partners) keeps the spaces its row of the source
/// prints: the transcription test, which ignores layout, accepts "Caraș-Severin" for
/// "Caraș- Severin". A name that differs from its row only in spaces is a deviation; a name
/// cut by a page break (not in its row in one piece) is left to the transcription test.
#[test]
fn printed_names_keep_the_spaces_of_their_row() {
    let site = bundled();
    let (mut failures, mut rows) = (Vec::new(), 0);
    for plan in &site.plans {
        let lines: Vec<String> = site.sources[&plan.source].lines().map(spaced).collect();
        let starts: Vec<Option<usize>> = plan
            .activities()
            .map(|a| {
                let head: String = spaced(&a.text).chars().take(30).collect();
                lines.iter().position(|l| l.contains(&head))
            })
            .collect();
        for (i, activity) in plan.activities().enumerate() {
            let Some(start) = starts[i] else { continue };
            let end = starts[i + 1..].iter().flatten().copied().find(|e| *e > start).unwrap_or(start + 1);
            let row = lines[start..end.max(start + 1)].join(" ");
            rows += 1;
            for actor in activity.responsible.iter().chain(&activity.partners) {
                let name = spaced(&actor.printed);
                let squeezed = |t: &str| t.replace(' ', "");
                if !row.contains(&name) && squeezed(&row).contains(&squeezed(&name)) {
                    failures.push(format!("{} {}: „{name}”", plan.id, activity.number.as_deref().unwrap_or("?")));
                }
            }
        }
    }
    assert!(rows > 200, "only {rows} activity rows found in the sources");
    assert!(failures.is_empty(), "names that drop or add a space of their row:\n{}", failures.join("\n"));
}

/// The text of every element `selector` matches on the built page `path`, white space collapsed.
fn texts(path: &str, selector: &str) -> Vec<String> {
    let html = scraper::Html::parse_document(&crate::support::bundled_built().page(path));
    let selector = scraper::Selector::parse(selector).expect("selector");
    // Text nodes joined by a space: the minified page has none between a `<dt>` and its `<dd>`.
    let text = |e: scraper::ElementRef<'_>| e.text().collect::<Vec<_>>().join(" ");
    html.select(&selector).map(|e| text(e).split_whitespace().collect::<Vec<_>>().join(" ")).collect()
}

const BACAU: &str = "planuri/bacau-plan-operational-servicii-sociale-2014-2024/index.html";
const CLUJ: &str = "planuri/cluj-droguri-2022-2026/index.html";
const CARAS: &str = "planuri/caras-severin-droguri-2022-2026/index.html";
const IALOMITA: &str = "planuri/ialomita-plan-actiune-servicii-sociale-2024/index.html";

/// Regression (issue 18): Bacău's "Act de aprobare" showed "Anexă la Strategia județeană…", a
/// sentence that names no act. It is kept, under what it is.
#[test]
fn an_approval_is_shown_only_when_the_document_names_an_act() {
    let facts = texts(BACAU, ".plan-about dl > div");
    assert!(!facts.iter().any(|f| f.starts_with("Act de aprobare")), "{facts:?}");
    assert!(
        facts.contains(&"Mențiune din document Anexă la Strategia județeană de dezvoltare a serviciilor sociale pentru perioada 2014 – 2024".to_owned()),
        "{facts:?}"
    );
    let caras = texts(CARAS, ".plan-about dl > div");
    assert!(caras.iter().any(|f| {
        f.starts_with("Act de aprobare Anexa la Hotărârea Consiliului Județean Caraș-Severin nr.204/29.09.2022")
    }));
}

/// Regression (issue 18): signatories printed "PREȘEDINTE,: VALENTIN IVANCEA", a colon the
/// documents do not print. Role and name stand on their own lines, as printed.
#[test]
fn signatories_are_shown_as_printed_without_an_added_colon() {
    let bacau = texts(BACAU, ".plan-about dl li");
    assert_eq!(
        bacau,
        ["PREȘEDINTE, VALENTIN IVANCEA", "Contrasemnează, SECRETARUL GENERAL AL JUDEȚULUI, dr. ELENA-CĂTĂLINA ZARĂ"]
    );
    assert_eq!(
        texts(CLUJ, ".plan-about dl li .signatory-role"),
        ["PREȘEDINTE", "Contrasemnează: SECRETAR GENERAL AL JUDEȚULUI"]
    );
    let page = crate::support::bundled_built().page(BACAU);
    assert!(!page.contains(",:") && !page.contains("PREȘEDINTE:"));
}

/// Regression (issue 18): the Ialomița editor's comment among the results looked like an
/// ordinary result. It is marked where it stands and linked to its note; its text is unchanged.
#[test]
fn the_editors_comment_is_marked_where_it_stands() {
    let html = scraper::Html::parse_document(&crate::support::bundled_built().page(IALOMITA));
    let marked = scraper::Selector::parse("li:has(> a.item-mark)").expect("selector");
    let items: Vec<_> = html.select(&marked).collect();
    assert_eq!(items.len(), 1, "one marked item");
    let text: String = items[0].text().collect();
    assert!(text.ends_with(" As evita astfel de rezultate, fiindca pp ca ne dorim si cresterea nr copiilor care au nevoie de plasament ; am reformulat mai sus"), "{text}");
    let link = items[0].select(&scraper::Selector::parse("a.item-mark").expect("selector")).next().expect("mark");
    assert_eq!(link.text().collect::<String>(), "Comentariu al redactorului rămas în text");
    let target = link.value().attr("href").expect("href").trim_start_matches('#');
    let note = scraper::Selector::parse(&format!("li.note-comentariu-redactor[id='{target}']")).expect("selector");
    assert_eq!(html.select(&note).count(), 1, "the mark links to its note");
}

/// The two deviation fixes are in the correction logs: on the page, dated with the day the
/// content was checked (`checked` in config.toml), in the feed and in the plan's JSON.
#[test]
fn corrections_reach_the_page_the_feed_and_the_json() {
    let built = crate::support::bundled_built();
    for (page, plan) in [(CLUJ, "cluj-droguri-2022-2026"), (CARAS, "caras-severin-droguri-2022-2026")] {
        let log = texts(page, ".corrections ol li[id='corectura-2026-11-30-1']");
        assert_eq!(log.len(), 1, "{page}");
        assert!(log[0].starts_with("30.11.2026 : "), "{log:?}");
        let feed = built.page("publicatii.xml");
        assert!(
            feed.contains(&format!("<id>http://127.0.0.1:1111/planuri/{plan}/#corectura-2026-11-30-1</id>")),
            "{feed}"
        );
        let json: serde_json::Value =
            serde_json::from_str(&built.page(&format!("date/planuri/{plan}.json"))).expect("json");
        assert_eq!(json["corrections"][0]["date"], "2026-11-30");
        assert_eq!(json["provenance"]["url"], serde_json::Value::Null, "the content does not know it");
    }
    assert_eq!(texts(BACAU, ".corrections p"), ["Portalul nu a corectat până acum transcrierea acestui document."]);
    let unknown = texts(BACAU, ".plan-about dl > div");
    for fact in ["Adresa oficială a publicației", "Data preluării", "SHA-256 al fișierului preluat"] {
        assert!(unknown.contains(&format!("{fact} nu se cunoaște")), "{fact}: {unknown:?}");
    }
}
