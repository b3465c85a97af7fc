//! The reviewer's pages in headless Chromium against the real `shanzhai serve` over SQLite
//! (OCR and the classifier on): log in, open the queue, open the oldest item, decide it with the
//! keyboard alone, land on the next item, walk with j and ←, overturn and escalate the rest
//! until the queue says it is empty, and find the decisions on `/review/audit`. One upload's `data_id` is a script payload; nothing may run. Screenshots:
//! `target/browser/review-queue.png`, `review-item.png`, `review-audit.png` (1280×800).
//!
//! Skips with one line when Chromium or Node.js is missing (fails under
//! `SHANZHAI_REQUIRE_BROWSER=1`, as in `.ci/run`); see `tests/common/browser.rs`.
#![cfg(feature = "serve")]

mod common;
#[path = "common/serve.rs"]
mod serve_common;

use serde_json::{Value, json};
use serve_common::*;

use common::browser::{artifacts_dir, browser};

const PAYLOAD: &str = "<img src=x onerror=\"window.__pwned=1;alert(1)\">";

fn scan(server: &Server, data_id: &str, name: &str) -> String {
    let query: String = data_id
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect();
    let response = server.scan(&format!("data_id={query}"), SUBMIT, demo(name));
    assert_eq!(response.status(), 200);
    let result: Value = response.json().unwrap();
    assert_eq!(result["review"]["status"], "pending", "{name}: {result}");
    result["id"].as_str().unwrap().to_string()
}

#[test]
fn a_reviewer_works_through_the_queue_with_the_keyboard() {
    let Some(browser) = browser() else { return };
    let dir = tempfile::tempdir().unwrap();
    let tokens = write_tokens(dir.path());
    let config = write_config(dir.path(), "serve.toml", Stages::Full, "");
    let server = Server::start(&[
        "--db",
        &format!("sqlite:{}", dir.path().join("serve.db").display()),
        "--tokens",
        tokens.to_str().unwrap(),
        "--config",
        config.to_str().unwrap(),
        "--jobs",
        "1",
    ]);
    let ids = [
        scan(&server, "poster-2026-0117", "ad_gold_emblem_poster.jpg"),
        scan(&server, PAYLOAD, "ad_emblem_certificate_banner.jpg"),
        scan(&server, "banner-2026-0342", "ad_corner_emblem_banner.jpg"),
    ];
    let shots = artifacts_dir();
    for name in ["review-queue.png", "review-item.png", "review-audit.png"] {
        let _ = std::fs::remove_file(shots.join(name));
    }
    let run = browser.run(
        "review_pages.mjs",
        &json!({"base": server.base, "token": ALICE, "reviewer": "alice",
                "screenshots": shots, "timeout_ms": 120_000}),
    );
    run.assert_quiet();
    let page = &run.result;
    assert_eq!(page["redirected_to_login"], true, "{page}");
    assert_eq!(page["queue_rows"], 3, "{page}");
    assert!(
        page["queue_text"].as_str().unwrap().contains(PAYLOAD),
        "the payload shows as text"
    );
    assert_eq!(
        page["focused"],
        format!("/review/{}", ids[0]),
        "j selects the oldest"
    );
    assert_eq!(page["first"], ids[0].as_str());
    assert!(
        page["first_claim"]
            .as_str()
            .unwrap()
            .starts_with("Claimed by you until")
    );
    assert_eq!(page["image_loaded"], true);
    assert!(page["labels"].as_u64().unwrap() >= 1, "{page}");
    let meta = page["meta"].as_str().unwrap();
    assert!(
        meta.contains("poster-2026-0117") && meta.contains("bytes"),
        "{meta}"
    );
    assert_eq!(
        page["buttons"],
        json!({"Confirm": 1, "Overturn": 1, "Escalate": 1}),
        "{page}"
    );
    assert_eq!(page["reason_field"], 1);
    assert_eq!(page["help_opened"], true);
    assert_eq!(page["help_closed"], true);
    assert_eq!(page["original_src"], format!("/review/{}/original", ids[0]));
    assert_eq!(
        page["annotated_src"],
        format!("/review/{}/annotated", ids[0])
    );
    assert!(
        page["empty_reason_error"]
            .as_str()
            .unwrap()
            .contains("reason"),
        "{page}"
    );
    assert_eq!(page["focus_in_reason"], true);
    assert_eq!(page["still_on_first"], true);
    assert_eq!(page["reason"], "Fake state certificate promotion");
    assert_eq!(
        page["second"],
        ids[1].as_str(),
        "the next pending item opened"
    );
    assert!(
        page["second_claim"]
            .as_str()
            .unwrap()
            .starts_with("Claimed by you")
    );
    assert_eq!(page["third"], ids[2].as_str());
    assert_eq!(page["back_to_second"], true);
    assert_eq!(page["after_overturn"], ids[2].as_str(), "{page}");
    assert!(
        page["empty_text"]
            .as_str()
            .unwrap()
            .contains("The queue is empty"),
        "{page}"
    );
    assert!(
        page["counts"].as_str().unwrap().contains("3 decided"),
        "{page}"
    );
    let marks = page["marks"].as_array().unwrap();
    let titles = page["mark_titles"].as_array().unwrap();
    assert_eq!(marks.len(), titles.len());
    assert!(
        titles.iter().all(|t| !t.as_str().unwrap().is_empty()),
        "each mark names its rules"
    );

    // The audit page shows the decision (newest first: release, claim, ..., decision).
    let rows = page["audit_rows"].as_array().unwrap();
    let decisions: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .filter(|r| r[3] == "decision")
        .map(|r| {
            (
                r[1].as_str().unwrap(),
                r[2].as_str().unwrap(),
                r[4].as_str().unwrap(),
                r[5].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        decisions,
        [
            (
                "alice",
                ids[2].as_str(),
                "escalate",
                "Unclear: needs a specialist"
            ),
            (
                "alice",
                ids[1].as_str(),
                "overturn",
                "Misuses the national emblem or an official seal"
            ),
            (
                "alice",
                ids[0].as_str(),
                "confirm",
                "Fake state certificate promotion"
            ),
        ],
        "newest first: {rows:?}"
    );
    assert_eq!(page["pwned"], Value::Null);
    assert_eq!(page["handler_attributes"], 0);

    // The decision reached the API and the bank too.
    let decided = server.json("/v1/review/queue?status=decided", ADMIN);
    assert_eq!(decided["items"][0]["id"], ids[0].as_str());
    assert_eq!(decided["items"][0]["decision"], "confirm");
    // Confirm and overturn teach the bank; escalate does not.
    let bank = server.json("/v1/bank", ADMIN);
    assert_eq!(bank["total"], 2, "{bank}");
    for name in ["review-queue.png", "review-item.png", "review-audit.png"] {
        assert!(
            std::fs::metadata(shots.join(name)).is_ok_and(|m| m.len() > 0),
            "no screenshot {name}"
        );
    }
}
