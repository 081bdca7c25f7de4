//! Markdown to HTML with pulldown-cmark, then sanitised with ammonia. Content comes from many
//! offices: raw HTML in it may keep harmless formatting (`<i>`, `<p>`, lists, tables) but never
//! script, event handlers, `javascript:`/`data:` URLs, styles or frames.
//!
//! Images are not published: the portal promises readers no external requests, content has no
//! image files to refer to, and an image in a transcription stands for a logo or a stamp whose
//! words are its alt text. A Markdown image becomes its alt text; a raw `<img>` is dropped.
//!
//! `too_deep` bounds nesting before anything is rendered: the HTML minifier recurses once per
//! level (a stack overflow at ~2,600) and html5ever's tree builder is quadratic in unclosed tags.

use std::collections::HashSet;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

/// The deepest nesting of elements a body may have. Published documents nest a few levels (a list
/// in a quote in a table cell); 100 leaves room for any of them and is far from the ~2,600 levels
/// where the minifier's recursion overflows the stack.
pub const MAX_NESTING: usize = 100;

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Renders `source` to safe HTML.
pub fn to_html(source: &str) -> String {
    let mut out = String::with_capacity(source.len() * 3 / 2);
    let events = Parser::new_ext(source, options())
        .filter(|event| !matches!(event, Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image)));
    html::push_html(&mut out, events);
    sanitize(&out)
}

/// Renders `source` to safe HTML with an anchor on every heading and list item, for long documents
/// a citation or a search hit points into (issue 18). A heading's id is the slug of its text,
/// de-duplicated with `-2`, `-3`; it gets a visible `#` permalink (`a.self`). A list item's id is
/// `<heading id>-<list>-<item>` (`text-` before the first heading), lists and items counted from 1
/// within their heading, a nested item's `<item id>-<n>`: an item added at the end of a list moves
/// no other anchor.
pub fn to_html_anchored(source: &str) -> String {
    let events: Vec<Event> = Parser::new_ext(source, options())
        .filter(|event| !matches!(event, Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image)))
        .collect();
    let mut out = String::with_capacity(source.len() * 2);
    html::push_html(&mut out, Anchors::default().apply(events).into_iter());
    sanitize_anchored(&out)
}

/// A list item of a body, as `to_html_anchored` anchors it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListItem {
    /// Its id on the page (`text-2-3`).
    pub id: String,
    /// The text of the paragraph just before its outermost list ("Concluzii:"), if any.
    pub intro: Option<String>,
    /// Its own text (nested lists apart), formatting dropped.
    pub text: String,
}

/// Every list item of `source` in document order, with the id `to_html_anchored` gives it and
/// the paragraph that introduces its list: the open data lists a document's items from it.
pub fn list_items(source: &str) -> Vec<ListItem> {
    let events: Vec<Event> = Parser::new_ext(source, options()).collect();
    let mut items: Vec<ListItem> = Vec::new();
    // Indexes into `items` of the items open, innermost last.
    let mut open: Vec<usize> = Vec::new();
    let (mut paragraph, mut intro, mut depth) = (None::<String>, None::<String>, 0usize);
    for event in Anchors::default().apply(events) {
        match event {
            Event::Start(Tag::List(_)) => {
                if depth == 0 {
                    intro = paragraph.take();
                }
                depth += 1;
            }
            Event::End(TagEnd::List(_)) => depth -= 1,
            Event::Html(html) if html.starts_with("<li id=\"") => {
                let id = html.trim_start_matches("<li id=\"").trim_end_matches("\">").to_owned();
                open.push(items.len());
                items.push(ListItem { id, intro: intro.clone(), text: String::new() });
            }
            Event::End(TagEnd::Item) => {
                open.pop();
            }
            Event::Start(Tag::Paragraph) if depth == 0 => paragraph = Some(String::new()),
            Event::Text(t) | Event::Code(t) => match (open.last(), paragraph.as_mut()) {
                (Some(&i), _) if depth > 0 => items[i].text.push_str(&t),
                (_, Some(p)) => p.push_str(&t),
                _ => {}
            },
            Event::SoftBreak | Event::HardBreak => {
                if let Some(&i) = open.last() {
                    items[i].text.push(' ');
                }
            }
            _ => {}
        }
    }
    for item in &mut items {
        item.text = item.text.trim().to_owned();
    }
    items
}

/// The state of `to_html_anchored`'s walk: ids given, the current heading and the open lists.
#[derive(Default)]
struct Anchors {
    /// Every id given so far.
    used: HashSet<String>,
    /// The id of the current heading (`text` before the first).
    heading: Option<String>,
    /// How many top-level lists the current heading has had.
    lists: usize,
    /// For each open list: the prefix of its items' ids and how many items it has had.
    open: Vec<(String, usize)>,
    /// The id of the last item opened at each depth, the prefix of a list nested in it.
    items: Vec<String>,
}

impl Anchors {
    /// `events` with ids on headings and list items, and a permalink at the end of each heading.
    fn apply(mut self, events: Vec<Event<'_>>) -> Vec<Event<'_>> {
        let mut out = Vec::with_capacity(events.len() + 16);
        let mut heading_end = None;
        for (at, event) in events.iter().enumerate() {
            match event {
                Event::Start(Tag::Heading { level, .. }) => {
                    let id = self.unique(&crate::text::slugify(&heading_text(&events[at..])));
                    out.push(Event::Html(CowStr::from(format!("<{level} id=\"{id}\">"))));
                    heading_end = Some(id.clone());
                    (self.heading, self.lists) = (Some(id), 0);
                }
                Event::End(TagEnd::Heading(level)) => {
                    let id = heading_end.take().unwrap_or_default();
                    let link = format!(
                        "<a class=\"self\" href=\"#{id}\" aria-label=\"Legătură către această secțiune\">#</a></{level}>\n"
                    );
                    out.push(Event::Html(CowStr::from(link)));
                }
                Event::Start(Tag::List(_)) => {
                    let prefix = match self.items.get(self.open.len().wrapping_sub(1)) {
                        Some(item) if !self.open.is_empty() => item.clone(),
                        _ => {
                            self.lists += 1;
                            format!("{}-{}", self.heading.as_deref().unwrap_or("text"), self.lists)
                        }
                    };
                    self.open.push((prefix, 0));
                    out.push(event.clone());
                }
                Event::End(TagEnd::List(_)) => {
                    self.open.pop();
                    self.items.truncate(self.open.len());
                    out.push(event.clone());
                }
                Event::Start(Tag::Item) => {
                    let depth = self.open.len();
                    let id = self.open.last_mut().map_or_else(String::new, |(prefix, n)| {
                        *n += 1;
                        format!("{prefix}-{n}")
                    });
                    let id = self.unique(&id);
                    self.items.truncate(depth.saturating_sub(1));
                    self.items.push(id.clone());
                    out.push(Event::Html(CowStr::from(format!("<li id=\"{id}\">"))));
                }
                _ => out.push(event.clone()),
            }
        }
        out
    }

    /// `id`, or `id-2`, `id-3`, … if taken (`sectiune` if empty); recorded as taken.
    fn unique(&mut self, id: &str) -> String {
        let base = if id.is_empty() { "sectiune" } else { id };
        let mut candidate = base.to_owned();
        let mut n = 1;
        while self.used.contains(&candidate) {
            n += 1;
            candidate = format!("{base}-{n}");
        }
        self.used.insert(candidate.clone());
        candidate
    }
}

/// The text of the heading `events` starts with.
fn heading_text(events: &[Event<'_>]) -> String {
    let mut text = String::new();
    for event in events.iter().skip(1) {
        match event {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            _ => {}
        }
    }
    text
}

/// `sanitize`, keeping the ids `to_html_anchored` gave headings and list items and the permalinks'
/// class and label.
fn sanitize_anchored(html: &str) -> String {
    let mut builder = ammonia::Builder::default();
    builder.rm_tags(["img"]).url_schemes(["http", "https", "mailto"].into());
    for tag in ["h1", "h2", "h3", "h4", "h5", "h6", "li"] {
        builder.add_tag_attributes(tag, ["id"]);
    }
    builder.add_tag_attributes("a", ["class", "aria-label"]);
    builder.clean(html).to_string()
}

/// Keeps the formatting tags of ammonia's default allow-list but `img`; links get `rel="noopener
/// noreferrer"` and only http, https and mailto URLs survive.
pub fn sanitize(html: &str) -> String {
    ammonia::Builder::default().rm_tags(["img"]).url_schemes(["http", "https", "mailto"].into()).clean(html).to_string()
}

/// The byte offset in `source` of the first element nested more than `MAX_NESTING` levels deep,
/// counting Markdown's blocks and inlines and the raw HTML tags left open, or `None`. Linear in
/// the length of `source`; stops at the first element past the cap.
pub fn too_deep(source: &str) -> Option<usize> {
    let mut markdown = 0usize;
    let mut raw = 0usize;
    for (event, range) in Parser::new_ext(source, options()).into_offset_iter() {
        match event {
            // An HTML block is no element: its tags are counted one by one below.
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => {}
            Event::Start(_) => {
                markdown += 1;
                if markdown + raw > MAX_NESTING {
                    return Some(range.start);
                }
            }
            Event::End(_) => markdown = markdown.saturating_sub(1),
            Event::Html(text) | Event::InlineHtml(text) => {
                // The event's text is the source slice unless a container's markers were cut out
                // of it; then the place falls back to the start of the event.
                let verbatim = source.get(range.clone()) == Some(&*text);
                for (offset, opens) in tags(&text) {
                    if !opens {
                        raw = raw.saturating_sub(1);
                        continue;
                    }
                    raw += 1;
                    if markdown + raw > MAX_NESTING {
                        return Some(if verbatim { range.start + offset } else { range.start });
                    }
                }
            }
            _ => {}
        }
    }
    None
}

/// The start tags (`true`) and end tags (`false`) of elements that can nest in `html`, with their
/// byte offsets. Void elements, self-closed tags and elements whose end tag the parser implies
/// (`p`, `li`, `td`, …: they cannot hold themselves) are left out; comments and declarations too.
fn tags(html: &str) -> Vec<(usize, bool)> {
    const NOT_NESTING: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "p",
        "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "colgroup", "caption",
        "rb", "rt", "rtc", "rp",
    ];
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = html[from..].find('<') {
        let start = from + at;
        let rest = &html[start + 1..];
        let (closing, name_start) = match rest.strip_prefix('/') {
            Some(after) => (true, after),
            None => (false, rest),
        };
        let name_len = name_start.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'-').count();
        let name = name_start[..name_len].to_ascii_lowercase();
        if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            // A `<` in text, a comment or a declaration: look on from the next character.
            from = start + 1;
            continue;
        }
        let Some(end) = rest.find('>') else {
            break;
        };
        from = start + 1 + end + 1;
        if NOT_NESTING.contains(&name.as_str()) {
            continue;
        }
        let self_closed = rest[..end].ends_with('/');
        if closing || !self_closed {
            found.push((start, !closing));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_lists_and_emphasis() {
        assert_eq!(to_html("- *a*\n- b\n"), "<ul>\n<li><em>a</em></li>\n<li>b</li>\n</ul>\n");
    }

    #[test]
    fn hostile_html_is_removed_in_any_casing() {
        let html = to_html(
            "<SCRIPT>alert(1)</SCRIPT>\n\ntext <b OnClick=\"x\">b</b> <a href=\"JaVaScRiPt:alert(1)\">x</a> \
             <a href=\"data:text/html,<script>\">d</a> <img src=x onerror=alert(1)> <iframe src=\"https://x\"></iframe>",
        );
        let lower = html.to_lowercase();
        for bad in ["<script", "onclick", "javascript:", "data:", "onerror", "<iframe"] {
            assert!(!lower.contains(bad), "{bad} survived in {html}");
        }
        assert!(html.contains("<b>b</b>"), "{html}");
    }

    #[test]
    fn images_make_no_requests_and_keep_their_alt_text() {
        let html = to_html("![Sigla](https://x.example/a.png) <img src=\"//x.example/b.png\"> <img src=\"c.png\">");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("Sigla"), "{html}");
    }

    #[test]
    fn nesting_is_counted_across_markdown_and_raw_html() {
        // 99 block quotes and the paragraph inside them; then one quote more is one too many.
        assert_eq!(too_deep(&format!("{} x", ">".repeat(99))), None);
        assert_eq!(too_deep(&format!("{} x", ">".repeat(100))), Some(101));
        assert_eq!(too_deep(&format!("{} x", ">".repeat(3000))), Some(100));
        let divs = "<div>\n".repeat(101);
        assert_eq!(too_deep(&divs), Some(600));
        assert_eq!(too_deep(&"<div></div>\n".repeat(500)), None);
        assert_eq!(too_deep(&"<p><br><img src=x/><hr/>\n".repeat(500)), None);
    }

    #[test]
    fn headings_get_unique_slug_ids_and_a_permalink() {
        let html = to_html_anchored("## Ordinea de zi\n\ntext\n\n## Ordinea de zi\n\n### Propuneri *noi*\n");
        assert!(
            html.contains("<h2 id=\"ordinea-de-zi\">Ordinea de zi<a class=\"self\" href=\"#ordinea-de-zi\""),
            "{html}"
        );
        assert!(html.contains("<h2 id=\"ordinea-de-zi-2\">"), "{html}");
        assert!(html.contains("<h3 id=\"propuneri-noi\">"), "{html}");
    }

    #[test]
    fn list_items_are_numbered_within_their_heading_and_list() {
        let html = to_html_anchored("- a\n- b\n  - b1\n\n## Teme\n\n1. x\n\ntext\n\n- y\n");
        for id in ["text-1-1", "text-1-2", "text-1-2-1", "teme-1-1", "teme-2-1"] {
            assert!(html.contains(&format!("<li id=\"{id}\">")), "{id} in {html}");
        }
    }

    #[test]
    fn an_item_added_at_the_end_of_a_list_moves_no_anchor() {
        let before = to_html_anchored("## A\n\n- a\n- b\n\ntext\n\n- c\n");
        let after = to_html_anchored("## A\n\n- a\n- b\n- b2\n\ntext\n\n- c\n");
        assert!(before.contains("<li id=\"a-2-1\">c</li>") && after.contains("<li id=\"a-2-1\">c</li>"), "{after}");
    }

    #[test]
    fn anchored_html_still_drops_hostile_html() {
        let html = to_html_anchored("## x\n\n<a class=\"self\" href=\"javascript:alert(1)\" onclick=\"y\">z</a>");
        assert!(!html.contains("javascript:") && !html.contains("onclick"), "{html}");
    }

    #[test]
    fn list_items_carry_their_anchor_and_the_paragraph_before_their_list() {
        let items = list_items("Concluzii:\n\n- *Prima*;\n- a doua\n  - în ea\n\nAlta:\n\n1. trei\n");
        let found: Vec<(&str, Option<&str>, &str)> =
            items.iter().map(|i| (i.id.as_str(), i.intro.as_deref(), i.text.as_str())).collect();
        assert_eq!(
            found,
            [
                ("text-1-1", Some("Concluzii:"), "Prima;"),
                ("text-1-2", Some("Concluzii:"), "a doua"),
                ("text-1-2-1", Some("Concluzii:"), "în ea"),
                ("text-2-1", Some("Alta:"), "trei"),
            ]
        );
        let html = to_html_anchored("Concluzii:\n\n- *Prima*;\n- a doua\n  - în ea\n\nAlta:\n\n1. trei\n");
        for item in &items {
            assert!(html.contains(&format!("<li id=\"{}\">", item.id)), "{html}");
        }
    }

    #[test]
    fn formatting_html_of_the_sources_is_kept() {
        assert!(to_html("un text <i>cursiv</i>").contains("<i>cursiv</i>"));
    }
}
