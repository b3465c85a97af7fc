//! Stage 2 of the visual cascade: the verifier.
//!
//! Stage 1 (the heat-map network in [`super`]) is cheap and sees the whole image at once, but it
//! was trained from scratch on generated images only: on real photos and scans it misses printed
//! and line-art emblems and fires on coats of arms and red logos. It is kept as the *nominator*:
//! the strongest blobs of its emblem and seal heat maps, down to a low logit, become candidate
//! regions. The verifier, an EfficientNet-Lite0 with ImageNet weights fine-tuned by
//! `scripts/visual2/train_verifier.py`, reads
//!
//! - each candidate as a square crop of the *original* pixels around it (native resolution, with
//!   context), and names what it shows: the emblem, a seal, one of the look-alikes (party, league
//!   emblems, foreign coats of arms, bank logos, school crests, other red round graphics) or
//!   nothing in particular;
//! - the whole image, letterboxed into a square page view, for the page labels (certificate
//!   layout, and emblem or seal anywhere on the page) and, through the crop head, for an object
//!   that fills the image.
//!
//! A label's score joins both stages ([`fused_score`]): stage 1's logit and the verifier's (its
//! strongest crop-head reading for the emblem and the seal, its page head for the certificate);
//! thresholds come from the verifier's sidecar (`models/visual_verifier.json`), chosen on generated images and on a part of
//! the real images that the reported figures never use. `scripts/visual2/cascade.py` is this
//! module's twin, and the parity test checks that both give the same scores.

use image::RgbImage;
use ort::session::Session;
use serde::Deserialize;

use super::{LABEL_NAMES, Result, Thresholds, VisionError, paste_planar, resize};
use crate::runtime::{RuntimeError, ort_error};

/// The shipped verifier, embedded so the binary needs no model file.
pub(super) const VERIFIER_ONNX: &[u8] = include_bytes!("../../models/visual_verifier.onnx");
/// The verifier's sidecar: classes, candidate and crop geometry, thresholds, metrics.
pub(super) const VERIFIER_SIDECAR: &str = include_str!("../../models/visual_verifier.json");

/// The crop head's classes, in the order of its outputs.
pub const CROP_CLASSES: [&str; 9] = [
    "background",
    super::Label::NationalEmblem.as_str(),
    super::Label::OfficialSeal.as_str(),
    "party_emblem",
    "league_emblem",
    "foreign_arms",
    "bank_logo",
    "school_crest",
    "other_red_round",
];
/// Crop-head index of the national emblem.
const EMBLEM: usize = 1;
/// Crop-head index of the official seal.
const SEAL: usize = 2;
/// Crop-head indexes of the look-alikes (everything after the seal).
const FIRST_LOOKALIKE: usize = 3;

/// The verifier's sidecar JSON (`models/visual_verifier.json`); only what inference needs is read.
#[derive(Deserialize, Debug, Clone)]
pub struct VerifierSidecar {
    /// Crop-head classes; must equal [`CROP_CLASSES`].
    pub classes: Vec<String>,
    /// Page-head labels; must be the [`super::Label`]s' names in order.
    pub page_labels: Vec<String>,
    /// Per-label thresholds on the cascade's scores.
    pub thresholds: Thresholds,
    /// Which stage-1 blobs become candidates.
    pub candidates: CandidateParams,
    /// How a candidate is cut out.
    pub crop: CropParams,
    /// The page view.
    pub page: PageParams,
    /// A look-alike is named only when the verifier gives it at least this probability.
    pub lookalike_min_score: f32,
}

/// Which stage-1 blobs become candidates.
#[derive(Deserialize, Debug, Clone, Copy, PartialEq)]
pub struct CandidateParams {
    /// Lowest stage-1 logit of a candidate's peak.
    pub nominate_logit: f32,
    /// Candidates per local label (emblem, seal), strongest first.
    pub per_label: usize,
    /// A blob overlapping a stronger one of the same label by more than this IoU is dropped.
    pub nms_iou: f32,
}

/// How a candidate is cut out of the original image.
#[derive(Deserialize, Debug, Clone, Copy, PartialEq)]
pub struct CropParams {
    /// Side of the verifier's crop input, pixels.
    pub side: u32,
    /// The crop's side over the blob's longer side (context around the object).
    pub context: f64,
    /// Smallest crop side in original pixels.
    pub min_side: u32,
}

/// The page view.
#[derive(Deserialize, Debug, Clone, Copy, PartialEq)]
pub struct PageParams {
    /// Side of the square page view, pixels.
    pub side: u32,
}

impl VerifierSidecar {
    /// Parses and checks a verifier sidecar document.
    pub fn parse(json: &str) -> Result<Self> {
        const MODEL: &str = "visual verifier";
        let unusable = |detail: String| VisionError::Sidecar {
            model: MODEL,
            detail,
        };
        let sidecar: VerifierSidecar =
            serde_json::from_str(json).map_err(|source| VisionError::SidecarSyntax {
                model: MODEL,
                source,
            })?;
        if sidecar.classes != CROP_CLASSES {
            return Err(unusable(format!(
                "classes {:?}, expected {CROP_CLASSES:?}",
                sidecar.classes
            )));
        }
        if sidecar.page_labels != LABEL_NAMES {
            return Err(unusable(format!(
                "page labels {:?}, expected {LABEL_NAMES:?}",
                sidecar.page_labels
            )));
        }
        if sidecar.crop.side == 0 || sidecar.page.side == 0 || sidecar.crop.context <= 0.0 {
            return Err(unusable(format!("geometry {sidecar:?}")));
        }
        if sidecar.thresholds.complete().is_none() {
            return Err(unusable("a label has no threshold".into()));
        }
        Ok(sidecar)
    }
}

/// A region stage 1 nominates: its peak logit and its blob in original pixels `[x, y, w, h]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    /// Stage-1 logit at the blob's peak.
    pub logit: f32,
    /// The blob, `[x, y, w, h]` in original pixels.
    pub bbox: [u32; 4],
}

/// The strongest candidates of one label from all passes: strongest first, without near
/// duplicates, at most `per_label`.
pub fn select_candidates(mut found: Vec<Candidate>, params: &CandidateParams) -> Vec<Candidate> {
    found.sort_by(|a, b| b.logit.total_cmp(&a.logit));
    let mut kept: Vec<Candidate> = Vec::with_capacity(params.per_label);
    for candidate in found {
        if kept.len() == params.per_label {
            break;
        }
        if kept
            .iter()
            .all(|k| iou(&candidate.bbox, &k.bbox) < params.nms_iou)
        {
            kept.push(candidate);
        }
    }
    kept
}

/// Intersection over union of two `[x, y, w, h]` boxes.
pub fn iou(a: &[u32; 4], b: &[u32; 4]) -> f32 {
    let (ax1, ay1, bx1, by1) = (a[0] + a[2], a[1] + a[3], b[0] + b[2], b[1] + b[3]);
    let iw = ax1.min(bx1).saturating_sub(a[0].max(b[0])) as f64;
    let ih = ay1.min(by1).saturating_sub(a[1].max(b[1])) as f64;
    let inter = iw * ih;
    if inter == 0.0 {
        return 0.0;
    }
    let union = (a[2] as f64 * a[3] as f64) + (b[2] as f64 * b[3] as f64) - inter;
    (inter / union) as f32
}

/// The square of original pixels a candidate is read in: centred on its box, `context` times the
/// box's longer side, at least `min_side`. It may reach past the image (read as grey).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CropRegion {
    /// Left edge in original pixels (may be negative).
    pub x: i64,
    /// Top edge in original pixels (may be negative).
    pub y: i64,
    /// Side in original pixels.
    pub side: u32,
}

impl CropRegion {
    /// The region for a candidate box.
    pub fn around(bbox: [u32; 4], params: &CropParams) -> Self {
        let [x, y, w, h] = bbox.map(f64::from);
        let side = ((w.max(h) * params.context).round() as u32).max(params.min_side);
        let (cx, cy) = (x + w / 2.0, y + h / 2.0);
        CropRegion {
            x: (cx - side as f64 / 2.0).round() as i64,
            y: (cy - side as f64 / 2.0).round() as i64,
            side,
        }
    }
}

/// Writes the region as the verifier's `[3, side, side]` input (RGB in [0, 1], planar) into
/// `out`: the part inside the image resized onto its place, grey (0.5) around it.
pub fn crop_input(image: &RgbImage, region: CropRegion, side: u32, out: &mut [f32]) {
    out.fill(0.5);
    let (ow, oh) = (image.width() as i64, image.height() as i64);
    let s = region.side as i64;
    let (ix0, iy0) = (region.x.max(0), region.y.max(0));
    let (ix1, iy1) = ((region.x + s).min(ow), (region.y + s).min(oh));
    if ix1 <= ix0 || iy1 <= iy0 {
        return;
    }
    let f = side as f64 / region.side as f64;
    let to_out = |v: i64, origin: i64| ((v - origin) as f64 * f).round() as i64;
    let (dx0, dy0) = (to_out(ix0, region.x), to_out(iy0, region.y));
    let (dx1, dy1) = (to_out(ix1, region.x), to_out(iy1, region.y));
    let dw = (dx1 - dx0).max(1).min(side as i64 - dx0);
    let dh = (dy1 - dy0).max(1).min(side as i64 - dy0);
    if dw <= 0 || dh <= 0 {
        return;
    }
    let part = image::imageops::crop_imm(
        image,
        ix0 as u32,
        iy0 as u32,
        (ix1 - ix0) as u32,
        (iy1 - iy0) as u32,
    )
    .to_image();
    let part = resize(&part, dw as u32, dh as u32);
    let side = side as usize;
    paste_planar(&part, (dx0 as usize, dy0 as usize), (side, side), out);
}

/// Writes the whole image as the `[3, side, side]` page view into `out`: long side `side`,
/// top-left, grey padding.
pub fn page_input(image: &RgbImage, side: u32, out: &mut [f32]) {
    out.fill(0.5);
    let (ow, oh) = (image.width().max(1) as f64, image.height().max(1) as f64);
    let scale = side as f64 / ow.max(oh);
    let w = ((ow * scale).round() as u32).clamp(1, side);
    let h = ((oh * scale).round() as u32).clamp(1, side);
    if image.width() == 0 || image.height() == 0 {
        return;
    }
    let view = if (w, h) == image.dimensions() {
        image.clone()
    } else {
        resize(image, w, h)
    };
    paste_planar(&view, (0, 0), (side as usize, side as usize), out);
}

/// What the verifier makes of one image.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdicts {
    /// Per label (emblem, certificate, seal): the verifier's probability (see `combine`).
    pub scores: [f32; 3],
    /// Per label: the candidate whose crop gave that probability (`None`: the page view did).
    pub best_candidate: [Option<usize>; 3],
    /// The look-alike the verifier is surest of, with its probability.
    pub lookalike: Option<(&'static str, f32)>,
}

/// The cascade's score of a label: the mean of stage 1's logit and the verifier's, as a
/// probability (the geometric mean of their odds). Either stage alone separates real images less
/// well than both together (`docs/visual.md`); logits are clipped to ±13.8 (probabilities
/// 1e-6 from 0 or 1) so one certain stage cannot silence the other.
pub fn fused_score(stage1_logit: f32, verifier_probability: f32) -> f32 {
    const LIMIT: f64 = 13.8;
    let p = (verifier_probability as f64).clamp(1e-6, 1.0 - 1e-6);
    let verifier_logit = (p / (1.0 - p)).ln();
    let s1 = (stage1_logit as f64).clamp(-LIMIT, LIMIT);
    (1.0 / (1.0 + (-(s1 + verifier_logit) / 2.0).exp())) as f32
}

/// Runs the verifier model; one per worker thread, like the stage-1 session.
pub struct Verifier {
    session: Session,
    sidecar: VerifierSidecar,
}

impl Verifier {
    /// A verifier from an ONNX model in memory and its sidecar.
    pub fn new(session: Session, sidecar: VerifierSidecar) -> Self {
        Verifier { session, sidecar }
    }

    /// The sidecar in use.
    pub fn sidecar(&self) -> &VerifierSidecar {
        &self.sidecar
    }

    /// Reads every candidate's crop and the page view; candidates are given in the order their
    /// indexes in [`Verdicts::best_candidate`] refer to.
    pub fn verify(&mut self, image: &RgbImage, candidates: &[Candidate]) -> Result<Verdicts> {
        let crop = self.sidecar.crop;
        let plane = 3 * (crop.side * crop.side) as usize;
        let mut crops = vec![0.0f32; plane * candidates.len()];
        for (candidate, out) in candidates.iter().zip(crops.chunks_exact_mut(plane)) {
            let region = CropRegion::around(candidate.bbox, &crop);
            crop_input(image, region, crop.side, out);
        }
        let crop_probs = if candidates.is_empty() {
            Vec::new()
        } else {
            let shape = [candidates.len(), 3, crop.side as usize, crop.side as usize];
            self.run(shape, &crops)?.0
        };
        let side = self.sidecar.page.side;
        let mut page = vec![0.0f32; 3 * (side * side) as usize];
        page_input(image, side, &mut page);
        let (view, page_logits) = self.run([1, 3, side as usize, side as usize], &page)?;
        let page_probs: Vec<f32> = page_logits.iter().map(|&l| super::sigmoid(l)).collect();
        Ok(self.combine(&crop_probs, &view, &page_probs))
    }

    /// Verifier probabilities per label: for the emblem and the seal the strongest crop-head
    /// reading over the crops and the page view (the page head reads too little of a small
    /// object), for the certificate the page head.
    fn combine(&self, crops: &[f32], view: &[f32], page: &[f32]) -> Verdicts {
        let classes = CROP_CLASSES.len();
        let rows: Vec<&[f32]> = crops.chunks_exact(classes).chain([view]).collect();
        let best_of = |class: usize| -> (f32, Option<usize>) {
            let mut best = (f32::NEG_INFINITY, None);
            for (i, row) in rows.iter().enumerate() {
                if row[class] > best.0 {
                    best = (row[class], (i < rows.len() - 1).then_some(i));
                }
            }
            best
        };
        let (emblem, emblem_at) = best_of(EMBLEM);
        let (seal, seal_at) = best_of(SEAL);
        let lookalike = (FIRST_LOOKALIKE..classes)
            .map(|c| (c, rows.iter().map(|r| r[c]).fold(0.0f32, f32::max)))
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .filter(|(_, p)| *p >= self.sidecar.lookalike_min_score)
            .map(|(c, p)| (CROP_CLASSES[c], p));
        Verdicts {
            scores: [emblem, page[1], seal],
            best_candidate: [emblem_at, None, seal_at],
            lookalike,
        }
    }

    /// One model call: softmax of the crop head per row, and the page head's logits of row 0.
    fn run(&mut self, shape: [usize; 4], input: &[f32]) -> Result<(Vec<f32>, Vec<f32>)> {
        let run = |e| RuntimeError::Run(ort_error(e));
        let tensor = ort::value::TensorRef::from_array_view((shape, input)).map_err(run)?;
        let outputs = self.session.run(ort::inputs![tensor]).map_err(run)?;
        let output = |name: &str| {
            outputs.get(name).ok_or_else(|| VisionError::Output {
                model: "visual verifier",
                detail: format!("no output named {name}"),
            })
        };
        let (crop_shape, crop) = output("crop_logits")?
            .try_extract_tensor::<f32>()
            .map_err(run)?;
        let (_, page) = output("page_logits")?
            .try_extract_tensor::<f32>()
            .map_err(run)?;
        let classes = CROP_CLASSES.len();
        if crop_shape[..] != [shape[0] as i64, classes as i64] || page.len() < 3 {
            return Err(VisionError::Output {
                model: "visual verifier",
                detail: format!("crop logits of shape {crop_shape:?}"),
            });
        }
        let mut probs = crop.to_vec();
        probs.chunks_exact_mut(classes).for_each(softmax_in_place);
        Ok((probs, page[..3].to_vec()))
    }
}

fn softmax_in_place(row: &mut [f32]) {
    let max = row.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut sum = 0.0;
    for v in row.iter_mut() {
        *v = (*v - max).exp();
        sum += *v;
    }
    row.iter_mut().for_each(|v| *v /= sum);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params() -> CandidateParams {
        CandidateParams {
            nominate_logit: -3.0,
            per_label: 2,
            nms_iou: 0.3,
        }
    }

    #[test]
    fn candidates_are_strongest_first_without_near_duplicates() {
        let c = |logit, bbox| Candidate { logit, bbox };
        let found = vec![
            c(0.5, [0, 0, 10, 10]),
            c(2.0, [1, 1, 10, 10]),
            c(1.0, [50, 50, 10, 10]),
        ];
        let kept = select_candidates(found, &params());
        assert_eq!(kept, vec![c(2.0, [1, 1, 10, 10]), c(1.0, [50, 50, 10, 10])]);
    }

    #[test]
    fn iou_of_disjoint_identical_and_half_overlapping_boxes() {
        assert_eq!(iou(&[0, 0, 10, 10], &[20, 20, 5, 5]), 0.0);
        assert_eq!(iou(&[0, 0, 10, 10], &[0, 0, 10, 10]), 1.0);
        assert!((iou(&[0, 0, 10, 10], &[5, 0, 10, 10]) - 50.0 / 150.0).abs() < 1e-6);
    }

    #[test]
    fn crop_region_is_a_square_with_context_and_a_minimum_side() {
        let p = CropParams {
            side: 128,
            context: 1.6,
            min_side: 32,
        };
        let r = CropRegion::around([100, 100, 50, 20], &p);
        assert_eq!(
            r,
            CropRegion {
                x: 85,
                y: 70,
                side: 80
            }
        );
        let tiny = CropRegion::around([0, 0, 4, 4], &p);
        assert_eq!(
            tiny,
            CropRegion {
                x: -14,
                y: -14,
                side: 32
            }
        );
    }

    #[test]
    fn crop_outside_the_image_is_grey_and_inside_keeps_the_pixels() {
        let image = RgbImage::from_pixel(10, 10, image::Rgb([255, 0, 0]));
        let mut out = vec![0.0; 3 * 4 * 4];
        // the square covers x -10..10, y 0..20: the left and bottom halves are outside
        crop_input(
            &image,
            CropRegion {
                x: -10,
                y: 0,
                side: 20,
            },
            4,
            &mut out,
        );
        let red = &out[..16];
        assert_eq!(&red[0..4], &[0.5, 0.5, 1.0, 1.0]);
        assert_eq!(&red[12..16], &[0.5; 4]);
        let mut nothing = vec![0.0; 3 * 4 * 4];
        crop_input(
            &image,
            CropRegion {
                x: 50,
                y: 50,
                side: 20,
            },
            4,
            &mut nothing,
        );
        assert!(nothing.iter().all(|&v| v == 0.5));
    }

    #[test]
    fn page_view_keeps_the_aspect_top_left() {
        let image = RgbImage::from_pixel(20, 10, image::Rgb([0, 255, 0]));
        let mut out = vec![0.0; 3 * 8 * 8];
        page_input(&image, 8, &mut out);
        let green = &out[64..128];
        assert_eq!(&green[0..8], &[1.0; 8]); // first row: all image
        assert_eq!(&green[32..40], &[0.5; 8]); // row 4: padding
    }

    #[test]
    fn degenerate_images_give_grey_inputs_without_panicking() {
        let tall = RgbImage::from_pixel(1, 2000, image::Rgb([0, 0, 0]));
        let mut out = vec![0.0; 3 * 16 * 16];
        page_input(&tall, 16, &mut out);
        crop_input(
            &tall,
            CropRegion {
                x: -5,
                y: 3,
                side: 7,
            },
            16,
            &mut out,
        );
        let empty = RgbImage::new(0, 0);
        page_input(&empty, 16, &mut out);
        crop_input(
            &empty,
            CropRegion {
                x: 0,
                y: 0,
                side: 7,
            },
            16,
            &mut out,
        );
        assert!(out.iter().all(|&v| v == 0.5));
    }

    #[test]
    fn fused_score_is_the_mean_of_the_two_logits() {
        assert!((fused_score(0.0, 0.5) - 0.5).abs() < 1e-6);
        // logit 2 and probability sigmoid(4): mean logit 3
        let p4 = 1.0 / (1.0 + (-4.0f32).exp());
        assert!((fused_score(2.0, p4) - 1.0 / (1.0 + (-3.0f32).exp())).abs() < 1e-5);
        // a certain verifier cannot outvote a stage 1 that is as sure of the opposite
        assert!((fused_score(-50.0, 1.0) - 0.5).abs() < 0.01);
    }

    #[test]
    fn shipped_sidecar_parses_and_rejects_foreign_classes() {
        let sidecar = VerifierSidecar::parse(VERIFIER_SIDECAR).expect("shipped sidecar");
        assert_eq!(sidecar.crop.side, 128);
        assert!(VerifierSidecar::parse(&VERIFIER_SIDECAR.replace("bank_logo", "cat")).is_err());
    }
}
