//! Markdown to HTML with pulldown-cmark, then sanitised with ammonia. Content comes from many
//! offices: raw HTML in it may keep harmless formatting (`<i>`, `<p>`, lists, tables) but never
//! script, event handlers, `javascript:`/`data:` URLs, styles or frames.

use pulldown_cmark::{Options, Parser, html};

/// Renders `source` to safe HTML.
pub fn to_html(source: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut out = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut out, Parser::new_ext(source, options));
    sanitize(&out)
}

/// Keeps the formatting tags of ammonia's default allow-list; links get `rel="noopener
/// noreferrer"` and only http, https and mailto URLs survive.
pub fn sanitize(html: &str) -> String {
    ammonia::Builder::default().url_schemes(["http", "https", "mailto"].into()).clean(html).to_string()
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
    fn formatting_html_of_the_sources_is_kept() {
        assert!(to_html("un text <i>cursiv</i>").contains("<i>cursiv</i>"));
    }
}
