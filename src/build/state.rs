//! What `planportal build` keeps of a build for the next one (issue 21): the keys of its pages,
//! search shards and tables and what its pages were made from, in a file beside the output
//! (`.<output>.state.json`, like the lock `.<output>.lock`), so that a build after an edit takes
//! what the edit did not change from the published site, as `serve` does between its builds.
//!
//! The state describes one published folder and is used only for that folder, made by this very
//! program with the same `--base-url`: each build publishes a folder of its own
//! (`output::folder_id`), so a site replaced by another build or by hand is never mistaken for
//! the one the state describes. Any doubt — no state, a state of another folder, program or
//! format, a file that cannot be read — means a full build, never an error. The state is removed
//! before a build publishes and written after, so a build killed in between leaves none.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use serde::{Deserialize, Serialize};

use super::Kept;

/// Bumped when the state's shape changes: an older state is then ignored.
const FORMAT: u32 = 1;

/// The state file of `output`.
pub fn path_of(output: &Path) -> PathBuf {
    let name = output.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    output.with_file_name(format!(".{name}.state.json"))
}

/// What a state was made by and for; a state is used only when all of it is the same.
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Made {
    format: u32,
    /// The program: its version, and the size and time of its executable, so that a rebuilt
    /// planportal, which may render the same context otherwise, starts afresh.
    program: String,
    /// The `--base-url` the build was given.
    base_url: Option<String>,
    /// The published folder (`output::folder_id`).
    folder: (u64, u64),
}

impl Made {
    fn new(base_url: Option<&str>, folder: (u64, u64)) -> Made {
        use std::os::unix::fs::MetadataExt as _;
        let exe = std::env::current_exe().and_then(std::fs::metadata);
        let (size, time) = exe.map_or((0, 0), |m| (m.size(), m.mtime_nsec() + m.mtime() * 1_000_000_000));
        let program = format!("{} {size} {time}", env!("CARGO_PKG_VERSION"));
        Made { format: FORMAT, program, base_url: base_url.map(str::to_owned), folder }
    }
}

/// The state file: what made it, and what the build kept. `K` is [`Kept`] when read, borrowed
/// from the build when written.
#[derive(Serialize, Deserialize)]
struct State<K> {
    made: Made,
    kept: K,
}

/// What the build whose state is beside `output` kept, when the state describes the site
/// published there now and was made by this program with `base_url`; its caches point at
/// `output`.
pub fn read(output: &Path, base_url: Option<&str>) -> Option<Kept> {
    let text = std::fs::read(path_of(output)).ok()?;
    let state: State<Kept> = serde_json::from_slice(&text).ok()?;
    let here = Made::new(base_url, crate::output::folder_id(output)?);
    (state.made == here).then(|| state.kept.published_in(output))
}

/// Removes the state beside `output`, before the site it describes is replaced.
pub fn remove(output: &Path) -> Result<()> {
    match std::fs::remove_file(path_of(output)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(e).with_context(|| format!("removing {}", path_of(output).display()))
        }
        _ => Ok(()),
    }
}

/// Writes the state of a build that kept `kept`, published in the folder `folder` (its id, taken
/// before it was swapped in) at `output`, beside it: to a temporary file renamed over the state,
/// so that a reader never sees half of one.
pub fn write(output: &Path, folder: (u64, u64), base_url: Option<&str>, kept: &Kept) -> Result<()> {
    let state = State { made: Made::new(base_url, folder), kept };
    let path = path_of(output);
    let temporary = path.with_extension(format!("tmp-{}", std::process::id()));
    let bytes = serde_json::to_vec(&state)?;
    std::fs::write(&temporary, bytes).with_context(|| format!("writing {}", temporary.display()))?;
    std::fs::rename(&temporary, &path).with_context(|| format!("writing {}", path.display()))
}
