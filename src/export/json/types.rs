//! The export types of the published JSON, borrowed from the model so that renaming a model field
//! cannot change a published file. The JSON Schema (`super::super::schema`) is derived from these
//! very types, so every field has its Romanian title or description here, in `#[schemars]`
//! attributes: the schema is read by journalists, and a doc comment would put English in it.
//! Every struct refuses fields it does not declare (`deny_unknown_fields`) and, the schema being
//! made for what is serialised, lists every field as required, `null` allowed where it may be.
//! Fields are in alphabetical order: the files were first written from sorted JSON maps, and the
//! published bytes stay as they were.

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Serialize;

use crate::vocabulary::{NoteKind, PROGRESS_UNKNOWN, PlanType, Progress};

/// A string that takes one of `codes`.
fn one_of(codes: Vec<&'static str>, description: &str) -> Schema {
    json_schema!({ "type": "string", "enum": codes, "description": description })
}

/// The codes of the plan types, from the vocabulary.
fn plan_type_codes(_: &mut SchemaGenerator) -> Schema {
    one_of(PlanType::ALL.iter().map(|t| t.code()).collect(), "Codul tipului de plan (vocabular controlat).")
}

/// The codes of the note kinds, from the vocabulary.
fn note_kind_codes(_: &mut SchemaGenerator) -> Schema {
    one_of(NoteKind::ALL.iter().map(|k| k.code()).collect(), "Codul tipului de notă (vocabular controlat).")
}

/// The codes of the implementation statuses, from the vocabulary, and `necunoscut`.
fn progress_codes(_: &mut SchemaGenerator) -> Schema {
    let codes = Progress::ALL.iter().map(|p| p.code()).chain([PROGRESS_UNKNOWN.0]).collect();
    one_of(
        codes,
        "Codul stadiului implementării (vocabular controlat); necunoscut unde niciun raport publicat nu spune.",
    )
}

/// A plan as published, with institutions by id and name.
#[derive(Serialize, JsonSchema)]
#[schemars(
    deny_unknown_fields,
    title = "Plan",
    description = "Un plan, cu ierarhia sa completă, așa cum a fost publicat; fișierul fiecărui plan (date/planuri/<id>.json) are această formă."
)]
pub struct PlanJson<'a> {
    #[schemars(description = "Actul de aprobare, așa cum este tipărit; null dacă documentul nu numește unul.")]
    pub(super) approval: Option<&'a str>,
    #[schemars(description = "Corecturile portalului la transcrierea planului, în ordinea jurnalului.")]
    pub(super) corrections: Vec<CorrectionJson<'a>>,
    #[schemars(description = "Identificatorul județului (ca în adresele portalului).")]
    pub(super) county: &'a str,
    #[schemars(description = "Numele județului.")]
    pub(super) county_name: &'a str,
    #[schemars(extend("format" = "date"), description = "Data tipărită a planului (AAAA-LL-ZZ); null dacă documentul nu are dată.")]
    pub(super) date: Option<&'a str>,
    #[schemars(description = "Identificatorul stabil al planului pe portal.")]
    pub(super) id: &'a str,
    #[schemars(description = "Instituția emitentă; null dacă documentul nu o numește.")]
    pub(super) issuer: Option<ActorJson<'a>>,
    #[schemars(description = "Denumirile documentului pentru nivelurile și coloanele sale.")]
    pub(super) labels: LabelsJson<'a>,
    #[schemars(description = "Un rând tipărit de document despre ce este, care nu numește un act de aprobare.")]
    pub(super) mention: Option<&'a str>,
    #[schemars(description = "Notele portalului despre neregulile întregului document.")]
    pub(super) notes: Vec<NoteJson<'a>>,
    #[schemars(description = "Obiectivele specifice, în ordinea documentului.")]
    pub(super) objectives: Vec<ObjectiveJson<'a>>,
    #[schemars(description = "Anii acoperiți de plan.")]
    pub(super) period: PeriodJson,
    #[schemars(description = "Când a publicat portalul planul.")]
    pub(super) portal: PortalJson<'a>,
    #[schemars(description = "De unde a fost preluat fișierul publicat; ce nu se cunoaște este null.")]
    pub(super) provenance: ProvenanceJson<'a>,
    #[schemars(description = "Semnatarii, așa cum sunt tipăriți.")]
    pub(super) signatories: Vec<SignatoryJson<'a>>,
    #[schemars(url, description = "Adresa absolută a textului publicat (sursa).")]
    pub(super) source: String,
    #[schemars(description = "Titlul, așa cum a fost publicat.")]
    pub(super) title: &'a str,
    #[serde(rename = "type")]
    #[schemars(schema_with = "plan_type_codes")]
    pub(super) plan_type: &'static str,
    #[schemars(description = "Denumirea tipului de plan.")]
    pub(super) type_label: &'static str,
    #[schemars(url, description = "Adresa planului pe portal.")]
    pub(super) url: String,
}

/// An institution named in a plan: its portal id and name, and the name as printed.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields, title = "Instituție", description = "O instituție numită în plan.")]
pub struct ActorJson<'a> {
    #[schemars(description = "Identificatorul stabil al instituției pe portal.")]
    pub(super) id: &'a str,
    #[schemars(description = "Denumirea completă a instituției.")]
    pub(super) name: &'a str,
    #[schemars(description = "Denumirea, așa cum este tipărită în document.")]
    pub(super) printed: &'a str,
}

/// The document's own words for its levels and columns.
#[derive(Serialize, JsonSchema)]
#[schemars(
    deny_unknown_fields,
    title = "Denumiri",
    description = "Cuvintele documentului pentru nivelurile și coloanele sale; null pentru o coloană pe care documentul nu o are."
)]
pub struct LabelsJson<'a> {
    #[schemars(description = "Denumirea documentului pentru activități (sau măsuri).")]
    pub(super) activity: &'a str,
    #[schemars(description = "Denumirea documentului pentru coloana termenului de evaluare.")]
    pub(super) evaluation: Option<&'a str>,
    #[schemars(description = "Denumirea documentului pentru coloana surselor de finanțare.")]
    pub(super) funding: Option<&'a str>,
    #[schemars(description = "Denumirea documentului pentru obiectivele generale (sau direcțiile de acțiune).")]
    pub(super) goal: &'a str,
    #[schemars(description = "Denumirea documentului pentru coloana indicatorilor (sau a rezultatelor așteptate).")]
    pub(super) indicators: &'a str,
    #[schemars(
        description = "Denumirea documentului pentru nivelul dintre obiectivele generale și cele specifice, unde îl are."
    )]
    pub(super) intermediate: Option<&'a str>,
    #[schemars(description = "Denumirea documentului pentru obiectivele specifice (sau operaționale).")]
    pub(super) objective: &'a str,
    #[schemars(description = "Denumirea documentului pentru coloana partenerilor.")]
    pub(super) partners: Option<&'a str>,
    #[schemars(description = "Denumirea documentului pentru coloana termenului (perioada de implementare).")]
    pub(super) period: &'a str,
    #[schemars(description = "Denumirea documentului pentru coloana responsabililor.")]
    pub(super) responsible: &'a str,
    #[schemars(description = "Denumirea documentului pentru coloana rezultatelor, unde o are separat de indicatori.")]
    pub(super) results: Option<&'a str>,
}

/// A note on an irregularity: its kind's code ([`NoteKind::code`]) and label, and its text.
#[derive(Serialize, JsonSchema)]
#[schemars(
    deny_unknown_fields,
    title = "Notă",
    description = "O notă a portalului despre o neregulă a documentului publicat."
)]
pub struct NoteJson<'a> {
    #[schemars(schema_with = "note_kind_codes")]
    pub(super) kind: &'static str,
    #[schemars(description = "Denumirea tipului de notă.")]
    pub(super) kind_label: &'static str,
    #[schemars(description = "Textul notei.")]
    pub(super) text: &'a str,
}

/// An entry of a plan's correction log, with the absolute URL of its place on the plan page.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields, title = "Corectură", description = "O corectură a transcrierii făcută de portal.")]
pub struct CorrectionJson<'a> {
    #[schemars(extend("format" = "date"), description = "Ziua corecturii (AAAA-LL-ZZ).")]
    pub(super) date: &'a str,
    #[schemars(description = "Ce s-a corectat.")]
    pub(super) text: &'a str,
    #[schemars(url, description = "Locul corecturii în pagina planului.")]
    pub(super) url: String,
}

/// When the portal published a plan.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields, title = "Publicarea pe portal")]
pub struct PortalJson<'a> {
    #[schemars(extend("format" = "date"), description = "Ziua în care portalul a publicat planul (AAAA-LL-ZZ); null dacă nu se cunoaște.")]
    pub(super) published: Option<&'a str>,
}

/// Where a plan's published file was retrieved from.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields, title = "Proveniență")]
pub struct ProvenanceJson<'a> {
    #[schemars(extend("format" = "date"), description = "Ziua preluării fișierului (AAAA-LL-ZZ).")]
    pub(super) retrieved: Option<&'a str>,
    #[schemars(description = "SHA-256 al fișierului preluat (64 de cifre hexazecimale).")]
    pub(super) sha256: Option<&'a str>,
    #[schemars(description = "Adresa oficială a publicației.")]
    pub(super) url: Option<&'a str>,
}

/// The years a plan covers.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields, title = "Perioadă")]
pub struct PeriodJson {
    #[schemars(description = "Primul an.")]
    pub(super) from: u16,
    #[schemars(description = "Ultimul an.")]
    pub(super) to: u16,
}

/// A signatory of a plan.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields, title = "Semnatar")]
pub struct SignatoryJson<'a> {
    #[schemars(description = "Numele, așa cum este scris.")]
    pub(super) name: &'a str,
    #[schemars(description = "Funcția, așa cum este tipărită.")]
    pub(super) role: Option<&'a str>,
}

/// A specific objective with its general objective, its grouping and its activities.
#[derive(Serialize, JsonSchema)]
#[schemars(
    deny_unknown_fields,
    title = "Obiectiv specific",
    description = "Un obiectiv specific, cu obiectivul general, gruparea și activitățile sale."
)]
pub struct ObjectiveJson<'a> {
    #[schemars(description = "Activitățile sau măsurile obiectivului, în ordinea documentului.")]
    pub(super) activities: Vec<ActivityJson<'a>>,
    #[schemars(description = "Ancora stabilă a obiectivului în pagina planului.")]
    pub(super) anchor: &'a str,
    #[schemars(description = "Obiectivul strategiei naționale pe care îl implementează: strategie/obiectiv.")]
    pub(super) framework_objective: Option<String>,
    #[schemars(description = "Obiectivul general de deasupra.")]
    pub(super) general_objective: GoalJson<'a>,
    #[schemars(description = "Nivelurile de deasupra obiectivului general, de la cel mai cuprinzător.")]
    pub(super) grouping: Vec<SectionJson<'a>>,
    #[schemars(
        description = "Nivelul dintre obiectivul general și cel specific sub care stă, unde documentul are unul; altfel null."
    )]
    pub(super) intermediate: Option<IntermediateJson<'a>>,
    #[schemars(description = "Formularea obiectivului în lista de deasupra tabelului, unde diferă.")]
    pub(super) list_text: Option<&'a str>,
    #[schemars(description = "Notele portalului despre obiectiv.")]
    pub(super) notes: Vec<NoteJson<'a>>,
    #[schemars(description = "Numărul tipărit.")]
    pub(super) number: Option<&'a str>,
    #[schemars(
        description = "Ancorele pe care obiectivul le-a avut înainte de corectarea numărului lui; duc tot la el."
    )]
    pub(super) previous_ids: &'a [String],
    #[schemars(description = "Textul, așa cum a fost publicat.")]
    pub(super) text: &'a str,
    #[schemars(description = "Identificatorii temelor.")]
    pub(super) themes: Vec<&'a str>,
    #[schemars(url, description = "Adresa obiectivului pe portal.")]
    pub(super) url: String,
}

/// The general objective above a specific one.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields, title = "Obiectiv general")]
pub struct GoalJson<'a> {
    #[schemars(description = "Numărul tipărit.")]
    pub(super) number: Option<&'a str>,
    #[schemars(description = "Textul, așa cum a fost publicat.")]
    pub(super) text: &'a str,
}

/// The level between a general objective and a specific one, where the document has one.
#[derive(Serialize, JsonSchema)]
#[schemars(
    deny_unknown_fields,
    title = "Nivel intermediar",
    description = "Un element dintre obiectivul general și obiectivele specifice (de exemplu „Obiectiv intermediar”)."
)]
pub struct IntermediateJson<'a> {
    #[schemars(description = "Ancora stabilă a elementului în pagina planului.")]
    pub(super) anchor: &'a str,
    #[schemars(description = "Notele portalului despre element.")]
    pub(super) notes: Vec<NoteJson<'a>>,
    #[schemars(description = "Numărul tipărit.")]
    pub(super) number: Option<&'a str>,
    #[schemars(description = "Textul, așa cum a fost publicat.")]
    pub(super) text: &'a str,
}

/// One level of grouping above a general objective.
#[derive(Serialize, JsonSchema)]
#[schemars(
    deny_unknown_fields,
    title = "Grupare",
    description = "Un nivel de deasupra obiectivului general (capitol, secțiune)."
)]
pub struct SectionJson<'a> {
    #[schemars(description = "Denumirea nivelului în document.")]
    pub(super) level: Option<&'a str>,
    #[schemars(description = "Numărul tipărit.")]
    pub(super) number: Option<&'a str>,
    #[schemars(description = "Titlul, așa cum a fost publicat.")]
    pub(super) title: Option<&'a str>,
}

/// An activity or measure.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields, title = "Activitate", description = "O activitate sau măsură.")]
pub struct ActivityJson<'a> {
    #[schemars(description = "Ancora stabilă a activității în pagina planului.")]
    pub(super) anchor: &'a str,
    #[schemars(description = "Termenul de evaluare, ca în document.")]
    pub(super) evaluation: Option<&'a str>,
    #[schemars(description = "Sursele de finanțare, ca în document.")]
    pub(super) funding: &'a [String],
    #[schemars(description = "Indicatorii sau rezultatele așteptate, ca în document.")]
    pub(super) indicators: &'a [String],
    #[schemars(
        description = "Localitățile pe care le numesc celulele activității: identificatorii lor (localitati.csv, paginile localitati/<id>/)."
    )]
    pub(super) localities: Vec<&'a str>,
    #[schemars(description = "Notele portalului despre activitate.")]
    pub(super) notes: Vec<NoteJson<'a>>,
    #[schemars(description = "Numărul tipărit.")]
    pub(super) number: Option<&'a str>,
    #[schemars(description = "Instituțiile partenere.")]
    pub(super) partners: Vec<ActorJson<'a>>,
    #[schemars(description = "Celula partenerilor, așa cum e scrisă, unde spune mai mult decât o listă de nume.")]
    pub(super) partners_text: Option<&'a str>,
    #[schemars(description = "Termenul sau perioada de implementare, ca în document.")]
    pub(super) period: Option<&'a str>,
    #[schemars(
        description = "Ancorele pe care activitatea le-a avut înainte de corectarea numărului ei; duc tot la ea."
    )]
    pub(super) previous_ids: &'a [String],
    #[schemars(description = "Instituțiile responsabile.")]
    pub(super) responsible: Vec<ActorJson<'a>>,
    #[schemars(description = "Celula responsabililor, așa cum e scrisă, unde spune mai mult decât o listă de nume.")]
    pub(super) responsible_text: Option<&'a str>,
    #[schemars(
        description = "Rezultatele, ca în document, unde acesta le tipărește într-o coloană separată de indicatori."
    )]
    pub(super) results: &'a [String],
    #[schemars(description = "Stadiul implementării, după cel mai nou raport care îl menționează.")]
    pub(super) status: StatusJson,
    #[schemars(description = "Textul, așa cum a fost publicat.")]
    pub(super) text: &'a str,
    #[schemars(url, description = "Adresa activității pe portal.")]
    pub(super) url: String,
}

/// An activity's implementation status: from a report, or `necunoscut` with every other field
/// null or empty.
#[derive(Serialize, JsonSchema)]
#[schemars(
    deny_unknown_fields,
    title = "Stadiu",
    description = "Stadiul implementării unei activități, așa cum îl dă un raport de monitorizare sau de activitate publicat."
)]
pub struct StatusJson {
    #[schemars(schema_with = "progress_codes")]
    pub(super) code: &'static str,
    #[schemars(description = "Ziua la care raportul dă stadiul (AAAA-LL-ZZ); null dacă stadiul este necunoscut.")]
    pub(super) date: Option<String>,
    #[schemars(description = "Stadiul, în cuvinte.")]
    pub(super) label: &'static str,
    #[schemars(description = "Rândurile textului sursă al raportului din care a fost citit stadiul.")]
    pub(super) lines: Vec<LinesJson>,
    #[schemars(description = "Identificatorul documentului-raport; null dacă stadiul este necunoscut.")]
    pub(super) report: Option<String>,
    #[schemars(url, description = "Adresa raportului pe portal; null dacă stadiul este necunoscut.")]
    pub(super) report_url: Option<String>,
}

/// Lines of a source text, first and last included.
#[derive(Serialize, JsonSchema)]
#[schemars(
    deny_unknown_fields,
    title = "Rânduri",
    description = "Un rând sau un interval de rânduri ale unui text sursă."
)]
pub struct LinesJson {
    #[schemars(description = "Primul rând, numerotat de la 1.")]
    pub(super) from: usize,
    #[schemars(description = "Ultimul rând.")]
    pub(super) to: usize,
}
