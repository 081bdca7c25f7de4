//! The command line: subcommands and flags, each documented on its field (clap derive). The
//! library takes option structs of its own; the conversions from clap's are here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// The exit codes, at the end of every `--help` (and in README.md).
const EXIT_CODES: &str = "Exit codes:
  0  success
  1  content problems (check and build print each one with its file, line and column)
  2  a usage error (an unknown flag, a bad value) or a failure to read or write files";

/// The examples and exit codes shown by `planportal --help`.
const MAIN_HELP: &str = "Examples:
  planportal init my-portal           a new site that builds as it is
  planportal check                    report every problem of content/
  planportal build                    write the site into public/
  planportal build -u https://staging.example.ro/portal/ -o /tmp/staging
  planportal serve -p 8000            preview on http://127.0.0.1:8000/, rebuilt on every change
  planportal completion bash > ~/.local/share/bash-completion/completions/planportal

Exit codes:
  0  success
  1  content problems (check and build print each one with its file, line and column)
  2  a usage error (an unknown flag, a bad value) or a failure to read or write files";

/// The examples and exit codes shown by `planportal build --help`.
const BUILD_HELP: &str = "Examples:
  planportal build                                   into public/, for config.toml's base_url
  planportal build -o /srv/www/portal                into another folder
  planportal build -u https://example.ro/portal/     for a copy published under /portal/
  planportal build -r ../other-site -q               another site folder; print only problems
  planportal build --full                            every page made again, no state kept

A build keeps the keys of what it made in a file beside the output (.public.state.json for
public/): the next build makes again only what an edit changed and takes the rest from the
published site.

Exit codes:
  0  built
  1  content problems: nothing was written
  2  a usage error, or the output folder cannot be written (or is refused without --force)";

/// The examples shown by `planportal serve --help`.
const SERVE_HELP: &str = "Examples:
  planportal serve                                   http://127.0.0.1:1111/
  planportal serve -p 8000
  planportal serve -i 0.0.0.0 -u http://192.168.1.20:1111/   open it from a phone on the same network
  planportal serve -u http://127.0.0.1:1111/portal/  preview the site under a sub-path

Exit codes: 0 when stopped with Ctrl+C; 2 when the port is taken or a usage error.";

/// planportal builds the static transparency portal of Romanian public plans from YAML and
/// Markdown content.
#[derive(Debug, Parser)]
#[command(name = "planportal", version, about, long_about = None, after_help = MAIN_HELP)]
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
    #[command(after_help = BUILD_HELP)]
    Build(BuildArgs),
    /// Check the content and report every problem; writes nothing.
    #[command(after_help = EXIT_CODES)]
    Check(SiteArgs),
    /// Print counts per plan and document (levels, responsible links, notes) and totals.
    Stats(StatsArgs),
    /// Propose a framework objective for each unlinked specific objective of a drug plan; with
    /// --localities, the localities each activity names and is not tagged with.
    Suggest(SuggestArgs),
    /// Build, serve the site locally, rebuild on every change and reload open pages.
    #[command(after_help = SERVE_HELP)]
    Serve(ServeArgs),
    /// Write a commented skeleton of a new plan or document into content/.
    New(NewArgs),
    /// Print what each published anchor of each plan leads to; with --record, write it into
    /// content/anchors/, which check compares the plans with.
    Anchors(AnchorsArgs),
    /// Create a new site that builds as it is: config.toml, content/ with the counties,
    /// institution types, themes and national bodies, and the default theme.
    #[command(
        after_help = "Example:\n  planportal init my-portal && cd my-portal && planportal build\n\nThe folder must be empty or not exist: init never overwrites a file."
    )]
    Init(InitArgs),
    /// Print the completion script of a shell (bash, zsh, fish, elvish, powershell).
    #[command(
        after_help = "Examples:\n  planportal completion bash > ~/.local/share/bash-completion/completions/planportal\n  planportal completion zsh > ~/.zfunc/_planportal\n  planportal completion fish > ~/.config/fish/completions/planportal.fish"
    )]
    Completion(CompletionArgs),
}

/// Where the site is.
#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The site folder, holding config.toml, content/ and themes/.
    #[arg(long, short = 'r', value_name = "DIR", default_value = ".", global = true)]
    pub root: PathBuf,
}

/// The flags of `build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Where the site is.
    #[command(flatten)]
    pub site: SiteArgs,
    /// Where to write the site [default: public/ under the root].
    #[arg(long = "output-dir", short = 'o', visible_alias = "output", value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// The address the site is published at, instead of config.toml's base_url: an absolute
    /// URL or a path, ending in `/` (e.g. https://example.ro/portal/).
    #[arg(long, short = 'u', value_name = "URL", value_parser = parse_base_url)]
    pub base_url: Option<String>,
    /// Replace the output folder even when it holds files that planportal did not write (never
    /// the site folder or its content/, themes/ or templates/).
    #[arg(long, short = 'f')]
    pub force: bool,
    /// Print nothing but errors.
    #[arg(long, short, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also print how long each stage took and how many pages were rendered anew.
    #[arg(long, short)]
    pub verbose: bool,
    /// Make every page, search shard and table again, ignoring the state the previous build
    /// kept beside the output (.public.state.json), and keep none. Use it after changing files
    /// of the output by hand.
    #[arg(long)]
    pub full: bool,
}

/// The flags of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The site folder, holding config.toml, content/ and themes/.
    #[arg(long, short = 'r', value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// The port to listen on.
    #[arg(long, short = 'p', default_value_t = 1111)]
    pub port: u16,
    /// The address to listen on; the default answers this machine only.
    #[arg(long, short = 'i', visible_alias = "interface", default_value = "127.0.0.1")]
    pub bind: String,
    /// The address pages link to [default: http://<bind>:<port>/]: an absolute URL or a path,
    /// ending in `/`. With a sub-path (…/portal/), the site is served under it.
    #[arg(long, short = 'u', value_name = "URL", value_parser = parse_base_url)]
    pub base_url: Option<String>,
}

/// The flags of `init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder of the new site, made if missing; it must be empty.
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
}

/// The flags of `completion`.
#[derive(Debug, Args)]
pub struct CompletionArgs {
    /// The shell to write the script for.
    #[arg(value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// A `--base-url` value, refused (a usage error, exit 2) unless it is one that config.toml's
/// `base_url` accepts; the message says what is wrong with it.
fn parse_base_url(url: &str) -> Result<String, String> {
    if crate::config::is_base_url(url) {
        return Ok(url.to_owned());
    }
    let with_slash = format!("{url}/");
    if crate::config::is_base_url(&with_slash) {
        return Err(format!("a base URL ends in `/`: write {with_slash}"));
    }
    Err("a base URL starts with https://, http:// or / and ends in `/` (e.g. https://example.ro/portal/)".to_owned())
}

/// Writes the completion script of `shell` for the whole command line to `out`. Made in memory
/// first: clap_complete panics when its writer fails (`planportal completion bash | head`).
pub fn write_completion(shell: clap_complete::Shell, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut command = <Cli as clap::CommandFactory>::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "planportal", &mut script);
    out.write_all(&script)
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

/// The flags of `suggest`.
#[derive(Debug, Args)]
pub struct SuggestArgs {
    /// Where the site is.
    #[command(flatten)]
    pub site: SiteArgs,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Propose locality tags for activities (as `localities:` lines to paste) instead of
    /// framework objectives; writes nothing.
    #[arg(long)]
    pub localities: bool,
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
            base_url: args.base_url,
            force: args.force,
            quiet: args.quiet,
            verbose: args.verbose,
            full: args.full,
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
        crate::serve::ServeOptions { root: args.root, port: args.port, bind: args.bind, base_url: args.base_url }
    }
}
