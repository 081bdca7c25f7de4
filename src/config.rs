//! The site's `config.toml`: title, base URL, language, theme.

use std::path::Path;

use serde::Deserialize;

use crate::diagnostics::{Diagnostic, display_path};

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
    Diagnostic { hint: Some("create config.toml with title and base_url; see README.md".into()), ..diagnostic }
}

impl Config {
    /// Reads and checks `root/config.toml`.
    pub fn load(root: &Path) -> Result<Config, Diagnostic> {
        let path = root.join("config.toml");
        let shown = display_path(root, &path);
        let text = crate::load::read_text(root, &path).map_err(with_read_hint)?;
        Config::parse(&shown, &text)
    }

    /// Parses and checks the text of a `config.toml`, named `shown` in diagnostics.
    pub fn parse(shown: &str, text: &str) -> Result<Config, Diagnostic> {
        let config: Config = toml::from_str(text).map_err(|error| {
            let (line, column) = error
                .span()
                .map(|span| {
                    let before = &text[..span.start.min(text.len())];
                    (before.matches('\n').count() + 1, before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1)
                })
                .unwrap_or((0, 0));
            let message = error.message().to_owned();
            if line == 0 {
                Diagnostic::file_error(shown, message)
            } else {
                Diagnostic::at(shown, text, line, column, message)
            }
        })?;
        config.check(shown, text)?;
        Ok(config)
    }

    fn check(&self, shown: &str, text: &str) -> Result<(), Diagnostic> {
        let valid_url = self.base_url.ends_with('/')
            && (self.base_url.starts_with("https://")
                || self.base_url.starts_with("http://")
                || self.base_url.starts_with('/'));
        if !valid_url {
            let (line, column) = crate::load::yaml::locate(text, &self.base_url, 0).unwrap_or((0, 0));
            return Err(Diagnostic {
                line,
                column,
                ..Diagnostic::at(
                    shown,
                    text,
                    line,
                    column,
                    format!("base_url `{}` must be an absolute URL or path ending in `/`", self.base_url),
                )
            }
            .with_hint("e.g. base_url = \"https://planuri.example.ro/\" or \"/portal/\""));
        }
        if !crate::text::is_slug(&self.theme) {
            return Err(Diagnostic::file_error(shown, format!("theme `{}` is not a valid folder name", self.theme)));
        }
        Ok(())
    }

    /// The path part of the base URL, always starting and ending with `/` (`/`, `/portal/`).
    /// Pages link with it, so the site works at the root of a host or under a sub-path.
    pub fn base_path(&self) -> &str {
        match self.base_url.find("://") {
            Some(scheme_end) => {
                let after_host = &self.base_url[scheme_end + 3..];
                after_host.find('/').map_or("/", |slash| &after_host[slash..])
            }
            None => &self.base_url,
        }
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
        }
    }

    #[test]
    fn base_path_from_url_or_path() {
        assert_eq!(config("https://example.ro/").base_path(), "/");
        assert_eq!(config("https://example.ro/portal/").base_path(), "/portal/");
        assert_eq!(config("/portal/").base_path(), "/portal/");
    }
}
