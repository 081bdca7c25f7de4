//! Reading a content file: the size limit, UTF-8 (UTF-16 named as the mistake it is), the
//! byte-order mark.

use std::path::Path;

use crate::diagnostics::{Diagnostic, display_path};
use crate::messages::Message;

/// Files larger than this are refused: content is text written by people, and a huge file is a
/// mistake or an attack that would otherwise cost memory and time.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// Reads a file as UTF-8 text within the size limit, without a byte-order mark.
pub fn read_text(root: &Path, path: &Path) -> Result<String, Diagnostic> {
    let shown = display_path(root, path);
    let metadata = std::fs::metadata(path)
        .map_err(|e| Diagnostic::file_error(&shown, Message::CannotRead { error: e.to_string() }))?;
    check_size(&shown, metadata.len())?;
    let bytes = std::fs::read(path)
        .map_err(|e| Diagnostic::file_error(&shown, Message::CannotRead { error: e.to_string() }))?;
    decode_text(&shown, bytes)
}

pub(super) fn check_size(shown: &str, len: u64) -> Result<(), Diagnostic> {
    if len > MAX_FILE_BYTES {
        return Err(Diagnostic::file_error(
            shown,
            Message::FileTooLarge { bytes: usize::try_from(len).unwrap_or(usize::MAX), limit: MAX_FILE_BYTES as usize },
        )
        .with_hint(Message::SplitContent));
    }
    Ok(())
}

/// UTF-8 text without a leading byte-order mark, or an error at the first invalid byte.
pub(super) fn decode_text(shown: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    // Windows editors offer UTF-16 as "Unicode"; its byte-order mark names the mistake exactly.
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(Diagnostic::file_error(shown, Message::FileIsUtf16).with_hint(Message::SaveAsUtf8Notepad));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let prefix = &e.as_bytes()[..valid];
        let line = prefix.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = String::from_utf8_lossy(&prefix[prefix.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1)..])
            .chars()
            .count()
            + 1;
        Diagnostic { line, column, ..Diagnostic::file_error(shown, Message::NotUtf8 { byte: valid }) }
            .with_hint(Message::SaveAsUtf8)
    })?;
    let text = text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text);
    Ok(text)
}
