//! The shipped visual classifier on the project's own demo images (`datasets/samples`) and on
//! images made here. The checks on real photos and renders are in the reference suite
//! (`tests/reference/vision.rs`).

use std::path::Path;

use shanzhai::runtime::RuntimeOptions;
use shanzhai::vision::{VisualClassifier, VisualParams, VisualScores};

fn classify(path: &Path) -> VisualScores {
    let mut classifier = VisualClassifier::new(
        &RuntimeOptions::default()
            .load_runtime()
            .expect("ONNX Runtime loads"),
    )
    .expect("load the shipped model");
    let image = image::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    classifier.classify(&image).expect("classify")
}

#[test]
fn generated_certificate_sample_is_a_certificate_layout() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/samples/certificate_fake.jpg");
    let scores = classify(&path);
    assert!(scores.certificate_layout.detected, "{scores:?}");
}

#[test]
fn empty_image_is_an_error_not_a_panic() {
    let mut classifier = VisualClassifier::new(
        &RuntimeOptions::default()
            .load_runtime()
            .expect("ONNX Runtime loads"),
    )
    .unwrap();
    let empty = image::DynamicImage::new_rgb8(0, 0);
    assert!(classifier.classify(&empty).is_err());
    // and the classifier still works afterwards
    let one = image::DynamicImage::new_rgb8(1, 1);
    assert!(classifier.classify(&one).is_ok());
}

#[test]
fn forty_pixel_corner_emblem_on_a_wide_banner_is_found_by_the_detail_pass() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/samples/ad_corner_emblem_banner.jpg");
    let image = image::open(&path).unwrap();
    let runtime = RuntimeOptions::default()
        .load_runtime()
        .expect("ONNX Runtime loads");
    let mut with_detail = VisualClassifier::new(&runtime).unwrap();
    let scores = with_detail.classify(&image).unwrap();
    assert!(scores.national_emblem.detected, "{scores:?}");
    let [x, y, w, h] = scores.national_emblem.bbox.unwrap();
    // the emblem sits at x 1864..1904, y 16..56 of the 1920x400 banner
    assert!(
        x >= 1800 && y < 60 && x + w <= 1920 && h <= 120,
        "box {x} {y} {w} {h}"
    );
    let params = VisualParams {
        detail_max_pixels: 0,
        ..VisualParams::default()
    };
    let mut first_pass_only = VisualClassifier::with_params(&runtime, params).unwrap();
    let coarse = first_pass_only.classify(&image).unwrap();
    assert!(
        coarse.national_emblem.score < scores.national_emblem.score,
        "detail {scores:?} vs first pass {coarse:?}"
    );
}

#[test]
fn json_of_a_demo_certificate_has_the_documented_shape() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/samples/certificate_fake.jpg");
    let json = serde_json::to_value(classify(&path)).unwrap();
    for label in ["national_emblem", "certificate_layout", "official_seal"] {
        let entry = &json[label];
        let score = entry["score"].as_f64().unwrap_or(-1.0);
        assert!((0.0..=1.0).contains(&score), "{json}");
        assert!(entry["detected"].is_boolean(), "{json}");
        match entry["detected"].as_bool() {
            Some(true) => assert_eq!(entry["box"].as_array().map(Vec::len), Some(4), "{json}"),
            _ => assert!(entry["box"].is_null(), "{json}"),
        }
    }
}
