//! Images per second of the visual classifier on 1080p screenshots, decoding included.
//!
//! ```text
//! cargo run --release --example visual_throughput -- [--threads N] [--rounds R] [--images K] [DIR]
//! ```
//!
//! The images in DIR (default `datasets/samples`) are resized to 1920x1080 and encoded in memory as
//! JPEG (quality 90) and PNG, like screenshots and saved ads. Each round decodes and classifies K
//! images spread over N threads, one classifier per thread (as `shanzhai scan` does); the median
//! of R rounds is printed for each format and detail-pass budget (off, the default, full
//! resolution), side by side in the same run. The process's CPU time per image is printed too:
//! on a shared machine wall-clock rates depend on the neighbours, CPU time much less, and
//! `cores / CPU time per image` is the rate the same work reaches on idle cores.

use std::io::Cursor;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use image::{DynamicImage, ImageFormat, imageops::FilterType};
use shanzhai::runtime::RuntimeOptions;
use shanzhai::vision::{VisualClassifier, VisualParams};

struct Args {
    threads: usize,
    rounds: usize,
    images: usize,
    dir: PathBuf,
}

fn parse_args() -> Result<Args> {
    let mut args = Args {
        threads: std::thread::available_parallelism().map_or(2, |n| n.get()),
        rounds: 5,
        images: 60,
        dir: PathBuf::from("datasets/samples"),
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut number = |name: &str| -> Result<usize> {
            it.next()
                .with_context(|| format!("{name} needs a value"))?
                .parse()
                .with_context(|| format!("{name} needs a number"))
        };
        match arg.as_str() {
            "--threads" => args.threads = number("--threads")?.max(1),
            "--rounds" => args.rounds = number("--rounds")?.max(1),
            "--images" => args.images = number("--images")?.max(1),
            _ => args.dir = PathBuf::from(arg),
        }
    }
    Ok(args)
}

/// The images of `dir` as 1920x1080 screenshots encoded in `format`.
fn screenshots(dir: &PathBuf, format: ImageFormat) -> Result<Vec<Vec<u8>>> {
    let mut out = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot list {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("jpg" | "png")))
        .collect();
    paths.sort();
    for path in paths {
        let image = image::open(&path).with_context(|| format!("{}", path.display()))?;
        let full_hd = DynamicImage::ImageRgb8(
            image
                .resize_to_fill(1920, 1080, FilterType::Triangle)
                .to_rgb8(),
        );
        let mut bytes = Vec::new();
        match format {
            ImageFormat::Jpeg => full_hd.write_with_encoder(
                image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 90),
            )?,
            _ => full_hd.write_to(&mut Cursor::new(&mut bytes), format)?,
        }
        out.push(bytes);
    }
    anyhow::ensure!(
        !out.is_empty(),
        "no .jpg or .png images in {}",
        dir.display()
    );
    Ok(out)
}

/// CPU time (user + system) of this process so far, in seconds, from /proc (Linux only; 0 elsewhere).
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // fields after the parenthesised command name; utime and stime are the 12th and 13th
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0 // USER_HZ is 100 on Linux
}

/// Decodes and classifies `count` images over the classifiers' threads; returns images per
/// second of wall-clock time and CPU milliseconds per image.
fn round(
    classifiers: &mut [VisualClassifier],
    inputs: &[Vec<u8>],
    count: usize,
) -> Result<(f64, f64)> {
    let workers = classifiers.len();
    let start = Instant::now();
    let cpu_start = cpu_seconds();
    std::thread::scope(|scope| -> Result<()> {
        let handles: Vec<_> = classifiers
            .iter_mut()
            .enumerate()
            .map(|(w, classifier)| {
                scope.spawn(move || -> Result<()> {
                    for i in (w..count).step_by(workers) {
                        let image = image::load_from_memory(&inputs[i % inputs.len()])?;
                        classifier.classify(&image)?;
                    }
                    Ok(())
                })
            })
            .collect();
        for handle in handles {
            handle.join().expect("worker panicked")?;
        }
        Ok(())
    })?;
    let rate = count as f64 / start.elapsed().as_secs_f64();
    Ok((rate, (cpu_seconds() - cpu_start) * 1000.0 / count as f64))
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() -> Result<()> {
    let args = parse_args()?;
    let runtime = RuntimeOptions::default()
        .load_runtime()
        .expect("ONNX Runtime loads");
    println!(
        "{} threads, {} images per round, median of {} rounds, 1920x1080 inputs from {}",
        args.threads,
        args.images,
        args.rounds,
        args.dir.display()
    );
    println!(
        "| format | detail pass budget | images/s (median) | min | max | CPU ms/image (median) | images/s on {} idle cores |",
        args.threads
    );
    println!("|---|---|---|---|---|---|---|");
    for (format, name) in [(ImageFormat::Jpeg, "JPEG q90"), (ImageFormat::Png, "PNG")] {
        let inputs = screenshots(&args.dir, format)?;
        let default_budget = VisualParams::default().detail_max_pixels;
        for detail_max_pixels in [0, default_budget, 1920 * 1088] {
            let params = VisualParams {
                intra_threads: 1,
                detail_max_pixels,
                ..VisualParams::default()
            };
            let mut classifiers = (0..args.threads)
                .map(|_| VisualClassifier::with_params(&runtime, params.clone()))
                .collect::<Result<Vec<_>, _>>()?;
            round(&mut classifiers, &inputs, args.threads * 2)?; // warm-up
            let results = (0..args.rounds)
                .map(|_| round(&mut classifiers, &inputs, args.images))
                .collect::<Result<Vec<_>>>()?;
            let rates: Vec<f64> = results.iter().map(|r| r.0).collect();
            let cpu_ms = median(results.iter().map(|r| r.1).collect());
            let (lo, hi) = (
                rates.iter().copied().fold(f64::INFINITY, f64::min),
                rates.iter().copied().fold(0.0, f64::max),
            );
            println!(
                "| {name} | {} | {:.1} | {lo:.1} | {hi:.1} | {cpu_ms:.1} | {:.1} |",
                match detail_max_pixels {
                    0 => "off".to_string(),
                    n if n == default_budget => format!("{n} px (default)"),
                    n => format!("{n} px (full 1080p)"),
                },
                median(rates),
                args.threads as f64 * 1000.0 / cpu_ms
            );
        }
    }
    Ok(())
}
