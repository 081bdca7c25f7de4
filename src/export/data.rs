//! Open data: the model as CSV and JSON downloads under `date/`, described by a Frictionless
//! Data Package, plus the Atom feed of publications. CSV files start with a byte-order mark so
//! that spreadsheet programs read the diacritics right, and no cell of theirs starts a formula
//! (`spreadsheet_safe`). Everything is made from the model, in a stable order, and handed to the
//! output sink file by file.

use anyhow::Result;
use serde_json::{Value, json};

use crate::config::Config;
use crate::model::index::Index;
use crate::model::*;
use crate::output::{OutputFile, Sink};
use crate::urls;

/// The columns of `activitati.csv`, in order. The header is part of the published interface.
pub const ACTIVITY_COLUMNS: [&str; 17] = [
    "judet",
    "plan",
    "tip_plan",
    "grupare",
    "obiectiv_general",
    "obiectiv_specific",
    "activitate_id",
    "activitate",
    "indicatori",
    "termen",
    "termen_evaluare",
    "responsabili",
    "parteneri",
    "finantare",
    "obiectiv_national",
    "note",
    "url",
];

/// Separator of list values inside one cell.
pub const LIST_SEPARATOR: &str = " ; ";

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// "1.1. text", or the text alone where the document numbers none.
fn numbered(number: Option<&str>, text: &str) -> String {
    match number {
        Some(n) => format!("{n} {text}"),
        None => text.to_owned(),
    }
}

fn join<I: IntoIterator<Item = S>, S: AsRef<str>>(items: I) -> String {
    items.into_iter().map(|s| s.as_ref().to_owned()).collect::<Vec<_>>().join(LIST_SEPARATOR)
}

fn notes_cell(notes: &[Note]) -> String {
    join(notes.iter().map(|n| format!("{}: {}", n.kind.label(), n.text)))
}

/// One row of `activitati.csv` per activity of `plan`.
pub fn activity_rows(site: &Site, index: &Index<'_>, config: &Config, plan_id: PlanId) -> Vec<[String; 17]> {
    let plan = &site.plans[plan_id.0];
    let county = site.county(plan.county).name.clone();
    let mut rows = Vec::new();
    for entry in &index.objectives[plan_id.0] {
        let grouping = join(entry.path.iter().map(|s| {
            [s.level.as_deref(), s.number.as_deref(), s.title.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ")
        }))
        .replace(LIST_SEPARATOR, " > ");
        let national = entry
            .objective
            .framework
            .and_then(|r| site.framework_objective(r).map(|o| format!("{}/{}", site.frameworks[r.framework].id, o.id)));
        for activity in &entry.objective.activities {
            let names =
                |actors: &[ActorRef]| join(actors.iter().map(|a| site.institution(a.institution).name.as_str()));
            rows.push([
                county.clone(),
                plan.title.clone(),
                plan.plan_type.code().to_owned(),
                grouping.clone(),
                numbered(entry.goal.number.as_deref(), &entry.goal.text),
                numbered(entry.objective.number.as_deref(), &entry.objective.text),
                activity.anchor.clone(),
                numbered(activity.number.as_deref(), &activity.text),
                join(&activity.indicators),
                activity.period.clone().unwrap_or_default(),
                activity.evaluation.clone().unwrap_or_default(),
                names(&activity.responsible),
                names(&activity.partners),
                join(&activity.funding),
                national.clone().unwrap_or_default(),
                notes_cell(&activity.notes),
                config.absolute_url(&urls::in_plan(&plan.id, &activity.anchor)),
            ]);
        }
    }
    rows
}

/// A CSV file with a byte-order mark and a header.
fn csv_file<'a, const N: usize>(
    path: String,
    header: [&str; N],
    rows: impl IntoIterator<Item = &'a [String; N]>,
) -> Result<OutputFile> {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(BOM.to_vec());
    writer.write_record(header)?;
    for row in rows {
        for cell in row {
            writer.write_field(spreadsheet_safe(cell).as_bytes())?;
        }
        // No more fields: ends the record.
        writer.write_record(None::<&[u8]>)?;
    }
    let bytes = writer.into_inner().map_err(|e| anyhow::anyhow!("writing {path}: {e}"))?;
    Ok(OutputFile { path, bytes })
}

/// The characters that make a spreadsheet evaluate a cell as a formula when they start it
/// (OWASP's CSV injection rule: `=`, `+`, `-`, `@`, tab, carriage return; ASVS 1.2.10 adds NUL).
const FORMULA_STARTS: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\0'];

/// A CSV cell as a spreadsheet may open it: a text that starts with a formula character, also
/// after leading white space, gets an apostrophe in front, which spreadsheets read as "this is
/// text" and do not show. Every such cell, also a plain "-" or "- 2024": the published texts
/// hold no numbers a reader would lose by it, and one rule is easier to undo than exceptions.
/// The JSON downloads keep the exact text.
pub fn spreadsheet_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.trim_start().starts_with(FORMULA_STARTS) || cell.starts_with(FORMULA_STARTS) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

fn json_file(path: String, value: &Value) -> Result<OutputFile> {
    let mut bytes = serde_json::to_vec_pretty(value)?;
    bytes.push(b'\n');
    Ok(OutputFile { path, bytes })
}

/// The plan as JSON, with institutions by id and name.
fn plan_json(site: &Site, index: &Index<'_>, config: &Config, plan_id: PlanId) -> Value {
    let plan = &site.plans[plan_id.0];
    let actor = |a: &ActorRef| {
        let institution = site.institution(a.institution);
        json!({ "id": institution.id, "name": institution.name, "printed": a.printed })
    };
    let notes = |notes: &[Note]| -> Vec<Value> {
        notes.iter().map(|n| json!({ "kind": n.kind.code(), "text": n.text })).collect()
    };
    let objectives: Vec<Value> = index.objectives[plan_id.0]
        .iter()
        .map(|entry| {
            let o = entry.objective;
            json!({
                "anchor": o.anchor,
                "number": o.number,
                "text": o.text,
                "list_text": o.list_text,
                "general_objective": { "number": entry.goal.number, "text": entry.goal.text },
                "grouping": entry.path.iter().map(|s| json!({ "level": s.level, "number": s.number, "title": s.title })).collect::<Vec<_>>(),
                "framework_objective": o.framework.and_then(|r| site.framework_objective(r).map(|f| format!("{}/{}", site.frameworks[r.framework].id, f.id))),
                "themes": o.themes.iter().map(|t| site.themes[t.0].id.clone()).collect::<Vec<_>>(),
                "notes": notes(&o.notes),
                "url": config.absolute_url(&urls::objective(&plan.id, &o.anchor)),
                "activities": o.activities.iter().map(|a| json!({
                    "anchor": a.anchor,
                    "number": a.number,
                    "text": a.text,
                    "indicators": a.indicators,
                    "period": a.period,
                    "evaluation": a.evaluation,
                    "responsible": a.responsible.iter().map(actor).collect::<Vec<_>>(),
                    "responsible_text": a.responsible_text,
                    "partners": a.partners.iter().map(actor).collect::<Vec<_>>(),
                    "partners_text": a.partners_text,
                    "funding": a.funding,
                    "notes": notes(&a.notes),
                    "url": config.absolute_url(&urls::in_plan(&plan.id, &a.anchor)),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "id": plan.id,
        "title": plan.title,
        "type": plan.plan_type.code(),
        "county": site.county(plan.county).slug,
        "period": { "from": plan.period_from, "to": plan.period_to },
        "issuer": plan.issuer.as_ref().map(actor),
        "approval": plan.approval,
        "date": plan.date,
        "source": config.absolute_url(&urls::source(&plan.source)),
        "signatories": plan.signatories,
        "labels": plan.labels,
        "notes": notes(&plan.notes),
        "url": config.absolute_url(&urls::plan(&plan.id)),
        "objectives": objectives,
    })
}

/// Every download of the site, the data package and the feed, each written to `sink` as soon as
/// it is made.
pub fn write_data(site: &Site, index: &Index<'_>, config: &Config, sink: &dyn Sink) -> Result<()> {
    use rayon::prelude::*;
    // The rows of each plan are made once and shared by every file that needs them.
    let plan_rows: Vec<Vec<[String; 17]>> =
        (0..site.plans.len()).into_par_iter().map(|p| activity_rows(site, index, config, PlanId(p))).collect();
    site.plans.par_iter().enumerate().try_for_each(|(p, plan)| {
        sink.put(csv_file(format!("date/planuri/{}.csv", plan.id), ACTIVITY_COLUMNS, &plan_rows[p])?)?;
        sink.put(json_file(format!("date/planuri/{}.json", plan.id), &plan_json(site, index, config, PlanId(p)))?)
    })?;
    sink.put(csv_file("date/activitati.csv".into(), ACTIVITY_COLUMNS, plan_rows.iter().flatten())?)?;
    for (c, county) in site.counties.iter().enumerate() {
        if index.plans_by_county[c].is_empty() {
            continue;
        }
        let rows = index.plans_by_county[c].iter().flat_map(|p| &plan_rows[p.0]);
        sink.put(csv_file(format!("date/judete/{}.csv", county.slug), ACTIVITY_COLUMNS, rows)?)?;
    }
    let row_of: Vec<std::collections::HashMap<&str, usize>> =
        plan_rows.iter().map(|rows| rows.iter().enumerate().map(|(i, r)| (r[6].as_str(), i)).collect()).collect();
    site.institutions.par_iter().enumerate().try_for_each(|(i, institution)| {
        let rows: Vec<[String; 18]> = index.involvements[i]
            .iter()
            .filter_map(|inv| {
                let row = &plan_rows[inv.plan.0][*row_of[inv.plan.0].get(inv.activity.anchor.as_str())?];
                let mut full: [String; 18] = Default::default();
                full[0] = inv.role.code().to_owned();
                full[1..].clone_from_slice(row);
                Some(full)
            })
            .collect();
        let mut header = ["rol"; 18];
        header[1..].copy_from_slice(&ACTIVITY_COLUMNS);
        sink.put(csv_file(format!("date/institutii/{}.csv", institution.id), header, &rows)?)
    })?;
    sink.put(institutions_csv(site)?)?;
    sink.put(counties_csv(site, index)?)?;
    framework_files(site, index)?.into_iter().try_for_each(|f| sink.put(f))?;
    sink.put(all_plans_json(site, index, config)?)?;
    sink.put(json_file("date/planuri.schema.json".into(), &dataset_schema())?)?;
    sink.put(json_file("date/datapackage.json".into(), &crate::export::datapackage::describe(site, config))?)?;
    if let Some(feed) = crate::export::feed::atom(site, config) {
        sink.put(feed)?;
    }
    Ok(())
}

/// `planuri.json`: every plan, serialised one plan at a time instead of as one JSON tree of
/// the whole site.
fn all_plans_json(site: &Site, index: &Index<'_>, config: &Config) -> Result<OutputFile> {
    struct Plans<'a>(&'a Site, &'a Index<'a>, &'a Config);
    impl serde::Serialize for Plans<'_> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
            let Plans(site, index, config) = *self;
            serializer.collect_seq((0..site.plans.len()).map(|p| plan_json(site, index, config, PlanId(p))))
        }
    }
    #[derive(serde::Serialize)]
    struct All<'a> {
        plans: Plans<'a>,
    }
    let mut bytes = serde_json::to_vec_pretty(&All { plans: Plans(site, index, config) })?;
    bytes.push(b'\n');
    Ok(OutputFile { path: "date/planuri.json".into(), bytes })
}

fn institutions_csv(site: &Site) -> Result<OutputFile> {
    let rows: Vec<[String; 6]> = site
        .institutions
        .iter()
        .map(|i| {
            let kind = &site.institution_types[i.kind.0];
            [
                i.id.clone(),
                i.name.clone(),
                kind.id.clone(),
                i.county.map(|c| site.county(c).slug.clone()).unwrap_or_default(),
                join(&i.aliases),
                i.note.clone().unwrap_or_default(),
            ]
        })
        .collect();
    csv_file("date/institutii.csv".into(), ["id", "nume", "tip", "judet", "alias", "nota"], &rows)
}

fn counties_csv(site: &Site, index: &Index<'_>) -> Result<OutputFile> {
    let rows: Vec<[String; 6]> = site
        .counties
        .iter()
        .enumerate()
        .map(|(c, county)| {
            [
                county.slug.clone(),
                county.name.clone(),
                county.code.clone(),
                county.kind.clone(),
                index.plans_by_county[c].len().to_string(),
                index.documents_by_county[c].len().to_string(),
            ]
        })
        .collect();
    csv_file("date/judete.csv".into(), ["slug", "nume", "cod_iso", "tip", "planuri", "documente"], &rows)
}

/// Each framework with its objectives and the local objectives linked to them.
fn framework_files(site: &Site, index: &Index<'_>) -> Result<Vec<OutputFile>> {
    let mut files = Vec::new();
    for (f, framework) in site.frameworks.iter().enumerate() {
        let mut rows: Vec<[String; 5]> = Vec::new();
        for (r, objective) in site.framework_objectives().filter(|(r, _)| r.framework == f) {
            let links = index.framework_links.get(&r).map(Vec::as_slice).unwrap_or_default();
            let local = join(links.iter().map(|(p, o)| {
                let plan = &site.plans[p.0];
                format!("{}#{}", plan.id, index.objective(*p, *o).objective.anchor)
            }));
            let counties = join(links.iter().map(|(p, _)| site.county(site.plans[p.0].county).slug.as_str()));
            rows.push([
                site.framework_goal(r).id.clone(),
                objective.id.clone(),
                join(&objective.wordings),
                local,
                counties,
            ]);
        }
        let header = ["obiectiv_general_id", "obiectiv_id", "formulari", "obiective_locale", "judete"];
        files.push(csv_file(format!("date/strategii/{}.csv", framework.id), header, &rows)?);
        files.push(json_file(format!("date/strategii/{}.json", framework.id), &json!(framework))?);
    }
    Ok(files)
}

/// A JSON Schema of `planuri.json`.
fn dataset_schema() -> Value {
    let text = json!({ "type": "string" });
    let opt_text = json!({ "type": ["string", "null"] });
    let strings = json!({ "type": "array", "items": { "type": "string" } });
    let notes = json!({ "type": "array", "items": { "type": "object", "required": ["kind", "text"], "properties": { "kind": text, "text": text } } });
    let actor = json!({ "type": "object", "required": ["id", "name", "printed"], "properties": { "id": text, "name": text, "printed": text } });
    let activity = json!({
        "type": "object",
        "required": ["anchor", "text", "indicators", "responsible", "partners", "funding", "notes", "url"],
        "properties": {
            "anchor": text, "number": opt_text, "text": text, "indicators": strings, "period": opt_text, "evaluation": opt_text,
            "responsible": { "type": "array", "items": actor }, "responsible_text": opt_text,
            "partners": { "type": "array", "items": actor }, "partners_text": opt_text,
            "funding": strings, "notes": notes, "url": { "type": "string", "format": "uri" }
        }
    });
    let objective = json!({
        "type": "object",
        "required": ["anchor", "text", "general_objective", "activities", "url"],
        "properties": {
            "anchor": text, "number": opt_text, "text": text, "list_text": opt_text,
            "general_objective": { "type": "object", "properties": { "number": opt_text, "text": text } },
            "grouping": { "type": "array" }, "framework_objective": opt_text, "themes": strings, "notes": notes,
            "url": { "type": "string", "format": "uri" }, "activities": { "type": "array", "items": activity }
        }
    });
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Planurile publicate pe portal",
        "description": "Toate planurile, cu obiectivele și activitățile lor, așa cum au fost publicate.",
        "type": "object",
        "required": ["plans"],
        "properties": { "plans": { "type": "array", "items": {
            "type": "object",
            "required": ["id", "title", "type", "county", "period", "objectives", "url"],
            "properties": {
                "id": text, "title": text, "type": { "enum": PlanType::ALL.iter().map(|t| t.code()).collect::<Vec<_>>() },
                "county": text, "period": { "type": "object", "properties": { "from": { "type": "integer" }, "to": { "type": "integer" } } },
                "issuer": { "oneOf": [actor, { "type": "null" }] }, "approval": opt_text, "date": opt_text, "source": text,
                "signatories": { "type": "array" }, "labels": { "type": "object" }, "notes": notes,
                "url": { "type": "string", "format": "uri" }, "objectives": { "type": "array", "items": objective }
            }
        } } }
    })
}
