//! The visual classifier: the PRC national emblem, certificate-like layouts and red official seals.
//!
//! The model (`models/visual_classifier.onnx`, trained from scratch by `scripts/train_visual.py` on
//! images from `datasets/generate.py`) is a small fully-convolutional network: for an image of any
//! size it returns a heat-map of logits at stride 16, one channel per label. A label's score is the
//! sigmoid of the heat-map's maximum; the box of the strongest evidence is the blob of cells around
//! that maximum, mapped back to the original image's pixels. One pass over the image, downscaled to
//! at most [`Preprocess::max_pixels`] (960x540), is a dense sliding window at stride 16 for the price
//! of one small CNN, so a full-page certificate and a logo come out of the same pass.
//!
//! Images larger than that get a *detail pass* for the local labels (emblem and seal): the same
//! network on the image at up to twice the first pass's scale, never above the original size and
//! within [`VisualParams::detail_max_pixels`], so that a small emblem in the corner of a wide banner
//! is still seen at a size the network knows. A fully-convolutional network over the whole rescaled
//! image is the same computation as a grid of overlapping tiles, without the seams.
//!
//! That network is stage 1 of a cascade: trained from scratch on generated images, it misses
//! printed emblems on real documents and fires on look-alikes, so its scores are no longer the
//! verdict. Its strongest blobs nominate candidate regions, and the verifier (module `cascade`), an
//! ImageNet-pretrained EfficientNet-Lite0, reads each at native resolution and the whole page, and
//! gives the scores (see `docs/visual.md` for the design and the figures).
//!
//! Both models and their sidecar JSON (labels, preprocessing, thresholds, metrics) are embedded in
//! the binary, so it works anywhere; [`VisualClassifier::from_files`] loads another stage 1.

mod cascade;
mod label;

use std::borrow::Cow;
use std::collections::VecDeque;
use std::path::Path;

use image::{DynamicImage, RgbImage, imageops};
use ort::session::Session;
use serde::{Deserialize, Serialize};

use crate::runtime::{Runtime, RuntimeError, run_f32};
use cascade::{Candidate, CandidateParams, Verifier, VerifierSidecar, select_candidates};
pub use label::{Label, Thresholds};

/// Why the visual classifier could not start or could not score an image.
#[derive(Debug, thiserror::Error)]
pub enum VisionError {
    /// ONNX Runtime or a model failed (loading or running).
    #[error(transparent)]
    Runtime(#[from] RuntimeError),
    /// A model or sidecar file could not be read.
    #[error("cannot read {}", path.display())]
    Read {
        /// The file.
        path: std::path::PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// A sidecar JSON document is malformed.
    #[error("the {model}'s sidecar JSON is malformed")]
    SidecarSyntax {
        /// Which model's sidecar.
        model: &'static str,
        /// The parser's error.
        #[source]
        source: serde_json::Error,
    },
    /// A sidecar parses but its values cannot be used.
    #[error("the {model}'s sidecar is unusable: {detail}")]
    Sidecar {
        /// Which model's sidecar.
        model: &'static str,
        /// What is wrong.
        detail: String,
    },
    /// The image has no pixels.
    #[error("the image is empty ({width}x{height})")]
    EmptyImage {
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
    },
    /// A model returned something of the wrong shape.
    #[error("the {model} returned an unexpected output: {detail}")]
    Output {
        /// Which model.
        model: &'static str,
        /// What was wrong.
        detail: String,
    },
}

type Result<T, E = VisionError> = std::result::Result<T, E>;

/// The shipped model, embedded so the binary needs no model file.
const MODEL_ONNX: &[u8] = include_bytes!("../../models/visual_classifier.onnx");
/// The shipped model's sidecar: labels, preprocessing, thresholds, provenance and metrics.
const MODEL_SIDECAR: &str = include_str!("../../models/visual_classifier.json");

/// The labels' names, in the order of the model's output channels (as the sidecars list them).
const LABEL_NAMES: [&str; 3] = [
    Label::NationalEmblem.as_str(),
    Label::CertificateLayout.as_str(),
    Label::OfficialSeal.as_str(),
];

/// Channels of objects (emblem, seal) that the detail pass may improve; a page layout needs the
/// whole page in view, so the certificate channel keeps the first pass.
const LOCAL_LABELS: [usize; 2] = [0, 2];

/// Score, decision and evidence box of one label.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct LabelScore {
    /// Probability in [0, 1] that the image shows the label somewhere.
    pub score: f32,
    /// `score` reached the shipped threshold for this label.
    pub detected: bool,
    /// The strongest evidence, `[x, y, w, h]` in the original image's pixels; present when detected.
    #[serde(rename = "box")]
    pub bbox: Option<[u32; 4]>,
    /// What the verifier takes the strongest emblem-like object for, when it is not the emblem
    /// (`party_emblem`, `foreign_arms`, `bank_logo` ...: the verifier's crop classes); only on
    /// `national_emblem`, omitted from the JSON when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lookalike: Option<&'static str>,
}

/// What the classifier found in one image; serialises as
/// `{"national_emblem": {"score": .., "detected": .., "box": [x, y, w, h]}, ...}`.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct VisualScores {
    /// The PRC national emblem (国徽), in colour, gold, red, line-art or greyscale.
    pub national_emblem: LabelScore,
    /// A certificate-like page: frame, big title, fields, photo box, seal.
    pub certificate_layout: LabelScore,
    /// A red official seal (公章): round or oval stamp with star and arc text.
    pub official_seal: LabelScore,
}

impl VisualScores {
    /// The score of one label.
    pub fn get(&self, label: Label) -> &LabelScore {
        match label {
            Label::NationalEmblem => &self.national_emblem,
            Label::CertificateLayout => &self.certificate_layout,
            Label::OfficialSeal => &self.official_seal,
        }
    }

    /// The score of one label, to change.
    pub fn get_mut(&mut self, label: Label) -> &mut LabelScore {
        match label {
            Label::NationalEmblem => &mut self.national_emblem,
            Label::CertificateLayout => &mut self.certificate_layout,
            Label::OfficialSeal => &mut self.official_seal,
        }
    }

    /// Every label with its score, in [`Label::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Label, &LabelScore)> {
        Label::ALL.into_iter().map(|label| (label, self.get(label)))
    }
}

/// Settings of a [`VisualClassifier`] that are not properties of the model.
#[derive(Debug, Clone)]
pub struct VisualParams {
    /// ONNX Runtime intra-op threads per classifier. Default 1: callers run one classifier per
    /// worker thread, and decoding only parallelises across images.
    pub intra_threads: usize,
    /// Pixel budget of the detail pass (see the module docs); 0 turns it off. The default, 0.8 MP,
    /// gives a 1920x400 banner a full-resolution pass (a 40-pixel corner emblem is found in 17 of
    /// 24 test composites with it, 7 without) and leaves 1080p screenshots to the first pass;
    /// 2_100_000 also reads 1080p at full resolution (7 of 8 such emblems found, ~2.7x the CPU).
    pub detail_max_pixels: u32,
    /// Run the verifier (stage 2) on stage 1's candidates and the page. Default true; false gives
    /// stage 1 alone with its own thresholds (the classifier before the cascade).
    pub verify: bool,
}

impl Default for VisualParams {
    fn default() -> Self {
        VisualParams {
            intra_threads: 1,
            detail_max_pixels: 800_000,
            verify: true,
        }
    }
}

/// The sidecar JSON next to the ONNX file (`models/visual_classifier.json`); only the fields
/// inference needs are read.
#[derive(Deserialize, Debug, Clone)]
pub struct Sidecar {
    /// Output channel names, in order; must be the [`Label`]s' names in [`Label::ALL`] order.
    pub labels: Vec<String>,
    /// How to turn an image into the model's input.
    pub preprocess: Preprocess,
    /// Per-label detection thresholds on the score.
    pub thresholds: Thresholds,
}

/// Preprocessing constants, shared with `scripts/eval_visual.py`.
#[derive(Deserialize, Debug, Clone, Copy, PartialEq)]
pub struct Preprocess {
    /// Images whose long side is shorter are upscaled to this.
    pub min_long_side: u32,
    /// Images whose long side is longer are downscaled to this.
    pub max_long_side: u32,
    /// Images with more pixels are downscaled to this many (aspect kept).
    pub max_pixels: u32,
    /// The input's sides are padded up to a multiple of this (the network's total stride).
    pub pad_multiple: u32,
    /// Value of the padding, in the [0, 1] input range (0.5 = grey, zero after normalisation).
    pub pad_value: f32,
    /// Pixels per heat-map cell.
    pub stride: u32,
}

impl Sidecar {
    /// Parses and checks a sidecar JSON document.
    pub fn parse(json: &str) -> Result<Self> {
        const MODEL: &str = "visual model";
        let unusable = |detail: String| VisionError::Sidecar {
            model: MODEL,
            detail,
        };
        let sidecar: Sidecar =
            serde_json::from_str(json).map_err(|source| VisionError::SidecarSyntax {
                model: MODEL,
                source,
            })?;
        if sidecar.labels != LABEL_NAMES {
            return Err(unusable(format!(
                "labels {:?}, expected {LABEL_NAMES:?}",
                sidecar.labels
            )));
        }
        let p = &sidecar.preprocess;
        if p.stride == 0 || p.pad_multiple == 0 || !p.pad_multiple.is_multiple_of(p.stride) {
            return Err(unusable(format!("stride/padding {p:?}")));
        }
        if p.min_long_side == 0 || p.min_long_side > p.max_long_side || p.max_pixels == 0 {
            return Err(unusable(format!("size range {p:?}")));
        }
        if sidecar.thresholds.complete().is_none() {
            return Err(unusable("a label has no threshold".into()));
        }
        Ok(sidecar)
    }
}

/// Runs the emblem / certificate / seal model under ONNX Runtime. One per worker thread
/// (`classify` needs `&mut self` because ONNX Runtime sessions do).
pub struct VisualClassifier {
    session: Session,
    sidecar: Sidecar,
    params: VisualParams,
    verifier: Option<Verifier>,
}

impl VisualClassifier {
    /// The shipped models (embedded in the library) with default settings.
    pub fn new(runtime: &Runtime) -> Result<Self> {
        Self::with_params(runtime, VisualParams::default())
    }

    /// The shipped models (embedded in the library) with these settings.
    pub fn with_params(runtime: &Runtime, params: VisualParams) -> Result<Self> {
        Self::from_bytes(
            runtime,
            MODEL_ONNX,
            MODEL_SIDECAR,
            "visual classifier",
            params,
        )
    }

    /// Another stage-1 model: an ONNX file and its sidecar JSON (the verifier stays the shipped
    /// one).
    pub fn from_files(
        runtime: &Runtime,
        onnx: &Path,
        sidecar: &Path,
        params: VisualParams,
    ) -> Result<Self> {
        let read_error = |path: &Path| {
            let path = path.to_path_buf();
            move |source| VisionError::Read { path, source }
        };
        let model = std::fs::read(onnx).map_err(read_error(onnx))?;
        let json = std::fs::read_to_string(sidecar).map_err(read_error(sidecar))?;
        Self::from_bytes(runtime, &model, &json, &onnx.display().to_string(), params)
    }

    /// A stage-1 model held in memory and its sidecar JSON; `name` says which in errors.
    pub fn from_bytes(
        runtime: &Runtime,
        model: &[u8],
        sidecar: &str,
        name: &str,
        params: VisualParams,
    ) -> Result<Self> {
        let sidecar = Sidecar::parse(sidecar)?;
        let threads = params.intra_threads.max(1);
        let session = runtime.session_from_memory(model, name, threads)?;
        let verifier = if params.verify {
            let sidecar = VerifierSidecar::parse(cascade::VERIFIER_SIDECAR)?;
            let session =
                runtime.session_from_memory(cascade::VERIFIER_ONNX, "visual verifier", threads)?;
            Some(Verifier::new(session, sidecar))
        } else {
            None
        };
        Ok(VisualClassifier {
            session,
            sidecar,
            params,
            verifier,
        })
    }

    /// The sidecar in use (thresholds, preprocessing).
    pub fn sidecar(&self) -> &Sidecar {
        &self.sidecar
    }

    /// Scores, decisions and evidence boxes for one image.
    pub fn classify(&mut self, image: &DynamicImage) -> Result<VisualScores> {
        let (width, height) = (image.width(), image.height());
        if width == 0 || height == 0 {
            return Err(VisionError::EmptyImage { width, height });
        }
        let rgb = flatten_to_rgb(image);
        let rgb = rgb.as_ref();
        let p = self.sidecar.preprocess;
        let view = ModelView::fit(width, height, &p);
        let nominate = self.verifier.as_ref().map(|v| v.sidecar().candidates);
        let Pass {
            evidence: mut best,
            candidates: mut found,
        } = self.run_pass(rgb, &view, nominate)?;
        if let Some(detail) = view.detail(self.params.detail_max_pixels) {
            let fine = self.run_pass(rgb, &detail, nominate)?;
            for (slot, label) in LOCAL_LABELS.into_iter().enumerate() {
                if fine.evidence[label].logit > best[label].logit {
                    best[label] = fine.evidence[label];
                }
                found[slot].extend_from_slice(&fine.candidates[slot]);
            }
        }
        let Some(verifier) = self.verifier.as_mut() else {
            let scores = best.map(|e| sigmoid(e.logit));
            let boxes = best.map(|e| e.bbox);
            return Ok(scores_with(scores, boxes, self.sidecar.thresholds, None));
        };
        let params = verifier.sidecar().candidates;
        let candidates: Vec<Candidate> = found
            .into_iter()
            .flat_map(|f| select_candidates(f, &params))
            .collect();
        let verdicts = verifier.verify(rgb, &candidates)?;
        // The box of a label is the candidate the verifier was surest of; when the page view
        // decided, stage 1's strongest blob.
        let boxes: [[u32; 4]; 3] = std::array::from_fn(|i| {
            verdicts.best_candidate[i].map_or(best[i].bbox, |c| candidates[c].bbox)
        });
        let thresholds = verifier.sidecar().thresholds;
        let scores =
            std::array::from_fn(|i| cascade::fused_score(best[i].logit, verdicts.scores[i]));
        Ok(scores_with(
            scores,
            boxes,
            thresholds,
            verdicts.lookalike.map(|(name, _)| name),
        ))
    }

    /// One pass of the network over the image resized to `view`: per label the strongest cell,
    /// and with `nominate` the candidate blobs of the local labels.
    fn run_pass(
        &mut self,
        rgb: &RgbImage,
        view: &ModelView,
        nominate: Option<CandidateParams>,
    ) -> Result<Pass> {
        let p = self.sidecar.preprocess;
        let resized;
        let source = if (view.width, view.height) == rgb.dimensions() {
            rgb
        } else {
            resized = resize(rgb, view.width, view.height);
            &resized
        };
        let input = fill_input(source, view.input_width, view.input_height, p.pad_value);
        let shape = [
            1usize,
            3,
            view.input_height as usize,
            view.input_width as usize,
        ];
        run_f32(&mut self.session, shape, &input, |out_shape, values| {
            let heat = match *out_shape {
                [1, 3, rows, cols] => HeatMap {
                    rows: rows as usize,
                    cols: cols as usize,
                    values,
                },
                _ => {
                    return Err(VisionError::Output {
                        model: "visual classifier",
                        detail: format!("shape {out_shape:?}"),
                    });
                }
            };
            let (rows, cols) = view.valid_cells(p.stride);
            let (rows, cols) = (rows.min(heat.rows), cols.min(heat.cols));
            if rows == 0 || cols == 0 {
                return Err(VisionError::Output {
                    model: "visual classifier",
                    detail: "an empty heat map".into(),
                });
            }
            let evidence = std::array::from_fn(|label| {
                let (logit, cells) = heat.strongest_blob(label, rows, cols);
                Evidence {
                    logit,
                    bbox: view.cells_to_image(cells, p.stride),
                }
            });
            let candidates = LOCAL_LABELS.map(|label| match nominate {
                Some(n) => heat
                    .blobs(label, rows, cols, n.nominate_logit, n.per_label)
                    .into_iter()
                    .map(|(logit, cells)| Candidate {
                        logit,
                        bbox: view.cells_to_image(cells, p.stride),
                    })
                    .collect(),
                None => Vec::new(),
            });
            Ok(Pass {
                evidence,
                candidates,
            })
        })
    }
}

/// What one stage-1 pass found: per label the strongest evidence, per local label the candidates.
struct Pass {
    evidence: [Evidence; 3],
    candidates: [Vec<Candidate>; 2],
}

/// Thresholded label scores; the look-alike is named only when the emblem is not detected.
fn scores_with(
    scores: [f32; 3],
    boxes: [[u32; 4]; 3],
    thresholds: Thresholds,
    lookalike: Option<&'static str>,
) -> VisualScores {
    // Sidecars are checked to set every label when parsed.
    let thresholds = thresholds.complete().unwrap_or([f32::INFINITY; 3]);
    let label = |i: usize| {
        let detected = scores[i] >= thresholds[i];
        LabelScore {
            score: scores[i],
            detected,
            bbox: detected.then_some(boxes[i]),
            lookalike: None,
        }
    };
    let mut national_emblem = label(0);
    if !national_emblem.detected {
        national_emblem.lookalike = lookalike;
    }
    VisualScores {
        national_emblem,
        certificate_layout: label(1),
        official_seal: label(2),
    }
}

/// The strongest evidence of one label in one pass.
#[derive(Debug, Clone, Copy)]
struct Evidence {
    logit: f32,
    bbox: [u32; 4],
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// Area-average (box filter) when shrinking, bilinear when enlarging. The box filter is both what
/// the evaluation script uses (Pillow's BOX) and about six times faster than the crate's triangle
/// filter on 1080p input, which would otherwise cost more than the network itself.
pub(crate) fn resize(image: &RgbImage, width: u32, height: u32) -> RgbImage {
    if width <= image.width() && height <= image.height() {
        imageops::thumbnail(image, width, height)
    } else {
        imageops::resize(image, width, height, imageops::FilterType::Triangle)
    }
}

/// The image as RGB, borrowed when it already is; transparent pixels are composited over white
/// (transparent PNG logos and text would otherwise turn black).
pub(crate) fn flatten_to_rgb(image: &DynamicImage) -> Cow<'_, RgbImage> {
    if let Some(rgb) = image.as_rgb8() {
        return Cow::Borrowed(rgb);
    }
    if !image.color().has_alpha() {
        return Cow::Owned(image.to_rgb8());
    }
    let rgba = image.to_rgba8();
    Cow::Owned(RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over_white = |c: u8| ((c as u32 * a as u32 + 255 * (255 - a as u32) + 127) / 255) as u8;
        image::Rgb([over_white(r), over_white(g), over_white(b)])
    }))
}

/// Where an image lands in the model's input: its resized size, the padded input size and the scale.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct ModelView {
    /// Width of the resized image.
    pub(crate) width: u32,
    /// Height of the resized image.
    pub(crate) height: u32,
    /// Width of the padded input (a multiple of `pad_multiple`).
    pub(crate) input_width: u32,
    /// Height of the padded input.
    pub(crate) input_height: u32,
    /// Resized size over original size (the same on both axes up to rounding).
    pub(crate) scale: f64,
    /// The original image's size.
    pub(crate) original: (u32, u32),
    pad_multiple: u32,
}

impl ModelView {
    /// The first pass: shrunk to at most `max_pixels` and `max_long_side`, enlarged when the long
    /// side is under `min_long_side`, aspect kept.
    pub(crate) fn fit(width: u32, height: u32, p: &Preprocess) -> Self {
        let long = width.max(height).max(1) as f64;
        let area = (width.max(1) as f64) * (height.max(1) as f64);
        let mut scale = (p.max_long_side as f64 / long)
            .min((p.max_pixels as f64 / area).sqrt())
            .min(1.0);
        if long * scale < p.min_long_side as f64 {
            scale = p.min_long_side as f64 / long;
        }
        Self::at_scale(width, height, scale, p.pad_multiple)
    }

    /// The image at `scale`, padded right and bottom to a multiple of `pad_multiple`.
    pub(crate) fn at_scale(width: u32, height: u32, scale: f64, pad_multiple: u32) -> Self {
        let side = |n: u32| ((n as f64 * scale).round() as u32).max(1);
        let (w, h) = (side(width), side(height));
        let pad = |n: u32| n.div_ceil(pad_multiple) * pad_multiple;
        ModelView {
            width: w,
            height: h,
            input_width: pad(w),
            input_height: pad(h),
            scale,
            original: (width, height),
            pad_multiple,
        }
    }

    /// The detail pass: up to twice this view's scale, capped at the original size and at
    /// `max_pixels`. It runs only when it reaches full resolution (and is finer than this view)
    /// or is at least 1.5 times finer: a 1080p frame seen at 0.62 instead of 0.5 costs 1.5 first
    /// passes and found none of the evaluation's 40-pixel corner emblems.
    pub(crate) fn detail(&self, max_pixels: u32) -> Option<Self> {
        let (width, height) = self.original;
        let area = (width.max(1) as f64) * (height.max(1) as f64);
        let scale = (self.scale * 2.0)
            .min(1.0)
            .min((max_pixels as f64 / area).sqrt());
        let full_resolution = scale >= 1.0 && scale > self.scale * 1.15;
        (full_resolution || scale >= self.scale * 1.5)
            .then(|| Self::at_scale(width, height, scale, self.pad_multiple))
    }

    /// Heat-map cells that cover the resized image (the rest only see padding).
    pub(crate) fn valid_cells(&self, stride: u32) -> (usize, usize) {
        (
            self.height.div_ceil(stride) as usize,
            self.width.div_ceil(stride) as usize,
        )
    }

    /// A rectangle of cells (inclusive rows/cols) as `[x, y, w, h]` in original-image pixels,
    /// clipped to the image.
    pub(crate) fn cells_to_image(&self, cells: CellRect, stride: u32) -> [u32; 4] {
        let (ow, oh) = self.original;
        let to_original =
            |v: u32, limit: u32| -> u32 { ((v as f64 / self.scale).round() as u32).min(limit) };
        let x0 = to_original(cells.col0 as u32 * stride, ow);
        let y0 = to_original(cells.row0 as u32 * stride, oh);
        let x1 = to_original(((cells.col1 as u32 + 1) * stride).min(self.width), ow);
        let y1 = to_original(((cells.row1 as u32 + 1) * stride).min(self.height), oh);
        [
            x0,
            y0,
            x1.saturating_sub(x0).max(1),
            y1.saturating_sub(y0).max(1),
        ]
    }
}

/// Inclusive rectangle of heat-map cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CellRect {
    pub(crate) row0: usize,
    pub(crate) col0: usize,
    pub(crate) row1: usize,
    pub(crate) col1: usize,
}

/// The network's output: `[1, labels, rows, cols]` logits, row-major.
pub(crate) struct HeatMap<'a> {
    pub(crate) rows: usize,
    pub(crate) cols: usize,
    pub(crate) values: &'a [f32],
}

impl HeatMap<'_> {
    fn at(&self, label: usize, row: usize, col: usize) -> f32 {
        self.values[(label * self.rows + row) * self.cols + col]
    }

    /// The maximum logit of `label` within the first `rows` x `cols` cells, and the connected blob
    /// of cells around it whose probability is at least half the maximum's (the evidence box).
    /// An empty map gives `-inf` and the first cell.
    pub(crate) fn strongest_blob(&self, label: usize, rows: usize, cols: usize) -> (f32, CellRect) {
        let first = CellRect {
            row0: 0,
            col0: 0,
            row1: 0,
            col1: 0,
        };
        self.blobs(label, rows, cols, f32::NEG_INFINITY, 1)
            .into_iter()
            .next()
            .unwrap_or((f32::NEG_INFINITY, first))
    }

    /// Up to `limit` blobs of `label`, strongest first: each grows from the strongest cell not yet
    /// in a blob, whose logit is at least `floor_logit`, over the connected cells at least half its
    /// probability that no stronger blob took. The first is [`HeatMap::strongest_blob`]'s.
    pub(crate) fn blobs(
        &self,
        label: usize,
        rows: usize,
        cols: usize,
        floor_logit: f32,
        limit: usize,
    ) -> Vec<(f32, CellRect)> {
        let (rows, cols) = (rows.min(self.rows), cols.min(self.cols));
        let mut seeds: Vec<(usize, usize)> = (0..rows)
            .flat_map(|r| (0..cols).map(move |c| (r, c)))
            .filter(|&(r, c)| self.at(label, r, c) >= floor_logit)
            .collect();
        // strongest first; a stable sort keeps row-major order among equals, as numpy's does
        seeds.sort_by(|a, b| {
            self.at(label, b.0, b.1)
                .total_cmp(&self.at(label, a.0, a.1))
        });
        let mut taken = vec![false; rows * cols];
        let mut out = Vec::new();
        for (r, c) in seeds {
            if out.len() == limit {
                break;
            }
            if !taken[r * cols + c] {
                out.push((
                    self.at(label, r, c),
                    self.grow(label, rows, cols, (r, c), &mut taken),
                ));
            }
        }
        out
    }

    /// The blob around `seed`: connected cells at least half the seed's probability, not `taken`
    /// (they are taken now).
    fn grow(
        &self,
        label: usize,
        rows: usize,
        cols: usize,
        seed: (usize, usize),
        taken: &mut [bool],
    ) -> CellRect {
        let (r0, c0) = seed;
        let floor = sigmoid(self.at(label, r0, c0)) * 0.5;
        let mut rect = CellRect {
            row0: r0,
            col0: c0,
            row1: r0,
            col1: c0,
        };
        let seen = taken;
        let mut queue = VecDeque::from([(r0, c0)]);
        seen[r0 * cols + c0] = true;
        while let Some((r, c)) = queue.pop_front() {
            rect.row0 = rect.row0.min(r);
            rect.row1 = rect.row1.max(r);
            rect.col0 = rect.col0.min(c);
            rect.col1 = rect.col1.max(c);
            let neighbours = [
                (r.wrapping_sub(1), c),
                (r + 1, c),
                (r, c.wrapping_sub(1)),
                (r, c + 1),
            ];
            for (nr, nc) in neighbours {
                if nr < rows
                    && nc < cols
                    && !seen[nr * cols + nc]
                    && sigmoid(self.at(label, nr, nc)) >= floor
                {
                    seen[nr * cols + nc] = true;
                    queue.push_back((nr, nc));
                }
            }
        }
        rect
    }
}

/// The network's input: RGB in [0, 1], planar (CHW), the image top-left, `pad_value` elsewhere.
pub(crate) fn fill_input(
    image: &RgbImage,
    input_width: u32,
    input_height: u32,
    pad_value: f32,
) -> Vec<f32> {
    let (iw, ih) = (input_width as usize, input_height as usize);
    let mut input = vec![pad_value; 3 * iw * ih];
    paste_planar(image, (0, 0), (iw, ih), &mut input);
    input
}

/// Copies `image` into a planar `[3, height, width]` buffer (`size` = `(width, height)`) with
/// its top-left corner at `at`, scaled to [0, 1]; what falls outside the buffer is dropped.
pub(crate) fn paste_planar(
    image: &RgbImage,
    at: (usize, usize),
    size: (usize, usize),
    out: &mut [f32],
) {
    let ((x0, y0), (width, height)) = (at, size);
    let plane = width * height;
    let w = (image.width() as usize).min(width.saturating_sub(x0));
    let h = (image.height() as usize).min(height.saturating_sub(y0));
    let stride = image.width() as usize * 3;
    let raw = image.as_raw();
    for row in 0..h {
        let pixels = &raw[row * stride..row * stride + w * 3];
        for (col, px) in pixels.chunks_exact(3).enumerate() {
            let i = (y0 + row) * width + x0 + col;
            out[i] = px[0] as f32 / 255.0;
            out[plane + i] = px[1] as f32 / 255.0;
            out[2 * plane + i] = px[2] as f32 / 255.0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn preprocess() -> Preprocess {
        Preprocess {
            min_long_side: 320,
            max_long_side: 1920,
            max_pixels: 960 * 540,
            pad_multiple: 32,
            pad_value: 0.5,
            stride: 16,
        }
    }

    #[test]
    fn full_hd_is_halved_and_padded_to_32() {
        let v = ModelView::fit(1920, 1080, &preprocess());
        assert_eq!((v.width, v.height), (960, 540));
        assert_eq!((v.input_width, v.input_height), (960, 544));
        assert_eq!(v.valid_cells(16), (34, 60));
    }

    #[test]
    fn small_images_are_upscaled_to_the_minimum_long_side() {
        let v = ModelView::fit(160, 80, &preprocess());
        assert_eq!((v.width, v.height), (320, 160));
        assert!((v.scale - 2.0).abs() < 1e-9);
    }

    #[test]
    fn wide_banners_keep_more_resolution_within_the_pixel_budget() {
        let v = ModelView::fit(1920, 400, &preprocess());
        assert!((v.scale - (960.0 * 540.0 / (1920.0 * 400.0f64)).sqrt()).abs() < 1e-9);
        assert_eq!((v.width, v.height), (1577, 329));
    }

    #[test]
    fn tiny_and_extreme_aspect_images_keep_at_least_one_pixel() {
        let v = ModelView::fit(10_000, 3, &preprocess());
        assert_eq!((v.width, v.height), (1920, 1));
        assert_eq!((v.input_width, v.input_height), (1920, 32));
    }

    #[test]
    fn detail_pass_is_finer_but_capped_by_original_size_and_budget() {
        let p = preprocess();
        // banner: the detail pass runs at full resolution
        let d = ModelView::fit(1920, 400, &p)
            .detail(1_200_000)
            .expect("detail");
        assert_eq!((d.width, d.height), (1920, 400));
        // 1080p: twice the scale would be 2 MP, the budget caps it
        let d = ModelView::fit(1920, 1080, &p)
            .detail(1_200_000)
            .expect("detail");
        assert!(d.width as u64 * d.height as u64 <= 1_200_000 + 4000);
        assert!(d.width > 1400 && d.width < 1500, "{d:?}");
        assert!(ModelView::fit(1920, 1080, &p).detail(0).is_none());
        let default = VisualParams::default().detail_max_pixels;
        assert!(ModelView::fit(1920, 1080, &p).detail(default).is_none());
        let d = ModelView::fit(1920, 1080, &p).detail(1920 * 1080).unwrap();
        assert_eq!((d.width, d.height), (1920, 1080));
        let d = ModelView::fit(1920, 400, &p)
            .detail(default)
            .expect("banner detail");
        assert_eq!((d.width, d.height), (1920, 400));
        // fits the first pass as is: nothing finer to see
        assert!(ModelView::fit(900, 500, &p).detail(1_200_000).is_none());
    }

    #[test]
    fn cells_map_back_to_original_pixels() {
        let v = ModelView::fit(1920, 1080, &preprocess());
        let cell = CellRect {
            row0: 1,
            col0: 2,
            row1: 1,
            col1: 3,
        };
        // cells cover x 32..64, y 16..32 at scale 0.5
        assert_eq!(v.cells_to_image(cell, 16), [64, 32, 64, 32]);
    }

    #[test]
    fn boxes_are_clipped_to_the_image_not_the_padding() {
        let v = ModelView::fit(1920, 1080, &preprocess());
        let last = CellRect {
            row0: 33,
            col0: 59,
            row1: 33,
            col1: 59,
        };
        let [x, y, w, h] = v.cells_to_image(last, 16);
        assert_eq!((x, y), (1888, 1056));
        assert_eq!((x + w, y + h), (1920, 1080));
    }

    #[test]
    fn strongest_blob_grows_over_connected_strong_cells_only() {
        // one label, 4x5 map: a 2x2 blob at rows 1-2, cols 1-2, and a weaker isolated cell
        #[rustfmt::skip]
        let values = [
            -9.0, -9.0, -9.0, -9.0, -9.0,
            -9.0,  3.0,  2.0, -9.0, -9.0,
            -9.0,  1.0,  2.5, -9.0,  2.9,
            -9.0, -9.0, -9.0, -9.0, -9.0,
        ];
        let heat = HeatMap {
            rows: 4,
            cols: 5,
            values: &values,
        };
        let (max, rect) = heat.strongest_blob(0, 4, 5);
        assert_eq!(max, 3.0);
        assert_eq!(
            rect,
            CellRect {
                row0: 1,
                col0: 1,
                row1: 2,
                col1: 2
            }
        );
    }

    #[test]
    fn strongest_blob_ignores_cells_outside_the_valid_area() {
        let values = [0.0, 0.0, 9.0, 0.0, 0.0, 0.0];
        let heat = HeatMap {
            rows: 2,
            cols: 3,
            values: &values,
        };
        let (max, rect) = heat.strongest_blob(0, 2, 2);
        assert_eq!(max, 0.0);
        assert_eq!((rect.row0, rect.col0), (0, 0));
    }

    #[test]
    fn input_is_planar_rgb_with_grey_padding() {
        let image = RgbImage::from_fn(2, 1, |x, _| {
            if x == 0 {
                image::Rgb([255, 0, 0])
            } else {
                image::Rgb([0, 0, 255])
            }
        });
        let input = fill_input(&image, 4, 2, 0.5);
        assert_eq!(input.len(), 3 * 8);
        assert_eq!(&input[0..4], &[1.0, 0.0, 0.5, 0.5]); // red plane, first row
        assert_eq!(&input[8..12], &[0.0, 0.0, 0.5, 0.5]); // green plane
        assert_eq!(&input[16..20], &[0.0, 1.0, 0.5, 0.5]); // blue plane
        assert_eq!(&input[4..8], &[0.5; 4]); // padded row
    }

    #[test]
    fn transparency_is_flattened_over_white() {
        let image = DynamicImage::ImageRgba8(image::RgbaImage::from_fn(2, 1, |x, _| {
            if x == 0 {
                image::Rgba([0, 0, 0, 0])
            } else {
                image::Rgba([0, 0, 0, 255])
            }
        }));
        let rgb = flatten_to_rgb(&image);
        assert_eq!(rgb.get_pixel(0, 0).0, [255, 255, 255]);
        assert_eq!(rgb.get_pixel(1, 0).0, [0, 0, 0]);
    }

    #[test]
    fn shipped_sidecar_parses_and_rejects_foreign_labels() {
        let sidecar = Sidecar::parse(MODEL_SIDECAR).expect("shipped sidecar");
        assert_eq!(sidecar.preprocess.stride, 16);
        let wrong = MODEL_SIDECAR.replace("official_seal", "cat");
        assert!(Sidecar::parse(&wrong).is_err());
    }

    #[test]
    fn scores_serialise_with_box_key() {
        let s = LabelScore {
            score: 0.5,
            detected: true,
            bbox: Some([1, 2, 3, 4]),
            lookalike: None,
        };
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, r#"{"score":0.5,"detected":true,"box":[1,2,3,4]}"#);
        let named = LabelScore {
            lookalike: Some("party_emblem"),
            ..s
        };
        let json = serde_json::to_string(&named).unwrap();
        assert!(json.ends_with(r#""lookalike":"party_emblem"}"#), "{json}");
    }

    #[test]
    fn blobs_come_strongest_first_and_do_not_share_cells() {
        #[rustfmt::skip]
        let values = [
            5.0, 4.0, -9.0, -9.0,
            -9.0, -9.0, -9.0, 3.0,
            -9.0, -9.0, -9.0, -4.0,
        ];
        let heat = HeatMap {
            rows: 3,
            cols: 4,
            values: &values,
        };
        let blobs = heat.blobs(0, 3, 4, -3.0, 5);
        let peaks: Vec<f32> = blobs.iter().map(|b| b.0).collect();
        // 4.0 joins 5.0's blob; -4.0 is under the floor
        assert_eq!(peaks, [5.0, 3.0]);
        assert_eq!((blobs[0].1.col0, blobs[0].1.col1), (0, 1));
        assert_eq!(heat.blobs(0, 3, 4, -3.0, 1).len(), 1);
        assert!(heat.blobs(0, 0, 0, -3.0, 1).is_empty());
        assert_eq!(heat.strongest_blob(0, 0, 4).0, f32::NEG_INFINITY);
    }
}
