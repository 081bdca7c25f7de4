//! Dates of plans and documents.

use super::report::FileReport;
use crate::messages::Message;

/// Dates are `YYYY-MM-DD`, and a day of the calendar: `2024-02-30` is refused. `date` is the value
/// of the top-level `date:` key.
pub(super) fn check_date(report: &mut FileReport<'_>, date: &str) {
    check_date_at(report, "date", date);
}

/// The same check for the date at `path` (`provenance.retrieved`, `corrections[0].date`).
pub(super) fn check_date_at(report: &mut FileReport<'_>, path: &str, date: &str) {
    let parts: Vec<&str> = date.split('-').collect();
    let well_formed = parts.len() == 3
        && parts[0].len() == 4
        && parts[1].len() == 2
        && parts[2].len() == 2
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    if !well_formed {
        report.error(path.to_owned(), date, Message::NotADate { date: date.to_owned() }, Some(Message::NotADateHint));
        return;
    }
    // The shape is checked above; jiff says whether the day exists (leap years included).
    let exists = jiff::civil::Date::strptime("%Y-%m-%d", date).is_ok();
    if !exists {
        report.error(path.to_owned(), date, Message::NoSuchDay { date: date.to_owned() }, Some(Message::NoSuchDayHint));
    }
}
