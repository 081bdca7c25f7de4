//! Word-level differences between two wordings (issue 20): the one place that calls the diff
//! crate (`similar`). A wording is cut into words, single punctuation marks and runs of spaces,
//! so that "proiecte/campanii naționale/locale" against "proiecte/campanii locale" marks the
//! one word "naționale/" and not the whole slash-joined group.

use similar::{Algorithm, ChangeTag, capture_diff_slices};

/// What a piece of a compared wording is, against the reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// In both wordings.
    Same,
    /// Only in the compared wording.
    Added,
    /// Only in the reference.
    Removed,
}

/// A run of tokens with the same change, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// What the run is.
    pub change: Change,
    /// Its text, as written (never changed).
    pub text: String,
}

/// The words and marks of `text`: runs of letters and digits, runs of white space, and every
/// other character alone.
fn tokens(text: &str) -> Vec<&str> {
    let class = |c: char| {
        if c.is_alphanumeric() {
            0
        } else if c.is_whitespace() {
            1
        } else {
            2
        }
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut previous: Option<u8> = None;
    for (i, c) in text.char_indices() {
        let k = class(c);
        if previous.is_some_and(|p| p != k || k == 2) {
            out.push(&text[start..i]);
            start = i;
        }
        previous = Some(k);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// `text` against `reference`, word by word: what both have, what only `text` adds and what
/// it leaves out, runs of the same change joined.
pub fn words(reference: &str, text: &str) -> Vec<Piece> {
    let (old, new) = (tokens(reference), tokens(text));
    let mut pieces: Vec<Piece> = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &old, &new) {
        for change in op.iter_changes(&old, &new) {
            let kind = match change.tag() {
                ChangeTag::Equal => Change::Same,
                ChangeTag::Insert => Change::Added,
                ChangeTag::Delete => Change::Removed,
            };
            match pieces.last_mut() {
                Some(last) if last.change == kind => last.text.push_str(change.value()),
                _ => pieces.push(Piece { change: kind, text: change.value().to_string() }),
            }
        }
    }
    pieces
}

/// How many words (not spaces or punctuation) were added or left out.
pub fn changed_words(pieces: &[Piece]) -> usize {
    pieces
        .iter()
        .filter(|p| p.change != Change::Same)
        .map(|p| tokens(&p.text).iter().filter(|t| t.chars().any(char::is_alphanumeric)).count())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(pieces: &[Piece]) -> String {
        pieces
            .iter()
            .map(|p| match p.change {
                Change::Same => p.text.clone(),
                Change::Added => format!("[+{}]", p.text),
                Change::Removed => format!("[-{}]", p.text),
            })
            .collect()
    }

    #[test]
    fn marks_the_added_word_inside_a_slash_group() {
        let pieces =
            words("de proiecte/campanii locale de prevenire", "de proiecte/campanii naționale/locale de prevenire");
        assert_eq!(marked(&pieces), "de proiecte/campanii [+naționale/]locale de prevenire");
        assert_eq!(changed_words(&pieces), 1);
    }

    #[test]
    fn marks_removed_and_added_words_and_counts_them() {
        let pieces = words("prevenirea consumului de droguri în școli", "prevenirea consumului de alcool în licee");
        assert_eq!(marked(&pieces), "prevenirea consumului de [-droguri][+alcool] în [-școli][+licee]");
        assert_eq!(changed_words(&pieces), 4);
    }

    #[test]
    fn the_same_wording_has_no_change_and_keeps_its_text() {
        let pieces = words("Consolidarea parteneriatului", "Consolidarea parteneriatului");
        assert_eq!(pieces, vec![Piece { change: Change::Same, text: "Consolidarea parteneriatului".into() }]);
        assert_eq!(changed_words(&pieces), 0);
        // Only punctuation differs: marked, but no word counted.
        let pieces = words("civilă", "civilă.");
        assert_eq!(marked(&pieces), "civilă[+.]");
        assert_eq!(changed_words(&pieces), 0);
    }
}
