//! Async jobs: each replica claims queued jobs from the database (one per free worker), runs them
//! on the engine, and stores the outcome only while its claim holds. Claims are leases, renewed
//! while the job runs: a replica killed mid-job loses them and another run takes the job over.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use tokio::sync::{OwnedSemaphorePermit, watch};

use super::AppState;
use super::engine::Outcome;
use super::metrics;
use super::routes::finished;
use super::store::{ClaimedJob, Finished};

/// Claims and starts jobs until `stop` turns true.
pub async fn dispatch(state: Arc<AppState>, mut stop: watch::Receiver<bool>) {
    let poll = state.settings.poll_interval;
    loop {
        let slot = tokio::select! {
            slot = state.job_slots.clone().acquire_owned() => slot,
            _ = stop.wait_for(|s| *s) => return,
        };
        let Ok(slot) = slot else { return };
        if *stop.borrow() {
            return;
        }
        if !state.engine.is_ready() {
            drop(slot);
            tokio::time::sleep(poll).await;
            continue;
        }
        let claimed = state
            .store
            .claim_job(
                &state.replica,
                state.settings.job_lease,
                state.settings.max_attempts,
            )
            .await;
        match claimed {
            Ok(Some(job)) => {
                tracing::debug!(job = %job.id, "claimed");
                tokio::spawn(run(state.clone(), job, slot));
            }
            Ok(None) => {
                drop(slot);
                tokio::select! {
                    _ = state.wake_jobs.notified() => {}
                    _ = tokio::time::sleep(poll) => {}
                    _ = stop.wait_for(|s| *s) => return,
                }
            }
            Err(err) => {
                drop(slot);
                tracing::warn!("cannot claim a job: {err}");
                tokio::time::sleep(poll).await;
            }
        }
    }
}

/// Runs one claimed job; `_slot` frees this replica's capacity when it ends.
async fn run(state: Arc<AppState>, mut job: ClaimedJob, _slot: OwnedSemaphorePermit) {
    let finished = match job.bytes.take() {
        Some(bytes) => match scan(&state, Bytes::from(bytes)).await {
            Some(finished) => finished,
            None => return, // the engine is gone (shutting down): the lease will run out
        },
        None => Finished {
            result: None,
            verdict: None,
            error: Some("the upload is missing from the database".into()),
            decided_by_bank: false,
        },
    };
    match state
        .store
        .finish_job(&job, &finished, &state.replica)
        .await
    {
        Ok(true) => {
            tracing::debug!(job = %job.id, "done");
            state.wake_callbacks.notify_one();
        }
        Ok(false) => tracing::warn!(
            job = %job.id,
            "the claim ran out before the scan finished; the other run's result stands"
        ),
        Err(err) => tracing::error!(
            job = %job.id,
            "cannot store the result ({err}); the job runs again when its lease runs out"
        ),
    }
}

/// Puts the upload in the engine's queue, waiting for room (sync requests may have filled it).
async fn scan(state: &AppState, bytes: Bytes) -> Option<Finished> {
    let reply = loop {
        match state.engine.try_submit(bytes.clone(), None) {
            Ok(reply) => break reply,
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    };
    match reply.await.ok()? {
        Outcome::Scanned(scanned) => {
            metrics::scanned("async", scanned.verdict.as_deref(), scanned.seconds);
            Some(finished(&scanned))
        }
        Outcome::Rejected(err) => Some(Finished {
            result: None,
            verdict: None,
            error: Some(err.message),
            decided_by_bank: false,
        }),
    }
}

/// Keeps this replica's leases alive, gives up on jobs that crashed every run, returns expired
/// review claims to the queue and keeps the metrics' histograms tidy. Runs until the process ends.
pub async fn maintain(state: Arc<AppState>) {
    let every = (state.settings.job_lease / 3).max(Duration::from_millis(200));
    let mut ticks = tokio::time::interval(every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        let store = &state.store;
        if let Err(err) = store
            .renew_leases(&state.replica, state.settings.job_lease)
            .await
        {
            tracing::warn!("cannot renew job leases: {err}");
        }
        match store.fail_exhausted(state.settings.max_attempts).await {
            Ok(0) => {}
            Ok(n) => tracing::warn!("{n} jobs failed: every run was cut off"),
            Err(err) => tracing::warn!("cannot check for abandoned jobs: {err}"),
        }
        if let Err(err) = store.expire_review_leases().await {
            tracing::warn!("cannot expire review claims: {err}");
        }
        state.prometheus.run_upkeep();
    }
}

/// After the HTTP server has stopped: lets running jobs finish for `shutdown_grace`, then puts
/// what is still running back in the queue for the next replica (or the next start).
pub async fn drain(state: &AppState) {
    let all = u32::try_from(state.engine.jobs()).unwrap_or(u32::MAX);
    let grace = state.settings.shutdown_grace;
    if tokio::time::timeout(grace, state.job_slots.acquire_many(all))
        .await
        .is_err()
    {
        tracing::warn!("jobs still running after {grace:?}");
    }
    match state.store.requeue_owned(&state.replica).await {
        Ok(0) => {}
        Ok(n) => tracing::info!("{n} running jobs went back to the queue"),
        Err(err) => {
            tracing::warn!("cannot re-queue running jobs ({err}); their leases will run out")
        }
    }
}
