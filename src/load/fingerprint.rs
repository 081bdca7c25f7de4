//! What a site's content was, file by file, in a few bytes: a hash of each plan file, and one of
//! every other content file together. `serve` compares the fingerprints of two builds to tell
//! which plans an edit touched (`render::Inputs`), so that the pages of the others are taken
//! from the published site without being made again (issue 21).

use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use super::{Parsed, RawContent};

/// The fingerprint of a site's content.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Fingerprint {
    /// Each plan file's path and text, hashed, by plan id.
    pub plans: BTreeMap<String, u64>,
    /// Every other content file's path and text, hashed together: counties, localities, themes,
    /// institutions, frameworks, documents, sources, anchors. Any of them may show on any plan's
    /// pages, so a change here changes every page's fingerprint.
    pub rest: u64,
}

/// Feeds one parsed file's path and text into `hasher`.
fn file<T>(hasher: &mut DefaultHasher, parsed: &Parsed<T>) {
    parsed.file.path.hash(hasher);
    parsed.file.text.hash(hasher);
}

/// Feeds a file that may be missing into `hasher`.
fn optional<T>(hasher: &mut DefaultHasher, parsed: &Option<Parsed<T>>) {
    parsed.is_some().hash(hasher);
    parsed.iter().for_each(|p| file(hasher, p));
}

impl Fingerprint {
    /// The fingerprint of `raw`, from the texts its files were parsed from.
    pub fn of(raw: &RawContent) -> Fingerprint {
        let plans = raw
            .plans
            .iter()
            .map(|(id, parsed)| {
                let mut hasher = DefaultHasher::new();
                file(&mut hasher, parsed);
                (id.clone(), hasher.finish())
            })
            .collect();
        let mut rest = DefaultHasher::new();
        // Each list's length goes first, so that a file moving from one list to the next
        // cannot hash the same.
        optional(&mut rest, &raw.counties);
        optional(&mut rest, &raw.localities);
        optional(&mut rest, &raw.themes);
        optional(&mut rest, &raw.institution_types);
        raw.institutions.len().hash(&mut rest);
        raw.institutions.iter().for_each(|p| file(&mut rest, p));
        raw.frameworks.len().hash(&mut rest);
        raw.frameworks.values().for_each(|p| file(&mut rest, p));
        raw.documents.len().hash(&mut rest);
        raw.documents.values().for_each(|p| file(&mut rest, p));
        raw.anchors.len().hash(&mut rest);
        raw.anchors.values().for_each(|p| file(&mut rest, p));
        raw.sources.hash(&mut rest);
        Fingerprint { plans, rest: rest.finish() }
    }
}
