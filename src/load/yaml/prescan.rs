//! A pass over the YAML text before the YAML library sees it: refuses anchors and aliases and
//! flow collections nested too deep, at their place.

use crate::diagnostics::Diagnostic;
use crate::messages::Message;

/// Flow collections (`[…]`, `{…}`) nested deeper than this are refused before parsing. Content
/// nests two or three levels; the YAML scanner slows down quadratically with unclosed brackets.
pub const MAX_FLOW_DEPTH: usize = 64;

/// What the pre-scan refuses, at a byte offset of the source.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Refusal {
    /// An anchor (`&name`) or alias (`*name`) of `width` characters.
    Alias { at: usize, width: usize },
    /// The bracket that opens one level more than `MAX_FLOW_DEPTH`.
    TooDeep { at: usize },
}

impl Refusal {
    pub(super) fn into_diagnostic(self, path: &str, source: &str, line_offset: usize) -> Diagnostic {
        let (at, width, message, hint) = match self {
            Refusal::Alias { at, width } => (at, width, Message::AliasesRefused, Message::AliasesRefusedHint),
            Refusal::TooDeep { at } => {
                (at, 1, Message::NestedTooDeep { depth: MAX_FLOW_DEPTH }, Message::NestedTooDeepHint)
            }
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
pub(super) fn prescan(source: &str) -> Result<(), Refusal> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
