//! The command line: subcommands and flags, each documented on its field (clap derive).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// planportal builds the static transparency portal of Romanian public plans from YAML and
/// Markdown content.
#[derive(Debug, Parser)]
#[command(name = "planportal", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site from content/ into the output folder.
    Build(BuildArgs),
    /// Check the content and report every problem; writes nothing.
    Check(SiteArgs),
    /// Print counts per plan and document (levels, responsible links, notes) and totals.
    Stats(StatsArgs),
    /// Propose a framework objective for each unlinked specific objective of a drug plan.
    Suggest(StatsArgs),
}

/// Where the site is.
#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The site folder, holding config.toml, content/ and themes/.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Where to write the site [default: public/ under the root].
    #[arg(long, value_name = "DIR")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}
