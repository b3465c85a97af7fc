//! The store's part for the reviewers' pages and the near-duplicate bank: login sessions, claims
//! of one chosen item, queue counts and neighbours, the audit log by reviewer, upload bytes, and
//! the bank's durable copy (migration `0002_review_pages.sql`).

use std::time::Duration;

use serde_json::Value;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::{REVIEW_SELECT, Store, audit, ms, now_ms, review_json, rfc3339};

/// A login session of the pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The reviewer's name (from the tokens file).
    pub reviewer: String,
    /// `review` or `admin`.
    pub role: String,
    /// The session's anti-forgery token, carried by every POST form.
    pub csrf: String,
    /// When it ends, in milliseconds since the epoch.
    pub expires_at: i64,
}

/// One entry of the bank's durable copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankRow {
    /// The decided scan's id.
    pub scan_id: String,
    /// Its PDQ hash, 64 hex digits.
    pub pdq: String,
    /// PDQ quality, 0..=100.
    pub quality: i64,
    /// `confirm` or `overturn`.
    pub decision: String,
    /// False: listed, never matches.
    pub enabled: bool,
    /// Who decided.
    pub decided_by: String,
    /// When, in milliseconds since the epoch.
    pub decided_at: i64,
    /// Last change, in milliseconds since the epoch.
    pub updated_at: i64,
    /// Who last disabled or enabled it.
    pub changed_by: Option<String>,
}

impl BankRow {
    fn from_row(row: &AnyRow) -> sqlx::Result<BankRow> {
        Ok(BankRow {
            scan_id: row.try_get("scan_id")?,
            pdq: row.try_get("pdq")?,
            quality: row.try_get("quality")?,
            decision: row.try_get("decision")?,
            enabled: row.try_get::<i64, _>("enabled")? != 0,
            decided_by: row.try_get("decided_by")?,
            decided_at: row.try_get("decided_at")?,
            updated_at: row.try_get("updated_at")?,
            changed_by: row.try_get("changed_by")?,
        })
    }

    /// The API's object for the entry.
    pub fn to_json(&self) -> Value {
        serde_json::json!({
            "id": self.scan_id,
            "pdq": self.pdq,
            "quality": self.quality,
            "decision": self.decision,
            "enabled": self.enabled,
            "decided_by": self.decided_by,
            "decided_at": rfc3339(self.decided_at),
            "updated_at": rfc3339(self.updated_at),
            "changed_by": self.changed_by,
        })
    }
}

const BANK_COLUMNS: &str = "scan_id, pdq, quality, decision, enabled, decided_by, decided_at, \
     updated_at, changed_by";

impl Store {
    /// Stores a new session under `id` (the digest of the cookie's secret).
    pub async fn create_session(&self, id: &str, session: &Session, now: i64) -> sqlx::Result<()> {
        sqlx::query(
            "INSERT INTO sessions (id, reviewer, role, csrf, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(&session.reviewer)
        .bind(&session.role)
        .bind(&session.csrf)
        .bind(now)
        .bind(session.expires_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The session stored under `id`, unless it has expired.
    pub async fn session(&self, id: &str) -> sqlx::Result<Option<Session>> {
        let row = sqlx::query(
            "SELECT reviewer, role, csrf, expires_at FROM sessions \
             WHERE id = $1 AND expires_at > $2",
        )
        .bind(id)
        .bind(now_ms())
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            Ok(Session {
                reviewer: row.try_get("reviewer")?,
                role: row.try_get("role")?,
                csrf: row.try_get("csrf")?,
                expires_at: row.try_get("expires_at")?,
            })
        })
        .transpose()
    }

    /// Ends the session stored under `id`.
    pub async fn delete_session(&self, id: &str) -> sqlx::Result<()> {
        sqlx::query("DELETE FROM sessions WHERE id = $1")
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Deletes expired sessions; returns how many.
    pub async fn purge_sessions(&self) -> sqlx::Result<u64> {
        let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(now_ms())
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    /// Claims the item `id` for `reviewer` if it is pending (or extends `reviewer`'s own valid
    /// claim), and returns the claims `reviewer` held on other items to the queue (a reviewer on
    /// the pages works on one item at a time), each logged as `release`. Call
    /// [`Store::expire_review_leases`] first. Returns the item as it is afterwards, or `None`.
    pub async fn claim_item(
        &self,
        id: &str,
        reviewer: &str,
        lease: Duration,
    ) -> sqlx::Result<Option<Value>> {
        let now = now_ms();
        let until = now + ms(lease);
        let mut tx = self.pool.begin().await?;
        let mine = sqlx::query(
            "UPDATE review_items SET lease_until = $1 \
             WHERE scan_id = $2 AND status = 'claimed' AND claimed_by = $3 AND lease_until >= $4",
        )
        .bind(until)
        .bind(id)
        .bind(reviewer)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let claimed = if mine.rows_affected() == 1 {
            true
        } else {
            let taken = sqlx::query(
                "UPDATE review_items SET status = 'claimed', claimed_by = $1, claimed_at = $2, \
                 lease_until = $3 WHERE scan_id = $4 AND status = 'pending'",
            )
            .bind(reviewer)
            .bind(now)
            .bind(until)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            if taken.rows_affected() == 1 {
                audit(&mut tx, now, reviewer, "claim", id, None, None).await?;
                true
            } else {
                false
            }
        };
        if claimed {
            let released = sqlx::query(
                "UPDATE review_items SET status = 'pending', lease_until = NULL \
                 WHERE status = 'claimed' AND claimed_by = $1 AND scan_id <> $2 RETURNING scan_id",
            )
            .bind(reviewer)
            .bind(id)
            .fetch_all(&mut *tx)
            .await?;
            for row in &released {
                let other: String = row.try_get("scan_id")?;
                audit(&mut tx, now, reviewer, "release", &other, None, None).await?;
            }
        }
        tx.commit().await?;
        self.review_item(id).await
    }

    /// The item `reviewer` holds a valid claim on, if any (the oldest).
    pub async fn held_by(&self, reviewer: &str) -> sqlx::Result<Option<String>> {
        let row = sqlx::query(
            "SELECT scan_id FROM review_items WHERE status = 'claimed' AND claimed_by = $1 \
             AND lease_until >= $2 ORDER BY created_at, scan_id LIMIT 1",
        )
        .bind(reviewer)
        .bind(now_ms())
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| row.try_get("scan_id")).transpose()
    }

    /// Review items per status: `(status, count)`.
    pub async fn review_counts(&self) -> sqlx::Result<Vec<(String, i64)>> {
        let rows = sqlx::query(
            "SELECT status, COUNT(*) AS n FROM review_items GROUP BY status ORDER BY status",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| Ok((row.try_get("status")?, row.try_get("n")?)))
            .collect()
    }

    /// Items not decided yet (pending or claimed), oldest first.
    pub async fn open_items(&self, limit: i64) -> sqlx::Result<Vec<Value>> {
        let rows = sqlx::query(&format!(
            "{REVIEW_SELECT} WHERE r.status IN ('pending', 'claimed') \
             ORDER BY r.created_at, r.scan_id LIMIT $1"
        ))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(review_json).collect()
    }

    /// The queue's neighbours of item `id` that `reviewer` may open (pending, or claimed by
    /// them): `(previous, next)` in queue order (oldest first).
    pub async fn neighbours(
        &self,
        id: &str,
        reviewer: &str,
    ) -> sqlx::Result<(Option<String>, Option<String>)> {
        let Some(row) = sqlx::query("SELECT created_at FROM review_items WHERE scan_id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok((None, None));
        };
        let created: i64 = row.try_get("created_at")?;
        let open = "(status = 'pending' OR (status = 'claimed' AND claimed_by = $3))";
        let next = sqlx::query(&format!(
            "SELECT scan_id FROM review_items WHERE {open} \
             AND (created_at > $1 OR (created_at = $1 AND scan_id > $2)) \
             ORDER BY created_at, scan_id LIMIT 1"
        ))
        .bind(created)
        .bind(id)
        .bind(reviewer)
        .fetch_optional(&self.pool)
        .await?;
        let previous = sqlx::query(&format!(
            "SELECT scan_id FROM review_items WHERE {open} \
             AND (created_at < $1 OR (created_at = $1 AND scan_id < $2)) \
             ORDER BY created_at DESC, scan_id DESC LIMIT 1"
        ))
        .bind(created)
        .bind(id)
        .bind(reviewer)
        .fetch_optional(&self.pool)
        .await?;
        let id_of =
            |row: Option<AnyRow>| row.map(|r| r.try_get::<String, _>("scan_id")).transpose();
        Ok((id_of(previous)?, id_of(next)?))
    }

    /// Audit entries newest first, of `reviewer` only when given, older than entry `before`
    /// when given.
    pub async fn audit_page(
        &self,
        reviewer: Option<&str>,
        before: Option<i64>,
        limit: i64,
    ) -> sqlx::Result<Vec<Value>> {
        let rows = sqlx::query(
            "SELECT id, at, actor, action, scan_id, decision, reason FROM audit \
             WHERE ($1 = '' OR actor = $1) AND ($2 = 0 OR id < $2) ORDER BY id DESC LIMIT $3",
        )
        .bind(reviewer.unwrap_or(""))
        .bind(before.unwrap_or(0))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(super::audit_entry).collect()
    }

    /// Everyone who appears in the audit log, by name.
    pub async fn audit_reviewers(&self) -> sqlx::Result<Vec<String>> {
        let rows = sqlx::query("SELECT DISTINCT actor FROM audit ORDER BY actor")
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(|row| row.try_get("actor")).collect()
    }

    /// The upload's bytes, while they are kept (flagged uploads).
    pub async fn upload(&self, id: &str) -> sqlx::Result<Option<Vec<u8>>> {
        sqlx::query("SELECT bytes FROM uploads WHERE scan_id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .map(|row| row.try_get("bytes"))
            .transpose()
    }

    /// Decided items with the same upload bytes (`sha256`) as item `id`, newest first.
    pub async fn same_bytes_decisions(&self, id: &str, sha256: &str) -> sqlx::Result<Vec<Value>> {
        let rows = sqlx::query(&format!(
            "{REVIEW_SELECT} WHERE s.sha256 = $1 AND r.scan_id <> $2 AND r.status = 'decided' \
             ORDER BY r.decided_at DESC LIMIT 10"
        ))
        .bind(sha256)
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(review_json).collect()
    }

    /// Puts a decided image in the bank (or replaces its entry, enabled again).
    pub async fn bank_upsert(&self, row: &BankRow) -> sqlx::Result<()> {
        sqlx::query(
            "INSERT INTO bank (scan_id, pdq, quality, decision, enabled, decided_by, decided_at, \
             updated_at, changed_by) VALUES ($1, $2, $3, $4, 1, $5, $6, $6, NULL) \
             ON CONFLICT (scan_id) DO UPDATE SET pdq = excluded.pdq, quality = excluded.quality, \
             decision = excluded.decision, enabled = 1, decided_by = excluded.decided_by, \
             decided_at = excluded.decided_at, updated_at = excluded.updated_at, changed_by = NULL",
        )
        .bind(&row.scan_id)
        .bind(&row.pdq)
        .bind(row.quality)
        .bind(&row.decision)
        .bind(&row.decided_by)
        .bind(row.decided_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Enables or disables a bank entry; `None` when there is no such entry.
    pub async fn bank_set_enabled(
        &self,
        id: &str,
        enabled: bool,
        by: &str,
    ) -> sqlx::Result<Option<BankRow>> {
        sqlx::query(
            "UPDATE bank SET enabled = $1, changed_by = $2, updated_at = $3 WHERE scan_id = $4",
        )
        .bind(i64::from(enabled))
        .bind(by)
        .bind(now_ms())
        .bind(id)
        .execute(&self.pool)
        .await?;
        self.bank_entry(id).await
    }

    /// One bank entry.
    pub async fn bank_entry(&self, id: &str) -> sqlx::Result<Option<BankRow>> {
        sqlx::query(&format!(
            "SELECT {BANK_COLUMNS} FROM bank WHERE scan_id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        .map(|row| BankRow::from_row(&row))
        .transpose()
    }

    /// Bank entries changed at or after `since` (all of them with 0), oldest decision first:
    /// the order a [`crate::dedup::Bank`] must be loaded in.
    pub async fn bank_since(&self, since: i64) -> sqlx::Result<Vec<BankRow>> {
        let rows = sqlx::query(&format!(
            "SELECT {BANK_COLUMNS} FROM bank WHERE updated_at >= $1 ORDER BY decided_at, scan_id"
        ))
        .bind(since)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(BankRow::from_row).collect()
    }

    /// A page of bank entries, newest decision first.
    pub async fn bank_list(&self, offset: i64, limit: i64) -> sqlx::Result<(Vec<BankRow>, i64)> {
        let rows = sqlx::query(&format!(
            "SELECT {BANK_COLUMNS} FROM bank ORDER BY decided_at DESC, scan_id DESC \
             LIMIT $1 OFFSET $2"
        ))
        .bind(limit)
        .bind(offset)
        .fetch_all(&self.pool)
        .await?;
        let total: i64 = sqlx::query("SELECT COUNT(*) FROM bank")
            .fetch_one(&self.pool)
            .await?
            .try_get(0)?;
        Ok((
            rows.iter()
                .map(BankRow::from_row)
                .collect::<sqlx::Result<_>>()?,
            total,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Finished, NewScan};
    use super::*;
    use serde_json::Map;

    async fn store_with(ids: &[&str]) -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite:{}", dir.path().join("t.db").display());
        let store = Store::open(&url).await.unwrap();
        for id in ids {
            let mut result = Map::new();
            result.insert("verdict".into(), "review".into());
            let finished = Finished {
                result: Some(result),
                verdict: Some("review".into()),
                error: None,
                decided_by_bank: false,
            };
            let scan = NewScan {
                id: id.to_string(),
                data_id: None,
                sha256: "ab".into(),
                submitted_by: "t".into(),
                callback_url: None,
            };
            store
                .insert_done(&scan, &finished, b"img", "r")
                .await
                .unwrap();
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        (dir, store)
    }

    #[tokio::test]
    async fn opening_an_item_claims_it_and_releases_the_reviewers_other_claim() {
        let (_dir, store) = store_with(&["a", "b", "c"]).await;
        let lease = Duration::from_secs(60);
        let a = store
            .claim_item("a", "alice", lease)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (a["status"].as_str(), a["claimed_by"].as_str()),
            (Some("claimed"), Some("alice"))
        );
        // Bob cannot take it; the item says who holds it.
        let held = store.claim_item("a", "bob", lease).await.unwrap().unwrap();
        assert_eq!(held["claimed_by"], "alice");
        // Alice moves on to b: a goes back to the queue.
        store.claim_item("b", "alice", lease).await.unwrap();
        assert_eq!(
            store.review_item("a").await.unwrap().unwrap()["status"],
            "pending"
        );
        assert_eq!(store.held_by("alice").await.unwrap().as_deref(), Some("b"));
        let (previous, next) = store.neighbours("b", "alice").await.unwrap();
        assert_eq!(
            (previous.as_deref(), next.as_deref()),
            (Some("a"), Some("c"))
        );
        let actions: Vec<String> = store
            .audit_page(Some("alice"), None, 10)
            .await
            .unwrap()
            .iter()
            .map(|e| e["action"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(actions, ["release", "claim", "claim"]);
        assert!(
            store
                .audit_page(Some("bob"), None, 10)
                .await
                .unwrap()
                .is_empty()
        );
        let counts = store.review_counts().await.unwrap();
        assert_eq!(
            counts,
            [("claimed".to_string(), 1), ("pending".to_string(), 2)]
        );
    }

    #[tokio::test]
    async fn sessions_expire_and_bank_rows_round_trip() {
        let (_dir, store) = store_with(&["a"]).await;
        let now = now_ms();
        let live = Session {
            reviewer: "alice".into(),
            role: "review".into(),
            csrf: "x".into(),
            expires_at: now + 60_000,
        };
        store.create_session("s1", &live, now).await.unwrap();
        let dead = Session {
            expires_at: now - 1,
            ..live.clone()
        };
        store.create_session("s2", &dead, now).await.unwrap();
        assert_eq!(store.session("s1").await.unwrap(), Some(live));
        assert_eq!(store.session("s2").await.unwrap(), None);
        assert_eq!(store.purge_sessions().await.unwrap(), 1);

        let row = BankRow {
            scan_id: "a".into(),
            pdq: "0".repeat(64),
            quality: 100,
            decision: "confirm".into(),
            enabled: true,
            decided_by: "alice".into(),
            decided_at: now,
            updated_at: now,
            changed_by: None,
        };
        store.bank_upsert(&row).await.unwrap();
        assert_eq!(
            store.bank_since(0).await.unwrap(),
            std::slice::from_ref(&row)
        );
        let off = store
            .bank_set_enabled("a", false, "root")
            .await
            .unwrap()
            .unwrap();
        assert!(!off.enabled);
        assert_eq!(off.changed_by.as_deref(), Some("root"));
        assert!(
            store
                .bank_set_enabled("zz", false, "root")
                .await
                .unwrap()
                .is_none()
        );
        // A new decision on the same image enables it again.
        store.bank_upsert(&row).await.unwrap();
        assert!(store.bank_entry("a").await.unwrap().unwrap().enabled);
        assert_eq!(store.bank_list(0, 10).await.unwrap().1, 1);
    }
}
