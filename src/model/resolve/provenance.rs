//! The provenance of a publication and its correction log: an address must be http(s), a date a
//! day of the calendar, a checksum 64 hexadecimal digits. Each error is placed at its value.

use std::collections::HashMap;

use super::dates::check_date_at;
use super::report::{FileReport, field, item};
use crate::load::raw::{RawCorrection, RawPortal, RawProvenance};
use crate::messages::Message;
use crate::model::{Correction, Provenance};
use crate::text::normalize;

/// The provenance `raw` states, checked; empty when the content states none.
pub(super) fn provenance(report: &mut FileReport<'_>, raw: Option<&RawProvenance>) -> Provenance {
    let Some(raw) = raw else { return Provenance::default() };
    let url = raw.url.as_deref().map(str::trim);
    if let Some(url) = url {
        check_url(report, url);
    }
    if let Some(day) = &raw.retrieved {
        check_date_at(report, "provenance.retrieved", day);
    }
    let sha256 = raw.sha256.as_deref().map(str::trim);
    if let Some(sum) = sha256 {
        check_sha256(report, sum);
    }
    Provenance {
        url: url.map(str::to_owned),
        retrieved: raw.retrieved.clone(),
        sha256: sha256.map(str::to_ascii_lowercase),
    }
}

/// The day the portal published a publication (`portal.published`), checked; `None` when the
/// content does not state it.
pub(super) fn published(report: &mut FileReport<'_>, raw: Option<&RawPortal>) -> Option<String> {
    let day = raw?.published.as_ref()?;
    check_date_at(report, "portal.published", day);
    Some(day.clone())
}

/// An address a reader can open: `http://` or `https://`, a host, no white space.
fn check_url(report: &mut FileReport<'_>, url: &str) {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    let host = rest.map(|r| r.split(['/', '?', '#']).next().unwrap_or_default());
    let ok = host.is_some_and(|h| !h.is_empty()) && !url.chars().any(char::is_whitespace);
    report.check(
        || "provenance.url".to_owned(),
        url,
        ok,
        || Message::NotHttp { url: url.to_owned() },
        Some(Message::NotHttpHint),
    );
}

/// A SHA-256 as `sha256sum` prints it: 64 hexadecimal digits.
fn check_sha256(report: &mut FileReport<'_>, sum: &str) {
    let ok = sum.len() == 64 && sum.bytes().all(|b| b.is_ascii_hexdigit());
    report.check(
        || "provenance.sha256".to_owned(),
        sum,
        ok,
        || Message::NotSha256 { sum: sum.to_owned(), count: sum.chars().count() },
        Some(Message::NotSha256Hint),
    );
}

/// The correction log, checked, each entry with its anchor (`corectura-<day>-<n>`, `n` counting
/// that day's entries from 1).
pub(super) fn corrections(report: &mut FileReport<'_>, raw: &[RawCorrection]) -> Vec<Correction> {
    let mut per_day: HashMap<&str, usize> = HashMap::new();
    raw.iter()
        .enumerate()
        .map(|(i, entry)| {
            let at = item("", "corrections", i);
            check_date_at(report, &field(&at, "date"), &entry.date);
            let text = normalize(entry.text.trim());
            report.check(|| field(&at, "text"), &entry.text, !text.is_empty(), || Message::EmptyCorrection, None);
            let n = per_day.entry(&entry.date).or_default();
            *n += 1;
            Correction { date: entry.date.clone(), text, anchor: format!("corectura-{}-{n}", entry.date) }
        })
        .collect()
}
