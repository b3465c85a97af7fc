//! The batch pipeline: inputs → decode → OCR + term matching → visual classifier → fused verdict.
//!
//! The stages are behind two small traits ([`TextStage`], [`VisualStage`]) so the pipeline can be
//! tested with fake stages and either stage can be switched off. Each worker owns an [`Analyzer`]
//! with its own ONNX Runtime sessions (sessions run through `&mut self`), and the workers are the
//! threads of a rayon pool. Inputs stream through bounded channels, so memory stays flat however
//! large the folder: the walker is at most a few paths ahead of the workers, and each result is
//! handed to the writers as soon as it is ready.

mod build;
pub mod config;
pub mod fuse;
pub mod inputs;
pub mod result;

use std::panic::AssertUnwindSafe;
use std::path::Path;
use std::sync::mpsc::sync_channel;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use image::DynamicImage;

pub use build::AnalyzerFactory;
pub use config::{ConfigError, ScanConfig};
pub use fuse::{FiredRule, FusionRules};
pub use inputs::Input;
pub use result::{ImageResult, LineMatch};

use crate::ocr::{OcrError, StageTimes, TextLine};
use crate::runtime::RuntimeError;
use crate::terms::{Match, Matcher, TermsError, Verdict};
use crate::vision::{Thresholds, VisionError, VisualScores};

/// Why a scan could not be set up or run. Errors about single inputs are not errors: they are
/// results, with their `error` set.
#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    /// The config file is unusable.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// A rule file is unusable.
    #[error(transparent)]
    Terms(#[from] TermsError),
    /// ONNX Runtime or a model file could not be had.
    #[error(transparent)]
    Runtime(#[from] RuntimeError),
    /// The OCR engine could not start.
    #[error("cannot start the OCR engine")]
    Ocr(#[source] OcrError),
    /// The visual classifier could not start.
    #[error("cannot start the visual classifier")]
    Vision(#[source] VisionError),
    /// OCR is switched on but no OCR models were given.
    #[error("the OCR stage is on but no OCR model paths were given")]
    NoOcrModels,
    /// A run was asked for without workers.
    #[error("at least one worker is needed")]
    NoWorkers,
    /// The worker threads could not be started.
    #[error("cannot start the worker threads")]
    Threads(#[from] rayon::ThreadPoolBuildError),
}

/// The OCR stage as the pipeline sees it.
pub trait TextStage: Send {
    /// Recognised lines of `image`, in reading order.
    fn read_lines(&mut self, image: &DynamicImage) -> Result<Vec<TextLine>, OcrError>;

    /// Time spent per OCR stage so far (zero for stages that do not keep time).
    fn stage_times(&self) -> StageTimes {
        StageTimes::default()
    }
}

/// The visual classifier as the pipeline sees it.
pub trait VisualStage: Send {
    /// Per-label scores, detections and evidence boxes for `image`.
    fn score(&mut self, image: &DynamicImage) -> Result<VisualScores, VisionError>;
}

impl TextStage for crate::ocr::OcrEngine {
    fn read_lines(&mut self, image: &DynamicImage) -> Result<Vec<TextLine>, OcrError> {
        self.recognize(image)
    }

    fn stage_times(&self) -> StageTimes {
        crate::ocr::OcrEngine::stage_times(self)
    }
}

impl VisualStage for crate::vision::VisualClassifier {
    fn score(&mut self, image: &DynamicImage) -> Result<VisualScores, VisionError> {
        self.classify(image)
    }
}

/// Something that wants each decoded image with its finished result, on the worker thread
/// (the HTML report draws its annotated images there, in parallel).
pub trait ImageObserver: Send + Sync {
    /// Called once per successfully decoded input, after the verdict is known.
    fn observe(&self, seq: u64, image: &DynamicImage, result: &ImageResult);
}

/// One finished input: its position in the input stream and its result.
#[derive(Debug, Clone)]
pub struct Scanned {
    /// 0-based position of the input in the stream (stable across runs of the same inputs).
    pub seq: u64,
    /// What the scan found.
    pub result: ImageResult,
}

/// Runs the stages on one image at a time. Each worker owns one.
pub struct Analyzer {
    ocr: Option<Box<dyn TextStage>>,
    visual: Option<Box<dyn VisualStage>>,
    matcher: Arc<Matcher>,
    fusion: FusionRules,
    thresholds: Thresholds,
    observer: Option<Arc<dyn ImageObserver>>,
}

impl Analyzer {
    /// An analyzer with the given stages (either may be `None`) and the shared matcher.
    pub fn new(
        ocr: Option<Box<dyn TextStage>>,
        visual: Option<Box<dyn VisualStage>>,
        matcher: Arc<Matcher>,
    ) -> Self {
        Analyzer {
            ocr,
            visual,
            matcher,
            fusion: FusionRules::default(),
            thresholds: Thresholds::default(),
            observer: None,
        }
    }

    /// Uses these fusion verdicts instead of the defaults.
    pub fn with_fusion(mut self, fusion: FusionRules) -> Self {
        self.fusion = fusion;
        self
    }

    /// Time the OCR stage has spent so far, per OCR stage (zero without OCR).
    pub fn ocr_stage_times(&self) -> StageTimes {
        self.ocr
            .as_ref()
            .map_or_else(StageTimes::default, |ocr| ocr.stage_times())
    }

    /// Overrides the model's detection thresholds.
    pub fn with_thresholds(mut self, thresholds: Thresholds) -> Self {
        self.thresholds = thresholds;
        self
    }

    /// Shows each decoded image and its result to `observer`.
    pub fn with_observer(mut self, observer: Arc<dyn ImageObserver>) -> Self {
        self.observer = Some(observer);
        self
    }

    /// Decodes and analyses one input. Never panics: every failure becomes the result's `error`.
    pub fn analyze_input(&mut self, seq: u64, input: &Input) -> ImageResult {
        let start = Instant::now();
        let display = input.path().to_string_lossy().into_owned();
        let path = match input {
            Input::File(path) => path,
            Input::Unreadable { message, .. } => {
                return ImageResult::failed(display, message.clone(), ms_since(start));
            }
        };
        let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| {
            self.analyze_file(seq, path, display.clone())
        }));
        let mut result = outcome.unwrap_or_else(|panic| {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown".into());
            ImageResult::failed(
                display,
                format!("internal error while analysing: {what}"),
                0.0,
            )
        });
        result.ms = ms_since(start);
        result
    }

    fn analyze_file(&mut self, seq: u64, path: &Path, display: String) -> ImageResult {
        let image = match crate::input::load_image(path) {
            Ok(image) => image,
            Err(err) => return ImageResult::failed(display, err.to_string(), 0.0),
        };
        let result = self.analyze_image(&image, display);
        if let Some(observer) = &self.observer {
            observer.observe(seq, &image, &result);
        }
        result
    }

    /// Analyses a decoded image: OCR → terms, visual scores, fusion.
    pub fn analyze_image(&mut self, image: &DynamicImage, path: String) -> ImageResult {
        let mut result = ImageResult::new(path);
        result.width = Some(image.width());
        result.height = Some(image.height());
        let mut errors = Vec::new();
        if let Some(ocr) = self.ocr.as_mut() {
            match ocr.read_lines(image) {
                Ok(lines) => result.ocr = lines,
                Err(err) => errors.push(format!("ocr: {}", crate::describe(&err))),
            }
        }
        if let Some(visual) = self.visual.as_mut() {
            match visual.score(image) {
                Ok(scores) => result.visual = Some(apply_thresholds(scores, &self.thresholds)),
                Err(err) => errors.push(format!("visual: {}", crate::describe(&err))),
            }
        }
        if !errors.is_empty() {
            result.error = Some(errors.join("; "));
            return result;
        }
        let (term_matches, line_matches) = match_lines(&self.matcher, &result.ocr);
        let text_verdict = Verdict::from_matches(&term_matches);
        result.matches = line_matches;
        let document = fuse::document_fields(result.ocr.iter().map(|line| line.text.as_str()));
        let fusion = fuse::fuse(
            &self.fusion,
            text_verdict,
            &result.matches,
            result.visual.as_ref(),
            &document,
        );
        result.verdict = Some(fusion.verdict);
        result.reasons = fusion.reasons;
        result.fired = fusion.fired;
        result
    }
}

/// Matches the terms against all OCR lines of an image at once, so a phrase the OCR split over
/// two lines (七天 / 拿证) and context rules that span lines still match. The lines are joined
/// with `\n`; each match is mapped back to its line(s), and one that spans lines becomes one
/// [`LineMatch`] per line it touches.
pub(crate) fn match_lines(matcher: &Matcher, lines: &[TextLine]) -> (Vec<Match>, Vec<LineMatch>) {
    let mut joined = String::new();
    let mut starts = Vec::with_capacity(lines.len()); // char offset where each line begins
    let mut offset = 0;
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            joined.push('\n');
            offset += 1;
        }
        starts.push(offset);
        joined.push_str(&line.text);
        offset += line.text.chars().count();
    }
    let matches = matcher.find_all(&joined);
    let mut per_line = Vec::new();
    for m in &matches {
        for (i, line) in lines.iter().enumerate() {
            let line_start = starts[i];
            let line_end = line_start + line.text.chars().count();
            let (start, end) = (m.start.max(line_start), m.end.min(line_end));
            if start < end {
                let text: String = line
                    .text
                    .chars()
                    .skip(start - line_start)
                    .take(end - start)
                    .collect();
                let piece = Match {
                    text,
                    start: start - line_start,
                    end: end - line_start,
                    ..m.clone()
                };
                per_line.push(LineMatch::new(i, piece));
            }
        }
    }
    (matches, per_line)
}

fn ms_since(start: Instant) -> f64 {
    (start.elapsed().as_secs_f64() * 1e6).round() / 1e3
}

fn apply_thresholds(mut scores: VisualScores, thresholds: &Thresholds) -> VisualScores {
    for (label, threshold) in thresholds.iter() {
        let score = scores.get_mut(label);
        score.detected = score.score >= threshold;
    }
    scores
}

/// Counts for the end-of-run summary.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScanSummary {
    /// Inputs that passed.
    pub pass: u64,
    /// Inputs flagged for review.
    pub review: u64,
    /// Inputs blocked.
    pub block: u64,
    /// Inputs that could not be analysed.
    pub errors: u64,
    /// Wall-clock time of the run.
    pub elapsed: Duration,
    /// Time the workers' OCR stages spent, summed over workers (zero without OCR).
    pub ocr_times: StageTimes,
}

impl ScanSummary {
    /// Counts one result.
    pub fn add(&mut self, result: &ImageResult) {
        match result.verdict {
            Some(Verdict::Pass) => self.pass += 1,
            Some(Verdict::Review) => self.review += 1,
            Some(Verdict::Block) => self.block += 1,
            None => self.errors += 1,
        }
    }

    /// Inputs handled in all.
    pub fn total(&self) -> u64 {
        self.pass + self.review + self.block + self.errors
    }

    /// True when any input was flagged.
    pub fn flagged(&self) -> bool {
        self.review + self.block > 0
    }

    /// Inputs per second over the run.
    pub fn per_second(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64();
        if secs > 0.0 {
            self.total() as f64 / secs
        } else {
            0.0
        }
    }
}

/// Runs `analyzers.len()` workers over `inputs` and hands every result to `on_result` on the
/// calling thread, in input order. An error from `on_result` (say, the output file cannot be
/// written) stops the run and is returned; errors about single inputs are results, not errors.
/// A panic while analysing one input becomes that input's error; the run goes on.
pub fn run<I, F, E>(inputs: I, analyzers: Vec<Analyzer>, mut on_result: F) -> Result<ScanSummary, E>
where
    I: Iterator<Item = Input> + Send,
    F: FnMut(&Scanned) -> Result<(), E>,
    E: From<ScanError>,
{
    if analyzers.is_empty() {
        return Err(ScanError::NoWorkers.into());
    }
    let started = Instant::now();
    let jobs = analyzers.len();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("shanzhai-scan-{i}"))
        .build()
        .map_err(ScanError::from)?;
    // Bounded queues: the walker stays a few inputs ahead, finished results wait for the writer.
    let (work_tx, work_rx) = sync_channel::<(u64, Input)>(jobs * 2);
    let (done_tx, done_rx) = sync_channel::<Scanned>(jobs * 2);
    let analyzers = Mutex::new(analyzers);
    let ocr_times_sum = Mutex::new(StageTimes::default());
    let ocr_times = &ocr_times_sum;
    let mut summary = ScanSummary::default();
    std::thread::scope(|scope| -> Result<(), E> {
        scope.spawn(move || {
            for (seq, input) in (0u64..).zip(inputs) {
                if work_tx.send((seq, input)).is_err() {
                    break; // the workers stopped early
                }
            }
        });
        scope.spawn(move || {
            let work_rx = Mutex::new(work_rx);
            pool.broadcast(|_| {
                let Some(mut analyzer) = analyzers.lock().unwrap_or_else(|p| p.into_inner()).pop()
                else {
                    return;
                };
                loop {
                    let next = work_rx.lock().unwrap_or_else(|p| p.into_inner()).recv();
                    let Ok((seq, input)) = next else { break };
                    let result = analyzer.analyze_input(seq, &input);
                    if done_tx.send(Scanned { seq, result }).is_err() {
                        break; // the writer stopped
                    }
                }
                let times = analyzer.ocr_stage_times();
                let mut sum = ocr_times.lock().unwrap_or_else(|p| p.into_inner());
                *sum = *sum + times;
            });
            // Dropping work_rx and done_tx here ends the feeder and the writer loop below.
        });
        // Results are handed on in input order, so two runs over the same folder print the same
        // lines in the same order; a slow image holds back only the few results behind it.
        let mut pending = std::collections::BTreeMap::new();
        let mut next_seq = 0u64;
        for scanned in done_rx {
            pending.insert(scanned.seq, scanned);
            while let Some(scanned) = pending.remove(&next_seq) {
                summary.add(&scanned.result);
                on_result(&scanned)?;
                next_seq += 1;
            }
        }
        Ok(())
    })?;
    summary.elapsed = started.elapsed();
    summary.ocr_times = ocr_times_sum
        .into_inner()
        .unwrap_or_else(|p| p.into_inner());
    Ok(summary)
}

#[cfg(test)]
mod tests;
