//! The first and last year of a deadline as printed ("2014 - 2024 (permanent)", "2024",
//! "31.12.2023"), for the `an_inceput` / `an_sfarsit` columns. The printed text stays beside
//! them; a deadline read any other way than the rules below gives no years, never a guess.
//!
//! The rules: the years are the runs of exactly four digits from 1990 to 2100 (a date's day and
//! month, "3 acțiuni/an" and the like are not years). One year: it is both the first and the
//! last ("2024", "31.12.2024", "anual, 2024"). Two years joined by a dash (`-`, `–`, `—`, with or
//! without spaces) in increasing order: a period. Anything else (no year, two years not joined
//! by a dash, three or more) is left unparsed.

/// The first and last year of `text`, or `None` when the rules above do not read it.
pub fn years(text: &str) -> Option<(u16, u16)> {
    let found = year_runs(text);
    match found.as_slice() {
        [(_, _, year)] => Some((*year, *year)),
        [(_, end, first), (start, _, last)] if first <= last && is_dash(&text[*end..*start]) => Some((*first, *last)),
        _ => None,
    }
}

/// Each run of exactly four ASCII digits that reads as a year from 1990 to 2100: its byte
/// range and value.
fn year_runs(text: &str) -> Vec<(usize, usize, u16)> {
    let bytes = text.as_bytes();
    let mut runs = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at].is_ascii_digit() {
            at += 1;
            continue;
        }
        let start = at;
        while at < bytes.len() && bytes[at].is_ascii_digit() {
            at += 1;
        }
        if at - start == 4
            && let Ok(year) = text[start..at].parse::<u16>()
            && (1990..=2100).contains(&year)
        {
            runs.push((start, at, year));
        }
    }
    runs
}

/// Whether `between` is one dash, with or without spaces around it.
fn is_dash(between: &str) -> bool {
    matches!(between.trim(), "-" | "–" | "—")
}

#[cfg(test)]
mod tests {
    use super::years;

    #[test]
    fn a_period_in_any_spelling_of_the_dash() {
        for text in ["2014 - 2024", "2014-2024", "2014 -2024 (anual)", "2014 – 2024 (minim 3 acțiuni/an)", "2022—2026"]
        {
            let expected = if text.starts_with("2022") { (2022, 2026) } else { (2014, 2024) };
            assert_eq!(years(text), Some(expected), "{text}");
        }
    }

    #[test]
    fn one_year_or_one_date_is_both_ends() {
        assert_eq!(years("2024"), Some((2024, 2024)));
        assert_eq!(years("31.12.2023"), Some((2023, 2023)));
        assert_eq!(years("anual, începând cu 2025"), Some((2025, 2025)));
    }

    #[test]
    fn anything_else_is_left_unparsed() {
        for text in ["permanent", "anual", "", "2014, 2016, 2018", "2024 și 2026", "2026 - 2024", "20245", "1850"] {
            assert_eq!(years(text), None, "{text}");
        }
    }
}
