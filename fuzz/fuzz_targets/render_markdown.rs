//! Fuzz target: Markdown of a document body through `render::markdown::to_html` (pulldown-cmark,
//! then ammonia). Besides not crashing, the HTML that comes out must hold nothing that runs: no
//! script, style, frame or object element, no `on…` attribute, no URL with a scheme other than
//! http, https or mailto.

#![no_main]

use libfuzzer_sys::fuzz_target;
use planportal::markdown::to_html;
use scraper::{Html, Selector};

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else { return };
    let html = to_html(source);
    let fragment = Html::parse_fragment(&html);
    let every = Selector::parse("*").expect("selector");
    for element in fragment.select(&every) {
        let name = element.value().name();
        assert!(
            !matches!(name, "script" | "style" | "iframe" | "frame" | "object" | "embed" | "form" | "base" | "meta"),
            "<{name}> survived sanitising: {html}"
        );
        for (attr, value) in element.value().attrs() {
            assert!(!attr.to_ascii_lowercase().starts_with("on"), "{attr} survived sanitising: {html}");
            assert!(attr != "style", "a style attribute survived sanitising: {html}");
            if matches!(attr, "href" | "src" | "cite" | "action" | "formaction" | "srcset") {
                assert!(safe_url(value), "{attr}={value:?} survived sanitising: {html}");
            }
        }
    }
});

/// A relative URL, or an absolute one with an allowed scheme. As browsers do, leading control
/// characters and spaces are dropped and tabs and newlines removed before the scheme is read.
fn safe_url(value: &str) -> bool {
    let cleaned: String =
        value.trim_start_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let Some(colon) = cleaned.find(':') else { return true };
    let scheme = &cleaned[..colon];
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    !is_scheme || matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https" | "mailto")
}
