//! The commands for the people who write the content: `check`, `stats`, `suggest` (and
//! `suggest --localities`, `places.rs`), `new` and `anchors`.

pub mod anchors;
pub mod check;
pub mod institutions;
pub mod places;
pub mod scaffold;
pub mod stats;
pub mod suggest;

/// The site under `root`, loaded for a command that reads the model (`stats`, `suggest`); on
/// errors, they are printed to stderr and there is none.
fn load_or_report(root: &std::path::Path) -> Option<crate::build::Loaded> {
    crate::build::load(crate::build::Source::Folder(root))
        .map_err(|diagnostics| eprint!("{}", diagnostics.render()))
        .ok()
}
