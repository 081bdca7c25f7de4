//! The one integration-test target: every module runs the real `planportal` binary on a site
//! copied into a temporary folder. `support.rs` holds the helpers; `tests/fixtures/` the sites.

mod anchors;
mod authoring;
mod bad_input;
mod bundled_content;
mod cite;
mod cli;
mod comparison;
// The benchmark corpus generator is built only with `--features bench` (Cargo.toml).
#[cfg(feature = "bench")]
mod corpus;
mod counts;
mod data;
mod dcat;
mod docs;
mod feed;
mod incremental;
mod irregularities;
mod map;
mod matrices;
mod messages;
mod paging;
mod places;
mod plan_page;
mod provenance;
mod rankings;
mod regressions;
mod reliability;
mod schema;
mod search;
mod serving;
mod site;
mod snapshots;
mod sources;
mod statuses;
mod support;
mod tables;
mod transcription;
mod worked_example;
