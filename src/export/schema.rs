//! The JSON Schemas of the JSON downloads, derived with schemars from the export types that write
//! them (`super::json`): `date/planuri.schema.json` for `planuri.json` (each plan's own file,
//! `date/planuri/<id>.json`, is its `$defs/PlanJson`) and `date/strategii.schema.json` for each
//! framework's file. A field added to an export type is in the schema by the same change, and
//! `tests/suite/data.rs` validates every published JSON file against its schema.

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};

use super::json::{FrameworkJson, PlansFile};

/// The schema of what `T` serialises to: every field required (the export types write every
/// field, `null` where the content has no value) and no other field allowed.
fn schema_for<T: JsonSchema>() -> Schema {
    SchemaSettings::draft2020_12().for_serialize().into_generator().into_root_schema_for::<T>()
}

/// The JSON Schema of `planuri.json`.
pub fn dataset_schema() -> Schema {
    schema_for::<PlansFile<'static>>()
}

/// The JSON Schema of a national framework's JSON file.
pub fn framework_schema() -> Schema {
    schema_for::<FrameworkJson<'static>>()
}
