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
    /// Every county, in the content's order.
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
    /// Every plan and document, newest first; undated ones last.
    pub publications: Vec<Publication<'a>>,
    /// The counts of the whole portal.
    pub totals: Totals,
}

/// `plans.html`: every plan.
#[derive(Serialize)]
pub struct PlansPage<'a> {
    /// Every plan, in the content's order.
    pub plans: Vec<PlanSummary<'a>>,
}

/// `documents.html`: every document.
#[derive(Serialize)]
pub struct DocumentsPage<'a> {
    /// Every document, in the content's order.
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

/// `institutions.html`: every institution, in alphabetical order.
#[derive(Serialize)]
pub struct InstitutionsPage<'a> {
    /// Every institution, sorted by name (diacritics folded).
    pub institutions: Vec<InstitutionRow<'a>>,
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
    /// Every type, in the content's order.
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
    /// Every theme, in the content's order.
    pub themes: Vec<ThemeRow<'a>>,
}

/// A plan or framework on the open-data page, with its two downloads.
#[derive(Serialize)]
pub struct DownloadRow<'a> {
    /// Its title.
    pub title: &'a str,
    /// Its CSV.
    pub csv: String,
    /// Its JSON.
    pub json: String,
}

/// `data.html`: the downloads of each plan and each framework.
#[derive(Serialize)]
pub struct DataPage<'a> {
    /// Per plan.
    pub plans: Vec<DownloadRow<'a>>,
    /// Per national framework.
    pub frameworks: Vec<DownloadRow<'a>>,
}

impl<'a> Views<'a> {
    /// The counties list.
    pub fn counties(&self) -> CountiesPage<'a> {
        CountiesPage { counties: self.county_rows() }
    }

    fn county_rows(&self) -> Vec<CountyRow<'a>> {
        let (site, index) = (self.site, self.index);
        site.counties
            .iter()
            .enumerate()
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
        HomePage {
            active_counties: active,
            county_total: site.counties.len(),
            publications: publications.into_iter().map(|(_, v)| v).collect(),
            totals: Totals {
                plans: site.plans.len(),
                documents: site.documents.len(),
                activities: site.plans.iter().map(|p| p.activities().count()).sum(),
                institutions: site.institutions.len(),
            },
        }
    }

    /// The plans list.
    pub fn plans(&self) -> PlansPage<'a> {
        PlansPage { plans: (0..self.site.plans.len()).map(|p| self.plan_summary(PlanId(p))).collect() }
    }

    /// The documents list.
    pub fn documents(&self) -> DocumentsPage<'a> {
        DocumentsPage {
            documents: (0..self.site.documents.len()).map(|d| self.document_summary(DocumentId(d))).collect(),
        }
    }

    /// The institutions list, sorted by name.
    pub fn institutions(&self) -> InstitutionsPage<'a> {
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
        list.sort_by_cached_key(|row| crate::text::fold(row.name));
        InstitutionsPage { institutions: list }
    }

    /// The institution types list.
    pub fn institution_types(&self) -> InstitutionTypesPage<'a> {
        let (site, index) = (self.site, self.index);
        let types = site
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
        InstitutionTypesPage { types }
    }

    /// The themes list.
    pub fn themes(&self) -> ThemesPage<'a> {
        let (site, index) = (self.site, self.index);
        let themes = site
            .themes
            .iter()
            .enumerate()
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

    /// The open-data page.
    pub fn downloads(&self) -> DataPage<'a> {
        let site = self.site;
        DataPage {
            plans: site
                .plans
                .iter()
                .map(|p| DownloadRow {
                    title: &p.title,
                    csv: self.url(&urls::plan_csv(&p.id)),
                    json: self.url(&urls::plan_json(&p.id)),
                })
                .collect(),
            frameworks: site
                .frameworks
                .iter()
                .map(|f| DownloadRow {
                    title: &f.title,
                    csv: self.url(&urls::framework_csv(&f.id)),
                    json: self.url(&urls::framework_json(&f.id)),
                })
                .collect(),
        }
    }
}
