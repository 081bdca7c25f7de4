//! `planportal suggest --localities`: for each activity whose printed cells name a locality of
//! its plan's county (`content/localities.yaml`) that it is not tagged with yet, the tags to add,
//! with the source line that names it. It writes nothing: the author reads each proposal against
//! the text and pastes the `localities:` line into the activity (docs/authoring.md). A tag no
//! cell names is `check`'s warning (`model::resolve`), not this command's.

use serde::Serialize;

use crate::model::places::{Pattern, activity_names, pattern, words};
use crate::model::{Activity, Locality, Plan, Site};

/// The localities proposed for one activity.
#[derive(Debug, Clone, Serialize)]
pub struct LocalitySuggestion {
    /// The plan's id.
    pub plan: String,
    /// The plan file, relative to the site root.
    pub file: String,
    /// The activity's number as printed, or its anchor where it has none.
    pub activity: String,
    /// The activity's text.
    pub text: String,
    /// The slugs it is tagged with already.
    pub tagged: Vec<String>,
    /// The slugs its cells name that it is not tagged with, in the order of `localities.yaml`.
    pub proposed: Vec<String>,
    /// The plan's source file (`content/sources/`).
    pub source: String,
    /// For each proposed locality, the first line of the source that names it within the
    /// activity's lines (or the activity's first line, where the name is split over lines).
    pub lines: Vec<Option<usize>>,
}

impl LocalitySuggestion {
    /// The line to paste into the activity: every tag, old and proposed.
    pub fn yaml(&self) -> String {
        let all: Vec<&str> = self.tagged.iter().chain(&self.proposed).map(String::as_str).collect();
        format!("localities: [{}]", all.join(", "))
    }
}

/// One suggestion per activity that names a locality of its county it is not tagged with, plan
/// by plan in document order.
pub fn suggest_localities(site: &Site) -> Vec<LocalitySuggestion> {
    let mut out = Vec::new();
    for plan in &site.plans {
        let candidates: Vec<(&Locality, Pattern)> =
            site.localities.iter().filter(|l| l.county == plan.county).map(|l| (l, pattern(site, l))).collect();
        if candidates.is_empty() {
            continue;
        }
        for activity in plan.activities() {
            let proposed: Vec<(&Locality, &Pattern)> = candidates
                .iter()
                .filter(|(l, _)| !activity.localities.iter().any(|t| site.localities[t.0].slug == l.slug))
                .filter(|(_, p)| activity_names(activity, p))
                .map(|(l, p)| (*l, p))
                .collect();
            if !proposed.is_empty() {
                out.push(suggestion(site, plan, activity, &proposed));
            }
        }
    }
    out
}

fn suggestion(site: &Site, plan: &Plan, activity: &Activity, proposed: &[(&Locality, &Pattern)]) -> LocalitySuggestion {
    LocalitySuggestion {
        plan: plan.id.clone(),
        file: plan.file.clone(),
        activity: activity.number.clone().unwrap_or_else(|| activity.anchor.clone()),
        text: activity.text.split_whitespace().collect::<Vec<_>>().join(" "),
        tagged: activity.localities.iter().map(|t| site.localities[t.0].slug.clone()).collect(),
        proposed: proposed.iter().map(|(l, _)| l.slug.clone()).collect(),
        source: plan.source.clone(),
        lines: proposed.iter().map(|(_, p)| source_line(site, plan, activity, p)).collect(),
    }
}

/// The first line of the activity's lines in its source that names `locality`.
fn source_line(site: &Site, plan: &Plan, activity: &Activity, pattern: &Pattern) -> Option<usize> {
    let span = activity.source_lines?;
    let text = site.sources.get(&plan.source)?;
    let found = text
        .lines()
        .enumerate()
        .skip(span.from.saturating_sub(1))
        .take(span.to + 1 - span.from)
        .find(|(_, line)| pattern.found_in(&words(line)));
    Some(found.map_or(span.from, |(i, _)| i + 1))
}

/// `planportal suggest --localities [--json]`.
pub fn run(root: &std::path::Path, json: bool) -> anyhow::Result<bool> {
    let Some(loaded) = super::load_or_report(root) else { return Ok(false) };
    let suggestions = suggest_localities(&loaded.site);
    if json {
        println!("{}", serde_json::to_string_pretty(&suggestions)?);
        return Ok(true);
    }
    if suggestions.is_empty() {
        println!("# suggest: every activity is tagged with each locality of its county that it names");
    }
    let mut file = "";
    for s in &suggestions {
        if s.file != file {
            file = &s.file;
            println!("# {file}");
        }
        println!("# activity {}: „{}”", s.activity, s.text);
        for (slug, line) in s.proposed.iter().zip(&s.lines) {
            let at = line.map_or_else(String::new, |l| format!(":{l}"));
            println!("#   {slug}: content/sources/{}{at}", s.source);
        }
        println!("{}\n", s.yaml());
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// On the bundled content every locality an activity names is tagged (suggest proposes
    /// nothing), and removing the tags of Ialomița's plan brings back a proposal for each, with
    /// its source line.
    #[test]
    fn the_bundled_content_is_tagged_and_untagged_activities_are_proposed() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let Ok(mut loaded) = crate::build::load(crate::build::Source::Folder(root)) else {
            panic!("the bundled content loads")
        };
        let site = &mut loaded.site;
        let pending: Vec<String> =
            suggest_localities(site).iter().map(|s| format!("{} {}", s.activity, s.yaml())).collect();
        assert!(pending.is_empty(), "untagged: {pending:?}");
        let plan = site.plans.iter_mut().find(|p| p.id.starts_with("ialomita")).expect("Ialomița's plan");
        let tagged = plan.activities().filter(|a| !a.localities.is_empty()).count();
        clear_tags(plan);
        let proposed = suggest_localities(site);
        assert_eq!(proposed.len(), tagged);
        let movila = proposed.iter().find(|s| s.proposed == ["movila"]).expect("the Movila home is proposed");
        assert_eq!(movila.lines, [Some(34)]);
        assert!(movila.text.contains("com.Movila"));
    }

    fn clear_tags(plan: &mut Plan) {
        for goal in &mut plan.goals {
            for objective in &mut goal.objectives {
                for activity in &mut objective.activities {
                    activity.localities.clear();
                }
            }
        }
    }
}
