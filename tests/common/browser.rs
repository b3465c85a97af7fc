//! Headless-Chromium checks for the integration tests: the review report now, the reviewer web
//! pages later.
//!
//! A check is an ES module in `tests/browser/` whose default export `async (page, args)` drives
//! a Playwright page and returns JSON; [`Browser::run`] hands it to `tests/browser/run.mjs`,
//! which launches the system Chromium through playwright-core, records every dialog, console
//! error, page error and failed request, and prints one JSON line that comes back as a
//! [`CheckRun`]. The assertions stay in Rust.
//!
//! Needs Node.js 20 or newer on `PATH`, Chromium at `/usr/bin/chromium` (or
//! `$SHANZHAI_CHROMIUM`), and playwright-core in `tests/browser/node_modules`; the last is
//! installed on first need with `tests/browser/setup.sh --npm-only` (`npm ci`).
//! `tests/browser/setup.sh` without arguments also installs Chromium and Node.js with apt-get
//! (as root; `.ci/run` calls it). When something is missing, [`browser`] prints one line saying
//! what was skipped and how to run it, and returns `None`; with
//! `SHANZHAI_REQUIRE_BROWSER=1` (as `.ci/run` sets) it panics instead.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use serde_json::Value;

/// The folder of the driver: `tests/browser/`.
pub fn browser_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser")
}

/// Where the browser tests leave screenshots: `target/browser/` (beside `target/tmp/`).
pub fn artifacts_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target/tmp has a parent")
        .join("browser");
    std::fs::create_dir_all(&dir).expect("create target/browser");
    dir
}

/// True when the browser tests must run, not skip: `SHANZHAI_REQUIRE_BROWSER=1` (`.ci/run` sets
/// it). `CI=true` alone does not, for the reason `reference_required` gives.
fn browser_required() -> bool {
    std::env::var("SHANZHAI_REQUIRE_BROWSER").is_ok_and(|v| v == "1")
}

/// A usable Node.js + playwright-core + Chromium.
#[derive(Debug)]
pub struct Browser {
    chromium: PathBuf,
}

/// What `run.mjs` reported about one check.
#[derive(Debug)]
pub struct CheckRun {
    /// The check's return value.
    pub result: Value,
    /// Every alert/confirm/prompt the page opened: `{"type", "message"}`.
    pub dialogs: Vec<Value>,
    /// Console messages of type `error`.
    pub console_errors: Vec<Value>,
    /// Uncaught exceptions in the page.
    pub page_errors: Vec<Value>,
    /// Requests that failed: `{"url", "error"}`.
    pub failed_requests: Vec<Value>,
}

impl CheckRun {
    /// Panics unless the page opened no dialog and logged no error or uncaught exception.
    pub fn assert_quiet(&self) {
        assert!(
            self.dialogs.is_empty(),
            "dialogs opened: {:?}",
            self.dialogs
        );
        assert!(
            self.page_errors.is_empty(),
            "page errors: {:?}",
            self.page_errors
        );
        assert!(
            self.console_errors.is_empty(),
            "console errors: {:?}",
            self.console_errors
        );
    }
}

/// Why the browser tests cannot run here, or `Ok(chromium)`.
fn find() -> Result<PathBuf, String> {
    let chromium = std::env::var_os("SHANZHAI_CHROMIUM")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    if !chromium.is_file() {
        return Err(format!("no Chromium at {}", chromium.display()));
    }
    let node = Command::new("node")
        .args(["-p", "process.versions.node.split('.')[0]"])
        .output()
        .map_err(|e| format!("Node.js is not on PATH (cannot run node: {e})"))?;
    let major: u32 = String::from_utf8_lossy(&node.stdout)
        .trim()
        .parse()
        .unwrap_or(0);
    if major < 20 {
        return Err("Node.js 20 or newer is not on PATH".into());
    }
    let dir = browser_dir();
    if !dir
        .join("node_modules/playwright-core/package.json")
        .is_file()
    {
        let setup = Command::new(dir.join("setup.sh"))
            .arg("--npm-only")
            .output()
            .map_err(|e| format!("cannot run tests/browser/setup.sh ({e})"))?;
        if !setup.status.success() {
            return Err(format!(
                "tests/browser/setup.sh --npm-only failed: {}",
                String::from_utf8_lossy(&setup.stderr).trim()
            ));
        }
    }
    Ok(chromium)
}

/// The browser, or `None` after one line saying what is skipped (once per test binary, past the
/// harness's capture). Panics instead when the browser tests are required
/// (`SHANZHAI_REQUIRE_BROWSER=1`).
pub fn browser() -> Option<&'static Browser> {
    static BROWSER: OnceLock<Option<Browser>> = OnceLock::new();
    BROWSER
        .get_or_init(|| match find() {
            Ok(chromium) => Some(Browser { chromium }),
            Err(why) if browser_required() => panic!(
                "the browser tests are required here (SHANZHAI_REQUIRE_BROWSER=1) \
                 but cannot run: {why}; run tests/browser/setup.sh (as root it installs Chromium \
                 and Node.js with apt-get)"
            ),
            Err(why) => {
                let _ = writeln!(
                    std::io::stderr(),
                    "browser tests SKIPPED (the review report in headless Chromium): {why}; to \
                     run them: tests/browser/setup.sh, then cargo test --release --test \
                     report_browser"
                );
                None
            }
        })
        .as_ref()
}

impl Browser {
    /// Runs the check module `check` (a path relative to `tests/browser/`, or absolute) with
    /// `args` and returns what it reported. Panics when the check threw, timed out or could not
    /// start, with its output.
    pub fn run(&self, check: &str, args: &Value) -> CheckRun {
        let dir = browser_dir();
        let out = Command::new("node")
            .arg(dir.join("run.mjs"))
            .arg(dir.join(check))
            .arg(args.to_string())
            .env("SHANZHAI_CHROMIUM", &self.chromium)
            .output()
            .expect("run node tests/browser/run.mjs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let report: Value = stdout
            .lines()
            .rev()
            .find_map(|l| serde_json::from_str(l).ok())
            .unwrap_or_else(|| {
                panic!(
                    "run.mjs {check} printed no report (exit {}):\n{stdout}\n{stderr}",
                    out.status
                )
            });
        if report["ok"] != Value::Bool(true) || !out.status.success() {
            panic!(
                "browser check {check} failed (exit {}): {}\ndialogs: {}\npage errors: {}\n\
                 console errors: {}\n{stderr}",
                out.status,
                report["error"].as_str().unwrap_or(""),
                report["dialogs"],
                report["page_errors"],
                report["console_errors"],
            );
        }
        let list = |key: &str| report[key].as_array().cloned().unwrap_or_default();
        CheckRun {
            result: report["result"].clone(),
            dialogs: list("dialogs"),
            console_errors: list("console_errors"),
            page_errors: list("page_errors"),
            failed_requests: list("failed_requests"),
        }
    }
}
