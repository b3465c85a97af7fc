//! The reference suite: checks against reference data that is not part of the project (RapidOCR's
//! and PaddleOCR's test images with their transcriptions, real photos, emblem renders, real
//! transcribed text). It reads the reference folder, `../shared` beside the checkout or
//! `SHANZHAI_REFERENCE_DATA=DIR`:
//!
//! ```sh
//! cargo test --release --test reference
//! ```
//!
//! Without the folder every test returns at once and one line says what was skipped; with
//! `SHANZHAI_REQUIRE_REFERENCE=1` (set by `.ci/run`) a missing folder is a failure instead.

#[path = "../common/mod.rs"]
mod common;

/// Returns from the test (which then passes) when the reference folder is not there and not
/// required; see [`common::reference_root`].
macro_rules! needs_reference {
    () => {
        if crate::common::reference_root().is_none() {
            return;
        }
    };
}

mod ocr;
mod scan_cli;
mod terms;
mod vision;
