//! The Atom feed of publications (`publicatii.xml`), newest first. Each publication is an entry
//! published on the day the portal published it (`portal.published` in the content; for content
//! that does not state it, the day the document prints, and no entry when neither is known: the
//! portal never invents a day, nor reads the build's clock) and updated on the day of its last
//! correction. Each entry of a publication's correction log is an entry too, dated with its own
//! day and pointing at its place on the publication's page, so that a reader who cited the
//! portal learns of the fix.

use crate::config::Config;
use crate::model::{PublicationDays, Site};
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

/// One entry of the feed.
struct Entry<'a> {
    /// The day the portal published what the entry is about, if known.
    published: Option<&'a str>,
    /// The last day it changed.
    updated: &'a str,
    title: String,
    /// Its site path, the entry's link and id.
    path: String,
    summary: String,
}

/// The entries of one publication titled `title` at `page`: the publication itself, dated with
/// the day it entered the portal and updated with its last correction, and one entry for each
/// correction, dated with its own day and pointing at its place on the page (`anchor` gives the
/// address of a correction's anchor).
fn publication<'a>(
    entries: &mut Vec<Entry<'a>>,
    days: PublicationDays<'a>,
    (title, page, summary): (&str, String, String),
    anchor: impl Fn(&str) -> String,
) {
    for correction in days.corrections {
        entries.push(Entry {
            published: Some(&correction.date),
            updated: &correction.date,
            title: format!("Corectură a transcrierii: {title}"),
            path: anchor(&correction.anchor),
            summary: correction.text.clone(),
        });
    }
    if let Some(updated) = days.updated() {
        entries.push(Entry { published: days.published, updated, title: title.to_owned(), path: page, summary });
    }
}

/// The feed, or `None` when no publication states a day and none has a correction.
pub fn atom(site: &Site, config: &Config) -> Option<OutputFile> {
    let mut entries: Vec<Entry<'_>> = Vec::new();
    for plan in &site.plans {
        let days = PublicationDays::new(&plan.published, &plan.date, &plan.corrections);
        let summary =
            format!("{} — {}, {}–{}", plan.title, site.county(plan.county).name, plan.period_from, plan.period_to);
        publication(&mut entries, days, (&plan.title, urls::plan(&plan.id), summary), |anchor| {
            urls::in_plan(&plan.id, anchor)
        });
    }
    for document in &site.documents {
        let days = PublicationDays::new(&document.published, &document.date, &document.corrections);
        let page = urls::document(&document.id);
        let summary = format!("{} — {}", document.title, site.county(document.county).name);
        publication(&mut entries, days, (&document.title, page.clone(), summary), |anchor| format!("{page}#{anchor}"));
    }
    entries.sort_by(|a, b| b.updated.cmp(a.updated).then_with(|| a.path.cmp(&b.path)));
    let updated = entries.first()?.updated;
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n  <title>{}: publicații</title>\n  <id>{}</id>\n  <link rel=\"self\" href=\"{}\"/>\n  <link rel=\"alternate\" href=\"{}\"/>\n  <updated>{updated}T00:00:00Z</updated>\n  <author><name>{}</name></author>\n",
        escape(&config.language),
        escape(&config.title),
        escape(&config.absolute_url(&urls::feed())),
        escape(&config.absolute_url(&urls::feed())),
        escape(&config.absolute_url("")),
        escape(&config.title),
    );
    for entry in entries {
        let url = escape(&config.absolute_url(&entry.path));
        let published = entry.published.map(|day| format!("    <published>{day}T00:00:00Z</published>\n"));
        xml.push_str(&format!(
            "  <entry>\n    <title>{}</title>\n    <id>{url}</id>\n    <link rel=\"alternate\" href=\"{url}\"/>\n{}    <updated>{}T00:00:00Z</updated>\n    <summary>{}</summary>\n  </entry>\n",
            escape(&entry.title),
            published.unwrap_or_default(),
            entry.updated,
            escape(&entry.summary)
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
