//! The cache of `serve`: each page's key (a hash of its context and templates), so that a
//! rebuild renders only the pages whose key changed and takes the others from the last build.

use std::path::Path;

use super::RenderedPage;
use super::views::PageContext;

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
    pub(super) fn get(&self, path: &str, key: u64) -> Option<std::path::PathBuf> {
        let site = self.site.as_ref()?;
        (self.keys.get(path) == Some(&key)).then(|| site.join(path))
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
