//! No panic from the public entry points on degenerate images: empty sides, single pixels,
//! 1 × 20000 and 20000 × 1 slivers, fully transparent images, and zero-sized OCR crops. Each
//! entry point either returns a result or an error, and stays usable afterwards.
//!
//! The fixed cases are the ones named in the library issue; the property tests add random small
//! and extreme sizes (few cases: every case runs the real models).

use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use image::{DynamicImage, Rgb, RgbImage, Rgba, RgbaImage};
use proptest::prelude::*;
use shanzhai::ocr::{OcrEngine, OcrParams};
use shanzhai::scan::{Analyzer, Input, TextStage, VisualStage};
use shanzhai::terms::Matcher;
use shanzhai::vision::{VisualClassifier, VisualParams};

mod common;
use common::engines;

fn ocr() -> MutexGuard<'static, OcrEngine> {
    static ENGINE: OnceLock<Mutex<OcrEngine>> = OnceLock::new();
    ENGINE
        .get_or_init(|| Mutex::new(engines::ocr_engine(OcrParams::default())))
        .lock()
        .unwrap_or_else(|p| p.into_inner())
}

fn visual() -> MutexGuard<'static, VisualClassifier> {
    static CLASSIFIER: OnceLock<Mutex<VisualClassifier>> = OnceLock::new();
    CLASSIFIER
        .get_or_init(|| Mutex::new(engines::visual_classifier(VisualParams::default())))
        .lock()
        .unwrap_or_else(|p| p.into_inner())
}

fn analyzer() -> Analyzer {
    let ocr: Box<dyn TextStage> = Box::new(engines::ocr_engine(OcrParams::default()));
    let visual: Box<dyn VisualStage> =
        Box::new(engines::visual_classifier(VisualParams::default()));
    Analyzer::new(
        Some(ocr),
        Some(visual),
        Arc::new(Matcher::with_default_rules()),
    )
}

/// A light-grey RGB image with a dark stripe, so detectors have an edge to look at.
fn striped(width: u32, height: u32) -> DynamicImage {
    DynamicImage::ImageRgb8(RgbImage::from_fn(width, height, |x, y| {
        if (x + y) % 7 < 2 {
            Rgb([20, 20, 20])
        } else {
            Rgb([230, 230, 230])
        }
    }))
}

fn transparent(width: u32, height: u32) -> DynamicImage {
    DynamicImage::ImageRgba8(RgbaImage::from_pixel(width, height, Rgba([200, 0, 0, 0])))
}

/// The images the issue names.
fn named_cases() -> Vec<(&'static str, DynamicImage)> {
    vec![
        ("0x0", striped(0, 0)),
        ("0x7", striped(0, 7)),
        ("7x0", striped(7, 0)),
        ("1x1", striped(1, 1)),
        ("1x20000", striped(1, 20_000)),
        ("20000x1", striped(20_000, 1)),
        ("transparent 64x64", transparent(64, 64)),
        ("transparent 1x1", transparent(1, 1)),
    ]
}

/// Runs every entry point on `image`; panics only if one of them does.
fn exercise(image: &DynamicImage, analyzer: &mut Analyzer) {
    let _ = ocr().recognize(image);
    let _ = ocr().detect(&image.to_rgb8());
    let _ = visual().classify(image);
    let result = analyzer.analyze_image(image, "degenerate".into());
    if image.width() > 0 && image.height() > 0 {
        assert!(
            result.verdict.is_some() || result.error.is_some(),
            "{result:?}"
        );
    }
}

#[test]
fn named_degenerate_images_give_results_or_errors() {
    let mut analyzer = analyzer();
    for (name, image) in named_cases() {
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            exercise(&image, &mut analyzer)
        }));
        assert!(outcome.is_ok(), "{name} panicked");
    }
    // Everything still works on an ordinary image afterwards.
    let ordinary = striped(200, 60);
    assert!(ocr().recognize(&ordinary).is_ok());
    assert!(visual().classify(&ordinary).is_ok());
    let result = analyzer.analyze_image(&ordinary, "ordinary".into());
    assert!(result.error.is_none(), "{result:?}");
}

#[test]
fn empty_and_sliver_crops_go_through_the_ocr_stages() {
    let mut crops = vec![
        RgbImage::new(0, 5),
        RgbImage::new(5, 0),
        RgbImage::new(0, 0),
        RgbImage::from_pixel(1, 1, Rgb([0, 0, 0])),
        RgbImage::from_pixel(1, 400, Rgb([0, 0, 0])),
        RgbImage::from_pixel(3000, 1, Rgb([0, 0, 0])),
    ];
    let mut engine = ocr();
    let orientations = engine
        .classify(&mut crops)
        .expect("classify degenerate crops");
    assert_eq!(orientations.len(), crops.len());
    let texts = engine
        .recognize_crops(&crops)
        .expect("recognise degenerate crops");
    assert_eq!(texts.len(), crops.len());
}

#[test]
fn degenerate_files_become_per_input_results() {
    let dir = tempfile::tempdir().unwrap();
    let mut analyzer = analyzer();
    for (i, (name, image)) in named_cases().into_iter().enumerate() {
        if image.width() == 0 || image.height() == 0 {
            continue; // no encoder writes an empty image; decode_image covers those bytes
        }
        let path = dir.path().join(format!("{i}.png"));
        image.save(&path).unwrap();
        let result = analyzer.analyze_input(i as u64, &Input::File(path));
        assert!(
            result.verdict.is_some() || result.error.is_some(),
            "{name}: {result:?}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_extreme_sizes_never_panic(
        width in prop_oneof![0u32..4, 4u32..64, 2000u32..24_000],
        height in prop_oneof![0u32..4, 4u32..64],
        flip in any::<bool>(),
        clear in any::<bool>(),
    ) {
        let (width, height) = if flip { (height, width) } else { (width, height) };
        let image = if clear { transparent(width, height) } else { striped(width, height) };
        let _ = ocr().recognize(&image);
        let _ = visual().classify(&image);
    }
}
