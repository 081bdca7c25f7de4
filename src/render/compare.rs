//! Comparison pages: each national-framework objective side by side across the counties whose
//! plans adopt the framework (with the counties that leave it out), the coverage matrix, and
//! pre-rendered pages for every pair of counties, so comparisons work without JavaScript and
//! each has a stable URL.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use super::context::{Views, with};
use crate::model::*;
use crate::urls;

impl Views<'_> {
    /// The counties whose plans link to `framework`, in county order.
    pub fn framework_counties(&self, framework: usize) -> Vec<CountyId> {
        let counties: BTreeSet<CountyId> = self
            .index
            .framework_links
            .iter()
            .filter(|(r, _)| r.framework == framework)
            .flat_map(|(_, links)| links.iter().map(|(p, _)| self.site.plans[p.0].county))
            .collect();
        counties.into_iter().collect()
    }

    /// The local objectives of `county` linked to one framework objective.
    fn county_links(&self, r: FrameworkRef, county: CountyId) -> Vec<(PlanId, usize)> {
        self.index
            .framework_links
            .get(&r)
            .into_iter()
            .flatten()
            .filter(|(p, _)| self.site.plans[p.0].county == county)
            .copied()
            .collect()
    }

    /// The page of one framework objective: every adopting county side by side.
    pub fn framework_objective(&self, r: FrameworkRef) -> Value {
        let framework = &self.site.frameworks[r.framework];
        let goal = self.site.framework_goal(r);
        let objective = self.site.framework_objective(r).expect("an objective reference");
        let mut present = Vec::new();
        let mut absent = Vec::new();
        for county in self.framework_counties(r.framework) {
            let links = self.county_links(r, county);
            let county_view = self.county_link(county);
            if links.is_empty() {
                absent.push(county_view);
                continue;
            }
            let objectives: Vec<Value> = links
                .iter()
                .map(|(p, o)| {
                    let plan = &self.site.plans[p.0];
                    let entry = self.index.objective(*p, *o);
                    let mut view = json!({ "plan": self.plan_summary(*p), "labels": plan.labels });
                    with(&mut view, "objective", self.objective(plan, entry.objective, 3));
                    view
                })
                .collect();
            let mut view = json!({ "county": county_view });
            with(&mut view, "objectives", Value::Array(objectives));
            present.push(view);
        }
        json!({
            "framework": { "title": framework.title, "url": self.urls.link(&urls::framework(framework)) },
            "goal": { "wordings": goal.wordings },
            "objective": { "id": objective.id, "wordings": objective.wordings, "note": objective.note },
            "present": present,
            "absent": absent,
        })
    }

    /// The framework page: its objectives and the coverage matrix (counties × objectives).
    pub fn framework(&self, f: usize) -> Value {
        let framework = &self.site.frameworks[f];
        let counties = self.framework_counties(f);
        let county_views: Vec<Value> = counties.iter().map(|c| self.county_link(*c)).collect();
        let mut rows = Vec::new();
        for (g, goal) in framework.goals.iter().enumerate() {
            for (o, objective) in goal.objectives.iter().enumerate() {
                let r = FrameworkRef { framework: f, goal: g, objective: Some(o) };
                let cells: Vec<Value> = counties
                    .iter()
                    .map(|c| {
                        let links = self.county_links(r, *c);
                        let activities: usize =
                            links.iter().map(|(p, i)| self.index.objective(*p, *i).objective.activities.len()).sum();
                        json!({ "present": !links.is_empty(), "activities": activities })
                    })
                    .collect();
                rows.push(json!({
                    "id": objective.id,
                    "text": objective.wordings[0],
                    "url": self.urls.link(&urls::framework_objective(framework, objective)),
                    "goal": g,
                    "cells": cells,
                }));
            }
        }
        let goals: Vec<Value> =
            framework.goals.iter().map(|g| json!({ "text": g.wordings[0], "note": g.note })).collect();
        json!({
            "framework": { "title": framework.title, "short_title": framework.short_title },
            "counties": county_views,
            "goals": goals,
            "rows": rows,
        })
    }

    /// The counties that published anything, for the comparison index.
    pub fn counties_with_publications(&self) -> Vec<CountyId> {
        (0..self.site.counties.len())
            .filter(|c| !self.index.plans_by_county[*c].is_empty() || !self.index.documents_by_county[*c].is_empty())
            .map(CountyId)
            .collect()
    }

    pub fn comparisons(&self) -> Value {
        let counties = self.counties_with_publications();
        let mut pairs = Vec::new();
        for (i, a) in counties.iter().enumerate() {
            for b in &counties[i + 1..] {
                let (ca, cb) = (self.site.county(*a), self.site.county(*b));
                pairs.push(json!({ "a": ca.name, "b": cb.name, "url": self.urls.link(&urls::pair_of(ca, cb)) }));
            }
        }
        let frameworks: Vec<Value> = self
            .site
            .frameworks
            .iter()
            .map(|f| json!({ "title": f.title, "url": self.urls.link(&urls::framework(f)) }))
            .collect();
        let options: Vec<Value> = counties
            .iter()
            .map(|c| json!({ "slug": self.site.county(*c).slug, "name": self.site.county(*c).name }))
            .collect();
        json!({ "pairs": pairs, "frameworks": frameworks, "counties": options, "theme_matrix": self.theme_matrix() })
    }

    /// Counties × themes: how many objectives and document items each county has per theme.
    pub fn theme_matrix(&self) -> Value {
        let counties = self.counties_with_publications();
        let rows: Vec<Value> = self
            .site
            .themes
            .iter()
            .enumerate()
            .map(|(t, theme)| {
                let cells: Vec<usize> = counties
                    .iter()
                    .map(|c| {
                        self.index.theme_objectives[t].iter().filter(|(p, _)| self.site.plans[p.0].county == *c).count()
                            + self.index.theme_document_items[t]
                                .iter()
                                .filter(|(d, _)| self.site.documents[d.0].county == *c)
                                .count()
                    })
                    .collect();
                json!({ "name": theme.name, "url": self.urls.link(&urls::theme(&theme.id)), "cells": cells })
            })
            .collect();
        let columns: Vec<Value> = counties.iter().map(|c| self.county_link(*c)).collect();
        json!({ "columns": columns, "rows": rows })
    }

    /// Two counties side by side: the framework objectives both adopted, those only one did, and
    /// the themes of their social-services publications.
    pub fn pair(&self, a: CountyId, b: CountyId) -> Value {
        let mut shared = Vec::new();
        let mut only = [Vec::new(), Vec::new()];
        for (r, objective) in self.site.framework_objectives() {
            let (la, lb) = (self.county_links(r, a), self.county_links(r, b));
            let side = |links: &[(PlanId, usize)]| -> Vec<Value> {
                links
                    .iter()
                    .map(|(p, o)| {
                        let plan = &self.site.plans[p.0];
                        let entry = self.index.objective(*p, *o);
                        let mut view = json!({ "plan": self.plan_summary(*p), "labels": plan.labels });
                        with(&mut view, "objective", self.objective(plan, entry.objective, 4));
                        view
                    })
                    .collect()
            };
            let framework = &self.site.frameworks[r.framework];
            let head = json!({ "text": objective.wordings[0], "url": self.urls.link(&urls::framework_objective(framework, objective)) });
            match (la.is_empty(), lb.is_empty()) {
                (false, false) => {
                    let mut view = json!({ "framework": head });
                    with(&mut view, "a", Value::Array(side(&la)));
                    with(&mut view, "b", Value::Array(side(&lb)));
                    shared.push(view);
                }
                (false, true) => only[0].push(head),
                (true, false) => only[1].push(head),
                (true, true) => {}
            }
        }
        let themes: Vec<Value> = self
            .site
            .themes
            .iter()
            .enumerate()
            .filter_map(|(t, theme)| {
                let side = |c: CountyId| -> Vec<Value> {
                    self.index.theme_objectives[t]
                        .iter()
                        .filter(|(p, _)| self.site.plans[p.0].county == c)
                        .map(|(p, o)| {
                            let plan = &self.site.plans[p.0];
                            let entry = self.index.objective(*p, *o);
                            json!({ "label": entry.objective.label.as_deref().unwrap_or(&plan.labels.objective), "number": entry.objective.number, "text": entry.objective.text, "url": self.urls.link(&urls::objective(&plan.id, &entry.objective.anchor)), "activities": entry.objective.activities.len() })
                        })
                        .chain(self.index.theme_document_items[t].iter().filter(|(d, _)| self.site.documents[d.0].county == c).map(|(d, item)| {
                            json!({ "label": "Din documentul", "number": null, "text": item.text, "url": self.urls.link(&urls::document(&self.site.documents[d.0].id)), "activities": null })
                        }))
                        .collect()
                };
                let (sa, sb) = (side(a), side(b));
                (!sa.is_empty() && !sb.is_empty()).then(|| {
                    let mut view = json!({ "name": theme.name, "url": self.urls.link(&urls::theme(&theme.id)) });
                    with(&mut view, "a", Value::Array(sa));
                    with(&mut view, "b", Value::Array(sb));
                    view
                })
            })
            .collect();
        let county = |c: CountyId| {
            let county = self.site.county(c);
            json!({ "name": county.name, "url": self.urls.link(&urls::county(&county.slug)) })
        };
        let [only_a, only_b] = only;
        let mut view = json!({ "a": county(a), "b": county(b) });
        for (key, list) in [("shared", shared), ("only_a", only_a), ("only_b", only_b), ("themes", themes)] {
            with(&mut view, key, Value::Array(list));
        }
        view
    }
}
