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

use std::collections::{HashMap, HashSet};

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

/// Renders `source` to safe HTML with an anchor on every heading, paragraph and list item, for
/// long documents a citation or a search hit points into (issue 18). A heading's id is the slug
/// of its text, de-duplicated with `-2`, `-3`; it gets a visible `#` permalink (`a.self`). A
/// paragraph outside lists is `<heading id>-p<n>`; a list item's id is
/// `<heading id>-<list>-<item>` (`text-` before the first heading), paragraphs, lists and items
/// counted from 1 within their heading, a nested item's `<item id>-<n>`: an item added at the end
/// of a list moves no other anchor.
///
/// `passage_links[i]`, where given, is appended inside passage `i` of [`passages`] (a link to the
/// source lines the passage was transcribed from); its text is escaped here.
pub fn to_html_anchored(source: &str, passage_links: &[Option<PassageLink>]) -> String {
    let events = body_events(source);
    let mut links = passage_spans(&events)
        .into_iter()
        .zip(passage_links)
        .filter_map(|((_, end), link)| Some((end, link.as_ref()?)))
        .peekable();
    let mut linked = Vec::with_capacity(events.len() + passage_links.len());
    for (at, event) in events.into_iter().enumerate() {
        while let Some((_, link)) = links.next_if(|(end, _)| *end == at) {
            linked.push(Event::Html(CowStr::from(link.html())));
        }
        linked.push(event);
    }
    let events = Anchors::default().apply(linked);
    let mut out = String::with_capacity(source.len() * 2);
    html::push_html(&mut out, events.into_iter());
    sanitize_anchored(&out)
}

/// The events of the body `source`, images left out.
fn body_events(source: &str) -> Vec<Event<'_>> {
    Parser::new_ext(source, options())
        .filter(|event| !matches!(event, Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image)))
        .collect()
}

/// A link a passage of a document's body ends with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PassageLink {
    /// Where it leads.
    pub href: String,
    /// What it says.
    pub text: String,
}

impl PassageLink {
    /// The link as HTML, escaped by pulldown-cmark's own writer.
    fn html(&self) -> String {
        let link = Tag::Link {
            link_type: pulldown_cmark::LinkType::Inline,
            dest_url: CowStr::from(self.href.as_str()),
            title: CowStr::from(""),
            id: CowStr::from(""),
        };
        let events = [Event::Start(link), Event::Text(CowStr::from(self.text.as_str())), Event::End(TagEnd::Link)];
        let mut out = String::from(" ");
        html::push_html(&mut out, events.into_iter());
        out.replacen("<a ", "<a class=\"in-source-line\" ", 1)
    }
}

/// A passage of a document's body: a heading, a paragraph outside a list, or a list item's own
/// text (without the lists nested in it). These are the units a reader compares with the source,
/// each linked to its lines (`to_html_anchored`), and what a search result lands on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// Its plain text.
    pub text: String,
    /// The id `to_html_anchored` gives it.
    pub id: String,
    /// Whether it is a list item.
    pub in_list: bool,
}

/// The passages of the body `source`, in order.
pub fn passages(source: &str) -> Vec<Passage> {
    let events = body_events(source);
    let mut anchors = Anchors::default();
    anchors.apply(events.clone());
    let ids: HashMap<usize, String> = anchors.given.into_iter().collect();
    passage_spans(&events)
        .into_iter()
        .map(|(start, end)| {
            let mut text = String::new();
            for event in &events[start..end] {
                match event {
                    Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) => text.push_str(t),
                    Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph) => text.push(' '),
                    _ => {}
                }
            }
            text.truncate(text.trim_end().len());
            let id = ids.get(&start).cloned().unwrap_or_default();
            Passage { text, id, in_list: matches!(events[start], Event::Start(Tag::Item)) }
        })
        .collect()
}

/// Each passage of `events` as the index of its first event and of the event its link goes
/// before: a heading's or paragraph's end, or an item's end (its last paragraph's, in a loose
/// list) or the start of a list nested in it.
/// A paragraph inside an item (a loose list) is part of the item's passage.
fn passage_spans(events: &[Event<'_>]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let (mut open, mut items) = (None::<usize>, 0usize);
    for (at, event) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::Heading { .. }) => open = Some(at),
            Event::Start(Tag::Paragraph) if items == 0 => open = Some(at),
            Event::Start(Tag::Item) => {
                items += 1;
                open = Some(at);
            }
            Event::End(TagEnd::Item) => items = items.saturating_sub(1),
            _ => {}
        }
        let ends = match event {
            Event::End(TagEnd::Heading(_)) | Event::End(TagEnd::Item) | Event::Start(Tag::List(_)) => true,
            Event::End(TagEnd::Paragraph) => items == 0,
            _ => false,
        };
        if ends && let Some(start) = open.take() {
            // In a loose list the link goes inside the item's last paragraph, not on a line below.
            let inside = at > start + 1 && matches!(events[at - 1], Event::End(TagEnd::Paragraph));
            spans.push((start, if inside { at - 1 } else { at }));
        }
    }
    spans
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
/// the paragraph that introduces its list: the open data lists a document's items from it. The
/// items are the list passages of [`passages`]; the paragraph is the passage before them.
pub fn list_items(source: &str) -> Vec<ListItem> {
    let mut intro = None;
    passages(source)
        .into_iter()
        .filter_map(|p| {
            if p.in_list {
                Some(ListItem { id: p.id, intro: intro.clone(), text: p.text })
            } else {
                intro = Some(p.text);
                None
            }
        })
        .collect()
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
    /// How many paragraphs outside lists the current heading has had.
    paragraphs: usize,
    /// The id given to the element each event opens, by the event's place.
    given: Vec<(usize, String)>,
}

impl Anchors {
    /// `events` with ids on headings, paragraphs outside lists and list items, and a permalink at
    /// the end of each heading.
    fn apply<'e>(&mut self, events: Vec<Event<'e>>) -> Vec<Event<'e>> {
        let mut out = Vec::with_capacity(events.len() + 16);
        let mut heading_end = None;
        for (at, event) in events.iter().enumerate() {
            match event {
                Event::Start(Tag::Heading { level, .. }) => {
                    let id = self.unique(&crate::text::slugify(&heading_text(&events[at..])));
                    out.push(Event::Html(CowStr::from(format!("<{level} id=\"{id}\">"))));
                    heading_end = Some(id.clone());
                    self.given.push((at, id.clone()));
                    (self.heading, self.lists, self.paragraphs) = (Some(id), 0, 0);
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
                    self.given.push((at, id));
                }
                Event::Start(Tag::Paragraph) if self.open.is_empty() => {
                    self.paragraphs += 1;
                    let id =
                        self.unique(&format!("{}-p{}", self.heading.as_deref().unwrap_or("text"), self.paragraphs));
                    out.push(Event::Html(CowStr::from(format!("<p id=\"{id}\">"))));
                    self.given.push((at, id));
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
    for tag in ["h1", "h2", "h3", "h4", "h5", "h6", "li", "p"] {
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
        let html = to_html_anchored("## Ordinea de zi\n\ntext\n\n## Ordinea de zi\n\n### Propuneri *noi*\n", &[]);
        assert!(
            html.contains("<h2 id=\"ordinea-de-zi\">Ordinea de zi<a class=\"self\" href=\"#ordinea-de-zi\""),
            "{html}"
        );
        assert!(html.contains("<h2 id=\"ordinea-de-zi-2\">"), "{html}");
        assert!(html.contains("<h3 id=\"propuneri-noi\">"), "{html}");
    }

    #[test]
    fn list_items_are_numbered_within_their_heading_and_list() {
        let html = to_html_anchored("- a\n- b\n  - b1\n\n## Teme\n\n1. x\n\ntext\n\n- y\n", &[]);
        for id in ["text-1-1", "text-1-2", "text-1-2-1", "teme-1-1", "teme-2-1"] {
            assert!(html.contains(&format!("<li id=\"{id}\">")), "{id} in {html}");
        }
    }

    #[test]
    fn an_item_added_at_the_end_of_a_list_moves_no_anchor() {
        let before = to_html_anchored("## A\n\n- a\n- b\n\ntext\n\n- c\n", &[]);
        let after = to_html_anchored("## A\n\n- a\n- b\n- b2\n\ntext\n\n- c\n", &[]);
        assert!(before.contains("<li id=\"a-2-1\">c</li>") && after.contains("<li id=\"a-2-1\">c</li>"), "{after}");
    }

    #[test]
    fn anchored_html_still_drops_hostile_html() {
        let html = to_html_anchored("## x\n\n<a class=\"self\" href=\"javascript:alert(1)\" onclick=\"y\">z</a>", &[]);
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
        let html = to_html_anchored("Concluzii:\n\n- *Prima*;\n- a doua\n  - în ea\n\nAlta:\n\n1. trei\n", &[]);
        for item in &items {
            assert!(html.contains(&format!("<li id=\"{}\">", item.id)), "{html}");
        }
    }

    #[test]
    fn formatting_html_of_the_sources_is_kept() {
        assert!(to_html("un text <i>cursiv</i>").contains("<i>cursiv</i>"));
    }

    #[test]
    fn passages_are_headings_paragraphs_and_items_each_with_its_link() {
        let body = "## Titlu\n\nUn *paragraf*\npe două rânduri.\n\n- a\n- b\n  - b1\n\n1. x\n\n   y\n";
        let found: Vec<(String, String)> = passages(body).into_iter().map(|p| (p.text, p.id)).collect();
        let expected = [
            ("Titlu", "titlu"),
            ("Un paragraf pe două rânduri.", "titlu-p1"),
            ("a", "titlu-1-1"),
            ("b", "titlu-1-2"),
            ("b1", "titlu-1-2-1"),
            ("x y", "titlu-2-1"),
        ];
        assert_eq!(found, expected.map(|(t, i)| (t.to_owned(), i.to_owned())));
        let link = |n: usize| Some(PassageLink { href: format!("/surse/s/#L{n}"), text: format!("rândul {n}") });
        let html = to_html_anchored(body, &[link(1), link(2), None, link(4), link(5), link(6)]);
        assert!(html.contains("pe două rânduri. <a class=\"in-source-line\" href=\"/surse/s/#L2\""), "{html}");
        assert!(html.contains("<li id=\"titlu-1-1\">a</li>"), "{html}");
        assert!(
            html.contains(
                "b <a class=\"in-source-line\" href=\"/surse/s/#L4\" rel=\"noopener noreferrer\">rândul 4</a>\n<ul>"
            ),
            "{html}"
        );
        assert!(html.contains("<h2 id=\"titlu\">Titlu <a class=\"in-source-line\""), "{html}");
        assert!(html.contains("<p id=\"titlu-p1\">Un <em>paragraf</em>"), "{html}");
        assert!(html.contains("<p>y <a class=\"in-source-line\" href=\"/surse/s/#L6\""), "{html}");
        assert_eq!(html.matches("in-source-line").count(), 5, "{html}");
    }

    #[test]
    fn a_passage_link_is_escaped() {
        let link = PassageLink { href: "/x\"onclick=\"y".into(), text: "<b>".into() };
        let html = to_html_anchored("text\n", &[Some(link)]);
        assert!(!html.contains("onclick=\"y") && html.contains("&lt;b&gt;"), "{html}");
    }
}
