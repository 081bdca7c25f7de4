//! The catalogue is complete in both languages, uses every key and names only real arguments.

use std::collections::BTreeSet;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::*;

/// The keys of a `.ftl` file and, for each, the variables its text names.
fn entries(text: &str) -> Vec<(String, BTreeSet<String>)> {
    let resource = fluent_syntax::parser::parse(text).expect("the catalogue parses");
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(message) => {
                let mut names = BTreeSet::new();
                if let Some(pattern) = &message.value {
                    variables(pattern, &mut names);
                }
                Some((message.id.name.to_owned(), names))
            }
            _ => None,
        })
        .collect()
}

fn variables(pattern: &Pattern<&str>, names: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, names);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, names: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_variables(selector, names);
            variants.iter().for_each(|variant| variables(&variant.value, names));
        }
        Expression::Inline(inline) => inline_variables(inline, names),
    }
}

fn inline_variables(inline: &InlineExpression<&str>, names: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            names.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, names),
        _ => {}
    }
}

/// The keys looked up by code rather than by a `Message`: the labels and the nouns.
const LABELS: [&str; 5] = ["label-error", "label-warning", "label-help", "noun", "noun-the"];

#[test]
fn every_key_is_in_both_languages_and_used() {
    let used: BTreeSet<&str> = Message::KEYS.iter().copied().chain(LABELS).collect();
    assert_eq!(used.len(), Message::KEYS.len() + LABELS.len(), "a key is declared twice");
    for (name, text) in [("ro", RO), ("en", EN)] {
        let keys: BTreeSet<String> = entries(text).into_iter().map(|(key, _)| key).collect();
        let keys: BTreeSet<&str> = keys.iter().map(String::as_str).collect();
        let missing: Vec<_> = used.difference(&keys).collect();
        let unused: Vec<_> = keys.difference(&used).collect();
        assert!(missing.is_empty(), "locales/{name}.ftl lacks {missing:?}");
        assert!(unused.is_empty(), "locales/{name}.ftl has keys no message uses: {unused:?}");
    }
}

#[test]
fn every_message_names_only_its_own_arguments() {
    for (name, text) in [("ro", RO), ("en", EN)] {
        for (key, names) in entries(text) {
            let mut declared: BTreeSet<String> = Message::arg_names(&key).iter().map(|n| (*n).to_owned()).collect();
            if key == "noun" || key == "noun-the" {
                declared.insert("what".to_owned());
            }
            assert!(names.is_subset(&declared), "{name}.ftl `{key}` names {names:?}, its variant has {declared:?}");
        }
    }
}

#[test]
fn romanian_uses_comma_below_letters() {
    for cedilla in ['ş', 'ţ', 'Ş', 'Ţ'] {
        assert!(!RO.contains(cedilla), "locales/ro.ftl writes {cedilla} with a cedilla: use ș ț");
    }
}

#[test]
fn romanian_plurals_follow_its_three_forms() {
    let errors = |count| Message::Errors { count }.text(Lang::Ro);
    assert_eq!(errors(1), "1 eroare");
    assert_eq!(errors(2), "2 erori");
    assert_eq!(errors(19), "19 erori");
    assert_eq!(errors(20), "20 de erori");
    assert_eq!(Message::Errors { count: 20 }.text(Lang::En), "20 errors");
}

#[test]
fn locale_names_choose_the_language() {
    assert_eq!(Lang::from_locale(Some("en_GB.UTF-8")), Lang::En);
    assert_eq!(Lang::from_locale(Some("ro_RO.UTF-8")), Lang::Ro);
    assert_eq!(Lang::from_locale(Some("C")), Lang::Ro);
    assert_eq!(Lang::from_locale(None), Lang::Ro);
}

/// The text of every Rust file under `folder`.
fn sources(folder: &std::path::Path, out: &mut String) {
    for entry in std::fs::read_dir(folder).expect("src/ is readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("messages/catalogue.rs") {
            out.push_str(&std::fs::read_to_string(&path).expect("source"));
        }
    }
}

#[test]
fn every_message_is_used_by_the_code() {
    let mut code = String::new();
    sources(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut code);
    let unused: Vec<_> = Message::VARIANTS
        .iter()
        .filter(|variant| {
            let used = |after: char| code.contains(&format!("Message::{variant}{after}"));
            ![' ', ',', ')', '.', ';', '\n', ']', '}'].into_iter().any(used)
        })
        .collect();
    assert!(unused.is_empty(), "messages no code uses (remove them, or their keys): {unused:?}");
}
