//! How content messages are printed: in Romanian unless `--lang en` or an English locale asks
//! for English, coloured on a terminal, plain through a pipe or with `NO_COLOR`.

use std::process::Command;

use crate::support::{LOCALE_AND_COLOUR, TestSite, fixtures, plain_planportal, stderr};

/// A site with one content error (an unknown county).
fn bad_site() -> TestSite {
    let site = TestSite::minimal();
    site.overlay(&fixtures().join("bad/unknown-county"));
    site
}

/// `check`'s standard error with `env` set.
fn check_with(site: &TestSite, args: &[&str], env: &[(&str, &str)]) -> String {
    let mut command = plain_planportal();
    command.arg("check").args(args).arg("--root").arg(site.root());
    command.envs(env.iter().copied());
    stderr(&command.output().expect("run planportal"))
}

#[test]
fn the_locale_chooses_the_language_and_lang_overrides_it() {
    let site = bad_site();
    let romanian = check_with(&site, &[], &[]);
    assert!(romanian.starts_with("eroare: județ necunoscut `cluuj`\n"), "{romanian}");
    assert!(romanian.contains("= ajutor: ") && romanian.ends_with("\n1 eroare\n"), "{romanian}");
    let english = check_with(&site, &[], &[("LANG", "en_GB.UTF-8")]);
    assert!(english.starts_with("error: unknown county `cluuj`\n"), "{english}");
    assert!(english.contains("= help: ") && english.ends_with("\n1 error\n"), "{english}");
    // LC_ALL comes before LANG, as POSIX has it.
    assert_eq!(check_with(&site, &[], &[("LANG", "en_GB.UTF-8"), ("LC_ALL", "ro_RO.UTF-8")]), romanian);
    assert_eq!(check_with(&site, &[], &[("LC_MESSAGES", "en_US.UTF-8")]), english);
    assert_eq!(check_with(&site, &["--lang", "ro"], &[("LANG", "en_GB.UTF-8")]), romanian);
    assert_eq!(check_with(&site, &["--lang", "en"], &[]), english);
}

#[test]
fn a_pipe_or_no_color_gives_plain_text_and_clicolor_force_colour() {
    let site = bad_site();
    let piped = check_with(&site, &[], &[]);
    assert!(!piped.contains('\u{1b}'), "a pipe must get plain text: {piped:?}");
    let forced = check_with(&site, &[], &[("CLICOLOR_FORCE", "1")]);
    assert!(forced.contains("\u{1b}["), "CLICOLOR_FORCE=1 must colour: {forced:?}");
    let refused = check_with(&site, &[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]);
    assert_eq!(refused, piped, "NO_COLOR wins over CLICOLOR_FORCE");
}

/// `check` run on a pseudo-terminal by util-linux's `script`, which copies what the program
/// wrote to the terminal to its own standard output.
fn check_on_terminal(site: &TestSite, env: &[(&str, &str)]) -> String {
    let command = format!("'{}' check --root '{}'", env!("CARGO_BIN_EXE_planportal"), site.root().display());
    let mut script = Command::new("script");
    script.args(["-q", "-e", "-c", &command, "/dev/null"]);
    for name in LOCALE_AND_COLOUR {
        script.env_remove(name);
    }
    script.envs(env.iter().copied());
    let output = script.output().expect("util-linux `script` runs (the test needs a pseudo-terminal)");
    assert_eq!(output.status.code(), Some(1), "check must exit 1 on the terminal too");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_terminal_gives_colour_unless_no_color() {
    let site = bad_site();
    let terminal = check_on_terminal(&site, &[]);
    assert!(terminal.contains("\u{1b}["), "a terminal must get colour: {terminal:?}");
    assert!(terminal.contains("județ necunoscut `cluuj`"), "{terminal:?}");
    let no_color = check_on_terminal(&site, &[("NO_COLOR", "1")]);
    assert!(!no_color.contains('\u{1b}'), "NO_COLOR=1 must give plain text: {no_color:?}");
    assert!(no_color.contains("eroare: județ necunoscut `cluuj`"), "{no_color:?}");
}

#[test]
fn the_authoring_guide_shows_a_real_romanian_error() {
    let guide = std::fs::read_to_string(crate::support::repo().join("docs/authoring.md")).expect("guide");
    let example = guide
        .split("```\neroare: ")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .map(|block| format!("eroare: {block}\n"))
        .expect("docs/authoring.md shows an error in a ``` block starting with `eroare: `");
    let expected = std::fs::read_to_string(fixtures().join("bad/unknown-institution/expected.ro.txt")).expect("case");
    assert!(expected.starts_with(&example), "the guide's example is not what check prints:\n{example}");
}
