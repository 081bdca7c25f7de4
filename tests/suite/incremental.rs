//! The rebuild `serve` makes after an edit (issue 21): pages of plans the edit cannot reach are
//! taken from the published site without their context being made (`render::Inputs`), the
//! others compared by key. After each kind of edit, the site it publishes is the one a full
//! build of the edited content publishes, byte for byte.

use std::path::Path;

use planportal::build::{Built, Series, Settings, Source};

use crate::support::{TestSite, read_tree};

/// Builds `site` into `output` as `serve` does (`previous`: the build before), or as
/// `planportal build` does when `once`.
fn publish(site: &TestSite, output: &Path, series: Series<'_>) -> Built {
    let settings = Settings { base_url: None, series };
    planportal::build::publish(Source::Folder(site.root()), &settings, output)
        .expect("build")
        .unwrap_or_else(|d| panic!("{}", d.render()))
}

/// Applies `edit` to a file of `site` (a path from its root): `from` becomes `to`, once.
fn edit(site: &TestSite, file: &str, from: &str, to: &str) {
    let text = site.read(file);
    assert_eq!(text.matches(from).count(), 1, "{from:?} once in {file}");
    site.write(file, &text.replacen(from, to, 1));
}

/// Edits a note of Bacău's operational plan, which shares no national objective with another
/// plan.
fn edit_bacau_note(site: &TestSite) {
    let text = "Portalul arată liniuța, așa cum este tipărită.";
    edit(site, "content/plans/bacau-plan-operational-servicii-sociale-2014-2024.yaml", text, &format!("{text} EDITAT"));
}

/// The rebuild after `previous`, checked against a full build of the same content: the same
/// files with the same bytes.
fn rebuild_as_full(site: &TestSite, previous: &Built, what: &str) -> Built {
    let incremental = site.root().join("public");
    let after = publish(site, &incremental, Series::After(&previous.kept));
    let full = site.root().join("full");
    publish(site, &full, Series::Once);
    let (got, want) = (read_tree(&incremental), read_tree(&full));
    let names = |t: &std::collections::BTreeMap<String, Vec<u8>>| t.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(&got), names(&want), "{what}: the same files");
    let differ: Vec<&String> =
        got.iter().filter(|(path, bytes)| want.get(path.as_str()) != Some(*bytes)).map(|(p, _)| p).collect();
    assert!(differ.is_empty(), "{what}: {} files differ from a full build's: {differ:?}", differ.len());
    after
}

/// Which plans' own pages the rebuild took without making them, by plan id.
fn unchanged_plans(after: &Built, before: &Built, site: &TestSite) -> Option<Vec<String>> {
    let mut ids: Vec<String> = std::fs::read_dir(site.root().join("content/plans"))
        .expect("plans")
        .map(|e| e.expect("entry").path().file_stem().expect("stem").to_string_lossy().into_owned())
        .collect();
    ids.sort();
    let unchanged = after.kept.inputs.unchanged_plans(&before.kept.inputs)?;
    Some(ids.into_iter().zip(unchanged).filter(|(_, same)| *same).map(|(id, _)| id).collect())
}

#[test]
fn a_rebuild_after_each_kind_of_edit_publishes_what_a_full_build_does() {
    let site = TestSite::bundled();
    let first = publish(&site, &site.root().join("public"), Series::First);
    let caras = "content/plans/caras-severin-droguri-2022-2026.yaml";

    // An objective's wording in a plan that shares national objectives with another county's:
    // the other plan's objective pages list it.
    edit(&site, caras, "adresate populației generale.\n", "adresate populației generale. EDITAT\n");
    let after = rebuild_as_full(&site, &first, "an objective's wording");
    let same = unchanged_plans(&after, &first, &site).expect("only a plan changed");
    assert_eq!(
        same,
        ["bacau-plan-operational-servicii-sociale-2014-2024", "ialomita-plan-actiune-servicii-sociale-2024"],
        "the plans sharing no national objective with the edited one"
    );

    // An objective no longer linked to its national objective: the plans still linked to it
    // change, though the edited plan no longer names it.
    edit(&site, caras, "        framework: snd-2022-2026/prevenire-universala\n", "");
    let before = after;
    let after = rebuild_as_full(&site, &before, "a national objective unlinked");
    assert!(
        !unchanged_plans(&after, &before, &site).expect("only a plan").contains(&"cluj-droguri-2022-2026".to_owned())
    );

    // A plan that shares nothing with the others: only its own pages are made again.
    edit_bacau_note(&site);
    let before = after;
    let after = rebuild_as_full(&site, &before, "a plan's note");
    assert_eq!(unchanged_plans(&after, &before, &site).expect("only a plan").len(), 3);

    // An institution's name, a document's text, the national framework and a theme: any plan
    // may show them, every page is compared by key again.
    let document = "content/documents/cluj-napoca-consultare-servicii-sociale-2023-06-16.md";
    let mut after = after;
    for (file, from, to) in [
        (
            "content/institutions/bacau.yaml",
            "name: Consiliul Județean Bacău\n",
            "name: Consiliul Județean Bacău EDITAT\n",
        ),
        (document, "politici de incluziune socială eficient", "politici de incluziune socială eficient EDITAT"),
        (
            "content/frameworks/snd-2022-2026.yaml",
            "title: Strategia Națională Antidrog 2022-2026\n",
            "title: Strategia Națională Antidrog 2022-2026 EDITAT\n",
        ),
        ("content/themes.yaml", "  name: Persoane vârstnice\n", "  name: Persoane vârstnice EDITAT\n"),
    ] {
        edit(&site, file, from, to);
        let before = after;
        after = rebuild_as_full(&site, &before, file);
        assert_eq!(unchanged_plans(&after, &before, &site), None, "{file}: not only plans changed");
    }

    // A template and the config: every page shows them.
    edit(
        &site,
        "themes/default/templates/base.html",
        "<p>Site static, fără urmărire",
        "<p>EDITAT. Site static, fără urmărire",
    );
    let before = after;
    let after = rebuild_as_full(&site, &before, "a template");
    // The content is as it was, but every page shows the templates: the stamp the pages were
    // made under differs, so each one is made again.
    assert_eq!(unchanged_plans(&after, &before, &site).expect("only a template").len(), 4);
    assert_eq!(after.rendered, after.pages, "a template changed: every page made again");
    edit(&site, "config.toml", "title = \"Planuri publice\"\n", "title = \"Planuri publice EDITAT\"\n");
    let before = after;
    let after = rebuild_as_full(&site, &before, "the config");
    assert_eq!(after.rendered, after.pages, "the config changed: every page made again");

    // A file renamed (its id is inside it, so only the source it is cited from moves) and a
    // file deleted: the document and every page that listed it go.
    let institutions = site.root().join("content/institutions");
    std::fs::rename(institutions.join("cluj-napoca.yaml"), institutions.join("cluj-napoca-municipiu.yaml"))
        .expect("rename");
    let before = after;
    let after = rebuild_as_full(&site, &before, "an institution file renamed");
    assert_eq!(unchanged_plans(&after, &before, &site), None, "a file was renamed");
    std::fs::remove_file(site.root().join(document)).expect("delete");
    let before = after;
    let after = rebuild_as_full(&site, &before, "a document deleted");
    assert_eq!(unchanged_plans(&after, &before, &site), None, "a file was deleted");
    let gone = site.root().join("public/documente/cluj-napoca-consultare-servicii-sociale-2023-06-16");
    assert!(!gone.exists(), "the deleted document's page is gone");

    // Nothing changed: every plan's pages are taken as they were, and every other page too;
    // so are the tables' CSV and XLSX files, the same files as before (hard links of them).
    let tables = ["public/date/activitati.xlsx", "public/date/activitati.csv", "public/date/judete.csv"];
    let file = |path: &str| {
        std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(site.root().join(path)).expect("published"))
    };
    let files_before: Vec<u64> = tables.iter().map(|t| file(t)).collect();
    let before = after;
    let after = rebuild_as_full(&site, &before, "no edit");
    let files_after: Vec<u64> = tables.iter().map(|t| file(t)).collect();
    assert_eq!(files_after, files_before, "an unchanged table's files are taken from the published site");
    assert_eq!(unchanged_plans(&after, &before, &site).expect("nothing changed").len(), 4);
    assert_eq!(after.rendered, 0);
}

/// How many pages `planportal build -v` says it rendered, of how many.
fn rendered(output: &std::process::Output) -> (usize, usize) {
    assert!(output.status.success(), "build: {}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout.lines().find(|l| l.ends_with("pages rendered")).expect("the count of pages rendered");
    let numbers: Vec<usize> = line.split_whitespace().filter_map(|w| w.parse().ok()).collect();
    (numbers[0], numbers[1])
}

#[test]
fn build_takes_what_an_edit_did_not_change_from_the_site_it_published_before() {
    let site = TestSite::bundled();
    let state = site.root().join(".public.state.json");
    let (_, pages) = rendered(&site.run(&["build", "-v"]));
    assert!(state.is_file(), "the state is kept beside the output");

    // Nothing changed: nothing is made again.
    assert_eq!(rendered(&site.run(&["build", "-v"])), (0, pages));

    // A plan edited: only what it changed is made again, and the site is a full build's.
    edit_bacau_note(&site);
    let (again, _) = rendered(&site.run(&["build", "-v"]));
    assert!(0 < again && again < pages / 2, "{again} of {pages} pages made again");
    let full = site.root().join("full");
    let output = site.run(&["build", "--full", "--output", full.to_str().expect("UTF-8")]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(read_tree(&site.root().join("public")), read_tree(&full), "the same site as a full build");

    // A published site replaced by another folder (a copy, a restore, another program): the
    // state describes another folder, every page is made again.
    let public = site.root().join("public");
    crate::support::copy_tree(&public, &site.root().join("copy"));
    std::fs::remove_dir_all(&public).expect("remove");
    std::fs::rename(site.root().join("copy"), &public).expect("rename");
    assert_eq!(rendered(&site.run(&["build", "-v"])), (pages, pages));

    // Another base URL, or --full: every page made again; --full keeps no state.
    assert_eq!(rendered(&site.run(&["build", "-v", "-u", "https://example.ro/portal/"])), (pages, pages));
    assert_eq!(rendered(&site.run(&["build", "-v", "--full"])), (pages, pages));
    assert!(!state.exists(), "--full keeps no state");
    assert_eq!(rendered(&site.run(&["build", "-v"])), (pages, pages));
    assert!(state.is_file());

    // Content problems stop a build before it publishes: the state still describes the site.
    site.write("content/plans/rupt.yaml", "title: [");
    assert_eq!(site.run(&["build", "-v"]).status.code(), Some(1));
    std::fs::remove_file(site.root().join("content/plans/rupt.yaml")).expect("remove");
    assert_eq!(rendered(&site.run(&["build", "-v"])), (0, pages));

    // A state that cannot be read is no error: the build is a full one.
    std::fs::write(&state, "{").expect("write");
    assert_eq!(rendered(&site.run(&["build", "-v"])), (pages, pages));
}
