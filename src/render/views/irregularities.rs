//! The irregularities pages: `/nereguli/`, every note of every publication grouped by
//! publication, and `/nereguli/<kind>/`, the same list kept to one kind (filtering without
//! JavaScript). Both open with the counts of every kind, overall and per publication.

use serde::Serialize;

use super::{CountyLink, LineLink, PUBLICATIONS_PER_PAGE, Views, page_items};
use crate::model::{NoteOn, PublicationNotes};
use crate::urls;
use crate::vocabulary::NoteKind;

/// `irregularities.html`: every note, or every note of one kind.
#[derive(Serialize)]
pub struct IrregularitiesPage<'a> {
    /// The kind the page is kept to, if any (`/nereguli/<kind>/`).
    pub kind: Option<KindCount>,
    /// The page listing every kind.
    pub all_url: String,
    /// The CSV of every note.
    pub csv_url: String,
    /// How many notes the portal has, of every kind.
    pub total: usize,
    /// Every kind of the controlled vocabulary, with its counts.
    pub kinds: Vec<KindCount>,
    /// The publications on this page (`PUBLICATIONS_PER_PAGE` at most), with their notes (of
    /// the page's kind) and their counts.
    pub publications: Vec<PublicationIrregularities<'a>>,
    /// How many publications the portal has, on every page.
    pub publication_total: usize,
    /// Where this page stands in the listing; none when every publication fits on one page.
    pub pagination: Option<super::Pagination>,
}

/// A kind of note with how many there are.
#[derive(Serialize, Clone)]
pub struct KindCount {
    /// Its code: `greseala-de-redactare`.
    pub code: &'static str,
    /// Its Romanian name.
    pub label: &'static str,
    /// Its own page (`/nereguli/<kind>/`).
    pub url: String,
    /// How many notes of this kind: in every publication on `kinds`, in one publication on
    /// its `counts`.
    pub total: usize,
}

/// One publication on the irregularities page.
#[derive(Serialize)]
pub struct PublicationIrregularities<'a> {
    /// Its section's element id (`nereguli-<id>`).
    pub anchor: String,
    /// Its title, as published.
    pub title: &'a str,
    /// Its page.
    pub url: String,
    /// Its county.
    pub county: CountyLink<'a>,
    /// How many notes it has, of every kind.
    pub total: usize,
    /// The kinds it has notes of, each with its count and its `url` the kind's page at this
    /// publication's section.
    pub counts: Vec<KindCount>,
    /// Its notes shown on this page (of the page's kind, if any), in document order.
    pub notes: Vec<IrregularityView<'a>>,
}

/// One note on the irregularities page.
#[derive(Serialize)]
pub struct IrregularityView<'a> {
    /// The kind's code.
    pub kind: &'static str,
    /// The kind's Romanian name.
    pub label: &'static str,
    /// The note.
    pub text: &'a str,
    /// The item it is about ("Activitate 1.1.1"), linked; `None` for the whole publication.
    pub item: Option<ItemRef<'a>>,
    /// The field it is about, in Romanian ("responsabili"), if the note names one.
    pub field: Option<&'a str>,
    /// Links to the lines of the source text it is about.
    pub lines: Vec<LineLink>,
}

/// The item a note is about, linked to its place on its publication's page.
#[derive(Serialize)]
pub struct ItemRef<'a> {
    /// What the publication calls it and its number: "Activitate 1.1.1".
    pub name: String,
    /// Its text as printed (a heading's title), for the reader to recognise it.
    pub text: &'a str,
    /// Its place on its publication's page.
    pub url: String,
}

/// What a reader calls the field a note names (`responsible` → "responsabili"); a field not
/// listed here is shown as the content names it.
fn field_name(field: &str) -> &str {
    match field {
        "text" => "text",
        "list_text" => "formularea din lista obiectivelor",
        "number" => "număr",
        "title" => "titlu",
        "indicators" => "indicatori",
        "period" => "termen",
        "evaluation" => "termen de evaluare",
        "responsible" => "responsabili",
        "partners" => "parteneri",
        "funding" => "surse de finanțare",
        "participants" => "participanți",
        "proposals" => "propuneri",
        "vulnerable_groups" => "grupuri vulnerabile",
        other => other,
    }
}

impl<'a> Views<'a> {
    /// Page `n` (from 1) of the irregularities page, kept to `kind` if given.
    pub fn irregularities(&self, kind: Option<NoteKind>, n: usize) -> IrregularitiesPage<'a> {
        let publications = self.site.notes_by_publication();
        let every: Vec<&NoteOn<'_>> = publications.iter().flat_map(|p| &p.notes).collect();
        let kinds: Vec<KindCount> = NoteKind::ALL.iter().map(|k| self.kind_count(*k, &every, 1, "")).collect();
        let publication_total = publications.len();
        let base = kind.map_or_else(urls::irregularities, |k| urls::irregularities_of_kind(k.code()));
        let range = page_items(publication_total, PUBLICATIONS_PER_PAGE, n);
        IrregularitiesPage {
            publication_total,
            pagination: self.pagination(&base, n, publication_total, PUBLICATIONS_PER_PAGE),
            kind: kind.and_then(|k| kinds.iter().find(|c| c.code == k.code()).cloned()),
            all_url: self.url(&urls::irregularities()),
            csv_url: self.url(&urls::irregularities_csv()),
            total: publications.iter().map(|p| p.notes.len()).sum(),
            kinds,
            publications: publications[range].iter().map(|p| self.publication_irregularities(p, kind, n)).collect(),
        }
    }

    /// How many of `notes` are of `kind`; the address of page `n` of its listing, at `fragment`
    /// if not empty.
    fn kind_count(&self, kind: NoteKind, notes: &[&NoteOn<'_>], n: usize, fragment: &str) -> KindCount {
        let page = urls::listing_page(&urls::irregularities_of_kind(kind.code()), n);
        let path = if fragment.is_empty() { page } else { format!("{page}#{fragment}") };
        KindCount {
            code: kind.code(),
            label: kind.label(),
            url: self.url(&path),
            total: notes.iter().filter(|n| n.note.kind == kind).count(),
        }
    }

    fn publication_irregularities(
        &self,
        publication: &PublicationNotes<'a>,
        kind: Option<NoteKind>,
        n: usize,
    ) -> PublicationIrregularities<'a> {
        let shown = publication.notes.iter().filter(|n| kind.is_none_or(|k| n.note.kind == k));
        let anchor = urls::irregularities_anchor(publication.id);
        let notes: Vec<&NoteOn<'_>> = publication.notes.iter().collect();
        let counts =
            NoteKind::ALL.iter().map(|k| self.kind_count(*k, &notes, n, &anchor)).filter(|c| c.total > 0).collect();
        PublicationIrregularities {
            counts,
            anchor,
            title: publication.title,
            url: self.url(&publication.page),
            county: self.county_link(publication.county),
            total: publication.notes.len(),
            notes: shown.map(|n| self.irregularity(publication, n)).collect(),
        }
    }

    /// The address of a publication's section on the irregularities page: the page of the
    /// listing it falls on (plans first, then documents, as `Site::notes_by_publication`).
    pub fn irregularities_section(&self, publication_id: &str) -> String {
        let site = self.site;
        let position = site
            .plans
            .iter()
            .map(|p| p.id.as_str())
            .chain(site.documents.iter().map(|d| d.id.as_str()))
            .position(|id| id == publication_id)
            .unwrap_or(0);
        let page = urls::listing_page(&urls::irregularities(), position / PUBLICATIONS_PER_PAGE + 1);
        self.url(&format!("{page}#{}", urls::irregularities_anchor(publication_id)))
    }

    fn irregularity(&self, publication: &PublicationNotes<'a>, on: &NoteOn<'a>) -> IrregularityView<'a> {
        let item = on.anchor.map(|_| ItemRef {
            name: match on.number {
                Some(n) => format!("{} {n}", on.level),
                None => on.level.to_owned(),
            },
            text: on.text,
            url: self.url(&publication.item_path(on)),
        });
        IrregularityView {
            kind: on.note.kind.code(),
            label: on.note.kind.label(),
            text: &on.note.text,
            item,
            field: on.note.field.as_deref().map(field_name),
            lines: self.line_links(publication.source, &on.note.lines),
        }
    }
}
