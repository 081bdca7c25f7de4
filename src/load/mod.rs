//! Stage 1 of the pipeline: find the content files with walkdir, read and parse them in parallel
//! into the raw structs of `raw.rs`. Only this stage reads `content/`. Every problem becomes a
//! `Diagnostic`; a bad file never stops the others from being read.

mod encoding;
mod fingerprint;
mod front_matter;
mod names;
mod placeholders;
pub use fingerprint::Fingerprint;
pub use placeholders::PLACEHOLDER;
pub mod raw;
pub mod yaml;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Diagnostics, display_path};
use crate::messages::Message;
use crate::text::is_slug;
pub use encoding::{MAX_FILE_BYTES, read_text};
use encoding::{check_size, decode_text};
use front_matter::{parse_document, split_front_matter};
pub use names::{SOURCE_EXTENSION, is_reserved_name};
use names::{check_before_reading, file_name};
use placeholders::placeholders;
use raw::*;

/// A file's text and its path as shown in messages.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path relative to the site root, with `/`, as messages show it.
    pub path: String,
    /// The decoded text.
    pub text: String,
}

/// A parsed file: its value and the text it came from (kept to locate later problems).
#[derive(Debug)]
pub struct Parsed<T> {
    /// The file it came from.
    pub file: SourceFile,
    /// The parsed value.
    pub value: T,
}

/// A document: front matter, Markdown body, and the line where the body starts.
#[derive(Debug)]
pub struct RawDocumentFile {
    /// The front matter.
    pub front: RawDocument,
    /// The Markdown body.
    pub body: String,
    /// The 1-based line of the file where the body starts.
    pub body_line: usize,
}

/// Everything under `content/`, parsed but not yet resolved. Maps are keyed by id (file stem),
/// so iteration order is stable.
#[derive(Debug, Default)]
pub struct RawContent {
    /// `content/counties.yaml`.
    pub counties: Option<Parsed<Vec<RawCounty>>>,
    /// `content/localities.yaml`.
    pub localities: Option<Parsed<Vec<RawLocality>>>,
    /// `content/themes.yaml`.
    pub themes: Option<Parsed<Vec<RawTheme>>>,
    /// `content/institution-types.yaml`.
    pub institution_types: Option<Parsed<Vec<RawInstitutionType>>>,
    /// `content/institutions/*.yaml`.
    pub institutions: Vec<Parsed<Vec<RawInstitution>>>,
    /// `content/frameworks/*.yaml`, by id.
    pub frameworks: BTreeMap<String, Parsed<RawFramework>>,
    /// `content/plans/**/*.yaml`, by id.
    pub plans: BTreeMap<String, Parsed<RawPlan>>,
    /// `content/documents/**/*.md`, by id.
    pub documents: BTreeMap<String, Parsed<RawDocumentFile>>,
    /// Source texts by file name (`000_6788c3dd0b8dd7a6.txt`).
    pub sources: BTreeMap<String, String>,
    /// `content/anchors/<plan-id>.yaml`: the anchors each plan published, by plan id.
    pub anchors: BTreeMap<String, Parsed<RawAnchorRecord>>,
}

/// What kind of content a path under `content/` holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Counties,
    Localities,
    Themes,
    InstitutionTypes,
    Institutions,
    Framework,
    Plan,
    Document,
    Source,
    Anchors,
}

enum ParsedFile {
    Counties(Parsed<Vec<RawCounty>>),
    Localities(Parsed<Vec<RawLocality>>),
    Themes(Parsed<Vec<RawTheme>>),
    InstitutionTypes(Parsed<Vec<RawInstitutionType>>),
    Institutions(Parsed<Vec<RawInstitution>>),
    Framework(String, Parsed<RawFramework>),
    /// Plans and documents are boxed: their raw structs are by far the largest, and every
    /// other variant would carry their size.
    Plan(String, Box<Parsed<RawPlan>>),
    Document(String, Box<Parsed<RawDocumentFile>>),
    Anchors(String, Parsed<RawAnchorRecord>),
    /// Name, path as shown, text.
    Source(String, String, String),
}

/// Reads and parses every content file under `root/content`.
pub fn load_content(root: &Path, diagnostics: &mut Diagnostics) -> RawContent {
    let content_dir = root.join("content");
    let files = discover(root, &content_dir, diagnostics);
    let results: Vec<Result<ParsedFile, Vec<Diagnostic>>> =
        files.par_iter().map(|(path, kind)| parse_file(root, path, *kind)).collect();
    let content = store_all(results, diagnostics);
    require(root, diagnostics);
    content
}

/// Parses content files held in memory exactly as `load_content` parses them from disk (same
/// classification, size limit, decoding and parsing), without reading anything. `files` pairs a
/// path relative to the site root (`content/plans/x.yaml`) with its bytes; files outside the
/// content model are warned about, paths outside `content/` skipped. It exists for the fuzz
/// targets in `fuzz/`, which must not pay for the disk on every input; a test in
/// `tests/suite/reliability.rs` keeps both loaders reporting the same problems.
#[doc(hidden)]
pub fn load_content_from_memory(files: &[(&str, &[u8])], diagnostics: &mut Diagnostics) -> RawContent {
    let mut sorted: Vec<&(&str, &[u8])> = files.iter().collect();
    // Component-wise order is the order of the sorted directory walk of `discover`.
    sorted.sort_by(|a, b| Path::new(a.0).cmp(Path::new(b.0)));
    let mut results = Vec::new();
    for &(path, bytes) in sorted {
        let Ok(relative) = Path::new(path).strip_prefix("content") else { continue };
        let Some(kind) = classify(relative) else {
            diagnostics.push(not_in_model(path));
            continue;
        };
        results.push(
            check_before_reading(path, Path::new(path), kind)
                .and_then(|()| check_size(path, bytes.len() as u64))
                .and_then(|()| decode_text(path, bytes.to_vec()))
                .map_err(|diagnostic| vec![diagnostic])
                .and_then(|text| parse_text(path.to_owned(), Path::new(path), kind, text)),
        );
    }
    let content = store_all(results, diagnostics);
    require_each(|name| files.iter().any(|(path, _)| Path::new(path) == Path::new("content").join(name)), diagnostics);
    content
}

/// Decodes the bytes of a file held in memory as `read_text` decodes a file on disk (size limit,
/// UTF-8, byte-order mark), for the in-memory build of the fuzz targets. `path` is relative to
/// the site root and names the file in diagnostics.
#[doc(hidden)]
pub fn text_from_memory(path: &str, bytes: &[u8]) -> Result<String, Diagnostic> {
    check_size(path, bytes.len() as u64)?;
    decode_text(path, bytes.to_vec())
}

fn store_all(results: Vec<Result<ParsedFile, Vec<Diagnostic>>>, diagnostics: &mut Diagnostics) -> RawContent {
    let mut content = RawContent::default();
    let mut source_paths = BTreeMap::new();
    for result in results {
        match result {
            Ok(parsed) => store(&mut content, &mut source_paths, parsed, diagnostics),
            Err(found) => diagnostics.extend(found),
        }
    }
    content
}

/// Walks `content/` in a stable order and classifies each file; unknown files are warned about.
fn discover(root: &Path, content_dir: &Path, diagnostics: &mut Diagnostics) -> Vec<(PathBuf, Kind)> {
    if !content_dir.is_dir() {
        diagnostics.push(
            Diagnostic::file_error(&display_path(root, content_dir), Message::NoContentFolder)
                .with_hint(Message::NoContentFolderHint),
        );
        return Vec::new();
    }
    let mut files = Vec::new();
    let walker = WalkDir::new(content_dir)
        .sort_by_file_name()
        .follow_links(false)
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let path = error.path().map(|p| display_path(root, p)).unwrap_or_default();
                diagnostics.push(Diagnostic::file_error(&path, Message::CannotRead { error: error.to_string() }));
                continue;
            }
        };
        if entry.path_is_symlink() {
            // Not followed: a link could publish any file of the machine. Said, so that a linked
            // plan does not vanish from the site without a word.
            diagnostics.push(
                Diagnostic::file_error(&display_path(root, entry.path()), Message::SymbolicLink)
                    .with_hint(Message::SymbolicLinkHint),
            );
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry.path().strip_prefix(content_dir).unwrap_or(entry.path());
        match classify(relative) {
            Some(kind) => files.push((entry.path().to_path_buf(), kind)),
            None => diagnostics.push(not_in_model(&display_path(root, entry.path()))),
        }
    }
    files
}

fn not_in_model(shown: &str) -> Diagnostic {
    Diagnostic::file_error(shown, Message::NotInModel).with_hint(Message::NotInModelHint).warning()
}

fn classify(relative: &Path) -> Option<Kind> {
    let mut parts = relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned());
    let first = parts.next()?;
    let nested = relative.components().count() > 1;
    let extension = relative.extension().map(|e| e.to_string_lossy().into_owned()).unwrap_or_default();
    match (first.as_str(), nested, extension.as_str()) {
        ("counties.yaml", false, _) => Some(Kind::Counties),
        ("localities.yaml", false, _) => Some(Kind::Localities),
        ("themes.yaml", false, _) => Some(Kind::Themes),
        ("institution-types.yaml", false, _) => Some(Kind::InstitutionTypes),
        ("institutions", true, "yaml") => Some(Kind::Institutions),
        ("frameworks", true, "yaml") => Some(Kind::Framework),
        ("plans", true, "yaml") => Some(Kind::Plan),
        ("documents", true, "md") => Some(Kind::Document),
        ("sources", true, _) => Some(Kind::Source),
        ("anchors", true, "yaml") => Some(Kind::Anchors),
        _ => None,
    }
}

fn parse_file(root: &Path, path: &Path, kind: Kind) -> Result<ParsedFile, Vec<Diagnostic>> {
    let shown = display_path(root, path);
    check_before_reading(&shown, path, kind).map_err(|diagnostic| vec![diagnostic])?;
    let text = read_text(root, path).map_err(|diagnostic| vec![diagnostic])?;
    parse_text(shown, path, kind, text)
}

/// Parses the decoded `text` of the file at `path` (shown as `shown`) as content of `kind`. A
/// file that still holds placeholders of `planportal new` is refused with one error for each.
fn parse_text(shown: String, path: &Path, kind: Kind, text: String) -> Result<ParsedFile, Vec<Diagnostic>> {
    if kind != Kind::Source {
        let left = placeholders(&shown, &text, kind);
        if !left.is_empty() {
            return Err(left);
        }
    }
    parse_one(shown, path, kind, text).map_err(|diagnostic| vec![diagnostic])
}

/// Parses the decoded `text` of the file at `path` (shown as `shown`) as content of `kind`.
fn parse_one(shown: String, path: &Path, kind: Kind, text: String) -> Result<ParsedFile, Diagnostic> {
    if kind == Kind::Source {
        // Its name was checked before reading (`check_before_reading`).
        return Ok(ParsedFile::Source(file_name(path), shown, text));
    }
    if text.trim().is_empty() {
        return Err(Diagnostic::file_error(&shown, Message::EmptyFile).with_hint(Message::EmptyFileHint));
    }
    let id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    if matches!(kind, Kind::Framework | Kind::Plan | Kind::Document) && !is_slug(&id) {
        return Err(
            Diagnostic::file_error(&shown, Message::BadFileName { name: id }).with_hint(Message::BadFileNameHint)
        );
    }
    if matches!(kind, Kind::Framework | Kind::Plan | Kind::Document) && is_reserved_name(&id) {
        return Err(Diagnostic::file_error(&shown, Message::ReservedFileName { name: id.clone() })
            .with_hint(Message::ReservedNameHint { name: id }));
    }
    let parsed = match kind {
        Kind::Counties => ParsedFile::Counties(parse_yaml(shown, text)?),
        Kind::Localities => ParsedFile::Localities(parse_yaml(shown, text)?),
        Kind::Themes => ParsedFile::Themes(parse_yaml(shown, text)?),
        Kind::InstitutionTypes => ParsedFile::InstitutionTypes(parse_yaml(shown, text)?),
        Kind::Institutions => ParsedFile::Institutions(parse_yaml(shown, text)?),
        Kind::Framework => ParsedFile::Framework(id, parse_yaml(shown, text)?),
        Kind::Plan => ParsedFile::Plan(id, Box::new(parse_yaml(shown, text)?)),
        Kind::Document => ParsedFile::Document(id, Box::new(parse_document(shown, text)?)),
        Kind::Anchors => ParsedFile::Anchors(id, parse_yaml(shown, text)?),
        Kind::Source => unreachable!("handled above"),
    };
    Ok(parsed)
}

fn parse_yaml<T: serde::de::DeserializeOwned>(path: String, text: String) -> Result<Parsed<T>, Diagnostic> {
    let value = yaml::parse(&path, &text, 0)?;
    Ok(Parsed { file: SourceFile { path, text }, value })
}

/// Stores one parsed file. `source_paths` maps each source name in lowercase to the file that
/// took it: sources are published under their name alone (`surse/NAME`), so two files of one name
/// in different folders, or differing only in letter case, would overwrite each other.
fn store(
    content: &mut RawContent,
    source_paths: &mut BTreeMap<String, String>,
    parsed: ParsedFile,
    diagnostics: &mut Diagnostics,
) {
    let mut duplicate = |path: &str, id: &str, first: &str| {
        diagnostics.push(
            Diagnostic::file_error(path, Message::IdTaken { id: id.to_owned(), first: first.to_owned() })
                .with_hint(Message::IdTakenHint),
        );
    };
    match parsed {
        ParsedFile::Counties(p) => content.counties = Some(p),
        ParsedFile::Localities(p) => content.localities = Some(p),
        ParsedFile::Themes(p) => content.themes = Some(p),
        ParsedFile::InstitutionTypes(p) => content.institution_types = Some(p),
        ParsedFile::Institutions(p) => content.institutions.push(p),
        ParsedFile::Framework(id, p) => insert_unique(&mut content.frameworks, id, p, &mut duplicate),
        ParsedFile::Plan(id, p) => insert_unique(&mut content.plans, id, *p, &mut duplicate),
        ParsedFile::Document(id, p) => insert_unique(&mut content.documents, id, *p, &mut duplicate),
        ParsedFile::Anchors(id, p) => insert_unique(&mut content.anchors, id, p, &mut duplicate),
        ParsedFile::Source(name, path, text) => match source_paths.entry(name.to_lowercase()) {
            std::collections::btree_map::Entry::Occupied(entry) => diagnostics.push(
                Diagnostic::file_error(
                    &path,
                    Message::SourceNameTaken { name: name.clone(), first: entry.get().clone() },
                )
                .with_hint(Message::SourceNameTakenHint),
            ),
            std::collections::btree_map::Entry::Vacant(entry) => {
                entry.insert(path);
                content.sources.insert(name, text);
            }
        },
    }
}

fn insert_unique<T>(
    map: &mut BTreeMap<String, Parsed<T>>,
    id: String,
    parsed: Parsed<T>,
    duplicate: &mut impl FnMut(&str, &str, &str),
) {
    match map.entry(id) {
        std::collections::btree_map::Entry::Occupied(entry) => {
            duplicate(&parsed.file.path, entry.key(), &entry.get().file.path);
        }
        std::collections::btree_map::Entry::Vacant(entry) => {
            entry.insert(parsed);
        }
    }
}

fn require(root: &Path, diagnostics: &mut Diagnostics) {
    if !root.join("content").is_dir() {
        return;
    }
    require_each(|name| root.join("content").join(name).is_file(), diagnostics);
}

/// An error for each required file of `content/` that `exists` says is missing.
fn require_each(exists: impl Fn(&str) -> bool, diagnostics: &mut Diagnostics) {
    let required = ["counties.yaml", "themes.yaml", "institution-types.yaml"];
    for name in required {
        // A file that exists but failed to parse has its own error already.
        if !exists(name) {
            diagnostics.push(
                Diagnostic::file_error(&format!("content/{name}"), Message::RequiredFileMissing)
                    .with_hint(Message::RequiredFileMissingHint),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_content_paths() {
        assert_eq!(classify(Path::new("counties.yaml")), Some(Kind::Counties));
        assert_eq!(classify(Path::new("plans/cluj/x.yaml")), Some(Kind::Plan));
        assert_eq!(classify(Path::new("documents/x.md")), Some(Kind::Document));
        assert_eq!(classify(Path::new("plans/x.yml")), None);
        assert_eq!(classify(Path::new("notes.txt")), None);
    }
}
