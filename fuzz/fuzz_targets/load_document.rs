//! Fuzz target: the input is the document file `content/documents/pv-cluj-napoca.md` of the
//! minimal test site, and goes the way `planportal check` takes a document: classification, size
//! limit, UTF-8 decoding and byte-order mark, the split of YAML front matter from the Markdown
//! body, resolution of its county, locality, participants, themes and the items it lists against
//! the body, and the printing of every diagnostic with its source line.
//!
//! The other files of the site are read once from `tests/fixtures/minimal`; each input is parsed
//! in memory (`load_content_from_memory`), so no run touches the disk.

#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use planportal::diagnostics::{Diagnostic, Diagnostics};
use planportal::{load, model, suggest};

const DOCUMENT: &str = "content/documents/pv-cluj-napoca.md";

/// Every file of the minimal site but the document under test, as (path from the site root, bytes).
static SITE: LazyLock<Vec<(String, Vec<u8>)>> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/minimal");
    let mut files = Vec::new();
    collect(&root, &root.join("content"), &mut files);
    files.retain(|(path, _)| path != DOCUMENT);
    assert!(files.len() > 5, "the minimal site was not found under {}", root.display());
    files
});

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, Vec<u8>)>) {
    let entries = std::fs::read_dir(dir).expect("read the minimal site");
    for entry in entries {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            collect(root, &path, files);
        } else {
            let relative = path.strip_prefix(root).expect("inside the site").to_string_lossy().replace('\\', "/");
            files.push((relative, std::fs::read(&path).expect("read a fixture file")));
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let mut files: Vec<(&str, &[u8])> = SITE.iter().map(|(p, b)| (p.as_str(), b.as_slice())).collect();
    files.push((DOCUMENT, data));
    let mut diagnostics = Diagnostics::default();
    let raw = load::load_content_from_memory(&files, &mut diagnostics);
    let site = model::resolve(raw, &mut diagnostics);
    if !diagnostics.has_errors() {
        // As `planportal check` reports unlinked objectives: a warning at the objective's line.
        diagnostics.extend(suggest::suggest(&site).into_iter().map(|s| {
            Diagnostic { line: s.line, column: 1, ..Diagnostic::file_error(&s.file, s.framework_objective) }.warning()
        }));
    }
    let _ = diagnostics.render();
});
