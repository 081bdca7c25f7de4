//! The one place that knows the YAML library. serde_yaml is deprecated upstream; this module uses
//! its maintained fork serde_yaml_ng (same API), so moving to another fork is a change here only.
//!
//! It turns library errors into `Diagnostic`s with file, line and column, and provides `locate`,
//! which finds where a value stands in a file for problems found after parsing (an unknown
//! institution, a dangling reference).

use std::collections::HashMap;

use aho_corasick::AhoCorasick;
use serde::de::DeserializeOwned;

use crate::diagnostics::Diagnostic;

/// Parses `source` (the text of the file at `path`) into `T`, or returns the error at its place.
///
/// `line_offset` is added to reported lines: front matter starts after its opening `---`.
pub fn parse<T: DeserializeOwned>(path: &str, source: &str, line_offset: usize) -> Result<T, Diagnostic> {
    prescan(source).map_err(|refusal| refusal.into_diagnostic(path, source, line_offset))?;
    serde_yaml_ng::from_str(source).map_err(|error| to_diagnostic(path, source, line_offset, &error))
}

/// Flow collections (`[…]`, `{…}`) nested deeper than this are refused before parsing. Content
/// nests two or three levels; the YAML scanner slows down quadratically with unclosed brackets.
pub const MAX_FLOW_DEPTH: usize = 64;

/// What the pre-scan refuses, at a byte offset of the source.
#[derive(Debug, PartialEq, Eq)]
enum Refusal {
    /// An anchor (`&name`) or alias (`*name`) of `width` characters.
    Alias { at: usize, width: usize },
    /// The bracket that opens one level more than `MAX_FLOW_DEPTH`.
    TooDeep { at: usize },
}

impl Refusal {
    fn into_diagnostic(self, path: &str, source: &str, line_offset: usize) -> Diagnostic {
        let (at, width, message, hint) = match self {
            Refusal::Alias { at, width } => (
                at,
                width,
                "YAML anchors and aliases are not allowed in content".to_owned(),
                "write the value out in full wherever it is needed; quote a text that starts with `&` or `*`",
            ),
            Refusal::TooDeep { at } => (
                at,
                1,
                format!("lists and maps are nested more than {MAX_FLOW_DEPTH} levels deep"),
                "content nests a few levels at most: check that every `[` and `{` is closed",
            ),
        };
        let line = source[..at].matches('\n').count() + 1;
        let line_start = source[..at].rfind('\n').map_or(0, |p| p + 1);
        let column = source[line_start..at].chars().count() + 1;
        let mut diagnostic = Diagnostic::at(path, source, line, column, message).with_width(width).with_hint(hint);
        diagnostic.line += line_offset;
        diagnostic
    }
}

/// One linear pass over the YAML text, before the YAML library sees it, that refuses what
/// content never needs and what costs the library memory or time out of proportion to the
/// input: anchors and aliases (a few kilobytes of aliases expand to gigabytes) and flow
/// collections nested past `MAX_FLOW_DEPTH`.
///
/// It follows just enough of YAML to tell a node's start from the inside of a text: quoted
/// scalars, comments, block scalars (`|`, `>`) and the continuation lines of plain scalars are
/// skipped, so `A & B`, `"*nota*"` or `Don't` are not mistaken for anchors or quotes. Where it
/// would have to guess, it errs towards refusing: a text that starts with `&` or `*` must be
/// quoted, which YAML requires anyway.
fn prescan(source: &str) -> Result<(), Refusal> {
    Prescan { bytes: source.as_bytes(), at: 0, line_start: 0, depth: 0 }.run()
}

struct Prescan<'a> {
    bytes: &'a [u8],
    at: usize,
    line_start: usize,
    /// Flow collections open at `at`.
    depth: usize,
}

impl Prescan<'_> {
    fn run(&mut self) -> Result<(), Refusal> {
        // Whether a node (or a key) may start at the next significant character.
        let mut expect_node = true;
        // The column of the key, dash or `?` whose value may start next: the indentation that
        // continuation lines and block scalars of that value must exceed.
        let mut parent: Option<usize> = None;
        // While in a plain scalar of block context: the column its continuation lines exceed.
        let mut plain_parent: Option<usize> = None;
        let mut in_plain = false;
        // After a quoted scalar or a closed flow collection a `:` needs no space after it
        // (`{"a":1}`), as in JSON.
        let mut after_json_node = false;
        while let Some(&byte) = self.bytes.get(self.at) {
            if byte == b'\n' {
                self.at += 1;
                self.line_start = self.at;
                // In block context a line starts a node unless it continues a plain scalar; a
                // blank line changes nothing. Flow context ignores line breaks.
                if self.depth == 0 && !self.line_is_blank() {
                    if in_plain && self.continues_plain(plain_parent) {
                        continue;
                    }
                    in_plain = false;
                    expect_node = true;
                    if parent.is_some_and(|p| self.indent() <= p) {
                        parent = None;
                    }
                }
                continue;
            }
            if matches!(byte, b' ' | b'\t' | b'\r') {
                self.at += 1;
                continue;
            }
            if byte == b'#' && (self.at == self.line_start || matches!(self.previous(), b' ' | b'\t')) {
                self.skip_line();
                continue;
            }
            let column = self.at - self.line_start;
            if expect_node {
                match byte {
                    b'&' | b'*' => return Err(Refusal::Alias { at: self.at, width: self.token_width() }),
                    b'!' => self.skip_token(),
                    b'\'' | b'"' => {
                        self.skip_quoted(byte);
                        expect_node = false;
                        in_plain = false;
                        after_json_node = true;
                        parent = Some(column);
                    }
                    b'|' | b'>' if self.depth == 0 => {
                        self.skip_block_scalar(parent);
                        expect_node = true;
                    }
                    b'-' if column == 0 && self.starts_with(b"---") && self.is_break_at(self.at + 3) => {
                        self.at += 3;
                        parent = None;
                    }
                    b'-' | b'?' | b':' if self.is_break_at(self.at + 1) => {
                        self.at += 1;
                        parent = Some(column);
                    }
                    b'[' | b'{' => self.open()?,
                    b']' | b'}' => {
                        self.close();
                        expect_node = false;
                        after_json_node = true;
                    }
                    b',' if self.depth > 0 => self.at += 1,
                    _ => {
                        // A plain scalar starts; it may turn out to be a key.
                        expect_node = false;
                        after_json_node = false;
                        in_plain = self.depth == 0;
                        plain_parent = parent;
                        parent = Some(column);
                        self.at += 1;
                    }
                }
                continue;
            }
            match byte {
                b':' if self.is_break_at(self.at + 1)
                    || (self.depth > 0 && after_json_node)
                    || (self.depth > 0
                        && matches!(self.bytes.get(self.at + 1), Some(b',' | b'[' | b']' | b'{' | b'}'))) =>
                {
                    expect_node = true;
                    in_plain = false;
                }
                b',' if self.depth > 0 => expect_node = true,
                b'[' | b'{' if self.depth > 0 => {
                    self.open()?;
                    expect_node = true;
                    continue;
                }
                b']' | b'}' if self.depth > 0 => {
                    self.close();
                    after_json_node = true;
                    continue;
                }
                _ => {}
            }
            self.at += 1;
        }
        Ok(())
    }

    fn open(&mut self) -> Result<(), Refusal> {
        self.depth += 1;
        if self.depth > MAX_FLOW_DEPTH {
            return Err(Refusal::TooDeep { at: self.at });
        }
        self.at += 1;
        Ok(())
    }

    fn close(&mut self) {
        self.depth = self.depth.saturating_sub(1);
        self.at += 1;
    }

    fn previous(&self) -> u8 {
        self.at.checked_sub(1).and_then(|p| self.bytes.get(p)).copied().unwrap_or(b'\n')
    }

    fn starts_with(&self, text: &[u8]) -> bool {
        self.bytes[self.at..].starts_with(text)
    }

    /// Whether the byte at `at` ends a token: white space, a line break or the end.
    fn is_break_at(&self, at: usize) -> bool {
        self.bytes.get(at).is_none_or(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
    }

    /// Indentation of the line starting at `line_start`, in bytes (spaces).
    fn indent(&self) -> usize {
        self.bytes[self.line_start..].iter().take_while(|&&b| b == b' ').count()
    }

    fn line_is_blank(&self) -> bool {
        self.bytes[self.line_start..].iter().take_while(|&&b| b != b'\n').all(|b| matches!(b, b' ' | b'\t' | b'\r'))
    }

    /// Whether the line at `line_start` continues a plain scalar whose continuation lines must
    /// be indented past `parent` (never, when the scalar has no parent: then it is a key).
    fn continues_plain(&self, parent: Option<usize>) -> bool {
        let Some(parent) = parent else { return false };
        let indent = self.indent();
        let first = self.bytes.get(self.line_start + indent).copied();
        !self.line_is_blank() && indent > parent && first != Some(b'#')
    }

    /// Characters of the token at `at`, up to white space or a flow indicator.
    fn token_width(&self) -> usize {
        let end = self.bytes[self.at..]
            .iter()
            .position(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b',' | b'[' | b']' | b'{' | b'}'))
            .map_or(self.bytes.len(), |p| self.at + p);
        String::from_utf8_lossy(&self.bytes[self.at..end]).chars().count()
    }

    fn skip_token(&mut self) {
        while self.bytes.get(self.at).is_some_and(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n')) {
            self.at += 1;
        }
    }

    fn skip_line(&mut self) {
        while self.bytes.get(self.at).is_some_and(|&b| b != b'\n') {
            self.at += 1;
        }
    }

    /// Skips a quoted scalar, which may span lines: `''` escapes a single quote, `\` escapes in
    /// double quotes.
    fn skip_quoted(&mut self, quote: u8) {
        self.at += 1;
        while let Some(&byte) = self.bytes.get(self.at) {
            self.at += 1;
            match byte {
                b'\\' if quote == b'"' => self.at += 1,
                b'\'' if quote == b'\'' && self.bytes.get(self.at) == Some(&b'\'') => self.at += 1,
                b'\n' => self.line_start = self.at,
                _ if byte == quote => return,
                _ => {}
            }
        }
    }

    /// Skips the header of a block scalar and its lines: those blank or indented past `parent`.
    /// Leaves `at` on the line break before the first line that is not part of it.
    fn skip_block_scalar(&mut self, parent: Option<usize>) {
        let parent = parent.unwrap_or(0);
        self.skip_line();
        while self.at < self.bytes.len() {
            let next = self.at + 1;
            let rest = &self.bytes[next..];
            let indent = rest.iter().take_while(|&&b| b == b' ').count();
            let blank = rest.iter().take_while(|&&b| b != b'\n').all(|b| matches!(b, b' ' | b'\t' | b'\r'));
            if !blank && indent <= parent {
                return;
            }
            self.at = next;
            self.line_start = next;
            self.skip_line();
        }
    }
}

fn to_diagnostic(path: &str, source: &str, line_offset: usize, error: &serde_yaml_ng::Error) -> Diagnostic {
    let raw = error.to_string();
    // The library appends " at line L column C" to its message; the position is shown apart.
    let message = match raw.find(" at line ") {
        Some(cut) => raw[..cut].to_owned(),
        None => raw.clone(),
    };
    let hint = hint_for(&message);
    let diagnostic = match error.location() {
        Some(location) => {
            let line = location.line();
            let full_source_line = line_offset + line;
            let mut d = Diagnostic::at(path, source, line, location.column(), message);
            d.line = full_source_line;
            d
        }
        None => Diagnostic::file_error(path, message),
    };
    match hint {
        Some(hint) => diagnostic.with_hint(hint),
        None => diagnostic,
    }
}

/// A hint for the errors authors make most often.
fn hint_for(message: &str) -> Option<String> {
    if message.starts_with("unknown field") {
        Some("check the spelling of the key; docs/content-model.md lists every key".to_owned())
    } else if message.contains("expected a string") && message.contains("invalid type") {
        Some("write the value in quotes, e.g. number: \"1.1\"".to_owned())
    } else if message.contains("expected a sequence") {
        Some("write a list: one `- item` per line, or [a, b]".to_owned())
    } else if message.starts_with("missing field") {
        Some("add the key; docs/content-model.md says what it holds".to_owned())
    } else if message.ends_with(": expected a text") {
        Some(
            "write the text as the document has it; `~`, `null` or nothing after the colon means no value in YAML"
                .to_owned(),
        )
    } else if message.contains("unknown variant") {
        Some("use one of the values listed above".to_owned())
    } else if message.contains("recursion limit exceeded") || message.contains("repetition limit exceeded") {
        Some("the file nests or repeats aliases too deeply to be content; write it out plainly".to_owned())
    } else if [
        "did not find expected",
        "mapping values are not allowed",
        "could not find expected",
        "found character",
        "found unexpected",
    ]
    .iter()
    .any(|m| message.contains(m))
    {
        Some("YAML syntax: check indentation, quotes and brackets here and on the line before; quote a text that contains `: ` or starts with `[`, `{`, `*`, `&`".to_owned())
    } else {
        None
    }
}

/// Finds the `nth` (0-based) place where `needle` stands as a whole YAML scalar value in `source`:
/// after `key: `, after a list dash, or as an item of a flow list, quoted or not.
/// Returns the 1-based line and character column of its first character.
pub fn locate(source: &str, needle: &str, nth: usize) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    let mut seen = 0;
    for (index, line) in source.lines().enumerate() {
        let mut from = 0;
        while let Some(found) = line[from..].find(needle) {
            let start = from + found;
            let end = start + needle.len();
            if stands_alone(line, start, end) {
                if seen == nth {
                    let column = line[..start].chars().count() + 1;
                    return Some((index + 1, column));
                }
                seen += 1;
            }
            from = end;
        }
    }
    None
}

/// The places of many values at once, in one pass over `source`: for each `(needle, nth)` of
/// `requests`, what `locate(source, needle, nth)` returns. `locate` reads the file again for each
/// value, which made `check` quadratic on a file with thousands of problems.
pub fn locate_all(source: &str, requests: &[(&str, usize)]) -> Vec<Option<(usize, usize)>> {
    let mut places = vec![None; requests.len()];
    // Distinct needles, and for each the (nth, request) pairs that want it, by nth.
    let mut needles: Vec<&str> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut wanted: Vec<Vec<(usize, usize)>> = Vec::new();
    for (request, &(needle, nth)) in requests.iter().enumerate() {
        // `locate` searches line by line: a value spanning lines is never found.
        if needle.is_empty() || needle.contains('\n') {
            continue;
        }
        let id = *index.entry(needle).or_insert_with(|| {
            needles.push(needle);
            wanted.push(Vec::new());
            needles.len() - 1
        });
        wanted[id].push((nth, request));
    }
    if needles.is_empty() {
        return places;
    }
    for list in &mut wanted {
        list.sort_unstable();
    }
    let Ok(automaton) = AhoCorasick::new(&needles) else {
        // Too many needles for the automaton: one search per value, slow but right.
        return requests.iter().map(|&(needle, nth)| locate(source, needle, nth)).collect();
    };
    let lines = LineIndex::new(source);
    let mut seen = vec![0usize; needles.len()];
    let mut next_from = vec![0usize; needles.len()];
    let mut next_wanted = vec![0usize; needles.len()];
    let mut columns = ColumnCursor::default();
    let mut unsatisfied = requests.len();
    for found in automaton.find_overlapping_iter(source) {
        let id = found.pattern().as_usize();
        // Like `locate`, an occurrence starting inside the previous one is skipped.
        if next_wanted[id] >= wanted[id].len() || found.start() < next_from[id] {
            continue;
        }
        next_from[id] = found.end();
        let (number, line_start, line) = lines.line_at(source, found.start());
        let (start, end) = (found.start() - line_start, found.end() - line_start);
        if end > line.len() || !stands_alone(line, start, end) {
            continue;
        }
        let occurrence = seen[id];
        seen[id] += 1;
        while let Some(&(nth, request)) = wanted[id].get(next_wanted[id]) {
            if nth > occurrence {
                break;
            }
            if nth == occurrence {
                places[request] = Some((number, columns.column(number, line, start)));
                unsatisfied -= 1;
            }
            next_wanted[id] += 1;
        }
        if unsatisfied == 0 {
            break;
        }
    }
    places
}

/// Where each line of a text starts, to find the line of a byte offset without rereading.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(source: &str) -> Self {
        LineIndex { starts: std::iter::once(0).chain(source.match_indices('\n').map(|(i, _)| i + 1)).collect() }
    }

    /// The 1-based number, byte offset and text (without its line break, as `str::lines` gives
    /// it) of the line holding byte `offset`.
    fn line_at<'s>(&self, source: &'s str, offset: usize) -> (usize, usize, &'s str) {
        let index = self.starts.partition_point(|&start| start <= offset).saturating_sub(1);
        let start = self.starts[index];
        (index + 1, start, Self::text_from(source, start))
    }

    /// The text of 1-based line `number`, if the source has it.
    pub fn line<'s>(&self, source: &'s str, number: usize) -> Option<&'s str> {
        let start = *self.starts.get(number.checked_sub(1)?)?;
        (start < source.len() || number == 1).then(|| Self::text_from(source, start))
    }

    fn text_from(source: &str, start: usize) -> &str {
        let rest = &source[start..];
        let line = rest.split('\n').next().unwrap_or(rest);
        line.strip_suffix('\r').unwrap_or(line)
    }
}

/// Character columns of byte positions met in increasing order on a line, counted from the last
/// one instead of from the line's start: a line of 20,000 names costs one pass, not 20,000.
#[derive(Default)]
struct ColumnCursor {
    line: usize,
    byte: usize,
    chars: usize,
}

impl ColumnCursor {
    fn column(&mut self, line_number: usize, line: &str, byte: usize) -> usize {
        if line_number != self.line || byte < self.byte {
            *self = ColumnCursor { line: line_number, byte: 0, chars: 0 };
        }
        self.chars += line[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars + 1
    }
}

/// Whether `line[start..end]` is a whole scalar: what precedes it (past an opening quote) ends a
/// key, a dash or a flow separator, and what follows (past a closing quote) ends the value.
fn stands_alone(line: &str, start: usize, end: usize) -> bool {
    let before = line[..start].trim_end_matches(['"', '\'']);
    let after = line[end..].trim_start_matches(['"', '\'']);
    let before_ok = before.trim_end().is_empty()
        || before.ends_with(": ")
        || before.ends_with("- ")
        || before.ends_with('[')
        || before.ends_with(", ")
        || before.ends_with("[ ")
        || before.ends_with("{ ");
    let after_trim = after.trim_start();
    let after_ok = after_trim.is_empty()
        || after_trim.starts_with('#')
        || after.starts_with(',')
        || after.starts_with(']')
        || after_trim.starts_with(']')
        || after_trim.starts_with('}');
    before_ok && after_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Sample {
        #[expect(dead_code, reason = "only its parse errors matter here")]
        name: String,
    }

    #[test]
    fn unknown_field_has_position_and_hint() {
        let source = "name: a\nnmae: b\n";
        let Err(d) = parse::<Sample>("x.yaml", source, 0) else { panic!("must fail") };
        assert_eq!(d.place(), "x.yaml:2:1");
        assert!(d.message.starts_with("unknown field `nmae`, expected `name`"), "{}", d.message);
        assert!(d.hint.is_some());
    }

    #[test]
    fn line_offset_shifts_reported_line() {
        let Err(d) = parse::<Sample>("x.md", "name: [", 1) else { panic!("must fail") };
        assert_eq!(d.line, 2);
    }

    #[test]
    fn locate_finds_values_not_substrings() {
        let source = "text: DSP Cluj are\nresponsible:\n  - DSP\n  - \"DSP\"\nlist: [APL, DSP]\nmap: {a: DSP}\n";
        assert_eq!(locate(source, "DSP", 0), Some((3, 5)));
        assert_eq!(locate(source, "DSP", 1), Some((4, 6)));
        assert_eq!(locate(source, "DSP", 2), Some((5, 13)));
        assert_eq!(locate(source, "DSP", 3), Some((6, 10)));
        assert_eq!(locate(source, "DSP", 4), None);
    }

    #[test]
    fn locate_all_agrees_with_locate() {
        let source =
            "text: DSP Cluj are\r\nresponsible:\n  - DSP\n  - \"DSP\"\nlist: [APL, DSP, Ș, DSP]\nmap: {a: DSP}\n";
        let requests: Vec<(&str, usize)> =
            (0..7).map(|n| ("DSP", n)).chain([("APL", 0), ("Ș", 0), ("", 0), ("DSP", 1)]).collect();
        let one_by_one: Vec<_> = requests.iter().map(|&(needle, nth)| locate(source, needle, nth)).collect();
        assert_eq!(locate_all(source, &requests), one_by_one);
        assert_eq!(one_by_one[3], Some((5, 21)));
    }

    fn refusal(source: &str) -> Option<Refusal> {
        prescan(source).err()
    }

    #[test]
    fn prescan_refuses_anchors_and_aliases_where_nodes_start() {
        for (source, at) in [
            ("a: &x 1\nb: *x\n", 3),
            ("- &x a\n", 2),
            ("a: [1, *x]\n", 7),
            ("a: {b: *x}\n", 7),
            ("a: {\"b\":*x}\n", 8),
            ("a: !!str &x b\n", 9),
            ("a:\n  &x\n  b\n", 5),
            ("a: \"q\"\nb: *x\n", 10),
            ("a: |\n  *bold*\nb: *x\n", 17),
            ("a: plain\n  text\nb: *x\n", 19),
        ] {
            assert_eq!(refusal(source), Some(Refusal::Alias { at, width: 2 }), "{source:?}");
        }
    }

    #[test]
    fn prescan_accepts_ampersands_and_stars_inside_texts() {
        for source in [
            "a: A & B *nota*\n",
            "a: \"*nota* &x\"\n",
            "a: '*nota* ''&x'''\n",
            "a: Don't *x\n",
            "a: |\n  *bold* &x\n  - *y\n",
            "- >-\n  *a\n",
            "a: text # *comment &x\n# &y\n",
            "a: [\"*x\", 'y & z', v&w]\n",
            "a: one\n  two *x &y\n",
            "text: \"multi\n  *line\"\n",
            "- a: one\n    *two\n",
        ] {
            assert_eq!(refusal(source), None, "{source:?}");
        }
    }

    #[test]
    fn prescan_never_panics_on_a_cut_text() {
        // Every prefix of a text mixing the constructs the pre-scan follows: it must end with a
        // verdict, whatever is cut (an escape, a quote, a block scalar, a multi-byte letter).
        let sample =
            "a: \"x\\\\\"\n- 'Ș''t'\nb: |\n  *c\n  d\nc: [e, {f: \"g\"}, 'h']\n--- !t\n  # i\nj: k\n  l\nm: \"ț\\";
        for cut in (0..=sample.len()).filter(|&at| sample.is_char_boundary(at)) {
            let _ = prescan(&sample[..cut]);
        }
        assert_eq!(prescan(sample), Ok(()));
    }

    #[test]
    fn prescan_refuses_deep_flow_nesting_only() {
        let deep = format!("a: {}", "[".repeat(100_000));
        assert_eq!(refusal(&deep), Some(Refusal::TooDeep { at: 3 + MAX_FLOW_DEPTH }));
        let closed = format!("a: {}{}\n", "[".repeat(MAX_FLOW_DEPTH), "]".repeat(MAX_FLOW_DEPTH));
        assert_eq!(refusal(&closed), None);
        assert_eq!(refusal(&format!("a: \"{}\"\nb: x [[[[ {}\n", "[".repeat(100), "{".repeat(100))), None);
    }
}
