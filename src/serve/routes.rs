//! The HTTP API: the router, health and metrics, and the scan endpoints.

use std::sync::Arc;

use axum::extract::rejection::QueryRejection;
use axum::extract::{DefaultBodyLimit, Path, Query, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::AppState;
use super::auth::{self, Caller, Guard, Role};
use super::engine::{self, Outcome, Scanned};
use super::error::{ApiError, ApiResult};
use super::store::{Finished, NewScan, result_object};
use super::{bank, metrics, pages, review, upload};

/// Longest accepted `data_id` and `callback_url`.
const MAX_DATA_ID: usize = 256;
const MAX_URL: usize = 2048;

/// The service's routes, each behind the role it needs.
pub fn router(state: Arc<AppState>) -> Router {
    let guard = |needs| Guard {
        tokens: state.tokens.clone(),
        needs,
    };
    let submit = Router::new()
        .route("/v1/scan", post(scan))
        .route("/v1/scans/{id}", get(scan_status))
        .route_layer(from_fn_with_state(guard(Role::Submit), auth::require));
    let reviewing = Router::new()
        .route("/v1/review/queue", get(review::queue))
        .route("/v1/review/claim", post(review::claim))
        .route("/v1/review/{id}/decision", post(review::decide))
        .route_layer(from_fn_with_state(guard(Role::Review), auth::require));
    let admin = Router::new()
        .route("/v1/audit", get(review::audit))
        .route("/v1/bank", get(bank::list))
        .route("/v1/bank/{id}/disable", post(bank::disable))
        .route("/v1/bank/{id}/enable", post(bank::enable))
        .route_layer(from_fn_with_state(guard(Role::Admin), auth::require));
    let limit = usize::try_from(state.settings.max_upload).unwrap_or(usize::MAX);
    Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics_text))
        .merge(submit)
        .merge(reviewing)
        .merge(admin)
        .merge(pages::router())
        .fallback(|| async { ApiError::not_found("no such endpoint") })
        .method_not_allowed_fallback(|| async {
            ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "method not allowed here")
        })
        .layer(DefaultBodyLimit::max(limit))
        .layer(from_fn(metrics::track))
        .with_state(state)
}

async fn healthz(State(state): State<Arc<AppState>>) -> Response {
    if state.engine.is_ready() {
        Json(json!({"status": "ok", "workers": state.engine.jobs()})).into_response()
    } else {
        ApiError::unavailable("the models are still loading", 2).into_response()
    }
}

async fn metrics_text(State(state): State<Arc<AppState>>) -> Response {
    let unfinished = state.store.unfinished_jobs().await.ok();
    let backlog = state.store.review_backlog().await.ok();
    metrics::gauges(
        state.engine.waiting(),
        state.engine.workers_ready(),
        unfinished,
        backlog,
    );
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        state.prometheus.render(),
    )
        .into_response()
}

/// The query of `POST /v1/scan`.
#[derive(Debug, Deserialize)]
pub struct ScanQuery {
    data_id: Option<String>,
    mode: Option<String>,
    callback_url: Option<String>,
}

/// `POST /v1/scan`: sync answers with the result, async with 202 and the job's address.
async fn scan(
    State(state): State<Arc<AppState>>,
    Extension(caller): Extension<Caller>,
    query: Result<Query<ScanQuery>, QueryRejection>,
    request: Request,
) -> ApiResult<Response> {
    let Query(query) = query.map_err(|rejection| ApiError::bad_request(rejection.body_text()))?;
    let sync = match query.mode.as_deref() {
        None | Some("sync") => true,
        Some("async") => false,
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "mode must be sync or async, not {other:?}"
            )));
        }
    };
    check_data_id(query.data_id.as_deref())?;
    if let Some(url) = &query.callback_url {
        check_callback(&state, url)?;
    }
    // Refused before the body is buffered and hashed: the cheap way to say "later".
    let later = if !state.engine.is_ready() {
        Some(ApiError::unavailable("the models are still loading", 2))
    } else if sync && state.engine.is_full() {
        Some(busy(state.engine.retry_after()))
    } else {
        None
    };
    let permit = match (upload::reserve(&state, request.headers()), later) {
        (Err(err), _) if err.status == StatusCode::PAYLOAD_TOO_LARGE => return Err(err),
        (Err(err), _) | (Ok(_), Some(err)) => return Err(refuse(&state, request, err).await),
        (Ok(permit), None) => permit,
    };
    let bytes = upload::read(request).await?;
    let scan = NewScan {
        id: uuid::Uuid::new_v4().to_string(),
        data_id: query.data_id,
        sha256: hex(&Sha256::digest(&bytes)),
        submitted_by: caller.name,
        callback_url: query.callback_url,
    };
    if sync {
        scan_now(&state, scan, bytes, permit).await
    } else {
        accept(&state, scan, bytes, permit).await
    }
}

fn check_data_id(data_id: Option<&str>) -> ApiResult<()> {
    match data_id {
        Some(id) if id.chars().count() > MAX_DATA_ID || id.chars().any(char::is_control) => {
            Err(ApiError::bad_request(format!(
                "data_id must be at most {MAX_DATA_ID} printable characters"
            )))
        }
        _ => Ok(()),
    }
}

fn check_callback(state: &AppState, url: &str) -> ApiResult<()> {
    if url.len() > MAX_URL {
        return Err(ApiError::bad_request(format!(
            "callback_url is longer than {MAX_URL} bytes"
        )));
    }
    let parsed = reqwest::Url::parse(url)
        .map_err(|err| ApiError::bad_request(format!("callback_url is not a URL: {err}")))?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
        return Err(ApiError::bad_request(
            "callback_url must be an http:// or https:// URL with a host",
        ));
    }
    let hosts = &state.settings.callback_hosts;
    if !hosts.is_empty() && !hosts.iter().any(|h| Some(h.as_str()) == parsed.host_str()) {
        return Err(ApiError::bad_request(
            "callback_url's host is not in [serve] callback_hosts",
        ));
    }
    if state.settings.callback_secret.is_none() {
        return Err(ApiError::bad_request(
            "callbacks are signed, and this server has no [serve] callback_secret \
             (or SHANZHAI_CALLBACK_SECRET)",
        ));
    }
    Ok(())
}

/// Sync: scan on a worker (503 when the queue is full), store, answer with the result.
async fn scan_now(
    state: &AppState,
    scan: NewScan,
    bytes: axum::body::Bytes,
    permit: tokio::sync::OwnedSemaphorePermit,
) -> ApiResult<Response> {
    let reply = state
        .engine
        .try_submit(bytes.clone(), Some(permit))
        .map_err(|full| busy(full.retry_after))?;
    let scanned = match reply.await {
        Ok(Outcome::Scanned(scanned)) => scanned,
        Ok(Outcome::Rejected(err)) => {
            metrics::rejected("unreadable");
            return Err(err);
        }
        Err(_) => return Err(ApiError::internal("a scan worker stopped")),
    };
    metrics::scanned("sync", scanned.verdict.as_deref(), scanned.seconds);
    if scanned.verdict.is_none() {
        let why = scanned.error.as_deref().unwrap_or("unknown error");
        return Err(ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("the image could not be analysed: {why}"),
        ));
    }
    let finished = finished(&scanned);
    state
        .store
        .insert_done(&scan, &finished, &bytes, &state.replica)
        .await?;
    if scan.callback_url.is_some() {
        state.wake_callbacks.notify_one();
    }
    let review = json!({"status": if scanned.flagged() { "pending" } else { "none" }});
    let body = result_object(
        scanned.result,
        &scan.id,
        scan.data_id.as_deref(),
        &scan.sha256,
        review,
    );
    Ok(Json(Value::Object(body)).into_response())
}

/// An early 503, once the body has been read and thrown away (see `upload::drain`).
async fn refuse(state: &AppState, request: Request, err: ApiError) -> ApiError {
    upload::drain(request, state.settings.max_upload).await;
    err
}

fn busy(retry_after: u64) -> ApiError {
    metrics::rejected("busy");
    ApiError::unavailable(
        "every worker is busy and the queue is full; retry later",
        retry_after,
    )
}

/// Async: check the upload decodes, commit it as a queued job, then answer 202.
async fn accept(
    state: &AppState,
    scan: NewScan,
    bytes: axum::body::Bytes,
    permit: tokio::sync::OwnedSemaphorePermit,
) -> ApiResult<Response> {
    {
        let _decoding = state.checks.acquire().await.map_err(ApiError::internal)?;
        let copy = bytes.clone();
        tokio::task::spawn_blocking(move || engine::check_upload(&copy))
            .await
            .map_err(ApiError::internal)?
            .inspect_err(|_| metrics::rejected("unreadable"))?;
    }
    let unfinished = state.store.unfinished_jobs().await?;
    if unfinished >= i64::try_from(state.settings.max_queued_jobs).unwrap_or(i64::MAX) {
        metrics::rejected("busy");
        let wait = (unfinished as f64 * 0.5 / state.engine.jobs() as f64).ceil() as u64;
        return Err(ApiError::unavailable(
            format!("{unfinished} jobs are waiting already; retry later"),
            wait.clamp(1, 600),
        ));
    }
    state.store.insert_queued(&scan, &bytes).await?;
    drop(permit); // the bytes are in the database now
    state.wake_jobs.notify_one();
    let location = format!("/v1/scans/{}", scan.id);
    Ok((
        StatusCode::ACCEPTED,
        [(header::LOCATION, location)],
        Json(json!({"id": scan.id, "status": "queued"})),
    )
        .into_response())
}

/// `GET /v1/scans/{id}`.
async fn scan_status(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> ApiResult<Json<Value>> {
    state
        .store
        .scan(&id)
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("no scan {id}")))
}

/// What a worker's scan becomes in the store.
pub fn finished(scanned: &Scanned) -> Finished {
    Finished {
        result: Some(scanned.result.clone()),
        verdict: scanned.verdict.clone(),
        error: scanned.error.clone(),
        decided_by_bank: scanned.duplicate_of.is_some(),
    }
}

/// Lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::new(), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}
