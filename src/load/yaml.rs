//! The one place that knows the YAML library. serde_yaml is deprecated upstream; this module uses
//! its maintained fork serde_yaml_ng (same API), so moving to another fork is a change here only.
//!
//! It turns library errors into `Diagnostic`s with file, line and column, and provides `locate`,
//! which finds where a value stands in a file for problems found after parsing (an unknown
//! institution, a dangling reference).

use serde::de::DeserializeOwned;

use crate::diagnostics::Diagnostic;

/// Parses `source` (the text of the file at `path`) into `T`, or returns the error at its place.
///
/// `line_offset` is added to reported lines: front matter starts after its opening `---`.
pub fn parse<T: DeserializeOwned>(path: &str, source: &str, line_offset: usize) -> Result<T, Diagnostic> {
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
fn hint_for(message: &str) -> Option<String> {
    if message.starts_with("unknown field") {
        Some("check the spelling of the key; docs/content-model.md lists every key".to_owned())
    } else if message.contains("expected a string") && message.contains("invalid type") {
        Some("write the value in quotes, e.g. number: \"1.1\"".to_owned())
    } else if message.contains("expected a sequence") {
        Some("write a list: one `- item` per line, or [a, b]".to_owned())
    } else if message.starts_with("missing field") {
        Some("add the key; docs/content-model.md says what it holds".to_owned())
    } else if message.contains("unknown variant") {
        Some("use one of the values listed above".to_owned())
    } else if message.contains("recursion limit exceeded") || message.contains("repetition limit exceeded") {
        Some("the file nests or repeats aliases too deeply to be content; write it out plainly".to_owned())
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
        Some("YAML syntax: check indentation, quotes and brackets here and on the line before; quote a text that contains `: ` or starts with `[`, `{`, `*`, `&`".to_owned())
    } else {
        None
    }
}

/// Finds the `nth` (0-based) place where `needle` stands as a whole YAML scalar value in `source`:
/// after `key: `, after a list dash, or as an item of a flow list, quoted or not.
/// Returns the 1-based line and character column of its first character.
pub fn locate(source: &str, needle: &str, nth: usize) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    let mut seen = 0;
    for (index, line) in source.lines().enumerate() {
        let mut from = 0;
        while let Some(found) = line[from..].find(needle) {
            let start = from + found;
            let end = start + needle.len();
            if stands_alone(line, start, end) {
                if seen == nth {
                    let column = line[..start].chars().count() + 1;
                    return Some((index + 1, column));
                }
                seen += 1;
            }
            from = end;
        }
    }
    None
}

/// Whether `line[start..end]` is a whole scalar: what precedes it (past an opening quote) ends a
/// key, a dash or a flow separator, and what follows (past a closing quote) ends the value.
fn stands_alone(line: &str, start: usize, end: usize) -> bool {
    let before = line[..start].trim_end_matches(['"', '\'']);
    let after = line[end..].trim_start_matches(['"', '\'']);
    let before_ok = before.trim_end().is_empty()
        || before.ends_with(": ")
        || before.ends_with("- ")
        || before.ends_with('[')
        || before.ends_with(", ")
        || before.ends_with("[ ")
        || before.ends_with("{ ");
    let after_trim = after.trim_start();
    let after_ok = after_trim.is_empty()
        || after_trim.starts_with('#')
        || after.starts_with(',')
        || after.starts_with(']')
        || after_trim.starts_with(']')
        || after_trim.starts_with('}');
    before_ok && after_ok
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
        assert!(d.message.starts_with("unknown field `nmae`, expected `name`"), "{}", d.message);
        assert!(d.hint.is_some());
    }

    #[test]
    fn line_offset_shifts_reported_line() {
        let Err(d) = parse::<Sample>("x.md", "name: [", 1) else { panic!("must fail") };
        assert_eq!(d.line, 2);
    }

    #[test]
    fn locate_finds_values_not_substrings() {
        let source = "text: DSP Cluj are\nresponsible:\n  - DSP\n  - \"DSP\"\nlist: [APL, DSP]\nmap: {a: DSP}\n";
        assert_eq!(locate(source, "DSP", 0), Some((3, 5)));
        assert_eq!(locate(source, "DSP", 1), Some((4, 6)));
        assert_eq!(locate(source, "DSP", 2), Some((5, 13)));
        assert_eq!(locate(source, "DSP", 3), Some((6, 10)));
        assert_eq!(locate(source, "DSP", 4), None);
    }
}
