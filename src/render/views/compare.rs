//! Comparisons between counties: the comparison index (pairs, frameworks, the theme matrix of
//! `theme_matrix.rs`) and pre-rendered pages for every pair of counties, so comparisons work
//! without JavaScript and each has a stable URL. Also the lookups the framework pages share (`framework.rs`).

use serde::Serialize;

use super::{CountyLink, LabelsView, LocalDiffs, ObjectiveView, PlanSummary, ThemeMatrix, Views, WordDiff};
use crate::model::*;
use crate::urls;

/// A title and where it links.
#[derive(Serialize)]
pub struct TitledLink<'a> {
    /// The title.
    pub title: &'a str,
    /// The page.
    pub url: String,
}

/// A text and where it links.
#[derive(Serialize)]
pub struct TextLink<'a> {
    /// The text.
    pub text: &'a str,
    /// The page.
    pub url: String,
}

/// A local objective with its plan, on a comparison page.
#[derive(Serialize)]
pub struct LocalObjective<'a> {
    /// The plan.
    pub plan: PlanSummary<'a>,
    /// What the plan calls its levels and columns.
    pub labels: LabelsView<'a>,
    /// The objective, with its activities.
    pub objective: ObjectiveView<'a>,
    /// Its wording against the most common one of the counties adopting the national objective
    /// (none where only one county does).
    pub diff: Option<WordDiff<'a>>,
    /// Its activities' wordings, one per activity in order, each against the most common one
    /// among the activities at the same position.
    pub activity_diffs: Vec<Option<WordDiff<'a>>>,
}

/// A county that adopted a framework objective, with its objectives for it.
#[derive(Serialize)]
pub struct CountyObjectives<'a> {
    /// The county.
    pub county: CountyLink<'a>,
    /// Its local objectives linked to the framework objective.
    pub objectives: Vec<LocalObjective<'a>>,
}

/// A pair of counties, in the comparison index.
#[derive(Serialize)]
pub struct PairLink<'a> {
    /// The first county's name.
    pub a: &'a str,
    /// The second county's name.
    pub b: &'a str,
    /// The pair's page.
    pub url: String,
}

/// A county in the comparison form.
#[derive(Serialize)]
pub struct CountyOption<'a> {
    /// Its slug.
    pub slug: &'a str,
    /// Its name.
    pub name: &'a str,
}

/// `comparisons.html`: the pairs of counties, the frameworks, and the theme matrix.
#[derive(Serialize)]
pub struct ComparisonsPage<'a> {
    /// Every pair of counties that published anything.
    pub pairs: Vec<PairLink<'a>>,
    /// Every national framework.
    pub frameworks: Vec<TitledLink<'a>>,
    /// The counties of the comparison form.
    pub counties: Vec<CountyOption<'a>>,
    /// Counties × themes.
    pub theme_matrix: ThemeMatrix<'a>,
}

/// A framework objective both counties of a pair include.
#[derive(Serialize)]
pub struct SharedObjective<'a> {
    /// The framework objective.
    pub framework: TextLink<'a>,
    /// The first county's objectives for it.
    pub a: Vec<LocalObjective<'a>>,
    /// The second county's objectives for it.
    pub b: Vec<LocalObjective<'a>>,
}

/// An objective or document item under a theme, on a pair page.
#[derive(Serialize)]
pub struct ThemeEntry<'a> {
    /// What the plan calls the objective, or "Din documentul".
    pub label: &'a str,
    /// For a document item, the document's title as published: the link names the document.
    pub document: Option<&'a str>,
    /// The objective's number, if any (none for a document item).
    pub number: Option<&'a str>,
    /// The wording.
    pub text: &'a str,
    /// The objective's or document's page.
    pub url: String,
    /// How many activities the objective has (none for a document item).
    pub activities: Option<usize>,
}

/// A theme both counties of a pair have publications under.
#[derive(Serialize)]
pub struct SharedTheme<'a> {
    /// The theme's name.
    pub name: &'a str,
    /// Its page.
    pub url: String,
    /// What the first county has under it.
    pub a: PairThemeSide<'a>,
    /// What the second county has under it.
    pub b: PairThemeSide<'a>,
}

/// What one county of a pair has under a shared theme. Its objectives are counted and linked,
/// not listed: listed, every county's objectives stood again on each of its 41 pair pages (issue
/// 21); its page of the theme lists them once.
#[derive(Serialize)]
pub struct PairThemeSide<'a> {
    /// The county's page of the theme (`judete/<county>/teme/<theme>/`), where its objectives are.
    pub url: String,
    /// How many of its objectives carry the theme.
    pub objectives: usize,
    /// Its document items carrying the theme, each naming its document.
    pub items: Vec<ThemeEntry<'a>>,
}

/// A county of a pair.
#[derive(Serialize)]
pub struct PairCounty<'a> {
    /// Its name.
    pub name: &'a str,
    /// Its page.
    pub url: String,
    /// Whether it has on the portal a plan of a type that adopts a national framework: without
    /// one, which national objectives it includes is not known (never "none").
    pub has_plan: bool,
}

/// `pair.html`: two counties side by side.
#[derive(Serialize)]
pub struct PairPage<'a> {
    /// The first county.
    pub a: PairCounty<'a>,
    /// The second county.
    pub b: PairCounty<'a>,
    /// The framework objectives both include.
    pub shared: Vec<SharedObjective<'a>>,
    /// Those only the first includes.
    pub only_a: Vec<TextLink<'a>>,
    /// Those only the second includes.
    pub only_b: Vec<TextLink<'a>>,
    /// The themes both have publications under.
    pub themes: Vec<SharedTheme<'a>>,
    /// The types of the plans that adopt the national frameworks, in Romanian: what a county
    /// without `has_plan` lacks.
    pub plan_types: Vec<&'static str>,
}

impl<'a> Views<'a> {
    /// The local objectives of `county` linked to one framework objective.
    pub(super) fn county_links(&self, r: FrameworkRef, county: CountyId) -> Vec<(PlanId, usize)> {
        let site = self.site;
        self.index
            .framework_links
            .get(&r)
            .into_iter()
            .flatten()
            .filter(|(p, _)| site.plans[p.0].county == county)
            .copied()
            .collect()
    }

    /// Local objectives with their plans, their headings at level `heading`, each wording against
    /// the references of the national objective `r`. Several plans share a page here, so their
    /// activities' ids carry the plan's id.
    pub(super) fn local_objectives(
        &self,
        links: &[(PlanId, usize)],
        heading: u8,
        r: FrameworkRef,
    ) -> Vec<LocalObjective<'a>> {
        let (site, index) = (self.site, self.index);
        let diffs = self.local_diffs(r);
        links
            .iter()
            .map(|(p, o)| {
                let plan = &site.plans[p.0];
                let local = index.objective(*p, *o).objective;
                let mut objective = self.objective(plan, local, heading);
                for activity in &mut objective.activities {
                    activity.among_plans(&plan.id);
                }
                // Every link of `r` has its differences in `diffs`.
                let LocalDiffs { objective: diff, activities: activity_diffs } =
                    diffs.get(&(*p, *o)).cloned().unwrap_or(LocalDiffs { objective: None, activities: Vec::new() });
                LocalObjective {
                    plan: self.plan_summary(*p),
                    labels: LabelsView::of(&plan.labels),
                    objective,
                    diff,
                    activity_diffs,
                }
            })
            .collect()
    }

    /// A framework objective's wording and page.
    fn framework_objective_link(&self, r: FrameworkRef, objective: &'a FrameworkObjective) -> TextLink<'a> {
        let framework = &self.site.frameworks[r.framework];
        TextLink {
            text: &objective.wordings[0],
            url: self.url(&urls::framework_objective(&framework.id, &objective.id)),
        }
    }

    /// The counties that published anything, for the comparison index.
    pub fn counties_with_publications(&self) -> Vec<CountyId> {
        let index = self.index;
        // The file's order, not the alphabet: a pair's address is built in this order (the pair
        // pages, compare.js from the form's order, and the collision check in resolve/limits.rs).
        (0..self.site.counties.len())
            .filter(|c| !index.plans_by_county[*c].is_empty() || !index.documents_by_county[*c].is_empty())
            .map(CountyId)
            .collect()
    }

    /// The comparison index.
    pub fn comparisons(&self) -> ComparisonsPage<'a> {
        let site = self.site;
        let counties = self.counties_with_publications();
        let mut pairs = Vec::new();
        for (i, a) in counties.iter().enumerate() {
            for b in &counties[i + 1..] {
                let (ca, cb) = (site.county(*a), site.county(*b));
                pairs.push(PairLink { a: &ca.name, b: &cb.name, url: self.url(&urls::pair(&ca.slug, &cb.slug)) });
            }
        }
        ComparisonsPage {
            pairs,
            frameworks: site
                .frameworks
                .iter()
                .map(|f| TitledLink { title: &f.title, url: self.url(&urls::framework(&f.id)) })
                .collect(),
            counties: counties
                .iter()
                .map(|c| site.county(*c))
                .map(|county| CountyOption { slug: &county.slug, name: &county.name })
                .collect(),
            theme_matrix: self.theme_matrix(),
        }
    }

    /// Two counties side by side: the framework objectives both adopted, those only one did, and
    /// the themes of their social-services publications.
    pub fn pair(&self, a: CountyId, b: CountyId) -> PairPage<'a> {
        let site = self.site;
        let mut shared = Vec::new();
        let (mut only_a, mut only_b) = (Vec::new(), Vec::new());
        for (r, objective) in site.framework_objectives() {
            let (la, lb) = (self.county_links(r, a), self.county_links(r, b));
            let head = self.framework_objective_link(r, objective);
            match (la.is_empty(), lb.is_empty()) {
                (false, false) => shared.push(SharedObjective {
                    framework: head,
                    a: self.local_objectives(&la, 4, r),
                    b: self.local_objectives(&lb, 4, r),
                }),
                (false, true) => only_a.push(head),
                (true, false) => only_b.push(head),
                (true, true) => {}
            }
        }
        let mut types: Vec<PlanType> = (0..site.frameworks.len()).flat_map(|f| self.framework_plan_types(f)).collect();
        types.sort();
        types.dedup();
        let county = |c: CountyId| {
            let county = site.county(c);
            PairCounty {
                name: &county.name,
                url: self.url(&urls::county(&county.slug)),
                has_plan: self.has_plan_of(c, &types),
            }
        };
        PairPage {
            a: county(a),
            b: county(b),
            shared,
            only_a,
            only_b,
            themes: self.shared_themes(a, b),
            plan_types: types.iter().map(|t| t.label()).collect(),
        }
    }

    /// The themes both counties have publications under, with their entries side by side.
    fn shared_themes(&self, a: CountyId, b: CountyId) -> Vec<SharedTheme<'a>> {
        self.index
            .themes_by_name
            .iter()
            .map(|t| (t.0, &self.site.themes[t.0]))
            .filter_map(|(t, theme)| {
                let (sa, sb) = (self.pair_theme_side(t, a), self.pair_theme_side(t, b));
                let has = |s: &PairThemeSide<'_>| s.objectives > 0 || !s.items.is_empty();
                (has(&sa) && has(&sb)).then(|| SharedTheme {
                    name: &theme.name,
                    url: self.url(&urls::theme(&theme.id)),
                    a: sa,
                    b: sb,
                })
            })
            .collect()
    }

    /// What `county` has under theme `t`: its objectives counted, its document items.
    fn pair_theme_side(&self, t: usize, county: CountyId) -> PairThemeSide<'a> {
        let (site, index) = (self.site, self.index);
        let objectives = index.theme_objectives[t].iter().filter(|(p, _)| site.plans[p.0].county == county).count();
        let items = index.theme_document_items[t].iter().filter(|(d, _)| site.documents[d.0].county == county).map(
            |(d, item)| ThemeEntry {
                label: "Din documentul",
                document: Some(&site.documents[d.0].title),
                number: None,
                text: &item.text,
                url: self.url(&urls::document(&site.documents[d.0].id)),
                activities: None,
            },
        );
        let slug = &site.county(county).slug;
        PairThemeSide {
            url: self.url(&urls::county_theme(slug, &site.themes[t].id)),
            objectives,
            items: items.collect(),
        }
    }
}
