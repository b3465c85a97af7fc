//! End-to-end tests of `shanzhai scan` with the real models on the project's demo images
//! (`datasets/samples`), images made from them, and hostile inputs. The same checks on the
//! reference photos are in the reference suite (`tests/reference/scan_cli.rs`).

use std::process::{Command, Output};

use serde_json::Value;

fn shanzhai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_shanzhai"))
        .args(args)
        .output()
        .expect("run shanzhai")
}

mod common;
use common::demo_sample;

fn jsonl(output: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

fn by_name<'a>(lines: &'a [Value], name: &str) -> &'a Value {
    lines
        .iter()
        .find(|v| v["path"].as_str().is_some_and(|p| p.ends_with(name)))
        .unwrap_or_else(|| panic!("no result for {name}: {lines:#?}"))
}

/// A tiny PNG whose header claims 200000 x 200000 pixels: a decompression bomb.
fn bomb_png() -> Vec<u8> {
    let mut bytes = Vec::new();
    image::RgbImage::new(4, 4)
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .unwrap();
    bytes[16..20].copy_from_slice(&200_000u32.to_be_bytes());
    bytes[20..24].copy_from_slice(&200_000u32.to_be_bytes());
    let crc = crc32fast::hash(&bytes[12..29]);
    bytes[29..33].copy_from_slice(&crc.to_be_bytes());
    bytes
}

#[test]
fn hostile_inputs_each_get_an_error_line_and_the_scan_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let real = std::fs::read(demo_sample("ad_corner_emblem_banner.jpg")).unwrap();
    std::fs::write(d.join("good.jpg"), &real).unwrap();
    std::fs::write(d.join("truncated.jpg"), &real[..real.len() / 3]).unwrap();
    std::fs::write(d.join("empty.png"), b"").unwrap();
    std::fs::write(d.join("notes.txt"), "包过 七天拿证").unwrap();
    std::fs::write(
        d.join("corrupt.png"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDRgarbage",
    )
    .unwrap();
    std::fs::write(d.join("bomb.png"), bomb_png()).unwrap();
    // A PNG saved under a misleading extension is decided by content.
    std::fs::write(d.join("really_a_jpeg.png"), &real).unwrap();
    std::fs::create_dir(d.join("sub")).unwrap();
    std::os::unix::fs::symlink(d, d.join("sub/loop")).unwrap();
    {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"non-utf8-\xff.jpg");
        std::fs::write(d.join(name), &real).unwrap();
    }
    let out = shanzhai(&["scan", "--format", "jsonl", d.to_str().unwrap()]);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "status {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = jsonl(&out);
    for name in [
        "truncated.jpg",
        "empty.png",
        "notes.txt",
        "corrupt.png",
        "bomb.png",
    ] {
        let v = by_name(&lines, name);
        assert!(
            v["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{name}: {v}"
        );
        assert!(v["verdict"].is_null(), "{name}: {v}");
    }
    assert!(
        lines
            .iter()
            .any(|v| v["error"].as_str().is_some_and(|e| e.contains("loop"))),
        "{lines:#?}"
    );
    for name in ["good.jpg", "really_a_jpeg.png", ".jpg"] {
        let v = by_name(&lines, name);
        assert!(v["error"].is_null(), "{name}: {v}");
        assert!(
            v["ocr"]
                .as_array()
                .unwrap()
                .iter()
                .any(|l| l["text"].as_str().unwrap().contains("免考拿证")),
            "{v}"
        );
        assert!(v["ms"].as_f64().unwrap() > 0.0);
    }
    assert!(
        lines
            .iter()
            .any(|v| v["path"].as_str().unwrap().contains('\u{FFFD}')),
        "lossy non-UTF-8 name"
    );
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
