//! The shipped visual classifier on real images from ../shared (never copied into the project).

use std::path::Path;

use shanzhai::runtime::RuntimeOptions;
use shanzhai::vision::{VisualClassifier, VisualScores};

use crate::common::shared;

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
fn emblem_render_is_detected_with_a_box_around_it() {
    needs_reference!();
    let path = shared("assets/emblem/prc_national_emblem_reconstructed_512.png");
    let scores = classify(&path);
    let emblem = &scores.national_emblem;
    assert!(emblem.detected, "{scores:?}");
    let [x, y, w, h] = emblem.bbox.expect("a detected label has a box");
    assert!(
        x + w <= 472 && y + h <= 512,
        "box {:?} leaves the image",
        emblem.bbox
    );
    assert!(
        w >= 100 && h >= 100,
        "box {:?} is too small for a full-frame emblem",
        emblem.bbox
    );
    assert!(!scores.official_seal.detected, "{scores:?}");
}

#[test]
fn plain_text_photo_shows_nothing() {
    needs_reference!();
    for rel in [
        "samples/ocr/rapidocr/test_without_det.jpg",
        "samples/ocr/paddleocr_imgs/00059985.jpg",
    ] {
        let scores = classify(&shared(rel));
        assert!(!scores.national_emblem.detected, "{rel}: {scores:?}");
        assert!(!scores.certificate_layout.detected, "{rel}: {scores:?}");
        assert!(!scores.official_seal.detected, "{rel}: {scores:?}");
        assert!(scores.national_emblem.bbox.is_none());
    }
}

#[test]
fn red_seal_on_a_contract_is_detected() {
    needs_reference!();
    let scores = classify(&shared(
        "samples/certificates_seals/joran1101_yolov5-cbam-seal-detection/1.jpeg",
    ));
    assert!(scores.official_seal.detected, "{scores:?}");
    assert!(!scores.national_emblem.detected, "{scores:?}");
}

#[test]
fn party_emblem_is_not_the_national_emblem() {
    needs_reference!();
    let scores = classify(&shared(
        "assets/hard_negatives/chinese_org_emblems/lijiafan60_story-visualization_cpc_party_emblem.png",
    ));
    assert!(!scores.national_emblem.detected, "{scores:?}");
}

#[test]
fn json_has_the_documented_shape() {
    needs_reference!();
    let scores = classify(&shared(
        "assets/emblem/prc_national_emblem_reconstructed_512.png",
    ));
    let json = serde_json::to_value(&scores).unwrap();
    for label in ["national_emblem", "certificate_layout", "official_seal"] {
        let entry = &json[label];
        assert!(entry["score"].is_f64(), "{json}");
        assert!(entry["detected"].is_boolean(), "{json}");
        assert!(entry.get("box").is_some(), "{json}");
    }
    assert_eq!(
        json["national_emblem"]["box"].as_array().map(Vec::len),
        Some(4)
    );
}
