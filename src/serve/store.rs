//! The durable store: scans (which are also the async jobs), their uploads, the review queue and
//! the audit log, in SQLite (one machine, embedded) or PostgreSQL (several replicas).
//!
//! One SQL dialect serves both through sqlx's `Any` driver; the only difference in the queries is
//! the row-lock clause of the two queue claims (`FOR UPDATE SKIP LOCKED` on PostgreSQL, where
//! replicas claim concurrently; SQLite has one writer at a time, so its claim is atomic as it
//! is). Why these tables and locks: docs/serve.md.

use std::borrow::Cow;
use std::future::Future;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::{Map, Value};
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::migrate::{Migration, MigrationSource, MigrationType, Migrator};
use sqlx::{AnyPool, Executor, Row};

use super::error::ServeError;

mod pages;
pub use pages::{BankRow, Session};

/// Which database the store talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// An embedded SQLite file.
    Sqlite,
    /// A PostgreSQL server, shared by replicas.
    Postgres,
}

/// The database.
#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
}

/// A scan to record.
#[derive(Debug, Clone)]
pub struct NewScan {
    /// Its id.
    pub id: String,
    /// The caller's id for the upload.
    pub data_id: Option<String>,
    /// Hex SHA-256 of the upload.
    pub sha256: String,
    /// Who submitted it.
    pub submitted_by: String,
    /// Where to POST the result.
    pub callback_url: Option<String>,
}

/// How a job ended.
#[derive(Debug, Clone)]
pub struct Finished {
    /// The scan's JSON object, or `None` when the upload could not be scanned.
    pub result: Option<Map<String, Value>>,
    /// `review` or `block` sends the scan to the review queue.
    pub verdict: Option<String>,
    /// Why the job failed.
    pub error: Option<String>,
    /// The verdict was taken from a reviewer's decision on a near-duplicate (the result's
    /// `duplicate_of`): the upload is decided and does not enter the review queue.
    pub decided_by_bank: bool,
}

impl Finished {
    fn flagged(&self) -> bool {
        !self.decided_by_bank && matches!(self.verdict.as_deref(), Some("review" | "block"))
    }

    fn status(&self) -> &'static str {
        if self.result.is_some() && self.error.is_none() {
            "done"
        } else {
            "failed"
        }
    }
}

/// A job this replica claimed.
#[derive(Debug, Clone)]
pub struct ClaimedJob {
    /// The scan's id.
    pub id: String,
    /// This run's claim: only the holder may store the result.
    pub token: String,
    /// The upload, or `None` when it is gone.
    pub bytes: Option<Vec<u8>>,
}

/// Why a review decision was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// No review item has this id.
    NotFound,
    /// The item is not claimed by the caller (or the claim expired); says why.
    Conflict(String),
}

/// A callback to deliver.
#[derive(Debug, Clone)]
pub struct CallbackJob {
    /// The scan's id.
    pub id: String,
    /// Where to POST.
    pub url: String,
    /// Attempts so far, this one included.
    pub attempts: i64,
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

fn ms(duration: Duration) -> i64 {
    duration.as_millis().min(i64::MAX as u128) as i64
}

/// An RFC 3339 time (UTC, milliseconds) for a stored millisecond timestamp.
pub fn rfc3339(ms: i64) -> String {
    let time = UNIX_EPOCH + Duration::from_millis(ms.max(0) as u64);
    humantime::format_rfc3339_millis(time).to_string()
}

/// The database used when `--db` is not given: `serve.db` in the user's data directory.
pub fn default_sqlite_path() -> PathBuf {
    let data = std::env::var_os("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .map(|home| PathBuf::from(home).join(".local/share"))
        })
        .unwrap_or_else(std::env::temp_dir);
    data.join("shanzhai").join("serve.db")
}

/// The migrations of one backend, embedded in the binary.
#[derive(Debug)]
struct Embedded(&'static [(i64, &'static str, &'static str)]);

const SQLITE_MIGRATIONS: Embedded = Embedded(&[
    (
        1,
        "serve",
        include_str!("../../migrations/sqlite/0001_serve.sql"),
    ),
    (
        2,
        "review pages",
        include_str!("../../migrations/sqlite/0002_review_pages.sql"),
    ),
]);
const POSTGRES_MIGRATIONS: Embedded = Embedded(&[
    (
        1,
        "serve",
        include_str!("../../migrations/postgres/0001_serve.sql"),
    ),
    (
        2,
        "review pages",
        include_str!("../../migrations/postgres/0002_review_pages.sql"),
    ),
]);

type MigrationsFuture =
    Pin<Box<dyn Future<Output = Result<Vec<Migration>, sqlx::error::BoxDynError>> + Send>>;

impl MigrationSource<'static> for Embedded {
    fn resolve(self) -> MigrationsFuture {
        let migrations = self
            .0
            .iter()
            .map(|&(version, name, sql)| {
                Migration::new(
                    version,
                    Cow::Borrowed(name),
                    MigrationType::Simple,
                    Cow::Borrowed(sql),
                    false,
                )
            })
            .collect();
        Box::pin(async move { Ok(migrations) })
    }
}

impl Store {
    /// Connects to `url` (`sqlite:PATH` or `postgres://...`) and runs the migrations.
    pub async fn open(url: &str) -> Result<Store, ServeError> {
        sqlx::any::install_default_drivers();
        let (backend, url) = normalise(url)?;
        // SQLite: one connection, so the process's writes queue in order instead of racing for
        // the file lock (each statement is short; scans run outside any transaction).
        let max_connections = match backend {
            Backend::Sqlite => 1,
            Backend::Postgres => 8,
        };
        let pool = AnyPoolOptions::new()
            .max_connections(max_connections)
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // WAL with FULL sync: a commit (and so a 202) survives a power cut.
                        conn.execute(
                            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
                             PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;",
                        )
                        .await?;
                    }
                    Ok(())
                })
            })
            .connect(&url)
            .await
            .map_err(|source| ServeError::Database {
                url: redact(&url),
                source,
            })?;
        let migrations = match backend {
            Backend::Sqlite => SQLITE_MIGRATIONS,
            Backend::Postgres => POSTGRES_MIGRATIONS,
        };
        Migrator::new(migrations).await?.run(&pool).await?;
        Ok(Store { pool, backend })
    }

    /// `FOR UPDATE SKIP LOCKED` where replicas claim concurrently.
    fn skip_locked(&self) -> &'static str {
        match self.backend {
            Backend::Postgres => " FOR UPDATE SKIP LOCKED",
            Backend::Sqlite => "",
        }
    }

    /// Records a finished sync scan (and its review item and upload when flagged).
    pub async fn insert_done(
        &self,
        scan: &NewScan,
        finished: &Finished,
        bytes: &[u8],
        owner: &str,
    ) -> sqlx::Result<()> {
        let now = now_ms();
        let mut tx = self.pool.begin().await?;
        let result = finished.result.as_ref().map(|r| Value::Object(r.clone()));
        sqlx::query(
            "INSERT INTO scans (id, data_id, sha256, mode, status, submitted_by, created_at, \
             updated_at, attempts, scanned_by, result, error, callback_url, callback_status, \
             callback_next_at) VALUES ($1, $2, $3, 'sync', $4, $5, $6, $6, 1, $7, $8, $9, $10, $11, $6)",
        )
        .bind(&scan.id)
        .bind(&scan.data_id)
        .bind(&scan.sha256)
        .bind(finished.status())
        .bind(&scan.submitted_by)
        .bind(now)
        .bind(owner)
        .bind(result.map(|r| r.to_string()))
        .bind(&finished.error)
        .bind(&scan.callback_url)
        .bind(callback_state(scan.callback_url.is_some()))
        .execute(&mut *tx)
        .await?;
        if finished.flagged() {
            insert_review(&mut tx, &scan.id, finished, now).await?;
            sqlx::query("INSERT INTO uploads (scan_id, bytes) VALUES ($1, $2)")
                .bind(&scan.id)
                .bind(bytes)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await
    }

    /// Records an accepted async job with its upload; once this returns, the job survives a crash.
    pub async fn insert_queued(&self, scan: &NewScan, bytes: &[u8]) -> sqlx::Result<()> {
        let now = now_ms();
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO scans (id, data_id, sha256, mode, status, submitted_by, created_at, \
             updated_at, callback_url) VALUES ($1, $2, $3, 'async', 'queued', $4, $5, $5, $6)",
        )
        .bind(&scan.id)
        .bind(&scan.data_id)
        .bind(&scan.sha256)
        .bind(&scan.submitted_by)
        .bind(now)
        .bind(&scan.callback_url)
        .execute(&mut *tx)
        .await?;
        sqlx::query("INSERT INTO uploads (scan_id, bytes) VALUES ($1, $2)")
            .bind(&scan.id)
            .bind(bytes)
            .execute(&mut *tx)
            .await?;
        tx.commit().await
    }

    /// Async jobs not finished yet (queued or running), all replicas together.
    pub async fn unfinished_jobs(&self) -> sqlx::Result<i64> {
        sqlx::query("SELECT COUNT(*) FROM scans WHERE status IN ('queued', 'running')")
            .fetch_one(&self.pool)
            .await?
            .try_get(0)
    }

    /// Claims the oldest queued job (or one whose runner's lease ran out) for `owner`.
    pub async fn claim_job(
        &self,
        owner: &str,
        lease: Duration,
        max_attempts: u32,
    ) -> sqlx::Result<Option<ClaimedJob>> {
        let now = now_ms();
        let token = uuid::Uuid::new_v4().to_string();
        let sql = format!(
            "UPDATE scans SET status = 'running', attempts = attempts + 1, lease_owner = $1, \
             lease_token = $2, lease_until = $3, updated_at = $4 \
             WHERE id = (SELECT id FROM scans \
                 WHERE (status = 'queued' OR (status = 'running' AND lease_until < $4)) \
                 AND attempts < $5 ORDER BY created_at, id LIMIT 1{}) \
             RETURNING id",
            self.skip_locked()
        );
        let claimed = sqlx::query(&sql)
            .bind(owner)
            .bind(&token)
            .bind(now + ms(lease))
            .bind(now)
            .bind(i64::from(max_attempts))
            .fetch_optional(&self.pool)
            .await?;
        let Some(row) = claimed else { return Ok(None) };
        let id: String = row.try_get("id")?;
        let bytes = sqlx::query("SELECT bytes FROM uploads WHERE scan_id = $1")
            .bind(&id)
            .fetch_optional(&self.pool)
            .await?
            .map(|row| row.try_get::<Vec<u8>, _>("bytes"))
            .transpose()?;
        Ok(Some(ClaimedJob { id, token, bytes }))
    }

    /// Extends the leases of every job `owner` is running; returns how many.
    pub async fn renew_leases(&self, owner: &str, lease: Duration) -> sqlx::Result<u64> {
        let done = sqlx::query(
            "UPDATE scans SET lease_until = $1 WHERE lease_owner = $2 AND status = 'running'",
        )
        .bind(now_ms() + ms(lease))
        .bind(owner)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }

    /// Stores a job's outcome if `job`'s claim still holds; false when it was lost (the lease ran
    /// out and another run took over), so each job keeps exactly one result.
    pub async fn finish_job(
        &self,
        job: &ClaimedJob,
        finished: &Finished,
        owner: &str,
    ) -> sqlx::Result<bool> {
        let now = now_ms();
        let mut tx = self.pool.begin().await?;
        let result = finished.result.as_ref().map(|r| Value::Object(r.clone()));
        let updated = sqlx::query(
            "UPDATE scans SET status = $1, result = $2, error = $3, scanned_by = $4, \
             lease_owner = NULL, lease_token = NULL, lease_until = NULL, updated_at = $5, \
             callback_status = CASE WHEN callback_url IS NULL THEN 'none' ELSE 'pending' END, \
             callback_next_at = $5 \
             WHERE id = $6 AND lease_token = $7 AND status = 'running'",
        )
        .bind(finished.status())
        .bind(result.map(|r| r.to_string()))
        .bind(&finished.error)
        .bind(owner)
        .bind(now)
        .bind(&job.id)
        .bind(&job.token)
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        if finished.flagged() {
            insert_review(&mut tx, &job.id, finished, now).await?;
        } else {
            // Nobody will look at a passed upload again: do not keep it.
            sqlx::query("DELETE FROM uploads WHERE scan_id = $1")
                .bind(&job.id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Puts the jobs `owner` is running back in the queue (graceful shutdown); the run does not
    /// count as an attempt.
    pub async fn requeue_owned(&self, owner: &str) -> sqlx::Result<u64> {
        let done = sqlx::query(
            "UPDATE scans SET status = 'queued', attempts = attempts - 1, lease_owner = NULL, \
             lease_token = NULL, lease_until = NULL, updated_at = $1 \
             WHERE lease_owner = $2 AND status = 'running'",
        )
        .bind(now_ms())
        .bind(owner)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }

    /// Marks failed the jobs whose every run was cut off (a crash each time).
    pub async fn fail_exhausted(&self, max_attempts: u32) -> sqlx::Result<u64> {
        let now = now_ms();
        let done = sqlx::query(
            "UPDATE scans SET status = 'failed', error = $1, lease_owner = NULL, \
             lease_token = NULL, lease_until = NULL, updated_at = $2, \
             callback_status = CASE WHEN callback_url IS NULL THEN 'none' ELSE 'pending' END, \
             callback_next_at = $2 \
             WHERE status = 'running' AND lease_until < $2 AND attempts >= $3",
        )
        .bind(format!(
            "gave up after {max_attempts} runs that did not finish"
        ))
        .bind(now)
        .bind(i64::from(max_attempts))
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }

    /// A scan's record as the API shows it, or `None`.
    pub async fn scan(&self, id: &str) -> sqlx::Result<Option<Value>> {
        let row = sqlx::query(
            "SELECT s.id, s.data_id, s.sha256, s.status, s.attempts, s.scanned_by, s.result, \
             s.error, s.callback_url, s.callback_status, s.callback_attempts, s.callback_error, \
             r.status AS review_status, r.decision \
             FROM scans s LEFT JOIN review_items r ON r.scan_id = s.id WHERE s.id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| scan_json(&row)).transpose()
    }

    /// The object POSTed to a callback: the result, or the failure.
    pub async fn callback_body(&self, id: &str) -> sqlx::Result<Option<Value>> {
        Ok(self.scan(id).await?.map(|scan| {
            if scan["result"].is_object() {
                scan["result"].clone()
            } else {
                serde_json::json!({
                    "id": scan["id"], "data_id": scan["data_id"], "sha256": scan["sha256"],
                    "verdict": null, "error": scan["error"],
                })
            }
        }))
    }

    /// Claims up to `limit` callbacks that are due; each is held for `hold` against other
    /// replicas while it is being delivered.
    pub async fn claim_callbacks(
        &self,
        limit: i64,
        hold: Duration,
    ) -> sqlx::Result<Vec<CallbackJob>> {
        let now = now_ms();
        let sql = format!(
            "UPDATE scans SET callback_next_at = $1, callback_attempts = callback_attempts + 1 \
             WHERE id IN (SELECT id FROM scans WHERE callback_status = 'pending' \
                 AND callback_next_at <= $2 ORDER BY callback_next_at LIMIT $3{}) \
             RETURNING id, callback_url, callback_attempts",
            self.skip_locked()
        );
        let rows = sqlx::query(&sql)
            .bind(now + ms(hold))
            .bind(now)
            .bind(limit)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| {
                Ok(CallbackJob {
                    id: row.try_get("id")?,
                    url: row
                        .try_get::<Option<String>, _>("callback_url")?
                        .unwrap_or_default(),
                    attempts: row.try_get("callback_attempts")?,
                })
            })
            .collect()
    }

    /// Records a callback attempt: delivered, to be retried at `retry_at`, or given up.
    pub async fn callback_attempted(
        &self,
        id: &str,
        error: Option<&str>,
        retry_at: Option<i64>,
    ) -> sqlx::Result<()> {
        let status = match (error, retry_at) {
            (None, _) => "delivered",
            (Some(_), Some(_)) => "pending",
            (Some(_), None) => "failed",
        };
        sqlx::query(
            "UPDATE scans SET callback_status = $1, callback_error = $2, callback_next_at = $3 \
             WHERE id = $4",
        )
        .bind(status)
        .bind(error)
        .bind(retry_at)
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Returns to the queue the review items whose claim ran out, logging each as `expire`.
    pub async fn expire_review_leases(&self) -> sqlx::Result<u64> {
        let now = now_ms();
        let mut tx = self.pool.begin().await?;
        // The UPDATE locks the rows it returns, so two replicas never log the same expiry.
        let expired = sqlx::query(
            "UPDATE review_items SET status = 'pending', lease_until = NULL \
             WHERE status = 'claimed' AND lease_until < $1 RETURNING scan_id, claimed_by",
        )
        .bind(now)
        .fetch_all(&mut *tx)
        .await?;
        for row in &expired {
            let actor: Option<String> = row.try_get("claimed_by")?;
            let scan_id: String = row.try_get("scan_id")?;
            audit(
                &mut tx,
                now,
                actor.as_deref().unwrap_or("?"),
                "expire",
                &scan_id,
                None,
                None,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(expired.len() as u64)
    }

    /// Review items in `status`, oldest first.
    pub async fn review_items(&self, status: &str, limit: i64) -> sqlx::Result<Vec<Value>> {
        let rows = sqlx::query(&format!(
            "{REVIEW_SELECT} WHERE r.status = $1 ORDER BY r.created_at, r.scan_id LIMIT $2"
        ))
        .bind(status)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(review_json).collect()
    }

    /// One review item, or `None`.
    pub async fn review_item(&self, id: &str) -> sqlx::Result<Option<Value>> {
        let row = sqlx::query(&format!("{REVIEW_SELECT} WHERE r.scan_id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(review_json).transpose()
    }

    /// Leases the oldest pending item to `reviewer` until `lease` from now; `None` when the queue
    /// is empty. Two reviewers never get the same item.
    pub async fn claim_review(
        &self,
        reviewer: &str,
        lease: Duration,
    ) -> sqlx::Result<Option<Value>> {
        let now = now_ms();
        let mut tx = self.pool.begin().await?;
        let sql = format!(
            "UPDATE review_items SET status = 'claimed', claimed_by = $1, claimed_at = $2, \
             lease_until = $3 \
             WHERE scan_id = (SELECT scan_id FROM review_items WHERE status = 'pending' \
                 ORDER BY created_at, scan_id LIMIT 1{}) \
             RETURNING scan_id",
            self.skip_locked()
        );
        let claimed = sqlx::query(&sql)
            .bind(reviewer)
            .bind(now)
            .bind(now + ms(lease))
            .fetch_optional(&mut *tx)
            .await?;
        let Some(row) = claimed else {
            tx.rollback().await?;
            return Ok(None);
        };
        let id: String = row.try_get("scan_id")?;
        audit(&mut tx, now, reviewer, "claim", &id, None, None).await?;
        tx.commit().await?;
        self.review_item(&id).await
    }

    /// Records `reviewer`'s decision on an item they hold.
    pub async fn decide(
        &self,
        id: &str,
        reviewer: &str,
        decision: &str,
        reason: &str,
    ) -> sqlx::Result<Result<Value, Refusal>> {
        let now = now_ms();
        let mut tx = self.pool.begin().await?;
        let updated = sqlx::query(
            "UPDATE review_items SET status = 'decided', decision = $1, reason = $2, \
             decided_by = $3, decided_at = $4, lease_until = NULL \
             WHERE scan_id = $5 AND status = 'claimed' AND claimed_by = $3 AND lease_until >= $4",
        )
        .bind(decision)
        .bind(reason)
        .bind(reviewer)
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(Err(self.why_not(id, reviewer).await?));
        }
        audit(
            &mut tx,
            now,
            reviewer,
            "decision",
            id,
            Some(decision),
            Some(reason),
        )
        .await?;
        tx.commit().await?;
        match self.review_item(id).await? {
            Some(item) => Ok(Ok(item)),
            None => Ok(Err(Refusal::NotFound)),
        }
    }

    async fn why_not(&self, id: &str, reviewer: &str) -> sqlx::Result<Refusal> {
        let Some(row) = sqlx::query(
            "SELECT status, claimed_by, lease_until FROM review_items WHERE scan_id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(Refusal::NotFound);
        };
        let status: String = row.try_get("status")?;
        let holder: Option<String> = row.try_get("claimed_by")?;
        let message = match status.as_str() {
            "decided" => "the item is already decided".to_string(),
            "pending" => "the item is not claimed: claim it first".to_string(),
            _ if holder.as_deref() != Some(reviewer) => format!(
                "the item is claimed by {}",
                holder.unwrap_or_else(|| "someone else".into())
            ),
            _ => "your claim on the item expired: claim it again".to_string(),
        };
        Ok(Refusal::Conflict(message))
    }

    /// Audit entries after `after` (an entry id), in the order they were written.
    pub async fn audit_log(&self, after: i64, limit: i64) -> sqlx::Result<Vec<Value>> {
        let rows = sqlx::query(
            "SELECT id, at, actor, action, scan_id, decision, reason FROM audit \
             WHERE id > $1 ORDER BY id LIMIT $2",
        )
        .bind(after)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(audit_entry).collect()
    }

    /// Review items not decided yet (pending or claimed).
    pub async fn review_backlog(&self) -> sqlx::Result<i64> {
        sqlx::query("SELECT COUNT(*) FROM review_items WHERE status IN ('pending', 'claimed')")
            .fetch_one(&self.pool)
            .await?
            .try_get(0)
    }
}

const REVIEW_SELECT: &str = "SELECT r.scan_id, r.verdict, r.status, r.created_at, r.claimed_by, \
     r.claimed_at, r.lease_until, r.decision, r.reason, r.decided_by, r.decided_at, \
     s.data_id, s.sha256, s.result \
     FROM review_items r JOIN scans s ON s.id = r.scan_id";

type Tx<'a> = sqlx::Transaction<'a, sqlx::Any>;

async fn insert_review(
    tx: &mut Tx<'_>,
    id: &str,
    finished: &Finished,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO review_items (scan_id, verdict, status, created_at) \
         VALUES ($1, $2, 'pending', $3) ON CONFLICT (scan_id) DO NOTHING",
    )
    .bind(id)
    .bind(finished.verdict.as_deref().unwrap_or("review"))
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn audit(
    tx: &mut Tx<'_>,
    at: i64,
    actor: &str,
    action: &str,
    scan_id: &str,
    decision: Option<&str>,
    reason: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO audit (at, actor, action, scan_id, decision, reason) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(at)
    .bind(actor)
    .bind(action)
    .bind(scan_id)
    .bind(decision)
    .bind(reason)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

fn callback_state(has_url: bool) -> &'static str {
    if has_url { "pending" } else { "none" }
}

fn optional_time(row: &AnyRow, column: &str) -> sqlx::Result<Value> {
    Ok(row
        .try_get::<Option<i64>, _>(column)?
        .map_or(Value::Null, |ms| rfc3339(ms).into()))
}

fn stored_result(row: &AnyRow) -> sqlx::Result<Option<Map<String, Value>>> {
    let text: Option<String> = row.try_get("result")?;
    Ok(text.and_then(|t| match serde_json::from_str(&t) {
        Ok(Value::Object(map)) => Some(map),
        _ => None,
    }))
}

/// The API's object for one scan: `id`, `status`, `result` and what else is known.
fn scan_json(row: &AnyRow) -> sqlx::Result<Value> {
    let id: String = row.try_get("id")?;
    let data_id: Option<String> = row.try_get("data_id")?;
    let sha256: String = row.try_get("sha256")?;
    let review_status: Option<String> = row.try_get("review_status")?;
    let decision: Option<String> = row.try_get("decision")?;
    let mut review = serde_json::json!({"status": review_status.as_deref().unwrap_or("none")});
    if let Some(decision) = decision {
        review["decision"] = decision.into();
    }
    let result = stored_result(row)?.map(|scan| {
        Value::Object(result_object(
            scan,
            &id,
            data_id.as_deref(),
            &sha256,
            review,
        ))
    });
    let callback_url: Option<String> = row.try_get("callback_url")?;
    let callback = match callback_url {
        Some(url) => serde_json::json!({
            "url": url,
            "status": row.try_get::<String, _>("callback_status")?,
            "attempts": row.try_get::<i64, _>("callback_attempts")?,
            "last_error": row.try_get::<Option<String>, _>("callback_error")?,
        }),
        None => Value::Null,
    };
    Ok(serde_json::json!({
        "id": id,
        "status": row.try_get::<String, _>("status")?,
        "result": result,
        "data_id": data_id,
        "sha256": sha256,
        "error": row.try_get::<Option<String>, _>("error")?,
        "attempts": row.try_get::<i64, _>("attempts")?,
        "scanned_by": row.try_get::<Option<String>, _>("scanned_by")?,
        "callback": callback,
    }))
}

/// A scan's result as the API returns it: the scan's JSON fields plus `id`, `data_id`, `sha256`
/// and `review`.
pub fn result_object(
    mut scan: Map<String, Value>,
    id: &str,
    data_id: Option<&str>,
    sha256: &str,
    review: Value,
) -> Map<String, Value> {
    scan.insert("id".into(), id.into());
    scan.insert("data_id".into(), data_id.map_or(Value::Null, Value::from));
    scan.insert("sha256".into(), sha256.into());
    scan.insert("review".into(), review);
    scan
}

fn review_json(row: &AnyRow) -> sqlx::Result<Value> {
    Ok(serde_json::json!({
        "id": row.try_get::<String, _>("scan_id")?,
        "status": row.try_get::<String, _>("status")?,
        "verdict": row.try_get::<String, _>("verdict")?,
        "data_id": row.try_get::<Option<String>, _>("data_id")?,
        "sha256": row.try_get::<String, _>("sha256")?,
        "created_at": rfc3339(row.try_get("created_at")?),
        "claimed_by": row.try_get::<Option<String>, _>("claimed_by")?,
        "claimed_at": optional_time(row, "claimed_at")?,
        "lease_until": optional_time(row, "lease_until")?,
        "decision": row.try_get::<Option<String>, _>("decision")?,
        "reason": row.try_get::<Option<String>, _>("reason")?,
        "decided_by": row.try_get::<Option<String>, _>("decided_by")?,
        "decided_at": optional_time(row, "decided_at")?,
        "result": stored_result(row)?.map(Value::Object),
    }))
}

/// Picks the backend and, for SQLite, makes the file's folder and asks for the file to be created.
fn normalise(url: &str) -> Result<(Backend, String), ServeError> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        return Ok((Backend::Postgres, url.to_string()));
    }
    let Some(rest) = url.strip_prefix("sqlite:") else {
        return Err(ServeError::DatabaseUrl(redact(url)));
    };
    let rest = rest.strip_prefix("//").unwrap_or(rest);
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    if path.is_empty() {
        return Err(ServeError::DatabaseUrl(url.into()));
    }
    if let Some(parent) = Path::new(path)
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
    {
        std::fs::create_dir_all(parent).map_err(|source| ServeError::Folder {
            path: parent.to_path_buf(),
            source,
        })?;
    }
    let query = if query.contains("mode=") {
        query.to_string()
    } else if query.is_empty() {
        "mode=rwc".to_string()
    } else {
        format!("{query}&mode=rwc")
    };
    Ok((Backend::Sqlite, format!("sqlite://{path}?{query}")))
}

/// The URL without its password, for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            match userinfo.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

/// One audit-log row as the API and the audit page show it.
fn audit_entry(row: &sqlx::any::AnyRow) -> Result<serde_json::Value, sqlx::Error> {
    Ok(serde_json::json!({
        "id": row.try_get::<i64, _>("id")?,
        "at": rfc3339(row.try_get("at")?),
        "reviewer": row.try_get::<String, _>("actor")?,
        "action": row.try_get::<String, _>("action")?,
        "scan_id": row.try_get::<String, _>("scan_id")?,
        "decision": row.try_get::<Option<String>, _>("decision")?,
        "reason": row.try_get::<Option<String>, _>("reason")?,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_urls() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/serve.db");
        let (backend, url) = normalise(&format!("sqlite:{}", path.display())).unwrap();
        assert_eq!(backend, Backend::Sqlite);
        assert_eq!(url, format!("sqlite://{}?mode=rwc", path.display()));
        assert!(path.parent().unwrap().is_dir());
        let (backend, _) = normalise("postgres://u:p@h/db").unwrap();
        assert_eq!(backend, Backend::Postgres);
        assert!(normalise("mysql://h/db").is_err());
        assert_eq!(redact("postgres://u:secret@h/db"), "postgres://u:***@h/db");
        assert_eq!(redact("postgres://h/db"), "postgres://h/db");
    }

    #[test]
    fn times_are_rfc3339() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00.000Z");
    }

    async fn temp_store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite:{}", dir.path().join("t.db").display());
        let store = Store::open(&url).await.unwrap();
        (dir, store)
    }

    fn new_scan(id: &str) -> NewScan {
        NewScan {
            id: id.into(),
            data_id: Some(format!("d-{id}")),
            sha256: "00".into(),
            submitted_by: "t".into(),
            callback_url: None,
        }
    }

    fn flagged() -> Finished {
        let mut result = Map::new();
        result.insert("verdict".into(), "block".into());
        Finished {
            result: Some(result),
            verdict: Some("block".into()),
            error: None,
            decided_by_bank: false,
        }
    }

    #[tokio::test]
    async fn a_lost_claim_cannot_store_a_result() {
        let (_dir, store) = temp_store().await;
        store.insert_queued(&new_scan("j1"), b"img").await.unwrap();
        let lease = Duration::from_millis(1);
        let first = store.claim_job("a", lease, 3).await.unwrap().unwrap();
        assert_eq!(first.bytes.as_deref(), Some(&b"img"[..]));
        tokio::time::sleep(Duration::from_millis(5)).await;
        let second = store.claim_job("b", lease, 3).await.unwrap().unwrap();
        assert_eq!(second.id, "j1");
        assert!(!store.finish_job(&first, &flagged(), "a").await.unwrap());
        assert!(store.finish_job(&second, &flagged(), "b").await.unwrap());
        let scan = store.scan("j1").await.unwrap().unwrap();
        assert_eq!(scan["status"], "done");
        assert_eq!(scan["attempts"], 2);
        assert_eq!(scan["scanned_by"], "b");
        assert_eq!(scan["result"]["review"]["status"], "pending");
    }

    #[tokio::test]
    async fn review_claims_are_exclusive_and_audited() {
        let (_dir, store) = temp_store().await;
        store
            .insert_done(&new_scan("s1"), &flagged(), b"img", "r")
            .await
            .unwrap();
        let lease = Duration::from_secs(60);
        let item = store.claim_review("alice", lease).await.unwrap().unwrap();
        assert_eq!(item["id"], "s1");
        assert!(store.claim_review("bob", lease).await.unwrap().is_none());
        let refused = store.decide("s1", "bob", "confirm", "").await.unwrap();
        assert!(matches!(refused, Err(Refusal::Conflict(_))), "{refused:?}");
        let decided = store
            .decide("s1", "alice", "confirm", "fake")
            .await
            .unwrap();
        assert_eq!(decided.unwrap()["decision"], "confirm");
        let log = store.audit_log(0, 10).await.unwrap();
        let actions: Vec<_> = log.iter().map(|e| e["action"].as_str().unwrap()).collect();
        assert_eq!(actions, ["claim", "decision"]);
        // The log is append-only in the database itself.
        assert!(
            sqlx::query("DELETE FROM audit")
                .execute(&store.pool)
                .await
                .is_err()
        );
    }
}
