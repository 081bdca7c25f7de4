//! Every published table of the data set, each made once as a [`Table`] value (`activities`,
//! `registry`, `minutes`, and `crate::export::irregularities`), in the order the data package
//! lists them: the whole-set tables first, then the per-plan, per-county and per-institution
//! files.

pub mod activities;
pub mod localities;
pub mod minutes;
pub mod registry;

use crate::config::Config;
use crate::export::table::{Column, Row, Table};
use crate::model::index::Index;
use crate::model::{Document, Plan, PlanId, Site};

/// The two county columns every table that names a county has: `judet` (the slug, a key of
/// `judete.csv`) and `judet_nume` (the name as written).
pub fn county_columns(description: &str) -> [Column; 2] {
    [
        Column::text("judet", "Județ (identificator)", format!("{description} Identificatorul din judete.csv (cluj).")),
        Column::text("judet_nume", "Județ", format!("{description} Numele, așa cum e scris.")),
    ]
}

/// The newest of `dates` (`YYYY-MM-DD` compare as text), if any.
pub fn newest(dates: impl IntoIterator<Item = Option<String>>) -> Option<String> {
    dates.into_iter().flatten().max()
}

/// The newest date the content gives a plan: its own date, the day its file was retrieved, the
/// day the portal published it, the day of its latest correction.
pub fn plan_date(plan: &Plan) -> Option<String> {
    let corrections = plan.corrections.iter().map(|c| Some(c.date.clone()));
    newest(
        [plan.date.clone(), plan.provenance.retrieved.clone(), plan.published.clone()].into_iter().chain(corrections),
    )
}

/// The newest date the content gives a document, as [`plan_date`].
pub fn document_date(document: &Document) -> Option<String> {
    let corrections = document.corrections.iter().map(|c| Some(c.date.clone()));
    let own = [document.date.clone(), document.provenance.retrieved.clone(), document.published.clone()];
    newest(own.into_iter().chain(corrections))
}

/// The newest date of the whole content: the data set's version date.
pub fn site_date(site: &Site) -> Option<String> {
    newest(site.plans.iter().map(plan_date).chain(site.documents.iter().map(document_date)))
}

/// The activity rows of every plan, made once (in parallel) and shared by every table that
/// shows them.
pub fn plan_rows(site: &Site, index: &Index<'_>, config: &Config) -> Vec<Vec<Row>> {
    use rayon::prelude::*;
    (0..site.plans.len()).into_par_iter().map(|p| activities::plan_rows(site, index, config, PlanId(p))).collect()
}

/// Every table of the data set, in the order of the data package: the whole-set tables, the
/// per-plan and per-county ones, held (their rows are shared with `plan_rows`), then the
/// per-institution ones, made one at a time by [`Tables::table`].
pub struct Tables<'a> {
    held: Vec<Table>,
    institutions: activities::InstitutionTables<'a>,
}

impl<'a> Tables<'a> {
    /// The tables of `site`, whose plans' activity rows are `plan_rows`.
    pub fn new(site: &'a Site, index: &'a Index<'a>, config: &Config, plan_rows: &'a [Vec<Row>]) -> Tables<'a> {
        let mut activity_tables = activities::tables(site, index, plan_rows).into_iter();
        let mut held: Vec<Table> = activity_tables.next().into_iter().collect();
        held.extend([
            registry::plans(site, config),
            registry::institutions(site, index, config),
            registry::counties(site, index),
            registry::documents(site, config),
            localities::table(site, index, config),
            minutes::table(site, config),
            crate::export::irregularities::table(site, config),
        ]);
        held.extend(registry::frameworks(site, index));
        held.extend(activity_tables);
        Tables { held, institutions: activities::InstitutionTables::new(site, index, plan_rows) }
    }

    /// How many tables there are.
    pub fn len(&self) -> usize {
        self.held.len() + self.institutions.count()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Table `i`, borrowed when held, made when not.
    pub fn table(&self, i: usize) -> std::borrow::Cow<'_, Table> {
        match self.held.get(i) {
            Some(table) => std::borrow::Cow::Borrowed(table),
            None => std::borrow::Cow::Owned(self.institutions.table(i - self.held.len())),
        }
    }
}
