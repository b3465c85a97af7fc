//! Callbacks: when a scan with a `callback_url` is done, its result is POSTed there, signed with
//! `X-Shanzhai-Signature: sha256=<hex HMAC-SHA256 of the body>`, and retried with exponential
//! backoff until it is taken (any 2xx) or `[serve] callback_attempts` are spent. Delivery is at
//! least once: a replica that dies mid-delivery leaves it to be sent again, so receivers should
//! treat the scan `id` as the delivery's identity.

use std::sync::Arc;
use std::time::Duration;

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use tokio::sync::watch;

use super::AppState;
use super::config::ServeSettings;
use super::error::ServeError;
use super::metrics;
use super::routes::hex;
use super::store::{CallbackJob, now_ms};

/// The header that carries the signature.
pub const SIGNATURE_HEADER: &str = "X-Shanzhai-Signature";

/// Callbacks delivered at once by one replica.
const BATCH: i64 = 8;

/// The HTTP client for callbacks: no redirects (a callback goes where it was asked to go).
pub fn client(settings: &ServeSettings) -> Result<reqwest::Client, ServeError> {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(settings.callback_timeout)
        .user_agent(concat!("shanzhai/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(ServeError::Http)
}

/// `sha256=<hex HMAC-SHA256 of body with secret>`.
pub fn sign(secret: &[u8], body: &[u8]) -> String {
    let mut mac =
        <Hmac<Sha256> as KeyInit>::new_from_slice(secret).expect("HMAC takes keys of any length");
    mac.update(body);
    format!("sha256={}", hex(&mac.finalize().into_bytes()))
}

/// Delivers due callbacks until `stop` turns true.
pub async fn deliver(state: Arc<AppState>, mut stop: watch::Receiver<bool>) {
    let poll = state.settings.poll_interval;
    // Held against other replicas for one delivery's time limit and some slack.
    let hold = state.settings.callback_timeout + Duration::from_secs(5);
    loop {
        if *stop.borrow() {
            return;
        }
        match state.store.claim_callbacks(BATCH, hold).await {
            Ok(due) if !due.is_empty() => {
                let sends: Vec<_> = due
                    .into_iter()
                    .map(|job| tokio::spawn(send(state.clone(), job)))
                    .collect();
                for send in sends {
                    let _ = send.await;
                }
            }
            Ok(_) => {
                tokio::select! {
                    _ = state.wake_callbacks.notified() => {}
                    _ = tokio::time::sleep(poll) => {}
                    _ = stop.wait_for(|s| *s) => return,
                }
            }
            Err(err) => {
                tracing::warn!("cannot read due callbacks: {err}");
                tokio::time::sleep(poll).await;
            }
        }
    }
}

async fn send(state: Arc<AppState>, job: CallbackJob) {
    let error = attempt(&state, &job).await.err();
    let retry_at = match &error {
        Some(_) if job.attempts < i64::from(state.settings.callback_attempts) => {
            Some(now_ms() + backoff(job.attempts).as_millis() as i64)
        }
        _ => None,
    };
    metrics::callback(match (&error, retry_at) {
        (None, _) => "delivered",
        (Some(_), Some(_)) => "retry",
        (Some(_), None) => "failed",
    });
    if let Some(err) = &error {
        tracing::info!(scan = %job.id, attempt = job.attempts, "callback to {} failed: {err}", job.url);
    }
    if let Err(err) = state
        .store
        .callback_attempted(&job.id, error.as_deref(), retry_at)
        .await
    {
        tracing::warn!(scan = %job.id, "cannot record the callback attempt: {err}");
    }
}

async fn attempt(state: &AppState, job: &CallbackJob) -> Result<(), String> {
    let body = match state.store.callback_body(&job.id).await {
        Ok(Some(body)) => serde_json::to_vec(&body).map_err(|e| e.to_string())?,
        Ok(None) => return Err("the scan is gone".into()),
        Err(err) => return Err(format!("database: {err}")),
    };
    let secret = state
        .settings
        .callback_secret
        .as_deref()
        .unwrap_or_default();
    let response = state
        .http
        .post(&job.url)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .header(SIGNATURE_HEADER, sign(secret.as_bytes(), &body))
        .body(body)
        .send()
        .await
        .map_err(|err| err.to_string())?;
    if response.status().is_success() {
        Ok(())
    } else {
        Err(format!("HTTP {}", response.status()))
    }
}

/// 1 s after the first failure, doubling, at most 5 minutes.
fn backoff(attempts: i64) -> Duration {
    let exponent = attempts.clamp(1, 20) - 1;
    Duration::from_secs((1u64 << exponent).min(300))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_is_rfc4231_hmac_sha256() {
        // RFC 4231 test case 2.
        assert_eq!(
            sign(b"Jefe", b"what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn backoff_doubles_up_to_five_minutes() {
        assert_eq!(backoff(1), Duration::from_secs(1));
        assert_eq!(backoff(3), Duration::from_secs(4));
        assert_eq!(backoff(30), Duration::from_secs(300));
    }
}
