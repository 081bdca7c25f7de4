//! Long listings cut into pages, GOV.UK's pagination pattern: „Pagina anterioară”, the page
//! numbers (the first, the last, the current one and its neighbours, ellipses between), „Pagina
//! următoare”. The first page is the listing's own address and is complete without JavaScript;
//! page `n` is `<listing>/pagina/<n>/` (`urls::listing_page`).
//!
//! A page size is a count of items, chosen so that no page passes 200 KB: an activity card (an
//! institution's page) weighs up to ~3 KB written out, so 50 of them stay near 150 KB with the
//! frame; an objective summary (a theme's page) ~0.6 KB, so 200 stay near 130 KB.

use std::borrow::Cow;
use std::ops::Range;

use serde::Serialize;

use super::Views;
use crate::urls;

/// Activities per page of a listing of activity cards (an institution's page).
pub const ACTIVITIES_PER_PAGE: usize = 50;
/// Plans per page of the list of plans: a plan's line weighs ~0.4 KB, so 200 stay near 100 KB.
pub const PLANS_PER_PAGE: usize = 200;
/// Publications per page of the irregularities pages: a publication's section weighs ~1.3 KB
/// with a few notes, so 100 stay near 150 KB.
pub const PUBLICATIONS_PER_PAGE: usize = 100;
/// Objectives per page of a listing of objective summaries (a theme's page).
pub const OBJECTIVES_PER_PAGE: usize = 200;
/// Rows per page of the list of institutions and of their rankings: a row weighs ~0.2 KB, so 500
/// stay near 100 KB. On one page the list of 7,055 institutions (300,000 pages of the benchmark's
/// corpus) was 1.3 MB (docs/performance.md).
pub const INSTITUTIONS_PER_PAGE: usize = 500;

/// How many pages `items` fill at `size` a page: at least one, an empty listing is still a page.
pub fn page_count(items: usize, size: usize) -> usize {
    items.div_ceil(size).max(1)
}

/// The items on page `n` (counted from 1) of `items` at `size` a page.
pub fn page_items(items: usize, size: usize, n: usize) -> Range<usize> {
    let start = (n.saturating_sub(1) * size).min(items);
    start..(start + size).min(items)
}

/// A link to one page of a listing, or an ellipsis standing for the pages left out.
#[derive(Serialize, Debug, PartialEq)]
pub struct PageNumber {
    /// The page's number; 0 for an ellipsis.
    pub number: usize,
    /// Its address; empty for an ellipsis.
    pub url: String,
    /// Whether it is the page being read (`aria-current="page"`).
    pub current: bool,
    /// Whether it stands for pages left out („…”).
    pub ellipsis: bool,
}

/// Where a page stands in its listing, drawn by `macros.html`'s `pagination` macro.
#[derive(Serialize, Debug)]
pub struct Pagination {
    /// The page being read, counted from 1.
    pub current: usize,
    /// How many pages the listing has.
    pub count: usize,
    /// The first item on this page, counted from 1.
    pub first: usize,
    /// The last item on this page.
    pub last: usize,
    /// How many items the listing has.
    pub total: usize,
    /// The previous page's address, none on the first page.
    pub previous: Option<String>,
    /// The next page's address, none on the last page.
    pub next: Option<String>,
    /// The page numbers to show, with ellipses.
    pub numbers: Vec<PageNumber>,
}

/// The page numbers GOV.UK shows: the first, the last, the current one and its neighbours; an
/// ellipsis for each run of pages left out.
pub fn shown_numbers(current: usize, count: usize) -> Vec<usize> {
    let mut shown: Vec<usize> = Vec::new();
    for n in 1..=count {
        let near = n + 1 >= current && n <= current + 1;
        if n == 1 || n == count || near {
            if shown.last().is_some_and(|last| n > last + 1) {
                shown.push(0);
            }
            shown.push(n);
        }
    }
    shown
}

impl Views<'_> {
    /// The title of page `n` of a listing named `name`, `total` items at `size` a page: the name,
    /// and on a listing of several pages „— pagina 2 din 7”, so that every page has its own.
    pub fn paged_title<'n>(&self, name: &'n str, n: usize, total: usize, size: usize) -> Cow<'n, str> {
        let count = page_count(total, size);
        if count == 1 { Cow::Borrowed(name) } else { Cow::Owned(format!("{name} — pagina {n} din {count}")) }
    }

    /// The pagination of page `current` of the listing at `base` (a site path), `total` items
    /// at `size` a page; none when the listing fits on one page.
    pub fn pagination(&self, base: &str, current: usize, total: usize, size: usize) -> Option<Pagination> {
        let count = page_count(total, size);
        if count == 1 {
            return None;
        }
        let url = |n: usize| self.url(&urls::listing_page(base, n));
        let range = page_items(total, size, current);
        let numbers = shown_numbers(current, count)
            .into_iter()
            .map(|n| PageNumber {
                number: n,
                url: if n == 0 { String::new() } else { url(n) },
                current: n == current,
                ellipsis: n == 0,
            })
            .collect();
        Some(Pagination {
            current,
            count,
            first: range.start + 1,
            last: range.end,
            total,
            previous: (current > 1).then(|| url(current - 1)),
            next: (current < count).then(|| url(current + 1)),
            numbers,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_counted_up_and_never_zero() {
        assert_eq!(page_count(0, 50), 1);
        assert_eq!(page_count(50, 50), 1);
        assert_eq!(page_count(51, 50), 2);
        assert_eq!(page_items(120, 50, 3), 100..120);
        assert_eq!(page_items(120, 50, 1), 0..50);
    }

    #[test]
    fn numbers_keep_the_ends_and_the_neighbours_with_ellipses_between() {
        assert_eq!(shown_numbers(1, 1), vec![1]);
        assert_eq!(shown_numbers(1, 7), vec![1, 2, 0, 7]);
        assert_eq!(shown_numbers(4, 7), vec![1, 0, 3, 4, 5, 0, 7]);
        assert_eq!(shown_numbers(7, 7), vec![1, 0, 6, 7]);
        assert_eq!(shown_numbers(3, 4), vec![1, 2, 3, 4]);
    }
}
