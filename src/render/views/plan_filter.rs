//! Filters within a plan: by responsible body, theme and deadline. One pre-built page per plan
//! lists the activities under each value of each filter, each leading to its objective's page
//! (so that filtering works without JavaScript); on the plan page, `plan.js` uses the same
//! values to filter the activity cards in place.

use serde::Serialize;

use super::{ItemLink, PlanSummary, Views};
use crate::model::index::ObjectiveEntry;
use crate::model::*;
use crate::text::slugify;
use crate::urls;

/// What a plan's activities can be filtered by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterKind {
    /// The bodies named responsible (not the partners).
    Responsible,
    /// The themes of the activity and of its objective.
    Theme,
    /// The deadline or period, as printed.
    Deadline,
}

impl FilterKind {
    /// Every filter, in the order the plan page lists them.
    pub const ALL: [FilterKind; 3] = [FilterKind::Responsible, FilterKind::Theme, FilterKind::Deadline];

    /// Its part of a filter page's address: `responsabil`, `tema`, `termen`.
    pub fn slug(self) -> &'static str {
        match self {
            FilterKind::Responsible => "responsabil",
            FilterKind::Theme => "tema",
            FilterKind::Deadline => "termen",
        }
    }

    /// Its name before one value: `Responsabil`, `Temă`, `Termen`.
    pub fn name(self) -> &'static str {
        match self {
            FilterKind::Responsible => "Responsabil",
            FilterKind::Theme => "Temă",
            FilterKind::Deadline => "Termen",
        }
    }

    /// Its name over the list of its values: `Responsabili`, `Teme`, `Termene`.
    fn plural(self) -> &'static str {
        match self {
            FilterKind::Responsible => "Responsabili",
            FilterKind::Theme => "Teme",
            FilterKind::Deadline => "Termene",
        }
    }
}

/// One value of a filter and the activities it selects, in document order.
pub struct FilterSet<'a> {
    /// Its part of the filter page's address (an institution's or theme's id, a deadline's slug).
    pub slug: String,
    /// What the reader sees: the institution's or theme's name, the deadline as printed.
    pub label: String,
    /// The activities it selects, each with its objective's place in the plan.
    pub activities: Vec<(usize, &'a Activity)>,
}

/// The values of filter `kind` over the activities of `plan`: an activity with two responsible
/// bodies (or themes) is under both, and one without any is under a value saying so, so that
/// every activity is under at least one value. Values with more activities come first, then in
/// the order the document first names them (no alphabetical order: no collation needed).
pub fn filter_sets<'a>(site: &'a Site, objectives: &[ObjectiveEntry<'a>], kind: FilterKind) -> Vec<FilterSet<'a>> {
    let mut sets: Vec<FilterSet<'a>> = Vec::new();
    for (o, entry) in objectives.iter().enumerate() {
        for activity in &entry.objective.activities {
            for (slug, label) in values(site, entry.objective, activity, kind) {
                match sets.iter_mut().find(|s| s.slug == slug) {
                    Some(set) => set.activities.push((o, activity)),
                    None => sets.push(FilterSet { slug, label, activities: vec![(o, activity)] }),
                }
            }
        }
    }
    if kind == FilterKind::Deadline {
        sets.iter_mut().for_each(name_by_commonest_form);
    }
    // A stable sort: among equals, the document's order stays.
    sets.sort_by_key(|s| std::cmp::Reverse(s.activities.len()));
    sets
}

/// Names a deadline by the form most of its activities print ("2014 - 2024" rather than
/// "2014-2024"), the first one printed among equals.
fn name_by_commonest_form(set: &mut FilterSet<'_>) {
    let mut forms: Vec<(&str, usize)> = Vec::new();
    for p in set.activities.iter().filter_map(|(_, a)| a.period.as_deref()).map(str::trim) {
        match forms.iter_mut().find(|(f, _)| *f == p) {
            Some((_, n)) => *n += 1,
            None => forms.push((p, 1)),
        }
    }
    // `max_by_key` keeps the last of equals: reversed, that is the first printed.
    if let Some((form, _)) = forms.iter().rev().max_by_key(|(_, n)| *n) {
        set.label = (*form).to_owned();
    }
}

/// The values (slug, label) of filter `kind` one activity of `objective` has.
fn values(site: &Site, objective: &Objective, activity: &Activity, kind: FilterKind) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = match kind {
        FilterKind::Responsible => activity
            .responsible
            .iter()
            .map(|r| site.institution(r.institution))
            .map(|i| (i.id.clone(), i.name.clone()))
            .collect(),
        FilterKind::Theme => objective
            .themes
            .iter()
            .chain(&activity.themes)
            .map(|t| &site.themes[t.0])
            .map(|t| (t.id.clone(), t.name.clone()))
            .collect(),
        // Deadlines printed with other spaces or dashes ("2014 - 2024", "2014–2024") share a slug.
        FilterKind::Deadline => match activity.period.as_deref().map(|p| (slugify(p), p.trim())) {
            Some((slug, p)) if !slug.is_empty() => vec![(slug, p.to_owned())],
            Some((_, p)) => vec![("altul".to_owned(), p.to_owned())],
            None => Vec::new(),
        },
    };
    let mut seen = Vec::new();
    found.retain(|(slug, _)| {
        !seen.contains(slug) && {
            seen.push(slug.clone());
            true
        }
    });
    if found.is_empty() {
        let none = match kind {
            FilterKind::Responsible => "Fără responsabil numit",
            FilterKind::Theme => "Fără temă",
            FilterKind::Deadline => "Fără termen",
        };
        found.push((format!("fara-{}", kind.slug()), none.to_owned()));
    }
    found
}

/// One value in the plan page's filter lists.
#[derive(Serialize)]
pub struct FilterValue {
    /// The institution's or theme's name, the deadline as printed.
    pub label: String,
    /// How many activities it selects.
    pub count: usize,
    /// Its list on the plan's filter page (the link without JavaScript).
    pub url: String,
    /// The anchors of those activities, separated by spaces: `plan.js` shows only these.
    pub anchors: String,
}

/// One filter of the plan page, with its values.
#[derive(Serialize)]
pub struct FilterGroup {
    /// `responsabil`, `tema` or `termen`.
    pub kind: &'static str,
    /// `Responsabili`, `Teme` or `Termene`.
    pub title: &'static str,
    /// `Responsabil`, `Temă` or `Termen`: its name before one value.
    pub name: &'static str,
    /// Its values, those with more activities first.
    pub values: Vec<FilterValue>,
}

/// One value on the filter page, with the activities it selects.
#[derive(Serialize)]
pub struct FilterList<'a> {
    /// Its id on the page (`responsabil-dsp-cluj`), the target of the plan page's link.
    pub anchor: String,
    /// The institution's or theme's name, the deadline as printed.
    pub label: String,
    /// Its activities, in document order, each leading to its place on its objective's page,
    /// where it is shown unfolded.
    pub activities: Vec<ItemLink<'a>>,
}

/// One filter on the filter page.
#[derive(Serialize)]
pub struct FilterSection<'a> {
    /// `responsabil`, `tema` or `termen`.
    pub kind: &'static str,
    /// `Responsabili`, `Teme` or `Termene`.
    pub title: &'static str,
    /// Its values, those with more activities first.
    pub values: Vec<FilterList<'a>>,
}

/// `plan_filter.html`: a plan's activities listed under each value of each filter, so that
/// filtering works without JavaScript (the plan page's filter links lead to these lists).
#[derive(Serialize)]
pub struct PlanFilterPage<'a> {
    /// The plan.
    pub plan: PlanSummary<'a>,
    /// The plan page's filter lists.
    pub filters_url: String,
    /// Every filter, with its values.
    pub sections: Vec<FilterSection<'a>>,
}

impl<'a> Views<'a> {
    /// The values of filter `kind` over the activities of plan `id`.
    pub fn filter_sets(&self, id: PlanId, kind: FilterKind) -> Vec<FilterSet<'a>> {
        filter_sets(self.site, &self.index.objectives[id.0], kind)
    }

    /// The filters of the plan page: every value, its list and its activities' anchors.
    pub fn plan_filters(&self, id: PlanId) -> Vec<FilterGroup> {
        let plan = &self.site.plans[id.0];
        FilterKind::ALL
            .iter()
            .map(|&kind| FilterGroup {
                kind: kind.slug(),
                title: kind.plural(),
                name: kind.name(),
                values: self
                    .filter_sets(id, kind)
                    .into_iter()
                    .map(|set| FilterValue {
                        count: set.activities.len(),
                        url: self.url(&urls::plan_filter_value(&plan.id, kind.slug(), &set.slug)),
                        anchors: set.activities.iter().map(|(_, a)| a.anchor.as_str()).collect::<Vec<_>>().join(" "),
                        label: set.label,
                    })
                    .collect(),
            })
            .collect()
    }

    /// The filter page of plan `id`.
    pub fn plan_filter(&self, id: PlanId) -> PlanFilterPage<'a> {
        let plan = &self.site.plans[id.0];
        let sections = FilterKind::ALL
            .iter()
            .map(|&kind| FilterSection {
                kind: kind.slug(),
                title: kind.plural(),
                values: self
                    .filter_sets(id, kind)
                    .into_iter()
                    .map(|set| FilterList {
                        anchor: urls::filter_anchor(kind.slug(), &set.slug),
                        activities: set.activities.iter().map(|(o, a)| self.filtered_activity(id, *o, a)).collect(),
                        label: set.label,
                    })
                    .collect(),
            })
            .collect();
        PlanFilterPage { plan: self.plan_summary(id), filters_url: self.url(&urls::plan_filters(&plan.id)), sections }
    }

    fn filtered_activity(&self, id: PlanId, objective: usize, activity: &'a Activity) -> ItemLink<'a> {
        let plan = &self.site.plans[id.0];
        let page = urls::objective(&plan.id, &self.index.objective(id, objective).objective.anchor);
        ItemLink {
            label: activity.label.as_deref().unwrap_or(&plan.labels.activity),
            number: activity.number.as_deref(),
            text: &activity.text,
            url: format!("{}#{}", self.url(&page), activity.anchor),
        }
    }
}
