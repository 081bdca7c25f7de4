//! What each anchor of a plan leads to, and the comparison with what it led to when it was
//! recorded (`content/anchors/<plan-id>.yaml`, written by `planportal anchors --record`). A link
//! cited today must lead to the same item in five years: `check` refuses a plan where a recorded
//! anchor disappeared or now leads to a different item.

use std::collections::HashMap;

use super::{Goal, Section};
use crate::load::raw::{RawAnchorRecord, RawRecordedAnchor};

/// How many words of an item's text the record keeps: enough to tell two items apart, few
/// enough that a corrected typo near the end of a long text is not taken for another item.
pub const EXCERPT_WORDS: usize = 8;

/// One anchor published on a plan's page: an item's anchor or one of its previous ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedAnchor {
    /// The anchor.
    pub anchor: String,
    /// The item's path in the plan file (`sections[0].goals[1].objectives[0]`), for messages.
    pub path: String,
    /// The item's number as published, if any.
    pub number: Option<String>,
    /// The first words of its text (a section's title), as [`anchor_excerpt`] cuts them.
    pub text: String,
    /// The key of the item that messages point at: `number`, else `text` (`title`), else none.
    pub key: &'static str,
}

/// The first [`EXCERPT_WORDS`] words of `text`, with "…" when there are more.
pub fn anchor_excerpt(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut excerpt = words.iter().take(EXCERPT_WORDS).copied().collect::<Vec<_>>().join(" ");
    if words.len() > EXCERPT_WORDS {
        excerpt.push('…');
    }
    excerpt
}

/// Every anchor of a plan whose top-level goals and sections are `goals` and `sections`, in
/// document order, each item's anchor followed by its previous ids.
pub fn published_anchors(goals: &[Goal], sections: &[Section]) -> Vec<PublishedAnchor> {
    let mut out = Vec::new();
    for (i, goal) in goals.iter().enumerate() {
        push_goal(&mut out, goal, &format!("goals[{i}]"));
    }
    for (i, section) in sections.iter().enumerate() {
        push_section(&mut out, section, &format!("sections[{i}]"));
    }
    out
}

fn push_section(out: &mut Vec<PublishedAnchor>, section: &Section, path: &str) {
    let title = section.title.as_deref().unwrap_or_default();
    let key = match (&section.number, &section.title) {
        (Some(_), _) => "number",
        (None, Some(_)) => "title",
        (None, None) => "",
    };
    push(out, (&section.anchor, &section.previous_ids), (path, key), section.number.as_deref(), title);
    for (i, goal) in section.goals.iter().enumerate() {
        push_goal(out, goal, &format!("{path}.goals[{i}]"));
    }
    for (i, child) in section.sections.iter().enumerate() {
        push_section(out, child, &format!("{path}.sections[{i}]"));
    }
}

fn push_goal(out: &mut Vec<PublishedAnchor>, goal: &Goal, path: &str) {
    push(out, (&goal.anchor, &goal.previous_ids), (path, item_key(&goal.number)), goal.number.as_deref(), &goal.text);
    for (k, level) in goal.intermediates.iter().enumerate() {
        let at = format!("{path}.intermediates[{k}]");
        let anchors = (&level.anchor, level.previous_ids.as_slice());
        push(out, anchors, (&at, item_key(&level.number)), level.number.as_deref(), &level.text);
    }
    for (objective, at) in goal.objectives.iter().zip(objective_paths(goal, path)) {
        let anchors = (&objective.anchor, objective.previous_ids.as_slice());
        let key = item_key(&objective.number);
        push(out, anchors, (&at, key), objective.number.as_deref(), &objective.text);
        for (k, activity) in objective.activities.iter().enumerate() {
            let anchors = (&activity.anchor, activity.previous_ids.as_slice());
            let place = (format!("{at}.activities[{k}]"), item_key(&activity.number));
            push(out, anchors, (&place.0, place.1), activity.number.as_deref(), &activity.text);
        }
    }
}

/// The path in the plan file of each objective of `goal` (at `path`), in the order of
/// `goal.objectives`: `objectives[i]` under the goal, `intermediates[k].objectives[i]` under an
/// intermediate level.
fn objective_paths(goal: &Goal, path: &str) -> Vec<String> {
    let mut counts = vec![0; goal.intermediates.len()];
    let mut direct = 0;
    goal.objectives
        .iter()
        .map(|objective| match objective.intermediate {
            Some(k) => {
                counts[k] += 1;
                format!("{path}.intermediates[{k}].objectives[{}]", counts[k] - 1)
            }
            None => {
                direct += 1;
                format!("{path}.objectives[{}]", direct - 1)
            }
        })
        .collect()
}

/// The key a message about a goal, objective or activity points at.
fn item_key(number: &Option<String>) -> &'static str {
    if number.is_some() { "number" } else { "text" }
}

fn push(
    out: &mut Vec<PublishedAnchor>,
    (anchor, previous): (&String, &[String]),
    (path, key): (&str, &'static str),
    number: Option<&str>,
    text: &str,
) {
    let text = anchor_excerpt(text);
    for anchor in std::iter::once(anchor).chain(previous) {
        let (path, number) = (path.to_owned(), number.map(str::to_owned));
        out.push(PublishedAnchor { anchor: anchor.clone(), path, number, text: text.clone(), key });
    }
}

/// A recorded anchor that no longer leads where it did.
#[derive(Debug)]
pub enum Moved<'a> {
    /// The anchor is on no item of the plan any more.
    Gone {
        /// The anchor.
        anchor: &'a str,
        /// What it led to.
        recorded: &'a RawRecordedAnchor,
    },
    /// The anchor leads to an item of another number or text.
    Repointed {
        /// What it led to.
        recorded: &'a RawRecordedAnchor,
        /// What it leads to now.
        now: &'a PublishedAnchor,
    },
}

/// Every anchor of `record` that `published` no longer leads to the recorded item, in the
/// record's order. An anchor not recorded yet is new, not moved.
pub fn moved<'a>(record: &'a RawAnchorRecord, published: &'a [PublishedAnchor]) -> Vec<Moved<'a>> {
    let by_anchor: HashMap<&str, &PublishedAnchor> = published.iter().map(|p| (p.anchor.as_str(), p)).collect();
    record
        .iter()
        .filter_map(|(anchor, recorded)| match by_anchor.get(anchor.as_str()) {
            None => Some(Moved::Gone { anchor, recorded }),
            Some(now) if now.number != recorded.number || now.text != recorded.text => {
                Some(Moved::Repointed { recorded, now })
            }
            Some(_) => None,
        })
        .collect()
}

/// How a message names a recorded item: its number and first words.
pub fn describe(number: Option<&str>, text: &str) -> String {
    match number {
        Some(number) => format!("{number} „{text}”"),
        None => format!("„{text}”"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published(anchor: &str, number: Option<&str>, text: &str) -> PublishedAnchor {
        let number = number.map(str::to_owned);
        PublishedAnchor { anchor: anchor.into(), path: String::new(), number, text: text.into(), key: "text" }
    }

    fn recorded(number: Option<&str>, text: &str) -> RawRecordedAnchor {
        RawRecordedAnchor { number: number.map(str::to_owned), text: text.into() }
    }

    #[test]
    fn excerpt_keeps_the_first_words() {
        assert_eq!(anchor_excerpt("Unu  doi\ntrei"), "Unu doi trei");
        assert_eq!(anchor_excerpt("a b c d e f g h i j"), "a b c d e f g h…");
    }

    #[test]
    fn gone_and_repointed_anchors_are_found_and_new_ones_are_not() {
        let mut record = RawAnchorRecord::new();
        record.insert("a-1".into(), recorded(Some("1"), "Unu"));
        record.insert("a-2".into(), recorded(Some("2"), "Doi"));
        record.insert("os-1-m1".into(), recorded(None, "Trei"));
        let now =
            [published("a-1", Some("1"), "Unu"), published("os-1-m1", None, "Patru"), published("a-9", None, "Nou")];
        let found = moved(&record, &now);
        assert_eq!(found.len(), 2);
        assert!(matches!(found[0], Moved::Gone { anchor: "a-2", .. }));
        assert!(matches!(&found[1], Moved::Repointed { now, .. } if now.text == "Patru"));
    }
}
