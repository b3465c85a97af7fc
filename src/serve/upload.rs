//! Reading an upload: the body limit (413 before a byte of an oversized body is read), the
//! memory budget (503 when too many uploads are in memory), raw bytes or multipart field `image`.

use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::{HeaderMap, StatusCode, header};
use http_body_util::BodyExt;
use tokio::sync::OwnedSemaphorePermit;

use super::AppState;
use super::error::{ApiError, ApiResult};
use super::metrics;

/// Reserves memory for the body `headers` announce: 413 when its `Content-Length` is over the
/// limit (the body is never read), 503 when the budget is spent. A body without a length
/// reserves the whole limit.
pub fn reserve(state: &AppState, headers: &HeaderMap) -> ApiResult<OwnedSemaphorePermit> {
    let limit = state.settings.max_upload;
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    if let Some(length) = declared.filter(|&length| length > limit) {
        metrics::rejected("too_large");
        return Err(too_large(length, limit));
    }
    let need = super::kib(declared.unwrap_or(limit)).max(1);
    let need = u32::try_from(need).unwrap_or(u32::MAX);
    state
        .uploads
        .clone()
        .try_acquire_many_owned(need)
        .map_err(|_| {
            metrics::rejected("busy");
            ApiError::unavailable(
                "too many uploads in progress; retry later",
                state.engine.retry_after(),
            )
        })
}

/// How long an early answer waits for the rest of the body.
const DRAIN_TIME: Duration = Duration::from_secs(10);

/// Reads and throws away the rest of the body (at most `limit` bytes, for at most 10 s) before
/// an early 503: a client still sending would otherwise find the connection closed (a broken
/// pipe, a reset) instead of the answer, and take the overload for a failure. Nothing is kept, so
/// this costs bandwidth, not memory. (An over-limit 413 is answered without this, unread.)
pub async fn drain(request: Request, limit: u64) {
    let mut body = request.into_body();
    let mut seen = 0u64;
    let read = async {
        while let Some(Ok(frame)) = body.frame().await {
            seen += frame.data_ref().map_or(0, |data| data.len() as u64);
            if seen > limit {
                break;
            }
        }
    };
    let _ = tokio::time::timeout(DRAIN_TIME, read).await;
}

fn too_large(length: u64, limit: u64) -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        format!("the upload is {length} bytes; the limit is {limit} bytes"),
    )
}

/// The uploaded image: the whole body, or the `image` field of a multipart form. The router's
/// `DefaultBodyLimit` stops a body that grows past the limit (413).
pub async fn read(request: Request) -> ApiResult<Bytes> {
    let multipart = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| {
            value
                .to_ascii_lowercase()
                .starts_with("multipart/form-data")
        });
    let bytes = if multipart {
        image_field(request).await
    } else {
        Bytes::from_request(request, &())
            .await
            .map_err(|rejection| ApiError::new(rejection.status(), rejection.body_text()))
    };
    if bytes
        .as_ref()
        .is_err_and(|err| err.status == StatusCode::PAYLOAD_TOO_LARGE)
    {
        metrics::rejected("too_large");
    }
    bytes
}

async fn image_field(request: Request) -> ApiResult<Bytes> {
    let mut form = Multipart::from_request(request, &())
        .await
        .map_err(|rejection| ApiError::new(rejection.status(), rejection.body_text()))?;
    let field_error = |err: axum::extract::multipart::MultipartError| {
        let status = match err.status() {
            StatusCode::PAYLOAD_TOO_LARGE => StatusCode::PAYLOAD_TOO_LARGE,
            _ => StatusCode::UNPROCESSABLE_ENTITY,
        };
        ApiError::new(status, format!("bad multipart body: {}", err.body_text()))
    };
    while let Some(field) = form.next_field().await.map_err(field_error)? {
        if field.name() == Some("image") {
            return field.bytes().await.map_err(field_error);
        }
    }
    Err(ApiError::unprocessable(
        "the multipart body has no field named `image`",
    ))
}
