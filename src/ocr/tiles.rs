//! Tiled detection: the detector run over overlapping tiles of a big input, and the tiles'
//! probability maps stitched into one map of the whole input.
//!
//! Why: the detector's working memory grows with its input (about 200 bytes per input pixel
//! for PP-OCRv4 det), and RapidOCR's resize rule blows a 1618 × 208 banner up to 5728 × 736.
//! One such image needs about 1 GB at once; tiles of at most [`TileLayout::max_side`] pixels a
//! side bound it whatever the image. The detector is fully convolutional, so a tile's output
//! away from its borders matches the whole-image output; each tile keeps only the part of its
//! map farther from its borders than from any neighbour's (the middle of each overlap is the
//! seam), and the overlap is wide enough that what the net sees past a seam barely matters.

/// How big inputs are cut into tiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TileLayout {
    /// Longest tile side in pixels (a multiple of 32); an input no longer than this on an axis
    /// is not cut along that axis. 0 disables tiling.
    pub max_side: u32,
    /// Least overlap between neighbouring tiles, in pixels.
    pub overlap: u32,
}

/// One tile's extent along an axis, and the part of the axis whose output it supplies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// First pixel the tile covers.
    pub start: u32,
    /// Pixels the tile covers (a multiple of 32 when the axis length is).
    pub len: u32,
    /// First pixel of the axis this tile's output is used for.
    pub keep_start: u32,
    /// One past the last pixel this tile's output is used for.
    pub keep_end: u32,
}

/// A tile of a 2-D input: its spans along x and y.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tile {
    /// Columns.
    pub x: Span,
    /// Rows.
    pub y: Span,
}

impl TileLayout {
    /// The tiles covering a `width × height` input, row by row; one tile (the whole input)
    /// when it fits.
    pub fn tiles(&self, width: u32, height: u32) -> Vec<Tile> {
        let columns = self.spans(width);
        let rows = self.spans(height);
        rows.iter()
            .flat_map(|&y| columns.iter().map(move |&x| Tile { x, y }))
            .collect()
    }

    /// Spans along an axis of `length` pixels: as few equal tiles as keep each within
    /// `max_side` with at least `overlap` between neighbours, starts on multiples of 32 (so
    /// every tile sees the pixel grid the whole-image run would), seams in the middle of each
    /// overlap.
    pub fn spans(&self, length: u32) -> Vec<Span> {
        let whole = Span {
            start: 0,
            len: length,
            keep_start: 0,
            keep_end: length,
        };
        if self.max_side == 0 || length <= self.max_side {
            return vec![whole];
        }
        // Starts are rounded down to multiples of 32, which can eat up to 31 pixels of an
        // overlap: plan with 32 more.
        let overlap = self.overlap + 32;
        let step = self.max_side.saturating_sub(overlap).max(32);
        let count = length.saturating_sub(overlap).div_ceil(step).max(2);
        let joined = length + (count - 1) * overlap;
        let len = round_up_32(joined.div_ceil(count)).min(length);
        let last_start = length - len;
        let starts: Vec<u32> = (0..count)
            .map(|i| {
                if i + 1 == count {
                    last_start
                } else {
                    (u64::from(last_start) * u64::from(i) / u64::from(count - 1)) as u32 / 32 * 32
                }
            })
            .collect();
        (0..count as usize)
            .map(|i| {
                let start = starts[i];
                let keep_start = if i == 0 {
                    0
                } else {
                    (start + starts[i - 1] + len) / 2
                };
                let keep_end = if i + 1 == count as usize {
                    length
                } else {
                    (starts[i + 1] + start + len) / 2
                };
                Span {
                    start,
                    len,
                    keep_start,
                    keep_end,
                }
            })
            .collect()
    }
}

fn round_up_32(x: u32) -> u32 {
    x.div_ceil(32) * 32
}

/// Runs `model` on each tile and assembles the outputs into one `width × height` map
/// (row-major). `model` gets the tile and returns its map, `tile.x.len × tile.y.len` values;
/// a map of another size is an error.
pub fn stitch<E>(
    width: u32,
    height: u32,
    tiles: &[Tile],
    mut model: impl FnMut(&Tile) -> Result<Vec<f32>, E>,
) -> Result<Vec<f32>, StitchError<E>> {
    let mut map = vec![0f32; width as usize * height as usize];
    for tile in tiles {
        let out = model(tile).map_err(StitchError::Model)?;
        let (tw, th) = (tile.x.len as usize, tile.y.len as usize);
        if out.len() != tw * th {
            return Err(StitchError::Size {
                expected: tw * th,
                got: out.len(),
            });
        }
        let columns = tile.x.keep_start as usize..tile.x.keep_end as usize;
        let from_x = columns.start - tile.x.start as usize;
        for y in tile.y.keep_start..tile.y.keep_end {
            let source_row = (y - tile.y.start) as usize * tw;
            let target_row = y as usize * width as usize;
            map[target_row + columns.start..target_row + columns.end]
                .copy_from_slice(&out[source_row + from_x..source_row + from_x + columns.len()]);
        }
    }
    Ok(map)
}

/// Why [`stitch`] failed.
#[derive(Debug, thiserror::Error)]
pub enum StitchError<E> {
    /// The model failed on a tile.
    #[error(transparent)]
    Model(E),
    /// The model's map for a tile has the wrong number of values.
    #[error("the detector returned {got} values for a tile of {expected} pixels")]
    Size {
        /// Pixels in the tile.
        expected: usize,
        /// Values returned.
        got: usize,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAYOUT: TileLayout = TileLayout {
        max_side: 1536,
        overlap: 384,
    };

    /// Every pixel of the axis is kept by exactly one span, inside that span.
    fn assert_partition(spans: &[Span], length: u32) {
        let mut next = 0;
        for s in spans {
            assert_eq!(s.keep_start, next, "{spans:?}");
            assert!(
                s.start <= s.keep_start && s.keep_end <= s.start + s.len,
                "{s:?}"
            );
            assert!(s.keep_start < s.keep_end);
            next = s.keep_end;
        }
        assert_eq!(next, length);
    }

    #[test]
    fn short_axes_are_not_cut() {
        let spans = LAYOUT.spans(736);
        assert_eq!(spans.len(), 1);
        assert_eq!((spans[0].start, spans[0].len), (0, 736));
        let off = TileLayout {
            max_side: 0,
            overlap: 128,
        };
        assert_eq!(off.spans(10_000).len(), 1);
    }

    #[test]
    fn a_wide_banner_gets_equal_overlapping_tiles() {
        // RapidOCR turns a 1618 × 208 banner into a 5728 × 736 detector input.
        let spans = LAYOUT.spans(5728);
        assert_eq!(spans.len(), 5);
        assert_eq!(spans[0].len, 1504);
        assert_partition(&spans, 5728);
        for pair in spans.windows(2) {
            let overlap = pair[0].start + pair[0].len - pair[1].start;
            assert!(overlap >= LAYOUT.overlap, "{pair:?}");
        }
        for s in &spans {
            assert!(
                s.len <= 1536 && s.len % 32 == 0 && s.start % 32 == 0,
                "{s:?}"
            );
        }
        assert_eq!(spans.last().unwrap().start + spans[0].len, 5728);
    }

    #[test]
    fn lengths_just_over_the_limit_split_in_two() {
        let spans = LAYOUT.spans(1568);
        assert_eq!(spans.len(), 2);
        assert_partition(&spans, 1568);
        assert_eq!(spans[0].len, 992);
    }

    #[test]
    fn tiles_cover_both_axes_row_by_row() {
        let tiles = LAYOUT.tiles(1984, 1600);
        assert_eq!(tiles.len(), 4);
        assert_eq!(tiles[0].y, tiles[1].y);
        assert_ne!(tiles[0].x, tiles[1].x);
    }

    #[test]
    fn stitching_a_pointwise_model_gives_the_whole_map() {
        // A "model" whose output at a pixel depends on that pixel only: tiles must reproduce the
        // whole-input map exactly, whatever the seams.
        let (w, h) = (5728u32, 96u32);
        let value = |x: u32, y: u32| (x * 7 + y * 13) as f32;
        let layout = TileLayout {
            max_side: 1024,
            overlap: 96,
        };
        let tiles = layout.tiles(w, h);
        assert!(tiles.len() > 1);
        let map = stitch(w, h, &tiles, |t: &Tile| {
            let mut out = Vec::new();
            for y in t.y.start..t.y.start + t.y.len {
                for x in t.x.start..t.x.start + t.x.len {
                    out.push(value(x, y));
                }
            }
            Ok::<_, ()>(out)
        })
        .unwrap();
        for y in 0..h {
            for x in 0..w {
                assert_eq!(map[(y * w + x) as usize], value(x, y), "at {x},{y}");
            }
        }
    }

    #[test]
    fn a_wrongly_sized_tile_output_is_an_error() {
        let tiles = LAYOUT.tiles(64, 64);
        let result = stitch(64, 64, &tiles, |_| Ok::<_, ()>(vec![0.0; 10]));
        assert!(matches!(
            result,
            Err(StitchError::Size {
                expected: 4096,
                got: 10
            })
        ));
    }
}
