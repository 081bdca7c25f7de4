//! The site's `config.toml`: title, base URL, language, theme.

use std::path::Path;

use serde::Deserialize;

use crate::diagnostics::{Diagnostic, display_path};
use crate::messages::{Format, Message, library_message};

/// Site settings, read from `config.toml` at the site root.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The portal's name, shown in every page title.
    pub title: String,
    /// One sentence on what the portal is, for the home page and `<meta name="description">`.
    #[serde(default)]
    pub description: String,
    /// Where the site is published: `https://example.ro/` or with a sub-path, `https://example.ro/portal/`.
    pub base_url: String,
    /// Language of the interface (BCP 47), `ro`.
    #[serde(default = "default_language")]
    pub language: String,
    /// The folder under `themes/` whose templates and static files are used.
    #[serde(default = "default_theme")]
    pub theme: String,
    /// The day (`YYYY-MM-DD`) the content was last checked against what the publishers have
    /// published. Plan pages state from it whether a plan's period is running or has ended; it
    /// is never the build's clock, so that two builds of the same content are byte-identical.
    /// Without it, plan pages state no status.
    #[serde(default)]
    pub checked: Option<String>,
}

fn default_language() -> String {
    "ro".to_owned()
}

fn default_theme() -> String {
    "default".to_owned()
}

/// A problem reading `config.toml` (missing, too large, not UTF-8), with the hint that says what
/// the file must hold.
pub(crate) fn with_read_hint(diagnostic: Diagnostic) -> Diagnostic {
    diagnostic.with_hint(Message::ConfigCreateHint)
}

/// The places of the settings `check` refuses, read again only when it refuses one.
#[derive(Default, Deserialize)]
struct Places {
    base_url: Option<toml::Spanned<String>>,
    theme: Option<toml::Spanned<String>>,
    checked: Option<toml::Spanned<String>>,
}

/// An error at the value that `which` picks from the places of `text`, past its opening quote, or
/// at the whole file if it has none.
fn at_value(
    shown: &str,
    text: &str,
    which: impl FnOnce(Places) -> Option<toml::Spanned<String>>,
    message: Message,
) -> Diagnostic {
    let places: Places = toml::from_str(text).unwrap_or_default();
    match which(places) {
        Some(value) => {
            let span = value.span();
            let quotes = text[span.clone()].chars().take_while(|c| matches!(c, '"' | '\'')).count().min(3);
            let start = span.start + quotes;
            at_span(shown, text, start..start, message).with_width(value.get_ref().chars().count())
        }
        None => Diagnostic::file_error(shown, message),
    }
}

/// An error at the byte range `span` of `text`: its line and column, its source line, and a mark
/// as wide as the range (at least one character).
fn at_span(shown: &str, text: &str, span: std::ops::Range<usize>, message: Message) -> Diagnostic {
    let start = span.start.min(text.len());
    let before = &text[..start];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    let width = text.get(start..span.end.min(text.len())).map_or(1, |s| s.chars().count());
    Diagnostic::at(shown, text, line, column, message).with_width(width)
}

/// Whether `url` can be a site's base URL: an `https://` or `http://` URL or a path from `/`,
/// ending in `/`, so that a page's path can be appended to it. The same rule for
/// `config.toml`'s `base_url` and for `--base-url`.
pub fn is_base_url(url: &str) -> bool {
    url.ends_with('/') && (url.starts_with("https://") || url.starts_with("http://") || url.starts_with('/'))
}

/// The path part of a base URL that [`is_base_url`] accepts (`/`, `/portal/`).
pub fn base_path(url: &str) -> &str {
    match url.find("://") {
        Some(scheme_end) => {
            let after_host = &url[scheme_end + 3..];
            after_host.find('/').map_or("/", |slash| &after_host[slash..])
        }
        None => url,
    }
}

impl Config {
    /// Reads and checks `root/config.toml`.
    pub fn load(root: &Path) -> Result<Config, Diagnostic> {
        let path = root.join("config.toml");
        let shown = display_path(root, &path);
        let text = crate::load::read_text(root, &path).map_err(with_read_hint)?;
        Config::parse(&shown, &text)
    }

    /// Parses and checks the text of a `config.toml`, named `shown` in diagnostics. Every
    /// error stands at its line and column (from `toml`'s spans), with the source line.
    pub fn parse(shown: &str, text: &str) -> Result<Config, Diagnostic> {
        let config: Config = toml::from_str(text).map_err(|error| {
            let raw = error.message();
            let hint = if raw.starts_with("unknown field") {
                Some(Message::ConfigKeySpelling)
            } else if raw.starts_with("missing field") {
                Some(Message::ConfigNeedsKeys)
            } else {
                None
            };
            let message = library_message(raw.trim_end(), Format::Toml);
            let diagnostic = match error.span() {
                Some(span) => at_span(shown, text, span, message),
                None => Diagnostic::file_error(shown, message),
            };
            match hint {
                Some(hint) => diagnostic.with_hint(hint),
                None => diagnostic,
            }
        })?;
        config.check(shown, text)?;
        Ok(config)
    }

    fn check(&self, shown: &str, text: &str) -> Result<(), Diagnostic> {
        if !is_base_url(&self.base_url) {
            let message = Message::BadBaseUrl { url: self.base_url.clone() };
            return Err(at_value(shown, text, |p| p.base_url, message).with_hint(Message::BadBaseUrlHint));
        }
        if !crate::text::is_slug(&self.theme) {
            let message = Message::BadTheme { theme: self.theme.clone() };
            return Err(at_value(shown, text, |p| p.theme, message).with_hint(Message::BadThemeHint));
        }
        if let Some(checked) = &self.checked {
            // The shape first, so that `2026-1-5` is refused; jiff says whether the day exists.
            let shaped = checked.len() == 10
                && checked
                    .bytes()
                    .enumerate()
                    .all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
            if !shaped || jiff::civil::Date::strptime("%Y-%m-%d", checked).is_err() {
                let message = Message::BadChecked { checked: checked.clone() };
                return Err(at_value(shown, text, |p| p.checked, message).with_hint(Message::BadCheckedHint));
            }
        }
        Ok(())
    }

    /// The path part of the base URL, always starting and ending with `/` (`/`, `/portal/`).
    /// Pages link with it, so the site works at the root of a host or under a sub-path.
    pub fn base_path(&self) -> &str {
        base_path(&self.base_url)
    }

    /// The absolute URL of a site path such as `planuri/x/` (no leading slash).
    pub fn absolute_url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(base_url: &str) -> Config {
        Config {
            title: "t".into(),
            description: String::new(),
            base_url: base_url.into(),
            language: "ro".into(),
            theme: "default".into(),
            checked: None,
        }
    }

    #[test]
    fn base_path_from_url_or_path() {
        assert_eq!(config("https://example.ro/").base_path(), "/");
        assert_eq!(config("https://example.ro/portal/").base_path(), "/portal/");
        assert_eq!(config("/portal/").base_path(), "/portal/");
    }

    #[test]
    fn checked_must_be_a_day_of_the_calendar() {
        let with = |checked: &str| {
            Config::parse("config.toml", &format!("title = \"t\"\nbase_url = \"/\"\nchecked = \"{checked}\"\n"))
        };
        assert_eq!(with("2026-11-30").expect("a day").checked.as_deref(), Some("2026-11-30"));
        for bad in ["2026-02-30", "2026-1-05", "30.11.2026", "2026-11-30T00:00"] {
            let error = with(bad).expect_err(bad);
            assert_eq!(*error.message, Message::BadChecked { checked: bad.to_owned() }, "{bad}");
            assert_eq!(error.line, 3, "{bad}");
        }
    }
}
