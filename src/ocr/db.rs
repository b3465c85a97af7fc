//! DB (Differentiable Binarization) post-processing: from the detector's probability map to
//! text boxes, as RapidOCR 1.4.4's `DBPostProcess` with `score_mode: fast`.
//!
//! Steps: threshold the map, dilate with a 2×2 kernel, trace the borders of the foreground
//! regions, take each border's minimum-area rectangle, drop it when its mean probability is below
//! the box threshold, grow it ("unclip"), take the grown polygon's minimum-area rectangle, scale
//! it back to the input image, order its corners clockwise and drop slivers.

use image::GrayImage;
use imageproc::contours::find_contours;

use super::geometry::{Point, Quad, distance, mini_box, order_points_clockwise, unclip};

/// Settings of the DB post-processing; see [`crate::ocr::OcrParams`] for their defaults.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DbSettings {
    /// Probability above which a pixel is text.
    pub threshold: f32,
    /// Mean probability a box needs to be kept.
    pub box_threshold: f32,
    /// At most this many regions are looked at.
    pub max_candidates: usize,
    /// How far boxes are grown: by `area × unclip_ratio / perimeter`.
    pub unclip_ratio: f64,
    /// Dilate the binary map with a 2×2 kernel first (joins characters split by a pixel).
    pub dilate: bool,
}

/// A probability map: `width × height` values in row-major order.
#[derive(Debug, Clone, Copy)]
pub struct ProbabilityMap<'a> {
    /// The values, `height` rows of `width`.
    pub values: &'a [f32],
    /// Width in pixels.
    pub width: usize,
    /// Height in pixels.
    pub height: usize,
}

impl ProbabilityMap<'_> {
    fn at(&self, x: usize, y: usize) -> f32 {
        self.values[y * self.width + x]
    }
}

/// Boxes found in `map`, in the coordinates of an image of `dest_width × dest_height` that the
/// map was computed from (after resizing), corners clockwise from top-left, in the order their
/// regions were found (not yet in reading order).
pub fn boxes_from_map(
    map: &ProbabilityMap,
    dest_width: u32,
    dest_height: u32,
    settings: &DbSettings,
) -> Vec<Quad> {
    let bitmap = binarize(map, settings.threshold, settings.dilate);
    let contours = find_contours::<i32>(&bitmap);
    let mut boxes = Vec::new();
    for contour in contours.iter().take(settings.max_candidates) {
        let points: Vec<Point> = contour
            .points
            .iter()
            .map(|p| [f64::from(p.x), f64::from(p.y)])
            .collect();
        let kernel = mini_box(&points);
        if kernel.short_side < 3.0 {
            continue;
        }
        if box_score_fast(map, &kernel.corners) < settings.box_threshold {
            continue;
        }
        let grown = mini_box(&unclip(&kernel.corners, settings.unclip_ratio));
        if grown.short_side < 5.0 {
            continue;
        }
        let scaled = scale_to_image(&grown.corners, map, dest_width, dest_height);
        if let Some(quad) = tidy_box(&scaled, dest_width, dest_height) {
            boxes.push(quad);
        }
    }
    boxes
}

/// `map > threshold`, then optionally `cv2.dilate` with a 2×2 kernel of ones (anchor at the
/// kernel centre (1, 1): a pixel is set when it or its left, upper or upper-left neighbour is).
pub fn binarize(map: &ProbabilityMap, threshold: f32, dilate: bool) -> GrayImage {
    let (w, h) = (map.width, map.height);
    let on = |x: usize, y: usize| map.at(x, y) > threshold;
    GrayImage::from_fn(w as u32, h as u32, |x, y| {
        let (x, y) = (x as usize, y as usize);
        let set = if dilate {
            on(x, y)
                || (x > 0 && on(x - 1, y))
                || (y > 0 && on(x, y - 1))
                || (x > 0 && y > 0 && on(x - 1, y - 1))
        } else {
            on(x, y)
        };
        image::Luma([if set { 255 } else { 0 }])
    })
}

/// Mean probability inside the box (RapidOCR's `box_score_fast`): the box's corners are
/// truncated to whole pixels and the polygon filled, boundary included, as `cv2.fillPoly` does.
pub fn box_score_fast(map: &ProbabilityMap, corners: &[Point; 4]) -> f32 {
    let (w, h) = (map.width as i64, map.height as i64);
    let clamp = |v: f64, hi: i64| (v as i64).clamp(0, hi - 1);
    let xs = corners.map(|c| c[0]);
    let ys = corners.map(|c| c[1]);
    let fold = |v: [f64; 4], f: fn(f64, f64) -> f64| v.into_iter().reduce(f).unwrap_or(0.0);
    let xmin = clamp(fold(xs, f64::min).floor(), w);
    let xmax = clamp(fold(xs, f64::max).ceil(), w);
    let ymin = clamp(fold(ys, f64::min).floor(), h);
    let ymax = clamp(fold(ys, f64::max).ceil(), h);
    // Box relative to the window, truncated like `astype(np.int32)`.
    let poly: Vec<[f64; 2]> = corners
        .iter()
        .map(|c| {
            [
                ((c[0] - xmin as f64) as i64) as f64,
                ((c[1] - ymin as f64) as i64) as f64,
            ]
        })
        .collect();
    let (mut sum, mut count) = (0f64, 0u64);
    for y in 0..=(ymax - ymin) {
        let Some((left, right)) = row_span(&poly, y as f64) else {
            continue;
        };
        let left = left.max(0);
        let right = right.min(xmax - xmin);
        for x in left..=right {
            sum += f64::from(map.at((x + xmin) as usize, (y + ymin) as usize));
            count += 1;
        }
    }
    if count == 0 {
        0.0
    } else {
        (sum / count as f64) as f32
    }
}

/// The whole-pixel x range a filled convex polygon covers on row `y`, boundary included.
fn row_span(poly: &[[f64; 2]], y: f64) -> Option<(i64, i64)> {
    let n = poly.len();
    let (mut lo, mut hi) = (f64::MAX, f64::MIN);
    for i in 0..n {
        let (a, b) = (poly[i], poly[(i + 1) % n]);
        let (y0, y1) = (a[1].min(b[1]), a[1].max(b[1]));
        if y < y0 || y > y1 {
            continue;
        }
        if a[1] == b[1] {
            lo = lo.min(a[0].min(b[0]));
            hi = hi.max(a[0].max(b[0]));
        } else {
            let x = a[0] + (y - a[1]) * (b[0] - a[0]) / (b[1] - a[1]);
            lo = lo.min(x);
            hi = hi.max(x);
        }
    }
    (lo <= hi).then(|| (lo.round() as i64, hi.round() as i64))
}

/// Scales corners from map coordinates to the image's, rounding half to even like `np.round`,
/// clipped to `[0, dest]`.
fn scale_to_image(
    corners: &[Point; 4],
    map: &ProbabilityMap,
    dest_width: u32,
    dest_height: u32,
) -> [Point; 4] {
    corners.map(|[x, y]| {
        let sx = (x / map.width as f64 * f64::from(dest_width)).round_ties_even();
        let sy = (y / map.height as f64 * f64::from(dest_height)).round_ties_even();
        [
            sx.clamp(0.0, f64::from(dest_width)),
            sy.clamp(0.0, f64::from(dest_height)),
        ]
    })
}

/// RapidOCR's `filter_tag_det_res` for one box: corners clockwise, clipped inside the image,
/// dropped when 3 pixels or less wide or high.
pub fn tidy_box(corners: &[Point; 4], width: u32, height: u32) -> Option<Quad> {
    let ordered = order_points_clockwise(corners);
    let clipped = ordered.map(|[x, y]| {
        [
            x.clamp(0.0, f64::from(width.saturating_sub(1))).trunc(),
            y.clamp(0.0, f64::from(height.saturating_sub(1))).trunc(),
        ]
    });
    let box_width = distance(clipped[0], clipped[1]) as i64;
    let box_height = distance(clipped[0], clipped[3]) as i64;
    if box_width <= 3 || box_height <= 3 {
        return None;
    }
    Some(clipped.map(|[x, y]| [x as f32, y as f32]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> DbSettings {
        DbSettings {
            threshold: 0.3,
            box_threshold: 0.5,
            max_candidates: 1000,
            unclip_ratio: 1.6,
            dilate: true,
        }
    }

    /// A `w × h` map, zero except for `value` inside the given inclusive rectangles.
    fn map_with(
        w: usize,
        h: usize,
        rects: &[(usize, usize, usize, usize)],
        value: f32,
    ) -> Vec<f32> {
        let mut v = vec![0.0; w * h];
        for &(x0, y0, x1, y1) in rects {
            for y in y0..=y1 {
                for x in x0..=x1 {
                    v[y * w + x] = value;
                }
            }
        }
        v
    }

    /// Boxes found in a `w` x `h` map holding `rects` at `value`, scaled to `dest`.
    fn boxes_in(
        (w, h): (usize, usize),
        rects: &[(usize, usize, usize, usize)],
        value: f32,
        dest: (u32, u32),
    ) -> Vec<Quad> {
        let values = map_with(w, h, rects, value);
        let map = ProbabilityMap {
            values: &values,
            width: w,
            height: h,
        };
        boxes_from_map(&map, dest.0, dest.1, &settings())
    }

    #[test]
    fn dilation_spreads_right_and_down() {
        let values = map_with(4, 4, &[(1, 1, 1, 1)], 0.9);
        let map = ProbabilityMap {
            values: &values,
            width: 4,
            height: 4,
        };
        let bitmap = binarize(&map, 0.3, true);
        let set: Vec<(u32, u32)> = bitmap
            .enumerate_pixels()
            .filter(|p| p.2[0] > 0)
            .map(|p| (p.0, p.1))
            .collect();
        assert_eq!(set, [(1, 1), (2, 1), (1, 2), (2, 2)]);
        assert_eq!(
            binarize(&map, 0.3, false)
                .pixels()
                .filter(|p| p[0] > 0)
                .count(),
            1
        );
    }

    #[test]
    fn one_text_region_gives_one_grown_box() {
        // Kernel x 10..=49, y 10..=17; dilation adds one pixel right and down: 41 × 9 points.
        let boxes = boxes_in((64, 32), &[(10, 10, 49, 17)], 0.9, (64, 32));
        assert_eq!(boxes.len(), 1);
        // Kernel box 10..50 × 10..18 (40 × 8): distance 320 × 1.6 / 96 ≈ 5.33 → 5.
        assert_eq!(
            boxes[0],
            [[5.0, 5.0], [55.0, 5.0], [55.0, 23.0], [5.0, 23.0]]
        );
    }

    #[test]
    fn boxes_scale_to_the_original_image() {
        let boxes = boxes_in((64, 32), &[(10, 10, 49, 17)], 0.9, (128, 64));
        assert_eq!(
            boxes[0],
            [[10.0, 10.0], [110.0, 10.0], [110.0, 46.0], [10.0, 46.0]]
        );
    }

    #[test]
    fn faint_regions_are_dropped_by_the_box_threshold() {
        assert!(boxes_in((64, 32), &[(10, 10, 49, 17)], 0.4, (64, 32)).is_empty());
    }

    #[test]
    fn specks_are_dropped_by_size() {
        assert!(boxes_in((64, 32), &[(10, 10, 11, 11)], 0.9, (64, 32)).is_empty());
    }

    #[test]
    fn two_separate_regions_give_two_boxes() {
        assert_eq!(
            boxes_in((64, 40), &[(5, 5, 30, 12), (5, 25, 50, 32)], 0.9, (64, 40)).len(),
            2
        );
    }

    #[test]
    fn box_score_averages_inside_the_filled_polygon() {
        let mut values = vec![0.0; 10 * 10];
        for y in 2..=4 {
            for x in 2..=6 {
                values[y * 10 + x] = 1.0;
            }
        }
        let map = ProbabilityMap {
            values: &values,
            width: 10,
            height: 10,
        };
        let inside = [[2.0, 2.0], [6.0, 2.0], [6.0, 4.0], [2.0, 4.0]];
        assert_eq!(box_score_fast(&map, &inside), 1.0);
        let wider = [[0.0, 2.0], [6.0, 2.0], [6.0, 4.0], [0.0, 4.0]];
        assert!((box_score_fast(&map, &wider) - 15.0 / 21.0).abs() < 1e-6);
    }

    #[test]
    fn tidy_box_clips_and_drops_slivers() {
        let quad = tidy_box(
            &[[-3.0, -2.0], [20.0, -2.0], [20.0, 9.0], [-3.0, 9.0]],
            15,
            8,
        )
        .unwrap();
        assert_eq!(quad, [[0.0, 0.0], [14.0, 0.0], [14.0, 7.0], [0.0, 7.0]]);
        assert!(tidy_box(&[[0.0, 0.0], [20.0, 0.0], [20.0, 3.0], [0.0, 3.0]], 50, 50).is_none());
    }
}
