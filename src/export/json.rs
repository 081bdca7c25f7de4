//! The JSON downloads: each plan (`date/planuri/<id>.json`), every plan in one file
//! (`date/planuri.json`) and each national framework (`date/strategii/<id>.json`). They are
//! written from export types of their own, borrowed from the model, so that renaming a model
//! field cannot change a published file. Fields are in alphabetical order: the files were first
//! written from sorted JSON maps, and the published bytes stay as they were.

use anyhow::Result;
use serde::Serialize;

use crate::config::Config;
use crate::model::index::{Index, ObjectiveEntry};
use crate::model::*;
use crate::output::{OutputFile, Sink};
use crate::urls;

/// A plan as published, with institutions by id and name.
#[derive(Serialize)]
pub struct PlanJson<'a> {
    approval: Option<&'a str>,
    /// The portal's corrections of its transcription.
    corrections: Vec<CorrectionJson<'a>>,
    county: &'a str,
    date: Option<&'a str>,
    id: &'a str,
    issuer: Option<ActorJson<'a>>,
    labels: LabelsJson<'a>,
    /// A line the document prints about what it is that names no approving act.
    mention: Option<&'a str>,
    notes: Vec<NoteJson<'a>>,
    objectives: Vec<ObjectiveJson<'a>>,
    period: PeriodJson,
    /// Where the published file was retrieved from; `null` where the content does not know.
    provenance: ProvenanceJson<'a>,
    signatories: Vec<SignatoryJson<'a>>,
    /// The absolute URL of the source text.
    source: String,
    title: &'a str,
    /// The plan type's code ([`PlanType::code`]).
    #[serde(rename = "type")]
    plan_type: &'static str,
    url: String,
}

/// An institution named in a plan: its portal id and name, and the name as printed.
#[derive(Serialize)]
pub struct ActorJson<'a> {
    id: &'a str,
    name: &'a str,
    printed: &'a str,
}

/// The document's own words for its levels and columns.
#[derive(Serialize)]
pub struct LabelsJson<'a> {
    activity: &'a str,
    evaluation: Option<&'a str>,
    funding: Option<&'a str>,
    goal: &'a str,
    indicators: &'a str,
    objective: &'a str,
    partners: Option<&'a str>,
    period: &'a str,
    responsible: &'a str,
}

/// A note on an irregularity: its kind's code ([`NoteKind::code`]) and text.
#[derive(Serialize)]
pub struct NoteJson<'a> {
    kind: &'static str,
    text: &'a str,
}

/// An entry of a plan's correction log, with the absolute URL of its place on the plan page.
#[derive(Serialize)]
pub struct CorrectionJson<'a> {
    date: &'a str,
    text: &'a str,
    url: String,
}

/// Where a plan's published file was retrieved from.
#[derive(Serialize)]
pub struct ProvenanceJson<'a> {
    retrieved: Option<&'a str>,
    sha256: Option<&'a str>,
    url: Option<&'a str>,
}

/// The years a plan covers.
#[derive(Serialize)]
pub struct PeriodJson {
    from: u16,
    to: u16,
}

/// A signatory of a plan.
#[derive(Serialize)]
pub struct SignatoryJson<'a> {
    name: &'a str,
    role: Option<&'a str>,
}

/// A specific objective with its general objective, its grouping and its activities.
#[derive(Serialize)]
pub struct ObjectiveJson<'a> {
    activities: Vec<ActivityJson<'a>>,
    anchor: &'a str,
    /// `framework/objective` ids of the national objective it implements.
    framework_objective: Option<String>,
    general_objective: GoalJson<'a>,
    grouping: Vec<SectionJson<'a>>,
    list_text: Option<&'a str>,
    notes: Vec<NoteJson<'a>>,
    number: Option<&'a str>,
    text: &'a str,
    /// Theme ids.
    themes: Vec<&'a str>,
    url: String,
}

/// The general objective above a specific one.
#[derive(Serialize)]
pub struct GoalJson<'a> {
    number: Option<&'a str>,
    text: &'a str,
}

/// One level of grouping above a general objective.
#[derive(Serialize)]
pub struct SectionJson<'a> {
    level: Option<&'a str>,
    number: Option<&'a str>,
    title: Option<&'a str>,
}

/// An activity or measure.
#[derive(Serialize)]
pub struct ActivityJson<'a> {
    anchor: &'a str,
    evaluation: Option<&'a str>,
    funding: &'a [String],
    indicators: &'a [String],
    notes: Vec<NoteJson<'a>>,
    number: Option<&'a str>,
    partners: Vec<ActorJson<'a>>,
    partners_text: Option<&'a str>,
    period: Option<&'a str>,
    responsible: Vec<ActorJson<'a>>,
    responsible_text: Option<&'a str>,
    text: &'a str,
    url: String,
}

/// A national framework with its goals and objectives.
#[derive(Serialize)]
pub struct FrameworkJson<'a> {
    goals: Vec<FrameworkGoalJson<'a>>,
    id: &'a str,
    short_title: Option<&'a str>,
    title: &'a str,
}

/// A goal of a national framework.
#[derive(Serialize)]
pub struct FrameworkGoalJson<'a> {
    id: &'a str,
    note: Option<&'a str>,
    objectives: Vec<FrameworkObjectiveJson<'a>>,
    wordings: &'a [String],
}

/// An objective of a national framework, with its wordings in the plans.
#[derive(Serialize)]
pub struct FrameworkObjectiveJson<'a> {
    id: &'a str,
    note: Option<&'a str>,
    wordings: &'a [String],
}

/// Makes the export types of one site.
struct Exporter<'a> {
    site: &'a Site,
    index: &'a Index<'a>,
    config: &'a Config,
}

impl<'a> Exporter<'a> {
    fn actor(&self, actor: &'a ActorRef) -> ActorJson<'a> {
        let institution = self.site.institution(actor.institution);
        ActorJson { id: &institution.id, name: &institution.name, printed: &actor.printed }
    }

    fn actors(&self, actors: &'a [ActorRef]) -> Vec<ActorJson<'a>> {
        actors.iter().map(|a| self.actor(a)).collect()
    }

    fn plan(&self, plan_id: PlanId) -> PlanJson<'a> {
        let plan = &self.site.plans[plan_id.0];
        let labels = &plan.labels;
        PlanJson {
            approval: plan.approval.as_deref(),
            corrections: plan
                .corrections
                .iter()
                .map(|c| CorrectionJson {
                    date: &c.date,
                    text: &c.text,
                    url: self.config.absolute_url(&urls::in_plan(&plan.id, &c.anchor)),
                })
                .collect(),
            county: &self.site.county(plan.county).slug,
            date: plan.date.as_deref(),
            id: &plan.id,
            issuer: plan.issuer.as_ref().map(|a| self.actor(a)),
            labels: LabelsJson {
                activity: &labels.activity,
                evaluation: labels.evaluation.as_deref(),
                funding: labels.funding.as_deref(),
                goal: &labels.goal,
                indicators: &labels.indicators,
                objective: &labels.objective,
                partners: labels.partners.as_deref(),
                period: &labels.period,
                responsible: &labels.responsible,
            },
            mention: plan.mention.as_deref(),
            notes: notes(&plan.notes),
            objectives: self.index.objectives[plan_id.0].iter().map(|entry| self.objective(plan, entry)).collect(),
            period: PeriodJson { from: plan.period_from, to: plan.period_to },
            provenance: ProvenanceJson {
                retrieved: plan.provenance.retrieved.as_deref(),
                sha256: plan.provenance.sha256.as_deref(),
                url: plan.provenance.url.as_deref(),
            },
            signatories: plan
                .signatories
                .iter()
                .map(|s| SignatoryJson { name: &s.name, role: s.role.as_deref() })
                .collect(),
            source: self.config.absolute_url(&urls::source(&plan.source)),
            title: &plan.title,
            plan_type: plan.plan_type.code(),
            url: self.config.absolute_url(&urls::plan(&plan.id)),
        }
    }

    fn objective(&self, plan: &'a Plan, entry: &ObjectiveEntry<'a>) -> ObjectiveJson<'a> {
        let (site, o) = (self.site, entry.objective);
        ObjectiveJson {
            activities: o.activities.iter().map(|a| self.activity(plan, a)).collect(),
            anchor: &o.anchor,
            framework_objective: o.framework.and_then(|r| {
                site.framework_objective(r).map(|f| format!("{}/{}", site.frameworks[r.framework].id, f.id))
            }),
            general_objective: GoalJson { number: entry.goal.number.as_deref(), text: &entry.goal.text },
            grouping: entry
                .path
                .iter()
                .map(|s| SectionJson {
                    level: s.level.as_deref(),
                    number: s.number.as_deref(),
                    title: s.title.as_deref(),
                })
                .collect(),
            list_text: o.list_text.as_deref(),
            notes: notes(&o.notes),
            number: o.number.as_deref(),
            text: &o.text,
            themes: o.themes.iter().map(|t| site.themes[t.0].id.as_str()).collect(),
            url: self.config.absolute_url(&urls::objective(&plan.id, &o.anchor)),
        }
    }

    fn activity(&self, plan: &Plan, a: &'a Activity) -> ActivityJson<'a> {
        ActivityJson {
            anchor: &a.anchor,
            evaluation: a.evaluation.as_deref(),
            funding: &a.funding,
            indicators: &a.indicators,
            notes: notes(&a.notes),
            number: a.number.as_deref(),
            partners: self.actors(&a.partners),
            partners_text: a.partners_text.as_deref(),
            period: a.period.as_deref(),
            responsible: self.actors(&a.responsible),
            responsible_text: a.responsible_text.as_deref(),
            text: &a.text,
            url: self.config.absolute_url(&urls::in_plan(&plan.id, &a.anchor)),
        }
    }
}

fn notes(notes: &[Note]) -> Vec<NoteJson<'_>> {
    notes.iter().map(|n| NoteJson { kind: n.kind.code(), text: &n.text }).collect()
}

/// A framework as published.
fn framework(framework: &Framework) -> FrameworkJson<'_> {
    FrameworkJson {
        goals: framework
            .goals
            .iter()
            .map(|g| FrameworkGoalJson {
                id: &g.id,
                note: g.note.as_deref(),
                objectives: g
                    .objectives
                    .iter()
                    .map(|o| FrameworkObjectiveJson { id: &o.id, note: o.note.as_deref(), wordings: &o.wordings })
                    .collect(),
                wordings: &g.wordings,
            })
            .collect(),
        id: &framework.id,
        short_title: framework.short_title.as_deref(),
        title: &framework.title,
    }
}

/// `value` as pretty JSON with a final line break.
pub fn json_file(path: String, value: &impl Serialize) -> Result<OutputFile> {
    let mut bytes = serde_json::to_vec_pretty(value)?;
    bytes.push(b'\n');
    Ok(OutputFile { path, bytes })
}

/// Every JSON download, each written to `sink` as soon as it is made.
pub fn write_json(site: &Site, index: &Index<'_>, config: &Config, sink: &dyn Sink) -> Result<()> {
    use rayon::prelude::*;
    let exporter = Exporter { site, index, config };
    site.plans
        .par_iter()
        .enumerate()
        .try_for_each(|(p, plan)| sink.put(json_file(urls::plan_json(&plan.id), &exporter.plan(PlanId(p)))?))?;
    sink.put(all_plans(&exporter)?)?;
    site.frameworks.iter().try_for_each(|f| sink.put(json_file(urls::framework_json(&f.id), &framework(f))?))
}

/// `planuri.json`: every plan, serialised one plan at a time instead of as one tree of the whole
/// site.
fn all_plans(exporter: &Exporter<'_>) -> Result<OutputFile> {
    struct Plans<'a>(&'a Exporter<'a>);
    impl Serialize for Plans<'_> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
            serializer.collect_seq((0..self.0.site.plans.len()).map(|p| self.0.plan(PlanId(p))))
        }
    }
    /// The file's one key.
    #[derive(Serialize)]
    struct All<'a> {
        plans: Plans<'a>,
    }
    json_file(urls::plans_json(), &All { plans: Plans(exporter) })
}
