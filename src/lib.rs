//! planportal: a static site generator for a transparency portal of Romanian public plans.
//!
//! The pipeline runs one way: `load` reads and parses `content/`, `model` resolves it into typed
//! plans, institutions, counties and frameworks, `render` turns the model into pages, and
//! `output` writes them atomically into `public/`. Content problems are `Diagnostic`s, collected
//! from every file and printed together; machine failures are `anyhow` errors.

pub mod authoring;
pub mod build;
pub mod cli;
pub mod config;
pub mod diagnostics;
pub mod export;
pub mod headers;
pub mod load;
pub mod markdown;
pub mod model;
pub mod output;
pub mod render;
pub mod search;
pub mod serve;
pub mod text;
pub mod urls;
pub mod vocabulary;

use std::path::Path;

use config::Config;
use diagnostics::Diagnostics;
use model::Site;

/// The loaded, resolved content of a site and every problem found on the way.
pub struct LoadedSite {
    pub config: Option<Config>,
    pub site: Site,
    pub diagnostics: Diagnostics,
}

/// Reads `config.toml` and `content/` under `root` and resolves them. Never fails: every problem
/// is in `diagnostics`, and the model holds whatever could be resolved.
pub fn load_site(root: &Path) -> LoadedSite {
    let mut diagnostics = Diagnostics::default();
    let config = match Config::load(root) {
        Ok(config) => Some(config),
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            None
        }
    };
    let raw = load::load_content(root, &mut diagnostics);
    let site = model::resolve(raw, &mut diagnostics);
    LoadedSite { config, site, diagnostics }
}

/// Loads and resolves a site held in memory as [`load_site`] does from disk: `files` pairs a path
/// relative to the site root (`config.toml`, `content/plans/x.yaml`) with its bytes. It exists for
/// the fuzz target `build_site` in `fuzz/`, which must not pay for the disk on every input.
#[doc(hidden)]
pub fn load_site_from_memory(files: &[(&str, &[u8])]) -> LoadedSite {
    let mut diagnostics = Diagnostics::default();
    let config = match files.iter().find(|(path, _)| *path == "config.toml") {
        Some((path, bytes)) => load::text_from_memory(path, bytes),
        None => Err(diagnostics::Diagnostic::file_error("config.toml", "cannot read: the file is missing")),
    }
    .map_err(config::with_read_hint)
    .and_then(|text| Config::parse("config.toml", &text));
    let config = config.map_err(|diagnostic| diagnostics.push(diagnostic)).ok();
    let raw = load::load_content_from_memory(files, &mut diagnostics);
    let site = model::resolve(raw, &mut diagnostics);
    LoadedSite { config, site, diagnostics }
}

/// `planportal check`: loads and validates everything, prints every problem to stderr.
/// Returns whether the content is free of errors (warnings allowed).
pub fn check(root: &Path) -> anyhow::Result<bool> {
    let mut loaded = load_site(root);
    if !loaded.diagnostics.has_errors() {
        loaded.diagnostics.extend(authoring::suggest::suggest(&loaded.site).into_iter().map(|s| {
            diagnostics::Diagnostic {
                line: s.line,
                column: 1,
                ..diagnostics::Diagnostic::file_error(
                    &s.file,
                    format!(
                        "specific objective {} is not linked to a framework objective",
                        s.objective_number.as_deref().unwrap_or("?")
                    ),
                )
            }
            .with_hint(format!(
                "most similar: `framework: {}` (score {:.2}); `planportal suggest` lists them all",
                s.framework_objective, s.score
            ))
            .warning()
        }));
    }
    let ok = !loaded.diagnostics.has_errors();
    let (plans, documents, institutions) =
        (loaded.site.plans.len(), loaded.site.documents.len(), loaded.site.institutions.len());
    eprint!("{}", loaded.diagnostics.render());
    if ok {
        println!("check: {plans} plans, {documents} documents, {institutions} institutions: no errors");
    }
    Ok(ok)
}
