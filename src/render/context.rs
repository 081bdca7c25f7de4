//! One function per page type: each builds the template context of one page from the model and
//! the index, with names resolved and links made. Templates never look anything up.

use serde_json::{Value, json};

use crate::model::index::{Index, ObjectiveEntry, Role};
use crate::model::*;
use crate::urls::{self, Urls};

/// What every context function needs.
pub struct Views<'a> {
    pub site: &'a Site,
    pub index: &'a Index<'a>,
    pub urls: &'a Urls,
}

/// A link for templates: `{name, url}`.
/// Sets `key` of the object `view` to `value`, moving it in. `json!` serialises every value it
/// is given again — a deep copy at each level of nesting — which made the nested views of plans
/// and comparisons cost a fifth of rendering (docs/performance.md); large nested values are
/// therefore built first and moved in with this.
pub(super) fn with(view: &mut Value, key: &str, value: Value) {
    if let Value::Object(map) = view {
        map.insert(key.to_owned(), value);
    }
}

fn link(name: &str, url: String) -> Value {
    json!({ "name": name, "url": url })
}

pub fn plan_type_label(plan_type: PlanType) -> &'static str {
    match plan_type {
        PlanType::PlanDroguri => "Plan de acțiune în domeniul drogurilor",
        PlanType::PlanOperational => "Plan operațional al strategiei de servicii sociale",
        PlanType::PlanAnual => "Plan anual de acțiune privind serviciile sociale",
    }
}

fn plan_type_code(plan_type: PlanType) -> &'static str {
    match plan_type {
        PlanType::PlanDroguri => "plan-droguri",
        PlanType::PlanOperational => "plan-operational",
        PlanType::PlanAnual => "plan-anual",
    }
}

impl<'a> Views<'a> {
    fn url(&self, path: &str) -> String {
        self.urls.link(path)
    }

    /// A county as templates link it; `slug` and `code` let comparison pages mark its columns.
    pub(super) fn county_link(&self, id: CountyId) -> Value {
        let county = self.site.county(id);
        json!({ "name": county.name, "slug": county.slug, "code": county.code, "url": self.url(&urls::county(&county.slug)) })
    }

    fn institution_link(&self, id: InstitutionId) -> Value {
        let institution = self.site.institution(id);
        link(&institution.name, self.url(&urls::institution(&institution.id)))
    }

    fn actor(&self, actor: &ActorRef) -> Value {
        let institution = self.site.institution(actor.institution);
        json!({
            "printed": actor.printed,
            "name": institution.name,
            "url": self.url(&urls::institution(&institution.id)),
            "same": actor.printed == institution.name,
        })
    }

    fn theme_links(&self, themes: &[ThemeId]) -> Vec<Value> {
        themes
            .iter()
            .map(|t| {
                let theme = &self.site.themes[t.0];
                link(&theme.name, self.url(&urls::theme(&theme.id)))
            })
            .collect()
    }

    fn notes(&self, notes: &[Note]) -> Vec<Value> {
        notes.iter().map(|n| json!({ "kind": n.kind.code(), "label": n.kind.label(), "text": n.text })).collect()
    }

    /// A short description of a plan for lists.
    pub fn plan_summary(&self, id: PlanId) -> Value {
        let plan = &self.site.plans[id.0];
        let objectives = &self.index.objectives[id.0];
        json!({
            "title": plan.title,
            "url": self.url(&urls::plan(&plan.id)),
            "type": plan_type_label(plan.plan_type),
            "type_code": plan_type_code(plan.plan_type),
            "county": self.county_link(plan.county),
            "period": period(plan),
            "date": plan.date,
            "objectives": objectives.len(),
            "activities": objectives.iter().map(|o| o.objective.activities.len()).sum::<usize>(),
        })
    }

    pub fn document_summary(&self, id: DocumentId) -> Value {
        let document = &self.site.documents[id.0];
        json!({
            "title": document.title,
            "url": self.url(&urls::document(&document.id)),
            "kind": document.kind,
            "county": self.county_link(document.county),
            "locality": document.locality.map(|l| self.site.localities[l.0].name.clone()),
            "date": document.date,
        })
    }

    fn framework_link(&self, r: FrameworkRef) -> Value {
        let framework = &self.site.frameworks[r.framework];
        let (id, wording, url) = match self.site.framework_objective(r) {
            Some(objective) => (&objective.id, &objective.wordings[0], urls::framework_objective(framework, objective)),
            None => {
                let goal = self.site.framework_goal(r);
                (&goal.id, &goal.wordings[0], urls::framework(framework))
            }
        };
        json!({
            "framework": framework.short_title.as_deref().unwrap_or(&framework.title),
            "id": id,
            "text": wording,
            "url": self.url(&url),
        })
    }

    pub fn activity(&self, plan: &Plan, activity: &Activity) -> Value {
        json!({
            "anchor": activity.anchor,
            "url": self.url(&urls::in_plan(&plan.id, &activity.anchor)),
            "label": activity.label.as_deref().unwrap_or(&plan.labels.activity),
            "number": activity.number,
            "text": activity.text,
            "indicators": activity.indicators,
            "period": activity.period,
            "evaluation": activity.evaluation,
            "responsible": activity.responsible.iter().map(|a| self.actor(a)).collect::<Vec<_>>(),
            "responsible_text": activity.responsible_text,
            "partners": activity.partners.iter().map(|a| self.actor(a)).collect::<Vec<_>>(),
            "partners_text": activity.partners_text,
            "funding": activity.funding,
            "themes": self.theme_links(&activity.themes),
            "notes": self.notes(&activity.notes),
        })
    }

    pub fn objective(&self, plan: &Plan, objective: &Objective, heading: u8) -> Value {
        let activities: Vec<Value> = objective.activities.iter().map(|a| self.activity(plan, a)).collect();
        let mut view = json!({
            "anchor": objective.anchor,
            "url": self.url(&urls::objective(&plan.id, &objective.anchor)),
            "in_plan": self.url(&urls::in_plan(&plan.id, &objective.anchor)),
            "h": heading,
            "ah": (heading + 1).min(6),
            "label": objective.label.as_deref().unwrap_or(&plan.labels.objective),
            "number": objective.number,
            "text": objective.text,
            "list_text": objective.list_text,
            "framework": objective.framework.map(|r| self.framework_link(r)),
            "themes": self.theme_links(&objective.themes),
            "notes": self.notes(&objective.notes),
        });
        with(&mut view, "activities", Value::Array(activities));
        view
    }

    fn goal(&self, plan: &Plan, goal: &Goal, heading: u8) -> Value {
        let objectives: Vec<Value> =
            goal.objectives.iter().map(|o| self.objective(plan, o, (heading + 1).min(6))).collect();
        let mut view = json!({
            "anchor": goal.anchor,
            "h": heading,
            "label": goal.label.as_deref().unwrap_or(&plan.labels.goal),
            "number": goal.number,
            "text": goal.text,
            "framework": goal.framework.map(|r| self.framework_link(r)),
            "notes": self.notes(&goal.notes),
        });
        with(&mut view, "objectives", Value::Array(objectives));
        view
    }

    fn section(&self, plan: &Plan, section: &Section, heading: u8) -> Value {
        let goals: Vec<Value> = section.goals.iter().map(|g| self.goal(plan, g, (heading + 1).min(6))).collect();
        let sections: Vec<Value> =
            section.sections.iter().map(|s| self.section(plan, s, (heading + 1).min(6))).collect();
        let mut view = json!({
            "anchor": section.anchor,
            "h": heading,
            "level": section.level,
            "number": section.number,
            "title": section.title,
            "notes": self.notes(&section.notes),
        });
        with(&mut view, "goals", Value::Array(goals));
        with(&mut view, "sections", Value::Array(sections));
        view
    }

    fn plan_facts(&self, plan: &Plan) -> Value {
        json!({
            "type": plan_type_label(plan.plan_type),
            "county": self.county_link(plan.county),
            "locality": plan.locality.map(|l| self.site.localities[l.0].name.clone()),
            "issuer": plan.issuer.as_ref().map(|a| self.actor(a)),
            "period": period(plan),
            "approval": plan.approval,
            "date": plan.date,
            "source": link(&plan.source, self.url(&urls::source(&plan.source))),
            "header": plan.header,
            "signatories": plan.signatories,
            "glossary": plan.glossary,
            "labels": plan.labels,
        })
    }

    /// The plan page: facts, table of contents, and the whole hierarchy.
    pub fn plan(&self, id: PlanId) -> Value {
        let plan = &self.site.plans[id.0];
        let goals: Vec<Value> = plan.goals.iter().map(|g| self.goal(plan, g, 2)).collect();
        let sections: Vec<Value> = plan.sections.iter().map(|s| self.section(plan, s, 2)).collect();
        let mut view = json!({
            "downloads": [
                link("CSV: activitățile planului", self.url(&format!("date/planuri/{}.csv", plan.id))),
                link("JSON: planul complet", self.url(&format!("date/planuri/{}.json", plan.id))),
            ],
            "plan": self.plan_summary(id),
            "facts": self.plan_facts(plan),
            "notes": self.notes(&plan.notes),
            "note_count": plan.note_count(),
        });
        with(&mut view, "goals", Value::Array(goals));
        with(&mut view, "sections", Value::Array(sections));
        view
    }

    /// The page of one specific objective, with the same framework objective elsewhere.
    pub fn objective_page(&self, plan_id: PlanId, entry: &ObjectiveEntry<'_>) -> Value {
        let plan = &self.site.plans[plan_id.0];
        let path: Vec<Value> =
            entry.path.iter().map(|s| json!({ "level": s.level, "number": s.number, "title": s.title })).collect();
        let elsewhere: Vec<Value> = entry
            .objective
            .framework
            .and_then(|r| self.index.framework_links.get(&r))
            .into_iter()
            .flatten()
            .filter(|(p, _)| *p != plan_id)
            .map(|(p, o)| {
                let other = self.index.objective(*p, *o);
                let other_plan = &self.site.plans[p.0];
                let mut view = json!({ "plan": self.plan_summary(*p), "county": self.county_link(other_plan.county) });
                with(&mut view, "objective", self.objective(other_plan, other.objective, 3));
                view
            })
            .collect();
        let label = entry.objective.label.as_deref().unwrap_or(&plan.labels.objective);
        let cite_title = format!("{label} {} — {}", entry.objective.number.as_deref().unwrap_or(""), plan.title);
        let mut view = json!({
            "cite_title": cite_title,
            "approval": plan.approval,
            "plan": self.plan_summary(plan_id),
            "path": path,
            "goal": { "label": entry.goal.label.as_deref().unwrap_or(&plan.labels.goal), "number": entry.goal.number, "text": entry.goal.text },
            "labels": plan.labels,
        });
        with(&mut view, "objective", self.objective(plan, entry.objective, 2));
        with(&mut view, "elsewhere", Value::Array(elsewhere));
        view
    }

    pub fn county(&self, id: CountyId) -> Value {
        let county = self.site.county(id);
        let plans: Vec<Value> = self.index.plans_by_county[id.0].iter().map(|p| self.plan_summary(*p)).collect();
        let documents: Vec<Value> =
            self.index.documents_by_county[id.0].iter().map(|d| self.document_summary(*d)).collect();
        let institutions: Vec<Value> =
            self.index.institutions_by_county[id.0].iter().map(|i| self.institution_link(*i)).collect();
        let themes: Vec<Value> = self
            .site
            .themes
            .iter()
            .enumerate()
            .filter(|(t, _)| {
                self.index.theme_objectives[*t].iter().any(|(p, _)| self.site.plans[p.0].county == id)
                    || self.index.theme_document_items[*t].iter().any(|(d, _)| self.site.documents[d.0].county == id)
            })
            .map(|(_, theme)| link(&theme.name, self.url(&urls::theme(&theme.id))))
            .collect();
        let downloads: Vec<Value> = if self.index.plans_by_county[id.0].is_empty() {
            Vec::new()
        } else {
            vec![link(
                "CSV: activitățile tuturor planurilor județului",
                self.url(&format!("date/judete/{}.csv", county.slug)),
            )]
        };
        json!({
            "downloads": downloads,
            "county": { "name": county.name, "slug": county.slug, "code": county.code, "kind": county.kind },
            "plans": plans,
            "documents": documents,
            "institutions": institutions,
            "themes": themes,
        })
    }

    pub fn counties(&self) -> Value {
        let counties: Vec<Value> = self
            .site
            .counties
            .iter()
            .enumerate()
            .map(|(i, county)| {
                json!({
                    "name": county.name,
                    "code": county.code,
                    "url": self.url(&urls::county(&county.slug)),
                    "plans": self.index.plans_by_county[i].len(),
                    "documents": self.index.documents_by_county[i].len(),
                })
            })
            .collect();
        json!({ "counties": counties })
    }

    pub fn home(&self) -> Value {
        let mut publications: Vec<(Option<&str>, Value)> = Vec::new();
        for (p, plan) in self.site.plans.iter().enumerate() {
            publications.push((plan.date.as_deref(), self.plan_summary(PlanId(p))));
        }
        for (d, document) in self.site.documents.iter().enumerate() {
            publications.push((document.date.as_deref(), self.document_summary(DocumentId(d))));
        }
        // Newest first; undated publications last, in id order (stable sort keeps it).
        publications.sort_by(|a, b| b.0.cmp(&a.0));
        let active: Vec<Value> = self
            .counties()
            .get("counties")
            .and_then(Value::as_array)
            .map(|all| {
                all.iter()
                    .filter(|c| c["plans"].as_u64().unwrap_or(0) + c["documents"].as_u64().unwrap_or(0) > 0)
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        json!({
            "active_counties": active,
            "county_total": self.site.counties.len(),
            "publications": publications.into_iter().map(|(_, v)| v).collect::<Vec<_>>(),
            "totals": {
                "plans": self.site.plans.len(),
                "documents": self.site.documents.len(),
                "activities": self.site.plans.iter().map(|p| p.activities().count()).sum::<usize>(),
                "institutions": self.site.institutions.len(),
            },
        })
    }

    pub fn plans(&self) -> Value {
        let plans: Vec<Value> = (0..self.site.plans.len()).map(|p| self.plan_summary(PlanId(p))).collect();
        json!({ "plans": plans })
    }

    pub fn documents(&self) -> Value {
        let documents: Vec<Value> =
            (0..self.site.documents.len()).map(|d| self.document_summary(DocumentId(d))).collect();
        json!({ "documents": documents })
    }

    /// The institution page: every activity it answers for or partners in, grouped by plan.
    pub fn institution(&self, id: InstitutionId) -> Value {
        let institution = self.site.institution(id);
        let kind = &self.site.institution_types[institution.kind.0];
        let mut groups: Vec<Value> = Vec::new();
        let involvements = &self.index.involvements[id.0];
        let mut start = 0;
        while start < involvements.len() {
            let plan_id = involvements[start].plan;
            let end = start + involvements[start..].iter().take_while(|i| i.plan == plan_id).count();
            let plan = &self.site.plans[plan_id.0];
            let rows: Vec<Value> = involvements[start..end]
                .iter()
                .map(|i| {
                    let entry = self.index.objective(plan_id, i.objective);
                    json!({
                        "role": i.role.label(),
                        "objective": {
                            "label": entry.objective.label.as_deref().unwrap_or(&plan.labels.objective),
                            "number": entry.objective.number,
                            "text": entry.objective.text,
                            "url": self.url(&urls::objective(&plan.id, &entry.objective.anchor)),
                        },
                        "activity": self.activity(plan, i.activity),
                    })
                })
                .collect();
            groups.push(json!({ "plan": self.plan_summary(plan_id), "labels": plan.labels, "rows": rows }));
            start = end;
        }
        let documents: Vec<Value> = self.index.institution_documents[id.0]
            .iter()
            .map(|(d, role)| json!({ "document": self.document_summary(*d), "role": role.label() }))
            .collect();
        let issued: Vec<Value> = self.index.issued_plans[id.0].iter().map(|p| self.plan_summary(*p)).collect();
        let responsible = involvements.iter().filter(|i| i.role == Role::Responsible).count();
        json!({
            "downloads": [link("CSV: activitățile instituției", self.url(&format!("date/institutii/{}.csv", institution.id)))],
            "jsonld": {
                "@context": "https://schema.org",
                "@type": if kind.id == "actor-generic" || kind.id == "ong" { "Organization" } else { "GovernmentOrganization" },
                "name": institution.name,
                "alternateName": institution.aliases,
                "areaServed": institution.county.map(|c| self.site.county(c).name.clone()),
            },
            "institution": {
                "id": institution.id,
                "name": institution.name,
                "aliases": institution.aliases,
                "note": institution.note,
                "county": institution.county.map(|c| self.county_link(c)),
                "type": link(&kind.name, self.url(&urls::institution_type(&kind.id))),
                "generic": kind.id == "actor-generic",
            },
            "groups": groups,
            "documents": documents,
            "issued": issued,
            "responsible_count": responsible,
            "partner_count": involvements.len() - responsible,
        })
    }

    pub fn institutions(&self) -> Value {
        let mut list: Vec<(&str, Value)> = self
            .site
            .institutions
            .iter()
            .enumerate()
            .map(|(i, institution)| {
                (
                    institution.name.as_str(),
                    json!({
                        "name": institution.name,
                        "url": self.url(&urls::institution(&institution.id)),
                        "county": institution.county.map(|c| self.site.county(c).name.clone()),
                        "type": self.site.institution_types[institution.kind.0].name,
                        "activities": self.index.involvements[i].len(),
                    }),
                )
            })
            .collect();
        list.sort_by_cached_key(|a| crate::text::fold(a.0));
        json!({ "institutions": list.into_iter().map(|(_, v)| v).collect::<Vec<_>>() })
    }

    pub fn institution_type(&self, id: InstitutionTypeId) -> Value {
        let kind = &self.site.institution_types[id.0];
        let members: Vec<Value> = self.index.institutions_by_type[id.0]
            .iter()
            .map(|i| {
                let institution = self.site.institution(*i);
                json!({
                    "name": institution.name,
                    "url": self.url(&urls::institution(&institution.id)),
                    "county": institution.county.map(|c| self.county_link(c)),
                    "activities": self.index.involvements[i.0].len(),
                })
            })
            .collect();
        json!({ "type": { "id": kind.id, "name": kind.name, "abbreviation": kind.abbreviation }, "members": members })
    }

    pub fn institution_types(&self) -> Value {
        let types: Vec<Value> = self
            .site
            .institution_types
            .iter()
            .enumerate()
            .map(|(t, kind)| {
                json!({
                    "name": kind.name,
                    "abbreviation": kind.abbreviation,
                    "url": self.url(&urls::institution_type(&kind.id)),
                    "members": self.index.institutions_by_type[t].len(),
                })
            })
            .collect();
        json!({ "types": types })
    }

    /// A theme page: per county, the objectives and document items tagged with it.
    pub fn theme(&self, id: ThemeId) -> Value {
        let theme = &self.site.themes[id.0];
        let mut counties: Vec<Value> = Vec::new();
        for c in 0..self.site.counties.len() {
            let objectives: Vec<Value> = self.index.theme_objectives[id.0]
                .iter()
                .filter(|(p, _)| self.site.plans[p.0].county.0 == c)
                .map(|(p, o)| {
                    let plan = &self.site.plans[p.0];
                    let entry = self.index.objective(*p, *o);
                    json!({ "plan": self.plan_summary(*p), "objective": self.objective(plan, entry.objective, 4) })
                })
                .collect();
            let items: Vec<Value> = self.index.theme_document_items[id.0]
                .iter()
                .filter(|(d, _)| self.site.documents[d.0].county.0 == c)
                .map(|(d, item)| json!({ "document": self.document_summary(*d), "text": item.text }))
                .collect();
            if !objectives.is_empty() || !items.is_empty() {
                counties
                    .push(json!({ "county": self.county_link(CountyId(c)), "objectives": objectives, "items": items }));
            }
        }
        json!({ "theme": theme, "counties": counties })
    }

    pub fn themes(&self) -> Value {
        let themes: Vec<Value> = self
            .site
            .themes
            .iter()
            .enumerate()
            .map(|(t, theme)| {
                json!({
                    "name": theme.name,
                    "description": theme.description,
                    "url": self.url(&urls::theme(&theme.id)),
                    "objectives": self.index.theme_objectives[t].len(),
                    "items": self.index.theme_document_items[t].len(),
                })
            })
            .collect();
        json!({ "themes": themes })
    }

    pub fn document(&self, id: DocumentId, body_html: &str) -> Value {
        let document = &self.site.documents[id.0];
        let tagged = |items: &[TaggedItem]| -> Vec<Value> {
            items.iter().map(|i| json!({ "text": i.text, "themes": self.theme_links(&i.themes) })).collect()
        };
        json!({
            "document": self.document_summary(id),
            "registration": document.registration,
            "organiser": document.organiser.as_ref().map(|a| self.actor(a)),
            "participants": document.participants.iter().map(|a| self.actor(a)).collect::<Vec<_>>(),
            "drawn_up_by": document.drawn_up_by,
            "themes": self.theme_links(&document.themes),
            "vulnerable_groups": tagged(&document.vulnerable_groups),
            "proposals": tagged(&document.proposals),
            "notes": self.notes(&document.notes),
            "source": link(&document.source, self.url(&urls::source(&document.source))),
            "body": body_html,
        })
    }
}

impl Views<'_> {
    /// The downloads page.
    pub fn downloads(&self) -> Value {
        let plans: Vec<Value> = self
            .site
            .plans
            .iter()
            .map(|p| json!({ "title": p.title, "csv": self.url(&format!("date/planuri/{}.csv", p.id)), "json": self.url(&format!("date/planuri/{}.json", p.id)) }))
            .collect();
        let frameworks: Vec<Value> = self
            .site
            .frameworks
            .iter()
            .map(|f| json!({ "title": f.title, "csv": self.url(&format!("date/strategii/{}.csv", f.id)), "json": self.url(&format!("date/strategii/{}.json", f.id)) }))
            .collect();
        json!({ "plans": plans, "frameworks": frameworks })
    }
}

fn period(plan: &Plan) -> String {
    if plan.period_from == plan.period_to {
        plan.period_from.to_string()
    } else {
        format!("{}–{}", plan.period_from, plan.period_to)
    }
}
