//! Content problems as values. A `Diagnostic` names the file, line and column, says what is wrong
//! and, where one exists, how to fix it. Every stage collects them instead of stopping at the first,
//! so an author sees all the problems of a tree in one run; `print` shows them sorted, each with
//! its source line and a caret.
//!
//! Machine failures (an unreadable disk, a template bug) are not diagnostics: they travel as
//! `anyhow::Error` and end the run with exit code 2.

use std::fmt::Write as _;
use std::io::IsTerminal as _;
use std::path::Path;
use std::sync::Arc;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use crate::messages::{self, Label, Lang, Message};

/// How diagnostics are printed: in which language, with colour or without.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// The language of messages and labels.
    pub lang: Lang,
    /// Whether to colour the output with ANSI escapes.
    pub color: bool,
}

impl Style {
    /// Plain text in `lang`: for files, pipes and tests.
    pub fn plain(lang: Lang) -> Style {
        Style { lang, color: false }
    }

    /// The style for standard error: the run's language; colour when stderr is a terminal and
    /// `NO_COLOR` is unset or empty (no-color.org), or when `CLICOLOR_FORCE` is set and not `0`.
    pub fn stderr() -> Style {
        let set = |name: &str| std::env::var_os(name).is_some_and(|value| !value.is_empty());
        let forced = std::env::var_os("CLICOLOR_FORCE").is_some_and(|value| !value.is_empty() && value != "0");
        let color = !set("NO_COLOR") && (forced || std::io::stderr().is_terminal());
        Style { lang: messages::language(), color }
    }
}

/// How serious a problem is: errors stop `check` and `build`, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The content cannot be published as it is.
    Error,
    /// Worth a look; the content can be published.
    Warning,
}

impl Severity {
    fn label(self) -> Label {
        match self {
            Severity::Error => Label::Error,
            Severity::Warning => Label::Warning,
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
    /// What is wrong, from the catalogue (`crate::messages`). Boxed, as the hint: a message holds
    /// its arguments, and a diagnostic travels in every `Result` of the loader.
    pub message: Box<Message>,
    /// How to fix it, where that can be said.
    pub hint: Option<Box<Message>>,
    /// The text of `line`, for the snippet. Shared: the thousands of problems of one long line
    /// (a flow list of 20,000 names) hold one copy of it, not one each.
    pub source_line: Option<Arc<str>>,
}

impl Diagnostic {
    /// An error about a whole file (no position inside it).
    pub fn file_error(path: &str, message: Message) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.to_owned(),
            line: 0,
            column: 0,
            width: 1,
            message: Box::new(message),
            hint: None,
            source_line: None,
        }
    }

    /// An error at `line`:`column` of `source`, the text of the file at `path`.
    pub fn at(path: &str, source: &str, line: usize, column: usize, message: Message) -> Self {
        let source_line = line.checked_sub(1).and_then(|index| source.lines().nth(index)).map(Arc::from);
        Diagnostic {
            severity: Severity::Error,
            path: path.to_owned(),
            line,
            column: column.max(1),
            width: 1,
            message: Box::new(message),
            hint: None,
            source_line,
        }
    }

    /// The same diagnostic with a hint on how to fix it.
    pub fn with_hint(mut self, hint: Message) -> Self {
        self.hint = Some(Box::new(hint));
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
    pub fn render(&self, style: Style) -> String {
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let label = self.severity.label().text(style.lang);
        let message = self.message.text(style.lang);
        let title = level.with_name(Some(label.as_str())).primary_title(message.as_str());
        let place = match &self.source_line {
            Some(line_text) if self.line > 0 => {
                let span = char_span(line_text, self.column, self.width);
                Group::with_title(title).element(
                    Snippet::source(&**line_text)
                        .line_start(self.line)
                        .path(self.path.as_str())
                        .annotation(AnnotationKind::Primary.span(span)),
                )
            }
            // A whole-file problem has no line to show: the place and the hint suffice.
            _ if self.line == 0 => Group::with_title(title).element(Origin::path(self.path.as_str())),
            // A place past the text the snippet has (bytes that are not UTF-8, the end of the
            // file): its line and column without the line.
            _ => Group::with_title(title)
                .element(Origin::path(self.path.as_str()).line(self.line).char_column(self.column)),
        };
        let help = Label::Help.text(style.lang);
        let hint = self.hint.as_ref().map(|hint| hint.text(style.lang));
        let group = match &hint {
            Some(hint) => place.element(Level::HELP.with_name(Some(help.as_str())).message(hint.as_str())),
            None => place,
        };
        let renderer = if style.color { Renderer::styled() } else { Renderer::plain() };
        renderer.render(&[group])
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

    /// Everything, rendered for standard error (`Style::stderr`): see `render_with`.
    pub fn render(self) -> String {
        self.render_with(Style::stderr())
    }

    /// Everything, rendered, with a closing count line: at most `MAX_SHOWN_PER_FILE` problems of
    /// each file, then how many more it has.
    pub fn render_with(self, style: Style) -> String {
        let errors = self.error_count();
        let warnings = self.warning_count();
        let mut out = String::new();
        let sorted = self.sorted();
        for file in sorted.chunk_by(|a, b| a.path == b.path) {
            for diagnostic in file.iter().take(MAX_SHOWN_PER_FILE) {
                out.push_str(&diagnostic.render(style));
                out.push_str("\n\n");
            }
            if let Some(hidden) = file.get(MAX_SHOWN_PER_FILE..).filter(|rest| !rest.is_empty()) {
                let line = Message::HiddenInFile { more: more(hidden).boxed(), path: file[0].path.clone() };
                let _ = write!(out, "{}\n\n", line.text(style.lang));
            }
        }
        if errors > 0 || warnings > 0 {
            let _ = writeln!(out, "{}", summary(errors, warnings).text(style.lang));
        }
        out
    }
}

/// At most this many problems of one file are printed: past it, they are the same mistake
/// repeated, and printing 20,000 of them would bury the summary (and take long).
pub const MAX_SHOWN_PER_FILE: usize = 20;

/// "19980 more errors", "1 more warning", "5 more problems (3 errors, 2 warnings)".
fn more(hidden: &[Diagnostic]) -> Message {
    let errors = hidden.iter().filter(|d| d.severity == Severity::Error).count();
    let warnings = hidden.len() - errors;
    match (errors, warnings) {
        (count, 0) => Message::MoreErrors { count },
        (0, count) => Message::MoreWarnings { count },
        (e, w) => Message::MoreProblems { count: e + w, detail: summary(e, w).boxed() },
    }
}

/// "2 errors", "1 warning", "2 errors, 1 warning".
pub fn summary(errors: usize, warnings: usize) -> Message {
    match (errors, warnings) {
        (0, count) => Message::Warnings { count },
        (count, 0) => Message::Errors { count },
        (e, w) => Message::ErrorsAndWarnings {
            errors: Message::Errors { count: e }.boxed(),
            warnings: Message::Warnings { count: w }.boxed(),
        },
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

    fn unknown(name: &str) -> Message {
        Message::UnknownInstitution { name: name.to_owned() }
    }

    #[test]
    fn renders_place_snippet_and_hint() {
        let source = "title: x\nresponsible:\n  - DGASPX\n";
        let d = Diagnostic::at("content/plans/p.yaml", source, 3, 5, unknown("DGASPX"))
            .with_width(6)
            .with_hint(Message::DidYouMean { name: "DGASPC".to_owned() });
        let text = d.render(Style::plain(Lang::En));
        assert!(text.contains("error: unknown institution `DGASPX`"), "{text}");
        assert!(text.contains("content/plans/p.yaml:3:5"), "{text}");
        assert!(text.contains("3 |   - DGASPX"), "{text}");
        assert!(text.contains("^^^^^^"), "{text}");
        assert!(text.contains("help: did you mean `DGASPC`?"), "{text}");
        let romanian = d.render(Style::plain(Lang::Ro));
        assert!(romanian.contains("eroare: instituție necunoscută `DGASPX`"), "{romanian}");
        assert!(romanian.contains("ajutor: ați vrut să scrieți `DGASPC`?"), "{romanian}");
        assert!(!text.contains('\u{1b}') && !romanian.contains('\u{1b}'), "plain output has no colour");
    }

    #[test]
    fn styled_output_has_colour() {
        let d = Diagnostic::at("a.yaml", "x\n", 1, 1, unknown("x"));
        let text = d.render(Style { lang: Lang::En, color: true });
        assert!(text.contains("\u{1b}["), "{text:?}");
    }

    #[test]
    fn whole_file_problems_show_the_path_and_hint() {
        let d = Diagnostic::file_error("content/plans/gol.yaml", Message::EmptyFile).with_hint(Message::EmptyFileHint);
        assert_eq!(
            d.render(Style::plain(Lang::En)),
            "error: the file is empty\n--> content/plans/gol.yaml\n = help: docs/content-model.md shows what it must hold"
        );
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
            all.push(Diagnostic::at("a.yaml", "x\n", line, 1, unknown("e")));
        }
        all.push(Diagnostic::at("a.yaml", "x\n", 30, 1, unknown("w")).warning());
        all.push(Diagnostic::file_error("b.yaml", Message::EmptyFile));
        let text = all.render_with(Style::plain(Lang::En));
        assert_eq!(text.matches("error: unknown institution `e`").count(), 20, "{text}");
        assert!(
            text.contains("… and 6 more problems (5 errors, 1 warning) in a.yaml\n\nerror: the file is empty"),
            "{text}"
        );
        assert!(text.ends_with("26 errors, 1 warning\n"), "{text}");
    }

    #[test]
    fn summaries_in_romanian() {
        let mut all = Diagnostics::default();
        for line in 1..=25 {
            all.push(Diagnostic::at("a.yaml", "x\n", line, 1, unknown("e")));
        }
        let text = all.render_with(Style::plain(Lang::Ro));
        assert!(text.contains("… și încă 5 erori în a.yaml\n\n"), "{text}");
        assert!(text.ends_with("\n25 de erori\n"), "{text}");
    }

    #[test]
    fn sorted_by_path_then_line() {
        let mut all = Diagnostics::default();
        all.push(Diagnostic::file_error("b.yaml", Message::EmptyFile));
        all.push(Diagnostic::at("a.yaml", "1\n2\n", 2, 1, unknown("y")));
        all.push(Diagnostic::at("a.yaml", "1\n2\n", 1, 1, unknown("z")));
        let places: Vec<_> = all.sorted().iter().map(Diagnostic::place).collect();
        assert_eq!(places, ["a.yaml:1:1", "a.yaml:2:1", "b.yaml"]);
    }
}
