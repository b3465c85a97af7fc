//! `shanzhai scan` run as a user runs it, and the checks both scan suites share.

use std::process::{Command, Output};

use serde_json::Value;

/// Runs the built binary with `args`.
pub fn shanzhai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_shanzhai"))
        .args(args)
        .output()
        .expect("run shanzhai")
}

/// The JSONL lines of a run.
pub fn jsonl(output: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

/// The result line of the input whose path ends with `name`.
pub fn by_name<'a>(lines: &'a [Value], name: &str) -> &'a Value {
    lines
        .iter()
        .find(|v| v["path"].as_str().is_some_and(|p| p.ends_with(name)))
        .unwrap_or_else(|| panic!("no result for {name}: {lines:#?}"))
}

/// A tiny PNG whose header claims 200000 x 200000 pixels: a decompression bomb.
pub fn bomb_png() -> Vec<u8> {
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

/// Scans a folder holding `real` (an image with text that contains `expected_text`) under good and
/// misleading names beside truncated, empty, corrupt, non-image and bomb files and a symlink loop:
/// each bad input gets an error line, the good copies are read, and the scan goes on.
pub fn hostile_inputs_each_get_an_error_line(real: &[u8], expected_text: &str) {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("good.jpg"), real).unwrap();
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
    std::fs::write(d.join("really_a_jpeg.png"), real).unwrap();
    std::fs::create_dir(d.join("sub")).unwrap();
    std::os::unix::fs::symlink(d, d.join("sub/loop")).unwrap();
    {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"non-utf8-\xff.jpg");
        std::fs::write(d.join(name), real).unwrap();
    }
    let out = shanzhai(&["scan", "--format", "jsonl", d.to_str().unwrap()]);
    assert!(
        out.status.code() == Some(2),
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
                .any(|l| l["text"].as_str().unwrap().contains(expected_text)),
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
