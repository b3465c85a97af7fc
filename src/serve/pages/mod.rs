//! The reviewers' web pages, served by `shanzhai serve` itself: `/login`, `/logout`, `/review`
//! (the queue), `/review/{id}` (one item, claimed on open), `/review/audit`, `/review/bank`
//! (admins).
//!
//! Server-rendered HTML from askama templates (`templates/review/`, compiled into the binary
//! and HTML-escaped by default: OCR text is written by advertisers), one small hand-written
//! script for the keyboard (`review.js`) and one stylesheet, both embedded; no CDN, no build step.
//!
//! Sessions: `/login` takes a `review` or `admin` token of `--tokens` and sets an HttpOnly,
//! SameSite=Strict cookie holding a random secret; the database keeps its SHA-256 with the
//! reviewer, an expiry ([`SESSION_HOURS`]) and the session's anti-forgery token, so every
//! replica knows every session. Every POST form carries that token and is refused (403) without
//! it, or when its `Origin` (or `Referer`) is another site. Pages send a strict
//! Content-Security-Policy (scripts and styles from this server only, no inline script).

mod views;

use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Form, FromRequestParts, Path, Query, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{Next, from_fn};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use serde::Deserialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::AppState;
use super::auth::Role;
use super::bank::{self, SIMILAR_DISTANCE};
use super::routes::hex;
use super::store::{Refusal, Session, now_ms};
use crate::dedup::DEFAULT_MATCH_DISTANCE;
use crate::report::annotate::{annotate, label_colour};
use crate::vision::Label;
use views::{OcrLine, QueueFilter, QueueRow, text};

/// How long a login lasts.
pub const SESSION_HOURS: i64 = 12;
/// The session cookie's name.
const COOKIE: &str = "shanzhai_session";
/// Longest reason, in characters (as the API).
const MAX_REASON: usize = 4000;
/// Most items the queue page lists.
const QUEUE_PAGE: i64 = 500;
/// Largest side of the annotated image.
const ANNOTATED_SIDE: u32 = 1400;
/// Reasons one click (or one digit key) away.
pub const PRESET_REASONS: [&str; 5] = [
    "Fake state certificate promotion",
    "Misuses the national emblem or an official seal",
    "Legitimate training or certificate",
    "Not an advertisement",
    "Unclear: needs a specialist",
];

/// The pages' routes (their own session check; not behind the API's bearer tokens).
pub fn router() -> Router<Arc<AppState>> {
    Router::new()
        .route("/login", get(login_page).post(login))
        .route("/logout", get(logout).post(logout))
        .route("/review", get(queue))
        .route("/review/next", get(next_item))
        .route("/review/audit", get(audit))
        .route("/review/bank", get(bank_page))
        .route("/review/bank/{id}", axum::routing::post(bank_change))
        .route("/review/{id}", get(item).post(decide))
        .route("/review/{id}/annotated", get(annotated_image))
        .route("/review/{id}/original", get(original_image))
        .route("/static/review.js", get(script))
        .route("/static/review.css", get(stylesheet))
        .route("/favicon.ico", get(|| async { StatusCode::NO_CONTENT }))
        .layer(from_fn(security_headers))
}

/// Headers of every page: a strict Content-Security-Policy, no framing, no sniffing, no cache.
async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let set = |headers: &mut HeaderMap, name, value: &'static str| {
        headers
            .entry(name)
            .or_insert_with(|| HeaderValue::from_static(value));
    };
    set(
        headers,
        header::CONTENT_SECURITY_POLICY,
        "default-src 'none'; img-src 'self'; style-src 'self'; script-src 'self'; \
         form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    set(headers, header::X_FRAME_OPTIONS, "DENY");
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(headers, header::REFERRER_POLICY, "same-origin");
    set(headers, header::CACHE_CONTROL, "no-store");
    response
}

/// The logged-in reviewer of a request; without a valid session, a redirect to `/login`.
#[derive(Debug, Clone)]
pub struct Reviewer {
    /// Name from the tokens file.
    pub name: String,
    /// `review` or `admin`.
    pub role: Role,
    /// The session's anti-forgery token.
    pub csrf: String,
}

impl Reviewer {
    fn is_admin(&self) -> bool {
        self.role == Role::Admin
    }

    fn nav(&self, page: &'static str) -> Nav {
        Nav {
            name: self.name.clone(),
            admin: self.is_admin(),
            csrf: self.csrf.clone(),
            page,
        }
    }
}

/// The header every page shows.
#[derive(Debug, Clone)]
pub struct Nav {
    /// Who is logged in.
    pub name: String,
    /// Whether the bank page is linked.
    pub admin: bool,
    /// For the logout form.
    pub csrf: String,
    /// Which page is current: `queue`, `item`, `audit`, `bank`.
    pub page: &'static str,
}

fn cookie_secret(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value.to_string())
}

fn session_id(secret: &str) -> String {
    hex(&Sha256::digest(secret.as_bytes()))
}

impl FromRequestParts<Arc<AppState>> for Reviewer {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, Self::Rejection> {
        let to_login = || {
            let next = parts
                .uri
                .path_and_query()
                .map_or("/review", |p| p.as_str())
                .to_string();
            let target = format!("/login?next={}", urlencode(&next));
            Redirect::to(&target).into_response()
        };
        let Some(secret) = cookie_secret(&parts.headers) else {
            return Err(to_login());
        };
        match state.store.session(&session_id(&secret)).await {
            Ok(Some(session)) => match Role::parse(&session.role) {
                Some(role) if role != Role::Submit => Ok(Reviewer {
                    name: session.reviewer,
                    role,
                    csrf: session.csrf,
                }),
                _ => Err(to_login()),
            },
            Ok(None) => Err(to_login()),
            Err(err) => Err(internal(err)),
        }
    }
}

fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A local path to go to after login: only `/something` on this server.
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.into(),
        _ => "/review".into(),
    }
}

/// Whether a state-changing request comes from our own pages: its `Origin` (or, without one,
/// its `Referer`) names this host. Requests with neither (old clients) rely on the token alone.
fn same_origin(headers: &HeaderMap) -> bool {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default();
    let from = headers
        .get(header::ORIGIN)
        .or_else(|| headers.get(header::REFERER))
        .and_then(|h| h.to_str().ok());
    match from {
        None => true,
        Some(url) => {
            let rest = url
                .strip_prefix("http://")
                .or_else(|| url.strip_prefix("https://"));
            rest.is_some_and(|r| r.split('/').next() == Some(host) && !host.is_empty())
        }
    }
}

/// Constant-time comparison of the form's token with the session's.
fn token_matches(given: &str, expected: &str) -> bool {
    let (a, b) = (
        Sha256::digest(given.as_bytes()),
        Sha256::digest(expected.as_bytes()),
    );
    a.iter()
        .zip(b.iter())
        .fold(0u8, |acc, (x, y)| acc | (x ^ y))
        == 0
        && !expected.is_empty()
}

/// The 403 answer to a POST that is not from our own pages, or `None` when it is.
fn refused_post(headers: &HeaderMap, given: &str, reviewer: &Reviewer) -> Option<Response> {
    if same_origin(headers) && token_matches(given, &reviewer.csrf) {
        None
    } else {
        Some(message(
            StatusCode::FORBIDDEN,
            "Refused",
            "This form did not come from this site's pages (or its session changed). Reload \
             the page and try again.",
        ))
    }
}

fn render<T: Template>(status: StatusCode, page: &T) -> Response {
    match page.render() {
        Ok(html) => (
            status,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            html,
        )
            .into_response(),
        Err(err) => internal(err),
    }
}

fn internal(err: impl std::fmt::Display) -> Response {
    tracing::error!("page error: {err}");
    message(
        StatusCode::INTERNAL_SERVER_ERROR,
        "Internal error",
        "Something failed on the server; the details are in its log.",
    )
}

#[derive(Template)]
#[template(path = "review/message.html")]
struct MessagePage<'a> {
    title: &'a str,
    text: &'a str,
}

fn message(status: StatusCode, title: &str, text: &str) -> Response {
    match (MessagePage { title, text }).render() {
        Ok(html) => (
            status,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            html,
        )
            .into_response(),
        Err(_) => (status, title.to_string()).into_response(),
    }
}

// ---------------------------------------------------------------- login

#[derive(Template)]
#[template(path = "review/login.html")]
struct LoginPage {
    next: String,
    error: String,
    open: bool,
}

/// The query of `/login`.
#[derive(Debug, Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

async fn login_page(
    Query(query): Query<NextQuery>,
    State(state): State<Arc<AppState>>,
) -> Response {
    render(
        StatusCode::OK,
        &LoginPage {
            next: safe_next(query.next.as_deref()),
            error: String::new(),
            open: state.tokens.is_open(),
        },
    )
}

/// The login form.
#[derive(Debug, Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    token: String,
    next: Option<String>,
}

async fn login(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Response {
    let next = safe_next(form.next.as_deref());
    let refuse = |status, error: &str| {
        render(
            status,
            &LoginPage {
                next: next.clone(),
                error: error.into(),
                open: state.tokens.is_open(),
            },
        )
    };
    if !same_origin(&headers) {
        return refuse(
            StatusCode::FORBIDDEN,
            "This form did not come from this site.",
        );
    }
    let caller = match state.tokens.login(form.token.trim()) {
        None => return refuse(StatusCode::UNAUTHORIZED, "Unknown token."),
        Some(caller) if caller.role == Role::Submit => {
            return refuse(
                StatusCode::FORBIDDEN,
                "This token may submit scans but not review: log in with a review or admin token.",
            );
        }
        Some(caller) => caller,
    };
    let secret = format!("{}{}", random_hex(), random_hex());
    let now = now_ms();
    let session = Session {
        reviewer: caller.name.clone(),
        role: caller.role.name().into(),
        csrf: random_hex(),
        expires_at: now + SESSION_HOURS * 3600 * 1000,
    };
    if let Err(err) = state
        .store
        .create_session(&session_id(&secret), &session, now)
        .await
    {
        return internal(err);
    }
    tracing::info!(reviewer = %caller.name, "logged in to the review pages");
    let secure = forwarded_https(&headers);
    let cookie = format!(
        "{COOKIE}={secret}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{}",
        SESSION_HOURS * 3600,
        if secure { "; Secure" } else { "" }
    );
    let mut response = Redirect::to(&next).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

fn random_hex() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// Behind a TLS-terminating proxy that says so, the cookie is marked `Secure`.
fn forwarded_https(headers: &HeaderMap) -> bool {
    headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("https"))
}

async fn logout(State(state): State<Arc<AppState>>, headers: HeaderMap) -> Response {
    if let Some(secret) = cookie_secret(&headers)
        && let Err(err) = state.store.delete_session(&session_id(&secret)).await
    {
        return internal(err);
    }
    let mut response = Redirect::to("/login").into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_static("shanzhai_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"),
    );
    response
}

// ---------------------------------------------------------------- queue

#[derive(Template)]
#[template(path = "review/queue.html")]
struct QueuePage {
    nav: Nav,
    pending: i64,
    claimed: i64,
    decided: i64,
    rows: Vec<QueueRow>,
    open_total: usize,
    filter: QueueFilter,
    verdicts: Vec<Choice>,
    labels: Vec<Choice>,
    categories: Vec<Choice>,
    bank_entries: usize,
    bank_enabled: usize,
}

async fn queue(
    reviewer: Reviewer,
    State(state): State<Arc<AppState>>,
    filter: Result<Query<QueueFilter>, QueryRejection>,
) -> Response {
    let filter = filter.map(|Query(f)| f).unwrap_or_default();
    if let Err(err) = state.store.expire_review_leases().await {
        return internal(err);
    }
    let (counts, items) = match tokio::try_join!(
        state.store.review_counts(),
        state.store.open_items(QUEUE_PAGE)
    ) {
        Ok(found) => found,
        Err(err) => return internal(err),
    };
    let count = |status: &str| {
        counts
            .iter()
            .find(|(s, _)| s == status)
            .map_or(0, |(_, n)| *n)
    };
    let now = now_ms();
    let all: Vec<QueueRow> = items.iter().map(|i| views::queue_row(i, now)).collect();
    let open_total = all.len();
    let rows = all.into_iter().filter(|r| filter.keeps(r)).collect();
    let (bank_entries, bank_enabled) = state.bank.sizes();
    render(
        StatusCode::OK,
        &QueuePage {
            nav: reviewer.nav("queue"),
            pending: count("pending"),
            claimed: count("claimed"),
            decided: count("decided"),
            rows,
            open_total,
            verdicts: choices(&["review", "block"], &filter.verdict),
            labels: choices(&views::label_names(), &filter.label),
            categories: choices(&views::category_names(), &filter.category),
            filter,
            bank_entries,
            bank_enabled,
        },
    )
}

/// An option of a filter's `<select>`.
#[derive(Debug, Clone)]
struct Choice {
    value: String,
    selected: bool,
}

fn choices(values: &[&str], chosen: &str) -> Vec<Choice> {
    values
        .iter()
        .map(|v| Choice {
            value: v.to_string(),
            selected: *v == chosen,
        })
        .collect()
}

/// The next item for the reviewer: the one they hold, else the oldest pending (claimed);
/// the queue page when nothing is pending.
async fn next_item(reviewer: Reviewer, State(state): State<Arc<AppState>>) -> Response {
    let store = &state.store;
    if let Err(err) = store.expire_review_leases().await {
        return internal(err);
    }
    let next = match store.held_by(&reviewer.name).await {
        Ok(Some(id)) => Some(id),
        Ok(None) => match store
            .claim_review(&reviewer.name, state.settings.review_lease)
            .await
        {
            Ok(item) => item.map(|i| text(&i, "id")),
            Err(err) => return internal(err),
        },
        Err(err) => return internal(err),
    };
    match next {
        Some(id) => Redirect::to(&format!("/review/{}", urlencode(&id))).into_response(),
        None => Redirect::to("/review").into_response(),
    }
}

// ---------------------------------------------------------------- item

/// An earlier decision shown beside the item.
#[derive(Debug, Clone)]
struct Earlier {
    id: String,
    decision: String,
    how: String,
    by: String,
    at: String,
    reason: String,
}

#[derive(Template)]
#[template(path = "review/item.html")]
struct ItemPage {
    nav: Nav,
    id: String,
    status: String,
    verdict: String,
    model_verdict: String,
    mine: bool,
    holder: String,
    holder_until: String,
    decision: String,
    decided_by: String,
    decided_at: String,
    reason: String,
    reasons: Vec<String>,
    labels: Vec<views::LabelRow>,
    ocr: Vec<OcrLine>,
    data_id: String,
    created_at: String,
    age: String,
    sha256: String,
    size: String,
    dimensions: String,
    has_image: bool,
    earlier: Vec<Earlier>,
    error: String,
    previous: String,
    next: String,
    presets: Vec<(usize, &'static str)>,
    match_distance: u32,
    similar_distance: u32,
}

/// The query of `/review/{id}`: an error code from a refused decision.
#[derive(Debug, Deserialize)]
pub struct ItemQuery {
    error: Option<String>,
}

async fn item(
    reviewer: Reviewer,
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    Query(query): Query<ItemQuery>,
) -> Response {
    let store = &state.store;
    if let Err(err) = store.expire_review_leases().await {
        return internal(err);
    }
    let item = match store
        .claim_item(&id, &reviewer.name, state.settings.review_lease)
        .await
    {
        Ok(Some(item)) => item,
        Ok(None) => {
            return message(
                StatusCode::NOT_FOUND,
                "No such item",
                "There is no review item with this id.",
            );
        }
        Err(err) => return internal(err),
    };
    let bytes = match store.upload(&id).await {
        Ok(bytes) => bytes,
        Err(err) => return internal(err),
    };
    let result = item["result"].clone();
    let status = text(&item, "status");
    let holder = text(&item, "claimed_by");
    let mine = status == "claimed" && holder == reviewer.name;
    let (previous, next) = match store.neighbours(&id, &reviewer.name).await {
        Ok(found) => found,
        Err(err) => return internal(err),
    };
    let mut earlier = Vec::new();
    // The nearest decided image within the "similar" distance (the bank decides at
    // DEFAULT_MATCH_DISTANCE; this shows what is near without deciding).
    if let Some(bytes) = bytes.clone() {
        let shared = state.bank.clone();
        let me = id.clone();
        let found = tokio::task::spawn_blocking(move || {
            let image = crate::input::decode_image(&bytes).ok()?;
            let hashes = bank::lookup_hashes(&image);
            shared
                .nearest(&hashes, SIMILAR_DISTANCE)
                .filter(|m| m.id != me)
        })
        .await
        .ok()
        .flatten();
        if let Some(found) = found {
            let other = store.review_item(&found.id).await.ok().flatten();
            let other = other.unwrap_or(Value::Null);
            earlier.push(Earlier {
                id: found.id.clone(),
                decision: found.decision.as_str().into(),
                how: format!(
                    "PDQ distance {}{}",
                    found.distance,
                    if found.distance <= DEFAULT_MATCH_DISTANCE {
                        " (a copy)"
                    } else {
                        " (similar)"
                    }
                ),
                by: text(&other, "decided_by"),
                at: views::short_time(&text(&other, "decided_at")),
                reason: text(&other, "reason"),
            });
        }
    }
    match store
        .same_bytes_decisions(&id, &text(&item, "sha256"))
        .await
    {
        Ok(same) => earlier.extend(same.iter().map(|o| Earlier {
            id: text(o, "id"),
            decision: text(o, "decision"),
            how: "the same bytes (SHA-256)".into(),
            by: text(o, "decided_by"),
            at: views::short_time(&text(o, "decided_at")),
            reason: text(o, "reason"),
        })),
        Err(err) => return internal(err),
    }
    if let Some(dup) = result.get("duplicate_of").filter(|d| d.is_object()) {
        earlier.push(Earlier {
            id: text(dup, "id"),
            decision: text(dup, "decision"),
            how: format!("decided this upload (distance {})", dup["distance"]),
            by: String::new(),
            at: String::new(),
            reason: String::new(),
        });
    }
    let error = match query.error.as_deref() {
        Some("reason") => "Give a reason (or pick one of the presets) before deciding.".into(),
        Some("decision") => "Choose Confirm, Overturn or Escalate.".into(),
        Some("conflict") => {
            "The decision was refused: the item is not (or no longer) claimed by you.".into()
        }
        _ => String::new(),
    };
    let created_at = text(&item, "created_at");
    let size = bytes
        .as_ref()
        .map_or("(not kept)".to_string(), |b| format!("{} bytes", b.len()));
    let dimensions = match (result["width"].as_u64(), result["height"].as_u64()) {
        (Some(w), Some(h)) => format!("{w} × {h}"),
        _ => String::new(),
    };
    let page = ItemPage {
        nav: reviewer.nav("item"),
        id: id.clone(),
        verdict: text(&result, "verdict"),
        model_verdict: text(&result, "model_verdict"),
        mine,
        holder_until: views::short_time(&text(&item, "lease_until")),
        holder,
        decision: text(&item, "decision"),
        decided_by: text(&item, "decided_by"),
        decided_at: views::short_time(&text(&item, "decided_at")),
        reason: text(&item, "reason"),
        reasons: result["reasons"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|r| r.as_str().map(str::to_string))
            .collect(),
        labels: views::label_rows(&result),
        ocr: views::ocr_lines(&result),
        data_id: text(&item, "data_id"),
        age: views::age(now_ms() - views::parse_time(&created_at)),
        created_at: views::short_time(&created_at),
        sha256: text(&item, "sha256"),
        size,
        dimensions,
        has_image: bytes.is_some(),
        earlier,
        error,
        previous: previous.unwrap_or_default(),
        next: next.unwrap_or_default(),
        presets: PRESET_REASONS
            .iter()
            .copied()
            .enumerate()
            .map(|(i, r)| (i + 1, r))
            .collect(),
        match_distance: DEFAULT_MATCH_DISTANCE,
        similar_distance: SIMILAR_DISTANCE,
        status,
    };
    render(StatusCode::OK, &page)
}

/// The decision form of `/review/{id}`.
#[derive(Debug, Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    decision: String,
    #[serde(default)]
    reason: String,
}

async fn decide(
    reviewer: Reviewer,
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    Form(form): Form<DecisionForm>,
) -> Response {
    if let Some(refused) = refused_post(&headers, &form.csrf, &reviewer) {
        return refused;
    }
    let back = |code: &str| {
        Redirect::to(&format!("/review/{}?error={code}", urlencode(&id))).into_response()
    };
    if !matches!(form.decision.as_str(), "confirm" | "overturn" | "escalate") {
        return back("decision");
    }
    let reason = form.reason.trim();
    if reason.is_empty() || reason.chars().count() > MAX_REASON {
        return back("reason");
    }
    match state
        .store
        .decide(&id, &reviewer.name, &form.decision, reason)
        .await
    {
        Ok(Ok(_)) => {
            bank::record(&state, &id, &form.decision, &reviewer.name).await;
            Redirect::to("/review/next").into_response()
        }
        Ok(Err(Refusal::NotFound)) => message(
            StatusCode::NOT_FOUND,
            "No such item",
            "There is no review item with this id.",
        ),
        Ok(Err(Refusal::Conflict(_))) => back("conflict"),
        Err(err) => internal(err),
    }
}

async fn original_image(
    _reviewer: Reviewer,
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Response {
    let bytes = match state.store.upload(&id).await {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => return internal(err),
    };
    let mime = image::guess_format(&bytes)
        .ok()
        .map_or("application/octet-stream", |f| f.to_mime_type());
    image_response(mime, bytes)
}

fn image_response(mime: &'static str, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, mime),
            // Uploaded bytes: never a document that could run anything.
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; sandbox",
            ),
            (header::CACHE_CONTROL, "private, max-age=300"),
        ],
        bytes,
    )
        .into_response()
}

async fn annotated_image(
    _reviewer: Reviewer,
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Response {
    let (bytes, item) =
        match tokio::try_join!(state.store.upload(&id), state.store.review_item(&id)) {
            Ok((Some(bytes), Some(item))) => (bytes, item),
            Ok(_) => return StatusCode::NOT_FOUND.into_response(),
            Err(err) => return internal(err),
        };
    let drawn = tokio::task::spawn_blocking(move || {
        let image = crate::input::decode_image(&bytes).ok()?;
        let result = views::annotation_result(&item["result"]);
        let canvas = annotate(&image, &result, ANNOTATED_SIDE);
        let mut out = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
            .encode_image(&canvas)
            .ok()?;
        Some(out)
    })
    .await
    .ok()
    .flatten();
    match drawn {
        Some(jpeg) => image_response("image/jpeg", jpeg),
        None => StatusCode::UNPROCESSABLE_ENTITY.into_response(),
    }
}

// ---------------------------------------------------------------- audit

/// One audit row.
#[derive(Debug, Clone)]
struct AuditRow {
    at: String,
    reviewer: String,
    action: String,
    item: String,
    decision: String,
    reason: String,
}

#[derive(Template)]
#[template(path = "review/audit.html")]
struct AuditPage {
    nav: Nav,
    rows: Vec<AuditRow>,
    reviewers: Vec<String>,
    reviewer: String,
    older: String,
}

/// The query of `/review/audit`.
#[derive(Debug, Deserialize)]
pub struct AuditQuery {
    reviewer: Option<String>,
    before: Option<i64>,
}

async fn audit(
    reviewer: Reviewer,
    State(state): State<Arc<AppState>>,
    query: Result<Query<AuditQuery>, QueryRejection>,
) -> Response {
    let (who, before) = query.map_or((None, None), |Query(q)| (q.reviewer, q.before));
    let who = who.filter(|w| !w.is_empty());
    const PAGE: i64 = 100;
    let (entries, reviewers) = match tokio::try_join!(
        state.store.audit_page(who.as_deref(), before, PAGE),
        state.store.audit_reviewers()
    ) {
        Ok(found) => found,
        Err(err) => return internal(err),
    };
    let older = match entries.last() {
        Some(last) if entries.len() as i64 == PAGE => {
            let mut link = format!("/review/audit?before={}", last["id"]);
            if let Some(w) = &who {
                link.push_str(&format!("&reviewer={}", urlencode(w)));
            }
            link
        }
        _ => String::new(),
    };
    let rows = entries
        .iter()
        .map(|e| AuditRow {
            at: views::short_time(&text(e, "at")),
            reviewer: text(e, "reviewer"),
            action: text(e, "action"),
            item: text(e, "scan_id"),
            decision: text(e, "decision"),
            reason: text(e, "reason"),
        })
        .collect();
    render(
        StatusCode::OK,
        &AuditPage {
            nav: reviewer.nav("audit"),
            rows,
            reviewers,
            reviewer: who.unwrap_or_default(),
            older,
        },
    )
}

// ---------------------------------------------------------------- bank

/// One bank row of the page.
#[derive(Debug, Clone)]
struct BankView {
    id: String,
    decision: String,
    enabled: bool,
    decided_by: String,
    decided_at: String,
    changed_by: String,
    quality: i64,
}

#[derive(Template)]
#[template(path = "review/bank.html")]
struct BankPage {
    nav: Nav,
    rows: Vec<BankView>,
    total: i64,
    entries: usize,
    enabled: usize,
    match_distance: u32,
    more: String,
}

/// The query of `/review/bank`.
#[derive(Debug, Deserialize)]
pub struct BankQuery {
    offset: Option<i64>,
}

async fn bank_page(
    reviewer: Reviewer,
    State(state): State<Arc<AppState>>,
    query: Result<Query<BankQuery>, QueryRejection>,
) -> Response {
    if !reviewer.is_admin() {
        return message(
            StatusCode::FORBIDDEN,
            "Admins only",
            "The bank page needs the admin role.",
        );
    }
    const PAGE: i64 = 200;
    let offset = query.ok().and_then(|Query(q)| q.offset).unwrap_or(0).max(0);
    let (rows, total) = match state.store.bank_list(offset, PAGE).await {
        Ok(found) => found,
        Err(err) => return internal(err),
    };
    let (entries, enabled) = state.bank.sizes();
    let more = if offset + PAGE < total {
        format!("/review/bank?offset={}", offset + PAGE)
    } else {
        String::new()
    };
    render(
        StatusCode::OK,
        &BankPage {
            nav: reviewer.nav("bank"),
            rows: rows
                .into_iter()
                .map(|r| BankView {
                    id: r.scan_id,
                    decision: r.decision,
                    enabled: r.enabled,
                    decided_by: r.decided_by,
                    decided_at: views::short_time(&super::store::rfc3339(r.decided_at)),
                    changed_by: r.changed_by.unwrap_or_default(),
                    quality: r.quality,
                })
                .collect(),
            total,
            entries,
            enabled,
            match_distance: DEFAULT_MATCH_DISTANCE,
            more,
        },
    )
}

/// The form of the bank page's buttons.
#[derive(Debug, Deserialize)]
pub struct BankForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    action: String,
}

async fn bank_change(
    reviewer: Reviewer,
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    Form(form): Form<BankForm>,
) -> Response {
    if let Some(refused) = refused_post(&headers, &form.csrf, &reviewer) {
        return refused;
    }
    if !reviewer.is_admin() {
        return message(
            StatusCode::FORBIDDEN,
            "Admins only",
            "The bank needs the admin role.",
        );
    }
    let enabled = match form.action.as_str() {
        "enable" => true,
        "disable" => false,
        _ => return message(StatusCode::BAD_REQUEST, "Bad request", "Enable or disable?"),
    };
    match bank::set_enabled(&state, &id, enabled, &reviewer.name).await {
        Ok(_) => Redirect::to("/review/bank").into_response(),
        Err(err) => message(err.status, "Refused", &err.message),
    }
}

// ---------------------------------------------------------------- assets

async fn script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        include_str!("review.js"),
    )
        .into_response()
}

/// The stylesheet, with the label colours of the report's annotated images.
async fn stylesheet() -> Response {
    let mut css = String::from(include_str!("review.css"));
    for label in Label::ALL {
        let [r, g, b] = label_colour(label).0;
        css.push_str(&format!(
            ".label-{0} {{ border-left: 6px solid rgb({r}, {g}, {b}); }}\n\
             .chip-{0} {{ background: rgb({r}, {g}, {b}); color: #fff; }}\n",
            label.as_str()
        ));
    }
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        css,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_str(value).unwrap());
        }
        map
    }

    #[test]
    fn cross_site_posts_are_refused() {
        assert!(same_origin(&headers(&[
            ("host", "h:8080"),
            ("origin", "http://h:8080")
        ])));
        assert!(same_origin(&headers(&[
            ("host", "h:8080"),
            ("referer", "https://h:8080/review/x")
        ])));
        assert!(!same_origin(&headers(&[
            ("host", "h:8080"),
            ("origin", "http://evil.example")
        ])));
        assert!(!same_origin(&headers(&[
            ("host", "h:8080"),
            ("origin", "null")
        ])));
        assert!(!same_origin(&headers(&[
            ("host", "h:8080"),
            ("origin", "http://h:8080.evil")
        ])));
        assert!(same_origin(&headers(&[("host", "h:8080")])));
        assert!(token_matches("abc", "abc"));
        assert!(!token_matches("abd", "abc"));
        assert!(!token_matches("", ""));
    }

    #[test]
    fn cookies_and_redirects() {
        let h = headers(&[("cookie", "a=1; shanzhai_session=s3cret; b=2")]);
        assert_eq!(cookie_secret(&h).as_deref(), Some("s3cret"));
        assert_eq!(cookie_secret(&headers(&[("cookie", "x=1")])), None);
        assert_eq!(safe_next(Some("/review/abc")), "/review/abc");
        assert_eq!(safe_next(Some("//evil.example/")), "/review");
        assert_eq!(safe_next(Some("https://evil.example/")), "/review");
        assert_eq!(safe_next(Some("/\\evil")), "/review");
        assert_eq!(safe_next(None), "/review");
        assert_eq!(urlencode("/review?x=a b&c"), "/review%3Fx%3Da%20b%26c");
    }
}
