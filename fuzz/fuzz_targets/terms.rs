//! Fuzz target for normalisation, matching, chunked scanning and HTML extraction.
//!
//! Run with `cargo +nightly fuzz run terms` from the repository root. Checks, for any input: no panic;
//! matches sorted, non-overlapping, with `text` equal to the original character span; a chunked scan
//! with tiny windows keeps the same invariants; normalisation is idempotent.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
#[path = "../../src/terms/mod.rs"]
mod terms;

use terms::{ChunkOptions, Match, Matcher};

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(Matcher::with_default_rules)
}

fn check(text: &str, matches: &[Match]) {
    let chars: Vec<char> = text.chars().collect();
    let mut previous_end = 0;
    for m in matches {
        assert!(m.start < m.end && m.end <= chars.len(), "bad span {m:?}");
        assert!(m.start >= previous_end, "unsorted or overlapping: {matches:?}");
        let span: String = chars[m.start..m.end].iter().collect();
        assert_eq!(span, m.text);
        previous_end = m.end;
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
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
