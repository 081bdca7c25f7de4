//! The rankings of institutions and of institution types by the activities, plans and counties
//! that name them: one pre-sorted page per order, so that sorting needs no JavaScript.

use std::collections::BTreeSet;

use serde::Serialize;

use super::{Link, Views};
use crate::model::index::Role;
use crate::model::*;
use crate::urls;

/// What a ranking is sorted by, most first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RankOrder {
    /// The activities that name it (responsible or partner), the default view.
    Activities,
    /// The plans whose activities name it.
    Plans,
    /// The counties of those plans.
    Counties,
}

impl RankOrder {
    /// Every order, as the "Sortați după" navigation lists them.
    pub const ALL: [RankOrder; 3] = [RankOrder::Activities, RankOrder::Plans, RankOrder::Counties];

    /// The last part of its address (empty for the default view).
    pub fn slug(self) -> &'static str {
        match self {
            RankOrder::Activities => "",
            RankOrder::Plans => "planuri",
            RankOrder::Counties => "judete",
        }
    }

    /// Its name in the navigation and the title.
    pub fn label(self) -> &'static str {
        match self {
            RankOrder::Activities => "activități",
            RankOrder::Plans => "planuri",
            RankOrder::Counties => "județe",
        }
    }
}

/// How many activities, plans and counties name an institution or a type.
#[derive(Serialize, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RankCounts {
    /// Activities naming it, each once even when it is both responsible and partner.
    pub activities: usize,
    /// Activities naming it responsible.
    pub responsible: usize,
    /// Activities naming it partner.
    pub partner: usize,
    /// Plans with such an activity.
    pub plans: usize,
    /// Counties of those plans.
    pub counties: usize,
}

impl RankCounts {
    /// The key that sorts by `order`, most first, then by the other counts.
    fn key(self, order: RankOrder) -> [std::cmp::Reverse<usize>; 3] {
        use std::cmp::Reverse as R;
        match order {
            RankOrder::Activities => [R(self.activities), R(self.plans), R(self.counties)],
            RankOrder::Plans => [R(self.plans), R(self.activities), R(self.counties)],
            RankOrder::Counties => [R(self.counties), R(self.activities), R(self.plans)],
        }
    }
}

/// One row of a ranking.
#[derive(Serialize)]
pub struct RankRow<'a> {
    /// Its place, from 1; rows with the same counts share it.
    pub place: usize,
    /// Its name.
    pub name: &'a str,
    /// Its page; the counts link to it too.
    pub url: String,
    /// For an institution, the name of its type.
    pub kind: Option<&'a str>,
    /// For a type, how many institutions it has.
    pub members: Option<usize>,
    /// Its counts.
    pub counts: RankCounts,
}

/// One entry of the "Sortați după" navigation.
#[derive(Serialize)]
pub struct RankSortLink<'a> {
    /// The order's name and view.
    pub link: Link<'a>,
    /// Whether it is the page's own order (`aria-current="page"`).
    pub current: bool,
}

/// `ranking.html`: institutions or institution types, sorted by one count.
#[derive(Serialize)]
pub struct RankingPage<'a> {
    /// Whether the rows are institution types.
    pub types: bool,
    /// The name of the order: `activități`, `planuri`, `județe`.
    pub order: &'static str,
    /// The views sorted otherwise.
    pub sorts: Vec<RankSortLink<'a>>,
    /// The other ranking (types for institutions and back).
    pub other: Link<'a>,
    /// The rows on this page (`INSTITUTIONS_PER_PAGE` at most), sorted; only those named by at
    /// least one activity. Their places count from the first page.
    pub rows: Vec<RankRow<'a>>,
    /// Where this page stands in the ranking; none when every row fits on one page.
    pub pagination: Option<super::Pagination>,
}

impl<'a> Views<'a> {
    /// What names an institution: its activities, plans and counties.
    pub fn institution_counts(&self, id: InstitutionId) -> RankCounts {
        self.counts_of(&[id])
    }

    /// What names any of `members`: an activity naming two of them counts once.
    fn counts_of(&self, members: &[InstitutionId]) -> RankCounts {
        let mut activities = BTreeSet::new();
        let (mut responsible, mut partner) = (BTreeSet::new(), BTreeSet::new());
        let (mut plans, mut counties) = (BTreeSet::new(), BTreeSet::new());
        for involvement in members.iter().flat_map(|i| &self.index.involvements[i.0]) {
            let activity = std::ptr::from_ref(involvement.activity) as usize;
            activities.insert(activity);
            match involvement.role {
                Role::Responsible => responsible.insert(activity),
                _ => partner.insert(activity),
            };
            plans.insert(involvement.plan.0);
            counties.insert(self.site.plans[involvement.plan.0].county.0);
        }
        RankCounts {
            activities: activities.len(),
            responsible: responsible.len(),
            partner: partner.len(),
            plans: plans.len(),
            counties: counties.len(),
        }
    }

    /// The ranking of institutions (`types` false) or of institution types by `order`.
    pub fn ranking(&self, types: bool, order: RankOrder, n: usize) -> RankingPage<'a> {
        let mut rows: Vec<RankRow<'a>> = (self.ranked(types).into_iter())
            .map(|k| if types { self.type_row(InstitutionTypeId(k)) } else { self.institution_row(InstitutionId(k)) })
            .collect();
        rows.sort_by_cached_key(|row| (row.counts.key(order), crate::text::collate_key(row.name)));
        for n in 0..rows.len() {
            let same = n > 0 && rows[n - 1].counts.key(order) == rows[n].counts.key(order);
            rows[n].place = if same { rows[n - 1].place } else { n + 1 };
        }
        let sorts = RankOrder::ALL
            .iter()
            .map(|o| RankSortLink { link: self.link(o.label(), &urls::ranking(types, o.slug())), current: *o == order })
            .collect();
        let other = if types { "clasamentul instituțiilor" } else { "clasamentul tipurilor de instituții" };
        let total = rows.len();
        let range = super::page_items(total, super::INSTITUTIONS_PER_PAGE, n);
        let pagination = self.pagination(&urls::ranking(types, order.slug()), n, total, super::INSTITUTIONS_PER_PAGE);
        RankingPage {
            types,
            order: order.label(),
            sorts,
            other: self.link(other, &urls::ranking(!types, order.slug())),
            rows: rows.drain(range).collect(),
            pagination,
        }
    }

    /// How many rows the ranking of institutions (`false`) or of their types has.
    pub fn ranking_row_count(&self, types: bool) -> usize {
        self.ranked(types).len()
    }

    /// The institutions (`types` false) or institution types a ranking lists, in the site's
    /// order: those at least one activity names. Told from the involvements alone, without
    /// counting them: the page count and every page's title need it (`PageKind::Ranking`).
    fn ranked(&self, types: bool) -> Vec<usize> {
        let named = |members: &[InstitutionId]| members.iter().any(|i| !self.index.involvements[i.0].is_empty());
        if types {
            (0..self.site.institution_types.len()).filter(|t| named(&self.index.institutions_by_type[*t])).collect()
        } else {
            (0..self.site.institutions.len()).filter(|i| named(&[InstitutionId(*i)])).collect()
        }
    }

    fn institution_row(&self, id: InstitutionId) -> RankRow<'a> {
        let institution = self.site.institution(id);
        RankRow {
            place: 0,
            name: &institution.name,
            url: self.url(&urls::institution(&institution.id)),
            kind: Some(&self.site.institution_types[institution.kind.0].name),
            members: None,
            counts: self.institution_counts(id),
        }
    }

    fn type_row(&self, id: InstitutionTypeId) -> RankRow<'a> {
        let kind = &self.site.institution_types[id.0];
        let members = &self.index.institutions_by_type[id.0];
        RankRow {
            place: 0,
            name: &kind.name,
            url: self.url(&urls::institution_type(&kind.id)),
            kind: None,
            members: Some(members.len()),
            counts: self.counts_of(members),
        }
    }
}
