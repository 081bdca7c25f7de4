//! Stage 4b: the open data — CSV and JSON downloads, the Frictionless data package, the Atom
//! feed.

pub mod data;
pub mod datapackage;
pub mod feed;
