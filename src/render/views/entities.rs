//! The pages of one county, theme or document.

use serde::Serialize;

use super::source::LineLink;
use super::{
    Actor, CorrectionView, CountyLink, DocumentSummary, Link, NoteView, OBJECTIVES_PER_PAGE, ObjectiveView, Pagination,
    PlanSummary, ProvenanceView, Views, page_items,
};
use crate::markdown::{self, PassageLink};
use crate::model::*;
use crate::urls;

/// A county as its own page names it.
#[derive(Serialize)]
pub struct CountyView<'a> {
    /// Its name.
    pub name: &'a str,
    /// Its slug.
    pub slug: &'a str,
    /// Its two-letter code.
    pub code: &'a str,
    /// `judet` or `municipiu`.
    pub kind: &'a str,
}

/// `county.html`: what a county published, the institutions and themes of its publications.
#[derive(Serialize)]
pub struct CountyPage<'a> {
    /// The CSV of all its plans' activities (none when it has no plan).
    pub downloads: Vec<Link<'a>>,
    /// The county.
    pub county: CountyView<'a>,
    /// Its plans.
    pub plans: Vec<PlanSummary<'a>>,
    /// Its documents.
    pub documents: Vec<DocumentSummary<'a>>,
    /// The institutions its publications name, in Romanian alphabetical order.
    pub institutions: Vec<Link<'a>>,
    /// The themes of its publications, in Romanian alphabetical order, each linking to the
    /// county's own page of that theme (`urls::county_theme`).
    pub themes: Vec<Link<'a>>,
    /// The implementation status of its plans' activities.
    pub progress: super::CountyProgress,
    /// Its localities that have a page, in Romanian alphabetical order.
    pub localities: Vec<Link<'a>>,
    /// The index of localities, at this county.
    pub localities_index: String,
}

/// A theme as its page names it.
#[derive(Serialize)]
pub struct ThemeView<'a> {
    /// Its id, as in its address.
    pub id: &'a str,
    /// Its name.
    pub name: &'a str,
    /// Its description, if any.
    pub description: Option<&'a str>,
}

/// An objective carrying a theme, with its plan.
#[derive(Serialize)]
pub struct ThemeObjective<'a> {
    /// The plan.
    pub plan: PlanSummary<'a>,
    /// The objective, with its activities.
    pub objective: ObjectiveView<'a>,
}

/// A document item carrying a theme.
#[derive(Serialize)]
pub struct ThemeItem<'a> {
    /// The document.
    pub document: DocumentSummary<'a>,
    /// The item's text.
    pub text: &'a str,
}

/// What one county has under a theme.
#[derive(Serialize)]
pub struct ThemeCounty<'a> {
    /// The county.
    pub county: CountyLink<'a>,
    /// Its objectives carrying the theme.
    pub objectives: Vec<ThemeObjective<'a>>,
    /// Its document items carrying the theme.
    pub items: Vec<ThemeItem<'a>>,
}

/// `theme.html`: per county, the objectives and document items tagged with a theme; on a
/// county's page of a theme (`judete/<county>/teme/<theme>/`), that county only.
#[derive(Serialize)]
pub struct ThemePage<'a> {
    /// The theme.
    pub theme: ThemeView<'a>,
    /// The counties with anything tagged with it, in Romanian alphabetical order; one on a
    /// county's page of the theme.
    pub counties: Vec<ThemeCounty<'a>>,
    /// On a county's page of the theme: the county (`None` on the national theme page).
    pub county: Option<CountyLink<'a>>,
    /// The national page of the theme, every county side by side.
    pub national_url: String,
    /// Where this page stands among the pages of the national theme page; none when one page
    /// holds it (and on a county's page of the theme).
    pub pagination: Option<Pagination>,
}

/// An item of a document (a vulnerable group, a proposal) and its themes.
#[derive(Serialize)]
pub struct TaggedView<'a> {
    /// The item's text.
    pub text: &'a str,
    /// Its themes.
    pub themes: Vec<Link<'a>>,
    /// The lines of the source text it stands on ("vezi în sursă"), if found.
    pub source: Option<LineLink>,
}

/// `document.html`: one document.
#[derive(Serialize)]
pub struct DocumentPage<'a> {
    /// The document as lists show it.
    pub document: DocumentSummary<'a>,
    /// Its section on the irregularities page, where its notes stand with every other's.
    pub irregularities_url: String,
    /// Its registration number, as printed.
    pub registration: Option<&'a str>,
    /// The institution that organised the meeting, if any.
    pub organiser: Option<Actor<'a>>,
    /// The institutions taking part.
    pub participants: Vec<Actor<'a>>,
    /// Who drew it up, as printed.
    pub drawn_up_by: &'a [String],
    /// Its themes.
    pub themes: Vec<Link<'a>>,
    /// The vulnerable groups it names.
    pub vulnerable_groups: Vec<TaggedView<'a>>,
    /// Its proposals.
    pub proposals: Vec<TaggedView<'a>>,
    /// Editorial notes.
    pub notes: Vec<NoteView<'a>>,
    /// The source text it was transcribed from: the raw file.
    pub source: Link<'a>,
    /// The page of the source text, its lines numbered.
    pub source_page: String,
    /// Where the published file was retrieved from.
    pub provenance: ProvenanceView<'a>,
    /// The portal's corrections of its transcription.
    pub corrections: Vec<CorrectionView<'a>>,
    /// Its body, as sanitised HTML.
    pub body: String,
    /// The plan it reports on, when it is a monitoring or activity report, with the number of
    /// activity statuses it states.
    pub reports_on: Option<(Link<'a>, usize)>,
}

impl<'a> Views<'a> {
    /// A county's page.
    pub fn county(&self, id: CountyId) -> CountyPage<'a> {
        let (site, index) = (self.site, self.index);
        let county = site.county(id);
        let themes = self
            .county_themes(id)
            .into_iter()
            .map(|t| &site.themes[t.0])
            .map(|theme| self.link(&theme.name, &urls::county_theme(&county.slug, &theme.id)))
            .collect();
        let mut downloads = Vec::new();
        if !index.plans_by_county[id.0].is_empty() {
            downloads
                .push(self.link("CSV: activitățile tuturor planurilor județului", &urls::county_csv(&county.slug)));
            downloads.push(self.link(
                "XLSX (Excel): activitățile tuturor planurilor județului",
                &urls::xlsx_of(&urls::county_csv(&county.slug)),
            ));
        }
        CountyPage {
            downloads,
            county: CountyView { name: &county.name, slug: &county.slug, code: &county.code, kind: &county.kind },
            plans: self.by_title(&index.plans_by_county[id.0], |p| &site.plans[p.0].title, |p| self.plan_summary(p)),
            documents: self.by_title(
                &index.documents_by_county[id.0],
                |d| &site.documents[d.0].title,
                |d| self.document_summary(d),
            ),
            institutions: index.institutions_by_county[id.0].iter().map(|i| self.institution_link(*i)).collect(),
            themes,
            progress: self.county_progress(id),
            localities: self.locality_links(&index.localities_by_county[id.0]),
            localities_index: self.url(&urls::localities_of(&county.slug)),
        }
    }

    /// The themes `county`'s publications carry, in Romanian alphabetical order: the county's
    /// pages of a theme.
    pub fn county_themes(&self, county: CountyId) -> Vec<ThemeId> {
        let (site, index) = (self.site, self.index);
        let carries = |t: &ThemeId| {
            index.theme_objectives[t.0].iter().any(|(p, _)| site.plans[p.0].county == county)
                || index.theme_document_items[t.0].iter().any(|(d, _)| site.documents[d.0].county == county)
        };
        index.themes_by_name.iter().copied().filter(carries).collect()
    }

    /// `ids` as views, in Romanian alphabetical order of the titles `title` gives.
    pub(super) fn by_title<I: Copy, V>(
        &self,
        ids: &[I],
        title: impl Fn(I) -> &'a str,
        view: impl Fn(I) -> V,
    ) -> Vec<V> {
        let mut ids = ids.to_vec();
        ids.sort_by_cached_key(|i| crate::text::collate_key(title(*i)));
        ids.into_iter().map(view).collect()
    }

    /// Page `n` (from 1) of a theme page: per county, in Romanian alphabetical order, the
    /// objectives and document items tagged with it, `OBJECTIVES_PER_PAGE` at a time.
    pub fn theme(&self, id: ThemeId, n: usize) -> ThemePage<'a> {
        let total = self.theme_entry_count(id);
        let range = page_items(total, OBJECTIVES_PER_PAGE, n);
        let (mut start, mut counties) = (0, Vec::new());
        for c in &self.index.counties_by_name {
            let count = self.theme_county_count(id, *c);
            // The part of the page's range that falls on this county's entries.
            let from = range.start.max(start) - start;
            let to = range.end.min(start + count).saturating_sub(start);
            if from < to {
                counties.extend(self.theme_county(id, *c, from..to));
            }
            start += count;
        }
        let mut page = self.theme_page(id, counties, None);
        page.pagination = self.pagination(&urls::theme(&self.site.themes[id.0].id), n, total, OBJECTIVES_PER_PAGE);
        page
    }

    /// How many objectives and document items a theme's page lists, over all its pages.
    pub fn theme_entry_count(&self, id: ThemeId) -> usize {
        self.index.theme_objectives[id.0].len() + self.index.theme_document_items[id.0].len()
    }

    /// How many objectives and document items of county `c` carry theme `id`.
    fn theme_county_count(&self, id: ThemeId, c: CountyId) -> usize {
        let (site, index) = (self.site, self.index);
        index.theme_objectives[id.0].iter().filter(|(p, _)| site.plans[p.0].county == c).count()
            + index.theme_document_items[id.0].iter().filter(|(d, _)| site.documents[d.0].county == c).count()
    }

    /// A county's page of a theme: that county's objectives and document items tagged with it.
    pub fn county_theme(&self, county: CountyId, id: ThemeId) -> ThemePage<'a> {
        let counties = self.theme_county(id, county, 0..usize::MAX).into_iter().collect();
        self.theme_page(id, counties, Some(self.county_link(county)))
    }

    fn theme_page(&self, id: ThemeId, counties: Vec<ThemeCounty<'a>>, county: Option<CountyLink<'a>>) -> ThemePage<'a> {
        let theme = &self.site.themes[id.0];
        ThemePage {
            theme: ThemeView { id: &theme.id, name: &theme.name, description: theme.description.as_deref() },
            counties,
            county,
            national_url: self.url(&urls::theme(&theme.id)),
            pagination: None,
        }
    }

    /// What county `c` has under theme `id`, if anything: its entries (objectives, then
    /// document items) at the positions `within`.
    fn theme_county(&self, id: ThemeId, c: CountyId, within: std::ops::Range<usize>) -> Option<ThemeCounty<'a>> {
        let (site, index) = (self.site, self.index);
        let mut position = 0;
        let mut taken = || {
            position += 1;
            within.contains(&(position - 1))
        };
        let objectives: Vec<ThemeObjective<'a>> = index.theme_objectives[id.0]
            .iter()
            .filter(|(p, _)| site.plans[p.0].county == c)
            .filter(|_| taken())
            .map(|(p, o)| ThemeObjective {
                plan: self.plan_summary(*p),
                objective: self.objective(&site.plans[p.0], index.objective(*p, *o).objective, 4),
            })
            .collect();
        let items: Vec<ThemeItem<'a>> = index.theme_document_items[id.0]
            .iter()
            .filter(|(d, _)| site.documents[d.0].county == c)
            .filter(|_| taken())
            .map(|(d, item)| ThemeItem { document: self.document_summary(*d), text: &item.text })
            .collect();
        (!objectives.is_empty() || !items.is_empty()).then(|| ThemeCounty {
            county: self.county_link(c),
            objectives,
            items,
        })
    }

    /// A document's page, its body rendered with an anchor on each heading and list item and a
    /// link to its source lines at the end of each passage.
    pub fn document(&self, id: DocumentId) -> DocumentPage<'a> {
        let document = &self.site.documents[id.0];
        let tagged = |items: &'a [TaggedItem]| -> Vec<TaggedView<'a>> {
            items
                .iter()
                .map(|i| TaggedView {
                    text: &i.text,
                    themes: self.theme_links(&i.themes),
                    source: i.source_lines.map(|s| self.line_link(&document.source, s)),
                })
                .collect()
        };
        let passage_links: Vec<Option<PassageLink>> = document
            .passages
            .iter()
            .map(|span| {
                span.map(|s| {
                    let link = self.line_link(&document.source, s);
                    PassageLink { href: link.url, text: link.text }
                })
            })
            .collect();
        let body_html = markdown::to_html_anchored(&document.body, &passage_links);
        DocumentPage {
            document: self.document_summary(id),
            irregularities_url: self.irregularities_section(&document.id),
            registration: document.registration.as_deref(),
            organiser: document.organiser.as_ref().map(|a| self.actor(a)),
            participants: self.actors(&document.participants),
            drawn_up_by: &document.drawn_up_by,
            themes: self.theme_links(&document.themes),
            vulnerable_groups: tagged(&document.vulnerable_groups),
            proposals: tagged(&document.proposals),
            notes: self.notes(&document.notes, &document.source),
            source: self.link(&document.source, &urls::source(&document.source)),
            source_page: self.url(&urls::source_page(&document.source)),
            provenance: self.provenance(&document.provenance, document.published.as_deref()),
            corrections: self.corrections(&document.corrections),
            body: body_html,
            reports_on: document.reports_on.map(|p| {
                let plan = &self.site.plans[p.0];
                (self.link(&plan.title, &urls::plan(&plan.id)), document.statuses)
            }),
        }
    }
}
