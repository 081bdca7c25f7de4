//! The DCAT-AP description of the data set (`date/dcat.jsonld`, JSON-LD), for catalogues that
//! harvest one, such as data.gov.ro's CKAN (ckanext-dcat): a catalogue, its one data set (title
//! and description in Romanian, publisher, licence, language, keywords, themes, the years and
//! counties it covers, issued and modified from the content's own days) and one distribution per
//! file of the whole data set. The files are the ones the build wrote (`super::DataFile`, with
//! their sizes), never a second list: every data file at the top of `date/` is a distribution; the per-plan, per-county
//! and per-institution files below it are subsets the landing page lists, and the schemas and
//! the data package describe files rather than hold data. The context is inline, so that a
//! reader needs no network to expand it; values from controlled vocabularies are the EU
//! Publications Office's authority tables that DCAT-AP names.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use crate::config::Config;
use crate::model::Site;
use crate::urls;

/// The EU authority tables DCAT-AP takes its controlled values from.
const AUTHORITY: &str = "http://publications.europa.eu/resource/authority/";
/// What the data set holds, as the data package says it.
const DESCRIPTION: &str = "Planurile județene antidrog și de servicii sociale, cu obiectivele, activitățile, termenele, responsabilii și sursele de finanțare, așa cum au fost publicate.";

/// A value from one of the EU authority tables (`language/RON`).
fn authority(table_and_code: &str) -> Value {
    json!({ "@id": format!("{AUTHORITY}{table_and_code}") })
}

fn romanian(text: &str) -> Value {
    json!({ "@value": text, "@language": "ro" })
}

fn day(date: &str) -> Value {
    json!({ "@value": date, "@type": "xsd:date" })
}

fn link(url: String) -> Value {
    json!({ "@id": url })
}

/// The EU file type, the IANA media type and a Romanian description of a file of the data set,
/// by its extension; `None` for a file that is not data.
fn format_of(path: &str) -> Option<(&'static str, &'static str, &'static str)> {
    let (_, extension) = path.rsplit_once('.')?;
    Some(match extension {
        "csv" => ("CSV", "text/csv", "Tabel CSV: UTF-8 cu BOM, valori despărțite prin virgulă."),
        "xlsx" => (
            "XLSX",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "Registru Excel (.xlsx), cu rândul de antet fixat.",
        ),
        "json" => ("JSON", "application/json", "JSON, cu ierarhia completă a planurilor."),
        "zip" => ("ZIP", "application/zip", "Arhivă zip cu toate fișierele setului de date."),
        _ => return None,
    })
}

/// Whether the file at `path` is a distribution: a data file at the top of `date/`.
fn is_distribution(path: &str) -> bool {
    let Some(name) = path.strip_prefix(&urls::data()) else { return false };
    let description = [urls::plans_schema(), urls::frameworks_schema(), urls::datapackage(), urls::dcat()];
    !name.contains('/') && !description.contains(&path.to_owned()) && format_of(path).is_some()
}

/// One distribution: the file at `path`, of `bytes` bytes.
fn distribution(config: &Config, path: &str, bytes: usize) -> Option<Value> {
    let (file_type, media_type, description) = format_of(path)?;
    let name = path.rsplit('/').next().unwrap_or(path);
    let conforms_to = match file_type {
        "JSON" => Some(urls::plans_schema()),
        "CSV" => Some(urls::datapackage()),
        _ => None,
    };
    let mut value = json!({
        "@id": format!("{}#{name}", config.absolute_url(&urls::dcat())),
        "@type": "dcat:Distribution",
        "dct:title": romanian(name),
        "dct:description": romanian(description),
        "dcat:accessURL": link(config.absolute_url(&urls::data())),
        "dcat:downloadURL": link(config.absolute_url(path)),
        "dcat:mediaType": link(format!("http://www.iana.org/assignments/media-types/{media_type}")),
        "dct:format": authority(&format!("file-type/{file_type}")),
        "dcat:byteSize": { "@value": bytes.to_string(), "@type": "xsd:nonNegativeInteger" },
        "dct:license": authority("licence/CC0"),
    });
    if let Some(standard) = conforms_to {
        value["dct:conformsTo"] = link(config.absolute_url(&standard));
    }
    Some(value)
}

/// The years the content covers: the plans' periods and the documents' dates, as a
/// `dct:PeriodOfTime`; `None` for a site without publications.
fn temporal(site: &Site) -> Option<Value> {
    let plans = site.plans.iter().flat_map(|p| [p.period_from, p.period_to]);
    let documents = site.documents.iter().filter_map(|d| d.date.as_deref()?.get(..4)?.parse::<u16>().ok());
    let years: Vec<u16> = plans.chain(documents).collect();
    let (from, to) = (years.iter().min()?, years.iter().max()?);
    Some(json!({
        "@type": "dct:PeriodOfTime",
        "dcat:startDate": day(&format!("{from:04}-01-01")),
        "dcat:endDate": day(&format!("{to:04}-12-31")),
    }))
}

/// Romania, and each county with a publication, by name and ISO 3166-2 code.
fn spatial(site: &Site) -> Vec<Value> {
    let counties: BTreeSet<usize> =
        site.plans.iter().map(|p| p.county.0).chain(site.documents.iter().map(|d| d.county.0)).collect();
    let mut places = vec![authority("country/ROU")];
    places.extend(counties.into_iter().map(|c| {
        let county = &site.counties[c];
        json!({ "@type": "dct:Location", "skos:prefLabel": romanian(&county.name), "dct:identifier": county.code })
    }));
    places
}

/// The keywords: the plan types the site publishes and every theme, by their Romanian names.
fn keywords(site: &Site) -> Vec<Value> {
    let types: BTreeSet<&str> = site.plans.iter().map(|p| p.plan_type.label()).collect();
    types.into_iter().chain(site.themes.iter().map(|t| t.name.as_str())).map(romanian).collect()
}

/// The DCAT-AP description of the site's data set, whose files are `files` (site path, size).
pub fn describe(site: &Site, config: &Config, files: &[(String, usize)]) -> Value {
    let own = config.absolute_url(&urls::dcat());
    let (catalog, dataset, publisher) =
        (format!("{own}#catalog"), format!("{own}#set-de-date"), format!("{own}#editor"));
    let mut files: Vec<&(String, usize)> = files.iter().filter(|(path, _)| is_distribution(path)).collect();
    files.sort();
    let distributions: Vec<Value> =
        files.iter().filter_map(|(path, bytes)| distribution(config, path, *bytes)).collect();
    let mut data_set = json!({
        "@id": dataset,
        "@type": "dcat:Dataset",
        "dct:identifier": "planuri-publice",
        "dct:title": romanian(&format!("{}: date deschise", config.title)),
        "dct:description": romanian(DESCRIPTION),
        "dct:publisher": link(publisher.clone()),
        "dcat:contactPoint": {
            "@type": "vcard:Organization",
            "vcard:fn": config.title,
            "vcard:hasURL": link(config.absolute_url(&urls::home())),
        },
        "dcat:landingPage": link(config.absolute_url(&urls::data())),
        "dct:language": authority("language/RON"),
        "dcat:theme": [authority("data-theme/SOCI"), authority("data-theme/GOVE"), authority("data-theme/HEAL")],
        "dcat:keyword": keywords(site),
        "dct:spatial": spatial(site),
        "dct:accrualPeriodicity": authority("frequency/IRREG"),
        "dcat:distribution": distributions.iter().map(|d| json!({ "@id": d["@id"] })).collect::<Vec<_>>(),
    });
    let mut catalogue = json!({
        "@id": catalog,
        "@type": "dcat:Catalog",
        "dct:title": romanian(&config.title),
        "dct:description": romanian(if config.description.is_empty() { DESCRIPTION } else { &config.description }),
        "dct:publisher": link(publisher.clone()),
        "foaf:homepage": link(config.absolute_url(&urls::home())),
        "dct:language": authority("language/RON"),
        "dct:license": authority("licence/CC0"),
        "dcat:dataset": link(dataset),
    });
    if let Some(period) = temporal(site) {
        data_set["dct:temporal"] = period;
    }
    if let Some((issued, modified)) = site.portal_days() {
        for node in [&mut data_set, &mut catalogue] {
            node["dct:issued"] = day(issued);
            node["dct:modified"] = day(modified);
        }
    }
    let agent = json!({
        "@id": publisher,
        "@type": "foaf:Agent",
        "foaf:name": romanian(&config.title),
        "foaf:homepage": link(config.absolute_url(&urls::home())),
    });
    let mut graph = vec![catalogue, data_set, agent];
    graph.extend(distributions);
    json!({
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "skos": "http://www.w3.org/2004/02/skos/core#",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@graph": graph,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_data_files_at_the_top_of_the_data_folder_are_distributions() {
        assert!(is_distribution(&urls::activities_csv()));
        assert!(is_distribution(&urls::plans_json()));
        assert!(is_distribution("date/planportal-date.zip"));
        assert!(is_distribution("date/activitati.xlsx"));
        assert!(!is_distribution(&urls::plan_csv("p")));
        assert!(!is_distribution(&urls::plans_schema()));
        assert!(!is_distribution(&urls::datapackage()));
        assert!(!is_distribution(&urls::dcat()));
        assert!(!is_distribution("date/index.html"));
        assert!(!is_distribution(&urls::feed()));
    }
}
