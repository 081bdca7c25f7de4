//! The synthetic national corpus, in planportal's own content format. Everything is a pure
//! function of `--pages` and of positions (a counter-based hash, no random state), so the same
//! size gives the same bytes on every machine.
//!
//! Shape, as a national portal would hold it: every county with publications has its drug plan
//! 2022-2026 linked to the national framework, an operational plan of its social-services
//! strategy and ten annual plans (2015-2024); below the counties, local authorities each with ten
//! annual plans and their own two institutions. Counties are added first, then local
//! authorities round-robin over the counties, until the page budget is used; the last plan is
//! cut to the exact number of pages left.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::vocabulary::{FRAMEWORK_ID, Vocabulary};

/// A file of the generated site: path relative to the site root, and its text.
pub type Files = BTreeMap<String, String>;

/// Pages that exist whatever the content: home, lists, search, 404, comparisons, data (11);
/// the rankings of institutions and of their types, three orders each (6); the irregularities
/// page and one per note kind; the index of localities; plus one per county, institution type,
/// theme, framework and framework objective.
fn fixed_pages(v: &Vocabulary) -> usize {
    11 + 6
        + 1
        // The index of localities (`localitati/`).
        + 1
        + planportal::vocabulary::NoteKind::ALL.len()
        + v.counties.len()
        + v.institution_types
        + v.themes.len()
        + 1
        + v.framework.iter().map(|g| g.1.len()).sum::<usize>()
}

/// The institutions each county with publications has (type id, name stem, abbreviation).
const COUNTY_BODIES: [(&str, &str, &str); 8] = [
    ("consiliu-judetean", "Consiliul Județean", "CJ"),
    ("dgaspc", "Direcția Generală de Asistență Socială și Protecția Copilului", "DGASPC"),
    ("dsp", "Direcția de Sănătate Publică", "DSP"),
    ("cpeca", "Centrul de Prevenire, Evaluare și Consiliere Antidrog", "CPECA"),
    ("ipj", "Inspectoratul de Poliție Județean", "IPJ"),
    ("isj", "Inspectoratul Școlar Județean", "ISJ"),
    ("ajofm", "Agenția Județeană pentru Ocuparea Forței de Muncă", "AJOFM"),
    ("djst", "Direcția Județeană pentru Sport și Tineret", "DJST"),
];
/// Generic actors of `national.yaml` that plans name.
const GENERIC_ACTORS: [&str; 4] = ["APL", "ONG-uri", "Societatea civilă", "UAT"];
const YEARS: std::ops::RangeInclusive<u16> = 2015..=2024;
const DRUG_OBJECTIVES: usize = 19;

/// A counter-based hash (splitmix64): the n-th "random" number of a stream, with no state.
pub fn pick(stream: u64, n: u64) -> u64 {
    let mut z = stream.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ n.wrapping_add(0x632B_E59B_D9B4_E5F1);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn choose(pool: &[String], stream: u64, n: u64) -> &str {
    if pool.is_empty() { "" } else { &pool[(pick(stream, n) % pool.len() as u64) as usize] }
}

/// The generated site: `config.toml` and `content/`. Fails when `pages` is below the minimum.
pub fn generate(pages: usize) -> anyhow::Result<Files> {
    let v = Vocabulary::load()?;
    let mut g = Generator::new(&v, pages)?;
    g.run();
    Ok(g.finish())
}

struct Generator<'a> {
    v: &'a Vocabulary,
    /// Pages not yet spoken for.
    left: usize,
    /// Counties with publications (every one gets its drug plan first).
    active: usize,
    files: Files,
    institutions: BTreeMap<String, Vec<InstitutionFile>>,
    localities: Vec<LocalityFile>,
    /// A running number for every plan made: the seed of its text.
    serial: u64,
    /// What each paginated listing holds: its further pages come out of the budget too.
    listings: listings::Listings,
    /// How many of `EXTRA_INSTITUTIONS` the budget's last pages took.
    extras: usize,
}

impl<'a> Generator<'a> {
    fn new(v: &'a Vocabulary, pages: usize) -> anyhow::Result<Self> {
        let fixed = fixed_pages(v) + national_institution_count();
        // Its bodies, its drug plan's page, filter page and objective pages, its pages of a theme,
        // and the page of its source text (`surse/<slug>/`).
        let per_county = COUNTY_BODIES.len() + 3 + DRUG_OBJECTIVES + v.themes.len().clamp(1, DRUG_OBJECTIVES);
        let cost = |k: usize| fixed + k * (k.saturating_sub(1)) / 2 + k * per_county;
        let active = (1..=v.counties.len()).rev().find(|k| cost(*k) * 10 <= pages * 6).unwrap_or(0);
        if active == 0 || cost(active) > pages {
            anyhow::bail!("--pages {pages} is too small: the smallest corpus has {} pages", cost(1) * 10 / 6 + 1);
        }
        // The pairs of counties, and each county's source page, whatever its plans.
        let left = pages - fixed - active * (active - 1) / 2 - active;
        Ok(Generator {
            v,
            left,
            active,
            files: Files::new(),
            institutions: BTreeMap::new(),
            localities: Vec::new(),
            serial: 0,
            listings: {
                let mut listings = listings::Listings::default();
                listings.add(vec![listings::institution_list(); national_institution_count()]);
                listings
            },
            extras: 0,
        })
    }

    /// Fills the page budget: counties first, then local authorities round-robin.
    fn run(&mut self) {
        for c in 0..self.active {
            self.county_institutions(c);
            self.drug_plan(c);
        }
        for c in 0..self.active {
            self.social_plan(c, None, PlanKind::Operational);
        }
        for year in YEARS.rev() {
            for c in 0..self.active {
                self.social_plan(c, None, PlanKind::Annual(year));
            }
        }
        let mut n = 0;
        while self.left > 0 {
            for c in 0..self.active {
                if self.left == 0 {
                    break;
                }
                let locality = self.locality(c, n);
                for year in YEARS.rev() {
                    self.social_plan(c, Some(&locality), PlanKind::Annual(year));
                }
            }
            n += 1;
        }
    }

    fn finish(mut self) -> Files {
        self.files.insert("config.toml".into(), CONFIG.into());
        self.files.insert("content/counties.yaml".into(), crate::vocabulary::COUNTIES.into());
        self.files.insert("content/themes.yaml".into(), crate::vocabulary::THEMES.into());
        self.files.insert("content/institution-types.yaml".into(), crate::vocabulary::INSTITUTION_TYPES.into());
        self.files.insert(format!("content/frameworks/{FRAMEWORK_ID}.yaml"), crate::vocabulary::FRAMEWORK.into());
        self.files.insert("content/institutions/national.yaml".into(), crate::vocabulary::NATIONAL_INSTITUTIONS.into());
        for (county, list) in std::mem::take(&mut self.institutions) {
            self.files.insert(format!("content/institutions/{county}.yaml"), yaml(&list));
        }
        self.files.insert("content/localities.yaml".into(), yaml(&self.localities));
        for (slug, name) in self.v.counties.iter().take(self.active) {
            let text = format!("Sursa sintetică a publicațiilor județului {name} (corpus de test, generat).\n");
            self.files.insert(format!("content/sources/{slug}.txt"), text);
        }
        self.files
    }

    /// How many themes the plans carry (the first ones of the vocabulary): the drug plan tags each
    /// of its objectives with one in turn, so every active county has a page for each.
    fn themed(&self) -> usize {
        self.v.themes.len().clamp(1, DRUG_OBJECTIVES)
    }

    /// Takes `n` pages from the budget, or what is left; `None` when nothing is.
    fn take(&mut self, n: usize) -> Option<usize> {
        if self.left == 0 {
            return None;
        }
        let taken = n.min(self.left);
        self.left -= taken;
        Some(taken)
    }

    /// Takes exactly `n` pages, or none when fewer are left.
    fn take_exact(&mut self, n: usize) -> bool {
        let enough = self.left >= n;
        if enough {
            self.left -= n;
        }
        enough
    }

    /// Places an objective's entries on the paginated listings (its theme's page, its
    /// activities' institutions' pages) if the budget has the pages they add; false if not.
    fn place_on_listings(&mut self, entries: Vec<listings::Entry>) -> bool {
        let pages = self.listings.pages_added(&entries);
        if !self.take_exact(pages) {
            return false;
        }
        self.listings.add(entries);
        true
    }

    /// Takes the pages of one institution more: its own, and a page of the list of institutions
    /// when it starts one; false, and nothing taken, when the budget has not got them.
    fn take_institution(&mut self) -> bool {
        let entries = vec![listings::institution_list()];
        if !self.take_exact(1 + self.listings.pages_added(&entries)) {
            return false;
        }
        self.listings.add(entries);
        true
    }

    fn add_institution(&mut self, county: usize, institution: InstitutionFile) {
        let slug = self.v.counties[county].0.clone();
        self.institutions.entry(slug).or_default().push(institution);
    }

    fn county_institutions(&mut self, c: usize) {
        let (slug, name) = self.v.counties[c].clone();
        for (kind, stem, abbreviation) in COUNTY_BODIES {
            if !self.take_institution() {
                return;
            }
            let aliases = vec![format!("{abbreviation} {name}"), abbreviation.to_owned()];
            let id = format!("{kind}-{slug}");
            let institution = InstitutionFile {
                id,
                kind: kind.into(),
                county: slug.clone(),
                name: format!("{stem} {name}"),
                aliases,
            };
            self.add_institution(c, institution);
        }
    }

    /// A local authority of county `c`: its entry in localities.yaml (and its page), its town
    /// hall and its social assistance service. Returns its slug and name.
    fn locality(&mut self, c: usize, n: usize) -> (String, String) {
        let (county_slug, _) = self.v.counties[c].clone();
        let name = locality_name(c, n);
        // Its page (`localitati/<slug>/`); `run` calls this only while pages are left.
        self.take(1);
        let slug = format!("{}-{county_slug}", planportal::text::slugify(&name));
        let kind = match n {
            0..=1 => "municipiu",
            2..=9 => "oraș",
            _ => "comună",
        };
        self.localities.push(LocalityFile {
            slug: slug.clone(),
            name: name.clone(),
            county: county_slug.clone(),
            kind: kind.into(),
        });
        let bodies = [
            ("primarie", format!("Primăria {name}"), format!("Primăria {name} ({county_slug})")),
            ("spas", format!("Direcția de Asistență Socială {name}"), format!("DAS {name}")),
        ];
        for (kind, full, alias) in bodies {
            if !self.take_institution() {
                break;
            }
            let id = format!("{kind}-{slug}");
            self.add_institution(
                c,
                InstitutionFile {
                    id,
                    kind: kind.into(),
                    county: county_slug.clone(),
                    name: full,
                    aliases: vec![alias],
                },
            );
        }
        (slug, name)
    }
}

/// Local authority names: real place-name words, combined; unique within a county.
fn locality_name(county: usize, n: usize) -> String {
    const FIRST: [&str; 24] = [
        "Valea",
        "Dealu",
        "Poiana",
        "Satu",
        "Vârfu",
        "Lunca",
        "Izvoru",
        "Piatra",
        "Câmpu",
        "Râu",
        "Măgura",
        "Fântâna",
        "Costești",
        "Mihăești",
        "Vlădești",
        "Bălănești",
        "Rădești",
        "Gura",
        "Cornu",
        "Slobozia",
        "Pădureni",
        "Săcele",
        "Ciorani",
        "Brădești",
    ];
    const SECOND: [&str; 20] = [
        "Mare",
        "Mic",
        "Nou",
        "Vechi",
        "de Sus",
        "de Jos",
        "Lung",
        "Alb",
        "Negru",
        "Verde",
        "Roșu",
        "Sărat",
        "Domnesc",
        "Bisericii",
        "Morii",
        "Ursului",
        "Florilor",
        "Teiului",
        "Stejarului",
        "Nucului",
    ];
    let round = n / (FIRST.len() * SECOND.len());
    let i = n % (FIRST.len() * SECOND.len());
    // Offset by county so neighbouring counties do not list the same names in the same order.
    let first = FIRST[(i + county * 7) % FIRST.len()];
    let second = SECOND[(i / FIRST.len() + county) % SECOND.len()];
    if round == 0 { format!("{first} {second}") } else { format!("{first} {second} {}", round + 1) }
}

fn national_institution_count() -> usize {
    crate::vocabulary::NATIONAL_INSTITUTIONS.lines().filter(|l| l.starts_with("- id:")).count()
}

fn yaml<T: Serialize>(value: &T) -> String {
    serde_yaml_ng::to_string(value).unwrap_or_default()
}

const CONFIG: &str = "title = \"Planuri publice (corpus sintetic)\"\n\
description = \"Corpus național sintetic pentru măsurarea performanței.\"\n\
base_url = \"http://127.0.0.1:1111/\"\nlanguage = \"ro\"\ntheme = \"default\"\n";

#[derive(Serialize)]
struct InstitutionFile {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    county: String,
    name: String,
    aliases: Vec<String>,
}

#[derive(Serialize)]
struct LocalityFile {
    slug: String,
    name: String,
    county: String,
    kind: String,
}

#[derive(Clone, Copy)]
pub enum PlanKind {
    Operational,
    Annual(u16),
}

mod listings;
mod plans;
