//! The static HTML review report (`--report DIR`): `DIR/index.html` plus `DIR/images/`.
//!
//! It works offline from the file system, with no server: the results are embedded in the page as
//! JSON and a small script renders them. Flagged images come first (block, review, then errors,
//! then passes); each card shows the annotated image, verdict, reasons, the labels the classifier
//! detected and the OCR lines that matched, with the matched terms highlighted. Filters by verdict
//! and by label sit at the top.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::annotate::Annotator;
use super::{ReportError, ResultSink, verdict_name};
use crate::scan::{ImageResult, ScanSummary, Scanned};

/// What the page keeps of one result (small, so a large scan stays cheap).
#[derive(Debug, Clone, Serialize)]
struct Entry {
    seq: u64,
    path: String,
    verdict: &'static str,
    reasons: Vec<String>,
    labels: Vec<LabelView>,
    lines: Vec<Vec<Segment>>,
    error: Option<String>,
    image: Option<String>,
    thumb: Option<String>,
    ms: f64,
}

#[derive(Debug, Clone, Serialize)]
struct LabelView {
    name: &'static str,
    score: f32,
    detected: bool,
    /// What the verifier took an emblem-like object for, when not the emblem.
    #[serde(skip_serializing_if = "Option::is_none")]
    lookalike: Option<&'static str>,
}

/// A piece of an OCR line, highlighted when a term matched it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Segment {
    /// The text.
    pub text: String,
    /// Whether a term matched this piece.
    pub hit: bool,
}

/// Writes the review report when the scan finishes.
pub struct HtmlReport {
    dir: PathBuf,
    entries: Vec<Entry>,
}

impl HtmlReport {
    /// A report into `dir` (created). Pair it with an [`Annotator`] on the same folder so the
    /// annotated images exist.
    pub fn new(dir: &Path) -> std::io::Result<Self> {
        std::fs::create_dir_all(dir)?;
        Ok(HtmlReport {
            dir: dir.to_path_buf(),
            entries: Vec::new(),
        })
    }
}

/// Splits `text` into highlighted and plain segments by character ranges `[start, end)`.
pub fn highlight(text: &str, ranges: &[(usize, usize)]) -> Vec<Segment> {
    let chars: Vec<char> = text.chars().collect();
    let mut hit = vec![false; chars.len()];
    for &(start, end) in ranges {
        for flag in hit.iter_mut().take(end.min(chars.len())).skip(start) {
            *flag = true;
        }
    }
    let mut segments: Vec<Segment> = Vec::new();
    for (c, h) in chars.into_iter().zip(hit) {
        match segments.last_mut() {
            Some(last) if last.hit == h => last.text.push(c),
            _ => segments.push(Segment {
                text: c.to_string(),
                hit: h,
            }),
        }
    }
    segments
}

fn entry(seq: u64, r: &ImageResult) -> Entry {
    let labels = r
        .visual
        .as_ref()
        .map(|v| {
            v.iter()
                .map(|(label, l)| LabelView {
                    name: label.as_str(),
                    score: l.score,
                    detected: l.detected,
                    lookalike: l.lookalike,
                })
                .collect()
        })
        .unwrap_or_default();
    let mut matched_lines: Vec<usize> = r.matches.iter().map(|m| m.line).collect();
    matched_lines.dedup();
    let lines = matched_lines
        .iter()
        .filter_map(|&i| {
            let line = r.ocr.get(i)?;
            let ranges: Vec<(usize, usize)> = r
                .matches
                .iter()
                .filter(|m| m.line == i)
                .map(|m| (m.start, m.end))
                .collect();
            Some(highlight(&line.text, &ranges))
        })
        .collect();
    let decoded = r.width.is_some();
    Entry {
        seq,
        path: r.path.clone(),
        verdict: verdict_name(r),
        reasons: r.reasons.clone(),
        labels,
        lines,
        error: r.error.clone(),
        image: decoded.then(|| Annotator::image_name(seq)),
        thumb: decoded.then(|| Annotator::thumb_name(seq)),
        ms: r.ms,
    }
}

fn rank(verdict: &str) -> u8 {
    match verdict {
        "block" => 0,
        "review" => 1,
        "error" => 2,
        _ => 3,
    }
}

impl ResultSink for HtmlReport {
    fn write(&mut self, scanned: &Scanned) -> Result<(), ReportError> {
        self.entries.push(entry(scanned.seq, &scanned.result));
        Ok(())
    }

    fn finish(&mut self, summary: &ScanSummary) -> Result<(), ReportError> {
        self.entries.sort_by_key(|e| (rank(e.verdict), e.seq));
        let data = serde_json::json!({
            "summary": {
                "pass": summary.pass, "review": summary.review, "block": summary.block,
                "errors": summary.errors, "seconds": summary.elapsed.as_secs_f64(),
            },
            "entries": self.entries,
        });
        let json = script_safe_json(&serde_json::to_string(&data)?);
        let page = TEMPLATE.replace("/*DATA*/", &json);
        std::fs::write(self.dir.join("index.html"), page)?;
        Ok(())
    }
}

const TEMPLATE: &str = include_str!("report.html");

/// JSON made safe to embed in a `<script>` element. OCR text is written by advertisers, so it may
/// hold `</script>`, `<!--` (which changes how the script element ends) or U+2028/2029 (line
/// terminators in older JavaScript). `<`, `>` and `&` only occur inside JSON strings, where
/// `\u003c`, `\u003e` and `\u0026` mean the same characters, so the data is unchanged.
fn script_safe_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_json_cannot_close_or_comment_out_the_script() {
        let hostile = "</script><script>alert(1)</script> <!--<script> <img src=x onerror=alert(2)> a&b \u{2028}";
        let json = serde_json::to_string(&serde_json::json!({ "text": hostile })).unwrap();
        let safe = script_safe_json(&json);
        for bad in ['<', '>', '&', '\u{2028}'] {
            assert!(!safe.contains(bad), "{bad:?} left in {safe}");
        }
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["text"], hostile);
    }

    #[test]
    fn highlight_splits_by_char_ranges() {
        let segs = highlight("七天拿证包过班", &[(0, 4), (4, 6)]);
        assert_eq!(
            segs,
            vec![
                Segment {
                    text: "七天拿证包过".into(),
                    hit: true
                },
                Segment {
                    text: "班".into(),
                    hit: false
                },
            ]
        );
        let segs = highlight("ab", &[(5, 9)]);
        assert_eq!(
            segs,
            vec![Segment {
                text: "ab".into(),
                hit: false
            }]
        );
    }
}
