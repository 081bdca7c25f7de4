//! The messages of the parsing libraries (serde, the YAML and TOML parsers) in the catalogue: the
//! ones serde words the same way for every format are recognised and said in the run's language;
//! a parser's own syntax message is kept as it is, inside a message of ours.

use super::Message;

/// The format whose parser wrote a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A YAML file of `content/`.
    Yaml,
    /// `config.toml`.
    Toml,
}

/// The catalogue's message for `raw`, a library's message without its position.
pub fn library_message(raw: &str, format: Format) -> Message {
    if let Some(rest) = raw.strip_prefix("unknown field `") {
        if let Some((field, expected)) = rest.split_once("`, ") {
            let names = names(expected);
            return Message::UnknownField { field: field.to_owned(), count: names.len(), names: names.join(", ") };
        }
    }
    if let Some(rest) = raw.strip_prefix("unknown variant `") {
        if let Some((value, expected)) = rest.split_once("`, ") {
            let names = names(expected);
            return Message::UnknownValue { value: value.to_owned(), count: names.len(), names: names.join(", ") };
        }
    }
    if let Some(field) = raw.strip_prefix("missing field `").and_then(|rest| rest.strip_suffix('`')) {
        return Message::MissingField { field: field.to_owned() };
    }
    if let Some(field) = raw.strip_prefix("duplicate field `").and_then(|rest| rest.strip_suffix('`')) {
        return Message::DuplicateField { field: field.to_owned() };
    }
    if let Some(detail) = raw.strip_prefix("invalid type: ") {
        return Message::InvalidType { detail: detail.to_owned() };
    }
    match format {
        Format::Yaml => Message::YamlSyntax { detail: raw.to_owned() },
        Format::Toml => Message::TomlSyntax { detail: raw.to_owned() },
    }
}

/// The names serde lists after "expected" (`a`, `a` or `b`, one of `a`, `b`, `c`), each in
/// backticks; none for "there are no fields".
fn names(expected: &str) -> Vec<String> {
    expected.split('`').skip(1).step_by(2).map(|name| format!("`{name}`")).collect()
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
}
