//! `planportal anchors`: what each published anchor of each plan leads to. With `--record`, it
//! writes that into `content/anchors/<plan-id>.yaml`, which `check` then compares every plan with
//! (`model::anchors`): a link cited today must lead to the same item later. Recording never drops
//! an anchor: while a recorded anchor is on no item, it refuses and says which.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context as _;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::{self, raw::RawAnchorRecord};
use crate::messages::Message;
use crate::model::anchors::{Moved, PublishedAnchor, describe, moved, published_anchors};
use crate::model::{self, Plan};

/// The folder of the records, under `content/`.
pub const RECORD_FOLDER: &str = "anchors";

/// The text of a plan's record: a comment, then one line per anchor in document order,
/// `anchor: {number: "…", text: "…"}` (JSON strings are YAML double-quoted scalars).
pub fn record_text(plan: &Plan) -> String {
    let mut text = format!(
        "# Ancorele publicate ale planului {}: fiecare duce la elementul cu acest număr și aceste prime cuvinte.\n\
         # Scris de `planportal anchors --record`; `planportal check` refuză o modificare care ar muta una dintre ele\n\
         # (docs/authoring.md, „Ancore”). Nu ștergeți o ancoră: legăturile către ea există.\n",
        plan.id
    );
    for anchor in published_anchors(&plan.goals, &plan.sections) {
        let quoted = |s: &str| serde_json::to_string(s).unwrap_or_default();
        let number = anchor.number.as_deref().map(|n| format!("number: {}, ", quoted(n))).unwrap_or_default();
        let _ = writeln!(text, "{}: {{{number}text: {}}}", anchor.anchor, quoted(&anchor.text));
    }
    text
}

/// `planportal anchors`: loads the site under `root` as `check` does, but without comparing it
/// with the records; prints every anchor, or with `record` writes the records. Returns whether it
/// succeeded (content errors, or a recorded anchor gone, are printed and refuse).
pub fn run(root: &Path, record: bool) -> anyhow::Result<bool> {
    let mut diagnostics = Diagnostics::default();
    let mut raw = load::load_content(root, &mut diagnostics);
    let records = std::mem::take(&mut raw.anchors);
    let site = model::resolve(raw, &mut diagnostics);
    if diagnostics.has_errors() {
        eprint!("{}", diagnostics.render());
        return Ok(false);
    }
    let mut gone = Diagnostics::default();
    for plan in &site.plans {
        let published = published_anchors(&plan.goals, &plan.sections);
        if let Some(parsed) = records.get(&plan.id) {
            gone.extend(gone_anchors(&parsed.file.path, &parsed.value, &published));
        }
    }
    if gone.has_errors() {
        eprint!("{}", gone.render());
        return Ok(false);
    }
    if !record {
        for plan in &site.plans {
            print!("{}", record_text(plan));
        }
        return Ok(true);
    }
    let folder = root.join("content").join(RECORD_FOLDER);
    std::fs::create_dir_all(&folder).with_context(|| format!("cannot create {}", folder.display()))?;
    let mut count = 0;
    for plan in &site.plans {
        let path = folder.join(format!("{}.yaml", plan.id));
        std::fs::write(&path, record_text(plan)).with_context(|| format!("cannot write {}", path.display()))?;
        count += published_anchors(&plan.goals, &plan.sections).len();
    }
    println!("anchors: {count} anchors of {} plans recorded in content/{RECORD_FOLDER}/", site.plans.len());
    Ok(true)
}

/// An error for each anchor of `record` (the file `path`) on no item of `published`.
fn gone_anchors(path: &str, record: &RawAnchorRecord, published: &[PublishedAnchor]) -> Vec<Diagnostic> {
    moved(record, published)
        .into_iter()
        .filter_map(|found| match found {
            Moved::Gone { anchor, recorded } => Some(
                Diagnostic::file_error(
                    path,
                    Message::AnchorGone {
                        anchor: anchor.to_owned(),
                        was: describe(recorded.number.as_deref(), &recorded.text),
                    },
                )
                .with_hint(Message::AnchorGoneRecordHint { anchor: anchor.to_owned() }),
            ),
            Moved::Repointed { .. } => None,
        })
        .collect()
}
