//! `shanzhai ocr` (under construction).

use super::Outcome;

/// Arguments of `shanzhai ocr`.
#[derive(clap::Args, Debug)]
pub struct OcrArgs {}

/// Runs `shanzhai ocr`.
pub fn run(_args: OcrArgs) -> anyhow::Result<Outcome> {
    anyhow::bail!("shanzhai ocr is not built yet")
}
