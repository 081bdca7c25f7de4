//! Regressions: one test per defect found by trying the portal as an attacker and a careless
//! operator would (issue 15), named after the defect, its case a fixture under
//! `tests/fixtures/regressions/<test name>/` where it is a site. docs/reliability.md lists them.

#![allow(clippy::unwrap_used)]

#[allow(unused_imports)]
use crate::support::{TestSite, fixtures, stderr, stdout};

/// Issue 15, item 3: `build --output` pointed at the site itself, at its content/ or at a folder
/// of someone else's files is refused and changes nothing, where it used to replace it whole.
#[test]
fn build_refuses_an_output_that_is_the_site_or_a_foreign_folder() {
    use publish_support::entries;
    let case = fixtures().join("regressions/build_refuses_an_output_that_is_the_site_or_a_foreign_folder");
    let site = TestSite::minimal();
    crate::support::copy_tree(&case.join("foreign"), &site.root().join("notes"));
    let root = site.root().display().to_string();
    let before = entries(site.root());
    let cases = [
        (
            site.root().to_path_buf(),
            format!(
                "error: refusing to build into {root}: it is the site folder, or holds it, and publishing \
                 would replace the site's own files\n  hint: build into a folder of its own, such as public/ \
                 under the site (the default); --force does not change this\n"
            ),
        ),
        (
            site.root().join("content"),
            format!(
                "error: refusing to build into {root}/content: it is the site's content/ folder, or inside \
                 it, which the build reads\n  hint: build into a folder of its own, such as public/ under the \
                 site (the default); --force does not change this\n"
            ),
        ),
        (
            site.root().join("notes"),
            format!(
                "error: refusing to build into {root}/notes: the folder is not empty and was not written by \
                 planportal (it has no .planportal file), and publishing replaces it whole\n  hint: choose an \
                 empty or new folder, or add --force to replace this one and everything in it\n"
            ),
        ),
    ];
    for (output, expected) in cases {
        let run = site.run(&["build", "--output", &output.display().to_string()]);
        assert_eq!(run.status.code(), Some(2), "--output {}: {}", output.display(), stderr(&run));
        assert_eq!(stderr(&run), expected);
        assert_eq!(entries(site.root()), before, "--output {} changed the site", output.display());
    }
    // --force replaces the foreign folder, and only that.
    let run = site.run(&["build", "--force", "--output", &site.root().join("notes").display().to_string()]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(site.root().join("notes/index.html").is_file() && !site.root().join("notes/notes.txt").exists());
}

/// Issue 15, item 4: a build killed at any step of publishing leaves the published site whole
/// (publishing used to be two renames, and a kill between them left no site at all).
#[test]
fn a_killed_build_leaves_the_published_site_whole() {
    use publish_support::{STEPS, paused_build};
    let site = TestSite::minimal();
    let before = crate::site::build(&site);
    let public = site.root().join("public");
    let mut paused = Vec::new();
    for step in STEPS {
        if let Some(mut build) = paused_build(&site, step, &[]) {
            build.kill().unwrap();
            build.wait().unwrap();
            paused.push(step);
        }
        assert!(public.is_dir(), "killed at `{step}`: no published site at all");
        assert_eq!(crate::site::read_tree(&public), before, "killed at `{step}`: the published site is not whole");
    }
    for step in ["staged", "written", "swapped"] {
        assert!(paused.contains(&step), "the build never paused at `{step}`: {paused:?}");
    }
}

/// Issue 15, item 4: what a killed build leaves beside the output (`public.tmp-*`,
/// `public.old-*`) is removed, or put back when it is the only published site, by the next build.
#[test]
fn the_next_build_cleans_up_after_a_killed_one() {
    use publish_support::{STEPS, leftovers, paused_build};
    let site = TestSite::minimal();
    let before = crate::site::build(&site);
    for step in STEPS {
        if let Some(mut build) = paused_build(&site, step, &[]) {
            build.kill().unwrap();
            build.wait().unwrap();
        }
        assert_eq!(crate::site::build(&site), before, "the build after one killed at `{step}`");
        assert_eq!(leftovers(site.root()), Vec::<String>::new(), "left after a build killed at `{step}`");
    }
    // Where the file system cannot exchange two folders atomically, publishing falls back to two
    // renames, and a build killed between them leaves the site only as public.old-*: the next
    // build puts it back first, so that even one that then stops on bad content leaves the
    // site published.
    let mut build = paused_build(&site, "aside", &[("PLANPORTAL_TEST_NO_EXCHANGE", "1")]).expect("the fallback");
    build.kill().unwrap();
    build.wait().unwrap();
    site.write("content/plans/rupt.yaml", "title: [");
    let run = site.run(&["build"]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert_eq!(crate::site::read_tree(&site.root().join("public")), before, "the site moved aside was not put back");
    assert_eq!(leftovers(site.root()), Vec::<String>::new());
    // And the fallback, not killed, publishes as the exchange does.
    std::fs::remove_file(site.root().join("content/plans/rupt.yaml")).unwrap();
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_planportal"))
        .args(["build", "--root"])
        .arg(site.root())
        .env("PLANPORTAL_TEST_NO_EXCHANGE", "1")
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(crate::site::read_tree(&site.root().join("public")), before);
    assert_eq!(leftovers(site.root()), Vec::<String>::new());
}

/// Issue 15, item 4: a second build into the same output while one is publishing is refused
/// with a clear message, and the published site stays whole.
#[test]
fn a_second_build_into_the_same_output_is_refused() {
    use publish_support::{leftovers, paused_build};
    let site = TestSite::minimal();
    let before = crate::site::build(&site);
    let mut first = paused_build(&site, "written", &[]).expect("the first build pauses before publishing");
    let second = site.run(&["build"]);
    first.kill().unwrap();
    first.wait().unwrap();
    let public = site.root().join("public");
    assert_eq!(second.status.code(), Some(2), "{}", stderr(&second));
    assert_eq!(
        stderr(&second),
        format!(
            "error: another planportal build is publishing to {}: it holds {}\n  hint: wait for it to end, \
             then build again\n",
            public.display(),
            site.root().join(".public.lock").display()
        )
    );
    assert_eq!(crate::site::read_tree(&public), before);
    assert_eq!(crate::site::build(&site), before);
    assert_eq!(leftovers(site.root()), Vec::<String>::new());
}

mod publish_support {
    use std::collections::BTreeMap;
    use std::io::{BufRead, BufReader};
    use std::path::Path;
    use std::process::{Child, Command, Stdio};

    use crate::support::TestSite;

    /// The steps of publishing where a build can be told to pause (src/output.rs, `pause`); a
    /// step that a build does not go through (`aside` when the file system exchanges atomically)
    /// is run to the end.
    pub const STEPS: [&str; 4] = ["staged", "written", "aside", "swapped"];

    /// `build` on `site` with `env`, paused at `step` for a minute (the test kills it there), or
    /// None when the build never reached `step` and ran to its end.
    pub fn paused_build(site: &TestSite, step: &str, env: &[(&str, &str)]) -> Option<Child> {
        let mut child = Command::new(env!("CARGO_BIN_EXE_planportal"))
            .args(["build", "--quiet", "--root"])
            .arg(site.root())
            .envs(env.iter().copied())
            .env("PLANPORTAL_TEST_PAUSE_MS", "60000")
            .env("PLANPORTAL_TEST_PAUSE_AT", step)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run planportal");
        let stderr = BufReader::new(child.stderr.take().expect("stderr"));
        let announced = format!("test pause: {step}");
        if stderr.lines().map_while(Result::ok).any(|line| line == announced) {
            return Some(child);
        }
        child.wait().expect("wait");
        None
    }

    /// The folders a build leaves beside `public/` while it publishes.
    pub fn leftovers(root: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(root)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("public.tmp-") || n.starts_with("public.old-"))
            .collect();
        names.sort();
        names
    }

    /// Every file (with its bytes) and folder under `root`, and the lock files and folders beside it.
    pub fn entries(root: &Path) -> BTreeMap<String, Option<Vec<u8>>> {
        let beside = root.parent().expect("parent");
        let prefix = root.file_name().expect("name").to_string_lossy().into_owned();
        let mut all: BTreeMap<String, Option<Vec<u8>>> = std::fs::read_dir(beside)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n != &prefix && n.contains(&prefix))
            .map(|n| (format!("../{n}"), None))
            .collect();
        for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
            let entry = entry.expect("entry");
            let relative = entry.path().strip_prefix(root).expect("inside").to_string_lossy().into_owned();
            let bytes = entry.file_type().is_file().then(|| std::fs::read(entry.path()).expect("read"));
            all.insert(relative, bytes);
        }
        all
    }
}
