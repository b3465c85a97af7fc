//! The per-image result of a scan: what the JSONL, CSV, human and HTML writers print.

use serde::Serialize;

use super::fuse::FiredRule;
use crate::ocr::TextLine;
use crate::terms::{Category, Match, Severity, Verdict};
use crate::vision::VisualScores;

/// Everything a scan found about one input. Serialises to one JSONL line.
#[derive(Debug, Clone, Serialize)]
pub struct ImageResult {
    /// The input's path as given or found (lossy UTF-8 for non-UTF-8 names).
    pub path: String,
    /// `pass`, `review` or `block`; `null` when the input could not be analysed (see `error`).
    pub verdict: Option<Verdict>,
    /// Human-readable reasons for the verdict, strongest first.
    pub reasons: Vec<String>,
    /// The fusion rules that fired, as data, in the order of `reasons`: `{"rule", "verdict",
    /// "labels", "terms"}` (see [`FiredRule`]).
    pub fired: Vec<FiredRule>,
    /// Visual classifier scores; `null` when the visual stage was off or failed.
    pub visual: Option<VisualScores>,
    /// Recognised text lines, in reading order (empty when OCR was off).
    pub ocr: Vec<TextLine>,
    /// Term matches found in the OCR lines.
    pub matches: Vec<LineMatch>,
    /// Why this input could not be analysed, or `null`.
    pub error: Option<String>,
    /// Wall-clock milliseconds spent on this input (decode and every stage).
    pub ms: f64,
    /// Image width in pixels after EXIF orientation, when decoded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    /// Image height in pixels after EXIF orientation, when decoded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
}

/// A term match inside one OCR line.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LineMatch {
    /// Rule id from the lexicon.
    pub rule: String,
    /// Rule category.
    pub category: Category,
    /// Rule severity.
    pub severity: Severity,
    /// The matched span exactly as recognised.
    pub text: String,
    /// Index into `ocr`.
    pub line: usize,
    /// Start of the span in the line, in characters.
    pub start: usize,
    /// End of the span in the line (exclusive), in characters.
    pub end: usize,
}

impl LineMatch {
    /// Attaches a line index to a term match.
    pub fn new(line: usize, m: Match) -> Self {
        LineMatch {
            rule: m.rule,
            category: m.category,
            severity: m.severity,
            text: m.text,
            line,
            start: m.start,
            end: m.end,
        }
    }
}

impl ImageResult {
    /// An empty result for `path`: no verdict yet, nothing found, no error.
    pub fn new(path: String) -> Self {
        ImageResult {
            path,
            verdict: None,
            reasons: Vec::new(),
            fired: Vec::new(),
            visual: None,
            ocr: Vec::new(),
            matches: Vec::new(),
            error: None,
            ms: 0.0,
            width: None,
            height: None,
        }
    }

    /// A result for an input that could not be analysed.
    pub fn failed(path: String, error: String, ms: f64) -> Self {
        ImageResult {
            error: Some(error),
            ms,
            ..ImageResult::new(path)
        }
    }

    /// True when the verdict is `review` or `block`.
    pub fn is_flagged(&self) -> bool {
        matches!(self.verdict, Some(Verdict::Review | Verdict::Block))
    }
}
