//! A source page (`surse/<name>/`): the text a plan or document was transcribed from, every line
//! numbered and an anchor, so that a note's "rândul 51" is one click from the line itself. Also
//! the links notes make to those lines.

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

/// Every note of the site, with the source file it refers to.
fn all_notes(site: &Site) -> impl Iterator<Item = (&str, &Note)> {
    let plans = site.plans.iter().flat_map(|p| plan_notes(p).map(move |n| (p.source.as_str(), n)));
    let documents = site.documents.iter().flat_map(|d| d.notes.iter().map(move |n| (d.source.as_str(), n)));
    plans.chain(documents)
}

/// The lines every objective and activity of the site's plans were transcribed from, with
/// their source file.
fn all_items(site: &Site) -> impl Iterator<Item = (&str, LineSpan)> {
    site.plans.iter().flat_map(|p| {
        p.goals_in_order().into_iter().flat_map(move |g| {
            g.goal.objectives.iter().flat_map(move |o| {
                let activities = o.activities.iter().filter_map(|a| a.source_lines);
                o.source_lines.into_iter().chain(activities).map(move |s| (p.source.as_str(), s))
            })
        })
    })
}

/// Every note of a plan, at any level.
fn plan_notes(plan: &Plan) -> impl Iterator<Item = &Note> {
    fn section<'p>(s: &'p Section, out: &mut Vec<&'p Note>) {
        out.extend(&s.notes);
        s.goals.iter().for_each(|g| goal(g, out));
        s.sections.iter().for_each(|s| section(s, out));
    }
    fn goal<'p>(g: &'p Goal, out: &mut Vec<&'p Note>) {
        out.extend(&g.notes);
        for o in &g.objectives {
            out.extend(&o.notes);
            o.activities.iter().for_each(|a| out.extend(&a.notes));
        }
    }
    let mut out: Vec<&Note> = plan.notes.iter().collect();
    plan.goals.iter().for_each(|g| goal(g, &mut out));
    plan.sections.iter().for_each(|s| section(s, &mut out));
    out.into_iter()
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
        let notes = all_notes(self.site).flat_map(|(source, note)| note.lines.iter().map(move |s| (source, *s)));
        let mut ranges: Vec<(usize, String)> = notes
            .chain(all_items(self.site))
            .filter(|(source, s)| *source == name && s.to > s.from)
            .map(|(_, s)| (s.from, urls::lines_anchor(s.from, s.to)))
            .collect();
        ranges.sort();
        ranges.dedup();
        let lines = text
            .lines()
            .enumerate()
            .map(|(i, text)| SourceLine {
                number: i + 1,
                id: urls::line_anchor(i + 1),
                ranges: ranges.iter().filter(|(from, _)| *from == i + 1).map(|(_, id)| id.clone()).collect(),
                cells: text.split('\t').collect(),
            })
            .collect();
        SourcePage { publications: self.publications_of(name), raw: self.link(name, &urls::source(name)), lines }
    }
}
