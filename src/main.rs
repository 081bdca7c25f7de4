//! The `planportal` binary: parse the command line, run one library function, turn its result
//! into an exit code (0 success, 1 content problems, 2 a failure of the machine or the program;
//! clap exits with 2 itself on a usage error). `planportal --help` and README.md list them.

use std::process::ExitCode;

use clap::Parser;
use planportal::cli::{Cli, Command};

// mimalloc instead of glibc malloc: a large build allocates and frees many small JSON values and
// strings from two threads, and glibc's free-list consolidation took a third of the profile;
// mimalloc halves the search-index time at 10,000 pages (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    planportal::messages::set_language(cli.lang.unwrap_or_else(planportal::messages::Lang::from_env));
    let result = match cli.command {
        Command::Build(args) => planportal::build::run(&args.into()),
        Command::Check(args) => planportal::authoring::check::run(&args.root),
        Command::Stats(args) => planportal::authoring::stats::run(&args.site.root, args.json),
        Command::Suggest(args) if args.localities => planportal::authoring::places::run(&args.site.root, args.json),
        Command::Suggest(args) => planportal::authoring::suggest::run(&args.site.root, args.json),
        Command::Serve(args) => planportal::serve::run(&args.into()),
        Command::New(args) => planportal::authoring::scaffold::run(&args.into()),
        Command::Anchors(args) => planportal::authoring::anchors::run(&args.site.root, args.record),
        Command::Init(args) => planportal::init::run(&planportal::init::InitOptions { dir: args.dir }),
        Command::Completion(args) => planportal::cli::write_completion(args.shell, &mut std::io::stdout())
            .map(|()| true)
            .map_err(|error| anyhow::anyhow!("cannot write the completion script: {error}")),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}
