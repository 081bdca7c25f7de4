//! Stage 1 of the pipeline: find the content files with walkdir, read and parse them in parallel
//! into the raw structs of `raw.rs`. Only this stage reads `content/`. Every problem becomes a
//! `Diagnostic`; a bad file never stops the others from being read.

pub mod raw;
pub mod yaml;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::authoring::scaffold::PLACEHOLDER;
use crate::diagnostics::{Diagnostic, Diagnostics, display_path};
use crate::text::is_slug;
use raw::*;

/// Files larger than this are refused: content is text written by people, and a huge file is a
/// mistake or an attack that would otherwise cost memory and time.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// A file's text and its path as shown in messages.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

/// A parsed file: its value and the text it came from (kept to locate later problems).
#[derive(Debug)]
pub struct Parsed<T> {
    pub file: SourceFile,
    pub value: T,
}

/// A document: front matter, Markdown body, and the line where the body starts.
#[derive(Debug)]
pub struct RawDocumentFile {
    pub front: RawDocument,
    pub body: String,
    pub body_line: usize,
}

/// Everything under `content/`, parsed but not yet resolved. Maps are keyed by id (file stem),
/// so iteration order is stable.
#[derive(Debug, Default)]
pub struct RawContent {
    pub counties: Option<Parsed<Vec<RawCounty>>>,
    pub localities: Option<Parsed<Vec<RawLocality>>>,
    pub themes: Option<Parsed<Vec<RawTheme>>>,
    pub institution_types: Option<Parsed<Vec<RawInstitutionType>>>,
    pub institutions: Vec<Parsed<Vec<RawInstitution>>>,
    pub frameworks: BTreeMap<String, Parsed<RawFramework>>,
    pub plans: BTreeMap<String, Parsed<RawPlan>>,
    pub documents: BTreeMap<String, Parsed<RawDocumentFile>>,
    /// Source texts by file name (`000_6788c3dd0b8dd7a6.txt`).
    pub sources: BTreeMap<String, String>,
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
}

enum ParsedFile {
    Counties(Parsed<Vec<RawCounty>>),
    Localities(Parsed<Vec<RawLocality>>),
    Themes(Parsed<Vec<RawTheme>>),
    InstitutionTypes(Parsed<Vec<RawInstitutionType>>),
    Institutions(Parsed<Vec<RawInstitution>>),
    Framework(String, Parsed<RawFramework>),
    Plan(String, Parsed<RawPlan>),
    Document(String, Parsed<RawDocumentFile>),
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
            Diagnostic::file_error(&display_path(root, content_dir), "the content folder does not exist")
                .with_hint("run planportal in the site folder, or pass --root DIR"),
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
                diagnostics.push(Diagnostic::file_error(&path, format!("cannot read: {error}")));
                continue;
            }
        };
        if entry.path_is_symlink() {
            // Not followed: a link could publish any file of the machine. Said, so that a linked
            // plan does not vanish from the site without a word.
            diagnostics.push(
                Diagnostic::file_error(
                    &display_path(root, entry.path()),
                    "this is a symbolic link, and symbolic links are not followed",
                )
                .with_hint("copy the file into content/ instead of linking to it"),
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
    Diagnostic::file_error(shown, "this file is not part of the content model and is ignored")
        .with_hint("docs/content-model.md lists where each kind of file belongs")
        .warning()
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
        _ => None,
    }
}

/// Reads a file as UTF-8 text within the size limit, without a byte-order mark.
pub fn read_text(root: &Path, path: &Path) -> Result<String, Diagnostic> {
    let shown = display_path(root, path);
    let metadata = std::fs::metadata(path).map_err(|e| Diagnostic::file_error(&shown, format!("cannot read: {e}")))?;
    check_size(&shown, metadata.len())?;
    let bytes = std::fs::read(path).map_err(|e| Diagnostic::file_error(&shown, format!("cannot read: {e}")))?;
    decode_text(&shown, bytes)
}

fn check_size(shown: &str, len: u64) -> Result<(), Diagnostic> {
    if len > MAX_FILE_BYTES {
        return Err(Diagnostic::file_error(
            shown,
            format!("the file is {len} bytes, more than the limit of {MAX_FILE_BYTES} bytes"),
        )
        .with_hint("split the content into several files"));
    }
    Ok(())
}

/// UTF-8 text without a leading byte-order mark, or an error at the first invalid byte.
fn decode_text(shown: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    // Windows editors offer UTF-16 as "Unicode"; its byte-order mark names the mistake exactly.
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(Diagnostic::file_error(shown, "the file is saved as UTF-16, not UTF-8")
            .with_hint("save the file as UTF-8 (in Notepad: Save as, Encoding: UTF-8)"));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let prefix = &e.as_bytes()[..valid];
        let line = prefix.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = String::from_utf8_lossy(&prefix[prefix.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1)..])
            .chars()
            .count()
            + 1;
        Diagnostic {
            line,
            column,
            ..Diagnostic::file_error(shown, format!("the file is not valid UTF-8 (byte {valid})"))
        }
        .with_hint("save the file as UTF-8")
    })?;
    let text = text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text);
    Ok(text)
}

fn parse_file(root: &Path, path: &Path, kind: Kind) -> Result<ParsedFile, Vec<Diagnostic>> {
    let shown = display_path(root, path);
    check_before_reading(&shown, path, kind).map_err(|diagnostic| vec![diagnostic])?;
    let text = read_text(root, path).map_err(|diagnostic| vec![diagnostic])?;
    parse_text(shown, path, kind, text)
}

/// What is refused from a file's name alone, before its bytes are read: a source text under a
/// name or of a type that cannot be published as is (a binary file gets this message, not a
/// UTF-8 error).
fn check_before_reading(shown: &str, path: &Path, kind: Kind) -> Result<(), Diagnostic> {
    if kind == Kind::Source {
        check_source_name(shown, &file_name(path))?;
    }
    Ok(())
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// A source is published under its own name as `surse/NAME`: the name must be safe on every
/// system, and the type plain text. Anything else (`.html`, `.svg`, `.js`, …) would be served
/// from the portal's own origin, where a browser runs it: stored script.
fn check_source_name(shown: &str, name: &str) -> Result<(), Diagnostic> {
    if !is_source_name(name) {
        return Err(Diagnostic::file_error(shown, format!("the source file name `{name}` cannot be published as is"))
            .with_hint("use letters without diacritics, digits, `.`, `_` and `-`, e.g. 000_6788c3dd0b8dd7a6.txt"));
    }
    if is_reserved_name(name) {
        return Err(Diagnostic::file_error(
            shown,
            format!("the source file name `{name}` is a device name reserved by Windows"),
        )
        .with_hint("the site could not be copied to or served from Windows; add to the name, e.g. con-1.txt"));
    }
    if !name.ends_with(SOURCE_EXTENSION) {
        return Err(Diagnostic::file_error(shown, format!("the source file `{name}` is not a `.txt` file")).with_hint(
            "sources are published as plain text: save the text as UTF-8 in a `.txt` file; a browser could run or render any other type as part of the portal",
        ));
    }
    Ok(())
}

/// The one type of source text: plain text, served as `text/plain` (see `crate::headers`).
pub const SOURCE_EXTENSION: &str = ".txt";

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

/// An error at each `COMPLETAȚI` that `planportal new` wrote and the author has not replaced.
/// YAML comments are skipped: the skeleton's comments name the marker too, and stay.
fn placeholders(shown: &str, text: &str, kind: Kind) -> Vec<Diagnostic> {
    // In a document, the lines before the body are front matter (YAML); the body is Markdown.
    let body_line = match kind {
        Kind::Document => split_front_matter(text).map_or(usize::MAX, |(_, _, line)| line),
        _ => usize::MAX,
    };
    let mut found = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        let checked = if number < body_line { without_yaml_comment(line) } else { line };
        for (at, _) in checked.match_indices(PLACEHOLDER) {
            let column = line[..at].chars().count() + 1;
            found.push(
                Diagnostic::at(shown, text, number, column, format!("`{PLACEHOLDER}` marks a value still to fill in"))
                    .with_width(PLACEHOLDER.chars().count())
                    .with_hint("replace the placeholder with the text of the published document, or delete what the document does not have"),
            );
        }
    }
    found
}

/// `line` without its YAML comment: from the first `#` that starts a word outside quotes. A
/// quote counts only where a value starts (line start, after `: `, `- `, `[`, `{`, `,`), so the
/// apostrophe of `Don't` opens nothing.
fn without_yaml_comment(line: &str) -> &str {
    let mut quote: Option<char> = None;
    let mut previous = ' ';
    let mut value_may_start = true;
    for (at, c) in line.char_indices() {
        match quote {
            Some(open) if c == open => quote = None,
            Some(_) => {}
            None if c == '#' && previous.is_whitespace() => return &line[..at],
            None if (c == '"' || c == '\'') && value_may_start => quote = Some(c),
            None => {}
        }
        if !c.is_whitespace() {
            value_may_start = quote.is_none() && matches!(c, ':' | '-' | '[' | '{' | ',');
        }
        previous = c;
    }
    line
}

/// Parses the decoded `text` of the file at `path` (shown as `shown`) as content of `kind`.
fn parse_one(shown: String, path: &Path, kind: Kind, text: String) -> Result<ParsedFile, Diagnostic> {
    if kind == Kind::Source {
        // Its name was checked before reading (`check_before_reading`).
        return Ok(ParsedFile::Source(file_name(path), shown, text));
    }
    if text.trim().is_empty() {
        return Err(Diagnostic::file_error(&shown, "the file is empty")
            .with_hint("docs/content-model.md shows what it must hold"));
    }
    let id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    if matches!(kind, Kind::Framework | Kind::Plan | Kind::Document) && !is_slug(&id) {
        return Err(Diagnostic::file_error(&shown, format!("the file name `{id}` is not a valid id")).with_hint(
            "use lowercase letters without diacritics, digits and single hyphens, e.g. cluj-droguri-2022-2026",
        ));
    }
    if matches!(kind, Kind::Framework | Kind::Plan | Kind::Document) && is_reserved_name(&id) {
        return Err(Diagnostic::file_error(
            &shown,
            format!("the file name `{id}` is a device name reserved by Windows"),
        )
        .with_hint(format!("the site could not be copied to or served from Windows; add to the name, e.g. {id}-1")));
    }
    let parsed = match kind {
        Kind::Counties => ParsedFile::Counties(parse_yaml(shown, text)?),
        Kind::Localities => ParsedFile::Localities(parse_yaml(shown, text)?),
        Kind::Themes => ParsedFile::Themes(parse_yaml(shown, text)?),
        Kind::InstitutionTypes => ParsedFile::InstitutionTypes(parse_yaml(shown, text)?),
        Kind::Institutions => ParsedFile::Institutions(parse_yaml(shown, text)?),
        Kind::Framework => ParsedFile::Framework(id, parse_yaml(shown, text)?),
        Kind::Plan => ParsedFile::Plan(id, parse_yaml(shown, text)?),
        Kind::Document => ParsedFile::Document(id, parse_document(shown, text)?),
        Kind::Source => unreachable!("handled above"),
    };
    Ok(parsed)
}

/// Windows refuses these names with any extension (`nul.txt`) in any letter case; a site holding
/// one (a source file, or an id that names a page's folder) could not be copied to or served
/// from Windows.
pub fn is_reserved_name(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).to_ascii_lowercase();
    matches!(stem.as_str(), "con" | "prn" | "aux" | "nul")
        || ((stem.starts_with("com") || stem.starts_with("lpt"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit())
}

/// Source files are published under their own name: it must be a safe, plain file name.
fn is_source_name(name: &str) -> bool {
    !name.starts_with('.')
        && name.len() <= 120
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

fn parse_yaml<T: serde::de::DeserializeOwned>(path: String, text: String) -> Result<Parsed<T>, Diagnostic> {
    let value = yaml::parse(&path, &text, 0)?;
    Ok(Parsed { file: SourceFile { path, text }, value })
}

/// Splits `---` front matter from the Markdown body and parses the front matter.
fn parse_document(path: String, text: String) -> Result<Parsed<RawDocumentFile>, Diagnostic> {
    let Some((front, body, body_line)) = split_front_matter(&text) else {
        return Err(Diagnostic::at(
            &path,
            &text,
            1,
            1,
            "a document must start with YAML front matter between `---` lines",
        )
        .with_hint("put `---` on the first line, the fields, then `---` before the body"));
    };
    let front: RawDocument = yaml::parse(&path, front, 1)?;
    let body = body.to_owned();
    Ok(Parsed { file: SourceFile { path, text }, value: RawDocumentFile { front, body, body_line } })
}

/// Returns (front matter, body, 1-based line where the body starts).
fn split_front_matter(text: &str) -> Option<(&str, &str, usize)> {
    let rest = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n"))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let front = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let body_line = front.lines().count() + 3;
            return Some((front, body, body_line));
        }
        offset += line.len();
    }
    None
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
            Diagnostic::file_error(path, format!("the id `{id}` is already taken by {first}"))
                .with_hint("file names are ids: they must be unique within their folder tree"),
        );
    };
    match parsed {
        ParsedFile::Counties(p) => content.counties = Some(p),
        ParsedFile::Localities(p) => content.localities = Some(p),
        ParsedFile::Themes(p) => content.themes = Some(p),
        ParsedFile::InstitutionTypes(p) => content.institution_types = Some(p),
        ParsedFile::Institutions(p) => content.institutions.push(p),
        ParsedFile::Framework(id, p) => insert_unique(&mut content.frameworks, id, p, &mut duplicate),
        ParsedFile::Plan(id, p) => insert_unique(&mut content.plans, id, p, &mut duplicate),
        ParsedFile::Document(id, p) => insert_unique(&mut content.documents, id, p, &mut duplicate),
        ParsedFile::Source(name, path, text) => match source_paths.entry(name.to_lowercase()) {
            std::collections::btree_map::Entry::Occupied(entry) => diagnostics.push(
                Diagnostic::file_error(&path, format!("the source name `{name}` is already taken by {}", entry.get()))
                    .with_hint("sources are published as surse/NAME whatever their folder: names must differ, and not only in letter case"),
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
                Diagnostic::file_error(&format!("content/{name}"), "this file is required and missing")
                    .with_hint("docs/content-model.md describes it"),
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

    #[test]
    fn yaml_comments_are_cut_outside_quotes_only() {
        assert_eq!(without_yaml_comment("a: b # c"), "a: b ");
        assert_eq!(without_yaml_comment("# c"), "");
        assert_eq!(without_yaml_comment("a: \"b # c\" # d"), "a: \"b # c\" ");
        assert_eq!(without_yaml_comment("a: Don't # d 'e'"), "a: Don't ");
        assert_eq!(without_yaml_comment("a: [x, 'y # z'] # w"), "a: [x, 'y # z'] ");
        assert_eq!(without_yaml_comment("a: b#c"), "a: b#c");
    }

    #[test]
    fn front_matter_is_split_with_body_line() {
        let (front, body, line) = split_front_matter("---\na: 1\nb: 2\n---\nBody\n").expect("has front matter");
        assert_eq!(front, "a: 1\nb: 2\n");
        assert_eq!(body, "Body\n");
        assert_eq!(line, 5);
        assert!(split_front_matter("no front matter").is_none());
    }
}
