//! `shanzhai --help` and each subcommand's help fit a terminal screen and name the docs.

use std::process::Command;

#[test]
fn every_help_fits_a_screen_and_names_the_docs() {
    for sub in [None, Some("text"), Some("ocr"), Some("scan"), Some("fetch")] {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_shanzhai"));
        cmd.args(sub).arg("--help");
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "{sub:?}");
        let help = String::from_utf8(out.stdout).unwrap();
        // Screen lines on a 120-column terminal.
        let screen: usize = help.lines().map(|l| 1 + l.chars().count() / 120).sum();
        assert!(screen <= 40, "{sub:?}: {screen} lines\n{help}");
        assert!(help.contains("docs/GUIDE.md"), "{sub:?}:\n{help}");
    }
}
