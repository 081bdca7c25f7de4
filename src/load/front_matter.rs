//! Documents: YAML front matter between `---` lines, then the Markdown body.

use super::{Parsed, RawDocumentFile, SourceFile, yaml};
use crate::diagnostics::Diagnostic;
use crate::load::raw::RawDocument;
use crate::messages::Message;

/// Splits `---` front matter from the Markdown body and parses the front matter.
pub(super) fn parse_document(path: String, text: String) -> Result<Parsed<RawDocumentFile>, Diagnostic> {
    let Some((front, body, body_line)) = split_front_matter(&text) else {
        return Err(Diagnostic::at(&path, &text, 1, 1, Message::NoFrontMatter).with_hint(Message::AddFrontMatter));
    };
    let front: RawDocument = yaml::parse(&path, front, 1)?;
    let body = body.to_owned();
    Ok(Parsed { file: SourceFile { path, text }, value: RawDocumentFile { front, body, body_line } })
}

/// Returns (front matter, body, 1-based line where the body starts).
pub(super) fn split_front_matter(text: &str) -> Option<(&str, &str, usize)> {
    let rest = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n"))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let front = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let body_line = front.lines().count() + 3;
            return Some((front, body, body_line));
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_split_with_body_line() {
        let (front, body, line) = split_front_matter("---\na: 1\nb: 2\n---\nBody\n").expect("has front matter");
        assert_eq!(front, "a: 1\nb: 2\n");
        assert_eq!(body, "Body\n");
        assert_eq!(line, 5);
        assert!(split_front_matter("no front matter").is_none());
    }
}
