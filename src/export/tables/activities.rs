//! The activity tables: `activitati.csv` (every plan), and the same columns for one plan, one
//! county and, after a `rol` column, one institution. One row per activity, with the published
//! number and text apart, the years read from the deadline beside its printed text, codes beside
//! their labels and the keys of the plan, county and institutions; last, the implementation
//! status a report gives (`stadiu`, …).

use std::collections::HashMap;
use std::sync::Arc;

use super::{county_columns, newest, plan_date};
use crate::config::Config;
use crate::export::deadline;
use crate::export::table::{Column, ForeignKey, Row, Schema, Table, join, number};
use crate::model::index::{Index, ObjectiveEntry, Role};
use crate::model::*;
use crate::urls;
use crate::vocabulary::{PROGRESS_UNKNOWN, PlanType, Progress};

/// The position of `activitate_id` in [`schema`]'s columns.
const ACTIVITY_ID: usize = 14;

/// The implementation status columns (issue 20, item 4), last: a report's status of the
/// activity, or `necunoscut` with the others empty where no report states one.
fn status_columns() -> [Column; 5] {
    let codes: Vec<&str> = Progress::ALL.iter().map(|p| p.code()).chain([PROGRESS_UNKNOWN.0]).collect();
    [
        Column::text(
            "stadiu",
            "Stadiul implementării",
            "Codul stadiului, după cel mai nou raport de monitorizare sau de activitate care îl menționează; necunoscut unde niciun raport publicat nu spune.",
        )
        .required()
        .one_of(codes),
        Column::text("stadiu_denumire", "Denumirea stadiului", "Stadiul, în cuvinte („Parțial realizat”)."),
        Column::text("stadiu_data", "Data stadiului", "Ziua la care raportul dă stadiul (AAAA-LL-ZZ); gol dacă stadiul este necunoscut."),
        Column::text(
            "stadiu_raport",
            "Raportul",
            "Identificatorul documentului (documente.csv) din care a fost citit stadiul; gol dacă stadiul este necunoscut.",
        )
        .wide(30.0),
        Column::text(
            "stadiu_randuri",
            "Rândurile din raport",
            "Rândurile textului sursă al raportului din care a fost citit stadiul (51 sau 32-34), despărțite prin „ ; ”.",
        ),
    ]
}

/// The status cells of `activity`, in `status_columns`' order.
fn status_cells(site: &Site, activity: &Activity) -> [String; 5] {
    let Some(status) = &activity.status else {
        let (code, label) = PROGRESS_UNKNOWN;
        return [code.to_owned(), label.to_owned(), String::new(), String::new(), String::new()];
    };
    let lines =
        status.lines.iter().map(|l| if l.from == l.to { l.from.to_string() } else { format!("{}-{}", l.from, l.to) });
    [
        status.progress.code().to_owned(),
        status.progress.label().to_owned(),
        status.date.clone(),
        site.documents[status.report.0].id.clone(),
        join(lines),
    ]
}

/// The columns and keys of every activity table but the institutions' (`institution_schema`).
pub fn schema() -> Schema {
    let plan_types: Vec<&str> = PlanType::ALL.iter().map(|t| t.code()).collect();
    let mut columns = vec![
        Column::text("plan_id", "Identificatorul planului", "Identificatorul planului pe portal (planuri.csv).")
            .required()
            .wide(30.0),
    ];
    columns.extend(county_columns("Județul care a publicat planul."));
    columns.extend([
        Column::text("plan", "Plan", "Titlul planului, așa cum a fost publicat.").required().wide(40.0),
        Column::text("tip_plan", "Tip de plan", "Codul tipului de plan.").required().one_of(plan_types),
        Column::text("tip_plan_denumire", "Denumirea tipului de plan", "Denumirea tipului de plan.").wide(30.0),
        Column::text(
            "grupare",
            "Grupare",
            "Nivelurile de deasupra obiectivului general, cu denumirile documentului, despărțite prin „ > ”.",
        )
        .wide(30.0),
        Column::text("obiectiv_general_numar", "Numărul obiectivului general", "Numărul tipărit, dacă există."),
        Column::text(
            "obiectiv_general_text",
            "Obiectiv general",
            "Textul obiectivului general (sau al direcției de acțiune).",
        )
        .required()
        .wide(40.0),
        Column::text(
            "obiectiv_intermediar_numar",
            "Numărul obiectivului intermediar",
            "Numărul tipărit al nivelului dintre obiectivul general și cel specific, unde planul îl are.",
        ),
        Column::text(
            "obiectiv_intermediar_text",
            "Obiectiv intermediar",
            "Textul nivelului dintre obiectivul general și cel specific, unde planul îl are (denumirea lui este în planuri.json, labels.intermediate).",
        )
        .wide(40.0),
        Column::text(
            "obiectiv_specific_id",
            "Identificatorul obiectivului specific",
            "Ancora stabilă a obiectivului specific în pagina planului.",
        )
        .required(),
        Column::text("obiectiv_specific_numar", "Numărul obiectivului specific", "Numărul tipărit, dacă există."),
        Column::text("obiectiv_specific_text", "Obiectiv specific", "Textul obiectivului specific sau operațional.")
            .required()
            .wide(40.0),
        Column::text(
            "activitate_id",
            "Identificatorul activității",
            "Ancora stabilă a activității în pagina planului; unică în plan.",
        )
        .required(),
        Column::text(
            "activitate_cheie",
            "Cheia activității",
            "plan_id/activitate_id: cheia activității în tot setul de date, într-o singură coloană.",
        )
        .required()
        .wide(40.0),
        Column::text(
            "activitate_id_anterioare",
            "Identificatori anteriori",
            "Ancorele pe care activitatea le-a avut înainte de corectarea numărului ei și care duc tot la ea, despărțite prin „ ; ”.",
        ),
        Column::text("activitate_numar", "Numărul activității", "Numărul tipărit, dacă există."),
        Column::text("activitate_text", "Activitate", "Textul activității sau măsurii, așa cum a fost publicat.")
            .required()
            .wide(60.0),
        Column::text("indicatori", "Indicatori", "Indicatorii sau rezultatele așteptate, despărțiți prin „ ; ”.")
            .wide(40.0),
        Column::text(
            "rezultate",
            "Rezultate",
            "Rezultatele, unde planul le are într-o coloană separată de indicatori, despărțite prin „ ; ”.",
        )
        .wide(40.0),
        Column::text("termen", "Termen", "Perioada de implementare sau termenul de realizare, așa cum e scris."),
        Column::integer(
            "an_inceput",
            "Anul de început",
            "Primul an al termenului, citit din text; gol dacă termenul nu se poate citi.",
        ),
        Column::integer(
            "an_sfarsit",
            "Anul de sfârșit",
            "Ultimul an al termenului, citit din text; gol dacă termenul nu se poate citi.",
        ),
        Column::text("termen_evaluare", "Termen de evaluare", "Termenul de evaluare, unde documentul îl are."),
        Column::text(
            "responsabili",
            "Responsabili",
            "Instituțiile responsabile, cu denumirea completă, despărțite prin „ ; ”.",
        )
        .wide(40.0),
        Column::text(
            "responsabili_id",
            "Identificatorii responsabililor",
            "Identificatorii lor din institutii.csv, în aceeași ordine.",
        )
        .wide(30.0),
        Column::text("parteneri", "Parteneri", "Instituțiile partenere, despărțite prin „ ; ”.").wide(40.0),
        Column::text(
            "parteneri_id",
            "Identificatorii partenerilor",
            "Identificatorii lor din institutii.csv, în aceeași ordine.",
        )
        .wide(30.0),
        Column::text("finantare", "Surse de finanțare", "Sursele de finanțare, despărțite prin „ ; ”.").wide(30.0),
        Column::text("teme", "Teme", "Temele portalului (identificatori), despărțite prin „ ; ”."),
        Column::text(
            "localitati",
            "Localități",
            "Localitățile pe care le numesc celulele activității (identificatori din localitati.csv), despărțite prin „ ; ”.",
        ),
        Column::text(
            "obiectiv_national",
            "Obiectiv național",
            "Obiectivul strategiei naționale pe care îl implementează (strategie/obiectiv).",
        ),
        Column::text("note", "Note", "Neregulile documentului publicat care privesc activitatea.").wide(40.0),
        Column::text("url", "Adresă", "Legătura către activitate pe portal.").required().wide(40.0),
    ]);
    columns.extend(status_columns());
    Schema {
        name: "activitati",
        columns,
        primary_key: vec!["plan_id", "activitate_id"],
        foreign_keys: vec![
            ForeignKey { fields: vec!["plan_id"], resource: "planuri".into(), reference: vec!["plan_id"] },
            ForeignKey { fields: vec!["judet"], resource: "judete".into(), reference: vec!["judet"] },
        ],
    }
}

/// The columns of an institution's file: its role, then every activity column; keyed by role
/// and activity, each activity a row of `activitati`.
pub fn institution_schema() -> Schema {
    let roles = vec![Role::Responsible.code(), Role::Partner.code()];
    let mut columns = vec![
        Column::text("rol", "Rol", "Rolul instituției în activitate: responsabil sau partener.")
            .required()
            .one_of(roles),
    ];
    let activities = schema();
    columns.extend(activities.columns);
    Schema {
        name: "activitati-institutie",
        columns,
        primary_key: vec!["rol", "plan_id", "activitate_id"],
        foreign_keys: vec![ForeignKey {
            fields: vec!["plan_id", "activitate_id"],
            resource: "activitati".into(),
            reference: vec!["plan_id", "activitate_id"],
        }],
    }
}

/// "I REDUCEREA CERERII > 1.": the grouping sections above an objective.
fn grouping(entry: &ObjectiveEntry<'_>) -> String {
    let names: Vec<String> = entry
        .path
        .iter()
        .map(|s| {
            [s.level.as_deref(), s.number.as_deref(), s.title.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    names.join(" > ")
}

/// One row per activity of `plan_id`, in document order.
pub fn plan_rows(site: &Site, index: &Index<'_>, config: &Config, plan_id: PlanId) -> Vec<Row> {
    let plan = &site.plans[plan_id.0];
    let county = site.county(plan.county);
    let mut rows = Vec::new();
    for entry in &index.objectives[plan_id.0] {
        let national = entry
            .objective
            .framework
            .and_then(|r| site.framework_objective(r).map(|o| format!("{}/{}", site.frameworks[r.framework].id, o.id)));
        let intermediate = entry.objective.intermediate.and_then(|i| entry.goal.intermediates.get(i));
        for activity in &entry.objective.activities {
            let names =
                |actors: &[ActorRef]| join(actors.iter().map(|a| site.institution(a.institution).name.as_str()));
            let ids = |actors: &[ActorRef]| join(actors.iter().map(|a| site.institution(a.institution).id.as_str()));
            let years = activity.period.as_deref().and_then(deadline::years);
            let mut row: Vec<String> = vec![
                plan.id.clone(),
                county.slug.clone(),
                county.name.clone(),
                plan.title.clone(),
                plan.plan_type.code().to_owned(),
                plan.plan_type.label().to_owned(),
                grouping(entry),
                entry.goal.number.clone().unwrap_or_default(),
                entry.goal.text.clone(),
                intermediate.and_then(|i| i.number.clone()).unwrap_or_default(),
                intermediate.map(|i| i.text.clone()).unwrap_or_default(),
                entry.objective.anchor.clone(),
                entry.objective.number.clone().unwrap_or_default(),
                entry.objective.text.clone(),
                activity.anchor.clone(),
                format!("{}/{}", plan.id, activity.anchor),
                join(&activity.previous_ids),
                activity.number.clone().unwrap_or_default(),
                activity.text.clone(),
                join(&activity.indicators),
                join(&activity.results),
                activity.period.clone().unwrap_or_default(),
                number(years.map(|y| y.0)),
                number(years.map(|y| y.1)),
                activity.evaluation.clone().unwrap_or_default(),
                names(&activity.responsible),
                ids(&activity.responsible),
                names(&activity.partners),
                ids(&activity.partners),
                join(&activity.funding),
                join(activity.themes.iter().map(|t| site.themes[t.0].id.as_str())),
                join(activity.localities.iter().map(|l| site.localities[l.0].slug.as_str())),
                national.clone().unwrap_or_default(),
                join(activity.notes.iter().map(|n| format!("{}: {}", n.kind.label(), n.text))),
                config.absolute_url(&urls::in_plan(&plan.id, &activity.anchor)),
            ];
            row.extend(status_cells(site, activity));
            rows.push(Row::from(row));
        }
    }
    rows
}

/// The activity tables: every plan's, then each plan's and each county's; each institution's
/// are [`InstitutionTables`]. `plan_rows` holds the rows of each plan, made once.
pub fn tables(site: &Site, index: &Index<'_>, plan_rows: &[Vec<Row>]) -> Vec<Table> {
    let schema = Arc::new(schema());
    let all = Table {
        name: "activitati".into(),
        path: urls::activities_csv(),
        title: "Activitățile tuturor planurilor".into(),
        description: "Un rând pentru fiecare activitate sau măsură a fiecărui plan.".into(),
        schema: schema.clone(),
        rows: plan_rows.iter().flatten().cloned().collect(),
        date: newest(site.plans.iter().map(plan_date)),
    };
    let mut out = vec![all];
    for (plan, rows) in site.plans.iter().zip(plan_rows) {
        out.push(Table {
            name: format!("plan-{}", plan.id),
            path: urls::plan_csv(&plan.id),
            title: plan.title.clone(),
            description: "Activitățile acestui plan, cu aceleași coloane ca activitati.csv.".into(),
            schema: schema.clone(),
            rows: rows.clone(),
            date: plan_date(plan),
        });
    }
    for (c, county) in site.counties.iter().enumerate() {
        let plans = &index.plans_by_county[c];
        if plans.is_empty() {
            continue;
        }
        out.push(Table {
            name: format!("judet-{}", county.slug),
            path: urls::county_csv(&county.slug),
            title: format!("Activitățile planurilor din {}", county.name),
            description: "Activitățile planurilor acestui județ, cu aceleași coloane ca activitati.csv.".into(),
            schema: schema.clone(),
            rows: plans.iter().flat_map(|p| plan_rows[p.0].iter().cloned()).collect(),
            date: newest(plans.iter().map(|p| plan_date(&site.plans[p.0]))),
        });
    }
    out
}

/// `date/institutii/<id>.csv` of every institution: the rows of the activities it takes part
/// in, each after its role. Each is made when asked for ([`InstitutionTables::table`]).
pub struct InstitutionTables<'a> {
    site: &'a Site,
    index: &'a Index<'a>,
    schema: Arc<Schema>,
    /// Each plan's rows by activity id.
    row_of: Vec<HashMap<&'a str, &'a Row>>,
}

impl<'a> InstitutionTables<'a> {
    /// The tables of every institution of `site`, whose plans' rows are `plan_rows`.
    pub fn new(site: &'a Site, index: &'a Index<'a>, plan_rows: &'a [Vec<Row>]) -> InstitutionTables<'a> {
        let row_of = plan_rows.iter().map(|rows| rows.iter().map(|r| (r.cell(ACTIVITY_ID), r)).collect()).collect();
        InstitutionTables { site, index, schema: Arc::new(institution_schema()), row_of }
    }

    /// How many there are: one per institution.
    pub fn count(&self) -> usize {
        self.site.institutions.len()
    }

    /// The table of institution `i`.
    pub fn table(&self, i: usize) -> Table {
        let (site, institution) = (self.site, &self.site.institutions[i]);
        let involvements = &self.index.involvements[i];
        let rows = involvements
            .iter()
            .filter_map(|inv| {
                let row = self.row_of[inv.plan.0].get(inv.activity.anchor.as_str())?;
                Some(Row::led_by(inv.role.code(), row))
            })
            .collect();
        let plans = involvements.iter().map(|inv| plan_date(&site.plans[inv.plan.0]));
        Table {
            name: format!("institutie-{}", institution.id),
            path: urls::institution_csv(&institution.id),
            title: format!("Activitățile la care participă {}", institution.name),
            description: "Activitățile în care instituția este responsabilă sau parteneră, după coloana rol, cu aceleași coloane ca activitati.csv.".into(),
            schema: self.schema.clone(),
            rows,
            date: newest(plans),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_activity_id_is_where_the_institution_files_look_for_it() {
        assert_eq!(schema().position("activitate_id"), Some(ACTIVITY_ID));
        assert_eq!(institution_schema().position("activitate_id"), Some(ACTIVITY_ID + 1));
    }

    #[test]
    fn every_key_names_a_column() {
        for schema in [schema(), institution_schema()] {
            let names = schema.names();
            assert!(schema.primary_key.iter().all(|k| names.contains(k)));
            assert!(schema.foreign_keys.iter().flat_map(|f| &f.fields).all(|k| names.contains(k)));
        }
    }
}
