//! PaddleOCR PP-OCRv4 text detection, orientation and recognition under ONNX Runtime.
//!
//! [`OcrEngine`] is the facade: one documented [`OcrParams`], one method per stage
//! ([`detect`](OcrEngine::detect), [`classify`](OcrEngine::classify),
//! [`recognize_crops`](OcrEngine::recognize_crops)) and the whole pipeline in
//! [`recognize`](OcrEngine::recognize). It reproduces RapidOCR 1.4.4 with its default
//! configuration (same models, same resize rules, same post-processing), so its output can be
//! compared line for line with the Python reference.
//!
//! Pipeline of [`OcrEngine::recognize`]:
//! 1. transparency resolved ([`crate::input::to_rgb_for_text`]); images over
//!    [`OcrParams::max_side`] downscaled, under [`OcrParams::min_side`] upscaled (sides rounded
//!    to multiples of 32); very flat or very wide images padded top and bottom with black;
//! 2. detection: short side brought up to [`OcrParams::det_limit_side`], DB post-processing
//!    (`db`), boxes sorted into reading order;
//! 3. each box cut out with a perspective warp (tall crops turned a quarter to the left);
//! 4. the angle classifier turns crops it believes upside down by 180°;
//! 5. recognition in batches of similar aspect ratio, CTC greedy decoding (`ctc`);
//! 6. lines scoring under [`OcrParams::text_score`] dropped; boxes mapped back to the input.
//!
//! The geometry (`geometry`, `db`) and pixel arithmetic (`imageops`) are private pure functions,
//! tested without the models.

mod ctc;
mod db;
mod geometry;
mod imageops;
mod tiles;

use std::time::{Duration, Instant};

use image::{DynamicImage, RgbImage};
use ort::session::Session;
use serde::Serialize;

pub use geometry::Quad;

use crate::runtime::{OcrModelPaths, Runtime, RuntimeError, run_f32};
use ctc::Alphabet;
use db::{DbSettings, ProbabilityMap};
use geometry::{crop_size, perspective_transform};
use tiles::{Tile, TileLayout};

/// Why the OCR engine could not start or could not read an image.
#[derive(Debug, thiserror::Error)]
pub enum OcrError {
    /// ONNX Runtime or a model file failed (loading or running).
    #[error(transparent)]
    Runtime(#[from] RuntimeError),
    /// The recognition model carries no dictionary.
    #[error("the recognition model has no `character` metadata (its dictionary)")]
    NoDictionary,
    /// The recogniser's classes do not match its dictionary.
    #[error("the recogniser has {classes} classes but its dictionary gives {dictionary}")]
    DictionaryMismatch {
        /// Classes in the model's output.
        classes: usize,
        /// Entries in the dictionary (with the CTC blank).
        dictionary: usize,
    },
    /// A model returned something of the wrong shape.
    #[error("the {model} returned an unexpected output: {detail}")]
    Output {
        /// Which model.
        model: &'static str,
        /// What was wrong.
        detail: String,
    },
    /// A stage failed; the source says why.
    #[error("{stage} failed")]
    Stage {
        /// The stage: text detection, angle classification or text recognition.
        stage: &'static str,
        /// Why.
        #[source]
        source: Box<OcrError>,
    },
}

impl OcrError {
    fn in_stage(stage: &'static str) -> impl FnOnce(OcrError) -> OcrError {
        move |source| OcrError::Stage {
            stage,
            source: Box::new(source),
        }
    }
}

type Result<T, E = OcrError> = std::result::Result<T, E>;

/// Settings of the OCR pipeline. `Default` gives RapidOCR 1.4.4's `config.yaml`.
#[derive(Debug, Clone, PartialEq)]
pub struct OcrParams {
    /// Images whose longer side exceeds this are downscaled first (default 2000).
    pub max_side: u32,
    /// Images whose shorter side is below this are upscaled first (default 30).
    pub min_side: u32,
    /// Images this high or less are padded top and bottom before detection (default 30).
    pub letterbox_min_height: u32,
    /// Images wider than this many times their height are padded likewise (default 8).
    pub letterbox_width_ratio: f32,
    /// The detector sees the image with its shorter side brought up to at least this many
    /// pixels, both sides then rounded to multiples of 32 (default 736, `limit_type: min`).
    pub det_limit_side: u32,
    /// Cap on the detector input's longer side (default 8192; not in RapidOCR). Bringing the
    /// short side of a 1 × 3000 sliver up to 736 would ask for a 45,000-pixel-long input and
    /// a minute of work; only images more than 11 times longer than wide reach the cap (wide
    /// banners of 8:1 do not: a lower cap changes what is read on them).
    pub det_max_side: u32,
    /// The detector runs on tiles of at most this many pixels a side, overlapping by
    /// [`det_tile_overlap`](Self::det_tile_overlap), when its input is bigger (default 1536;
    /// 0 runs it on the whole input). Bounds the detector's working memory (about 170 bytes
    /// per input pixel) whatever the image (module `tiles`).
    pub det_tile_side: u32,
    /// Least overlap between detector tiles, in detector-input pixels (default 384). With 128,
    /// text lines crossing a seam were sometimes cut in two and accuracy on the samples dropped
    /// below RapidOCR's; from 256 on it matched the whole-input run.
    pub det_tile_overlap: u32,
    /// Detector tiles of at least this many pixels run one at a time across all the engines of
    /// the process (default 1,000,000; 0: never wait). The engines share one memory arena
    /// (`runtime::arena`) whose size is set by the largest demands that meet; two big
    /// detector runs at once (two document photos) set the scan's peak, and the other engines
    /// rarely wait: recognition takes most of the time.
    pub det_exclusive_pixels: u64,
    /// Probability above which a detector pixel counts as text (default 0.3).
    pub det_threshold: f32,
    /// Mean probability a detected box needs to be kept (default 0.5).
    pub det_box_threshold: f32,
    /// At most this many text regions are examined per image (default 1000).
    pub det_max_candidates: usize,
    /// Boxes are grown by `area × ratio / perimeter` pixels (default 1.6).
    pub det_unclip_ratio: f64,
    /// Dilate the binary text map with a 2×2 kernel (default true).
    pub det_dilation: bool,
    /// Run the angle classifier (default true).
    pub use_classifier: bool,
    /// A crop is turned 180° when the classifier says so with more than this score (default 0.9).
    pub cls_threshold: f32,
    /// Crops per classifier run (default 6).
    pub cls_batch: usize,
    /// Classifier input height and maximum width (defaults 48 and 192).
    pub cls_size: (u32, u32),
    /// Recogniser input height (default 48).
    pub rec_height: u32,
    /// Recogniser minimum input width; batches are widened to their widest crop (default 320).
    pub rec_min_width: u32,
    /// Recogniser maximum input width (default 4800, 100 times the height; not in RapidOCR).
    /// Wider crops are squeezed to it. The recogniser's memory grows with the square of its
    /// input width: a 3000 × 1 sliver would ask for 144,000 columns and 62 GB; a line of a 4K
    /// screenshot stays under the cap.
    pub rec_max_width: u32,
    /// Crops per recogniser run, grouped by aspect ratio (default 6).
    pub rec_batch: usize,
    /// Lines whose recognition score is below this are dropped (default 0.5).
    pub text_score: f32,
    /// ONNX Runtime intra-op threads per model; 0 lets ONNX Runtime choose (one per core).
    pub intra_threads: usize,
}

impl Default for OcrParams {
    fn default() -> Self {
        OcrParams {
            max_side: 2000,
            min_side: 30,
            letterbox_min_height: 30,
            letterbox_width_ratio: 8.0,
            det_limit_side: 736,
            det_max_side: 8192,
            det_tile_side: 1536,
            det_tile_overlap: 384,
            det_exclusive_pixels: 1_000_000,
            det_threshold: 0.3,
            det_box_threshold: 0.5,
            det_max_candidates: 1000,
            det_unclip_ratio: 1.6,
            det_dilation: true,
            use_classifier: true,
            cls_threshold: 0.9,
            cls_batch: 6,
            cls_size: (48, 192),
            rec_height: 48,
            rec_min_width: 320,
            rec_max_width: 4800,
            rec_batch: 6,
            text_score: 0.5,
            intra_threads: 0,
        }
    }
}

/// One recognised line of text.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct TextLine {
    /// The text.
    pub text: String,
    /// Recognition confidence: the mean probability of the decoded characters, 0 to 1.
    pub score: f32,
    /// Where the line is in the input image: four corners `[x, y]`, clockwise from top-left.
    #[serde(rename = "box")]
    pub bbox: [[f32; 2]; 4],
}

/// The classifier's verdict on one crop.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Orientation {
    /// True when the crop was judged upside down (and has been turned 180°).
    pub rotated: bool,
    /// The classifier's probability for its chosen label (0° or 180°).
    pub score: f32,
}

/// The text the recogniser read in one crop, with its confidence.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RecognizedText {
    /// The text, one line.
    pub text: String,
    /// Mean probability of the decoded characters, in [0, 1].
    pub score: f32,
}

/// Time spent in each stage since the engine was made (model runs plus their pre- and
/// post-processing).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct StageTimes {
    /// Detection, from the image to the sorted boxes.
    pub detect: Duration,
    /// Angle classification.
    pub classify: Duration,
    /// Recognition and decoding.
    pub recognize: Duration,
}

/// Stage by stage, for totals over several engines.
impl std::ops::Add for StageTimes {
    type Output = StageTimes;

    fn add(self, other: StageTimes) -> StageTimes {
        StageTimes {
            detect: self.detect + other.detect,
            classify: self.classify + other.classify,
            recognize: self.recognize + other.recognize,
        }
    }
}

/// The OCR engine: the three PP-OCR models in ONNX Runtime sessions, and the settings.
///
/// Running a session needs `&mut self`, so one engine serves one thread at a time; give each
/// worker thread its own engine (they are `Send`).
pub struct OcrEngine {
    params: OcrParams,
    detector: Session,
    classifier: Session,
    recognizer: Session,
    alphabet: Alphabet,
    times: StageTimes,
}

impl OcrEngine {
    /// Loads the three models from `models` on `runtime`, with these settings. (Resolving the
    /// paths, and fetching the files, is [`crate::runtime::RuntimeOptions::ocr_models`].)
    pub fn new(runtime: &Runtime, models: &OcrModelPaths, params: OcrParams) -> Result<Self> {
        let load = |path: &std::path::Path| runtime.session_from_file(path, params.intra_threads);
        let detector = load(&models.detection)?;
        let classifier = load(&models.classifier)?;
        let recognizer = load(&models.recognition)?;
        let character = recognizer
            .metadata()
            .map_err(|e| RuntimeError::Model {
                model: models.recognition.display().to_string(),
                source: crate::runtime::ort_error(e),
            })?
            .custom("character")
            .ok_or(OcrError::NoDictionary)?;
        Ok(OcrEngine {
            params,
            detector,
            classifier,
            recognizer,
            alphabet: Alphabet::from_metadata(&character),
            times: StageTimes::default(),
        })
    }

    /// The settings in use.
    pub fn params(&self) -> &OcrParams {
        &self.params
    }

    /// Time spent per stage since the engine was made.
    pub fn stage_times(&self) -> StageTimes {
        self.times
    }

    /// Finds text boxes in `image` (used as given: [`recognize`](Self::recognize) resizes and
    /// pads first), in reading order, corners clockwise from top-left, in `image`'s pixels.
    pub fn detect(&mut self, image: &RgbImage) -> Result<Vec<Quad>> {
        let start = Instant::now();
        let boxes = self.detect_untimed(image);
        self.times.detect += start.elapsed();
        boxes
    }

    fn detect_untimed(&mut self, image: &RgbImage) -> Result<Vec<Quad>> {
        let (w, h) = image.dimensions();
        let Some((rw, rh)) =
            det_input_size(w, h, self.params.det_limit_side, self.params.det_max_side)
        else {
            return Ok(Vec::new());
        };
        let resized = imageops::resize_linear(image, rw, rh);
        let layout = TileLayout {
            max_side: self.params.det_tile_side,
            overlap: self.params.det_tile_overlap,
        };
        let tiles = layout.tiles(rw, rh);
        let lut = det_lut();
        let detector = &mut self.detector;
        let exclusive = self.params.det_exclusive_pixels;
        let values = tiles::stitch(rw, rh, &tiles, |tile| {
            let pixels = u64::from(tile.x.len) * u64::from(tile.y.len);
            let _turn = (exclusive > 0 && pixels >= exclusive).then(big_detector_turn);
            run_detector(detector, &resized, tile, &lut)
        })
        .map_err(|e| match e {
            tiles::StitchError::Model(e) => e,
            size => OcrError::Output {
                model: "text detector",
                detail: size.to_string(),
            },
        })
        .map_err(OcrError::in_stage("text detection"))?;
        let settings = self.db_settings();
        let map = ProbabilityMap {
            values: &values,
            width: rw as usize,
            height: rh as usize,
        };
        let mut boxes = db::boxes_from_map(&map, w, h, &settings);
        geometry::reading_order(&mut boxes);
        Ok(boxes)
    }

    fn db_settings(&self) -> DbSettings {
        DbSettings {
            threshold: self.params.det_threshold,
            box_threshold: self.params.det_box_threshold,
            max_candidates: self.params.det_max_candidates,
            unclip_ratio: self.params.det_unclip_ratio,
            dilate: self.params.det_dilation,
        }
    }

    /// Runs the angle classifier on text-line crops and turns those judged upside down (label
    /// 180° with a score above [`OcrParams::cls_threshold`]) by 180° in place.
    pub fn classify(&mut self, crops: &mut [RgbImage]) -> Result<Vec<Orientation>> {
        let start = Instant::now();
        let result = self.classify_untimed(crops);
        self.times.classify += start.elapsed();
        result
    }

    fn classify_untimed(&mut self, crops: &mut [RgbImage]) -> Result<Vec<Orientation>> {
        let (height, width) = self.params.cls_size;
        let mut verdicts = vec![
            Orientation {
                rotated: false,
                score: 0.0
            };
            crops.len()
        ];
        let lut = unit_lut();
        for batch in batches_by_aspect(crops, self.params.cls_batch) {
            let input = batch_input(crops, &batch, height, width, &lut);
            let shape = [batch.len(), 3, height as usize, width as usize];
            let threshold = self.params.cls_threshold;
            run_f32(&mut self.classifier, shape, &input, |_, probs| {
                for (&i, row) in batch.iter().zip(probs.chunks_exact(2)) {
                    let upside_down = row[1] > row[0];
                    let score = row[0].max(row[1]);
                    let rotated = upside_down && score > threshold;
                    if rotated {
                        image::imageops::rotate180_in_place(&mut crops[i]);
                    }
                    verdicts[i] = Orientation { rotated, score };
                }
                Ok(())
            })
            .map_err(OcrError::in_stage("angle classification"))?;
        }
        Ok(verdicts)
    }

    /// Recognises the text of each crop (one line each), with its score, in the crops' order.
    pub fn recognize_crops(&mut self, crops: &[RgbImage]) -> Result<Vec<RecognizedText>> {
        let start = Instant::now();
        let result = self.recognize_crops_untimed(crops);
        self.times.recognize += start.elapsed();
        result
    }

    fn recognize_crops_untimed(&mut self, crops: &[RgbImage]) -> Result<Vec<RecognizedText>> {
        let height = self.params.rec_height;
        let mut results = vec![RecognizedText::default(); crops.len()];
        let lut = unit_lut();
        for batch in batches_by_aspect(crops, self.params.rec_batch) {
            let min_ratio = f64::from(self.params.rec_min_width) / f64::from(height);
            let max_ratio = batch
                .iter()
                .map(|&i| aspect(&crops[i]))
                .fold(min_ratio, f64::max);
            let width = ((f64::from(height) * max_ratio) as u32)
                .min(self.params.rec_max_width.max(self.params.rec_min_width));
            let input = batch_input(crops, &batch, height, width, &lut);
            let shape = [batch.len(), 3, height as usize, width as usize];
            let alphabet = &self.alphabet;
            run_f32(&mut self.recognizer, shape, &input, |out_shape, probs| {
                let classes = out_shape.last().copied().unwrap_or(0) as usize;
                if classes != alphabet.len() {
                    return Err(OcrError::DictionaryMismatch {
                        classes,
                        dictionary: alphabet.len(),
                    });
                }
                let per_line = probs.len() / batch.len();
                if per_line == 0 {
                    return Err(OcrError::Output {
                        model: "text recogniser",
                        detail: "no output".into(),
                    });
                }
                for (&i, line) in batch.iter().zip(probs.chunks_exact(per_line)) {
                    let (text, score) = alphabet.decode(line);
                    results[i] = RecognizedText { text, score };
                }
                Ok(())
            })
            .map_err(OcrError::in_stage("text recognition"))?;
        }
        Ok(results)
    }

    /// The whole pipeline on one image: text lines in reading order, boxes in the image's pixels.
    pub fn recognize(&mut self, image: &DynamicImage) -> Result<Vec<TextLine>> {
        let rgb = crate::input::to_rgb_for_text(image);
        let (raw_w, raw_h) = rgb.dimensions();
        if raw_w == 0 || raw_h == 0 {
            return Ok(Vec::new());
        }
        let (work, scale_x, scale_y) = limit_sides(&rgb, &self.params);
        let top = letterbox_padding(work.width(), work.height(), &self.params);
        let padded = if top > 0 {
            imageops::pad_vertically(&work, top, top)
        } else {
            work
        };
        let quads = self.detect(&padded)?;
        if quads.is_empty() {
            return Ok(Vec::new());
        }
        let mut crops: Vec<RgbImage> = quads.iter().map(|q| crop_quad(&padded, q)).collect();
        if self.params.use_classifier {
            self.classify(&mut crops)?;
        }
        let texts = self.recognize_crops(&crops)?;
        let to_input = |[x, y]: [f32; 2]| {
            [
                (x * scale_x).clamp(0.0, raw_w as f32),
                ((y - top as f32) * scale_y).clamp(0.0, raw_h as f32),
            ]
        };
        Ok(quads
            .iter()
            .zip(texts)
            .filter(|(_, read)| read.score >= self.params.text_score)
            .map(|(quad, read)| TextLine {
                text: read.text,
                score: read.score,
                bbox: quad.map(to_input),
            })
            .collect())
    }
}

/// Waits for this process's turn to run a big detector tile (see
/// [`OcrParams::det_exclusive_pixels`]); the turn ends when the guard is dropped.
fn big_detector_turn() -> std::sync::MutexGuard<'static, ()> {
    static BIG_DETECTOR: std::sync::Mutex<()> = std::sync::Mutex::new(());
    BIG_DETECTOR
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The detector's probability map for one tile of `image` (the detector's input, resized).
fn run_detector(
    detector: &mut Session,
    image: &RgbImage,
    tile: &Tile,
    lut: &[f32; 256],
) -> Result<Vec<f32>> {
    let (tw, th) = (tile.x.len as usize, tile.y.len as usize);
    let mut input = vec![0f32; 3 * tw * th];
    fill_chw_bgr_region(
        image,
        (tile.x.start, tile.y.start),
        (tw, th),
        lut,
        &mut input,
        tw,
    );
    run_f32(
        detector,
        [1, 3, th, tw],
        &input,
        |out_shape, values| match *out_shape {
            [_, _, mh, mw] if mh as usize == th && mw as usize == tw => {
                Ok(values[..tw * th].to_vec())
            }
            _ => Err(OcrError::Output {
                model: "text detector",
                detail: format!("shape {out_shape:?} for a {tw} × {th} input"),
            }),
        },
    )
}

/// Detector input size for an image of `w × h` (RapidOCR `limit_type: min`): scaled up so the
/// shorter side is at least `limit`, but the longer side no more than `max_side`, then each side
/// rounded to a multiple of 32 (Python's round, half to even). `None` when a side would round
/// to zero.
pub(crate) fn det_input_size(w: u32, h: u32, limit: u32, max_side: u32) -> Option<(u32, u32)> {
    let short = w.min(h);
    let mut ratio = if short < limit {
        f64::from(limit) / f64::from(short)
    } else {
        1.0
    };
    let long = f64::from(w.max(h));
    if long * ratio > f64::from(max_side) {
        ratio = f64::from(max_side) / long;
    }
    let rw = round_to_32((f64::from(w) * ratio) as u32);
    let rh = round_to_32((f64::from(h) * ratio) as u32);
    (rw > 0 && rh > 0).then_some((rw, rh))
}

/// `int(round(x / 32) * 32)` with Python's round (half to even).
fn round_to_32(x: u32) -> u32 {
    ((f64::from(x) / 32.0).round_ties_even() * 32.0) as u32
}

/// RapidOCR's `reduce_max_side` / `increase_min_side`: the image resized so its longer side is at
/// most `max_side` and its shorter side at least `min_side` (sides rounded to multiples of 32,
/// never below 32), with the factors that take the result's coordinates back to the input's.
fn limit_sides(image: &RgbImage, params: &OcrParams) -> (RgbImage, f32, f32) {
    let (w, h) = image.dimensions();
    let ratio = if w.max(h) > params.max_side {
        f64::from(params.max_side) / f64::from(w.max(h))
    } else if w.min(h) < params.min_side {
        f64::from(params.min_side) / f64::from(w.min(h))
    } else {
        return (image.clone(), 1.0, 1.0);
    };
    let rw = round_to_32((f64::from(w) * ratio) as u32).max(32);
    let rh = round_to_32((f64::from(h) * ratio) as u32).max(32);
    let resized = imageops::resize_linear(image, rw, rh);
    (resized, w as f32 / rw as f32, h as f32 / rh as f32)
}

/// Rows of black added above and below an image of `w × h` before detection: RapidOCR pads
/// images at most `letterbox_min_height` high, or more than `letterbox_width_ratio` times wider
/// than high, so the detector sees text lines that are not squeezed against the border.
pub fn letterbox_padding(w: u32, h: u32, params: &OcrParams) -> u32 {
    let too_wide = w as f32 / h as f32 > params.letterbox_width_ratio;
    if h > params.letterbox_min_height && !too_wide {
        return 0;
    }
    let new_h =
        ((w as f32 / params.letterbox_width_ratio) as u32).max(params.letterbox_min_height) * 2;
    new_h.abs_diff(h) / 2
}

/// Cuts the text line under `quad` out of `image` (RapidOCR's `get_rotate_crop_image`): a
/// perspective warp to an upright rectangle as wide and high as the quad's longer opposite
/// sides; crops at least 1.5 times taller than wide are turned 90° counter-clockwise.
pub(crate) fn crop_quad(image: &RgbImage, quad: &Quad) -> RgbImage {
    let (w, h) = crop_size(quad);
    let (w, h) = (w.max(1), h.max(1));
    let target = [
        [0.0, 0.0],
        [f64::from(w), 0.0],
        [f64::from(w), f64::from(h)],
        [0.0, f64::from(h)],
    ];
    let corners = quad.map(|[x, y]| [f64::from(x), f64::from(y)]);
    let crop = match perspective_transform(&target, &corners) {
        Some(dst_to_src) => imageops::warp_perspective_cubic(image, &dst_to_src, w, h),
        None => RgbImage::new(w, h),
    };
    if f64::from(h) / f64::from(w) >= 1.5 {
        image::imageops::rotate270(&crop)
    } else {
        crop
    }
}

/// Width a crop is resized to at model height `height`, capped at `max_width`:
/// `ceil(height × w / h)`.
fn fitted_width(crop: &RgbImage, height: u32, max_width: u32) -> u32 {
    let wanted = (f64::from(height) * aspect(crop)).ceil() as u32;
    wanted.clamp(1, max_width)
}

fn aspect(crop: &RgbImage) -> f64 {
    f64::from(crop.width()) / f64::from(crop.height().max(1))
}

/// The model input for the crops `batch` of `crops`: each resized to `height` (width kept in
/// proportion, at most `width`) and written into its own CHW plane set of `width` columns, the
/// rest left zero (RapidOCR's padding).
fn batch_input(
    crops: &[RgbImage],
    batch: &[usize],
    height: u32,
    width: u32,
    lut: &[f32; 256],
) -> Vec<f32> {
    let plane_len = 3 * (height * width) as usize;
    let mut input = vec![0f32; batch.len() * plane_len];
    for (slot, &i) in batch.iter().enumerate() {
        let resized_w = fitted_width(&crops[i], height, width);
        let resized = imageops::resize_linear(&crops[i], resized_w, height);
        let planes = &mut input[slot * plane_len..][..plane_len];
        fill_chw_bgr(&resized, lut, planes, width as usize);
    }
    input
}

/// Indices of `crops` sorted by aspect ratio (stable), cut into batches of `size`: neighbours in
/// width batch together, so little of each batch is padding.
fn batches_by_aspect(crops: &[RgbImage], size: usize) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..crops.len()).collect();
    order.sort_by(|&a, &b| aspect(&crops[a]).total_cmp(&aspect(&crops[b])));
    order.chunks(size.max(1)).map(<[usize]>::to_vec).collect()
}

/// Detector normalisation, computed as RapidOCR does (`x * (1/255) - 0.5) / 0.5`).
fn det_lut() -> [f32; 256] {
    std::array::from_fn(|x| ((f64::from(x as f32 * (1.0f32 / 255.0)) - 0.5) / 0.5) as f32)
}

/// Classifier and recogniser normalisation (`x / 255 - 0.5) / 0.5` in 32-bit floats).
fn unit_lut() -> [f32; 256] {
    std::array::from_fn(|x| (x as f32 / 255.0 - 0.5) / 0.5)
}

/// Writes `image` into a CHW plane set of row width `stride` (≥ the image's width), channels in
/// the BGR order the PaddleOCR models were trained on; columns past the image stay as they are
/// (zero: RapidOCR's padding).
fn fill_chw_bgr(image: &RgbImage, lut: &[f32; 256], out: &mut [f32], stride: usize) {
    let size = (image.width() as usize, image.height() as usize);
    fill_chw_bgr_region(image, (0, 0), size, lut, out, stride);
}

/// [`fill_chw_bgr`] for the `size` (width, height) pixels of `image` from `origin` (x, y).
fn fill_chw_bgr_region(
    image: &RgbImage,
    origin: (u32, u32),
    size: (usize, usize),
    lut: &[f32; 256],
    out: &mut [f32],
    stride: usize,
) {
    let (w, h) = size;
    let plane = stride * h;
    let image_row = image.width() as usize * 3;
    let raw = image.as_raw();
    for y in 0..h {
        let from = (origin.1 as usize + y) * image_row + origin.0 as usize * 3;
        for (x, px) in raw[from..from + w * 3].chunks_exact(3).enumerate() {
            let at = y * stride + x;
            out[at] = lut[px[2] as usize];
            out[plane + at] = lut[px[1] as usize];
            out[2 * plane + at] = lut[px[0] as usize];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn det_input_grows_the_short_side_to_the_limit() {
        assert_eq!(det_input_size(400, 300, 736, 4096), Some((992, 736)));
        assert_eq!(det_input_size(1000, 800, 736, 4096), Some((992, 800)));
        // 48 / 32 = 1.5 rounds half to even: 2 → 64; 16 / 32 = 0.5 → 0 → nothing to detect.
        assert_eq!(det_input_size(48, 800, 10, 4096), Some((64, 800)));
        assert_eq!(det_input_size(16, 800, 10, 4096), None);
    }

    #[test]
    fn det_input_long_side_is_capped() {
        assert_eq!(det_input_size(32, 1984, 736, 4096), Some((64, 4096)));
        assert_eq!(det_input_size(3000, 1000, 736, 4096), Some((3008, 992)));
        // An 8:1 banner is not capped by the default.
        let p = OcrParams::default();
        assert_eq!(
            det_input_size(1618, 208, 736, p.det_max_side),
            Some((5728, 736))
        );
    }

    #[test]
    fn letterbox_pads_flat_and_wide_images() {
        let p = OcrParams::default();
        assert_eq!(letterbox_padding(100, 100, &p), 0);
        // 20 high: new height max(100/8, 30) × 2 = 60 → (60 - 20) / 2 = 20 rows each side.
        assert_eq!(letterbox_padding(100, 20, &p), 20);
        // 900 × 100 is wider than 8:1: new height 112 × 2 = 224 → 62 each side.
        assert_eq!(letterbox_padding(900, 100, &p), 62);
    }

    #[test]
    fn big_images_are_downscaled_with_ratios_back() {
        let p = OcrParams::default();
        let img = RgbImage::new(4000, 1000);
        let (out, sx, sy) = limit_sides(&img, &p);
        // 2000 / 32 = 62.5 rounds half to even (Python): 62 × 32 = 1984.
        assert_eq!(out.dimensions(), (1984, 512));
        assert!((sx - 4000.0 / 1984.0).abs() < 1e-6 && (sy - 1000.0 / 512.0).abs() < 1e-6);
        let small = RgbImage::new(65, 11);
        assert_eq!(limit_sides(&small, &p).0.dimensions(), (192, 32));
    }

    #[test]
    fn tall_crops_are_turned_left() {
        let img = RgbImage::from_fn(20, 40, |x, y| image::Rgb([x as u8, y as u8, 0]));
        let quad = [[0.0, 0.0], [10.0, 0.0], [10.0, 30.0], [0.0, 30.0]];
        let crop = crop_quad(&img, &quad);
        assert_eq!(crop.dimensions(), (30, 10));
        // Turned counter-clockwise: the original top-right pixel (9, 0) ends up top-left.
        assert_eq!(crop.get_pixel(0, 0).0, [9, 0, 0]);
    }

    #[test]
    fn fitted_width_rounds_up_and_caps() {
        let crop = RgbImage::new(100, 30);
        assert_eq!(fitted_width(&crop, 48, 320), 160);
        assert_eq!(fitted_width(&RgbImage::new(1000, 10), 48, 320), 320);
    }

    #[test]
    fn batches_group_similar_aspect_ratios() {
        let crops = [
            RgbImage::new(100, 10),
            RgbImage::new(10, 10),
            RgbImage::new(50, 10),
        ];
        assert_eq!(batches_by_aspect(&crops, 2), vec![vec![1, 2], vec![0]]);
    }

    #[test]
    fn a_region_is_written_from_its_origin() {
        // 3 × 2 image whose red channel is 10·x + y; take the 2 × 1 region at (1, 1).
        let img = RgbImage::from_fn(3, 2, |x, y| image::Rgb([(10 * x + y) as u8, 0, 0]));
        let lut: [f32; 256] = std::array::from_fn(|v| v as f32);
        let mut out = vec![-1.0; 3 * 2];
        fill_chw_bgr_region(&img, (1, 1), (2, 1), &lut, &mut out, 2);
        // Planes B, G, R of 2 values each: red is the last plane.
        assert_eq!(out, [0.0, 0.0, 0.0, 0.0, 11.0, 21.0]);
    }

    #[test]
    fn channels_are_written_in_bgr_order() {
        let img = RgbImage::from_pixel(1, 1, image::Rgb([255, 0, 0]));
        let mut out = vec![9.0; 3 * 2];
        fill_chw_bgr(&img, &unit_lut(), &mut out, 2);
        assert_eq!(out, [-1.0, 9.0, -1.0, 9.0, 1.0, 9.0]);
    }
}
