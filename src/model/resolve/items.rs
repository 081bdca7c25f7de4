//! Notes about one item of an activity's list (`item:`): the list must be one whose items the
//! page can mark (`indicators`, `results`, `funding`) and the item must exist.

use super::report::{FileReport, field, item};
use crate::load::raw::RawActivity;
use crate::messages::Message;

/// The lists whose items a note may point at, with their lengths in `raw`.
fn lists(raw: &RawActivity) -> [(&'static str, usize); 3] {
    [("indicators", raw.indicators.len()), ("results", raw.results.len()), ("funding", raw.funding.len())]
}

/// Checks the `item:` of every note of the activity at `at`.
pub(super) fn check_note_items(report: &mut FileReport<'_>, at: &str, raw: &RawActivity) {
    for (i, note) in raw.notes.iter().enumerate() {
        let Some(n) = note.item else { continue };
        let path = field(&item(at, "notes", i), "item");
        let length = lists(raw).iter().find(|(name, _)| note.field.as_deref() == Some(*name)).map(|(_, len)| *len);
        match length {
            None => report.error(path, &n.to_string(), Message::ItemNeedsField, Some(Message::ItemNeedsFieldHint)),
            Some(len) if n == 0 || n > len => report.error(
                path,
                &n.to_string(),
                Message::NoSuchListItem { number: n, list: note.field.clone().unwrap_or_default(), count: len },
                Some(Message::CountedFromOne),
            ),
            Some(_) => {}
        }
    }
}
