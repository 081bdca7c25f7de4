//! `planportal stats`: counts per publication, so that an official sees a new plan's shape at a
//! glance (and a test can compare them with counts made by hand from the source documents).

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use crate::model::Site;

/// The counts of one plan or document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicationStats {
    /// The plan's or document's id.
    pub id: String,
    /// `plan` or `document`.
    pub kind: &'static str,
    /// The source file name.
    pub source: String,
    /// The county slug.
    pub county: String,
    /// General objectives (goals).
    pub general_objectives: usize,
    /// Specific objectives.
    pub specific_objectives: usize,
    /// Activities.
    pub activities: usize,
    /// Links from activities to institutions: responsible and partner references (for documents,
    /// participants and organiser).
    pub responsible_links: usize,
    /// Notes on irregularities of the document.
    pub notes: usize,
}

/// Counts for every plan, then every document, in id order.
pub fn collect(site: &Site) -> Vec<PublicationStats> {
    let plans = site.plans.iter().map(|plan| {
        let goals = plan.goals_in_order();
        PublicationStats {
            id: plan.id.clone(),
            kind: "plan",
            source: plan.source.clone(),
            county: site.county(plan.county).slug.clone(),
            general_objectives: goals.len(),
            specific_objectives: plan.objectives().count(),
            activities: plan.activities().count(),
            responsible_links: plan.activities().map(|a| a.responsible.len() + a.partners.len()).sum(),
            notes: plan.note_count(),
        }
    });
    let documents = site.documents.iter().map(|document| PublicationStats {
        id: document.id.clone(),
        kind: "document",
        source: document.source.clone(),
        county: site.county(document.county).slug.clone(),
        general_objectives: 0,
        specific_objectives: 0,
        activities: 0,
        responsible_links: document.participants.len() + usize::from(document.organiser.is_some()),
        notes: document.notes.len(),
    });
    plans.chain(documents).collect()
}

/// Renders the counts as an aligned table with a totals row.
pub fn table(rows: &[PublicationStats]) -> String {
    let mut out = String::new();
    let header = ["publicație", "sursă", "județ", "ob. generale", "ob. specifice", "activități", "legături", "note"];
    let mut lines: Vec<[String; 8]> = vec![header.map(str::to_owned)];
    for r in rows {
        lines.push([
            r.id.clone(),
            r.source.clone(),
            r.county.clone(),
            r.general_objectives.to_string(),
            r.specific_objectives.to_string(),
            r.activities.to_string(),
            r.responsible_links.to_string(),
            r.notes.to_string(),
        ]);
    }
    let sum = |f: fn(&PublicationStats) -> usize| rows.iter().map(f).sum::<usize>().to_string();
    lines.push([
        "TOTAL".to_owned(),
        format!("{} publicații", rows.len()),
        String::new(),
        sum(|r| r.general_objectives),
        sum(|r| r.specific_objectives),
        sum(|r| r.activities),
        sum(|r| r.responsible_links),
        sum(|r| r.notes),
    ]);
    let widths: Vec<usize> = (0..8).map(|c| lines.iter().map(|l| l[c].chars().count()).max().unwrap_or(0)).collect();
    for line in &lines {
        let cells: Vec<String> = line
            .iter()
            .enumerate()
            .map(|(c, cell)| {
                let pad = widths[c] - cell.chars().count();
                if c >= 3 { format!("{}{cell}", " ".repeat(pad)) } else { format!("{cell}{}", " ".repeat(pad)) }
            })
            .collect();
        let _ = writeln!(out, "{}", cells.join("  ").trim_end());
    }
    out
}

/// `planportal stats [--json]`. Content errors are printed and make the command fail.
pub fn run(root: &Path, json: bool) -> anyhow::Result<bool> {
    let Some(loaded) = super::load_or_report(root) else { return Ok(false) };
    let rows = collect(&loaded.site);
    if json {
        println!("{}", serde_json::to_string_pretty(&rows)?);
    } else {
        print!("{}", table(&rows));
    }
    Ok(true)
}
