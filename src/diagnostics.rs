//! Content problems as values. A `Diagnostic` names the file, line and column, says what is wrong
//! and, where one exists, how to fix it. Every stage collects them instead of stopping at the first,
//! so an author sees all the problems of a tree in one run; `print` shows them sorted, each with
//! its source line and a caret.
//!
//! Machine failures (an unreadable disk, a template bug) are not diagnostics: they travel as
//! `anyhow::Error` and end the run with exit code 2.

use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

use annotate_snippets::{Level, Renderer, Snippet};

/// How serious a problem is: errors stop `check` and `build`, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The content cannot be published as it is.
    Error,
    /// Worth a look; the content can be published.
    Warning,
}

impl Severity {
    fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One content problem at one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Path relative to the site root, with `/` separators, as the author knows it.
    pub path: String,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    /// Length of the marked span, in characters (at least 1).
    pub width: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it, where that can be said.
    pub hint: Option<String>,
    /// The text of `line`, for the snippet. Shared: the thousands of problems of one long line
    /// (a flow list of 20,000 names) hold one copy of it, not one each.
    pub source_line: Option<Arc<str>>,
}

impl Diagnostic {
    /// An error about a whole file (no position inside it).
    pub fn file_error(path: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.to_owned(),
            line: 0,
            column: 0,
            width: 1,
            message: message.into(),
            hint: None,
            source_line: None,
        }
    }

    /// An error at `line`:`column` of `source`, the text of the file at `path`.
    pub fn at(path: &str, source: &str, line: usize, column: usize, message: impl Into<String>) -> Self {
        let source_line = line.checked_sub(1).and_then(|index| source.lines().nth(index)).map(Arc::from);
        Diagnostic {
            severity: Severity::Error,
            path: path.to_owned(),
            line,
            column: column.max(1),
            width: 1,
            message: message.into(),
            hint: None,
            source_line,
        }
    }

    /// The same diagnostic with a hint on how to fix it.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The same diagnostic marking `width` characters (at least one).
    pub fn with_width(mut self, width: usize) -> Self {
        self.width = width.max(1);
        self
    }

    /// The same diagnostic as a warning.
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// `path:line:column` (or just `path` for whole-file problems).
    pub fn place(&self) -> String {
        if self.line == 0 { self.path.clone() } else { format!("{}:{}:{}", self.path, self.line, self.column) }
    }

    /// Renders the diagnostic as rustc does: message, place, the source line with a caret, hint.
    pub fn render(&self) -> String {
        let level = match self.severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
        };
        let mut message = level.title(&self.message);
        if let Some(hint) = &self.hint {
            message = message.footer(Level::Help.title(hint));
        }
        match &self.source_line {
            Some(line_text) if self.line > 0 => {
                let span = char_span(line_text, self.column, self.width);
                let snippet =
                    Snippet::source(line_text).line_start(self.line).origin(&self.path).annotation(level.span(span));
                Renderer::plain().render(message.snippet(snippet)).to_string()
            }
            // A whole-file problem has no line to show: the place and the hint suffice.
            _ => {
                let mut out = format!(
                    "{}: {}
 --> {}",
                    self.severity.name(),
                    self.message,
                    self.place()
                );
                if let Some(hint) = &self.hint {
                    let _ = write!(
                        out,
                        "
  = help: {hint}"
                    );
                }
                out
            }
        }
    }
}

/// Byte range of `width` characters starting at 1-based character `column` of `line`.
fn char_span(line: &str, column: usize, width: usize) -> std::ops::Range<usize> {
    let mut indices = line.char_indices().map(|(i, _)| i).chain(std::iter::once(line.len()));
    let start = indices.clone().nth(column.saturating_sub(1)).unwrap_or(line.len());
    let end = indices.nth(column.saturating_sub(1) + width).unwrap_or(line.len());
    start..end.max(start)
}

/// All the problems of one run.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Adds one problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Adds many problems.
    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    /// How many errors.
    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.severity == Severity::Error).count()
    }

    /// The same diagnostic as a warning.
    pub fn warning_count(&self) -> usize {
        self.items.iter().filter(|d| d.severity == Severity::Warning).count()
    }

    /// Whether there is at least one error.
    pub fn has_errors(&self) -> bool {
        self.error_count() > 0
    }

    /// Sorted by file, then position, then message: the order is the same on every run whatever
    /// the thread count.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by(|a, b| {
            (&a.path, a.line, a.column, a.severity, &a.message)
                .cmp(&(&b.path, b.line, b.column, b.severity, &b.message))
        });
        self.items.dedup();
        self.items
    }

    /// Every problem, in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// Everything, rendered, with a closing count line: at most `MAX_SHOWN_PER_FILE` problems of
    /// each file, then how many more it has.
    pub fn render(self) -> String {
        let errors = self.error_count();
        let warnings = self.warning_count();
        let mut out = String::new();
        let sorted = self.sorted();
        for file in sorted.chunk_by(|a, b| a.path == b.path) {
            for diagnostic in file.iter().take(MAX_SHOWN_PER_FILE) {
                out.push_str(&diagnostic.render());
                out.push_str("\n\n");
            }
            if let Some(hidden) = file.get(MAX_SHOWN_PER_FILE..).filter(|rest| !rest.is_empty()) {
                let _ = write!(out, "… and {} in {}\n\n", more(hidden), file[0].path);
            }
        }
        if errors > 0 || warnings > 0 {
            let _ = writeln!(out, "{}", summary(errors, warnings));
        }
        out
    }
}

/// At most this many problems of one file are printed: past it, they are the same mistake
/// repeated, and printing 20,000 of them would bury the summary (and take long).
pub const MAX_SHOWN_PER_FILE: usize = 20;

/// "19980 more errors", "1 more warning", "5 more problems (3 errors, 2 warnings)".
fn more(hidden: &[Diagnostic]) -> String {
    let errors = hidden.iter().filter(|d| d.severity == Severity::Error).count();
    let warnings = hidden.len() - errors;
    match (errors, warnings) {
        (1, 0) => "1 more error".to_owned(),
        (e, 0) => format!("{e} more errors"),
        (0, 1) => "1 more warning".to_owned(),
        (0, w) => format!("{w} more warnings"),
        (e, w) => format!("{} more problems ({})", e + w, summary(e, w)),
    }
}

fn summary(errors: usize, warnings: usize) -> String {
    let plural = |n: usize, one: &str, many: &str| if n == 1 { format!("1 {one}") } else { format!("{n} {many}") };
    match (errors, warnings) {
        (0, w) => plural(w, "warning", "warnings"),
        (e, 0) => plural(e, "error", "errors"),
        (e, w) => format!("{}, {}", plural(e, "error", "errors"), plural(w, "warning", "warnings")),
    }
}

/// The path of `file` relative to `root`, with `/` separators, for messages.
pub fn display_path(root: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(root).unwrap_or(file);
    relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_place_snippet_and_hint() {
        let source = "title: x\nresponsible:\n  - DGASPX\n";
        let d = Diagnostic::at("content/plans/p.yaml", source, 3, 5, "unknown institution `DGASPX`")
            .with_width(6)
            .with_hint("did you mean `DGASPC`?");
        let text = d.render();
        assert!(text.contains("error: unknown institution `DGASPX`"), "{text}");
        assert!(text.contains("content/plans/p.yaml:3:5"), "{text}");
        assert!(text.contains("3 |   - DGASPX"), "{text}");
        assert!(text.contains("^^^^^^"), "{text}");
        assert!(text.contains("help: did you mean `DGASPC`?"), "{text}");
    }

    #[test]
    fn span_counts_characters_not_bytes() {
        assert_eq!(char_span("- Ș x", 3, 1), 2..4);
        assert_eq!(char_span("abc", 10, 2), 3..3);
    }

    #[test]
    fn at_most_twenty_problems_per_file_are_shown() {
        let mut all = Diagnostics::default();
        for line in 1..=25 {
            all.push(Diagnostic::at("a.yaml", "x\n", line, 1, "e"));
        }
        all.push(Diagnostic::at("a.yaml", "x\n", 30, 1, "w").warning());
        all.push(Diagnostic::file_error("b.yaml", "only"));
        let text = all.render();
        assert_eq!(text.matches("error: e").count(), 20, "{text}");
        assert!(text.contains("… and 6 more problems (5 errors, 1 warning) in a.yaml\n\nerror: only"), "{text}");
        assert!(text.ends_with("26 errors, 1 warning\n"), "{text}");
    }

    #[test]
    fn sorted_by_path_then_line() {
        let mut all = Diagnostics::default();
        all.push(Diagnostic::file_error("b.yaml", "x"));
        all.push(Diagnostic::at("a.yaml", "1\n2\n", 2, 1, "y"));
        all.push(Diagnostic::at("a.yaml", "1\n2\n", 1, 1, "z"));
        let places: Vec<_> = all.sorted().iter().map(Diagnostic::place).collect();
        assert_eq!(places, ["a.yaml:1:1", "a.yaml:2:1", "b.yaml"]);
    }
}
