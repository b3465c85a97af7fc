//! `shanzhai serve`: the upload-scanning HTTP API, its durable job store and the review queue.
//!
//! A platform POSTs each upload to `/v1/scan` and gets the verdict in the same request (sync) or
//! by polling and callback (async); flagged uploads wait in a review queue that reviewers claim
//! and decide, with an append-only audit log. Design, API and figures: `docs/serve.md`.
//!
//! The parts, by concern:
//! - [`config`]: the `[serve]` section of the config file;
//! - `auth`: bearer tokens and roles;
//! - `engine`: the only caller of the scanning library, worker threads behind a bounded queue;
//! - `store`: SQLite or PostgreSQL: scans/jobs, uploads, review items, audit log;
//! - `routes`, `upload`, `review`: the HTTP API;
//! - `pages`: the reviewers' web pages (`/login`, `/review`, `/review/{id}`, `/review/audit`);
//! - `bank`: the near-duplicate bank: decided images' PDQ hashes deciding their re-posts;
//! - `jobs`: claiming and running async jobs, leases, graceful shutdown;
//! - `callbacks`: signed result delivery with retries;
//! - `metrics`: the Prometheus exporter.

mod auth;
mod bank;
mod callbacks;
pub mod config;
mod engine;
mod error;
mod jobs;
mod memory;
mod metrics;
mod pages;
mod review;
mod routes;
mod store;
mod upload;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use metrics_exporter_prometheus::PrometheusHandle;
use tokio::sync::{Notify, Semaphore, mpsc, watch};

use crate::runtime::RuntimeOptions;
use auth::Tokens;
use config::ServeSettings;
use engine::{Engine, Loaded};
pub use error::ServeError;
use store::Store;

/// What `shanzhai serve` was asked for.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Address to listen on (port 0 picks a free one; the chosen address is printed).
    pub listen: SocketAddr,
    /// `sqlite:PATH` or `postgres://...`; `None`: `serve.db` in the user's data directory.
    pub db: Option<String>,
    /// The `ROLE NAME TOKEN` file; without it only a loopback address is served.
    pub tokens: Option<PathBuf>,
    /// The scan config file, with its optional `[serve]` section.
    pub config: Option<PathBuf>,
    /// Worker threads, each with its own models.
    pub jobs: usize,
    /// Where ONNX Runtime and the models come from.
    pub runtime: RuntimeOptions,
}

/// Everything the handlers and background tasks share.
struct AppState {
    store: Store,
    engine: Engine,
    settings: ServeSettings,
    tokens: Arc<Tokens>,
    /// This process's name in job leases: host, port and a random part.
    replica: String,
    /// Upload bytes in memory, in KiB: a body is read only with its share reserved.
    uploads: Arc<Semaphore>,
    /// Async uploads being test-decoded before they are accepted.
    checks: Arc<Semaphore>,
    /// Async jobs this replica runs at once (one per worker).
    job_slots: Arc<Semaphore>,
    wake_jobs: Notify,
    wake_callbacks: Notify,
    prometheus: PrometheusHandle,
    http: reqwest::Client,
    /// The near-duplicate bank, in memory, kept in step with the database's `bank` table.
    bank: Arc<bank::SharedBank>,
}

/// Runs the service until SIGTERM or Ctrl-C; an error when it cannot start (or its models
/// cannot be loaded).
pub fn run(options: ServeOptions) -> Result<(), ServeError> {
    let tokens = match &options.tokens {
        Some(path) => Tokens::load(path)?,
        None if options.listen.ip().is_loopback() => Tokens::open(),
        None => return Err(ServeError::Unprotected(options.listen)),
    };
    let (scan_config, settings) = config::load(options.config.as_deref())?;
    memory::limit_arenas(options.jobs);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("shanzhai-http")
        .build()?;
    runtime.block_on(serve(options, tokens, scan_config, settings))
}

async fn serve(
    options: ServeOptions,
    tokens: Tokens,
    scan_config: crate::scan::ScanConfig,
    settings: ServeSettings,
) -> Result<(), ServeError> {
    init_tracing();
    // One TLS implementation for the database and callbacks (ring, already compiled for sqlx).
    let _ = rustls::crypto::ring::default_provider().install_default();
    let prometheus = metrics::install()?;
    let db = options
        .db
        .clone()
        .unwrap_or_else(|| format!("sqlite:{}", store::default_sqlite_path().display()));
    let store = Store::open(&db).await?;
    let bank = Arc::new(bank::SharedBank::load(&store).await?);
    let listener = tokio::net::TcpListener::bind(options.listen)
        .await
        .map_err(|source| ServeError::Listen {
            address: options.listen,
            source,
        })?;
    let address = listener.local_addr()?;
    let jobs = options.jobs.max(1);
    let capacity = settings.queue.unwrap_or(4 * jobs).max(1);
    let (engine, loaded) = Engine::start(
        scan_config,
        options.runtime.clone(),
        jobs,
        capacity,
        bank.clone(),
    )?;
    let state = Arc::new(AppState {
        store,
        engine,
        uploads: Arc::new(Semaphore::new(kib(settings.upload_memory))),
        checks: Arc::new(Semaphore::new(jobs)),
        job_slots: Arc::new(Semaphore::new(jobs)),
        replica: replica_name(address),
        tokens: Arc::new(tokens),
        wake_jobs: Notify::new(),
        wake_callbacks: Notify::new(),
        prometheus,
        http: callbacks::client(&settings)?,
        bank,
        settings,
    });
    let (stop, stopping) = watch::channel(false);
    let fatal = Arc::new(Mutex::new(None));
    tokio::spawn(watch_loading(loaded, jobs, fatal.clone(), stop.clone()));
    tokio::spawn(stop_on_signal(stop.clone()));
    let dispatcher = tokio::spawn(jobs::dispatch(state.clone(), stopping.clone()));
    tokio::spawn(jobs::maintain(state.clone()));
    tokio::spawn(callbacks::deliver(state.clone(), stopping.clone()));
    tokio::spawn(bank::sync(state.clone()));
    eprintln!(
        "shanzhai serve: listening on http://{address} (database {}, {jobs} workers, {})",
        store::redact(&db),
        if state.tokens.is_open() {
            "no tokens: loopback only"
        } else {
            "bearer tokens"
        }
    );
    axum::serve(listener, routes::router(state.clone()))
        .with_graceful_shutdown(stopped(stopping))
        .await?;
    let _ = dispatcher.await;
    jobs::drain(&state).await;
    match fatal.lock().unwrap_or_else(|p| p.into_inner()).take() {
        Some(err) => Err(err),
        None => {
            tracing::info!("stopped");
            Ok(())
        }
    }
}

/// Waits until `stop` says true.
async fn stopped(mut stop: watch::Receiver<bool>) {
    let _ = stop.wait_for(|stopping| *stopping).await;
}

async fn stop_on_signal(stop: watch::Sender<bool>) {
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    tokio::select! {
        _ = terminate => {}
        _ = tokio::signal::ctrl_c() => {}
    }
    tracing::info!("shutting down: no new requests; running jobs finish or go back to the queue");
    let _ = stop.send(true);
}

/// Waits for every worker's models; a worker that cannot load them stops the server.
async fn watch_loading(
    mut loaded: mpsc::UnboundedReceiver<Loaded>,
    jobs: usize,
    fatal: Arc<Mutex<Option<ServeError>>>,
    stop: watch::Sender<bool>,
) {
    for _ in 0..jobs {
        match loaded.recv().await {
            Some(Ok(())) => {}
            Some(Err(err)) => {
                tracing::error!("{}", crate::describe(&err));
                *fatal.lock().unwrap_or_else(|p| p.into_inner()) = Some(err);
                let _ = stop.send(true);
                return;
            }
            None => return,
        }
    }
    tracing::info!("models loaded: {jobs} workers ready");
}

fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("SHANZHAI_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn,shanzhai=info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_writer(std::io::stderr)
        .try_init();
}

fn replica_name(address: SocketAddr) -> String {
    let host = std::fs::read_to_string("/etc/hostname")
        .ok()
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "host".into());
    let random = uuid::Uuid::new_v4().simple().to_string();
    format!("{host}:{}:{}", address.port(), &random[..8])
}

/// Bytes in whole KiB, rounded up, as semaphore permits.
fn kib(bytes: u64) -> usize {
    usize::try_from(bytes.div_ceil(1024))
        .unwrap_or(usize::MAX)
        .min(Semaphore::MAX_PERMITS)
}
