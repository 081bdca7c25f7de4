//! Stage 4b: the open data and the files that describe the site to machines — CSV and JSON
//! downloads under `date/` (`csv`, `json`, `schema`, `irregularities`), the Frictionless data package
//! (`datapackage`), the DCAT-AP description for catalogues (`dcat`), the Atom feed (`feed`), the
//! sitemap and `robots.txt` (`sitemap`).
//! Everything is made from the model, in a stable order, and handed to the output sink file by
//! file; every path comes from `crate::urls`.

pub mod csv;
pub mod datapackage;
pub mod dcat;
pub mod feed;
pub mod irregularities;
pub mod json;
pub mod schema;
pub mod sitemap;

use anyhow::Result;

use crate::config::Config;
use crate::model::Site;
use crate::model::index::Index;
use crate::output::Sink;
use crate::urls;

/// Every download of the site, its schema, the data package and the feed, each written to
/// `sink` as soon as it is made.
pub fn write_data(site: &Site, index: &Index<'_>, config: &Config, sink: &dyn Sink) -> Result<()> {
    // The DCAT description's distributions are the data files as written, with their sizes.
    let written = dcat::Written::new(sink);
    let sink = &written;
    csv::write_csv(site, index, config, sink)?;
    json::write_json(site, index, config, sink)?;
    sink.put(irregularities::irregularities_csv(site, config)?)?;
    sink.put(json::json_file(urls::plans_schema(), &schema::dataset_schema(config))?)?;
    if !site.frameworks.is_empty() {
        sink.put(json::json_file(urls::frameworks_schema(), &schema::framework_schema(config))?)?;
    }
    sink.put(json::json_file(urls::datapackage(), &datapackage::describe(site, config))?)?;
    sink.put(json::json_file(urls::dcat(), &dcat::describe(site, config, &written.files()))?)?;
    if let Some(feed) = feed::atom(site, config) {
        sink.put(feed)?;
    }
    Ok(())
}
