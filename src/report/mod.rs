//! Output writers for scan results, kept apart from the pipeline (as ripgrep keeps its printer
//! apart from its searcher): each writer implements [`ResultSink`] and sees one result at a time.
//!
//! - [`JsonlSink`]: one JSON object per line, flushed after each, so a killed run keeps every
//!   finished result (and `--resume` can pick up from it);
//! - [`CsvSink`]: one row per input with the main fields flattened;
//! - [`HumanSink`]: one readable line per input;
//! - [`html::HtmlReport`]: the static review report with annotated images.

pub mod annotate;
pub mod html;

use std::io::Write;

use crate::scan::{ImageResult, ScanSummary, Scanned};
use crate::vision::{Label, LabelScore};

/// Why a writer could not write.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// Writing failed (disk full, a closed pipe ...).
    #[error("cannot write the output")]
    Io(#[from] std::io::Error),
    /// The CSV writer failed.
    #[error("cannot write the CSV output")]
    Csv(#[from] csv::Error),
    /// A result could not be serialised.
    #[error("cannot serialise a result")]
    Json(#[from] serde_json::Error),
    /// A report image could not be encoded.
    #[error("cannot encode a report image")]
    Image(#[from] image::ImageError),
}

/// A consumer of scan results.
pub trait ResultSink {
    /// Writes one finished result.
    fn write(&mut self, scanned: &Scanned) -> Result<(), ReportError>;
    /// Called once after the last result.
    fn finish(&mut self, _summary: &ScanSummary) -> Result<(), ReportError> {
        Ok(())
    }
}

/// JSON Lines: one object per input, flushed line by line.
pub struct JsonlSink<W: Write> {
    out: W,
}

impl<W: Write> JsonlSink<W> {
    /// Writes to `out`.
    pub fn new(out: W) -> Self {
        JsonlSink { out }
    }
}

impl<W: Write> ResultSink for JsonlSink<W> {
    fn write(&mut self, scanned: &Scanned) -> Result<(), ReportError> {
        serde_json::to_writer(&mut self.out, &scanned.result)?;
        self.out.write_all(b"\n")?;
        self.out.flush()?;
        Ok(())
    }
}

/// CSV with a header row; list fields are joined with ` | `.
pub struct CsvSink<W: Write> {
    out: csv::Writer<W>,
}

/// The CSV columns, in order.
pub const CSV_HEADER: [&str; 10] = [
    "path",
    "verdict",
    "reasons",
    Label::NationalEmblem.as_str(),
    Label::CertificateLayout.as_str(),
    Label::OfficialSeal.as_str(),
    "matched_terms",
    "text",
    "error",
    "ms",
];

impl<W: Write> CsvSink<W> {
    /// Writes to `out`, starting with the header row when `header` is true (false when appending).
    pub fn new(out: W, header: bool) -> Result<Self, ReportError> {
        let mut out = csv::Writer::from_writer(out);
        if header {
            out.write_record(CSV_HEADER)?;
        }
        Ok(CsvSink { out })
    }
}

fn score_cell(label: Option<&LabelScore>) -> String {
    label.map(|l| format!("{:.3}", l.score)).unwrap_or_default()
}

/// The CSV row of one result, in [`CSV_HEADER`] order.
pub fn csv_row(result: &ImageResult) -> Vec<String> {
    let visual = result.visual.as_ref();
    vec![
        result.path.clone(),
        verdict_name(result).to_string(),
        result.reasons.join(" | "),
        score_cell(visual.map(|v| v.get(Label::NationalEmblem))),
        score_cell(visual.map(|v| v.get(Label::CertificateLayout))),
        score_cell(visual.map(|v| v.get(Label::OfficialSeal))),
        result
            .matches
            .iter()
            .map(|m| m.text.as_str())
            .collect::<Vec<_>>()
            .join(" | "),
        result
            .ocr
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join(" | "),
        result.error.clone().unwrap_or_default(),
        format!("{:.1}", result.ms),
    ]
}

impl<W: Write> ResultSink for CsvSink<W> {
    fn write(&mut self, scanned: &Scanned) -> Result<(), ReportError> {
        self.out.write_record(csv_row(&scanned.result))?;
        self.out.flush()?;
        Ok(())
    }
}

/// `pass`, `review`, `block` or `error` (no verdict: the input could not be analysed).
pub fn verdict_name(result: &ImageResult) -> &'static str {
    result.verdict.map_or("error", |v| v.as_str())
}

/// One line per input: `VERDICT  path  reasons`.
pub struct HumanSink<W: Write> {
    out: W,
}

impl<W: Write> HumanSink<W> {
    /// Writes to `out`.
    pub fn new(out: W) -> Self {
        HumanSink { out }
    }
}

impl<W: Write> ResultSink for HumanSink<W> {
    fn write(&mut self, scanned: &Scanned) -> Result<(), ReportError> {
        let r = &scanned.result;
        let detail = match &r.error {
            Some(err) => err.clone(),
            None => r.reasons.join("; "),
        };
        let verdict = verdict_name(r).to_uppercase();
        if detail.is_empty() {
            writeln!(self.out, "{verdict:<7} {}", r.path)?;
        } else {
            writeln!(self.out, "{verdict:<7} {}  {detail}", r.path)?;
        }
        self.out.flush()?;
        Ok(())
    }
}

/// Sends every result to several sinks.
#[derive(Default)]
pub struct Tee {
    sinks: Vec<Box<dyn ResultSink>>,
}

impl Tee {
    /// Adds a sink.
    pub fn push(&mut self, sink: Box<dyn ResultSink>) {
        self.sinks.push(sink);
    }
}

impl ResultSink for Tee {
    fn write(&mut self, scanned: &Scanned) -> Result<(), ReportError> {
        self.sinks.iter_mut().try_for_each(|s| s.write(scanned))
    }

    fn finish(&mut self, summary: &ScanSummary) -> Result<(), ReportError> {
        self.sinks.iter_mut().try_for_each(|s| s.finish(summary))
    }
}
