//! planportal: a static site generator for a transparency portal of Romanian public plans.
//!
//! The pipeline runs one way: `load` reads and parses `content/`, `model` resolves it into typed
//! plans, institutions, counties and frameworks, `render`, `search` and `export` turn the model
//! into pages, the search index and open data, and `output` writes them atomically into
//! `public/`. [`build`] is its one entry point: [`build::load`] hands on a model only when it
//! has no errors, [`build::build_site`] and [`build::publish`] run the rest. Content problems are
//! `Diagnostic`s, collected from every file and returned together for the command to print;
//! machine failures are `anyhow` errors.

// Every public item is documented: the rustdoc of `render::views` is the theme author's reference,
// and the rest is the next engineer's.
#![warn(missing_docs)]

pub mod authoring;
pub mod build;
pub mod cli;
pub mod config;
pub mod diagnostics;
pub mod export;
pub mod headers;
pub mod init;
pub mod load;
pub mod markdown;
pub mod messages;
pub mod model;
pub mod output;
pub mod render;
pub mod search;
pub mod serve;
pub mod text;
pub mod urls;
pub mod vocabulary;
