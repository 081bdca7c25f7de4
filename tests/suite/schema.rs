//! The published JSON against its published JSON Schema. The schemas are derived from the
//! export types that write the JSON (`src/export/schema.rs`), with every field required and no
//! other field allowed, so a validation that passes here means the data and the schema describe
//! the same fields: a field the schema lacks, or one the data lacks, is an error (the
//! `a_drifted_file_fails` test shows each). `scripts/data-test` validates the same files with
//! Python's `jsonschema`; the checker below covers the keywords schemars writes.

use serde_json::{Value, json};

use crate::support::bundled_built;

/// The errors of `value` against `schema`, whose `$ref`s point into `root`'s `$defs`.
fn errors(root: &Value, schema: &Value, value: &Value, at: &str, out: &mut Vec<String>) {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.strip_prefix("#/$defs/").expect("a local $ref");
        return errors(root, &root["$defs"][name], value, at, out);
    }
    if let Some(alternatives) = schema.get("anyOf").or_else(|| schema.get("oneOf")).and_then(Value::as_array) {
        let matching = alternatives.iter().filter(|a| checked(root, a, value).is_empty()).count();
        if matching == 0 || (schema.get("oneOf").is_some() && matching > 1) {
            out.push(format!("{at}: {matching} of the alternatives match"));
        }
    }
    if let Some(codes) = schema.get("enum").and_then(Value::as_array)
        && !codes.contains(value)
    {
        out.push(format!("{at}: {value} is not one of {codes:?}"));
    }
    if let Some(kind) = schema.get("type") {
        let kinds: Vec<&str> = match kind {
            Value::Array(kinds) => kinds.iter().filter_map(Value::as_str).collect(),
            other => vec![other.as_str().expect("a type name")],
        };
        if !kinds.iter().any(|k| is_of_type(value, k)) {
            return out.push(format!("{at}: {value} is not of type {kinds:?}"));
        }
    }
    match value {
        Value::Object(map) => {
            let properties = schema.get("properties").and_then(Value::as_object);
            for name in schema.get("required").and_then(Value::as_array).into_iter().flatten() {
                if !map.contains_key(name.as_str().unwrap_or_default()) {
                    out.push(format!("{at}: the required field {name} is missing"));
                }
            }
            for (name, field) in map {
                match properties.and_then(|p| p.get(name)) {
                    Some(sub) => errors(root, sub, field, &format!("{at}.{name}"), out),
                    None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                        out.push(format!("{at}: the field {name} is not in the schema"));
                    }
                    None => {}
                }
            }
        }
        Value::Array(items) => {
            if let Some(sub) = schema.get("items") {
                for (i, item) in items.iter().enumerate() {
                    errors(root, sub, item, &format!("{at}[{i}]"), out);
                }
            }
        }
        Value::String(text) => match schema.get("format").and_then(Value::as_str) {
            Some("uri") if !text.starts_with("http://") && !text.starts_with("https://") => {
                out.push(format!("{at}: {text} is not an absolute address"));
            }
            Some("date") if !is_day(text) => out.push(format!("{at}: {text} is not a date")),
            _ => {}
        },
        _ => {}
    }
}

fn is_day(text: &str) -> bool {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    matches!(text.split('-').collect::<Vec<_>>()[..], [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2))
}

fn is_of_type(value: &Value, kind: &str) -> bool {
    match kind {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "integer" => value.is_u64() || value.is_i64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        other => panic!("a type this checker does not know: {other}"),
    }
}

/// The errors of `value` against the whole schema `schema`.
fn checked(root: &Value, schema: &Value, value: &Value) -> Vec<String> {
    let mut out = Vec::new();
    errors(root, schema, value, "$", &mut out);
    out
}

/// The errors of one plan's file `plan` against the plans schema `schema`.
pub fn plan_errors(schema: &Value, plan: &Value) -> Vec<String> {
    checked(schema, &plan_schema(schema), plan)
}

fn json(path: &str) -> Value {
    serde_json::from_str(&bundled_built().page(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The schema of one plan's own file: the plan definition of the plans schema `root`.
fn plan_schema(root: &Value) -> Value {
    assert!(root["$defs"]["PlanJson"].is_object(), "the plans schema defines no PlanJson");
    json!({ "$ref": "#/$defs/PlanJson" })
}

#[test]
fn every_published_json_file_matches_its_published_schema() {
    let site = bundled_built();
    let plans_schema = json("date/planuri.schema.json");
    assert_eq!(plans_schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(plans_schema["$id"], "http://127.0.0.1:1111/date/planuri.schema.json");
    let all = json("date/planuri.json");
    assert_eq!(checked(&plans_schema, &plans_schema, &all), Vec::<String>::new(), "planuri.json");
    let plan_files: Vec<&String> =
        site.files.keys().filter(|p| p.starts_with("date/planuri/") && p.ends_with(".json")).collect();
    assert_eq!(plan_files.len(), all["plans"].as_array().map_or(0, Vec::len), "one file per plan");
    let one_plan = plan_schema(&plans_schema);
    for path in plan_files {
        assert_eq!(checked(&plans_schema, &one_plan, &json(path)), Vec::<String>::new(), "{path}");
    }
    let frameworks_schema = json("date/strategii.schema.json");
    let framework_files: Vec<&String> =
        site.files.keys().filter(|p| p.starts_with("date/strategii/") && p.ends_with(".json")).collect();
    assert!(!framework_files.is_empty());
    for path in framework_files {
        assert_eq!(checked(&frameworks_schema, &frameworks_schema, &json(path)), Vec::<String>::new(), "{path}");
    }
}

/// What the validation above would catch: a published field the schema does not describe, a
/// described field the file lacks, a value of another type, a code outside the vocabulary.
#[test]
fn a_drifted_file_fails() {
    let schema = json("date/planuri.schema.json");
    let plan = json("date/planuri.json")["plans"][0].clone();
    let one_plan = plan_schema(&schema);
    assert!(checked(&schema, &one_plan, &plan).is_empty());
    type Drift = (&'static str, fn(&mut Value));
    let drifts: [Drift; 5] = [
        ("the field plan_id is not in the schema", |p| p["plan_id"] = json!("x")),
        ("the required field \"title\" is missing", |p| drop(p.as_object_mut().map(|m| m.remove("title")))),
        ("is not of type", |p| p["period"]["from"] = json!("2022")),
        ("is not one of", |p| p["type"] = json!("plan-inexistent")),
        ("the field extra is not in the schema", |p| p["objectives"][0]["activities"][0]["extra"] = json!(1)),
    ];
    for (expected, drift) in drifts {
        let mut changed = plan.clone();
        drift(&mut changed);
        let found = checked(&schema, &one_plan, &changed);
        assert!(found.iter().any(|e| e.contains(expected)), "expected “{expected}”, found {found:?}");
    }
}

/// Journalists read the schema: every field has a Romanian description, codes come from the
/// vocabulary, and no English doc comment of the code leaks into it.
#[test]
fn the_schema_describes_every_field_in_romanian() {
    let schema = json("date/planuri.schema.json");
    let mut described = 0;
    for (name, definition) in schema["$defs"].as_object().expect("$defs") {
        assert!(definition["title"].is_string(), "{name} has no title");
        for (field, sub) in definition["properties"].as_object().expect("properties") {
            let text = sub["description"].as_str().unwrap_or_else(|| panic!("{name}.{field} has no description"));
            for english in [" the ", "The ", " of ", " and ", " with "] {
                assert!(!text.contains(english), "{name}.{field}: “{text}” reads as English");
            }
            described += 1;
        }
    }
    assert!(described > 60, "{described}");
    let codes: Vec<&str> = planportal::vocabulary::PlanType::ALL.iter().map(|t| t.code()).collect();
    assert_eq!(schema["$defs"]["PlanJson"]["properties"]["type"]["enum"], json!(codes));
}
