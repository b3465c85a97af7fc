//! What the pages show, computed from the stored JSON: queue rows with their labels and rules,
//! the item's OCR lines cut into marked and unmarked pieces, label scores, ages. Pure functions,
//! unit-tested here; the templates only print these (escaped).

use std::collections::BTreeSet;

use serde_json::Value;

use crate::ocr::TextLine;
use crate::scan::{ImageResult, LineMatch};
use crate::terms::{Category, Severity};
use crate::vision::{Label, LabelScore, VisualScores};

/// A string field of `value`, or "".
pub fn text(value: &Value, key: &str) -> String {
    value
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// Milliseconds since the epoch of an RFC 3339 time, or 0.
pub fn parse_time(time: &str) -> i64 {
    humantime::parse_rfc3339(time)
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_millis() as i64)
}

/// "42 s", "5 min", "3 h 10 min", "2 d 4 h".
pub fn age(ms: i64) -> String {
    let s = ms.max(0) / 1000;
    match s {
        0..60 => format!("{s} s"),
        60..3600 => format!("{} min", s / 60),
        3600..86400 => format!("{} h {} min", s / 3600, s % 3600 / 60),
        _ => format!("{} d {} h", s / 86400, s % 86400 / 3600),
    }
}

/// "2026-12-02 05:10:03 UTC" for an RFC 3339 time (as stored), the input itself otherwise.
pub fn short_time(time: &str) -> String {
    match (time.get(..10), time.get(11..19)) {
        (Some(day), Some(clock)) if time.len() >= 19 => format!("{day} {clock} UTC"),
        _ => time.to_string(),
    }
}

/// The labels whose evidence was detected, by JSON name.
pub fn detected_labels(result: &Value) -> Vec<String> {
    Label::ALL
        .iter()
        .filter(|l| result["visual"][l.as_str()]["detected"].as_bool() == Some(true))
        .map(|l| l.as_str().to_string())
        .collect()
}

/// The rule ids and the categories of the matched terms, each once, sorted.
pub fn rules_and_categories(result: &Value) -> (Vec<String>, Vec<String>) {
    let mut rules = BTreeSet::new();
    let mut categories = BTreeSet::new();
    for m in result["matches"].as_array().into_iter().flatten() {
        rules.insert(text(m, "rule"));
        categories.insert(text(m, "category"));
    }
    rules.remove("");
    categories.remove("");
    (
        rules.into_iter().collect(),
        categories.into_iter().collect(),
    )
}

/// One row of the queue page.
#[derive(Debug, Clone)]
pub struct QueueRow {
    /// The item's (scan's) id.
    pub id: String,
    /// `pending` or `claimed`.
    pub status: String,
    /// Who holds it ("" when nobody).
    pub claimed_by: String,
    /// Until when, short form.
    pub lease_until: String,
    /// Time in the queue.
    pub age: String,
    /// `review` or `block`.
    pub verdict: String,
    /// The caller's id for the upload.
    pub data_id: String,
    /// Detected labels.
    pub labels: Vec<String>,
    /// Matched rule ids.
    pub rules: Vec<String>,
    /// Their categories.
    pub categories: Vec<String>,
}

/// What the queue is filtered by ("" = any).
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct QueueFilter {
    /// `review` or `block`.
    #[serde(default)]
    pub verdict: String,
    /// A label's JSON name.
    #[serde(default)]
    pub label: String,
    /// A rule category's JSON name.
    #[serde(default)]
    pub category: String,
}

impl QueueFilter {
    /// Whether `row` passes.
    pub fn keeps(&self, row: &QueueRow) -> bool {
        (self.verdict.is_empty() || row.verdict == self.verdict)
            && (self.label.is_empty() || row.labels.contains(&self.label))
            && (self.category.is_empty() || row.categories.contains(&self.category))
    }

    /// True when something is filtered.
    pub fn any(&self) -> bool {
        !(self.verdict.is_empty() && self.label.is_empty() && self.category.is_empty())
    }
}

/// The queue row of a review item (`Store::open_items`' JSON).
pub fn queue_row(item: &Value, now: i64) -> QueueRow {
    let result = &item["result"];
    let (rules, categories) = rules_and_categories(result);
    QueueRow {
        id: text(item, "id"),
        status: text(item, "status"),
        claimed_by: text(item, "claimed_by"),
        lease_until: short_time(&text(item, "lease_until")),
        age: age(now - parse_time(&text(item, "created_at"))),
        verdict: text(item, "verdict"),
        data_id: text(item, "data_id"),
        labels: detected_labels(result),
        rules,
        categories,
    }
}

/// Every rule category's JSON name, for the filter.
pub fn category_names() -> Vec<&'static str> {
    [
        Category::StateName,
        Category::Qualification,
        Category::FalsePromise,
        Category::MinistryClaim,
        Category::EmblemMention,
        Category::Other,
    ]
    .iter()
    .map(|c| c.as_str())
    .collect()
}

/// Every label's JSON name, for the filter.
pub fn label_names() -> Vec<&'static str> {
    Label::ALL.iter().map(|l| l.as_str()).collect()
}

/// A piece of an OCR line: marked (a matched term) or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// The text (escaped by the template).
    pub text: String,
    /// Whether it is part of a matched term.
    pub marked: bool,
    /// The rules that matched it, for the `<mark>`'s title.
    pub rules: String,
}

/// One OCR line with its marks and the rules that fired on it.
#[derive(Debug, Clone)]
pub struct OcrLine {
    /// The line cut into pieces.
    pub pieces: Vec<Piece>,
    /// `rule (category, severity)` for each match on the line.
    pub hits: Vec<String>,
    /// Recognition confidence, "0.97".
    pub score: String,
}

/// The OCR lines of `result`, matched terms in pieces marked for `<mark>`. Matches are in
/// characters (`start`..`end`); offsets past the line's end are clipped, never a panic.
pub fn ocr_lines(result: &Value) -> Vec<OcrLine> {
    let matches = result["matches"].as_array().cloned().unwrap_or_default();
    let mut lines = Vec::new();
    for (index, line) in result["ocr"].as_array().into_iter().flatten().enumerate() {
        let chars: Vec<char> = text(line, "text").chars().collect();
        let mut rules_at: Vec<BTreeSet<String>> = vec![BTreeSet::new(); chars.len()];
        let mut hits = Vec::new();
        for m in &matches {
            if m["line"].as_u64() != Some(index as u64) {
                continue;
            }
            let rule = text(m, "rule");
            hits.push(format!(
                "{rule} ({}, {})",
                text(m, "category"),
                text(m, "severity")
            ));
            let start = m["start"].as_u64().unwrap_or(0) as usize;
            let end = (m["end"].as_u64().unwrap_or(0) as usize).min(chars.len());
            for set in rules_at.iter_mut().take(end).skip(start) {
                set.insert(rule.clone());
            }
        }
        let mut pieces: Vec<Piece> = Vec::new();
        for (c, rules) in chars.iter().zip(&rules_at) {
            let marked = !rules.is_empty();
            let names = rules.iter().cloned().collect::<Vec<_>>().join(", ");
            match pieces.last_mut() {
                Some(last) if last.marked == marked && last.rules == names => last.text.push(*c),
                _ => pieces.push(Piece {
                    text: c.to_string(),
                    marked,
                    rules: names,
                }),
            }
        }
        lines.push(OcrLine {
            pieces,
            hits,
            score: line["score"]
                .as_f64()
                .map_or(String::new(), |s| format!("{s:.2}")),
        });
    }
    lines
}

/// One row of the label-score table.
#[derive(Debug, Clone)]
pub struct LabelRow {
    /// JSON name (also the CSS class of its colour).
    pub name: String,
    /// Words for people.
    pub words: String,
    /// "0.987".
    pub score: String,
    /// Whether the evidence was detected.
    pub detected: bool,
    /// A look-alike the classifier named, or "".
    pub lookalike: String,
}

/// The label scores of `result` (none without the visual stage).
pub fn label_rows(result: &Value) -> Vec<LabelRow> {
    Label::ALL
        .iter()
        .filter_map(|l| {
            let v = result["visual"].get(l.as_str())?;
            Some(LabelRow {
                name: l.as_str().into(),
                words: l.describe().into(),
                score: v["score"]
                    .as_f64()
                    .map_or(String::new(), |s| format!("{s:.3}")),
                detected: v["detected"].as_bool() == Some(true),
                lookalike: text(v, "lookalike"),
            })
        })
        .collect()
}

/// The part of a stored result the annotated image needs (boxes and OCR lines), rebuilt as an
/// [`ImageResult`]; what does not parse is left out.
pub fn annotation_result(result: &Value) -> ImageResult {
    let mut out = ImageResult::new(String::new());
    let quad = |b: &Value| -> Option<[[f32; 2]; 4]> {
        let points: Vec<[f32; 2]> = b
            .as_array()?
            .iter()
            .map(|p| Some([p[0].as_f64()? as f32, p[1].as_f64()? as f32]))
            .collect::<Option<_>>()?;
        points.try_into().ok()
    };
    out.ocr = result["ocr"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|l| TextLine {
            text: text(l, "text"),
            score: l["score"].as_f64().unwrap_or(0.0) as f32,
            bbox: quad(&l["box"]).unwrap_or_default(),
        })
        .collect();
    out.matches = result["matches"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|m| {
            Some(LineMatch {
                rule: text(m, "rule"),
                category: serde_json::from_value(m["category"].clone()).unwrap_or(Category::Other),
                severity: serde_json::from_value(m["severity"].clone()).unwrap_or(Severity::Low),
                text: text(m, "text"),
                line: usize::try_from(m["line"].as_u64()?).ok()?,
                start: m["start"].as_u64().unwrap_or(0) as usize,
                end: m["end"].as_u64().unwrap_or(0) as usize,
            })
        })
        .collect();
    let label = |name: &str| {
        let v = &result["visual"][name];
        let bbox = v["box"].as_array().and_then(|b| {
            let b: Vec<u32> = b
                .iter()
                .map(|x| x.as_u64().and_then(|x| u32::try_from(x).ok()))
                .collect::<Option<_>>()?;
            b.try_into().ok()
        });
        LabelScore {
            score: v["score"].as_f64().unwrap_or(0.0) as f32,
            detected: v["detected"].as_bool() == Some(true),
            bbox,
            lookalike: None,
        }
    };
    if result["visual"].is_object() {
        out.visual = Some(VisualScores {
            national_emblem: label("national_emblem"),
            certificate_layout: label("certificate_layout"),
            official_seal: label("official_seal"),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn result() -> Value {
        json!({
            "verdict": "block",
            "visual": {
                "national_emblem": {"score": 0.98674, "detected": true, "box": [1, 2, 30, 40]},
                "certificate_layout": {"score": 0.2, "detected": false, "box": null},
                "official_seal": {"score": 0.91, "detected": true, "box": [5, 5, 9, 9]},
            },
            "ocr": [
                {"text": "七天拿证<b>包过</b>", "score": 0.97, "box": [[0, 0], [9, 0], [9, 9], [0, 9]]},
                {"text": "plain", "score": 0.5, "box": [[0, 0], [9, 0], [9, 9], [0, 9]]},
            ],
            "matches": [
                {"rule": "days_to_cert", "category": "false_promise", "severity": "high",
                 "text": "七天拿证", "line": 0, "start": 0, "end": 4},
                {"rule": "pass_guarantee", "category": "false_promise", "severity": "high",
                 "text": "包过", "line": 0, "start": 7, "end": 9},
                {"rule": "overlap", "category": "other", "severity": "low",
                 "text": "证<", "line": 0, "start": 3, "end": 5},
                {"rule": "past_the_end", "category": "other", "severity": "low",
                 "text": "?", "line": 1, "start": 3, "end": 99},
            ],
        })
    }

    #[test]
    fn ocr_lines_are_cut_into_marked_pieces_by_character() {
        let lines = ocr_lines(&result());
        assert_eq!(lines.len(), 2);
        let pieces: Vec<(&str, bool, &str)> = lines[0]
            .pieces
            .iter()
            .map(|p| (p.text.as_str(), p.marked, p.rules.as_str()))
            .collect();
        assert_eq!(
            pieces,
            [
                ("七天拿", true, "days_to_cert"),
                ("证", true, "days_to_cert, overlap"),
                ("<", true, "overlap"),
                ("b>", false, ""),
                ("包过", true, "pass_guarantee"),
                ("</b>", false, ""),
            ]
        );
        assert_eq!(lines[0].hits[0], "days_to_cert (false_promise, high)");
        // Offsets past the end are clipped.
        let tail: Vec<bool> = lines[1].pieces.iter().map(|p| p.marked).collect();
        assert_eq!(tail, [false, true]);
    }

    #[test]
    fn queue_rows_filter_by_verdict_label_and_category() {
        let item = json!({"id": "x", "status": "pending", "verdict": "block",
            "created_at": "2026-12-02T05:00:00.000Z", "result": result()});
        let now = parse_time("2026-12-02T05:03:10.000Z");
        let row = queue_row(&item, now);
        assert_eq!(row.age, "3 min");
        assert_eq!(row.labels, ["national_emblem", "official_seal"]);
        assert_eq!(
            row.rules,
            ["days_to_cert", "overlap", "pass_guarantee", "past_the_end"]
        );
        assert_eq!(row.categories, ["false_promise", "other"]);
        let keeps = |verdict: &str, label: &str, category: &str| {
            QueueFilter {
                verdict: verdict.into(),
                label: label.into(),
                category: category.into(),
            }
            .keeps(&row)
        };
        assert!(keeps("", "", ""));
        assert!(keeps("block", "official_seal", "false_promise"));
        assert!(!keeps("review", "", ""));
        assert!(!keeps("", "certificate_layout", ""));
        assert!(!keeps("", "", "ministry_claim"));
    }

    #[test]
    fn labels_ages_and_the_annotation_result() {
        let rows = label_rows(&result());
        assert_eq!(rows.len(), 3);
        assert_eq!((rows[0].score.as_str(), rows[0].detected), ("0.987", true));
        assert_eq!(age(59_999), "59 s");
        assert_eq!(age(3 * 3_600_000 + 600_000), "3 h 10 min");
        assert_eq!(age(-5), "0 s");
        assert_eq!(
            short_time("2026-12-02T05:03:10.123Z"),
            "2026-12-02 05:03:10 UTC"
        );
        let r = annotation_result(&result());
        assert_eq!(r.ocr.len(), 2);
        assert_eq!(r.matches.len(), 4);
        assert_eq!(r.visual.unwrap().national_emblem.bbox, Some([1, 2, 30, 40]));
        // Nonsense parses to nothing, without a panic.
        let empty = annotation_result(&json!({"ocr": "x", "matches": [1], "visual": 3}));
        assert!(empty.ocr.is_empty() && empty.matches.is_empty());
    }
}
