//! The OCR stage with the real models and runtime on real pixels the project owns: the demo banner
//! `datasets/samples/ad_corner_emblem_banner.jpg` and images these tests make from it (crops,
//! transparent text, an EXIF-rotated JPEG, an upside-down line, a very wide strip). They run on any
//! clone; accuracy against RapidOCR on its own test images is in the reference suite
//! (`tests/reference/ocr.rs`).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, MutexGuard, OnceLock};

use image::{DynamicImage, ImageFormat, RgbImage, RgbaImage};
use shanzhai::input::{InputError, decode_image, load_image};
use shanzhai::ocr::{OcrEngine, OcrParams, TextLine, letterbox_padding};

mod common;
use common::{char_accuracy, demo_sample};

/// The banner's two lines of red text on a light gradient (1920 × 400), as the generator wrote them.
const BANNER: &str = "ad_corner_emblem_banner.jpg";
const LINE1: &str = "高级技师证速办免考拿证";
const LINE2: &str = "人社部认证全国联网可查名额有限";

fn banner_path() -> PathBuf {
    demo_sample(BANNER)
}

fn banner() -> RgbImage {
    static BANNER_RGB: OnceLock<RgbImage> = OnceLock::new();
    BANNER_RGB
        .get_or_init(|| load_image(&banner_path()).unwrap().to_rgb8())
        .clone()
}

/// The first line with a margin around it, as a text-line photo would be (about 1110 × 85).
fn line1_photo() -> RgbImage {
    image::imageops::crop_imm(&banner(), 96, 76, 1200, 145).to_image()
}

/// The first line cut tightly, as the detector's crop would be.
fn line1_crop() -> RgbImage {
    image::imageops::crop_imm(&banner(), 112, 88, 1172, 122).to_image()
}

fn line2_crop() -> RgbImage {
    image::imageops::crop_imm(&banner(), 110, 236, 1570, 126).to_image()
}

fn encode(image: &DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut bytes = Vec::new();
    image
        .write_to(&mut std::io::Cursor::new(&mut bytes), format)
        .unwrap();
    bytes
}

/// The text of `rgb` (dark on light) as `colour` on a transparent background: alpha from darkness.
fn on_transparent(rgb: &RgbImage, colour: u8) -> RgbaImage {
    RgbaImage::from_fn(rgb.width(), rgb.height(), |x, y| {
        let [r, g, b] = rgb.get_pixel(x, y).0;
        let luma = 0.299 * f32::from(r) + 0.587 * f32::from(g) + 0.114 * f32::from(b);
        let alpha = ((225.0 - luma) * 255.0 / 140.0).clamp(0.0, 255.0) as u8;
        image::Rgba([colour, colour, colour, alpha])
    })
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

fn texts(lines: &[TextLine]) -> Vec<&str> {
    lines.iter().map(|l| l.text.as_str()).collect()
}

#[test]
fn demo_banner_lines_in_reading_order() {
    let image = load_image(&banner_path()).unwrap();
    let lines = engine().recognize(&image).unwrap();
    assert_eq!(texts(&lines), [LINE1, LINE2]);
    assert!(lines.iter().all(|l| l.score >= 0.9), "{lines:?}");
    // The first line lies at x 120.., y 70..185 of the banner (datasets/make_samples.py).
    let [tl, tr, br, _] = lines[0].bbox;
    assert!(
        tl[0] > 90.0 && tl[1] > 60.0 && br[1] < 230.0,
        "{:?}",
        lines[0].bbox
    );
    assert!(tr[0] - tl[0] > 5.0 * (br[1] - tr[1]), "{:?}", lines[0].bbox);
}

#[test]
fn black_text_on_transparent_background() {
    let png = encode(
        &DynamicImage::ImageRgba8(on_transparent(&line1_photo(), 0)),
        ImageFormat::Png,
    );
    let image = decode_image(&png).unwrap();
    assert_eq!(texts(&engine().recognize(&image).unwrap()), [LINE1]);
}

#[test]
fn white_text_on_transparent_background() {
    let png = encode(
        &DynamicImage::ImageRgba8(on_transparent(&line1_photo(), 255)),
        ImageFormat::Png,
    );
    let image = decode_image(&png).unwrap();
    assert_eq!(texts(&engine().recognize(&image).unwrap()), [LINE1]);
}

#[test]
fn exif_orientation_is_applied_before_ocr() {
    // Stored turned a quarter counter-clockwise and tagged "rotate 90° clockwise to view"
    // (orientation 6), as a phone held sideways writes it.
    let sideways = DynamicImage::ImageRgb8(image::imageops::rotate270(&line1_photo()));
    let jpeg = encode(&sideways, ImageFormat::Jpeg);
    let mut exif =
        b"Exif\0\0MM\0\x2a\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\x06\0\0\0\0\0\0".to_vec();
    let mut app1 = vec![0xFF, 0xE1];
    app1.extend_from_slice(&((exif.len() + 2) as u16).to_be_bytes());
    app1.append(&mut exif);
    let tagged: Vec<u8> = jpeg[..2]
        .iter()
        .chain(&app1)
        .chain(&jpeg[2..])
        .copied()
        .collect();
    let image = decode_image(&tagged).unwrap();
    assert!(image.width() > image.height(), "read upright");
    let lines = engine().recognize(&image).unwrap();
    assert_eq!(texts(&lines), [LINE1]);
    // Upright text line: wider than high, inside the upright image.
    let [tl, tr, br, _] = lines[0].bbox;
    assert!(tr[0] - tl[0] > 2.0 * (br[1] - tr[1]));
    assert!(br[0] <= image.width() as f32 && br[1] <= image.height() as f32);
}

#[test]
fn single_line_with_and_without_detection() {
    let photo = DynamicImage::ImageRgb8(line1_photo());
    assert_eq!(texts(&engine().recognize(&photo).unwrap()), [LINE1]);
    let rec = engine().recognize_crops(&[line1_crop()]).unwrap();
    assert_eq!(rec[0].text, LINE1);
    assert!(rec[0].score > 0.9, "score {}", rec[0].score);
}

#[test]
fn classifier_turns_an_upside_down_line() {
    let mut crops = [image::imageops::rotate180(&line2_crop()), line1_crop()];
    let mut engine = engine();
    let verdicts = engine.classify(&mut crops).unwrap();
    assert!(verdicts[0].rotated, "{verdicts:?}");
    assert!(!verdicts[1].rotated, "{verdicts:?}");
    let rec = engine.recognize_crops(&crops).unwrap();
    assert_eq!(rec[0].text, LINE2);
    assert_eq!(rec[1].text, LINE1);
}

#[test]
fn very_wide_image_is_letterboxed_and_read() {
    // Both lines side by side: one strip more than 20 times wider than high.
    let (a, b) = (line1_crop(), line2_crop());
    let mut strip =
        RgbImage::from_pixel(a.width() + b.width() + 40, 126, image::Rgb([255, 240, 210]));
    image::imageops::replace(&mut strip, &a, 0, 2);
    image::imageops::replace(&mut strip, &b, i64::from(a.width()) + 40, 0);
    assert!(
        letterbox_padding(strip.width(), strip.height(), &OcrParams::default()) > 0,
        "the strip must take the letterbox path"
    );
    let lines = engine().recognize(&DynamicImage::ImageRgb8(strip)).unwrap();
    let found: String = texts(&lines).concat();
    let expected = format!("{LINE1}{LINE2}");
    let accuracy = char_accuracy(&expected, &found);
    assert!(accuracy > 0.95, "{accuracy}: {found}");
}

#[test]
fn tiled_detection_finds_the_boxes_of_the_whole_input() {
    // 1700 × 290: RapidOCR's resize rule makes it a 4320 × 736 detector input, which the default
    // settings cut into overlapping tiles whose seams fall inside both text lines. Corners may
    // move by a few pixels (the detector sees less context past a seam).
    let image = image::imageops::crop_imm(&banner(), 0, 80, 1700, 290).to_image();
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
fn image_without_text_gives_no_lines() {
    let blank =
        image::DynamicImage::ImageRgb8(image::RgbImage::from_pixel(200, 100, image::Rgb([255; 3])));
    assert!(engine().recognize(&blank).unwrap().is_empty());
}

#[test]
fn extreme_image_shapes_do_not_fail() {
    let mut engine = engine();
    for (w, h) in [(1, 1), (1, 3000), (3000, 1), (5, 40), (2500, 1200)] {
        let image =
            image::DynamicImage::ImageRgb8(image::RgbImage::from_pixel(w, h, image::Rgb([200; 3])));
        let lines = engine.recognize(&image).unwrap();
        for line in lines {
            for [x, y] in line.bbox {
                assert!((0.0..=w as f32).contains(&x) && (0.0..=h as f32).contains(&y));
            }
        }
    }
}

#[test]
fn truncated_jpeg_is_an_error_not_a_panic() {
    let bytes = std::fs::read(banner_path()).unwrap();
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
    let dir = tempfile::tempdir().unwrap();
    let corrupt = dir.path().join("corrupt.jpg");
    let jpeg = std::fs::read(banner_path()).unwrap();
    std::fs::write(&corrupt, &jpeg[..200]).unwrap();
    let empty = dir.path().join("empty.png");
    std::fs::write(&empty, b"").unwrap();
    let text = dir.path().join("notes.png");
    std::fs::write(&text, b"just some text").unwrap();
    let missing = dir.path().join("missing.png");
    let good = dir.path().join("line.png");
    DynamicImage::ImageRgb8(line1_photo()).save(&good).unwrap();

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
    assert_eq!(results[1]["lines"][0]["text"], LINE1);
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
    let output = Command::new(env!("CARGO_BIN_EXE_shanzhai"))
        .args(["ocr", "--ort-lib", "/nonexistent/libonnxruntime.so"])
        .arg(banner_path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot start the OCR engine"));
}
