//! What the loader fuzz targets share: the minimal test site, read once from
//! `tests/fixtures/minimal`, and the path of `planportal check` run on it with one file replaced
//! by the fuzzer's input, parsed in memory (`load_content_from_memory`) so no run touches the disk.

use std::path::Path;
use std::sync::LazyLock;

use planportal::diagnostics::{Diagnostic, Diagnostics};
use planportal::authoring::suggest;
use planportal::{load, model};

/// Every file of the minimal site, as (path from the site root, bytes).
static SITE: LazyLock<Vec<(String, Vec<u8>)>> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/minimal");
    let mut files = Vec::new();
    collect(&root, &root.join("content"), &mut files);
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

/// Loads, resolves and reports the minimal site with the file at `path` replaced by `data`.
pub fn check_with(path: &str, data: &[u8]) {
    let mut files: Vec<(&str, &[u8])> =
        SITE.iter().filter(|(p, _)| p != path).map(|(p, b)| (p.as_str(), b.as_slice())).collect();
    files.push((path, data));
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
}
