//! The values of the search page's filter menus (`filtre.json`, `filtre/<county>.json`), read by
//! the page instead of Pagefind's filter index.

use std::collections::BTreeMap;

use anyhow::Result;

use super::records::{FILTER_INSTITUTION, Record};
use crate::model::*;
use crate::output::Sink;
use crate::urls;

/// The values of the search page's filter menus. The page reads them from this file instead of
/// asking Pagefind, which would load every shard's filter index (346 KB of the 832 KB of a
/// search at 10,000 pages, docs/performance.md). Institutions, the longest list, are split by
/// county: `filtre.json` lists the national ones and names each county's file
/// (`filtre/<county>.json`), which the page loads when that county is chosen.
pub fn write_filters(site: &Site, mut values: FilterValues, sink: &dyn Sink) -> Result<()> {
    use std::collections::BTreeSet;
    let used = values.remove(FILTER_INSTITUTION).unwrap_or_default();
    let (mut national, mut by_county) = (BTreeSet::new(), BTreeMap::<CountyId, BTreeSet<&str>>::new());
    for institution in site.institutions.iter().filter(|i| used.contains(&i.name)) {
        match institution.county {
            Some(county) => by_county.entry(county).or_default().insert(&institution.name),
            None => national.insert(institution.name.as_str()),
        };
    }
    let mut files = BTreeMap::new();
    for (county, names) in &by_county {
        let county = site.county(*county);
        let path = urls::search_county_menu(&county.slug);
        sink.write(&path, &serde_json::to_vec(names)?)?;
        // The page resolves the menus' file names against the bundle folder.
        files.insert(county.name.as_str(), urls::in_search_bundle(&path).to_owned());
    }
    let menus = serde_json::json!({ "values": values, "institutions": national, "county_institutions": files });
    sink.write(&urls::search_menus(), &serde_json::to_vec(&menus)?)
}

/// Every value of every filter, by filter name.
pub type FilterValues = BTreeMap<String, std::collections::BTreeSet<String>>;

/// Adds the filter values of `records` to `values`.
pub(super) fn add_filter_values(values: &mut FilterValues, records: &[Record]) {
    for record in records {
        for (name, list) in &record.filters {
            values.entry(name.clone()).or_default().extend(list.iter().cloned());
        }
    }
}
