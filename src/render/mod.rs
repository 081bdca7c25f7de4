//! Stage 3: the model becomes pages. Tera templates come from `themes/<theme>/templates/`, and a
//! site may override any of them in its own `templates/` folder. The page list is made once,
//! then every page's context is built, rendered and minified in parallel; the result is a list
//! of files in memory for `output` to write.

mod compare;
mod context;
mod filters;
pub mod markdown;

use std::path::Path;

use anyhow::{Context as _, Result};
use rayon::prelude::*;
use serde_json::{Value, json};

use crate::config::Config;
use crate::model::index::Index;
use crate::model::*;
use crate::output::{OutputFile, Sink};
use crate::urls::{self, Urls};
use context::Views;

/// One page to render: where it goes, its template, its title and trail, and what it shows.
#[derive(Debug, Clone, Copy)]
enum PageKind {
    Home,
    Counties,
    County(CountyId),
    Plans,
    Plan(PlanId),
    Objective(PlanId, usize),
    Institutions,
    Institution(InstitutionId),
    InstitutionTypes,
    InstitutionType(InstitutionTypeId),
    Themes,
    Theme(ThemeId),
    Documents,
    Document(DocumentId),
    Search,
    NotFound,
    Framework(usize),
    FrameworkObjective(FrameworkRef),
    Comparisons,
    Pair(CountyId, CountyId),
    Data,
}

/// Everything needed to render: templates, settings, the model and its index.
pub struct Renderer<'a> {
    tera: tera::Tera,
    /// A hash of every template's source: a template edit renders every page again.
    template_stamp: u64,
    /// Whether the Atom feed exists (some publication has a date).
    has_feed: bool,
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
    pub fn new(tera: Templates, config: &'a Config, site: &'a Site, index: &'a Index<'a>, urls: &'a Urls) -> Self {
        let Templates { tera, stamp: template_stamp } = tera;
        let has_feed = site.plans.iter().any(|p| p.date.is_some()) || site.documents.iter().any(|d| d.date.is_some());
        Renderer { tera, template_stamp, has_feed, config, views: Views { site, index, urls } }
    }

    fn pages(&self) -> Vec<PageKind> {
        let site = self.views.site;
        let mut pages = vec![
            PageKind::Home,
            PageKind::Counties,
            PageKind::Plans,
            PageKind::Institutions,
            PageKind::InstitutionTypes,
            PageKind::Themes,
            PageKind::Documents,
            PageKind::Search,
            PageKind::NotFound,
        ];
        pages.extend((0..site.counties.len()).map(|i| PageKind::County(CountyId(i))));
        for p in 0..site.plans.len() {
            pages.push(PageKind::Plan(PlanId(p)));
            let objectives = self.views.index.objectives[p].len();
            pages.extend((0..objectives).map(|o| PageKind::Objective(PlanId(p), o)));
        }
        pages.extend((0..site.institutions.len()).map(|i| PageKind::Institution(InstitutionId(i))));
        pages.extend((0..site.institution_types.len()).map(|i| PageKind::InstitutionType(InstitutionTypeId(i))));
        pages.extend((0..site.themes.len()).map(|i| PageKind::Theme(ThemeId(i))));
        pages.extend((0..site.documents.len()).map(|i| PageKind::Document(DocumentId(i))));
        pages.extend((0..site.frameworks.len()).map(PageKind::Framework));
        pages.extend(site.framework_objectives().map(|(r, _)| PageKind::FrameworkObjective(r)));
        pages.push(PageKind::Comparisons);
        pages.push(PageKind::Data);
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
        pages
            .par_iter()
            .map(|kind| {
                let page = self.render_page(*kind, cache, sink);
                tick(1, total);
                page
            })
            .collect()
    }

    fn render_page(&self, kind: PageKind, cache: Incremental<'_>, sink: &dyn Sink) -> Result<RenderedPage> {
        let page = self.describe(kind);
        let canonical = self.config.absolute_url(&page.path);
        let crumbs: Vec<Value> =
            page.trail.iter().map(|(name, path)| json!({ "name": name, "url": self.views.urls.link(path) })).collect();
        let mut context = json!({
            "site": {
                "title": self.config.title,
                "description": self.config.description,
                "lang": self.config.language,
                "base": self.views.urls.link(""),
                "links": urls::SiteLinks::new(self.views.urls, &urls::Urls::new(&self.config.absolute_url(""))),
                "url": self.config.absolute_url(""),
                "feed": self.has_feed,
                // The `<meta>` policy of base.html, for hosts that send no headers.
                "csp": crate::headers::CONTENT_SECURITY_POLICY,
            },
            "page": {
                "title": page.title,
                "description": page.description,
                "canonical": canonical,
                "path": page.path,
                "breadcrumbs": crumbs,
                "section": page.section,
            },
        });
        // Moved in, not given to `json!`, which would deep-copy the page's whole view.
        context::with(&mut context, "data", page.data);
        let path = if matches!(kind, PageKind::NotFound) { "404.html".to_owned() } else { urls::file_for(&page.path) };
        // A one-off build needs no keys: hashing every page's context costs ~5 % of rendering.
        let key = if matches!(cache, Incremental::Off) { 0 } else { context_key(&context, self.template_stamp) };
        let listed = !matches!(kind, PageKind::NotFound);
        if let Incremental::After(previous) = cache
            && let Some(from) = previous.get(&path, key)
            && sink.reuse(&path, &from)?
        {
            return Ok(RenderedPage { path, url: page.path, listed, key, rendered: false });
        }
        let context = tera::Context::from_value(context).context("page context")?;
        let html = self
            .tera
            .render(page.template, &context)
            .with_context(|| format!("rendering {} with template {}", page.path, page.template))?;
        sink.write(&path, &minify(&html))?;
        Ok(RenderedPage { path, url: page.path, listed, key, rendered: true })
    }

    fn describe(&self, kind: PageKind) -> PageSpec {
        let v = &self.views;
        let site = v.site;
        let home = ("Acasă".to_owned(), urls::home());
        match kind {
            PageKind::Home => PageSpec::new(urls::home(), "home.html", &self.config.title, "acasa", v.home())
                .described(&self.config.description),
            PageKind::Counties => {
                PageSpec::new(urls::counties(), "counties.html", "Județe", "judete", v.counties()).trail(vec![home])
            }
            PageKind::County(id) => {
                let county = site.county(id);
                let title = if county.kind == "municipiu" {
                    format!("Municipiul {}", county.name)
                } else {
                    format!("Județul {}", county.name)
                };
                PageSpec::new(urls::county(&county.slug), "county.html", &title, "judete", v.county(id))
                    .trail(vec![home, ("Județe".into(), urls::counties())])
                    .described(&format!(
                        "Planurile și documentele publicate pentru {title}, instituțiile implicate și temele lor."
                    ))
            }
            PageKind::Plans => {
                PageSpec::new(urls::plans(), "plans.html", "Planuri", "planuri", v.plans()).trail(vec![home])
            }
            PageKind::Plan(id) => {
                let plan = &site.plans[id.0];
                let county = site.county(plan.county);
                PageSpec::new(urls::plan(&plan.id), "plan.html", &plan.title, "planuri", v.plan(id))
                    .trail(vec![home, ("Planuri".into(), urls::plans())])
                    .described(&format!(
                        "{} — {}, {}–{}: obiective, activități, termene și responsabili, așa cum au fost publicate.",
                        context::plan_type_label(plan.plan_type),
                        county.name,
                        plan.period_from,
                        plan.period_to
                    ))
            }
            PageKind::Objective(p, o) => {
                let plan = &site.plans[p.0];
                let entry = v.index.objective(p, o);
                let number = entry.objective.number.as_deref().unwrap_or("");
                let title = format!("{} {}", plan.labels.objective, number).trim().to_owned();
                PageSpec::new(
                    urls::objective(&plan.id, &entry.objective.anchor),
                    "objective.html",
                    &title,
                    "planuri",
                    v.objective_page(p, entry),
                )
                .trail(vec![home, ("Planuri".into(), urls::plans()), (plan.title.clone(), urls::plan(&plan.id))])
                .described(&entry.objective.text)
            }
            PageKind::Institutions => {
                PageSpec::new(urls::institutions(), "institutions.html", "Instituții", "institutii", v.institutions())
                    .trail(vec![home])
            }
            PageKind::Institution(id) => {
                let institution = site.institution(id);
                PageSpec::new(
                    urls::institution(&institution.id),
                    "institution.html",
                    &institution.name,
                    "institutii",
                    v.institution(id),
                )
                .trail(vec![home, ("Instituții".into(), urls::institutions())])
                .described(&format!(
                    "Activitățile pentru care {} este responsabil sau partener, în toate planurile publicate.",
                    institution.name
                ))
            }
            PageKind::InstitutionTypes => PageSpec::new(
                urls::institution_types(),
                "institution_types.html",
                "Tipuri de instituții",
                "institutii",
                v.institution_types(),
            )
            .trail(vec![home, ("Instituții".into(), urls::institutions())]),
            PageKind::InstitutionType(id) => {
                let kind = &site.institution_types[id.0];
                PageSpec::new(
                    urls::institution_type(&kind.id),
                    "institution_type.html",
                    &kind.name,
                    "institutii",
                    v.institution_type(id),
                )
                .trail(vec![
                    home,
                    ("Instituții".into(), urls::institutions()),
                    ("Tipuri de instituții".into(), urls::institution_types()),
                ])
            }
            PageKind::Themes => {
                PageSpec::new(urls::themes(), "themes.html", "Teme și grupuri țintă", "teme", v.themes())
                    .trail(vec![home])
            }
            PageKind::Theme(id) => {
                let theme = &site.themes[id.0];
                PageSpec::new(urls::theme(&theme.id), "theme.html", &theme.name, "teme", v.theme(id))
                    .trail(vec![home, ("Teme".into(), urls::themes())])
                    .described(theme.description.as_deref().unwrap_or(&theme.name))
            }
            PageKind::Documents => {
                PageSpec::new(urls::documents(), "documents.html", "Documente", "documente", v.documents())
                    .trail(vec![home])
            }
            PageKind::Document(id) => {
                let document = &site.documents[id.0];
                let body = markdown::to_html(&document.body);
                PageSpec::new(
                    urls::document(&document.id),
                    "document.html",
                    &document.title,
                    "documente",
                    v.document(id, &body),
                )
                .trail(vec![home, ("Documente".into(), urls::documents())])
            }
            PageKind::Search => {
                PageSpec::new(urls::search(), "search.html", "Căutare", "cautare", json!({})).trail(vec![home])
            }
            PageKind::NotFound => {
                PageSpec::new("404.html".into(), "404.html", "Pagina nu a fost găsită", "", json!({}))
            }
            PageKind::Framework(f) => {
                let framework = &site.frameworks[f];
                PageSpec::new(
                    urls::framework(framework),
                    "framework.html",
                    &framework.title,
                    "comparatii",
                    v.framework(f),
                )
                .trail(vec![home, ("Comparații".into(), urls::comparisons())])
                .described(&format!(
                    "Ce obiective ale {} a inclus fiecare județ în planul său și ce a lăsat deoparte.",
                    framework.title
                ))
            }
            PageKind::FrameworkObjective(r) => {
                let framework = &site.frameworks[r.framework];
                let objective = site.framework_objective(r).expect("pages are made for objectives only");
                let title = format!("Obiectiv național: {}", objective.wordings[0]);
                PageSpec::new(
                    urls::framework_objective(framework, objective),
                    "framework_objective.html",
                    &title,
                    "comparatii",
                    v.framework_objective(r),
                )
                .trail(vec![
                    home,
                    ("Comparații".into(), urls::comparisons()),
                    (framework.title.clone(), urls::framework(framework)),
                ])
                .described(&format!(
                    "Activitățile județelor pentru obiectivul „{}”, una lângă alta, și județele care nu l-au inclus.",
                    objective.wordings[0]
                ))
            }
            PageKind::Data => PageSpec::new("date/".into(), "data.html", "Date deschise", "date", v.downloads())
                .trail(vec![home])
                .described("Toate planurile, obiectivele, activitățile și instituțiile, ca fișiere CSV și JSON, descrise printr-un Data Package."),
            PageKind::Comparisons => PageSpec::new(
                urls::comparisons(),
                "comparisons.html",
                "Comparații între județe",
                "comparatii",
                v.comparisons(),
            )
            .trail(vec![home])
            .described("Obiectivele naționale și temele pe care județele le au în comun, una lângă alta."),
            PageKind::Pair(a, b) => {
                let (ca, cb) = (site.county(a), site.county(b));
                let title = format!("{} și {}", ca.name, cb.name);
                PageSpec::new(urls::pair_of(ca, cb), "pair.html", &title, "comparatii", v.pair(a, b))
                    .trail(vec![home, ("Comparații".into(), urls::comparisons())])
                    .described(&format!("Obiectivele comune ale județelor {} și {}, una lângă alta.", ca.name, cb.name))
            }
        }
    }
}

struct PageSpec {
    path: String,
    template: &'static str,
    title: String,
    description: String,
    section: &'static str,
    trail: Vec<(String, String)>,
    data: Value,
}

impl PageSpec {
    fn new(path: String, template: &'static str, title: &str, section: &'static str, data: Value) -> PageSpec {
        PageSpec {
            path,
            template,
            title: title.to_owned(),
            description: String::new(),
            section,
            trail: Vec::new(),
            data,
        }
    }

    fn trail(mut self, trail: Vec<(String, String)>) -> Self {
        self.trail = trail;
        self
    }

    fn described(mut self, description: &str) -> Self {
        self.description = description.chars().take(300).collect();
        self
    }
}

/// A page written to the sink: its file, the site path it answers, and its cache key.
pub struct RenderedPage {
    pub path: String,
    pub url: String,
    /// Whether the page belongs in the sitemap (not the 404 page).
    pub listed: bool,
    /// The hash of the page's context and templates.
    pub key: u64,
    /// False when the page was taken from the cache of the previous build.
    pub rendered: bool,
}

/// What a build keeps for the next one.
#[derive(Debug, Clone, Copy)]
pub enum Incremental<'a> {
    /// A one-off build (`planportal build`): nothing is kept.
    Off,
    /// The first build of a series (`serve`): every page's key is kept for the next.
    First,
    /// A build after `PageCache`'s: its unchanged pages are taken from its published site.
    After(&'a PageCache),
}

/// The pages of a previous build: the key each was rendered for, by file path, and the folder
/// they were published in. Only keys are kept: an unchanged page is taken from that folder.
#[derive(Debug, Default)]
pub struct PageCache {
    site: Option<std::path::PathBuf>,
    keys: std::collections::HashMap<String, u64>,
}

impl PageCache {
    /// The keys of `pages`; usable once [`PageCache::published_in`] says where they are.
    pub fn new(pages: &[RenderedPage]) -> PageCache {
        PageCache { site: None, keys: pages.iter().map(|p| (p.path.clone(), p.key)).collect() }
    }

    /// The cache, now that its pages are published in `site`.
    pub fn published_in(self, site: &Path) -> PageCache {
        PageCache { site: Some(site.to_path_buf()), ..self }
    }

    /// The published file of `path`, when it was rendered for `key`.
    fn get(&self, path: &str, key: u64) -> Option<std::path::PathBuf> {
        let site = self.site.as_ref()?;
        (self.keys.get(path) == Some(&key)).then(|| site.join(path))
    }
}

/// A hash of everything a page shows: its context, and the templates that draw it.
fn context_key(context: &Value, template_stamp: u64) -> u64 {
    use std::hash::{Hash, Hasher};
    /// Feeds serialised JSON straight into the hasher: the context of a large page serialised
    /// to a `String` first cost a whole copy of it per page (docs/performance.md).
    struct HashWriter<'a>(&'a mut std::collections::hash_map::DefaultHasher);
    impl std::io::Write for HashWriter<'_> {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.write(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    template_stamp.hash(&mut hasher);
    // Writing JSON into a hasher cannot fail; a failure would only weaken the cache key.
    let _ = serde_json::to_writer(HashWriter(&mut hasher), context);
    hasher.finish()
}

fn minify(html: &str) -> Vec<u8> {
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
