//! Helpers of the `shanzhai serve` tests: the real server binary on a free loopback port, a
//! blocking client, a throwaway PostgreSQL, and a tiny callback receiver.
//!
//! Used as `#[path = "common/serve.rs"] mod serve_common;` by `tests/serve_*.rs`.
#![allow(dead_code)] // each test binary uses its own part of these helpers

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::blocking::{Client, RequestBuilder, Response};
use serde_json::Value;

/// Tokens of the tokens file [`write_tokens`] writes.
pub const SUBMIT: &str = "submit-token-0123456789";
/// A reviewer called alice.
pub const ALICE: &str = "review-alice-0123456789";
/// A reviewer called bob.
pub const BOB: &str = "review-bob-0123456789ab";
/// The admin.
pub const ADMIN: &str = "admin-token-0123456789a";

/// A demo image's bytes (`datasets/samples/NAME`).
pub fn demo(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("datasets/samples")
            .join(name),
    )
    .unwrap()
}

/// Writes the tokens file with the four callers above.
pub fn write_tokens(dir: &Path) -> PathBuf {
    let path = dir.join("tokens");
    std::fs::write(
        &path,
        format!(
            "# role name token\nsubmit uploader {SUBMIT}\nreview alice {ALICE}\n\
             review bob {BOB}\nadmin root {ADMIN}\n"
        ),
    )
    .unwrap();
    path
}

/// Which scan stages a test server runs.
#[derive(Clone, Copy, Debug)]
pub enum Stages {
    /// None: every upload passes, no model is loaded (API tests that need no verdicts).
    Off,
    /// The visual classifier only: fast, and the emblem images go to review.
    Visual,
    /// OCR and the classifier, as `shanzhai scan` runs by default.
    Full,
}

/// Writes a config file with `stages` and the `[serve]` lines in `serve` (no `[serve]` section
/// when empty, so `shanzhai scan --config` reads the same file).
pub fn write_config(dir: &Path, name: &str, stages: Stages, serve: &str) -> PathBuf {
    let (ocr, visual) = match stages {
        Stages::Off => (false, false),
        Stages::Visual => (false, true),
        Stages::Full => (true, true),
    };
    let path = dir.join(name);
    let mut text = format!("[stages]\nocr = {ocr}\nvisual = {visual}\n");
    if !serve.is_empty() {
        text.push_str(&format!("\n[serve]\n{serve}\n"));
    }
    std::fs::write(&path, text).unwrap();
    path
}

/// A running `shanzhai serve`; killed (SIGKILL) when dropped.
pub struct Server {
    child: Option<Child>,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    log: Arc<Mutex<Vec<String>>>,
    client: Client,
}

impl Server {
    /// Starts `shanzhai serve --listen 127.0.0.1:0 ARGS` and waits until /healthz says ready.
    pub fn start(args: &[&str]) -> Server {
        let server = Self::spawn(args);
        server.wait_ready();
        server
    }

    /// Starts the server and waits only until it listens.
    pub fn spawn(args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_shanzhai"))
            .arg("serve")
            .args(["--listen", "127.0.0.1:0"])
            .args(args)
            .env("SHANZHAI_LOG", "warn,shanzhai=debug")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start shanzhai serve");
        let stderr = child.stderr.take().unwrap();
        let log = Arc::new(Mutex::new(Vec::new()));
        let (tx, rx) = std::sync::mpsc::channel();
        {
            let log = log.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                    if let Some(rest) = line.split("listening on ").nth(1) {
                        let base = rest.split_whitespace().next().unwrap_or("").to_string();
                        let _ = tx.send(base);
                    }
                    log.lock().unwrap().push(line);
                }
            });
        }
        let base = match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(base) => base,
            Err(_) => {
                let _ = child.kill();
                let status = child.wait().ok();
                std::thread::sleep(Duration::from_millis(200));
                panic!(
                    "the server did not start ({status:?}):\n{}",
                    log.lock().unwrap().join("\n")
                );
            }
        };
        // reqwest is built without a TLS provider of its own (the server installs ring too).
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = Client::builder()
            .timeout(Duration::from_secs(300))
            .build()
            .unwrap();
        Server {
            child: Some(child),
            base,
            log,
            client,
        }
    }

    /// Waits until `/healthz` answers 200 (the models are loaded).
    pub fn wait_ready(&self) {
        let deadline = Instant::now() + Duration::from_secs(300);
        loop {
            let response = self.client.get(self.url("/healthz")).send();
            if response.is_ok_and(|r| r.status() == 200) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "not ready in time:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// `base` + `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A GET with `token` (none when empty).
    pub fn get(&self, path: &str, token: &str) -> RequestBuilder {
        with_token(self.client.get(self.url(path)), token)
    }

    /// A POST with `token` (none when empty).
    pub fn post(&self, path: &str, token: &str) -> RequestBuilder {
        with_token(self.client.post(self.url(path)), token)
    }

    /// POST /v1/scan?QUERY with `bytes` as the body.
    pub fn scan(&self, query: &str, token: &str, bytes: Vec<u8>) -> Response {
        self.post(&format!("/v1/scan?{query}"), token)
            .body(bytes)
            .send()
            .unwrap()
    }

    /// GET as JSON, asserting 200.
    pub fn json(&self, path: &str, token: &str) -> Value {
        let response = self.get(path, token).send().unwrap();
        let status = response.status();
        let body: Value = response.json().unwrap();
        assert_eq!(status, 200, "GET {path}: {body}");
        body
    }

    /// Polls `GET /v1/scans/{id}` until its status is `done` or `failed`.
    pub fn wait_finished(&self, id: &str, token: &str, limit: Duration) -> Value {
        let deadline = Instant::now() + limit;
        loop {
            let scan = self.json(&format!("/v1/scans/{id}"), token);
            if matches!(scan["status"].as_str(), Some("done" | "failed")) {
                return scan;
            }
            assert!(
                Instant::now() < deadline,
                "{id} not finished: {scan}\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The server's stderr so far.
    pub fn log(&self) -> String {
        self.log.lock().unwrap().join("\n")
    }

    /// SIGKILL, and wait for it to die.
    pub fn kill9(&mut self) {
        if let Some(mut child) = self.child.take() {
            child.kill().unwrap();
            child.wait().unwrap();
        }
    }

    /// SIGTERM, and wait up to `limit` for the exit status.
    pub fn terminate(&mut self, limit: Duration) -> ExitStatus {
        let mut child = self.child.take().expect("running");
        let status = Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let deadline = Instant::now() + limit;
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                return status;
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                panic!("no exit {limit:?} after SIGTERM:\n{}", self.log());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn with_token(request: RequestBuilder, token: &str) -> RequestBuilder {
    if token.is_empty() {
        request
    } else {
        request.bearer_auth(token)
    }
}

/// Runs `shanzhai serve ARGS` expecting it to fail at once; returns (status, stderr).
pub fn serve_fails(args: &[&str]) -> (Option<i32>, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_shanzhai"))
        .arg("serve")
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The scan object minus the fields that differ between two runs or two front ends.
pub fn comparable(mut value: Value, drop: &[&str]) -> Value {
    if let Some(map) = value.as_object_mut() {
        for key in drop {
            map.remove(*key);
        }
    }
    value
}

/// A callback receiver: answers each POST with the next status of `statuses` (then 200), and
/// keeps what it got.
pub struct Receiver {
    /// `http://127.0.0.1:PORT/hook`.
    pub url: String,
    got: Arc<Mutex<Vec<Delivery>>>,
}

/// One request the receiver got.
#[derive(Debug, Clone)]
pub struct Delivery {
    /// Lower-case header names to values.
    pub headers: HashMap<String, String>,
    /// The body.
    pub body: Vec<u8>,
    /// The status the receiver answered with.
    pub answered: u16,
}

impl Receiver {
    /// Starts the receiver on a free loopback port.
    pub fn start(statuses: Vec<u16>) -> Receiver {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        let got = Arc::new(Mutex::new(Vec::new()));
        let seen = got.clone();
        std::thread::spawn(move || {
            let mut statuses = statuses.into_iter();
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let answer = statuses.next().unwrap_or(200);
                if let Some(delivery) = receive(stream, answer) {
                    seen.lock().unwrap().push(delivery);
                }
            }
        });
        Receiver { url, got }
    }

    /// Waits until `n` requests came in, and returns them.
    pub fn wait_for(&self, n: usize, limit: Duration) -> Vec<Delivery> {
        let deadline = Instant::now() + limit;
        loop {
            let got = self.got.lock().unwrap().clone();
            if got.len() >= n {
                return got;
            }
            assert!(
                Instant::now() < deadline,
                "{} of {n} callbacks in time",
                got.len()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

fn receive(mut stream: TcpStream, answer: u16) -> Option<Delivery> {
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut headers = HashMap::new();
    let mut line = String::new();
    reader.read_line(&mut line).ok()?; // request line
    loop {
        line.clear();
        reader.read_line(&mut line).ok()?;
        let trimmed = line.trim_end();
        if trimmed.is_empty() {
            break;
        }
        if let Some((name, value)) = trimmed.split_once(':') {
            headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_string());
        }
    }
    let length: usize = headers.get("content-length")?.parse().ok()?;
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    let reason = if answer == 200 { "OK" } else { "Nope" };
    let _ = write!(
        stream,
        "HTTP/1.1 {answer} {reason}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    );
    Some(Delivery {
        headers,
        body,
        answered: answer,
    })
}

/// A throwaway PostgreSQL 15 cluster (or the server `SHANZHAI_TEST_POSTGRES` names), with one
/// fresh database per test; the cluster stops when dropped.
pub struct Postgres {
    /// The database URL for this test.
    pub url: String,
    cluster: Option<(PathBuf, tempfile::TempDir)>,
}

const PG_BIN: &str = "/usr/lib/postgresql/15/bin";

impl Postgres {
    /// A fresh database, or `None` (with a line saying the test was skipped and how to run it)
    /// when there is neither `SHANZHAI_TEST_POSTGRES` nor PostgreSQL 15 here.
    pub fn start(test: &str) -> Option<Postgres> {
        if let Some(url) = std::env::var("SHANZHAI_TEST_POSTGRES")
            .ok()
            .filter(|v| !v.is_empty())
        {
            let url = fresh_database(&url, test);
            return Some(Postgres { url, cluster: None });
        }
        if !Path::new(PG_BIN).join("initdb").exists() {
            let message = format!(
                "{test}: PostgreSQL test SKIPPED: no {PG_BIN}/initdb here. To run it, install \
                 PostgreSQL 15 or set SHANZHAI_TEST_POSTGRES=postgres://USER@HOST/DB (a server \
                 where that user may create databases)"
            );
            assert!(
                std::env::var("SHANZHAI_REQUIRE_POSTGRES").as_deref() != Ok("1"),
                "{message} (SHANZHAI_REQUIRE_POSTGRES=1)"
            );
            let _ = writeln!(std::io::stderr(), "{message}");
            return None;
        }
        let (data, dir) = init_cluster();
        let port = free_port();
        let status = as_postgres(&format!("{PG_BIN}/pg_ctl"))
            .arg("-D")
            .arg(&data)
            .arg("-o")
            .arg(format!(
                "-p {port} -h 127.0.0.1 -k {} -c fsync=off -c max_connections=100",
                data.display()
            ))
            .arg("-l")
            .arg(data.join("server.log"))
            .args(["-w", "-t", "60", "start"])
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "pg_ctl start failed");
        let admin = format!("postgres://postgres@127.0.0.1:{port}/postgres");
        let url = fresh_database(&admin, test);
        Some(Postgres {
            url,
            cluster: Some((data, dir)),
        })
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        if let Some((data, _dir)) = &self.cluster {
            let _ = as_postgres(&format!("{PG_BIN}/pg_ctl"))
                .arg("-D")
                .arg(data)
                .args(["-m", "immediate", "stop"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
        }
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// PostgreSQL refuses to run as root: as root, run its tools as the `postgres` user.
fn as_postgres(program: &str) -> Command {
    if is_root() {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--", program]);
        command
    } else {
        Command::new(program)
    }
}

fn init_cluster() -> (PathBuf, tempfile::TempDir) {
    let dir = tempfile::Builder::new()
        .prefix("shanzhai-pg-")
        .tempdir()
        .unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    if is_root() {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        let status = Command::new("chown")
            .args(["postgres:postgres"])
            .arg(&data)
            .status()
            .unwrap();
        assert!(status.success());
    }
    let output = as_postgres(&format!("{PG_BIN}/initdb"))
        .arg("-D")
        .arg(&data)
        .args(["-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "initdb failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    (data, dir)
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Creates `shanzhai_<test>_<random>` on the server of `url` and returns its URL.
fn fresh_database(url: &str, test: &str) -> String {
    use sqlx::Connection;
    let name = format!(
        "shanzhai_{}_{}",
        test.replace(|c: char| !c.is_ascii_alphanumeric(), "_"),
        std::process::id()
    );
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let mut conn = sqlx::PgConnection::connect(url)
            .await
            .unwrap_or_else(|e| panic!("cannot connect to {url}: {e}"));
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .await
            .unwrap();
    });
    let (base, query) = url.split_once('?').unwrap_or((url, ""));
    let root = &base[..base.rfind('/').unwrap()];
    if query.is_empty() {
        format!("{root}/{name}")
    } else {
        format!("{root}/{name}?{query}")
    }
}
