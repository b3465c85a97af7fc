//! The near-duplicate bank of the service: reviewers' decisions teach it.
//!
//! - When a reviewer **confirms** or **overturns** an item (on the pages or through the API),
//!   the PDQ hash of its upload goes into the `bank` table and into this replica's in-memory
//!   [`Bank`]; other replicas pick it up within `poll_interval` ([`sync`]).
//! - Every upload is then looked up (plain and border-trimmed hash, as `docs/dedup.md`
//!   recommends) within [`DEFAULT_MATCH_DISTANCE`]: near a **confirmed** image its verdict
//!   becomes `block`, near an **overturned** one `pass` ([`apply_duplicate`]); the result says so
//!   in `duplicate_of`, a first reason and `model_verdict`, and keeps every finding of the models.
//!   Such an upload is decided and does not enter the review queue.
//! - Admins list entries and disable (or enable) them: `GET /v1/bank`,
//!   `POST /v1/bank/{id}/disable|enable`, and the page `/review/bank`.

use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::{Extension, Json};
use image::DynamicImage;
use serde::Deserialize;
use serde_json::{Map, Value, json};

use super::AppState;
use super::auth::Caller;
use super::error::{ApiError, ApiResult, ServeError};
use super::store::{BankRow, Store, now_ms};
use crate::dedup::{
    Bank, BankEntry, BankMatch, DEFAULT_MATCH_DISTANCE, Decision, MIN_USEFUL_QUALITY, PdqHash,
    pdq_hash, pdq_hash_trimmed,
};

/// How far back each poll re-reads changed entries: covers replicas' clock skew and
/// transactions that committed late. Re-reading an unchanged entry changes nothing.
const POLL_OVERLAP_MS: i64 = 60_000;
/// The widest distance the item page shows as "similar" (decides nothing), after
/// `docs/dedup.md`: no false match up to 48 bits on our images.
pub const SIMILAR_DISTANCE: u32 = 47;

/// The in-memory bank, shared by the workers (lookups) and the handlers (decisions, admin).
pub struct SharedBank {
    bank: RwLock<Bank>,
}

impl std::fmt::Debug for SharedBank {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SharedBank").finish_non_exhaustive()
    }
}

impl SharedBank {
    /// An empty bank.
    pub fn new() -> Self {
        SharedBank {
            bank: RwLock::new(Bank::new()),
        }
    }

    /// The bank with every entry of the database, oldest decision first.
    pub async fn load(store: &Store) -> Result<Self, ServeError> {
        let bank = SharedBank::new();
        let rows = store.bank_since(0).await.map_err(ServeError::Bank)?;
        for row in &rows {
            bank.apply(row);
        }
        tracing::info!("near-duplicate bank: {} entries", rows.len());
        Ok(bank)
    }

    /// `(entries, enabled entries)`.
    pub fn sizes(&self) -> (usize, usize) {
        let bank = self.bank.read().unwrap_or_else(|p| p.into_inner());
        (bank.len(), bank.enabled_len())
    }

    /// Brings the entry of `row` into the bank unless it is there already as it is (so that
    /// re-reading a row does not change the entries' recency). Rows that do not parse are
    /// skipped with a warning.
    pub fn apply(&self, row: &BankRow) {
        let (Ok(hash), Ok(decision)) = (
            PdqHash::from_hex(&row.pdq),
            row.decision.parse::<Decision>(),
        ) else {
            tracing::warn!(id = %row.scan_id, "bank entry with a bad hash or decision: skipped");
            return;
        };
        let entry = BankEntry {
            id: row.scan_id.clone(),
            hash,
            decision,
            enabled: row.enabled,
        };
        let mut bank = self.bank.write().unwrap_or_else(|p| p.into_inner());
        if bank.get(&entry.id).as_ref() != Some(&entry) {
            bank.insert(entry);
        }
    }

    /// The nearest enabled entry within `max_distance` of any of `hashes`.
    pub fn nearest(&self, hashes: &[PdqHash], max_distance: u32) -> Option<BankMatch> {
        if hashes.is_empty() {
            return None;
        }
        let bank = self.bank.read().unwrap_or_else(|p| p.into_inner());
        bank.nearest_any(hashes, max_distance)
    }

    /// The decision an upload inherits: the nearest enabled entry within
    /// [`DEFAULT_MATCH_DISTANCE`] of the image's plain or trimmed hash. Hashes nothing while the
    /// bank is empty; flat images (PDQ quality under 50) match nothing.
    pub fn lookup_image(&self, image: &DynamicImage) -> Option<BankMatch> {
        if self.sizes().1 == 0 {
            return None;
        }
        self.nearest(&lookup_hashes(image), DEFAULT_MATCH_DISTANCE)
    }
}

impl Default for SharedBank {
    fn default() -> Self {
        Self::new()
    }
}

/// The hashes an upload is looked up with: its plain and its border-trimmed PDQ hash; none when
/// the image is too flat to hash usefully.
pub fn lookup_hashes(image: &DynamicImage) -> Vec<PdqHash> {
    let (plain, quality) = pdq_hash(image);
    if quality < MIN_USEFUL_QUALITY {
        return Vec::new();
    }
    let (trimmed, _) = pdq_hash_trimmed(image);
    if trimmed == plain {
        vec![plain]
    } else {
        vec![plain, trimmed]
    }
}

/// The decision rule: the result of an upload that is a near-duplicate of a decided image takes
/// the reviewer's decision. Confirmed → `block`, overturned → `pass`. The models' findings stay
/// as they are; `model_verdict` keeps what the models said, `duplicate_of` says which image,
/// which decision and how far, and the first reason says so in words. Returns the new verdict.
pub fn apply_duplicate(result: &mut Map<String, Value>, found: &BankMatch) -> &'static str {
    let (verdict, verb) = match found.decision {
        Decision::Confirm => ("block", "confirmed: blocked"),
        Decision::Overturn => ("pass", "overturned: passed"),
    };
    let model = result.get("verdict").cloned().unwrap_or(Value::Null);
    let reason = format!(
        "near-duplicate of {} (PDQ distance {} of at most {DEFAULT_MATCH_DISTANCE}), which a \
         reviewer {verb}",
        found.id, found.distance
    );
    let mut reasons = vec![Value::from(reason)];
    if let Some(Value::Array(old)) = result.remove("reasons") {
        reasons.extend(old);
    }
    result.insert("verdict".into(), verdict.into());
    result.insert("reasons".into(), Value::Array(reasons));
    result.insert("model_verdict".into(), model);
    result.insert(
        "duplicate_of".into(),
        json!({"id": found.id, "decision": found.decision.as_str(), "distance": found.distance}),
    );
    verdict
}

/// What became of a decision in the bank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Banked {
    /// The image's hash is in the bank now.
    Added,
    /// `escalate` decides nothing about copies.
    NotADecision,
    /// Too flat to hash usefully (PDQ quality under 50), or undecodable.
    Unhashable,
    /// The upload's bytes are gone.
    NoBytes,
}

/// Banks item `id` after `reviewer` decided it: its upload's PDQ hash with the decision, in the
/// database and in this replica's bank. Failures are logged: the decision itself stands.
pub async fn record(state: &AppState, id: &str, decision: &str, reviewer: &str) -> Banked {
    match record_inner(state, id, decision, reviewer).await {
        Ok(banked) => banked,
        Err(err) => {
            tracing::error!(
                id,
                "cannot put the decision in the near-duplicate bank: {err}"
            );
            Banked::NoBytes
        }
    }
}

async fn record_inner(
    state: &AppState,
    id: &str,
    decision: &str,
    reviewer: &str,
) -> sqlx::Result<Banked> {
    if decision.parse::<Decision>().is_err() {
        return Ok(Banked::NotADecision);
    }
    let Some(bytes) = state.store.upload(id).await? else {
        return Ok(Banked::NoBytes);
    };
    let hashed = tokio::task::spawn_blocking(move || {
        crate::input::decode_image(&bytes)
            .ok()
            .map(|image| pdq_hash(&image))
    })
    .await
    .ok()
    .flatten();
    let Some((hash, quality)) = hashed.filter(|(_, q)| *q >= MIN_USEFUL_QUALITY) else {
        tracing::info!(id, "not banked: the image is too flat to hash usefully");
        return Ok(Banked::Unhashable);
    };
    let now = now_ms();
    let row = BankRow {
        scan_id: id.to_string(),
        pdq: hash.to_hex(),
        quality: i64::from(quality),
        decision: decision.to_string(),
        enabled: true,
        decided_by: reviewer.to_string(),
        decided_at: now,
        updated_at: now,
        changed_by: None,
    };
    state.store.bank_upsert(&row).await?;
    state.bank.apply(&row);
    Ok(Banked::Added)
}

/// Keeps this replica's bank in step with the database (decisions and admin changes made
/// through other replicas), every `poll_interval`; also deletes expired login sessions now and
/// then. Runs until the process ends.
pub async fn sync(state: Arc<AppState>) {
    let every = state.settings.poll_interval.max(Duration::from_millis(100));
    let mut ticks = tokio::time::interval(every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut since = now_ms() - POLL_OVERLAP_MS;
    let mut last_purge = 0;
    loop {
        ticks.tick().await;
        let started = now_ms();
        match state.store.bank_since(since).await {
            Ok(rows) => {
                for row in &rows {
                    state.bank.apply(row);
                }
                since = started - POLL_OVERLAP_MS;
            }
            Err(err) => tracing::warn!("cannot read the bank's changes: {err}"),
        }
        if started - last_purge > 60_000 {
            last_purge = started;
            if let Err(err) = state.store.purge_sessions().await {
                tracing::warn!("cannot delete expired sessions: {err}");
            }
        }
    }
}

/// The query of `GET /v1/bank`.
#[derive(Debug, Deserialize)]
pub struct ListQuery {
    offset: Option<i64>,
    limit: Option<i64>,
}

/// `GET /v1/bank[?offset=N&limit=N]` (admin): entries, newest decision first.
pub async fn list(
    State(state): State<Arc<AppState>>,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> ApiResult<Json<Value>> {
    let Query(query) = query.map_err(|rejection| ApiError::bad_request(rejection.body_text()))?;
    let limit = query.limit.unwrap_or(100);
    if !(1..=1000).contains(&limit) {
        return Err(ApiError::bad_request("limit must be between 1 and 1000"));
    }
    let offset = query.offset.unwrap_or(0).max(0);
    let (rows, total) = state.store.bank_list(offset, limit).await?;
    let (entries, enabled) = state.bank.sizes();
    Ok(Json(json!({
        "items": rows.iter().map(BankRow::to_json).collect::<Vec<_>>(),
        "total": total,
        "match_distance": DEFAULT_MATCH_DISTANCE,
        "in_memory": {"entries": entries, "enabled": enabled},
    })))
}

/// Enables or disables entry `id` in the database and in this replica's bank.
pub async fn set_enabled(
    state: &AppState,
    id: &str,
    enabled: bool,
    by: &str,
) -> ApiResult<BankRow> {
    let row = state
        .store
        .bank_set_enabled(id, enabled, by)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no bank entry {id}")))?;
    state.bank.apply(&row);
    Ok(row)
}

/// `POST /v1/bank/{id}/disable` (admin): the entry stays listed and matches nothing.
pub async fn disable(
    State(state): State<Arc<AppState>>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> ApiResult<Json<Value>> {
    Ok(Json(
        set_enabled(&state, &id, false, &caller.name)
            .await?
            .to_json(),
    ))
}

/// `POST /v1/bank/{id}/enable` (admin): the entry matches again.
pub async fn enable(
    State(state): State<Arc<AppState>>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> ApiResult<Json<Value>> {
    Ok(Json(
        set_enabled(&state, &id, true, &caller.name)
            .await?
            .to_json(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(decision: Decision, distance: u32) -> BankMatch {
        BankMatch {
            id: "earlier".into(),
            decision,
            distance,
        }
    }

    fn model_result(verdict: &str) -> Map<String, Value> {
        let mut result = Map::new();
        result.insert("verdict".into(), verdict.into());
        result.insert("reasons".into(), json!(["national emblem (0.99)"]));
        result.insert("visual".into(), json!({"national_emblem": {"score": 0.99}}));
        result
    }

    #[test]
    fn a_copy_of_a_confirmed_image_is_blocked_whatever_the_models_said() {
        for model in ["pass", "review", "block"] {
            let mut result = model_result(model);
            assert_eq!(
                apply_duplicate(&mut result, &found(Decision::Confirm, 7)),
                "block"
            );
            assert_eq!(result["verdict"], "block");
            assert_eq!(result["model_verdict"], model);
            assert_eq!(
                result["duplicate_of"],
                json!({"id": "earlier", "decision": "confirm", "distance": 7})
            );
            let reasons = result["reasons"].as_array().unwrap();
            assert!(
                reasons[0]
                    .as_str()
                    .unwrap()
                    .contains("near-duplicate of earlier")
            );
            assert!(reasons[0].as_str().unwrap().contains("confirmed"));
            // The models' findings are still there.
            assert_eq!(reasons[1], "national emblem (0.99)");
            assert_eq!(result["visual"]["national_emblem"]["score"], 0.99);
        }
    }

    #[test]
    fn a_copy_of_an_overturned_image_passes() {
        let mut result = model_result("block");
        assert_eq!(
            apply_duplicate(&mut result, &found(Decision::Overturn, 0)),
            "pass"
        );
        assert_eq!(result["verdict"], "pass");
        assert_eq!(result["model_verdict"], "block");
        assert_eq!(result["duplicate_of"]["decision"], "overturn");
        assert!(
            result["reasons"][0]
                .as_str()
                .unwrap()
                .contains("overturned: passed")
        );
    }

    fn picture(seed: u32) -> DynamicImage {
        DynamicImage::ImageRgb8(image::RgbImage::from_fn(240, 180, |x, y| {
            let v = ((x * (3 + seed) + y * (5 + 2 * seed)) ^ (x * y / (7 + seed))) as u8;
            image::Rgb([v, v.wrapping_mul(3), 255 - v])
        }))
    }

    fn row(id: &str, image: &DynamicImage, decision: &str, enabled: bool) -> BankRow {
        let (hash, quality) = pdq_hash(image);
        BankRow {
            scan_id: id.into(),
            pdq: hash.to_hex(),
            quality: i64::from(quality),
            decision: decision.into(),
            enabled,
            decided_by: "alice".into(),
            decided_at: 1,
            updated_at: 1,
            changed_by: None,
        }
    }

    #[test]
    fn the_bank_finds_resized_and_bordered_copies_and_respects_disabling() {
        let bank = SharedBank::new();
        let original = picture(1);
        assert!(bank.lookup_image(&original).is_none(), "empty bank");
        bank.apply(&row("ad", &original, "confirm", true));
        bank.apply(&row("other", &picture(9), "overturn", true));
        let smaller = original.resize_exact(180, 135, image::imageops::FilterType::Triangle);
        let hit = bank
            .lookup_image(&smaller)
            .expect("a resized copy is found");
        assert_eq!((hit.id.as_str(), hit.decision), ("ad", Decision::Confirm));
        assert!(hit.distance <= DEFAULT_MATCH_DISTANCE);
        // A plain black border: found through the trimmed hash.
        let mut framed = image::RgbImage::new(300, 240);
        image::imageops::overlay(&mut framed, &original.to_rgb8(), 30, 30);
        let framed = DynamicImage::ImageRgb8(framed);
        assert_eq!(bank.lookup_image(&framed).map(|m| m.id), Some("ad".into()));
        // Disabled: no match; the same row again changes nothing.
        bank.apply(&row("ad", &original, "confirm", false));
        assert_eq!(bank.sizes(), (2, 1));
        assert_ne!(bank.lookup_image(&smaller).map(|m| m.id), Some("ad".into()));
        // A flat image matches nothing, even a flat entry.
        let flat =
            DynamicImage::ImageRgb8(image::RgbImage::from_pixel(100, 100, image::Rgb([9; 3])));
        assert!(lookup_hashes(&flat).is_empty());
        // A row that does not parse is skipped.
        let mut bad = row("bad", &original, "confirm", true);
        bad.pdq = "xyz".into();
        bank.apply(&bad);
        assert_eq!(bank.sizes(), (2, 1));
    }
}
