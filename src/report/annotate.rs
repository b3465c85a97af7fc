//! Annotated copies of scanned images for the review report: evidence boxes of the visual
//! classifier and the OCR lines, drawn with imageproc on a downscaled copy.

use std::path::{Path, PathBuf};

use image::{DynamicImage, Rgb, RgbImage};
use imageproc::drawing::{draw_hollow_polygon_mut, draw_hollow_rect_mut};
use imageproc::point::Point;
use imageproc::rect::Rect;

use super::ReportError;
use crate::scan::{ImageObserver, ImageResult};
use crate::vision::Label;

/// Colour of the national-emblem evidence box.
pub const EMBLEM_COLOUR: Rgb<u8> = Rgb([229, 57, 53]);
/// Colour of the certificate-layout evidence box.
pub const CERTIFICATE_COLOUR: Rgb<u8> = Rgb([30, 136, 229]);
/// Colour of the official-seal evidence box.
pub const SEAL_COLOUR: Rgb<u8> = Rgb([216, 27, 96]);
/// The colour of a label's evidence box (the HTML report and the review pages use the same).
pub fn label_colour(label: Label) -> Rgb<u8> {
    match label {
        Label::NationalEmblem => EMBLEM_COLOUR,
        Label::CertificateLayout => CERTIFICATE_COLOUR,
        Label::OfficialSeal => SEAL_COLOUR,
    }
}

/// Colour of OCR lines that matched a term.
pub const MATCHED_LINE_COLOUR: Rgb<u8> = Rgb([255, 143, 0]);
/// Colour of the other OCR lines.
pub const OTHER_LINE_COLOUR: Rgb<u8> = Rgb([120, 144, 156]);

/// Draws annotated images and thumbnails into a report folder, named by input sequence number.
pub struct Annotator {
    dir: PathBuf,
    max_side: u32,
    thumb_side: u32,
}

impl Annotator {
    /// Writes into `dir/images`; creates the folder.
    pub fn new(dir: &Path) -> std::io::Result<Self> {
        std::fs::create_dir_all(dir.join("images"))?;
        Ok(Annotator {
            dir: dir.to_path_buf(),
            max_side: 1280,
            thumb_side: 240,
        })
    }

    /// Path of the annotated image of input `seq`, relative to the report folder.
    pub fn image_name(seq: u64) -> String {
        format!("images/{seq:06}.jpg")
    }

    /// Path of the thumbnail of input `seq`, relative to the report folder.
    pub fn thumb_name(seq: u64) -> String {
        format!("images/{seq:06}_thumb.jpg")
    }

    fn save(
        &self,
        seq: u64,
        image: &DynamicImage,
        result: &ImageResult,
    ) -> Result<(), ReportError> {
        let annotated = annotate(image, result, self.max_side);
        save_jpeg(&annotated, &self.dir.join(Self::image_name(seq)))?;
        let thumb = DynamicImage::ImageRgb8(annotated)
            .thumbnail(self.thumb_side, self.thumb_side)
            .to_rgb8();
        save_jpeg(&thumb, &self.dir.join(Self::thumb_name(seq)))
    }
}

impl ImageObserver for Annotator {
    fn observe(&self, seq: u64, image: &DynamicImage, result: &ImageResult) {
        // A report image that cannot be written must not cost the scan result; say so and go on.
        if let Err(err) = self.save(seq, image, result) {
            eprintln!(
                "shanzhai: warning: cannot write the report image of {}: {}",
                result.path,
                crate::describe(&err)
            );
        }
    }
}

fn save_jpeg(image: &RgbImage, path: &Path) -> Result<(), ReportError> {
    let file = std::io::BufWriter::new(std::fs::File::create(path)?);
    image::codecs::jpeg::JpegEncoder::new_with_quality(file, 82).encode_image(image)?;
    Ok(())
}

/// A copy of `image` no larger than `max_side`, with the evidence drawn on it.
pub fn annotate(image: &DynamicImage, result: &ImageResult, max_side: u32) -> RgbImage {
    let scale = (max_side as f32 / image.width().max(image.height()).max(1) as f32).min(1.0);
    let mut canvas = if scale < 1.0 {
        image.resize(
            ((image.width() as f32 * scale).round() as u32).max(1),
            ((image.height() as f32 * scale).round() as u32).max(1),
            image::imageops::FilterType::Triangle,
        )
    } else {
        image.clone()
    }
    .to_rgb8();
    let matched: std::collections::HashSet<usize> = result.matches.iter().map(|m| m.line).collect();
    for (i, line) in result.ocr.iter().enumerate() {
        let (colour, width) = if matched.contains(&i) {
            (MATCHED_LINE_COLOUR, 3)
        } else {
            (OTHER_LINE_COLOUR, 1)
        };
        draw_quad(&mut canvas, &line.bbox, scale, colour, width);
    }
    if let Some(visual) = &result.visual {
        // The emblem last, on top: it is the box a reviewer looks for first.
        for label in [
            Label::CertificateLayout,
            Label::OfficialSeal,
            Label::NationalEmblem,
        ] {
            let score = visual.get(label);
            if let (true, Some(bbox)) = (score.detected, score.bbox) {
                draw_box(&mut canvas, bbox, scale, label_colour(label), 4);
            }
        }
    }
    canvas
}

/// Draws `bbox` (x, y, w, h in original pixels) `width` pixels thick, scaled by `scale`.
fn draw_box(canvas: &mut RgbImage, bbox: [u32; 4], scale: f32, colour: Rgb<u8>, width: i32) {
    let [x, y, w, h] = bbox.map(|v| (v as f32 * scale).round() as i32);
    for k in 0..width {
        let (rw, rh) = (w - 2 * k, h - 2 * k);
        if rw > 0 && rh > 0 {
            draw_hollow_rect_mut(
                canvas,
                Rect::at(x + k, y + k).of_size(rw as u32, rh as u32),
                colour,
            );
        }
    }
}

/// Draws a four-point OCR box, thickened by drawing shifted copies.
fn draw_quad(canvas: &mut RgbImage, quad: &[[f32; 2]; 4], scale: f32, colour: Rgb<u8>, width: i32) {
    for k in 0..width {
        let d = k as f32 - (width - 1) as f32 / 2.0;
        let points: Vec<Point<f32>> = quad
            .iter()
            .map(|[x, y]| Point::new(x * scale + d, y * scale + d))
            .collect();
        if points.windows(2).all(|w| w[0] != w[1]) && points[0] != points[3] {
            draw_hollow_polygon_mut(canvas, &points, colour);
        }
    }
}
