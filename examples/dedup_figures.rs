//! Figures for the near-duplicate bank (`docs/dedup.md`): how PDQ distances behave on re-posted
//! variants of the demo and reference images, the match distance chosen from them, and the time a
//! hash and a bank lookup take.
//!
//! ```text
//! cargo run --release --example dedup_figures -- [--out DIR] [--entries N] DIR...
//! ```
//!
//! (`scripts/dedup/figures.sh` runs it on the demo images and `../shared/samples`.)
//!
//! Every image found under the DIRs is a *source*. Each source gets the variants in [`TRANSFORMS`]
//! (JPEG re-encoding, resizing, crops, a border, a screenshot frame, and transforms PDQ is not
//! meant to survive), all made in memory. The sources are split in two halves by a hash of their
//! path: the distance is tuned on one half and the figures are reported on the other.
//!
//! - Match recall: a variant is found when its distance to its own source is within the limit.
//! - False matches: every variant of source A is looked up among the *other* sources of its half
//!   (as if they were the bank); a false match is an upload whose nearest other source is within
//!   the limit. Pairs of distinct sources are counted too.
//! - Lookup time: a [`Bank`] with N simulated random entries (default 1,000,000) plus the sources,
//!   queried with every variant and as many random hashes; median, 95th percentile and maximum.
//!
//! Each figure is given for three ways of comparing: plain PDQ on both sides; PDQ after
//! [`pdq_hash_trimmed`]'s border trim on both sides; and the recommended one, a bank of plain PDQ
//! hashes looked up with both the upload's plain and trimmed hashes ([`Bank::nearest_any`]).
//!
//! Tables are printed in Markdown; per-variant distances go to `DIR/variants.csv`.

use std::collections::BTreeMap;
use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use image::codecs::jpeg::JpegEncoder;
use image::imageops::{self, FilterType};
use image::{DynamicImage, Rgb, RgbImage};
use imageproc::geometric_transformations::{Border, Interpolation, rotate_about_center};
use rayon::prelude::*;
use shanzhai::dedup::{
    Bank, BankEntry, Decision, MIN_USEFUL_QUALITY, PdqHash, pdq_hash, pdq_hash_dihedral,
    pdq_hash_trimmed,
};

/// Whether the bank is expected to catch a transform (`Target`) or it is a probe of what PDQ does
/// not survive (`Probe`, not counted in the recall the distance is tuned for).
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Target,
    Probe,
}

type Transform = fn(&RgbImage) -> RgbImage;

/// Sources with a longer side are scaled down to it first (a few photos of 4000+ pixels).
const MAX_SOURCE_SIDE: u32 = 2048;

const TRANSFORMS: &[(&str, Kind, Transform)] = &[
    ("jpeg q95", Kind::Target, |i| jpeg(i, 95)),
    ("jpeg q70", Kind::Target, |i| jpeg(i, 70)),
    ("jpeg q50", Kind::Target, |i| jpeg(i, 50)),
    ("resize 50%", Kind::Target, |i| resize(i, 0.5)),
    ("resize 75%", Kind::Target, |i| resize(i, 0.75)),
    ("resize 150%", Kind::Target, |i| resize(i, 1.5)),
    ("resize 200%", Kind::Target, |i| resize(i, 2.0)),
    ("resize 75% + jpeg q70", Kind::Target, |i| {
        jpeg(&resize(i, 0.75), 70)
    }),
    ("crop 5% centred", Kind::Target, |i| crop(i, 0.05, 0.5)),
    ("crop 10% centred", Kind::Target, |i| crop(i, 0.10, 0.5)),
    ("crop 10% one corner", Kind::Target, |i| crop(i, 0.10, 0.0)),
    ("white border 5%", Kind::Target, |i| {
        border(i, 0.05, Rgb([255, 255, 255]))
    }),
    ("black border 10%", Kind::Target, |i| {
        border(i, 0.10, Rgb([0, 0, 0]))
    }),
    ("screenshot frame", Kind::Target, |i| {
        jpeg(&screenshot(i, 1.0), 90)
    }),
    ("mirrored", Kind::Probe, |i| imageops::flip_horizontal(i)),
    ("rotated 90°", Kind::Probe, |i| imageops::rotate90(i)),
    ("rotated 5°", Kind::Probe, |i| {
        rotate_about_center(
            i,
            5f32.to_radians(),
            Interpolation::Bilinear,
            Border::Constant(Rgb([255, 255, 255])),
        )
    }),
    ("crop 25% centred", Kind::Probe, |i| crop(i, 0.25, 0.5)),
    ("crop 50% centred", Kind::Probe, |i| crop(i, 0.50, 0.5)),
    ("small in screenshot", Kind::Probe, |i| {
        jpeg(&screenshot(i, 0.45), 90)
    }),
];

fn jpeg(image: &RgbImage, quality: u8) -> RgbImage {
    let mut bytes = Vec::new();
    JpegEncoder::new_with_quality(Cursor::new(&mut bytes), quality)
        .encode_image(image)
        .expect("JPEG encoding in memory");
    image::load_from_memory(&bytes)
        .expect("decoding our own JPEG")
        .to_rgb8()
}

fn resize(image: &RgbImage, factor: f64) -> RgbImage {
    let w = ((image.width() as f64 * factor).round() as u32).max(1);
    let h = ((image.height() as f64 * factor).round() as u32).max(1);
    imageops::resize(image, w, h, FilterType::CatmullRom)
}

/// Removes `fraction` of the width and of the height; `anchor` 0.5 takes it equally from both sides,
/// 0.0 all from the right and bottom.
fn crop(image: &RgbImage, fraction: f64, anchor: f64) -> RgbImage {
    let (w, h) = (image.width(), image.height());
    let (cw, ch) = ((w as f64 * fraction) as u32, (h as f64 * fraction) as u32);
    let (x, y) = ((cw as f64 * anchor) as u32, (ch as f64 * anchor) as u32);
    imageops::crop_imm(image, x, y, w - cw, h - ch).to_image()
}

fn border(image: &RgbImage, fraction: f64, colour: Rgb<u8>) -> RgbImage {
    let b = ((image.width().max(image.height()) as f64) * fraction).round() as u32;
    let mut canvas = RgbImage::from_pixel(image.width() + 2 * b, image.height() + 2 * b, colour);
    imageops::replace(&mut canvas, image, i64::from(b), i64::from(b));
    canvas
}

fn fill(canvas: &mut RgbImage, x: u32, y: u32, w: u32, h: u32, colour: Rgb<u8>) {
    for yy in y..(y + h).min(canvas.height()) {
        for xx in x..(x + w).min(canvas.width()) {
            canvas.put_pixel(xx, yy, colour);
        }
    }
}

/// The image (scaled by `scale`) pasted into an app-like window: a dark title bar with tabs, a
/// light side bar with list items, a bottom bar with buttons, margins around the content.
fn screenshot(image: &RgbImage, scale: f64) -> RgbImage {
    let content = if scale == 1.0 {
        image.clone()
    } else {
        resize(image, scale)
    };
    let (iw, ih) = (image.width(), image.height());
    let side = (iw as f64 * 0.15) as u32;
    let margin = (iw as f64 * 0.03) as u32 + 1;
    let top = (ih as f64 * 0.10) as u32 + 8;
    let bottom = (ih as f64 * 0.08) as u32 + 6;
    let cw = side + 2 * margin + iw;
    let ch = top + bottom + 2 * margin + ih;
    let mut canvas = RgbImage::from_pixel(cw, ch, Rgb([246, 247, 249]));
    fill(&mut canvas, 0, 0, cw, top, Rgb([32, 33, 36]));
    for t in 0..4 {
        fill(
            &mut canvas,
            margin + t * (cw / 6),
            top / 3,
            cw / 8,
            top / 3,
            Rgb([90, 92, 98]),
        );
    }
    fill(&mut canvas, 0, top, side, ch - top, Rgb([228, 230, 235]));
    for item in 0..8 {
        let y = top + margin + item * (ih / 10).max(4);
        fill(
            &mut canvas,
            margin,
            y,
            side.saturating_sub(2 * margin),
            (ih / 40).max(2),
            Rgb([150, 155, 165]),
        );
    }
    fill(
        &mut canvas,
        0,
        ch - bottom,
        cw,
        bottom,
        Rgb([255, 255, 255]),
    );
    for b in 0..3 {
        fill(
            &mut canvas,
            cw - (b + 1) * (cw / 5),
            ch - bottom + bottom / 4,
            cw / 6,
            bottom / 2,
            Rgb([26, 115, 232]),
        );
    }
    // Centre the content in the content area (it is smaller when scaled down).
    let x = side + margin + (iw - content.width()) / 2;
    let y = top + margin + (ih - content.height()) / 2;
    imageops::replace(&mut canvas, &content, i64::from(x), i64::from(y));
    canvas
}

struct Source {
    path: PathBuf,
    image: RgbImage,
    hash: PdqHash,
    /// PDQ after removing uniform borders.
    trimmed: PdqHash,
    quality: u8,
    tune: bool,
}

struct Variant {
    source: usize,
    transform: usize,
    hash: PdqHash,
    trimmed: PdqHash,
    quality: u8,
    /// Smallest distance from the variant's dihedral hashes to its source (for the probes).
    dihedral_distance: u32,
}

fn is_image(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        ext.as_str(),
        "jpg" | "jpeg" | "png" | "webp" | "bmp" | "gif" | "tif" | "tiff"
    )
}

/// FNV-1a of the path's file name and parent folder: a split that does not depend on where the
/// checkout is.
fn split_hash(path: &Path) -> u64 {
    let key: Vec<&std::ffi::OsStr> = path.iter().rev().take(2).collect();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in key {
        for b in part.as_encoded_bytes() {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// A way of comparing: its name, the distance from an upload (a variant) to a banked source, and
/// the distance between two distinct sources.
type Method = (
    &'static str,
    fn(&Variant, &Source) -> u32,
    fn(&Source, &Source) -> u32,
);

/// A variant's distance to its own source and to the nearest other source of its half.
struct Row {
    own: u32,
    other: u32,
}

fn distance_rows(sources: &[Source], variants: &[Variant], m: &Method) -> Vec<Row> {
    variants
        .par_iter()
        .map(|v| {
            let tune = sources[v.source].tune;
            let other = sources
                .iter()
                .enumerate()
                .filter(|(i, s)| *i != v.source && s.tune == tune)
                .map(|(_, s)| (m.1)(v, s))
                .min()
                .unwrap_or(256);
            Row {
                own: (m.1)(v, &sources[v.source]),
                other,
            }
        })
        .collect()
}

fn report(sources: &[Source], variants: &[Variant], m: &Method, rows: &[Row]) {
    let name = m.0;
    // Pairs of distinct sources, within each half.
    let mut pairs: Vec<(u32, usize, usize)> = Vec::new();
    for i in 0..sources.len() {
        for j in i + 1..sources.len() {
            if sources[i].tune == sources[j].tune {
                pairs.push(((m.2)(&sources[i], &sources[j]), i, j));
            }
        }
    }
    pairs.sort();
    let all: Vec<f64> = pairs.iter().map(|p| f64::from(p.0)).collect();
    let mean = all.iter().sum::<f64>() / all.len() as f64;
    let sd = (all.iter().map(|d| (d - mean).powi(2)).sum::<f64>() / all.len() as f64).sqrt();
    println!("\n# {name}\n\n## Distances between distinct sources\n");
    println!(
        "{} pairs: mean {mean:.1}, standard deviation {sd:.1}, 0.1th percentile {}, minimum {}",
        all.len(),
        percentile(&all, 0.001),
        all[0]
    );
    println!("\nclosest pairs:\n");
    for &(d, i, j) in pairs.iter().take(5) {
        println!(
            "- {d}: {} (q {}) / {} (q {})",
            sources[i].path.display(),
            sources[i].quality,
            sources[j].path.display(),
            sources[j].quality
        );
    }

    let distances: Vec<u32> = (0..=64)
        .step_by(4)
        .chain([31])
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    for half in [true, false] {
        let half_name = if half { "tuning" } else { "report" };
        let idx: Vec<usize> = (0..variants.len())
            .filter(|&k| sources[variants[k].source].tune == half)
            .collect();
        let targets: Vec<usize> = idx
            .iter()
            .copied()
            .filter(|&k| TRANSFORMS[variants[k].transform].1 == Kind::Target)
            .collect();
        let half_pairs: Vec<u32> = pairs
            .iter()
            .filter(|p| sources[p.1].tune == half)
            .map(|p| p.0)
            .collect();
        println!("\n## {name}, {half_name} half: recall and false matches by distance\n");
        println!(
            "| distance | recall (target transforms) | uploads falsely matched (all variants) | pairs of distinct sources within |"
        );
        println!("|---:|---:|---:|---:|");
        for &d in &distances {
            let recall =
                targets.iter().filter(|&&k| rows[k].own <= d).count() as f64 / targets.len() as f64;
            let false_any = idx.iter().filter(|&&k| rows[k].other <= d).count();
            let pair_hits = half_pairs.iter().filter(|&&p| p <= d).count();
            println!(
                "| {d} | {:.1}% | {:.2}% ({false_any}/{}) | {:.3}% ({pair_hits}/{}) |",
                100.0 * recall,
                100.0 * false_any as f64 / idx.len() as f64,
                idx.len(),
                100.0 * pair_hits as f64 / half_pairs.len() as f64,
                half_pairs.len()
            );
        }
        println!("\n### {name}, {half_name} half: recall per transform\n");
        let shown = [16u32, 24, 31, 40, 48];
        println!(
            "| transform | median distance | p90 | {} | dihedral min ≤31 |",
            shown.map(|d| format!("≤{d}")).join(" | ")
        );
        println!("|---|---:|---:|{}---:|", "---:|".repeat(shown.len()));
        let mut per: BTreeMap<usize, Vec<(u32, u32)>> = BTreeMap::new();
        for &k in &idx {
            per.entry(variants[k].transform)
                .or_default()
                .push((rows[k].own, variants[k].dihedral_distance));
        }
        for (t, ds) in per {
            let n = ds.len() as f64;
            let mut sorted: Vec<f64> = ds.iter().map(|d| f64::from(d.0)).collect();
            sorted.sort_by(f64::total_cmp);
            let cells = shown.map(|d| {
                format!(
                    "{:.0}%",
                    100.0 * ds.iter().filter(|x| x.0 <= d).count() as f64 / n
                )
            });
            // The dihedral column is for plain PDQ (the 8 hashes of the untrimmed variant).
            let dih = 100.0 * ds.iter().filter(|x| x.1 <= 31).count() as f64 / n;
            let label = if TRANSFORMS[t].1 == Kind::Probe {
                format!("{} (probe)", TRANSFORMS[t].0)
            } else {
                TRANSFORMS[t].0.to_string()
            };
            println!(
                "| {label} | {} | {} | {} | {dih:.0}% |",
                percentile(&sorted, 0.5),
                percentile(&sorted, 0.9),
                cells.join(" | ")
            );
        }
    }
}

fn main() -> Result<()> {
    let mut out = PathBuf::from("target/dedup-figures");
    let mut entries = 1_000_000usize;
    let mut dirs = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out" => out = args.next().context("--out DIR")?.into(),
            "--entries" => entries = args.next().context("--entries N")?.parse()?,
            _ => dirs.push(PathBuf::from(arg)),
        }
    }
    if dirs.is_empty() {
        bail!("usage: dedup_figures [--out DIR] [--entries N] DIR...");
    }
    std::fs::create_dir_all(&out)?;

    // Sources.
    let mut paths = Vec::new();
    for dir in &dirs {
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let entry = entry?;
            if entry.file_type().is_file() && is_image(entry.path()) {
                paths.push(entry.path().to_path_buf());
            }
        }
    }
    let mut sources: Vec<Source> = paths
        .par_iter()
        .filter_map(|path| {
            let mut image = shanzhai::input::load_image(path).ok()?.to_rgb8();
            // Keep the variants (up to 200% of the source) affordable on a small machine.
            let long = image.width().max(image.height());
            if long > MAX_SOURCE_SIDE {
                let f = f64::from(MAX_SOURCE_SIDE) / f64::from(long);
                image = resize(&image, f);
            }
            let dynamic = DynamicImage::ImageRgb8(image.clone());
            let (hash, quality) = pdq_hash(&dynamic);
            let trimmed = pdq_hash_trimmed(&dynamic).0;
            Some(Source {
                path: path.clone(),
                image,
                hash,
                trimmed,
                quality,
                tune: split_hash(path).is_multiple_of(2),
            })
        })
        .collect();
    // Byte-identical or pixel-identical files are the same source.
    sources.sort_by(|a, b| a.path.cmp(&b.path));
    let mut seen = std::collections::HashSet::new();
    sources.retain(|s| seen.insert((s.image.dimensions(), s.image.as_raw().clone())));
    let n_tune = sources.iter().filter(|s| s.tune).count();
    println!(
        "## Sources\n\n{} images ({} tuning, {} report) from {}",
        sources.len(),
        n_tune,
        sources.len() - n_tune,
        dirs.iter()
            .map(|d| d.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    let low = sources
        .iter()
        .filter(|s| s.quality < MIN_USEFUL_QUALITY)
        .count();
    println!("quality below {MIN_USEFUL_QUALITY}: {low} images");
    let mut qualities: Vec<f64> = sources.iter().map(|s| f64::from(s.quality)).collect();
    qualities.sort_by(f64::total_cmp);
    println!(
        "quality: min {}, median {}, max {}",
        qualities[0],
        percentile(&qualities, 0.5),
        qualities[qualities.len() - 1]
    );

    // Hashing time, one thread, decoded images (at most MAX_SOURCE_SIDE a side).
    let mut times = Vec::new();
    let mut trim_times = Vec::new();
    let mut megapixels = Vec::new();
    for s in &sources {
        let image = DynamicImage::ImageRgb8(s.image.clone());
        let t = Instant::now();
        std::hint::black_box(pdq_hash(&image));
        times.push(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        std::hint::black_box(pdq_hash_trimmed(&image));
        trim_times.push(t.elapsed().as_secs_f64() * 1e3);
        megapixels.push(f64::from(s.image.width()) * f64::from(s.image.height()) / 1e6);
    }
    times.sort_by(f64::total_cmp);
    trim_times.sort_by(f64::total_cmp);
    megapixels.sort_by(f64::total_cmp);
    println!(
        "\n## Hashing time (one thread, decoded image, at most {MAX_SOURCE_SIDE} px a side)\n"
    );
    println!(
        "image sizes: median {:.2} MP, max {:.2} MP",
        percentile(&megapixels, 0.5),
        megapixels[megapixels.len() - 1]
    );
    println!(
        "time per image: median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        times[times.len() - 1]
    );
    println!(
        "with the border trim: median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        percentile(&trim_times, 0.5),
        percentile(&trim_times, 0.95),
        trim_times[trim_times.len() - 1]
    );
    for (w, h) in [(1920u32, 1080u32), (4000, 3000)] {
        let big = DynamicImage::ImageRgb8(imageops::resize(
            &sources[0].image,
            w,
            h,
            FilterType::Triangle,
        ));
        let mut t = Vec::new();
        for _ in 0..5 {
            let start = Instant::now();
            std::hint::black_box(pdq_hash(&big));
            t.push(start.elapsed().as_secs_f64() * 1e3);
        }
        t.sort_by(f64::total_cmp);
        println!("{w}x{h}: median of 5 {:.1} ms", t[2]);
    }

    // Variants.
    let jobs: Vec<(usize, usize)> = (0..sources.len())
        .flat_map(|s| (0..TRANSFORMS.len()).map(move |t| (s, t)))
        .collect();
    let variants: Vec<Variant> = jobs
        .par_iter()
        .map(|&(source, transform)| {
            let s = &sources[source];
            let image = DynamicImage::ImageRgb8((TRANSFORMS[transform].2)(&s.image));
            let (dih, quality) = pdq_hash_dihedral(&image);
            let dihedral_distance = dih
                .all()
                .iter()
                .map(|h| h.hamming(&s.hash))
                .min()
                .unwrap_or(256);
            Variant {
                source,
                transform,
                hash: dih.original,
                trimmed: pdq_hash_trimmed(&image).0,
                quality,
                dihedral_distance,
            }
        })
        .collect();

    let methods: [Method; 3] = [
        (
            "PDQ",
            |v, s| v.hash.hamming(&s.hash),
            |a, b| a.hash.hamming(&b.hash),
        ),
        (
            "PDQ after border trim",
            |v, s| v.trimmed.hamming(&s.trimmed),
            |a, b| a.trimmed.hamming(&b.trimmed),
        ),
        // The bank keeps plain PDQ; the upload is looked up with its plain and its trimmed hash.
        (
            "PDQ bank, upload looked up plain and trimmed",
            |v, s| v.hash.hamming(&s.hash).min(v.trimmed.hamming(&s.hash)),
            |a, b| {
                let plain = a.hash.hamming(&b.hash);
                plain
                    .min(a.trimmed.hamming(&b.hash))
                    .min(b.trimmed.hamming(&a.hash))
            },
        ),
    ];
    let rows: Vec<Vec<Row>> = methods
        .iter()
        .map(|m| distance_rows(&sources, &variants, m))
        .collect();
    let mut csv = std::fs::File::create(out.join("variants.csv"))?;
    writeln!(
        csv,
        "source,half,transform,quality,distance_to_source,dihedral_distance_to_source,nearest_other_distance,trimmed_distance_to_source,trimmed_nearest_other_distance,both_distance_to_source,both_nearest_other_distance"
    )?;
    for (k, v) in variants.iter().enumerate() {
        let s = &sources[v.source];
        writeln!(
            csv,
            "{},{},{},{},{},{},{},{},{},{},{}",
            s.path.display(),
            if s.tune { "tune" } else { "report" },
            TRANSFORMS[v.transform].0,
            v.quality,
            rows[0][k].own,
            v.dihedral_distance,
            rows[0][k].other,
            rows[1][k].own,
            rows[1][k].other,
            rows[2][k].own,
            rows[2][k].other
        )?;
    }
    for (m, rows) in methods.iter().zip(&rows) {
        report(&sources, &variants, m, rows);
    }

    // Bank lookups with simulated entries.
    println!("\n## Bank lookup time ({entries} simulated random entries + the sources)\n");
    let rss0 = rss_mib();
    let mut bank = Bank::new();
    let mut state = 42u64;
    let t = Instant::now();
    for n in 0..entries {
        let words = [
            splitmix(&mut state),
            splitmix(&mut state),
            splitmix(&mut state),
            splitmix(&mut state),
        ];
        let decision = if n % 3 == 0 {
            Decision::Overturn
        } else {
            Decision::Confirm
        };
        bank.insert(BankEntry::new(
            format!("sim-{n}"),
            PdqHash::from_words(words),
            decision,
        ));
    }
    for (i, s) in sources.iter().enumerate() {
        bank.insert(BankEntry::new(
            format!("source-{i}"),
            s.hash,
            Decision::Confirm,
        ));
    }
    println!(
        "built in {:.1} s, resident memory +{:.0} MiB",
        t.elapsed().as_secs_f64(),
        rss_mib() - rss0
    );
    let mut queries: Vec<PdqHash> = variants.iter().map(|v| v.hash).collect();
    for _ in 0..variants.len() {
        queries.push(PdqHash::from_words([
            splitmix(&mut state),
            splitmix(&mut state),
            splitmix(&mut state),
            splitmix(&mut state),
        ]));
    }
    println!("\n| limit | lookups | found | median | p95 | max |");
    println!("|---:|---:|---:|---:|---:|---:|");
    let trimmed_queries: Vec<PdqHash> = variants
        .iter()
        .map(|v| v.trimmed)
        .chain(queries[variants.len()..].iter().copied())
        .collect();
    let runs: [(u32, bool); 5] = [
        (15, false),
        (31, false),
        (31, true),
        (47, false),
        (64, false),
    ];
    for (limit, both) in runs {
        let mut times = Vec::with_capacity(queries.len());
        let mut found = 0;
        for (q, qt) in queries.iter().zip(&trimmed_queries) {
            let t = Instant::now();
            let m = if both {
                std::hint::black_box(bank.nearest_any(&[*q, *qt], limit))
            } else {
                std::hint::black_box(bank.nearest(q, limit))
            };
            times.push(t.elapsed().as_secs_f64() * 1e3);
            found += usize::from(m.is_some());
        }
        times.sort_by(f64::total_cmp);
        let scan = if limit >= 48 { " (full scan)" } else { "" };
        let two = if both { ", plain + trimmed" } else { "" };
        println!(
            "| {limit}{scan}{two} | {} | {found} | {:.3} ms | {:.3} ms | {:.3} ms |",
            queries.len(),
            percentile(&times, 0.5),
            percentile(&times, 0.95),
            times[times.len() - 1]
        );
    }
    Ok(())
}
