//! What a file's name alone decides: source names that can be published as they are, and the
//! names Windows reserves.

use std::path::Path;

use super::Kind;
use crate::diagnostics::Diagnostic;
use crate::messages::Message;

/// What is refused from a file's name alone, before its bytes are read: a source text under a
/// name or of a type that cannot be published as is (a binary file gets this message, not a
/// UTF-8 error).
pub(super) fn check_before_reading(shown: &str, path: &Path, kind: Kind) -> Result<(), Diagnostic> {
    if kind == Kind::Source {
        check_source_name(shown, &file_name(path))?;
    }
    Ok(())
}

pub(super) fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// A source is published under its own name as `surse/NAME`: the name must be safe on every
/// system, and the type plain text. Anything else (`.html`, `.svg`, `.js`, …) would be served
/// from the portal's own origin, where a browser runs it: stored script.
fn check_source_name(shown: &str, name: &str) -> Result<(), Diagnostic> {
    if !is_source_name(name) {
        return Err(Diagnostic::file_error(shown, Message::BadSourceName { name: name.to_owned() })
            .with_hint(Message::SourceNameChars));
    }
    if is_reserved_name(name) {
        return Err(Diagnostic::file_error(shown, Message::ReservedSourceName { name: name.to_owned() })
            .with_hint(Message::ReservedSourceNameHint));
    }
    if !name.ends_with(SOURCE_EXTENSION) {
        return Err(Diagnostic::file_error(shown, Message::SourceNotTxt { name: name.to_owned() })
            .with_hint(Message::SourceNotTxtHint));
    }
    Ok(())
}

/// The one type of source text: plain text, served as `text/plain` (see `crate::headers`).
pub const SOURCE_EXTENSION: &str = ".txt";

/// Windows refuses these names with any extension (`nul.txt`) in any letter case; a site holding
/// one (a source file, or an id that names a page's folder) could not be copied to or served
/// from Windows.
pub fn is_reserved_name(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).to_ascii_lowercase();
    matches!(stem.as_str(), "con" | "prn" | "aux" | "nul")
        || ((stem.starts_with("com") || stem.starts_with("lpt"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit())
}

/// Source files are published under their own name: it must be a safe, plain file name.
fn is_source_name(name: &str) -> bool {
    !name.starts_with('.')
        && name.len() <= 120
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}
