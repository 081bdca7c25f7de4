//! What is indexed per page: one record per plan, specific objective, activity, institution and
//! document, so that a result lands on the objective page or on the activity's anchor, with its
//! plan and county, and carries the values of the search page's filters.

use std::collections::BTreeMap;

use crate::model::index::Index;
use crate::model::*;
use crate::urls;

/// One searchable record: where it leads, what it says, how it shows and filters.
#[derive(Debug, Clone, PartialEq, Hash)]
pub struct Record {
    /// Site path with optional anchor (`planuri/x/#a-1-1-1`), without the base path.
    pub url: String,
    /// The text Pagefind indexes.
    pub content: String,
    /// What a result shows: `title`, `kind`, and `plan`, `county`, `excerpt_text`, `objective`
    /// where they apply.
    pub meta: BTreeMap<String, String>,
    /// The values of each filter (`FILTER_*`) the record matches.
    pub filters: BTreeMap<String, Vec<String>>,
}

// Filter names as readers see them in the interface.
/// The county filter: the county's name.
pub const FILTER_COUNTY: &str = "județ";
/// The plan type filter: [`crate::vocabulary::PlanType::search_label`].
pub const FILTER_PLAN_TYPE: &str = "tip de plan";
/// The institution filter: the institution's full name.
pub const FILTER_INSTITUTION: &str = "instituție";
/// The theme filter: the theme's name.
pub const FILTER_THEME: &str = "temă";
/// The kind of result: plan, objective, activity, institution or document.
pub const FILTER_KIND: &str = "tip de rezultat";

/// The records of the whole site, in a stable order.
pub fn records(site: &Site, index: &Index<'_>) -> Vec<Record> {
    let all = Records::new(site, index);
    all.range(0..all.len())
}

/// The records of the site, made on demand: how many there are is known from the model, and
/// [`Records::range`] makes only the records asked for, so that each search shard makes its own
/// and the records of the whole site (~0.5 GB at 100,000 pages) are never in memory at once.
pub struct Records<'a> {
    site: &'a Site,
    index: &'a Index<'a>,
    /// The position after each plan's last record.
    plan_ends: Vec<usize>,
}

impl<'a> Records<'a> {
    /// The records of `site`, none made yet.
    pub fn new(site: &'a Site, index: &'a Index<'a>) -> Records<'a> {
        let plan_ends = index
            .objectives
            .iter()
            .scan(0, |end, objectives| {
                *end += 1 + objectives.iter().map(|o| 1 + o.objective.activities.len()).sum::<usize>();
                Some(*end)
            })
            .collect();
        Records { site, index, plan_ends }
    }

    fn plan_total(&self) -> usize {
        self.plan_ends.last().copied().unwrap_or(0)
    }

    /// How many records the site has.
    pub fn len(&self) -> usize {
        self.plan_total() + self.site.institutions.len() + self.site.documents.len()
    }

    /// Whether the site has no record.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The records at positions `range`, as [`records`] would list them.
    pub fn range(&self, range: std::ops::Range<usize>) -> Vec<Record> {
        let (site, index) = (self.site, self.index);
        let mut out = Vec::with_capacity(range.len());
        let first = self.plan_ends.partition_point(|end| *end <= range.start);
        for p in first..site.plans.len() {
            let start = if p == 0 { 0 } else { self.plan_ends[p - 1] };
            if start >= range.end {
                break;
            }
            let mut plan = Vec::new();
            plan_records(site, index, PlanId(p), &site.plans[p], &mut plan);
            let skip = range.start.saturating_sub(start);
            out.extend(plan.into_iter().skip(skip).take(range.end - start.max(range.start)));
        }
        let institutions = self.plan_total()..self.plan_total() + site.institutions.len();
        for i in range.start.max(institutions.start)..range.end.min(institutions.end) {
            out.push(institution_record(site, &site.institutions[i - institutions.start]));
        }
        for d in range.start.max(institutions.end)..range.end.min(self.len()) {
            out.push(document_record(site, &site.documents[d - institutions.end]));
        }
        out
    }
}

fn institution_record(site: &Site, institution: &Institution) -> Record {
    let kind = &site.institution_types[institution.kind.0];
    let mut content = vec![institution.name.clone(), kind.name.clone()];
    content.extend(kind.abbreviation.iter().cloned());
    content.extend(institution.aliases.iter().cloned());
    content.extend(institution.note.iter().cloned());
    let county = institution.county.map(|c| site.county(c).name.clone());
    let mut record =
        Record::new(urls::institution(&institution.id), &institution.name, "Instituție", content.join(". "));
    if let Some(county) = county {
        record.meta.insert("county".into(), county.clone());
        record.filter(FILTER_COUNTY, county);
    }
    record.filter(FILTER_INSTITUTION, institution.name.clone());
    record
}

fn document_record(site: &Site, document: &Document) -> Record {
    let county = site.county(document.county).name.clone();
    let mut record = Record::new(urls::document(&document.id), &document.title, "Document", document.body.clone());
    record.meta.insert("county".into(), county.clone());
    record.filter(FILTER_COUNTY, county);
    for actor in document.participants.iter().chain(&document.organiser) {
        record.filter(FILTER_INSTITUTION, site.institution(actor.institution).name.clone());
    }
    for theme in document
        .themes
        .iter()
        .chain(document.vulnerable_groups.iter().chain(&document.proposals).flat_map(|i| &i.themes))
    {
        record.filter(FILTER_THEME, site.themes[theme.0].name.clone());
    }
    record
}

impl Record {
    fn new(url: String, title: &str, kind: &str, content: String) -> Record {
        let mut meta = BTreeMap::new();
        meta.insert("title".to_owned(), title.to_owned());
        meta.insert("kind".to_owned(), kind.to_owned());
        let mut record = Record { url, content, meta, filters: BTreeMap::new() };
        record.filter(FILTER_KIND, kind.to_owned());
        record
    }

    fn filter(&mut self, name: &str, value: String) {
        let values = self.filters.entry(name.to_owned()).or_default();
        if !values.contains(&value) {
            values.push(value);
        }
    }
}

fn plan_records(site: &Site, index: &Index<'_>, id: PlanId, plan: &Plan, records: &mut Vec<Record>) {
    let county = site.county(plan.county).name.clone();
    let plan_type = plan.plan_type.search_label().to_owned();
    let common = |record: &mut Record| {
        record.meta.insert("plan".into(), plan.title.clone());
        record.meta.insert("county".into(), county.clone());
        record.filter(FILTER_COUNTY, county.clone());
        record.filter(FILTER_PLAN_TYPE, plan_type.clone());
    };
    let mut record =
        Record::new(urls::plan(&plan.id), &plan.title, "Plan", format!("{}. {county}. {plan_type}", plan.title));
    common(&mut record);
    records.push(record);
    for entry in &index.objectives[id.0] {
        let objective = entry.objective;
        let label = objective.label.as_deref().unwrap_or(&plan.labels.objective);
        let title = format!("{label} {}", objective.number.as_deref().unwrap_or("")).trim().to_owned();
        let mut content = vec![objective.text.clone(), entry.goal.text.clone()];
        content.extend(objective.list_text.iter().cloned());
        let mut record =
            Record::new(urls::objective(&plan.id, &objective.anchor), &title, "Obiectiv", content.join(". "));
        record.meta.insert("excerpt_text".into(), objective.text.clone());
        common(&mut record);
        for theme in &objective.themes {
            record.filter(FILTER_THEME, site.themes[theme.0].name.clone());
        }
        records.push(record);
        for activity in &objective.activities {
            records.push(activity_record(site, plan, objective, activity, &common));
        }
    }
}

fn activity_record(
    site: &Site,
    plan: &Plan,
    objective: &Objective,
    activity: &Activity,
    common: &dyn Fn(&mut Record),
) -> Record {
    let label = activity.label.as_deref().unwrap_or(&plan.labels.activity);
    let title = format!("{label} {}", activity.number.as_deref().unwrap_or("")).trim().to_owned();
    let mut content = vec![activity.text.clone()];
    content.extend(activity.indicators.iter().cloned());
    content.extend(activity.period.iter().cloned());
    content.extend(activity.funding.iter().cloned());
    let actors: Vec<&ActorRef> = activity.responsible.iter().chain(&activity.partners).collect();
    for actor in &actors {
        let institution = site.institution(actor.institution);
        // The printed name, the full name and every alias, so that "DGASPC" and the full name
        // both find the activity.
        content.push(actor.printed.clone());
        content.push(institution.name.clone());
        content.extend(institution.aliases.iter().cloned());
    }
    let mut record = Record::new(urls::in_plan(&plan.id, &activity.anchor), &title, "Activitate", content.join(". "));
    record.meta.insert("excerpt_text".into(), activity.text.clone());
    record.meta.insert("objective".into(), objective.text.clone());
    common(&mut record);
    for actor in actors {
        record.filter(FILTER_INSTITUTION, site.institution(actor.institution).name.clone());
    }
    for theme in activity.themes.iter().chain(&objective.themes) {
        record.filter(FILTER_THEME, site.themes[theme.0].name.clone());
    }
    record
}
