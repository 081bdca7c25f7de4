//! The page of an institution (everything it answers for or takes part in) and the page of an
//! institution type.

use serde::Serialize;

use super::{
    ACTIVITIES_PER_PAGE, ActivityView, CountyLink, DocumentSummary, ItemLink, LabelsView, Link, Pagination,
    PlanSummary, TypeCounties, Views, page_items,
};
use crate::model::index::Involvement;
use crate::model::index::Role;
use crate::model::*;
use crate::urls;

/// The schema.org description of an institution (JSON-LD in the page's head).
#[derive(Serialize)]
pub struct InstitutionJsonLd<'a> {
    /// Always `https://schema.org`.
    #[serde(rename = "@context")]
    pub context: &'static str,
    /// `Organization` for NGOs and generic actors, otherwise `GovernmentOrganization`.
    #[serde(rename = "@type")]
    pub kind: &'static str,
    /// Its name.
    pub name: &'a str,
    /// Other names it is known by.
    #[serde(rename = "alternateName")]
    pub alternate_name: &'a [String],
    /// The name of its county, if it has one.
    #[serde(rename = "areaServed")]
    pub area_served: Option<&'a str>,
}

/// An institution as its own page describes it.
#[derive(Serialize)]
pub struct InstitutionView<'a> {
    /// Its id, as in its address.
    pub id: &'a str,
    /// Its name.
    pub name: &'a str,
    /// Other names it is known by.
    pub aliases: &'a [String],
    /// A note about it, if any.
    pub note: Option<&'a str>,
    /// Its county, if it has one.
    pub county: Option<CountyLink<'a>>,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: Link<'a>,
    /// Whether it is a generic actor ("school units", …) rather than one institution.
    pub generic: bool,
}

/// One activity an institution takes part in.
#[derive(Serialize)]
pub struct InvolvementRow<'a> {
    /// `responsabil`, `partener`, or `responsabil și partener` when the plan names it in both
    /// columns (the activity is listed once).
    pub role: String,
    /// The activity's objective.
    pub objective: ItemLink<'a>,
    /// The activity.
    pub activity: ActivityView<'a>,
}

/// The activities of an institution in one plan.
#[derive(Serialize)]
pub struct InvolvementGroup<'a> {
    /// The plan.
    pub plan: PlanSummary<'a>,
    /// What the plan calls its levels and columns.
    pub labels: LabelsView<'a>,
    /// The activities, in plan order.
    pub rows: Vec<InvolvementRow<'a>>,
}

/// A document naming an institution, and in what role.
#[derive(Serialize)]
pub struct DocumentRole<'a> {
    /// The document.
    pub document: DocumentSummary<'a>,
    /// `organizator`, `participant`, ….
    pub role: &'static str,
}

/// `institution.html`: everything an institution answers for or takes part in.
#[derive(Serialize)]
pub struct InstitutionPage<'a> {
    /// The CSV of its activities.
    pub downloads: Vec<Link<'a>>,
    /// Its schema.org description.
    pub jsonld: InstitutionJsonLd<'a>,
    /// The institution.
    pub institution: InstitutionView<'a>,
    /// Its activities, grouped by plan.
    pub groups: Vec<InvolvementGroup<'a>>,
    /// The documents that name it (on the first page only).
    pub documents: Vec<DocumentRole<'a>>,
    /// The plans it issued (on the first page only).
    pub issued: Vec<PlanSummary<'a>>,
    /// How many activities it is responsible for.
    pub responsible_count: usize,
    /// How many activities it is a partner in.
    pub partner_count: usize,
    /// Where this page stands among the pages of its activities; none when one page holds them.
    pub pagination: Option<Pagination>,
}

/// An institution type as its page names it.
#[derive(Serialize)]
pub struct InstitutionTypeView<'a> {
    /// Its id.
    pub id: &'a str,
    /// Its name.
    pub name: &'a str,
    /// Its abbreviation, if any.
    pub abbreviation: Option<&'a str>,
}

/// An institution of a type.
#[derive(Serialize)]
pub struct MemberRow<'a> {
    /// Its name.
    pub name: &'a str,
    /// Its page.
    pub url: String,
    /// Its county, if it has one.
    pub county: Option<CountyLink<'a>>,
    /// How many activities it takes part in.
    pub activities: usize,
}

/// `institution_type.html`: the institutions of one type.
#[derive(Serialize)]
pub struct InstitutionTypePage<'a> {
    /// The type.
    #[serde(rename = "type")]
    pub kind: InstitutionTypeView<'a>,
    /// Its institutions, in Romanian alphabetical order of name.
    pub members: Vec<MemberRow<'a>>,
    /// What its institutions answer for, county by county.
    pub by_county: TypeCounties<'a>,
}

impl<'a> Views<'a> {
    /// Page `n` (from 1) of an institution's page: its activities `ACTIVITIES_PER_PAGE` at a
    /// time, grouped by plan; its facts, plans and documents on every page.
    pub fn institution(&self, id: InstitutionId, n: usize) -> InstitutionPage<'a> {
        let (site, index) = (self.site, self.index);
        let institution = site.institution(id);
        let kind = &site.institution_types[institution.kind.0];
        let involvements = &index.involvements[id.0];
        let responsible = involvements.iter().filter(|i| i.role == Role::Responsible).count();
        let area = institution.county.map(|c| site.county(c).name.as_str());
        InstitutionPage {
            downloads: vec![
                self.link("CSV: activitățile instituției", &urls::institution_csv(&institution.id)),
                self.link(
                    "XLSX (Excel): activitățile instituției",
                    &urls::xlsx_of(&urls::institution_csv(&institution.id)),
                ),
            ],
            jsonld: InstitutionJsonLd {
                context: "https://schema.org",
                kind: if kind.id == "actor-generic" || kind.id == "ong" {
                    "Organization"
                } else {
                    "GovernmentOrganization"
                },
                name: &institution.name,
                alternate_name: &institution.aliases,
                area_served: area,
            },
            institution: InstitutionView {
                id: &institution.id,
                name: &institution.name,
                aliases: &institution.aliases,
                note: institution.note.as_deref(),
                county: institution.county.map(|c| self.county_link(c)),
                kind: self.link(&kind.name, &urls::institution_type(&kind.id)),
                generic: kind.id == "actor-generic",
            },
            groups: self.involvement_groups(id, n),
            // The plans and documents once, on the first page; the others go on with the activities.
            documents: index.institution_documents[id.0]
                .iter()
                .filter(|_| n == 1)
                .map(|(d, role)| DocumentRole { document: self.document_summary(*d), role: role.label() })
                .collect(),
            issued: index.issued_plans[id.0].iter().filter(|_| n == 1).map(|p| self.plan_summary(*p)).collect(),
            responsible_count: responsible,
            partner_count: involvements.len() - responsible,
            pagination: self.pagination(
                &urls::institution(&institution.id),
                n,
                self.institution_row_count(id),
                ACTIVITIES_PER_PAGE,
            ),
        }
    }

    /// An institution's rows: its involvements, one slice per activity. An activity naming the
    /// institution both responsible and partner is one row with both roles: listed twice, it
    /// would read as two activities and repeat its element id.
    fn institution_rows(&self, id: InstitutionId) -> impl Iterator<Item = &'a [Involvement<'a>]> + use<'a> {
        self.index.involvements[id.0].chunk_by(|a, b| a.plan == b.plan && std::ptr::eq(a.activity, b.activity))
    }

    /// How many activities an institution's page lists, over all its pages.
    pub fn institution_row_count(&self, id: InstitutionId) -> usize {
        self.institution_rows(id).count()
    }

    /// The activities on page `n` of an institution's page, one group per plan (involvements
    /// are in plan order).
    fn involvement_groups(&self, id: InstitutionId, n: usize) -> Vec<InvolvementGroup<'a>> {
        let (site, index) = (self.site, self.index);
        let range = page_items(self.institution_row_count(id), ACTIVITIES_PER_PAGE, n);
        let rows: Vec<&[Involvement<'a>]> = self.institution_rows(id).skip(range.start).take(range.len()).collect();
        rows.chunk_by(|a, b| a[0].plan == b[0].plan)
            .map(|chunk| {
                let plan_id = chunk[0][0].plan;
                let plan = &site.plans[plan_id.0];
                let rows = chunk
                    .iter()
                    .map(|same| {
                        let i = &same[0];
                        let objective = index.objective(plan_id, i.objective).objective;
                        let mut activity = self.activity(plan, i.activity);
                        activity.among_plans(&plan.id);
                        InvolvementRow {
                            role: same.iter().map(|i| i.role.label()).collect::<Vec<_>>().join(" și "),
                            objective: self.objective_link(plan, objective),
                            activity,
                        }
                    })
                    .collect();
                InvolvementGroup { plan: self.plan_summary(plan_id), labels: LabelsView::of(&plan.labels), rows }
            })
            .collect()
    }

    /// An institution type's page.
    pub fn institution_type(&self, id: InstitutionTypeId) -> InstitutionTypePage<'a> {
        let (site, index) = (self.site, self.index);
        let kind = &site.institution_types[id.0];
        let mut members: Vec<MemberRow<'a>> = index.institutions_by_type[id.0]
            .iter()
            .map(|i| {
                let institution = site.institution(*i);
                MemberRow {
                    name: &institution.name,
                    url: self.url(&urls::institution(&institution.id)),
                    county: institution.county.map(|c| self.county_link(c)),
                    activities: index.activity_count(*i),
                }
            })
            .collect();
        members.sort_by_cached_key(|row| crate::text::collate_key(row.name));
        InstitutionTypePage {
            kind: InstitutionTypeView { id: &kind.id, name: &kind.name, abbreviation: kind.abbreviation.as_deref() },
            members,
            by_county: self.type_counties(id),
        }
    }
}
