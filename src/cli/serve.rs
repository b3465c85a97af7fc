//! `shanzhai serve`: the upload-scanning HTTP API (the service itself is `shanzhai::serve`).

use std::net::SocketAddr;
use std::path::PathBuf;

use shanzhai::serve::{self, ServeOptions};

use super::{Outcome, RuntimeArgs};

/// Arguments of `shanzhai serve`.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Endpoints: GET /healthz, GET /metrics, POST /v1/scan, GET /v1/scans/{id}, \
GET /v1/review/queue, POST /v1/review/claim, POST /v1/review/{id}/decision, GET /v1/audit, \
GET /v1/bank, POST /v1/bank/{id}/disable|enable.\n\
Reviewer pages: /login, /review, /review/{id}, /review/audit, /review/bank (docs/review.md).\n\
Exit status: 0 stopped by SIGTERM or Ctrl-C, 2 could not start (or the models could not be loaded).\n\
Docs: docs/serve.md (API, [serve] settings, design, figures)"
)]
pub struct ServeArgs {
    /// Address to listen on; port 0 picks a free port (the address is printed on stderr).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// Database: sqlite:PATH or postgres://USER@HOST/DB [default: sqlite:serve.db in
    /// $XDG_DATA_HOME/shanzhai or ~/.local/share/shanzhai].
    #[arg(long, value_name = "URL")]
    db: Option<String>,
    /// Callers, one `ROLE NAME TOKEN` line each (roles submit, review, admin; `#` comments).
    /// Without it only a loopback --listen is allowed, and nobody needs a token.
    #[arg(long, value_name = "FILE")]
    tokens: Option<PathBuf>,
    /// Scan config (as `shanzhai scan --config`) with an optional [serve] section.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Worker threads, each with its own models [default: the number of CPUs].
    #[arg(long, short, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    jobs: Option<u16>,
    #[command(flatten)]
    runtime: RuntimeArgs,
}

/// Runs `shanzhai serve` until it is stopped.
pub fn run(args: ServeArgs) -> anyhow::Result<Outcome> {
    let jobs = args.jobs.map(usize::from).unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });
    serve::run(ServeOptions {
        listen: args.listen,
        db: args.db,
        tokens: args.tokens,
        config: args.config,
        jobs,
        runtime: args.runtime.options(),
    })?;
    Ok(Outcome::done())
}
