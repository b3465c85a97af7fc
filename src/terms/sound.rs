//! Sound-alike matching: a rule phrase written with homophones of its characters.
//!
//! Advertisers swap a key character for one that sounds the same (`当月考当悦拿证`,
//! `味通过无条件退费`, `百分百拿征`). Listing every such spelling in the automaton costs a few hundred
//! spellings per character of every phrase, so the listed homophones stopped at six characters and
//! left out the phrases that slots generate. This pass finds them by sound instead:
//!
//! - every Chinese character of the normalised text and of the phrases is *folded* to one
//!   representative of its toneless syllable (`pinyin` crate, first reading), so homophones fold
//!   alike. Every character of U+4E00–U+9FA5 is three bytes in UTF-8 and so is its representative:
//!   the folded text has the byte offsets of the normalised text, and a match maps back to its
//!   original span exactly like any other;
//! - a second automaton holds the folded anchors of the high-severity rules' phrases with at least
//!   [`MIN_HAN`] Chinese characters (slot phrases included), and runs over the folded text;
//! - a hit counts when the text really differs from the phrase (an identical one is the ordinary
//!   match), in at most one character in three ([`allowed_changes`]), and every changed character is
//!   a plausible stand-in: a Chinese character (rare ones too: `不腘包退`), not a grammatical word such
//!   as 不 or 的, not a stroke that normalisation drops.
//!
//! Two-character phrases stay with the listed same-tone homophones (`variants`): two sounds alone are
//! everyday words (`包过` folds like `报国`).

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use pinyin::ToPinyin;
use std::collections::HashMap;
use std::sync::OnceLock;

use super::normalize::is_han;
use super::variants::usable_by_sound;

/// Fewest Chinese characters in a phrase's anchor for the sound pass.
pub(crate) const MIN_HAN: usize = 3;

/// The range of Chinese characters that fold (CJK Unified Ideographs, all three bytes in UTF-8).
const FIRST: u32 = 0x4E00;
const LAST: u32 = 0x9FA5;

/// Whether the pass looks for `anchor` (normalised): it has at least [`MIN_HAN`] Chinese characters.
pub(crate) fn covers(anchor: &str) -> bool {
    anchor.chars().filter(|&c| is_han(c)).count() >= MIN_HAN
}

/// How many characters of a phrase of `han` Chinese characters may sound alike but differ: one in
/// three, at least one (`包拿证` → `保拿证`; `当月考当月拿证` → `当悦考当月拿证`, two in `…拿征`).
pub(crate) fn allowed_changes(han: usize) -> usize {
    (han / 3).max(1)
}

/// The representative of `c`'s toneless syllable (itself when it has no reading or is outside
/// U+4E00–U+9FA5): the lowest code point with the same syllable.
pub(crate) fn fold(c: char) -> char {
    static TABLE: OnceLock<Vec<char>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut first_of: HashMap<&'static str, char> = HashMap::new();
        (FIRST..=LAST)
            .filter_map(char::from_u32)
            .map(|h| match h.to_pinyin() {
                Some(p) => *first_of.entry(p.plain()).or_insert(h),
                None => h,
            })
            .collect()
    });
    match (c as u32).checked_sub(FIRST) {
        Some(i) if c as u32 <= LAST => table[i as usize],
        _ => c,
    }
}

/// Writes `text` folded into `out` (cleared first): same length, same character boundaries.
pub(crate) fn fold_into(text: &str, out: &mut String) {
    out.clear();
    out.reserve(text.len());
    for c in text.chars() {
        out.push(fold(c));
    }
}

/// A phrase the sound pass looks for: its rule and its index among the matcher's phrases.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SoundEntry {
    pub(crate) rule: u32,
    pub(crate) phrase: u32,
}

/// Collects the phrases of the sound pass.
#[derive(Debug, Default)]
pub(crate) struct SoundIndexBuilder {
    patterns: Vec<String>,
    ids: HashMap<String, usize>,
    entries: Vec<Vec<SoundEntry>>,
}

impl SoundIndexBuilder {
    /// Adds a phrase whose anchor (normalised) is `anchor`; anchors with fewer than [`MIN_HAN`]
    /// Chinese characters are left to the listed spellings.
    pub(crate) fn add(&mut self, anchor: &str, entry: SoundEntry) {
        if !covers(anchor) {
            return;
        }
        let mut folded = String::new();
        fold_into(anchor, &mut folded);
        let id = *self.ids.entry(folded.clone()).or_insert_with(|| {
            self.patterns.push(folded);
            self.entries.push(Vec::new());
            self.patterns.len() - 1
        });
        self.entries[id].push(entry);
    }

    /// The index, or `None` when no phrase qualified.
    pub(crate) fn build(self) -> Result<Option<SoundIndex>, aho_corasick::BuildError> {
        if self.patterns.is_empty() {
            return Ok(None);
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&self.patterns)?;
        let mut entry_start = vec![0u32];
        let mut entries = Vec::new();
        for list in self.entries {
            entries.extend(list);
            entry_start.push(entries.len() as u32);
        }
        Ok(Some(SoundIndex {
            automaton,
            entry_start,
            entries,
        }))
    }
}

/// The automaton of folded anchors (see the module documentation).
#[derive(Debug, Clone)]
pub(crate) struct SoundIndex {
    automaton: AhoCorasick,
    /// `entries[entry_start[p]..entry_start[p + 1]]` are the phrases of pattern `p`.
    entry_start: Vec<u32>,
    entries: Vec<SoundEntry>,
}

impl SoundIndex {
    /// Calls `found(entry, start, end)` for every anchor of `text` (normalised) that sounds like the
    /// anchor of a phrase and differs from it as the module documentation allows; `anchor_of` gives a
    /// phrase's normalised anchor, `folded` is scratch space.
    pub(crate) fn find<'p>(
        &self,
        text: &str,
        folded: &mut String,
        anchor_of: impl Fn(u32) -> &'p str,
        mut found: impl FnMut(SoundEntry, usize, usize),
    ) {
        if !text.chars().any(is_han) {
            return;
        }
        fold_into(text, folded);
        for hit in self.automaton.find_overlapping_iter(folded.as_str()) {
            let p = hit.pattern().as_usize();
            let written = &text[hit.start()..hit.end()];
            let range = self.entry_start[p] as usize..self.entry_start[p + 1] as usize;
            for &entry in &self.entries[range] {
                if sounds_like(written, anchor_of(entry.phrase)) {
                    found(entry, hit.start(), hit.end());
                }
            }
        }
    }
}

/// Whether `written` (which folds like `phrase`) changes at least one and at most
/// [`allowed_changes`] of its characters, each for a plausible homophone.
fn sounds_like(written: &str, phrase: &str) -> bool {
    let han = phrase.chars().filter(|&c| is_han(c)).count();
    let mut changes = 0;
    for (w, p) in written.chars().zip(phrase.chars()) {
        if w != p {
            if !usable_by_sound(w) {
                return false;
            }
            changes += 1;
        }
    }
    (1..=allowed_changes(han)).contains(&changes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn homophones_fold_alike_and_keep_their_length() {
        assert_eq!(fold('摆'), fold('百'));
        assert_eq!(fold('悦'), fold('月'));
        assert_eq!(fold('味'), fold('未'));
        assert_ne!(fold('包'), fold('过'));
        assert_eq!(fold('a'), 'a');
        let mut out = String::new();
        fold_into("当悦ab拿证", &mut out);
        assert_eq!(out.len(), "当悦ab拿证".len());
        assert!(out.is_char_boundary(6) && out.is_char_boundary(8));
    }

    #[test]
    fn changes_are_counted_and_limited() {
        assert!(sounds_like("百分摆拿证", "百分百拿证"));
        assert!(
            !sounds_like("百分百拿证", "百分百拿证"),
            "the phrase itself"
        );
        assert!(
            !sounds_like("柏纷摆拿证", "百分百拿证"),
            "three of five changed"
        );
        assert!(
            sounds_like("当悦考当月拿征", "当月考当月拿证"),
            "two of seven"
        );
        // 不 is a grammatical word: 部认可 → 不认可 reads as "does not recognise".
        assert!(!sounds_like("不认可", "部认可"));
        assert!(
            sounds_like("不腘包退", "不过包退"),
            "a character outside GB 2312"
        );
        assert_eq!(allowed_changes(3), 1);
        assert_eq!(allowed_changes(6), 2);
    }

    #[test]
    fn the_index_maps_hits_back_to_their_phrase() {
        let mut builder = SoundIndexBuilder::default();
        let phrases = ["无条件退费", "包过"];
        for (i, p) in phrases.iter().enumerate() {
            builder.add(
                p,
                SoundEntry {
                    rule: 7,
                    phrase: i as u32,
                },
            );
        }
        let index = builder.build().unwrap().expect("one phrase qualifies");
        let text = "报名无条件腿费，保过";
        let mut hits = Vec::new();
        index.find(
            text,
            &mut String::new(),
            |p| phrases[p as usize],
            |e, s, end| hits.push((e.rule, e.phrase, &text[s..end])),
        );
        // 保过 is left to the listed spellings: two characters are too few to go by sound.
        assert_eq!(hits, vec![(7, 0, "无条件腿费")]);
    }
}
