//! The reviewers' pages and the near-duplicate bank over HTTP, the real `shanzhai serve` over
//! SQLite on a free loopback port: login and sessions, redirects without one, anti-forgery
//! checks, claims on open, decisions and the next item, the audit page, and the bank deciding
//! re-posts of confirmed and overturned images (and not once disabled). The same flow in a real
//! browser is `review_pages_browser.rs`.
#![cfg(feature = "serve")]

mod common;
#[path = "common/serve.rs"]
mod serve_common;

use std::io::Cursor;
use std::time::Duration;

use reqwest::blocking::{Client, Response};
use serde_json::Value;
use serve_common::*;

fn start(dir: &std::path::Path) -> Server {
    let tokens = write_tokens(dir);
    let config = write_config(
        dir,
        "serve.toml",
        Stages::Visual,
        "poll_interval = \"200ms\"",
    );
    Server::start(&[
        "--db",
        &format!("sqlite:{}", dir.join("serve.db").display()),
        "--tokens",
        tokens.to_str().unwrap(),
        "--config",
        config.to_str().unwrap(),
        "--jobs",
        "1",
    ])
}

/// A browser-like client that does not follow redirects and keeps one session cookie.
struct Page<'a> {
    server: &'a Server,
    client: Client,
    cookie: String,
}

impl<'a> Page<'a> {
    fn new(server: &'a Server) -> Self {
        Page {
            server,
            client: Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .timeout(Duration::from_secs(120))
                .build()
                .unwrap(),
            cookie: String::new(),
        }
    }

    fn get(&self, path: &str) -> Response {
        self.client
            .get(self.server.url(path))
            .header("Cookie", &self.cookie)
            .send()
            .unwrap()
    }

    fn post(&self, path: &str, form: &[(&str, &str)], origin: Option<&str>) -> Response {
        let mut request = self
            .client
            .post(self.server.url(path))
            .header("Cookie", &self.cookie)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(encode(form));
        if let Some(origin) = origin {
            request = request.header("Origin", origin);
        }
        request.send().unwrap()
    }

    /// Logs in with `token`; returns the response of the login POST.
    fn login(&mut self, token: &str) -> Response {
        let origin = self.server.base.clone();
        let response = self.post(
            "/login",
            &[("token", token), ("next", "/review")],
            Some(&origin),
        );
        if let Some(cookie) = response.headers().get("set-cookie") {
            let cookie = cookie.to_str().unwrap();
            self.cookie = cookie.split(';').next().unwrap().to_string();
        }
        response
    }

    fn html(&self, path: &str) -> String {
        let response = self.get(path);
        assert_eq!(response.status(), 200, "GET {path}");
        response.text().unwrap()
    }

    /// The anti-forgery token of the page at `path`.
    fn csrf(&self, path: &str) -> String {
        let html = self.html(path);
        let at = html.find("name=\"csrf\" value=\"").expect("a csrf field") + 19;
        html[at..].split('"').next().unwrap().to_string()
    }
}

fn encode(form: &[(&str, &str)]) -> String {
    form.iter()
        .map(|(k, v)| {
            let v: String = v
                .bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' => (b as char).to_string(),
                    _ => format!("%{b:02X}"),
                })
                .collect();
            format!("{k}={v}")
        })
        .collect::<Vec<_>>()
        .join("&")
}

fn location(response: &Response) -> String {
    assert_eq!(response.status().as_u16(), 303, "expected a redirect");
    response.headers()["location"].to_str().unwrap().to_string()
}

fn scan(server: &Server, data_id: &str, bytes: Vec<u8>) -> Value {
    let response = server.scan(
        &format!("data_id={}", &encode(&[("", data_id)])[1..]),
        SUBMIT,
        bytes,
    );
    assert_eq!(response.status(), 200);
    response.json().unwrap()
}

fn resized(bytes: &[u8], percent: u32) -> Vec<u8> {
    let image = image::load_from_memory(bytes).unwrap();
    let smaller = image.resize_exact(
        image.width() * percent / 100,
        image.height() * percent / 100,
        image::imageops::FilterType::Triangle,
    );
    let mut out = Vec::new();
    smaller
        .to_rgb8()
        .write_to(&mut Cursor::new(&mut out), image::ImageFormat::Jpeg)
        .unwrap();
    out
}

const HOSTILE: &str = "<img src=x onerror=alert(1)>";

#[test]
fn reviewers_log_in_claim_decide_and_their_decisions_decide_reposts() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(dir.path());
    let origin = server.base.clone();
    let names = [
        "ad_gold_emblem_poster.jpg",
        "ad_corner_emblem_banner.jpg",
        "ad_emblem_certificate_banner.jpg",
    ];
    let mut ids = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let data_id = if i == 0 {
            HOSTILE.to_string()
        } else {
            format!("upload-{i}")
        };
        let result = scan(&server, &data_id, demo(name));
        assert_eq!(result["review"]["status"], "pending", "{name}: {result}");
        assert!(result.get("duplicate_of").is_none(), "empty bank: {result}");
        ids.push(result["id"].as_str().unwrap().to_string());
        std::thread::sleep(Duration::from_millis(5));
    }

    // Without a session every page sends to /login, which says where to come back to.
    let mut alice = Page::new(&server);
    assert_eq!(location(&alice.get("/review")), "/login?next=/review");
    assert!(location(&alice.get(&format!("/review/{}", ids[0]))).starts_with("/login?next="));
    assert_eq!(alice.get("/login").status(), 200);
    assert_eq!(alice.login("not-a-known-token-at-all").status(), 401);
    assert_eq!(
        alice.login(SUBMIT).status(),
        403,
        "submit tokens may not review"
    );
    let mut evil = Page::new(&server);
    let response = evil.post("/login", &[("token", ALICE)], Some("http://evil.example"));
    assert_eq!(response.status(), 403, "a login posted from another site");
    assert!(response.headers().get("set-cookie").is_none());
    evil.cookie = String::new();
    let response = alice.login(ALICE);
    assert_eq!(location(&response), "/review");
    let cookie = response.headers()["set-cookie"].to_str().unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );

    // The queue: counts, oldest first, filters; the advertiser's text escaped.
    let queue = alice.html("/review");
    assert!(queue.contains("<b>3</b> pending"), "{queue}");
    let positions: Vec<usize> = ids
        .iter()
        .map(|id| queue.find(id.as_str()).expect("listed"))
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "oldest first");
    assert!(
        !queue.contains(HOSTILE) && queue.contains("&#60;img src=x onerror=alert(1)&#62;"),
        "{queue}"
    );
    let filtered = alice.html("/review?verdict=&label=official_seal&category=");
    assert!(filtered.contains("of 3 open items") || filtered.contains("No open item matches"));
    let none = alice.html("/review?category=ministry_claim");
    assert!(
        none.contains("No open item matches these filters"),
        "no OCR, no rule: {none}"
    );
    let page = alice.get("/review");
    let csp = page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );

    // Opening an item claims it; bob sees who holds it and until when, and has no buttons.
    let item = alice.html(&format!("/review/{}", ids[0]));
    assert!(item.contains("Claimed by you until"), "{item}");
    assert!(item.contains(">Confirm</button>") || item.contains("</kbd> Confirm</button>"));
    assert!(item.contains("national emblem") && item.contains("sha256"));
    assert!(!item.contains(HOSTILE));
    let claimed = server.json("/v1/review/queue?status=claimed", ADMIN);
    assert_eq!(claimed["items"][0]["claimed_by"], "alice");
    let mut bob = Page::new(&server);
    bob.login(BOB);
    let seen = bob.html(&format!("/review/{}", ids[0]));
    assert!(seen.contains("Claimed by <b>alice</b> until"), "{seen}");
    assert!(!seen.contains("name=\"decision\""));
    // The images: annotated (JPEG) and original (the upload's bytes), for sessions only.
    let annotated = alice.get(&format!("/review/{}/annotated", ids[0]));
    assert_eq!(annotated.headers()["content-type"], "image/jpeg");
    assert!(image::load_from_memory(&annotated.bytes().unwrap()).is_ok());
    let original = alice.get(&format!("/review/{}/original", ids[0]));
    assert_eq!(
        original.bytes().unwrap().as_ref(),
        demo(names[0]).as_slice()
    );
    assert_eq!(
        Page::new(&server)
            .get(&format!("/review/{}/original", ids[0]))
            .status(),
        303
    );

    // Decisions: the session's token and a reason are required, another site is refused.
    let path = format!("/review/{}", ids[0]);
    let csrf = alice.csrf(&path);
    let decide = |csrf: &str, reason: &str, origin: &str| {
        alice.post(
            &path,
            &[("csrf", csrf), ("decision", "confirm"), ("reason", reason)],
            Some(origin),
        )
    };
    assert_eq!(decide("wrong", "fake", &origin).status(), 403);
    assert_eq!(decide(&csrf, "fake", "http://evil.example").status(), 403);
    assert_eq!(
        location(&decide(&csrf, "   ", &origin)),
        format!("{path}?error=reason")
    );
    assert_eq!(
        location(&decide(&csrf, "Fake state certificate promotion", &origin)),
        "/review/next"
    );
    // ... and the next pending item opens.
    assert_eq!(
        location(&alice.get("/review/next")),
        format!("/review/{}", ids[1])
    );

    // The audit page, by reviewer.
    let audit = alice.html("/review/audit?reviewer=alice");
    assert!(audit.contains("Fake state certificate promotion") && audit.contains(&ids[0]));
    assert!(
        !alice
            .html("/review/audit?reviewer=bob")
            .contains("Fake state certificate promotion")
    );

    // The bank has the confirmed image; a resized re-post is blocked without a reviewer.
    let bank = server.json("/v1/bank", ADMIN);
    assert_eq!(bank["total"], 1, "{bank}");
    assert_eq!(bank["items"][0]["id"], ids[0].as_str());
    assert_eq!(bank["items"][0]["decision"], "confirm");
    let repost = scan(&server, "repost-1", resized(&demo(names[0]), 75));
    assert_eq!(repost["verdict"], "block", "{repost}");
    let dup = &repost["duplicate_of"];
    assert_eq!(
        (dup["id"].as_str(), dup["decision"].as_str()),
        (Some(ids[0].as_str()), Some("confirm"))
    );
    assert!(dup["distance"].as_u64().unwrap() <= 31, "{dup}");
    assert!(
        repost["reasons"][0]
            .as_str()
            .unwrap()
            .contains("near-duplicate"),
        "{repost}"
    );
    assert!(
        repost["visual"]["national_emblem"]["score"].is_number(),
        "findings kept"
    );
    assert_eq!(repost["review"]["status"], "none", "decided: not queued");

    // Overturn the second item (through the page): its re-encoded copy passes.
    let path = format!("/review/{}", ids[1]);
    let csrf = alice.csrf(&path);
    let response = alice.post(
        &path,
        &[
            ("csrf", &csrf),
            ("decision", "overturn"),
            ("reason", "Legitimate training"),
        ],
        Some(&origin),
    );
    assert_eq!(location(&response), "/review/next");
    let copy = scan(&server, "repost-2", resized(&demo(names[1]), 100));
    assert_eq!(copy["verdict"], "pass", "{copy}");
    assert_eq!(copy["duplicate_of"]["decision"], "overturn");
    assert!(copy["model_verdict"].as_str().is_some(), "{copy}");

    // Escalations teach nothing; a reviewer may not use the bank API, an admin disables.
    assert_eq!(server.get("/v1/bank", ALICE).send().unwrap().status(), 403);
    let disabled: Value = server
        .post(&format!("/v1/bank/{}/disable", ids[0]), ADMIN)
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(disabled["enabled"], false);
    assert_eq!(
        server
            .post("/v1/bank/nope/disable", ADMIN)
            .send()
            .unwrap()
            .status(),
        404
    );
    let again = scan(&server, "repost-3", resized(&demo(names[0]), 75));
    assert!(again.get("duplicate_of").is_none(), "{again}");
    assert_eq!(again["review"]["status"], "pending");

    // A decision through the JSON API teaches the bank too.
    let claimed: Value = server
        .post("/v1/review/claim", BOB)
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(claimed["id"], ids[2].as_str());
    let decided = server
        .post(&format!("/v1/review/{}/decision", ids[2]), BOB)
        .json(&serde_json::json!({"decision": "confirm", "reason": "api"}))
        .send()
        .unwrap();
    assert_eq!(decided.status(), 200);
    let bank = server.json("/v1/bank", ADMIN);
    assert_eq!(bank["total"], 3, "{bank}");
    assert_eq!(bank["items"][0]["id"], ids[2].as_str());
    assert_eq!(bank["items"][0]["decided_by"], "bob");

    // The bank page: admins only; Enable through its form (with the session's token).
    assert_eq!(alice.get("/review/bank").status(), 403);
    let mut root = Page::new(&server);
    root.login(ADMIN);
    let page = root.html("/review/bank");
    assert!(
        page.contains(&ids[0]) && page.contains("disabled by root"),
        "{page}"
    );
    let csrf = root.csrf("/review/bank");
    let path = format!("/review/bank/{}", ids[0]);
    assert_eq!(
        root.post(&path, &[("csrf", "x"), ("action", "enable")], Some(&origin))
            .status(),
        403
    );
    let enabled = root.post(
        &path,
        &[("csrf", &csrf), ("action", "enable")],
        Some(&origin),
    );
    assert_eq!(location(&enabled), "/review/bank");
    let entry = &server.json("/v1/bank", ADMIN)["items"];
    let entry = entry
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == ids[0].as_str())
        .unwrap();
    assert_eq!(entry["enabled"], true, "{entry}");

    // Logging out ends the session on the server, not only in the browser.
    let old = alice.cookie.clone();
    assert_eq!(
        location(&alice.post("/logout", &[], Some(&origin))),
        "/login"
    );
    alice.cookie = old;
    assert!(location(&alice.get("/review")).starts_with("/login"));
}

fn replica(dir: &std::path::Path, db: &str, name: &str) -> Server {
    let tokens = write_tokens(dir);
    let config = write_config(
        dir,
        &format!("{name}.toml"),
        Stages::Visual,
        "poll_interval = \"200ms\"",
    );
    Server::start(&[
        "--db",
        db,
        "--tokens",
        tokens.to_str().unwrap(),
        "--config",
        config.to_str().unwrap(),
        "--jobs",
        "1",
    ])
}

/// Retries `check` for up to 10 s (the other replica polls the bank every 200 ms).
fn eventually(what: &str, mut check: impl FnMut() -> Option<Value>) -> Value {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(found) = check() {
            return found;
        }
        assert!(std::time::Instant::now() < deadline, "{what}: not in 10 s");
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn replicas_over_postgresql_share_sessions_and_the_bank() {
    let Some(pg) = Postgres::start("review_replicas") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let a = replica(dir.path(), &pg.url, "a");
    let b = replica(dir.path(), &pg.url, "b");
    let image = demo("ad_gold_emblem_poster.jpg");
    let first = scan(&a, "first", image.clone());
    let id = first["id"].as_str().unwrap().to_string();
    assert_eq!(first["review"]["status"], "pending");

    // A session made on replica a is valid on replica b.
    let mut on_a = Page::new(&a);
    location(&on_a.login(ALICE));
    let mut on_b = Page::new(&b);
    on_b.cookie = on_a.cookie.clone();
    assert!(on_b.html("/review").contains("<b>1</b> pending"));

    // Claimed and confirmed on b, through the page.
    let path = format!("/review/{id}");
    let csrf = on_b.csrf(&path);
    let origin = b.base.clone();
    let decided = on_b.post(
        &path,
        &[("csrf", &csrf), ("decision", "confirm"), ("reason", "fake")],
        Some(&origin),
    );
    assert_eq!(location(&decided), "/review/next");
    assert!(on_a.html("/review/audit").contains("fake"));

    // Replica a learns the decision by polling: a re-post there is blocked.
    let repost = resized(&image, 80);
    let blocked = eventually("the bank on replica a", || {
        let result = scan(&a, "repost", repost.clone());
        result.get("duplicate_of").is_some().then_some(result)
    });
    assert_eq!(blocked["verdict"], "block");
    assert_eq!(blocked["duplicate_of"]["id"], id.as_str());

    // Disabled through a, replica b stops matching.
    let disabled = a
        .post(&format!("/v1/bank/{id}/disable"), ADMIN)
        .send()
        .unwrap();
    assert_eq!(disabled.status(), 200);
    eventually("the disabled entry on replica b", || {
        let result = scan(&b, "repost-b", repost.clone());
        result.get("duplicate_of").is_none().then_some(result)
    });
}
