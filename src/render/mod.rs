//! Stage 3: the model becomes pages. Tera templates come from `themes/<theme>/templates/`, and a
//! site may override any of them in its own `templates/` folder. The page list is made once,
//! then every page's context is built, rendered and minified in parallel; the result is a list
//! of files in memory for `output` to write.

mod cache;
pub mod diff;
mod filters;
mod moved;
mod pages;
pub mod views;

use std::path::Path;

use anyhow::{Context as _, Result};
use rayon::prelude::*;

use crate::config::Config;
use crate::model::index::Index;
use crate::model::*;
use crate::output::{OutputFile, Sink};
use crate::urls::{self, Urls};
use cache::context_key;
pub use cache::{Incremental, Inputs, PageCache};
pub use moved::write_moved_objectives;
use pages::PageKind;
use views::{Citation, Link, PageContext, PageView, RankOrder, SiteView, Views};

/// The downloads' facts of a renderer that was given none.
static NO_DATA_FILES: views::DataFiles = views::DataFiles::new();

/// Everything needed to render: templates, settings, the model and its index.
pub struct Renderer<'a> {
    tera: tera::Tera,
    /// A hash of every template's source: a template edit renders every page again.
    template_stamp: u64,
    /// The `site` frame, the same on every page.
    frame: SiteView<'a>,
    config: &'a Config,
    views: Views<'a>,
}

/// The templates, and a hash of their sources.
pub struct Templates {
    tera: tera::Tera,
    stamp: u64,
}

/// Loads the theme's templates, then the site's own overrides.
pub fn load_templates(root: &Path, config: &Config) -> Result<Templates> {
    let theme_dir = root.join("themes").join(&config.theme).join("templates");
    if !theme_dir.is_dir() {
        anyhow::bail!("theme `{}` has no templates folder at {}", config.theme, theme_dir.display());
    }
    let mut tera = tera::Tera::default();
    let mut files: Vec<(std::path::PathBuf, Option<String>)> = Vec::new();
    for dir in [theme_dir, root.join("templates")] {
        if !dir.is_dir() {
            continue;
        }
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            let entry = entry.with_context(|| format!("reading templates in {}", dir.display()))?;
            if entry.file_type().is_file() {
                let name = entry.path().strip_prefix(&dir)?.to_string_lossy().replace('\\', "/");
                files.push((entry.path().to_path_buf(), Some(name)));
            }
        }
    }
    let stamp = {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        for (path, name) in &files {
            name.hash(&mut hasher);
            std::fs::read(path).with_context(|| format!("reading {}", path.display()))?.hash(&mut hasher);
        }
        hasher.finish()
    };
    // Later files (the site's) replace earlier ones (the theme's) of the same name.
    tera.add_template_files(files).context("loading templates")?;
    tera.autoescape_on(vec![".html", ".xml"]);
    filters::register(&mut tera);
    Ok(Templates { tera, stamp })
}

impl<'a> Renderer<'a> {
    /// A renderer of `site` with `tera`'s templates, its links under `urls`.
    pub fn new(tera: Templates, config: &'a Config, site: &'a Site, index: &'a Index<'a>, urls: &'a Urls) -> Self {
        let Templates { tera, stamp: template_stamp } = tera;
        let frame = SiteView::new(config, urls, site.has_feed());
        Renderer {
            tera,
            template_stamp,
            frame,
            config,
            views: Views { site, index, urls, data_files: &NO_DATA_FILES, wordings: Default::default() },
        }
    }

    /// The renderer with the facts of the downloads (size, rows, date) the open-data page shows;
    /// without them it shows every size as 0 B.
    pub fn with_data_files(mut self, data_files: &'a views::DataFiles) -> Self {
        self.views.data_files = data_files;
        self
    }

    fn pages(&self) -> Vec<PageKind> {
        let site = self.views.site;
        let mut pages = vec![
            PageKind::Home,
            PageKind::Counties,
            PageKind::InstitutionTypes,
            PageKind::Themes,
            PageKind::Documents,
            PageKind::Search,
            PageKind::NotFound,
        ];
        // The list of plans, after the counties as it always stood, on as many pages as it takes.
        let plan_pages = views::page_count(site.plans.len(), views::PLANS_PER_PAGE);
        pages.splice(2..2, (1..=plan_pages).map(PageKind::Plans));
        let institution_pages = views::page_count(site.institutions.len(), views::INSTITUTIONS_PER_PAGE);
        let at = 2 + plan_pages;
        pages.splice(at..at, (1..=institution_pages).map(PageKind::Institutions));
        pages.extend((0..site.counties.len()).map(|i| PageKind::County(CountyId(i))));
        pages.push(PageKind::Localities);
        pages.extend((0..site.localities.len()).map(|i| PageKind::Locality(LocalityId(i))));
        for c in (0..site.counties.len()).map(CountyId) {
            pages.extend(self.views.county_themes(c).into_iter().map(|t| PageKind::CountyTheme(c, t)));
        }
        for p in 0..site.plans.len() {
            pages.push(PageKind::Plan(PlanId(p)));
            let objectives = self.views.index.objectives[p].len();
            pages.extend((0..objectives).map(|o| PageKind::Objective(PlanId(p), o)));
            pages.push(PageKind::PlanFilter(PlanId(p)));
        }
        for i in (0..site.institutions.len()).map(InstitutionId) {
            let count = views::page_count(self.views.institution_row_count(i), views::ACTIVITIES_PER_PAGE);
            pages.extend((1..=count).map(|n| PageKind::Institution(i, n)));
        }
        pages.extend((0..site.institution_types.len()).map(|i| PageKind::InstitutionType(InstitutionTypeId(i))));
        for types in [false, true] {
            let count = views::page_count(self.views.ranking_row_count(types), views::INSTITUTIONS_PER_PAGE);
            for order in RankOrder::ALL {
                pages.extend((1..=count).map(|n| PageKind::Ranking(types, order, n)));
            }
        }
        for t in (0..site.themes.len()).map(ThemeId) {
            let count = views::page_count(self.views.theme_entry_count(t), views::OBJECTIVES_PER_PAGE);
            pages.extend((1..=count).map(|n| PageKind::Theme(t, n)));
        }
        pages.extend((0..site.documents.len()).map(|i| PageKind::Document(DocumentId(i))));
        pages.extend((0..site.frameworks.len()).map(PageKind::Framework));
        pages.extend(site.framework_objectives().map(|(r, _)| PageKind::FrameworkObjective(r)));
        pages.push(PageKind::Comparisons);
        pages.push(PageKind::Data);
        // A page for every kind, also one without notes yet: a cited link never goes dead.
        let count = views::page_count(site.plans.len() + site.documents.len(), views::PUBLICATIONS_PER_PAGE);
        let kinds = crate::vocabulary::NoteKind::ALL.iter().map(|k| Some(*k));
        for kind in std::iter::once(None).chain(kinds) {
            pages.extend((1..=count).map(|n| PageKind::Irregularities(kind, n)));
        }
        pages.extend((0..site.sources.len()).map(PageKind::Source));
        let counties = self.views.counties_with_publications();
        for (i, a) in counties.iter().enumerate() {
            pages.extend(counties[i + 1..].iter().map(|b| PageKind::Pair(*a, *b)));
        }
        pages
    }

    /// Renders every page in parallel. The order of the result follows the page list, so the
    /// output is the same at any thread count. A page whose context and templates are those of
    /// `previous` is taken from it instead of being rendered again: after an edit, only the
    /// pages that show what changed are rendered (`serve` keeps the cache between builds).
    pub fn render_pages(
        &self,
        tick: &(dyn Fn(u64, u64) + Sync),
        cache: Incremental<'_>,
        sink: &dyn Sink,
    ) -> Result<Vec<RenderedPage>> {
        let pages = self.pages();
        let total = pages.len() as u64;
        let stamp = if matches!(cache, Incremental::Off) { 0 } else { self.stamp() };
        // Pieces of at most 16 pages: the search index is built beside the pages and holds one
        // thread for most of the stage, and rayon splits a range only for a thread that asks;
        // the pages left to the other thread as a few large pieces, none could be taken when
        // the search ended, and the last third of the stage ran on one core (docs/performance.md).
        pages
            .par_iter()
            .with_max_len(16)
            .map(|kind| {
                let page = self.render_page(*kind, cache, stamp, sink);
                tick(1, total);
                page
            })
            .collect()
    }

    /// A hash of what every page shows besides its own view: the templates, the `site` frame
    /// and the configuration. Pages taken without their context were made under the same.
    pub fn stamp(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        self.template_stamp.hash(&mut hasher);
        // Serialising a few strings cannot fail; a failure would only weaken the stamp.
        serde_json::to_string(&self.frame).unwrap_or_default().hash(&mut hasher);
        format!("{:?}", self.config).hash(&mut hasher);
        hasher.finish()
    }

    /// The page of `kind` as the previous build published it, when `kind` is a plan's own page
    /// and that plan's pages are known unchanged (`Incremental::After`'s `unchanged`): taken
    /// without making its context.
    fn unchanged_page(
        &self,
        kind: PageKind,
        cache: Incremental<'_>,
        stamp: u64,
        sink: &dyn Sink,
    ) -> Result<Option<RenderedPage>> {
        let Incremental::After { previous, unchanged: Some(unchanged) } = cache else { return Ok(None) };
        let Some(plan) = kind.plan() else { return Ok(None) };
        if unchanged.get(plan.0) != Some(&true) {
            return Ok(None);
        }
        let url = kind.path(&self.views);
        let path = urls::file_for(&url);
        match previous.unchanged(&path, stamp) {
            Some((from, key)) if sink.reuse(&path, &from)? => {
                Ok(Some(RenderedPage { path, url, listed: true, key, rendered: false }))
            }
            _ => Ok(None),
        }
    }

    fn render_page(&self, kind: PageKind, cache: Incremental<'_>, stamp: u64, sink: &dyn Sink) -> Result<RenderedPage> {
        if let Some(page) = self.unchanged_page(kind, cache, stamp, sink)? {
            return Ok(page);
        }
        let context = self.context(kind);
        let page = &context.page;
        let template = kind.template();
        let path = if matches!(kind, PageKind::NotFound) { page.path.clone() } else { urls::file_for(&page.path) };
        // A one-off build needs no keys: hashing every page's context costs ~5 % of rendering.
        let key = if matches!(cache, Incremental::Off) { 0 } else { context_key(&context, self.template_stamp) };
        let listed = !matches!(kind, PageKind::NotFound);
        if let Incremental::After { previous, .. } = cache
            && let Some(from) = previous.get(&path, key)
            && sink.reuse(&path, &from)?
        {
            return Ok(RenderedPage { path, url: context.page.path, listed, key, rendered: false });
        }
        let tera_context = tera::Context::from_serialize(&context).context("page context")?;
        let html = self
            .tera
            .render(template, &tera_context)
            .with_context(|| format!("rendering {} with template {template}", page.path))?;
        sink.write(&path, &minify(&html))?;
        Ok(RenderedPage { path, url: context.page.path, listed, key, rendered: true })
    }

    /// The context of a page: the site frame, the page frame, and the view of its kind.
    fn context(&self, kind: PageKind) -> PageContext<'_> {
        let v = &self.views;
        let path = kind.path(v);
        let breadcrumbs = kind.trail(v.site).into_iter().map(|(name, path)| Link { name, url: v.urls.link(&path) });
        let title = kind.title(v, self.config);
        let canonical = self.config.absolute_url(&path);
        let cite = Citation::new(kind.cite(v.site), &title, &self.config.title, canonical.clone());
        let page = PageView {
            title,
            description: kind.description(v, self.config).chars().take(300).collect(),
            canonical,
            path,
            cite,
            breadcrumbs: breadcrumbs.collect(),
            section: kind.section(),
        };
        PageContext { site: &self.frame, page, data: kind.data(v, self.config) }
    }
}

/// A page written to the sink: its file, the site path it answers, and its cache key.
pub struct RenderedPage {
    /// The file written, relative to the site root: `judete/cluj/index.html`.
    pub path: String,
    /// The site path it answers: `judete/cluj/`.
    pub url: String,
    /// Whether the page belongs in the sitemap (not the 404 page).
    pub listed: bool,
    /// The hash of the page's context and templates.
    pub key: u64,
    /// False when the page was taken from the cache of the previous build.
    pub rendered: bool,
}

/// A page as written: minified, unless `PLANPORTAL_MINIFY=0` is set, which exists only to measure
/// what minification costs and saves (docs/performance.md); read once per process.
fn minify(html: &str) -> Vec<u8> {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    if !*ON.get_or_init(|| std::env::var_os("PLANPORTAL_MINIFY").is_none_or(|value| value != "0")) {
        return html.as_bytes().to_vec();
    }
    let mut cfg = minify_html::Cfg::new();
    cfg.keep_closing_tags = true;
    cfg.keep_html_and_head_opening_tags = true;
    cfg.minify_css = true;
    minify_html::minify(html.as_bytes(), &cfg)
}

/// The theme's static files (`themes/<theme>/static/**`), copied to the site root.
pub fn static_files(root: &Path, config: &Config) -> Result<Vec<OutputFile>> {
    let dir = root.join("themes").join(&config.theme).join("static");
    let mut files = Vec::new();
    if !dir.is_dir() {
        return Ok(files);
    }
    for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
        let entry = entry.with_context(|| format!("reading {}", dir.display()))?;
        if entry.file_type().is_file() {
            let path = entry.path().strip_prefix(&dir)?.to_string_lossy().replace('\\', "/");
            let bytes = std::fs::read(entry.path()).with_context(|| format!("reading {}", entry.path().display()))?;
            files.push(OutputFile { path, bytes });
        }
    }
    Ok(files)
}

/// The source texts as published, under `surse/`.
pub fn write_sources(site: &Site, sink: &dyn Sink) -> Result<()> {
    site.sources.iter().try_for_each(|(name, text)| sink.write(&urls::source(name), text.as_bytes()))
}
