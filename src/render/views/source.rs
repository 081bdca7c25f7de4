//! A source page (`surse/<name>/`): the text a plan or document was transcribed from, every line
//! numbered and an anchor, so that a note's "rândul 51" is one click from the line itself. Also
//! the links notes make to those lines.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Link, Views};
use crate::model::*;
use crate::urls;

/// `source.html`: a source text, line by line.
#[derive(Serialize)]
pub struct SourcePage<'a> {
    /// The plans and documents it is the published text of, each linked to its page.
    pub publications: Vec<Link<'a>>,
    /// The raw file: its name and its download link.
    pub raw: Link<'a>,
    /// Every line, in order.
    pub lines: Vec<SourceLine<'a>>,
}

/// One line of a source text.
#[derive(Serialize)]
pub struct SourceLine<'a> {
    /// Its number, from 1.
    pub number: usize,
    /// Its element id: `L51`.
    pub id: String,
    /// The ids of the ranges the site links (notes, "vezi în sursă") that start at this line
    /// (`L32-L34`), so that a link to a range lands on its first line even without JavaScript.
    pub ranges: Vec<String>,
    /// Its text, as published, cut at its tabs: the cells of the table row it holds. The page
    /// marks the boundaries, which HTML would otherwise show as one space.
    pub cells: Vec<&'a str>,
}

/// A link from a note to lines of its source: "rândul 51", "rândurile 32–34".
#[derive(Serialize)]
pub struct LineLink {
    /// The link's text.
    pub text: String,
    /// The source page's anchor of the lines.
    pub url: String,
}

/// What a note's link to `span` says.
pub fn line_label(span: LineSpan) -> String {
    if span.from == span.to {
        format!("rândul {}", span.from)
    } else {
        format!("rândurile {}–{}", span.from, span.to)
    }
}

/// The ranges of more than one line that the site links on the page of source file `name` (from
/// the notes and the "vezi în sursă" links of the publications transcribed from it), by their
/// first line. Only those publications are walked, so that all source pages together cost one
/// pass over the content.
fn linked_ranges(site: &Site, name: &str) -> BTreeMap<usize, Vec<String>> {
    let plans = site.plans.iter().filter(|p| p.source == name);
    let plan_notes = plans.clone().flat_map(|p| p.notes_on_items()).flat_map(|n| &n.note.lines);
    let documents = site.documents.iter().filter(|d| d.source == name);
    let notes = plan_notes.chain(documents.clone().flat_map(|d| &d.notes).flat_map(|n| &n.lines)).copied();
    let plan_items = plans.flat_map(|p| {
        let goals = p.goals_in_order().into_iter().filter_map(|g| g.goal.source_lines);
        goals.chain(
            p.objectives()
                .flat_map(|o| o.source_lines.into_iter().chain(o.activities.iter().filter_map(|a| a.source_lines))),
        )
    });
    let passages = documents.flat_map(|d| {
        let tagged = d.vulnerable_groups.iter().chain(&d.proposals).filter_map(|i| i.source_lines);
        d.passages.iter().flatten().copied().chain(tagged)
    });
    let items = plan_items.chain(passages);
    let mut ranges: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for span in notes.chain(items).filter(|s| s.to > s.from) {
        let id = urls::lines_anchor(span.from, span.to);
        let at = ranges.entry(span.from).or_default();
        if !at.contains(&id) {
            at.push(id);
        }
    }
    ranges.values_mut().for_each(|ids| ids.sort());
    ranges
}

impl<'a> Views<'a> {
    /// The links of a note's lines, on the page of source file `source`.
    pub(super) fn line_links(&self, source: &str, spans: &[LineSpan]) -> Vec<LineLink> {
        spans.iter().map(|s| self.line_link(source, *s)).collect()
    }

    /// The link to lines `span` of source file `source`.
    pub(super) fn line_link(&self, source: &str, span: LineSpan) -> LineLink {
        LineLink { text: line_label(span), url: self.url(&urls::source_lines(source, span.from, span.to)) }
    }

    /// The plans and documents whose published text is source file `name`, linked.
    pub fn publications_of(&self, name: &str) -> Vec<Link<'a>> {
        let site = self.site;
        let plans = site.plans.iter().filter(|p| p.source == name).map(|p| self.link(&p.title, &urls::plan(&p.id)));
        let documents =
            site.documents.iter().filter(|d| d.source == name).map(|d| self.link(&d.title, &urls::document(&d.id)));
        plans.chain(documents).collect()
    }

    /// The page of source file `name`, whose text is `text`.
    pub fn source(&self, name: &'a str, text: &'a str) -> SourcePage<'a> {
        let mut ranges = linked_ranges(self.site, name);
        let lines = text
            .lines()
            .enumerate()
            .map(|(i, text)| SourceLine {
                number: i + 1,
                id: urls::line_anchor(i + 1),
                ranges: ranges.remove(&(i + 1)).unwrap_or_default(),
                cells: text.split('\t').collect(),
            })
            .collect();
        SourcePage { publications: self.publications_of(name), raw: self.link(name, &urls::source(name)), lines }
    }
}
