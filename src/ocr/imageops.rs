//! Pixel operations with OpenCV's arithmetic: bilinear resize, cubic perspective crop, rotation.
//!
//! The recogniser is sensitive to the exact pixels it is given; RapidOCR resizes with
//! `cv2.resize(INTER_LINEAR)` (no antialiasing, half-pixel centres, 11-bit fixed-point weights)
//! and crops with `cv2.warpPerspective(INTER_CUBIC, BORDER_REPLICATE)`. The `image` crate's
//! filters antialias when shrinking, which changes what the models see, so these are written out.

use image::{Rgb, RgbImage};

use super::geometry::{Homography, apply_homography};

/// Fixed-point scale of OpenCV's resize weights (`INTER_RESIZE_COEF_BITS` = 11).
const RESIZE_ONE: i32 = 1 << 11;

/// Per-output-column (or row) source index and fixed-point weights, as OpenCV computes them.
fn linear_taps(src_len: u32, dst_len: u32) -> Vec<(usize, i32, i32)> {
    let scale = f64::from(src_len) / f64::from(dst_len);
    (0..dst_len)
        .map(|d| {
            let f = ((f64::from(d) + 0.5) * scale - 0.5) as f32;
            let mut s = f.floor() as i64;
            let mut frac = f - s as f32;
            if s < 0 {
                s = 0;
                frac = 0.0;
            }
            if s >= i64::from(src_len) - 1 {
                s = i64::from(src_len) - 1;
                frac = 0.0;
            }
            let a1 = (frac * RESIZE_ONE as f32).round() as i32;
            let a0 = ((1.0 - frac) * RESIZE_ONE as f32).round() as i32;
            (s as usize, a0, a1)
        })
        .collect()
}

/// `cv2.resize(image, (width, height), interpolation=INTER_LINEAR)` for 8-bit RGB.
///
/// Same size returns a copy; an empty source or target gives a black image of the target size.
pub fn resize_linear(src: &RgbImage, width: u32, height: u32) -> RgbImage {
    if src.dimensions() == (width, height) {
        return src.clone();
    }
    if width == 0 || height == 0 || src.width() == 0 || src.height() == 0 {
        // Nothing to sample from or nothing to fill: black, as padding is.
        return RgbImage::new(width, height);
    }
    let (sw, sh) = src.dimensions();
    let xtaps = linear_taps(sw, width);
    let ytaps = linear_taps(sh, height);
    let raw = src.as_raw();
    let row_len = sw as usize * 3;
    // Horizontal pass for one source row, into 32-bit fixed point (weights sum to 2048).
    let horizontal = |y: usize, out: &mut Vec<i32>| {
        out.clear();
        let row = &raw[y * row_len..(y + 1) * row_len];
        for &(sx, a0, a1) in &xtaps {
            let next = (sx + 1).min(sw as usize - 1);
            for c in 0..3 {
                let v0 = i32::from(row[sx * 3 + c]);
                let v1 = i32::from(row[next * 3 + c]);
                out.push(v0 * a0 + v1 * a1);
            }
        }
    };
    let mut out = Vec::with_capacity(width as usize * height as usize * 3);
    let (mut row0, mut row1) = (Vec::new(), Vec::new());
    let mut cached: (Option<usize>, Option<usize>) = (None, None);
    for &(sy, b0, b1) in &ytaps {
        let next = (sy + 1).min(sh as usize - 1);
        if cached.0 != Some(sy) {
            if cached.1 == Some(sy) {
                std::mem::swap(&mut row0, &mut row1);
                cached.1 = cached.0;
            } else {
                horizontal(sy, &mut row0);
            }
            cached.0 = Some(sy);
        }
        if cached.1 != Some(next) {
            horizontal(next, &mut row1);
            cached.1 = Some(next);
        }
        for (&d0, &d1) in row0.iter().zip(&row1) {
            // OpenCV's SIMD vertical pass: 16-bit multiply-high on values pre-shifted by 4.
            let v = (((b0 * (d0 >> 4)) >> 16) + ((b1 * (d1 >> 4)) >> 16) + 2) >> 2;
            out.push(v.clamp(0, 255) as u8);
        }
    }
    RgbImage::from_raw(width, height, out).expect("buffer sized for the image")
}

/// OpenCV's bicubic weights (`A = -0.75`) for a fractional offset `x` in `[0, 1)`.
fn cubic_weights(x: f32) -> [f32; 4] {
    const A: f32 = -0.75;
    let c0 = ((A * (x + 1.0) - 5.0 * A) * (x + 1.0) + 8.0 * A) * (x + 1.0) - 4.0 * A;
    let c1 = ((A + 2.0) * x - (A + 3.0)) * x * x + 1.0;
    let c2 = ((A + 2.0) * (1.0 - x) - (A + 3.0)) * (1.0 - x) * (1.0 - x) + 1.0;
    [c0, c1, c2, 1.0 - c0 - c1 - c2]
}

/// Sub-pixel positions are quantised to 1/32 pixel, as OpenCV's remap tables are.
const INTER_TAB_SIZE: f64 = 32.0;

/// `cv2.warpPerspective(src, M, (width, height), flags=INTER_CUBIC, borderMode=BORDER_REPLICATE)`
/// where `dst_to_src` is the inverse of `M` (it maps output pixels to source positions).
pub fn warp_perspective_cubic(
    src: &RgbImage,
    dst_to_src: &Homography,
    width: u32,
    height: u32,
) -> RgbImage {
    let (sw, sh) = (src.width() as i64, src.height() as i64);
    let clamp_x = |x: i64| x.clamp(0, sw - 1) as u32;
    let clamp_y = |y: i64| y.clamp(0, sh - 1) as u32;
    RgbImage::from_fn(width, height, |x, y| {
        let Some([fx, fy]) = apply_homography(dst_to_src, f64::from(x), f64::from(y)) else {
            return *src.get_pixel(0, 0);
        };
        let qx = (fx * INTER_TAB_SIZE)
            .round()
            .clamp(i32::MIN as f64, i32::MAX as f64) as i64;
        let qy = (fy * INTER_TAB_SIZE)
            .round()
            .clamp(i32::MIN as f64, i32::MAX as f64) as i64;
        let (ix, iy) = (qx >> 5, qy >> 5);
        let wx = cubic_weights((qx & 31) as f32 / 32.0);
        let wy = cubic_weights((qy & 31) as f32 / 32.0);
        let mut acc = [0f32; 3];
        for (j, wyj) in wy.iter().enumerate() {
            let sy = clamp_y(iy - 1 + j as i64);
            for (i, wxi) in wx.iter().enumerate() {
                let p = src.get_pixel(clamp_x(ix - 1 + i as i64), sy);
                let w = wxi * wyj;
                for c in 0..3 {
                    acc[c] += w * f32::from(p[c]);
                }
            }
        }
        Rgb(acc.map(|v| v.round().clamp(0.0, 255.0) as u8))
    })
}

/// Pads `image` with `top` and `bottom` rows of black, as RapidOCR's `add_round_letterbox`.
pub fn pad_vertically(image: &RgbImage, top: u32, bottom: u32) -> RgbImage {
    let mut out = RgbImage::new(image.width(), image.height() + top + bottom);
    image::imageops::replace(&mut out, image, 0, i64::from(top));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ocr::geometry::perspective_transform;

    fn gradient(w: u32, h: u32) -> RgbImage {
        RgbImage::from_fn(w, h, |x, y| Rgb([(x * 10) as u8, (y * 10) as u8, 100]))
    }

    #[test]
    fn resize_to_same_size_is_a_copy() {
        let img = gradient(5, 4);
        assert_eq!(resize_linear(&img, 5, 4), img);
        // degenerate sizes give an image of the asked size, never a panic
        assert_eq!(resize_linear(&img, 0, 3).dimensions(), (0, 3));
        assert_eq!(
            resize_linear(&RgbImage::new(0, 4), 6, 2).dimensions(),
            (6, 2)
        );
    }

    #[test]
    fn upscale_by_two_interpolates_half_pixels() {
        let img = RgbImage::from_fn(2, 1, |x, _| Rgb([if x == 0 { 0 } else { 200 }; 3]));
        let up = resize_linear(&img, 4, 1);
        // Output centres at source x = -0.25, 0.25, 0.75, 1.25 → 0, 50, 150, 200.
        let row: Vec<u8> = up.pixels().map(|p| p[0]).collect();
        assert_eq!(row, [0, 50, 150, 200]);
    }

    #[test]
    fn downscale_by_two_averages_pairs() {
        let img = RgbImage::from_fn(4, 2, |x, _| Rgb([(x * 40) as u8; 3]));
        let down = resize_linear(&img, 2, 1);
        let row: Vec<u8> = down.pixels().map(|p| p[0]).collect();
        assert_eq!(row, [20, 100]);
    }

    #[test]
    fn cubic_weights_sum_to_one_and_interpolate_at_zero() {
        assert_eq!(cubic_weights(0.0), [0.0, 1.0, 0.0, 0.0]);
        let w = cubic_weights(0.3);
        assert!((w.iter().sum::<f32>() - 1.0).abs() < 1e-6);
    }

    #[test]
    fn warp_by_whole_pixel_translation_copies_exactly() {
        let img = gradient(10, 8);
        let dst = [[0.0, 0.0], [4.0, 0.0], [4.0, 3.0], [0.0, 3.0]];
        let src = [[2.0, 1.0], [6.0, 1.0], [6.0, 4.0], [2.0, 4.0]];
        let h = perspective_transform(&dst, &src).unwrap();
        let out = warp_perspective_cubic(&img, &h, 4, 3);
        for (x, y, p) in out.enumerate_pixels() {
            assert_eq!(p, img.get_pixel(x + 2, y + 1));
        }
    }

    #[test]
    fn warp_replicates_the_border() {
        let img = gradient(3, 3);
        let dst = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]];
        let src = [[-5.0, -5.0], [-4.0, -5.0], [-4.0, -4.0], [-5.0, -4.0]];
        let h = perspective_transform(&dst, &src).unwrap();
        let out = warp_perspective_cubic(&img, &h, 1, 1);
        assert_eq!(out.get_pixel(0, 0), img.get_pixel(0, 0));
    }

    #[test]
    fn letterbox_pads_with_black() {
        let img = RgbImage::from_pixel(2, 1, Rgb([9, 9, 9]));
        let padded = pad_vertically(&img, 2, 2);
        assert_eq!(padded.dimensions(), (2, 5));
        assert_eq!(padded.get_pixel(0, 0).0, [0, 0, 0]);
        assert_eq!(padded.get_pixel(1, 2).0, [9, 9, 9]);
    }
}
