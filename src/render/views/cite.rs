//! How to cite a page: one `Citation` per page (`page.cite`) and per activity on objective pages,
//! in three renderings — plain Romanian text, CSL-JSON and BibTeX. The access date is left as
//! [`ACCESS_PLACEHOLDER`]: the build never reads the clock, the reader's `cite.js` fills it in.

use serde::Serialize;

/// What the text and BibTeX say where the reader's access date goes; `cite.js` replaces it.
pub const ACCESS_PLACEHOLDER: &str = "[data accesării]";

/// What kind of work is cited, as CSL names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkKind {
    /// An act adopted by a public body: a plan approved by a decision.
    Legislation,
    /// A published document that is not an act: a plan without an act, minutes, a strategy.
    Report,
    /// A page of the portal itself: lists, comparisons, institutions.
    Webpage,
}

impl WorkKind {
    /// The CSL `type`.
    fn csl(self) -> &'static str {
        match self {
            WorkKind::Legislation => "legislation",
            WorkKind::Report => "report",
            WorkKind::Webpage => "webpage",
        }
    }
}

/// What a citation names besides the page's title and address: who issued the work, its act and
/// date, and the publication a part of it belongs to.
#[derive(Debug, Clone, Copy)]
pub struct CiteSource<'a> {
    /// The issuer as printed; `None` cites the portal as author.
    pub author: Option<&'a str>,
    /// The act or registration number, as printed.
    pub act: Option<&'a str>,
    /// What the text says before `act`: `nr. ` before a bare registration number, else empty.
    pub act_label: &'static str,
    /// The publication's date, `YYYY-MM-DD`.
    pub date: Option<&'a str>,
    /// The title of the publication the page is part of (an objective's plan), as published.
    pub within: Option<&'a str>,
    /// The kind of work.
    pub kind: WorkKind,
}

impl CiteSource<'_> {
    /// A page of the portal's own: author the portal, no act, no date.
    pub fn portal() -> CiteSource<'static> {
        CiteSource { author: None, act: None, act_label: "", date: None, within: None, kind: WorkKind::Webpage }
    }
}

/// `page.cite`, and each activity's on an objective page: one citation in three renderings.
#[derive(Debug, Serialize)]
pub struct Citation {
    /// The address cited, absolute, with the anchor where one is cited.
    pub url: String,
    /// Plain Romanian text, ending in "accesat la [data accesării]".
    pub text: String,
    /// CSL-JSON: an array of one item, without `accessed` (the reader adds it).
    pub csl_json: String,
    /// A BibTeX `@misc` entry, its `urldate` the placeholder.
    pub bibtex: String,
}

/// One CSL-JSON item.
#[derive(Serialize)]
struct CslItem<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    title: &'a str,
    author: [CslName<'a>; 1],
    #[serde(rename = "container-title")]
    container_title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issued: Option<CslDate>,
    #[serde(rename = "URL")]
    url: &'a str,
    language: &'static str,
}

/// A CSL name given whole: a body, not a person.
#[derive(Serialize)]
struct CslName<'a> {
    literal: &'a str,
}

/// A CSL date: `{"date-parts": [[2022, 9, 29]]}`.
#[derive(Serialize)]
struct CslDate {
    #[serde(rename = "date-parts")]
    date_parts: [Vec<u32>; 1],
}

impl Citation {
    /// The citation of `title` at `url`, on the portal named `portal`.
    pub fn new(source: CiteSource<'_>, title: &str, portal: &str, url: String) -> Citation {
        let full_title = match source.within {
            Some(within) if within != title => format!("{title} — {within}"),
            _ => title.to_owned(),
        };
        let author = source.author.unwrap_or(portal);
        Citation {
            text: text(author, &full_title, source, portal, &url),
            csl_json: csl_json(author, &full_title, source, portal, &url),
            bibtex: bibtex(author, &full_title, source, portal, &url),
            url,
        }
    }
}

/// `Autor, „Titlu”, act, data. Planuri publice, URL, accesat la [data accesării].`
fn text(author: &str, title: &str, source: CiteSource<'_>, portal: &str, url: &str) -> String {
    let mut out = format!("{author}, „{title}”");
    let act = source.act.map(|act| format!("{}{act}", source.act_label));
    for part in [act.as_deref(), source.date.map(ro_date).as_deref()].into_iter().flatten() {
        out.push_str(", ");
        out.push_str(part);
    }
    format!("{out}. {portal}, {url}, accesat la {ACCESS_PLACEHOLDER}.")
}

/// `2022-09-29` as Romanian text prints it: `29.09.2022` (anything else unchanged).
fn ro_date(date: &str) -> String {
    match date.split('-').collect::<Vec<_>>()[..] {
        [y, m, d] => format!("{d}.{m}.{y}"),
        _ => date.to_owned(),
    }
}

/// The CSL-JSON array of one item.
fn csl_json(author: &str, title: &str, source: CiteSource<'_>, portal: &str, url: &str) -> String {
    let issued = source.date.and_then(|d| {
        let parts: Vec<u32> = d.split('-').map(str::parse).collect::<Result<_, _>>().ok()?;
        Some(CslDate { date_parts: [parts] })
    });
    let item = CslItem {
        id: key(url),
        kind: source.kind.csl(),
        title,
        author: [CslName { literal: author }],
        container_title: portal,
        number: source.act,
        issued,
        url,
        language: "ro",
    };
    serde_json::to_string_pretty(&[item]).unwrap_or_default()
}

/// The BibTeX entry: `@misc{key, author = {{…}}, …}`; the author braced whole, being a body.
fn bibtex(author: &str, title: &str, source: CiteSource<'_>, portal: &str, url: &str) -> String {
    let mut fields = vec![
        ("author", format!("{{{}}}", escape_bibtex(author))),
        ("title", escape_bibtex(title)),
        ("howpublished", escape_bibtex(portal)),
    ];
    if let Some(act) = source.act {
        fields.push(("note", escape_bibtex(&format!("{}{act}", source.act_label))));
    }
    if let Some(date) = source.date {
        fields.push(("date", escape_bibtex(date)));
        fields.push(("year", escape_bibtex(date.get(..4).unwrap_or(date))));
    }
    // The url field is read verbatim by biblatex and the url package: escaping `#` would break it.
    fields.push(("url", url.to_owned()));
    fields.push(("urldate", ACCESS_PLACEHOLDER.to_owned()));
    fields.push(("language", "romanian".to_owned()));
    let body: Vec<String> = fields.iter().map(|(name, value)| format!("  {name} = {{{value}}}")).collect();
    format!("@misc{{{},\n{}\n}}", key(url), body.join(",\n"))
}

/// A citation key from the address: its path and anchor, letters and digits only.
fn key(url: &str) -> String {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest.split_once('/').map_or("", |(_, p)| p));
    let mut key = String::from("planportal");
    for part in path.split(|c: char| !c.is_ascii_alphanumeric()).filter(|p| !p.is_empty()) {
        key.push('-');
        key.push_str(part);
    }
    key
}

/// `text` with BibTeX's special characters escaped; letters with diacritics stay UTF-8.
///
/// Written here rather than taken from the `biblatex` crate (typst's, 0.11, evaluated for issue
/// 18): its writer escapes `~` and `^` as `\~` and `\^`, which LaTeX reads as accent commands on
/// the next letter ("x^2" would print as a 2 with a circumflex). The escaping here is the one
/// the BibTeX documentation gives for text (`\textasciitilde{}`, `\textasciicircum{}`).
pub fn escape_bibtex(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '{' | '}' | '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bibtex_escapes_every_special_character() {
        assert_eq!(escape_bibtex(r"a{b}c\d"), r"a\{b\}c\textbackslash{}d");
        assert_eq!(escape_bibtex("5% & $3 #1 a_b"), r"5\% \& \$3 \#1 a\_b");
        assert_eq!(escape_bibtex("x^2 ~y"), r"x\textasciicircum{}2 \textasciitilde{}y");
    }

    #[test]
    fn bibtex_keeps_diacritics_as_utf8() {
        assert_eq!(escape_bibtex("Județul Caraș-Severin, ÎNȚELEGERE"), "Județul Caraș-Severin, ÎNȚELEGERE");
    }

    fn plan_source() -> CiteSource<'static> {
        CiteSource {
            author: Some("Consiliul Județean Caraș-Severin"),
            act: Some("Hotărârea nr.204/29.09.2022"),
            act_label: "",
            date: Some("2022-09-29"),
            within: None,
            kind: WorkKind::Legislation,
        }
    }

    #[test]
    fn text_names_issuer_title_act_date_portal_url_and_access() {
        let c = Citation::new(plan_source(), "PLAN 50%", "Planuri publice", "https://x.ro/planuri/p/#a-1".into());
        assert_eq!(
            c.text,
            "Consiliul Județean Caraș-Severin, „PLAN 50%”, Hotărârea nr.204/29.09.2022, 29.09.2022. \
             Planuri publice, https://x.ro/planuri/p/#a-1, accesat la [data accesării]."
        );
        assert!(c.bibtex.starts_with("@misc{planportal-planuri-p-a-1,\n"), "{}", c.bibtex);
        assert!(c.bibtex.contains("title = {PLAN 50\\%}"), "{}", c.bibtex);
        assert!(c.bibtex.contains("url = {https://x.ro/planuri/p/#a-1}"), "{}", c.bibtex);
        assert!(c.bibtex.contains("author = {{Consiliul Județean Caraș-Severin}}"), "{}", c.bibtex);
    }

    #[test]
    fn portal_pages_cite_the_portal_without_act_or_date() {
        let c = Citation::new(CiteSource::portal(), "Județe", "Planuri publice", "https://x.ro/judete/".into());
        assert_eq!(
            c.text,
            "Planuri publice, „Județe”. Planuri publice, https://x.ro/judete/, accesat la [data accesării]."
        );
        assert!(!c.bibtex.contains("note ="));
        assert!(!c.csl_json.contains("issued"));
    }

    #[test]
    fn a_registration_number_is_labelled_in_text_and_note_not_in_csl() {
        let source = CiteSource { act: Some("596/16.06.2023"), act_label: "nr. ", ..plan_source() };
        let c = Citation::new(source, "PV", "P", "https://x.ro/d/".into());
        assert!(c.text.contains("„PV”, nr. 596/16.06.2023,"), "{}", c.text);
        assert!(c.bibtex.contains("note = {nr. 596/16.06.2023}"), "{}", c.bibtex);
        assert!(c.csl_json.contains("\"number\": \"596/16.06.2023\""), "{}", c.csl_json);
    }

    #[test]
    fn a_part_names_its_publication() {
        let source = CiteSource { within: Some("PLAN"), ..plan_source() };
        let c = Citation::new(source, "Obiectiv 1", "P", "https://x.ro/o/".into());
        assert!(c.text.contains("„Obiectiv 1 — PLAN”"), "{}", c.text);
    }
}
