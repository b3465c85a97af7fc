//! `shanzhai scan`: the batch pipeline over files and folders, with its writers.

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufRead, BufReader, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use clap::ValueEnum;

use super::{Outcome, RuntimeArgs};
use shanzhai::report::annotate::Annotator;
use shanzhai::report::html::HtmlReport;
use shanzhai::report::{CsvSink, HumanSink, JsonlSink, ResultSink, Tee};
use shanzhai::scan::{self, AnalyzerFactory, ScanConfig, ScanSummary, Scanned};
use shanzhai::terms::Verdict;

/// Output format of `shanzhai scan`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    // One readable line per image. (Plain comments on the variants keep `--help` short.)
    #[allow(missing_docs)]
    Human,
    // One JSON object per image.
    #[allow(missing_docs)]
    Jsonl,
    // One CSV row per image, with a header.
    #[allow(missing_docs)]
    Csv,
}

/// Which stages `--only` keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Only {
    // The visual classifier alone.
    #[allow(missing_docs)]
    Visual,
    // OCR and term matching alone.
    #[allow(missing_docs)]
    Ocr,
}

/// Arguments of `shanzhai scan`.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Exit status: 0 every image passed, 1 some image flagged (review or block), 2 some input could not be\n\
read or analysed, or the run stopped (2 wins over 1).\n\
Docs: docs/GUIDE.md (Scanning images, Config file, output schema), docs/DESIGN.md (Fusion rules)"
)]
pub struct ScanArgs {
    /// Images and folders (walked recursively); `-` reads a list of paths from standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Output format: human, jsonl or csv [default: jsonl or csv when --output ends so, else human].
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Write results to FILE (line by line, flushed) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Also write a static HTML review report with annotated images into DIR.
    #[arg(long, value_name = "DIR")]
    report: Option<PathBuf>,
    /// Images analysed in parallel [default: the number of CPUs].
    #[arg(long, short, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    jobs: Option<u16>,
    /// Run only one stage: `visual` (the classifier) or `ocr` (OCR and terms).
    #[arg(long, value_enum)]
    only: Option<Only>,
    /// TOML file with stage switches, thresholds, rule files and fusion verdicts (docs/GUIDE.md).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Extra term-rule file (repeatable), as in `shanzhai text --rules`.
    #[arg(long = "rules", value_name = "FILE")]
    rules: Vec<PathBuf>,
    /// Skip inputs whose path is already in --output (JSONL), and append to it.
    #[arg(long, requires = "output")]
    resume: bool,
    #[command(flatten)]
    runtime: RuntimeArgs,
}

/// Runs `shanzhai scan`.
pub fn run(args: ScanArgs) -> anyhow::Result<Outcome> {
    let mut config = match &args.config {
        Some(path) => ScanConfig::load(path)?,
        None => ScanConfig::default(),
    };
    config.rules.files.extend(args.rules.iter().cloned());
    apply_only(&mut config, args.only);
    let format = args
        .format
        .unwrap_or_else(|| format_for(args.output.as_deref()));
    let previous = match (&args.output, args.resume) {
        (Some(path), true) => {
            anyhow::ensure!(format == Format::Jsonl, "--resume needs --format jsonl");
            read_previous(path)?
        }
        _ => Previous::default(),
    };
    let jobs = args.jobs.map(usize::from).unwrap_or_else(default_jobs);
    // Open the outputs before loading models, so a bad --output fails at once.
    let mut sinks = build_sinks(&args, format, previous.paths.is_empty())?;
    let analyzers = build_analyzers(&args, config, jobs)?;

    let progress = progress_bar();
    let done = previous.paths;
    let inputs = scan::inputs::expand(args.paths.clone())
        .filter(move |input| !done.contains(input.path().to_string_lossy().as_ref()));
    let summary = scan::run(
        inputs,
        analyzers,
        |scanned: &Scanned| -> anyhow::Result<()> {
            progress.inc(1);
            Ok(progress.suspend(|| sinks.write(scanned))?)
        },
    )?;
    progress.finish_and_clear();
    sinks.finish(&summary)?;
    print_summary(&summary, previous.count);
    Ok(Outcome::new(
        summary.flagged() || previous.flagged,
        summary.errors + previous.failed,
    ))
}

fn format_for(output: Option<&Path>) -> Format {
    match output.and_then(|p| p.extension()).and_then(|e| e.to_str()) {
        Some("jsonl" | "json" | "ndjson") => Format::Jsonl,
        Some("csv") => Format::Csv,
        _ => Format::Human,
    }
}

/// `--only` replaces the config's stage switches.
fn apply_only(config: &mut ScanConfig, only: Option<Only>) {
    if let Some(only) = only {
        config.stages.ocr = only == Only::Ocr;
        config.stages.visual = only == Only::Visual;
    }
}

fn default_jobs() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
}

/// Resolves the runtime and the models the stages need (fetching them on first use), then makes
/// one analyzer per worker.
fn build_analyzers(
    args: &ScanArgs,
    config: ScanConfig,
    jobs: usize,
) -> anyhow::Result<Vec<scan::Analyzer>> {
    let options = args.runtime.options();
    let runtime = options.load_runtime()?;
    let ocr_models = match config.stages.ocr {
        true => Some(options.ocr_models()?),
        false => None,
    };
    // Split the cores between workers: ONNX Runtime's own threads times workers ≈ cores.
    let threads_per_worker = (default_jobs() / jobs).max(1);
    let mut factory = AnalyzerFactory::new(config, runtime, ocr_models)?
        .with_threads_per_worker(threads_per_worker);
    if let Some(dir) = &args.report {
        let annotator = Annotator::new(dir)
            .with_context(|| format!("cannot create report folder {}", dir.display()))?;
        factory = factory.with_observer(Arc::new(annotator));
    }
    Ok(factory.analyzers(jobs)?)
}

fn build_sinks(args: &ScanArgs, format: Format, fresh_output: bool) -> anyhow::Result<Tee> {
    let out: Box<dyn Write> = match &args.output {
        Some(path) => {
            let file = File::options()
                .create(true)
                .append(args.resume)
                .write(true)
                .truncate(!args.resume)
                .open(path)
                .with_context(|| format!("cannot open --output {}", path.display()))?;
            Box::new(std::io::BufWriter::new(file))
        }
        None => Box::new(std::io::stdout()),
    };
    let mut tee = Tee::default();
    tee.push(match format {
        Format::Human => Box::new(HumanSink::new(out)),
        Format::Jsonl => Box::new(JsonlSink::new(out)),
        Format::Csv => Box::new(CsvSink::new(out, fresh_output)?),
    });
    if let Some(dir) = &args.report {
        tee.push(Box::new(HtmlReport::new(dir)?));
    }
    Ok(tee)
}

/// What an earlier run already wrote to the --output file.
#[derive(Default)]
struct Previous {
    paths: HashSet<String>,
    count: u64,
    flagged: bool,
    failed: u64,
}

fn read_previous(path: &Path) -> anyhow::Result<Previous> {
    let mut previous = Previous::default();
    let file = match File::open(path) {
        Ok(file) => file,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(previous),
        Err(err) => {
            return Err(err).with_context(|| format!("cannot read {} to resume", path.display()));
        }
    };
    for line in BufReader::new(file).lines() {
        let line = line?;
        // A run killed mid-write leaves a partial last line: that input is simply scanned again.
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        let Some(p) = value.get("path").and_then(|p| p.as_str()) else {
            continue;
        };
        let verdict = value.get("verdict").and_then(|v| v.as_str());
        let flagged = [Verdict::Review, Verdict::Block].map(Verdict::as_str);
        previous.flagged |= verdict.is_some_and(|v| flagged.contains(&v));
        previous.failed += u64::from(verdict.is_none());
        previous.count += 1;
        previous.paths.insert(p.to_string());
    }
    Ok(previous)
}

fn progress_bar() -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} {pos} images scanned ({per_sec}) {elapsed}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}

fn print_summary(summary: &ScanSummary, resumed: u64) {
    let skipped = if resumed > 0 {
        format!(", {resumed} already in the output")
    } else {
        String::new()
    };
    eprintln!(
        "shanzhai: {} images in {:.1} s ({:.2} images/s): block {}, review {}, pass {}, errors {}{skipped}",
        summary.total(),
        summary.elapsed.as_secs_f64(),
        summary.per_second(),
        summary.block,
        summary.review,
        summary.pass,
        summary.errors,
    );
}
