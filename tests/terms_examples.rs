//! The term matcher on the hand-written examples of `tests/data/text_samples.tsv`, each with the
//! verdict a moderator would expect. (Real transcriptions are checked in the reference suite.)

use serde_json::Value;
use shanzhai::terms::{Matcher, Verdict};

/// Hand-written examples with the verdict a moderator would expect (`tests/data/text_samples.tsv`).
#[test]
fn hand_written_examples_get_the_expected_verdict() {
    let matcher = Matcher::with_default_rules();
    let samples = include_str!("data/text_samples.tsv");
    let mut checked = 0;
    for line in samples
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let (expected, text) = line.split_once('\t').expect("verdict<TAB>text");
        let expected: Verdict = serde_json::from_value(Value::String(expected.into())).unwrap();
        let matches = matcher.find_all(text);
        assert_eq!(
            Verdict::from_matches(&matches),
            expected,
            "{text:?}: {matches:?}"
        );
        checked += 1;
    }
    assert!(checked >= 20);
}
