//! `shanzhai fetch`: download and verify ONNX Runtime and the OCR models ahead of time.

use super::Outcome;
use crate::runtime::{OcrModel, RuntimeOptions};

/// Arguments of `shanzhai fetch`.
#[derive(clap::Args, Debug)]
pub struct FetchArgs {
    #[command(flatten)]
    runtime: RuntimeOptions,
}

/// Fetches every file into the cache and prints where each one is.
pub fn run(args: FetchArgs) -> anyhow::Result<Outcome> {
    let rt = &args.runtime;
    println!("onnxruntime: {}", rt.ort_library()?.display());
    for model in [
        OcrModel::Detection,
        OcrModel::Classifier,
        OcrModel::Recognition,
    ] {
        println!("{model:?}: {}", rt.ocr_model(model)?.display());
    }
    Ok(Outcome::Clean)
}
