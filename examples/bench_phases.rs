//! For `scripts/bench`: the one-plan incremental rebuild that `serve` does, end to end through
//! the pipeline's entry point `build::publish` (load, resolve, indexes, the pages whose context
//! changed, search, data, publish), timed by the stages it reports.
//!
//! `bench_phases SITE PLAN_FILE` builds SITE into SITE/public, changes one goal text of PLAN_FILE
//! (relative to SITE), builds again with the first build's page cache, restores the file, and
//! prints `key=value` lines: the stages of both builds, `incremental_s` (the second build, wall
//! time) and `incremental_rendered` (pages rendered again).
//! `bench_phases --search SITE` times only the search index (to try shard sizes).
//! `bench_phases --pages SITE` times only the HTML pages, as `hugo` alone makes them.
//! `bench_phases --data SITE` times only the open data (CSV, XLSX, JSON, zip), whose peak memory
//! is the build's (`/usr/bin/time -v` around it).
//! These three time one stage alone, which no command runs by itself: they load through
//! `build::load` and call that stage's own function.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use planportal::build::{Built, Loaded, Series, Settings, Source};
use planportal::model::index::Index;
use planportal::render::Incremental;

// The allocator of the `planportal` binary, so that the stages are timed as it runs them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1).peekable();
    if args.next_if(|a| a == "--search").is_some() {
        return search(&PathBuf::from(args.next().context("usage: bench_phases --search SITE")?));
    }
    if args.next_if(|a| a == "--data").is_some() {
        return data(&PathBuf::from(args.next().context("usage: bench_phases --data SITE")?));
    }
    if args.next_if(|a| a == "--pages").is_some() {
        return pages(&PathBuf::from(args.next().context("usage: bench_phases --pages SITE")?));
    }
    let (Some(root), Some(plan)) = (args.next(), args.next()) else {
        bail!("usage: bench_phases SITE PLAN_FILE | bench_phases --search|--pages|--data SITE");
    };
    let root = PathBuf::from(root);
    incremental(&root, &root.join(plan))
}

fn seconds(started: Instant) -> String {
    format!("{:.3}", started.elapsed().as_secs_f64())
}

/// The site under `root`, loaded and resolved without errors.
fn load(root: &Path) -> Result<Loaded> {
    planportal::build::load(Source::Folder(root)).map_err(|diagnostics| anyhow::anyhow!("{}", diagnostics.render()))
}

fn search(root: &Path) -> Result<()> {
    let loaded = load(root)?;
    let index = Index::build(&loaded.site);
    let records = planportal::search::Records::new(&loaded.site, &index);
    let t = Instant::now();
    let sink = planportal::output::MemorySink::default();
    planportal::search::write_index(&records, None, &sink)?;
    let files = sink.into_files();
    let bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
    println!(
        "search_index_s={} records={} search_files={} search_bytes={bytes}",
        seconds(t),
        records.len(),
        files.len()
    );
    Ok(())
}

/// The pages alone, as Hugo makes them: load, resolve, render and write every HTML page (into a
/// staging folder beside SITE/public, removed afterwards), without the search index and data
/// that `build` makes at the same time.
fn pages(root: &Path) -> Result<()> {
    let t = Instant::now();
    let loaded = load(root)?;
    let config = loaded.config;
    let index = Index::build(&loaded.site);
    let urls = planportal::urls::Urls::new(config.base_path());
    let templates = planportal::render::load_templates(root, &config)?;
    let renderer = planportal::render::Renderer::new(templates, &config, &loaded.site, &index, &urls);
    let staging = planportal::output::Staging::new(&root.join("public-pages"))?;
    let pages = renderer.render_pages(&|_, _| {}, Incremental::Off, &staging)?;
    println!("pages_alone_s={} pages_alone={}", seconds(t), pages.len());
    Ok(())
}

/// The open data alone, written into a staging folder beside SITE/public, removed afterwards.
fn data(root: &Path) -> Result<()> {
    let loaded = load(root)?;
    let index = Index::build(&loaded.site);
    let t = Instant::now();
    let staging = planportal::output::Staging::new(&root.join("public-data"))?;
    let (files, _) = planportal::export::write_data(&loaded.site, &index, &loaded.config, &staging, None)?;
    let bytes: usize = files.iter().map(|f| f.bytes).sum();
    println!("data_alone_s={} data_files={} data_bytes={bytes}", seconds(t), files.len());
    Ok(())
}

fn print_stages(prefix: &str, stages: &[(&'static str, f64)]) {
    for (stage, s) in stages {
        println!("{prefix}{}={s:.3}", stage.replace(' ', "_"));
    }
}

/// Builds `root` into `<root>/public` as `planportal build` and `serve` do, publishing at the end.
fn build(root: &Path, previous: Option<&Built>) -> Result<Built> {
    let settings = Settings { base_url: None, series: previous.map_or(Series::First, |p| Series::After(&p.kept)) };
    let built = planportal::build::publish(Source::Folder(root), &settings, &root.join("public"))?;
    let mut built = built.map_err(|diagnostics| anyhow::anyhow!("{}", diagnostics.render()))?;
    eprint!("{}", std::mem::take(&mut built.warnings).render());
    Ok(built)
}

/// A full build, then one goal text of `plan` changed, then the rebuild with the cache.
fn incremental(root: &Path, plan: &Path) -> Result<()> {
    let t = Instant::now();
    let summary = build(root, None)?;
    println!("full_s={}", seconds(t));
    print_stages("full_", &summary.stages);
    let original = std::fs::read_to_string(plan).with_context(|| format!("reading {}", plan.display()))?;
    let Some(at) = original.find("text: ") else { bail!("{} has no text", plan.display()) };
    let at = at + "text: ".len();
    std::fs::write(plan, format!("{}Modificat {}", &original[..at], &original[at..]))?;
    let t = Instant::now();
    let rebuilt = build(root, Some(&summary));
    let elapsed = seconds(t);
    std::fs::write(plan, original)?;
    let again = rebuilt?;
    println!(
        "incremental_s={elapsed} incremental_rendered={} incremental_shards_indexed={}",
        again.rendered, again.kept.shards.indexed
    );
    print_stages("incremental_", &again.stages);
    Ok(())
}
