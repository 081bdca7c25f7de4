//! The list pages: home, counties, plans, documents, institutions, institution types, themes,
//! and the open-data page.

use serde::Serialize;

use super::{DocumentSummary, PlanSummary, Views};
use crate::model::*;
use crate::urls;

/// A county in the list of counties.
#[derive(Serialize, Clone)]
pub struct CountyRow<'a> {
    /// Its name.
    pub name: &'a str,
    /// Its two-letter code.
    pub code: &'a str,
    /// Its page.
    pub url: String,
    /// How many plans it published.
    pub plans: usize,
    /// How many documents it published.
    pub documents: usize,
}

/// `counties.html`: every county.
#[derive(Serialize)]
pub struct CountiesPage<'a> {
    /// Every county, in Romanian alphabetical order of name.
    pub counties: Vec<CountyRow<'a>>,
}

/// The counts on the home page.
#[derive(Serialize)]
pub struct Totals {
    /// Plans published.
    pub plans: usize,
    /// Documents published.
    pub documents: usize,
    /// Activities in all plans.
    pub activities: usize,
    /// Institutions named.
    pub institutions: usize,
}

/// How many of the newest publications the home page lists: a summary, not a catalogue (issue 21:
/// at 35,000 plans the full list made a 3 MB home page).
pub const HOME_PUBLICATIONS: usize = 10;

/// A plan or a document, in the home page's list of publications.
#[derive(Serialize)]
#[serde(untagged)]
pub enum Publication<'a> {
    /// A plan.
    Plan(PlanSummary<'a>),
    /// A document.
    Document(DocumentSummary<'a>),
}

/// `home.html`: the newest publications and the counties that published anything.
#[derive(Serialize)]
pub struct HomePage<'a> {
    /// The counties with at least one plan or document.
    pub active_counties: Vec<CountyRow<'a>>,
    /// How many counties the portal knows.
    pub county_total: usize,
    /// The newest plans and documents (`HOME_PUBLICATIONS` at most), newest first; undated ones
    /// last. The rest are on the paginated lists of plans and documents.
    pub publications: Vec<Publication<'a>>,
    /// How many plans and documents the portal has, all of them.
    pub publication_total: usize,
    /// How many of them `publications` leaves out.
    pub publications_left: usize,
    /// The counts of the whole portal.
    pub totals: Totals,
    /// The tile-grid map of what each county published.
    pub map: super::CountyMap<'a>,
}

/// `plans.html`: one page of the list of every plan.
#[derive(Serialize)]
pub struct PlansPage<'a> {
    /// The plans on this page (`PLANS_PER_PAGE` at most), by county (Romanian alphabetical
    /// order), then by title.
    pub plans: Vec<PlanSummary<'a>>,
    /// Where this page stands in the list; none when every plan fits on one page.
    pub pagination: Option<super::Pagination>,
}

/// `documents.html`: every document.
#[derive(Serialize)]
pub struct DocumentsPage<'a> {
    /// Every document, by county (Romanian alphabetical order), then by title.
    pub documents: Vec<DocumentSummary<'a>>,
}

/// An institution in the list of institutions.
#[derive(Serialize)]
pub struct InstitutionRow<'a> {
    /// Its name.
    pub name: &'a str,
    /// Its page.
    pub url: String,
    /// The name of its county, if it has one.
    pub county: Option<&'a str>,
    /// The name of its type.
    #[serde(rename = "type")]
    pub type_name: &'a str,
    /// How many activities it takes part in.
    pub activities: usize,
}

/// `institutions.html`: one page of the list of every institution, in alphabetical order.
#[derive(Serialize)]
pub struct InstitutionsPage<'a> {
    /// The institutions on this page (`INSTITUTIONS_PER_PAGE` at most), in Romanian
    /// alphabetical order of name (`text::collate`).
    pub institutions: Vec<InstitutionRow<'a>>,
    /// Where this page stands in the list; none when every institution fits on one page.
    pub pagination: Option<super::Pagination>,
}

/// An institution type in the list of types.
#[derive(Serialize)]
pub struct InstitutionTypeRow<'a> {
    /// Its name.
    pub name: &'a str,
    /// Its abbreviation, if any.
    pub abbreviation: Option<&'a str>,
    /// Its page.
    pub url: String,
    /// How many institutions are of this type.
    pub members: usize,
}

/// `institution_types.html`: every institution type.
#[derive(Serialize)]
pub struct InstitutionTypesPage<'a> {
    /// Every type, in Romanian alphabetical order of name.
    pub types: Vec<InstitutionTypeRow<'a>>,
}

/// A theme in the list of themes.
#[derive(Serialize)]
pub struct ThemeRow<'a> {
    /// Its name.
    pub name: &'a str,
    /// Its description, if any.
    pub description: Option<&'a str>,
    /// Its page.
    pub url: String,
    /// How many objectives carry it.
    pub objectives: usize,
    /// How many document items carry it.
    pub items: usize,
}

/// `themes.html`: every theme.
#[derive(Serialize)]
pub struct ThemesPage<'a> {
    /// Every theme, in Romanian alphabetical order of name.
    pub themes: Vec<ThemeRow<'a>>,
}

impl<'a> Views<'a> {
    /// The counties list.
    pub fn counties(&self) -> CountiesPage<'a> {
        CountiesPage { counties: self.county_rows() }
    }

    fn county_rows(&self) -> Vec<CountyRow<'a>> {
        let (site, index) = (self.site, self.index);
        index
            .counties_by_name
            .iter()
            .map(|c| (c.0, site.county(*c)))
            .map(|(i, county)| CountyRow {
                name: &county.name,
                code: &county.code,
                url: self.url(&urls::county(&county.slug)),
                plans: index.plans_by_county[i].len(),
                documents: index.documents_by_county[i].len(),
            })
            .collect()
    }

    /// The home page.
    pub fn home(&self) -> HomePage<'a> {
        let site = self.site;
        let plans = site
            .plans
            .iter()
            .enumerate()
            .map(|(p, plan)| (plan.date.as_deref(), Publication::Plan(self.plan_summary(PlanId(p)))));
        let documents = site.documents.iter().enumerate().map(|(d, document)| {
            (document.date.as_deref(), Publication::Document(self.document_summary(DocumentId(d))))
        });
        let mut publications: Vec<(Option<&str>, Publication<'a>)> = plans.chain(documents).collect();
        // Newest first; undated publications last, in id order (stable sort keeps it).
        publications.sort_by(|a, b| b.0.cmp(&a.0));
        let mut active = self.county_rows();
        active.retain(|c| c.plans + c.documents > 0);
        let publication_total = publications.len();
        let publications_left = publication_total.saturating_sub(HOME_PUBLICATIONS);
        publications.truncate(HOME_PUBLICATIONS);
        HomePage {
            active_counties: active,
            county_total: site.counties.len(),
            publications: publications.into_iter().map(|(_, v)| v).collect(),
            publication_total,
            publications_left,
            totals: Totals {
                plans: site.plans.len(),
                documents: site.documents.len(),
                activities: site.plans.iter().map(|p| p.activities().count()).sum(),
                institutions: site.institutions.len(),
            },
            map: self.county_map(),
        }
    }

    /// Page `n` (from 1) of the plans list, by county, then by title.
    pub fn plans(&self, n: usize) -> PlansPage<'a> {
        let site = self.site;
        let mut plans: Vec<PlanId> = (0..site.plans.len()).map(PlanId).collect();
        plans.sort_by_cached_key(|p| self.by_county_then_title(site.plans[p.0].county, &site.plans[p.0].title));
        let total = plans.len();
        let range = super::page_items(total, super::PLANS_PER_PAGE, n);
        PlansPage {
            plans: plans[range].iter().map(|p| self.plan_summary(*p)).collect(),
            pagination: self.pagination(&urls::plans(), n, total, super::PLANS_PER_PAGE),
        }
    }

    /// The documents list, by county, then by title.
    pub fn documents(&self) -> DocumentsPage<'a> {
        let site = self.site;
        let mut documents: Vec<DocumentId> = (0..site.documents.len()).map(DocumentId).collect();
        documents
            .sort_by_cached_key(|d| self.by_county_then_title(site.documents[d.0].county, &site.documents[d.0].title));
        DocumentsPage { documents: documents.into_iter().map(|d| self.document_summary(d)).collect() }
    }

    /// The sort key of a publication in a list: its county's place in Romanian alphabetical order,
    /// then its title's collation key.
    pub(super) fn by_county_then_title(&self, county: CountyId, title: &str) -> (usize, Vec<u8>) {
        (self.index.county_rank[county.0], crate::text::collate_key(title))
    }

    /// Page `n` (from 1) of the institutions list, in Romanian alphabetical order of name.
    pub fn institutions(&self, n: usize) -> InstitutionsPage<'a> {
        let (site, index) = (self.site, self.index);
        let mut list: Vec<InstitutionRow<'a>> = site
            .institutions
            .iter()
            .enumerate()
            .map(|(i, institution)| InstitutionRow {
                name: &institution.name,
                url: self.url(&urls::institution(&institution.id)),
                county: institution.county.map(|c| site.county(c).name.as_str()),
                type_name: &site.institution_types[institution.kind.0].name,
                activities: index.activity_count(InstitutionId(i)),
            })
            .collect();
        list.sort_by_cached_key(|row| crate::text::collate_key(row.name));
        let total = list.len();
        let range = super::page_items(total, super::INSTITUTIONS_PER_PAGE, n);
        InstitutionsPage {
            institutions: list.drain(range).collect(),
            pagination: self.pagination(&urls::institutions(), n, total, super::INSTITUTIONS_PER_PAGE),
        }
    }

    /// The institution types list, in Romanian alphabetical order.
    pub fn institution_types(&self) -> InstitutionTypesPage<'a> {
        let (site, index) = (self.site, self.index);
        let mut types: Vec<InstitutionTypeRow<'a>> = site
            .institution_types
            .iter()
            .enumerate()
            .map(|(t, kind)| InstitutionTypeRow {
                name: &kind.name,
                abbreviation: kind.abbreviation.as_deref(),
                url: self.url(&urls::institution_type(&kind.id)),
                members: index.institutions_by_type[t].len(),
            })
            .collect();
        types.sort_by_cached_key(|row| crate::text::collate_key(row.name));
        InstitutionTypesPage { types }
    }

    /// The themes list, in Romanian alphabetical order.
    pub fn themes(&self) -> ThemesPage<'a> {
        let (site, index) = (self.site, self.index);
        let themes = index
            .themes_by_name
            .iter()
            .map(|t| (t.0, &site.themes[t.0]))
            .map(|(t, theme)| ThemeRow {
                name: &theme.name,
                description: theme.description.as_deref(),
                url: self.url(&urls::theme(&theme.id)),
                objectives: index.theme_objectives[t].len(),
                items: index.theme_document_items[t].len(),
            })
            .collect();
        ThemesPage { themes }
    }
}
