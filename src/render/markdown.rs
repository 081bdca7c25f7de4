//! Markdown to HTML with pulldown-cmark. Raw HTML in content is shown as text, never passed
//! through: content comes from many offices and must not put markup or script into pages.

use pulldown_cmark::{Event, Options, Parser, html};

/// Renders `source` to HTML; raw HTML blocks and inline HTML are escaped as text.
pub fn to_html(source: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events = Parser::new_ext(source, options).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        other => other,
    });
    let mut out = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_lists_and_emphasis() {
        assert_eq!(to_html("- *a*\n- b\n"), "<ul>\n<li><em>a</em></li>\n<li>b</li>\n</ul>\n");
    }

    #[test]
    fn raw_html_becomes_text() {
        let html = to_html("<script>alert(1)</script>\n\ntext <b onclick=\"x\">b</b>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<b "), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }
}
