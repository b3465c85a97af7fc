//! The Rust classifier against its Python twin (scripts/visual2/cascade.py): the same models on
//! the same pixels (the PNG demo image and images both draw by formula) must give the same
//! stage-1 and cascade scores, so the figures the Python evaluation reports are the ones the
//! binary delivers. The expected scores come from
//! `scripts/visual2/parity.py` (rerun it when a model changes).

use std::collections::BTreeMap;
use std::path::Path;

use image::{DynamicImage, RgbImage};
use serde::Deserialize;
use shanzhai::runtime::RuntimeOptions;
use shanzhai::vision::{VisualClassifier, VisualParams};

#[derive(Deserialize)]
struct Expected {
    stage1: [f32; 3],
    scores: [f32; 3],
}

/// Decoders and resamplers differ in the last bit between Pillow and the image crate; scores near
/// a decision move by far less than this.
const TOLERANCE: f32 = 0.02;

/// The synthetic inputs of parity.py, drawn by the same formulas: a tall strip, a wide banner and
/// red seal-like rings (JPEG inputs are left out: Pillow and the image crate decode JPEG
/// differently, see parity.py).
fn synthetic(name: &str) -> DynamicImage {
    let (w, h) = match name {
        "tall_strip" => (40, 900),
        "wide_banner" => (1900, 120),
        "red_rings" => (900, 600),
        other => panic!("unknown synthetic input {other}"),
    };
    let rings = name == "red_rings";
    DynamicImage::ImageRgb8(RgbImage::from_fn(w, h, |x, y| {
        if !rings {
            return image::Rgb([((x * 7 + y * 3) % 256) as u8, ((x * y) % 256) as u8, 128]);
        }
        for (cx, cy, r) in [
            (200.0, 180.0, 90.0),
            (640.0, 380.0, 40.0),
            (820.0, 90.0, 18.0),
        ] {
            let d = ((x as f64 - cx).powi(2) + (y as f64 - cy).powi(2)).sqrt();
            if (r * 0.8..=r).contains(&d) || d <= r * 0.25 {
                return image::Rgb([200, 30, 40]);
            }
        }
        image::Rgb([250, 248, 240])
    }))
}

#[test]
fn rust_and_python_cascades_agree_on_the_same_pixels() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("tests/data/visual_parity.json")).unwrap();
    let expected: BTreeMap<String, Expected> = serde_json::from_str(&text).unwrap();
    assert!(
        expected.len() >= 4,
        "expected the PNG demo sample and the synthetic inputs"
    );
    let runtime = RuntimeOptions::default()
        .load_runtime()
        .expect("ONNX Runtime loads");
    let mut cascade = VisualClassifier::new(&runtime).expect("load the shipped models");
    let stage1_params = VisualParams {
        verify: false,
        ..Default::default()
    };
    let mut stage1 = VisualClassifier::with_params(&runtime, stage1_params).expect("stage 1");
    let mut worst = (0.0f32, String::new());
    for (name, want) in &expected {
        let image = if name.contains('.') {
            image::open(root.join("datasets/samples").join(name)).unwrap()
        } else {
            synthetic(name)
        };
        let got = cascade.classify(&image).unwrap();
        let got = [
            got.national_emblem.score,
            got.certificate_layout.score,
            got.official_seal.score,
        ];
        let s1 = stage1.classify(&image).unwrap();
        let s1 = [
            s1.national_emblem.score,
            s1.certificate_layout.score,
            s1.official_seal.score,
        ];
        for (i, (g, w)) in got
            .iter()
            .zip(want.scores)
            .chain(s1.iter().zip(want.stage1))
            .enumerate()
        {
            let diff = (g - w).abs();
            if diff > worst.0 {
                worst = (diff, format!("{name} score {i}: rust {g} python {w}"));
            }
        }
    }
    assert!(
        worst.0 <= TOLERANCE,
        "largest difference {}: {}",
        worst.0,
        worst.1
    );
}
