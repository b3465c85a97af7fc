//! The review queue's API: list, claim, decide, and the audit log.

use std::sync::Arc;

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::{Extension, Json};
use serde::Deserialize;
use serde_json::{Value, json};

use super::AppState;
use super::auth::Caller;
use super::error::{ApiError, ApiResult};
use super::store::Refusal;

/// Most items one listing returns.
const MAX_LIMIT: i64 = 1000;
/// Longest accepted decision reason, in characters.
const MAX_REASON: usize = 4000;

/// The query of `GET /v1/review/queue`.
#[derive(Debug, Deserialize)]
pub struct QueueQuery {
    status: Option<String>,
    limit: Option<i64>,
}

/// `GET /v1/review/queue?status=pending|claimed|decided[&limit=N]`: oldest first.
pub async fn queue(
    State(state): State<Arc<AppState>>,
    query: Result<Query<QueueQuery>, QueryRejection>,
) -> ApiResult<Json<Value>> {
    let Query(query) = query.map_err(|rejection| ApiError::bad_request(rejection.body_text()))?;
    let status = query.status.as_deref().unwrap_or("pending");
    if !matches!(status, "pending" | "claimed" | "decided") {
        return Err(ApiError::bad_request(
            "status must be pending, claimed or decided",
        ));
    }
    state.store.expire_review_leases().await?;
    let items = state
        .store
        .review_items(status, limit(query.limit, 100)?)
        .await?;
    Ok(Json(json!({ "items": items })))
}

/// `POST /v1/review/claim`: leases the oldest pending item to the caller.
pub async fn claim(
    State(state): State<Arc<AppState>>,
    Extension(caller): Extension<Caller>,
) -> ApiResult<Json<Value>> {
    state.store.expire_review_leases().await?;
    state
        .store
        .claim_review(&caller.name, state.settings.review_lease)
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::not_found("the review queue has no pending item"))
}

/// The body of `POST /v1/review/{id}/decision`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionBody {
    decision: String,
    #[serde(default)]
    reason: String,
}

/// `POST /v1/review/{id}/decision`: only the claimant, while the claim holds (else 409).
pub async fn decide(
    State(state): State<Arc<AppState>>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    body: Result<Json<DecisionBody>, JsonRejection>,
) -> ApiResult<Json<Value>> {
    let Json(body) =
        body.map_err(|rejection| ApiError::new(rejection.status(), rejection.body_text()))?;
    if !matches!(body.decision.as_str(), "confirm" | "overturn" | "escalate") {
        return Err(ApiError::unprocessable(
            "decision must be confirm, overturn or escalate",
        ));
    }
    if body.reason.chars().count() > MAX_REASON {
        return Err(ApiError::unprocessable(format!(
            "reason is longer than {MAX_REASON} characters"
        )));
    }
    match state
        .store
        .decide(&id, &caller.name, &body.decision, &body.reason)
        .await?
    {
        Ok(item) => {
            super::bank::record(&state, &id, &body.decision, &caller.name).await;
            Ok(Json(item))
        }
        Err(Refusal::NotFound) => Err(ApiError::not_found(format!("no review item {id}"))),
        Err(Refusal::Conflict(why)) => Err(ApiError::conflict(why)),
    }
}

/// The query of `GET /v1/audit`.
#[derive(Debug, Deserialize)]
pub struct AuditQuery {
    after: Option<i64>,
    limit: Option<i64>,
}

/// `GET /v1/audit[?after=ID&limit=N]`: claims, expiries and decisions in the order they happened.
pub async fn audit(
    State(state): State<Arc<AppState>>,
    query: Result<Query<AuditQuery>, QueryRejection>,
) -> ApiResult<Json<Value>> {
    let Query(query) = query.map_err(|rejection| ApiError::bad_request(rejection.body_text()))?;
    state.store.expire_review_leases().await?;
    let items = state
        .store
        .audit_log(query.after.unwrap_or(0), limit(query.limit, 100)?)
        .await?;
    Ok(Json(json!({ "items": items })))
}

fn limit(asked: Option<i64>, default: i64) -> ApiResult<i64> {
    match asked {
        None => Ok(default),
        Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
        Some(_) => Err(ApiError::bad_request(format!(
            "limit must be between 1 and {MAX_LIMIT}"
        ))),
    }
}
