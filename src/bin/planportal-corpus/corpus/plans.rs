//! One plan file: its shape (levels, numbers, labels as the real documents print them) and its
//! text, drawn from the pools of real texts by position. A plan is sized in pages: the plan page,
//! its filter page and one page per specific objective.

use serde::Serialize;

use super::listings::{self, Entry};
use super::{DRUG_OBJECTIVES, GENERIC_ACTORS, Generator, PlanKind, choose, pick, yaml};
use crate::vocabulary::FRAMEWORK_ID;

impl Generator<'_> {
    /// The county's drug plan 2022-2026: the national objectives, worded as the framework does.
    /// Its objectives carry every theme of `themed()` in turn, so the county's pages of a theme
    /// (`judete/<county>/teme/<theme>/`, one per theme) are all made here, whatever later plans carry.
    pub(super) fn drug_plan(&mut self, c: usize) {
        // The plan page, its filter page, one page per objective and the county's pages of a theme.
        let themed = self.themed();
        let Some(pages) = self.take(2 + DRUG_OBJECTIVES + themed) else { return };
        let objectives = pages.saturating_sub(2 + themed).max(1);
        let (slug, name) = self.v.counties[c].clone();
        let seed = self.next_seed();
        let mut links = Vec::new();
        for (goal, objectives) in &self.v.framework {
            for (objective, wording) in objectives {
                links.push((goal.clone(), objective.clone(), wording.clone()));
            }
        }
        let mut goals: Vec<GoalFile> = Vec::new();
        let mut placed = 0;
        for i in 0..objectives {
            let theme = self.v.themes[i % themed].clone();
            let (goal_id, objective_id, wording) = &links[i % links.len()];
            let goal_ref = format!("{FRAMEWORK_ID}/{goal_id}");
            let new_goal = goals.last().and_then(|g| g.framework.as_deref()) != Some(goal_ref.as_str());
            let g = goals.len() + usize::from(new_goal);
            let in_goal = if new_goal { 0 } else { goals.last().map_or(0, |goal| goal.objectives.len()) };
            let number = format!("{g}.{}.", in_goal + 1);
            let activities = self.activities(seed, i, &number, &slug, None);
            if !self.place_on_listings(entries(&theme, &activities)) {
                break;
            }
            placed += 1;
            if new_goal {
                goals.push(GoalFile {
                    number: Some(g.to_string()),
                    text: choose(&self.v.goals, seed, goals.len() as u64).to_owned(),
                    framework: Some(goal_ref),
                    objectives: Vec::new(),
                });
            }
            let goal = goals.last_mut().expect("a goal was just pushed");
            let framework = Some(format!("{FRAMEWORK_ID}/{objective_id}"));
            goal.objectives.push(ObjectiveFile {
                number: Some(number),
                text: wording.clone(),
                framework,
                themes: vec![theme],
                activities,
            });
        }
        // Objective pages not made for want of the pages their listings add go back to the budget.
        self.left += objectives - placed;
        let plan = PlanFile {
            title: format!("PLANUL DE ACȚIUNE ÎN DOMENIUL DROGURILOR LA NIVELUL JUDEȚULUI {}", name.to_uppercase()),
            kind: "plan-droguri",
            county: slug.clone(),
            locality: None,
            issuer: Some(format!("Consiliul Județean {name}")),
            period: Period { from: 2022, to: 2026 },
            date: Some(format!("2022-{:02}-{:02}", 1 + pick(seed, 1) % 12, 1 + pick(seed, 2) % 28)),
            source: format!("{slug}.txt"),
            labels: Labels::drugs(),
            sections: vec![SectionFile {
                level: "Acțiune strategică",
                number: "I",
                title: "REDUCEREA CERERII DE DROGURI",
                goals,
            }],
        };
        self.files.insert(format!("content/plans/{slug}-droguri-2022-2026.yaml"), yaml(&plan));
        // The drug plans come first, one per county: fewer than a page of the list of plans or of
        // the irregularities, whose first pages are fixed ones, so their lines add no page.
        self.listings.add(listings::plan());
    }

    /// A social-services plan of a county (`locality` none) or of a local authority.
    pub(super) fn social_plan(&mut self, c: usize, locality: Option<&(String, String)>, kind: PlanKind) {
        let seed = self.serial + 1;
        let wanted = match (kind, locality) {
            (PlanKind::Operational, _) => 18 + (pick(seed, 0) % 18) as usize,
            (PlanKind::Annual(_), None) => 6 + (pick(seed, 0) % 8) as usize,
            (PlanKind::Annual(_), Some(_)) => 3 + (pick(seed, 0) % 6) as usize,
        };
        // The plan page, its filter page and one page per objective.
        let Some(pages) = self.take(2 + wanted) else { return };
        if pages <= 2 {
            // One or two pages left and no plan fits in them: national bodies take them (and
            // a page of the list of institutions, when one starts it).
            self.left += pages;
            let fit = (0..pages).take_while(|_| self.take_institution()).count();
            let extra: String = EXTRA_INSTITUTIONS.iter().skip(self.extras).take(fit).copied().collect();
            self.extras += fit;
            self.files.entry("content/institutions/corpus-extra.yaml".into()).or_default().push_str(&extra);
            return;
        }
        let seed = self.next_seed();
        let objectives = pages - 2;
        let (county_slug, county_name) = self.v.counties[c].clone();
        let owner = locality.map(|l| l.1.clone()).unwrap_or_else(|| format!("JUDEȚUL {}", county_name.to_uppercase()));
        let per_goal = 1 + (pick(seed, 3) % 4) as usize;
        let mut goals: Vec<GoalFile> = Vec::new();
        let mut placed = 0;
        for i in 0..objectives {
            let g = i / per_goal + 1;
            let number = format!("OS.{}.{}", roman(g), i % per_goal + 1);
            // Among the themes the county's drug plan carries: no county page of a theme beyond the budget.
            let theme = self.v.themes[(pick(seed, 200 + i as u64) % self.themed() as u64) as usize].clone();
            let activities = self.activities(seed, i, &number, &county_slug, locality);
            let mut entries = entries(&theme, &activities);
            if placed == 0 {
                // The plan exists from its first objective on: its line on the list of plans too.
                entries.extend(listings::plan());
            }
            if !self.place_on_listings(entries) {
                break;
            }
            placed += 1;
            if i % per_goal == 0 {
                goals.push(GoalFile {
                    number: Some(roman(g)),
                    text: choose(&self.v.goals, seed, 100 + goals.len() as u64).to_owned(),
                    framework: None,
                    objectives: Vec::new(),
                });
            }
            let goal = goals.last_mut().expect("a goal was just pushed");
            let text = choose(&self.v.objectives, seed, 300 + i as u64).to_owned();
            goal.objectives.push(ObjectiveFile {
                number: Some(number),
                text,
                framework: None,
                themes: vec![theme],
                activities,
            });
        }
        // Objective pages not made for want of the pages their listings add go back to the
        // budget; with none made, so do the plan's own two.
        self.left += objectives - placed;
        if placed == 0 {
            self.left += 2;
            return;
        }
        let (id, title, plan_type, period, labels) = match kind {
            PlanKind::Operational => (
                "plan-operational-servicii-sociale-2021-2027".to_owned(),
                format!("PLANUL OPERAȚIONAL AL STRATEGIEI DE DEZVOLTARE A SERVICIILOR SOCIALE — {owner}"),
                "plan-operational",
                Period { from: 2021, to: 2027 },
                Labels::operational(),
            ),
            PlanKind::Annual(year) => (
                format!("plan-actiune-servicii-sociale-{year}"),
                format!("PLANUL ANUAL DE ACȚIUNE PRIVIND SERVICIILE SOCIALE — {owner}, ANUL {year}"),
                "plan-anual",
                Period { from: year, to: year },
                Labels::annual(),
            ),
        };
        let prefix = locality.map(|l| l.0.clone()).unwrap_or_else(|| county_slug.clone());
        let issuer = match locality {
            Some((_, name)) => format!("Primăria {name}"),
            None => format!("Consiliul Județean {county_name}"),
        };
        let plan = PlanFile {
            title,
            kind: plan_type,
            county: county_slug.clone(),
            locality: locality.map(|l| l.0.clone()),
            issuer: Some(issuer),
            period,
            date: Some(format!(
                "{}-{:02}-{:02}",
                period.from.max(2015) - 1,
                1 + pick(seed, 1) % 12,
                1 + pick(seed, 2) % 28
            )),
            source: format!("{county_slug}.txt"),
            labels,
            sections: vec![],
        };
        let file = PlanFileWithGoals { plan, goals };
        self.files.insert(format!("content/plans/{prefix}-{id}.yaml"), yaml(&file));
    }

    fn next_seed(&mut self) -> u64 {
        self.serial += 1;
        self.serial
    }

    /// Two to four measures under objective `i`, their responsible bodies from the county (and
    /// the local authority), named by full name or alias as documents do.
    fn activities(
        &self,
        seed: u64,
        i: usize,
        number: &str,
        county: &str,
        locality: Option<&(String, String)>,
    ) -> Vec<ActivityFile> {
        let n = 2 + (pick(seed, 400 + i as u64) % 3) as usize;
        let county_name = self.v.counties.iter().find(|c| c.0 == county).map(|c| c.1.clone()).unwrap_or_default();
        (0..n)
            .map(|a| {
                let k = (i * 8 + a) as u64;
                let body = super::COUNTY_BODIES[(pick(seed, 500 + k) % super::COUNTY_BODIES.len() as u64) as usize];
                let mut responsible = vec![if pick(seed, 600 + k).is_multiple_of(2) {
                    format!("{} {county_name}", body.2)
                } else {
                    format!("{} {county_name}", body.1)
                }];
                if let Some((_, name)) = locality {
                    responsible.insert(0, format!("DAS {name}"));
                }
                // A generic actor ("APL", "ONG-uri") partners one measure in four: often enough to
                // be a real institution page, not so often that one page holds the whole country.
                let generic = pick(seed, 700 + k);
                let partners = match generic % 4 {
                    0 => vec![GENERIC_ACTORS[(generic / 4 % GENERIC_ACTORS.len() as u64) as usize].to_owned()],
                    _ => vec![],
                };
                let mut listed = vec![format!("{}-{county}", body.0)];
                listed.extend(locality.map(|(slug, _)| format!("spas-{slug}")));
                listed.extend(partners.iter().cloned());
                ActivityFile {
                    listed,
                    number: format!("{}{}", number.trim_end_matches('.'), format_args!(".{}", a + 1)),
                    text: choose(&self.v.activities, seed, 800 + k).to_owned(),
                    indicators: vec![choose(&self.v.indicators, seed, 900 + k).to_owned()],
                    period: choose(&self.v.periods, seed, 1000 + k).to_owned(),
                    responsible,
                    partners,
                    funding: vec![choose(&self.v.funding, seed, 1100 + k).to_owned()],
                }
            })
            .collect()
    }
}

fn roman(n: usize) -> String {
    const DIGITS: [(usize, &str); 9] =
        [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
    let mut n = n;
    let mut out = String::new();
    for (value, digits) in DIGITS {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

const EXTRA_INSTITUTIONS: [&str; 2] = [
    "- id: corpus-ong-national\n  type: ong\n  name: Asociația Națională pentru Servicii Sociale\n",
    "- id: corpus-ong-varstnici\n  type: ong\n  name: Asociația Națională pentru Persoane Vârstnice\n",
];

#[derive(Serialize)]
struct PlanFile {
    title: String,
    #[serde(rename = "type")]
    kind: &'static str,
    county: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    locality: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issuer: Option<String>,
    period: Period,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    source: String,
    labels: Labels,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sections: Vec<SectionFile>,
}

#[derive(Serialize)]
struct PlanFileWithGoals {
    #[serde(flatten)]
    plan: PlanFile,
    goals: Vec<GoalFile>,
}

#[derive(Serialize, Clone, Copy)]
struct Period {
    from: u16,
    to: u16,
}

#[derive(Serialize)]
struct Labels {
    goal: &'static str,
    objective: &'static str,
    activity: &'static str,
    indicators: &'static str,
    period: &'static str,
    responsible: &'static str,
    partners: &'static str,
    funding: &'static str,
}

impl Labels {
    fn drugs() -> Labels {
        Labels {
            goal: "Obiectiv general",
            objective: "Obiectiv specific",
            activity: "Activitate",
            indicators: "Indicatori",
            period: "Perioada de implementare",
            responsible: "Responsabili",
            partners: "Parteneri",
            funding: "Surse de finanțare",
        }
    }
    fn operational() -> Labels {
        Labels {
            goal: "Obiectiv general",
            objective: "Obiectiv operațional",
            activity: "Măsură",
            indicators: "Indicatori de rezultat",
            period: "Termene",
            responsible: "Instituții responsabile",
            partners: "Parteneri",
            funding: "Surse de finanțare",
        }
    }
    fn annual() -> Labels {
        Labels {
            goal: "Direcția de acțiune",
            objective: "Obiectiv specific",
            activity: "Măsură",
            indicators: "Rezultate",
            period: "Termen de realizare",
            responsible: "Responsabili",
            partners: "Parteneri",
            funding: "Surse de finanțare",
        }
    }
}

#[derive(Serialize)]
struct SectionFile {
    level: &'static str,
    number: &'static str,
    title: &'static str,
    goals: Vec<GoalFile>,
}

#[derive(Serialize)]
struct GoalFile {
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<String>,
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    framework: Option<String>,
    objectives: Vec<ObjectiveFile>,
}

#[derive(Serialize)]
struct ObjectiveFile {
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<String>,
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    framework: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    themes: Vec<String>,
    activities: Vec<ActivityFile>,
}

#[derive(Serialize)]
struct ActivityFile {
    /// The institution pages that list it (ids, or generic actors' names): not written.
    #[serde(skip)]
    listed: Vec<String>,
    number: String,
    text: String,
    indicators: Vec<String>,
    period: String,
    responsible: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    partners: Vec<String>,
    funding: Vec<String>,
}

/// What an objective puts on the paginated listings: itself on its theme's page, each activity
/// on its institutions' pages.
fn entries(theme: &str, activities: &[ActivityFile]) -> Vec<Entry> {
    let institutions = activities.iter().flat_map(|a| a.listed.iter().map(|key| listings::institution(key)));
    std::iter::once(listings::theme(theme)).chain(institutions).collect()
}
