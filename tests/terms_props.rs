//! Property tests of the term matcher: evasions of every lexicon phrase still match, offsets are exact.

use std::sync::OnceLock;

use proptest::prelude::*;
use shanzhai::terms::normalize::normalize_str;
use shanzhai::terms::{Matcher, RuleSet};

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(Matcher::with_default_rules)
}

/// (rule id, phrase source, needs context) for every phrase of the default lexicon.
fn lexicon() -> &'static [(String, String, bool)] {
    static L: OnceLock<Vec<(String, String, bool)>> = OnceLock::new();
    L.get_or_init(|| {
        let set = RuleSet::default_rules();
        set.rules
            .iter()
            .flat_map(|r| {
                let context = r.context.as_deref().is_some_and(|c| !c.is_empty());
                r.phrases
                    .iter()
                    .flatten()
                    .map(move |p| (r.id.clone(), p.clone(), context))
            })
            .collect()
    })
}

const SEPARATORS: &[&str] = &[
    " ", "-", "·", "\u{200b}", "\u{200d}", "\u{feff}", "💯", "🔥", "★", "　", "\u{fe0f}", "_", "|",
    "\n", "*", "~",
];
const NUMBERS: &[&str] = &[
    "3", "３", "三", "十", "二十", "十五", "③", "❸", "⑩", "叁", "两", "二 十",
];
// Not the characters of real ministry names: those are matched by a stronger rule.
const HAN: &[&str] = &["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛"];

/// One way to write a lexicon character: as is, full-width, or traditional.
#[derive(Debug, Clone, Copy)]
enum Form {
    Plain,
    Wide,
    Traditional,
}

fn disguise(c: char, form: Form) -> String {
    match form {
        Form::Plain => c.to_string(),
        Form::Wide if c.is_ascii_alphanumeric() => char::from_u32(c as u32 - 0x21 + 0xFF01)
            .unwrap()
            .to_string(),
        Form::Wide => c.to_string(),
        Form::Traditional => hanconv::s2t(c.to_string()),
    }
}

/// Writes `phrase` with placeholders filled and every character disguised and separated.
fn evade(phrase: &str, picks: &[(usize, usize, u8)]) -> String {
    let mut out = String::new();
    let mut picks = picks.iter().cycle();
    let mut rest = phrase;
    while !rest.is_empty() {
        let &(sep, fill, form) = picks.next().unwrap();
        if let Some(after) = rest.strip_prefix("{N}") {
            out.push_str(NUMBERS[fill % NUMBERS.len()]);
            rest = after;
        } else if let Some(after) = rest.strip_prefix("{H}") {
            out.push_str(HAN[fill % HAN.len()]);
            rest = after;
        } else {
            let c = rest.chars().next().unwrap();
            let form = [Form::Plain, Form::Wide, Form::Traditional][form as usize % 3];
            out.push_str(&disguise(c, form));
            rest = &rest[c.len_utf8()..];
        }
        if !rest.is_empty() && sep % 3 != 0 {
            out.push_str(SEPARATORS[sep % SEPARATORS.len()]);
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Separators, full-width and traditional forms inside any lexicon phrase still match, and the
    /// reported span is exactly the disguised phrase.
    #[test]
    fn disguised_lexicon_phrases_still_match(
        index in 0usize..10_000,
        picks in prop::collection::vec((0usize..64, 0usize..64, 0u8..3), 1..24),
    ) {
        let (rule, phrase, needs_context) = &lexicon()[index % lexicon().len()];
        let disguised = evade(phrase, &picks);
        let text = if *needs_context { format!("{disguised}。证书") } else { disguised.clone() };
        let matches = matcher().find_all(&text);
        prop_assert!(
            matches.iter().any(|m| &m.rule == rule && m.text == disguised && m.start == 0),
            "{rule}: {phrase:?} written as {disguised:?} gave {matches:?}"
        );
    }

    /// Whatever the input, matches are sorted, non-overlapping and their text is the original span.
    #[test]
    fn offsets_are_exact_for_any_text(text in "\\PC{0,80}") {
        check_offsets(&text)?;
    }

    /// The same on text built from lexicon fragments, separators and numerals (many more matches).
    #[test]
    fn offsets_are_exact_for_lexicon_soup(
        parts in prop::collection::vec(0usize..1000, 0..40),
    ) {
        let pieces: Vec<&str> = lexicon().iter().map(|(_, p, _)| p.as_str())
            .chain(SEPARATORS.iter().copied())
            .chain(NUMBERS.iter().copied())
            .chain(["证书", "天拿证", "國家", "红包", "書", "过"])
            .collect();
        let text: String = parts.iter().map(|&i| pieces[i % pieces.len()]).collect();
        check_offsets(&text)?;
    }

    /// Normalising twice changes nothing.
    #[test]
    fn normalisation_is_idempotent(text in "\\PC{0,60}") {
        let once = normalize_str(&text);
        prop_assert_eq!(normalize_str(&once), once);
    }
}

fn check_offsets(text: &str) -> Result<(), TestCaseError> {
    let chars: Vec<char> = text.chars().collect();
    let matches = matcher().find_all(text);
    let mut previous_end = 0;
    for m in &matches {
        prop_assert!(m.start < m.end && m.end <= chars.len(), "{m:?}");
        prop_assert!(m.start >= previous_end, "overlap or unsorted: {matches:?}");
        let span: String = chars[m.start..m.end].iter().collect();
        prop_assert_eq!(&span, &m.text);
        previous_end = m.end;
    }
    Ok(())
}
