//! Removing uniform borders before hashing, so that a re-post with a border added (or with its own
//! margin cut away) hashes like the original.
//!
//! PDQ hashes the whole frame: a border of 5% of the width moves every DCT coefficient, and the
//! copy lands about 100 bits away from the original (see `docs/dedup.md`). [`trim_bounds`] peels
//! off, from each edge inward, the rows and columns that are (almost) all the colour of that edge's
//! corner; [`pdq_hash_trimmed`] hashes what is left. Used on both sides (when an image enters the
//! bank and when an upload is looked up), a plain border or a uniform margin stops mattering.
//!
//! It does not help with crops into the picture itself, nor with frames that are not uniform
//! (a screenshot's app bars and text).

use std::borrow::Cow;

use image::{DynamicImage, GenericImageView, RgbImage};

use super::pdq::{PdqHash, pdq_hash};

/// Largest difference (in any channel, 0..=255) from the border colour that still counts as
/// border: JPEG noise and ringing near a border stay well within it.
const TOLERANCE: u8 = 32;
/// A row or column is border when at most this fraction of its pixels differ from the border colour.
const MAX_OFF_FRACTION: f64 = 0.01;
/// Trimming stops (nothing is trimmed) when less than this fraction of either side would remain:
/// such an image is mostly flat, and what is left is too small to stand for it.
const MIN_KEPT_FRACTION: f64 = 0.25;

/// The part of `image` left after removing uniform borders, as `(x, y, width, height)`; the
/// whole image when there is no border (or when trimming would leave less than a quarter of a
/// side). The top and left edges are compared with the top-left pixel's colour, the bottom and
/// right edges with the bottom-right pixel's; alpha is ignored, as in the hash.
pub fn trim_bounds(image: &DynamicImage) -> (u32, u32, u32, u32) {
    let (w, h) = image.dimensions();
    if w == 0 || h == 0 {
        return (0, 0, w, h);
    }
    let rgb: Cow<'_, RgbImage> = match image {
        DynamicImage::ImageRgb8(rgb) => Cow::Borrowed(rgb),
        other => Cow::Owned(other.to_rgb8()),
    };
    let close = |a: &image::Rgb<u8>, b: &image::Rgb<u8>| {
        a.0.iter().zip(b.0).all(|(x, y)| x.abs_diff(y) <= TOLERANCE)
    };
    // Whether the pixels given by `points` are (almost) all `colour`.
    let uniform = |colour: &image::Rgb<u8>, points: &mut dyn Iterator<Item = (u32, u32)>| {
        let (mut total, mut off) = (0usize, 0usize);
        for (x, y) in points {
            total += 1;
            off += usize::from(!close(rgb.get_pixel(x, y), colour));
        }
        off as f64 <= total as f64 * MAX_OFF_FRACTION
    };
    let first = *rgb.get_pixel(0, 0);
    let last = *rgb.get_pixel(w - 1, h - 1);
    let (mut left, mut top, mut right, mut bottom) = (0u32, 0u32, w, h); // [left, right) × [top, bottom)
    while top < bottom && uniform(&first, &mut (left..right).map(|x| (x, top))) {
        top += 1;
    }
    while bottom > top && uniform(&last, &mut (left..right).map(|x| (x, bottom - 1))) {
        bottom -= 1;
    }
    while left < right && uniform(&first, &mut (top..bottom).map(|y| (left, y))) {
        left += 1;
    }
    while right > left && uniform(&last, &mut (top..bottom).map(|y| (right - 1, y))) {
        right -= 1;
    }
    let (kept_w, kept_h) = (right - left, bottom - top);
    if f64::from(kept_w) < f64::from(w) * MIN_KEPT_FRACTION
        || f64::from(kept_h) < f64::from(h) * MIN_KEPT_FRACTION
    {
        return (0, 0, w, h);
    }
    (left, top, kept_w, kept_h)
}

/// The PDQ hash and quality of `image` after [`trim_bounds`]: the hash the near-duplicate bank
/// keeps and looks up. Never panics (degenerate sizes as in [`pdq_hash`]).
pub fn pdq_hash_trimmed(image: &DynamicImage) -> (PdqHash, u8) {
    let (x, y, w, h) = trim_bounds(image);
    if (w, h) == image.dimensions() {
        return pdq_hash(image);
    }
    pdq_hash(&image.crop_imm(x, y, w, h))
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{Rgb, RgbImage, Rgba, RgbaImage, imageops};

    fn picture(w: u32, h: u32) -> RgbImage {
        RgbImage::from_fn(w, h, |x, y| {
            let v = ((x * 13 + y * 7) % 200 + 30) as u8;
            Rgb([v, 255 - v, ((x / 10 + y / 10) % 2 * 200) as u8])
        })
    }

    fn bordered(inner: &RgbImage, b: u32, colour: Rgb<u8>) -> RgbImage {
        let mut canvas =
            RgbImage::from_pixel(inner.width() + 2 * b, inner.height() + 2 * b, colour);
        imageops::replace(&mut canvas, inner, i64::from(b), i64::from(b));
        canvas
    }

    #[test]
    fn a_uniform_border_is_removed() {
        let inner = picture(120, 80);
        for colour in [Rgb([255, 255, 255]), Rgb([0, 0, 0]), Rgb([200, 30, 30])] {
            let image = DynamicImage::ImageRgb8(bordered(&inner, 9, colour));
            assert_eq!(trim_bounds(&image), (9, 9, 120, 80));
            assert_eq!(
                pdq_hash_trimmed(&image),
                pdq_hash(&DynamicImage::ImageRgb8(inner.clone()))
            );
        }
    }

    #[test]
    fn uneven_borders_and_noise() {
        let inner = picture(100, 100);
        let mut canvas = RgbImage::from_pixel(130, 112, Rgb([250, 250, 250]));
        imageops::replace(&mut canvas, &inner, 20, 5);
        // A few noisy pixels in the border (under 1% of a line) do not stop the trim.
        canvas.put_pixel(60, 2, Rgb([0, 0, 0]));
        let image = DynamicImage::ImageRgb8(canvas);
        assert_eq!(trim_bounds(&image), (20, 5, 100, 100));
    }

    #[test]
    fn images_without_border_are_unchanged() {
        let image = DynamicImage::ImageRgb8(picture(64, 48));
        assert_eq!(trim_bounds(&image), (0, 0, 64, 48));
        assert_eq!(pdq_hash_trimmed(&image), pdq_hash(&image));
    }

    #[test]
    fn flat_and_degenerate_images_are_kept_whole() {
        for (w, h) in [(1, 1), (1, 500), (500, 1), (40, 40)] {
            let flat = DynamicImage::ImageRgb8(RgbImage::from_pixel(w, h, Rgb([9, 9, 9])));
            assert_eq!(trim_bounds(&flat), (0, 0, w, h));
            let _ = pdq_hash_trimmed(&flat);
        }
        // A small mark in a big flat field: trimming would keep too little.
        let mut mostly_flat = RgbImage::from_pixel(200, 200, Rgb([255, 255, 255]));
        mostly_flat.put_pixel(100, 100, Rgb([0, 0, 0]));
        assert_eq!(
            trim_bounds(&DynamicImage::ImageRgb8(mostly_flat)),
            (0, 0, 200, 200)
        );
        let clear = DynamicImage::ImageRgba8(RgbaImage::from_pixel(30, 30, Rgba([0, 0, 0, 0])));
        assert_eq!(trim_bounds(&clear), (0, 0, 30, 30));
    }
}
