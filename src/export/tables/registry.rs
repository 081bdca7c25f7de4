//! The tables of things the activities refer to: plans, institutions (with counts), counties,
//! documents and each national framework's objectives.

use std::collections::BTreeSet;
use std::sync::Arc;

use super::{county_columns, document_date, newest, plan_date, site_date};
use crate::config::Config;
use crate::export::table::{Column, ForeignKey, Row, Schema, Table, join, number};
use crate::model::index::{Index, Role};
use crate::model::*;
use crate::urls;
use crate::vocabulary::PlanType;

fn county_key() -> ForeignKey {
    ForeignKey { fields: vec!["judet"], resource: "judete".into(), reference: vec!["judet"] }
}

/// `planuri.csv`: one row per plan.
pub fn plans(site: &Site, config: &Config) -> Table {
    let plan_types: Vec<&str> = PlanType::ALL.iter().map(|t| t.code()).collect();
    let mut columns =
        vec![Column::text("plan_id", "Identificator", "Identificatorul planului pe portal.").required().wide(30.0)];
    columns.extend([
        Column::text("titlu", "Titlu", "Titlul, așa cum a fost publicat.").required().wide(50.0),
        Column::text("tip_plan", "Tip de plan", "Codul tipului de plan.").required().one_of(plan_types),
        Column::text("tip_plan_denumire", "Denumirea tipului de plan", "Denumirea tipului de plan.").wide(30.0),
    ]);
    columns.extend(county_columns("Județul care a publicat planul."));
    columns.extend([
        Column::text("localitate", "Localitate", "Localitatea, pentru un plan local."),
        Column::integer("an_inceput", "Primul an", "Primul an al perioadei planului.").required(),
        Column::integer("an_sfarsit", "Ultimul an", "Ultimul an al perioadei planului.").required(),
        Column::text("data", "Data", "Data documentului (AAAA-LL-ZZ), dacă o tipărește."),
        Column::text("aprobare", "Aprobare", "Actul de aprobare, așa cum e tipărit.").wide(40.0),
        Column::text("emitent", "Emitent", "Instituția emitentă (identificator din institutii.csv)."),
        Column::integer("obiective_specifice", "Obiective specifice", "Numărul de obiective specifice.").required(),
        Column::integer("activitati", "Activități", "Numărul de activități.").required(),
        Column::integer("nereguli", "Nereguli", "Numărul de note ale portalului despre nereguli.").required(),
        Column::text("sursa_url", "Sursa oficială", "Adresa oficială de unde a fost preluat documentul.").wide(40.0),
        Column::text("sursa_preluata", "Data preluării", "Ziua în care a fost preluat fișierul (AAAA-LL-ZZ)."),
        Column::text("url", "Adresă", "Pagina planului pe portal.").required().wide(40.0),
    ]);
    let rows = site
        .plans
        .iter()
        .map(|plan| {
            let county = site.county(plan.county);
            Row::from(vec![
                plan.id.clone(),
                plan.title.clone(),
                plan.plan_type.code().to_owned(),
                plan.plan_type.label().to_owned(),
                county.slug.clone(),
                county.name.clone(),
                plan.locality.map(|l| site.localities[l.0].name.clone()).unwrap_or_default(),
                plan.period_from.to_string(),
                plan.period_to.to_string(),
                plan.date.clone().unwrap_or_default(),
                plan.approval.clone().unwrap_or_default(),
                plan.issuer.as_ref().map(|a| site.institution(a.institution).id.clone()).unwrap_or_default(),
                plan.objectives().count().to_string(),
                plan.activities().count().to_string(),
                plan.note_count().to_string(),
                plan.provenance.url.clone().unwrap_or_default(),
                plan.provenance.retrieved.clone().unwrap_or_default(),
                config.absolute_url(&urls::plan(&plan.id)),
            ])
        })
        .collect();
    let foreign_keys = vec![
        county_key(),
        ForeignKey { fields: vec!["emitent"], resource: "institutii".into(), reference: vec!["institutie_id"] },
    ];
    Table {
        name: "planuri".into(),
        path: urls::plans_csv(),
        title: "Planuri".into(),
        description: "Un rând pentru fiecare plan publicat pe portal, cu numărul de obiective, activități și nereguli."
            .into(),
        schema: Arc::new(Schema { name: "planuri", columns, primary_key: vec!["plan_id"], foreign_keys }),
        rows,
        date: newest(site.plans.iter().map(plan_date)),
    }
}

/// `institutii.csv`: every institution once, with its aliases and how many activities it
/// answers for, partners in, and in how many plans.
pub fn institutions(site: &Site, index: &Index<'_>, config: &Config) -> Table {
    let mut columns = vec![
        Column::text("institutie_id", "Identificator", "Identificatorul stabil al instituției pe portal.")
            .required()
            .wide(30.0),
        Column::text("nume", "Nume", "Denumirea completă.").required().wide(50.0),
        Column::text("tip", "Tip", "Tipul instituției (cpeca, dsp, dgaspc…).").required(),
        Column::text("tip_denumire", "Denumirea tipului", "Denumirea tipului de instituție.").wide(30.0),
    ];
    columns.extend(county_columns("Județul instituției; gol pentru instituțiile naționale și actorii generici."));
    columns.extend([
        Column::text("alias", "Alte denumiri", "Denumirile din documente, despărțite prin „ ; ”.").wide(40.0),
        Column::text("nota", "Notă", "Observații, de exemplu o denumire ambiguă.").wide(30.0),
        Column::integer(
            "activitati_responsabil",
            "Activități ca responsabil",
            "Numărul de activități la care este responsabilă.",
        )
        .required(),
        Column::integer(
            "activitati_partener",
            "Activități ca partener",
            "Numărul de activități la care este parteneră.",
        )
        .required(),
        Column::integer("planuri", "Planuri", "Numărul de planuri în care are activități.").required(),
        Column::integer("documente", "Documente", "Numărul de documente în care apare (organizator, participant).")
            .required(),
        Column::text("url", "Adresă", "Pagina instituției pe portal.").required().wide(40.0),
    ]);
    let rows = site
        .institutions
        .iter()
        .enumerate()
        .map(|(i, institution)| {
            let involvements = &index.involvements[i];
            let count = |role: Role| involvements.iter().filter(|inv| inv.role == role).count().to_string();
            let plans: BTreeSet<PlanId> = involvements.iter().map(|inv| inv.plan).collect();
            let documents: BTreeSet<DocumentId> = index.institution_documents[i].iter().map(|(d, _)| *d).collect();
            let kind = &site.institution_types[institution.kind.0];
            let county = institution.county.map(|c| site.county(c));
            Row::from(vec![
                institution.id.clone(),
                institution.name.clone(),
                kind.id.clone(),
                kind.name.clone(),
                county.map(|c| c.slug.clone()).unwrap_or_default(),
                county.map(|c| c.name.clone()).unwrap_or_default(),
                join(&institution.aliases),
                institution.note.clone().unwrap_or_default(),
                count(Role::Responsible),
                count(Role::Partner),
                plans.len().to_string(),
                documents.len().to_string(),
                config.absolute_url(&urls::institution(&institution.id)),
            ])
        })
        .collect();
    Table {
        name: "institutii".into(),
        path: urls::institutions_csv(),
        title: "Instituții".into(),
        description: "Fiecare instituție o singură dată, cu toate denumirile sub care apare în documente și numărul de activități."
            .into(),
        schema: Arc::new(Schema { name: "institutii", columns, primary_key: vec!["institutie_id"], foreign_keys: vec![county_key()] }),
        rows,
        date: site_date(site),
    }
}

/// `judete.csv`: every county with how many publications it has.
pub fn counties(site: &Site, index: &Index<'_>) -> Table {
    let mut columns: Vec<Column> = county_columns("Județul.").into_iter().map(Column::required).collect();
    columns.extend([
        Column::text("cod_iso", "Cod ISO 3166-2", "Codul ISO 3166-2 (RO-CJ…).").required(),
        Column::text("tip", "Tip", "județ sau municipiu.").required(),
        Column::integer("planuri", "Planuri", "Numărul de planuri publicate pe portal.").required(),
        Column::integer("documente", "Documente", "Numărul de documente publicate pe portal.").required(),
    ]);
    let rows = site
        .counties
        .iter()
        .enumerate()
        .map(|(c, county)| {
            Row::from(vec![
                county.slug.clone(),
                county.name.clone(),
                county.code.clone(),
                county.kind.clone(),
                index.plans_by_county[c].len().to_string(),
                index.documents_by_county[c].len().to_string(),
            ])
        })
        .collect();
    Table {
        name: "judete".into(),
        path: urls::counties_csv(),
        title: "Județe".into(),
        description: "Cele 41 de județe și Municipiul București, cu numărul de publicații.".into(),
        schema: Arc::new(Schema { name: "judete", columns, primary_key: vec!["judet"], foreign_keys: Vec::new() }),
        rows,
        date: site_date(site),
    }
}

/// `documente.csv`: one row per document (the minutes of a consultation).
pub fn documents(site: &Site, config: &Config) -> Table {
    let mut columns = vec![
        Column::text("document_id", "Identificator", "Identificatorul documentului pe portal.").required().wide(30.0),
        Column::text("titlu", "Titlu", "Titlul, așa cum a fost publicat.").required().wide(50.0),
        Column::text("tip", "Tip", "Felul documentului (proces-verbal).").required(),
    ];
    columns.extend(county_columns("Județul documentului."));
    columns.extend([
        Column::text("localitate", "Localitate", "Localitatea."),
        Column::text("data", "Data", "Data documentului (AAAA-LL-ZZ)."),
        Column::text("nr_inregistrare", "Număr de înregistrare", "Așa cum e tipărit."),
        Column::text("organizator", "Organizator", "Instituția organizatoare (identificator din institutii.csv)."),
        Column::integer("participanti", "Participanți", "Numărul de organizații participante numite.").required(),
        Column::integer("nereguli", "Nereguli", "Numărul de note ale portalului despre nereguli.").required(),
        Column::text("sursa_url", "Sursa oficială", "Adresa oficială de unde a fost preluat documentul.").wide(40.0),
        Column::text("url", "Adresă", "Pagina documentului pe portal.").required().wide(40.0),
    ]);
    let rows = site
        .documents
        .iter()
        .map(|document| {
            let county = site.county(document.county);
            Row::from(vec![
                document.id.clone(),
                document.title.clone(),
                document.kind.clone(),
                county.slug.clone(),
                county.name.clone(),
                document.locality.map(|l| site.localities[l.0].name.clone()).unwrap_or_default(),
                document.date.clone().unwrap_or_default(),
                document.registration.clone().unwrap_or_default(),
                document.organiser.as_ref().map(|a| site.institution(a.institution).id.clone()).unwrap_or_default(),
                document.participants.len().to_string(),
                document.notes.len().to_string(),
                document.provenance.url.clone().unwrap_or_default(),
                config.absolute_url(&urls::document(&document.id)),
            ])
        })
        .collect();
    let foreign_keys = vec![
        county_key(),
        ForeignKey { fields: vec!["organizator"], resource: "institutii".into(), reference: vec!["institutie_id"] },
    ];
    Table {
        name: "documente".into(),
        path: urls::documents_csv(),
        title: "Documente".into(),
        description: "Un rând pentru fiecare document publicat pe portal (procese-verbale ale consultărilor).".into(),
        schema: Arc::new(Schema { name: "documente", columns, primary_key: vec!["document_id"], foreign_keys }),
        rows,
        date: newest(site.documents.iter().map(document_date)),
    }
}

/// `date/strategii/<id>.csv` of every framework: its objectives and the local objectives
/// linked to them.
pub fn frameworks(site: &Site, index: &Index<'_>) -> Vec<Table> {
    let schema = Arc::new(Schema {
        name: "strategie",
        columns: vec![
            Column::text(
                "obiectiv_general_id",
                "Obiectiv general",
                "Identificatorul portalului pentru obiectivul general.",
            )
            .required(),
            Column::text("obiectiv_id", "Obiectiv", "Identificatorul portalului pentru obiectiv.").required(),
            Column::text("formulari", "Formulări", "Formulările din planuri, despărțite prin „ ; ”.").wide(60.0),
            Column::text("obiective_locale", "Obiective locale", "plan#ancoră pentru fiecare obiectiv local legat.")
                .wide(40.0),
            Column::text("judete", "Județe", "Județele care au inclus obiectivul (identificatori).").wide(30.0),
            Column::integer(
                "obiective_locale_numar",
                "Număr de obiective locale",
                "Câte obiective locale îl implementează.",
            )
            .required(),
        ],
        primary_key: vec!["obiectiv_general_id", "obiectiv_id"],
        foreign_keys: Vec::new(),
    });
    site.frameworks
        .iter()
        .enumerate()
        .map(|(f, framework)| {
            let rows = site
                .framework_objectives()
                .filter(|(r, _)| r.framework == f)
                .map(|(r, objective)| {
                    let links = index.framework_links.get(&r).map(Vec::as_slice).unwrap_or_default();
                    let local = join(links.iter().map(|(p, o)| {
                        format!("{}#{}", site.plans[p.0].id, index.objective(*p, *o).objective.anchor)
                    }));
                    let counties = join(links.iter().map(|(p, _)| site.county(site.plans[p.0].county).slug.as_str()));
                    Row::from(vec![
                        site.framework_goal(r).id.clone(),
                        objective.id.clone(),
                        join(&objective.wordings),
                        local,
                        counties,
                        number(Some(links.len())),
                    ])
                })
                .collect();
            Table {
                name: format!("strategie-{}", framework.id),
                path: urls::framework_csv(&framework.id),
                title: framework.title.clone(),
                description: "Obiectivele strategiei naționale, formulările lor din planuri și obiectivele locale care le implementează.".into(),
                schema: schema.clone(),
                rows,
                date: site_date(site),
            }
        })
        .collect()
}
