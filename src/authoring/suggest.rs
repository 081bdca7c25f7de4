//! Link suggestions: for each specific objective of a drug plan that names no framework
//! objective, the framework objective whose wording is most similar, with a score. An official
//! adding a county's plan learns which national objective each local one most likely is.
//!
//! Similarity is the Sørensen–Dice coefficient (strsim) of the two texts reduced to what carries
//! meaning in Romanian: diacritics folded, lowercase, common function words dropped, each word
//! cut to its first letters so that inflected forms meet ("copiilor" and "copii").

use serde::Serialize;

use crate::model::{PlanType, Site};
use crate::text::fold;

/// Romanian function words that say nothing about an objective's subject.
const STOPWORDS: &[&str] = &[
    "a", "al", "ale", "ai", "la", "de", "din", "dintre", "si", "sau", "in", "pe", "pentru", "cu", "care", "ce", "prin",
    "privind", "catre", "spre", "fata", "unei", "unui", "un", "o", "cel", "cea", "cele", "cei", "mai", "precum",
    "este", "sunt", "lor", "acestora", "acestuia", "acesteia", "sa", "se", "ca", "nivel", "nivelul", "domeniul",
    "domeniu",
];

/// How many leading letters of a word are kept: enough to tell words apart, few enough that
/// the endings of Romanian inflection fall away.
const STEM: usize = 6;

/// The text reduced for comparison.
pub fn reduce(text: &str) -> String {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !STOPWORDS.contains(w))
        .map(|w| w.chars().take(STEM).collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Similarity of two texts, from 0 to 1.
pub fn similarity(a: &str, b: &str) -> f64 {
    strsim::sorensen_dice(&reduce(a), &reduce(b))
}

/// A proposed link for one unlinked objective.
#[derive(Debug, Clone, Serialize)]
pub struct Suggestion {
    /// The plan's id.
    pub plan: String,
    /// The plan file, relative to the site root.
    pub file: String,
    /// The objective's line in the plan file.
    pub line: usize,
    /// The objective's number, as the document writes it.
    pub objective_number: Option<String>,
    /// The objective's text.
    pub objective_text: String,
    /// `framework-id/objective-id`, as written in a plan's `framework:` field.
    pub framework_objective: String,
    /// The framework objective's wording that scored highest.
    pub wording: String,
    /// The similarity, from 0 to 1, rounded to three decimals.
    pub score: f64,
}

/// One suggestion per unlinked specific objective of every drug plan, in document order.
pub fn suggest(site: &Site) -> Vec<Suggestion> {
    let candidates: Vec<(String, &str)> = site
        .framework_objectives()
        .flat_map(|(r, objective)| {
            let key = format!("{}/{}", site.frameworks[r.framework].id, objective.id);
            objective.wordings.iter().map(move |w| (key.clone(), w.as_str()))
        })
        .collect();
    let mut out = Vec::new();
    for plan in site.plans.iter().filter(|p| p.plan_type == PlanType::PlanDroguri) {
        for objective in plan.objectives().filter(|o| o.framework.is_none()) {
            let texts: Vec<&str> =
                std::iter::once(objective.text.as_str()).chain(objective.list_text.as_deref()).collect();
            let best = candidates
                .iter()
                .map(|(key, wording)| {
                    let score = texts.iter().map(|t| similarity(t, wording)).fold(0.0, f64::max);
                    (score, key, *wording)
                })
                .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)));
            if let Some((score, key, wording)) = best {
                out.push(Suggestion {
                    plan: plan.id.clone(),
                    file: plan.file.clone(),
                    line: objective.line,
                    objective_number: objective.number.clone(),
                    objective_text: objective.text.clone(),
                    framework_objective: key.clone(),
                    wording: wording.to_owned(),
                    score: (score * 1000.0).round() / 1000.0,
                });
            }
        }
    }
    out
}

/// `planportal suggest [--json]`.
pub fn run(root: &std::path::Path, json: bool) -> anyhow::Result<bool> {
    let Some(loaded) = super::load_or_report(root) else { return Ok(false) };
    let suggestions = suggest(&loaded.site);
    if json {
        println!("{}", serde_json::to_string_pretty(&suggestions)?);
        return Ok(true);
    }
    if suggestions.is_empty() {
        println!("suggest: every specific objective of the drug plans is linked to a framework objective");
    }
    for s in &suggestions {
        println!(
            "{}:{}: objective {} „{}”\n  framework: {}   (score {:.2}: „{}”)\n",
            s.file,
            s.line,
            s.objective_number.as_deref().unwrap_or("?"),
            s.objective_text,
            s.framework_objective,
            s.score,
            s.wording
        );
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reduction_folds_and_drops_function_words() {
        assert_eq!(
            reduce("Reducerea stigmatizării persoanelor care consumă droguri"),
            "reduce stigma persoa consum drogur"
        );
    }

    #[test]
    fn inflected_and_reworded_texts_score_higher_than_unrelated() {
        let wording = "Prevenirea supradozelor și deceselor asociate consumului de droguri";
        let local = "Prevenirea supradozelor și a deceselor asociate consumului de droguri în rândul persoanelor";
        let other = "Destructurarea grupărilor de criminalitate organizată";
        assert!(similarity(local, wording) > 0.7);
        assert!(similarity(local, wording) > similarity(other, wording) + 0.4);
    }
}
