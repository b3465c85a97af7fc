//! Reading text inputs for the matcher: files or streams of any size, plain text or HTML, whole
//! or line by line, in bounded memory.
//!
//! [`TextReader`] reads in 1 MiB blocks, decodes UTF-8 as a stream (invalid bytes become U+FFFD,
//! with a warning), strips HTML to its visible text when the input is HTML, and feeds a
//! [`ChunkedScan`](super::ChunkedScan), so neither a huge file nor a huge line is ever held whole.
//! Binary input (NUL bytes in the first 8 KiB) is refused rather than matched.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use encoding_rs::{Decoder, UTF_8};
use serde::Serialize;

use super::html::{HtmlText, looks_like_html};
use super::{Match, Matcher, Verdict};

/// Bytes read at a time.
const BLOCK: usize = 1 << 20;
/// Bytes looked at to tell binary data and HTML apart from text.
const SNIFF: usize = 8192;

/// How an input is interpreted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum TextKind {
    /// HTML when the name ends in `.html`/`.htm` or the content starts like HTML; else text.
    #[default]
    Auto,
    /// Plain text.
    Text,
    /// HTML: only the visible text is matched.
    Html,
}

/// The verdict on one input (or one line of it), as `shanzhai text` writes it in JSON.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct TextRecord {
    /// The input's name as given (`-` for standard input).
    pub path: String,
    /// 1-based line number, when lines are judged one by one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// The verdict; absent when the input could not be read (see `error`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    /// Why the verdict is capped (a report about the phrases), when it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Matches, in character offsets into the (extracted) text of the input or line.
    pub matches: Vec<Match>,
    /// Things the reader had to repair (invalid UTF-8, an empty input).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// Why the input could not be read, when it could not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl TextRecord {
    fn judged(path: &str, line: Option<u64>, matches: Vec<Match>, warnings: Vec<String>) -> Self {
        TextRecord {
            path: path.to_string(),
            line,
            verdict: Some(Verdict::from_matches(&matches)),
            reason: Verdict::reason(&matches),
            matches,
            warnings,
            error: None,
        }
    }

    /// The record of an input that could not be read.
    pub fn failed(path: &str, error: String) -> Self {
        TextRecord {
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

/// Opens a named input: a file, or standard input for `-`. The error says what is wrong in a
/// few words, for the input's record.
pub fn open_input(path: &str) -> Result<Box<dyn Read>, String> {
    if path == "-" {
        return Ok(Box::new(io::stdin().lock()));
    }
    match File::open(Path::new(path)) {
        Ok(file) if file.metadata().is_ok_and(|m| m.is_dir()) => Err("is a directory".into()),
        Ok(file) => Ok(Box::new(file)),
        Err(err) => Err(format!("cannot open: {err}")),
    }
}

/// Reads inputs and judges their text with one [`Matcher`].
#[derive(Debug, Clone, Copy)]
pub struct TextReader<'m> {
    matcher: &'m Matcher,
    kind: TextKind,
}

impl<'m> TextReader<'m> {
    /// A reader that matches with `matcher` and detects HTML by itself ([`TextKind::Auto`]).
    pub fn new(matcher: &'m Matcher) -> Self {
        TextReader {
            matcher,
            kind: TextKind::Auto,
        }
    }

    /// Interprets inputs as `kind` (only [`read_whole`](Self::read_whole) strips HTML).
    pub fn kind(mut self, kind: TextKind) -> Self {
        self.kind = kind;
        self
    }

    /// Reads all of `reader` and judges it as one text; `path` names it (and, with
    /// [`TextKind::Auto`], its extension hints at HTML). Read errors become the record's error.
    pub fn read_whole(&self, mut reader: impl Read, path: &str) -> TextRecord {
        let mut block = vec![0u8; BLOCK];
        let mut html = None;
        let mut decoder = Utf8Stream::new();
        let mut extracted = String::new();
        let mut scan = self.matcher.chunked_scan();
        let mut total = 0u64;
        loop {
            let n = match read_block(&mut reader, &mut block) {
                Ok(n) => n,
                Err(err) => return TextRecord::failed(path, format!("read error: {err}")),
            };
            if total == 0 {
                let head = &block[..n.min(SNIFF)];
                if head.contains(&0) {
                    return TextRecord::failed(path, "binary data (NUL bytes); not scanned".into());
                }
                let is_html = match self.kind {
                    TextKind::Auto => looks_like_html(Some(path), head),
                    TextKind::Text => false,
                    TextKind::Html => true,
                };
                html = is_html.then(HtmlText::new);
            }
            total += n as u64;
            let decoded = decoder.decode(&block[..n], n == 0);
            match html.as_mut() {
                Some(converter) => {
                    extracted.clear();
                    converter.push(decoded, &mut extracted);
                    if n == 0 {
                        converter.finish(&mut extracted);
                    }
                    scan.push(&extracted);
                }
                None => scan.push(decoded),
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
            warnings
                .push("invalid UTF-8 replaced with U+FFFD (offsets count the replacements)".into());
        }
        TextRecord::judged(path, None, scan.finish(), warnings)
    }

    /// Judges each line of `reader` on its own (`\n` or `\r\n` endings; HTML is not stripped),
    /// handing one record per line to `on_record` as it goes. A line of any length is matched
    /// in chunks, so memory stays bounded. A read error ends the input with a failed record;
    /// an error from `on_record` stops reading and is returned.
    pub fn read_lines<E>(
        &self,
        reader: impl Read,
        path: &str,
        mut on_record: impl FnMut(TextRecord) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut reader = BufReader::with_capacity(BLOCK, reader);
        match reader.fill_buf() {
            Ok(head) if head[..head.len().min(SNIFF)].contains(&0) => {
                let error = "binary data (NUL bytes); not scanned".into();
                return on_record(TextRecord::failed(path, error));
            }
            Ok(_) => {}
            Err(err) => return on_record(TextRecord::failed(path, format!("read error: {err}"))),
        }
        let mut line = LineScan::new(self.matcher);
        let mut number = 0u64;
        loop {
            let block = match reader.fill_buf() {
                Ok(block) => block,
                Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
                Err(err) => {
                    let error = format!("read error after line {number}: {err}");
                    return on_record(TextRecord::failed(path, error));
                }
            };
            if block.is_empty() {
                if line.started {
                    number += 1;
                    on_record(line.finish(path, number))?;
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
                on_record(line.finish(path, number))?;
            }
            reader.consume(used);
        }
    }
}

/// Fills as much of `block` as one or more reads give; 0 means end of input.
fn read_block(reader: &mut impl Read, block: &mut [u8]) -> io::Result<usize> {
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

/// One line being matched: decoded and fed to a chunked scan piece by piece.
struct LineScan<'m> {
    matcher: &'m Matcher,
    scan: super::ChunkedScan<'m>,
    decoder: Utf8Stream,
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
            decoder: Utf8Stream::new(),
            started: false,
            pending_cr: false,
        }
    }

    fn push(&mut self, mut bytes: &[u8]) {
        self.started = true;
        if bytes.is_empty() {
            return;
        }
        if std::mem::take(&mut self.pending_cr) {
            self.scan.push("\r");
        }
        if let Some(rest) = bytes.strip_suffix(b"\r") {
            self.pending_cr = true;
            bytes = rest;
        }
        let decoded = self.decoder.decode(bytes, false);
        self.scan.push(decoded);
    }

    fn finish(&mut self, path: &str, number: u64) -> TextRecord {
        let decoded = self.decoder.decode(&[], true);
        self.scan.push(decoded);
        let scan = std::mem::replace(&mut self.scan, self.matcher.chunked_scan());
        let mut warnings = Vec::new();
        if std::mem::replace(&mut self.decoder, Utf8Stream::new()).replaced {
            warnings.push(format!("line {number}: invalid UTF-8 replaced with U+FFFD"));
        }
        self.started = false;
        self.pending_cr = false;
        TextRecord::judged(path, Some(number), scan.finish(), warnings)
    }
}

/// Lossy UTF-8 decoding of a byte stream that may split characters across blocks
/// (`encoding_rs`'s streaming decoder; a byte-order mark is kept as text, so offsets count it).
struct Utf8Stream {
    decoder: Decoder,
    out: String,
    /// Whether any invalid bytes were replaced.
    replaced: bool,
}

impl Utf8Stream {
    fn new() -> Self {
        Utf8Stream {
            decoder: UTF_8.new_decoder_without_bom_handling(),
            out: String::new(),
            replaced: false,
        }
    }

    /// Decodes the next block (`last`: the stream ends after it) and returns its text.
    fn decode(&mut self, block: &[u8], last: bool) -> &str {
        self.out.clear();
        let room = self
            .decoder
            .max_utf8_buffer_length(block.len())
            .unwrap_or(block.len() * 3 + 16);
        self.out.reserve(room);
        let (_, _, replaced) = self.decoder.decode_to_string(block, &mut self.out, last);
        self.replaced |= replaced;
        &self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoder_handles_split_and_invalid_sequences() {
        let text = "证书包过".as_bytes();
        for split in 0..text.len() {
            let mut d = Utf8Stream::new();
            let mut out = d.decode(&text[..split], false).to_string();
            out += d.decode(&text[split..], false);
            out += d.decode(&[], true);
            assert_eq!(out, "证书包过");
            assert!(!d.replaced);
        }
        let mut d = Utf8Stream::new();
        let mut out = d.decode(b"a\xffb\xe8", false).to_string();
        out += d.decode(&[], true);
        assert_eq!(out, "a\u{fffd}b\u{fffd}");
        assert!(d.replaced);
    }

    #[test]
    fn lines_are_judged_one_by_one_and_binary_input_is_refused() {
        let matcher = Matcher::with_default_rules();
        let reader = TextReader::new(&matcher);
        let mut records = Vec::new();
        reader
            .read_lines("你好\r\n包过\n".as_bytes(), "ads.txt", |r| {
                records.push(r);
                Ok::<_, ()>(())
            })
            .unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].verdict, Some(Verdict::Pass));
        assert_eq!(records[1].line, Some(2));
        assert_eq!(records[1].verdict, Some(Verdict::Block));
        let binary = reader.read_whole(&b"\x7fELF\0\0"[..], "x.bin");
        assert!(binary.error.unwrap().contains("binary"));
    }

    #[test]
    fn html_is_matched_on_its_visible_text() {
        let matcher = Matcher::with_default_rules();
        let record = TextReader::new(&matcher)
            .read_whole(&b"<p>\xe5\x8c\x85<b>\xe8\xbf\x87</b></p>"[..], "ad.html");
        assert_eq!(record.matches[0].text, "包过");
    }
}
