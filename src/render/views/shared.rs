//! Pieces many pages share: links, counties, institutions as printed, notes, the framework an
//! objective implements, and the summaries of plans and documents that lists show.

use serde::Serialize;

use super::Views;
use crate::model::*;
use crate::urls;

/// A link: the text to show and where it goes.
#[derive(Serialize)]
pub struct Link<'a> {
    /// The text of the link.
    pub name: &'a str,
    /// The `href`, base path included.
    pub url: String,
}

/// An objective or activity as another page links it: what its plan calls it, its number and
/// its wording, as printed, and where it is.
#[derive(Serialize)]
pub struct ItemLink<'a> {
    /// What its plan calls it ("Obiectiv specific", "Activitate", "Măsură", …).
    pub label: &'a str,
    /// Its number as printed, if any.
    pub number: Option<&'a str>,
    /// Its wording.
    pub text: &'a str,
    /// Its page, or its place on a page.
    pub url: String,
}

/// A county (or municipality) as pages link it.
#[derive(Serialize)]
pub struct CountyLink<'a> {
    /// Its name, without "Județul": `Cluj`.
    pub name: &'a str,
    /// Its slug, as in its address: `cluj`; comparison pages mark their columns with it.
    pub slug: &'a str,
    /// Its two-letter code: `CJ`.
    pub code: &'a str,
    /// Its page.
    pub url: String,
}

/// An institution as a publication names it, with the institution it was resolved to.
#[derive(Serialize)]
pub struct Actor<'a> {
    /// The name as printed in the publication.
    pub printed: &'a str,
    /// The institution's own name.
    pub name: &'a str,
    /// The institution's page.
    pub url: String,
    /// Whether the printed name is the institution's name (then only one is worth showing).
    pub same: bool,
}

/// An editorial note: something the publication got wrong or left unclear.
#[derive(Serialize)]
pub struct NoteView<'a> {
    /// The kind's code, for CSS classes: `numerotare-duplicata`.
    pub kind: &'static str,
    /// The kind's Romanian name.
    pub label: &'static str,
    /// The note.
    pub text: &'a str,
    /// Links to the lines of the source text it is about (none when it names no lines).
    pub lines: Vec<super::LineLink>,
    /// Its element id, when a marker on the item it is about links to it (`ItemMark`).
    pub id: Option<String>,
}

/// The national-framework goal or objective a local goal or objective implements.
#[derive(Serialize)]
pub struct FrameworkLink<'a> {
    /// The framework's short title (its title when it has none).
    pub framework: &'a str,
    /// The goal's or objective's id in the framework.
    pub id: &'a str,
    /// Its first wording.
    pub text: &'a str,
    /// The framework objective's page (for a goal, the framework's page).
    pub url: String,
}

/// A plan as lists show it.
#[derive(Serialize)]
pub struct PlanSummary<'a> {
    /// The plan's title.
    pub title: &'a str,
    /// Its page.
    pub url: String,
    /// Its type, in Romanian.
    #[serde(rename = "type")]
    pub type_label: &'static str,
    /// Its type's code: `plan-droguri`, `plan-operational`, `plan-anual`.
    pub type_code: &'static str,
    /// The county it belongs to.
    pub county: CountyLink<'a>,
    /// Its period: `2023` or `2023–2025`.
    pub period: String,
    /// Its publication date (`YYYY-MM-DD`), when known.
    pub date: Option<&'a str>,
    /// How many objectives it has.
    pub objectives: usize,
    /// How many activities it has.
    pub activities: usize,
}

/// A document (minutes, reports, …) as lists show it.
#[derive(Serialize)]
pub struct DocumentSummary<'a> {
    /// The document's title.
    pub title: &'a str,
    /// Its page.
    pub url: String,
    /// Its kind, as the content names it.
    pub kind: &'a str,
    /// The county it belongs to.
    pub county: CountyLink<'a>,
    /// The locality it belongs to, if any.
    pub locality: Option<&'a str>,
    /// Its date (`YYYY-MM-DD`), when known.
    pub date: Option<&'a str>,
}

/// What a plan calls its levels and columns ("Obiectiv specific", "Termen", …), as printed.
#[derive(Serialize)]
pub struct LabelsView<'a> {
    /// The name of a goal.
    pub goal: &'a str,
    /// The name of the level between goals and objectives, if the plan has one.
    pub intermediate: Option<&'a str>,
    /// The name of an objective.
    pub objective: &'a str,
    /// The name of an activity.
    pub activity: &'a str,
    /// The heading of the indicators.
    pub indicators: &'a str,
    /// The heading of a results column beside the indicators, if the plan has one.
    pub results: Option<&'a str>,
    /// The heading of the period.
    pub period: &'a str,
    /// The heading of the evaluation date, if the plan has one.
    pub evaluation: Option<&'a str>,
    /// The heading of the responsible institutions.
    pub responsible: &'a str,
    /// The heading of the partners, if the plan has one.
    pub partners: Option<&'a str>,
    /// The heading of the funding sources, if the plan has one.
    pub funding: Option<&'a str>,
}

impl<'a> LabelsView<'a> {
    /// The labels of a plan.
    pub fn of(labels: &'a Labels) -> LabelsView<'a> {
        LabelsView {
            goal: &labels.goal,
            intermediate: labels.intermediate.as_deref(),
            objective: &labels.objective,
            activity: &labels.activity,
            indicators: &labels.indicators,
            results: labels.results.as_deref(),
            period: &labels.period,
            evaluation: labels.evaluation.as_deref(),
            responsible: &labels.responsible,
            partners: labels.partners.as_deref(),
            funding: labels.funding.as_deref(),
        }
    }
}

impl<'a> Views<'a> {
    /// A link to a site path.
    pub(super) fn link(&self, name: &'a str, path: &str) -> Link<'a> {
        Link { name, url: self.url(path) }
    }

    /// An objective of `plan` as another page links it: to its own page.
    pub(super) fn objective_link(&self, plan: &'a Plan, objective: &'a Objective) -> ItemLink<'a> {
        ItemLink {
            label: objective.label.as_deref().unwrap_or(&plan.labels.objective),
            number: objective.number.as_deref(),
            text: &objective.text,
            url: self.url(&urls::objective(&plan.id, &objective.anchor)),
        }
    }

    /// A county as pages link it.
    pub fn county_link(&self, id: CountyId) -> CountyLink<'a> {
        let county = self.site.county(id);
        CountyLink {
            name: &county.name,
            slug: &county.slug,
            code: &county.code,
            url: self.url(&urls::county(&county.slug)),
        }
    }

    /// The link to an institution's page.
    pub(super) fn institution_link(&self, id: InstitutionId) -> Link<'a> {
        let institution = self.site.institution(id);
        self.link(&institution.name, &urls::institution(&institution.id))
    }

    /// An institution as printed, and the one it was resolved to.
    pub(super) fn actor(&self, actor: &'a ActorRef) -> Actor<'a> {
        let institution = self.site.institution(actor.institution);
        Actor {
            printed: &actor.printed,
            name: &institution.name,
            url: self.url(&urls::institution(&institution.id)),
            same: actor.printed == institution.name,
        }
    }

    /// Institutions as printed.
    pub(super) fn actors(&self, actors: &'a [ActorRef]) -> Vec<Actor<'a>> {
        actors.iter().map(|a| self.actor(a)).collect()
    }

    /// Links to the pages of themes.
    pub(super) fn theme_links(&self, themes: &[ThemeId]) -> Vec<Link<'a>> {
        let site = self.site;
        themes.iter().map(|t| &site.themes[t.0]).map(|theme| self.link(&theme.name, &urls::theme(&theme.id))).collect()
    }

    /// Editorial notes on a publication whose source file is `source`.
    pub(super) fn notes(&self, notes: &'a [Note], source: &str) -> Vec<NoteView<'a>> {
        notes
            .iter()
            .map(|n| NoteView {
                kind: n.kind.code(),
                label: n.kind.label(),
                text: &n.text,
                lines: self.line_links(source, &n.lines),
                id: None,
            })
            .collect()
    }

    /// A plan as lists show it.
    pub fn plan_summary(&self, id: PlanId) -> PlanSummary<'a> {
        let plan = &self.site.plans[id.0];
        let objectives = &self.index.objectives[id.0];
        PlanSummary {
            title: &plan.title,
            url: self.url(&urls::plan(&plan.id)),
            type_label: plan.plan_type.label(),
            type_code: plan.plan_type.code(),
            county: self.county_link(plan.county),
            period: period(plan),
            date: plan.date.as_deref(),
            objectives: objectives.len(),
            activities: objectives.iter().map(|o| o.objective.activities.len()).sum(),
        }
    }

    /// A document as lists show it.
    pub fn document_summary(&self, id: DocumentId) -> DocumentSummary<'a> {
        let site = self.site;
        let document = &site.documents[id.0];
        DocumentSummary {
            title: &document.title,
            url: self.url(&urls::document(&document.id)),
            kind: &document.kind,
            county: self.county_link(document.county),
            locality: document.locality.map(|l| site.localities[l.0].name.as_str()),
            date: document.date.as_deref(),
        }
    }

    /// The framework goal or objective a local one implements.
    pub(super) fn framework_link(&self, r: FrameworkRef) -> FrameworkLink<'a> {
        let site = self.site;
        let framework = &site.frameworks[r.framework];
        let (id, wording, url) = match site.framework_objective(r) {
            Some(objective) => {
                (&objective.id, &objective.wordings[0], urls::framework_objective(&framework.id, &objective.id))
            }
            None => {
                let goal = site.framework_goal(r);
                (&goal.id, &goal.wordings[0], urls::framework(&framework.id))
            }
        };
        FrameworkLink {
            framework: framework.short_title.as_deref().unwrap_or(&framework.title),
            id,
            text: wording,
            url: self.url(&url),
        }
    }
}

/// A plan's period as pages show it: `2023` or `2023–2025`.
pub fn period(plan: &Plan) -> String {
    if plan.period_from == plan.period_to {
        plan.period_from.to_string()
    } else {
        format!("{}–{}", plan.period_from, plan.period_to)
    }
}
