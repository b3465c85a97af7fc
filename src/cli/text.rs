//! `shanzhai text` (under construction).

use super::Outcome;

/// Arguments of `shanzhai text`.
#[derive(clap::Args, Debug)]
pub struct TextArgs {}

/// Runs `shanzhai text`.
pub fn run(_args: TextArgs) -> anyhow::Result<Outcome> {
    anyhow::bail!("shanzhai text is not built yet")
}
