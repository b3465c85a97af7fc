//! `shanzhai serve` over SQLite, the real binary on a free loopback port: auth and roles, body
//! limits and unreadable uploads, sync results identical to `shanzhai scan`, async jobs with
//! signed callbacks, the review queue and its audit log, overload. Crash and shutdown behaviour
//! is in `serve_durability.rs`, several replicas over PostgreSQL in `serve_postgres.rs`.
#![cfg(feature = "serve")]

mod common;
#[path = "common/serve.rs"]
mod serve_common;

use std::io::{Read, Write};
use std::time::Duration;

use hmac::{Hmac, KeyInit, Mac};
use serde_json::{Value, json};
use serve_common::*;

fn sqlite(dir: &std::path::Path) -> String {
    format!("sqlite:{}", dir.join("serve.db").display())
}

fn tiny_png() -> Vec<u8> {
    let mut bytes = Vec::new();
    image::RgbImage::from_pixel(16, 16, image::Rgb([200, 30, 30]))
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .unwrap();
    bytes
}

fn start(dir: &std::path::Path, stages: Stages, serve: &str) -> Server {
    let tokens = write_tokens(dir);
    let config = write_config(dir, "serve.toml", stages, serve);
    Server::start(&[
        "--db",
        &sqlite(dir),
        "--tokens",
        tokens.to_str().unwrap(),
        "--config",
        config.to_str().unwrap(),
        "--jobs",
        "1",
    ])
}

/// POSTs to /v1/scan over a bare socket with one extra header and `body`, and returns the
/// start of the answer.
fn raw_post(server: &Server, header: &str, body: &[u8]) -> String {
    let address = server.base.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "POST /v1/scan HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {SUBMIT}\r\n{header}\r\n\r\n"
    )
    .unwrap();
    stream.write_all(body).unwrap();
    let mut answer = Vec::new();
    let mut buffer = [0u8; 4096];
    while let Ok(n) = stream.read(&mut buffer) {
        if n == 0 {
            break;
        }
        answer.extend_from_slice(&buffer[..n]);
    }
    String::from_utf8_lossy(&answer).into_owned()
}

fn error_of(response: reqwest::blocking::Response) -> (u16, String) {
    let status = response.status().as_u16();
    let body: Value = response.json().expect("a JSON error body");
    let message = body["error"]
        .as_str()
        .expect("an `error` field")
        .to_string();
    (status, message)
}

#[test]
fn health_and_metrics_are_open_every_other_endpoint_needs_a_token_of_the_right_role() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(dir.path(), Stages::Off, "");
    assert_eq!(server.get("/healthz", "").send().unwrap().status(), 200);

    // 401: no token, an unknown token, a malformed header.
    assert_eq!(error_of(server.scan("", "", tiny_png())).0, 401);
    assert_eq!(
        error_of(server.scan("", "not-a-known-token-at-all", tiny_png())).0,
        401
    );
    let malformed = server
        .post("/v1/scan", "")
        .header("Authorization", format!("Basic {SUBMIT}"))
        .body(tiny_png())
        .send()
        .unwrap();
    assert_eq!(error_of(malformed).0, 401);
    for path in ["/v1/review/queue", "/v1/audit", "/v1/scans/x"] {
        assert_eq!(
            error_of(server.get(path, "").send().unwrap()).0,
            401,
            "{path}"
        );
    }

    // 403: a known token with the wrong role.
    assert_eq!(error_of(server.scan("", ALICE, tiny_png())).0, 403);
    assert_eq!(
        error_of(server.get("/v1/review/queue", SUBMIT).send().unwrap()).0,
        403
    );
    assert_eq!(
        error_of(server.post("/v1/review/claim", SUBMIT).send().unwrap()).0,
        403
    );
    assert_eq!(
        error_of(
            server
                .post("/v1/review/x/decision", SUBMIT)
                .json(&json!({"decision": "confirm"}))
                .send()
                .unwrap()
        )
        .0,
        403
    );
    for token in [SUBMIT, ALICE] {
        assert_eq!(
            error_of(server.get("/v1/audit", token).send().unwrap()).0,
            403
        );
    }

    // The right roles, and admin everywhere.
    for token in [SUBMIT, ADMIN] {
        let response = server.scan("", token, tiny_png());
        assert_eq!(response.status(), 200);
        let body: Value = response.json().unwrap();
        assert_eq!(body["verdict"], "pass", "{body}");
        assert_eq!(body["review"], json!({"status": "none"}));
    }
    for token in [ALICE, ADMIN] {
        assert_eq!(server.json("/v1/review/queue", token)["items"], json!([]));
    }
    assert_eq!(server.json("/v1/audit", ADMIN)["items"], json!([]));
    assert_eq!(
        error_of(server.get("/v1/nowhere", ADMIN).send().unwrap()).0,
        404
    );

    let metrics = server.get("/metrics", "").send().unwrap().text().unwrap();
    for needle in [
        r#"shanzhai_http_requests_total{route="/v1/scan",method="POST",status="401"}"#,
        r#"shanzhai_http_requests_total{route="/v1/scan",method="POST",status="403"}"#,
        r#"shanzhai_http_requests_total{route="/v1/scan",method="POST",status="200"} 2"#,
        r#"shanzhai_verdicts_total{verdict="pass"} 2"#,
        "shanzhai_scan_duration_seconds_bucket",
        "shanzhai_queue_depth 0",
        "shanzhai_review_backlog 0",
        "shanzhai_jobs_unfinished 0",
    ] {
        assert!(metrics.contains(needle), "{needle} not in:\n{metrics}");
    }
}

#[test]
fn a_server_that_cannot_start_exits_2_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let db = sqlite(dir.path());
    let fails = |args: &[&str], why: &str| {
        let (code, stderr) = serve_fails(args);
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(why), "{args:?}: {why:?} not in {stderr}");
    };
    // Without --tokens, only loopback.
    fails(&["--listen", "0.0.0.0:0", "--db", &db], "without --tokens");
    let local = ["--listen", "127.0.0.1:0"];
    fails(
        &[&local[..], &["--db", "mysql://x/y"]].concat(),
        "sqlite:PATH or postgres://",
    );
    let tokens = dir.path().join("bad-tokens");
    std::fs::write(&tokens, "reviewer alice 0123456789abcdefgh\n").unwrap();
    let tokens = tokens.to_str().unwrap();
    fails(
        &[&local[..], &["--db", &db, "--tokens", tokens]].concat(),
        "line 1: unknown role",
    );
    let config = write_config(dir.path(), "bad.toml", Stages::Off, "max_uplod = 5");
    let config = config.to_str().unwrap();
    fails(
        &[&local[..], &["--db", &db, "--config", config]].concat(),
        "invalid config",
    );
    // The models cannot be loaded: the server had started listening, and stops.
    let config = write_config(dir.path(), "v.toml", Stages::Visual, "");
    let config = config.to_str().unwrap();
    let no_ort = ["--ort-lib", "/nonexistent/libonnxruntime.so.1.32.0"];
    fails(
        &[&local[..], &["--db", &db, "--config", config], &no_ort[..]].concat(),
        "cannot load the models",
    );
}

#[test]
fn oversized_bodies_get_413_and_unreadable_uploads_get_the_scan_message_with_415_or_422() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(dir.path(), Stages::Off, "max_upload = \"200KiB\"");
    let big = vec![7u8; 300 * 1024];

    // Announced too large: refused from the header.
    assert_eq!(error_of(server.scan("", SUBMIT, big.clone())).0, 413);
    // 413 comes back without the server waiting for (or reading) the rest of the body.
    let answer = raw_post(&server, "Content-Length: 1000000000", b"only a few bytes");
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    // Chunked (no length) and too large: stopped once the limit is passed. (The client stops
    // sending there too: bytes left unread when the server closes would reset the connection
    // before the client reads the answer.)
    let limit = 200 * 1024;
    let mut chunk = format!("{:x}\r\n", limit + 1).into_bytes();
    chunk.extend(vec![7u8; limit + 1]);
    let answer = raw_post(&server, "Transfer-Encoding: chunked", &chunk);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(answer.contains(r#"{"error":"#), "{answer}");

    // Bad bodies: the status, and the very message `shanzhai scan` prints for the same bytes.
    let real = demo("ad_corner_emblem_banner.jpg");
    let cases: Vec<(&str, Vec<u8>, u16)> = vec![
        ("notes.txt", "包过 七天拿证".as_bytes().to_vec(), 415),
        ("empty.png", Vec::new(), 422),
        ("truncated.jpg", real[..real.len() / 3].to_vec(), 422),
        ("bomb.png", common::scan::bomb_png(), 422),
        (
            "corrupt.png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDRgarbage".to_vec(),
            422,
        ),
    ];
    let files = dir.path().join("bad");
    std::fs::create_dir(&files).unwrap();
    for (name, bytes, _) in &cases {
        std::fs::write(files.join(name), bytes).unwrap();
    }
    let cli = common::scan::shanzhai(&[
        "scan",
        "--only",
        "visual",
        "--format",
        "jsonl",
        files.to_str().unwrap(),
    ]);
    let lines = common::scan::jsonl(&cli);
    for (name, bytes, status) in cases {
        let expected = common::scan::by_name(&lines, name)["error"]
            .as_str()
            .unwrap()
            .to_string();
        for mode in ["sync", "async"] {
            let got = error_of(server.scan(&format!("mode={mode}"), SUBMIT, bytes.clone()));
            assert_eq!(got, (status, expected.clone()), "{name} ({mode})");
        }
    }

    // Multipart: the `image` field is the upload; without one the body cannot be used.
    let form = reqwest::blocking::multipart::Form::new()
        .text("note", "hello")
        .part(
            "image",
            reqwest::blocking::multipart::Part::bytes(tiny_png()).file_name("a.png"),
        );
    let response = server
        .post("/v1/scan", SUBMIT)
        .multipart(form)
        .send()
        .unwrap();
    assert_eq!(response.status(), 200);
    let form = reqwest::blocking::multipart::Form::new().text("picture", "nope");
    let (status, message) = error_of(
        server
            .post("/v1/scan", SUBMIT)
            .multipart(form)
            .send()
            .unwrap(),
    );
    assert_eq!(status, 422);
    assert!(message.contains("image"), "{message}");

    // Bad parameters.
    assert_eq!(
        error_of(server.scan("mode=later", SUBMIT, tiny_png())).0,
        400
    );
    let (status, message) = error_of(server.scan(
        "mode=async&callback_url=http://127.0.0.1:9/x",
        SUBMIT,
        tiny_png(),
    ));
    assert_eq!(status, 400);
    assert!(message.contains("callback_secret"), "{message}");
}

#[test]
fn a_sync_scan_gives_exactly_what_shanzhai_scan_gives() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(dir.path(), Stages::Full, "");
    let config = dir.path().join("serve.toml");
    let mut flagged = Vec::new();
    for (i, name) in ["ad_corner_emblem_banner.jpg", "clean_receipt.jpg"]
        .iter()
        .enumerate()
    {
        let bytes = demo(name);
        let api: Value = if i == 0 {
            server
                .scan("data_id=upload-7", SUBMIT, bytes.clone())
                .json()
                .unwrap()
        } else {
            let form = reqwest::blocking::multipart::Form::new().part(
                "image",
                reqwest::blocking::multipart::Part::bytes(bytes.clone()),
            );
            let response = server
                .post("/v1/scan?data_id=upload-7", SUBMIT)
                .multipart(form)
                .send()
                .unwrap();
            response.json().unwrap()
        };
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("datasets/samples")
            .join(name);
        let cli = common::scan::shanzhai(&[
            "scan",
            "--config",
            config.to_str().unwrap(),
            "--jobs",
            "1",
            "--format",
            "jsonl",
            path.to_str().unwrap(),
        ]);
        let cli = common::scan::jsonl(&cli).remove(0);
        assert!(api["verdict"].is_string(), "{api}");
        assert_eq!(
            comparable(api.clone(), &["id", "data_id", "sha256", "review", "ms"]),
            comparable(cli, &["path", "ms"]),
            "{name}"
        );
        assert_eq!(api["data_id"], "upload-7");
        let sha = {
            use sha2::Digest;
            let digest = sha2::Sha256::digest(&bytes);
            digest
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
        };
        assert_eq!(api["sha256"], sha);
        let is_flagged = matches!(api["verdict"].as_str(), Some("review" | "block"));
        let review = if is_flagged { "pending" } else { "none" };
        assert_eq!(api["review"], json!({"status": review}), "{name}");
        let id = api["id"].as_str().unwrap();
        let stored = server.json(&format!("/v1/scans/{id}"), SUBMIT);
        assert_eq!(stored["status"], "done");
        assert_eq!(stored["result"], api);
        if is_flagged {
            flagged.push(id.to_string());
        }
    }
    assert_eq!(
        flagged.len(),
        1,
        "the emblem ad is flagged, the receipt is not"
    );
    let queue = server.json("/v1/review/queue?status=pending", ALICE);
    let ids: Vec<&str> = queue["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, flagged);
}

#[test]
fn async_jobs_finish_and_their_results_are_called_back_signed_with_retries() {
    let dir = tempfile::tempdir().unwrap();
    let receiver = Receiver::start(vec![500]);
    let server = start(
        dir.path(),
        Stages::Visual,
        "callback_secret = \"s3cret-for-tests\"\npoll_interval = \"100ms\"",
    );
    let image = demo("ad_gold_emblem_poster.jpg");
    let query = format!("mode=async&data_id=job-1&callback_url={}", receiver.url);
    let response = server.scan(&query, SUBMIT, image.clone());
    assert_eq!(response.status(), 202);
    let location = response.headers()["location"].to_str().unwrap().to_string();
    let accepted: Value = response.json().unwrap();
    let id = accepted["id"].as_str().unwrap().to_string();
    assert_eq!(accepted, json!({"id": id, "status": "queued"}));
    assert_eq!(location, format!("/v1/scans/{id}"));

    let scan = server.wait_finished(&id, SUBMIT, Duration::from_secs(120));
    assert_eq!(scan["status"], "done", "{scan}");
    let result = &scan["result"];
    assert_eq!(result["id"], id.as_str());
    assert_eq!(result["data_id"], "job-1");
    assert!(
        matches!(result["verdict"].as_str(), Some("review" | "block")),
        "{scan}"
    );
    assert_eq!(result["review"], json!({"status": "pending"}));
    assert_eq!(scan["attempts"], 1);

    // The receiver refused the first delivery; the retry came a second later, same body.
    let deliveries = receiver.wait_for(2, Duration::from_secs(60));
    assert_eq!(deliveries[0].answered, 500);
    assert_eq!(deliveries[1].answered, 200);
    assert_eq!(deliveries[0].body, deliveries[1].body);
    for delivery in &deliveries {
        let mut mac = <Hmac<sha2::Sha256> as KeyInit>::new_from_slice(b"s3cret-for-tests").unwrap();
        mac.update(&delivery.body);
        let expected: String = mac
            .finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(
            delivery.headers["x-shanzhai-signature"],
            format!("sha256={expected}")
        );
        assert_eq!(delivery.headers["content-type"], "application/json");
    }
    let posted: Value = serde_json::from_slice(&deliveries[1].body).unwrap();
    assert_eq!(&posted, result);
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let callback = server.json(&format!("/v1/scans/{id}"), SUBMIT)["callback"].clone();
        if callback["status"] == "delivered" {
            assert_eq!(callback["attempts"], 2, "{callback}");
            assert_eq!(callback["url"], receiver.url.as_str());
            break;
        }
        assert!(std::time::Instant::now() < deadline, "{callback}");
        std::thread::sleep(Duration::from_millis(50));
    }

    // The same image scanned sync gives the same result.
    let sync: Value = server.scan("data_id=job-1", SUBMIT, image).json().unwrap();
    assert_eq!(
        comparable(sync, &["id", "ms"]),
        comparable(result.clone(), &["id", "ms"])
    );
}

fn decide(server: &Server, token: &str, id: &str, decision: &str) -> reqwest::blocking::Response {
    server
        .post(&format!("/v1/review/{id}/decision"), token)
        .json(&json!({"decision": decision, "reason": format!("{decision} by test")}))
        .send()
        .unwrap()
}

#[test]
fn review_claims_are_exclusive_decisions_need_the_claim_and_the_audit_log_has_everything() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(dir.path(), Stages::Visual, "review_lease = \"3s\"");
    let mut ids = Vec::new();
    for name in [
        "ad_corner_emblem_banner.jpg",
        "ad_gold_emblem_poster.jpg",
        "ad_emblem_certificate_banner.jpg",
    ] {
        let body: Value = server.scan("", SUBMIT, demo(name)).json().unwrap();
        assert_eq!(body["review"]["status"], "pending", "{name}: {body}");
        ids.push(body["id"].as_str().unwrap().to_string());
    }
    let listed: Vec<String> = server.json("/v1/review/queue", ALICE)["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(listed, ids, "pending, oldest first");

    let claim = |token| {
        let response = server.post("/v1/review/claim", token).send().unwrap();
        assert_eq!(response.status(), 200);
        response.json::<Value>().unwrap()
    };
    let a = claim(ALICE);
    let b = claim(BOB);
    assert_eq!(a["id"], ids[0].as_str());
    assert_eq!(b["id"], ids[1].as_str());
    assert_eq!(
        (a["status"].as_str(), a["claimed_by"].as_str()),
        (Some("claimed"), Some("alice"))
    );
    assert!(
        a["result"]["visual"].is_object(),
        "the reviewer gets the evidence: {a}"
    );

    // Only the claimant decides.
    assert_eq!(error_of(decide(&server, BOB, &ids[0], "confirm")).0, 409);
    assert_eq!(error_of(decide(&server, ALICE, &ids[1], "confirm")).0, 409);
    assert_eq!(
        error_of(decide(&server, ALICE, &ids[2], "confirm")).0,
        409,
        "unclaimed"
    );
    assert_eq!(error_of(decide(&server, ALICE, &ids[0], "maybe")).0, 422);
    assert_eq!(
        error_of(decide(&server, ALICE, "no-such-id", "confirm")).0,
        404
    );
    let decided = decide(&server, ALICE, &ids[0], "confirm");
    assert_eq!(decided.status(), 200);
    let decided: Value = decided.json().unwrap();
    assert_eq!(decided["status"], "decided");
    assert_eq!(decided["decision"], "confirm");
    assert_eq!(decided["decided_by"], "alice");
    assert_eq!(
        error_of(decide(&server, ALICE, &ids[0], "overturn")).0,
        409,
        "decided"
    );

    let scan = server.json(&format!("/v1/scans/{}", ids[0]), SUBMIT);
    assert_eq!(
        scan["result"]["review"],
        json!({"status": "decided", "decision": "confirm"})
    );
    let ids_in = |status: &str| -> Vec<String> {
        server.json(&format!("/v1/review/queue?status={status}"), ADMIN)["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|item| item["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids_in("decided"), [ids[0].clone()]);
    assert_eq!(ids_in("claimed"), [ids[1].clone()]);

    // Bob's lease runs out: the item is pending again and his late decision is refused.
    std::thread::sleep(Duration::from_millis(3500));
    assert_eq!(ids_in("pending"), [ids[1].clone(), ids[2].clone()]);
    assert_eq!(error_of(decide(&server, BOB, &ids[1], "overturn")).0, 409);
    assert_eq!(claim(ALICE)["id"], ids[1].as_str());

    let audit = server.json("/v1/audit", ADMIN)["items"].clone();
    let entries: Vec<(String, String, String)> = audit
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            assert!(e["at"].as_str().unwrap().ends_with('Z'), "{e}");
            (
                e["reviewer"].as_str().unwrap().to_string(),
                e["action"].as_str().unwrap().to_string(),
                e["scan_id"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let entry =
        |who: &str, what: &str, id: &String| (who.to_string(), what.to_string(), id.clone());
    assert_eq!(
        entries,
        [
            entry("alice", "claim", &ids[0]),
            entry("bob", "claim", &ids[1]),
            entry("alice", "decision", &ids[0]),
            entry("bob", "expire", &ids[1]),
            entry("alice", "claim", &ids[1]),
        ]
    );
    assert_eq!(audit[2]["decision"], "confirm");
    assert_eq!(audit[2]["reason"], "confirm by test");
    let after = audit[2]["id"].as_i64().unwrap();
    let tail = server.json(&format!("/v1/audit?after={after}"), ADMIN)["items"].clone();
    assert_eq!(tail.as_array().unwrap().len(), 2);
}

#[test]
fn overload_gives_503_with_retry_after_and_never_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(
        dir.path(),
        Stages::Visual,
        "queue = 1\nmax_queued_jobs = 2\npoll_interval = \"100ms\"",
    );
    let image = demo("clean_article.jpg");
    let statuses: Vec<(u16, Option<String>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..12)
            .map(|_| {
                scope.spawn(|| {
                    let response = server.scan("", SUBMIT, image.clone());
                    let retry = response
                        .headers()
                        .get("retry-after")
                        .map(|v| v.to_str().unwrap().to_string());
                    let status = response.status().as_u16();
                    let body: Value = response.json().unwrap();
                    if status == 503 {
                        assert!(body["error"].is_string(), "{body}");
                    }
                    (status, retry)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(
        statuses.iter().all(|(s, _)| *s == 200 || *s == 503),
        "{statuses:?}"
    );
    assert!(statuses.iter().any(|(s, _)| *s == 200), "{statuses:?}");
    let busy: Vec<_> = statuses.iter().filter(|(s, _)| *s == 503).collect();
    assert!(!busy.is_empty(), "{statuses:?}");
    for (_, retry) in busy {
        let seconds: u64 = retry.as_deref().expect("Retry-After").parse().unwrap();
        assert!(seconds >= 1);
    }

    // Async: at most max_queued_jobs unfinished jobs; beyond, 503 (and every 202 finishes).
    let mut accepted = Vec::new();
    let mut refused = 0;
    for _ in 0..8 {
        let response = server.scan("mode=async", SUBMIT, image.clone());
        match response.status().as_u16() {
            202 => accepted.push(
                response.json::<Value>().unwrap()["id"]
                    .as_str()
                    .unwrap()
                    .to_string(),
            ),
            503 => {
                assert!(response.headers().contains_key("retry-after"));
                refused += 1;
            }
            other => panic!("status {other}"),
        }
    }
    assert!(refused > 0 && !accepted.is_empty(), "{refused} refused");
    for id in accepted {
        let scan = server.wait_finished(&id, SUBMIT, Duration::from_secs(120));
        assert_eq!(scan["status"], "done");
    }
    let metrics = server.get("/metrics", "").send().unwrap().text().unwrap();
    assert!(
        metrics.contains(r#"shanzhai_uploads_rejected_total{reason="busy"}"#),
        "{metrics}"
    );
}
