//! The pages of one county, theme or document.

use serde::Serialize;

use super::{Actor, CountyLink, DocumentSummary, Link, NoteView, ObjectiveView, PlanSummary, Views};
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
    /// The themes of its publications, in Romanian alphabetical order.
    pub themes: Vec<Link<'a>>,
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

/// `theme.html`: per county, the objectives and document items tagged with a theme.
#[derive(Serialize)]
pub struct ThemePage<'a> {
    /// The theme.
    pub theme: ThemeView<'a>,
    /// The counties with anything tagged with it, in county order.
    pub counties: Vec<ThemeCounty<'a>>,
}

/// An item of a document (a vulnerable group, a proposal) and its themes.
#[derive(Serialize)]
pub struct TaggedView<'a> {
    /// The item's text.
    pub text: &'a str,
    /// Its themes.
    pub themes: Vec<Link<'a>>,
}

/// `document.html`: one document.
#[derive(Serialize)]
pub struct DocumentPage<'a> {
    /// The document as lists show it.
    pub document: DocumentSummary<'a>,
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
    /// The source text it was transcribed from.
    pub source: Link<'a>,
    /// Its body, as sanitised HTML.
    pub body: String,
}

impl<'a> Views<'a> {
    /// A county's page.
    pub fn county(&self, id: CountyId) -> CountyPage<'a> {
        let (site, index) = (self.site, self.index);
        let county = site.county(id);
        let mut themes: Vec<(&str, Link<'a>)> = site
            .themes
            .iter()
            .enumerate()
            .filter(|(t, _)| {
                index.theme_objectives[*t].iter().any(|(p, _)| site.plans[p.0].county == id)
                    || index.theme_document_items[*t].iter().any(|(d, _)| site.documents[d.0].county == id)
            })
            .map(|(_, theme)| (theme.name.as_str(), self.link(&theme.name, &urls::theme(&theme.id))))
            .collect();
        themes.sort_by_cached_key(|(name, _)| crate::text::collate_key(name));
        let themes = themes.into_iter().map(|(_, link)| link).collect();
        let mut downloads = Vec::new();
        if !index.plans_by_county[id.0].is_empty() {
            downloads
                .push(self.link("CSV: activitățile tuturor planurilor județului", &urls::county_csv(&county.slug)));
        }
        CountyPage {
            downloads,
            county: CountyView { name: &county.name, slug: &county.slug, code: &county.code, kind: &county.kind },
            plans: index.plans_by_county[id.0].iter().map(|p| self.plan_summary(*p)).collect(),
            documents: index.documents_by_county[id.0].iter().map(|d| self.document_summary(*d)).collect(),
            institutions: index.institutions_by_county[id.0].iter().map(|i| self.institution_link(*i)).collect(),
            themes,
        }
    }

    /// A theme page: per county, the objectives and document items tagged with it.
    pub fn theme(&self, id: ThemeId) -> ThemePage<'a> {
        let (site, index) = (self.site, self.index);
        let theme = &site.themes[id.0];
        let mut counties = Vec::new();
        for c in 0..site.counties.len() {
            let objectives: Vec<ThemeObjective<'a>> = index.theme_objectives[id.0]
                .iter()
                .filter(|(p, _)| site.plans[p.0].county.0 == c)
                .map(|(p, o)| ThemeObjective {
                    plan: self.plan_summary(*p),
                    objective: self.objective(&site.plans[p.0], index.objective(*p, *o).objective, 4),
                })
                .collect();
            let items: Vec<ThemeItem<'a>> = index.theme_document_items[id.0]
                .iter()
                .filter(|(d, _)| site.documents[d.0].county.0 == c)
                .map(|(d, item)| ThemeItem { document: self.document_summary(*d), text: &item.text })
                .collect();
            if !objectives.is_empty() || !items.is_empty() {
                counties.push(ThemeCounty { county: self.county_link(CountyId(c)), objectives, items });
            }
        }
        ThemePage {
            theme: ThemeView { id: &theme.id, name: &theme.name, description: theme.description.as_deref() },
            counties,
        }
    }

    /// A document's page; `body_html` is its body, already rendered.
    pub fn document(&self, id: DocumentId, body_html: String) -> DocumentPage<'a> {
        let document = &self.site.documents[id.0];
        let tagged = |items: &'a [TaggedItem]| -> Vec<TaggedView<'a>> {
            items.iter().map(|i| TaggedView { text: &i.text, themes: self.theme_links(&i.themes) }).collect()
        };
        DocumentPage {
            document: self.document_summary(id),
            registration: document.registration.as_deref(),
            organiser: document.organiser.as_ref().map(|a| self.actor(a)),
            participants: self.actors(&document.participants),
            drawn_up_by: &document.drawn_up_by,
            themes: self.theme_links(&document.themes),
            vulnerable_groups: tagged(&document.vulnerable_groups),
            proposals: tagged(&document.proposals),
            notes: self.notes(&document.notes),
            source: self.link(&document.source, &urls::source(&document.source)),
            body: body_html,
        }
    }
}
