//! The one place the service calls the scanning library: analyzers built from the scan config as
//! `shanzhai scan` builds them, run on dedicated worker threads (one [`Analyzer`] each, off the
//! async runtime), fed through one bounded queue.
//!
//! Everything else in `serve` sees a scan as JSON: the [`ImageResult`] serialised by serde, so
//! whatever fields `shanzhai scan --format jsonl` prints flow through unchanged, minus `path`.

use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::body::Bytes;
use axum::http::StatusCode;
use serde_json::{Map, Value};
use tokio::sync::{OwnedSemaphorePermit, mpsc, oneshot};

use super::bank::SharedBank;
use super::error::{ApiError, ServeError};
use crate::dedup::BankMatch;
use crate::input::{InputError, decode_image};
use crate::runtime::RuntimeOptions;
use crate::scan::{Analyzer, AnalyzerFactory, ImageResult, ScanConfig, ScanError};

/// What became of one upload.
#[derive(Debug)]
pub enum Outcome {
    /// The image was analysed (a stage may still have failed: then `verdict` is `None`).
    Scanned(Scanned),
    /// The upload is not an image `shanzhai scan` can read: 415 or 422 with its message.
    Rejected(ApiError),
}

/// A finished scan, as JSON.
#[derive(Debug, Clone)]
pub struct Scanned {
    /// The scan's JSONL object without `path`.
    pub result: Map<String, Value>,
    /// `pass`, `review` or `block`; `None` when a stage failed (see `error`).
    pub verdict: Option<String>,
    /// Why the image could not be analysed.
    pub error: Option<String>,
    /// Seconds from decode to verdict.
    pub seconds: f64,
    /// The near-duplicate bank entry whose decision the verdict was taken from (also in the
    /// result as `duplicate_of`).
    pub duplicate_of: Option<BankMatch>,
}

impl Scanned {
    /// True when the verdict sends the upload to the review queue: `review` or `block`, unless
    /// a reviewer's decision on a near-duplicate decided it already.
    pub fn flagged(&self) -> bool {
        self.duplicate_of.is_none() && matches!(self.verdict.as_deref(), Some("review" | "block"))
    }
}

/// The queue is full: try again after `retry_after` seconds.
#[derive(Debug, Clone, Copy)]
pub struct Busy {
    /// Estimated seconds until a slot frees up.
    pub retry_after: u64,
}

struct Task {
    bytes: Bytes,
    reply: oneshot::Sender<Outcome>,
    /// The upload's share of the memory budget, given back when the task is done.
    _permit: Option<OwnedSemaphorePermit>,
}

#[derive(Default)]
struct Stats {
    waiting: AtomicUsize,
    ready_workers: AtomicUsize,
    failed: AtomicBool,
    /// Exponential moving average of seconds per scan, as f64 bits (0 = none yet).
    mean_seconds: AtomicU64,
}

/// The worker pool. Cheap to share behind an `Arc`.
pub struct Engine {
    queue: SyncSender<Task>,
    stats: Arc<Stats>,
    jobs: usize,
    capacity: usize,
}

impl Engine {
    /// Starts `jobs` workers with room for `capacity` scans waiting. ONNX Runtime and the models
    /// are loaded (and on first use fetched, which may take minutes) in the background while the
    /// server already answers; the receiver gets one message per worker once its models are
    /// loaded, or the error that stopped them.
    pub fn start(
        config: ScanConfig,
        runtime: RuntimeOptions,
        jobs: usize,
        capacity: usize,
        bank: Arc<SharedBank>,
    ) -> Result<(Engine, mpsc::UnboundedReceiver<Loaded>), ServeError> {
        let (queue, tasks) = sync_channel::<Task>(capacity);
        let tasks = Arc::new(Mutex::new(tasks));
        let (loaded, loaded_rx) = mpsc::unbounded_channel();
        let stats = Arc::new(Stats::default());
        // Split the cores between workers as `shanzhai scan` does.
        let threads = (cpus() / jobs).max(1);
        let shared = stats.clone();
        std::thread::Builder::new()
            .name("shanzhai-serve-load".into())
            .spawn(move || {
                let factory = match factory(config, &runtime, threads) {
                    Ok(factory) => factory,
                    Err(err) => return fail(&shared, &loaded, ServeError::Models(err)),
                };
                // The workers are a rayon pool's threads, as `shanzhai scan`'s are, so any
                // parallel loop inside the stages stays on them instead of a second pool.
                let pool = rayon::ThreadPoolBuilder::new()
                    .num_threads(jobs)
                    .thread_name(|index| format!("shanzhai-serve-{index}"))
                    .build();
                let pool = match pool {
                    Ok(pool) => pool,
                    Err(err) => {
                        let err = ServeError::Models(ScanError::Threads(err));
                        return fail(&shared, &loaded, err);
                    }
                };
                // Returns when every worker has stopped (the engine is gone).
                pool.broadcast(|_| match factory.analyzer() {
                    Ok(analyzer) => {
                        shared.ready_workers.fetch_add(1, Ordering::SeqCst);
                        let _ = loaded.send(Ok(()));
                        work(analyzer, &tasks, &shared, &bank);
                    }
                    Err(err) => fail(&shared, &loaded, ServeError::Models(err)),
                });
            })?;
        let engine = Engine {
            queue,
            stats,
            jobs,
            capacity,
        };
        Ok((engine, loaded_rx))
    }

    /// Workers with their models loaded.
    pub fn workers_ready(&self) -> usize {
        self.stats.ready_workers.load(Ordering::SeqCst)
    }

    /// True once every worker has its models loaded.
    pub fn is_ready(&self) -> bool {
        !self.stats.failed.load(Ordering::SeqCst)
            && self.stats.ready_workers.load(Ordering::SeqCst) == self.jobs
    }

    /// Scans waiting for a worker.
    pub fn waiting(&self) -> usize {
        self.stats.waiting.load(Ordering::SeqCst)
    }

    /// True when the queue has no room: a sync upload would be refused after it was read, so
    /// it is refused before.
    pub fn is_full(&self) -> bool {
        self.waiting() >= self.capacity
    }

    /// Number of workers.
    pub fn jobs(&self) -> usize {
        self.jobs
    }

    /// Queues `bytes` for a worker without waiting; [`Busy`] when the queue is full. `permit`
    /// (the upload's memory) is held until the scan is done.
    pub fn try_submit(
        &self,
        bytes: Bytes,
        permit: Option<OwnedSemaphorePermit>,
    ) -> Result<oneshot::Receiver<Outcome>, Busy> {
        let (reply, receiver) = oneshot::channel();
        let task = Task {
            bytes,
            reply,
            _permit: permit,
        };
        // Counted before the send so a fast worker never sees the counter below zero.
        self.stats.waiting.fetch_add(1, Ordering::SeqCst);
        match self.queue.try_send(task) {
            Ok(()) => Ok(receiver),
            Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) => {
                self.stats.waiting.fetch_sub(1, Ordering::SeqCst);
                Err(Busy {
                    retry_after: self.retry_after(),
                })
            }
        }
    }

    /// Seconds until the queue has likely drained one slot per waiting scan: what a 503's
    /// `Retry-After` says.
    pub fn retry_after(&self) -> u64 {
        let mean = f64::from_bits(self.stats.mean_seconds.load(Ordering::Relaxed));
        let mean = if mean > 0.0 { mean } else { 1.0 };
        let ahead = (self.waiting() + 1) as f64;
        ((ahead * mean / self.jobs as f64).ceil() as u64).clamp(1, 120)
    }
}

/// Decodes an upload the way the scan will, to refuse what it cannot read before accepting it.
/// Blocking and CPU-bound: call it off the async runtime.
pub fn check_upload(bytes: &[u8]) -> Result<(), ApiError> {
    decode_image(bytes).map(drop).map_err(rejection)
}

/// The answer to an upload `decode_image` refused, with the message `shanzhai scan` prints: 415
/// when it is not an image (or not a format we read), 422 when it is one we cannot use.
fn rejection(err: InputError) -> ApiError {
    let status = match err {
        InputError::NotAnImage { .. } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        // Empty, corrupt or truncated, too large in pixels.
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    };
    ApiError::new(status, err.to_string())
}

fn work(mut analyzer: Analyzer, tasks: &Mutex<Receiver<Task>>, stats: &Stats, bank: &SharedBank) {
    loop {
        let next = tasks.lock().unwrap_or_else(|p| p.into_inner()).recv();
        let Ok(task) = next else { return }; // the engine is gone
        stats.waiting.fetch_sub(1, Ordering::SeqCst);
        // A caller that gave up (a sync client hung up) is skipped.
        if !task.reply.is_closed() {
            answer(&mut analyzer, task, stats, bank);
            // The image, its tensors and the upload are dropped by now.
            super::memory::release_free_memory();
        }
    }
}

/// Scans one task and sends the outcome; the task (and its upload's bytes) goes with it.
fn answer(analyzer: &mut Analyzer, task: Task, stats: &Stats, bank: &SharedBank) {
    let outcome = analyze(analyzer, &task.bytes, bank);
    if let Outcome::Scanned(scanned) = &outcome {
        record(stats, scanned.seconds);
    }
    let _ = task.reply.send(outcome);
}

fn record(stats: &Stats, seconds: f64) {
    let old = f64::from_bits(stats.mean_seconds.load(Ordering::Relaxed));
    let new = if old > 0.0 {
        0.8 * old + 0.2 * seconds
    } else {
        seconds
    };
    stats.mean_seconds.store(new.to_bits(), Ordering::Relaxed);
}

/// Decode and analyse, as `Analyzer::analyze_input` does for a file: a panic becomes the
/// result's error, and `ms` covers decoding and every stage. Then the near-duplicate bank: an
/// upload close to a decided image takes that decision (`duplicate_of`).
fn analyze(analyzer: &mut Analyzer, bytes: &[u8], bank: &SharedBank) -> Outcome {
    let started = Instant::now();
    let image = match decode_image(bytes) {
        Ok(image) => image,
        Err(err) => return Outcome::Rejected(rejection(err)),
    };
    let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| {
        analyzer.analyze_image(&image, String::new())
    }));
    let mut result = outcome.unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown".into());
        ImageResult::failed(
            String::new(),
            format!("internal error while analysing: {what}"),
            0.0,
        )
    });
    let found = match result.verdict {
        Some(_) => bank.lookup_image(&image),
        None => None, // a stage failed: the error stands, nothing is decided
    };
    let seconds = started.elapsed().as_secs_f64();
    result.ms = (seconds * 1e6).round() / 1e3;
    let mut scanned = to_json(&result, seconds);
    if let Some(found) = found {
        scanned.verdict = Some(super::bank::apply_duplicate(&mut scanned.result, &found).into());
        scanned.duplicate_of = Some(found);
    }
    Outcome::Scanned(scanned)
}

fn to_json(result: &ImageResult, seconds: f64) -> Scanned {
    // Through text, not `to_value`: `to_value` widens f32 scores to f64 (0.9982591 becomes
    // 0.9982591271400452), and the API must print the very numbers the JSONL prints.
    let value = serde_json::to_string(result).and_then(|text| serde_json::from_str(&text));
    let mut map = match value {
        Ok(Value::Object(map)) => map,
        Ok(_) | Err(_) => {
            let mut map = Map::new();
            map.insert("verdict".into(), Value::Null);
            map.insert("error".into(), "cannot serialise the result".into());
            map
        }
    };
    map.remove("path");
    let text = |key: &str| map.get(key).and_then(Value::as_str).map(str::to_string);
    Scanned {
        verdict: text("verdict"),
        error: text("error"),
        result: map,
        seconds,
        duplicate_of: None,
    }
}

/// What a worker reports once it has its models, or why it has none.
pub type Loaded = Result<(), ServeError>;

fn fail(stats: &Stats, report: &mpsc::UnboundedSender<Loaded>, err: ServeError) {
    stats.failed.store(true, Ordering::SeqCst);
    let _ = report.send(Err(err));
}

/// ONNX Runtime and the models the config's stages need, as `shanzhai scan` gets them.
fn factory(
    config: ScanConfig,
    runtime: &RuntimeOptions,
    threads: usize,
) -> Result<AnalyzerFactory, ScanError> {
    let loaded = runtime.load_runtime()?;
    let ocr_models = match config.stages.ocr {
        true => Some(runtime.ocr_models()?),
        false => None,
    };
    Ok(AnalyzerFactory::new(config, loaded, ocr_models)?.with_threads_per_worker(threads))
}

fn cpus() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_drops_the_path_and_reads_the_verdict() {
        let mut result = ImageResult::new("upload.png".into());
        result.ms = 3.0;
        let scanned = to_json(&result, 0.003);
        assert!(!scanned.result.contains_key("path"));
        assert!(scanned.result.contains_key("ms"));
        assert_eq!(scanned.verdict, None);
        assert!(!scanned.flagged());
    }

    #[test]
    fn uploads_that_are_not_images_are_refused() {
        let status = |bytes: &[u8]| check_upload(bytes).unwrap_err().status;
        assert_eq!(status(b"hello"), StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert_eq!(status(b""), StatusCode::UNPROCESSABLE_ENTITY);
        let err = check_upload(b"").unwrap_err();
        assert_eq!(err.message, "empty file (0 bytes)");
    }
}
