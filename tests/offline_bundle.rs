//! `shanzhai fetch --offline-bundle DIR`, then OCR with only the overrides pointing at the bundle:
//! an empty cache, and a Python that does not exist, so nothing can be fetched.

use std::path::Path;
use std::process::{Command, Output};

fn shanzhai(args: &[&str], envs: &[(&str, &Path)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_shanzhai"));
    cmd.args(args)
        .env_remove("SHANZHAI_ORT_LIB")
        .env_remove("SHANZHAI_OCR_MODELS");
    for (key, value) in envs {
        cmd.env(key, value);
    }
    cmd.output().expect("run shanzhai")
}

#[test]
fn bundle_then_ocr_offline_with_only_the_overrides() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("bundle");
    // Fetched (or found) in the user's cache as `shanzhai fetch` does, then copied.
    let out = shanzhai(
        &["fetch", "--offline-bundle", bundle.to_str().unwrap()],
        &[],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lib = bundle.join("libonnxruntime.so.1.32.0");
    for name in [
        "libonnxruntime.so.1.32.0",
        "ch_PP-OCRv4_det_infer.onnx",
        "ch_PP-OCRv4_rec_infer.onnx",
        "ch_ppocr_mobile_v2.0_cls_infer.onnx",
        "README.txt",
    ] {
        assert!(bundle.join(name).is_file(), "{name} is not in the bundle");
    }
    let canonical = bundle.canonicalize().unwrap();
    assert!(
        stdout.contains(&format!("SHANZHAI_OCR_MODELS={}", canonical.display())),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "SHANZHAI_ORT_LIB={}",
            canonical.join("libonnxruntime.so.1.32.0").display()
        )),
        "{stdout}"
    );

    // Bundling again into the same folder is fine (files already there are kept).
    let again = shanzhai(
        &["fetch", "--offline-bundle", bundle.to_str().unwrap()],
        &[],
    );
    assert!(again.status.success());

    let cache = dir.path().join("empty-cache");
    std::fs::create_dir(&cache).unwrap();
    let image =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/samples/ad_corner_emblem_banner.jpg");
    let out = shanzhai(
        &["ocr", image.to_str().unwrap()],
        &[
            ("SHANZHAI_ORT_LIB", &lib),
            ("SHANZHAI_OCR_MODELS", &bundle),
            ("SHANZHAI_CACHE_DIR", &cache),
            ("SHANZHAI_PYTHON", Path::new("/nonexistent/python3")),
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let result: serde_json::Value =
        serde_json::from_str(String::from_utf8_lossy(&out.stdout).trim()).unwrap();
    assert_eq!(
        result["lines"][0]["text"], "高级技师证速办免考拿证",
        "{result}"
    );
    assert_eq!(
        std::fs::read_dir(&cache).unwrap().count(),
        0,
        "nothing was fetched into the cache"
    );

    // Without the bundle the same empty cache and missing Python must fail, naming the override:
    // proof that the run above used the bundle and nothing else.
    let out = shanzhai(
        &["ocr", image.to_str().unwrap()],
        &[
            ("SHANZHAI_CACHE_DIR", &cache),
            ("SHANZHAI_PYTHON", Path::new("/nonexistent/python3")),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("SHANZHAI_ORT_LIB"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn bundle_into_a_file_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, b"x").unwrap();
    let out = shanzhai(&["fetch", "--offline-bundle", file.to_str().unwrap()], &[]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("not a folder"), "{stderr}");
}
