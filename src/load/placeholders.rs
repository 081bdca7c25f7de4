//! The placeholders `planportal new` writes, refused until the author replaces them.

use super::{Kind, split_front_matter};

/// The marker `planportal new` writes where the author must fill something in.
pub const PLACEHOLDER: &str = "COMPLETAȚI";
use crate::diagnostics::Diagnostic;
use crate::messages::Message;

/// An error at each `COMPLETAȚI` that `planportal new` wrote and the author has not replaced.
/// YAML comments are skipped: the skeleton's comments name the marker too, and stay.
pub(super) fn placeholders(shown: &str, text: &str, kind: Kind) -> Vec<Diagnostic> {
    // In a document, the lines before the body are front matter (YAML); the body is Markdown.
    let body_line = match kind {
        Kind::Document => split_front_matter(text).map_or(usize::MAX, |(_, _, line)| line),
        _ => usize::MAX,
    };
    let mut found = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        let checked = if number < body_line { without_yaml_comment(line) } else { line };
        for (at, _) in checked.match_indices(PLACEHOLDER) {
            let column = line[..at].chars().count() + 1;
            found.push(
                Diagnostic::at(shown, text, number, column, Message::Placeholder { marker: PLACEHOLDER.to_owned() })
                    .with_width(PLACEHOLDER.chars().count())
                    .with_hint(Message::PlaceholderHint),
            );
        }
    }
    found
}

/// `line` without its YAML comment: from the first `#` that starts a word outside quotes. A
/// quote counts only where a value starts (line start, after `: `, `- `, `[`, `{`, `,`), so the
/// apostrophe of `Don't` opens nothing.
fn without_yaml_comment(line: &str) -> &str {
    let mut quote: Option<char> = None;
    let mut previous = ' ';
    let mut value_may_start = true;
    for (at, c) in line.char_indices() {
        match quote {
            Some(open) if c == open => quote = None,
            Some(_) => {}
            None if c == '#' && previous.is_whitespace() => return &line[..at],
            None if (c == '"' || c == '\'') && value_may_start => quote = Some(c),
            None => {}
        }
        if !c.is_whitespace() {
            value_may_start = quote.is_none() && matches!(c, ':' | '-' | '[' | '{' | ',');
        }
        previous = c;
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_comments_are_cut_outside_quotes_only() {
        assert_eq!(without_yaml_comment("a: b # c"), "a: b ");
        assert_eq!(without_yaml_comment("# c"), "");
        assert_eq!(without_yaml_comment("a: \"b # c\" # d"), "a: \"b # c\" ");
        assert_eq!(without_yaml_comment("a: Don't # d 'e'"), "a: Don't ");
        assert_eq!(without_yaml_comment("a: [x, 'y # z'] # w"), "a: [x, 'y # z'] ");
        assert_eq!(without_yaml_comment("a: b#c"), "a: b#c");
    }
}
