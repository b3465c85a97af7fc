//! The OCR stage on real samples from the reference folder's samples/ocr with the real models and runtime.
//!
//! Expected texts come from `labels.json` (RapidOCR's own test assertions, and transcriptions).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, MutexGuard, OnceLock};

use shanzhai::input::{InputError, decode_image, load_image};
use shanzhai::ocr::{OcrEngine, OcrParams, TextLine};

use crate::common::{self, char_accuracy};

fn samples() -> PathBuf {
    common::shared("samples/ocr")
}

fn sample(name: &str) -> PathBuf {
    samples().join(name)
}

/// One engine for the whole test binary: loading the three models takes a while.
fn engine() -> MutexGuard<'static, OcrEngine> {
    static ENGINE: OnceLock<Mutex<OcrEngine>> = OnceLock::new();
    ENGINE
        .get_or_init(|| {
            let engine = common::engines::ocr_engine(OcrParams::default());
            Mutex::new(engine)
        })
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn recognize(name: &str) -> Vec<TextLine> {
    let image = load_image(&sample(name)).unwrap();
    engine().recognize(&image).unwrap()
}

fn texts(lines: &[TextLine]) -> Vec<&str> {
    lines.iter().map(|l| l.text.as_str()).collect()
}

#[test]
fn black_text_on_transparent_background() {
    needs_reference!();
    assert_eq!(
        texts(&recognize("rapidocr/black_font_color_transparent.png")),
        ["我是中国人"]
    );
}

#[test]
fn white_text_on_transparent_background() {
    needs_reference!();
    assert_eq!(
        texts(&recognize("rapidocr/white_font_color_transparent.png")),
        ["我是中国人"]
    );
}

#[test]
fn exif_orientation_is_applied_before_ocr() {
    needs_reference!();
    let image = load_image(&sample("rapidocr/img_exif_orientation.jpg")).unwrap();
    let lines = engine().recognize(&image).unwrap();
    assert_eq!(texts(&lines), ["我是中国人"]);
    // Upright text line: wider than high, inside the upright image.
    let [tl, tr, br, _] = lines[0].bbox;
    assert!(tr[0] - tl[0] > 2.0 * (br[1] - tr[1]));
    assert!(br[0] <= image.width() as f32 && br[1] <= image.height() as f32);
}

#[test]
fn single_line_with_and_without_detection() {
    needs_reference!();
    let expected = "在中国作家协会第三届儿童文学";
    assert_eq!(
        texts(&recognize("rapidocr/test_without_det.jpg")),
        [expected]
    );
    let crop = load_image(&sample("rapidocr/test_without_det.jpg"))
        .unwrap()
        .to_rgb8();
    let rec = engine().recognize_crops(&[crop]).unwrap();
    assert_eq!(rec[0].text, expected);
    assert!(rec[0].score > 0.9, "score {}", rec[0].score);
}

#[test]
fn recogniser_alone_reads_a_word_crop() {
    needs_reference!();
    let crop = load_image(&sample("rapidocr/text_rec.jpg"))
        .unwrap()
        .to_rgb8();
    assert_eq!(
        engine().recognize_crops(&[crop]).unwrap()[0].text,
        "韩国小馆"
    );
}

#[test]
fn classifier_turns_an_upside_down_line() {
    needs_reference!();
    let mut crops = [load_image(&sample("rapidocr/text_cls.jpg"))
        .unwrap()
        .to_rgb8()];
    let mut engine = engine();
    let verdicts = engine.classify(&mut crops).unwrap();
    assert!(verdicts[0].rotated, "{verdicts:?}");
    assert_eq!(engine.recognize_crops(&crops).unwrap()[0].text, "怪我咯");
}

#[test]
fn ad_banner_lines_in_reading_order() {
    needs_reference!();
    let lines = recognize("rapidocr/ch_en_num.jpg");
    assert_eq!(
        texts(&lines)[..3],
        ["正品促销", "大桶装更划算", "强力去污符合国标"]
    );
    assert!(lines.iter().all(|l| l.score >= 0.5));
}

#[test]
fn very_wide_image_is_letterboxed_and_read() {
    needs_reference!();
    let lines = recognize("rapidocr/test_letterbox_like.jpg");
    assert_eq!(lines.len(), 2, "{:?}", texts(&lines));
    let expected = "A：：取决于所使用的执行提供者，它可能没有完全支持模型中的所有操作。回落到CPU操作可能会导致性能速度的下降。此外，即使一个操作是由CUDAeXecution";
    let accuracy = char_accuracy(expected, &lines[0].text);
    assert!(accuracy > 0.95, "{accuracy}: {}", lines[0].text);
}

#[test]
fn tiled_detection_finds_the_boxes_of_the_whole_input() {
    needs_reference!();
    // 1618 × 208: RapidOCR's resize rule makes it a 5728 × 736 detector input, which the
    // default settings cut into overlapping tiles. The seams fall inside the text line (at x ≈
    // 650 and 970 here); with too little overlap (128) the line is cut in three there. Corners
    // may move by a few pixels (the detector sees less context past a seam).
    let image = load_image(&sample("rapidocr/korean.jpg"))
        .unwrap()
        .to_rgb8();
    let whole = OcrParams {
        det_tile_side: 0,
        ..OcrParams::default()
    };
    let mut untiled = common::engines::ocr_engine(whole);
    let expected = untiled.detect(&image).unwrap();
    let tiled = engine().detect(&image).unwrap();
    assert!(expected.len() >= 2, "{expected:?}");
    assert_eq!(tiled.len(), expected.len(), "{tiled:?}\n{expected:?}");
    for (a, b) in tiled.iter().zip(&expected) {
        for (p, q) in a.iter().zip(b) {
            assert!(
                (p[0] - q[0]).abs() <= 8.0 && (p[1] - q[1]).abs() <= 8.0,
                "{a:?} {b:?}"
            );
        }
    }
}

#[test]
fn document_photo_matches_its_transcription() {
    needs_reference!();
    let labels: serde_json::Value =
        serde_json::from_slice(&std::fs::read(samples().join("labels.json")).unwrap()).unwrap();
    let entry = labels
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["path"] == "samples/ocr/paddleocr_imgs/00009282.jpg")
        .expect("labelled sample");
    let lines = recognize("paddleocr_imgs/00009282.jpg");
    let found = texts(&lines);
    let expected: Vec<&str> = entry["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    let mean = expected
        .iter()
        .map(|e| {
            found
                .iter()
                .map(|f| char_accuracy(e, f))
                .fold(0.0, f64::max)
        })
        .sum::<f64>()
        / expected.len() as f64;
    assert!(mean > 0.9, "mean character accuracy {mean}: {found:?}");
}

#[test]
fn truncated_jpeg_is_an_error_not_a_panic() {
    needs_reference!();
    let bytes = std::fs::read(sample("rapidocr/text_rec.jpg")).unwrap();
    match decode_image(&bytes[..bytes.len() / 3]) {
        Err(InputError::Corrupt(_)) => {}
        // Some decoders fill a cut-off scan with grey rather than fail; that must still OCR fine.
        Ok(image) => {
            engine().recognize(&image).unwrap();
        }
        Err(other) => panic!("unexpected error kind: {other}"),
    }
}

/// Runs the `shanzhai ocr` binary; returns (exit code, stdout lines as JSON).
fn run_cli(args: &[&Path]) -> (i32, Vec<serde_json::Value>) {
    let output = Command::new(env!("CARGO_BIN_EXE_shanzhai"))
        .arg("ocr")
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (output.status.code().unwrap_or(-1), lines)
}

#[test]
fn cli_reports_bad_files_and_goes_on() {
    needs_reference!();
    let dir = tempfile::tempdir().unwrap();
    let corrupt = dir.path().join("corrupt.jpg");
    let jpeg = std::fs::read(sample("rapidocr/test_without_det.jpg")).unwrap();
    std::fs::write(&corrupt, &jpeg[..200]).unwrap();
    let empty = dir.path().join("empty.png");
    std::fs::write(&empty, b"").unwrap();
    let text = dir.path().join("notes.png");
    std::fs::write(&text, b"just some text").unwrap();
    let missing = dir.path().join("missing.png");
    let good = sample("rapidocr/test_without_det.jpg");

    let (code, results) = run_cli(&[&corrupt, &good, &empty, &text, &missing]);
    assert_eq!(
        code, 2,
        "an input that cannot be read makes the exit status 2"
    );
    assert_eq!(results.len(), 5);
    for (result, path) in results
        .iter()
        .zip([&corrupt, &good, &empty, &text, &missing])
    {
        assert_eq!(result["path"], path.display().to_string());
    }
    assert_eq!(results[1]["error"], serde_json::Value::Null);
    assert_eq!(
        results[1]["lines"][0]["text"],
        "在中国作家协会第三届儿童文学"
    );
    assert_eq!(results[1]["lines"][0]["box"].as_array().unwrap().len(), 4);
    for bad in [0, 2, 3, 4] {
        assert!(results[bad]["error"].is_string(), "{}", results[bad]);
        assert_eq!(results[bad]["lines"], serde_json::json!([]));
    }
    assert!(results[2]["error"].as_str().unwrap().contains("empty"));
    assert!(
        results[3]["error"]
            .as_str()
            .unwrap()
            .contains("not an image")
    );
    assert!(
        results[4]["error"]
            .as_str()
            .unwrap()
            .contains("cannot read")
    );
}

#[test]
fn cli_exits_2_when_the_engine_cannot_start() {
    needs_reference!();
    let output = Command::new(env!("CARGO_BIN_EXE_shanzhai"))
        .args(["ocr", "--ort-lib", "/nonexistent/libonnxruntime.so"])
        .arg(sample("rapidocr/test_without_det.jpg"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot start the OCR engine"));
}
