//! The cache of `serve`: each page's key (a hash of its context and templates), so that a
//! rebuild renders only the pages whose key changed and takes the others from the last build;
//! and what the pages were made from (`Inputs`), so that a rebuild after an edit of some plans
//! does not even make the context of the other plans' own pages (issue 21).

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use super::RenderedPage;
use super::views::PageContext;
use crate::load::Fingerprint;
use crate::model::index::Index;
use crate::model::{FrameworkRef, Site};

/// What a build keeps for the next one.
#[derive(Debug, Clone, Copy)]
pub enum Incremental<'a> {
    /// A one-off build (`planportal build`): nothing is kept.
    Off,
    /// The first build of a series (`serve`): every page's key is kept for the next.
    First,
    /// A build after `previous`'s: its unchanged pages are taken from its published site.
    /// `unchanged` says, by plan, whether the plan's own pages (`PageKind::plan`) show what
    /// they showed then: those are taken without making their context. `None` when something
    /// else than plans changed (`Inputs::unchanged_plans`).
    After {
        /// The previous build's pages.
        previous: &'a PageCache,
        /// By plan, whether its own pages are as they were.
        unchanged: Option<&'a [bool]>,
    },
}

/// The pages of a previous build: the key each was rendered for, by file path, the stamp of what
/// every page shows (templates, `site` frame, configuration), and the folder they were published
/// in. Only keys are kept: an unchanged page is taken from that folder.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct PageCache {
    #[serde(skip)]
    site: Option<std::path::PathBuf>,
    stamp: u64,
    keys: HashMap<String, u64>,
}

impl PageCache {
    /// The keys of `pages`, made under `stamp` ([`super::Renderer::stamp`]); usable once
    /// [`PageCache::published_in`] says where they are.
    pub fn new(pages: &[RenderedPage], stamp: u64) -> PageCache {
        PageCache { site: None, stamp, keys: pages.iter().map(|p| (p.path.clone(), p.key)).collect() }
    }

    /// The published file of `path` and the key it was rendered for, when it was made under
    /// `stamp`, whatever its context: for a page whose inputs are known not to have changed.
    pub(super) fn unchanged(&self, path: &str, stamp: u64) -> Option<(std::path::PathBuf, u64)> {
        let site = self.site.as_ref()?;
        let key = *self.keys.get(path).filter(|_| self.stamp == stamp)?;
        Some((site.join(path), key))
    }

    /// The cache, now that its pages are published in `site`.
    pub fn published_in(self, site: &Path) -> PageCache {
        PageCache { site: Some(site.to_path_buf()), ..self }
    }

    /// The published file of `path`, when it was rendered for `key`.
    pub(super) fn get(&self, path: &str, key: u64) -> Option<std::path::PathBuf> {
        let site = self.site.as_ref()?;
        (self.keys.get(path) == Some(&key)).then(|| site.join(path))
    }
}

/// What a build's pages were made from, for the next build to tell which plans' own pages an
/// edit left as they were.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Inputs {
    fingerprint: Fingerprint,
    /// The plans' ids in the site's order: a plan's place among them is on its pages (the page
    /// of the list of irregularities that lists it).
    plans: Vec<String>,
    /// The national objectives each plan's objectives implement: an objective's page lists the
    /// other plans' objectives linked to the same one (`elsewhere`).
    links: Vec<BTreeSet<FrameworkRef>>,
}

impl Inputs {
    /// The inputs of a build of `site`, loaded from content of `fingerprint`.
    pub fn new(fingerprint: Fingerprint, site: &Site, index: &Index<'_>) -> Inputs {
        let links = (index.objectives.iter())
            .map(|objectives| objectives.iter().filter_map(|entry| entry.objective.framework).collect())
            .collect();
        Inputs { fingerprint, plans: site.plans.iter().map(|p| p.id.clone()).collect(), links }
    }

    /// For each plan of this build, whether its own pages show what they showed in `previous`:
    /// its file is unchanged, and so is every plan linked to a national objective it shares
    /// (before or after the edit). `None` when the edit reached more than plans: another content
    /// file, or the list of plans itself (a plan added, removed or renamed).
    ///
    /// What a plan's own pages read is listed at `PageKind::plan`; a test in
    /// `tests/suite/incremental.rs` keeps it true for each kind of edit.
    pub fn unchanged_plans(&self, previous: &Inputs) -> Option<Vec<bool>> {
        if self.fingerprint.rest != previous.fingerprint.rest || self.plans != previous.plans {
            return None;
        }
        let changed: Vec<bool> =
            self.plans.iter().map(|id| self.fingerprint.plans.get(id) != previous.fingerprint.plans.get(id)).collect();
        let touched: BTreeSet<FrameworkRef> = (changed.iter().enumerate())
            .filter(|(_, c)| **c)
            .flat_map(|(p, _)| self.links[p].iter().chain(&previous.links[p]).copied())
            .collect();
        let unchanged = (changed.iter().enumerate())
            .map(|(p, c)| !c && self.links[p].is_disjoint(&touched) && previous.links[p].is_disjoint(&touched))
            .collect();
        Some(unchanged)
    }
}

/// A hash of everything a page shows: its context, and the templates that draw it.
pub(super) fn context_key(context: &PageContext<'_>, template_stamp: u64) -> u64 {
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
