//! The pages a long listing's pagination adds (issue 21): an institution's activities and a
//! theme's objectives, the list of plans, the irregularities pages, the list of institutions and
//! their rankings are cut into pages (`planportal::render::views::pagination`), so an
//! objective can cost more than its own page. The generator counts what each listing holds, to
//! spend its page budget exactly.

use std::collections::{BTreeMap, BTreeSet};

use planportal::render::views::{
    ACTIVITIES_PER_PAGE, INSTITUTIONS_PER_PAGE, OBJECTIVES_PER_PAGE, PLANS_PER_PAGE, PUBLICATIONS_PER_PAGE, page_count,
};
use planportal::vocabulary::NoteKind;

/// One item more on a listing: the listing's key and its page size.
pub type Entry = (String, usize);

/// How many items each paginated listing holds so far.
#[derive(Default)]
pub struct Listings {
    items: BTreeMap<String, usize>,
}

impl Listings {
    /// The pages `entries` would add to their listings.
    pub fn pages_added(&self, entries: &[Entry]) -> usize {
        let entries = self.with_rankings(entries);
        let mut added: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for (key, size) in &entries {
            added.entry(key).or_insert((0, *size)).0 += 1;
        }
        added
            .iter()
            .map(|(key, (n, size))| {
                let now = self.items.get(*key).copied().unwrap_or(0);
                page_count(now + n, *size) - page_count(now, *size)
            })
            .sum()
    }

    /// Records `entries` as placed.
    pub fn add(&mut self, entries: Vec<Entry>) {
        for (key, _) in self.with_rankings(&entries) {
            *self.items.entry(key).or_default() += 1;
        }
    }

    /// `entries`, and a row on each ranking of institutions for each institution they give its
    /// first activity: the rankings list the institutions some activity names.
    fn with_rankings(&self, entries: &[Entry]) -> Vec<Entry> {
        let mut out = entries.to_vec();
        let mut first = BTreeSet::new();
        for (key, _) in entries {
            if key.starts_with("institutie/") && !self.items.contains_key(key) && first.insert(key) {
                out.extend(
                    ["activitati", "planuri", "judete"].map(|o| (format!("clasament/{o}"), INSTITUTIONS_PER_PAGE)),
                );
            }
        }
        out
    }
}

/// An institution on the list of every institution (`institutii/`).
pub fn institution_list() -> Entry {
    ("institutii".to_owned(), INSTITUTIONS_PER_PAGE)
}

/// An objective on its theme's page.
pub fn theme(id: &str) -> Entry {
    (format!("tema/{id}"), OBJECTIVES_PER_PAGE)
}

/// An activity on the page of the institution `key` (its id, or the generic actor's name).
pub fn institution(key: &str) -> Entry {
    (format!("institutie/{key}"), ACTIVITIES_PER_PAGE)
}

/// A plan on the list of plans (`planuri/`) and on the irregularities pages (`nereguli/` and one
/// per note kind, each listing every publication).
pub fn plan() -> Vec<Entry> {
    let kinds = NoteKind::ALL.iter().map(|k| (format!("nereguli/{}", k.code()), PUBLICATIONS_PER_PAGE));
    let irregularities = std::iter::once(("nereguli".to_owned(), PUBLICATIONS_PER_PAGE)).chain(kinds);
    std::iter::once(("planuri".to_owned(), PLANS_PER_PAGE)).chain(irregularities).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_institution_s_first_activity_puts_it_on_the_three_rankings_once() {
        let mut listings = Listings::default();
        for i in 0..INSTITUTIONS_PER_PAGE {
            listings.add(vec![institution(&format!("i{i}"))]);
        }
        assert_eq!(listings.pages_added(&[institution("i0")]), 0, "a second activity: no new row");
        // The next institution's first activity starts the second page of each ranking.
        assert_eq!(listings.pages_added(&[institution("new"), institution("new")]), 3);
        listings.add(vec![institution("new")]);
        assert_eq!(listings.pages_added(&[institution("new")]), 0);
        assert_eq!(
            listings.pages_added(&vec![institution_list(); INSTITUTIONS_PER_PAGE + 1]),
            1,
            "the first page is one of the fixed pages"
        );
    }
}
