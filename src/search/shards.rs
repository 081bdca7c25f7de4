//! The Pagefind index, in shards of bounded size built in parallel, and the cache that lets a
//! rebuild (`serve`) take unchanged shards from the published site. Pagefind's API is async; a
//! current-thread tokio runtime drives it here and nowhere else.

use anyhow::{Context, Result};

use super::menus::{FilterValues, add_filter_values};
use std::ops::Range;

use super::records::{Record, Records};
use crate::model::CountyId;
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

/// Builds the search bundle: `records` in shards of one county each (see [`layout`]) of at most
/// [`SHARD_RECORDS`], each an independent Pagefind index, built in parallel. The first shard is
/// the primary bundle in `pagefind/` (with Pagefind's scripts and WebAssembly); shard n is
/// `pagefind/n/` and holds only its index. `pagefind/shards.json` lists the other shards with
/// their county: the browser merges with Pagefind's `mergeIndex` only the chosen county's, or
/// all of them when no county is chosen. Record URLs are stored as site paths (`/planuri/x/`), without the base path:
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
    let layout = layout(&records.parts(), shard_records());
    // One shard a piece, each free for any thread to take (see `Renderer::render_pages`).
    let written = (0..layout.len())
        .into_par_iter()
        .with_max_len(1)
        .map(|n| {
            let shard: Vec<Record> = layout[n].ranges.iter().flat_map(|r| records.range(r.clone())).collect();
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
    let merged: Vec<ShardEntry> = (1..layout.len())
        .map(|n| ShardEntry {
            path: urls::in_search_bundle(&urls::search_shard(n)).to_owned(),
            counties: layout[n].counties.iter().map(|c| c.map(|c| records.site().county(c).name.clone())).collect(),
        })
        .collect();
    let list = serde_json::to_vec(&merged).context("listing the search shards")?;
    sink.write(&urls::search_shards(), &list)?;
    Ok((ShardCache { site: None, shards: shards_written, indexed }, values))
}

/// A shard after the first, as `shards.json` lists it for the search page.
#[derive(Debug, serde::Serialize)]
struct ShardEntry {
    /// Its folder, relative to the bundle folder (`1/`).
    path: String,
    /// The names of the counties its records are of (the county filter's values); `None` for
    /// national bodies and generic actors.
    counties: Vec<Option<String>>,
}

/// The records of one shard: the counties they are of, and their positions.
#[derive(Debug, Clone, PartialEq, Default)]
struct Shard {
    counties: Vec<Option<CountyId>>,
    ranges: Vec<Range<usize>>,
    count: usize,
}

impl Shard {
    fn add(&mut self, county: Option<CountyId>, piece: Range<usize>) {
        if self.counties.last() != Some(&county) {
            self.counties.push(county);
        }
        self.count += piece.len();
        match self.ranges.last_mut() {
            // Consecutive parts of a county are one range: made in one pass.
            Some(last) if last.end == piece.start => last.end = piece.end,
            _ => self.ranges.push(piece),
        }
    }
}

/// The shards of the records whose `parts` are given (see [`Records::parts`]), of at most
/// `size` records: each county's records together, the county-less ones (national bodies,
/// generic actors: few) first, in shard 0, the primary bundle every search loads. A county
/// that fits in the room left in the current shard joins it (small counties share a shard, so
/// a small site has as few shards as before); one that does not starts a shard of its own and
/// is cut into as few shards as its size needs. A search filtered by one county then loads the
/// primary and that county's shards only (docs/performance.md). Always at least one shard, if
/// empty: the primary bundle holds Pagefind's scripts.
fn layout(parts: &[(Option<CountyId>, Range<usize>)], size: usize) -> Vec<Shard> {
    let mut by_county = std::collections::BTreeMap::<Option<CountyId>, Vec<Range<usize>>>::new();
    for (county, range) in parts {
        by_county.entry(*county).or_default().push(range.clone());
    }
    let (mut shards, mut current) = (Vec::new(), Shard::default());
    for (county, ranges) in by_county {
        let total: usize = ranges.iter().map(|r| r.len()).sum();
        if current.count > 0 && current.count + total > size {
            shards.push(std::mem::take(&mut current));
        }
        for mut range in ranges {
            while !range.is_empty() {
                let take = (size - current.count).min(range.len());
                current.add(county, range.start..range.start + take);
                range.start += take;
                if current.count == size {
                    shards.push(std::mem::take(&mut current));
                }
            }
        }
    }
    if current.count > 0 || shards.is_empty() {
        shards.push(current);
    }
    shards
}

/// The search shards of a build: each shard's key (a hash of its records) and the files it wrote.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct ShardCache {
    #[serde(skip)]
    site: Option<std::path::PathBuf>,
    shards: Vec<(u64, Vec<String>)>,
    /// How many shards this build indexed; the others were taken from the previous build.
    #[serde(skip)]
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

#[cfg(test)]
// A shard's records are a list of ranges, often of one.
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    fn county(n: usize) -> Option<CountyId> {
        Some(CountyId(n))
    }

    /// Each shard's counties and ranges.
    type Summary = Vec<(Vec<Option<CountyId>>, Vec<Range<usize>>)>;

    fn summary(shards: Vec<Shard>) -> Summary {
        shards.into_iter().map(|s| (s.counties, s.ranges)).collect()
    }

    #[test]
    fn national_records_come_first_and_a_county_that_does_not_fit_starts_a_shard() {
        // Record order: a plan of county 1, a plan of county 0, a national body, a document of county 1.
        let parts = [(county(1), 0..5), (county(0), 5..7), (None, 7..8), (county(1), 8..10)];
        assert_eq!(
            summary(layout(&parts, 4)),
            vec![
                (vec![None, county(0)], vec![7..8, 5..7]),
                (vec![county(1)], vec![0..4]),
                (vec![county(1)], vec![4..5, 8..10])
            ]
        );
    }

    #[test]
    fn small_counties_share_a_shard() {
        let parts = [(county(0), 0..2), (county(1), 2..4), (county(2), 4..9)];
        assert_eq!(
            summary(layout(&parts, 6)),
            vec![(vec![county(0), county(1)], vec![0..4]), (vec![county(2)], vec![4..9])]
        );
    }

    #[test]
    fn a_site_without_records_has_one_empty_shard() {
        assert_eq!(layout(&[], 4), vec![Shard::default()]);
    }

    #[test]
    fn every_record_is_in_exactly_one_shard_of_at_most_the_size() {
        let parts: Vec<_> = (0..50).map(|i| (county(i % 7).filter(|_| i % 11 != 0), i * 3..i * 3 + 3)).collect();
        let shards = layout(&parts, 8);
        assert!(shards.iter().all(|s| s.count <= 8 && s.count == s.ranges.iter().map(|r| r.len()).sum::<usize>()));
        let mut seen: Vec<usize> = shards.iter().flat_map(|s| s.ranges.iter().cloned().flatten()).collect();
        seen.sort();
        assert_eq!(seen, (0..150).collect::<Vec<_>>());
    }
}
