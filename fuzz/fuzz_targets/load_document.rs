//! Fuzz target: the input is the document file `content/documents/pv-cluj-napoca.md` of the
//! minimal test site, and goes the way `planportal check` takes a document: classification, size
//! limit, UTF-8 decoding and byte-order mark, the split of YAML front matter from the Markdown
//! body, resolution of its county, locality, participants, themes and the items it lists against
//! the body, and the printing of every diagnostic with its source line.
//!
//! The rest of the site and the check itself are in `common/mod.rs`.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common/mod.rs"]
mod common;

fuzz_target!(|data: &[u8]| common::check_with("content/documents/pv-cluj-napoca.md", data));
