//! "What does every DSP answer for, county by county": on an institution type's page, one column
//! per county whose plans name an institution of that type, with the activities it is
//! responsible for and those it is a partner in.

use std::collections::BTreeSet;

use serde::Serialize;

use super::{CountyLink, ItemLink, Link, Views};
use crate::model::index::{Involvement, Role};
use crate::model::*;
use crate::urls;

/// One county's column.
#[derive(Serialize)]
pub struct TypeCountyColumn<'a> {
    /// The county whose plans name them.
    pub county: CountyLink<'a>,
    /// The institutions of the type those plans name, in Romanian alphabetical order.
    pub institutions: Vec<Link<'a>>,
    /// The first activities they are responsible for (`COLUMN_ACTIVITIES` at most), in plan order.
    pub responsible: Vec<ItemLink<'a>>,
    /// How many more activities they are responsible for than `responsible` lists.
    pub responsible_more: usize,
    /// The first activities they are partners in (`COLUMN_ACTIVITIES` at most), in plan order.
    pub partner: Vec<ItemLink<'a>>,
    /// How many more activities they are partners in than `partner` lists.
    pub partner_more: usize,
}

/// How many activities a column cell lists before it says how many more there are: the rest are
/// on the institutions' own (paginated) pages, linked in the column's head. Issue 21: listing
/// every activity made a type's page 7–53 MB at 100,000 pages.
pub const COLUMN_ACTIVITIES: usize = 10;

/// The activities of an institution type, one column per county.
#[derive(Serialize)]
pub struct TypeCounties<'a> {
    /// The counties whose plans name an institution of the type, in alphabetical order.
    pub columns: Vec<TypeCountyColumn<'a>>,
    /// The counties with published plans that name none.
    pub missing: Vec<CountyLink<'a>>,
}

impl<'a> Views<'a> {
    /// The activities of the institutions of type `id`, by the county of the plan naming them.
    pub fn type_counties(&self, id: InstitutionTypeId) -> TypeCounties<'a> {
        let site = self.site;
        let members = &self.index.institutions_by_type[id.0];
        let mut with_plans: Vec<CountyId> = site.plans.iter().map(|p| p.county).collect();
        with_plans.sort_by_key(|c| c.0);
        with_plans.dedup();
        with_plans.sort_by_cached_key(|c| crate::text::collate_key(&site.county(*c).name));
        let (mut columns, mut missing) = (Vec::new(), Vec::new());
        for county in with_plans {
            let involvements: Vec<(InstitutionId, &Involvement<'a>)> = members
                .iter()
                .flat_map(|i| self.index.involvements[i.0].iter().map(move |v| (*i, v)))
                .filter(|(_, v)| site.plans[v.plan.0].county == county)
                .collect();
            if involvements.is_empty() {
                missing.push(self.county_link(county));
            } else {
                columns.push(self.county_column(county, &involvements));
            }
        }
        TypeCounties { columns, missing }
    }

    fn county_column(
        &self,
        county: CountyId,
        involvements: &[(InstitutionId, &Involvement<'a>)],
    ) -> TypeCountyColumn<'a> {
        let mut institutions: Vec<InstitutionId> = involvements.iter().map(|(i, _)| *i).collect();
        institutions.sort_by_cached_key(|i| crate::text::collate_key(&self.site.institution(*i).name));
        institutions.dedup();
        let (mut responsible, mut partner) =
            (self.activities_in_role(involvements, true), self.activities_in_role(involvements, false));
        let more = |list: &[ItemLink<'a>]| list.len().saturating_sub(COLUMN_ACTIVITIES);
        let (responsible_more, partner_more) = (more(&responsible), more(&partner));
        responsible.truncate(COLUMN_ACTIVITIES);
        partner.truncate(COLUMN_ACTIVITIES);
        TypeCountyColumn {
            county: self.county_link(county),
            institutions: institutions.into_iter().map(|i| self.institution_link(i)).collect(),
            responsible,
            responsible_more,
            partner,
            partner_more,
        }
    }

    /// The activities of `involvements` in one role, each once, in plan order.
    fn activities_in_role(
        &self,
        involvements: &[(InstitutionId, &Involvement<'a>)],
        responsible: bool,
    ) -> Vec<ItemLink<'a>> {
        let mut rows: Vec<&Involvement<'a>> =
            involvements.iter().map(|(_, v)| *v).filter(|v| (v.role == Role::Responsible) == responsible).collect();
        // Plan order: by plan, then by where the activity sits in it.
        rows.sort_by_key(|v| (v.plan.0, v.objective, self.position(v)));
        let mut seen = BTreeSet::new();
        rows.into_iter()
            .filter(|v| seen.insert(std::ptr::from_ref(v.activity) as usize))
            .map(|v| self.activity_link(v))
            .collect()
    }

    /// Where an activity sits among its objective's.
    fn position(&self, v: &Involvement<'a>) -> usize {
        let objective = self.index.objective(v.plan, v.objective).objective;
        objective.activities.iter().position(|a| std::ptr::eq(a, v.activity)).unwrap_or(0)
    }

    fn activity_link(&self, v: &Involvement<'a>) -> ItemLink<'a> {
        let plan = &self.site.plans[v.plan.0];
        ItemLink {
            label: v.activity.label.as_deref().unwrap_or(&plan.labels.activity),
            number: v.activity.number.as_deref(),
            text: &v.activity.text,
            url: self.url(&urls::in_plan(&plan.id, &v.activity.anchor)),
        }
    }
}
