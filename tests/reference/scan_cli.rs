//! End-to-end tests of `shanzhai scan` with the real models on real (reference) and hostile inputs.

use crate::common::scan::{jsonl, shanzhai};
use crate::common::shared;
use serde_json::Value;

#[test]
fn hostile_inputs_each_get_an_error_line_and_the_scan_goes_on() {
    needs_reference!();
    let real = std::fs::read(shared("samples/ocr/rapidocr/test_without_det.jpg")).unwrap();
    crate::common::scan::hostile_inputs_each_get_an_error_line(&real, "中国作家协会");
}

#[test]
fn only_visual_prints_the_classifier_contract() {
    needs_reference!();
    let out = shanzhai(&[
        "scan",
        "--only",
        "visual",
        "--format",
        "jsonl",
        shared("assets/emblem/prc_national_emblem_reconstructed_512.png")
            .to_str()
            .unwrap(),
    ]);
    let lines = jsonl(&out);
    assert_eq!(lines.len(), 1);
    let visual = &lines[0]["visual"];
    for label in ["national_emblem", "certificate_layout", "official_seal"] {
        let score = visual[label]["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score), "{label}: {score}");
        assert!(visual[label]["detected"].is_boolean());
    }
    assert_eq!(visual["national_emblem"]["detected"], true, "{visual}");
    let bbox: Vec<u64> = serde_json::from_value(visual["national_emblem"]["box"].clone()).unwrap();
    assert_eq!(bbox.len(), 4);
    assert!(lines[0]["error"].is_null());
    assert_eq!(lines[0]["ocr"].as_array().unwrap().len(), 0, "OCR is off");
    assert_eq!(
        out.status.code(),
        Some(1),
        "an emblem alone is flagged for review"
    );
}

#[test]
fn output_file_resume_and_csv() {
    needs_reference!();
    let dir = tempfile::tempdir().unwrap();
    let images = dir.path().join("images");
    std::fs::create_dir(&images).unwrap();
    for name in ["text_rec.jpg", "short.png"] {
        std::fs::copy(shared("samples/ocr/rapidocr").join(name), images.join(name)).unwrap();
    }
    let output = dir.path().join("out.jsonl");
    let run = |extra: &[&str]| {
        let mut args = vec![
            "scan",
            "--only",
            "ocr",
            "--output",
            output.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        args.push(images.to_str().unwrap());
        shanzhai(&args)
    };
    let first = run(&[]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert_eq!(std::fs::read_to_string(&output).unwrap().lines().count(), 2);

    std::fs::copy(shared("samples/ocr/rapidocr/en.jpg"), images.join("en.jpg")).unwrap();
    let resumed = run(&["--resume"]);
    assert!(
        resumed.status.success(),
        "{}",
        String::from_utf8_lossy(&resumed.stderr)
    );
    let text = std::fs::read_to_string(&output).unwrap();
    let paths: Vec<String> = text
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["path"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(paths.len(), 3, "{paths:?}");
    assert!(
        paths[2].ends_with("en.jpg"),
        "only the new image was scanned: {paths:?}"
    );

    let csv = shanzhai(&[
        "scan",
        "--only",
        "ocr",
        "--format",
        "csv",
        images.to_str().unwrap(),
    ]);
    let csv = String::from_utf8(csv.stdout).unwrap();
    let mut rows = csv.lines();
    assert!(
        rows.next()
            .unwrap()
            .starts_with("path,verdict,reasons,national_emblem")
    );
    assert_eq!(rows.count(), 3);
}
