//! `planportal-corpus`: the synthetic national corpus for `scripts/bench`.
//!
//! `planportal-corpus site --pages N --out DIR` writes a planportal site (config and content) that
//! builds into N pages; `planportal-corpus hugo --from PUBLIC --out DIR` writes the same pages as
//! a Hugo site, from what planportal built. A second binary of this package, not a subcommand of
//! `planportal`, because it serves the benchmark only: it reuses the library (slugs) and
//! serde_yaml_ng without adding anything to the portal's own interface.

mod corpus;
mod hugo;
mod vocabulary;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(about = "Synthetic national corpus for the planportal benchmark")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Writes a planportal site whose build has exactly N pages.
    Site {
        /// The number of HTML pages the site builds into.
        #[arg(long, default_value_t = 10_000)]
        pages: usize,
        /// The site folder to write (its config.toml and content/ are replaced).
        #[arg(long)]
        out: PathBuf,
    },
    /// Writes the pages planportal built under FROM as a Hugo site with a plain theme.
    Hugo {
        /// A folder planportal built (its HTML pages and style sheet are read).
        #[arg(long)]
        from: PathBuf,
        /// The Hugo site folder to write.
        #[arg(long)]
        out: PathBuf,
    },
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Site { pages, out } => {
            corpus::generate(pages).and_then(|files| write(&out, &files, &["config.toml", "content"]))
        }
        Command::Hugo { from, out } => {
            hugo::convert(&from).and_then(|files| write(&out, &files, &["config.toml", "content", "layouts", "static"]))
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// Writes `files` under `out`, after removing the parts of `out` this program owns.
fn write(out: &Path, files: &corpus::Files, owned: &[&str]) -> Result<()> {
    for part in owned {
        let path = out.join(part);
        if path.is_dir() {
            std::fs::remove_dir_all(&path).with_context(|| format!("removing {}", path.display()))?;
        }
    }
    for (relative, text) in files {
        let path = out.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        }
        std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}
