//! `planportal new plan|document|institution`: a commented skeleton for an official to fill in.
//! Every value to replace is marked `COMPLETAȚI`; once they are replaced the file passes `check`.

use std::io::Write as _;
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::text::is_slug;
use crate::vocabulary::PlanType;

use crate::load::PLACEHOLDER;

/// The skeleton of a plan of `plan_type` (`--type`, which clap checks against [`PlanType::ALL`]).
fn plan_skeleton(county: &str, plan_type: PlanType) -> String {
    let plan_type = plan_type.code();
    format!(
        r#"# Plan nou. Înlocuiți fiecare COMPLETAȚI cu textul exact al documentului publicat, apoi rulați
# `planportal check`. Câmpurile sunt explicate în docs/content-model.md și docs/authoring.md.
title: "COMPLETAȚI: titlul planului, exact ca în document"
type: {plan_type}
county: {county}
issuer: "COMPLETAȚI: instituția emitentă (un nume din content/institutions/)"
period: {{from: 2025, to: 2025}}          # anii pe care îi acoperă planul
# approval: "Anexa la Hotărârea nr. ..."  # actul de aprobare, dacă documentul îl menționează
# date: 2025-01-31                       # data adoptării sau publicării (AAAA-LL-ZZ)
source: "COMPLETAȚI: numele fișierului din content/sources/ cu textul documentului"
# provenance:                            # de unde provine fișierul; scrieți doar ce știți
#   url: https://...                     # adresa oficială a publicației
#   retrieved: 2025-01-31                # ziua preluării (AAAA-LL-ZZ)
#   sha256: ...                          # suma SHA-256 a fișierului preluat (64 de cifre hexazecimale)
# portal:
#   published: 2025-02-15                # ziua publicării pe portal (AAAA-LL-ZZ): intră în flux cu ea
signatories:
  - {{role: "COMPLETAȚI: funcția", name: "COMPLETAȚI: numele"}}
labels:                                  # cuvintele documentului pentru niveluri și coloane
  goal: Obiectiv general
  # intermediate: Obiectiv intermediar   # nivelul dintre obiectivul general și cele specifice, dacă există
  objective: Obiectiv specific
  activity: Activitate
  indicators: Indicatori
  # results: Rezultate                   # o coloană de rezultate separată de indicatori, dacă există
  period: Termen
  responsible: Responsabili
  # evaluation: Termen de evaluare
  # partners: Parteneri
  # funding: Surse de finanțare
sections:
  - level: "COMPLETAȚI: denumirea nivelului de grupare (de ex. Acțiune strategică)"
    title: "COMPLETAȚI: titlul grupării"
    anchor: s-1                          # ancora grupării fără număr; nu se mai schimbă după publicare
    goals:
      - number: "1"
        text: "COMPLETAȚI: textul obiectivului general"
        objectives:
          - number: "1.1."
            text: "COMPLETAȚI: textul obiectivului specific"
            # framework: snd-2022-2026/...  # `planportal suggest` propune legătura
            activities:
              - number: "1.1.1."
                text: "COMPLETAȚI: textul activității"
                indicators: ["COMPLETAȚI: un indicator"]
                period: "COMPLETAȚI: termenul, ca în document"
                responsible: ["COMPLETAȚI: o instituție responsabilă (nume sau alias)"]
                notes: []                  # neregulile documentului, vezi docs/content-model.md
"#
    )
}

fn document_skeleton(county: &str) -> String {
    format!(
        r#"---
# Document nou. Înlocuiți fiecare COMPLETAȚI, apoi rulați `planportal check`.
title: "COMPLETAȚI: titlul documentului"
kind: proces-verbal
county: {county}
# locality: cluj-napoca                  # localitatea, dacă documentul îi aparține
date: 2025-01-31
source: "COMPLETAȚI: numele fișierului din content/sources/"
# portal: {{published: 2025-02-15}}        # ziua publicării pe portal (AAAA-LL-ZZ): intră în flux cu ea
participants: ["COMPLETAȚI: o instituție participantă (nume sau alias)"]
drawn_up_by: ["COMPLETAȚI: cine a întocmit documentul"]
themes: []
vulnerable_groups: []                    # {{text: ..., themes: [...]}}; textul trebuie să apară în corp
proposals: []
notes: []
---
COMPLETAȚI: textul documentului, în Markdown, exact ca în documentul publicat.
"#
    )
}

/// What `planportal new` writes, and where.
#[derive(Debug, Clone)]
pub struct NewOptions {
    /// The site folder.
    pub root: std::path::PathBuf,
    /// The kind of file, with its county and id.
    pub what: NewFile,
}

/// The kinds of file `new` writes.
#[derive(Debug, Clone)]
pub enum NewFile {
    /// A plan, `content/plans/<id>.yaml`; the id defaults to `<county>-<type>`.
    Plan {
        /// The county slug.
        county: String,
        /// The plan type.
        plan_type: PlanType,
        /// The plan's id and file name.
        id: Option<String>,
    },
    /// A document, `content/documents/<id>.md`; the id defaults to `<county>-document`.
    Document {
        /// The county slug.
        county: String,
        /// The document's id and file name.
        id: Option<String>,
    },
    /// A county's institutions, `content/institutions/<id>.yaml`; the id defaults to the county.
    Institutions {
        /// The county slug, which must be in `content/counties.yaml`.
        county: String,
        /// Institution types (ids of `content/institution-types.yaml`), one entry each; none
        /// gives [`super::institutions::USUAL_TYPES`].
        types: Vec<String>,
        /// The file name.
        id: Option<String>,
    },
}

/// Writes the skeleton; refuses to overwrite an existing file.
pub fn run(options: &NewOptions) -> Result<bool> {
    let root = &options.root;
    let (relative, text) = match &options.what {
        NewFile::Plan { county, plan_type, id } => {
            let id = id.clone().unwrap_or_else(|| format!("{county}-{}", plan_type.code()));
            (format!("content/plans/{}.yaml", checked(&id)?), plan_skeleton(checked(county)?, *plan_type))
        }
        NewFile::Document { county, id } => {
            let id = id.clone().unwrap_or_else(|| format!("{county}-document"));
            (format!("content/documents/{}.md", checked(&id)?), document_skeleton(checked(county)?))
        }
        NewFile::Institutions { county, types, id } => {
            let id = id.as_deref().unwrap_or(county);
            let text = super::institutions::skeleton(root, checked(county)?, types)?;
            (format!("content/institutions/{}.yaml", checked(id)?), text)
        }
    };
    let path = root.join(&relative);
    write_new(root, &path, &text)?;
    println!("new: wrote {relative}; replace every {PLACEHOLDER} and run `planportal check`");
    Ok(true)
}

fn checked(id: &str) -> Result<&str> {
    if is_slug(id) {
        Ok(id)
    } else {
        bail!("`{id}` is not a valid id: use lowercase letters without diacritics, digits and hyphens")
    }
}

/// Writes `text` to a new file at `path`, under `root`. Never writes through a symbolic link:
/// `path.exists()` is false for a dangling link, and writing would create the file wherever the
/// link points. Each folder from `root` down and the file itself are checked, and the file is
/// created with `create_new`, which fails on any existing entry, a link included.
fn write_new(root: &Path, path: &Path, text: &str) -> Result<()> {
    let relative = path.strip_prefix(root).unwrap_or(path);
    let mut current = root.to_path_buf();
    for part in relative.components() {
        current.push(part);
        if std::fs::symlink_metadata(&current).is_ok_and(|m| m.file_type().is_symlink()) {
            bail!("{} is a symbolic link; `new` does not write through links, choose another --id", current.display());
        }
    }
    if std::fs::symlink_metadata(path).is_ok() {
        bail!("{} already exists; choose another --id", path.display());
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .with_context(|| format!("writing {}", path.display()))?;
    file.write_all(text.as_bytes()).with_context(|| format!("writing {}", path.display()))
}
