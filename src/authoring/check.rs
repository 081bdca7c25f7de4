//! `planportal check`: everything `build` checks, and more, without writing anything. On top of
//! the problems of loading, it warns about each specific objective of a drug plan that names no
//! framework objective, with the most similar one ([`suggest`](super::suggest)).

use std::path::Path;

use crate::build::{self, Loaded, Source};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::messages::{self, Message};

/// Loads `source` as [`build::load`] does and, when it has no errors, adds a warning for each
/// unlinked objective. The fuzz targets in `fuzz/` check their inputs through it.
pub fn check(source: Source<'_>) -> Result<Loaded, Diagnostics> {
    let mut loaded = build::load(source)?;
    loaded.warnings.extend(super::suggest::suggest(&loaded.site).into_iter().map(|s| {
        Diagnostic {
            line: s.line,
            column: 1,
            ..Diagnostic::file_error(
                &s.file,
                Message::ObjectiveNotLinked { number: s.objective_number.clone().unwrap_or_else(|| "?".to_owned()) },
            )
        }
        .with_hint(s.hint())
        .warning()
    }));
    Ok(loaded)
}

/// `planportal check`: prints every problem to stderr and, when there is no error, the counts.
/// Returns whether the content is free of errors (warnings allowed).
pub fn run(root: &Path) -> anyhow::Result<bool> {
    match check(Source::Folder(root)) {
        Ok(loaded) => {
            let site = &loaded.site;
            let (plans, documents, institutions) = (site.plans.len(), site.documents.len(), site.institutions.len());
            eprint!("{}", loaded.warnings.render());
            let clean = Message::CheckClean { plans, documents, institutions };
            println!("{}", clean.text(messages::language()));
            Ok(true)
        }
        Err(diagnostics) => {
            eprint!("{}", diagnostics.render());
            Ok(false)
        }
    }
}
