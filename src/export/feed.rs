//! The Atom feed of publications (`publicatii.xml`), newest first. Only publications with a date
//! are in it: the portal never invents a date the document does not give. Each entry of a
//! publication's correction log is an entry too, dated with its own day and pointing at its
//! place on the publication's page, so that a reader who cited the portal learns of the fix.

use crate::config::Config;
use crate::model::{Correction, Site};
use crate::output::OutputFile;
use crate::text::is_xml_forbidden;
use crate::urls;

fn escape(text: &str) -> String {
    text.chars()
        .filter(|c| !is_xml_forbidden(*c))
        .collect::<String>()
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// An entry (day, title, path, summary) for each correction of the publication titled `title`;
/// `path` gives the address of a correction's anchor.
fn corrections<'a>(
    entries: &mut Vec<(&'a str, String, String, String)>,
    title: &str,
    log: &'a [Correction],
    path: impl Fn(&str) -> String,
) {
    for correction in log {
        let heading = format!("Corectură a transcrierii: {title}");
        entries.push((&correction.date, heading, path(&correction.anchor), correction.text.clone()));
    }
}

/// The feed, or `None` when no publication has a date and none has a correction.
pub fn atom(site: &Site, config: &Config) -> Option<OutputFile> {
    let mut entries: Vec<(&str, String, String, String)> = Vec::new();
    for plan in &site.plans {
        corrections(&mut entries, &plan.title, &plan.corrections, |anchor| urls::in_plan(&plan.id, anchor));
        if let Some(date) = &plan.date {
            let summary =
                format!("{} — {}, {}–{}", plan.title, site.county(plan.county).name, plan.period_from, plan.period_to);
            entries.push((date, plan.title.clone(), urls::plan(&plan.id), summary));
        }
    }
    for document in &site.documents {
        let page = urls::document(&document.id);
        corrections(&mut entries, &document.title, &document.corrections, |anchor| format!("{page}#{anchor}"));
        if let Some(date) = &document.date {
            let summary = format!("{} — {}", document.title, site.county(document.county).name);
            entries.push((date, document.title.clone(), urls::document(&document.id), summary));
        }
    }
    if entries.is_empty() {
        return None;
    }
    entries.sort_by(|a, b| b.0.cmp(a.0).then_with(|| a.2.cmp(&b.2)));
    let updated = entries[0].0;
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n  <title>{}: publicații</title>\n  <id>{}</id>\n  <link rel=\"self\" href=\"{}\"/>\n  <link rel=\"alternate\" href=\"{}\"/>\n  <updated>{updated}T00:00:00Z</updated>\n  <author><name>{}</name></author>\n",
        escape(&config.language),
        escape(&config.title),
        escape(&config.absolute_url(&urls::feed())),
        escape(&config.absolute_url(&urls::feed())),
        escape(&config.absolute_url("")),
        escape(&config.title),
    );
    for (date, title, path, summary) in entries {
        let url = escape(&config.absolute_url(&path));
        xml.push_str(&format!(
            "  <entry>\n    <title>{}</title>\n    <id>{url}</id>\n    <link rel=\"alternate\" href=\"{url}\"/>\n    <updated>{date}T00:00:00Z</updated>\n    <summary>{}</summary>\n  </entry>\n",
            escape(&title),
            escape(&summary)
        ));
    }
    xml.push_str("</feed>\n");
    Some(OutputFile { path: urls::feed(), bytes: xml.into_bytes() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_text_is_well_formed_xml() {
        assert_eq!(escape("a\u{B}b\u{0}c\td & <e>\u{FFFF}"), "abc\td &amp; &lt;e&gt;");
        assert!(!is_xml_forbidden('\n'));
        assert!(is_xml_forbidden('\u{1B}'));
    }
}
