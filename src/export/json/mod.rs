//! The JSON downloads: each plan (`date/planuri/<id>.json`), every plan in one file
//! (`date/planuri.json`) and each national framework (`date/strategii/<id>.json`). They are
//! written from export types of their own (`types.rs`, `framework.rs`), borrowed from the model,
//! so that renaming a model field cannot change a published file; the JSON Schemas are derived
//! from the same types (`super::schema`).

mod framework;
mod types;

use std::borrow::Cow;

use anyhow::Result;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::Serialize;

pub use framework::{FrameworkGoalJson, FrameworkJson, FrameworkObjectiveJson, framework};
pub use types::*;

use crate::config::Config;
use crate::model::index::{Index, ObjectiveEntry};
use crate::model::*;
use crate::output::{OutputFile, Sink};
use crate::urls;

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
            county_name: &self.site.county(plan.county).name,
            date: plan.date.as_deref(),
            id: &plan.id,
            issuer: plan.issuer.as_ref().map(|a| self.actor(a)),
            labels: LabelsJson {
                activity: &labels.activity,
                evaluation: labels.evaluation.as_deref(),
                funding: labels.funding.as_deref(),
                goal: &labels.goal,
                indicators: &labels.indicators,
                intermediate: labels.intermediate.as_deref(),
                objective: &labels.objective,
                partners: labels.partners.as_deref(),
                period: &labels.period,
                responsible: &labels.responsible,
                results: labels.results.as_deref(),
            },
            mention: plan.mention.as_deref(),
            notes: notes(&plan.notes),
            objectives: self.index.objectives[plan_id.0].iter().map(|entry| self.objective(plan, entry)).collect(),
            period: PeriodJson { from: plan.period_from, to: plan.period_to },
            portal: PortalJson { published: plan.published.as_deref() },
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
            type_label: plan.plan_type.label(),
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
            intermediate: o.intermediate.and_then(|i| entry.goal.intermediates.get(i)).map(|i| IntermediateJson {
                anchor: &i.anchor,
                notes: notes(&i.notes),
                number: i.number.as_deref(),
                text: &i.text,
            }),
            list_text: o.list_text.as_deref(),
            notes: notes(&o.notes),
            number: o.number.as_deref(),
            previous_ids: &o.previous_ids,
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
            localities: a.localities.iter().map(|l| self.site.localities[l.0].slug.as_str()).collect(),
            notes: notes(&a.notes),
            number: a.number.as_deref(),
            partners: self.actors(&a.partners),
            partners_text: a.partners_text.as_deref(),
            period: a.period.as_deref(),
            previous_ids: &a.previous_ids,
            responsible: self.actors(&a.responsible),
            responsible_text: a.responsible_text.as_deref(),
            results: &a.results,
            status: self.status(a),
            text: &a.text,
            url: self.config.absolute_url(&urls::in_plan(&plan.id, &a.anchor)),
        }
    }

    fn status(&self, a: &Activity) -> StatusJson {
        let Some(status) = &a.status else {
            let (code, label) = crate::vocabulary::PROGRESS_UNKNOWN;
            return StatusJson { code, date: None, label, lines: Vec::new(), report: None, report_url: None };
        };
        let report = &self.site.documents[status.report.0];
        StatusJson {
            code: status.progress.code(),
            date: Some(status.date.clone()),
            label: status.progress.label(),
            lines: status.lines.iter().map(|l| LinesJson { from: l.from, to: l.to }).collect(),
            report: Some(report.id.clone()),
            report_url: Some(self.config.absolute_url(&urls::document(&report.id))),
        }
    }
}

fn notes(notes: &[Note]) -> Vec<NoteJson<'_>> {
    notes.iter().map(|n| NoteJson { kind: n.kind.code(), kind_label: n.kind.label(), text: &n.text }).collect()
}

/// `value` as pretty JSON with a final line break.
pub fn json_file(path: String, value: &impl Serialize) -> Result<OutputFile> {
    let mut bytes = Vec::new();
    write_pretty(&mut bytes, value)?;
    Ok(OutputFile { path, bytes })
}

/// `value` as pretty JSON with a final line break, into `out`: the one form of every JSON file.
fn write_pretty(mut out: impl std::io::Write, value: &impl Serialize) -> Result<()> {
    serde_json::to_writer_pretty(&mut out, value)?;
    out.write_all(b"\n")?;
    Ok(out.flush()?)
}

/// Every JSON download, each written to `sink` as soon as it is made.
pub fn write_json(site: &Site, index: &Index<'_>, config: &Config, sink: &dyn Sink) -> Result<()> {
    use rayon::prelude::*;
    let exporter = Exporter { site, index, config };
    site.plans
        .par_iter()
        .enumerate()
        .try_for_each(|(p, plan)| sink.put(json_file(urls::plan_json(&plan.id), &exporter.plan(PlanId(p)))?))?;
    write_all_plans(&exporter, sink)?;
    site.frameworks.iter().try_for_each(|f| sink.put(json_file(urls::framework_json(&f.id), &framework(f))?))
}

/// `planuri.json`: every plan, under its one key. The plans are serialised one at a time instead
/// of as one tree of the whole site; the schema (`super::schema`) is derived from this type.
#[derive(Serialize, JsonSchema)]
#[schemars(
    deny_unknown_fields,
    title = "Planurile publicate pe portal",
    description = "Toate planurile, cu obiectivele și activitățile lor, așa cum au fost publicate."
)]
pub struct PlansFile<'a> {
    #[schemars(description = "Planurile, în ordinea portalului.")]
    plans: Plans<'a>,
}

/// Every plan of an exporter, serialised as a list of [`PlanJson`].
struct Plans<'a>(&'a Exporter<'a>);

impl Serialize for Plans<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_seq((0..self.0.site.plans.len()).map(|p| self.0.plan(PlanId(p))))
    }
}

impl JsonSchema for Plans<'_> {
    fn schema_name() -> Cow<'static, str> {
        "Plans".into()
    }

    fn inline_schema() -> bool {
        true
    }

    /// What [`Plans::serialize`] writes: a list of plans.
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        generator.subschema_for::<Vec<PlanJson<'static>>>()
    }
}

/// `planuri.json`, written as it is serialised: it is the largest download (35 MB at 10,000
/// pages), and held whole it doubled in memory as it grew.
fn write_all_plans(exporter: &Exporter<'_>, sink: &dyn Sink) -> Result<()> {
    sink.write_with(&urls::plans_json(), &mut |out| {
        write_pretty(std::io::BufWriter::with_capacity(1 << 16, out), &PlansFile { plans: Plans(exporter) })
    })?;
    Ok(())
}
