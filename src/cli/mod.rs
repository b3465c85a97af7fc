//! The `shanzhai` command line: argument parsing and dispatch to one module per subcommand.
//!
//! Exit status, for every subcommand: 0 when every input passes, 1 when any input is flagged
//! (review or block), 2 when an error stopped the run.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod fetch;
mod ocr;
mod scan;
#[cfg(feature = "serve")]
mod serve;
mod text;

/// What a finished run found, mapped to the process exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Every input passed (exit status 0).
    Clean,
    /// At least one input was flagged for review or blocked (exit status 1).
    Flagged,
}

impl Outcome {
    /// `Flagged` when `flagged` is true, `Clean` otherwise.
    pub fn from_flagged(flagged: bool) -> Self {
        if flagged {
            Outcome::Flagged
        } else {
            Outcome::Clean
        }
    }
}

#[derive(Parser, Debug)]
#[command(
    name = "shanzhai",
    version,
    about = "Finds knock-off skill-certificate (山寨证书) promotions in images and text",
    after_help = "Start with `shanzhai scan FOLDER --report DIR` (images) or `shanzhai text FILE` (text).\n\
Exit status: 0 everything passed, 1 something was flagged (review or block), 2 an error stopped the run.\n\
Docs: README.md, docs/GUIDE.md (commands, options, formats), docs/DESIGN.md, docs/MEASUREMENTS.md"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
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
        Ok(Outcome::Clean) => ExitCode::from(0),
        Ok(Outcome::Flagged) => ExitCode::from(1),
        Err(err) => {
            eprintln!("shanzhai: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
