//! Prometheus metrics (`GET /metrics`), all named `shanzhai_*`:
//!
//! | metric | type | labels |
//! |---|---|---|
//! | `shanzhai_http_requests_total` | counter | `route`, `method`, `status` |
//! | `shanzhai_http_request_duration_seconds` | histogram | `route` |
//! | `shanzhai_scan_duration_seconds` | histogram | `mode` (sync, async) |
//! | `shanzhai_verdicts_total` | counter | `verdict` (pass, review, block, error) |
//! | `shanzhai_uploads_rejected_total` | counter | `reason` (busy, too_large, unreadable) |
//! | `shanzhai_callbacks_total` | counter | `outcome` (delivered, retry, failed) |
//! | `shanzhai_queue_depth` | gauge | scans waiting for a worker in this process |
//! | `shanzhai_jobs_unfinished` | gauge | async jobs queued or running, all replicas |
//! | `shanzhai_review_backlog` | gauge | review items pending or claimed |
//! | `shanzhai_workers` | gauge | workers with their models loaded |

use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::middleware::Next;
use axum::response::Response;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

use super::error::ServeError;

/// Histogram buckets in seconds: scans take 0.05–10 s, API calls 1 ms–10 s.
const BUCKETS: &[f64] = &[
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0,
];

/// Installs the process's metrics recorder and returns the handle that renders them.
pub fn install() -> Result<PrometheusHandle, ServeError> {
    PrometheusBuilder::new()
        .set_buckets_for_metric(Matcher::Suffix("_seconds".into()), BUCKETS)
        .and_then(PrometheusBuilder::install_recorder)
        .map_err(ServeError::Metrics)
}

/// Counts and times every request by route (the route's pattern, never the raw path, so ids do
/// not make new series) and status.
pub async fn track(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", MatchedPath::as_str)
        .to_string();
    let method = request.method().as_str().to_string();
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    metrics::counter!("shanzhai_http_requests_total",
        "route" => route.clone(), "method" => method, "status" => status)
    .increment(1);
    metrics::histogram!("shanzhai_http_request_duration_seconds", "route" => route)
        .record(started.elapsed().as_secs_f64());
    response
}

/// Records one finished scan.
pub fn scanned(mode: &'static str, verdict: Option<&str>, seconds: f64) {
    metrics::histogram!("shanzhai_scan_duration_seconds", "mode" => mode).record(seconds);
    let verdict = match verdict {
        Some("pass") => "pass",
        Some("review") => "review",
        Some("block") => "block",
        _ => "error",
    };
    metrics::counter!("shanzhai_verdicts_total", "verdict" => verdict).increment(1);
}

/// Records an upload turned away.
pub fn rejected(reason: &'static str) {
    metrics::counter!("shanzhai_uploads_rejected_total", "reason" => reason).increment(1);
}

/// Records one callback attempt.
pub fn callback(outcome: &'static str) {
    metrics::counter!("shanzhai_callbacks_total", "outcome" => outcome).increment(1);
}

/// Sets the gauges read at scrape time; a `None` (say, the database is down) leaves its gauge
/// as it was.
pub fn gauges(
    queue_depth: usize,
    workers: usize,
    unfinished_jobs: Option<i64>,
    review_backlog: Option<i64>,
) {
    metrics::gauge!("shanzhai_queue_depth").set(queue_depth as f64);
    metrics::gauge!("shanzhai_workers").set(workers as f64);
    if let Some(jobs) = unfinished_jobs {
        metrics::gauge!("shanzhai_jobs_unfinished").set(jobs as f64);
    }
    if let Some(backlog) = review_backlog {
        metrics::gauge!("shanzhai_review_backlog").set(backlog as f64);
    }
}
