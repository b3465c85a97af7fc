//! The `shanzhai` command line: argument parsing and dispatch to one module per subcommand.
//! Every subcommand is a thin layer over the library: it parses flags, resolves the runtime,
//! builds what the library needs and prints what it returns.
//!
//! Exit status, one rule for every subcommand (as ripgrep's): 2 when the run stopped on an error
//! or any input could not be read or analysed; else 1 when any input was flagged (review or
//! block); else 0. An error wins over a flag: a run that could not look at every input has not
//! shown the rest to be clean, and the flagged inputs are in the output either way.
//! `--exit-zero` turns the 1 into 0 (as ruff's and flake8's flag of that name): for a run whose
//! caller reads the verdicts from the output, a flagged input is not a failure; errors stay 2.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use shanzhai::runtime::RuntimeOptions;

mod fetch;
mod ocr;
mod scan;
#[cfg(feature = "serve")]
mod serve;
mod text;

/// What a finished run found, mapped to the process exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// Any input was flagged for review or blocked.
    flagged: bool,
    /// Inputs that could not be read or analysed.
    failed: u64,
}

impl Outcome {
    /// A run in which `failed` inputs could not be read and some input was `flagged` or not.
    pub fn new(flagged: bool, failed: u64) -> Self {
        Outcome { flagged, failed }
    }

    /// A run that looked at no input (`shanzhai fetch`).
    pub fn done() -> Self {
        Outcome::new(false, 0)
    }

    /// The exit status: 2 when an input failed, else 1 when one was flagged (0 with
    /// `exit_zero`), else 0.
    fn exit_code(self, exit_zero: bool) -> ExitCode {
        if self.failed > 0 {
            eprintln!(
                "shanzhai: error: {} input(s) could not be scanned",
                self.failed
            );
            ExitCode::from(2)
        } else if self.flagged && !exit_zero {
            ExitCode::from(1)
        } else {
            ExitCode::from(0)
        }
    }
}

/// Where to find ONNX Runtime and the OCR models; shared by every subcommand that runs a model.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct RuntimeArgs {
    /// ONNX Runtime shared library (libonnxruntime.so.1.32.0). Default: fetched into the cache.
    #[arg(long, env = "SHANZHAI_ORT_LIB", value_name = "FILE", global = true)]
    ort_lib: Option<PathBuf>,
    /// Folder holding the three PP-OCR models (`shanzhai fetch --offline-bundle` makes one).
    /// Default: fetched into the cache.
    #[arg(long, env = "SHANZHAI_OCR_MODELS", value_name = "DIR", global = true)]
    ocr_models: Option<PathBuf>,
    /// Cache folder for fetched files. Default: $XDG_CACHE_HOME/shanzhai or ~/.cache/shanzhai.
    #[arg(long, env = "SHANZHAI_CACHE_DIR", value_name = "DIR", global = true)]
    cache_dir: Option<PathBuf>,
}

impl RuntimeArgs {
    /// The library's options for these flags.
    pub fn options(&self) -> RuntimeOptions {
        RuntimeOptions {
            ort_lib: self.ort_lib.clone(),
            ocr_models: self.ocr_models.clone(),
            cache_dir: self.cache_dir.clone(),
        }
    }
}

#[derive(Parser, Debug)]
#[command(
    name = "shanzhai",
    version,
    about = "Finds knock-off skill-certificate (山寨证书) promotions in images and text",
    after_help = "Start with `shanzhai scan FOLDER --report DIR` (images) or `shanzhai text FILE` (text).\n\
Exit status: 0 everything passed, 1 something was flagged (review or block; 0 with --exit-zero),\n\
2 an input could not be read or an error stopped the run (2 wins over 1).\n\
Docs: README.md, docs/GUIDE.md (commands, options, formats), docs/DESIGN.md, docs/MEASUREMENTS.md"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Exit 0 when inputs were flagged (review or block); an error still exits 2. For runs whose
    /// caller reads the verdicts from the output, such as the demo scan.
    #[arg(long, global = true)]
    exit_zero: bool,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Match the term lexicon against plain text or HTML files (or standard input).
    Text(text::TextArgs),
    /// Recognise text in images with PP-OCRv4.
    Ocr(ocr::OcrArgs),
    /// Scan images and folders: OCR, term matching and the visual classifier, fused into a verdict.
    Scan(scan::ScanArgs),
    /// Serve the scan API: uploads in, verdicts out (sync or by callback), a review queue.
    #[cfg(feature = "serve")]
    Serve(serve::ServeArgs),
    /// Download and verify ONNX Runtime and the models into the cache (done on first need anyway).
    Fetch(fetch::FetchArgs),
}

/// Parses the command line, runs the subcommand and maps the result to an exit status.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Text(args) => text::run(args),
        Command::Ocr(args) => ocr::run(args),
        Command::Scan(args) => scan::run(args),
        Command::Fetch(args) => fetch::run(args),
        #[cfg(feature = "serve")]
        Command::Serve(args) => serve::run(args),
    };
    match result {
        Ok(outcome) => outcome.exit_code(cli.exit_zero),
        Err(err) => {
            eprintln!("shanzhai: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
