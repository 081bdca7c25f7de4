//! The words of the real documents. The bundled plans, the national framework, the counties,
//! themes, institution types and national bodies are compiled in, so that the corpus is the same
//! on every checkout and its text is the text officials actually publish: objectives, measures,
//! indicators, deadlines and funding sources as printed, only recombined.

use serde_yaml_ng::Value;

const PLANS: [&str; 3] = [
    include_str!("../../../content/plans/bacau-plan-operational-servicii-sociale-2014-2024.yaml"),
    include_str!("../../../content/plans/caras-severin-droguri-2022-2026.yaml"),
    include_str!("../../../content/plans/ialomita-plan-actiune-servicii-sociale-2024.yaml"),
];
pub const COUNTIES: &str = include_str!("../../../content/counties.yaml");
pub const THEMES: &str = include_str!("../../../content/themes.yaml");
pub const INSTITUTION_TYPES: &str = include_str!("../../../content/institution-types.yaml");
pub const NATIONAL_INSTITUTIONS: &str = include_str!("../../../content/institutions/national.yaml");
pub const FRAMEWORK: &str = include_str!("../../../content/frameworks/snd-2022-2026.yaml");
/// The framework id, from its file name.
pub const FRAMEWORK_ID: &str = "snd-2022-2026";

/// Pools of published texts, each in document order and without duplicates.
#[derive(Debug, Default)]
pub struct Vocabulary {
    pub goals: Vec<String>,
    pub objectives: Vec<String>,
    pub activities: Vec<String>,
    pub indicators: Vec<String>,
    pub periods: Vec<String>,
    pub funding: Vec<String>,
    /// `(slug, name)` of the 42 counties, in file order.
    pub counties: Vec<(String, String)>,
    pub themes: Vec<String>,
    pub institution_types: usize,
    /// `(goal id, [(objective id, first wording)])` of the national framework.
    pub framework: Vec<(String, Vec<(String, String)>)>,
}

impl Vocabulary {
    /// Reads the compiled-in files. They are part of this repository, so a failure is a bug.
    pub fn load() -> anyhow::Result<Vocabulary> {
        let mut v = Vocabulary::default();
        for plan in PLANS {
            v.collect(&serde_yaml_ng::from_str(plan)?);
        }
        for pool in
            [&mut v.goals, &mut v.objectives, &mut v.activities, &mut v.indicators, &mut v.periods, &mut v.funding]
        {
            let mut seen = std::collections::BTreeSet::new();
            pool.retain(|t| seen.insert(t.clone()));
        }
        let counties: Value = serde_yaml_ng::from_str(COUNTIES)?;
        v.counties = list(&counties).iter().map(|c| (field(c, "slug"), field(c, "name"))).collect();
        let themes: Value = serde_yaml_ng::from_str(THEMES)?;
        v.themes = list(&themes).iter().map(|t| field(t, "id")).collect();
        let types: Value = serde_yaml_ng::from_str(INSTITUTION_TYPES)?;
        v.institution_types = list(&types).len();
        let framework: Value = serde_yaml_ng::from_str(FRAMEWORK)?;
        v.framework = list(&framework["goals"])
            .iter()
            .map(|g| {
                let objectives = list(&g["objectives"]).iter().map(|o| (field(o, "id"), first_wording(o))).collect();
                (field(g, "id"), objectives)
            })
            .collect();
        Ok(v)
    }

    /// Walks a plan: the texts under `goals`, `objectives` and `activities` go to their pools.
    fn collect(&mut self, value: &Value) {
        match value {
            Value::Mapping(map) => {
                for (key, child) in map {
                    match key.as_str() {
                        Some("goals") => self.goals.extend(list(child).iter().map(|g| field(g, "text"))),
                        Some("objectives") => self.objectives.extend(list(child).iter().map(|o| field(o, "text"))),
                        Some("activities") => {
                            for a in list(child) {
                                self.activities.push(field(a, "text"));
                                self.indicators.extend(strings(&a["indicators"]));
                                self.funding.extend(strings(&a["funding"]));
                                self.periods.extend(a["period"].as_str().map(str::to_owned));
                            }
                        }
                        _ => {}
                    }
                    self.collect(child);
                }
            }
            Value::Sequence(items) => items.iter().for_each(|i| self.collect(i)),
            _ => {}
        }
    }
}

fn list(value: &Value) -> &[Value] {
    value.as_sequence().map(Vec::as_slice).unwrap_or(&[])
}

fn field(value: &Value, key: &str) -> String {
    value[key].as_str().map(|s| s.trim().to_owned()).unwrap_or_default()
}

fn strings(value: &Value) -> Vec<String> {
    list(value).iter().filter_map(|s| s.as_str().map(|s| s.trim().to_owned())).collect()
}

fn first_wording(value: &Value) -> String {
    list(&value["wordings"]).first().and_then(Value::as_str).map(|s| s.trim().to_owned()).unwrap_or_default()
}
