//! The JSON Schemas of the JSON downloads, derived with schemars from the export types that write
//! them (`super::json`): `date/planuri.schema.json` for `planuri.json` (each plan's own file,
//! `date/planuri/<id>.json`, is its `$defs/PlanJson`) and `date/strategii.schema.json` for each
//! framework's file. A field added to an export type is in the schema by the same change, and
//! `tests/suite/data.rs` validates every published JSON file against its schema.

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};

use super::json::{FrameworkJson, PlansFile};
use crate::config::Config;
use crate::urls;

/// The schema of what `T` serialises to: every field required (the export types write every
/// field, `null` where the content has no value) and no other field allowed.
fn schema_for<T: JsonSchema>() -> Schema {
    SchemaSettings::draft2020_12().for_serialize().into_generator().into_root_schema_for::<T>()
}

/// `schema` with its own address as `$id`, so that a tool can name a part of it
/// (`…/planuri.schema.json#/$defs/PlanJson`, the schema of one plan's file).
fn at(mut schema: Schema, config: &Config, path: &str) -> Schema {
    schema.insert("$id".to_owned(), config.absolute_url(path).into());
    schema
}

/// The JSON Schema of `planuri.json`.
pub fn dataset_schema(config: &Config) -> Schema {
    at(schema_for::<PlansFile<'static>>(), config, &urls::plans_schema())
}

/// The JSON Schema of a national framework's JSON file.
pub fn framework_schema(config: &Config) -> Schema {
    at(schema_for::<FrameworkJson<'static>>(), config, &urls::frameworks_schema())
}
