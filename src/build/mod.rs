//! The pipeline's one entry point, and the `build` command. [`load`](fn@load) reads and
//! resolves a site (from disk or from memory) and hands on a model only when it has no errors;
//! [`build_site`] runs every stage after it (indexes, pages and search, static files, sources,
//! open data) into a [`Sink`]; [`publish`] does so into a staging folder and publishes it in one
//! step. `build`, `serve`, the benchmark, the fuzz targets and the tests all go through them.
//! Content problems come back as [`Diagnostics`]: only the commands ([`run`] here) print them.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context as _, Result};

pub mod state;

use crate::config::{self, Config};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::export::{self, DataCache};
use crate::load;
use crate::model::index::Index;
use crate::model::{self, Site};
use crate::output::{self, Sink};
use crate::render::{self, Incremental, Inputs, PageCache, Renderer};
use crate::search::ShardCache;
use crate::urls::Urls;

/// A progress bar that appears only once a build has run for a second: short builds print
/// nothing but their summary line. indicatif hides it when stderr is not a terminal.
struct Progress {
    bar: indicatif::ProgressBar,
    started: Instant,
    shown: std::sync::atomic::AtomicBool,
}

impl Progress {
    fn new() -> Progress {
        let bar = indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::hidden());
        bar.set_style(
            indicatif::ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} pagini")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar.set_message("build");
        Progress { bar, started: Instant::now(), shown: std::sync::atomic::AtomicBool::new(false) }
    }

    fn tick(&self, n: u64, total: u64) {
        self.bar.set_length(total);
        self.bar.inc(n);
        if self.started.elapsed().as_secs_f64() > 1.0 && !self.shown.swap(true, std::sync::atomic::Ordering::Relaxed) {
            self.bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
    }
}

/// Where a site's files come from.
#[derive(Clone, Copy)]
pub enum Source<'a> {
    /// A site folder on disk, holding `config.toml`, `content/` and `themes/`.
    Folder(&'a Path),
    /// A site held in memory, for the fuzz targets in `fuzz/`, which must not pay for the disk on
    /// every input: `files` pairs a path relative to the site root (`config.toml`,
    /// `content/plans/x.yaml`) with its bytes; only the theme's templates and static files are
    /// read, from `themes` (a site folder holding `themes/`). A test in
    /// `tests/suite/reliability.rs` keeps its output identical to the disk build's.
    Memory {
        /// The site's files, by path from the site root.
        files: &'a [(&'a str, &'a [u8])],
        /// The folder whose `themes/` (and `templates/`, `static/`) the build reads.
        themes: &'a Path,
    },
}

impl Source<'_> {
    /// The folder the theme, the site's template overrides and its static files are read from.
    fn root(&self) -> &Path {
        match self {
            Source::Folder(root) => root,
            Source::Memory { themes, .. } => themes,
        }
    }
}

/// A site loaded and resolved without errors: only such a site reaches the stages after loading.
pub struct Loaded {
    /// The checked `config.toml`.
    pub config: Config,
    /// The resolved model.
    pub site: Site,
    /// The problems that do not stop a build.
    pub warnings: Diagnostics,
    /// What the content was, file by file: the next build of a series compares it.
    pub fingerprint: load::Fingerprint,
}

/// Reads `config.toml` and `content/` and resolves them. Every problem of every file is
/// collected; when one of them is an error, they all come back as `Err` and the model is dropped,
/// so that no later stage sees a model with errors.
pub fn load(source: Source<'_>) -> std::result::Result<Loaded, Diagnostics> {
    let mut diagnostics = Diagnostics::default();
    let config = match source {
        Source::Folder(root) => Config::load(root),
        Source::Memory { files, .. } => config_from_memory(files),
    };
    let config = config.map_err(|diagnostic| diagnostics.push(diagnostic)).ok();
    let raw = match source {
        Source::Folder(root) => load::load_content(root, &mut diagnostics),
        Source::Memory { files, .. } => load::load_content_from_memory(files, &mut diagnostics),
    };
    let fingerprint = load::Fingerprint::of(&raw);
    let site = model::resolve(raw, &mut diagnostics);
    match config {
        Some(config) if !diagnostics.has_errors() => Ok(Loaded { config, site, warnings: diagnostics, fingerprint }),
        _ => Err(diagnostics),
    }
}

/// Reads the `config.toml` of a site held in memory as [`Config::load`] reads it from disk.
fn config_from_memory(files: &[(&str, &[u8])]) -> std::result::Result<Config, Diagnostic> {
    match files.iter().find(|(path, _)| *path == "config.toml") {
        Some((path, bytes)) => load::text_from_memory(path, bytes),
        None => Err(Diagnostic::file_error("config.toml", crate::messages::Message::ConfigMissing)),
    }
    .map_err(config::with_read_hint)
    .and_then(|text| Config::parse("config.toml", &text))
}

/// What a build made, for the summary line and for the next build of a series.
#[derive(Debug)]
pub struct Built {
    /// How many pages the site has.
    pub pages: usize,
    /// Pages rendered by this build (the others were unchanged since the previous one).
    pub rendered: usize,
    /// How many files were written.
    pub files: usize,
    /// The problems found that did not stop the build; the caller prints them.
    pub warnings: Diagnostics,
    /// What the next build of a series takes from this one.
    pub kept: Kept,
    /// Each stage and the seconds it took, in order; pages and search run at the same time.
    pub stages: Vec<(&'static str, f64)>,
}

/// What a build keeps for the next one of its series: `serve` holds it in memory, `build` in a
/// file beside the output (`state.rs`).
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Kept {
    /// The key of each page.
    pub pages: PageCache,
    /// The key of each search shard, and its files.
    pub shards: ShardCache,
    /// The key of each table of the open data.
    pub data: DataCache,
    /// What the pages were made from, for the next build to tell what an edit changed.
    pub inputs: Inputs,
}

impl Kept {
    /// The caches, once their build is published in `site`.
    pub fn published_in(self, site: &Path) -> Kept {
        Kept {
            pages: self.pages.published_in(site),
            shards: self.shards.published_in(site),
            data: self.data.published_in(site),
            ..self
        }
    }
}

/// Where a build stands among the builds of the same site: what it reuses and what it keeps.
#[derive(Clone, Copy, Default)]
pub enum Series<'a> {
    /// A one-off build (`planportal build`): nothing reused, nothing kept.
    #[default]
    Once,
    /// The first build of a series (`serve`): its keys are kept for the next.
    First,
    /// A build after a published one: its unchanged pages, search shards and tables are reused.
    After(&'a Kept),
}

/// How a build runs, beyond its content.
#[derive(Clone, Copy, Default)]
pub struct Settings<'a> {
    /// Replaces the configured base URL (`serve` publishes on its own address).
    pub base_url: Option<&'a str>,
    /// What the build reuses from a published build and keeps for the next.
    pub series: Series<'a>,
}

/// Runs `work` and records how long it took under `name`.
fn timed<T>(stages: &mut Vec<(&'static str, f64)>, name: &'static str, work: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let result = work();
    stages.push((name, started.elapsed().as_secs_f64()));
    result
}

/// The pipeline: loads `source` and, when it has no errors, makes every page, the search index,
/// the static files, the sources and the open data into `sink`, each file as soon as it is made.
/// `Ok(Err(diagnostics))` is content problems, found before anything is written; `Err` is a
/// failure of the machine or the program.
pub fn build_site(
    source: Source<'_>,
    settings: &Settings<'_>,
    sink: &dyn Sink,
) -> Result<std::result::Result<Built, Diagnostics>> {
    let mut stages = Vec::new();
    match timed(&mut stages, "load and resolve", || load(source)) {
        Ok(loaded) => build_loaded(source.root(), loaded, settings, sink, stages).map(Ok),
        Err(diagnostics) => Ok(Err(diagnostics)),
    }
}

/// [`build_site`] into a staging folder beside `output`, then published in one step in place of
/// `output` (see [`output::Staging`]): the published site is replaced only by a complete new one.
/// The lock of `output` is taken before anything is read. The returned caches point at `output`.
pub fn publish(
    source: Source<'_>,
    settings: &Settings<'_>,
    output: &Path,
) -> Result<std::result::Result<Built, Diagnostics>> {
    publish_staged(source, settings, output::Staging::new(output)?, output, &|| Ok(()))
}

/// [`publish`] as `planportal build` does it: with `reuse`, after the build whose state is beside
/// `output` if there is one (`state.rs`), and keeping this build's state for the next; without,
/// a full build that keeps none. Either way a state left beside `output` is removed just before
/// the site is replaced, when it would no longer describe it (a build stopped by content problems
/// leaves it).
pub fn publish_kept(
    source: Source<'_>,
    base_url: Option<&str>,
    output: &Path,
    reuse: bool,
) -> Result<std::result::Result<Built, Diagnostics>> {
    let staging = output::Staging::new(output)?;
    // Read under the lock: no other build can replace the site the state describes meanwhile.
    let previous = reuse.then(|| state::read(output, base_url)).flatten();
    let series = match &previous {
        Some(previous) => Series::After(previous),
        None if reuse => Series::First,
        None => Series::Once,
    };
    let folder = output::folder_id(staging.folder()).context("reading the staging folder")?;
    let settings = Settings { base_url, series };
    let built = publish_staged(source, &settings, staging, output, &|| state::remove(output))?;
    if let (Ok(built), true) = (&built, reuse) {
        state::write(output, folder, base_url, &built.kept)?;
    }
    Ok(built)
}

/// [`publish`] into `staging`, taken for `output`; `before_publishing` runs once the site is
/// made, before it replaces the published one.
fn publish_staged(
    source: Source<'_>,
    settings: &Settings<'_>,
    staging: output::Staging,
    output: &Path,
    before_publishing: &dyn Fn() -> Result<()>,
) -> Result<std::result::Result<Built, Diagnostics>> {
    let mut built = match build_site(source, settings, &staging)? {
        Ok(built) => built,
        Err(diagnostics) => return Ok(Err(diagnostics)),
    };
    before_publishing()?;
    timed(&mut built.stages, "publish", || staging.publish())?;
    Ok(Ok(Built { kept: built.kept.published_in(output), ..built }))
}

/// Everything after loading: indexes, templates, pages and search, static files, sources, data.
/// `stages` holds the timing of the loading.
fn build_loaded(
    root: &Path,
    loaded: Loaded,
    settings: &Settings<'_>,
    sink: &dyn Sink,
    mut stages: Vec<(&'static str, f64)>,
) -> Result<Built> {
    let Loaded { mut config, site, warnings, fingerprint } = loaded;
    if let Some(url) = settings.base_url {
        config.base_url = url.to_owned();
    }
    let index = timed(&mut stages, "indexes", || Index::build(&site));
    let inputs = Inputs::new(fingerprint, &site, &index);
    let previous = match settings.series {
        Series::After(previous) => Some(previous),
        Series::Once | Series::First => None,
    };
    let unchanged = previous.and_then(|p| inputs.unchanged_plans(&p.inputs));
    let cache = match previous {
        Some(p) => Incremental::After { previous: &p.pages, unchanged: unchanged.as_deref() },
        None if matches!(settings.series, Series::First) => Incremental::First,
        None => Incremental::Off,
    };
    let urls = Urls::new(config.base_path());
    let tera = timed(&mut stages, "templates", || render::load_templates(root, &config))?;
    // The data first: the open-data page shows each download's size, rows and date.
    let (data_files, data) =
        timed(&mut stages, "data", || export::write_data(&site, &index, &config, sink, previous.map(|p| &p.data)))?;
    let data_files: render::views::DataFiles = (data_files.into_iter())
        .map(|f| (f.path, render::views::FileFacts { bytes: f.bytes, rows: f.rows, date: f.date }))
        .collect();
    let renderer = Renderer::new(tera, &config, &site, &index, &urls).with_data_files(&data_files);
    let stamp = renderer.stamp();
    // Pages and the search index are independent: build them at the same time. Both write each
    // file as soon as it is made.
    let progress = Progress::new();
    let ((pages, pages_s), (search, search_s)) = rayon::join(
        || {
            let started = Instant::now();
            let pages = renderer.render_pages(&|n, total| progress.tick(n, total), cache, sink);
            (pages, started.elapsed().as_secs_f64())
        },
        || {
            let started = Instant::now();
            let records = crate::search::Records::new(&site, &index);
            let written = crate::search::write_index(&records, previous.map(|p| &p.shards), sink)
                .and_then(|(shards, filters)| crate::search::write_filters(&site, filters, sink).map(|()| shards));
            (written, started.elapsed().as_secs_f64())
        },
    );
    stages.extend([("pages", pages_s), ("search", search_s)]);
    progress.bar.finish_and_clear();
    let pages = pages?;
    let shards = search?;
    let mut files =
        crate::export::sitemap::sitemap_and_robots(&config, pages.iter().filter(|p| p.listed).map(|p| p.url.as_str()));
    files.extend(render::static_files(root, &config)?);
    files.push(crate::headers::headers_file(site.sources.keys().map(String::as_str)));
    files.into_iter().try_for_each(|f| sink.put(f))?;
    render::write_sources(&site, sink)?;
    render::write_moved_objectives(&site, &config, &urls, sink)?;
    Ok(Built {
        pages: pages.len(),
        rendered: pages.iter().filter(|p| p.rendered).count(),
        files: sink.written(),
        warnings,
        kept: Kept { pages: PageCache::new(&pages, stamp), shards, data, inputs },
        stages,
    })
}

/// What `planportal build` is asked to do (the command line's `BuildArgs`, see `cli.rs`).
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder, holding `config.toml`, `content/` and `themes/`.
    pub root: PathBuf,
    /// Where to write the site; `None` is `public/` under the root.
    pub output: Option<PathBuf>,
    /// Replaces `config.toml`'s `base_url` (`--base-url`), already checked as it is.
    pub base_url: Option<String>,
    /// Replace an output folder that holds files planportal did not write.
    pub force: bool,
    /// Print nothing but problems.
    pub quiet: bool,
    /// Also print how long each stage took and how many pages were rendered anew.
    pub verbose: bool,
    /// Make every page, search shard and table again, ignoring and keeping no state of the
    /// previous build (`--full`).
    pub full: bool,
}

/// `planportal build`: prints the problems, the summary line and, if asked, the stages. Returns
/// whether the site was built.
pub fn run(options: &BuildOptions) -> Result<bool> {
    let started = Instant::now();
    let root = &options.root;
    let output_dir: PathBuf = options.output.clone().unwrap_or_else(|| root.join("public"));
    // The default public/ is the site's own, written without a marker by earlier versions: only
    // a folder named with --output must be empty or planportal's.
    output::check_output(root, &output_dir, options.force || options.output.is_none())?;
    let base_url = options.base_url.as_deref();
    let built = match publish_kept(Source::Folder(root), base_url, &output_dir, !options.full)? {
        Ok(built) => built,
        Err(diagnostics) => {
            eprint!("{}", diagnostics.render());
            let stopped = crate::messages::Message::BuildStopped { output: output_dir.display().to_string() };
            eprintln!("{}", stopped.text(crate::messages::language()));
            return Ok(false);
        }
    };
    let warnings = built.warnings.warning_count();
    let (pages, rendered, files) = (built.pages, built.rendered, built.files);
    eprint!("{}", built.warnings.render());
    if options.quiet {
        return Ok(true);
    }
    println!(
        "build: {pages} pages, {files} files, {warnings} warnings in {:.2} s → {}",
        started.elapsed().as_secs_f64(),
        output_dir.display()
    );
    if options.verbose {
        for (stage, seconds) in &built.stages {
            println!("  {stage:<18} {seconds:>8.3} s");
        }
        println!("  {rendered} of {pages} pages rendered");
    }
    Ok(true)
}
