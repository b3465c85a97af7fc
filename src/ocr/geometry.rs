//! Plane geometry of text boxes: minimum-area rectangles, corner order, reading order, offsets.
//!
//! Everything here is a pure function of its arguments, written to give the same answers as the
//! OpenCV / pyclipper / shapely calls RapidOCR 1.4.4 makes, so the boxes (and therefore the crops
//! the recogniser sees) match the reference.

/// A point `[x, y]` in pixels, x to the right, y down.
pub type Point = [f64; 2];

/// A text box: four corners `[x, y]` in pixels, clockwise from the top-left corner
/// (top-left, top-right, bottom-right, bottom-left).
pub type Quad = [[f32; 2]; 4];

/// A rotated rectangle: its corners in the order RapidOCR's `get_mini_boxes` gives them
/// (top-left, top-right, bottom-right, bottom-left), and the length of its shorter side.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MiniBox {
    /// The corners.
    pub corners: [Point; 4],
    /// Length of the shorter side.
    pub short_side: f64,
}

/// Convex hull of `points` (Andrew's monotone chain), counter-clockwise in y-up terms, without
/// repeated or collinear points.
pub fn convex_hull(points: &[Point]) -> Vec<Point> {
    let mut sorted: Vec<Point> = points.to_vec();
    sorted.sort_by(|a, b| a[0].total_cmp(&b[0]).then(a[1].total_cmp(&b[1])));
    sorted.dedup();
    if sorted.len() < 3 {
        return sorted;
    }
    let cross = |o: Point, a: Point, b: Point| {
        (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])
    };
    let mut hull: Vec<Point> = Vec::with_capacity(sorted.len() * 2);
    for pass in [
        &sorted[..],
        &sorted.iter().rev().copied().collect::<Vec<_>>()[..],
    ] {
        let start = hull.len();
        for &p in pass {
            while hull.len() >= start + 2
                && cross(hull[hull.len() - 2], hull[hull.len() - 1], p) <= 0.0
            {
                hull.pop();
            }
            hull.push(p);
        }
        hull.pop();
    }
    hull
}

/// The rectangle of least area enclosing `points` (rotating calipers over the convex hull), as
/// `cv2.minAreaRect` followed by `cv2.boxPoints`: four corners in no particular order, and the
/// side lengths. Degenerate inputs (fewer than three distinct points, or all collinear) give a
/// rectangle with a zero side.
pub fn min_area_rect(points: &[Point]) -> ([Point; 4], f64, f64) {
    let hull = convex_hull(points);
    match hull.len() {
        0 => ([[0.0; 2]; 4], 0.0, 0.0),
        1 => ([hull[0]; 4], 0.0, 0.0),
        2 => {
            let length = distance(hull[0], hull[1]);
            ([hull[0], hull[1], hull[1], hull[0]], length, 0.0)
        }
        n => {
            let mut best: Option<(f64, [Point; 4], f64, f64)> = None;
            for i in 0..n {
                let (a, b) = (hull[i], hull[(i + 1) % n]);
                let length = distance(a, b);
                if length == 0.0 {
                    continue;
                }
                let u = [(b[0] - a[0]) / length, (b[1] - a[1]) / length];
                let v = [-u[1], u[0]];
                let (mut u_min, mut u_max, mut v_min, mut v_max) =
                    (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
                for p in &hull {
                    let pu = p[0] * u[0] + p[1] * u[1];
                    let pv = p[0] * v[0] + p[1] * v[1];
                    u_min = u_min.min(pu);
                    u_max = u_max.max(pu);
                    v_min = v_min.min(pv);
                    v_max = v_max.max(pv);
                }
                let area = (u_max - u_min) * (v_max - v_min);
                if best
                    .as_ref()
                    .is_none_or(|(best_area, ..)| area < *best_area - 1e-9)
                {
                    let at = |s: f64, t: f64| [u[0] * s + v[0] * t, u[1] * s + v[1] * t];
                    let corners = [
                        at(u_min, v_min),
                        at(u_max, v_min),
                        at(u_max, v_max),
                        at(u_min, v_max),
                    ];
                    best = Some((area, corners, u_max - u_min, v_max - v_min));
                }
            }
            let (_, corners, w, h) = best.expect("a hull of three or more points has an edge");
            (corners.map(|c| c.map(snap)), w, h)
        }
    }
}

/// Removes floating-point noise from computed corners (an axis-aligned box on whole pixels must
/// give whole-pixel corners, as OpenCV's does, or floor/ceil later on moves it by a pixel).
fn snap(value: f64) -> f64 {
    let rounded = value.round();
    if (value - rounded).abs() < 1e-6 {
        rounded
    } else {
        value
    }
}

/// RapidOCR's `get_mini_boxes`: the minimum-area rectangle of `points`, corners ordered
/// top-left, top-right, bottom-right, bottom-left, and its shorter side.
pub fn mini_box(points: &[Point]) -> MiniBox {
    let (mut corners, w, h) = min_area_rect(points);
    // Python's sort is stable; so is this one.
    corners.sort_by(|a, b| a[0].total_cmp(&b[0]));
    let (i1, i4) = if corners[1][1] > corners[0][1] {
        (0, 1)
    } else {
        (1, 0)
    };
    let (i2, i3) = if corners[3][1] > corners[2][1] {
        (2, 3)
    } else {
        (3, 2)
    };
    MiniBox {
        corners: [corners[i1], corners[i2], corners[i3], corners[i4]],
        short_side: w.min(h),
    }
}

/// Euclidean distance between two points.
pub fn distance(a: Point, b: Point) -> f64 {
    (a[0] - b[0]).hypot(a[1] - b[1])
}

/// Area of a simple polygon (shoelace formula), always non-negative.
pub fn polygon_area(points: &[Point]) -> f64 {
    signed_area(points).abs()
}

/// Shoelace area, positive when the points turn clockwise on screen (y down).
fn signed_area(points: &[Point]) -> f64 {
    let n = points.len();
    (0..n)
        .map(|i| {
            let (a, b) = (points[i], points[(i + 1) % n]);
            a[0] * b[1] - b[0] * a[1]
        })
        .sum::<f64>()
        / 2.0
}

/// Perimeter of a closed polygon.
pub fn polygon_perimeter(points: &[Point]) -> f64 {
    let n = points.len();
    (0..n)
        .map(|i| distance(points[i], points[(i + 1) % n]))
        .sum()
}

/// DB "unclip": grows a text kernel's box outward by `area × ratio / perimeter` pixels, with
/// rounded corners, as RapidOCR does with `pyclipper.PyclipperOffset` (`JT_ROUND`,
/// `ET_CLOSEDPOLYGON`, arc tolerance 0.25). Returns the integer points of the grown polygon.
///
/// The emulation follows Clipper 6.4's `ClipperOffset::DoOffset` for a closed path, including
/// its truncation of the input to integer coordinates and its rounding of every output point,
/// so the minimum-area rectangle taken afterwards lands on the same pixels.
pub fn unclip(corners: &[Point; 4], ratio: f64) -> Vec<Point> {
    let perimeter = polygon_perimeter(corners);
    if perimeter == 0.0 {
        return corners.to_vec();
    }
    let delta = polygon_area(corners) * ratio / perimeter;
    // pyclipper converts coordinates to integers by truncation.
    let mut path: Vec<[i64; 2]> = corners.iter().map(|p| [p[0] as i64, p[1] as i64]).collect();
    path.dedup();
    while path.len() > 1 && path.first() == path.last() {
        path.pop();
    }
    if path.len() < 3 {
        return path.iter().map(|p| [p[0] as f64, p[1] as f64]).collect();
    }
    // Clipper orients outer paths so that its own Area() is non-negative before offsetting.
    if clipper_area(&path) < 0.0 {
        path.reverse();
    }
    offset_round(&path, delta)
}

/// Clipper's `Area`: the shoelace sum, sign convention as in clipper.cpp.
fn clipper_area(path: &[[i64; 2]]) -> f64 {
    let n = path.len();
    let mut a = 0.0;
    let mut j = n - 1;
    for i in 0..n {
        a += (path[j][0] as f64 + path[i][0] as f64) * (path[j][1] as f64 - path[i][1] as f64);
        j = i;
    }
    -a * 0.5
}

/// Clipper's `Round`: half away from zero.
fn clipper_round(value: f64) -> f64 {
    if value < 0.0 {
        (value - 0.5).trunc()
    } else {
        (value + 0.5).trunc()
    }
}

/// `ClipperOffset::DoOffset` for one closed path with round joins (delta > 0).
fn offset_round(path: &[[i64; 2]], delta: f64) -> Vec<Point> {
    const ARC_TOLERANCE: f64 = 0.25;
    let tolerance = if ARC_TOLERANCE > delta.abs() * ARC_TOLERANCE {
        delta.abs() * ARC_TOLERANCE
    } else {
        ARC_TOLERANCE
    };
    let mut steps = std::f64::consts::PI / (1.0 - tolerance / delta.abs()).acos();
    if steps > delta.abs() * std::f64::consts::PI {
        steps = delta.abs() * std::f64::consts::PI;
    }
    let two_pi = 2.0 * std::f64::consts::PI;
    let (sin, cos) = (two_pi / steps).sin_cos();
    let steps_per_rad = steps / two_pi;

    let n = path.len();
    let at = |i: usize| [path[i][0] as f64, path[i][1] as f64];
    let normals: Vec<Point> = (0..n)
        .map(|j| {
            let (a, b) = (at(j), at((j + 1) % n));
            let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
            if dx == 0.0 && dy == 0.0 {
                return [0.0, 0.0];
            }
            let f = 1.0 / (dx * dx + dy * dy).sqrt();
            [dy * f, -dx * f]
        })
        .collect();
    let push = |out: &mut Vec<Point>, p: Point, nx: f64, ny: f64| {
        out.push([
            clipper_round(p[0] + nx * delta),
            clipper_round(p[1] + ny * delta),
        ]);
    };

    let mut out = Vec::new();
    let mut k = n - 1;
    for j in 0..n {
        let p = at(j);
        let (nk, nj) = (normals[k], normals[j]);
        let mut sin_a = nk[0] * nj[1] - nj[0] * nk[1];
        let cos_a = nk[0] * nj[0] + nk[1] * nj[1];
        if (sin_a * delta).abs() < 1.0 && cos_a > 0.0 {
            push(&mut out, p, nk[0], nk[1]);
            k = j;
            continue;
        }
        sin_a = sin_a.clamp(-1.0, 1.0);
        if sin_a * delta < 0.0 {
            push(&mut out, p, nk[0], nk[1]);
            out.push(p);
            push(&mut out, p, nj[0], nj[1]);
        } else {
            let a = sin_a.atan2(cos_a);
            let arc_steps = (clipper_round(steps_per_rad * a.abs()) as i64).max(1);
            let (mut x, mut y) = (nk[0], nk[1]);
            for _ in 0..arc_steps {
                push(&mut out, p, x, y);
                let x2 = x;
                x = x * cos - sin * y;
                y = x2 * sin + y * cos;
            }
            push(&mut out, p, nj[0], nj[1]);
        }
        k = j;
    }
    out
}

/// RapidOCR's `order_points_clockwise`: the four corners as top-left, top-right, bottom-right,
/// bottom-left, from the two left-most and two right-most points.
pub fn order_points_clockwise(points: &[Point; 4]) -> [Point; 4] {
    let mut by_x = *points;
    // numpy's argsort (quicksort) is not stable; ties between two x values only swap points that
    // the y sort below puts in order anyway.
    by_x.sort_by(|a, b| a[0].total_cmp(&b[0]));
    let mut left = [by_x[0], by_x[1]];
    let mut right = [by_x[2], by_x[3]];
    left.sort_by(|a, b| a[1].total_cmp(&b[1]));
    right.sort_by(|a, b| a[1].total_cmp(&b[1]));
    [left[0], right[0], right[1], left[1]]
}

/// RapidOCR's `sorted_boxes`: top to bottom by the top-left corner, then left to right among
/// boxes whose top-left corners are less than 10 pixels apart vertically.
pub fn reading_order(boxes: &mut [Quad]) {
    boxes.sort_by(|a, b| {
        a[0][1]
            .total_cmp(&b[0][1])
            .then(a[0][0].total_cmp(&b[0][0]))
    });
    for i in 0..boxes.len().saturating_sub(1) {
        for j in (0..=i).rev() {
            let (upper, lower) = (boxes[j][0], boxes[j + 1][0]);
            if (lower[1] - upper[1]).abs() < 10.0 && lower[0] < upper[0] {
                boxes.swap(j, j + 1);
            } else {
                break;
            }
        }
    }
}

/// Size `(width, height)` of the crop cut out for `quad`, as RapidOCR's `get_rotate_crop_image`:
/// the longer of each pair of opposite sides, truncated to whole pixels.
pub fn crop_size(quad: &Quad) -> (u32, u32) {
    let p = quad.map(|c| [f64::from(c[0]), f64::from(c[1])]);
    let width = distance(p[0], p[1]).max(distance(p[2], p[3]));
    let height = distance(p[0], p[3]).max(distance(p[1], p[2]));
    (width as u32, height as u32)
}

/// A 3×3 projective transform, row-major, mapping `(x, y, 1)` to homogeneous coordinates.
pub type Homography = [[f64; 3]; 3];

/// The projective transform taking each `from[i]` to `to[i]` (`cv2.getPerspectiveTransform`).
/// `None` when three of the points are collinear.
pub fn perspective_transform(from: &[Point; 4], to: &[Point; 4]) -> Option<Homography> {
    // Unknowns h00 h01 h02 h10 h11 h12 h20 h21 (h22 = 1); two equations per point pair.
    let mut a = [[0.0f64; 9]; 8];
    for i in 0..4 {
        let ([x, y], [u, v]) = (from[i], to[i]);
        a[i] = [x, y, 1.0, 0.0, 0.0, 0.0, -x * u, -y * u, u];
        a[i + 4] = [0.0, 0.0, 0.0, x, y, 1.0, -x * v, -y * v, v];
    }
    let h = solve_linear(&mut a)?;
    Some([[h[0], h[1], h[2]], [h[3], h[4], h[5]], [h[6], h[7], 1.0]])
}

/// Solves the 8×8 system held as an augmented matrix (Gaussian elimination, partial pivoting).
fn solve_linear(a: &mut [[f64; 9]; 8]) -> Option<[f64; 8]> {
    for col in 0..8 {
        let pivot = (col..8).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        let pivot_row = a[col];
        for (row, values) in a.iter_mut().enumerate() {
            if row != col {
                let factor = values[col] / pivot_row[col];
                for (v, p) in values.iter_mut().zip(&pivot_row).skip(col) {
                    *v -= factor * p;
                }
            }
        }
    }
    let mut x = [0.0; 8];
    for (i, xi) in x.iter_mut().enumerate() {
        *xi = a[i][8] / a[i][i];
    }
    Some(x)
}

/// Applies `h` to `(x, y)`; `None` at the line at infinity.
pub fn apply_homography(h: &Homography, x: f64, y: f64) -> Option<Point> {
    let w = h[2][0] * x + h[2][1] * y + h[2][2];
    if w == 0.0 {
        return None;
    }
    Some([
        (h[0][0] * x + h[0][1] * y + h[0][2]) / w,
        (h[1][0] * x + h[1][1] * y + h[1][2]) / w,
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn approx(a: Point, b: Point) -> bool {
        (a[0] - b[0]).abs() < 1e-6 && (a[1] - b[1]).abs() < 1e-6
    }

    #[test]
    fn hull_drops_inner_and_collinear_points() {
        let pts = [
            [0.0, 0.0],
            [2.0, 0.0],
            [1.0, 0.0],
            [2.0, 2.0],
            [0.0, 2.0],
            [1.0, 1.0],
        ];
        let hull = convex_hull(&pts);
        assert_eq!(hull.len(), 4);
    }

    #[test]
    fn min_area_rect_of_axis_aligned_pixels() {
        let pts: Vec<Point> = (0..=10)
            .flat_map(|x| [[x as f64, 2.0], [x as f64, 5.0]])
            .collect();
        let mb = mini_box(&pts);
        assert_eq!(
            mb.corners,
            [[0.0, 2.0], [10.0, 2.0], [10.0, 5.0], [0.0, 5.0]]
        );
        assert_eq!(mb.short_side, 3.0);
    }

    #[test]
    fn min_area_rect_of_a_rotated_square() {
        let pts = [[5.0, 0.0], [10.0, 5.0], [5.0, 10.0], [0.0, 5.0]];
        let (corners, w, h) = min_area_rect(&pts);
        assert!((w * h - 50.0).abs() < 1e-9);
        for p in pts {
            assert!(corners.iter().any(|c| approx(*c, p)));
        }
    }

    #[test]
    fn degenerate_point_sets_have_a_zero_side() {
        assert_eq!(mini_box(&[[3.0, 3.0]]).short_side, 0.0);
        assert_eq!(
            mini_box(&[[0.0, 0.0], [4.0, 0.0], [8.0, 0.0]]).short_side,
            0.0
        );
    }

    #[test]
    fn unclip_grows_a_rectangle_by_area_ratio_over_perimeter() {
        // 100×10 box: area 1000, perimeter 220, distance 1000×1.5/220 ≈ 6.82 → 7 after rounding.
        let rect = [[10.0, 20.0], [110.0, 20.0], [110.0, 30.0], [10.0, 30.0]];
        let grown = unclip(&rect, 1.5);
        let mb = mini_box(&grown);
        assert_eq!(
            mb.corners,
            [[3.0, 13.0], [117.0, 13.0], [117.0, 37.0], [3.0, 37.0]]
        );
    }

    #[test]
    fn unclip_ignores_corner_order() {
        let cw = [[10.0, 20.0], [110.0, 20.0], [110.0, 30.0], [10.0, 30.0]];
        let ccw = [cw[0], cw[3], cw[2], cw[1]];
        assert_eq!(mini_box(&unclip(&cw, 1.6)), mini_box(&unclip(&ccw, 1.6)));
    }

    #[test]
    fn unclip_truncates_input_like_pyclipper() {
        let a = [[10.9, 20.9], [110.9, 20.9], [110.9, 30.9], [10.9, 30.9]];
        let b = [[10.0, 20.0], [110.0, 20.0], [110.0, 30.0], [10.0, 30.0]];
        // Same integer input, only the distance differs slightly (same rounded offset).
        assert_eq!(mini_box(&unclip(&a, 1.6)), mini_box(&unclip(&b, 1.6)));
    }

    #[test]
    fn orders_corners_clockwise_from_top_left() {
        let pts = [[10.0, 10.0], [0.0, 0.0], [0.0, 10.0], [10.0, 0.0]];
        assert_eq!(
            order_points_clockwise(&pts),
            [[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]]
        );
    }

    fn at(x: f32, y: f32) -> Quad {
        [[x, y], [x + 5.0, y], [x + 5.0, y + 5.0], [x, y + 5.0]]
    }

    #[test]
    fn reading_order_is_rows_then_columns() {
        let mut boxes = vec![
            at(50.0, 102.0),
            at(0.0, 100.0),
            at(0.0, 0.0),
            at(30.0, 105.0),
        ];
        reading_order(&mut boxes);
        let xs: Vec<f32> = boxes.iter().map(|b| b[0][0]).collect();
        let ys: Vec<f32> = boxes.iter().map(|b| b[0][1]).collect();
        assert_eq!(xs, [0.0, 0.0, 30.0, 50.0]);
        assert_eq!(ys, [0.0, 100.0, 105.0, 102.0]);
    }

    #[test]
    fn reading_order_keeps_rows_ten_pixels_apart() {
        let mut boxes = vec![at(50.0, 0.0), at(0.0, 10.0)];
        reading_order(&mut boxes);
        assert_eq!(boxes[0][0], [50.0, 0.0]);
    }

    #[test]
    fn crop_size_takes_longer_sides_truncated() {
        let quad = [[0.0, 0.0], [10.7, 0.0], [10.0, 4.9], [0.0, 4.0]];
        assert_eq!(crop_size(&quad), (10, 4));
    }

    #[test]
    fn perspective_transform_maps_the_corners() {
        let from = [[0.0, 0.0], [10.0, 0.0], [10.0, 5.0], [0.0, 5.0]];
        let to = [[3.0, 4.0], [13.0, 6.0], [12.0, 11.0], [2.0, 9.0]];
        let h = perspective_transform(&from, &to).unwrap();
        for (f, t) in from.iter().zip(&to) {
            assert!(approx(apply_homography(&h, f[0], f[1]).unwrap(), *t));
        }
        let collinear = [[0.0, 0.0], [1.0, 0.0], [2.0, 0.0], [3.0, 0.0]];
        assert!(perspective_transform(&collinear, &to).is_none());
    }
}
