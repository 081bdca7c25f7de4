//! Link suggestions: for each specific objective of a drug plan that names no framework
//! objective, the framework objective whose wording is most similar, with a score. An official
//! adding a county's plan learns which national objective each local one most likely is, and
//! when none is close enough, that too: a proposal below [`FLOOR`] is refused.
//!
//! Texts are reduced to what carries meaning in Romanian: diacritics folded, lowercase, common
//! function words dropped, each word cut to its first letters so that inflected forms meet
//! ("copiilor" and "copii"). The score is the Sørensen–Dice coefficient of the two sets of
//! words, each word weighted by how rare it is among the framework's wordings: "droguri",
//! "consumului", "prevenirea" are in nearly every national objective and say little, while
//! "supradozelor" or "private de libertate" say which one it is. Unweighted, a school objective
//! ("informarea elevilor privind riscurile consumului de droguri") scored 0.47 against drug
//! prevention in prisons, above two counties' wordings of one objective (0.44); weighted, 0.22.

use std::collections::{HashMap, HashSet};

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

/// The lowest score proposed. On the bundled content, the wordings of one national objective as
/// two counties printed them score 0.446 and more with each other, and a linked objective cut to
/// three fifths of its words still finds its own at 0.63 or more; of the 67 objectives of the social
/// services plans, which implement no national drug objective, the best match scores 0.402 at
/// most (37 of them scored 0.40 or more unweighted).
pub const FLOOR: f64 = 0.42;

/// The text reduced for comparison.
pub fn reduce(text: &str) -> String {
    words(text).join(" ")
}

/// The reduced words of `text`, in order.
fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !STOPWORDS.contains(w))
        .map(|w| w.chars().take(STEM).collect::<String>())
        .collect()
}

/// Scores texts against a set of wordings, each word weighted by its rarity among them.
pub struct Scorer {
    /// In how many wordings each reduced word occurs.
    counts: HashMap<String, f64>,
    /// How many wordings there are.
    total: f64,
}

impl Scorer {
    /// A scorer for `wordings`: the rarer a word among them, the more it weighs.
    pub fn new<'a>(wordings: impl IntoIterator<Item = &'a str>) -> Scorer {
        let mut counts: HashMap<String, f64> = HashMap::new();
        let mut total = 0.0;
        for wording in wordings {
            total += 1.0;
            for word in words(wording).into_iter().collect::<HashSet<_>>() {
                *counts.entry(word).or_default() += 1.0;
            }
        }
        Scorer { counts, total }
    }

    /// The weight of a reduced word: high for a word few wordings have (or none).
    fn weight(&self, word: &str) -> f64 {
        ((self.total + 1.0) / (self.counts.get(word).copied().unwrap_or(0.0) + 0.5)).ln()
    }

    /// Similarity of two texts, from 0 to 1: the weighted Dice coefficient of their words.
    pub fn similarity(&self, a: &str, b: &str) -> f64 {
        let (a, b): (HashSet<String>, HashSet<String>) =
            (words(a).into_iter().collect(), words(b).into_iter().collect());
        let sum = |set: &mut dyn Iterator<Item = &String>| set.map(|w| self.weight(w)).sum::<f64>();
        let total = sum(&mut a.iter()) + sum(&mut b.iter());
        if total == 0.0 { 0.0 } else { 2.0 * sum(&mut a.intersection(&b)) / total }
    }
}

/// The best match for one unlinked objective: a proposed link, or a refusal below [`FLOOR`].
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
    /// `framework-id/objective-id`, as written in a plan's `framework:` field; `None` when even
    /// the closest framework objective scores below the floor.
    pub framework_objective: Option<String>,
    /// The closest framework objective, proposed or not.
    pub closest: String,
    /// The framework objective's wording that scored highest.
    pub wording: String,
    /// The similarity, from 0 to 1, rounded to three decimals.
    pub score: f64,
    /// The lowest score proposed ([`FLOOR`]).
    pub floor: f64,
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
    let scorer = Scorer::new(candidates.iter().map(|(_, w)| *w));
    let mut out = Vec::new();
    for plan in site.plans.iter().filter(|p| p.plan_type == PlanType::PlanDroguri) {
        for objective in plan.objectives().filter(|o| o.framework.is_none()) {
            let texts: Vec<&str> =
                std::iter::once(objective.text.as_str()).chain(objective.list_text.as_deref()).collect();
            let best = candidates
                .iter()
                .map(|(key, wording)| {
                    let score = texts.iter().map(|t| scorer.similarity(t, wording)).fold(0.0, f64::max);
                    (score, key, *wording)
                })
                .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)));
            if let Some((score, key, wording)) = best {
                let score = (score * 1000.0).round() / 1000.0;
                out.push(Suggestion {
                    plan: plan.id.clone(),
                    file: plan.file.clone(),
                    line: objective.line,
                    objective_number: objective.number.clone(),
                    objective_text: objective.text.clone(),
                    framework_objective: (score >= FLOOR).then(|| key.clone()),
                    closest: key.clone(),
                    wording: wording.to_owned(),
                    score,
                    floor: FLOOR,
                });
            }
        }
    }
    out
}

impl Suggestion {
    /// `check`'s hint: the proposed line, or why none is proposed.
    pub fn hint(&self) -> crate::messages::Message {
        use crate::messages::Message;
        let score = format!("{:.2}", self.score);
        match &self.framework_objective {
            Some(key) => Message::MostSimilar { framework: key.clone(), score },
            None => {
                Message::NotSimilarEnough { closest: self.closest.clone(), score, floor: format!("{:.2}", self.floor) }
            }
        }
    }

    /// What `suggest` prints of it: the proposed line, or why none is proposed.
    pub fn advice(&self) -> String {
        match &self.framework_objective {
            Some(key) => format!("most similar: `framework: {key}` (score {:.2})", self.score),
            None => format!(
                "no framework objective is similar enough: the closest, {}, scores {:.2}, below {:.2}; link it by hand if the plan implements one, or leave it unlinked",
                self.closest, self.score, self.floor
            ),
        }
    }
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
        let objective = s.objective_number.as_deref().unwrap_or("?");
        println!("{}:{}: objective {objective} „{}”", s.file, s.line, s.objective_text);
        match &s.framework_objective {
            Some(key) => println!("  framework: {key}   (score {:.2}: „{}”)\n", s.score, s.wording),
            None => println!("  {}\n", s.advice()),
        }
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
        let scorer = Scorer::new([wording, other, "Reducerea stigmatizării persoanelor care consumă droguri"]);
        assert!(scorer.similarity(local, wording) > 0.7);
        assert!(scorer.similarity(local, wording) > scorer.similarity(other, wording) + 0.4);
    }

    /// The floor on the bundled content: every linked drug objective, cut to three fifths of its words,
    /// is still proposed its own framework objective (but the two that share one wording);
    /// no objective of the social services plans, which copy none, is proposed anything.
    #[test]
    fn the_floor_keeps_copied_objectives_and_refuses_unrelated_ones() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let Ok(loaded) = crate::build::load(crate::build::Source::Folder(root)) else {
            panic!("the bundled content loads")
        };
        let site = &loaded.site;
        let candidates: Vec<(&str, &str)> = site
            .framework_objectives()
            .flat_map(|(_, o)| o.wordings.iter().map(move |w| (o.id.as_str(), w.as_str())))
            .collect();
        let scorer = Scorer::new(candidates.iter().map(|(_, w)| *w));
        let best = |text: &str| {
            candidates.iter().map(|(id, w)| (scorer.similarity(text, w), *id)).max_by(|a, b| a.0.total_cmp(&b.0))
        };
        let (mut linked, mut kept) = (0, 0);
        for plan in &site.plans {
            for objective in plan.objectives() {
                let words: Vec<&str> = objective.text.split_whitespace().collect();
                let cut = words[..(words.len() * 3).div_ceil(5)].join(" ");
                let (score, id) = best(&cut).expect("a framework");
                if let Some(own) = objective.framework.and_then(|r| site.framework_objective(r)) {
                    linked += 1;
                    kept += usize::from(id == own.id && score >= FLOOR);
                } else {
                    let (score, id) = best(&objective.text).expect("a framework");
                    assert!(score < FLOOR, "{} proposed {id} ({score:.3})", objective.text);
                }
            }
        }
        assert!(linked >= 30 && kept >= linked - 2, "{kept} of {linked} linked objectives kept");
    }
}
