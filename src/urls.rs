//! The portal's URLs, in Romanian and without diacritics, all in one place. Each is a site path
//! (no leading slash) such as `judete/cluj/`; `Urls::link` prefixes the base path so that the
//! site works at the root of a host or under a sub-path such as `/portal/`. Templates get the
//! site-wide links, already prefixed, as `site.links` (`SiteLinks`); the pages' own links come
//! with their data.

use serde::Serialize;

/// Builds links under one base path.
#[derive(Debug, Clone)]
pub struct Urls {
    base: String,
}

impl Urls {
    /// Links under `base_path`, which ends in `/` (`/`, `/portal/` or an absolute URL).
    pub fn new(base_path: &str) -> Urls {
        Urls { base: base_path.to_owned() }
    }

    /// The link to a site path, as used in `href`.
    pub fn link(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }
}

/// The home page.
pub fn home() -> String {
    String::new()
}
/// The list of every county.
pub fn counties() -> String {
    "judete/".to_owned()
}
/// One county's page.
pub fn county(slug: &str) -> String {
    format!("judete/{slug}/")
}
/// The localities that publications name, by county.
pub fn localities() -> String {
    "localitati/".to_owned()
}
/// The index of localities at one county's section (its id is the county's slug).
pub fn localities_of(county_slug: &str) -> String {
    format!("{}#{county_slug}", localities())
}
/// One locality's page: its own publications and the activities that name it.
pub fn locality(slug: &str) -> String {
    format!("localitati/{slug}/")
}
/// The list of every plan.
pub fn plans() -> String {
    "planuri/".to_owned()
}
/// One plan's page.
pub fn plan(id: &str) -> String {
    format!("planuri/{id}/")
}
/// The page of one objective of a plan.
pub fn objective(plan_id: &str, anchor: &str) -> String {
    format!("planuri/{plan_id}/{anchor}/")
}
/// A plan's filter page: its activities under each responsible body, theme and deadline.
/// Objective pages' folders always contain `os`, so `filtre/` never meets one.
pub fn plan_filter(plan_id: &str) -> String {
    format!("planuri/{plan_id}/filtre/")
}
/// The id of one value's list on a plan's filter page (`kind`: `responsabil`, `tema`, `termen`).
pub fn filter_anchor(kind: &str, value: &str) -> String {
    format!("{kind}-{value}")
}
/// One value's list on a plan's filter page.
pub fn plan_filter_value(plan_id: &str, kind: &str, value: &str) -> String {
    format!("{}#{}", plan_filter(plan_id), filter_anchor(kind, value))
}
/// The filter lists on a plan page.
pub fn plan_filters(plan_id: &str) -> String {
    in_plan(plan_id, "filtre")
}
/// An anchor on a plan page.
pub fn in_plan(plan_id: &str, anchor: &str) -> String {
    format!("planuri/{plan_id}/#{anchor}")
}
/// The element id of an anchor of a plan on a page that shows several plans (an institution's,
/// a framework objective's), where plans repeat each other's anchors: `<plan id>--<anchor>`.
/// The plan's own pages keep the bare anchor, which old links point to.
pub fn anchor_among_plans(plan_id: &str, anchor: &str) -> String {
    format!("{plan_id}--{anchor}")
}
/// The list of every institution.
pub fn institutions() -> String {
    "institutii/".to_owned()
}
/// One institution's page.
pub fn institution(id: &str) -> String {
    format!("institutii/{id}/")
}
/// Page `n` (counted from 1) of a long listing at `base`: the first page is the listing itself,
/// the others `<listing>/pagina/<n>/` (`render::views::pagination`).
pub fn listing_page(base: &str, n: usize) -> String {
    if n <= 1 { base.to_owned() } else { format!("{base}{PAGE_FOLDER}/{n}/") }
}
/// The folder of a listing's further pages.
pub const PAGE_FOLDER: &str = "pagina";
/// The list of the types of institution.
pub fn institution_types() -> String {
    "tipuri-institutii/".to_owned()
}
/// The institutions of one type.
pub fn institution_type(id: &str) -> String {
    format!("tipuri-institutii/{id}/")
}
/// A ranking of institutions (`types` false) or of institution types, sorted by `order`
/// (`""`: activities, the default view; `planuri`, `judete`).
pub fn ranking(types: bool, order: &str) -> String {
    let base = if types { format!("tipuri-institutii/{RANKING}/") } else { format!("institutii/{RANKING}/") };
    if order.is_empty() { base } else { format!("{base}{order}/") }
}
/// The folder of the rankings beside the institutions' and the types' pages: an institution or
/// a type may not take it as its id (`crate::model::resolve`).
pub const RANKING: &str = "clasament";
/// The list of every theme.
pub fn themes() -> String {
    "teme/".to_owned()
}
/// One theme's page.
pub fn theme(id: &str) -> String {
    format!("teme/{id}/")
}
/// One county's page of one theme: that county's objectives and document items under it.
pub fn county_theme(county_slug: &str, theme_id: &str) -> String {
    format!("judete/{county_slug}/teme/{theme_id}/")
}
/// The list of every document.
pub fn documents() -> String {
    "documente/".to_owned()
}
/// One document's page.
pub fn document(id: &str) -> String {
    format!("documente/{id}/")
}
/// An anchor of a document's body (a heading, paragraph or list item: `crate::markdown`).
pub fn in_document(id: &str, anchor: &str) -> String {
    format!("documente/{id}/#{anchor}")
}
/// A source file as published (PDF, DOCX, …), copied from `content/`.
pub fn source(file_name: &str) -> String {
    format!("surse/{file_name}")
}
/// The page of a source text (`000_ab.txt` → `surse/000_ab/`): its lines numbered, each an anchor.
/// Its folder never meets a raw file, which ends in `.txt`.
pub fn source_page(file_name: &str) -> String {
    format!("surse/{}/", file_name.strip_suffix(".txt").unwrap_or(file_name))
}
/// The id of line `n` (from 1) on a source page: `L51`.
pub fn line_anchor(n: usize) -> String {
    format!("L{n}")
}
/// The fragment of lines `from` to `to` on a source page: `L51`, or `L32-L34` for a range.
pub fn lines_anchor(from: usize, to: usize) -> String {
    if from == to { line_anchor(from) } else { format!("L{from}-L{to}") }
}
/// Lines `from` to `to` of a source text, on its page.
pub fn source_lines(file_name: &str, from: usize, to: usize) -> String {
    format!("{}#{}", source_page(file_name), lines_anchor(from, to))
}
/// The comparison of two counties, `a` first. `-si-` joins the slugs, so slugs holding `-si-` can
/// make two pairs share an address; `model::resolve` refuses such counties.
pub fn pair(a_slug: &str, b_slug: &str) -> String {
    format!("comparatii/{a_slug}-si-{b_slug}/")
}
/// The index of comparisons, where a reader picks the counties.
pub fn comparisons() -> String {
    "comparatii/".to_owned()
}
/// The page of a national framework: which counties adopted which objectives.
pub fn framework(framework_id: &str) -> String {
    format!("strategii/{framework_id}/")
}
/// One framework objective, the adopting counties side by side.
pub fn framework_objective(framework_id: &str, objective_id: &str) -> String {
    format!("strategii/{framework_id}/{objective_id}/")
}
/// The search page.
pub fn search() -> String {
    "cautare/".to_owned()
}
/// The page served for an address that has none; hosts look for it under this name.
pub fn not_found() -> String {
    "404.html".to_owned()
}

/// The irregularities of every publication (`/nereguli/`): every note, grouped by publication.
pub fn irregularities() -> String {
    "nereguli/".to_owned()
}
/// The irregularities of one kind (a `NoteKind` code), across every publication.
pub fn irregularities_of_kind(kind_code: &str) -> String {
    format!("nereguli/{kind_code}/")
}
/// The section of one publication (a plan's or document's id) on an irregularities page.
pub fn irregularities_anchor(publication_id: &str) -> String {
    format!("nereguli-{publication_id}")
}
/// Every note of every publication, one CSV.
pub fn irregularities_csv() -> String {
    "date/nereguli.csv".to_owned()
}
/// The open-data page and the downloads it lists (`export::data` writes them).
pub fn data() -> String {
    "date/".to_owned()
}
/// The activities of every plan, one CSV.
pub fn activities_csv() -> String {
    "date/activitati.csv".to_owned()
}
/// Every institution with its names in the documents, one CSV.
pub fn institutions_csv() -> String {
    "date/institutii.csv".to_owned()
}
/// Every county with its number of publications, one CSV.
pub fn counties_csv() -> String {
    "date/judete.csv".to_owned()
}
/// Every locality with how many activities name it, one CSV.
pub fn localities_csv() -> String {
    "date/localitati.csv".to_owned()
}
/// Every plan, one row each, one CSV.
pub fn plans_csv() -> String {
    "date/planuri.csv".to_owned()
}
/// Every document, one row each, one CSV.
pub fn documents_csv() -> String {
    "date/documente.csv".to_owned()
}
/// The items of every document (participants, list items such as conclusions), one CSV.
pub fn document_items_csv() -> String {
    "date/documente-elemente.csv".to_owned()
}
/// The XLSX copy of a CSV download, beside it: `date/activitati.csv` → `date/activitati.xlsx`.
pub fn xlsx_of(csv_path: &str) -> String {
    format!("{}.xlsx", csv_path.strip_suffix(".csv").unwrap_or(csv_path))
}
/// The Table Schema that several tables of the data package share (every plan's, county's and
/// institution's activities), named by the data package instead of repeated in it.
pub fn table_schema(name: &str) -> String {
    format!("date/schema/{name}.json")
}
/// The whole data set in one zip file.
pub fn data_zip() -> String {
    "date/planportal-date.zip".to_owned()
}
/// Every plan in one JSON file.
pub fn plans_json() -> String {
    "date/planuri.json".to_owned()
}
/// The JSON Schema of `plans_json`.
pub fn plans_schema() -> String {
    "date/planuri.schema.json".to_owned()
}
/// The JSON Schema of a national framework's JSON file (`framework_json`).
pub fn frameworks_schema() -> String {
    "date/strategii.schema.json".to_owned()
}
/// The Frictionless data package describing every download.
pub fn datapackage() -> String {
    "date/datapackage.json".to_owned()
}
/// The DCAT-AP description of the data set (JSON-LD), for catalogues such as data.gov.ro.
pub fn dcat() -> String {
    "date/dcat.jsonld".to_owned()
}
/// The activities of one plan, as CSV.
pub fn plan_csv(plan_id: &str) -> String {
    format!("date/planuri/{plan_id}.csv")
}
/// One plan with its whole hierarchy, as JSON.
pub fn plan_json(plan_id: &str) -> String {
    format!("date/planuri/{plan_id}.json")
}
/// The activities of one county's plans, as CSV.
pub fn county_csv(slug: &str) -> String {
    format!("date/judete/{slug}.csv")
}
/// The activities one institution is responsible for, as CSV.
pub fn institution_csv(institution_id: &str) -> String {
    format!("date/institutii/{institution_id}.csv")
}
/// Which county adopted which objective of one national framework, as CSV.
pub fn framework_csv(framework_id: &str) -> String {
    format!("date/strategii/{framework_id}.csv")
}
/// One national framework with its objectives, as JSON.
pub fn framework_json(framework_id: &str) -> String {
    format!("date/strategii/{framework_id}.json")
}
/// The Atom feed of publications.
pub fn feed() -> String {
    "publicatii.xml".to_owned()
}
/// The sitemap (or, for a large site, the index of the numbered sitemaps).
pub fn sitemap() -> String {
    "sitemap.xml".to_owned()
}
/// The numbered part `n` (from 1) of a sitemap too large for one file.
pub fn sitemap_part(n: usize) -> String {
    format!("sitemap-{n}.xml")
}
/// The instructions for crawlers, which name the sitemap.
pub fn robots() -> String {
    "robots.txt".to_owned()
}

/// The theme's style sheet (`themes/<theme>/static/style.css`, copied to the site root).
pub fn style_css() -> String {
    "style.css".to_owned()
}
/// The theme's icon (`themes/<theme>/static/favicon.svg`): named by every page, so that browsers do
/// not ask for a missing `/favicon.ico`.
pub fn favicon() -> String {
    "favicon.svg".to_owned()
}
/// The theme's script of the comparison pages.
pub fn compare_script() -> String {
    "compare.js".to_owned()
}
/// The theme's script of the search page.
pub fn search_script() -> String {
    "search.js".to_owned()
}
/// The theme's script of plan and objective pages: opens the folded part an anchor points into,
/// and everything before printing.
pub fn plan_script() -> String {
    "plan.js".to_owned()
}

/// The theme's script of source pages: highlights a range of lines (`#L32-L34`).
pub fn source_script() -> String {
    "source.js".to_owned()
}

/// The theme's script of every page's citation block: the "Copiază" buttons.
pub fn cite_script() -> String {
    "cite.js".to_owned()
}

/// The folder of the search bundle: Pagefind's files, the shards and the filter menus.
pub fn search_bundle() -> String {
    SEARCH_BUNDLE.to_owned()
}
const SEARCH_BUNDLE: &str = "pagefind/";
/// The values of the search page's filter menus (`search::write_menus`).
pub fn search_menus() -> String {
    format!("{SEARCH_BUNDLE}filtre.json")
}
/// The institutions menu of one county, loaded when that county is chosen.
pub fn search_county_menu(slug: &str) -> String {
    format!("{SEARCH_BUNDLE}filtre/{slug}.json")
}
/// The list of the index's shards after the first, which the search page merges.
pub fn search_shards() -> String {
    format!("{SEARCH_BUNDLE}shards.json")
}
/// The folder of shard `n` (from 1) of a split search index; shard 0 is the bundle itself.
pub fn search_shard(n: usize) -> String {
    format!("{SEARCH_BUNDLE}{n}/")
}

/// A path of the search bundle relative to the bundle folder (`pagefind/1/` → `1/`): the search
/// page resolves the names listed in the bundle's own files against the bundle folder.
pub fn in_search_bundle(path: &str) -> &str {
    path.strip_prefix(SEARCH_BUNDLE).unwrap_or(path)
}

/// The file that serves a site path: `judete/cluj/` → `judete/cluj/index.html`.
pub fn file_for(path: &str) -> String {
    if path.is_empty() || path.ends_with('/') { format!("{path}index.html") } else { path.to_owned() }
}

/// Every site-wide link, prefixed with the base path: the navigation, the static assets, the
/// downloads and the search bundle. Templates read it as `site.links`, scripts through the
/// `data-` attributes the templates write.
#[derive(Debug, Clone, Serialize)]
pub struct SiteLinks {
    /// The home page.
    pub home: String,
    /// The list of counties.
    pub counties: String,
    /// The list of plans.
    pub plans: String,
    /// The list of institutions.
    pub institutions: String,
    /// The list of institution types.
    pub institution_types: String,
    /// The institutions ranked by activities.
    pub ranking: String,
    /// The institution types ranked by activities.
    pub type_ranking: String,
    /// The list of themes.
    pub themes: String,
    /// The list of documents.
    pub documents: String,
    /// The index of comparisons.
    pub comparisons: String,
    /// The comparison of two counties with `{a}` and `{b}` in place of their slugs, for
    /// `compare.js`, which fills them in.
    pub pair: String,
    /// The open-data page.
    pub data: String,
    /// The irregularities of every publication.
    pub irregularities: String,
    /// The search page.
    pub search: String,
    /// The Atom feed.
    pub feed: String,
    /// The style sheet.
    pub style: String,
    /// The site's icon (SVG).
    pub favicon: String,
    /// The script of the comparison pages.
    pub compare_script: String,
    /// The script of the search page.
    pub search_script: String,
    /// The script of plan pages (`plan.js`): opens the folded activities an anchor points into.
    pub plan_script: String,
    /// The script of source pages (`source.js`): highlights the range of lines the address names.
    pub source_script: String,
    /// The script of every page's citation block (`cite.js`): copies a citation, dated today.
    pub cite_script: String,
    /// The search bundle's folder, against which the names in its files resolve (and where
    /// Pagefind's own `pagefind.js` is).
    pub search_bundle: String,
    /// The values of the search filters.
    pub search_menus: String,
    /// The list of the search index's shards.
    pub search_shards: String,
    /// The downloads of the open-data page.
    pub downloads: Downloads,
    /// The same downloads as absolute URLs, for the data page's schema.org description.
    pub absolute_downloads: Downloads,
}

/// The downloads of the whole data set, as the open-data page lists them.
#[derive(Debug, Clone, Serialize)]
pub struct Downloads {
    /// The activities of every plan, CSV.
    pub activities_csv: String,
    /// The institutions, CSV.
    pub institutions_csv: String,
    /// The counties, CSV.
    pub counties_csv: String,
    /// Every note (irregularity) of every publication, CSV.
    pub irregularities_csv: String,
    /// The plans, CSV.
    pub plans_csv: String,
    /// The documents, CSV.
    pub documents_csv: String,
    /// The items of the documents, CSV.
    pub document_items_csv: String,
    /// The whole data set, zip.
    pub zip: String,
    /// Every plan, JSON.
    pub plans_json: String,
    /// The JSON Schema of the plans.
    pub plans_schema: String,
    /// The Frictionless data package.
    pub datapackage: String,
    /// The DCAT-AP description of the data set, for catalogues.
    pub dcat: String,
}

impl Downloads {
    /// The downloads under the prefix of `urls`.
    pub fn new(urls: &Urls) -> Downloads {
        Downloads {
            activities_csv: urls.link(&activities_csv()),
            institutions_csv: urls.link(&institutions_csv()),
            counties_csv: urls.link(&counties_csv()),
            irregularities_csv: urls.link(&irregularities_csv()),
            plans_csv: urls.link(&plans_csv()),
            documents_csv: urls.link(&documents_csv()),
            document_items_csv: urls.link(&document_items_csv()),
            zip: urls.link(&data_zip()),
            plans_json: urls.link(&plans_json()),
            plans_schema: urls.link(&plans_schema()),
            datapackage: urls.link(&datapackage()),
            dcat: urls.link(&dcat()),
        }
    }
}

impl SiteLinks {
    /// The links under the base path of `urls`; `absolute` prefixes the site's absolute URL.
    pub fn new(urls: &Urls, absolute: &Urls) -> SiteLinks {
        SiteLinks {
            home: urls.link(&home()),
            counties: urls.link(&counties()),
            plans: urls.link(&plans()),
            institutions: urls.link(&institutions()),
            institution_types: urls.link(&institution_types()),
            ranking: urls.link(&ranking(false, "")),
            type_ranking: urls.link(&ranking(true, "")),
            themes: urls.link(&themes()),
            documents: urls.link(&documents()),
            comparisons: urls.link(&comparisons()),
            pair: urls.link(&pair("{a}", "{b}")),
            data: urls.link(&data()),
            irregularities: urls.link(&irregularities()),
            search: urls.link(&search()),
            feed: urls.link(&feed()),
            style: urls.link(&style_css()),
            favicon: urls.link(&favicon()),
            compare_script: urls.link(&compare_script()),
            search_script: urls.link(&search_script()),
            plan_script: urls.link(&plan_script()),
            source_script: urls.link(&source_script()),
            cite_script: urls.link(&cite_script()),
            search_bundle: urls.link(&search_bundle()),
            search_menus: urls.link(&search_menus()),
            search_shards: urls.link(&search_shards()),
            downloads: Downloads::new(urls),
            absolute_downloads: Downloads::new(absolute),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_carry_the_base_path() {
        assert_eq!(Urls::new("/portal/").link(&county("caras-severin")), "/portal/judete/caras-severin/");
        assert_eq!(Urls::new("/").link(&home()), "/");
    }

    #[test]
    fn directories_are_served_by_index_html() {
        assert_eq!(file_for(""), "index.html");
        assert_eq!(file_for("judete/cluj/"), "judete/cluj/index.html");
        assert_eq!(file_for("sitemap.xml"), "sitemap.xml");
    }

    #[test]
    fn a_listing_s_first_page_is_the_listing_itself() {
        assert_eq!(listing_page(&institution("apl"), 1), "institutii/apl/");
        assert_eq!(listing_page(&institution("apl"), 2), "institutii/apl/pagina/2/");
    }

    #[test]
    fn every_page_path_ends_in_a_slash() {
        let pages = [
            counties(),
            county("cluj"),
            localities(),
            locality("movila"),
            plans(),
            plan("p"),
            objective("p", "os-1"),
            institutions(),
            institution("i"),
            institution_types(),
            institution_type("t"),
            ranking(false, ""),
            ranking(true, "judete"),
            themes(),
            theme("t"),
            documents(),
            document("d"),
            source_page("000_ab.txt"),
            pair("alba", "cluj"),
            comparisons(),
            search(),
            data(),
            irregularities(),
            irregularities_of_kind("alta"),
            search_bundle(),
            search_shard(1),
        ];
        for page in pages {
            assert!(page.ends_with('/') && !page.starts_with('/'), "{page}");
        }
    }

    #[test]
    fn every_download_has_the_extension_of_its_format() {
        let files = [
            (activities_csv(), ".csv"),
            (institutions_csv(), ".csv"),
            (counties_csv(), ".csv"),
            (localities_csv(), ".csv"),
            (irregularities_csv(), ".csv"),
            (plans_csv(), ".csv"),
            (documents_csv(), ".csv"),
            (document_items_csv(), ".csv"),
            (xlsx_of(&activities_csv()), ".xlsx"),
            (data_zip(), ".zip"),
            (table_schema("activitati"), ".json"),
            (plan_csv("p"), ".csv"),
            (county_csv("cluj"), ".csv"),
            (institution_csv("i"), ".csv"),
            (framework_csv("f"), ".csv"),
            (plans_json(), ".json"),
            (plans_schema(), ".json"),
            (frameworks_schema(), ".json"),
            (datapackage(), ".json"),
            (dcat(), ".jsonld"),
            (plan_json("p"), ".json"),
            (framework_json("f"), ".json"),
            (feed(), ".xml"),
            (sitemap(), ".xml"),
            (sitemap_part(2), ".xml"),
            (robots(), ".txt"),
            (not_found(), ".html"),
            (style_css(), ".css"),
            (compare_script(), ".js"),
            (search_script(), ".js"),
            (source_script(), ".js"),
            (source("000_ab.txt"), ".txt"),
            (search_menus(), ".json"),
            (search_county_menu("cluj"), ".json"),
            (search_shards(), ".json"),
        ];
        for (file, extension) in files {
            assert!(file.ends_with(extension) && !file.starts_with('/'), "{file}");
        }
    }

    #[test]
    fn the_search_files_sit_in_the_bundle() {
        for file in [search_menus(), search_county_menu("cluj"), search_shards(), search_shard(2)] {
            assert!(file.starts_with(&search_bundle()), "{file}");
        }
    }

    #[test]
    fn the_pair_pattern_is_the_pair_address() {
        let links = SiteLinks::new(&Urls::new("/portal/"), &Urls::new("https://example.ro/portal/"));
        assert_eq!(
            links.pair.replace("{a}", "alba").replace("{b}", "cluj"),
            Urls::new("/portal/").link(&pair("alba", "cluj"))
        );
        assert_eq!(links.absolute_downloads.plans_json, "https://example.ro/portal/date/planuri.json");
        assert_eq!(xlsx_of(&plan_csv("p")), "date/planuri/p.xlsx");
    }
}
