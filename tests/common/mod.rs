//! Helpers shared by the integration tests.
//!
//! Every integration test outside `tests/reference/` runs on files the project owns
//! (`datasets/samples/`, `tests/data/`) or on images the tests make themselves; the reference
//! suite (`tests/reference/`) reads the reference folder through [`reference_root`].
#![allow(dead_code)] // each test binary uses its own part of these helpers

pub mod browser;
pub mod scan;

/// ONNX Runtime and the OCR models as the library gets them: the explicit resolve step (fetching
/// into the cache on first need), then the engines.
pub mod engines {
    use shanzhai::ocr::{OcrEngine, OcrParams};
    use shanzhai::runtime::{Runtime, RuntimeOptions};
    use shanzhai::vision::{VisualClassifier, VisualParams};

    /// The process's ONNX Runtime, from the cache (fetched on first need).
    pub fn runtime() -> Runtime {
        RuntimeOptions::default()
            .load_runtime()
            .expect("ONNX Runtime loads (fetched on first need)")
    }

    /// An OCR engine on the cached models with `params`.
    pub fn ocr_engine(params: OcrParams) -> OcrEngine {
        let models = RuntimeOptions::default()
            .ocr_models()
            .expect("the OCR models are fetched on first need");
        OcrEngine::new(&runtime(), &models, params).expect("the OCR engine starts")
    }

    /// The shipped visual classifier with `params`.
    pub fn visual_classifier(params: VisualParams) -> VisualClassifier {
        VisualClassifier::with_params(&runtime(), params).expect("load the shipped models")
    }
}

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// A file of the project's demo set, `datasets/samples/NAME`.
pub fn demo_sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("datasets/samples")
        .join(name)
}

/// Character accuracy of `found` against `expected`: 1 − edit distance / expected length.
pub fn char_accuracy(expected: &str, found: &str) -> f64 {
    let (a, b): (Vec<char>, Vec<char>) = (expected.chars().collect(), found.chars().collect());
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (row[j + 1] + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    1.0 - row[b.len()] as f64 / a.len().max(1) as f64
}

/// True when the environment asks for the reference suite to run, not skip:
/// `SHANZHAI_REQUIRE_REFERENCE=1` (`.ci/run` sets it). `CI=true` alone does not: most CI services
/// set it, and a fresh clone's `cargo test --release` must pass there without `../shared`.
fn reference_required() -> bool {
    std::env::var("SHANZHAI_REQUIRE_REFERENCE").is_ok_and(|v| v == "1")
}

/// The reference folder: `$SHANZHAI_REFERENCE_DATA` when set, else `../shared` beside the
/// checkout (a folder with `samples/` in it). `None` when it is not there; then one line saying what is skipped goes to the
/// terminal (once per test binary, past the test harness's capture). Panics instead when the
/// folder is required (`SHANZHAI_REQUIRE_REFERENCE=1`) or was named explicitly.
pub fn reference_root() -> Option<&'static Path> {
    static ROOT: OnceLock<Option<PathBuf>> = OnceLock::new();
    ROOT.get_or_init(|| {
        let named = std::env::var_os("SHANZHAI_REFERENCE_DATA").filter(|v| !v.is_empty());
        let root = match &named {
            Some(dir) => PathBuf::from(dir),
            None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
        };
        // `samples/` marks the reference folder: a clone placed beside some other `shared`
        // folder skips the suite instead of failing in it.
        if root.join("samples").is_dir() {
            return Some(root);
        }
        let shown = root.display();
        if let Some(dir) = &named {
            panic!(
                "SHANZHAI_REFERENCE_DATA={} is not the reference folder (no samples/ in it): \
                 the reference suite cannot run",
                dir.to_string_lossy()
            );
        }
        if reference_required() {
            panic!(
                "the reference data is required here (SHANZHAI_REQUIRE_REFERENCE=1) but \
                 {shown} is missing: put the reference folder there or set SHANZHAI_REFERENCE_DATA=DIR"
            );
        }
        // Written straight to stderr: the harness captures print!/eprint! of passing tests.
        let _ = writeln!(
            std::io::stderr(),
            "reference suite SKIPPED (OCR accuracy vs RapidOCR, real-image visual checks, real \
             transcriptions): no reference data at {shown}; to run it: \
             SHANZHAI_REFERENCE_DATA=DIR cargo test --release --test reference"
        );
        None
    })
    .as_deref()
}

/// `rel` inside the reference folder (never copied into the project); fails with a message that
/// says so when it is not there. Call only after [`reference_root`] returned `Some`.
pub fn shared(rel: &str) -> PathBuf {
    let root = reference_root().expect("the reference folder is there");
    let path = root.join(rel);
    assert!(
        path.exists(),
        "{} is missing: the reference folder {} lacks it",
        path.display(),
        root.display()
    );
    path
}
