//! Meta's PDQ perceptual hash (256 bits), written from the published algorithm.
//!
//! The steps, as in the reference implementation (`pdq/cpp/hashing/pdqhashing.cpp` and
//! `pdq/cpp/downscaling/downscaling.cpp` in `facebook/ThreatExchange`):
//!
//! 1. **Luminance** `Y = 0.299 R + 0.587 G + 0.114 B` per pixel, in `f32` (grey images use the grey
//!    level; alpha is dropped, as the reference's Python port does with `convert("RGB")`).
//! 2. **Jarosz tent filter**: two rounds of a box filter along the rows and then along the columns,
//!    with window `ceil(dimension / 128)` (half of one 64th of the image, so that the two rounds
//!    together average one output cell's worth of pixels), and the reference's edge handling: the
//!    window is truncated at the edges and the mean is taken over what remains.
//! 3. **Decimation** to 64×64 by sampling the filtered image at cell centres,
//!    `floor((i + 0.5) * dimension / 64)`.
//! 4. **Quality**: the sum of the quantised absolute differences between neighbouring cells of the
//!    64×64 image, `|trunc((u - v) * 100 / 255)|`, divided by 90 and capped at 100.
//! 5. **DCT**: the 16×16 low-frequency block (frequencies 1..=16 in each direction, the DC term left
//!    out) of the 64×64 DCT-II, `D A Dᵀ` with `D[i][j] = sqrt(2/64) cos(π/128 (i+1)(2j+1))`.
//! 6. **Threshold**: bit `16 i + j` is set when coefficient `(i, j)` is greater than the median of
//!    the 256 coefficients (the 128th smallest, as the reference's Torben median returns).
//!
//! The hash prints as 64 hexadecimal digits in the reference's order: the 256-bit number whose bit
//! `k` is bit `k` of the hash, most significant digit first (so bits 255..=240, DCT row 15, come
//! first).
//!
//! Two deliberate differences from the reference *tools* (not the algorithm):
//! - The reference command-line tools first shrink images larger than 512 pixels a side with an
//!   off-the-shelf resize (the C++ tool squashes to 512×512 with nearest-neighbour sampling, the
//!   Python port keeps the aspect ratio with Pillow's `thumbnail`), because their filter is slow on
//!   large images. We hash every image at full resolution: the tent filter is itself the
//!   anti-aliasing downsample, and the two tools do not agree on that step anyway.
//! - The filter's row passes and column passes are linear operators along different axes, so they
//!   commute: we run both row passes first (keeping only the 64 sampled columns of each row), then
//!   both column passes on those 64 columns. The result is the reference's up to `f32` rounding
//!   (a test checks the DCT coefficients against a direct row/column/row/column implementation),
//!   and it needs one row of scratch plus 64 columns instead of two full-size float copies of the
//!   image.
//!
//! Images smaller than [`MIN_HASHABLE_DIM`] pixels on a side get the all-zero hash and quality 0,
//! as in the reference. PDQ's authors advise not to trust hashes of quality below about 50
//! ([`MIN_USEFUL_QUALITY`]): flat or nearly flat images all hash alike.

use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use image::DynamicImage;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Images narrower or shorter than this many pixels are not hashed (all-zero hash, quality 0),
/// as in the reference.
pub const MIN_HASHABLE_DIM: u32 = 5;

/// The quality below which the reference's authors advise discarding a hash: such images (flat
/// colour, faint gradients) have little structure, and unrelated ones hash close together.
pub const MIN_USEFUL_QUALITY: u8 = 50;

/// The reference's down-sampled size: the image is reduced to 64×64 before the DCT.
const DOWNSAMPLED: usize = 64;
/// The Jarosz filter's window divisor: the window is `ceil(dimension / (2 * 64))`.
const JAROSZ_WINDOW_DIVISOR: usize = 2 * DOWNSAMPLED;
/// Rounds of (rows, columns) box filtering in the tent filter.
const JAROSZ_PASSES: usize = 2;

/// A PDQ hash: 256 bits, compared by Hamming distance.
///
/// Stored as 32 bytes in the order of its hexadecimal form (byte 0 is the first two hex digits,
/// holding bits 255..=248). Serialises (serde) as its 64-digit lowercase hex string.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct PdqHash([u8; 32]);

/// Why a string is not a PDQ hash.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseHashError {
    /// The string is not 64 characters long.
    #[error("a PDQ hash is 64 hexadecimal digits, got {0} characters")]
    Length(usize),
    /// A character is not a hexadecimal digit.
    #[error("not a hexadecimal digit at position {position}: {found:?}")]
    Digit {
        /// Character offset of the bad character.
        position: usize,
        /// The character found there.
        found: char,
    },
}

impl PdqHash {
    /// The all-zero hash (what images too small to hash get).
    pub const ZERO: PdqHash = PdqHash([0; 32]);

    /// The hash from its 32 bytes, in the order of the hexadecimal form.
    pub const fn from_bytes(bytes: [u8; 32]) -> Self {
        PdqHash(bytes)
    }

    /// The 32 bytes, in the order of the hexadecimal form (byte 0 holds bits 255..=248).
    pub const fn to_bytes(self) -> [u8; 32] {
        self.0
    }

    /// The hash as four 64-bit words, most significant first (word 0 holds bits 255..=192).
    pub fn to_words(self) -> [u64; 4] {
        let mut words = [0u64; 4];
        for (word, chunk) in words.iter_mut().zip(self.0.chunks_exact(8)) {
            let mut bytes = [0u8; 8];
            bytes.copy_from_slice(chunk);
            *word = u64::from_be_bytes(bytes);
        }
        words
    }

    /// The hash from four 64-bit words, most significant first (the inverse of [`Self::to_words`]).
    pub fn from_words(words: [u64; 4]) -> Self {
        let mut bytes = [0u8; 32];
        for (chunk, word) in bytes.chunks_exact_mut(8).zip(words) {
            chunk.copy_from_slice(&word.to_be_bytes());
        }
        PdqHash(bytes)
    }

    /// Bit `k` (0..256) in the reference's numbering: bit `16 i + j` is set when DCT coefficient
    /// `(i, j)` is above the median. Panics if `k >= 256`.
    pub fn bit(&self, k: usize) -> bool {
        assert!(k < 256, "a PDQ hash has 256 bits, asked for bit {k}");
        self.0[31 - k / 8] >> (k % 8) & 1 == 1
    }

    fn set_bit(&mut self, k: usize) {
        self.0[31 - k / 8] |= 1 << (k % 8);
    }

    /// The number of set bits (128 for most images: the threshold is the median).
    pub fn count_ones(&self) -> u32 {
        self.0.iter().map(|b| b.count_ones()).sum()
    }

    /// The Hamming distance: the number of bits that differ (0..=256).
    pub fn hamming(&self, other: &PdqHash) -> u32 {
        let (a, b) = (self.to_words(), other.to_words());
        a.iter().zip(b).map(|(x, y)| (x ^ y).count_ones()).sum()
    }

    /// Same as [`Self::hamming`]: PDQ's distance is the Hamming distance.
    pub fn distance(&self, other: &PdqHash) -> u32 {
        self.hamming(other)
    }

    /// The 64-digit lowercase hexadecimal form (the reference's format).
    pub fn to_hex(&self) -> String {
        self.to_string()
    }

    /// Parses the 64-digit hexadecimal form (either case).
    pub fn from_hex(s: &str) -> Result<Self, ParseHashError> {
        let chars: Vec<char> = s.chars().collect();
        if chars.len() != 64 {
            return Err(ParseHashError::Length(chars.len()));
        }
        let mut bytes = [0u8; 32];
        for (position, &c) in chars.iter().enumerate() {
            let nibble =
                c.to_digit(16)
                    .ok_or(ParseHashError::Digit { position, found: c })? as u8;
            bytes[position / 2] |= if position.is_multiple_of(2) {
                nibble << 4
            } else {
                nibble
            };
        }
        Ok(PdqHash(bytes))
    }
}

impl fmt::Display for PdqHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for b in self.0 {
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for PdqHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PdqHash({self})")
    }
}

impl FromStr for PdqHash {
    type Err = ParseHashError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PdqHash::from_hex(s)
    }
}

impl Serialize for PdqHash {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PdqHash {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        PdqHash::from_hex(&s).map_err(serde::de::Error::custom)
    }
}

/// The hashes of the eight rotations and mirror images of one image, computed from a single pass
/// (the reference's "dihedral" hashes: the transforms are sign changes and a transpose of the DCT
/// block, so they cost almost nothing).
///
/// Each field is the hash the transformed image would have (up to the few bits that the
/// decimation's sampling grid, which is not symmetric, changes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DihedralHashes {
    /// The image as given.
    pub original: PdqHash,
    /// Rotated 90° (the reference's `rotate90`, counter-clockwise).
    pub rotate90: PdqHash,
    /// Rotated 180°.
    pub rotate180: PdqHash,
    /// Rotated 270° (the reference's `rotate270`, clockwise 90°).
    pub rotate270: PdqHash,
    /// Upside down (rows reversed; the reference's `flipx`).
    pub flip_x: PdqHash,
    /// Mirrored left to right (columns reversed; the reference's `flipy`).
    pub flip_y: PdqHash,
    /// Transposed about the main diagonal (the reference's `flipplus1`).
    pub flip_plus1: PdqHash,
    /// Transposed about the anti-diagonal (the reference's `flipminus1`).
    pub flip_minus1: PdqHash,
}

impl DihedralHashes {
    /// The eight hashes, in field order.
    pub fn all(&self) -> [PdqHash; 8] {
        [
            self.original,
            self.rotate90,
            self.rotate180,
            self.rotate270,
            self.flip_x,
            self.flip_y,
            self.flip_plus1,
            self.flip_minus1,
        ]
    }
}

/// The PDQ hash and quality (0..=100) of an image.
///
/// Never panics: images smaller than [`MIN_HASHABLE_DIM`] on a side give
/// ([`PdqHash::ZERO`], 0); a fully transparent image is hashed by its colour channels (alpha is
/// ignored, as in the reference), which usually makes it flat: quality 0.
pub fn pdq_hash(image: &DynamicImage) -> (PdqHash, u8) {
    match dct16(image) {
        Some((dct, quality)) => (bits_from_dct(&dct), quality),
        None => (PdqHash::ZERO, 0),
    }
}

/// The hashes of the image's eight rotations and mirror images, and its quality, from one pass
/// (see [`DihedralHashes`]). Degenerate images as in [`pdq_hash`]: all eight hashes zero.
pub fn pdq_hash_dihedral(image: &DynamicImage) -> (DihedralHashes, u8) {
    let Some((a, quality)) = dct16(image) else {
        let z = PdqHash::ZERO;
        let hashes = DihedralHashes {
            original: z,
            rotate90: z,
            rotate180: z,
            rotate270: z,
            flip_x: z,
            flip_y: z,
            flip_plus1: z,
            flip_minus1: z,
        };
        return (hashes, 0);
    };
    // Reversing the pixels along an axis multiplies the DCT coefficient of frequency u = i + 1 by
    // (-1)^u, so even indices change sign; rotations are a reversal plus a transpose.
    let odd = |k: usize| k % 2 == 1;
    let transform = |transpose: bool, sign: &dyn Fn(usize, usize) -> bool| {
        let mut b = [[0f32; 16]; 16];
        for (i, row) in a.iter().enumerate() {
            for (j, &v) in row.iter().enumerate() {
                let v = if sign(i, j) { v } else { -v };
                if transpose {
                    b[j][i] = v;
                } else {
                    b[i][j] = v;
                }
            }
        }
        bits_from_dct(&b)
    };
    let hashes = DihedralHashes {
        original: bits_from_dct(&a),
        rotate90: transform(true, &|_, j| odd(j)),
        rotate180: transform(false, &|i, j| !odd(i + j)),
        rotate270: transform(true, &|i, _| odd(i)),
        flip_x: transform(false, &|i, _| odd(i)),
        flip_y: transform(false, &|_, j| odd(j)),
        flip_plus1: transform(true, &|_, _| true),
        flip_minus1: transform(true, &|i, j| !odd(i + j)),
    };
    (hashes, quality)
}

/// The 16×16 DCT block and the quality, or `None` for an image too small to hash.
fn dct16(image: &DynamicImage) -> Option<([[f32; 16]; 16], u8)> {
    let cells = downsample(image)?;
    Some((dct64_to_16(&cells), quality(&cells)))
}

/// Luminance of one row of the image into `out` (its width long).
struct LumaRows<'a> {
    image: &'a DynamicImage,
    /// A converted copy for pixel formats other than 8-bit grey, RGB and RGBA.
    converted: Option<image::RgbImage>,
}

impl<'a> LumaRows<'a> {
    fn new(image: &'a DynamicImage) -> Self {
        let converted = match image {
            DynamicImage::ImageLuma8(_)
            | DynamicImage::ImageRgb8(_)
            | DynamicImage::ImageRgba8(_) => None,
            other => Some(other.to_rgb8()),
        };
        LumaRows { image, converted }
    }

    fn fill(&self, y: usize, out: &mut [f32]) {
        fn from_rgb(pixels: &[u8], channels: usize, out: &mut [f32]) {
            for (o, p) in out.iter_mut().zip(pixels.chunks_exact(channels)) {
                *o = LUMA_R * f32::from(p[0]) + LUMA_G * f32::from(p[1]) + LUMA_B * f32::from(p[2]);
            }
        }
        let w = out.len();
        if let Some(rgb) = &self.converted {
            return from_rgb(&rgb.as_raw()[y * w * 3..(y + 1) * w * 3], 3, out);
        }
        match self.image {
            DynamicImage::ImageLuma8(g) => {
                for (o, &p) in out.iter_mut().zip(&g.as_raw()[y * w..(y + 1) * w]) {
                    *o = f32::from(p);
                }
            }
            DynamicImage::ImageRgb8(rgb) => {
                from_rgb(&rgb.as_raw()[y * w * 3..(y + 1) * w * 3], 3, out)
            }
            DynamicImage::ImageRgba8(rgba) => {
                from_rgb(&rgba.as_raw()[y * w * 4..(y + 1) * w * 4], 4, out)
            }
            _ => unreachable!("other pixel formats are converted in LumaRows::new"),
        }
    }
}

const LUMA_R: f32 = 0.299;
const LUMA_G: f32 = 0.587;
const LUMA_B: f32 = 0.114;

/// The reference's Jarosz window: `ceil(dimension / 128)`, at least 1.
fn jarosz_window(dimension: usize) -> usize {
    dimension.div_ceil(JAROSZ_WINDOW_DIVISOR).max(1)
}

/// The reference's decimation: the input index sampled for output cell `i` of 64.
fn decimation_index(i: usize, dimension: usize) -> usize {
    (((i as f64 + 0.5) * dimension as f64) / DOWNSAMPLED as f64) as usize
}

/// The reference's 1-D box filter: `output[o]` is the mean of `input` over the window
/// `o - (w - h) ..= o + h - 1` (with `h = (w + 2) / 2`) truncated to the vector, computed as the
/// reference does with one running `f32` sum (add on the right, subtract on the left) so that the
/// rounding is the same.
fn box_1d(input: &[f32], output: &mut [f32], window: usize) {
    let len = input.len();
    debug_assert_eq!(len, output.len());
    if len == 0 {
        return;
    }
    let window = window.clamp(1, len);
    let half = (window + 2) / 2;
    let mut sum = 0f32;
    let mut count = 0usize;
    let (mut left, mut right, mut out) = (0usize, 0usize, 0usize);
    // Accumulate the first half window, no output yet.
    for _ in 0..half - 1 {
        sum += input[right];
        right += 1;
        count += 1;
    }
    // The window grows to full size while writing.
    for _ in 0..window - half + 1 {
        sum += input[right];
        right += 1;
        count += 1;
        output[out] = sum / count as f32;
        out += 1;
    }
    // Full window slides.
    for _ in 0..len - window {
        sum += input[right];
        sum -= input[left];
        right += 1;
        left += 1;
        output[out] = sum / count as f32;
        out += 1;
    }
    // The window shrinks at the far edge.
    for _ in 0..half - 1 {
        sum -= input[left];
        left += 1;
        count -= 1;
        output[out] = sum / count as f32;
        out += 1;
    }
}

/// The filtered and decimated 64×64 luminance (`cells[i][j]`, row `i`), or `None` when the image
/// is smaller than [`MIN_HASHABLE_DIM`].
fn downsample(image: &DynamicImage) -> Option<[[f32; 64]; 64]> {
    let (w, h) = (image.width() as usize, image.height() as usize);
    if w < MIN_HASHABLE_DIM as usize || h < MIN_HASHABLE_DIM as usize {
        return None;
    }
    let rows = LumaRows::new(image);
    let (window_along_rows, window_along_cols) = (jarosz_window(w), jarosz_window(h));
    let sampled_cols: Vec<usize> = (0..DOWNSAMPLED).map(|j| decimation_index(j, w)).collect();

    // Row passes, row by row; keep the 64 sampled columns, stored column-major (columns[j][y]).
    let mut columns = vec![0f32; DOWNSAMPLED * h];
    let mut a = vec![0f32; w];
    let mut b = vec![0f32; w];
    for y in 0..h {
        rows.fill(y, &mut a);
        for _ in 0..JAROSZ_PASSES {
            box_1d(&a, &mut b, window_along_rows);
            std::mem::swap(&mut a, &mut b);
        }
        for (j, &x) in sampled_cols.iter().enumerate() {
            columns[j * h + y] = a[x];
        }
    }

    // Column passes on the 64 kept columns, then sample 64 rows.
    let mut cells = [[0f32; 64]; 64];
    let sampled_rows: Vec<usize> = (0..DOWNSAMPLED).map(|i| decimation_index(i, h)).collect();
    let mut a = vec![0f32; h];
    let mut b = vec![0f32; h];
    for j in 0..DOWNSAMPLED {
        a.copy_from_slice(&columns[j * h..(j + 1) * h]);
        for _ in 0..JAROSZ_PASSES {
            box_1d(&a, &mut b, window_along_cols);
            std::mem::swap(&mut a, &mut b);
        }
        for (i, &y) in sampled_rows.iter().enumerate() {
            cells[i][j] = a[y];
        }
    }
    Some(cells)
}

/// The reference's quality heuristic over the 64×64 cells (0..=100).
fn quality(cells: &[[f32; 64]; 64]) -> u8 {
    let step = |u: f32, v: f32| (((u - v) * 100.0) / 255.0) as i32;
    let mut gradient_sum: i64 = 0;
    for (upper, lower) in cells.iter().zip(&cells[1..]) {
        for (&u, &v) in upper.iter().zip(lower) {
            gradient_sum += i64::from(step(u, v).abs());
        }
    }
    for row in cells {
        for pair in row.windows(2) {
            gradient_sum += i64::from(step(pair[0], pair[1]).abs());
        }
    }
    (gradient_sum / 90).min(100) as u8
}

/// Rows 1..=16 of the 64-point DCT-II matrix (row `i` here is frequency `i + 1`), scaled by
/// `sqrt(2 / 64)`, computed in `f64` and stored in `f32` as the reference does.
static DCT_MATRIX: LazyLock<[[f32; 64]; 16]> = LazyLock::new(|| {
    let scale = (2.0f64 / 64.0).sqrt();
    let mut d = [[0f32; 64]; 16];
    for (i, row) in d.iter_mut().enumerate() {
        for (j, v) in row.iter_mut().enumerate() {
            let angle =
                (std::f64::consts::PI / 2.0 / 64.0) * (i as f64 + 1.0) * (2.0 * j as f64 + 1.0);
            *v = (scale * angle.cos()) as f32;
        }
    }
    d
});

/// `B = D A Dᵀ`: the 16×16 low-frequency block of the 2-D DCT, summed in the reference's order.
fn dct64_to_16(a: &[[f32; 64]; 64]) -> [[f32; 16]; 16] {
    let d = &*DCT_MATRIX;
    let mut t = [[0f32; 64]; 16];
    for (i, t_row) in t.iter_mut().enumerate() {
        for (j, t_ij) in t_row.iter_mut().enumerate() {
            let mut sum = 0f32;
            for k in 0..DOWNSAMPLED {
                sum += d[i][k] * a[k][j];
            }
            *t_ij = sum;
        }
    }
    let mut b = [[0f32; 16]; 16];
    for (i, b_row) in b.iter_mut().enumerate() {
        for (j, b_ij) in b_row.iter_mut().enumerate() {
            let mut sum = 0f32;
            for k in 0..DOWNSAMPLED {
                sum += t[i][k] * d[j][k];
            }
            *b_ij = sum;
        }
    }
    b
}

/// Bit `16 i + j` set where coefficient `(i, j)` is above the median (the 128th smallest of 256,
/// the value the reference's Torben median returns).
fn bits_from_dct(b: &[[f32; 16]; 16]) -> PdqHash {
    let mut values: Vec<f32> = b.iter().flatten().copied().collect();
    let (_, &mut median, _) = values.select_nth_unstable_by(127, f32::total_cmp);
    let mut hash = PdqHash::ZERO;
    for (k, &v) in b.iter().flatten().enumerate() {
        if v > median {
            hash.set_bit(k);
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{GrayImage, Luma, Rgb, RgbImage, Rgba, RgbaImage};

    /// The reference's order of operations, full size: rows, columns, rows, columns over the whole
    /// image, then decimation. Used to check that the commuted, column-sampled version matches.
    fn reference_order_cells(image: &DynamicImage) -> [[f32; 64]; 64] {
        let (w, h) = (image.width() as usize, image.height() as usize);
        let rows = LumaRows::new(image);
        let mut buf1 = vec![0f32; w * h];
        for y in 0..h {
            rows.fill(y, &mut buf1[y * w..(y + 1) * w]);
        }
        let mut buf2 = vec![0f32; w * h];
        let (wr, wc) = (jarosz_window(w), jarosz_window(h));
        for _ in 0..JAROSZ_PASSES {
            for y in 0..h {
                box_1d(&buf1[y * w..(y + 1) * w], &mut buf2[y * w..(y + 1) * w], wr);
            }
            let (mut col_in, mut col_out) = (vec![0f32; h], vec![0f32; h]);
            for x in 0..w {
                for y in 0..h {
                    col_in[y] = buf2[y * w + x];
                }
                box_1d(&col_in, &mut col_out, wc);
                for y in 0..h {
                    buf1[y * w + x] = col_out[y];
                }
            }
        }
        let mut cells = [[0f32; 64]; 64];
        for (i, row) in cells.iter_mut().enumerate() {
            for (j, v) in row.iter_mut().enumerate() {
                *v = buf1[decimation_index(i, h) * w + decimation_index(j, w)];
            }
        }
        cells
    }

    /// A deterministic test picture with structure at several scales.
    fn pattern(w: u32, h: u32, seed: u32) -> DynamicImage {
        DynamicImage::ImageRgb8(RgbImage::from_fn(w, h, |x, y| {
            let r = ((x * 7 + y * 3 + seed * 11) % 256) as u8;
            let g = (((x / 9) ^ (y / 13)).wrapping_mul(37 + seed) % 256) as u8;
            let b = if (x / 17 + y / 23 + seed).is_multiple_of(2) {
                230
            } else {
                20
            };
            Rgb([r, g, b])
        }))
    }

    #[test]
    fn box_filter_matches_the_reference_windows() {
        // The reference's worked example: window 7 over 0..16 gives these sums before dividing.
        let input: Vec<f32> = (0..16).map(|v| v as f32).collect();
        let mut out = vec![0f32; 16];
        box_1d(&input, &mut out, 7);
        let sums = [
            6, 10, 15, 21, 28, 35, 42, 49, 56, 63, 70, 77, 84, 75, 65, 54,
        ];
        let counts = [4, 5, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 6, 5, 4];
        for k in 0..16 {
            assert_eq!(
                out[k],
                sums[k] as f32 / counts[k] as f32,
                "window 7, index {k}"
            );
        }
        // And window 8 (the even case).
        box_1d(&input, &mut out, 8);
        let sums = [
            10, 15, 21, 28, 36, 44, 52, 60, 68, 76, 84, 92, 84, 75, 65, 54,
        ];
        let counts = [5, 6, 7, 8, 8, 8, 8, 8, 8, 8, 8, 8, 7, 6, 5, 4];
        for k in 0..16 {
            assert_eq!(
                out[k],
                sums[k] as f32 / counts[k] as f32,
                "window 8, index {k}"
            );
        }
        // Window 1 is the identity; a window as long as the vector still fits.
        box_1d(&input, &mut out, 1);
        assert_eq!(out, input);
        box_1d(&input[..3], &mut out[..3], 3);
        assert_eq!(&out[..3], &[0.5, 1.0, 1.5]);
    }

    #[test]
    fn window_sizes_and_sampling_follow_the_reference() {
        assert_eq!(jarosz_window(1024), 8);
        assert_eq!(jarosz_window(1025), 9);
        assert_eq!(jarosz_window(256), 2);
        assert_eq!(jarosz_window(5), 1);
        assert_eq!(decimation_index(0, 256), 2);
        assert_eq!(decimation_index(63, 256), 254);
        assert_eq!(decimation_index(0, 64), 0);
        assert_eq!(decimation_index(63, 5), 4);
    }

    #[test]
    fn commuted_filter_matches_the_reference_order() {
        for (w, h, seed) in [
            (256, 256, 1),
            (401, 173, 2),
            (64, 64, 3),
            (9, 700, 4),
            (1500, 37, 5),
        ] {
            let image = pattern(w, h, seed);
            let fast = downsample(&image).unwrap();
            let slow = reference_order_cells(&image);
            for i in 0..64 {
                for j in 0..64 {
                    let (a, b) = (fast[i][j], slow[i][j]);
                    assert!(
                        (a - b).abs() <= 1e-3 * (1.0 + b.abs()),
                        "{w}x{h} cell ({i},{j}): {a} vs {b}"
                    );
                }
            }
            let (da, db) = (dct64_to_16(&fast), dct64_to_16(&slow));
            let hash_fast = bits_from_dct(&da);
            let hash_slow = bits_from_dct(&db);
            assert!(
                hash_fast.hamming(&hash_slow) <= 2,
                "{w}x{h}: {hash_fast} vs {hash_slow}"
            );
        }
    }

    #[test]
    fn hex_round_trip_and_bit_order() {
        let hex = "d8f8f0cce0f4a84f0e370a22028f67f0b36e2ed596623e1d33e6b39c4e9c9b22";
        let h: PdqHash = hex.parse().unwrap();
        assert_eq!(h.to_hex(), hex);
        assert_eq!(PdqHash::from_hex(&hex.to_uppercase()).unwrap(), h);
        assert_eq!(PdqHash::from_words(h.to_words()), h);
        assert_eq!(PdqHash::from_bytes(h.to_bytes()), h);
        // Bit 0 is the last digit's low bit (2 = 0b0010: bit 0 clear, bit 1 set); bit 255 the first
        // digit's high bit (d = 0b1101).
        assert!(!h.bit(0) && h.bit(1));
        assert!(h.bit(255) && h.bit(254) && !h.bit(253) && h.bit(252));
        let mut one = PdqHash::ZERO;
        one.set_bit(0);
        assert_eq!(one.to_hex(), format!("{}1", "0".repeat(63)));
        let mut top = PdqHash::ZERO;
        top.set_bit(255);
        assert_eq!(top.to_hex(), format!("8{}", "0".repeat(63)));
        // The reference's word layout: bit 16 w + b is bit b of the w-th 16-bit word, printed from
        // word 15 down to word 0.
        let mut word1 = PdqHash::ZERO;
        word1.set_bit(16 + 3);
        assert_eq!(&word1.to_hex()[56..], "00080000");

        assert_eq!(PdqHash::from_hex("abc"), Err(ParseHashError::Length(3)));
        let bad = format!("{}g", "0".repeat(63));
        assert_eq!(
            PdqHash::from_hex(&bad),
            Err(ParseHashError::Digit {
                position: 63,
                found: 'g'
            })
        );
        let wide = format!("{}é", "0".repeat(63));
        assert!(matches!(
            PdqHash::from_hex(&wide),
            Err(ParseHashError::Digit { position: 63, .. })
        ));
    }

    #[test]
    fn serde_is_the_hex_string() {
        let h: PdqHash = "0007001f003f003f007f00ff00ff00ff01ff01ff01ff03ff03ff03ff03ff03ff"
            .parse()
            .unwrap();
        let json = serde_json::to_string(&h).unwrap();
        assert_eq!(
            json,
            "\"0007001f003f003f007f00ff00ff00ff01ff01ff01ff03ff03ff03ff03ff03ff\""
        );
        assert_eq!(serde_json::from_str::<PdqHash>(&json).unwrap(), h);
        assert!(serde_json::from_str::<PdqHash>("\"00\"").is_err());
        assert!(serde_json::from_str::<PdqHash>("17").is_err());
    }

    #[test]
    fn distance_counts_differing_bits() {
        let a = PdqHash::ZERO;
        let all = PdqHash::from_bytes([0xff; 32]);
        assert_eq!(a.hamming(&a), 0);
        assert_eq!(a.hamming(&all), 256);
        assert_eq!(all.count_ones(), 256);
        let mut b = a;
        for k in [0, 63, 64, 200, 255] {
            b.set_bit(k);
        }
        assert_eq!(a.distance(&b), 5);
        assert_eq!(b.distance(&a), 5);
        assert_eq!(b.hamming(&all), 251);
    }

    #[test]
    fn hashes_have_half_their_bits_set() {
        let (h, q) = pdq_hash(&pattern(300, 200, 7));
        assert_eq!(h.count_ones(), 128);
        assert!(q > 50, "quality {q}");
    }

    #[test]
    fn degenerate_images_do_not_panic() {
        for (w, h) in [(1, 1), (1, 20000), (20000, 1), (4, 4), (4, 100), (100, 4)] {
            let image = DynamicImage::ImageRgb8(RgbImage::new(w, h));
            assert_eq!(pdq_hash(&image), (PdqHash::ZERO, 0), "{w}x{h}");
            assert_eq!(pdq_hash_dihedral(&image).0.original, PdqHash::ZERO);
        }
        // The smallest hashable size, and thin but hashable strips.
        for (w, h) in [(5, 5), (5, 20000), (20000, 5)] {
            let _ = pdq_hash(&pattern(w, h, 3));
        }
        // Fully transparent: hashed by its (black) colour channels, so flat.
        let clear = DynamicImage::ImageRgba8(RgbaImage::from_pixel(50, 40, Rgba([0, 0, 0, 0])));
        assert_eq!(pdq_hash(&clear).1, 0);
        // Flat grey and 16-bit images.
        let grey = DynamicImage::ImageLuma8(GrayImage::from_pixel(30, 30, Luma([128])));
        assert_eq!(pdq_hash(&grey).1, 0);
        let deep = DynamicImage::ImageRgb16(image::ImageBuffer::from_pixel(
            20,
            20,
            Rgb([65535u16, 0, 0]),
        ));
        assert_eq!(pdq_hash(&deep).1, 0);
    }

    #[test]
    fn grey_rgb_and_rgba_agree() {
        let rgb = pattern(120, 90, 9);
        let (h_rgb, q_rgb) = pdq_hash(&rgb);
        assert_eq!(
            pdq_hash(&DynamicImage::ImageRgba8(rgb.to_rgba8())),
            (h_rgb, q_rgb)
        );
        assert_eq!(
            pdq_hash(&DynamicImage::ImageRgb16(rgb.to_rgb16())),
            (h_rgb, q_rgb)
        );
        let grey = DynamicImage::ImageLuma8(rgb.to_luma8());
        let (h_grey, _) = pdq_hash(&grey);
        // image's grey conversion rounds the luminance to whole levels (and uses other weights).
        assert!(h_grey.hamming(&h_rgb) <= 16, "{}", h_grey.hamming(&h_rgb));
    }

    /// A smooth picture (low-frequency waves and a few blocks), like a photo or a poster.
    fn smooth(w: u32, h: u32) -> DynamicImage {
        DynamicImage::ImageRgb8(RgbImage::from_fn(w, h, |x, y| {
            let (fx, fy) = (x as f32 / w as f32, y as f32 / h as f32);
            let wave = (fx * 7.0 + fy * 3.0).sin() * (fy * 5.0 - fx * 2.0).cos();
            let block = if (0.2..0.45).contains(&fx) && (0.6..0.9).contains(&fy) {
                90.0
            } else {
                0.0
            };
            let v = (120.0 + 80.0 * wave + block).clamp(0.0, 255.0) as u8;
            Rgb([v, v / 2 + 40, 255 - v])
        }))
    }

    #[test]
    fn dihedral_hashes_match_transformed_images() {
        // 320 = 5 × 64 with an odd filter window (3): the sampling grid and the filter are symmetric,
        // so the transforms commute with hashing up to float rounding. (On other sizes the grid is
        // off by a fraction of a pixel after a reversal, and a few bits change; see the reference
        // vectors in tests/dedup_pdq.rs for a real photo.)
        let image = smooth(320, 320);
        let (dih, q) = pdq_hash_dihedral(&image);
        assert_eq!((dih.original, q), pdq_hash(&image));
        let cases = [
            ("rotate90", dih.rotate90, image.rotate270()),
            ("rotate180", dih.rotate180, image.rotate180()),
            ("rotate270", dih.rotate270, image.rotate90()),
            ("flip_x", dih.flip_x, image.flipv()),
            ("flip_y", dih.flip_y, image.fliph()),
            ("flip_plus1", dih.flip_plus1, image.rotate90().fliph()),
            ("flip_minus1", dih.flip_minus1, image.rotate90().flipv()),
        ];
        for (name, from_dct, transformed) in cases {
            let direct = pdq_hash(&transformed).0;
            let d = from_dct.hamming(&direct);
            assert!(d <= 2, "{name}: {d} bits from the transformed image's hash");
            assert!(
                from_dct.hamming(&dih.original) > 60,
                "{name} should differ from the original"
            );
        }
    }
}
