//! `shanzhai text`: match the term lexicon against plain text or HTML files, or standard input.
//!
//! Each input gets a verdict and its matches (character offsets into the input's text; for HTML, into
//! the extracted visible text). With `--lines` each line is judged on its own (line numbers 1-based,
//! offsets relative to the line). Inputs are read in blocks and matched in overlapping chunks, so memory
//! stays bounded whatever the input size. A bad input (unreadable, binary) is reported and the other
//! inputs are still processed; the exit status is then 2.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;

use anyhow::Context;
use clap::ValueEnum;
use serde::Serialize;

use super::Outcome;
use crate::terms::html::{HtmlText, looks_like_html};
use crate::terms::{Match, Matcher, Verdict};

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
    /// How to read inputs: `auto` detects HTML by extension (.html, .htm) or content.
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

/// The result for one input (or one line of it), as written in JSON.
#[derive(Serialize, Debug)]
struct Record {
    path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    verdict: Option<Verdict>,
    /// Why the verdict is capped (a report about the phrases), when it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
    matches: Vec<Match>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    warnings: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

impl Record {
    fn judged(path: &str, line: Option<u64>, matches: Vec<Match>, warnings: Vec<String>) -> Self {
        Record {
            path: path.to_string(),
            line,
            verdict: Some(Verdict::from_matches(&matches)),
            reason: Verdict::reason(&matches),
            matches,
            warnings,
            error: None,
        }
    }

    fn failed(path: &str, error: String) -> Self {
        Record {
            path: path.to_string(),
            line: None,
            verdict: None,
            reason: None,
            matches: Vec::new(),
            warnings: Vec::new(),
            error: Some(error),
        }
    }
}

/// Runs `shanzhai text`.
pub fn run(args: TextArgs) -> anyhow::Result<Outcome> {
    let matcher = build_matcher(&args.rules)?;
    let inputs = if args.inputs.is_empty() {
        vec!["-".to_string()]
    } else {
        args.inputs.clone()
    };
    let stdout = io::stdout();
    let mut sink = Sink::new(args.format, BufWriter::new(stdout.lock()));
    for path in &inputs {
        match open(path) {
            Ok(reader) if args.lines => scan_lines(&matcher, reader, path, &mut sink)?,
            Ok(reader) => sink.write(scan_whole(&matcher, reader, path, args.input_type))?,
            Err(err) => sink.write(Record::failed(path, err))?,
        }
    }
    let (flagged, failed) = (sink.flagged, sink.failed);
    sink.finish()?;
    if failed > 0 {
        anyhow::bail!("{failed} input(s) could not be scanned");
    }
    Ok(Outcome::from_flagged(flagged))
}

fn build_matcher(rule_files: &[PathBuf]) -> anyhow::Result<Matcher> {
    let mut builder = Matcher::builder();
    for file in rule_files {
        builder = builder.add_rules_file(file)?;
    }
    builder.build().context("cannot build the term matcher")
}

fn open(path: &str) -> Result<Box<dyn Read>, String> {
    if path == "-" {
        return Ok(Box::new(io::stdin().lock()));
    }
    match File::open(path) {
        Ok(file) if file.metadata().is_ok_and(|m| m.is_dir()) => Err("is a directory".into()),
        Ok(file) => Ok(Box::new(file)),
        Err(err) => Err(format!("cannot open: {err}")),
    }
}

const BLOCK: usize = 1 << 20;
const SNIFF: usize = 8192;

/// Reads a whole input in blocks, decodes it and matches it in chunks.
fn scan_whole(
    matcher: &Matcher,
    mut reader: Box<dyn Read>,
    path: &str,
    input_type: InputType,
) -> Record {
    let mut block = vec![0u8; BLOCK];
    let mut first = true;
    let mut html = None;
    let mut decoder = Utf8Decoder::default();
    let mut decoded = String::new();
    let mut extracted = String::new();
    let mut scan = matcher.chunked_scan();
    let mut total = 0u64;
    loop {
        let n = match read_block(&mut reader, &mut block) {
            Ok(n) => n,
            Err(err) => return Record::failed(path, format!("read error: {err}")),
        };
        if first {
            let head = &block[..n.min(SNIFF)];
            if head.contains(&0) {
                return Record::failed(path, "binary data (NUL bytes); not scanned".into());
            }
            let is_html = match input_type {
                InputType::Auto => looks_like_html(Some(path), head),
                InputType::Text => false,
                InputType::Html => true,
            };
            html = is_html.then(HtmlText::new);
            first = false;
        }
        total += n as u64;
        decoded.clear();
        decoder.decode(&block[..n], n == 0, &mut decoded);
        match html.as_mut() {
            Some(converter) => {
                extracted.clear();
                converter.push(&decoded, &mut extracted);
                if n == 0 {
                    converter.finish(&mut extracted);
                }
                scan.push(&extracted);
            }
            None => scan.push(&decoded),
        }
        if n == 0 {
            break;
        }
    }
    let mut warnings = Vec::new();
    if total == 0 {
        warnings.push("empty input".to_string());
    }
    if decoder.replaced {
        warnings.push("invalid UTF-8 replaced with U+FFFD (offsets count the replacements)".into());
    }
    Record::judged(path, None, scan.finish(), warnings)
}

/// Fills as much of `block` as one or more reads give; 0 means end of input.
fn read_block(reader: &mut dyn Read, block: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < block.len() {
        match reader.read(&mut block[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(err) => return Err(err),
        }
    }
    Ok(filled)
}

/// Judges each line of an input on its own, writing one record per line as it goes. A line of any
/// length is matched in chunks, so memory stays bounded here too.
fn scan_lines<W: Write>(
    matcher: &Matcher,
    reader: Box<dyn Read>,
    path: &str,
    sink: &mut Sink<W>,
) -> anyhow::Result<()> {
    let mut reader = BufReader::with_capacity(BLOCK, reader);
    match reader.fill_buf() {
        Ok(head) if head[..head.len().min(SNIFF)].contains(&0) => {
            return sink.write(Record::failed(
                path,
                "binary data (NUL bytes); not scanned".into(),
            ));
        }
        Ok(_) => {}
        Err(err) => return sink.write(Record::failed(path, format!("read error: {err}"))),
    }
    let mut line = LineScan::new(matcher);
    let mut number = 0u64;
    loop {
        let block = match reader.fill_buf() {
            Ok(block) => block,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => {
                let error = format!("read error after line {number}: {err}");
                return sink.write(Record::failed(path, error));
            }
        };
        if block.is_empty() {
            if line.started {
                number += 1;
                sink.write(line.finish(path, number))?;
            }
            return Ok(());
        }
        let (piece, ends_line) = match block.iter().position(|&b| b == b'\n') {
            Some(i) => (&block[..i], true),
            None => (block, false),
        };
        line.push(piece);
        let used = piece.len() + usize::from(ends_line);
        if ends_line {
            number += 1;
            sink.write(line.finish(path, number))?;
        }
        reader.consume(used);
    }
}

/// One line being matched: decoded and fed to a chunked scan piece by piece.
struct LineScan<'m> {
    matcher: &'m Matcher,
    scan: crate::terms::ChunkedScan<'m>,
    decoder: Utf8Decoder,
    decoded: String,
    /// Whether anything (even an empty piece before a newline) belongs to the current line.
    started: bool,
    /// A `\r` held back in case it is the end of a `\r\n` line ending.
    pending_cr: bool,
}

impl<'m> LineScan<'m> {
    fn new(matcher: &'m Matcher) -> Self {
        LineScan {
            matcher,
            scan: matcher.chunked_scan(),
            decoder: Utf8Decoder::default(),
            decoded: String::new(),
            started: false,
            pending_cr: false,
        }
    }

    fn push(&mut self, mut bytes: &[u8]) {
        self.started = true;
        if bytes.is_empty() {
            return;
        }
        self.decoded.clear();
        if std::mem::take(&mut self.pending_cr) {
            self.decoded.push('\r');
        }
        if let Some(rest) = bytes.strip_suffix(b"\r") {
            self.pending_cr = true;
            bytes = rest;
        }
        self.decoder.decode(bytes, false, &mut self.decoded);
        self.scan.push(&self.decoded);
    }

    fn finish(&mut self, path: &str, number: u64) -> Record {
        self.decoded.clear();
        self.decoder.decode(&[], true, &mut self.decoded);
        self.scan.push(&self.decoded);
        let scan = std::mem::replace(&mut self.scan, self.matcher.chunked_scan());
        let mut warnings = Vec::new();
        if std::mem::take(&mut self.decoder).replaced {
            warnings.push(format!("line {number}: invalid UTF-8 replaced with U+FFFD"));
        }
        self.started = false;
        self.pending_cr = false;
        Record::judged(path, Some(number), scan.finish(), warnings)
    }
}

/// Lossy UTF-8 decoding of a byte stream that may split characters across blocks.
#[derive(Default)]
struct Utf8Decoder {
    /// Bytes of a character cut by the end of the previous block.
    pending: Vec<u8>,
    /// Whether any invalid bytes were replaced.
    replaced: bool,
}

impl Utf8Decoder {
    fn decode(&mut self, block: &[u8], last: bool, out: &mut String) {
        let mut bytes = std::mem::take(&mut self.pending);
        bytes.extend_from_slice(block);
        let mut rest = bytes.as_slice();
        loop {
            match std::str::from_utf8(rest) {
                Ok(valid) => {
                    out.push_str(valid);
                    break;
                }
                Err(err) => {
                    let (valid, after) = rest.split_at(err.valid_up_to());
                    out.push_str(std::str::from_utf8(valid).expect("checked valid"));
                    match err.error_len() {
                        Some(bad) => {
                            out.push('\u{fffd}');
                            self.replaced = true;
                            rest = &after[bad..];
                        }
                        None if !last => {
                            self.pending = after.to_vec();
                            break;
                        }
                        None => {
                            out.push('\u{fffd}');
                            self.replaced = true;
                            break;
                        }
                    }
                }
            }
        }
    }
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

    fn write(&mut self, record: Record) -> anyhow::Result<()> {
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
fn write_human(out: &mut impl Write, record: &Record) -> io::Result<()> {
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
    let label = match verdict {
        Verdict::Pass => "PASS",
        Verdict::Review => "REVIEW",
        Verdict::Block => "BLOCK",
    };
    writeln!(out, "{place}: {label} ({} matches)", record.matches.len())?;
    if let Some(reason) = &record.reason {
        writeln!(out, "  note: {reason}")?;
    }
    for m in &record.matches {
        let category = serde_json::to_value(m.category).unwrap_or_default();
        let severity = serde_json::to_value(m.severity).unwrap_or_default();
        writeln!(
            out,
            "  {:>6}..{:<6} {:<36} {}/{}  «{}»",
            m.start,
            m.end,
            m.rule,
            category.as_str().unwrap_or(""),
            severity.as_str().unwrap_or(""),
            m.text.replace('\n', "⏎")
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoder_handles_split_and_invalid_sequences() {
        let text = "证书包过".as_bytes();
        for split in 0..text.len() {
            let mut d = Utf8Decoder::default();
            let mut out = String::new();
            d.decode(&text[..split], false, &mut out);
            d.decode(&text[split..], false, &mut out);
            d.decode(&[], true, &mut out);
            assert_eq!(out, "证书包过");
            assert!(!d.replaced);
        }
        let mut d = Utf8Decoder::default();
        let mut out = String::new();
        d.decode(b"a\xffb\xe8", false, &mut out);
        d.decode(&[], true, &mut out);
        assert_eq!(out, "a\u{fffd}b\u{fffd}");
        assert!(d.replaced);
    }
}
