//! The static search index, written by `build` itself with the Pagefind library. Records are made
//! from the model — one per plan, specific objective, activity, institution and document — so that
//! a result lands on the objective page or on the activity's anchor, with its plan and county.
//! Pagefind stems Romanian (`ro`) and folds diacritics, so "scoala" finds "școală".
//!
//! A large site's records are split into shards of bounded size, indexed in parallel and merged
//! in the browser (`write_index`, `search.js`), so time and memory grow linearly.
//!
//! `records` makes what is indexed, `shards` builds the Pagefind index, `menus` writes the
//! values of the filter menus.

mod menus;
mod records;
mod shards;

pub use menus::{FilterValues, write_filters};
pub use records::{
    FILTER_COUNTY, FILTER_INSTITUTION, FILTER_KIND, FILTER_LOCALITY, FILTER_PLAN_TYPE, FILTER_THEME, Record, Records,
    TITLE_CHARS, locality_filter_value, records,
};
pub use shards::{SHARD_RECORDS, ShardCache, write_index};
