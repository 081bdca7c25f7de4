//! The level some plans have between a general objective and its specific objectives
//! ("Obiectiv intermediar"), and the labels an optional level or column needs: its printed name
//! comes from the document (`labels.intermediate`, `labels.results`), never from the portal.

use super::Context;

use super::plans::{ItemId, PlanCx};
use super::report::{field, item};
use super::{notes, opt};
use crate::load::raw::{RawGoal, RawIntermediate};
use crate::messages::{Message, Noun};
use crate::model::{Intermediate, Objective};
use crate::text::normalize;

impl PlanCx<'_> {
    /// Refuses the key `key` of the item at `at` (`intermediates` or `results`) when the
    /// plan's labels do not name it: its printed name comes from the document, never from the
    /// portal. `which` is its place in `named`.
    pub(super) fn require_label(&mut self, at: &str, key: &str, which: usize, example: &str) {
        if self.named[which] {
            return;
        }
        self.named[which] = true;
        let label = if which == 0 { "intermediate" } else { "results" };
        self.report.error_at_key(
            field(at, key),
            key,
            Message::LabelMissing { key: key.to_owned(), label: label.to_owned() },
            Some(Message::LabelMissingHint { label: label.to_owned(), example: example.to_owned() }),
        );
    }
}

impl Context<'_> {
    /// The intermediate levels of the goal `raw` (at `at`, of section prefix and anchor
    /// `(prefix, goal_anchor)`), and their specific objectives, each marked with its level.
    pub(super) fn intermediates(
        &self,
        cx: &mut PlanCx<'_>,
        raw: &RawGoal,
        (prefix, goal_anchor): (&str, &str),
        at: &str,
    ) -> (Vec<Intermediate>, Vec<Objective>) {
        if raw.intermediates.iter().any(|i| i.label.is_none()) {
            cx.require_label(at, "intermediates", 0, "Obiectiv intermediar");
        }
        let mut intermediates = Vec::new();
        let mut objectives = Vec::new();
        for (k, level) in raw.intermediates.iter().enumerate() {
            let (intermediate, under) =
                self.intermediate(cx, level, (prefix, goal_anchor), &item(at, "intermediates", k), k);
            objectives.extend(under.into_iter().map(|o| Objective { intermediate: Some(k), ..o }));
            intermediates.push(intermediate);
        }
        (intermediates, objectives)
    }

    /// An intermediate level of the goal whose section prefix and anchor are `(prefix,
    /// goal_anchor)`, the `order`-th of its goal, at `at`; and its specific objectives.
    fn intermediate(
        &self,
        cx: &mut PlanCx<'_>,
        raw: &RawIntermediate,
        (prefix, goal_anchor): (&str, &str),
        at: &str,
        order: usize,
    ) -> (Intermediate, Vec<Objective>) {
        let id = ItemId::of(at, raw.id.as_deref(), raw.number.as_deref(), &raw.text, &raw.previous_ids);
        let positional = format!("{goal_anchor}-oi{}", order + 1);
        let anchor = cx.item_anchor(id, (prefix, "oi", Noun::IntermediateObjective), positional);
        let objectives = raw
            .objectives
            .iter()
            .enumerate()
            .map(|(i, o)| self.objective(cx, o, (prefix, &anchor), &item(at, "objectives", i), i))
            .collect();
        let intermediate = Intermediate {
            number: opt(&raw.number),
            text: normalize(raw.text.trim()),
            label: opt(&raw.label),
            anchor,
            previous_ids: raw.previous_ids.clone(),
            notes: notes(&raw.notes),
        };
        (intermediate, objectives)
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Site;

    /// The site of one plan whose labels add `labels` and whose one goal holds `goal` (YAML
    /// lines at the goal's indentation), or its errors as `line:column message`.
    fn site(labels: &str, goal: &str) -> Result<Site, Vec<String>> {
        let plan = format!(
            "title: T\ntype: plan-anual\ncounty: c\nperiod: {{from: 2024, to: 2024}}\nsource: s.txt\nlabels: {{goal: G, objective: O, activity: A, indicators: I, period: P, responsible: R{labels}}}\ngoals:\n  - number: \"1\"\n    text: G\n{goal}"
        );
        let (site, diagnostics) = super::super::site_with_plan(&plan);
        if diagnostics.has_errors() {
            return Err(diagnostics
                .sorted()
                .into_iter()
                .map(|d| format!("{}:{} {}", d.line, d.column, d.message.text(crate::messages::Lang::En)))
                .collect());
        }
        Ok(site)
    }

    const LEVELS: &str = "    objectives:\n      - {number: '1.1', text: Direct}\n    intermediates:\n      - number: 1.A\n        text: Intermediar\n        notes: [{kind: alta, text: N}]\n        objectives:\n          - number: '1.A.1'\n            text: Sub nivel\n            activities:\n              - {number: '1.A.1.1', text: Activitate, results: [Un rezultat], notes: [{kind: alta, text: M, field: results, item: 1}]}\n";

    #[test]
    fn an_intermediate_level_keeps_its_objectives_in_document_order_with_stable_anchors() {
        let site = site(", intermediate: Obiectiv intermediar, results: Rezultate", LEVELS).expect("site");
        let goal = &site.plans[0].goals[0];
        assert_eq!(goal.intermediates[0].anchor, "oi-1-a");
        let objectives: Vec<(&str, Option<usize>)> =
            goal.objectives.iter().map(|o| (o.anchor.as_str(), o.intermediate)).collect();
        assert_eq!(objectives, [("os-1-1", None), ("os-1-a-1", Some(0))]);
        assert_eq!(goal.objectives[1].activities[0].results, ["Un rezultat"]);
        let plan = &site.plans[0];
        assert_eq!(plan.notes_on_items().len(), plan.note_count());
        assert_eq!(plan.notes_on_items()[0].level, "Obiectiv intermediar");
        let published: Vec<String> = crate::model::anchors::published_anchors(&plan.goals, &plan.sections)
            .into_iter()
            .map(|a| format!("{} {}", a.anchor, a.path))
            .collect();
        assert!(published.contains(&"oi-1-a goals[0].intermediates[0]".to_owned()), "{published:?}");
        assert!(published.contains(&"os-1-a-1 goals[0].intermediates[0].objectives[0]".to_owned()), "{published:?}");
    }

    #[test]
    fn a_level_or_column_the_labels_do_not_name_is_refused() {
        let errors = site("", LEVELS).expect_err("refused");
        assert_eq!(
            errors,
            [
                "12:5 the plan uses `intermediates`, but its `labels` have no `intermediate`",
                "20:55 the plan uses `results`, but its `labels` have no `results`"
            ]
        );
    }
}
