//! The JSON Schema of `date/planuri.json` (`date/planuri.schema.json`). Plan types are listed
//! from the vocabulary.

use serde_json::{Value, json};

use crate::vocabulary::PlanType;

/// A JSON Schema of `planuri.json`.
pub fn dataset_schema() -> Value {
    let text = json!({ "type": "string" });
    let opt_text = json!({ "type": ["string", "null"] });
    let strings = json!({ "type": "array", "items": { "type": "string" } });
    let notes = json!({ "type": "array", "items": { "type": "object", "required": ["kind", "text"], "properties": { "kind": text, "text": text } } });
    let actor = json!({ "type": "object", "required": ["id", "name", "printed"], "properties": { "id": text, "name": text, "printed": text } });
    let activity = json!({
        "type": "object",
        "required": ["anchor", "text", "indicators", "responsible", "partners", "funding", "notes", "url"],
        "properties": {
            "anchor": text, "number": opt_text, "text": text, "indicators": strings, "period": opt_text, "evaluation": opt_text,
            "responsible": { "type": "array", "items": actor }, "responsible_text": opt_text,
            "partners": { "type": "array", "items": actor }, "partners_text": opt_text,
            "funding": strings, "notes": notes, "url": { "type": "string", "format": "uri" }
        }
    });
    let objective = json!({
        "type": "object",
        "required": ["anchor", "text", "general_objective", "activities", "url"],
        "properties": {
            "anchor": text, "number": opt_text, "text": text, "list_text": opt_text,
            "general_objective": { "type": "object", "properties": { "number": opt_text, "text": text } },
            "grouping": { "type": "array" }, "framework_objective": opt_text, "themes": strings, "notes": notes,
            "url": { "type": "string", "format": "uri" }, "activities": { "type": "array", "items": activity }
        }
    });
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Planurile publicate pe portal",
        "description": "Toate planurile, cu obiectivele și activitățile lor, așa cum au fost publicate.",
        "type": "object",
        "required": ["plans"],
        "properties": { "plans": { "type": "array", "items": {
            "type": "object",
            "required": ["id", "title", "type", "county", "period", "objectives", "url"],
            "properties": {
                "id": text, "title": text, "type": { "enum": PlanType::ALL.iter().map(|t| t.code()).collect::<Vec<_>>() },
                "county": text, "period": { "type": "object", "properties": { "from": { "type": "integer" }, "to": { "type": "integer" } } },
                "issuer": { "oneOf": [actor, { "type": "null" }] }, "approval": opt_text, "mention": opt_text, "date": opt_text, "source": text,
                "signatories": { "type": "array" }, "labels": { "type": "object" }, "notes": notes,
                "provenance": { "type": "object", "properties": { "url": opt_text, "retrieved": opt_text, "sha256": opt_text } },
                "corrections": { "type": "array", "items": { "type": "object", "required": ["date", "text", "url"], "properties": { "date": text, "text": text, "url": { "type": "string", "format": "uri" } } } },
                "url": { "type": "string", "format": "uri" }, "objectives": { "type": "array", "items": objective }
            }
        } } }
    })
}
