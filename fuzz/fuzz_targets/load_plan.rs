//! Fuzz target: the input is the plan file `content/plans/cluj-droguri.yaml` of the minimal test
//! site, and goes the way `planportal check` takes a plan: classification, size limit, UTF-8
//! decoding and byte-order mark, YAML parsing, resolution against the site's counties,
//! institutions and frameworks (and the document that links to the plan), the framework
//! suggestions, and the printing of every diagnostic with its source line.
//!
//! The rest of the site and the check itself are in `common/mod.rs`.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common/mod.rs"]
mod common;

fuzz_target!(|data: &[u8]| common::check_with("content/plans/cluj-droguri.yaml", data));
