//! The one place that knows the YAML libraries. serde_yaml is deprecated upstream; this module
//! deserialises with its maintained fork serde_yaml_ng (same API), so moving to another fork is a
//! change here only.
//!
//! It turns library errors into `Diagnostic`s with file, line and column (this file), refuses what
//! content never needs before the library sees it (`prescan.rs`), and tells where each value of a
//! file stands, by its path, for problems found after parsing (`positions.rs`).

mod positions;
mod prescan;

use serde::de::DeserializeOwned;

use crate::diagnostics::Diagnostic;
use crate::messages::{Format, Message, library_message};
pub use positions::{LineIndex, Place, Target, locate};
pub use prescan::MAX_FLOW_DEPTH;
use prescan::prescan;

/// Parses `source` (the text of the file at `path`) into `T`, or returns the error at its place.
///
/// `line_offset` is added to reported lines: front matter starts after its opening `---`.
pub fn parse<T: DeserializeOwned>(path: &str, source: &str, line_offset: usize) -> Result<T, Diagnostic> {
    prescan(source).map_err(|refusal| refusal.into_diagnostic(path, source, line_offset))?;
    serde_yaml_ng::from_str(source).map_err(|error| to_diagnostic(path, source, line_offset, &error))
}

fn to_diagnostic(path: &str, source: &str, line_offset: usize, error: &serde_yaml_ng::Error) -> Diagnostic {
    let raw = error.to_string();
    // The library appends " at line L column C" to its message; the position is shown apart.
    let message = match raw.find(" at line ") {
        Some(cut) => raw[..cut].to_owned(),
        None => raw.clone(),
    };
    let hint = hint_for(&message);
    let message = library_message(&message, Format::Yaml);
    let diagnostic = match error.location() {
        Some(location) => {
            let line = location.line();
            let full_source_line = line_offset + line;
            let mut d = Diagnostic::at(path, source, line, location.column(), message);
            d.line = full_source_line;
            d
        }
        None => Diagnostic::file_error(path, message),
    };
    match hint {
        Some(hint) => diagnostic.with_hint(hint),
        None => diagnostic,
    }
}

/// A hint for the errors authors make most often.
fn hint_for(message: &str) -> Option<Message> {
    if message.starts_with("unknown field") {
        Some(Message::HintKeySpelling)
    } else if message.contains("expected a string") && message.contains("invalid type") {
        Some(Message::HintQuoteValue)
    } else if message.contains("expected a sequence") {
        Some(Message::HintWriteList)
    } else if message.starts_with("missing field") {
        Some(Message::HintAddKey)
    } else if [Message::TitleEmpty, Message::TitleNoValue].iter().any(|m| message.ends_with(m.key())) {
        Some(Message::HintWriteText)
    } else if message.contains("unknown variant") {
        Some(Message::HintListedValues)
    } else if message.contains("recursion limit exceeded") || message.contains("repetition limit exceeded") {
        Some(Message::HintNestsTooDeep)
    } else if [
        "did not find expected",
        "mapping values are not allowed",
        "could not find expected",
        "found character",
        "found unexpected",
    ]
    .iter()
    .any(|m| message.contains(m))
    {
        Some(Message::HintYamlSyntax)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Sample {
        #[expect(dead_code, reason = "only its parse errors matter here")]
        name: String,
    }

    #[test]
    fn unknown_field_has_position_and_hint() {
        let source = "name: a\nnmae: b\n";
        let Err(d) = parse::<Sample>("x.yaml", source, 0) else { panic!("must fail") };
        assert_eq!(d.place(), "x.yaml:2:1");
        let text = d.message.text(crate::messages::Lang::En);
        assert!(text.starts_with("unknown field `nmae`, expected `name`"), "{text}");
        assert!(d.hint.is_some());
    }

    #[test]
    fn line_offset_shifts_reported_line() {
        let Err(d) = parse::<Sample>("x.md", "name: [", 1) else { panic!("must fail") };
        assert_eq!(d.line, 2);
    }
}
