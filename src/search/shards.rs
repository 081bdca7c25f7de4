//! The Pagefind index, in shards of bounded size built in parallel, and the cache that lets a
//! rebuild (`serve`) take unchanged shards from the published site. Pagefind's API is async; a
//! current-thread tokio runtime drives it here and nowhere else.

use anyhow::{Context, Result};

use super::menus::{FilterValues, add_filter_values};
use super::records::{Record, Records};
use crate::output::{OutputFile, Sink};
use crate::urls;

/// Records per index shard, at most. Pagefind's cost per record grows with the number of records
/// already in its index (each `add_custom_record` compares the new URL with every earlier one)
/// and an index is held whole in memory until written: shards of a bounded size keep both time
/// and memory linear in the size of the site. A shard of 4,000 records takes ~2.5 s and
/// ~300 MB (docs/performance.md).
pub const SHARD_RECORDS: usize = 4_000;

/// [`SHARD_RECORDS`], or `PLANPORTAL_SHARD_RECORDS` from the environment: small shards let the
/// browser tests exercise the merge on the small bundled site, and the benchmark vary the size.
fn shard_records() -> usize {
    std::env::var("PLANPORTAL_SHARD_RECORDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(SHARD_RECORDS)
}

/// Builds the search bundle: `records` in consecutive shards of at most [`SHARD_RECORDS`], each
/// an independent Pagefind index, built in parallel. The first shard is the primary bundle in
/// `pagefind/` (with Pagefind's scripts and WebAssembly); shard n is `pagefind/n/` and holds
/// only its index. `pagefind/shards.json` lists the shards the browser merges with Pagefind's
/// `mergeIndex`. Record URLs are stored as site paths (`/planuri/x/`), without the base path:
/// Pagefind puts its base URL in front of every result, and `search.js` sets that to the base
/// path (storing the base path as well linked to `/portal/portal/…` under a sub-path).
/// Each shard's files go to `sink` as soon as it is built, so at most one shard per thread is in
/// memory. A shard whose records are those of the same shard in `previous` is not indexed again:
/// its files are taken from the published site (after an edit, only the edited plan's shard is
/// rebuilt, as long as no record was added or removed before it).
pub fn write_index(
    records: &Records<'_>,
    previous: Option<&ShardCache>,
    sink: &dyn Sink,
) -> Result<(ShardCache, FilterValues)> {
    use rayon::prelude::*;
    let size = shard_records();
    let shards = records.len().div_ceil(size).max(1);
    let written = (0..shards)
        .into_par_iter()
        .map(|n| {
            let shard = records.range(n * size..((n + 1) * size).min(records.len()));
            let mut values = FilterValues::new();
            add_filter_values(&mut values, &shard);
            let key = shard_key(&shard);
            if let Some((site, files)) = previous.and_then(|p| p.reusable(n, key)) {
                for file in files {
                    if !sink.reuse(file, &site.join(file))? {
                        anyhow::bail!("{file} vanished from the published site during the build");
                    }
                }
                return Ok((key, files.to_vec(), false, values));
            }
            let files = shard_files(n, shard_index(&shard)?);
            let paths = files.iter().map(|f| f.path.clone()).collect();
            files.into_iter().try_for_each(|file| sink.put(file))?;
            Ok((key, paths, true, values))
        })
        .collect::<Result<Vec<_>>>()?;
    let indexed = written.iter().filter(|shard| shard.2).count();
    let mut values = FilterValues::new();
    let mut shards_written = Vec::with_capacity(written.len());
    for (key, files, _, shard_values) in written {
        shards_written.push((key, files));
        for (name, list) in shard_values {
            values.entry(name).or_default().extend(list);
        }
    }
    // The page resolves the shards' folders against the bundle folder.
    let merged: Vec<String> = (1..shards).map(|n| urls::in_search_bundle(&urls::search_shard(n)).to_owned()).collect();
    let list = serde_json::to_vec(&merged).context("listing the search shards")?;
    sink.write(&urls::search_shards(), &list)?;
    Ok((ShardCache { site: None, shards: shards_written, indexed }, values))
}

/// The search shards of a build: each shard's key (a hash of its records) and the files it wrote.
#[derive(Debug, Default)]
pub struct ShardCache {
    site: Option<std::path::PathBuf>,
    shards: Vec<(u64, Vec<String>)>,
    /// How many shards this build indexed; the others were taken from the previous build.
    pub indexed: usize,
}

impl ShardCache {
    /// The cache, now that its shards are published in `site`.
    pub fn published_in(self, site: &std::path::Path) -> ShardCache {
        ShardCache { site: Some(site.to_path_buf()), ..self }
    }

    /// Where shard `n`'s files are, when it was built from records of this `key` and all its
    /// files are still there.
    fn reusable(&self, n: usize, key: u64) -> Option<(&std::path::Path, &[String])> {
        let site = self.site.as_deref()?;
        let (built_for, files) = self.shards.get(n)?;
        (*built_for == key && files.iter().all(|f| site.join(f).is_file())).then_some((site, files.as_slice()))
    }
}

fn shard_key(records: &[Record]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    records.hash(&mut hasher);
    hasher.finish()
}

/// The files of shard `n` under the bundle folder. Merged shards keep only their index: the
/// browser runs them with the primary bundle's scripts and WebAssembly.
fn shard_files(n: usize, files: Vec<OutputFile>) -> Vec<OutputFile> {
    let index_only = |path: &str| {
        path == "pagefind-entry.json"
            || path.ends_with(".pf_meta")
            || ["index/", "fragment/", "filter/"].iter().any(|d| path.starts_with(d))
    };
    files
        .into_iter()
        .filter(|f| n == 0 || index_only(&f.path))
        .map(|f| OutputFile {
            path: if n == 0 {
                format!("{}{}", urls::search_bundle(), f.path)
            } else {
                format!("{}{}", urls::search_shard(n), f.path)
            },
            bytes: f.bytes,
        })
        .collect()
}

/// One Pagefind index of `records`; paths relative to its bundle folder.
fn shard_index(records: &[Record]) -> Result<Vec<OutputFile>> {
    let runtime = tokio::runtime::Builder::new_current_thread().build().context("starting the search indexer")?;
    runtime.block_on(async {
        let options = pagefind::options::PagefindServiceConfig::builder().force_language("ro".to_owned()).build();
        let mut index = pagefind::api::PagefindIndex::new(Some(options)).context("creating the search index")?;
        for record in records {
            index
                .add_custom_record(
                    format!("/{}", record.url),
                    record.content.clone(),
                    "ro".to_owned(),
                    Some(record.meta.clone()),
                    Some(record.filters.clone()),
                    None,
                )
                .await
                .with_context(|| format!("indexing {}", record.url))?;
        }
        let files = index.get_files().await.context("writing the search index")?;
        Ok(files
            .into_iter()
            .map(|f| OutputFile { path: f.filename.to_string_lossy().replace('\\', "/"), bytes: f.contents })
            .collect())
    })
}
