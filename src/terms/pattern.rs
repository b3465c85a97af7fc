//! Rule phrases with placeholders, compiled against normalised text.
//!
//! A phrase is a sequence of segments: literal text (normalised once, at build time), `{N}` (a run of
//! one or more digits in normalised text, i.e. a number in any written form) and `{H}` (exactly one
//! Chinese character). The longest literal is the *anchor* searched for with Aho-Corasick; the other
//! segments are checked around each anchor hit.

use super::TermsError;
use super::normalize::{is_han, normalize_str};

/// One piece of a compiled phrase.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Segment {
    /// Normalised literal text.
    Literal(String),
    /// One or more ASCII digits (greedy). Only allowed as the first or last segment.
    Digits,
    /// Exactly one Chinese character.
    Han,
}

/// A compiled rule phrase.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Phrase {
    pub(crate) segments: Vec<Segment>,
    /// Index of the anchor literal in `segments`.
    pub(crate) anchor: usize,
}

impl Phrase {
    /// Parses and normalises `source`; `rule` is only used in error messages.
    pub(crate) fn parse(source: &str, rule: &str) -> Result<Phrase, TermsError> {
        let invalid = |reason: String| TermsError::InvalidRule {
            id: rule.to_string(),
            reason,
        };
        let mut segments = Vec::new();
        let mut rest = source;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix("{N}") {
                segments.push(Segment::Digits);
                rest = after;
            } else if let Some(after) = rest.strip_prefix("{H}") {
                segments.push(Segment::Han);
                rest = after;
            } else {
                let first = rest.chars().next().map_or(1, char::len_utf8);
                let end = rest[first..].find('{').map_or(rest.len(), |i| i + first);
                let literal = normalize_str(&rest[..end]);
                match segments.last_mut() {
                    Some(Segment::Literal(prev)) => prev.push_str(&literal),
                    _ if literal.is_empty() => {}
                    _ => segments.push(Segment::Literal(literal)),
                }
                rest = &rest[end..];
            }
        }
        let anchor = segments
            .iter()
            .enumerate()
            .filter_map(|(i, s)| match s {
                Segment::Literal(l) => Some((i, l.chars().count())),
                _ => None,
            })
            .max_by_key(|&(i, len)| (len, std::cmp::Reverse(i)))
            .map(|(i, _)| i)
            .ok_or_else(|| invalid(format!("phrase {source:?} has no literal text")))?;
        let last = segments.len() - 1;
        let digits_inside = segments
            .iter()
            .enumerate()
            .any(|(i, s)| *s == Segment::Digits && i != 0 && i != last);
        if digits_inside {
            return Err(invalid(format!(
                "phrase {source:?}: {{N}} may only start or end a phrase"
            )));
        }
        Ok(Phrase { segments, anchor })
    }

    /// Whether every literal of the phrase is ASCII (a pinyin spelling with no Chinese left).
    pub(crate) fn is_latin(&self) -> bool {
        self.segments.iter().all(|s| match s {
            Segment::Literal(l) => l.is_ascii(),
            _ => true,
        })
    }

    /// The normalised anchor literal.
    pub(crate) fn anchor_text(&self) -> &str {
        match &self.segments[self.anchor] {
            Segment::Literal(l) => l,
            _ => unreachable!("the anchor is always a literal"),
        }
    }

    /// Given an anchor hit at `start..end` of the normalised `text`, checks the other segments and
    /// returns the byte range of the whole phrase.
    pub(crate) fn extend(&self, text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
        let mut start = start;
        for segment in self.segments[..self.anchor].iter().rev() {
            start = match_backward(segment, text, start)?;
        }
        let mut end = end;
        for segment in &self.segments[self.anchor + 1..] {
            end = match_forward(segment, text, end)?;
        }
        Some((start, end))
    }
}

fn match_backward(segment: &Segment, text: &str, at: usize) -> Option<usize> {
    let before = &text[..at];
    match segment {
        Segment::Literal(l) => before.ends_with(l.as_str()).then(|| at - l.len()),
        Segment::Han => before
            .chars()
            .next_back()
            .filter(|&c| is_han(c))
            .map(|c| at - c.len_utf8()),
        Segment::Digits => {
            let n = before.bytes().rev().take_while(u8::is_ascii_digit).count();
            (n > 0).then(|| at - n)
        }
    }
}

fn match_forward(segment: &Segment, text: &str, at: usize) -> Option<usize> {
    let after = &text[at..];
    match segment {
        Segment::Literal(l) => after.starts_with(l.as_str()).then(|| at + l.len()),
        Segment::Han => after
            .chars()
            .next()
            .filter(|&c| is_han(c))
            .map(|c| at + c.len_utf8()),
        Segment::Digits => {
            let n = after.bytes().take_while(u8::is_ascii_digit).count();
            (n > 0).then(|| at + n)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_placeholders_and_picks_longest_literal() {
        let p = Phrase::parse("{N}天拿证", "r").unwrap();
        assert_eq!(
            p.segments,
            vec![Segment::Digits, Segment::Literal("天拿证".into())]
        );
        assert_eq!(p.anchor_text(), "天拿证");
        let p = Phrase::parse("原{H}{H}部", "r").unwrap();
        assert_eq!(p.anchor_text(), "原");
    }

    #[test]
    fn rejects_phrases_without_literal_or_with_inner_number() {
        assert!(Phrase::parse("{N}", "r").is_err());
        assert!(Phrase::parse("天{N}证", "r").is_err());
    }

    #[test]
    fn extends_around_anchor() {
        let p = Phrase::parse("{N}天拿证", "r").unwrap();
        let text = "仅需15天拿证";
        let a = text.find("天拿证").unwrap();
        let (s, e) = p.extend(text, a, text.len()).unwrap();
        assert_eq!(&text[s..e], "15天拿证");
        assert!(p.extend("几天拿证", 3, "几天拿证".len()).is_none());

        let p = Phrase::parse("原{H}{H}部", "r").unwrap();
        let text = "原人事部颁发";
        let (s, e) = p.extend(text, 0, 3).unwrap();
        assert_eq!(&text[s..e], "原人事部");
    }
}
