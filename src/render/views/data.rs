//! The open-data page (`/date/`): every download with its size, rows and date, the zip of the
//! whole set first, each table's XLSX beside its CSV. The facts of each file come from the
//! export stage, which runs before the pages (`build::build_site` hands them over as
//! [`DataFiles`]).

use std::collections::BTreeMap;

use serde::Serialize;

use super::Views;
use crate::urls;

/// What the export stage says of one download.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FileFacts {
    /// Its size in bytes.
    pub bytes: usize,
    /// Its rows, for a table (the header apart).
    pub rows: Option<usize>,
    /// The newest content date of what it holds (`YYYY-MM-DD`).
    pub date: Option<String>,
}

/// The facts of every download, by site path.
pub type DataFiles = BTreeMap<String, FileFacts>;

/// One file to download.
#[derive(Serialize)]
pub struct FileView {
    /// Its file name (`activitati.csv`).
    pub name: String,
    /// Its `href`, base path included.
    pub url: String,
    /// Its size for readers, in Romanian units ("405,3 kB").
    pub size: String,
    /// Its rows, for a table.
    pub rows: Option<usize>,
    /// Its content date, `YYYY-MM-DD`.
    pub date: Option<String>,
}

/// A table: its CSV and, beside it, its XLSX.
#[derive(Serialize)]
pub struct TableView {
    /// What one row is, in Romanian.
    pub description: &'static str,
    /// The CSV.
    pub csv: FileView,
    /// The same rows as XLSX.
    pub xlsx: FileView,
}

/// A plan, county or framework with its own files.
#[derive(Serialize)]
pub struct PartView<'a> {
    /// Its title or name.
    pub title: &'a str,
    /// Its activities (or objectives) as CSV and XLSX.
    pub table: TableView,
    /// Its JSON, for plans and frameworks.
    pub json: Option<FileView>,
}

/// How many plans the data page lists with their files: beyond, it says where each plan's files
/// are (its page, „Descărcări”) instead. Issue 21: at 35,000 plans the list made a 7 MB page.
pub const DATA_PAGE_PLANS: usize = 100;

/// `data.html`.
#[derive(Serialize)]
pub struct DataPage<'a> {
    /// The whole data set in one zip.
    pub zip: FileView,
    /// The content date of the whole set, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The tables of the whole set.
    pub tables: Vec<TableView>,
    /// Every plan as JSON.
    pub plans_json: FileView,
    /// Its JSON Schema.
    pub plans_schema: FileView,
    /// The data package describing every table.
    pub datapackage: FileView,
    /// Per plan, while the portal has `DATA_PAGE_PLANS` plans at most; empty beyond, when each
    /// plan's files are on its own page only.
    pub plans: Vec<PartView<'a>>,
    /// How many plans the portal has.
    pub plan_total: usize,
    /// Per county with plans.
    pub counties: Vec<PartView<'a>>,
    /// Per national framework.
    pub frameworks: Vec<PartView<'a>>,
    /// How many institutions have a file of their own (in the zip and on their pages).
    pub institutions: usize,
}

/// "812 B", "405,3 kB", "1,8 MB": decimal units, a decimal comma.
pub fn size_label(bytes: usize) -> String {
    #[allow(clippy::cast_precision_loss)]
    let value = bytes as f64;
    let (amount, unit) = match bytes {
        0..1_000 => return format!("{bytes} B"),
        1_000..1_000_000 => (value / 1e3, "kB"),
        _ => (value / 1e6, "MB"),
    };
    format!("{amount:.1} {unit}").replace('.', ",")
}

/// The site path of a download (`urls::activities_csv`).
type PathOf = fn() -> String;

/// The whole-set tables, in the order the page lists them, with what one row is.
const TABLES: [(PathOf, &str); 8] = [
    (urls::activities_csv, "o activitate a unui plan, cu termenul citit în ani, responsabilii și partenerii"),
    (urls::plans_csv, "un plan, cu numărul de obiective, activități și nereguli"),
    (urls::institutions_csv, "o instituție, cu denumirile ei din documente și numărul de activități"),
    (urls::counties_csv, "un județ, cu numărul de publicații"),
    (urls::localities_csv, "o localitate numită în publicații, cu numărul de activități care o numesc"),
    (urls::documents_csv, "un document (procesul-verbal al unei consultări)"),
    (
        urls::document_items_csv,
        "o organizație participantă sau un element al listelor unui document: grupuri vulnerabile, propuneri, concluzii",
    ),
    (urls::irregularities_csv, "o notă a portalului despre o neregulă a unei publicații"),
];

impl<'a> Views<'a> {
    fn file(&self, path: &str) -> FileView {
        let facts = self.data_files.get(path);
        FileView {
            name: path.rsplit('/').next().unwrap_or(path).to_owned(),
            url: self.url(path),
            size: size_label(facts.map_or(0, |f| f.bytes)),
            rows: facts.and_then(|f| f.rows),
            date: facts.and_then(|f| f.date.clone()),
        }
    }

    fn table(&self, csv: &str, description: &'static str) -> TableView {
        TableView { description, csv: self.file(csv), xlsx: self.file(&urls::xlsx_of(csv)) }
    }

    /// The open-data page.
    pub fn downloads(&self) -> DataPage<'a> {
        let site = self.site;
        let zip = self.file(&urls::data_zip());
        let part = |title: &'a str, csv: String, json: Option<String>| PartView {
            title,
            table: self.table(&csv, ""),
            json: json.map(|j| self.file(&j)),
        };
        DataPage {
            date: zip.date.clone(),
            zip,
            tables: TABLES.iter().map(|(path, description)| self.table(&path(), description)).collect(),
            plans_json: self.file(&urls::plans_json()),
            plans_schema: self.file(&urls::plans_schema()),
            datapackage: self.file(&urls::datapackage()),
            plans: site
                .plans
                .iter()
                .take(if site.plans.len() > DATA_PAGE_PLANS { 0 } else { DATA_PAGE_PLANS })
                .map(|p| part(&p.title, urls::plan_csv(&p.id), Some(urls::plan_json(&p.id))))
                .collect(),
            counties: self
                .index
                .counties_by_name
                .iter()
                .filter(|c| !self.index.plans_by_county[c.0].is_empty())
                .map(|c| site.county(*c))
                .map(|county| part(&county.name, urls::county_csv(&county.slug), None))
                .collect(),
            frameworks: site
                .frameworks
                .iter()
                .map(|f| part(&f.title, urls::framework_csv(&f.id), Some(urls::framework_json(&f.id))))
                .collect(),
            institutions: site.institutions.len(),
            plan_total: site.plans.len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::size_label;

    #[test]
    fn sizes_read_in_romanian_units() {
        assert_eq!(size_label(812), "812 B");
        assert_eq!(size_label(405_310), "405,3 kB");
        assert_eq!(size_label(1_810_149), "1,8 MB");
    }
}
