//! Watching the site's sources: `config.toml` and everything under `content/`, `themes/` and
//! `templates/`.
//!
//! Only changes count: a file created, written, renamed or removed. Opening or reading a file is
//! an event too (notify's `Access`), and every build reads the whole content: counting those made
//! an idle server rebuild for ever. The site root is watched on its own, not recursively, so
//! that a `config.toml` saved by renaming a new file over it (vim, JetBrains, gedit) and a
//! removed and re-created `content/` are seen, and the folder watched anew. The debouncer merges
//! an editor's several writes into one batch, so that one save makes one rebuild.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use anyhow::{Context, Result};
use notify::event::{EventKind, ModifyKind};
use notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

/// The folders of a site whose every file is a source, watched recursively.
const FOLDERS: [&str; 3] = ["content", "themes", "templates"];

/// How long the files must be quiet before a batch of changes is reported.
const QUIET: Duration = Duration::from_millis(150);

/// The watches on one site, and the batches of events they report.
pub struct Watching {
    root: PathBuf,
    /// Serve's own folder: whatever happens in it is not a change of the site.
    ignored: PathBuf,
    debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    batches: Receiver<DebounceEventResult>,
}

impl Watching {
    /// Watches the site under `root`, ignoring `ignored`.
    pub fn new(root: &Path, ignored: &Path) -> Result<Watching> {
        let (sender, batches) = channel();
        let mut debouncer = new_debouncer(QUIET, None, sender).context("starting to watch the site")?;
        debouncer.watch(root, RecursiveMode::NonRecursive).with_context(|| format!("watching {}", root.display()))?;
        let mut watching = Watching { root: root.to_owned(), ignored: ignored.to_owned(), debouncer, batches };
        for folder in FOLDERS {
            watching.watch_again(folder);
        }
        Ok(watching)
    }

    /// Calls `rebuild` after every batch of events that changed a source, until the watches end.
    pub fn run(mut self, mut rebuild: impl FnMut()) {
        while let Ok(batch) = self.batches.recv() {
            let events = match batch {
                Ok(events) => events,
                Err(errors) => {
                    errors.iter().for_each(|error| eprintln!("warning: watching the site: {error}"));
                    continue;
                }
            };
            let mut changed = false;
            for event in events.iter().filter(|event| is_change(&event.kind)) {
                for path in &event.paths {
                    changed |= self.note(path);
                }
            }
            if changed {
                rebuild();
            }
        }
    }

    /// Whether a change at `path` changes the site; a watched folder itself created, removed or
    /// renamed is watched anew.
    fn note(&mut self, path: &Path) -> bool {
        if path.starts_with(&self.ignored) {
            return false;
        }
        let Ok(relative) = path.strip_prefix(&self.root) else {
            return false;
        };
        if relative == Path::new("config.toml") {
            return true;
        }
        let mut components = relative.components();
        let Some(folder) = components.next().and_then(|c| c.as_os_str().to_str()) else {
            return false;
        };
        if !FOLDERS.contains(&folder) {
            return false;
        }
        if components.next().is_none() {
            self.watch_again(folder);
        }
        true
    }

    /// Drops the watch on `folder` under the root, and watches it again if it exists: a removed
    /// folder's watch is gone, and a folder re-created or renamed into place is a new one.
    fn watch_again(&mut self, folder: &str) {
        let path = self.root.join(folder);
        let _ = self.debouncer.unwatch(&path);
        if path.is_dir()
            && let Err(error) = self.debouncer.watch(&path, RecursiveMode::Recursive)
        {
            eprintln!("warning: cannot watch {}: {error}", path.display());
        }
    }
}

/// Whether an event changes a file: created, written, renamed or removed. Not an open, a read,
/// a close or a change of permissions or times. `Modify(Any)` is how some platforms (Windows)
/// report a write.
fn is_change(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::Create(_)
            | EventKind::Remove(_)
            | EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Name(_) | ModifyKind::Any)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{AccessKind, CreateKind, DataChange, MetadataKind, RenameMode};

    #[test]
    fn reads_and_metadata_are_not_changes() {
        assert!(!is_change(&EventKind::Access(AccessKind::Any)));
        assert!(!is_change(&EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime))));
        assert!(is_change(&EventKind::Modify(ModifyKind::Data(DataChange::Content))));
        assert!(is_change(&EventKind::Modify(ModifyKind::Name(RenameMode::Both))));
        assert!(is_change(&EventKind::Create(CreateKind::File)));
    }
}
