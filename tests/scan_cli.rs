//! End-to-end tests of `shanzhai scan` with the real models on the project's demo images
//! (`datasets/samples`), images made from them, and hostile inputs. The same checks on the
//! reference photos are in the reference suite (`tests/reference/scan_cli.rs`).

mod common;
use common::demo_sample;
use common::scan::{by_name, jsonl, shanzhai};
use serde_json::Value;

#[test]
fn hostile_inputs_each_get_an_error_line_and_the_scan_goes_on() {
    let real = std::fs::read(demo_sample("ad_corner_emblem_banner.jpg")).unwrap();
    common::scan::hostile_inputs_each_get_an_error_line(&real, "免考拿证");
}

#[test]
fn only_visual_prints_the_classifier_contract() {
    let out = shanzhai(&[
        "scan",
        "--only",
        "visual",
        "--format",
        "jsonl",
        demo_sample("ad_emblem_certificate_banner.jpg")
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
    let dir = tempfile::tempdir().unwrap();
    let images = dir.path().join("images");
    std::fs::create_dir(&images).unwrap();
    for name in ["clean_sale_banner.jpg", "clean_spring_festival_banner.jpg"] {
        std::fs::copy(demo_sample(name), images.join(name)).unwrap();
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

    std::fs::copy(
        demo_sample("clean_photo_with_caption.jpg"),
        images.join("en.jpg"),
    )
    .unwrap();
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

/// The README's main command on the demo set: every image is analysed, the report is written, and
/// the text evidence (OCR + terms, independent of the visual model) flags the ads and clears the
/// clean images.
#[test]
fn demo_set_scan_with_report() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report");
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/samples");
    let out = shanzhai(&[
        "scan",
        "--format",
        "jsonl",
        "--report",
        report.to_str().unwrap(),
        samples.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "the demo set has flagged images: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = jsonl(&out);
    assert_eq!(lines.len(), 15, "{lines:#?}");
    for v in &lines {
        assert!(v["error"].is_null(), "{v}");
        assert!(v["verdict"].is_string(), "{v}");
        assert_fired_explains_the_verdict(v);
    }
    let matched = |name: &str| -> Vec<String> {
        by_name(&lines, name)["matches"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["text"].as_str().unwrap().to_string())
            .collect()
    };
    // (image, a term its text carries, whether the text alone blocks it: a high-severity term)
    for (name, term, text_blocks) in [
        ("ad_emblem_certificate_banner.jpg", "包过", true),
        ("ad_corner_emblem_banner.jpg", "人社部认证", true),
        ("ad_certificate_photo.jpg", "七天拿证", true),
        ("ad_gold_emblem_poster.jpg", "包就业", false),
        ("certificate_cover.jpg", "人力资源和社会保障部", false),
    ] {
        assert!(
            matched(name).iter().any(|t| t == term),
            "{name}: {:?}",
            matched(name)
        );
        let verdict = by_name(&lines, name)["verdict"].as_str().unwrap();
        if text_blocks {
            assert_eq!(verdict, "block", "{name}");
        } else {
            assert!(matches!(verdict, "review" | "block"), "{name}: {verdict}");
        }
    }
    for name in [
        "clean_article.jpg",
        "clean_chat_screenshot.png",
        "clean_photo_with_caption.jpg",
        "clean_receipt.jpg",
        "clean_sale_banner.jpg",
        "clean_spring_festival_banner.jpg",
    ] {
        assert!(matched(name).is_empty(), "{name}: {:?}", matched(name));
        assert!(
            !by_name(&lines, name)["ocr"].as_array().unwrap().is_empty(),
            "{name} has text to read"
        );
    }
    let page = std::fs::read_to_string(report.join("index.html")).unwrap();
    for v in &lines {
        let path = v["path"].as_str().unwrap();
        let name = path.rsplit('/').next().unwrap();
        assert!(page.contains(name), "{name} is not in the report");
    }
    let annotated = std::fs::read_dir(report.join("images")).unwrap().count();
    assert!(annotated >= 7, "{annotated} annotated images");
}

/// `fired` is the reasons as data: one entry per reason, the strongest verdict is the result's,
/// and each entry names a fusion rule, its verdict, the labels and the lexicon rules it used.
fn assert_fired_explains_the_verdict(v: &serde_json::Value) {
    let fired = v["fired"]
        .as_array()
        .expect("every result has a fired array");
    assert_eq!(fired.len(), v["reasons"].as_array().unwrap().len(), "{v}");
    let rank = |verdict: &str| {
        ["pass", "review", "block"]
            .iter()
            .position(|x| *x == verdict)
    };
    let strongest = fired
        .iter()
        .filter_map(|f| rank(f["verdict"].as_str().unwrap()))
        .max()
        .unwrap_or(0);
    assert_eq!(Some(strongest), rank(v["verdict"].as_str().unwrap()), "{v}");
    let rules = [
        "emblem_with_terms",
        "emblem_alone",
        "certificate_with_terms",
        "certificate_with_emblem",
        "seal_with_terms",
        "official_document",
        "text",
    ];
    let matched_rules: Vec<&str> = v["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["rule"].as_str().unwrap())
        .collect();
    for f in fired {
        assert!(rules.contains(&f["rule"].as_str().unwrap()), "{f}");
        for label in f["labels"].as_array().unwrap() {
            let label = label.as_str().unwrap();
            assert_eq!(v["visual"][label]["detected"], true, "{f} in {v}");
        }
        for term in f["terms"].as_array().unwrap() {
            assert!(
                matched_rules.contains(&term.as_str().unwrap()),
                "{f} in {v}"
            );
        }
    }
}
