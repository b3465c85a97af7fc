//! Property tests of the term matcher: evasions of every lexicon phrase still match, offsets are exact.

use std::sync::OnceLock;

use pinyin::ToPinyin;
use proptest::prelude::*;
use shanzhai::terms::normalize::is_han;
use shanzhai::terms::normalize::normalize_str;
use shanzhai::terms::{Matcher, RuleSet, RuleSpec, Severity};

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(Matcher::with_default_rules)
}

/// (rule id, phrase source, needs context) for every phrase of the default lexicon. A phrase needs
/// context when its rule does, or when it is one of its rule's own `ordinary` readings (保过: a
/// homophone of 包过 that counts only with a certificate word nearby).
fn lexicon() -> &'static [(String, String, bool, bool)] {
    static L: OnceLock<Vec<(String, String, bool, bool)>> = OnceLock::new();
    L.get_or_init(|| {
        let set = RuleSet::default_rules();
        first_rule_phrases(&set)
            .into_iter()
            .map(|(r, p, from_slots)| {
                let context = r.context.as_deref().is_some_and(|c| !c.is_empty());
                let needs = context || r.ordinary.iter().flatten().any(|o| *o == p);
                (r.id.clone(), p, needs, from_slots)
            })
            .collect()
    })
}

/// Every phrase of the rules, with slots expanded, under the first rule that has it: a slot phrase
/// that another rule lists too (不过包退) is reported under the earlier rule, which wins a tie.
fn first_rule_phrases(set: &RuleSet) -> Vec<(&RuleSpec, String, bool)> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for r in &set.rules {
        for (p, from_slots) in set
            .sourced_phrases_of(r)
            .expect("slots of the default rules")
        {
            if seen.insert(p.clone()) {
                out.push((r, p, from_slots));
            }
        }
    }
    out
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

/// (rule id, phrase source, needs context) for every phrase without placeholders whose characters all
/// have a pinyin reading (the ones the pinyin spellings cover end to end).
fn readable_lexicon() -> &'static [(String, String, bool, bool)] {
    static L: OnceLock<Vec<(String, String, bool, bool)>> = OnceLock::new();
    L.get_or_init(|| {
        lexicon()
            .iter()
            .filter(|(_, p, _, _)| p.chars().all(|c| is_han(c) && c.to_pinyin().is_some()))
            .cloned()
            .collect()
    })
}

/// Writes `phrase` with some characters in pinyin (any case, a separator or not between syllables),
/// and possibly one initial typed before a character (`包g过`), within what the matcher promises:
/// phrases of up to four characters with at most two changes or all in syllables, longer ones whole
/// or one character at a time (so are phrases from slots, which get only those: `lean`).
fn pinyin_evasion(phrase: &str, lean: bool, picks: &[(bool, u8, u8)]) -> String {
    let chars: Vec<char> = phrase.chars().collect();
    let long = chars.len() > 4 || lean;
    let mut choose: Vec<bool> = chars
        .iter()
        .zip(picks.iter().cycle())
        .map(|(_, p)| p.0)
        .collect();
    if long {
        let all = picks[0].1.is_multiple_of(2);
        let one = usize::from(picks[0].2) % chars.len();
        choose = (0..chars.len()).map(|i| all || i == one).collect();
    }
    if !choose.iter().any(|&c| c) {
        choose[usize::from(picks[0].2) % chars.len()] = true;
    }
    let stutter = (!long && chars.len() > 1 && picks[0].1.is_multiple_of(3))
        .then(|| 1 + usize::from(picks[0].2) % (chars.len() - 1))
        .filter(|&i| !choose[i]);
    // Up to four characters: any mix of at most two changes, or all in syllables.
    let all = choose.iter().all(|&c| c);
    let mut stutter = stutter;
    if !all {
        let mut changed = 0;
        for c in choose.iter_mut().filter(|c| **c) {
            changed += 1;
            *c = changed <= 2;
        }
        if changed >= 2 {
            stutter = None;
        }
    }
    let mut out = String::new();
    for (i, (&c, &pinyin)) in chars.iter().zip(&choose).enumerate() {
        let (_, case, sep) = picks[i % picks.len()];
        let syllable = c.to_pinyin().expect("readable").plain();
        let written = if pinyin {
            syllable.to_string()
        } else {
            c.to_string()
        };
        let written = if stutter == Some(i) {
            format!("{}{written}", &syllable[..1])
        } else {
            written
        };
        out.push_str(&if case % 2 == 0 {
            written
        } else {
            written.to_uppercase()
        });
        if i + 1 < chars.len() && sep % 3 == 0 {
            out.push(' ');
        }
    }
    out
}

/// (rule id, phrase) of the high-severity phrases without placeholders.
fn high_phrases() -> &'static [(String, String)] {
    static L: OnceLock<Vec<(String, String)>> = OnceLock::new();
    L.get_or_init(|| {
        let set = RuleSet::default_rules();
        first_rule_phrases(&set)
            .into_iter()
            .filter(|(r, _, _)| r.severity == Some(Severity::High))
            .map(|(r, p, _)| {
                // A phrase that needs context (本人无需到场) is written with a certificate word.
                let context = r.context.as_deref().is_some_and(|c| !c.is_empty());
                let written = if context { format!("考证{p}") } else { p };
                (r.id.clone(), written)
            })
            .filter(|(_, p)| !p.contains('{'))
            .collect()
    })
}

/// Whether rule `other` has a phrase with the same toneless reading as `phrase`.
fn reads_alike(other: &str, phrase: &str) -> bool {
    let reading = |p: &str| -> String {
        p.chars()
            .map(|c| {
                c.to_pinyin()
                    .map_or(c.to_string(), |r| r.plain().to_string())
            })
            .collect()
    };
    lexicon()
        .iter()
        .any(|(r, p, _, _)| r == other && reading(p) == reading(phrase))
}

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
        let (rule, phrase, needs_context, _) = &lexicon()[index % lexicon().len()];
        let disguised = evade(phrase, &picks);
        let text = if *needs_context { format!("{disguised}。证书") } else { disguised.clone() };
        let matches = matcher().find_all(&text);
        prop_assert!(
            matches.iter().any(|m| &m.rule == rule && m.text == disguised && m.start == 0),
            "{rule}: {phrase:?} written as {disguised:?} gave {matches:?}"
        );
    }

    /// Pinyin for some or all characters of a phrase (and an initial typed before one) still matches
    /// the phrase's rule, and the span is exactly what was written. Whole-pinyin spellings of fewer than
    /// five letters (initials only) are left out: the matcher does not take those.
    #[test]
    fn pinyin_spellings_of_lexicon_phrases_match(
        index in 0usize..10_000,
        picks in prop::collection::vec((any::<bool>(), 0u8..6, 0u8..32), 1..12),
    ) {
        let (rule, phrase, needs_context, lean) =
            &readable_lexicon()[index % readable_lexicon().len()];
        let written = pinyin_evasion(phrase, *lean, &picks);
        let ascii_letters = written.chars().filter(char::is_ascii_alphabetic).count();
        prop_assume!(written.chars().any(is_han) || ascii_letters >= 5);
        // A Chinese character before and after: the spelling must match inside running text too.
        let text = if *needs_context {
            format!("好{written}。证书")
        } else {
            format!("好{written}。")
        };
        let matches = matcher().find_all(&text);
        // 职业资格 and 执业资格 both read zhiyezige: a rule with a phrase of the same reading may win.
        prop_assert!(
            matches.iter().any(|m| m.text == written && m.start == 1
                && (&m.rule == rule || reads_alike(&m.rule, phrase))),
            "{rule}: {phrase:?} written as {written:?} gave {matches:?}"
        );
    }

    /// A high-severity phrase quoted next to another quoted one, or next to a warning word, is reported
    /// as a mention and counts at most medium; the same phrase in an ad keeps its severity.
    #[test]
    fn mentions_are_capped_and_uses_are_not(index in 0usize..10_000, cue in 0usize..3) {
        let highs = high_phrases();
        let (rule, phrase) = &highs[index % highs.len()];
        let text = match cue {
            0 => format!("警惕{phrase}骗局"),
            1 => format!("不得宣传“{phrase}”“挂证”等内容"),
            _ => format!("凡宣称{phrase}的都不可信"),
        };
        let matches = matcher().find_all(&text);
        let m = matches.iter().find(|m| &m.rule == rule);
        prop_assert!(m.is_some_and(|m| m.mention && m.severity == Severity::Medium),
            "{text}: {matches:?}");
        let ad = format!("电工证{phrase}，名额有限");
        let matches = matcher().find_all(&ad);
        prop_assert!(matches.iter().any(|m| &m.rule == rule && !m.mention
            && m.severity == Severity::High), "{ad}: {matches:?}");
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
        let pieces: Vec<&str> = lexicon().iter().map(|(_, p, _, _)| p.as_str())
            .chain(SEPARATORS.iter().copied())
            .chain(NUMBERS.iter().copied())
            .chain(["证书", "天拿证", "國家", "红包", "書", "过"])
            .chain(["bao", "GUO", "kao", "g", "b", "dai", "zheng", "訁", "扌圭", "“", "”", "警惕", "ā", "ǔ"])
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
