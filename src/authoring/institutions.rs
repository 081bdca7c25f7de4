//! `planportal new institution`: the skeleton of a new county's institutions file. Every body a
//! county's plans name needs an entry with its full name and every spelling the documents use;
//! the usual county bodies (CPECA, DSP, DGASPC, …) come written out with their type, county and
//! abbreviations, and their full names left to copy from the documents (`COMPLETAȚI`).

use std::path::Path;

use anyhow::{Result, anyhow, bail};

use crate::load::raw::{RawCounty, RawInstitutionType};
use crate::load::{PLACEHOLDER, read_text, yaml};

/// The institution types a county's plans usually name: its council, the anti-drug centre and
/// the county bodies the domain lists first (docs/authoring.md, "Adăugarea unui județ nou").
pub const USUAL_TYPES: &[&str] = &["consiliu-judetean", "cpeca", "dsp", "dgaspc", "isj", "ipj", "ijj", "djst", "ajofm"];

/// Reads and parses the list `content/<name>` of the site at `root`.
fn read_list<T: serde::de::DeserializeOwned>(root: &Path, name: &str) -> Result<Vec<T>> {
    let path = root.join("content").join(name);
    let shown = format!("content/{name}");
    let text =
        read_text(root, &path).map_err(|d| anyhow!("{shown}: {}", d.message.text(crate::messages::language())))?;
    yaml::parse(&shown, &text, 0).map_err(|d| {
        anyhow!("{shown}:{}: {}; run `planportal check`", d.line, d.message.text(crate::messages::language()))
    })
}

/// The skeleton for `county` (a slug of `content/counties.yaml`) with one entry per type of
/// `types` (ids of `content/institution-types.yaml`; none: [`USUAL_TYPES`]). Refuses an
/// unknown county or type, naming the files that list them.
pub fn skeleton(root: &Path, county: &str, types: &[String]) -> Result<String> {
    let counties: Vec<RawCounty> = read_list(root, "counties.yaml")?;
    let Some(county) = counties.iter().find(|c| c.slug == county) else {
        bail!("unknown county `{county}`: use a slug of content/counties.yaml (e.g. vaslui, caras-severin)");
    };
    let known: Vec<RawInstitutionType> = read_list(root, "institution-types.yaml")?;
    let wanted: Vec<&str> =
        if types.is_empty() { USUAL_TYPES.to_vec() } else { types.iter().map(String::as_str).collect() };
    let mut out = header(&county.name);
    for id in wanted {
        let Some(kind) = known.iter().find(|k| k.id == id) else {
            bail!("unknown institution type `{id}`: use an id of content/institution-types.yaml");
        };
        out.push_str(&entry(county, kind));
    }
    Ok(out)
}

/// The comment that opens the file: what to fill in, what to delete, what exists already.
fn header(county: &str) -> String {
    format!(
        "# Instituțiile județului {county} numite de planurile și documentele lui. Pentru fiecare instituție
# pe care un document o numește, înlocuiți {PLACEHOLDER} cu denumirea ei completă, exact ca în
# document, și scrieți în `aliases` fiecare altă denumire pe care o folosesc documentele (abrevieri,
# cu sau fără numele județului). Ștergeți instituțiile pe care documentele nu le numesc; adăugați
# altele după același model (tipurile sunt în content/institution-types.yaml). Instituțiile
# naționale (ANA, ministerele) și actorii generici (APL, UAT, ONG-uri, societatea civilă) sunt deja
# în content/institutions/national.yaml: nu le scrieți din nou.
"
    )
}

/// One institution of type `kind` in `county`: its id, type and county written, its name a
/// placeholder that names the type, its aliases the type's abbreviation with and without the
/// county's name ("DSP", "DSP Vaslui").
fn entry(county: &RawCounty, kind: &RawInstitutionType) -> String {
    let abbreviations: Vec<&str> = kind
        .abbreviation
        .as_deref()
        .map(|a| a.split('/').map(str::trim).filter(|a| !a.is_empty()).collect())
        .unwrap_or_default();
    let short = abbreviations.first().map_or(kind.id.as_str(), |a| a).to_lowercase();
    let mut aliases: Vec<String> = Vec::new();
    for abbreviation in &abbreviations {
        aliases.push(abbreviation.to_string());
        aliases.push(format!("{abbreviation} {}", county.name));
    }
    let aliases = if aliases.is_empty() { String::new() } else { format!("  aliases: [{}]\n", aliases.join(", ")) };
    format!(
        "- id: {short}-{slug}\n  type: {kind_id}\n  county: {slug}\n  name: \"{PLACEHOLDER}: denumirea completă ({type_name} {county_name}), ca în document\"\n{aliases}",
        slug = county.slug,
        kind_id = kind.id,
        type_name = kind.name,
        county_name = county.name,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_has_the_abbreviations_with_and_without_the_county() {
        let county =
            RawCounty { slug: "vaslui".into(), name: "Vaslui".into(), code: "RO-VS".into(), kind: None, tile: None };
        let kind = RawInstitutionType {
            id: "spas".into(),
            name: "Serviciul public".into(),
            abbreviation: Some("SPAS / DAS".into()),
        };
        let text = entry(&county, &kind);
        assert!(text.starts_with("- id: spas-vaslui\n  type: spas\n  county: vaslui\n"), "{text}");
        assert!(text.ends_with("  aliases: [SPAS, SPAS Vaslui, DAS, DAS Vaslui]\n"), "{text}");
        let plain = RawInstitutionType { id: "primarie".into(), name: "Primăria".into(), abbreviation: None };
        assert!(!entry(&county, &plain).contains("aliases"));
    }
}
