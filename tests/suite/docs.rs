//! The field reference of docs/authoring.md lists exactly the fields the program accepts. The
//! accepted fields come from serde itself: an unknown key's error lists every expected one.

use planportal::load::raw::*;
use serde::de::DeserializeOwned;

use crate::support::repo;

/// The fields `T` accepts, read from serde's "unknown field …, expected one of …" message.
fn accepted_fields<T: DeserializeOwned>() -> Vec<String> {
    let Err(error) = serde_yaml_ng::from_str::<T>("zzz_probe: 1") else { panic!("the probe must be refused") };
    let message = error.to_string();
    let list = message.split("expected ").nth(1).unwrap_or_default();
    let list = list.split(" at line").next().unwrap_or_default();
    let mut fields: Vec<String> = list.split('`').skip(1).step_by(2).map(str::to_owned).collect();
    fields.sort();
    fields
}

/// The fields listed in the table under `### {section}` of the guide.
fn documented_fields(guide: &str, section: &str) -> Vec<String> {
    let start = guide.find(&format!("### {section}\n")).unwrap_or_else(|| panic!("no section {section}"));
    let mut fields: Vec<String> = guide[start..]
        .lines()
        .skip(1)
        .take_while(|l| !l.starts_with("### "))
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .map(str::to_owned)
        .collect();
    fields.sort();
    fields
}

#[test]
fn authoring_guide_lists_exactly_the_accepted_fields() {
    let guide = std::fs::read_to_string(repo().join("docs/authoring.md")).expect("guide");
    let cases: Vec<(&str, Vec<String>)> = vec![
        ("plan", accepted_fields::<RawPlan>()),
        ("labels", accepted_fields::<RawLabels>()),
        ("section", accepted_fields::<RawSection>()),
        ("goal", accepted_fields::<RawGoal>()),
        ("intermediate", accepted_fields::<RawIntermediate>()),
        ("objective", accepted_fields::<RawObjective>()),
        ("activity", accepted_fields::<RawActivity>()),
        ("note", accepted_fields::<RawNote>()),
        ("provenance", accepted_fields::<RawProvenance>()),
        ("correction", accepted_fields::<RawCorrection>()),
        ("document", accepted_fields::<RawDocument>()),
        ("institution", accepted_fields::<RawInstitution>()),
    ];
    for (section, accepted) in cases {
        assert!(!accepted.is_empty(), "{section}: no fields read from serde");
        assert_eq!(documented_fields(&guide, section), accepted, "docs/authoring.md, section {section}");
    }
}
