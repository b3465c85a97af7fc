//! Single-pass text normalisation with a map back to the original text.
//!
//! Every character of the input goes through the same steps, in this order:
//!
//! 1. compatibility folding (NFKC, applied per character): full-width `Ａ１` → `A1`, circled `⑤` → `5`,
//!    `⑩` → `10`, `㈢` → `(三)`, CJK compatibility ideographs → unified ideographs; the dingbat circled
//!    digits `❶`…`❿`, `➀`…`➓` and `⓫`…`⓾`, which NFKC leaves alone, are folded to digits as well;
//! 2. lower case (when the lower case is a single character);
//! 3. traditional → simplified Chinese, one character to one character, from OpenCC's `TSCharacters`
//!    table (via the `hanconv` crate), after folding Taiwan and Hong Kong variant forms to the OpenCC
//!    standard form;
//! 4. Chinese numerals (`〇零一二两三四五六七八九十百千` and the financial forms `壹贰叁…拾佰仟`) are
//!    collected into runs and written as Arabic digits: `三` → `3`, `十` → `10`, `二十五` → `25`,
//!    `二〇二二` → `2022`;
//! 5. everything that is not a letter or a digit (`char::is_alphanumeric` after the steps above) is
//!    dropped: spaces, line breaks, punctuation, symbols, emoji, variation selectors and zero-width
//!    characters. Dropped characters do not end a numeral run, so `二 十` is `20`.
//!
//! The per-character work is a lookup in a table computed once for the whole Basic Multilingual Plane;
//! characters outside it (emoji, rare ideographs, mathematical letters) take a slower path through the
//! same steps. Each byte of the normalised text records the byte offset of the original character it
//! came from, so a match in normalised text maps back to the exact original span.

use std::collections::HashMap;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

/// Normalised text plus the map back to the original.
///
/// Reuse one value with [`normalize_into`] to avoid allocating per call.
#[derive(Debug, Default, Clone)]
pub struct Normalized {
    /// The normalised text (letters and digits only).
    text: String,
    /// For every byte of `text`, the byte offset in the original of the character it came from.
    origin: Vec<u32>,
    /// Numeral runs that became digits: (original start byte, original end byte), sorted.
    numeral_runs: Vec<(u32, u32)>,
    /// Scratch space for the numeral run being collected.
    run: NumeralRun,
}

impl Normalized {
    /// The normalised text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Maps the normalised byte range `start..end` (on character boundaries, `start < end`) to the byte
    /// range of `original` it came from. `original` must be the text this value was normalised from.
    pub fn original_range(&self, original: &str, start: usize, end: usize) -> (usize, usize) {
        let orig_start = self.origin[start] as usize;
        let last = self.origin[end - 1];
        let orig_end = match self.numeral_runs.binary_search_by_key(&last, |&(s, _)| s) {
            Ok(i) => self.numeral_runs[i].1 as usize,
            Err(_) => {
                let last = last as usize;
                last + original[last..].chars().next().map_or(0, char::len_utf8)
            }
        };
        (orig_start, orig_end)
    }

    fn clear(&mut self) {
        self.text.clear();
        self.origin.clear();
        self.numeral_runs.clear();
        self.run.clear();
    }

    fn push_char(&mut self, c: char, origin: u32) {
        self.text.push(c);
        let new_len = self.text.len();
        self.origin.resize(new_len, origin);
    }

    fn push_numeral(&mut self, value: u16, start: u32, end: u32) {
        if self.run.values.is_empty() {
            self.run.start = start;
        }
        self.run.values.push(value);
        self.run.end = end;
    }

    fn flush_numeral_run(&mut self) {
        if self.run.values.is_empty() {
            return;
        }
        let start = self.run.start;
        self.numeral_runs.push((start, self.run.end));
        let mut digits = [0u8; 24];
        let digits = self.run.to_digits(&mut digits);
        self.text.push_str(digits);
        let new_len = self.text.len();
        self.origin.resize(new_len, start);
        self.run.clear();
    }
}

/// A run of Chinese numeral characters waiting to be written as digits.
#[derive(Debug, Default, Clone)]
struct NumeralRun {
    /// Digit values 0–9 and unit values 10, 100, 1000, in text order.
    values: Vec<u16>,
    start: u32,
    end: u32,
}

impl NumeralRun {
    fn clear(&mut self) {
        self.values.clear();
    }

    /// Writes the run as decimal digits into `buf`. Runs without units are read digit by digit
    /// (`二〇二二` → 2022); runs with units are read as a number (`二十五` → 25, `十` → 10).
    fn to_digits<'b>(&self, buf: &'b mut [u8; 24]) -> &'b str {
        let has_units = self.values.iter().any(|&v| v >= 10);
        if !has_units && self.values.len() <= buf.len() {
            for (slot, &v) in buf.iter_mut().zip(&self.values) {
                *slot = b'0' + v as u8;
            }
            return std::str::from_utf8(&buf[..self.values.len()]).expect("ASCII digits");
        }
        let mut total: u64 = 0;
        let mut pending: Option<u64> = None;
        for &v in &self.values {
            if v < 10 {
                pending = Some(u64::from(v));
            } else {
                total = total.saturating_add(pending.unwrap_or(1).saturating_mul(u64::from(v)));
                pending = None;
            }
        }
        total = total.saturating_add(pending.unwrap_or(0));
        let mut n = 0;
        let mut rest = total;
        loop {
            buf[n] = b'0' + (rest % 10) as u8;
            n += 1;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        buf[..n].reverse();
        std::str::from_utf8(&buf[..n]).expect("ASCII digits")
    }
}

/// Normalises `text` into `out`, replacing its previous contents.
///
/// Texts longer than `u32::MAX` bytes are not supported here; [`crate::terms::Matcher::find_all`]
/// splits large texts into chunks before calling this.
pub fn normalize_into(text: &str, out: &mut Normalized) {
    debug_assert!(text.len() <= u32::MAX as usize);
    out.clear();
    out.text.reserve(text.len());
    out.origin.reserve(text.len());
    let tables = tables();
    for (pos, c) in text.char_indices() {
        let pos = pos as u32;
        let code = c as u32;
        if code < 0x10000 {
            apply(out, tables.bmp[code as usize], pos, c, tables);
        } else {
            let mut entries = [Entry::SKIP; 8];
            let n = classify(c, &tables.t2s, &mut entries);
            for &entry in &entries[..n] {
                apply(out, entry, pos, c, tables);
            }
        }
    }
    out.flush_numeral_run();
}

/// Normalises `text` into a fresh [`Normalized`].
pub fn normalize(text: &str) -> Normalized {
    let mut out = Normalized::default();
    normalize_into(text, &mut out);
    out
}

/// Normalises `text` and returns only the normalised string (for rule phrases and tests).
pub fn normalize_str(text: &str) -> String {
    normalize(text).text
}

#[inline]
fn apply(out: &mut Normalized, entry: Entry, pos: u32, original: char, tables: &Tables) {
    match entry.tag() {
        Entry::TAG_CHAR => {
            out.flush_numeral_run();
            out.push_char(entry.payload_char(), pos);
        }
        Entry::TAG_SKIP => {}
        Entry::TAG_NUMERAL => out.push_numeral(
            entry.payload() as u16,
            pos,
            pos + original.len_utf8() as u32,
        ),
        _ => {
            for &inner in &tables.expansions[entry.payload() as usize] {
                apply(out, inner, pos, original, tables);
            }
        }
    }
}

/// What one input character becomes, packed in a `u32`: a tag in the top byte, a payload below.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry(u32);

impl Entry {
    const TAG_CHAR: u32 = 0;
    const TAG_SKIP: u32 = 1;
    const TAG_NUMERAL: u32 = 2;
    const TAG_EXPAND: u32 = 3;
    const SKIP: Entry = Entry(Self::TAG_SKIP << 24);

    fn char(c: char) -> Self {
        Entry(c as u32)
    }
    fn numeral(value: u16) -> Self {
        Entry((Self::TAG_NUMERAL << 24) | u32::from(value))
    }
    fn expand(index: usize) -> Self {
        Entry((Self::TAG_EXPAND << 24) | index as u32)
    }
    fn tag(self) -> u32 {
        self.0 >> 24
    }
    fn payload(self) -> u32 {
        self.0 & 0x00ff_ffff
    }
    fn payload_char(self) -> char {
        char::from_u32(self.payload()).unwrap_or('\u{fffd}')
    }
}

struct Tables {
    /// One entry per code point of the Basic Multilingual Plane.
    bmp: Vec<Entry>,
    /// Entries of characters that become more than one output (e.g. `⑩` → `1`, `0`).
    expansions: Vec<Vec<Entry>>,
    /// Traditional (and variant) → simplified, one character to one character.
    t2s: HashMap<char, char>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(build_tables)
}

fn build_tables() -> Tables {
    let t2s = build_t2s();
    let mut bmp = Vec::with_capacity(0x10000);
    let mut expansions = Vec::new();
    for code in 0..0x10000u32 {
        let entry = match char::from_u32(code) {
            None => Entry::SKIP,
            Some(c) => {
                let mut entries = [Entry::SKIP; 8];
                match classify(c, &t2s, &mut entries) {
                    0 => Entry::SKIP,
                    1 => entries[0],
                    n => {
                        expansions.push(entries[..n].to_vec());
                        Entry::expand(expansions.len() - 1)
                    }
                }
            }
        };
        bmp.push(entry);
    }
    Tables {
        bmp,
        expansions,
        t2s,
    }
}

/// Builds the character-level traditional → simplified map: variant forms (Taiwan, Hong Kong) are first
/// folded to OpenCC's standard traditional form, then mapped with `TSCharacters` (first candidate).
fn build_t2s() -> HashMap<char, char> {
    use hanconv::RawDictionary;
    let single = |s: &str| {
        let mut chars = s.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        }
    };
    let mut ts = HashMap::new();
    for (from, to) in RawDictionary::TSCharacters.iter() {
        if let (Some(f), Some(t)) = (single(from), single(to)) {
            ts.entry(f).or_insert(t);
        }
    }
    let mut map = ts.clone();
    for dict in [RawDictionary::TWVariants, RawDictionary::HKVariants] {
        // These tables map standard → variant; read them backwards.
        for (variant, standard) in dict.inv_iter() {
            if let (Some(v), Some(s)) = (single(variant), single(standard)) {
                let simplified = ts.get(&s).copied().unwrap_or(s);
                if v != simplified {
                    map.entry(v).or_insert(simplified);
                }
            }
        }
    }
    map
}

/// Runs the normalisation steps on one character; writes up to 8 entries and returns how many.
fn classify(c: char, t2s: &HashMap<char, char>, out: &mut [Entry; 8]) -> usize {
    let mut n = 0;
    let mut push = |e: Entry| {
        if n < out.len() {
            out[n] = e;
            n += 1;
        }
    };
    if let Some(value) = dingbat_digit(c) {
        if value >= 10 {
            push(Entry::char(char::from(b'0' + value / 10)));
        }
        push(Entry::char(char::from(b'0' + value % 10)));
        return n;
    }
    for folded in c.nfkc() {
        let lower = single_lowercase(folded);
        let simplified = t2s.get(&lower).copied().unwrap_or(lower);
        if let Some(value) = chinese_numeral(simplified) {
            push(Entry::numeral(value));
        } else if simplified.is_alphanumeric() {
            push(Entry::char(simplified));
        }
    }
    n
}

fn single_lowercase(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Value of a circled digit that NFKC does not fold (dingbats and double-circled digits).
fn dingbat_digit(c: char) -> Option<u8> {
    let code = c as u32;
    let value = match code {
        0x2776..=0x277F => code - 0x2776 + 1,  // ❶…❿
        0x2780..=0x2789 => code - 0x2780 + 1,  // ➀…➉
        0x278A..=0x2793 => code - 0x278A + 1,  // ➊…➓
        0x24EB..=0x24F4 => code - 0x24EB + 11, // ⓫…⓴
        0x24F5..=0x24FE => code - 0x24F5 + 1,  // ⓵…⓾
        0x24FF => 0,                           // ⓿
        _ => return None,
    };
    Some(value as u8)
}

/// Value of a Chinese numeral character (simplified form): digits 0–9 or the units 10, 100, 1000.
fn chinese_numeral(c: char) -> Option<u16> {
    Some(match c {
        '〇' | '零' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// Whether `c` is a CJK unified ideograph (what the `{H}` placeholder of a rule phrase accepts).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF | 0x30000..=0x3134F)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> String {
        normalize_str(s)
    }

    #[test]
    fn folds_width_case_and_drops_separators() {
        assert_eq!(n("ＡＢｃ１２３"), "abc123");
        assert_eq!(n("包-过"), "包过");
        assert_eq!(n("包💯过"), "包过");
        assert_eq!(n("包\u{200b}过"), "包过");
        assert_eq!(n("包 \t\n过"), "包过");
        assert_eq!(n("包\u{fe0f}·过"), "包过");
    }

    #[test]
    fn traditional_becomes_simplified() {
        assert_eq!(n("職業資格證書"), "职业资格证书");
        assert_eq!(n("証書"), "证书");
        assert_eq!(n("國家"), "国家");
    }

    #[test]
    fn numerals_become_digits() {
        assert_eq!(n("三天"), "3天");
        assert_eq!(n("十天"), "10天");
        assert_eq!(n("二十天"), "20天");
        assert_eq!(n("二十五天"), "25天");
        assert_eq!(n("一百零五"), "105");
        assert_eq!(n("二〇二二年"), "2022年");
        assert_eq!(n("⑤天"), "5天");
        assert_eq!(n("⑩天"), "10天");
        assert_eq!(n("❼天"), "7天");
        assert_eq!(n("⓬天"), "12天");
        assert_eq!(n("７天"), "7天");
        assert_eq!(n("叁拾天"), "30天");
        assert_eq!(n("二 十天"), "20天");
    }

    #[test]
    fn maps_back_to_original_bytes() {
        let original = "包 - 过！";
        let norm = normalize(original);
        assert_eq!(norm.as_str(), "包过");
        let (s, e) = norm.original_range(original, 0, norm.as_str().len());
        assert_eq!(&original[s..e], "包 - 过");

        let original = "仅需二十五天拿证";
        let norm = normalize(original);
        assert_eq!(norm.as_str(), "仅需25天拿证");
        let start = "仅需".len();
        let (s, e) = norm.original_range(original, start, start + 2);
        assert_eq!(&original[s..e], "二十五");
    }
}
