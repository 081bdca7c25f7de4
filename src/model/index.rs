//! Cross-references built once from the model, so that no page walks the whole site: what each
//! county published, what each institution answers for, which objectives carry each theme and
//! which local objectives implement each framework objective.

use std::collections::BTreeMap;

use super::*;
pub use crate::vocabulary::Role;

/// A specific objective with its place in its plan.
#[derive(Clone)]
pub struct ObjectiveEntry<'a> {
    /// Its plan.
    pub plan: PlanId,
    /// The grouping sections above it, outermost first.
    pub path: Vec<&'a Section>,
    /// Its general objective.
    pub goal: &'a Goal,
    /// The objective.
    pub objective: &'a Objective,
}

/// One activity an institution takes part in.
#[derive(Clone)]
pub struct Involvement<'a> {
    /// Index into `Index::objectives[plan]`.
    pub objective: usize,
    /// The plan of the activity.
    pub plan: PlanId,
    /// The activity.
    pub activity: &'a Activity,
    /// The part it plays.
    pub role: Role,
}

/// The cross-references of a site, built once by `Index::build`.
pub struct Index<'a> {
    /// The site indexed.
    pub site: &'a Site,
    /// Per plan, its specific objectives in document order.
    pub objectives: Vec<Vec<ObjectiveEntry<'a>>>,
    /// Per county, the plans it published.
    pub plans_by_county: Vec<Vec<PlanId>>,
    /// Per county, its documents.
    pub documents_by_county: Vec<Vec<DocumentId>>,
    /// Per institution, the activities it answers for or partners in, in plan order.
    pub involvements: Vec<Vec<Involvement<'a>>>,
    /// Per institution, the documents that name it, and the plans it issued.
    pub institution_documents: Vec<Vec<(DocumentId, Role)>>,
    /// Per institution, the plans it issued.
    pub issued_plans: Vec<Vec<PlanId>>,
    /// Per institution type, its institutions.
    pub institutions_by_type: Vec<Vec<InstitutionId>>,
    /// Every county, in Romanian alphabetical order of name ("Brașov", "Brăila", "București",
    /// "Buzău"): the order of every list of counties a reader sees.
    pub counties_by_name: Vec<CountyId>,
    /// Per county, its place in `counties_by_name`, to sort any list of counties by it.
    pub county_rank: Vec<usize>,
    /// Every theme, in Romanian alphabetical order of name: the order of every list of themes.
    pub themes_by_name: Vec<ThemeId>,
    /// Per county, the institutions active in its publications (any county's bodies included).
    pub institutions_by_county: Vec<Vec<InstitutionId>>,
    /// Per theme: (plan, objective index) pairs tagged with it, directly or through an activity.
    pub theme_objectives: Vec<Vec<(PlanId, usize)>>,
    /// Per theme: (document, item text) pairs tagged with it.
    pub theme_document_items: Vec<Vec<(DocumentId, &'a TaggedItem)>>,
    /// Per framework objective: the local objectives linked to it, as (plan, objective index).
    pub framework_links: BTreeMap<FrameworkRef, Vec<(PlanId, usize)>>,
    /// Per locality: the activities tagged with it, as (plan, objective index, activity), in
    /// plan order.
    pub locality_activities: Vec<Vec<(PlanId, usize, &'a Activity)>>,
    /// Per county, its localities in Romanian alphabetical order of name.
    pub localities_by_county: Vec<Vec<LocalityId>>,
    /// Per locality, the plans and documents that are its own (`locality:`).
    pub locality_publications: Vec<(Vec<PlanId>, Vec<DocumentId>)>,
}

impl<'a> Index<'a> {
    /// Builds every cross-reference of `site`.
    pub fn build(site: &'a Site) -> Index<'a> {
        let mut index = Index {
            site,
            objectives: Vec::with_capacity(site.plans.len()),
            plans_by_county: vec![Vec::new(); site.counties.len()],
            documents_by_county: vec![Vec::new(); site.counties.len()],
            involvements: vec![Vec::new(); site.institutions.len()],
            institution_documents: vec![Vec::new(); site.institutions.len()],
            issued_plans: vec![Vec::new(); site.institutions.len()],
            institutions_by_type: vec![Vec::new(); site.institution_types.len()],
            counties_by_name: (0..site.counties.len()).map(CountyId).collect(),
            county_rank: vec![0; site.counties.len()],
            themes_by_name: (0..site.themes.len()).map(ThemeId).collect(),
            institutions_by_county: vec![Vec::new(); site.counties.len()],
            theme_objectives: vec![Vec::new(); site.themes.len()],
            theme_document_items: vec![Vec::new(); site.themes.len()],
            framework_links: BTreeMap::new(),
            locality_activities: vec![Vec::new(); site.localities.len()],
            localities_by_county: vec![Vec::new(); site.counties.len()],
            locality_publications: vec![(Vec::new(), Vec::new()); site.localities.len()],
        };
        for (i, locality) in site.localities.iter().enumerate() {
            index.localities_by_county[locality.county.0].push(LocalityId(i));
        }
        for list in &mut index.localities_by_county {
            list.sort_by_cached_key(|l| crate::text::collate_key(&site.localities[l.0].name));
        }
        for (i, institution) in site.institutions.iter().enumerate() {
            index.institutions_by_type[institution.kind.0].push(InstitutionId(i));
        }
        for (p, plan) in site.plans.iter().enumerate() {
            index.add_plan(PlanId(p), plan);
        }
        for (d, document) in site.documents.iter().enumerate() {
            index.add_document(DocumentId(d), document);
        }
        index.counties_by_name.sort_by_cached_key(|c| crate::text::collate_key(&site.county(*c).name));
        for (rank, county) in index.counties_by_name.iter().enumerate() {
            index.county_rank[county.0] = rank;
        }
        index.themes_by_name.sort_by_cached_key(|t| crate::text::collate_key(&site.themes[t.0].name));
        for list in &mut index.institutions_by_county {
            // Romanian alphabetical order ("Căsuța" before "Miraje"); the id keeps the copies of one
            // institution next to each other for `dedup` when two share a name.
            list.sort_by_cached_key(|i| (crate::text::collate_key(&site.institution(*i).name), *i));
            list.dedup();
        }
        index
    }

    fn add_plan(&mut self, plan_id: PlanId, plan: &'a Plan) {
        self.plans_by_county[plan.county.0].push(plan_id);
        if let Some(locality) = plan.locality {
            self.locality_publications[locality.0].0.push(plan_id);
        }
        if let Some(issuer) = &plan.issuer {
            self.issued_plans[issuer.institution.0].push(plan_id);
        }
        let mut entries = Vec::new();
        for goal in plan.goals_in_order() {
            for objective in &goal.goal.objectives {
                let o = entries.len();
                entries.push(ObjectiveEntry { plan: plan_id, path: goal.path.clone(), goal: goal.goal, objective });
                if let Some(link) = objective.framework {
                    self.framework_links.entry(link).or_default().push((plan_id, o));
                }
                let mut themes: Vec<ThemeId> = objective.themes.clone();
                for activity in &objective.activities {
                    themes.extend(activity.themes.iter().copied());
                    self.add_activity(plan_id, plan.county, o, activity);
                }
                themes.sort();
                themes.dedup();
                for theme in themes {
                    self.theme_objectives[theme.0].push((plan_id, o));
                }
            }
        }
        self.objectives.push(entries);
    }

    fn add_activity(&mut self, plan: PlanId, county: CountyId, objective: usize, activity: &'a Activity) {
        for locality in &activity.localities {
            self.locality_activities[locality.0].push((plan, objective, activity));
        }
        let roles = activity
            .responsible
            .iter()
            .map(|r| (r, Role::Responsible))
            .chain(activity.partners.iter().map(|r| (r, Role::Partner)));
        for (actor, role) in roles {
            let list = &mut self.involvements[actor.institution.0];
            // One row per activity even when a cell names the same body twice.
            if !list.iter().any(|i| std::ptr::eq(i.activity, activity) && i.role == role) {
                list.push(Involvement { objective, plan, activity, role });
            }
            self.institutions_by_county[county.0].push(actor.institution);
        }
    }

    fn add_document(&mut self, id: DocumentId, document: &'a Document) {
        self.documents_by_county[document.county.0].push(id);
        if let Some(locality) = document.locality {
            self.locality_publications[locality.0].1.push(id);
        }
        let named = document
            .organiser
            .iter()
            .map(|o| (o, Role::Organiser))
            .chain(document.participants.iter().map(|p| (p, Role::Participant)));
        for (actor, role) in named {
            self.institution_documents[actor.institution.0].push((id, role));
            self.institutions_by_county[document.county.0].push(actor.institution);
        }
        for item in document.vulnerable_groups.iter().chain(&document.proposals) {
            for theme in &item.themes {
                self.theme_document_items[theme.0].push((id, item));
            }
        }
    }

    /// The `index`-th specific objective of `plan`, in document order.
    pub fn objective(&self, plan: PlanId, index: usize) -> &ObjectiveEntry<'a> {
        &self.objectives[plan.0][index]
    }

    /// How many activities institution `i` takes part in: an activity naming it both responsible
    /// and partner has two involvements (consecutive, see `add_activity`) but counts once.
    pub fn activity_count(&self, i: InstitutionId) -> usize {
        self.involvements[i.0].chunk_by(|a, b| std::ptr::eq(a.activity, b.activity)).count()
    }
}
