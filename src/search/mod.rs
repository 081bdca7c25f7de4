//! The static search index, written by `build` itself with the Pagefind library. Records are made
//! from the model — one per plan, specific objective, activity, institution and document — so that
//! a result lands on the objective page or on the activity's anchor, with its plan and county.
//! Pagefind stems Romanian (`ro`) and folds diacritics, so "scoala" finds "școală".
//!
//! Pagefind's API is async; a current-thread tokio runtime drives it here and nowhere else.
//! A large site's records are split into shards of bounded size, indexed in parallel and merged
//! in the browser (`write_index`, `search.js`), so time and memory grow linearly.

use std::collections::BTreeMap;

use anyhow::{Context, Result};

use crate::model::index::Index;
use crate::model::*;
use crate::output::{OutputFile, Sink};
use crate::urls;

/// The folder of the search bundle in the site.
pub const BUNDLE_DIR: &str = "pagefind";

/// One searchable record: where it leads, what it says, how it shows and filters.
#[derive(Debug, Clone, PartialEq, Hash)]
pub struct Record {
    /// Site path with optional anchor (`planuri/x/#a-1-1-1`), without the base path.
    pub url: String,
    pub content: String,
    pub meta: BTreeMap<String, String>,
    pub filters: BTreeMap<String, Vec<String>>,
}

/// Filter names as readers see them in the interface.
pub const FILTER_COUNTY: &str = "județ";
pub const FILTER_PLAN_TYPE: &str = "tip de plan";
pub const FILTER_INSTITUTION: &str = "instituție";
pub const FILTER_THEME: &str = "temă";
pub const FILTER_KIND: &str = "tip de rezultat";

/// The records of the whole site, in a stable order.
pub fn records(site: &Site, index: &Index<'_>) -> Vec<Record> {
    let all = Records::new(site, index);
    all.range(0..all.len())
}

/// The records of the site, made on demand: how many there are is known from the model, and
/// [`Records::range`] makes only the records asked for, so that each search shard makes its own
/// and the records of the whole site (~0.5 GB at 100,000 pages) are never in memory at once.
pub struct Records<'a> {
    site: &'a Site,
    index: &'a Index<'a>,
    /// The position after each plan's last record.
    plan_ends: Vec<usize>,
}

impl<'a> Records<'a> {
    pub fn new(site: &'a Site, index: &'a Index<'a>) -> Records<'a> {
        let plan_ends = index
            .objectives
            .iter()
            .scan(0, |end, objectives| {
                *end += 1 + objectives.iter().map(|o| 1 + o.objective.activities.len()).sum::<usize>();
                Some(*end)
            })
            .collect();
        Records { site, index, plan_ends }
    }

    fn plan_total(&self) -> usize {
        self.plan_ends.last().copied().unwrap_or(0)
    }

    pub fn len(&self) -> usize {
        self.plan_total() + self.site.institutions.len() + self.site.documents.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The records at positions `range`, as [`records`] would list them.
    pub fn range(&self, range: std::ops::Range<usize>) -> Vec<Record> {
        let (site, index) = (self.site, self.index);
        let mut out = Vec::with_capacity(range.len());
        let first = self.plan_ends.partition_point(|end| *end <= range.start);
        for p in first..site.plans.len() {
            let start = if p == 0 { 0 } else { self.plan_ends[p - 1] };
            if start >= range.end {
                break;
            }
            let mut plan = Vec::new();
            plan_records(site, index, PlanId(p), &site.plans[p], &mut plan);
            let skip = range.start.saturating_sub(start);
            out.extend(plan.into_iter().skip(skip).take(range.end - start.max(range.start)));
        }
        let institutions = self.plan_total()..self.plan_total() + site.institutions.len();
        for i in range.start.max(institutions.start)..range.end.min(institutions.end) {
            out.push(institution_record(site, &site.institutions[i - institutions.start]));
        }
        for d in range.start.max(institutions.end)..range.end.min(self.len()) {
            out.push(document_record(site, &site.documents[d - institutions.end]));
        }
        out
    }
}

fn institution_record(site: &Site, institution: &Institution) -> Record {
    let kind = &site.institution_types[institution.kind.0];
    let mut content = vec![institution.name.clone(), kind.name.clone()];
    content.extend(kind.abbreviation.iter().cloned());
    content.extend(institution.aliases.iter().cloned());
    content.extend(institution.note.iter().cloned());
    let county = institution.county.map(|c| site.county(c).name.clone());
    let mut record =
        Record::new(urls::institution(&institution.id), &institution.name, "Instituție", content.join(". "));
    if let Some(county) = county {
        record.meta.insert("county".into(), county.clone());
        record.filter(FILTER_COUNTY, county);
    }
    record.filter(FILTER_INSTITUTION, institution.name.clone());
    record
}

fn document_record(site: &Site, document: &Document) -> Record {
    let county = site.county(document.county).name.clone();
    let mut record = Record::new(urls::document(&document.id), &document.title, "Document", document.body.clone());
    record.meta.insert("county".into(), county.clone());
    record.filter(FILTER_COUNTY, county);
    for actor in document.participants.iter().chain(&document.organiser) {
        record.filter(FILTER_INSTITUTION, site.institution(actor.institution).name.clone());
    }
    for theme in document
        .themes
        .iter()
        .chain(document.vulnerable_groups.iter().chain(&document.proposals).flat_map(|i| &i.themes))
    {
        record.filter(FILTER_THEME, site.themes[theme.0].name.clone());
    }
    record
}

impl Record {
    fn new(url: String, title: &str, kind: &str, content: String) -> Record {
        let mut meta = BTreeMap::new();
        meta.insert("title".to_owned(), title.to_owned());
        meta.insert("kind".to_owned(), kind.to_owned());
        let mut record = Record { url, content, meta, filters: BTreeMap::new() };
        record.filter(FILTER_KIND, kind.to_owned());
        record
    }

    fn filter(&mut self, name: &str, value: String) {
        let values = self.filters.entry(name.to_owned()).or_default();
        if !values.contains(&value) {
            values.push(value);
        }
    }
}

fn plan_records(site: &Site, index: &Index<'_>, id: PlanId, plan: &Plan, records: &mut Vec<Record>) {
    let county = site.county(plan.county).name.clone();
    let plan_type = plan.plan_type.search_label().to_owned();
    let common = |record: &mut Record| {
        record.meta.insert("plan".into(), plan.title.clone());
        record.meta.insert("county".into(), county.clone());
        record.filter(FILTER_COUNTY, county.clone());
        record.filter(FILTER_PLAN_TYPE, plan_type.clone());
    };
    let mut record =
        Record::new(urls::plan(&plan.id), &plan.title, "Plan", format!("{}. {county}. {plan_type}", plan.title));
    common(&mut record);
    records.push(record);
    for entry in &index.objectives[id.0] {
        let objective = entry.objective;
        let label = objective.label.as_deref().unwrap_or(&plan.labels.objective);
        let title = format!("{label} {}", objective.number.as_deref().unwrap_or("")).trim().to_owned();
        let mut content = vec![objective.text.clone(), entry.goal.text.clone()];
        content.extend(objective.list_text.iter().cloned());
        let mut record =
            Record::new(urls::objective(&plan.id, &objective.anchor), &title, "Obiectiv", content.join(". "));
        record.meta.insert("excerpt_text".into(), objective.text.clone());
        common(&mut record);
        for theme in &objective.themes {
            record.filter(FILTER_THEME, site.themes[theme.0].name.clone());
        }
        records.push(record);
        for activity in &objective.activities {
            records.push(activity_record(site, plan, objective, activity, &common));
        }
    }
}

fn activity_record(
    site: &Site,
    plan: &Plan,
    objective: &Objective,
    activity: &Activity,
    common: &dyn Fn(&mut Record),
) -> Record {
    let label = activity.label.as_deref().unwrap_or(&plan.labels.activity);
    let title = format!("{label} {}", activity.number.as_deref().unwrap_or("")).trim().to_owned();
    let mut content = vec![activity.text.clone()];
    content.extend(activity.indicators.iter().cloned());
    content.extend(activity.period.iter().cloned());
    content.extend(activity.funding.iter().cloned());
    let actors: Vec<&ActorRef> = activity.responsible.iter().chain(&activity.partners).collect();
    for actor in &actors {
        let institution = site.institution(actor.institution);
        // The printed name, the full name and every alias, so that "DGASPC" and the full name
        // both find the activity.
        content.push(actor.printed.clone());
        content.push(institution.name.clone());
        content.extend(institution.aliases.iter().cloned());
    }
    let mut record = Record::new(urls::in_plan(&plan.id, &activity.anchor), &title, "Activitate", content.join(". "));
    record.meta.insert("excerpt_text".into(), activity.text.clone());
    record.meta.insert("objective".into(), objective.text.clone());
    common(&mut record);
    for actor in actors {
        record.filter(FILTER_INSTITUTION, site.institution(actor.institution).name.clone());
    }
    for theme in activity.themes.iter().chain(&objective.themes) {
        record.filter(FILTER_THEME, site.themes[theme.0].name.clone());
    }
    record
}

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

/// The file, in the bundle, with the values of the search page's filter menus.
pub const FILTERS_FILE: &str = "filtre.json";

/// The values of the search page's filter menus. The page reads them from this file instead of
/// asking Pagefind, which would load every shard's filter index (346 KB of the 832 KB of a
/// search at 10,000 pages, docs/performance.md). Institutions, the longest list, are split by
/// county: `filtre.json` lists the national ones and names each county's file
/// (`filtre/<county>.json`), which the page loads when that county is chosen.
pub fn write_filters(site: &Site, mut values: FilterValues, sink: &dyn Sink) -> Result<()> {
    use std::collections::BTreeSet;
    let used = values.remove(FILTER_INSTITUTION).unwrap_or_default();
    let (mut national, mut by_county) = (BTreeSet::new(), BTreeMap::<CountyId, BTreeSet<&str>>::new());
    for institution in site.institutions.iter().filter(|i| used.contains(&i.name)) {
        match institution.county {
            Some(county) => by_county.entry(county).or_default().insert(&institution.name),
            None => national.insert(institution.name.as_str()),
        };
    }
    let mut files = BTreeMap::new();
    for (county, names) in &by_county {
        let county = site.county(*county);
        sink.write(&format!("{BUNDLE_DIR}/filtre/{}.json", county.slug), &serde_json::to_vec(names)?)?;
        files.insert(county.name.as_str(), format!("filtre/{}.json", county.slug));
    }
    let menus = serde_json::json!({ "values": values, "institutions": national, "county_institutions": files });
    sink.write(&format!("{BUNDLE_DIR}/{FILTERS_FILE}"), &serde_json::to_vec(&menus)?)
}

/// Every value of every filter, by filter name.
pub type FilterValues = BTreeMap<String, std::collections::BTreeSet<String>>;

fn add_filter_values(values: &mut FilterValues, records: &[Record]) {
    for record in records {
        for (name, list) in &record.filters {
            values.entry(name.clone()).or_default().extend(list.iter().cloned());
        }
    }
}

/// The file, in the bundle, that lists the other shards for the browser to merge.
pub const SHARDS_FILE: &str = "shards.json";

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
    let merged: Vec<String> = (1..shards).map(|n| format!("{n}/")).collect();
    let list = serde_json::to_vec(&merged).context("listing the search shards")?;
    sink.write(&format!("{BUNDLE_DIR}/{SHARDS_FILE}"), &list)?;
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
            path: if n == 0 { format!("{BUNDLE_DIR}/{}", f.path) } else { format!("{BUNDLE_DIR}/{n}/{}", f.path) },
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
