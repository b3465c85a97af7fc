//! `shanzhai ocr`: recognise text in images with PP-OCRv4 and print it per image.
//!
//! Threading: images are shared out among `--jobs` worker threads, each owning its own
//! [`OcrEngine`] (sessions need `&mut self`), each engine running ONNX Runtime with `--threads`
//! intra-op threads (1 by default when there are several workers, so workers × threads never
//! exceeds the cores). Workers take the biggest images first; results are printed in the order
//! the images were given.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use serde::Serialize;

use super::Outcome;
use crate::input::load_image;
use crate::ocr::{OcrEngine, OcrParams, StageTimes, TextLine};
use crate::runtime::RuntimeOptions;
use crate::scan::ScanConfig;

/// Output format of `shanzhai ocr`. (Plain comments on the variants keep `--help` short.)
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    // One JSON object per image: `{"path", "lines": [{"text", "score", "box"}], "error"}`.
    #[allow(missing_docs)]
    Jsonl,
    // The recognised lines under a header per image, for reading.
    #[allow(missing_docs)]
    Human,
}

/// Arguments of `shanzhai ocr`.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Output: one JSON object per image, {\"path\", \"lines\": [{\"text\", \"score\", \"box\"}], \"error\"}.\n\
Docs: docs/GUIDE.md (OCR), docs/DESIGN.md (OCR)"
)]
pub struct OcrArgs {
    /// Image files (JPEG, PNG, WebP, GIF, BMP, TIFF; the format is read from the content).
    #[arg(required = true, value_name = "IMAGE")]
    images: Vec<PathBuf>,
    /// Output format: `jsonl` (one JSON object per image) or `human` (lines under a header).
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Worker threads, each with its own engine. Default: one per core.
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,
    /// ONNX Runtime intra-op threads per engine. Default: 1 with several workers, else one per core.
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Print images per second and the time spent per stage on standard error at the end.
    #[arg(long)]
    timings: bool,
    /// TOML settings file; its `[ocr]` section (as for `shanzhai scan --config`) is used.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(flatten)]
    runtime: RuntimeOptions,
}

/// What `shanzhai ocr` prints for one image.
#[derive(Serialize, Debug)]
struct ImageResult {
    path: String,
    lines: Vec<TextLine>,
    error: Option<String>,
}

/// Runs `shanzhai ocr`: exit status 0 whatever the images hold (unreadable ones get an error
/// entry); an error (status 2) only when the engine cannot start.
pub fn run(args: OcrArgs) -> Result<Outcome> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let jobs = args
        .jobs
        .unwrap_or(cores)
        .clamp(1, args.images.len().max(1));
    let threads = args.threads.unwrap_or(if jobs > 1 { 1 } else { 0 });
    let mut params = OcrParams {
        intra_threads: threads,
        ..OcrParams::default()
    };
    if let Some(path) = &args.config {
        ScanConfig::load(path)?.ocr.apply(&mut params);
    }
    let engines = (0..jobs)
        .map(|_| OcrEngine::new(&args.runtime, params.clone()))
        .collect::<Result<Vec<_>>>()
        .context("cannot start the OCR engine")?;

    let start = Instant::now();
    let order = largest_first(&args.images);
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::channel::<(usize, ImageResult)>();
    let mut times = Vec::new();
    let images = &args.images;
    let order = &order;
    std::thread::scope(|scope| -> Result<()> {
        let workers: Vec<_> = engines
            .into_iter()
            .map(|mut engine| {
                let sender = sender.clone();
                let next = &next;
                scope.spawn(move || {
                    while let Some(&index) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
                        let result = ocr_one(&mut engine, &images[index]);
                        if sender.send((index, result)).is_err() {
                            break;
                        }
                    }
                    engine.stage_times()
                })
            })
            .collect();
        drop(sender);
        let printed = print_in_order(receiver, args.format);
        times = workers
            .into_iter()
            .map(|w| w.join().expect("OCR worker panicked"))
            .collect();
        printed
    })?;
    if args.timings {
        report_timings(images.len(), start.elapsed(), &times, jobs, threads);
    }
    Ok(Outcome::Clean)
}

/// Indices of `images`, biggest pictures first (by the pixel count in their headers).
///
/// Workers take images in this order so that no worker starts a big image while the others
/// run out of work (longest-processing-time-first scheduling); output order is unchanged.
/// Files whose header cannot be read go last: they fail fast.
fn largest_first(images: &[PathBuf]) -> Vec<usize> {
    let pixels: Vec<u64> = images
        .iter()
        .map(|path| {
            image::ImageReader::open(path)
                .and_then(|reader| reader.with_guessed_format())
                .ok()
                .and_then(|reader| reader.into_dimensions().ok())
                .map_or(0, |(w, h)| u64::from(w) * u64::from(h))
        })
        .collect();
    let mut order: Vec<usize> = (0..images.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(pixels[i]));
    order
}

/// OCR of one file; every failure becomes the entry's `error`.
fn ocr_one(engine: &mut OcrEngine, path: &std::path::Path) -> ImageResult {
    let outcome = load_image(path)
        .map_err(|err| err.to_string())
        .and_then(|image| engine.recognize(&image).map_err(|err| format!("{err:#}")));
    let (lines, error) = match outcome {
        Ok(lines) => (lines, None),
        Err(message) => (Vec::new(), Some(message)),
    };
    ImageResult {
        path: path.display().to_string(),
        lines,
        error,
    }
}

/// Prints results in input order as they arrive from the workers.
fn print_in_order(receiver: mpsc::Receiver<(usize, ImageResult)>, format: Format) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut pending = BTreeMap::new();
    let mut next = 0;
    for (index, result) in receiver {
        pending.insert(index, result);
        while let Some(result) = pending.remove(&next) {
            write_result(&mut out, &result, format)?;
            next += 1;
        }
        out.flush()?;
    }
    Ok(())
}

fn write_result(out: &mut impl Write, result: &ImageResult, format: Format) -> Result<()> {
    match format {
        Format::Jsonl => {
            serde_json::to_writer(&mut *out, result)?;
            writeln!(out)?;
        }
        Format::Human => {
            writeln!(out, "== {}", result.path)?;
            if let Some(error) = &result.error {
                writeln!(out, "   error: {error}")?;
            }
            for line in &result.lines {
                writeln!(out, "   {}  ({:.2})", line.text, line.score)?;
            }
        }
    }
    Ok(())
}

fn report_timings(
    images: usize,
    wall: Duration,
    times: &[StageTimes],
    jobs: usize,
    threads: usize,
) {
    let sum = |f: fn(&StageTimes) -> Duration| times.iter().map(f).sum::<Duration>().as_secs_f64();
    eprintln!(
        "timings: images={images} wall_s={:.3} images_per_s={:.3} jobs={jobs} threads={threads} \
         det_s={:.3} cls_s={:.3} rec_s={:.3}",
        wall.as_secs_f64(),
        images as f64 / wall.as_secs_f64(),
        sum(|t| t.detect),
        sum(|t| t.classify),
        sum(|t| t.recognize),
    );
}
