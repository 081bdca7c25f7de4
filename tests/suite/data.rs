//! Open data: `activitati.csv` read back as a spreadsheet would, field by field against the
//! model; the per-page downloads exist; the feed's links exist in the build.

use std::collections::BTreeMap;
use std::path::Path;

use crate::site::build;
use crate::support::{TestSite, bundled_built};

const HEADER: &str = "plan_id,judet,judet_nume,plan,tip_plan,tip_plan_denumire,grupare,obiectiv_general_numar,obiectiv_general_text,obiectiv_intermediar_numar,obiectiv_intermediar_text,obiectiv_specific_id,obiectiv_specific_numar,obiectiv_specific_text,activitate_id,activitate_cheie,activitate_id_anterioare,activitate_numar,activitate_text,indicatori,rezultate,termen,an_inceput,an_sfarsit,termen_evaluare,responsabili,responsabili_id,parteneri,parteneri_id,finantare,teme,localitati,obiectiv_national,note,url,stadiu,stadiu_denumire,stadiu_data,stadiu_raport,stadiu_randuri";

fn check_activities_csv(root: &Path, files: &BTreeMap<String, Vec<u8>>) {
    let bytes = &files["date/activitati.csv"];
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "the CSV must start with a UTF-8 byte-order mark");
    let text = std::str::from_utf8(&bytes[3..]).expect("UTF-8");
    assert_eq!(text.lines().next(), Some(HEADER));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a valid CSV row")).collect();
    let model = planportal::build::load(planportal::build::Source::Folder(root))
        .unwrap_or_else(|d| panic!("{}", d.render()))
        .site;
    let activities: Vec<(&planportal::model::Plan, &planportal::model::Activity)> =
        model.plans.iter().flat_map(|p| p.activities().map(move |a| (p, a))).collect();
    assert_eq!(rows.len(), activities.len(), "one row per activity of the model");
    let base = "http://127.0.0.1:1111/";
    for (row, (plan, activity)) in rows.iter().zip(&activities) {
        let names = |actors: &[planportal::model::ActorRef]| {
            actors.iter().map(|a| model.institution(a.institution).name.clone()).collect::<Vec<_>>().join(" ; ")
        };
        let years = activity.period.as_deref().and_then(planportal::export::deadline::years);
        let year = |y: Option<u16>| y.map(|y| y.to_string()).unwrap_or_default();
        let checks = [
            ("plan_id", plan.id.clone()),
            ("judet", model.county(plan.county).slug.clone()),
            ("judet_nume", model.county(plan.county).name.clone()),
            ("plan", plan.title.clone()),
            ("tip_plan", plan.plan_type.code().to_owned()),
            ("tip_plan_denumire", plan.plan_type.label().to_owned()),
            ("activitate_id", activity.anchor.clone()),
            ("activitate_cheie", format!("{}/{}", plan.id, activity.anchor)),
            ("activitate_id_anterioare", activity.previous_ids.join(" ; ")),
            ("activitate_numar", activity.number.clone().unwrap_or_default()),
            ("activitate_text", activity.text.clone()),
            ("an_inceput", year(years.map(|y| y.0))),
            ("an_sfarsit", year(years.map(|y| y.1))),
            ("indicatori", activity.indicators.join(" ; ")),
            ("rezultate", activity.results.join(" ; ")),
            ("termen", activity.period.clone().unwrap_or_default()),
            ("termen_evaluare", activity.evaluation.clone().unwrap_or_default()),
            ("responsabili", names(&activity.responsible)),
            ("parteneri", names(&activity.partners)),
            ("finantare", activity.funding.join(" ; ")),
            (
                "localitati",
                activity.localities.iter().map(|l| model.localities[l.0].slug.clone()).collect::<Vec<_>>().join(" ; "),
            ),
            ("url", format!("{base}planuri/{}/#{}", plan.id, activity.anchor)),
            ("stadiu", activity.status.as_ref().map_or("necunoscut", |s| s.progress.code()).to_owned()),
        ];
        let header: Vec<&str> = HEADER.split(',').collect();
        for (column, expected) in checks {
            let at = header.iter().position(|h| *h == column).expect("column");
            // The CSV defuses formulas with an apostrophe (`spreadsheet_safe`), which a reader undoes.
            let cell = &row[at];
            let cell = if planportal::export::csv::spreadsheet_safe(&expected) != expected {
                cell.strip_prefix('\'').unwrap_or(cell)
            } else {
                cell
            };
            assert_eq!(cell, expected, "{} {}: column {column}", plan.id, activity.anchor);
        }
        let notes = &row[header.iter().position(|h| *h == "note").expect("note")];
        for note in &activity.notes {
            assert!(notes.contains(&note.text), "{}: note missing from the CSV", activity.anchor);
        }
    }
}

#[test]
fn activities_csv_reads_back_field_by_field() {
    let site = TestSite::minimal();
    site.write("config.toml", "title = \"Planuri publice\"\nbase_url = \"http://127.0.0.1:1111/\"\n");
    check_activities_csv(site.root(), &build(&site));
    // The bundled config publishes at the same address.
    let bundled = bundled_built();
    check_activities_csv(bundled.root(), &bundled.files);
}

#[test]
fn pages_offer_their_downloads_and_the_feed_links_exist() {
    let site = TestSite::minimal();
    let files = build(&site);
    let plan = String::from_utf8_lossy(&files["planuri/cluj-droguri/index.html"]).into_owned();
    assert!(plan.contains("date/planuri/cluj-droguri.csv") && plan.contains("Citați această pagină"));
    for path in [
        "date/planuri/cluj-droguri.csv",
        "date/planuri/cluj-droguri.json",
        "date/judete/cluj.csv",
        "date/institutii/dsp-cluj.csv",
        "date/institutii.csv",
        "date/judete.csv",
        "date/localitati.csv",
        "date/planuri.json",
        "date/planuri.schema.json",
        "date/datapackage.json",
        "date/strategii/sna.csv",
        "date/planuri.csv",
        "date/documente.csv",
        "date/documente-elemente.csv",
        "date/activitati.xlsx",
        "date/planuri/cluj-droguri.xlsx",
        "date/planportal-date.zip",
        "date/schema/activitati.json",
    ] {
        assert!(files.contains_key(path), "missing {path}");
    }
    let feed = String::from_utf8_lossy(&files["publicatii.xml"]).into_owned();
    let links: Vec<&str> = feed.split("href=\"").skip(1).map(|r| r.split('"').next().unwrap_or_default()).collect();
    assert!(links.len() >= 3, "{feed}");
    for link in links {
        let path = link.strip_prefix("http://127.0.0.1:1111/").expect("absolute link");
        let file = if path.is_empty() || path.ends_with('/') { format!("{path}index.html") } else { path.to_owned() };
        assert!(files.contains_key(&file), "the feed links to {link}, which the build lacks");
    }
}
