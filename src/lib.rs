//! shanzhai finds knock-off skill-certificate (山寨证书) promotions in images and text.
//!
//! This is the library behind the `shanzhai` command line (see the project's `README.md` and
//! `docs/GUIDE.md` for the commands, `docs/DESIGN.md` for how the pieces fit together).
//!
//! # Example: the term matcher
//!
//! [`terms::Matcher`] judges text on its own (no model, no runtime needed). Matching is done on a
//! normalised form (full-width, traditional characters, Chinese numerals and separators folded),
//! but every match reports the advertiser's original span in character offsets:
//!
//! ```
//! use shanzhai::terms::{Matcher, Verdict};
//!
//! let matcher = Matcher::with_default_rules();
//! let ad = "报名即送國家級證書，包-过！";
//! let matches = matcher.find_all(ad);
//! let promise = matches.iter().find(|m| m.rule == "promise.guaranteed_pass").unwrap();
//! assert_eq!(promise.text, "包-过");
//! assert_eq!((promise.start, promise.end), (10, 13));
//! assert_eq!(Verdict::from_matches(&matches), Verdict::Block);
//!
//! // Ordinary text passes.
//! assert_eq!(Verdict::from_matches(&matcher.find_all("红包过节，七天乐")), Verdict::Pass);
//! ```
//!
//! Images go through [`scan::Analyzer`] (OCR, terms and the visual classifier, fused into a
//! verdict), or the stages one by one: [`ocr::OcrEngine`] and [`vision::VisualClassifier`], which
//! need ONNX Runtime and the models: resolving (and fetching) them is an explicit step,
//! [`runtime::RuntimeOptions`], then [`runtime::Runtime::load`].
//!
//! The crate is split by domain, each piece usable on its own:
//! - [`terms`]: the shared normalisation and term-matching engine (plain text, HTML, OCR output);
//! - [`runtime`]: obtaining ONNX Runtime and the models, and the one ONNX Runtime environment;
//! - [`input`]: reading images (format by content, EXIF orientation, size limits);
//! - [`ocr`]: PaddleOCR PP-OCRv4 detection, orientation and recognition under ONNX Runtime;
//! - [`vision`]: the visual classifier (national emblem, certificate layout, official seal);
//! - [`scan`]: the batch pipeline that runs the stages and fuses them into a verdict;
//! - [`report`]: output writers (JSONL, CSV, the HTML review report);
//! - [`dedup`]: the PDQ perceptual hash and the near-duplicate bank of decided images.
//!
//! The `shanzhai` command line is the crate's binary (`src/main.rs`, `src/cli/`), a thin layer
//! over these modules.
//!
//! # Cargo features
//! - `fetch` (default): download ONNX Runtime and the OCR models with pip on first need. Without
//!   it, paths must be given or the cache already filled.
//! - `cli` (default): the `shanzhai` binary (clap, indicatif); implies `fetch`.
//! - `serve` (default): [`serve`], the upload-scanning HTTP service behind `shanzhai serve`
//!   (tokio, axum, sqlx for SQLite and PostgreSQL, a Prometheus exporter).
//!
//! `cargo build --lib --no-default-features` builds the library alone, with none of them.

#![deny(missing_docs)]

pub mod dedup;
pub mod input;
pub mod ocr;
pub mod report;
pub mod runtime;
pub mod scan;
#[cfg(feature = "serve")]
pub mod serve;
pub mod terms;
pub mod vision;

/// An error and its chain of sources on one line (`outer: inner: innermost`), for result fields
/// that carry an error as text.
pub(crate) fn describe(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        let next = cause.to_string();
        // Transparent wrappers repeat their inner message; say it once.
        if !text.ends_with(&next) {
            text.push_str(": ");
            text.push_str(&next);
        }
        source = cause.source();
    }
    text
}
