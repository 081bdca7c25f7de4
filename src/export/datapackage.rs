//! The Frictionless Data Package (`date/datapackage.json`) that describes every download, each
//! field with a Romanian title and description, with licence and sources.

use serde_json::{Value, json};

use crate::config::Config;
use crate::model::Site;
use crate::urls;
use crate::vocabulary::PlanType;

/// How the CSV files differ from the published text (`crate::export::csv::spreadsheet_safe`).
pub const CSV_FORMULA_NOTE: &str = "În fișierele CSV, o celulă al cărei text începe (și după spații) cu =, +, -, @, tab sau retur de car are în față un apostrof ('), pentru ca programele de calcul tabelar să nu o evalueze ca formulă; fișierele JSON păstrează textul exact.";

fn field(name: &str, kind: &str, title: &str, description: &str) -> Value {
    json!({ "name": name, "type": kind, "title": title, "description": description })
}

/// "plan-droguri, plan-operational sau plan-anual.": every plan type's code.
fn plan_type_codes() -> String {
    let codes: Vec<&str> = PlanType::ALL.iter().map(|t| t.code()).collect();
    match codes.split_last() {
        Some((last, [])) => format!("{last}."),
        Some((last, others)) => format!("{} sau {last}.", others.join(", ")),
        None => String::new(),
    }
}

/// The fields of `activitati.csv` (and of every per-plan and per-county CSV).
fn activity_fields() -> Vec<Value> {
    vec![
        field("judet", "string", "Județ", "Județul care a publicat planul."),
        field("plan", "string", "Plan", "Titlul planului, așa cum a fost publicat."),
        field("tip_plan", "string", "Tip de plan", &plan_type_codes()),
        field(
            "grupare",
            "string",
            "Grupare",
            "Nivelurile de deasupra obiectivului general, cu denumirile documentului, despărțite prin „ > ”.",
        ),
        field(
            "obiectiv_general",
            "string",
            "Obiectiv general",
            "Numărul și textul obiectivului general (sau al direcției de acțiune).",
        ),
        field(
            "obiectiv_specific",
            "string",
            "Obiectiv specific",
            "Numărul și textul obiectivului specific sau operațional.",
        ),
        field(
            "activitate_id",
            "string",
            "Identificatorul activității",
            "Ancora stabilă a activității în pagina planului.",
        ),
        field(
            "activitate",
            "string",
            "Activitate",
            "Numărul publicat (dacă există) și textul activității sau măsurii.",
        ),
        field("indicatori", "string", "Indicatori", "Indicatorii sau rezultatele așteptate, despărțiți prin „ ; ”."),
        field("termen", "string", "Termen", "Perioada de implementare sau termenul de realizare, așa cum e scris."),
        field("termen_evaluare", "string", "Termen de evaluare", "Termenul de evaluare, unde documentul îl are."),
        field(
            "responsabili",
            "string",
            "Responsabili",
            "Instituțiile responsabile, cu denumirea lor completă, despărțite prin „ ; ”.",
        ),
        field("parteneri", "string", "Parteneri", "Instituțiile partenere, despărțite prin „ ; ”."),
        field("finantare", "string", "Surse de finanțare", "Sursele de finanțare, despărțite prin „ ; ”."),
        field(
            "obiectiv_national",
            "string",
            "Obiectiv național",
            "Obiectivul strategiei naționale pe care îl implementează (strategie/obiectiv).",
        ),
        field("note", "string", "Note", "Neregulile documentului publicat care privesc activitatea."),
        field("url", "string", "Adresă", "Legătura către activitate pe portal."),
    ]
}

/// A download's path relative to the data package, which sits in the same folder (`date/`).
fn in_package(path: String) -> String {
    match path.strip_prefix(&urls::data()) {
        Some(relative) => relative.to_owned(),
        None => path,
    }
}

fn csv_resource(name: &str, path: &str, title: &str, description: &str, fields: Vec<Value>) -> Value {
    json!({
        "name": name,
        "path": path,
        "title": title,
        "description": description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8-sig",
        "profile": "tabular-data-resource",
        "schema": { "fields": fields },
    })
}

/// The fields of `nereguli.csv` (`crate::export::irregularities`); `tip` takes only the codes
/// of `NoteKind`.
fn irregularity_fields() -> Vec<Value> {
    let kinds: Vec<&str> = crate::vocabulary::NoteKind::ALL.iter().map(|k| k.code()).collect();
    let mut kind = field("tip", "string", "Tipul neregulii", "Codul tipului de notă (vocabular controlat).");
    kind["constraints"] = json!({ "required": true, "enum": kinds });
    vec![
        field("publicatie", "string", "Publicația", "Identificatorul planului sau documentului."),
        field("titlu_publicatie", "string", "Titlul publicației", "Titlul, așa cum a fost publicat."),
        field("judet", "string", "Județ", "Județul publicației."),
        kind,
        field("tip_denumire", "string", "Denumirea tipului", "Denumirea în limba română a tipului de notă."),
        field(
            "element_ancora",
            "string",
            "Ancora elementului",
            "Ancora obiectivului, activității sau secțiunii la care se referă nota; goală pentru o notă despre întreaga publicație.",
        ),
        field("element_url", "string", "Adresa elementului", "Adresa elementului (sau a publicației) pe portal."),
        field(
            "camp",
            "string",
            "Câmpul",
            "Câmpul la care se referă nota (text, responsabili, parteneri…), dacă îl numește.",
        ),
        field(
            "element_lista",
            "integer",
            "Elementul din listă",
            "Al câtelea element al listei din câmp, numărat de la 1, dacă nota îl numește.",
        ),
        field(
            "randuri_sursa",
            "string",
            "Rândurile din sursă",
            "Rândurile textului sursă la care se referă nota (51, 32-34), despărțite prin „ ; ”.",
        ),
        field("text", "string", "Nota", "Textul notei portalului."),
    ]
}

/// The data package of the site.
pub fn describe(site: &Site, config: &Config) -> Value {
    let mut resources = vec![
        csv_resource(
            "activitati",
            &in_package(urls::activities_csv()),
            "Activitățile tuturor planurilor",
            "Un rând pentru fiecare activitate sau măsură a fiecărui plan.",
            activity_fields(),
        ),
        csv_resource(
            "institutii",
            &in_package(urls::institutions_csv()),
            "Instituții",
            "Fiecare instituție o singură dată, cu toate denumirile sub care apare în documente.",
            vec![
                field("id", "string", "Identificator", "Identificatorul stabil al instituției pe portal."),
                field("nume", "string", "Nume", "Denumirea completă."),
                field("tip", "string", "Tip", "Tipul instituției (cpeca, dsp, dgaspc…)."),
                field(
                    "judet",
                    "string",
                    "Județ",
                    "Județul instituției; gol pentru instituțiile naționale și actorii generici.",
                ),
                field("alias", "string", "Alte denumiri", "Denumirile din documente, despărțite prin „ ; ”."),
                field("nota", "string", "Notă", "Observații, de exemplu o denumire ambiguă."),
            ],
        ),
        csv_resource(
            "nereguli",
            &in_package(urls::irregularities_csv()),
            "Neregulile publicațiilor",
            "Un rând pentru fiecare notă a portalului despre o neregulă a unui plan sau document publicat.",
            irregularity_fields(),
        ),
        csv_resource(
            "judete",
            &in_package(urls::counties_csv()),
            "Județe",
            "Cele 41 de județe și Municipiul București, cu numărul de publicații.",
            vec![
                field("slug", "string", "Identificator", "Identificatorul folosit în adrese."),
                field("nume", "string", "Nume", "Numele județului."),
                field("cod_iso", "string", "Cod ISO 3166-2", "Codul ISO 3166-2 (RO-CJ…)."),
                field("tip", "string", "Tip", "județ sau municipiu."),
                field("planuri", "integer", "Planuri", "Numărul de planuri publicate pe portal."),
                field("documente", "integer", "Documente", "Numărul de documente publicate pe portal."),
            ],
        ),
    ];
    for framework in &site.frameworks {
        resources.push(csv_resource(
            &format!("strategie-{}", framework.id),
            &in_package(urls::framework_csv(&framework.id)),
            &framework.title,
            "Obiectivele strategiei naționale, formulările lor din planuri și obiectivele locale care le implementează.",
            vec![
                field("obiectiv_general_id", "string", "Obiectiv general", "Identificatorul portalului pentru obiectivul general."),
                field("obiectiv_id", "string", "Obiectiv", "Identificatorul portalului pentru obiectiv."),
                field("formulari", "string", "Formulări", "Formulările din planuri, despărțite prin „ ; ”."),
                field("obiective_locale", "string", "Obiective locale", "plan#ancoră pentru fiecare obiectiv local legat."),
                field("judete", "string", "Județe", "Județele care au inclus obiectivul."),
            ],
        ));
    }
    for plan in &site.plans {
        resources.push(csv_resource(
            &format!("plan-{}", plan.id),
            &in_package(urls::plan_csv(&plan.id)),
            &plan.title,
            "Activitățile acestui plan, cu aceleași coloane ca activitati.csv.",
            activity_fields(),
        ));
    }
    resources.push(json!({
        "name": "planuri-json",
        "path": in_package(urls::plans_json()),
        "title": "Planurile, ca JSON",
        "description": "Toate planurile, cu ierarhia lor completă. Schema: planuri.schema.json.",
        "format": "json",
        "mediatype": "application/json",
        "encoding": "utf-8",
    }));
    let sources: Vec<Value> = site
        .plans
        .iter()
        .map(|p| json!({ "title": p.title, "path": config.absolute_url(&urls::source(&p.source)) }))
        .chain(
            site.documents
                .iter()
                .map(|d| json!({ "title": d.title, "path": config.absolute_url(&urls::source(&d.source)) })),
        )
        .collect();
    json!({
        "profile": "data-package",
        "name": "planuri-publice",
        "title": format!("{}: date deschise", config.title),
        "description": format!("Planurile județene antidrog și de servicii sociale, cu obiectivele, activitățile, termenele, responsabilii și sursele de finanțare, așa cum au fost publicate. {CSV_FORMULA_NOTE}"),
        "homepage": config.absolute_url(""),
        "language": config.language,
        "licenses": [{ "name": "CC0-1.0", "path": "https://creativecommons.org/publicdomain/zero/1.0/", "title": "Creative Commons Zero v1.0 Universal" }],
        "sources": sources,
        "resources": resources,
    })
}
