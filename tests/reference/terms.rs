//! The term matcher on the real transcribed text of the shared samples (`samples/*/labels.json` in the reference folder):
//! shop signs, tickets, contracts, labels, a vehicle registration certificate. None of them is a
//! knock-off certificate ad, so all must pass; with an ad phrase spliced in, each must be flagged with the
//! exact span.

use serde_json::Value;
use shanzhai::terms::{Matcher, Verdict};

fn shared_lines() -> Vec<String> {
    let shared = crate::common::shared("samples");
    let mut lines = Vec::new();
    for set in ["ocr", "certificates_seals"] {
        let path = shared.join(set).join("labels.json");
        let json = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{} is needed for this test: {e}", path.display()));
        let entries: Vec<Value> = serde_json::from_str(&json).expect("labels.json is JSON");
        for entry in entries {
            for line in entry["lines"].as_array().into_iter().flatten() {
                lines.push(line.as_str().expect("lines are strings").to_string());
            }
        }
    }
    assert!(lines.len() > 50, "expected the shared transcriptions");
    lines
}

#[test]
fn real_transcriptions_pass() {
    needs_reference!();
    let matcher = Matcher::with_default_rules();
    for line in shared_lines() {
        let matches = matcher.find_all(&line);
        assert_eq!(
            Verdict::from_matches(&matches),
            Verdict::Pass,
            "{line:?}: {matches:?}"
        );
    }
}

#[test]
fn real_transcriptions_with_an_ad_spliced_in_are_flagged() {
    needs_reference!();
    let matcher = Matcher::with_default_rules();
    for (i, line) in shared_lines().into_iter().enumerate() {
        let ad = ["包 过", "⑤天拿證", "挂-证", "人社部颁发"][i % 4];
        let chars: Vec<char> = line.chars().collect();
        let at = chars.len() / 2;
        let prefix: String = chars[..at].iter().collect();
        let suffix: String = chars[at..].iter().collect();
        let text = format!("{prefix}，{ad}！{suffix}");
        let matches = matcher.find_all(&text);
        let start = at + 1;
        let hit = matches.iter().find(|m| m.start == start);
        assert!(
            hit.is_some_and(|m| m.text == ad && m.end == start + ad.chars().count()),
            "{text:?}: {matches:?}"
        );
        assert_eq!(Verdict::from_matches(&matches), Verdict::Block, "{text:?}");
    }
}
