//! Checks that keep the promise "`check` passes ⇒ `build` succeeds": content that parses and
//! resolves but that no page, address or feed could hold (issue 15, items 8, 9, 12 and 13) is
//! refused here, as a content error at its place, instead of failing the build without one.

use super::plans::number_slug;
use super::report::{FileReport, field, item};
use crate::diagnostics::Diagnostic;
use crate::load::yaml::{self, Target};
use crate::markdown;
use crate::messages::{Articled, Message, Noun};
use crate::model::County;
use crate::text::is_xml_forbidden;
use crate::urls;

/// The longest slug a published number may give an anchor, in bytes. Objective anchors are folder
/// names (`planuri/<plan>/<anchor>/`): a section id (at most 120 bytes) and its hyphen, `os-`, this
/// slug and a `-N` suffix for repeats stay under the 255 bytes file systems allow in a name.
pub const MAX_NUMBER_SLUG: usize = 100;

/// Refuses a published number (of the item at `at`) whose slug would make its anchor too long to
/// be a folder name. `prefix` is the level's anchor prefix (`og`, `os`, `a`).
pub(super) fn check_number(report: &mut FileReport<'_>, at: &str, number: &str, prefix: &str) {
    let length = number_slug(number, prefix).len();
    report.check(
        || field(at, "number"),
        number,
        length <= MAX_NUMBER_SLUG,
        || Message::NumberTooLong { length, max: MAX_NUMBER_SLUG },
        Some(Message::NumberTooLongHint),
    );
}

/// Refuses a framework goal or objective (the item at `at`, of id `id`) without a wording: every
/// page that cites it shows its first wording. The error stands at its `wordings` key.
pub(super) fn check_wordings(report: &mut FileReport<'_>, at: &str, id: &str, wordings: &[String], what: Noun) {
    if !wordings.is_empty() {
        return;
    }
    let message = Message::NoWording { what: Articled(what), id: id.to_owned() };
    report.error_at_key(field(at, "wordings"), "wordings", message, Some(Message::NoWordingHint));
}

/// Refuses counties whose comparison pages would share an address: `comparatii/a-si-b/` is built
/// from two slugs, so `cluj-si-bacau` + `ialomita` and `cluj` + `bacau-si-ialomita` collide. Only a
/// pair with a slug holding `-si-` can collide, so only those pairs are compared. The error stands
/// at the slug of the last of the counties involved, in file order.
pub(super) fn check_county_pairs(report: &mut FileReport<'_>, counties: &[County]) {
    let joined: Vec<bool> = counties.iter().map(|c| c.slug.contains("-si-")).collect();
    let mut seen: std::collections::HashMap<String, (usize, usize)> = std::collections::HashMap::new();
    for k in (0..counties.len()).filter(|&k| joined[k]) {
        // Each pair once: a pair of two joined slugs is taken from its first.
        for other in (0..counties.len()).filter(|&o| o != k && !(joined[o] && o < k)) {
            let (a, b) = (k.min(other), k.max(other));
            let url = urls::pair(&counties[a].slug, &counties[b].slug);
            let Some(&(c, d)) = seen.get(&url) else {
                seen.insert(url, (a, b));
                continue;
            };
            let ((a, b), (c, d)) = if b >= d { ((a, b), (c, d)) } else { ((c, d), (a, b)) };
            let name = |i: usize| &counties[i].slug;
            let last = b.max(d);
            report.error(
                field(&item("", "", last), "slug"),
                &counties[last].slug,
                Message::PairCollision {
                    a: name(a).clone(),
                    b: name(b).clone(),
                    c: name(c).clone(),
                    d: name(d).clone(),
                    url,
                },
                Some(Message::PairCollisionHint),
            );
        }
    }
}

/// Refuses a Markdown body nested deeper than the renderer and the minifier can take (the place
/// is that of the element past the cap). `body_line` is the file line where the body starts.
pub(super) fn check_body_nesting(report: &mut FileReport<'_>, body: &str, body_line: usize) {
    let Some(offset) = markdown::too_deep(body) else {
        return;
    };
    let before = &body[..offset];
    let line = body_line + before.matches('\n').count();
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    let diagnostic = Diagnostic::at(
        &report.file.path,
        &report.file.text,
        line,
        column,
        Message::BodyTooDeep { max: markdown::MAX_NESTING },
    )
    .with_hint(Message::BodyTooDeepHint);
    report.found.push(diagnostic);
}

/// Refuses a control character in a text the Atom feed carries (`field` names it in the message).
/// YAML refuses such characters written as they are, so they come from an escape in a
/// double-quoted string (`\v`, `\x0b`, `\u000B`): the error stands at the first such escape from
/// the line of the value at `path` on, or at the file when none is found.
pub(super) fn check_control(report: &mut FileReport<'_>, value: &str, what: Noun, path: impl FnOnce() -> String) {
    let Some(bad) = value.chars().find(|c| is_xml_forbidden(*c)) else {
        return;
    };
    // Looked up only now: a pass over the file for every value would make large files quadratic.
    let from_line = yaml::locate(&report.file.text, &[(&path(), Target::Value)])[0].map_or(1, |place| place.line);
    let message = Message::ControlCharacter { code: format!("{:04X}", u32::from(bad)), what };
    let text = &report.file.text;
    let diagnostic = match control_escape(text, from_line) {
        Some((line, column, escape)) => Diagnostic::at(&report.file.path, text, line, column, message)
            .with_width(escape.chars().count())
            .with_hint(Message::RemoveEscape { escape: escape.to_owned() }),
        None => Diagnostic::file_error(&report.file.path, message).with_hint(Message::RemoveControl),
    };
    report.found.push(diagnostic);
}

/// The 1-based line and column and the text of the first YAML escape, from line `from_line` on,
/// that stands for a character XML refuses.
fn control_escape(text: &str, from_line: usize) -> Option<(usize, usize, &str)> {
    for (index, line) in text.lines().enumerate().skip(from_line.saturating_sub(1)) {
        let mut rest = line;
        while let Some(at) = rest.find('\\') {
            let start = line.len() - rest.len() + at;
            let escape = &line[start..];
            let (length, decoded) = decode_escape(escape);
            if decoded.is_some_and(is_xml_forbidden) {
                let column = line[..start].chars().count() + 1;
                return Some((index + 1, column, &escape[..length]));
            }
            rest = &line[start + length..];
        }
    }
    None
}

/// The length of the escape `escape` starts with (a backslash and what follows) and the character
/// it stands for, when it is one of YAML's escapes.
fn decode_escape(escape: &str) -> (usize, Option<char>) {
    let Some(letter) = escape[1..].chars().next() else {
        return (1, None);
    };
    let hex = |digits: usize| -> (usize, Option<char>) {
        let code = escape.get(2..2 + digits).and_then(|h| u32::from_str_radix(h, 16).ok());
        match code {
            Some(code) => (2 + digits, char::from_u32(code)),
            None => (2, None),
        }
    };
    match letter {
        '0' => (2, Some('\0')),
        'a' => (2, Some('\u{7}')),
        'b' => (2, Some('\u{8}')),
        'e' => (2, Some('\u{1B}')),
        'f' => (2, Some('\u{C}')),
        'v' => (2, Some('\u{B}')),
        'x' => hex(2),
        'u' => hex(4),
        'U' => hex(8),
        other => (1 + other.len_utf8(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_of_control_characters_are_found_past_escaped_backslashes() {
        let text = "a: 1\ntitle: \"x\\\\v \\t \\u000b\"\n";
        assert_eq!(control_escape(text, 1), Some((2, 17, "\\u000b")));
        assert_eq!(control_escape("t: \"\\x07\"", 1), Some((1, 5, "\\x07")));
        assert_eq!(control_escape("t: \"a\\nb\\\"\"", 1), None);
        assert_eq!(control_escape("t: \"a\\", 1), None);
    }
}
