//! The pages a long listing's pagination adds (issue 21): an institution's activities and a
//! theme's objectives, the list of plans and the irregularities pages are cut into pages (`planportal::render::views::pagination`), so an
//! objective can cost more than its own page. The generator counts what each listing holds, to
//! spend its page budget exactly.

use std::collections::BTreeMap;

use planportal::render::views::{
    ACTIVITIES_PER_PAGE, OBJECTIVES_PER_PAGE, PLANS_PER_PAGE, PUBLICATIONS_PER_PAGE, page_count,
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
        let mut added: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for (key, size) in entries {
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
        for (key, _) in entries {
            *self.items.entry(key).or_default() += 1;
        }
    }
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
