//! The old pages of objectives whose anchor was corrected (`previous_ids`): an objective's anchor
//! names its page (`planuri/<plan>/<anchor>/`), so each old anchor keeps a page at its old
//! address that sends the browser on to the objective's page, and links it for readers whose
//! browser does not follow it. Not listed in the sitemap, not indexed.

use anyhow::Result;

use crate::config::Config;
use crate::model::{Objective, Plan, Site};
use crate::output::Sink;
use crate::urls::{self, Urls};

/// Writes the old page of every previous id of every objective of `site` into `sink`.
pub fn write_moved_objectives(site: &Site, config: &Config, urls: &Urls, sink: &dyn Sink) -> Result<()> {
    for plan in &site.plans {
        for objective in plan.objectives() {
            for old in &objective.previous_ids {
                let page = moved_page(plan, objective, config, urls);
                sink.write(&format!("{}index.html", urls::objective(&plan.id, old)), page.as_bytes())?;
            }
        }
    }
    Ok(())
}

/// The page at an old address of `objective`: Romanian, valid HTML, nothing but the way on.
fn moved_page(plan: &Plan, objective: &Objective, config: &Config, urls: &Urls) -> String {
    let target = tera::escape_html(&urls.link(&urls::objective(&plan.id, &objective.anchor)));
    let label = objective.label.as_deref().unwrap_or(&plan.labels.objective);
    let name = match &objective.number {
        Some(number) => format!("{label} {number}"),
        None => label.to_owned(),
    };
    let (name, text) = (tera::escape_html(&name), tera::escape_html(&objective.text));
    let (title, site) = (tera::escape_html(&plan.title), tera::escape_html(&config.title));
    format!(
        "<!doctype html>\n<html lang=\"ro\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{name}: adresă nouă — {site}</title>\n<meta name=\"robots\" content=\"noindex\">\n\
         <link rel=\"canonical\" href=\"{target}\">\n<meta http-equiv=\"refresh\" content=\"0; url={target}\">\n\
         </head>\n<body>\n<main>\n<h1>Pagina obiectivului are o adresă nouă</h1>\n\
         <p>{title}</p>\n<p><a href=\"{target}\">{name}: {text}</a></p>\n</main>\n</body>\n</html>\n"
    )
}
