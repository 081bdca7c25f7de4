//! The CSV downloads: the activities of every plan (all together, per plan, per county, per
//! institution with its role), the institutions, the counties and each framework's objectives.
//! Every file starts with a byte-order mark so that spreadsheet programs read the diacritics
//! right, and no cell of theirs starts a formula (`spreadsheet_safe`).

use std::collections::HashMap;

use anyhow::Result;

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

/// The position of `activitate_id` in [`ACTIVITY_COLUMNS`].
const ACTIVITY_ID: usize = 6;

/// Separator of list values inside one cell.
pub const LIST_SEPARATOR: &str = " ; ";

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// One row of [`ACTIVITY_COLUMNS`].
pub type ActivityRow = [String; 17];

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
fn activity_rows(site: &Site, index: &Index<'_>, config: &Config, plan_id: PlanId) -> Vec<ActivityRow> {
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
pub(super) fn csv_file<'a, const N: usize>(
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

/// Every CSV download, each written to `sink` as soon as it is made. The rows of each plan are
/// made once and shared by every file that shows them.
pub fn write_csv(site: &Site, index: &Index<'_>, config: &Config, sink: &dyn Sink) -> Result<()> {
    use rayon::prelude::*;
    let plan_rows: Vec<Vec<ActivityRow>> =
        (0..site.plans.len()).into_par_iter().map(|p| activity_rows(site, index, config, PlanId(p))).collect();
    site.plans
        .par_iter()
        .zip(&plan_rows)
        .try_for_each(|(plan, rows)| sink.put(csv_file(urls::plan_csv(&plan.id), ACTIVITY_COLUMNS, rows)?))?;
    sink.put(csv_file(urls::activities_csv(), ACTIVITY_COLUMNS, plan_rows.iter().flatten())?)?;
    for (c, county) in site.counties.iter().enumerate() {
        if index.plans_by_county[c].is_empty() {
            continue;
        }
        let rows = index.plans_by_county[c].iter().flat_map(|p| &plan_rows[p.0]);
        sink.put(csv_file(urls::county_csv(&county.slug), ACTIVITY_COLUMNS, rows)?)?;
    }
    let row_of: Vec<HashMap<&str, usize>> = plan_rows
        .iter()
        .map(|rows| rows.iter().enumerate().map(|(i, r)| (r[ACTIVITY_ID].as_str(), i)).collect())
        .collect();
    (0..site.institutions.len())
        .into_par_iter()
        .try_for_each(|i| sink.put(institution_csv(site, index, &plan_rows, &row_of, i)?))?;
    sink.put(institutions_csv(site)?)?;
    sink.put(counties_csv(site, index)?)?;
    (0..site.frameworks.len()).try_for_each(|f| sink.put(framework_csv(site, index, f)?))
}

/// `date/institutii/<id>.csv` of institution `i`: the rows of the activities it takes part in,
/// each after a `rol` column. `row_of` finds a plan's row by activity anchor.
fn institution_csv(
    site: &Site,
    index: &Index<'_>,
    plan_rows: &[Vec<ActivityRow>],
    row_of: &[HashMap<&str, usize>],
    i: usize,
) -> Result<OutputFile> {
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
    csv_file(urls::institution_csv(&site.institutions[i].id), header, &rows)
}

/// `date/institutii.csv`: every institution once, with its aliases.
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
    csv_file(urls::institutions_csv(), ["id", "nume", "tip", "judet", "alias", "nota"], &rows)
}

/// `date/judete.csv`: every county with how many publications it has.
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
    csv_file(urls::counties_csv(), ["slug", "nume", "cod_iso", "tip", "planuri", "documente"], &rows)
}

/// `date/strategii/<id>.csv` of framework `f`: its objectives and the local objectives linked to
/// them.
fn framework_csv(site: &Site, index: &Index<'_>, f: usize) -> Result<OutputFile> {
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
    csv_file(urls::framework_csv(&site.frameworks[f].id), header, &rows)
}
