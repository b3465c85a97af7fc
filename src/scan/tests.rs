//! Pipeline tests with fake stages (no models): streaming, errors, fusion wiring.

use std::path::Path;
use std::sync::Arc;

use image::{DynamicImage, Rgb, RgbImage};

use super::*;
use crate::ocr::TextLine;
use crate::vision::{LabelScore, VisualScores};

/// "Reads" text from the image's width: 30 px wide images say 包过, the rest say hello.
struct FakeOcr;

impl TextStage for FakeOcr {
    fn read_lines(&mut self, image: &DynamicImage) -> Result<Vec<TextLine>, OcrError> {
        if image.width() == 13 {
            return Err(OcrError::Output {
                model: "fake OCR",
                detail: "fake OCR failure".into(),
            });
        }
        assert!(image.width() != 17, "fake OCR panic");
        let text = if image.width() == 30 {
            "零基础包过班"
        } else {
            "hello"
        };
        Ok(vec![TextLine {
            text: text.into(),
            score: 0.9,
            bbox: [[0.0, 0.0], [5.0, 0.0], [5.0, 5.0], [0.0, 5.0]],
        }])
    }
}

/// Sees the emblem in red images.
struct FakeVisual;

impl VisualStage for FakeVisual {
    fn score(&mut self, image: &DynamicImage) -> Result<VisualScores, VisionError> {
        let pixel = *image.to_rgb8().get_pixel(0, 0);
        let red = pixel[0] > 200 && pixel[1] < 50;
        let label = |score: f32| LabelScore {
            score,
            detected: score >= 0.5,
            bbox: Some([0, 0, 4, 4]),
            lookalike: None,
        };
        Ok(VisualScores {
            national_emblem: label(if red { 0.95 } else { 0.05 }),
            certificate_layout: label(0.1),
            official_seal: label(0.1),
        })
    }
}

fn save(dir: &Path, name: &str, width: u32, colour: [u8; 3]) {
    RgbImage::from_pixel(width, 8, Rgb(colour))
        .save(dir.join(name))
        .unwrap();
}

fn analyzers(n: usize) -> Vec<Analyzer> {
    let matcher = Arc::new(Matcher::with_default_rules());
    (0..n)
        .map(|_| {
            Analyzer::new(
                Some(Box::new(FakeOcr)),
                Some(Box::new(FakeVisual)),
                matcher.clone(),
            )
        })
        .collect()
}

fn scan_dir(dir: &Path, jobs: usize) -> Vec<ImageResult> {
    let mut results = Vec::new();
    let summary = run(inputs::walk(dir.to_path_buf()), analyzers(jobs), |s| {
        results.push(s.result.clone());
        Ok::<_, ScanError>(())
    })
    .unwrap();
    assert_eq!(summary.total() as usize, results.len());
    let mut sorted = results.clone();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    let order = |r: &[ImageResult]| r.iter().map(|r| r.path.clone()).collect::<Vec<_>>();
    assert_eq!(
        order(&results),
        order(&sorted),
        "results come in input (file-name) order"
    );
    results
}

#[test]
fn every_input_gets_one_result_and_bad_ones_an_error() {
    let dir = tempfile::tempdir().unwrap();
    save(dir.path(), "a_clean.png", 20, [255, 255, 255]);
    save(dir.path(), "b_ad.png", 30, [255, 255, 255]);
    save(dir.path(), "c_emblem_ad.jpg", 30, [250, 0, 0]);
    save(dir.path(), "d_emblem.png", 20, [250, 0, 0]);
    save(dir.path(), "e_ocr_fails.png", 13, [255, 255, 255]);
    save(dir.path(), "f_ocr_panics.png", 17, [255, 255, 255]);
    std::fs::write(
        dir.path().join("g_corrupt.png"),
        b"\x89PNG\r\n\x1a\nnot really",
    )
    .unwrap();
    std::fs::write(dir.path().join("h_empty.jpg"), b"").unwrap();

    for jobs in [1, 2] {
        let results = scan_dir(dir.path(), jobs);
        let verdicts: Vec<Option<Verdict>> = results.iter().map(|r| r.verdict).collect();
        assert_eq!(verdicts[0], Some(Verdict::Pass), "{:?}", results[0]);
        assert!(verdicts[1] >= Some(Verdict::Review), "{:?}", results[1]);
        assert_eq!(verdicts[2], Some(Verdict::Block), "{:?}", results[2]);
        assert!(
            results[2].reasons[0].contains("national emblem (0.95)"),
            "{:?}",
            results[2].reasons
        );
        assert_eq!(verdicts[3], Some(Verdict::Review));
        assert_eq!(results[1].matches[0].line, 0);
        for r in &results[4..] {
            assert_eq!(r.verdict, None, "{r:?}");
            assert!(r.error.as_deref().is_some_and(|e| !e.is_empty()), "{r:?}");
        }
        assert!(
            results[4]
                .error
                .as_ref()
                .unwrap()
                .contains("fake OCR failure")
        );
        assert!(
            results[5]
                .error
                .as_ref()
                .unwrap()
                .contains("fake OCR panic")
        );
    }
}

#[test]
fn a_failing_writer_stops_the_run_with_its_error() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..20 {
        save(dir.path(), &format!("{i:02}.png"), 20, [255, 255, 255]);
    }
    let mut seen = 0;
    let err = run(inputs::walk(dir.path().to_path_buf()), analyzers(2), |_| {
        seen += 1;
        anyhow::ensure!(seen < 3, "disk full");
        Ok::<_, anyhow::Error>(())
    })
    .unwrap_err();
    assert_eq!(err.to_string(), "disk full");
    assert_eq!(seen, 3);
}

#[test]
fn thresholds_from_the_config_relabel_detections() {
    let matcher = Arc::new(Matcher::with_default_rules());
    let thresholds = Thresholds {
        national_emblem: Some(0.99),
        ..Default::default()
    };
    let mut analyzer =
        Analyzer::new(None, Some(Box::new(FakeVisual)), matcher).with_thresholds(thresholds);
    let image = DynamicImage::ImageRgb8(RgbImage::from_pixel(20, 8, Rgb([250, 0, 0])));
    let result = analyzer.analyze_image(&image, "x".into());
    assert!(!result.visual.unwrap().national_emblem.detected);
    assert_eq!(result.verdict, Some(Verdict::Pass));
}

fn line(text: &str) -> TextLine {
    TextLine {
        text: text.into(),
        score: 0.9,
        bbox: [[0.0; 2]; 4],
    }
}

#[test]
fn matches_map_back_to_their_lines_with_line_relative_offsets() {
    let matcher = Matcher::with_default_rules();
    // Not 零基础包过: the beginner slot matches it whole.
    let lines = [line("hello"), line("课程包过吗"), line("职业资格证")];
    let (all, per_line) = match_lines(&matcher, &lines);
    assert!(!all.is_empty());
    let baoguo = per_line
        .iter()
        .find(|m| m.text == "包过")
        .expect("包过 found");
    assert_eq!((baoguo.line, baoguo.start, baoguo.end), (1, 2, 4));
    let zige = per_line
        .iter()
        .find(|m| m.text == "职业资格")
        .expect("职业资格 found");
    assert_eq!((zige.line, zige.start, zige.end), (2, 0, 4));
    for m in &per_line {
        let chars: String = lines[m.line]
            .text
            .chars()
            .skip(m.start)
            .take(m.end - m.start)
            .collect();
        assert_eq!(chars, m.text);
    }
}

#[test]
fn a_phrase_split_over_two_ocr_lines_still_matches_once_per_line() {
    let matcher = Matcher::with_default_rules();
    let lines = [line("报名就送资料 七天"), line("拿证 名额有限")];
    let (all, per_line) = match_lines(&matcher, &lines);
    assert!(
        all.iter()
            .any(|m| m.text.contains("七天") && m.text.contains("拿证")),
        "{all:?}"
    );
    let pieces: Vec<(usize, &str)> = per_line.iter().map(|m| (m.line, m.text.as_str())).collect();
    assert!(
        pieces.contains(&(0, "七天")) && pieces.contains(&(1, "拿证")),
        "{pieces:?}"
    );
}
