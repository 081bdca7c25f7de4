//! Text normalisation shared by every stage: what the loader does to each string it reads
//! (NFC, legacy cedilla letters to comma-below), the folding used to compare names, slugs, and the
//! Romanian collation every sorted list of the portal uses.

use std::cmp::Ordering;
use std::sync::LazyLock;

use icu_collator::options::CollatorOptions;
use icu_collator::preferences::CollationNumericOrdering;
use icu_collator::{CollatorBorrowed, CollatorPreferences};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Whether XML 1.0 refuses `c` in a document: C0 controls other than tab, line feed and carriage
/// return, and the non-characters U+FFFE and U+FFFF. `check` refuses them in the texts the feed
/// carries (`model::resolve`); the feed's `escape` drops any that come from elsewhere (config.toml).
pub fn is_xml_forbidden(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// Normalises authored text: Unicode NFC, and the legacy cedilla letters ş ţ Ş Ţ (U+015F,
/// U+0163, U+015E, U+0162) become the comma-below letters ș ț Ș Ț that Romanian uses.
///
/// Returns the input unchanged (no allocation) when it is already normal, which is the common case.
pub fn normalize(input: &str) -> String {
    let needs_cedilla_fix = input.chars().any(is_cedilla);
    let is_nfc = unicode_normalization::is_nfc_quick(input.chars()) == unicode_normalization::IsNormalized::Yes;
    if !needs_cedilla_fix && is_nfc {
        return input.to_owned();
    }
    // NFC first: a decomposed "s" + U+0327 composes to ş, which the map then turns into ș.
    input.nfc().map(comma_below).collect()
}

/// Whether `c` is one of the legacy cedilla letters that [`normalize`] replaces.
fn is_cedilla(c: char) -> bool {
    matches!(c, 'ş' | 'ţ' | 'Ş' | 'Ţ')
}

/// The comma-below letter for a legacy cedilla letter; any other character unchanged.
fn comma_below(c: char) -> char {
    match c {
        'ş' => 'ș',
        'ţ' => 'ț',
        'Ş' => 'Ș',
        'Ţ' => 'Ț',
        other => other,
    }
}

/// The key under which names are compared: normalised, lowercase, white space collapsed, and
/// trailing punctuation that ends a table cell ("Societatea civilă.") dropped. Diacritics are kept:
/// "IȘJ" and "ISJ" are distinct spellings that an alias list names explicitly.
pub fn name_key(input: &str) -> String {
    let normal = normalize(input);
    let collapsed = normal.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed.trim_end_matches(['.', ',', ';', ':']).trim().to_lowercase()
}

/// Folds text for diacritic-insensitive comparison: normalised, lowercase, every diacritic removed
/// ("Școală" → "scoala"). Used for similarity and search-side matching, never for display.
pub fn fold(input: &str) -> String {
    normalize(input).nfd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase).collect()
}

/// The Romanian collator (ICU4X, compiled data): ă after a, â after ă, î after i, ș after s, ț after
/// t, case and diacritics only breaking ties, and numbers by value ("nr. 2" before "nr. 10"). `None`
/// only if the compiled data lacked Romanian, which the unit tests rule out.
static COLLATOR: LazyLock<Option<CollatorBorrowed<'static>>> = LazyLock::new(|| {
    let mut prefs = CollatorPreferences::from(&icu_locale_core::locale!("ro"));
    prefs.numeric_ordering = Some(CollationNumericOrdering::True);
    CollatorBorrowed::try_new(prefs, CollatorOptions::default()).ok()
});

/// Compares two names in Romanian alphabetical order: "Căsuța" before "Miraje", "Șanse" after
/// "Sprijin". Byte order put every letter with a diacritic after "z".
pub fn collate(a: &str, b: &str) -> Ordering {
    match COLLATOR.as_ref() {
        Some(collator) => collator.compare(a, b),
        None => fold(a).cmp(&fold(b)).then_with(|| a.cmp(b)),
    }
}

/// The key under which [`collate`] orders `name`, for `sort_by_cached_key`: comparing two keys
/// bytewise gives the order of [`collate`], and each name is collated once instead of at every
/// comparison.
pub fn collate_key(name: &str) -> Vec<u8> {
    let mut key = Vec::new();
    match COLLATOR.as_ref() {
        // Writing into a Vec cannot fail: the result carries no information.
        Some(collator) => {
            let _ = collator.write_sort_key_to(name, &mut key);
        }
        None => key.extend_from_slice(fold(name).as_bytes()),
    }
    key
}

/// A URL slug: folded to ASCII letters and digits, any other run of characters becomes one hyphen.
/// "Caraș-Severin" → "caras-severin", "1.1.1." → "1-1-1".
pub fn slugify(input: &str) -> String {
    let mut slug = String::with_capacity(input.len());
    for c in fold(input).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// Whether `id` is a valid id or slug: lowercase ASCII letters and digits in runs joined by single
/// hyphens. Such ids are safe as path segments: no dots, slashes or empty names.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 120
        && id
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cedilla_letters_become_comma_below() {
        assert_eq!(normalize("Şcoală, ţară, ŞŢ"), "Școală, țară, ȘȚ");
    }

    #[test]
    fn decomposed_text_is_composed_then_fixed() {
        // "s" + combining cedilla, "a" + combining breve
        assert_eq!(normalize("s\u{327}a\u{306}"), "șă");
    }

    #[test]
    fn name_key_ignores_case_spacing_and_final_dot() {
        assert_eq!(name_key("  Societatea   civilă. "), "societatea civilă");
        assert_eq!(name_key("IȘJ Caraş-Severin"), "ișj caraș-severin");
        assert_ne!(name_key("IȘJ"), name_key("ISJ"));
    }

    #[test]
    fn fold_strips_diacritics_and_case() {
        assert_eq!(fold("Școală Vârstnici ÎNȚELEGERE ş"), "scoala varstnici intelegere s");
    }

    #[test]
    fn romanian_letters_sort_after_their_base_letters() {
        let mut names = vec![
            "Miraje", "Țară", "Tur", "Șanse", "Sprijin", "Înger", "Iaz", "Ăla", "Âna", "Casă", "Căsuța", "Zebra", "Cz",
        ];
        names.sort_by(|a, b| collate(a, b));
        assert_eq!(
            names,
            [
                "Ăla", "Âna", "Casă", "Căsuța", "Cz", "Iaz", "Înger", "Miraje", "Sprijin", "Șanse", "Tur", "Țară",
                "Zebra"
            ]
        );
        // a < ă < â, i < î, s < ș, t < ț as letters, not only as accents.
        assert_eq!(collate("ab", "ăa"), Ordering::Less);
        assert_eq!(collate("ăz", "âa"), Ordering::Less);
        assert_eq!(collate("iz", "îa"), Ordering::Less);
        assert_eq!(collate("sz", "șa"), Ordering::Less);
        assert_eq!(collate("tz", "ța"), Ordering::Less);
        assert_eq!(collate("Școala nr. 2", "Școala nr. 10"), Ordering::Less);
        assert_eq!(collate("copii", "Copii"), Ordering::Less);
    }

    #[test]
    fn collate_key_orders_as_collate() {
        let names = ["Căsuța", "Miraje", "Casa", "Șanse", "Sprijin", "țintă", "Tur", "Școala nr. 10", "Școala nr. 2"];
        for a in names {
            for b in names {
                assert_eq!(collate_key(a).cmp(&collate_key(b)), collate(a, b), "{a} vs {b}");
            }
        }
    }

    #[test]
    fn slugs_are_ascii_and_hyphenated() {
        assert_eq!(slugify("Caraș-Severin"), "caras-severin");
        assert_eq!(slugify("1.1.1."), "1-1-1");
        assert_eq!(slugify("O.S.1.1"), "o-s-1-1");
        assert_eq!(slugify("  --  "), "");
    }

    #[test]
    fn slug_validation_rejects_paths_and_empties() {
        assert!(is_slug("caras-severin"));
        assert!(is_slug("plan-2024"));
        for bad in ["", "..", "a/b", "A", "a--b", "-a", "a-", "ș", "a.b", "con "] {
            assert!(!is_slug(bad), "{bad:?} should be rejected");
        }
    }
}
