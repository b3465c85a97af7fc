//! Fuzz target for normalisation, matching, chunked scanning and HTML extraction.
//!
//! Run with `cargo +nightly fuzz run terms` from the repository root. Checks, for any input: no panic;
//! matches sorted, non-overlapping, with `text` equal to the original character span; a chunked scan
//! with tiny windows keeps the same invariants; normalisation is idempotent. One mode in four takes the
//! pinyin path: the input picks lexicon phrases and generated spellings (pinyin, initials, homophones,
//! split characters, from `terms::variants`), glues them with the rest of the input, and checks that each
//! spelling, standing alone, is found with exactly its span.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

// The library's public re-exports that this target does not use would warn otherwise.
#[allow(dead_code, unused_imports)]
#[path = "../../src/terms/mod.rs"]
mod terms;

use terms::{ChunkOptions, Forms, Match, Matcher, RuleSet};

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(Matcher::with_default_rules)
}

fn check(text: &str, matches: &[Match]) {
    let chars: Vec<char> = text.chars().collect();
    let mut previous_end = 0;
    for m in matches {
        assert!(m.start < m.end && m.end <= chars.len(), "bad span {m:?}");
        assert!(
            m.start >= previous_end,
            "unsorted or overlapping: {matches:?}"
        );
        let span: String = chars[m.start..m.end].iter().collect();
        assert_eq!(span, m.text);
        previous_end = m.end;
    }
}

/// Every (rule, generated spelling) of the default lexicon, as the default matcher generates them.
fn spellings() -> &'static [(String, String)] {
    static S: OnceLock<Vec<(String, String)>> = OnceLock::new();
    S.get_or_init(|| {
        let forms = Forms::default();
        let set = RuleSet::default_rules();
        set.rules
            .iter()
            .flat_map(|r| {
                let severity = r.severity.expect("default rules have severities");
                let phrases = set.sourced_phrases_of(r).expect("slots of the default rules");
                // The spellings the matcher finds: phrases from slots get the lean ones, and the
                // homophones of longer high-severity phrases come from the sound pass.
                phrases.into_iter().flat_map(move |(p, from_slots)| {
                    terms::variants::found_spellings(&p, from_slots, severity, &forms)
                        .into_iter()
                        .map(|s| s.text)
                        .filter(|v| !v.contains('{'))
                        .map(move |v| (r.id.clone(), v))
                })
            })
            .collect()
    })
}

/// The pinyin path: spellings picked by the input, glued with pieces of it.
fn pinyin_path(data: &[u8]) -> String {
    let mut text = String::new();
    for pair in data.chunks(3) {
        let pick = usize::from(pair[0]) << 8 | usize::from(*pair.get(1).unwrap_or(&0));
        let (_, spelling) = &spellings()[pick % spellings().len()];
        text.push_str(spelling);
        text.push_str(match pair.get(2).copied().unwrap_or(0) % 6 {
            0 => "",
            1 => " ",
            2 => "“",
            3 => "警惕",
            4 => "证书",
            _ => "a",
        });
    }
    text
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    if mode % 4 == 3 {
        // Each spelling alone is found at its full span (any rule: 职业资格/执业资格 read alike).
        if let Some(pair) = rest.get(..2) {
            let pick = usize::from(pair[0]) << 8 | usize::from(pair[1]);
            let (_, spelling) = &spellings()[pick % spellings().len()];
            let text = format!("{spelling}的证书");
            let matches = matcher().find_all(&text);
            check(&text, &matches);
            assert!(
                matches.iter().any(|m| m.start == 0),
                "{text:?}: {matches:?}"
            );
        }
        let text = pinyin_path(rest);
        check(&text, &matcher().find_all(&text));
        return;
    }
    let text = String::from_utf8_lossy(rest);
    let text = match mode % 3 {
        0 => text.into_owned(),
        1 => terms::html::html_to_text(&text),
        _ => {
            let once = terms::normalize::normalize_str(&text);
            assert_eq!(terms::normalize::normalize_str(&once), once);
            text.into_owned()
        }
    };
    let direct = matcher().find_all(&text);
    check(&text, &direct);
    let options = ChunkOptions {
        chunk_bytes: 16 + usize::from(mode / 3) % 48,
        overlap_chars: 8 + usize::from(mode) % 24,
    };
    let mut scan = terms::ChunkedScan::new(matcher(), options);
    scan.push(&text);
    check(&text, &scan.finish());
});
