//! `planportal build`: load, resolve, render, publish. Content errors stop the build before
//! anything is written; pages, search and data are written as they are made into a staging
//! folder, and the published site is replaced only by a complete new one.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Result;

use crate::cli::BuildArgs;
use crate::model::index::Index;
use crate::output::{self, Sink};
use crate::render::{self, Incremental, PageCache, Renderer};
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

/// What a build made, for the summary line.
#[derive(Debug)]
pub struct BuildSummary {
    pub pages: usize,
    /// Pages rendered by this build (the others were unchanged since the previous one).
    pub rendered: usize,
    pub files: usize,
    pub warnings: usize,
    /// The pages of this build, for the next incremental one.
    pub cache: PageCache,
    /// The search shards of this build, likewise.
    pub shards: ShardCache,
    /// Each stage and the seconds it took, in order; pages and search run at the same time.
    pub stages: Vec<(&'static str, f64)>,
}

impl BuildSummary {
    /// This build's caches, once it is published in `site`, for the next build.
    pub fn published_in(self, site: &std::path::Path) -> BuildSummary {
        BuildSummary { cache: self.cache.published_in(site), shards: self.shards.published_in(site), ..self }
    }
}

/// Where a build stands among the builds of the same site: what it reuses and what it keeps.
#[derive(Clone, Copy)]
pub enum Series<'a> {
    /// A one-off build (`planportal build`): nothing reused, nothing kept.
    Once,
    /// The first build of a series (`serve`): its keys are kept for the next.
    First,
    /// A build after a published one: its unchanged pages and search shards are reused.
    After(&'a BuildSummary),
}

/// Runs `work` and records how long it took under `name`.
fn timed<T>(stages: &mut Vec<(&'static str, f64)>, name: &'static str, work: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let result = work();
    stages.push((name, started.elapsed().as_secs_f64()));
    result
}

/// Builds the site under `root` into `sink`. `Ok(Err(report))` is content problems, found before
/// anything is written. `base_url` replaces the configured one (`serve` publishes on its own
/// address); `series` says what it reuses from a published build and keeps for the next.
pub fn build_files(
    root: &std::path::Path,
    base_url: Option<&str>,
    series: Series<'_>,
    sink: &dyn Sink,
) -> Result<std::result::Result<BuildSummary, String>> {
    let mut stages = Vec::new();
    let loaded = timed(&mut stages, "load and resolve", || crate::load_site(root));
    build_loaded(root, loaded, base_url, series, sink, stages)
}

/// Builds a site held in memory into `sink`, through the same stages as [`build_files`]: `files`
/// pairs a path relative to the site root (`config.toml`, `content/plans/x.yaml`) with its bytes;
/// only the theme's templates and static files are read, from `root/themes/`. It exists for the
/// fuzz target `build_site` in `fuzz/`; a test in `tests/suite/reliability.rs` keeps its output
/// identical to the disk build's.
#[doc(hidden)]
pub fn build_from_memory(
    root: &std::path::Path,
    files: &[(&str, &[u8])],
    sink: &dyn Sink,
) -> Result<std::result::Result<BuildSummary, String>> {
    let mut stages = Vec::new();
    let loaded = timed(&mut stages, "load and resolve", || crate::load_site_from_memory(files));
    build_loaded(root, loaded, None, Series::Once, sink, stages)
}

/// Everything after loading: indexes, templates, pages and search, static files, sources, data.
/// `stages` holds the timing of the loading.
fn build_loaded(
    root: &std::path::Path,
    loaded: crate::LoadedSite,
    base_url: Option<&str>,
    series: Series<'_>,
    sink: &dyn Sink,
    mut stages: Vec<(&'static str, f64)>,
) -> Result<std::result::Result<BuildSummary, String>> {
    let (cache, previous_shards) = match series {
        Series::Once => (Incremental::Off, None),
        Series::First => (Incremental::First, None),
        Series::After(previous) => (Incremental::After(&previous.cache), Some(&previous.shards)),
    };
    let warnings = loaded.diagnostics.warning_count();
    let mut config = match loaded.config {
        Some(config) if !loaded.diagnostics.has_errors() => config,
        _ => return Ok(Err(loaded.diagnostics.render())),
    };
    if let Some(url) = base_url {
        config.base_url = url.to_owned();
    }
    let site = loaded.site;
    let index = timed(&mut stages, "indexes", || Index::build(&site));
    let urls = Urls::new(config.base_path());
    let tera = timed(&mut stages, "templates", || render::load_templates(root, &config))?;
    let renderer = Renderer::new(tera, &config, &site, &index, &urls);
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
            let written = crate::search::write_index(&records, previous_shards, sink)
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
    files.push(crate::headers::headers_file());
    files.into_iter().try_for_each(|f| sink.put(f))?;
    render::write_sources(&site, sink)?;
    timed(&mut stages, "data", || crate::export::write_data(&site, &index, &config, sink))?;
    let summary = BuildSummary {
        pages: pages.len(),
        rendered: pages.iter().filter(|p| p.rendered).count(),
        files: sink.written(),
        warnings,
        cache: PageCache::new(&pages),
        shards,
        stages,
    };
    let report = loaded.diagnostics.render();
    if !report.is_empty() {
        eprint!("{report}");
    }
    Ok(Ok(summary))
}

/// `planportal build`.
pub fn run(args: &BuildArgs) -> Result<bool> {
    let started = Instant::now();
    let root = &args.site.root;
    let output_dir: PathBuf = args.output.clone().unwrap_or_else(|| root.join("public"));
    // The default public/ is the site's own, written without a marker by earlier versions: only
    // a folder named with --output must be empty or planportal's.
    output::check_output(root, &output_dir, args.force || args.output.is_none())?;
    let staging = output::Staging::new(&output_dir)?;
    let summary = match build_files(root, None, Series::Once, &staging)? {
        Ok(summary) => summary,
        Err(report) => {
            eprint!("{report}");
            eprintln!("build stopped: nothing was written, {} is unchanged", output_dir.display());
            return Ok(false);
        }
    };
    let mut stages = summary.stages;
    timed(&mut stages, "publish", || staging.publish())?;
    if args.quiet {
        return Ok(true);
    }
    println!(
        "build: {} pages, {} files, {} warnings in {:.2} s → {}",
        summary.pages,
        summary.files,
        summary.warnings,
        started.elapsed().as_secs_f64(),
        output_dir.display()
    );
    if args.verbose {
        for (stage, seconds) in &stages {
            println!("  {stage:<18} {seconds:>8.3} s");
        }
        println!("  {} of {} pages rendered", summary.rendered, summary.pages);
    }
    Ok(true)
}
