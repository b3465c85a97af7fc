//! `shanzhai serve` replicas over one PostgreSQL: each job runs once, results and reviews
//! submitted on one replica are seen on the other, review claims are exclusive under contention,
//! and a replica killed mid-job loses it to the other when its lease runs out.
//!
//! Each test starts its own PostgreSQL 15 from `/usr/lib/postgresql/15/bin` (as the `postgres`
//! user when run as root), or uses `SHANZHAI_TEST_POSTGRES=URL`; without either it says it was
//! skipped and passes (`SHANZHAI_REQUIRE_POSTGRES=1` makes that a failure).
#![cfg(feature = "serve")]

#[path = "common/serve.rs"]
mod serve_common;

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::Duration;

use serde_json::{Value, json};
use serve_common::*;

const EMBLEMS: [&str; 3] = [
    "ad_corner_emblem_banner.jpg",
    "ad_gold_emblem_poster.jpg",
    "ad_emblem_certificate_banner.jpg",
];

fn replica(dir: &Path, db: &str, name: &str) -> Server {
    let tokens = write_tokens(dir);
    let config = write_config(
        dir,
        &format!("{name}.toml"),
        Stages::Visual,
        "job_lease = \"3s\"\npoll_interval = \"200ms\"\nreview_lease = \"1m\"",
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

fn id_of(response: reqwest::blocking::Response) -> String {
    let status = response.status();
    let body: Value = response.json().unwrap();
    assert!(status == 200 || status == 202, "{status}: {body}");
    body["id"].as_str().unwrap().to_string()
}

#[test]
fn two_replicas_run_each_job_once_and_share_results_reviews_and_the_audit_log() {
    let Some(pg) = Postgres::start("two_replicas") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let a = replica(dir.path(), &pg.url, "a");
    let b = replica(dir.path(), &pg.url, "b");

    // Jobs submitted to both; each replica runs some, none runs twice.
    let ids: Vec<String> = (0..10)
        .map(|i| {
            let server = if i % 2 == 0 { &a } else { &b };
            id_of(server.scan(
                &format!("mode=async&data_id={i}"),
                SUBMIT,
                demo(EMBLEMS[i % EMBLEMS.len()]),
            ))
        })
        .collect();
    let mut ran_on = HashMap::new();
    for (i, id) in ids.iter().enumerate() {
        let other = if i % 2 == 0 { &b } else { &a };
        let scan = other.wait_finished(id, SUBMIT, Duration::from_secs(180));
        assert_eq!(scan["status"], "done", "{scan}");
        assert_eq!(scan["attempts"], 1, "run once: {scan}");
        *ran_on
            .entry(scan["scanned_by"].as_str().unwrap().to_string())
            .or_insert(0) += 1;
    }
    assert_eq!(ran_on.len(), 2, "both replicas ran jobs: {ran_on:?}");

    // A sync result from A is visible on B.
    let sync = id_of(a.scan("data_id=sync", SUBMIT, demo(EMBLEMS[0])));
    assert_eq!(
        b.json(&format!("/v1/scans/{sync}"), SUBMIT)["status"],
        "done"
    );

    // Review: claimed on A, decided on B, seen on both.
    let queue_a = a.json("/v1/review/queue?limit=100", ALICE);
    let queue_b = b.json("/v1/review/queue?limit=100", BOB);
    assert_eq!(queue_a, queue_b);
    assert_eq!(queue_a["items"].as_array().unwrap().len(), 11);
    let claimed: Value = a
        .post("/v1/review/claim", ALICE)
        .send()
        .unwrap()
        .json()
        .unwrap();
    let item = claimed["id"].as_str().unwrap();
    let refused = b
        .post(&format!("/v1/review/{item}/decision"), BOB)
        .json(&json!({"decision": "confirm"}))
        .send()
        .unwrap();
    assert_eq!(refused.status(), 409);
    let decided = b
        .post(&format!("/v1/review/{item}/decision"), ALICE)
        .json(&json!({"decision": "escalate", "reason": "state emblem on a course ad"}))
        .send()
        .unwrap();
    assert_eq!(decided.status(), 200);
    let on_a = a.json(&format!("/v1/scans/{item}"), SUBMIT);
    assert_eq!(
        on_a["result"]["review"],
        json!({"status": "decided", "decision": "escalate"})
    );
    let audit_a = a.json("/v1/audit", ADMIN);
    assert_eq!(audit_a, b.json("/v1/audit", ADMIN));
    let actions: Vec<&str> = audit_a["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["claim", "decision"]);
}

#[test]
fn concurrent_review_claims_on_two_replicas_never_hand_out_an_item_twice() {
    let Some(pg) = Postgres::start("exclusive_claims") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let a = replica(dir.path(), &pg.url, "a");
    let b = replica(dir.path(), &pg.url, "b");
    let items = 12;
    for i in 0..items {
        let server = if i % 2 == 0 { &a } else { &b };
        id_of(server.scan("", SUBMIT, demo(EMBLEMS[i % EMBLEMS.len()])));
    }
    // Eight reviewers (four per replica) claim as fast as they can until the queue is empty.
    let claims: Vec<(String, String)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..8)
            .map(|r| {
                let (server, token) = match r % 4 {
                    0 => (&a, ALICE),
                    1 => (&b, BOB),
                    2 => (&b, ALICE),
                    _ => (&a, BOB),
                };
                scope.spawn(move || {
                    let mut got = Vec::new();
                    loop {
                        let response = server.post("/v1/review/claim", token).send().unwrap();
                        match response.status().as_u16() {
                            200 => {
                                let item: Value = response.json().unwrap();
                                got.push((
                                    item["id"].as_str().unwrap().to_string(),
                                    item["claimed_by"].as_str().unwrap().to_string(),
                                ));
                            }
                            404 => return got,
                            other => panic!("claim answered {other}"),
                        }
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    let distinct: HashSet<&String> = claims.iter().map(|(id, _)| id).collect();
    assert_eq!(claims.len(), items, "{claims:?}");
    assert_eq!(
        distinct.len(),
        items,
        "an item was handed out twice: {claims:?}"
    );
    let claimed = a.json("/v1/review/queue?status=claimed&limit=100", ADMIN);
    assert_eq!(claimed["items"].as_array().unwrap().len(), items);
    let audit = b.json("/v1/audit?limit=1000", ADMIN)["items"].clone();
    assert_eq!(
        audit.as_array().unwrap().len(),
        items,
        "one claim entry each"
    );
}

#[test]
fn a_replica_killed_mid_job_loses_the_job_to_the_other_when_its_lease_runs_out() {
    let Some(pg) = Postgres::start("killed_replica") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut a = replica(dir.path(), &pg.url, "a");
    let ids: Vec<String> = (0..6)
        .map(|i| {
            id_of(a.scan(
                &format!("mode=async&data_id={i}"),
                SUBMIT,
                demo(EMBLEMS[i % EMBLEMS.len()]),
            ))
        })
        .collect();
    // Kill A while it runs a job; B (started afterwards) takes everything over.
    let cut = loop {
        if let Some(id) = ids
            .iter()
            .find(|id| a.json(&format!("/v1/scans/{id}"), SUBMIT)["status"] == "running")
        {
            break id.clone();
        }
    };
    a.kill9();
    let b = replica(dir.path(), &pg.url, "b");
    let mut replicas = HashSet::new();
    for id in &ids {
        let scan = b.wait_finished(id, SUBMIT, Duration::from_secs(180));
        assert_eq!(scan["status"], "done", "{scan}");
        assert!(scan["result"]["verdict"].is_string());
        replicas.insert(scan["scanned_by"].as_str().unwrap().to_string());
        if *id == cut {
            assert!(
                (1..=2).contains(&scan["attempts"].as_i64().unwrap()),
                "{scan}"
            );
        }
    }
    let pending = b.json("/v1/review/queue?limit=100", ALICE)["items"].clone();
    let pending: HashSet<&str> = pending
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        pending.len(),
        ids.len(),
        "one review item per job, none twice"
    );
    assert!(replicas.len() <= 2);
}
