//! `shanzhai scan` (under construction).

use super::Outcome;

/// Arguments of `shanzhai scan`.
#[derive(clap::Args, Debug)]
pub struct ScanArgs {}

/// Runs `shanzhai scan`.
pub fn run(_args: ScanArgs) -> anyhow::Result<Outcome> {
    anyhow::bail!("shanzhai scan is not built yet")
}
