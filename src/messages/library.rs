//! The messages of the parsing libraries (serde, the YAML and TOML parsers) in the catalogue: the
//! ones serde words the same way for every format are recognised and said in the run's language;
//! a parser's own syntax message is kept as it is, inside a message of ours. A custom error of
//! our own deserialisers (`serde::de::Error::custom`) is the key of an argument-less message.

use super::Message;

/// The format whose parser wrote a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A YAML file of `content/`.
    Yaml,
    /// `config.toml`.
    Toml,
}

/// The messages our deserialisers raise through serde, by their key.
const CUSTOM: [Message; 2] = [Message::TitleEmpty, Message::TitleNoValue];

/// The catalogue's message for `raw`, a library's message without its position. serde_yaml puts
/// the path of a nested value before the message (`type: unknown variant …`): it is kept.
pub fn library_message(raw: &str, format: Format) -> Message {
    let markers = ["unknown field `", "unknown variant `", "missing field `", "duplicate field `", "invalid type: "];
    let custom = CUSTOM.iter().map(Message::key);
    let start = markers.into_iter().chain(custom).filter_map(|marker| raw.find(marker)).min();
    match start {
        Some(at) if at >= 2 && raw[..at].ends_with(": ") => Message::AtPath {
            path: raw[..at - 2].to_owned(),
            message: serde_message(&raw[at..]).unwrap_or_else(|| syntax(raw, format)).boxed(),
        },
        _ => serde_message(raw).unwrap_or_else(|| syntax(raw, format)),
    }
}

fn syntax(raw: &str, format: Format) -> Message {
    match format {
        Format::Yaml => Message::YamlSyntax { detail: raw.to_owned() },
        Format::Toml => Message::TomlSyntax { detail: raw.to_owned() },
    }
}

/// One of serde's own messages, or of ours, in the catalogue.
fn serde_message(raw: &str) -> Option<Message> {
    if let Some(custom) = CUSTOM.into_iter().find(|message| message.key() == raw) {
        return Some(custom);
    }
    if let Some((field, expected)) = raw.strip_prefix("unknown field `").and_then(|rest| rest.split_once("`, ")) {
        let names = names(expected);
        return Some(Message::UnknownField { field: field.to_owned(), count: names.len(), names: names.join(", ") });
    }
    if let Some((value, expected)) = raw.strip_prefix("unknown variant `").and_then(|rest| rest.split_once("`, ")) {
        let names = names(expected);
        return Some(Message::UnknownValue { value: value.to_owned(), count: names.len(), names: names.join(", ") });
    }
    if let Some(field) = raw.strip_prefix("missing field `").and_then(|rest| rest.strip_suffix('`')) {
        return Some(Message::MissingField { field: field.to_owned() });
    }
    if let Some(field) = raw.strip_prefix("duplicate field `").and_then(|rest| rest.strip_suffix('`')) {
        return Some(Message::DuplicateField { field: field.to_owned() });
    }
    let (found, expected) = raw.strip_prefix("invalid type: ")?.rsplit_once(", expected ")?;
    Some(Message::InvalidType { found: found_kind(found).boxed(), expected: expected_kind(expected).boxed() })
}

/// The names serde lists after "expected" (`a`, `a` or `b`, one of `a`, `b`, `c`), each in
/// backticks; none for "there are no fields".
fn names(expected: &str) -> Vec<String> {
    expected.split('`').skip(1).step_by(2).map(|name| format!("`{name}`")).collect()
}

/// What serde found instead of the expected value (`string "x"`, `integer `2``, `unit value`).
fn found_kind(found: &str) -> Message {
    let value = |prefix: &str| found.strip_prefix(prefix).map(str::to_owned);
    if let Some(value) = value("string ") {
        Message::FoundText { value }
    } else if let Some(value) = value("integer ") {
        Message::FoundNumber { value }
    } else if let Some(value) = value("floating point ") {
        Message::FoundFloat { value }
    } else if let Some(value) = value("boolean ") {
        Message::FoundBoolean { value }
    } else {
        match found {
            "unit value" => Message::FoundNothing,
            "sequence" => Message::FoundList,
            "map" => Message::FoundMap,
            _ => Message::Verbatim { text: found.to_owned() },
        }
    }
}

/// What serde expected (`a string`, `a sequence`, `u32`, `struct RawPeriod`).
fn expected_kind(expected: &str) -> Message {
    match expected {
        "a string" | "a text" => Message::ExpectedText,
        "a sequence" => Message::ExpectedList,
        "a boolean" => Message::ExpectedBoolean,
        _ if expected.starts_with("struct ") || expected.starts_with("a map") => Message::ExpectedMap,
        _ if expected.starts_with('u') || expected.starts_with('i') || expected.starts_with("an integer") => {
            Message::ExpectedNumber
        }
        _ => Message::Verbatim { text: expected.to_owned() },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

    #[test]
    fn serde_messages_are_said_in_each_language() {
        let unknown = library_message("unknown field `nmae`, expected `name`", Format::Yaml);
        assert_eq!(unknown.text(Lang::En), "unknown field `nmae`, expected `name`");
        assert_eq!(unknown.text(Lang::Ro), "cheie necunoscută `nmae`; se aștepta `name`");
        let many = library_message("unknown field `x`, expected one of `a`, `b`, `c`", Format::Toml);
        assert_eq!(many.text(Lang::En), "unknown field `x`, expected one of `a`, `b`, `c`");
        let missing = library_message("missing field `title`", Format::Toml);
        assert_eq!(missing.text(Lang::Ro), "lipsește cheia `title`");
        let syntax = library_message("found unexpected end of stream", Format::Yaml);
        assert_eq!(syntax.text(Lang::En), "found unexpected end of stream");
        assert_eq!(syntax.text(Lang::Ro), "eroare de sintaxă YAML: found unexpected end of stream");
    }

    #[test]
    fn the_path_of_a_nested_value_is_kept() {
        let raw = "goals[0].indicators: invalid type: string \"număr\", expected a sequence";
        let message = library_message(raw, Format::Yaml);
        assert_eq!(message.text(Lang::En), raw);
        assert_eq!(
            message.text(Lang::Ro),
            "goals[0].indicators: valoare greșită: textul \"număr\"; se aștepta o listă"
        );
        let custom = library_message(&format!("title: {}", Message::TitleEmpty.key()), Format::Yaml);
        assert_eq!(custom, Message::AtPath { path: "title".to_owned(), message: Message::TitleEmpty.boxed() });
    }
}
