//! Where an activity's printed cells name a locality (issue 20, places): the matcher that
//! `suggest --localities` proposes tags with and that `check` confirms tags against.
//!
//! A name is matched as whole words, diacritics and case folded: "Movila" is found in
//! "com.Movila", "comuna Movila", "MOVILA", but not in "Movilița"; "Cluj-Napoca" is two words
//! and is not found in "DSP Cluj". The printed forms "com. X", "comuna X", "orașul X",
//! "municipiul X", "mun. X" need no rule of their own: the name stands as whole words after them;
//! they are required where the locality has its county's name ("DGASPC Bacău" is the county).
//! A name after "județul" is a county's.

use super::{Activity, Locality, Site};
use crate::text::fold;

/// The words of `text`, diacritics and case folded, split at anything not a letter or digit
/// (spaces, hyphens, dots: "com.Movila" is two words).
pub fn words(text: &str) -> Vec<String> {
    fold(text).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

/// The words that say a name is a municipality, town or commune: "com. X", "comuna X",
/// "orașul X", "municipiul X", "mun. X" (and their genitives), folded.
const PREFIXES: &[&str] =
    &["com", "comuna", "comunei", "oras", "orasul", "orasului", "mun", "municipiul", "municipiului"];

/// What to look for in a text to find one locality.
pub struct Pattern {
    /// The name's words, folded.
    name: Vec<String>,
    /// Whether the name standing alone names the locality: not where it is also its county's
    /// name ("DGASPC Bacău", "județului Bacău" are the county), where only "municipiul Bacău",
    /// "mun. Bacău" name the municipality.
    bare: bool,
}

impl Pattern {
    /// The pattern of the locality `name` in the county `county` (both as written).
    pub fn new(name: &str, county: &str) -> Pattern {
        let name = words(name);
        let bare = name != words(county);
        Pattern { name, bare }
    }

    /// Whether the words `text` name the locality: its name as whole words, not after "județul"
    /// (which makes it a county's name), and after a prefix of [`PREFIXES`] where it is also the
    /// county's name.
    pub fn found_in(&self, text: &[String]) -> bool {
        !self.name.is_empty()
            && text.windows(self.name.len()).enumerate().any(|(i, window)| {
                let before = i.checked_sub(1).map(|j| text[j].as_str());
                window == self.name.as_slice()
                    && !before.is_some_and(|w| w.starts_with("judet"))
                    && (self.bare || before.is_some_and(|w| PREFIXES.contains(&w)))
            })
    }

    /// Whether `text` names the locality.
    pub fn found_in_text(&self, text: &str) -> bool {
        self.found_in(&words(text))
    }
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

/// The pattern of a locality of `site`.
pub fn pattern(site: &Site, locality: &Locality) -> Pattern {
    Pattern::new(&locality.name, &site.counties[locality.county.0].name)
}

/// Whether any printed cell of `activity` names the locality of `pattern`.
pub fn activity_names(activity: &Activity, pattern: &Pattern) -> bool {
    cells(activity).into_iter().any(|cell| pattern.found_in_text(cell))
}

#[cfg(test)]
mod tests {
    use super::Pattern;

    fn text_names(text: &str, name: &str) -> bool {
        Pattern::new(name, "Ialomița").found_in_text(text)
    }

    #[test]
    fn diacritics_and_case_are_folded() {
        assert!(text_names("Restructurarea Centrului de Îngrijire SLOBOZIA", "Slobozia"));
        assert!(text_names("Piața 1 Decembrie 1918, nr. 1, 320084, REȘIȚA", "Reșița"));
        assert!(text_names("un centru la Resita", "Reșița"));
        assert!(text_names("un centru la Reşiţa", "Reșița"), "cedilla letters are the same letters");
    }

    #[test]
    fn the_printed_forms_of_communes_and_towns_are_found() {
        for text in
            ["cămin în com.Movila", "în com. Movila", "comuna Movila", "în mun. Urziceni", "municipiul Urziceni"]
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

    #[test]
    fn a_name_that_is_also_the_county_s_needs_its_prefix() {
        let bacau = Pattern::new("Bacău", "Bacău");
        for county in ["DGASPC Bacău", "Instituția Prefectului Județul Bacău", "comunitățile județului Bacău"] {
            assert!(!bacau.found_in_text(county), "{county}");
        }
        assert!(bacau.found_in_text("un centru în municipiul Bacău"));
        assert!(bacau.found_in_text("mun. Bacau"));
        assert!(!text_names("Instituția Prefectului Județul Slobozia", "Slobozia"));
    }
}
