//! `shanzhai ocr`: recognise text in images with PP-OCRv4 and print it per image.
//!
//! It runs on the scan pipeline (`scan::run`) with the OCR stage alone: images are shared out
//! among `--jobs` workers, each owning its own analyzer and OCR engine (sessions need
//! `&mut self`), each engine running ONNX Runtime with `--threads` intra-op threads (1 by default
//! when there are several workers, so workers × threads never exceeds the cores); results are
//! printed in the order the images were given, and an image that fails (or panics the engine)
//! gets an error entry while the rest go on.

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, Result};
use serde::Serialize;

use super::{Outcome, RuntimeArgs};
use shanzhai::ocr::{OcrParams, StageTimes, TextLine};
use shanzhai::scan::{self, AnalyzerFactory, ImageResult, Input, ScanConfig, Scanned};

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
    runtime: RuntimeArgs,
}

/// What `shanzhai ocr` prints for one image: `{"path", "lines", "error"}`, a view of the scan
/// result.
#[derive(Serialize, Debug)]
struct OcrRecord<'a> {
    path: &'a str,
    lines: &'a [TextLine],
    error: Option<&'a str>,
}

impl<'a> OcrRecord<'a> {
    fn of(result: &'a ImageResult) -> Self {
        OcrRecord {
            path: &result.path,
            lines: &result.ocr,
            error: result.error.as_deref(),
        }
    }
}

/// Runs `shanzhai ocr`: exit status 0 when every image was read, 2 when one could not be (it
/// gets an error entry and the others go on) or the engine cannot start.
pub fn run(args: OcrArgs) -> Result<Outcome> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let jobs = args
        .jobs
        .unwrap_or(cores)
        .clamp(1, args.images.len().max(1));
    let threads = args.threads.unwrap_or(if jobs > 1 { 1 } else { 0 });
    let mut config = match &args.config {
        Some(path) => ScanConfig::load(path)?,
        None => ScanConfig::default(),
    };
    config.stages.ocr = true;
    config.stages.visual = false;
    let mut params = OcrParams {
        intra_threads: threads,
        ..OcrParams::default()
    };
    config.ocr.apply(&mut params);
    let analyzers = start_engines(&args.runtime, config, params, jobs)
        .context("cannot start the OCR engine")?;

    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    // Explicit image files, not walked: each is read as given.
    let inputs = args.images.clone().into_iter().map(Input::File);
    let summary = scan::run(inputs, analyzers, |scanned: &Scanned| -> Result<()> {
        write_result(&mut out, &OcrRecord::of(&scanned.result), args.format)?;
        out.flush()?;
        Ok(())
    })?;
    if args.timings {
        report_timings(
            args.images.len(),
            summary.elapsed,
            summary.ocr_times,
            jobs,
            threads,
        );
    }
    Ok(Outcome::new(false, summary.errors))
}

/// The runtime, the OCR models, and one OCR-only analyzer per worker.
fn start_engines(
    runtime: &RuntimeArgs,
    config: ScanConfig,
    params: OcrParams,
    jobs: usize,
) -> Result<Vec<scan::Analyzer>> {
    let options = runtime.options();
    let runtime = options.load_runtime()?;
    let models = options.ocr_models()?;
    let factory = AnalyzerFactory::new(config, runtime, Some(models))?.with_ocr_params(params);
    Ok(factory.analyzers(jobs)?)
}

fn write_result(out: &mut impl Write, result: &OcrRecord, format: Format) -> Result<()> {
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
            for line in result.lines {
                writeln!(out, "   {}  ({:.2})", line.text, line.score)?;
            }
        }
    }
    Ok(())
}

fn report_timings(images: usize, wall: Duration, times: StageTimes, jobs: usize, threads: usize) {
    eprintln!(
        "timings: images={images} wall_s={:.3} images_per_s={:.3} jobs={jobs} threads={threads} \
         det_s={:.3} cls_s={:.3} rec_s={:.3}",
        wall.as_secs_f64(),
        images as f64 / wall.as_secs_f64(),
        times.detect.as_secs_f64(),
        times.classify.as_secs_f64(),
        times.recognize.as_secs_f64(),
    );
}
