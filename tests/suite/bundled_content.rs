//! The bundled content of the repository: it must check clean, with no warning.

use crate::support::{bundled_built, run_in, stderr, stdout};

#[test]
fn bundled_content_checks_without_errors_or_warnings() {
    // `check` writes nothing, so the shared copy serves.
    let output = run_in(bundled_built().root(), &["check"]);
    assert_eq!(stderr(&output), "", "check must report nothing");
    assert!(output.status.success());
    assert!(stdout(&output).contains("no errors"));
}
