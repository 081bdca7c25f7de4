//! The portal's URLs, in Romanian and without diacritics, all in one place. Each is a site path
//! (no leading slash) such as `judete/cluj/`; `Urls::link` prefixes the base path so that the
//! site works at the root of a host or under a sub-path such as `/portal/`.

use crate::model::{County, Framework, FrameworkObjective};

/// Builds links under one base path.
#[derive(Debug, Clone)]
pub struct Urls {
    base: String,
}

impl Urls {
    pub fn new(base_path: &str) -> Urls {
        Urls { base: base_path.to_owned() }
    }

    /// The link to a site path, as used in `href`.
    pub fn link(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }
}

pub fn home() -> String {
    String::new()
}
pub fn counties() -> String {
    "judete/".to_owned()
}
pub fn county(slug: &str) -> String {
    format!("judete/{slug}/")
}
pub fn plans() -> String {
    "planuri/".to_owned()
}
pub fn plan(id: &str) -> String {
    format!("planuri/{id}/")
}
pub fn objective(plan_id: &str, anchor: &str) -> String {
    format!("planuri/{plan_id}/{anchor}/")
}
/// An anchor on a plan page.
pub fn in_plan(plan_id: &str, anchor: &str) -> String {
    format!("planuri/{plan_id}/#{anchor}")
}
pub fn institutions() -> String {
    "institutii/".to_owned()
}
pub fn institution(id: &str) -> String {
    format!("institutii/{id}/")
}
pub fn institution_types() -> String {
    "tipuri-institutii/".to_owned()
}
pub fn institution_type(id: &str) -> String {
    format!("tipuri-institutii/{id}/")
}
pub fn themes() -> String {
    "teme/".to_owned()
}
pub fn theme(id: &str) -> String {
    format!("teme/{id}/")
}
pub fn documents() -> String {
    "documente/".to_owned()
}
pub fn document(id: &str) -> String {
    format!("documente/{id}/")
}
pub fn source(file_name: &str) -> String {
    format!("surse/{file_name}")
}
/// The comparison of two counties, `a` first. `-si-` joins the slugs, so slugs holding `-si-` can
/// make two pairs share an address; `model::resolve` refuses such counties.
pub fn pair(a_slug: &str, b_slug: &str) -> String {
    format!("comparatii/{a_slug}-si-{b_slug}/")
}
/// The comparison of two counties as the pages link it.
pub fn pair_of(a: &County, b: &County) -> String {
    pair(&a.slug, &b.slug)
}
pub fn comparisons() -> String {
    "comparatii/".to_owned()
}
/// The page of a national framework: which counties adopted which objectives.
pub fn framework(framework: &Framework) -> String {
    format!("strategii/{}/", framework.id)
}
/// One framework objective, the adopting counties side by side.
pub fn framework_objective(framework: &Framework, objective: &FrameworkObjective) -> String {
    format!("strategii/{}/{}/", framework.id, objective.id)
}
pub fn search() -> String {
    "cautare/".to_owned()
}

/// The open-data page and the downloads it lists (`export::data` writes them).
pub fn data() -> String {
    "date/".to_owned()
}
/// The activities of every plan, one CSV.
pub fn activities_csv() -> String {
    "date/activitati.csv".to_owned()
}
pub fn institutions_csv() -> String {
    "date/institutii.csv".to_owned()
}
pub fn counties_csv() -> String {
    "date/judete.csv".to_owned()
}
/// Every plan in one JSON file, and its JSON Schema.
pub fn plans_json() -> String {
    "date/planuri.json".to_owned()
}
pub fn plans_schema() -> String {
    "date/planuri.schema.json".to_owned()
}
/// The Frictionless data package describing every download.
pub fn datapackage() -> String {
    "date/datapackage.json".to_owned()
}
pub fn plan_csv(plan_id: &str) -> String {
    format!("date/planuri/{plan_id}.csv")
}
pub fn plan_json(plan_id: &str) -> String {
    format!("date/planuri/{plan_id}.json")
}
pub fn county_csv(slug: &str) -> String {
    format!("date/judete/{slug}.csv")
}
pub fn institution_csv(institution_id: &str) -> String {
    format!("date/institutii/{institution_id}.csv")
}
pub fn framework_csv(framework_id: &str) -> String {
    format!("date/strategii/{framework_id}.csv")
}
pub fn framework_json(framework_id: &str) -> String {
    format!("date/strategii/{framework_id}.json")
}
/// The Atom feed of publications.
pub fn feed() -> String {
    "publicatii.xml".to_owned()
}

/// The file that serves a site path: `judete/cluj/` → `judete/cluj/index.html`.
pub fn file_for(path: &str) -> String {
    if path.is_empty() || path.ends_with('/') { format!("{path}index.html") } else { path.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_carry_the_base_path() {
        assert_eq!(Urls::new("/portal/").link(&county("caras-severin")), "/portal/judete/caras-severin/");
        assert_eq!(Urls::new("/").link(&home()), "/");
    }

    #[test]
    fn directories_are_served_by_index_html() {
        assert_eq!(file_for(""), "index.html");
        assert_eq!(file_for("judete/cluj/"), "judete/cluj/index.html");
        assert_eq!(file_for("sitemap.xml"), "sitemap.xml");
    }
}
