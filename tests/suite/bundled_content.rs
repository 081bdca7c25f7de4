//! The bundled content of the repository: it must check clean, with no warning.

use crate::support::{TestSite, stderr, stdout};

#[test]
fn bundled_content_checks_without_errors_or_warnings() {
    let site = TestSite::bundled();
    let output = site.run(&["check"]);
    assert_eq!(stderr(&output), "", "check must report nothing");
    assert!(output.status.success());
    assert!(stdout(&output).contains("no errors"));
}
