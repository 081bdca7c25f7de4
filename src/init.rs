//! `planportal init [DIR]`: a new site that `check` and `build` accept as it is. It holds
//! `config.toml`, a short `README.md`, the vocabularies every portal shares (counties, institution
//! types, themes, the national bodies), the empty folders of plans, documents, sources,
//! institutions and frameworks, and the default theme. They are compiled into the binary, so that
//! `init` needs nothing but the `planportal` program; a unit test keeps the theme's copy whole.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// What `planportal init` is asked to do (the command line's `InitArgs`, see `cli.rs`).
#[derive(Debug, Clone)]
pub struct InitOptions {
    /// The folder of the new site; made if missing, refused if not empty.
    pub dir: PathBuf,
}

/// Pairs each path under `$base` with that file's text, read when the program is compiled.
macro_rules! embedded {
    ($base:literal: $($file:literal),* $(,)?) => {
        &[$(($file, include_str!(concat!($base, $file)))),*]
    };
}

/// The default theme, as `themes/default/` holds it.
const THEME: &[(&str, &str)] = embedded!("../themes/default/":
    "static/cite.js", "static/compare.js", "static/favicon.svg", "static/plan.js", "static/search.js",
    "static/source.js", "static/style.css",
    "templates/404.html", "templates/base.html", "templates/comparisons.html", "templates/counties.html",
    "templates/county.html", "templates/data.html", "templates/document.html", "templates/documents.html",
    "templates/framework.html", "templates/framework_objective.html", "templates/home.html",
    "templates/institution.html", "templates/institution_type.html", "templates/institution_types.html",
    "templates/institutions.html", "templates/irregularities.html", "templates/localities.html",
    "templates/locality.html", "templates/macros.html", "templates/map.html",
    "templates/objective.html", "templates/pair.html", "templates/plan.html", "templates/plan_filter.html",
    "templates/plan_macros.html", "templates/plans.html", "templates/ranking.html", "templates/search.html", "templates/source.html",
    "templates/theme.html", "templates/themes.html",
);

/// The vocabularies of the bundled content that every portal shares: no publication's text, only
/// the lists plans are checked against.
const SHARED_CONTENT: &[(&str, &str)] = embedded!("../content/":
    "counties.yaml", "institution-types.yaml", "themes.yaml", "institutions/national.yaml",
);

/// The folders of `content/` that a new site starts without files in.
const EMPTY_FOLDERS: &[&str] =
    &["content/plans", "content/documents", "content/sources", "content/frameworks", "content/anchors"];

/// The settings of a new site. The base URL is a placeholder the README asks to replace.
const CONFIG: &str = "\
# The portal's settings; planportal's README.md lists them.
title = \"Planuri publice\"
description = \"Ce au promis instituțiile publice, cine răspunde și până când.\"
# The address the site will be published at, ending in `/`. `planportal build --base-url URL`
# replaces it for one build (a staging copy, say).
base_url = \"https://example.ro/\"
language = \"ro\"
theme = \"default\"
";

const README: &str = "\
# Portal de planuri publice

Creat cu `planportal init`. Pașii următori:

- `planportal new plan --county SLUG --type TIP` scrie scheletul unui plan în `content/plans/`;
  textul sursă se pune în `content/sources/`.
- `planportal check` verifică tot conținutul; `planportal build` scrie site-ul în `public/`;
  `planportal serve` îl arată la http://127.0.0.1:1111/ și îl reface la fiecare modificare.
- În `config.toml`, `base_url` este adresa la care va fi publicat site-ul.
";

/// `planportal init`: writes the new site into `options.dir`. Refuses a folder that holds
/// anything, and never replaces a file, even one made while it runs.
pub fn run(options: &InitOptions) -> Result<bool> {
    let dir = &options.dir;
    refuse_non_empty(dir)?;
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create the folder {}", dir.display()))?;
    let theme = THEME.iter().map(|(path, text)| (format!("themes/default/{path}"), *text));
    let content = SHARED_CONTENT.iter().map(|(path, text)| (format!("content/{path}"), *text));
    let files = [("config.toml".to_owned(), CONFIG), ("README.md".to_owned(), README)].into_iter();
    for (path, text) in files.chain(content).chain(theme) {
        write_new(&dir.join(path), text)?;
    }
    for folder in EMPTY_FOLDERS {
        let path = dir.join(folder);
        std::fs::create_dir_all(&path).with_context(|| format!("cannot create the folder {}", path.display()))?;
    }
    println!("init: a new site in {}; next: planportal build --root {}", dir.display(), dir.display());
    Ok(true)
}

/// Refuses `dir` when it is a file or a folder that holds anything.
fn refuse_non_empty(dir: &Path) -> Result<()> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                bail!("{} is not empty: init makes a site only in an empty or new folder", dir.display());
            }
            Ok(())
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(error).with_context(|| format!("cannot read the folder {}", dir.display())),
    }
}

/// Writes `text` to a new file at `path`, making its folders; fails if the file exists.
fn write_new(path: &Path, text: &str) -> Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).with_context(|| format!("cannot create the folder {}", parent.display()))?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .with_context(|| format!("cannot create {} (init never replaces a file)", path.display()))?;
    file.write_all(text.as_bytes()).with_context(|| format!("cannot write {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file of `folder`, by path relative to it, with its text.
    fn files_of(folder: &Path) -> Vec<(String, String)> {
        let mut files: Vec<(String, String)> = walkdir::WalkDir::new(folder)
            .into_iter()
            .map(|entry| entry.expect("readable"))
            .filter(|entry| entry.file_type().is_file())
            .map(|entry| {
                let relative = entry.path().strip_prefix(folder).expect("inside").to_string_lossy().into_owned();
                (relative, std::fs::read_to_string(entry.path()).expect("text"))
            })
            .collect();
        files.sort();
        files
    }

    #[test]
    fn the_embedded_theme_is_the_whole_default_theme() {
        let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
        let mut embedded: Vec<(String, String)> =
            THEME.iter().map(|(path, text)| ((*path).to_owned(), (*text).to_owned())).collect();
        embedded.sort();
        let names = |files: &[(String, String)]| files.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
        let on_disk = files_of(&theme);
        assert_eq!(names(&embedded), names(&on_disk), "add the theme's new files to THEME in src/init.rs");
    }

    #[test]
    fn a_folder_with_a_file_is_refused_and_the_file_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("notes.txt"), "mine").expect("write");
        let error = run(&InitOptions { dir: dir.path().to_owned() }).expect_err("refused");
        assert!(error.to_string().contains("is not empty"), "{error}");
        assert_eq!(files_of(dir.path()), vec![("notes.txt".to_owned(), "mine".to_owned())]);
    }
}
