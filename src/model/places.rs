//! Where an activity's printed cells name a locality (issue 20, places): the matcher that
//! `suggest --localities` proposes tags with and that `check` confirms tags against.
//!
//! A name is matched as whole words, diacritics and case folded: "Movila" is found in
//! "com.Movila", "comuna Movila", "MOVILA", but not in "Movilița"; "Cluj-Napoca" is two words
//! and is not found in "DSP Cluj". The printed forms "com. X", "comuna X", "orașul X",
//! "municipiul X", "mun. X" need no rule of their own: the name stands as whole words after them.

use super::{Activity, Locality};
use crate::text::fold;

/// The words of `text`, diacritics and case folded, split at anything not a letter or digit
/// (spaces, hyphens, dots: "com.Movila" is two words).
pub fn words(text: &str) -> Vec<String> {
    fold(text).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

/// Whether `name`'s words stand, in order and next to each other, among `text`'s words.
pub fn names(text: &[String], name: &[String]) -> bool {
    !name.is_empty() && text.windows(name.len()).any(|window| window == name)
}

/// Whether `text` names the locality called `name`.
pub fn text_names(text: &str, name: &str) -> bool {
    names(&words(text), &words(name))
}

/// Every cell of an activity as printed: its text, indicators, results, period, evaluation,
/// responsible and partners (names and whole cells), funding.
pub fn cells(activity: &Activity) -> Vec<&str> {
    let mut out = vec![activity.text.as_str()];
    out.extend(activity.indicators.iter().map(String::as_str));
    out.extend(activity.results.iter().map(String::as_str));
    out.extend(activity.period.as_deref());
    out.extend(activity.evaluation.as_deref());
    out.extend(activity.responsible.iter().map(|a| a.printed.as_str()));
    out.extend(activity.responsible_text.as_deref());
    out.extend(activity.partners.iter().map(|a| a.printed.as_str()));
    out.extend(activity.partners_text.as_deref());
    out.extend(activity.funding.iter().map(String::as_str));
    out
}

/// Whether any printed cell of `activity` names `locality`.
pub fn activity_names(activity: &Activity, locality: &Locality) -> bool {
    let name = words(&locality.name);
    cells(activity).into_iter().any(|cell| names(&words(cell), &name))
}

#[cfg(test)]
mod tests {
    use super::text_names;

    #[test]
    fn diacritics_and_case_are_folded() {
        assert!(text_names("Restructurarea Centrului de Îngrijire SLOBOZIA", "Slobozia"));
        assert!(text_names("Piața 1 Decembrie 1918, nr. 1, 320084, REȘIȚA", "Reșița"));
        assert!(text_names("un centru la Resita", "Reșița"));
        assert!(text_names("un centru la Reşiţa", "Reșița"), "cedilla letters are the same letters");
    }

    #[test]
    fn the_printed_forms_of_communes_and_towns_are_found() {
        for text in ["cămin în com.Movila", "în com. Movila", "comuna Movila", "în mun. Urziceni", "municipiul Urziceni"]
        {
            let name = if text.contains("Urziceni") { "Urziceni" } else { "Movila" };
            assert!(text_names(text, name), "{text}");
        }
        assert!(text_names("orașul Fierbinți-Târg", "Fierbinți-Târg"));
    }

    #[test]
    fn only_whole_words_match() {
        assert!(!text_names("un cămin în comuna Movilița", "Movila"));
        assert!(!text_names("Direcția de Sănătate Publică Cluj", "Cluj-Napoca"));
        assert!(!text_names("Cluj-Napoca", "Cluj Napoca Sud"));
        assert!(!text_names("Amaralia", "Amara"));
        assert!(text_names("Penitenciarul Gherla, DSP", "Gherla"));
        assert!(!text_names("anything", ""));
    }
}
