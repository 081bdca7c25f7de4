//! The frame of every page: `site` (the same on every page) and `page` (its title, address and
//! breadcrumbs), around the page kind's `data`.

use std::borrow::Cow;

use serde::Serialize;

use super::{Citation, Link, PageData};
use crate::config::Config;
use crate::urls::{self, Urls};

/// `site`: the portal, the same on every page. New site-wide values go here.
#[derive(Serialize)]
pub struct SiteView<'a> {
    /// The portal's title (`config.toml`).
    pub title: &'a str,
    /// The portal's description (`config.toml`).
    pub description: &'a str,
    /// The language of the pages: `ro`.
    pub lang: &'a str,
    /// The link to the home page, base path included: `/` or `/portal/`.
    pub base: String,
    /// Every site-wide link (sections, downloads, feed, scripts, search bundle), base path
    /// included: `site.links.counties`, `site.links.downloads.activities_csv`, … (`urls::SiteLinks`).
    pub links: urls::SiteLinks,
    /// The absolute address of the home page.
    pub url: String,
    /// Whether the Atom feed exists (some publication states a day or a correction).
    pub feed: bool,
    /// The Content-Security-Policy, for a `<meta>` on hosts that send no headers.
    pub csp: &'static str,
}

impl<'a> SiteView<'a> {
    /// The frame of a site with `config`; `feed` says whether it has an Atom feed.
    pub fn new(config: &'a Config, links: &Urls, feed: bool) -> SiteView<'a> {
        SiteView {
            title: &config.title,
            description: &config.description,
            lang: &config.language,
            base: links.link(&urls::home()),
            links: urls::SiteLinks::new(links, &Urls::new(&config.absolute_url(&urls::home()))),
            url: config.absolute_url(&urls::home()),
            feed,
            csp: crate::headers::CONTENT_SECURITY_POLICY,
        }
    }
}

/// `page`: what the frame shows of the page itself.
#[derive(Serialize)]
pub struct PageView<'a> {
    /// Its title, for `<title>` and `<h1>`.
    pub title: Cow<'a, str>,
    /// Its description for search engines (at most 300 characters; may be empty).
    pub description: String,
    /// Its absolute address.
    pub canonical: String,
    /// Its site path, without the base path: `judete/cluj/`.
    pub path: String,
    /// The pages above it, from the home page down.
    pub breadcrumbs: Vec<Link<'a>>,
    /// The menu entry it belongs to: `planuri`, `judete`, … (empty for the 404 page).
    pub section: &'static str,
    /// How to cite it: text, CSL-JSON and BibTeX, for the "Citați această pagină" block.
    pub cite: Citation,
}

/// The whole context of a page, as templates see it: `site`, `page` and `data`.
#[derive(Serialize)]
pub struct PageContext<'a> {
    /// The portal.
    pub site: &'a SiteView<'a>,
    /// The page.
    pub page: PageView<'a>,
    /// The view of the page's kind.
    pub data: PageData<'a>,
}
