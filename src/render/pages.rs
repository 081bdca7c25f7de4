//! The page kinds, as a table: for each kind, its template, menu section, path, title,
//! breadcrumbs, description and view. Adding a page kind means one row in each method here, a
//! view in `views/` and a template.

use std::borrow::Cow;

use crate::config::Config;
use crate::model::*;
use crate::urls;

use super::views::{
    ACTIVITIES_PER_PAGE, CiteContext, CiteSource, Empty, INSTITUTIONS_PER_PAGE, OBJECTIVES_PER_PAGE, PLANS_PER_PAGE,
    PUBLICATIONS_PER_PAGE, PageData, RankOrder, Views, WorkKind,
};

/// One page to render.
#[derive(Debug, Clone, Copy)]
pub(super) enum PageKind {
    Home,
    Counties,
    County(CountyId),
    CountyTheme(CountyId, ThemeId),
    /// Page `n` (from 1) of the list of plans.
    Plans(usize),
    Plan(PlanId),
    Objective(PlanId, usize),
    /// A plan's activities under each value of its filters.
    PlanFilter(PlanId),
    /// Page `n` (from 1) of the list of institutions.
    Institutions(usize),
    /// Page `n` (from 1) of an institution's activities.
    Institution(InstitutionId, usize),
    InstitutionTypes,
    InstitutionType(InstitutionTypeId),
    /// Page `n` (from 1) of the institutions (`false`) or institution types ranked by what
    /// names them.
    Ranking(bool, RankOrder, usize),
    Themes,
    /// Page `n` (from 1) of a theme's objectives.
    Theme(ThemeId, usize),
    Documents,
    Document(DocumentId),
    Search,
    NotFound,
    Framework(usize),
    FrameworkObjective(FrameworkRef),
    Comparisons,
    Pair(CountyId, CountyId),
    Data,
    /// A source text, its lines numbered: the `n`th of `Site::sources`.
    Source(usize),
    /// Every note of every publication (`None`), or those of one kind.
    /// Page `n` (from 1) of the listing.
    Irregularities(Option<crate::vocabulary::NoteKind>, usize),
    /// The localities by county.
    Localities,
    /// A locality: its publications and the activities that name it.
    Locality(LocalityId),
}

/// The name and text of the `n`th source file.
fn source_file(site: &Site, n: usize) -> (&str, &str) {
    site.sources.iter().nth(n).map_or(("", ""), |(name, text)| (name.as_str(), text.as_str()))
}

/// The breadcrumbs above a source page: those of the first publication it is the text of, then
/// that publication.
fn source_trail(site: &Site, n: usize) -> Vec<(&str, String)> {
    let (name, _) = source_file(site, n);
    if let Some(p) = site.plans.iter().position(|p| p.source == name) {
        let plan = &site.plans[p];
        let mut trail = county_trail(site, PlanId(p));
        trail.push((&plan.title, urls::plan(&plan.id)));
        return trail;
    }
    let mut trail = vec![("Documente", urls::documents())];
    if let Some(document) = site.documents.iter().find(|d| d.source == name) {
        trail.push((&document.title, urls::document(&document.id)));
    }
    trail
}

/// The first wording of a framework objective (empty for a goal, which has no page).
fn framework_wording(site: &Site, r: FrameworkRef) -> &str {
    site.framework_objective(r).map_or("", |o| o.wordings[0].as_str())
}

/// A locality's title: its kind and name ("Comuna Movila", "Municipiul Slobozia").
fn locality_title(locality: &Locality) -> String {
    let kind = match locality.kind.as_str() {
        "municipiu" => "Municipiul",
        "oraș" => "Orașul",
        "comună" => "Comuna",
        _ => "",
    };
    format!("{kind} {}", locality.name).trim().to_owned()
}

/// The breadcrumbs above a plan's own: the counties, then the plan's county.
fn county_trail(site: &Site, plan: PlanId) -> Vec<(&str, String)> {
    let county = site.county(site.plans[plan.0].county);
    vec![("Județe", urls::counties()), (&county.name, urls::county(&county.slug))]
}

impl PageKind {
    /// The template that draws it.
    pub(super) fn template(self) -> &'static str {
        match self {
            PageKind::Home => "home.html",
            PageKind::Counties => "counties.html",
            PageKind::County(_) => "county.html",
            PageKind::CountyTheme(..) => "theme.html",
            PageKind::Plans(_) => "plans.html",
            PageKind::Plan(_) => "plan.html",
            PageKind::Objective(..) => "objective.html",
            PageKind::PlanFilter(..) => "plan_filter.html",
            PageKind::Institutions(_) => "institutions.html",
            PageKind::Institution(..) => "institution.html",
            PageKind::InstitutionTypes => "institution_types.html",
            PageKind::InstitutionType(_) => "institution_type.html",
            PageKind::Ranking(..) => "ranking.html",
            PageKind::Themes => "themes.html",
            PageKind::Theme(..) => "theme.html",
            PageKind::Documents => "documents.html",
            PageKind::Document(_) => "document.html",
            PageKind::Search => "search.html",
            PageKind::NotFound => "404.html",
            PageKind::Framework(_) => "framework.html",
            PageKind::FrameworkObjective(_) => "framework_objective.html",
            PageKind::Comparisons => "comparisons.html",
            PageKind::Pair(..) => "pair.html",
            PageKind::Data => "data.html",
            PageKind::Source(_) => "source.html",
            PageKind::Irregularities(..) => "irregularities.html",
            PageKind::Localities => "localities.html",
            PageKind::Locality(_) => "locality.html",
        }
    }

    /// The plan whose own page this is: its page, its objectives' pages, its filter page. These
    /// show that plan and, besides it, only what is in the other content files (the names of
    /// its county, institutions, themes, localities, national objectives; its sources; the
    /// reports that give its activities' status), its place in the list of plans (which page of
    /// the irregularities lists it), the configuration and the templates — and, on an
    /// objective's page, the other plans' objectives linked to the same national objective.
    /// `Inputs::unchanged_plans` relies on this list: a page that shows more of other plans must
    /// not be one of these.
    pub(super) fn plan(self) -> Option<PlanId> {
        match self {
            PageKind::Plan(p) | PageKind::Objective(p, _) | PageKind::PlanFilter(p) => Some(p),
            _ => None,
        }
    }

    /// The menu entry it belongs to.
    pub(super) fn section(self) -> &'static str {
        match self {
            PageKind::Home => "acasa",
            PageKind::Counties | PageKind::County(_) | PageKind::CountyTheme(..) => "judete",
            PageKind::Localities | PageKind::Locality(_) => "judete",
            PageKind::Plans(_) | PageKind::Plan(_) | PageKind::Objective(..) | PageKind::PlanFilter(..) => "planuri",
            PageKind::Institutions(_)
            | PageKind::Institution(..)
            | PageKind::InstitutionTypes
            | PageKind::InstitutionType(_)
            | PageKind::Ranking(..) => "institutii",
            PageKind::Themes | PageKind::Theme(..) => "teme",
            PageKind::Documents | PageKind::Document(_) => "documente",
            PageKind::Search => "cautare",
            PageKind::NotFound => "",
            PageKind::Framework(_) | PageKind::FrameworkObjective(_) | PageKind::Comparisons | PageKind::Pair(..) => {
                "comparatii"
            }
            PageKind::Data => "date",
            // Read as part of its publication: a plan's, else a document's.
            PageKind::Source(_) => "documente",
            // Read beside the publications they are about.
            PageKind::Irregularities(..) => "documente",
        }
    }

    /// Its site path.
    pub(super) fn path(self, v: &Views<'_>) -> String {
        let site = v.site;
        match self {
            PageKind::Home => urls::home(),
            PageKind::Counties => urls::counties(),
            PageKind::County(id) => urls::county(&site.county(id).slug),
            PageKind::CountyTheme(c, t) => urls::county_theme(&site.county(c).slug, &site.themes[t.0].id),
            PageKind::Plans(n) => urls::listing_page(&urls::plans(), n),
            PageKind::Plan(id) => urls::plan(&site.plans[id.0].id),
            PageKind::Objective(p, o) => {
                urls::objective(&site.plans[p.0].id, &v.index.objective(p, o).objective.anchor)
            }
            PageKind::PlanFilter(p) => urls::plan_filter(&site.plans[p.0].id),
            PageKind::Institutions(n) => urls::listing_page(&urls::institutions(), n),
            PageKind::Institution(id, n) => urls::listing_page(&urls::institution(&site.institution(id).id), n),
            PageKind::InstitutionTypes => urls::institution_types(),
            PageKind::InstitutionType(id) => urls::institution_type(&site.institution_types[id.0].id),
            PageKind::Ranking(types, order, n) => urls::listing_page(&urls::ranking(types, order.slug()), n),
            PageKind::Themes => urls::themes(),
            PageKind::Theme(id, n) => urls::listing_page(&urls::theme(&site.themes[id.0].id), n),
            PageKind::Documents => urls::documents(),
            PageKind::Document(id) => urls::document(&site.documents[id.0].id),
            PageKind::Search => urls::search(),
            PageKind::NotFound => urls::not_found(),
            PageKind::Framework(f) => urls::framework(&site.frameworks[f].id),
            PageKind::FrameworkObjective(r) => match site.framework_objective(r) {
                Some(objective) => urls::framework_objective(&site.frameworks[r.framework].id, &objective.id),
                None => urls::framework(&site.frameworks[r.framework].id),
            },
            PageKind::Comparisons => urls::comparisons(),
            PageKind::Pair(a, b) => urls::pair(&site.county(a).slug, &site.county(b).slug),
            PageKind::Data => urls::data(),
            PageKind::Source(n) => urls::source_page(source_file(site, n).0),
            PageKind::Irregularities(None, n) => urls::listing_page(&urls::irregularities(), n),
            PageKind::Irregularities(Some(k), n) => urls::listing_page(&urls::irregularities_of_kind(k.code()), n),
            PageKind::Localities => urls::localities(),
            PageKind::Locality(id) => urls::locality(&site.localities[id.0].slug),
        }
    }
}

impl PageKind {
    /// Its title.
    pub(super) fn title<'a>(self, v: &Views<'a>, config: &'a Config) -> Cow<'a, str> {
        let site = v.site;
        match self {
            PageKind::Home => Cow::Borrowed(&config.title),
            PageKind::Counties => "Județe".into(),
            PageKind::County(id) => {
                let county = site.county(id);
                let kind = if county.kind == "municipiu" { "Municipiul" } else { "Județul" };
                format!("{kind} {}", county.name).into()
            }
            PageKind::CountyTheme(c, t) => format!("{} — {}", site.themes[t.0].name, site.county(c).name).into(),
            PageKind::Plans(n) => v.paged_title("Planuri", n, site.plans.len(), PLANS_PER_PAGE),
            PageKind::Plan(id) => Cow::Borrowed(&site.plans[id.0].title),
            PageKind::Objective(p, o) => {
                let number = v.index.objective(p, o).objective.number.as_deref().unwrap_or("");
                format!("{} {}", site.plans[p.0].labels.objective, number).trim().to_owned().into()
            }
            PageKind::PlanFilter(_) => "Activitățile după responsabil, temă și termen".into(),
            PageKind::Institutions(n) => v.paged_title("Instituții", n, site.institutions.len(), INSTITUTIONS_PER_PAGE),
            PageKind::Institution(id, n) => {
                v.paged_title(&site.institution(id).name, n, v.institution_row_count(id), ACTIVITIES_PER_PAGE)
            }
            PageKind::InstitutionTypes => "Tipuri de instituții".into(),
            PageKind::InstitutionType(id) => Cow::Borrowed(&site.institution_types[id.0].name),
            PageKind::Ranking(types, order, n) => {
                let what = if types { "Tipurile de instituții" } else { "Instituțiile" };
                let title = format!("{what} după numărul de {}", order.label());
                v.paged_title(&title, n, v.ranking_row_count(types), INSTITUTIONS_PER_PAGE).into_owned().into()
            }
            PageKind::Themes => "Teme și grupuri țintă".into(),
            PageKind::Theme(id, n) => {
                v.paged_title(&site.themes[id.0].name, n, v.theme_entry_count(id), OBJECTIVES_PER_PAGE)
            }
            PageKind::Documents => "Documente".into(),
            PageKind::Document(id) => Cow::Borrowed(&site.documents[id.0].title),
            PageKind::Search => "Căutare".into(),
            PageKind::NotFound => "Pagina nu a fost găsită".into(),
            PageKind::Framework(f) => Cow::Borrowed(&site.frameworks[f].title),
            PageKind::FrameworkObjective(r) => format!("Obiectiv național: {}", framework_wording(site, r)).into(),
            PageKind::Comparisons => "Comparații între județe".into(),
            PageKind::Pair(a, b) => format!("{} și {}", site.county(a).name, site.county(b).name).into(),
            PageKind::Data => "Date deschise".into(),
            PageKind::Irregularities(kind, n) => {
                let name = kind.map_or_else(
                    || "Neregulile documentelor publicate".to_owned(),
                    |k| format!("Nereguli: {}", k.label()),
                );
                let total = site.plans.len() + site.documents.len();
                v.paged_title(&name, n, total, PUBLICATIONS_PER_PAGE).into_owned().into()
            }
            PageKind::Localities => "Localități".into(),
            PageKind::Locality(id) => locality_title(&site.localities[id.0]).into(),
            PageKind::Source(n) => {
                let name = source_file(site, n).0;
                let titles: Vec<&str> = v.publications_of(name).iter().map(|l| l.name).collect();
                format!("Textul publicat: {}", if titles.is_empty() { name.to_owned() } else { titles.join("; ") })
                    .into()
            }
        }
    }

    /// The pages above it, below the home page, as (name, path).
    fn parents(self, site: &Site) -> Vec<(&str, String)> {
        let comparisons = ("Comparații", urls::comparisons());
        match self {
            PageKind::Home | PageKind::NotFound => Vec::new(),
            PageKind::County(_) => vec![("Județe", urls::counties())],
            PageKind::CountyTheme(c, _) => {
                let county = site.county(c);
                vec![("Județe", urls::counties()), (&county.name, urls::county(&county.slug))]
            }
            // A plan is read as its county's: Acasă › Județe › Cluj › plan (› objective).
            PageKind::Plan(p) => county_trail(site, p),
            PageKind::Objective(p, _) | PageKind::PlanFilter(p) => {
                let plan = &site.plans[p.0];
                let mut trail = county_trail(site, p);
                trail.push((&plan.title, urls::plan(&plan.id)));
                trail
            }
            PageKind::Institution(id, n) if n > 1 => {
                let institution = site.institution(id);
                vec![("Instituții", urls::institutions()), (&institution.name, urls::institution(&institution.id))]
            }
            PageKind::Institution(..)
            | PageKind::InstitutionTypes
            | PageKind::Ranking(false, ..)
            | PageKind::Institutions(2..) => {
                vec![("Instituții", urls::institutions())]
            }
            PageKind::Ranking(true, ..) => {
                vec![("Instituții", urls::institutions()), ("Tipuri de instituții", urls::institution_types())]
            }
            PageKind::InstitutionType(_) => {
                vec![("Instituții", urls::institutions()), ("Tipuri de instituții", urls::institution_types())]
            }
            PageKind::Theme(id, n) if n > 1 => {
                let theme = &site.themes[id.0];
                vec![("Teme", urls::themes()), (&theme.name, urls::theme(&theme.id))]
            }
            PageKind::Theme(..) => vec![("Teme", urls::themes())],
            PageKind::Plans(n) if n > 1 => vec![("Planuri", urls::plans())],
            PageKind::Document(_) => vec![("Documente", urls::documents())],
            PageKind::Framework(_) | PageKind::Pair(..) => vec![comparisons],
            PageKind::FrameworkObjective(r) => {
                let framework = &site.frameworks[r.framework];
                vec![comparisons, (&framework.title, urls::framework(&framework.id))]
            }
            PageKind::Source(n) => source_trail(site, n),
            PageKind::Irregularities(Some(_), _) | PageKind::Irregularities(None, 2..) => {
                vec![("Nereguli", urls::irregularities())]
            }
            PageKind::Localities => vec![("Județe", urls::counties())],
            PageKind::Locality(id) => {
                let county = site.county(site.localities[id.0].county);
                let index = urls::localities_of(&county.slug);
                vec![("Județe", urls::counties()), (&county.name, urls::county(&county.slug)), ("Localități", index)]
            }
            PageKind::Counties
            | PageKind::Plans(_)
            | PageKind::Institutions(_)
            | PageKind::Themes
            | PageKind::Documents
            | PageKind::Search
            | PageKind::Comparisons
            | PageKind::Irregularities(None, _)
            | PageKind::Data => Vec::new(),
        }
    }

    /// Its breadcrumbs, as (name, path): the home page, then the pages above it.
    pub(super) fn trail(self, site: &Site) -> Vec<(&str, String)> {
        if matches!(self, PageKind::Home | PageKind::NotFound) {
            return Vec::new();
        }
        let mut trail = vec![("Acasă", urls::home())];
        trail.extend(self.parents(site));
        trail
    }

    /// Its description for search engines, before the cut at 300 characters.
    pub(super) fn description<'a>(self, v: &Views<'a>, config: &'a Config) -> String {
        let site = v.site;
        match self {
            PageKind::Home => config.description.clone(),
            PageKind::County(_) => format!(
                "Planurile și documentele publicate pentru {}, instituțiile implicate și temele lor.",
                self.title(v, config)
            ),
            PageKind::CountyTheme(c, t) => format!(
                "Obiectivele planurilor și mențiunile din documentele publicate pentru {}, pe tema „{}”.",
                site.county(c).name,
                site.themes[t.0].name
            ),
            PageKind::Plan(id) => {
                let plan = &site.plans[id.0];
                format!(
                    "{} — {}, {}–{}: obiective, activități, termene și responsabili, așa cum au fost publicate.",
                    plan.plan_type.label(),
                    site.county(plan.county).name,
                    plan.period_from,
                    plan.period_to
                )
            }
            PageKind::Objective(p, o) => v.index.objective(p, o).objective.text.clone(),
            PageKind::PlanFilter(p) => format!(
                "Activitățile din {}, după cine răspunde de ele, temă și termen, așa cum au fost publicate.",
                site.plans[p.0].title
            ),
            PageKind::Institution(id, _) => format!(
                "Activitățile pentru care {} este responsabil sau partener, în toate planurile publicate.",
                site.institution(id).name
            ),
            PageKind::Ranking(..) => format!(
                "{}: câte activități, planuri și județe le numesc, ca responsabil sau partener.",
                self.title(v, config)
            ),
            PageKind::Theme(id, _) => {
                let theme = &site.themes[id.0];
                theme.description.as_deref().unwrap_or(&theme.name).to_owned()
            }
            PageKind::Framework(f) => format!(
                "Ce obiective ale {} a inclus fiecare județ în planul său și ce a lăsat deoparte.",
                site.frameworks[f].title
            ),
            PageKind::FrameworkObjective(r) => format!(
                "Activitățile județelor pentru obiectivul „{}”, una lângă alta, și județele care nu l-au inclus.",
                framework_wording(site, r)
            ),
            PageKind::Source(n) => format!(
                "Textul publicat al documentului, cu rânduri numerotate, din care a fost transcris: {}.",
                source_file(site, n).0
            ),
            PageKind::Irregularities(..) => "Toate neregulile semnalate de portal în planurile și documentele publicate — numerotări greșite, celule goale, greșeli de redactare, texte tăiate — pe tipuri și pe publicații, cu trimiteri la rândurile din sursă.".to_owned(),
            PageKind::Data => "Toate planurile, obiectivele, activitățile și instituțiile, ca fișiere CSV și JSON, descrise printr-un Data Package.".to_owned(),
            PageKind::Comparisons => {
                "Obiectivele naționale și temele pe care județele le au în comun, una lângă alta.".to_owned()
            }
            PageKind::Pair(a, b) => format!(
                "Obiectivele comune ale județelor {} și {}, una lângă alta.",
                site.county(a).name,
                site.county(b).name
            ),
            PageKind::Localities => {
                "Municipiile, orașele și comunele numite în planurile publicate, pe județe.".to_owned()
            }
            PageKind::Locality(id) => format!(
                "Ce prevăd planurile publicate pentru {}: activitățile care o numesc, cu trimiteri la text.",
                locality_title(&site.localities[id.0])
            ),
            PageKind::Counties
            | PageKind::Plans(_)
            | PageKind::Institutions(_)
            | PageKind::InstitutionTypes
            | PageKind::InstitutionType(_)
            | PageKind::Themes
            | PageKind::Documents
            | PageKind::Document(_)
            | PageKind::Search
            | PageKind::NotFound => String::new(),
        }
    }

    /// What its citation names besides title and address: a plan's issuer, act and date (also for
    /// its objectives and filters, as parts of it), a document's organiser and registration number;
    /// any other page is the portal's own.
    pub(super) fn cite(self, site: &Site) -> CiteSource<'_> {
        let part = !matches!(self, PageKind::Plan(_));
        match self {
            PageKind::Plan(p) | PageKind::Objective(p, _) | PageKind::PlanFilter(p) => {
                let plan = &site.plans[p.0];
                let kind = if plan.approval.is_some() { WorkKind::Legislation } else { WorkKind::Report };
                let within = part.then_some(plan.title.as_str());
                let (act, date) = (plan.approval.as_deref(), plan.date.as_deref());
                let author = plan.issuer.as_ref().map(|i| i.printed.as_str());
                CiteSource { author, act, act_label: "", date, within, kind }
            }
            PageKind::Document(d) => {
                let document = &site.documents[d.0];
                CiteSource {
                    author: document.organiser.as_ref().map(|o| o.printed.as_str()),
                    act: document.registration.as_deref(),
                    act_label: "nr. ",
                    date: document.date.as_deref(),
                    within: None,
                    kind: WorkKind::Report,
                }
            }
            _ => CiteSource::portal(),
        }
    }

    /// What it shows; plan pages state their status on the day `config` says was checked.
    pub(super) fn data<'a>(self, v: &Views<'a>, config: &Config) -> PageData<'a> {
        match self {
            PageKind::Home => PageData::Home(v.home()),
            PageKind::Counties => PageData::Counties(v.counties()),
            PageKind::County(id) => PageData::County(v.county(id)),
            PageKind::CountyTheme(c, t) => PageData::Theme(v.county_theme(c, t)),
            PageKind::Plans(n) => PageData::Plans(v.plans(n)),
            PageKind::Plan(id) => PageData::Plan(v.plan(id, config.checked.as_deref())),
            PageKind::Objective(p, o) => {
                let url = config.absolute_url(&self.path(v));
                let cite = CiteContext { source: self.cite(v.site), portal: &config.title, url };
                PageData::Objective(v.objective_page(p, o, cite))
            }
            PageKind::PlanFilter(p) => PageData::PlanFilter(v.plan_filter(p)),
            PageKind::Institutions(n) => PageData::Institutions(v.institutions(n)),
            PageKind::Institution(id, n) => PageData::Institution(v.institution(id, n)),
            PageKind::InstitutionTypes => PageData::InstitutionTypes(v.institution_types()),
            PageKind::InstitutionType(id) => PageData::InstitutionType(v.institution_type(id)),
            PageKind::Ranking(types, order, n) => PageData::Ranking(v.ranking(types, order, n)),
            PageKind::Themes => PageData::Themes(v.themes()),
            PageKind::Theme(id, n) => PageData::Theme(v.theme(id, n)),
            PageKind::Documents => PageData::Documents(v.documents()),
            PageKind::Document(id) => PageData::Document(v.document(id)),
            PageKind::Search | PageKind::NotFound => PageData::Empty(Empty {}),
            PageKind::Framework(f) => PageData::Framework(v.framework(f)),
            PageKind::FrameworkObjective(r) => {
                v.framework_objective(r).map_or(PageData::Empty(Empty {}), PageData::FrameworkObjective)
            }
            PageKind::Comparisons => PageData::Comparisons(v.comparisons()),
            PageKind::Pair(a, b) => PageData::Pair(v.pair(a, b)),
            PageKind::Data => PageData::Data(v.downloads()),
            PageKind::Source(n) => {
                let (name, text) = source_file(v.site, n);
                PageData::Source(v.source(name, text))
            }
            PageKind::Irregularities(kind, n) => PageData::Irregularities(v.irregularities(kind, n)),
            PageKind::Localities => PageData::Localities(v.localities()),
            PageKind::Locality(id) => PageData::Locality(v.locality(id)),
        }
    }
}
