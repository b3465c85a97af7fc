//! The recogniser's alphabet and CTC greedy decoding, as RapidOCR 1.4.4's `CTCLabelDecode`.

/// The recogniser's classes: index 0 is the CTC blank, then the dictionary stored in the model's
/// metadata key `character` (one entry per line), then a space, which PaddleOCR appends.
#[derive(Debug, Clone)]
pub struct Alphabet {
    symbols: Vec<String>,
}

impl Alphabet {
    /// Builds the alphabet from the text of the model's `character` metadata.
    ///
    /// Lines are split as Python's `str.splitlines` does (RapidOCR's behaviour), which also
    /// breaks on `\r`, `\x0b`, `\x0c`, `\x1c`–`\x1e`, `\u{85}`, `\u{2028}` and `\u{2029}`.
    pub fn from_metadata(character: &str) -> Self {
        let mut symbols = vec![String::new()];
        symbols.extend(python_splitlines(character).into_iter().map(str::to_owned));
        symbols.push(" ".to_owned());
        Alphabet { symbols }
    }

    /// Number of classes, blank included; the model's last output dimension must equal it.
    pub fn len(&self) -> usize {
        self.symbols.len()
    }

    /// Greedy CTC decoding of one line: `probs` holds `steps` rows of `len()` class
    /// probabilities. Takes the best class per step, merges repeats, drops blanks; the score is
    /// the mean probability of the kept steps (0 when none are kept).
    pub fn decode(&self, probs: &[f32]) -> (String, f32) {
        let classes = self.symbols.len();
        let mut text = String::new();
        let (mut sum, mut kept) = (0f64, 0usize);
        let mut previous = None;
        for row in probs.chunks_exact(classes) {
            let (best, p) = argmax(row);
            if best != 0 && previous != Some(best) {
                text.push_str(&self.symbols[best]);
                sum += f64::from(p);
                kept += 1;
            }
            previous = Some(best);
        }
        let score = if kept == 0 {
            0.0
        } else {
            (sum / kept as f64) as f32
        };
        (text, score)
    }
}

/// Index and value of the largest element (the first one on ties, like `np.argmax`).
fn argmax(row: &[f32]) -> (usize, f32) {
    row.iter().enumerate().fold(
        (0, f32::MIN),
        |best, (i, &v)| if v > best.1 { (i, v) } else { best },
    )
}

/// Python's `str.splitlines()` (without keeping the line ends).
fn python_splitlines(text: &str) -> Vec<&str> {
    let is_break = |c: char| {
        matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        )
    };
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_break(c) {
            lines.push(&text[start..i]);
            let mut end = i + c.len_utf8();
            if c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n') {
                chars.next();
                end += 1;
            }
            start = end;
        }
    }
    if start < text.len() {
        lines.push(&text[start..]);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_hot(alphabet: &Alphabet, picks: &[(usize, f32)]) -> Vec<f32> {
        let mut probs = vec![0.0; picks.len() * alphabet.len()];
        for (t, &(class, p)) in picks.iter().enumerate() {
            probs[t * alphabet.len() + class] = p;
        }
        probs
    }

    #[test]
    fn alphabet_has_blank_first_and_space_last() {
        let a = Alphabet::from_metadata("a\nb\nc");
        assert_eq!(a.len(), 5);
        assert_eq!(a.symbols[0], "");
        assert_eq!(a.symbols[4], " ");
    }

    #[test]
    fn splitlines_matches_python() {
        assert_eq!(
            python_splitlines("a\r\nb\rc\u{2028}d\n"),
            ["a", "b", "c", "d"]
        );
        assert_eq!(python_splitlines("a\n\nb"), ["a", "", "b"]);
        assert!(python_splitlines("").is_empty());
    }

    #[test]
    fn repeats_merge_and_blanks_separate() {
        let a = Alphabet::from_metadata("a\nb");
        // a a blank a b b blank → "aab"
        let probs = one_hot(
            &a,
            &[
                (1, 0.9),
                (1, 0.8),
                (0, 0.9),
                (1, 0.7),
                (2, 0.6),
                (2, 0.9),
                (0, 1.0),
            ],
        );
        let (text, score) = a.decode(&probs);
        assert_eq!(text, "aab");
        // Kept steps: 0.9 (first a), 0.7 (second a), 0.6 (b).
        assert!((score - (0.9 + 0.7 + 0.6) / 3.0).abs() < 1e-6);
    }

    #[test]
    fn the_last_class_is_a_space() {
        let a = Alphabet::from_metadata("a");
        let probs = one_hot(&a, &[(1, 0.9), (2, 0.9), (1, 0.9)]);
        assert_eq!(a.decode(&probs).0, "a a");
    }

    #[test]
    fn all_blank_scores_zero() {
        let a = Alphabet::from_metadata("a");
        assert_eq!(
            a.decode(&one_hot(&a, &[(0, 1.0), (0, 1.0)])),
            (String::new(), 0.0)
        );
    }
}
