//! The service's settings: the `[serve]` section of the scan config file (`--config`), read beside
//! the scan's own sections so one file configures both.
//!
//! ```toml
//! [stages]                      # ... every section `shanzhai scan --config` reads ...
//! visual = true
//!
//! [serve]
//! max_upload = "20MiB"          # bigger bodies get 413 before they are read
//! upload_memory = "256MiB"      # upload bytes held in memory at once; beyond it, 503
//! queue = 8                     # scans waiting for a worker in this process; beyond it, 503
//! max_queued_jobs = 10000       # async jobs waiting in the database; beyond it, 503
//! review_lease = "10m"          # how long a reviewer's claim lasts
//! job_lease = "30s"             # how long a replica's claim on a job lasts without renewal
//! max_attempts = 3              # runs of one job before it is marked failed
//! poll_interval = "500ms"       # how often a replica looks for other replicas' queued jobs
//! callback_secret = "..."       # HMAC key of X-Shanzhai-Signature (or SHANZHAI_CALLBACK_SECRET)
//! callback_hosts = ["hooks.example.com"]  # hosts callbacks may go to; empty: any
//! callback_attempts = 8         # deliveries tried before a callback is marked failed
//! callback_timeout = "10s"
//! shutdown_grace = "30s"        # on SIGTERM, how long running jobs may finish before re-queueing
//! ```

use std::path::Path;
use std::time::Duration;

use serde::{Deserialize, Deserializer};

use super::error::ServeError;
use crate::scan::{ConfigError, ScanConfig};

/// Environment variable that overrides `[serve] callback_secret` (keeps the key out of the file).
pub const CALLBACK_SECRET_ENV: &str = "SHANZHAI_CALLBACK_SECRET";

/// Everything `[serve]` can set; every field has a default.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ServeSettings {
    /// Largest upload body in bytes (default 20 MiB, the moderation APIs' usual cap).
    #[serde(deserialize_with = "bytes")]
    pub max_upload: u64,
    /// Upload bytes held in memory at once, read or waiting for a worker (default 256 MiB).
    #[serde(deserialize_with = "bytes")]
    pub upload_memory: u64,
    /// Scans that may wait for a worker in this process; `None`: 4 per worker.
    pub queue: Option<usize>,
    /// Async jobs that may wait in the database (all replicas together).
    pub max_queued_jobs: u64,
    /// How long a reviewer's claim lasts (default 10 min).
    #[serde(deserialize_with = "duration")]
    pub review_lease: Duration,
    /// How long a replica's claim on a job lasts unless renewed (default 30 s).
    #[serde(deserialize_with = "duration")]
    pub job_lease: Duration,
    /// Runs of one job (each cut off by a crash) before it is marked failed.
    pub max_attempts: u32,
    /// How often a replica looks for queued jobs it was not told about (default 500 ms).
    #[serde(deserialize_with = "duration")]
    pub poll_interval: Duration,
    /// HMAC-SHA256 key for callbacks; [`CALLBACK_SECRET_ENV`] overrides it.
    pub callback_secret: Option<String>,
    /// Host names callback URLs may point at; empty lets any host through (callbacks come from
    /// trusted submitters, but a list keeps a leaked token from probing the internal network).
    pub callback_hosts: Vec<String>,
    /// Delivery attempts before a callback is marked failed.
    pub callback_attempts: u32,
    /// Time limit of one callback delivery.
    #[serde(deserialize_with = "duration")]
    pub callback_timeout: Duration,
    /// On SIGTERM, how long running jobs may finish before they are re-queued.
    #[serde(deserialize_with = "duration")]
    pub shutdown_grace: Duration,
}

impl Default for ServeSettings {
    fn default() -> Self {
        ServeSettings {
            max_upload: 20 * 1024 * 1024,
            upload_memory: 256 * 1024 * 1024,
            queue: None,
            max_queued_jobs: 10_000,
            review_lease: Duration::from_secs(600),
            job_lease: Duration::from_secs(30),
            max_attempts: 3,
            poll_interval: Duration::from_millis(500),
            callback_secret: None,
            callback_hosts: Vec::new(),
            callback_attempts: 8,
            callback_timeout: Duration::from_secs(10),
            shutdown_grace: Duration::from_secs(30),
        }
    }
}

/// Reads `--config FILE`: the scan's sections as `shanzhai scan --config` reads them, and `[serve]`.
pub fn load(path: Option<&Path>) -> Result<(ScanConfig, ServeSettings), ServeError> {
    let (scan, mut serve) = match path {
        Some(path) => parse(path)?,
        None => (ScanConfig::default(), ServeSettings::default()),
    };
    if let Some(secret) = std::env::var(CALLBACK_SECRET_ENV)
        .ok()
        .filter(|s| !s.is_empty())
    {
        serve.callback_secret = Some(secret);
    }
    let wrong = |message: &str| ServeError::Setting {
        path: path.map(Path::to_path_buf).unwrap_or_default(),
        message: message.into(),
    };
    if serve.max_attempts < 1 {
        return Err(wrong("max_attempts must be at least 1"));
    }
    if serve.upload_memory < serve.max_upload {
        return Err(wrong(
            "upload_memory must hold at least one upload of max_upload bytes",
        ));
    }
    if serve.job_lease < Duration::from_secs(1) {
        return Err(wrong("job_lease must be at least 1s"));
    }
    Ok((scan, serve))
}

fn parse(path: &Path) -> Result<(ScanConfig, ServeSettings), ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let syntax = |source| ConfigError::Syntax {
        path: path.to_path_buf(),
        source,
    };
    let mut table: toml::Table = toml::from_str(&text).map_err(syntax)?;
    let serve = match table.remove("serve") {
        Some(section) => section.try_into().map_err(syntax)?,
        None => ServeSettings::default(),
    };
    // The rest is the scan config (which itself ignores a `[serve]` key).
    let mut scan: ScanConfig = toml::Value::Table(table).try_into().map_err(syntax)?;
    scan.resolve(path)?;
    Ok((scan, serve))
}

/// A duration as humans write it: `"10m"`, `"30s"`, `"500ms"`.
fn duration<'de, D: Deserializer<'de>>(de: D) -> Result<Duration, D::Error> {
    let text = String::deserialize(de)?;
    humantime::parse_duration(&text).map_err(serde::de::Error::custom)
}

/// A size in bytes: an integer, or a string with a unit (`"20MiB"`, `"512KiB"`, `"1GiB"`).
fn bytes<'de, D: Deserializer<'de>>(de: D) -> Result<u64, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Size {
        Bytes(u64),
        Text(String),
    }
    match Size::deserialize(de)? {
        Size::Bytes(n) => Ok(n),
        Size::Text(text) => parse_size(&text).map_err(serde::de::Error::custom),
    }
}

fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("{text:?} is not a size like \"20MiB\""))?;
    let scale: u64 = match unit.trim() {
        "" | "B" => 1,
        "KiB" | "KB" | "K" => 1 << 10,
        "MiB" | "MB" | "M" => 1 << 20,
        "GiB" | "GB" | "G" => 1 << 30,
        other => {
            return Err(format!(
                "unknown size unit {other:?} (use B, KiB, MiB, GiB)"
            ));
        }
    };
    number
        .checked_mul(scale)
        .ok_or_else(|| format!("{text:?} is too large"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_serve_beside_the_scan_sections() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("serve.toml");
        std::fs::write(
            &path,
            "[stages]\nocr = false\n[rules]\nfiles = [\"r.toml\"]\n\
             [serve]\nmax_upload = \"1MiB\"\nreview_lease = \"2m\"\njob_lease = \"3s\"\n",
        )
        .unwrap();
        let (scan, serve) = parse(&path).unwrap();
        assert!(!scan.stages.ocr && scan.stages.visual);
        assert_eq!(scan.rules.files, vec![dir.path().join("r.toml")]);
        assert_eq!(serve.max_upload, 1 << 20);
        assert_eq!(serve.review_lease, Duration::from_secs(120));
        assert_eq!(serve.job_lease, Duration::from_secs(3));
        assert_eq!(serve.max_attempts, 3);
    }

    #[test]
    fn refuses_unknown_keys_in_either_part() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("serve.toml");
        std::fs::write(&path, "[serve]\nmax_uplod = 5\n").unwrap();
        assert!(parse(&path).is_err());
        std::fs::write(&path, "[stages]\nocrr = true\n").unwrap();
        assert!(parse(&path).is_err());
        std::fs::write(&path, "[thresholds]\nofficial_seal = 2.0\n").unwrap();
        assert!(parse(&path).is_err());
    }

    #[test]
    fn sizes_take_units() {
        assert_eq!(parse_size("20MiB"), Ok(20 << 20));
        assert_eq!(parse_size("512 KiB"), Ok(512 << 10));
        assert_eq!(parse_size("7"), Ok(7));
        assert!(parse_size("5 parsecs").is_err());
        assert!(parse_size("99999999999999GiB").is_err());
    }
}
