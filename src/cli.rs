//! The command line: subcommands and flags, each documented on its field (clap derive). The
//! library takes option structs of its own; the conversions from clap's are here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// planportal builds the static transparency portal of Romanian public plans from YAML and
/// Markdown content.
#[derive(Debug, Parser)]
#[command(name = "planportal", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// The language of content messages: ro (default) or en; without it, LC_ALL, LC_MESSAGES or
    /// LANG starting with `en` choose English.
    #[arg(long, value_name = "LANG", global = true)]
    pub lang: Option<crate::messages::Lang>,
}

/// The subcommands.
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
    /// Build, serve the site locally, rebuild on every change and reload open pages.
    Serve(ServeArgs),
    /// Write a commented skeleton of a new plan or document into content/.
    New(NewArgs),
    /// Print what each published anchor of each plan leads to; with --record, write it into
    /// content/anchors/, which check compares the plans with.
    Anchors(AnchorsArgs),
}

/// Where the site is.
#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The site folder, holding config.toml, content/ and themes/.
    #[arg(long, value_name = "DIR", default_value = ".", global = true)]
    pub root: PathBuf,
}

/// The flags of `build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Where the site is.
    #[command(flatten)]
    pub site: SiteArgs,
    /// Where to write the site [default: public/ under the root].
    #[arg(long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Replace the output folder even when it holds files that planportal did not write (never
    /// the site folder or its content/, themes/ or templates/).
    #[arg(long)]
    pub force: bool,
    /// Print nothing but errors.
    #[arg(long, short, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also print how long each stage took and how many pages were rendered anew.
    #[arg(long, short)]
    pub verbose: bool,
}

/// The flags of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The site folder, holding config.toml, content/ and themes/.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// The port to listen on.
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// The address to listen on; the default answers this machine only.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: String,
}

/// What `new` writes, and where.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// A plan or a document.
    #[command(subcommand)]
    pub what: NewWhat,
    /// Where the site is.
    #[command(flatten)]
    pub site: SiteArgs,
}

/// The kinds of file `new` writes.
#[derive(Debug, Subcommand)]
pub enum NewWhat {
    /// A plan: content/plans/<id>.yaml.
    Plan {
        /// The county slug, as in content/counties.yaml (e.g. caras-severin).
        #[arg(long)]
        county: String,
        /// The plan type.
        #[arg(long = "type", value_name = "TYPE")]
        plan_type: crate::vocabulary::PlanType,
        /// The plan's id and file name [default: <county>-<type>].
        #[arg(long)]
        id: Option<String>,
    },
    /// A document such as consultation minutes: content/documents/<id>.md.
    Document {
        /// The county slug, as in content/counties.yaml.
        #[arg(long)]
        county: String,
        /// The document's id and file name [default: <county>-document].
        #[arg(long)]
        id: Option<String>,
    },
    /// A county's institutions, to fill in: content/institutions/<id>.yaml.
    Institution {
        /// The county slug, which must be in content/counties.yaml.
        #[arg(long)]
        county: String,
        /// An institution type of content/institution-types.yaml, one entry each (repeat the
        /// flag) [default: consiliu-judetean cpeca dsp dgaspc isj ipj ijj djst ajofm].
        #[arg(long = "type", value_name = "TYPE")]
        types: Vec<String>,
        /// The file name [default: <county>].
        #[arg(long)]
        id: Option<String>,
    },
}

/// The flags of `stats` and `suggest`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Where the site is.
    #[command(flatten)]
    pub site: SiteArgs,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// The flags of `anchors`.
#[derive(Debug, Args)]
pub struct AnchorsArgs {
    /// Where the site is.
    #[command(flatten)]
    pub site: SiteArgs,
    /// Write content/anchors/<plan-id>.yaml for every plan (refused while a recorded anchor is on
    /// no item).
    #[arg(long)]
    pub record: bool,
}

impl From<BuildArgs> for crate::build::BuildOptions {
    fn from(args: BuildArgs) -> Self {
        crate::build::BuildOptions {
            root: args.site.root,
            output: args.output,
            force: args.force,
            quiet: args.quiet,
            verbose: args.verbose,
        }
    }
}

impl From<NewArgs> for crate::authoring::scaffold::NewOptions {
    fn from(args: NewArgs) -> Self {
        use crate::authoring::scaffold::NewFile;
        let what = match args.what {
            NewWhat::Plan { county, plan_type, id } => NewFile::Plan { county, plan_type, id },
            NewWhat::Document { county, id } => NewFile::Document { county, id },
            NewWhat::Institution { county, types, id } => NewFile::Institutions { county, types, id },
        };
        crate::authoring::scaffold::NewOptions { root: args.site.root, what }
    }
}

impl From<ServeArgs> for crate::serve::ServeOptions {
    fn from(args: ServeArgs) -> Self {
        crate::serve::ServeOptions { root: args.root, port: args.port, bind: args.bind }
    }
}
