//! Where each value of a YAML file stands, for problems found after parsing (an unknown
//! institution, an impossible date): the place of a value is asked for by its path
//! (`goals[1].objectives[0].text`, `[3].slug`, `activities[2].responsible[1]`) and read from the
//! events of a span-reporting parser, saphyr-parser (this file only). serde_yaml_ng, which builds
//! the raw structs, reports no spans; searching the text for a value found the wrong one when two
//! fields held the same text.
//!
//! Paths: keys joined with `.`, list items as `[i]` (0-based), the root as the empty path; a
//! content key is never quoted or dotted (the raw structs deny unknown keys).

use std::collections::HashMap;
use std::fmt::Write as _;

use saphyr_parser::{Event, Parser, ScalarStyle, Span};

/// A place in a file: 1-based line, 1-based column in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, in characters.
    pub column: usize,
}

/// What a request of `locate` points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// The value at the path: its first character, past an opening quote.
    Value,
    /// The key that names the value at the path (`wordings` of `goals[0].wordings`).
    Key,
}

/// The places of the requested paths in the first YAML document of `source`, in one pass over its
/// events: for each `(path, target)` of `requests`, its place, or `None` where the file has no
/// such path (the caller then reports at the whole file). Lines count from the start of
/// `source`: for a Markdown document with front matter, that is the whole file, `---` included.
pub fn locate(source: &str, requests: &[(&str, Target)]) -> Vec<Option<Place>> {
    let mut places = vec![None; requests.len()];
    if requests.is_empty() {
        return places;
    }
    // Per target, the requests of each path.
    let mut wanted: [HashMap<&str, Vec<usize>>; 2] = Default::default();
    for (index, &(path, target)) in requests.iter().enumerate() {
        wanted[target as usize].entry(path).or_default().push(index);
    }
    let mut left = requests.len();
    let mut walk = Walk { path: String::new(), frames: Vec::new() };
    let mut documents = 0;
    for event in Parser::new_from_str(source) {
        // A parse error past what serde_yaml_ng accepted: the places not found yet stay unknown.
        let Ok((event, span)) = event else { break };
        let (node, quoted) = match &event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    break;
                }
                continue;
            }
            Event::DocumentEnd | Event::StreamEnd => break,
            Event::Scalar(text, style, ..) => {
                (Node::Scalar(text), matches!(style, ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted))
            }
            Event::SequenceStart(..) => (Node::Sequence, false),
            Event::MappingStart(..) => (Node::Mapping, false),
            Event::SequenceEnd | Event::MappingEnd => {
                walk.frames.pop();
                continue;
            }
            _ => continue,
        };
        let target = walk.enter(node);
        if let Some(indices) = wanted[target as usize].remove(walk.path.as_str()) {
            let place = place_of(span, quoted);
            left -= indices.len();
            for index in indices {
                places[index] = Some(place);
            }
            if left == 0 {
                break;
            }
        }
    }
    places
}

/// A node event, as the walk needs it.
enum Node<'t> {
    Scalar(&'t str),
    Sequence,
    Mapping,
}

/// The path of the current node, kept in one buffer cut back to each collection's own path.
struct Walk {
    path: String,
    frames: Vec<Frame>,
}

/// An open collection: the length of its path in the buffer, and where it stands.
enum Frame {
    Sequence { base: usize, next: usize },
    Mapping { base: usize, key_next: bool },
}

impl Walk {
    /// Sets `path` to the node that starts, and says whether it is a key or a value.
    fn enter(&mut self, node: Node<'_>) -> Target {
        let target = match self.frames.last_mut() {
            None => {
                self.path.clear();
                Target::Value
            }
            Some(Frame::Sequence { base, next }) => {
                self.path.truncate(*base);
                let _ = write!(self.path, "[{next}]");
                *next += 1;
                Target::Value
            }
            Some(Frame::Mapping { base, key_next }) => {
                if *key_next {
                    self.path.truncate(*base);
                    if *base > 0 {
                        self.path.push('.');
                    }
                    // A key that is itself a list or a map names nothing content has.
                    self.path.push_str(match node {
                        Node::Scalar(key) => key,
                        _ => "?",
                    });
                }
                *key_next = !*key_next;
                if *key_next { Target::Value } else { Target::Key }
            }
        };
        let base = self.path.len();
        match node {
            Node::Scalar(_) => {}
            Node::Sequence => self.frames.push(Frame::Sequence { base, next: 0 }),
            Node::Mapping => self.frames.push(Frame::Mapping { base, key_next: true }),
        }
        target
    }
}

fn place_of(span: Span, quoted: bool) -> Place {
    // The parser counts columns from 0 and starts a quoted scalar at its quote.
    Place { line: span.start.line(), column: span.start.col() + 1 + usize::from(quoted) }
}

/// Where each line of a text starts, to find the text of a line without rereading the file.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the lines of `source`.
    pub fn new(source: &str) -> Self {
        LineIndex { starts: std::iter::once(0).chain(source.match_indices('\n').map(|(i, _)| i + 1)).collect() }
    }

    /// The text of 1-based line `number` without its line break (as `str::lines` gives it), if
    /// the source has it.
    pub fn line<'s>(&self, source: &'s str, number: usize) -> Option<&'s str> {
        let start = *self.starts.get(number.checked_sub(1)?)?;
        (start < source.len() || number == 1).then(|| {
            let rest = &source[start..];
            let line = rest.split('\n').next().unwrap_or(rest);
            line.strip_suffix('\r').unwrap_or(line)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(source: &str, path: &str, target: Target) -> Option<(usize, usize)> {
        locate(source, &[(path, target)])[0].map(|p| (p.line, p.column))
    }

    #[test]
    fn values_are_found_by_path_not_by_text() {
        let source = "text: DSP\nresponsible:\n  - DSP\n  - \"DSP\"\nlist: [APL, 'DSP']\nmap: {a: DSP}\n";
        assert_eq!(one(source, "text", Target::Value), Some((1, 7)));
        assert_eq!(one(source, "responsible[0]", Target::Value), Some((3, 5)));
        assert_eq!(one(source, "responsible[1]", Target::Value), Some((4, 6)));
        assert_eq!(one(source, "list[1]", Target::Value), Some((5, 14)));
        assert_eq!(one(source, "map.a", Target::Value), Some((6, 10)));
        assert_eq!(one(source, "map.a", Target::Key), Some((6, 7)));
        assert_eq!(one(source, "responsible[2]", Target::Value), None);
    }

    #[test]
    fn nested_items_and_root_lists_have_paths() {
        let source = "- id: a\n  goals:\n    - text: x\n      objectives:\n        - {text: x}\n- id: b\n";
        assert_eq!(one(source, "[0].goals[0].objectives[0].text", Target::Value), Some((5, 18)));
        assert_eq!(one(source, "[0].goals[0].text", Target::Value), Some((3, 13)));
        assert_eq!(one(source, "[1].id", Target::Value), Some((6, 7)));
        assert_eq!(one(source, "[1]", Target::Value), Some((6, 3)));
    }

    #[test]
    fn front_matter_lines_count_from_the_file_start_and_the_body_is_not_read() {
        let source = "---\ntitle: T\ndate: x\n---\n*bold* and *alias: [\n";
        let places = locate(source, &[("date", Target::Value), ("title", Target::Key)]);
        assert_eq!(places, [Some(Place { line: 3, column: 7 }), Some(Place { line: 2, column: 1 })]);
    }

    #[test]
    fn line_index_gives_lines_without_breaks() {
        let source = "a\r\nb\n";
        let lines = LineIndex::new(source);
        assert_eq!(lines.line(source, 1), Some("a"));
        assert_eq!(lines.line(source, 2), Some("b"));
        assert_eq!(lines.line(source, 3), None);
    }
}
