//! Counties, localities, themes, institution types and institutions, and the names that refer to
//! them from plans and documents.

use std::collections::HashSet;

use super::report::{FileReport, field, item};
use super::{Context, Lookup, limits, nearest};
use crate::diagnostics::Diagnostics;
use crate::load::Parsed;
use crate::load::raw::{RawCounty, RawInstitution, RawInstitutionType, RawLocality, RawTheme};
use crate::messages::{Message, Noun};
use crate::model::*;
use crate::text::{is_slug, name_key, normalize};

pub(super) fn resolve_counties(
    parsed: &Parsed<Vec<RawCounty>>,
    site: &mut Site,
    lookup: &mut Lookup,
    diagnostics: &mut Diagnostics,
) {
    let mut report = FileReport::new(&parsed.file);
    for (i, raw) in parsed.value.iter().enumerate() {
        let at = item("", "", i);
        check_new_id(
            &mut report,
            || field(&at, "slug"),
            &raw.slug,
            lookup.counties.contains_key(&raw.slug),
            Noun::County,
        );
        let code_ok = raw.code.starts_with("RO-") && (4..=5).contains(&raw.code.len());
        report.check(
            || field(&at, "code"),
            &raw.code,
            code_ok,
            || Message::NotIsoCode { code: raw.code.clone() },
            Some(Message::NotIsoCodeHint),
        );
        let tile = raw.tile.map(|t| Tile { row: t.row, col: t.col });
        if let Some(tile) = tile {
            check_tile(&mut report, &site.counties, tile, || field(&at, "tile"));
        }
        lookup.counties.insert(raw.slug.clone(), CountyId(site.counties.len()));
        site.counties.push(County {
            slug: raw.slug.clone(),
            name: normalize(&raw.name),
            code: raw.code.clone(),
            kind: raw.kind.as_deref().map(normalize).unwrap_or_else(|| "județ".to_owned()),
            tile,
        });
    }
    limits::check_county_pairs(&mut report, &site.counties);
    for (i, county) in site.counties.iter().enumerate() {
        limits::check_control(&mut report, &county.name, Noun::CountyName, || field(&item("", "", i), "name"));
    }
    diagnostics.extend(report.finish());
}

/// Two counties on one square would hide one of them on the map: refused at the second.
fn check_tile(report: &mut FileReport, counties: &[County], tile: Tile, path: impl FnOnce() -> String) {
    let row_col = format!("{}, {}", tile.row, tile.col);
    let taken = counties.iter().find(|c| c.tile == Some(tile));
    let ok = tile.row > 0 && tile.col > 0 && taken.is_none();
    report.check(
        path,
        &row_col,
        ok,
        || match taken {
            Some(other) => Message::TileTaken { tile: row_col.clone(), other: other.slug.clone() },
            None => Message::TileZero,
        },
        Some(Message::TileTakenHint).filter(|_| taken.is_some()),
    );
}

pub(super) fn resolve_localities(
    parsed: &Parsed<Vec<RawLocality>>,
    site: &mut Site,
    lookup: &mut Lookup,
    diagnostics: &mut Diagnostics,
) {
    let mut report = FileReport::new(&parsed.file);
    for (i, raw) in parsed.value.iter().enumerate() {
        let at = item("", "", i);
        let taken = lookup.localities.contains_key(&raw.slug);
        check_new_id(&mut report, || field(&at, "slug"), &raw.slug, taken, Noun::Locality);
        let county = county_ref(&mut report, lookup, || field(&at, "county"), &raw.county);
        let built = county.map(|county| {
            site.localities.push(Locality {
                slug: raw.slug.clone(),
                name: normalize(&raw.name),
                county,
                kind: normalize(&raw.kind),
            });
            LocalityId(site.localities.len() - 1)
        });
        lookup.localities.insert(raw.slug.clone(), built);
    }
    diagnostics.extend(report.finish());
}

pub(super) fn resolve_themes(
    parsed: &Parsed<Vec<RawTheme>>,
    site: &mut Site,
    lookup: &mut Lookup,
    diagnostics: &mut Diagnostics,
) {
    let mut report = FileReport::new(&parsed.file);
    for (i, raw) in parsed.value.iter().enumerate() {
        let path = || field(&item("", "", i), "id");
        check_new_id(&mut report, path, &raw.id, lookup.themes.contains_key(&raw.id), Noun::Theme);
        lookup.themes.insert(raw.id.clone(), ThemeId(site.themes.len()));
        site.themes.push(Theme {
            id: raw.id.clone(),
            name: normalize(&raw.name),
            description: raw.description.as_deref().map(normalize),
        });
    }
    diagnostics.extend(report.finish());
}

pub(super) fn resolve_types(
    parsed: &Parsed<Vec<RawInstitutionType>>,
    site: &mut Site,
    lookup: &mut Lookup,
    diagnostics: &mut Diagnostics,
) {
    let mut report = FileReport::new(&parsed.file);
    for (i, raw) in parsed.value.iter().enumerate() {
        let path = || field(&item("", "", i), "id");
        check_new_id(&mut report, path, &raw.id, lookup.types.contains_key(&raw.id), Noun::InstitutionType);
        check_not_ranking(&mut report, path, &raw.id, true);
        lookup.types.insert(raw.id.clone(), InstitutionTypeId(site.institution_types.len()));
        site.institution_types.push(InstitutionType {
            id: raw.id.clone(),
            name: normalize(&raw.name),
            abbreviation: raw.abbreviation.as_deref().map(normalize),
        });
    }
    diagnostics.extend(report.finish());
}

/// Reports an institution's or type's id (at `path`) that is the rankings' folder beside their
/// pages: its page and the ranking would be one file.
fn check_not_ranking(report: &mut FileReport<'_>, path: impl FnOnce() -> String, id: &str, types: bool) {
    if id == crate::urls::RANKING {
        let what = if types { Noun::InstitutionType } else { Noun::Institution };
        let page = format!("/{}", crate::urls::ranking(types, ""));
        let message = Message::SiteFolderId { id: id.to_owned(), page, what };
        report.error(path(), id, message, Some(Message::SiteFolderIdHint { id: id.to_owned() }));
    }
}

/// Reports an id (at `path`) that is not a slug or that is used a second time.
pub(super) fn check_new_id(
    report: &mut FileReport<'_>,
    path: impl FnOnce() -> String,
    id: &str,
    taken: bool,
    what: Noun,
) {
    if !is_slug(id) {
        report.error(path(), id, Message::InvalidId { id: id.to_owned(), what }, Some(Message::SlugHint));
    } else if crate::load::is_reserved_name(id) {
        // Ids name pages and folders of the site.
        report.error(
            path(),
            id,
            Message::ReservedId { id: id.to_owned(), what },
            Some(Message::ReservedIdHint { id: id.to_owned() }),
        );
    } else if taken {
        report.error(path(), id, Message::DuplicateId { id: id.to_owned(), what }, Some(Message::OwnIdHint { what }));
    }
}

/// The county of `slug` (written at `path`), or an error.
pub(super) fn county_ref(
    report: &mut FileReport<'_>,
    lookup: &Lookup,
    path: impl FnOnce() -> String,
    slug: &str,
) -> Option<CountyId> {
    let found = lookup.counties.get(slug).copied();
    let hint = nearest(slug, lookup.counties.keys().map(String::as_str))
        .map(|n| Message::DidYouMeanCounty { name: n.to_owned() });
    report.check(
        path,
        slug,
        found.is_some(),
        || Message::UnknownCounty { slug: slug.to_owned() },
        hint.or(Some(Message::CountiesListed)),
    );
    found
}

pub(super) fn resolve_institutions(
    files: &[Parsed<Vec<RawInstitution>>],
    site: &mut Site,
    lookup: &mut Lookup,
    diagnostics: &mut Diagnostics,
) {
    let mut ids: HashSet<String> = HashSet::new();
    let mut sorted: Vec<&Parsed<Vec<RawInstitution>>> = files.iter().collect();
    sorted.sort_by(|a, b| a.file.path.cmp(&b.file.path));
    for parsed in sorted {
        let mut report = FileReport::new(&parsed.file);
        for (i, raw) in parsed.value.iter().enumerate() {
            let at = item("", "", i);
            check_new_id(&mut report, || field(&at, "id"), &raw.id, ids.contains(&raw.id), Noun::Institution);
            check_not_ranking(&mut report, || field(&at, "id"), &raw.id, false);
            ids.insert(raw.id.clone());
            let kind = lookup.types.get(&raw.kind).copied();
            let hint = nearest(&raw.kind, lookup.types.keys().map(String::as_str))
                .map(|n| Message::DidYouMean { name: n.to_owned() });
            report.check(
                || field(&at, "type"),
                &raw.kind,
                kind.is_some(),
                || Message::UnknownInstitutionType { kind: raw.kind.clone() },
                hint.or(Some(Message::TypesListed)),
            );
            let county = raw.county.as_deref().map(|c| county_ref(&mut report, lookup, || field(&at, "county"), c));
            // A county written but unknown leaves the institution unbuilt; its names are still
            // registered (among national bodies) so that the plans naming it report nothing more.
            let scope = county.flatten();
            let declared = lookup.institutions.len();
            let names = std::iter::once((field(&at, "name"), &raw.name))
                .chain(raw.aliases.iter().enumerate().map(|(a, alias)| (item(&at, "aliases", a), alias)));
            for (path, name) in names {
                register_name(&mut report, lookup, &site.counties, scope, (path, name), declared);
            }
            let built = match (kind, county) {
                (Some(kind), None | Some(Some(_))) => {
                    site.institutions.push(Institution {
                        id: raw.id.clone(),
                        kind,
                        county: scope,
                        name: normalize(&raw.name),
                        aliases: raw.aliases.iter().map(|a| normalize(a)).collect(),
                        note: raw.note.as_deref().map(normalize),
                    });
                    Some(InstitutionId(site.institutions.len() - 1))
                }
                _ => None,
            };
            lookup.institutions.push((raw.id.clone(), built));
        }
        diagnostics.extend(report.finish());
    }
}

/// Registers `name` (written at `path`) of the `declared`-th institution within `county`, or
/// reports that another institution has it there.
fn register_name(
    report: &mut FileReport<'_>,
    lookup: &mut Lookup,
    counties: &[County],
    county: Option<CountyId>,
    (path, name): (String, &str),
    declared: usize,
) {
    let key = name_key(name);
    match lookup.names.get(&(county, key.clone())) {
        Some(&other) if other != declared => {
            let (name_owned, other) = (name.to_owned(), lookup.institutions[other].0.clone());
            let message = match county {
                Some(c) => Message::NameTakenInCounty { name: name_owned, other, county: counties[c.0].slug.clone() },
                None => Message::NameTakenNational { name: name_owned, other },
            };
            report.error(path, name, message, Some(Message::NameTakenHint));
        }
        Some(_) => {}
        None => {
            lookup.names.insert((county, key), declared);
            lookup.names_by_scope.entry(county).or_default().push(normalize(name));
        }
    }
}

impl Context<'_> {
    /// Resolves a printed institution name (at `path`) within `county`, then among national
    /// bodies. A name of an institution that was not built resolves to nothing, silently: its
    /// error is reported in its own file.
    pub(super) fn actor(
        &self,
        report: &mut FileReport<'_>,
        county: Option<CountyId>,
        path: impl FnOnce() -> String,
        printed: &str,
    ) -> Option<ActorRef> {
        let key = name_key(printed);
        let declared = county
            .and_then(|c| self.lookup.names.get(&(Some(c), key.clone())))
            .or_else(|| self.lookup.names.get(&(None, key.clone())))
            .copied();
        let hint = |report: &FileReport<'_>| {
            let near = if report.wants_suggestions() {
                let in_county = county.and_then(|c| self.lookup.names_by_scope.get(&Some(c))).into_iter().flatten();
                let national = self.lookup.names_by_scope.get(&None).into_iter().flatten();
                nearest(printed, in_county.chain(national).map(String::as_str))
            } else {
                None
            };
            Some(match near {
                Some(name) => Message::DidYouMeanInstitution { name: name.to_owned() },
                None => Message::AddAlias,
            })
        };
        // With no county (the publication's county is itself unknown, and reported), a name
        // known in some county is not reported again: that error would only echo the first.
        // One lookup per scope, not a pass over every name: thousands of unknown names against
        // thousands of institutions made `check` quadratic.
        let known_elsewhere = declared.is_none()
            && county.is_none()
            && self.lookup.names_by_scope.keys().any(|scope| self.lookup.names.contains_key(&(*scope, key.clone())));
        let hint = if declared.is_none() { hint(report) } else { None };
        report.check(
            path,
            printed,
            declared.is_some() || known_elsewhere,
            || Message::UnknownInstitution { name: printed.to_owned() },
            hint,
        );
        let institution = self.lookup.institutions[declared?].1?;
        Some(ActorRef { printed: normalize(printed.trim()), institution })
    }

    /// The themes of `ids`, the list at `path`; an error for each unknown one.
    pub(super) fn themes(&self, report: &mut FileReport<'_>, path: &str, ids: &[String]) -> Vec<ThemeId> {
        ids.iter()
            .enumerate()
            .filter_map(|(i, id)| {
                let found = self.lookup.themes.get(id).copied();
                let hint = (found.is_none() && report.wants_suggestions())
                    .then(|| nearest(id, self.lookup.themes.keys().map(String::as_str)))
                    .flatten()
                    .map(|n| Message::DidYouMeanTheme { name: n.to_owned() });
                report.check(
                    || format!("{path}[{i}]"),
                    id,
                    found.is_some(),
                    || Message::UnknownTheme { id: id.clone() },
                    hint.or(Some(Message::ThemesListed)),
                );
                found
            })
            .collect()
    }

    /// The locality `slug` (the value at `path`), which must lie in `county`.
    pub(super) fn locality(
        &self,
        report: &mut FileReport<'_>,
        path: &str,
        slug: &str,
        county: Option<CountyId>,
    ) -> Option<LocalityId> {
        match self.lookup.localities.get(slug) {
            None => {
                report.error(
                    path.to_owned(),
                    slug,
                    Message::UnknownLocality { slug: slug.to_owned() },
                    Some(Message::LocalitiesListed),
                );
                None
            }
            // Declared, but not built: reported in content/localities.yaml.
            Some(None) => None,
            Some(&Some(found)) => {
                let locality = &self.site.localities[found.0];
                let in_county = county.is_none_or(|c| locality.county == c);
                if !in_county {
                    let hint = Message::LocalityElsewhereHint {
                        slug: slug.to_owned(),
                        name: locality.name.clone(),
                        county: self.site.counties[locality.county.0].name.clone(),
                    };
                    report.error(
                        path.to_owned(),
                        slug,
                        Message::LocalityElsewhere { slug: slug.to_owned() },
                        Some(hint),
                    );
                }
                in_county.then_some(found)
            }
        }
    }

    /// The number of lines of source file `source`, if `content/sources/` has it.
    pub(super) fn source_lines(&self, source: &str) -> Option<usize> {
        self.site.sources.get(source).map(|text| text.lines().count())
    }

    /// Reports a source file (the value of `source`) that `content/sources/` lacks.
    pub(super) fn check_source(&self, report: &mut FileReport<'_>, source: &str) {
        let ok = self.site.sources.contains_key(source);
        report.check(
            || "source".to_owned(),
            source,
            ok,
            || Message::SourceMissing { source: source.to_owned() },
            Some(Message::SourceMissingHint),
        );
    }
}
