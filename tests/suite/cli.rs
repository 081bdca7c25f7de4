//! The command line as an operator meets it: exit codes (0 ok, 1 content problems, 2 usage or
//! I/O), `--base-url` and `-o/--output-dir` on `build`, `--base-url` on `serve`, `init` and
//! `completion`.

use std::path::Path;
use std::process::{Command, Output};

use crate::serving::Serve;
use crate::site::{assert_site_is_whole, read_tree};
use crate::support::{TestSite, stderr, stdout};

/// Runs `planportal <args>` as given (no `--root` added).
fn planportal(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_planportal")).args(args).output().expect("run planportal")
}

fn path(path: &Path) -> &str {
    path.to_str().expect("UTF-8 temp path")
}

#[test]
fn usage_errors_exit_2_with_what_is_wrong() {
    let site = TestSite::minimal();
    for (args, said) in [
        (vec!["build", "--no-such-flag"], "unexpected argument '--no-such-flag'"),
        (vec!["build", "--output-dir"], "a value is required for '--output-dir <DIR>'"),
        (vec!["serve", "-p", "port"], "invalid value 'port' for '--port <PORT>'"),
        (vec!["build", "-u", "https://example.ro/portal"], "a base URL ends in `/`: write https://example.ro/portal/"),
        (vec!["build", "--base-url", "example.ro/"], "a base URL starts with https://, http:// or /"),
        (vec!["serve", "--base-url", "ftp://example.ro/"], "a base URL starts with https://, http:// or /"),
    ] {
        let output = site.run(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {}", stderr(&output));
        assert!(stderr(&output).contains(said), "{args:?} should say {said:?}:\n{}", stderr(&output));
    }
    assert!(!site.root().join("public").exists(), "a refused command wrote nothing");
    let output = planportal(&["completion", "cmd"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("invalid value 'cmd' for '<SHELL>'"), "{}", stderr(&output));
}

#[test]
fn content_problems_exit_1_and_io_failures_2() {
    let site = TestSite::minimal();
    site.write("content/counties.yaml", "- {slug: cluj, name: Cluj\n");
    for command in ["check", "build"] {
        let output = site.run(&[command]);
        assert_eq!(output.status.code(), Some(1), "{command}: {}", stderr(&output));
        assert!(stderr(&output).contains("content/counties.yaml"), "{command}: {}", stderr(&output));
    }
    assert!(!site.root().join("public").exists(), "a build with errors wrote nothing");
    // An output folder that cannot be made (a file stands in its place) is an I/O failure.
    let site = TestSite::minimal();
    site.write("a-file", "not a folder");
    let output = site.run(&["build", "-o", path(&site.root().join("a-file/public"))]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
}

#[test]
fn help_shows_examples_and_the_exit_codes() {
    for args in [vec!["--help"], vec!["build", "--help"], vec!["check", "--help"]] {
        let output = planportal(&args);
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        let help = stdout(&output);
        assert!(help.contains("Exit codes:") && help.contains("1  content problems"), "{args:?}:\n{help}");
    }
    // Flags and their help as one line each, however clap wraps them.
    let words = |output: Output| stdout(&output).split_whitespace().collect::<Vec<_>>().join(" ");
    let build = words(planportal(&["build", "--help"]));
    for flag in ["-o, --output-dir <DIR>", "[alias: --output]", "-u, --base-url <URL>", "Examples:"] {
        assert!(build.contains(flag), "build --help lacks {flag}:\n{build}");
    }
    let serve = words(planportal(&["serve", "--help"]));
    for flag in ["-p, --port <PORT>", "-i, --bind <BIND>", "-u, --base-url <URL>", "Examples:"] {
        assert!(serve.contains(flag), "serve --help lacks {flag}:\n{serve}");
    }
}

#[test]
fn base_url_builds_for_a_sub_path_without_touching_config_toml() {
    let site = TestSite::minimal();
    let config = site.read("config.toml");
    let output = site.run(&["build", "--quiet", "--base-url", "https://example.ro/portal/"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_site_is_whole(&read_tree(&site.root().join("public")), "https://example.ro/portal/", "/portal/");
    assert_eq!(site.read("config.toml"), config);
    // Without the flag, the next build is for config.toml's base_url again.
    let output = site.run(&["build", "--quiet"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_site_is_whole(&read_tree(&site.root().join("public")), "http://127.0.0.1:1111/", "/");
}

#[test]
fn output_dir_its_short_flag_and_the_old_output_flag_all_write_there() {
    let site = TestSite::minimal();
    let out = tempfile::tempdir().expect("temp dir");
    for flag in ["-o", "--output-dir", "--output"] {
        let target = out.path().join(flag.trim_start_matches('-'));
        let output = site.run(&["build", "-q", flag, path(&target)]);
        assert!(output.status.success(), "{flag}: {}", stderr(&output));
        assert!(target.join("index.html").is_file(), "{flag} wrote no index.html");
    }
    assert!(!site.root().join("public").exists());
}

#[test]
fn serve_with_a_sub_path_base_url_serves_the_site_under_it() {
    let site = TestSite::minimal();
    let server =
        Serve::start_with(&site, &[], |port| vec!["-u".to_owned(), format!("http://127.0.0.1:{port}/portal/")]);
    let (status, _, home) = server.request("GET", "/portal/");
    assert_eq!(status, 200);
    assert!(home.contains("/portal/style.css"), "the pages link under /portal/:\n{home}");
    let (status, head, _) = server.request("GET", "/");
    assert_eq!(status, 302);
    assert!(head.to_ascii_lowercase().contains("location: /portal/"), "{head}");
    assert_eq!(server.request("GET", "/judete/").0, 404, "nothing is served outside /portal/");
    assert!(server.lines().iter().any(|l| l.contains("/portal/ (Ctrl+C to stop)")), "{:?}", server.lines());
}

#[test]
fn init_makes_a_site_that_checks_and_builds_and_refuses_a_folder_with_files() {
    let parent = tempfile::tempdir().expect("temp dir");
    let dir = parent.path().join("portal-nou");
    let output = planportal(&["init", path(&dir)]);
    assert!(output.status.success(), "{}", stderr(&output));
    for file in ["config.toml", "README.md", "content/counties.yaml", "themes/default/templates/base.html"] {
        assert!(dir.join(file).is_file(), "init wrote no {file}");
    }
    assert!(dir.join("content/plans").is_dir());
    let check = planportal(&["check", "--root", path(&dir)]);
    assert!(check.status.success(), "check of a new site: {}", stderr(&check));
    let build = planportal(&["build", "--root", path(&dir)]);
    assert!(build.status.success(), "build of a new site: {}", stderr(&build));
    assert!(dir.join("public/index.html").is_file());
    // Again into the same folder: refused, and the edited config is kept.
    std::fs::write(dir.join("config.toml"), "title = \"Al meu\"\nbase_url = \"/\"\n").expect("write");
    let again = planportal(&["init", path(&dir)]);
    assert_eq!(again.status.code(), Some(2), "{}", stderr(&again));
    assert!(stderr(&again).contains("is not empty"), "{}", stderr(&again));
    assert_eq!(
        std::fs::read_to_string(dir.join("config.toml")).expect("read"),
        "title = \"Al meu\"\nbase_url = \"/\"\n"
    );
}

#[test]
fn completion_bash_is_a_script_bash_accepts_and_defines_the_completion() {
    let output = planportal(&["completion", "bash"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let dir = tempfile::tempdir().expect("temp dir");
    let script = dir.path().join("planportal.bash");
    std::fs::write(&script, &output.stdout).expect("write");
    let syntax = Command::new("bash").arg("-n").arg(&script).output().expect("run bash -n");
    assert!(syntax.status.success(), "bash -n refused it: {}", stderr(&syntax));
    let sourced = Command::new("bash")
        .arg("-c")
        .arg(format!("source '{}' && complete -p planportal", path(&script)))
        .output()
        .expect("run bash");
    assert!(sourced.status.success(), "{}", stderr(&sourced));
    assert!(stdout(&sourced).contains("-F _planportal planportal"), "{}", stdout(&sourced));
    assert!(String::from_utf8_lossy(&output.stdout).contains("--base-url"), "the script completes the flags");
}

#[test]
fn the_readme_lists_every_command() {
    let readme = std::fs::read_to_string(crate::support::repo().join("README.md")).expect("README.md");
    let command = <planportal::cli::Cli as clap::CommandFactory>::command();
    let missing: Vec<&str> = command
        .get_subcommands()
        .map(|c| c.get_name())
        .filter(|name| !readme.contains(&format!("`planportal {name}")))
        .collect();
    assert!(missing.is_empty(), "README.md's commands table lacks {missing:?}");
}
