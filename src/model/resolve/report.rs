//! The problems of one file, each kept with the path of the value it concerns until `finish`
//! asks the YAML parser for all their places at once (`load::yaml::locate`, one pass per file).

use std::collections::HashMap;
use std::sync::Arc;

use crate::diagnostics::Diagnostic;
use crate::load::SourceFile;
use crate::load::yaml::{self, LineIndex, Target};
use crate::messages::Message;

/// Per-file error reporting.
pub(super) struct FileReport<'a> {
    pub(super) file: &'a SourceFile,
    /// Problems whose place is known already (or that concern the whole file).
    pub(super) found: Vec<Diagnostic>,
    /// Problems waiting for their place.
    pending: Vec<Pending>,
    /// Paths whose line is wanted (the objectives' texts of a plan), in order.
    line_requests: Vec<String>,
}

/// A problem at a value (or key) whose place is not looked up yet.
struct Pending {
    path: String,
    target: Target,
    /// Characters to mark: the value's (or key's) length.
    width: usize,
    message: Message,
    hint: Option<Message>,
    /// A warning, not an error.
    warning: bool,
}

impl<'a> FileReport<'a> {
    pub(super) fn new(file: &'a SourceFile) -> Self {
        FileReport { file, found: Vec::new(), pending: Vec::new(), line_requests: Vec::new() }
    }

    /// An error at `value`, the value at `path`.
    pub(super) fn error(&mut self, path: String, value: &str, message: Message, hint: Option<Message>) {
        let width = value.chars().count();
        self.pending.push(Pending { path, target: Target::Value, width, message, hint, warning: false });
    }

    /// A warning at `value`, the value at `path`.
    pub(super) fn warning(&mut self, path: String, value: &str, message: Message, hint: Option<Message>) {
        let width = value.chars().count();
        self.pending.push(Pending { path, target: Target::Value, width, message, hint, warning: true });
    }

    /// An error at the key `key` that names the value at `path`.
    pub(super) fn error_at_key(&mut self, path: String, key: &str, message: Message, hint: Option<Message>) {
        let width = key.chars().count();
        self.pending.push(Pending { path, target: Target::Key, width, message, hint, warning: false });
    }

    /// Checks a value: reports `message` at the value at `path` when `ok` is false. The path is
    /// built only then.
    pub(super) fn check(
        &mut self,
        path: impl FnOnce() -> String,
        value: &str,
        ok: bool,
        message: impl FnOnce() -> Message,
        hint: Option<Message>,
    ) {
        if !ok {
            self.error(path(), value, message(), hint);
        }
    }

    /// Asks for the line of the value at `path`; `finish_with_lines` returns it.
    pub(super) fn request_line(&mut self, path: String) {
        self.line_requests.push(path);
    }

    /// Whether a "did you mean" hint is still worth its search over every known name: only the
    /// first problems of a file are printed (`MAX_SHOWN_PER_FILE`), and searching thousands of
    /// names for each of thousands of unknown ones made `check` quadratic. Problems past these
    /// keep their plain hint.
    pub(super) fn wants_suggestions(&self) -> bool {
        self.pending.len() + self.found.len() < crate::diagnostics::MAX_SHOWN_PER_FILE
    }

    /// Every problem of the file, each at its place (or at the whole file if it cannot be found).
    pub(super) fn finish(self) -> Vec<Diagnostic> {
        self.finish_with_lines().0
    }

    /// Every problem of the file, and the lines of `line_requests` in order (0 where one cannot
    /// be found): all their places from one pass over the file.
    pub(super) fn finish_with_lines(mut self) -> (Vec<Diagnostic>, Vec<usize>) {
        let text = &self.file.text;
        let requests: Vec<(&str, Target)> = self
            .pending
            .iter()
            .map(|p| (p.path.as_str(), p.target))
            .chain(self.line_requests.iter().map(|path| (path.as_str(), Target::Value)))
            .collect();
        let mut places = yaml::locate(text, &requests);
        let lines_wanted = places.split_off(self.pending.len());
        let lines = LineIndex::new(text);
        // One copy of each line, shared by all its problems.
        let mut texts: HashMap<usize, Option<Arc<str>>> = HashMap::new();
        for (pending, place) in std::mem::take(&mut self.pending).into_iter().zip(places) {
            let diagnostic = match place {
                Some(place) => Diagnostic {
                    line: place.line,
                    column: place.column,
                    source_line: texts
                        .entry(place.line)
                        .or_insert_with(|| lines.line(text, place.line).map(Arc::from))
                        .clone(),
                    ..Diagnostic::file_error(&self.file.path, pending.message)
                }
                .with_width(pending.width),
                None => Diagnostic::file_error(&self.file.path, pending.message),
            };
            let diagnostic = match pending.hint {
                Some(hint) => diagnostic.with_hint(hint),
                None => diagnostic,
            };
            self.found.push(if pending.warning { diagnostic.warning() } else { diagnostic });
        }
        (self.found, lines_wanted.into_iter().map(|place| place.map_or(0, |p| p.line)).collect())
    }
}

/// The path of `key` in the item at `at` (`goals[0]` + `text` → `goals[0].text`).
pub(super) fn field(at: &str, key: &str) -> String {
    if at.is_empty() { key.to_owned() } else { format!("{at}.{key}") }
}

/// The path of item `index` of the list `key` in the item at `at` (`goals[0].objectives[2]`).
pub(super) fn item(at: &str, key: &str, index: usize) -> String {
    format!("{}[{index}]", field(at, key))
}
