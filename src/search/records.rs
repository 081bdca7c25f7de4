//! What is indexed per page: one record per plan, specific objective, activity, institution and
//! document, and one per passage of a document's body (a paragraph with the list it introduces),
//! so that a result lands on the objective page, on the activity's anchor or on the passage of
//! long minutes, with its plan and county, and carries the values of the search page's filters.

use std::collections::BTreeMap;

use crate::model::index::Index;
use crate::model::*;
use crate::urls;

/// The longest result title, in characters: about two lines of a result heading on a 360 px
/// phone. A longer text is cut at a word boundary and ends with "…".
pub const TITLE_CHARS: usize = 110;

/// One searchable record: where it leads, what it says, how it shows and filters.
#[derive(Debug, Clone, PartialEq, Hash)]
pub struct Record {
    /// Site path with optional anchor (`planuri/x/#a-1-1-1`), without the base path.
    pub url: String,
    /// The text Pagefind indexes.
    pub content: String,
    /// What a result shows: `title` (for an objective or activity, its own text shortened to
    /// [`TITLE_CHARS`]), `kind`, `where` (the line under the title: label and number, plan,
    /// county), and `plan`, `county`, `excerpt_text`, `objective` where they apply. Pagefind
    /// indexes every meta field too.
    pub meta: BTreeMap<String, String>,
    /// The values of each filter (`FILTER_*`) the record matches.
    pub filters: BTreeMap<String, Vec<String>>,
}

// Filter names as readers see them in the interface.
/// The county filter: the county's name.
pub const FILTER_COUNTY: &str = "județ";
/// The plan type filter: [`crate::vocabulary::PlanType::search_label`].
pub const FILTER_PLAN_TYPE: &str = "tip de plan";
/// The institution filter: the institution's full name.
pub const FILTER_INSTITUTION: &str = "instituție";
/// The theme filter: the theme's name.
pub const FILTER_THEME: &str = "temă";
/// The locality filter: [`locality_filter_value`] of each locality an activity names.
pub const FILTER_LOCALITY: &str = "localitate";
/// The kind of result: plan, objective, activity, institution or document.
pub const FILTER_KIND: &str = "tip de rezultat";

/// The records of the whole site, in a stable order.
pub fn records(site: &Site, index: &Index<'_>) -> Vec<Record> {
    let all = Records::new(site, index);
    all.range(0..all.len())
}

/// The records of the site, made on demand: how many there are is known from the model, and
/// [`Records::range`] makes only the records asked for, so that each search shard makes its own
/// and the records of the whole site (~0.5 GB at 100,000 pages) are never in memory at once.
pub struct Records<'a> {
    site: &'a Site,
    index: &'a Index<'a>,
    /// The position after each plan's last record.
    plan_ends: Vec<usize>,
    /// Per framework goal, the names the plans give the group it heads (see [`group_names`]).
    groups: BTreeMap<(usize, usize), Vec<String>>,
    /// The position after each document's last record, counted from the first document's.
    document_ends: Vec<usize>,
}

impl<'a> Records<'a> {
    /// The records of `site`, none made yet.
    pub fn new(site: &'a Site, index: &'a Index<'a>) -> Records<'a> {
        let plan_ends = running_ends(
            index.objectives.iter().map(|o| 1 + o.iter().map(|o| 1 + o.objective.activities.len()).sum::<usize>()),
        );
        let document_ends =
            running_ends(site.documents.iter().map(|d| 1 + passage_groups(&crate::markdown::passages(&d.body)).len()));
        Records { site, index, plan_ends, groups: group_names(index), document_ends }
    }

    /// The site the records are made of.
    pub fn site(&self) -> &'a Site {
        self.site
    }

    fn plan_total(&self) -> usize {
        self.plan_ends.last().copied().unwrap_or(0)
    }

    /// How many records the site has.
    pub fn len(&self) -> usize {
        self.plan_total() + self.site.institutions.len() + self.document_ends.last().copied().unwrap_or(0)
    }

    /// Whether the site has no record.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The county of each part of the records, with its records' positions, in record order: a
    /// plan (its objectives and activities are its county's too), an institution (`None` for a
    /// national body or a generic actor), a document (with its passages). The search index is
    /// sharded by these counties.
    pub fn parts(&self) -> Vec<(Option<CountyId>, std::ops::Range<usize>)> {
        let site = self.site;
        let ranges = |ends: &[usize], offset: usize| -> Vec<std::ops::Range<usize>> {
            let starts = std::iter::once(0).chain(ends.iter().copied());
            starts.zip(ends.iter().copied()).map(|(start, end)| offset + start..offset + end).collect()
        };
        let plans = site.plans.iter().map(|p| Some(p.county)).zip(ranges(&self.plan_ends, 0));
        let first = self.plan_total();
        let institutions =
            site.institutions.iter().enumerate().map(|(i, inst)| (inst.county, first + i..first + i + 1));
        let first = first + site.institutions.len();
        let documents = site.documents.iter().map(|d| Some(d.county)).zip(ranges(&self.document_ends, first));
        plans.chain(institutions).chain(documents).filter(|(_, range)| !range.is_empty()).collect()
    }

    /// The records at positions `range`, as [`records`] would list them.
    pub fn range(&self, range: std::ops::Range<usize>) -> Vec<Record> {
        let site = self.site;
        let mut out = Vec::with_capacity(range.len());
        let first = self.plan_ends.partition_point(|end| *end <= range.start);
        for p in first..site.plans.len() {
            let start = if p == 0 { 0 } else { self.plan_ends[p - 1] };
            if start >= range.end {
                break;
            }
            let mut plan = Vec::new();
            plan_records(self, PlanId(p), &site.plans[p], &mut plan);
            let skip = range.start.saturating_sub(start);
            out.extend(plan.into_iter().skip(skip).take(range.end - start.max(range.start)));
        }
        let institutions = self.plan_total()..self.plan_total() + site.institutions.len();
        for i in range.start.max(institutions.start)..range.end.min(institutions.end) {
            out.push(institution_record(site, &site.institutions[i - institutions.start]));
        }
        let (from, to) = (range.start.max(institutions.end) - institutions.end, range.end.min(self.len()));
        let to = to.saturating_sub(institutions.end);
        let first = self.document_ends.partition_point(|end| *end <= from);
        for d in first..site.documents.len() {
            let start = if d == 0 { 0 } else { self.document_ends[d - 1] };
            if start >= to {
                break;
            }
            let records = document_records(site, &site.documents[d]);
            out.extend(records.into_iter().skip(from.saturating_sub(start)).take(to - start.max(from)));
        }
        out
    }
}

/// The position after each part's last record, from each part's count of records.
fn running_ends(counts: impl Iterator<Item = usize>) -> Vec<usize> {
    counts
        .scan(0, |end, count| {
            *end += count;
            Some(*end)
        })
        .collect()
}

fn institution_record(site: &Site, institution: &Institution) -> Record {
    let kind = &site.institution_types[institution.kind.0];
    let names = [institution.name.clone(), kind.name.clone()];
    // The type's abbreviation is often one of the aliases too: each once (see `activity_record`).
    let mut content =
        unique(names.into_iter().chain(kind.abbreviation.iter().cloned()).chain(institution.aliases.iter().cloned()));
    content.extend(institution.note.iter().cloned());
    let county = institution.county.map(|c| site.county(c).name.clone());
    let mut record =
        Record::new(urls::institution(&institution.id), &institution.name, "Instituție", sentences(&content));
    record.set_where(&["Instituție", county.as_deref().unwrap_or("")]);
    if let Some(county) = county {
        record.meta.insert("county".into(), county.clone());
        record.filter(FILTER_COUNTY, county);
    }
    record.filter(FILTER_INSTITUTION, institution.name.clone());
    record
}

/// A document's records: the document itself (its title and the bodies that took part), then
/// one per group of passages of its body, landing on the group's first passage.
fn document_records(site: &Site, document: &Document) -> Vec<Record> {
    let county = site.county(document.county).name.clone();
    let actors: Vec<&ActorRef> = document.participants.iter().chain(&document.organiser).collect();
    let mut content = vec![document.title.clone()];
    content.extend(unique(actors.iter().map(|a| a.printed.clone())));
    let mut record = Record::new(urls::document(&document.id), &document.title, "Document", sentences(&content));
    record.set_where(&["Document", &county]);
    let common = |record: &mut Record| {
        record.meta.insert("county".into(), county.clone());
        record.filter(FILTER_COUNTY, county.clone());
        for actor in &actors {
            record.filter(FILTER_INSTITUTION, site.institution(actor.institution).name.clone());
        }
        let tagged = document.vulnerable_groups.iter().chain(&document.proposals).flat_map(|i| &i.themes);
        for theme in document.themes.iter().chain(tagged) {
            record.filter(FILTER_THEME, site.themes[theme.0].name.clone());
        }
    };
    common(&mut record);
    let mut records = vec![record];
    let passages = crate::markdown::passages(&document.body);
    for group in passage_groups(&passages) {
        let text: Vec<String> = group.iter().map(|p| p.text.clone()).collect();
        let mut record = Record::new(
            urls::in_document(&document.id, &group[0].id),
            &shorten(&group[0].text, TITLE_CHARS),
            "Document",
            sentences(&text),
        );
        record.set_where(&["Document", &shorten(&document.title, TITLE_CHARS), &county]);
        record.meta.insert("excerpt_text".into(), group[0].text.clone());
        common(&mut record);
        records.push(record);
    }
    records
}

/// The passages of a body in groups: a heading or paragraph with the list items after it (a
/// paragraph of minutes introduces its list: "Măsuri în vederea …:"); items before any paragraph
/// are a group of their own. Empty passages are left out.
fn passage_groups(passages: &[crate::markdown::Passage]) -> Vec<&[crate::markdown::Passage]> {
    let mut groups = Vec::new();
    let mut start = 0;
    for (at, passage) in passages.iter().enumerate() {
        if at > start && !passage.in_list {
            groups.push(&passages[start..at]);
            start = at;
        }
    }
    if start < passages.len() {
        groups.push(&passages[start..]);
    }
    groups.retain(|g| g.iter().any(|p| !p.text.trim().is_empty()));
    groups
}

impl Record {
    fn new(url: String, title: &str, kind: &str, content: String) -> Record {
        let mut meta = BTreeMap::new();
        meta.insert("title".to_owned(), title.to_owned());
        meta.insert("kind".to_owned(), kind.to_owned());
        let mut record = Record { url, content, meta, filters: BTreeMap::new() };
        record.filter(FILTER_KIND, kind.to_owned());
        record
    }

    /// The line under a result's title: the non-empty `parts`, joined by " · ".
    fn set_where(&mut self, parts: &[&str]) {
        let parts: Vec<&str> = parts.iter().copied().filter(|p| !p.is_empty()).collect();
        self.meta.insert("where".to_owned(), parts.join(" · "));
    }

    fn filter(&mut self, name: &str, value: String) {
        let values = self.filters.entry(name.to_owned()).or_default();
        if !values.contains(&value) {
            values.push(value);
        }
    }
}

fn plan_records(all: &Records<'_>, id: PlanId, plan: &Plan, records: &mut Vec<Record>) {
    let (site, index) = (all.site, all.index);
    let county = site.county(plan.county).name.clone();
    let plan_type = plan.plan_type.search_label().to_owned();
    let common = |record: &mut Record, label: &str| {
        record.set_where(&[label, &plan.title, &county]);
        record.meta.insert("plan".into(), plan.title.clone());
        record.meta.insert("county".into(), county.clone());
        record.filter(FILTER_COUNTY, county.clone());
        record.filter(FILTER_PLAN_TYPE, plan_type.clone());
    };
    let mut record =
        Record::new(urls::plan(&plan.id), &plan.title, "Plan", format!("{}. {county}. {plan_type}", plan.title));
    common(&mut record, "Plan");
    record.set_where(&["Plan", &county]);
    records.push(record);
    for entry in &index.objectives[id.0] {
        let objective = entry.objective;
        let label = numbered(objective.label.as_deref().unwrap_or(&plan.labels.objective), &objective.number);
        let mut content = vec![objective.text.clone(), entry.goal.text.clone()];
        // The intermediate level it stands under, as the goal's text is: words of the branch.
        content.extend(objective.intermediate.and_then(|k| entry.goal.intermediates.get(k)).map(|i| i.text.clone()));
        content.extend(objective.list_text.iter().cloned());
        // The name of the group the objective sits in, its own plan's and those other plans
        // give the same strategy goal, and its themes' names: readers search for "reducerea
        // riscurilor" or "persoane vârstnice", words the objective's own text seldom uses.
        let mut names: Vec<String> = entry.path.last().and_then(|s| s.title.clone()).into_iter().collect();
        for framework in objective.framework.iter().chain(&entry.goal.framework) {
            names.extend(all.groups.get(&(framework.framework, framework.goal)).into_iter().flatten().cloned());
        }
        names.extend(objective.themes.iter().map(|t| site.themes[t.0].name.clone()));
        content.extend(unique(names));
        let mut record = Record::new(
            urls::objective(&plan.id, &objective.anchor),
            &shorten(&objective.text, TITLE_CHARS),
            "Obiectiv",
            sentences(&content),
        );
        record.meta.insert("excerpt_text".into(), objective.text.clone());
        common(&mut record, &label);
        for theme in &objective.themes {
            record.filter(FILTER_THEME, site.themes[theme.0].name.clone());
        }
        records.push(record);
        for activity in &objective.activities {
            records.push(activity_record(site, plan, objective, activity, &common));
        }
    }
}

/// Per framework goal, the titles of the sections right above the plan goals that implement it
/// (Caraș-Severin's "REDUCEREA RISCURILOR ASOCIATE CONSUMULUI DE DROGURI"): the names readers
/// know the strategy's groups by, which the strategy file gives only as ids. Every plan's
/// objectives linked to that goal are found by them, also where their own plan names no group.
fn group_names(index: &Index<'_>) -> BTreeMap<(usize, usize), Vec<String>> {
    let mut names = BTreeMap::<(usize, usize), Vec<String>>::new();
    for entry in index.objectives.iter().flatten() {
        let Some(title) = entry.path.last().and_then(|s| s.title.clone()) else { continue };
        for framework in entry.goal.framework.iter().chain(&entry.objective.framework) {
            let list = names.entry((framework.framework, framework.goal)).or_default();
            if !list.contains(&title) {
                list.push(title.clone());
            }
        }
    }
    names
}

/// "Activitate 1.3.1": an item's label and its number as printed, without the number's final
/// full stop, which only separates it from the text.
fn numbered(label: &str, number: &Option<String>) -> String {
    let number = number.as_deref().unwrap_or("").trim();
    format!("{label} {}", number.strip_suffix('.').unwrap_or(number)).trim().to_owned()
}

/// `text` cut to at most `max` characters at a word boundary, with "…" when cut.
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    // The last space inside the limit, unless that leaves too little to read.
    let end = cut.rfind(char::is_whitespace).filter(|i| *i > max / 2).unwrap_or(cut.len());
    let kept = cut[..end].trim_end_matches(|c: char| c.is_whitespace() || ",;:.-–(".contains(c));
    format!("{kept}…")
}

/// The indexed text of `parts`, one after the other, each ended by a full stop unless it ends in
/// punctuation already (no "libertate.. Dezvoltarea" in an excerpt).
fn sentences(parts: &[String]) -> String {
    let mut text = String::new();
    for part in parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        if !text.is_empty() {
            text.push_str(if text.ends_with(['.', ';', ':', '!', '?', '…']) { " " } else { ". " });
        }
        text.push_str(part);
    }
    text
}

/// `items` without repeats (compared without case), in their first order.
fn unique(items: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut seen = std::collections::BTreeSet::new();
    items.into_iter().filter(|i| !i.trim().is_empty() && seen.insert(i.to_lowercase())).collect()
}

fn activity_record(
    site: &Site,
    plan: &Plan,
    objective: &Objective,
    activity: &Activity,
    common: &dyn Fn(&mut Record, &str),
) -> Record {
    let label = numbered(activity.label.as_deref().unwrap_or(&plan.labels.activity), &activity.number);
    let mut content = vec![activity.text.clone()];
    content.extend(activity.indicators.iter().cloned());
    content.extend(activity.results.iter().cloned());
    content.extend(activity.period.iter().cloned());
    content.extend(activity.funding.iter().cloned());
    let actors: Vec<&ActorRef> = activity.responsible.iter().chain(&activity.partners).collect();
    // The printed name, the full name and every alias, so that "DGASPC" and the full name both
    // find the activity; each once, however many times the cells name the body, so that an
    // excerpt does not read "DGASPC. DGASPC. DGASPC Bacău".
    content.extend(unique(actors.iter().flat_map(|actor| {
        let institution = site.institution(actor.institution);
        std::iter::once(actor.printed.clone())
            .chain(std::iter::once(institution.name.clone()))
            .chain(institution.aliases.iter().cloned())
    })));
    content.extend(unique(activity.themes.iter().chain(&objective.themes).map(|t| site.themes[t.0].name.clone())));
    let mut record = Record::new(
        urls::in_plan(&plan.id, &activity.anchor),
        &shorten(&activity.text, TITLE_CHARS),
        "Activitate",
        sentences(&content),
    );
    record.meta.insert("excerpt_text".into(), activity.text.clone());
    record.meta.insert("objective".into(), objective.text.clone());
    common(&mut record, &label);
    for actor in actors {
        record.filter(FILTER_INSTITUTION, site.institution(actor.institution).name.clone());
    }
    for theme in activity.themes.iter().chain(&objective.themes) {
        record.filter(FILTER_THEME, site.themes[theme.0].name.clone());
    }
    for locality in &activity.localities {
        record.filter(FILTER_LOCALITY, locality_filter_value(site, &site.localities[locality.0]));
    }
    record
}

/// A locality as the search filter names it: "Movila (Ialomița)", since two counties may each
/// have a commune of one name.
pub fn locality_filter_value(site: &Site, locality: &Locality) -> String {
    format!("{} ({})", locality.name, site.county(locality.county).name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_text_is_cut_at_a_word_boundary_with_an_ellipsis() {
        assert_eq!(shorten("Scurt.", 20), "Scurt.");
        assert_eq!(shorten("Dezvoltarea serviciilor sociale pentru vârstnici", 30), "Dezvoltarea serviciilor…");
        assert_eq!(shorten("Unu, doi trei", 6), "Unu…");
        assert!(shorten(&"ă".repeat(50), 10).starts_with("ăăăăăăăăăă"));
    }

    #[test]
    fn parts_are_joined_with_one_full_stop() {
        let parts = ["Unu.".to_owned(), "doi".to_owned(), " ".to_owned(), "trei;".to_owned(), "patru".to_owned()];
        assert_eq!(sentences(&parts), "Unu. doi. trei; patru");
    }

    #[test]
    fn a_number_loses_only_its_final_full_stop() {
        assert_eq!(numbered("Activitate", &Some("1.3.1.".into())), "Activitate 1.3.1");
        assert_eq!(numbered("Măsură", &None), "Măsură");
        assert_eq!(numbered("Obiectiv operațional", &Some("O.S.2.5".into())), "Obiectiv operațional O.S.2.5");
    }
}
