//! `shanzhai text`: match the term lexicon against plain text or HTML files, or standard input.
//!
//! Each input gets a verdict and its matches (character offsets into the input's text; for HTML, into
//! the extracted visible text). With `--lines` each line is judged on its own (line numbers 1-based,
//! offsets relative to the line). Reading is the library's [`TextReader`]: inputs are read in blocks
//! and matched in overlapping chunks, so memory stays bounded whatever the input size. A bad input
//! (unreadable, binary) is reported and the other inputs are still processed; the exit status is
//! then 2.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use anyhow::Context;
use clap::ValueEnum;

use super::Outcome;
use shanzhai::terms::reader::{TextKind, TextReader, TextRecord, open_input};
use shanzhai::terms::{Matcher, Verdict};

/// Arguments of `shanzhai text`.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Exit status: 0 every input passed, 1 some input flagged, 2 an input could not be read or the rules are invalid.\n\
Docs: docs/GUIDE.md (Text matching, Rules file format), docs/DESIGN.md (Normalisation)"
)]
pub struct TextArgs {
    /// Output format: `human` (readable), `json` (one array) or `jsonl` (one object per input or line).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Rule file (TOML) merged over the default lexicon: adds, overrides or disables rules by id.
    /// Repeatable; later files win.
    #[arg(long = "rules", value_name = "FILE")]
    rules: Vec<PathBuf>,
    /// Judge every line of each input separately (for lists of ad texts); HTML is not stripped.
    #[arg(long)]
    lines: bool,
    /// How to read inputs: `auto` detects HTML by extension (.html, .htm, .xhtml) or content.
    #[arg(long = "input-type", value_enum, default_value_t = InputType::Auto)]
    input_type: InputType,
    /// Files to read; `-` (or none) reads standard input.
    #[arg(value_name = "FILE")]
    inputs: Vec<String>,
}

/// Output formats of `shanzhai text`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Human,
    Json,
    Jsonl,
}

/// How inputs are interpreted.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum InputType {
    Auto,
    Text,
    Html,
}

impl From<InputType> for TextKind {
    fn from(kind: InputType) -> Self {
        match kind {
            InputType::Auto => TextKind::Auto,
            InputType::Text => TextKind::Text,
            InputType::Html => TextKind::Html,
        }
    }
}

/// Runs `shanzhai text`.
pub fn run(args: TextArgs) -> anyhow::Result<Outcome> {
    let matcher = build_matcher(&args.rules)?;
    let reader = TextReader::new(&matcher).kind(args.input_type.into());
    let inputs = if args.inputs.is_empty() {
        vec!["-".to_string()]
    } else {
        args.inputs.clone()
    };
    let stdout = io::stdout();
    let mut sink = Sink::new(args.format, BufWriter::new(stdout.lock()));
    for path in &inputs {
        match open_input(path) {
            Ok(input) if args.lines => reader.read_lines(input, path, |r| sink.write(r))?,
            Ok(input) => sink.write(reader.read_whole(input, path))?,
            Err(err) => sink.write(TextRecord::failed(path, err))?,
        }
    }
    let (flagged, failed) = (sink.flagged, sink.failed);
    sink.finish()?;
    Ok(Outcome::new(flagged, failed as u64))
}

fn build_matcher(rule_files: &[PathBuf]) -> anyhow::Result<Matcher> {
    let mut builder = Matcher::builder();
    for file in rule_files {
        builder = builder.add_rules_file(file)?;
    }
    builder.build().context("cannot build the term matcher")
}

/// Writes records in the chosen format as they come (`json` streams one array), reports warnings and
/// errors on stderr and keeps the tally for the exit status.
struct Sink<W: Write> {
    format: Format,
    out: W,
    written: usize,
    flagged: bool,
    failed: usize,
}

impl<W: Write> Sink<W> {
    fn new(format: Format, out: W) -> Self {
        Sink {
            format,
            out,
            written: 0,
            flagged: false,
            failed: 0,
        }
    }

    fn write(&mut self, record: TextRecord) -> anyhow::Result<()> {
        for warning in &record.warnings {
            eprintln!("shanzhai: warning: {}: {warning}", record.path);
        }
        if let Some(err) = &record.error {
            eprintln!("shanzhai: error: {}: {err}", record.path);
            self.failed += 1;
        }
        self.flagged |= record.verdict.is_some_and(Verdict::is_flagged);
        match self.format {
            Format::Jsonl => {
                serde_json::to_writer(&mut self.out, &record)?;
                writeln!(self.out)?;
            }
            Format::Json => {
                self.out
                    .write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
                serde_json::to_writer(&mut self.out, &record)?;
            }
            Format::Human => write_human(&mut self.out, &record)?,
        }
        self.written += 1;
        Ok(())
    }

    fn finish(mut self) -> anyhow::Result<()> {
        if self.format == Format::Json {
            let close: &[u8] = if self.written == 0 { b"[]\n" } else { b"\n]\n" };
            self.out.write_all(close)?;
        }
        self.out.flush()?;
        Ok(())
    }
}

/// One block per input: `path: verdict`, then one line per match. In `--lines` mode lines that pass
/// are left out to keep long lists readable.
fn write_human(out: &mut impl Write, record: &TextRecord) -> io::Result<()> {
    let place = match record.line {
        Some(n) => format!("{}:{n}", record.path),
        None => record.path.clone(),
    };
    let Some(verdict) = record.verdict else {
        return writeln!(
            out,
            "{place}: ERROR {}",
            record.error.as_deref().unwrap_or("")
        );
    };
    if record.line.is_some() && verdict == Verdict::Pass {
        return Ok(());
    }
    let label = verdict.as_str().to_uppercase();
    writeln!(out, "{place}: {label} ({} matches)", record.matches.len())?;
    if let Some(reason) = &record.reason {
        writeln!(out, "  note: {reason}")?;
    }
    for m in &record.matches {
        writeln!(
            out,
            "  {:>6}..{:<6} {:<36} {}/{}  «{}»",
            m.start,
            m.end,
            m.rule,
            m.category,
            m.severity,
            m.text.replace('\n', "⏎")
        )?;
    }
    Ok(())
}
