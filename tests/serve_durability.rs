//! `shanzhai serve` over SQLite when the process dies: after `kill -9` and a restart on the same
//! database every accepted job finishes with exactly one result; after SIGTERM running jobs
//! finish or go back to the queue and the exit status is 0.
#![cfg(feature = "serve")]

#[path = "common/serve.rs"]
mod serve_common;

use std::collections::HashSet;
use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::Value;
use serve_common::*;

const IMAGES: [&str; 4] = [
    "ad_corner_emblem_banner.jpg",
    "clean_article.jpg",
    "ad_gold_emblem_poster.jpg",
    "seal_contract_page.jpg",
];

fn args(dir: &Path) -> Vec<String> {
    let tokens = write_tokens(dir);
    let config = write_config(
        dir,
        "serve.toml",
        Stages::Visual,
        "job_lease = \"2s\"\npoll_interval = \"100ms\"\nshutdown_grace = \"20s\"",
    );
    [
        "--db".to_string(),
        format!("sqlite:{}", dir.join("serve.db").display()),
        "--tokens".into(),
        tokens.display().to_string(),
        "--config".into(),
        config.display().to_string(),
        "--jobs".into(),
        "1".into(),
    ]
    .into()
}

fn start(args: &[String]) -> Server {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    Server::start(&args)
}

/// Submits `n` async jobs (the images in turn, `data_id` = their index).
fn submit(server: &Server, n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            let response = server.scan(
                &format!("mode=async&data_id={i}"),
                SUBMIT,
                demo(IMAGES[i % IMAGES.len()]),
            );
            assert_eq!(response.status(), 202);
            response.json::<Value>().unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

/// Waits until one of `ids` is running and returns it.
fn wait_running(server: &Server, ids: &[String]) -> String {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        for id in ids {
            if server.json(&format!("/v1/scans/{id}"), SUBMIT)["status"] == "running" {
                return id.clone();
            }
        }
        assert!(
            Instant::now() < deadline,
            "no job ever ran:\n{}",
            server.log()
        );
    }
}

/// Every job is done with its own result, each flagged one is in the review queue once.
fn check_all_done(server: &Server, ids: &[String]) -> Vec<Value> {
    let scans: Vec<Value> = ids
        .iter()
        .map(|id| server.wait_finished(id, SUBMIT, Duration::from_secs(180)))
        .collect();
    let mut flagged = HashSet::new();
    for (i, scan) in scans.iter().enumerate() {
        assert_eq!(scan["status"], "done", "{scan}");
        let result = &scan["result"];
        assert_eq!(result["id"], ids[i].as_str());
        assert_eq!(result["data_id"], i.to_string().as_str());
        assert!(result["verdict"].is_string(), "{scan}");
        if matches!(result["verdict"].as_str(), Some("review" | "block")) {
            flagged.insert(ids[i].clone());
        }
    }
    let queue = server.json("/v1/review/queue?limit=1000", ALICE);
    let queued: Vec<String> = queue["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        queued.len(),
        flagged.len(),
        "one review item per flagged job"
    );
    assert_eq!(queued.into_iter().collect::<HashSet<_>>(), flagged);
    scans
}

#[test]
fn after_kill_9_and_a_restart_every_accepted_job_finishes_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    let args = args(dir.path());
    let mut server = start(&args);
    let ids = submit(&server, 12);
    let cut = wait_running(&server, &ids);
    server.kill9();

    let server = start(&args);
    let scans = check_all_done(&server, &ids);
    let cut_scan = &scans[ids.iter().position(|id| *id == cut).unwrap()];
    // The job cut off by the kill ran again (unless it finished between our look and the kill).
    let attempts = cut_scan["attempts"].as_i64().unwrap();
    assert!((1..=2).contains(&attempts), "{cut_scan}");
    for scan in &scans {
        assert!(scan["attempts"].as_i64().unwrap() <= 2, "{scan}");
    }
    // The same upload gives the same verdict however often it ran.
    let first = &scans[0]["result"];
    let again: Value = server.scan("", SUBMIT, demo(IMAGES[0])).json().unwrap();
    assert_eq!(again["verdict"], first["verdict"]);
    assert_eq!(again["visual"], first["visual"]);
}

#[test]
fn sigterm_lets_running_jobs_finish_or_requeues_them_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let args = args(dir.path());
    let mut server = start(&args);
    let ids = submit(&server, 8);
    wait_running(&server, &ids);
    let status = server.terminate(Duration::from_secs(60));
    assert_eq!(status.code(), Some(0), "{}", server.log());
    assert!(server.log().contains("shutting down"), "{}", server.log());

    let server = start(&args);
    let scans = check_all_done(&server, &ids);
    for scan in &scans {
        // A job put back on shutdown was not cut off: it does not count as a failed run.
        assert_eq!(scan["attempts"], 1, "{scan}");
    }
}
