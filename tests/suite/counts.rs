//! The size of each transcribed publication, counted by hand from its source (the source lines
//! are given; docs/sources.md explains each count). A converter that loses or doubles a row, or a
//! hand edit that drops a measure, changes these numbers.

use planportal::model::Site;

use crate::support::repo;

/// (grouping id or "" for the whole plan, general objectives, specific objectives, activities)
type Counts = &'static [(&'static str, usize, usize, usize)];

const PLANS: &[(&str, Counts)] = &[
    (
        // Source 000: "Obiectiv general N" headings (lines 11, 27, 39, 47), objective rows "N.N."
        // (lines 14, 18, 22, 23, 30, 31, 33, 37, 42, 43, 50, 51), activity rows "N.N.N." (lines
        // 14, 17, 18, 21, 22, 23, 30, 31, 32, 33, 37, 42, 43, 50, 51).
        "cluj-droguri-2022-2026",
        &[("", 4, 12, 15)],
    ),
    (
        // Source 004: "Direcția de acțiune" headings (lines 5, 25, 50), "OS." rows, measure rows
        // (one per Măsurile cell; line 12 holds two closures in one cell, counted once).
        "ialomita-plan-actiune-servicii-sociale-2024",
        &[("", 3, 12, 36)],
    ),
    (
        // Source 001: "Obiectiv general N" headings (lines 21, 43, 60, 85, 107, 127, 138), objective
        // rows of the tables, activity rows (see docs/sources.md).
        "caras-severin-droguri-2022-2026",
        &[("", 7, 19, 30)],
    ),
    (
        // Source 002: "OBIECTIV GENERAL" rows, objective rows (O.S.…), numbered measure rows.
        "bacau-plan-operational-servicii-sociale-2014-2024",
        &[
            ("copii", 6, 20, 67),        // lines 9–160
            ("dizabilitati", 7, 14, 43), // lines 161–260
            ("varstnici", 2, 5, 13),     // lines 261–287
            ("violenta", 2, 6, 18),      // lines 288–321
            ("alte-grupuri", 2, 4, 8),   // lines 322–342
            ("sistem", 2, 6, 21),        // lines 343–380
            ("", 21, 55, 170),
        ],
    ),
];

fn site() -> Site {
    planportal::build::load(planportal::build::Source::Folder(&repo()))
        .unwrap_or_else(|d| panic!("{}", d.render()))
        .site
}

#[test]
fn every_plan_has_the_counts_made_by_hand() {
    let site = site();
    let mut failures = Vec::new();
    for (id, expected) in PLANS {
        let Some(plan) = site.plans.iter().find(|p| p.id == *id) else {
            failures.push(format!("{id}: not transcribed"));
            continue;
        };
        for &(group, goals, objectives, activities) in expected.iter() {
            let in_group: Vec<_> = plan
                .goals_in_order()
                .into_iter()
                .filter(|g| group.is_empty() || g.path.first().is_some_and(|s| s.anchor == format!("s-{group}")))
                .collect();
            let actual = (
                in_group.len(),
                in_group.iter().map(|g| g.goal.objectives.len()).sum::<usize>(),
                in_group.iter().flat_map(|g| &g.goal.objectives).map(|o| o.activities.len()).sum::<usize>(),
            );
            if actual != (goals, objectives, activities) {
                failures.push(format!(
                    "{id} {group}: counted by hand {:?}, content has {actual:?}",
                    (goals, objectives, activities)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
