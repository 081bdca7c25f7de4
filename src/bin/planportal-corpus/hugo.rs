//! The same pages as a Hugo site. Each page planportal built becomes one Hugo content file with
//! the page's title and the HTML of its `<main>` as body, under the same path; a plain theme
//! (head, header, navigation, footer, the same style sheet) wraps it. So Hugo renders the same
//! count of pages with the same text, and its job is the lightest it could be: no data files,
//! no cross-references to resolve. Pages with children become branch bundles (`_index.md`),
//! the others leaf bundles (`index.md`), which keeps every URL.

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::{Context, Result};

use crate::corpus::Files;

pub fn convert(public: &Path) -> Result<Files> {
    let mut pages = Vec::new();
    for entry in walkdir::WalkDir::new(public).sort_by_file_name() {
        let entry = entry.with_context(|| format!("reading {}", public.display()))?;
        let relative = entry.path().strip_prefix(public)?.to_string_lossy().replace('\\', "/");
        if entry.file_type().is_file() && relative.ends_with(".html") && !relative.starts_with("pagefind/") {
            pages.push(relative);
        }
    }
    let branches: BTreeSet<String> =
        pages.iter().filter_map(|p| p.strip_suffix("index.html")).flat_map(ancestors).collect();
    let mut files = Files::new();
    for page in &pages {
        let html = std::fs::read_to_string(public.join(page)).with_context(|| format!("reading {page}"))?;
        let (title, main) = title_and_main(&html);
        let front = serde_json::json!({ "title": title }).to_string();
        let body = format!("{front}\n\n<div class=\"main\">{main}</div>\n");
        match page.strip_suffix("index.html") {
            Some(dir) if branches.contains(dir) || dir.is_empty() => {
                files.insert(format!("content/{dir}_index.md"), body)
            }
            Some(dir) => files.insert(format!("content/{dir}index.md"), body),
            None if page == "404.html" => files.insert("layouts/404.html".into(), layout_404(&title, &main)),
            None => files.insert(format!("content/{}.md", page.trim_end_matches(".html")), body),
        };
    }
    // A folder with pages below it but none of its own (`strategii/`) would become a Hugo
    // section page that planportal does not have: tell Hugo not to render it.
    let own: BTreeSet<&str> = pages.iter().filter_map(|p| p.strip_suffix("index.html")).collect();
    for dir in branches.iter().filter(|d| !own.contains(d.as_str())) {
        let front = r#"{"_build": {"render": "never", "list": "never"}}"#;
        files.insert(format!("content/{dir}_index.md"), format!("{front}\n"));
    }
    let css = std::fs::read_to_string(public.join("style.css")).unwrap_or_default();
    files.insert("static/style.css".into(), css);
    files.insert("config.toml".into(), CONFIG.into());
    files.insert("layouts/_default/baseof.html".into(), BASEOF.into());
    files.insert("layouts/_default/single.html".into(), MAIN.into());
    files.insert("layouts/_default/list.html".into(), MAIN.into());
    Ok(files)
}

/// `a/b/c/` → `a/b/`, `a/`, `` (the proper ancestors of a page folder: they have children).
fn ancestors(dir: &str) -> Vec<String> {
    let parts: Vec<&str> = dir.trim_end_matches('/').split('/').filter(|p| !p.is_empty()).collect();
    (0..parts.len()).map(|n| parts[..n].iter().map(|p| format!("{p}/")).collect()).collect()
}

fn title_and_main(html: &str) -> (String, String) {
    let document = scraper::Html::parse_document(html);
    let title = scraper::Selector::parse("title")
        .ok()
        .and_then(|s| document.select(&s).next().map(|t| t.text().collect::<String>()))
        .unwrap_or_default();
    let main = scraper::Selector::parse("main")
        .ok()
        .and_then(|s| document.select(&s).next().map(|m| m.inner_html()))
        .unwrap_or_default();
    (title, main)
}

/// The 404 page as a Hugo layout: its text is template source there, so every `{{` of it (the
/// BibTeX of „Citați această pagină” has `{{Planuri publice}}`) is written as a Go template
/// action that prints `{{`.
fn layout_404(title: &str, main: &str) -> String {
    let literal = |text: &str| text.replace("{{", "{{ \"{{\" }}");
    BASEOF.replace("{{ .Title }}", &literal(title)).replace("{{ block \"main\" . }}{{ end }}", &literal(main))
}

const CONFIG: &str = r#"baseURL = "http://127.0.0.1:1111/"
languageCode = "ro"
title = "Planuri publice (corpus sintetic)"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]
[markup.goldmark.renderer]
unsafe = true
"#;

const BASEOF: &str = r#"<!doctype html>
<html lang="ro">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }}</title>
<link rel="stylesheet" href="{{ "style.css" | relURL }}">
</head>
<body>
<header><a href="{{ "" | relURL }}">Planuri publice</a>
<nav><a href="{{ "judete/" | relURL }}">Județe</a> <a href="{{ "planuri/" | relURL }}">Planuri</a> <a href="{{ "institutii/" | relURL }}">Instituții</a> <a href="{{ "teme/" | relURL }}">Teme</a> <a href="{{ "cautare/" | relURL }}">Căutare</a></nav>
</header>
<main>{{ block "main" . }}{{ end }}</main>
<footer><p>Planurile publice, așa cum au fost publicate.</p></footer>
</body>
</html>
"#;

const MAIN: &str = "{{ define \"main\" }}{{ .Content }}{{ end }}\n";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_404_layout_prints_the_braces_of_its_text() {
        let layout = layout_404("Pagina {{x}}", "<pre>title = {{Planuri publice}}</pre>");
        let ours =
            ["{{ \"{{\" }}", "{{ \"\" | relURL }}", "{{ \"style.css\" | relURL }}", "{{ \"judete/\" | relURL }}"];
        let rest = ours.iter().fold(layout.clone(), |text, action| text.replace(action, ""));
        let unknown: Vec<&str> = rest.match_indices("{{").map(|(at, _)| &rest[at..(at + 30).min(rest.len())]).collect();
        assert!(unknown.iter().all(|a| a.contains("| relURL }}")), "actions not ours: {unknown:?}");
        assert!(layout.contains("title = {{ \"{{\" }}Planuri publice}}"), "{layout}");
    }
}
