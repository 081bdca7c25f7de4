//! What the loader fuzz targets share: the minimal test site, read once from
//! `tests/fixtures/minimal`, and `planportal check` (`authoring::check::check`) run on it with
//! one file replaced by the fuzzer's input, held in memory (`build::Source::Memory`) so no run
//! touches the disk.

use std::path::Path;
use std::sync::LazyLock;

use planportal::authoring::check::check;
use planportal::build::Source;

/// Every file of the minimal site, as (path from the site root, bytes).
static SITE: LazyLock<Vec<(String, Vec<u8>)>> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/minimal");
    let mut files = vec![("config.toml".to_owned(), std::fs::read(root.join("config.toml")).expect("config.toml"))];
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

/// Checks and reports the minimal site with the file at `path` replaced by `data`, as
/// `planportal check` does.
pub fn check_with(path: &str, data: &[u8]) {
    let mut files: Vec<(&str, &[u8])> =
        SITE.iter().filter(|(p, _)| p != path).map(|(p, b)| (p.as_str(), b.as_slice())).collect();
    files.push((path, data));
    // `check` reads no theme; the minimal site's folder stands for one.
    let themes = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/minimal"));
    let _ = match check(Source::Memory { files: &files, themes }) {
        Ok(loaded) => loaded.warnings.render(),
        Err(diagnostics) => diagnostics.render(),
    };
}
