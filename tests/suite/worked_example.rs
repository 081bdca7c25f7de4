//! docs/authoring.md's worked example ("Exemplu complet: planul unui județ nou"), followed to the
//! letter in a copy of the bundled site: its `sh` blocks are run in order and each of its files
//! is written where the line before it names, so the guide cannot drift from the program. Also
//! what `new institution` refuses.

use crate::support::{TestSite, repo, stderr, stdout};

/// One step of the worked example, in the order of the guide.
#[derive(Debug)]
enum Step {
    /// A `planportal` command line, without the program's name.
    Run(Vec<String>),
    /// A file to write: its path under the site root and its text.
    Write(String, String),
}

/// The steps of the guide's section `heading`: each command of its `sh` blocks, and each other
/// block as the file named (`content/...`, in backquotes) by the line that introduces it.
fn steps(guide: &str, heading: &str) -> Vec<Step> {
    let start = guide.find(heading).unwrap_or_else(|| panic!("docs/authoring.md has no section {heading}"));
    let section = &guide[start + heading.len()..];
    let section = &section[..section.find("\n## ").unwrap_or(section.len())];
    let mut steps = Vec::new();
    let mut lines = section.lines();
    let mut introduction = "";
    while let Some(line) = lines.next() {
        let Some(language) = line.strip_prefix("```") else {
            if !line.trim().is_empty() {
                introduction = line;
            }
            continue;
        };
        let block: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
        if language == "sh" {
            for command in block {
                let words: Vec<String> = command.split_whitespace().map(str::to_owned).collect();
                assert_eq!(words.first().map(String::as_str), Some("planportal"), "{command}");
                steps.push(Step::Run(words[1..].to_vec()));
            }
        } else {
            let path = introduction.trim_end().strip_suffix(':').and_then(|l| l.rsplit('`').nth(1));
            let path = path.filter(|p| p.starts_with("content/"));
            let path =
                path.unwrap_or_else(|| panic!("no `content/…` file named before the block after: {introduction}"));
            steps.push(Step::Write(path.to_owned(), block.join("\n") + "\n"));
        }
    }
    steps
}

/// The `- id:` lines of a YAML list, in order.
fn ids(yaml: &str) -> Vec<&str> {
    yaml.lines().filter(|l| l.starts_with("- id:")).collect()
}

#[test]
fn the_worked_example_of_the_guide_scaffolds_fills_checks_and_builds_a_new_county_plan() {
    let guide = std::fs::read_to_string(repo().join("docs/authoring.md")).expect("guide");
    let steps = steps(&guide, "## Exemplu complet: planul unui județ nou");
    let runs = steps.iter().filter(|s| matches!(s, Step::Run(_))).count();
    assert!(runs >= 6 && steps.len() >= runs + 3, "the example lost its steps: {steps:?}");
    let site = TestSite::bundled();
    for step in &steps {
        match step {
            Step::Run(args) => {
                let args: Vec<&str> = args.iter().map(String::as_str).collect();
                let output = site.run_with_limit(&args);
                assert_eq!(
                    output.status.code(),
                    Some(0),
                    "planportal {args:?}:\n{}{}",
                    stdout(&output),
                    stderr(&output)
                );
                if args[0] == "new" {
                    // What `new` wrote is refused until its placeholders are replaced.
                    let check = site.run(&["check"]);
                    assert_eq!(check.status.code(), Some(1), "a fresh skeleton passes check");
                    assert!(stderr(&check).contains("`COMPLETAȚI` marks a value still to fill in"));
                }
                if args[0] == "check" {
                    assert!(!stderr(&output).contains("error:"), "{}", stderr(&output));
                }
            }
            Step::Write(path, text) => {
                if path.starts_with("content/institutions/") {
                    // The filled file keeps every institution the skeleton wrote, and their ids.
                    assert_eq!(ids(text), ids(&site.read(path)), "{path}");
                }
                site.write(path, text);
            }
        }
    }
    let suggest = stdout(&site.run(&["suggest"]));
    assert!(suggest.contains("objective 1.2. „Creșterea gradului de informare a elevilor"), "{suggest}");
    assert!(suggest.contains("no framework objective is similar enough"), "{suggest}");
    let anchors = site.read("content/anchors/vaslui-droguri-2024-2026.yaml");
    assert!(anchors.contains("oi-1-a:") && anchors.contains("os-1-2:") && anchors.contains("a-1-1-1:"), "{anchors}");
    // The pages are minified: attribute values without quotes.
    let page = site.read("public/planuri/vaslui-droguri-2024-2026/index.html");
    for shown in [
        "id=oi-1-a>",
        "<span class=level>Obiectiv intermediar</span> <span class=num>1.A.</span>",
        "<dt>Rezultate</dt>",
        "elevi informați despre riscurile consumului de droguri",
        "/institutii/agentia-nationala-antidrog/",
        "/institutii/cpeca-vaslui/",
    ] {
        assert!(page.contains(shown), "the plan page lacks {shown}");
    }
    let ana = site.read("public/institutii/agentia-nationala-antidrog/index.html");
    assert!(ana.contains("Campanii de informare în școlile din județ"), "ANA's page lacks its activity");
    let objective = site.read("public/planuri/vaslui-droguri-2024-2026/os-1-2/index.html");
    assert!(objective.contains("Obiectiv intermediar 1.A.: Prevenirea consumului de droguri în mediul școlar"));
    // The plan's JSON carries the intermediate level and the results column, within its schema.
    let read = |path: &str| -> serde_json::Value { serde_json::from_str(&site.read(path)).expect("JSON") };
    let json = read("public/date/planuri/vaslui-droguri-2024-2026.json");
    assert_eq!(json["labels"]["results"], "Rezultate");
    assert_eq!(json["objectives"][0]["intermediate"]["number"], "1.A.");
    assert_eq!(
        json["objectives"][0]["activities"][0]["results"][0],
        "elevi informați despre riscurile consumului de droguri"
    );
    let errors = crate::schema::plan_errors(&read("public/date/planuri.schema.json"), &json);
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn new_institution_refuses_an_unknown_county_and_an_existing_file() {
    let site = TestSite::bundled();
    let unknown = site.run(&["new", "institution", "--county", "atlantida"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("unknown county `atlantida`"), "{}", stderr(&unknown));
    let bad_type = site.run(&["new", "institution", "--county", "vaslui", "--type", "dspp"]);
    assert_eq!(bad_type.status.code(), Some(2));
    assert!(stderr(&bad_type).contains("unknown institution type `dspp`"), "{}", stderr(&bad_type));
    assert!(!site.root().join("content/institutions/vaslui.yaml").exists(), "a refused command wrote a file");
    let before = site.read("content/institutions/cluj.yaml");
    let existing = site.run(&["new", "institution", "--county", "cluj"]);
    assert_eq!(existing.status.code(), Some(2));
    assert!(stderr(&existing).contains("already exists"), "{}", stderr(&existing));
    assert_eq!(site.read("content/institutions/cluj.yaml"), before, "new overwrote a file");
    // Without --type, the usual county bodies, each with its abbreviation.
    let usual = site.run(&["new", "institution", "--county", "vaslui"]);
    assert!(usual.status.success(), "{}", stderr(&usual));
    let text = site.read("content/institutions/vaslui.yaml");
    assert_eq!(ids(&text).len(), 9, "{text}");
    assert!(text.contains("- id: dgaspc-vaslui\n  type: dgaspc\n  county: vaslui\n"), "{text}");
    assert!(text.contains("  aliases: [DGASPC, DGASPC Vaslui]\n"), "{text}");
}
