//! End-to-end tests of `shanzhai scan` with the real models on real (reference) and hostile inputs.

use std::process::{Command, Output};

use serde_json::Value;

fn shanzhai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_shanzhai"))
        .args(args)
        .output()
        .expect("run shanzhai")
}

use crate::common::shared;

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
    needs_reference!();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let real = std::fs::read(shared("samples/ocr/rapidocr/test_without_det.jpg")).unwrap();
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
                .any(|l| l["text"].as_str().unwrap().contains("中国作家协会")),
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
