//! Single-pass text normalisation with a map back to the original text.
//!
//! Every character of the input goes through the same steps, in this order:
//!
//! 1. compatibility folding (NFKC, applied per character): full-width `Ａ１` → `A1`, circled `⑤` → `5`,
//!    `⑩` → `10`, `㈢` → `(三)`, CJK compatibility ideographs → unified ideographs; the dingbat circled
//!    digits `❶`…`❿`, `➀`…`➓` and `⓫`…`⓾`, which NFKC leaves alone, are folded to digits as well;
//! 2. lower case (when the lower case is a single character), and Latin letters with diacritics (pinyin
//!    tone marks: `ā`, `ǎ`, `ü`) folded to the base letter; an ASCII digit `1`–`5` that follows two or
//!    more Latin letters ending like a pinyin syllable (a vowel, `n`, `g` or `r`) and is not followed by
//!    another digit is a *tone number* and is dropped: `bao4 guo4` reads `baoguo`, `3tian1拿证` reads
//!    `3tian拿证`, while `CA1234`, `B2B`, `mp3` and `win10` keep their digits;
//! 3. traditional → simplified Chinese, one character to one character, from OpenCC's `TSCharacters`
//!    table (via the `hanconv` crate), after folding Taiwan and Hong Kong variant forms to the OpenCC
//!    standard form;
//! 4. Chinese numerals (`〇零一二两三四五六七八九十百千` and the financial forms `壹贰叁…拾佰仟`) are
//!    collected into runs and written as Arabic digits: `三` → `3`, `十` → `10`, `二十五` → `25`,
//!    `二〇二二` → `2022`;
//! 5. everything that is not a letter or a digit (`char::is_alphanumeric` after the steps above) is
//!    dropped: spaces, line breaks, punctuation, symbols, emoji, variation selectors and zero-width
//!    characters. Dropped characters do not end a numeral run, so `二 十` is `20`; but two numbers with
//!    dropped characters between them are kept apart by a single space (which appears nowhere else in
//!    normalised text), so `假一，⑤天` reads `假1 5天`, not `假15天`.
//!
//! The per-character work is a lookup in a table computed once for the whole Basic Multilingual Plane;
//! characters outside it (emoji, rare ideographs, mathematical letters) take a slower path through the
//! same steps. The normalised text keeps a sparse map to the original byte offsets (see
//! [`Normalized`]), so a match in normalised text maps back to the exact original span.

use std::collections::HashMap;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

/// Normalised text plus the map back to the original.
///
/// The map is stored sparsely: a checkpoint `(normalised byte, original byte)` is recorded wherever the
/// distance between the two texts changes (after a dropped character, a character whose length changed,
/// every digit of a numeral run, every piece of an expansion). Between checkpoints the two texts run in
/// step, so long stretches of ordinary text are copied with one `memcpy` and cost no map entries.
/// Reuse one value with [`normalize_into`] to avoid allocating per call.
#[derive(Debug, Default, Clone)]
pub struct Normalized {
    /// The normalised text (letters and digits only).
    text: String,
    /// Checkpoints `(normalised byte, original byte)`, strictly increasing in the normalised byte.
    checkpoints: Vec<(u32, u32)>,
    /// After a many-to-one or one-to-many output the next output needs a checkpoint whatever its distance.
    force_checkpoint: bool,
    /// Characters were dropped since the last output (used to keep numbers apart).
    gap: bool,
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
        let orig_start = self.origin(start) as usize;
        let mut last_char = end - 1;
        while !self.text.is_char_boundary(last_char) {
            last_char -= 1;
        }
        let last = self.origin(last_char);
        let orig_end = match self.numeral_runs.binary_search_by_key(&last, |&(s, _)| s) {
            Ok(i) => self.numeral_runs[i].1 as usize,
            Err(_) => {
                let last = last as usize;
                last + original[last..].chars().next().map_or(0, char::len_utf8)
            }
        };
        (orig_start, orig_end)
    }

    /// Original byte offset of the character that produced normalised byte `at`.
    fn origin(&self, at: usize) -> u32 {
        let at = at as u32;
        let i = self.checkpoints.partition_point(|&(n, _)| n <= at);
        let (n, o) = self.checkpoints[i.saturating_sub(1)];
        o + (at - n)
    }

    fn clear(&mut self) {
        self.text.clear();
        self.checkpoints.clear();
        self.force_checkpoint = false;
        self.gap = false;
        self.numeral_runs.clear();
        self.run.clear();
    }

    /// Records that the next output byte comes from original byte `origin`, if the map needs it.
    #[inline]
    fn mark(&mut self, origin: u32, force: bool) {
        let at = self.text.len() as u32;
        let in_step = match self.checkpoints.last() {
            Some(&(n, o)) => !self.force_checkpoint && o.wrapping_sub(n) == origin.wrapping_sub(at),
            None => false,
        };
        if force || !in_step {
            match self.checkpoints.last_mut() {
                Some(last) if last.0 == at => *last = (at, origin),
                _ => self.checkpoints.push((at, origin)),
            }
        }
        self.force_checkpoint = force;
    }

    /// Appends original text that normalisation leaves unchanged.
    #[inline]
    fn push_unchanged(&mut self, original: &str, origin: u32) {
        if let Some(&first) = original.as_bytes().first() {
            self.keep_numbers_apart(first);
            self.mark(origin, false);
            self.text.push_str(original);
        }
    }

    /// Whether the text so far ends with two or more ASCII letters, the last one a possible end of a
    /// pinyin syllable (`a e i o u v n g r`), with nothing dropped since: a digit `1`–`5` right
    /// after it may be a tone number. A digit behind a separator (`CUDA，⑤天拿證`) is a number.
    fn ends_like_syllable(&self) -> bool {
        !self.gap && self.letters_end_like_syllable()
    }

    /// [`ends_like_syllable`](Self::ends_like_syllable) without the condition on dropped text.
    fn letters_end_like_syllable(&self) -> bool {
        match self.text.as_bytes() {
            [.., before, last] => {
                before.is_ascii_lowercase()
                    && matches!(
                        last,
                        b'a' | b'e' | b'i' | b'o' | b'u' | b'v' | b'n' | b'g' | b'r'
                    )
            }
            _ => false,
        }
    }

    /// A digit `1`–`5` (from any character that normalises to one): dropped as a tone number after a
    /// pinyin-like syllable unless the next kept character is a digit too; `rest` is the text after it.
    fn push_tone_candidate(&mut self, digit: char, origin: u32, rest: &str, tables: &Tables) {
        self.flush_numeral_run();
        if self.ends_like_syllable() && !next_output_is_digit(rest, tables) {
            self.note_dropped();
        } else {
            if self.gap && self.letters_end_like_syllable() {
                // Kept because of what was dropped before it (`CUDA，⑤`): a space (which occurs
                // nowhere else in normalised text) keeps it a number when normalised again.
                self.text.push(' ');
                self.gap = false;
            }
            self.push_kept_char(digit, origin, false);
        }
    }

    /// Appends a character that normalisation keeps. A digit `1`–`5` that is a number (from `三`,
    /// `⑴`, an expansion) but lands right after pinyin-like letters gets a space before it: `ae三`
    /// becomes `ae 3`, not `ae3`, which would read as a tone number when normalised again.
    fn push_char(&mut self, c: char, origin: u32, force: bool) {
        if matches!(c, '1'..='5') && self.letters_end_like_syllable() {
            self.text.push(' ');
            self.gap = false;
        }
        self.push_kept_char(c, origin, force);
    }

    /// [`push_char`](Self::push_char) for a digit whose tone reading is already decided.
    fn push_kept_char(&mut self, c: char, origin: u32, force: bool) {
        if c.is_ascii() {
            self.keep_numbers_apart(c as u8);
        }
        self.mark(origin, force);
        self.text.push(c);
    }

    /// Two numbers with dropped characters between them (`假一，⑤天`) must not read as one (`15天`):
    /// a space, which never occurs otherwise in normalised text nor in any rule, keeps them apart.
    #[inline]
    fn keep_numbers_apart(&mut self, next: u8) {
        if self.gap
            && next.is_ascii_digit()
            && self.text.as_bytes().last().is_some_and(u8::is_ascii_digit)
        {
            self.text.push(' ');
        }
        self.gap = false;
    }

    /// Notes a dropped character: inside a numeral run it may still be followed by more of the run.
    fn note_dropped(&mut self) {
        if self.run.values.is_empty() {
            self.gap = true;
        } else {
            self.run.gap = true;
        }
    }

    fn push_numeral(&mut self, value: u16, start: u32, end: u32) {
        if self.run.values.is_empty() {
            self.run.start = start;
        }
        self.run.values.push(value);
        self.run.end = end;
        self.run.gap = false;
    }

    fn flush_numeral_run(&mut self) {
        if self.run.values.is_empty() {
            return;
        }
        let start = self.run.start;
        self.numeral_runs.push((start, self.run.end));
        let mut digits = [0u8; 24];
        let digits = self.run.to_digits(&mut digits);
        for digit in digits.chars() {
            self.push_char(digit, start, true);
        }
        self.gap = self.run.gap;
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
    /// Characters were dropped after the last numeral of the run.
    gap: bool,
}

impl NumeralRun {
    fn clear(&mut self) {
        self.values.clear();
        self.gap = false;
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
    let tables = tables();
    // Characters that normalise to themselves are not copied one by one: `unchanged_from` marks the
    // start of the current stretch of them, copied in one go when something else comes.
    let mut unchanged_from = 0;
    for (pos, c) in text.char_indices() {
        let code = c as u32;
        let entry = if code < 0x10000 {
            tables.bmp[code as usize]
        } else {
            Entry::SKIP // decided below, on the slow path
        };
        if entry.0 == code && out.run.values.is_empty() {
            continue;
        }
        out.push_unchanged(&text[unchanged_from..pos], unchanged_from as u32);
        unchanged_from = pos + c.len_utf8();
        if entry.0 == code {
            // Unchanged, but a numeral run was waiting: it ends here.
            out.flush_numeral_run();
            unchanged_from = pos;
            continue;
        }
        let pos = pos as u32;
        let rest = &text[unchanged_from..];
        if entry.tag() == Entry::TAG_TONE {
            out.push_tone_candidate(entry.payload_char(), pos, rest, tables);
        } else if code < 0x10000 {
            apply(out, entry, pos, c, tables);
        } else {
            let mut entries = [Entry::SKIP; 8];
            let n = classify(c, &tables.t2s, &mut entries);
            if n == 0 {
                out.note_dropped();
            }
            match entries[..n] {
                [single] if single.tone_digit().is_some() => {
                    out.push_tone_candidate(single.payload_char(), pos, rest, tables)
                }
                _ => {
                    for &entry in &entries[..n] {
                        apply(out, entry, pos, c, tables);
                    }
                }
            }
        }
    }
    out.flush_numeral_run();
    out.push_unchanged(&text[unchanged_from..], unchanged_from as u32);
}

/// Whether the next character of `rest` that normalisation keeps is (or starts with) a digit. A tone
/// number is only dropped when it is not: `ban1 2` keeps its `1` (it reads `ban1 2`), so normalising
/// twice changes nothing.
fn next_output_is_digit(rest: &str, tables: &Tables) -> bool {
    let is_digit = |entry: Entry| match entry.tag() {
        Entry::TAG_NUMERAL | Entry::TAG_TONE => true,
        Entry::TAG_CHAR => entry.payload_char().is_ascii_digit(),
        _ => false,
    };
    for c in rest.chars() {
        let code = c as u32;
        let first = if code < 0x10000 {
            let entry = tables.bmp[code as usize];
            match entry.tag() {
                Entry::TAG_SKIP => continue,
                Entry::TAG_EXPAND => tables.expansions[entry.payload() as usize][0],
                _ => entry,
            }
        } else {
            let mut entries = [Entry::SKIP; 8];
            if classify(c, &tables.t2s, &mut entries) == 0 {
                continue;
            }
            entries[0]
        };
        return is_digit(first);
    }
    false
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
            out.push_char(entry.payload_char(), pos, false);
        }
        Entry::TAG_SKIP => out.note_dropped(),
        // Only reached through an expansion (`⑩` → `1`, `0`): a digit among others is no tone number.
        Entry::TAG_TONE => {
            out.flush_numeral_run();
            out.push_char(entry.payload_char(), pos, false);
        }
        Entry::TAG_NUMERAL => out.push_numeral(
            entry.payload() as u16,
            pos,
            pos + original.len_utf8() as u32,
        ),
        _ => {
            for &inner in &tables.expansions[entry.payload() as usize] {
                match inner.tag() {
                    Entry::TAG_CHAR => {
                        out.flush_numeral_run();
                        out.push_char(inner.payload_char(), pos, true);
                    }
                    _ => apply(out, inner, pos, original, tables),
                }
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
    /// An ASCII digit that may be a tone number (`1`–`5`): kept or dropped by what surrounds it.
    const TAG_TONE: u32 = 4;
    const SKIP: Entry = Entry(Self::TAG_SKIP << 24);

    fn char(c: char) -> Self {
        Entry(c as u32)
    }
    fn numeral(value: u16) -> Self {
        Entry((Self::TAG_NUMERAL << 24) | u32::from(value))
    }
    fn tone(digit: char) -> Self {
        Entry((Self::TAG_TONE << 24) | digit as u32)
    }
    /// The digit `1`–`5` a single-character output stands for (a possible tone number).
    fn tone_digit(self) -> Option<char> {
        let c = self.payload_char();
        (matches!(self.tag(), Self::TAG_CHAR | Self::TAG_TONE) && ('1'..='5').contains(&c))
            .then_some(c)
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
    // Every character that becomes a single digit 1-5 (`3`, `３`, `²`) may be a tone number.
    for entry in &mut bmp {
        if let Some(digit) = entry.tone_digit() {
            *entry = Entry::tone(digit);
        }
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
    close_over_chains(&map)
}

/// Makes the map idempotent. OpenCC's table has chains (`麼` → `么`, `么` → `幺`) and cycles; normalising
/// twice must give the same text, so every character maps straight to the end of its chain, and all
/// members of a cycle map to the smallest of them.
fn close_over_chains(map: &HashMap<char, char>) -> HashMap<char, char> {
    let mut closed = HashMap::with_capacity(map.len());
    for &start in map.keys() {
        let mut chain = vec![start];
        let mut current = start;
        while let Some(&next) = map.get(&current) {
            if let Some(i) = chain.iter().position(|&c| c == next) {
                current = *chain[i..].iter().min().expect("non-empty cycle");
                break;
            }
            chain.push(next);
            current = next;
        }
        if current != start {
            closed.insert(start, current);
        }
    }
    closed
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
        let lower = strip_tone_mark(single_lowercase(folded));
        let simplified = t2s.get(&lower).copied().unwrap_or(lower);
        if let Some(value) = chinese_numeral(simplified) {
            push(Entry::numeral(value));
        } else if simplified.is_alphanumeric()
            && !STROKES_USED_AS_SEPARATORS.contains(&simplified)
            && !HANGUL_FILLERS.contains(&simplified)
        {
            push(Entry::char(simplified));
        }
    }
    n
}

/// CJK radicals that are single strokes (`丨` U+4E28, `丶`, `丿`, `乀`): ads put them between the
/// characters of a phrase as bars and dots (`不丨过丨包丨退`), and running text never uses them as
/// words, so they are dropped like punctuation.
const STROKES_USED_AS_SEPARATORS: [char; 4] = ['丨', '丶', '丿', '乀'];

/// The Hangul fillers: letters by category, so `is_alphanumeric` keeps them, but invisible (Unicode's
/// Default_Ignorable_Code_Point) and used as blank separators (`原ㅤ劳ㅤ动ㅤ部`). The list is checked
/// after NFKC, which folds the other two (U+3164, U+FFA0) into U+1160.
const HANGUL_FILLERS: [char; 2] = ['\u{115F}', '\u{1160}'];

/// Whether normalisation drops `c` although it is a Chinese character (the single strokes above). A
/// generated spelling must not use one: `丶` reads zhǔ like 助, and `线上丶考` would normalise to
/// `线上考`, which is ordinary text (`在线上考试`).
pub(crate) fn is_dropped_stroke(c: char) -> bool {
    STROKES_USED_AS_SEPARATORS.contains(&c)
}

/// A Latin letter with diacritics (pinyin tone marks `ā á ǎ à`, `ü`) becomes its base letter, so
/// `bāo guò` reads like `baoguo`.
fn strip_tone_mark(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    let mut parts = std::iter::once(c).nfd();
    match parts.next() {
        Some(base)
            if base.is_ascii_alphabetic()
                && parts.all(|m| ('\u{300}'..='\u{36f}').contains(&m)) =>
        {
            // İ has no one-character lower case, so it arrives here upper case.
            base.to_ascii_lowercase()
        }
        _ => c,
    }
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
        assert_eq!(n("不丨过丨包丶退"), "不过包退");
    }

    #[test]
    fn tone_numbers_after_pinyin_are_dropped() {
        assert_eq!(n("bao4 guo4"), "baoguo");
        assert_eq!(n("bu4guo4bao1tui4"), "buguobaotui");
        assert_eq!(n("3tian1na2zheng4"), "3tiannazheng");
        assert_eq!(n("BAO3过"), "bao过");
        assert_eq!(n("ti4 kao3。"), "tikao");
        // Not tone numbers: after one letter, after a consonant that ends no syllable, before a digit.
        assert_eq!(n("CA1234"), "ca1234");
        assert_eq!(n("B2B"), "b2b");
        assert_eq!(n("mp3"), "mp3");
        assert_eq!(n("win10"), "win10");
        assert_eq!(n("a1"), "a1");
        assert_eq!(n("ban12"), "ban12");
        assert_eq!(n("ban1 2"), "ban1 2");
        assert_eq!(n("ban1，二"), "ban1 2");
        assert_eq!(n("Ｂａｏ６"), "bao6");
        assert_eq!(n("Ｂａｏ３"), "bao");
        assert_eq!(n("aE²"), "ae");
        assert_eq!(n("ae\u{1d7d0}"), "ae"); // MATHEMATICAL BOLD DIGIT TWO
        // Only 1-5 are tones; 3 after Chinese or a number is a number.
        assert_eq!(n("3天拿证"), "3天拿证");
        assert_eq!(n("包3过"), "包3过");
        // A numeral read as a number right after letters stays a number when normalised again.
        assert_eq!(n("ae三"), "ae 3");
        assert_eq!(n("ae\u{1f241}"), "ae 3"); // TORTOISE SHELL BRACKETED 三
        assert_eq!(n(&n("ae\u{1f241}")), "ae 3");
        let original = "bao4 guo4！";
        let norm = normalize(original);
        assert_eq!(norm.as_str(), "baoguo");
        let (s, e) = norm.original_range(original, 0, norm.as_str().len());
        assert_eq!(&original[s..e], "bao4 guo");
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
        assert_eq!(n("假一，⑤天"), "假1 5天");
        assert_eq!(n("3，5天"), "3 5天");
        assert_eq!(n("35天"), "35天");
        assert_eq!(n("⑩⑤"), "105");
    }

    #[test]
    fn normalising_twice_changes_nothing_for_any_bmp_character() {
        for code in 0..0x10000u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let once = n(&c.to_string());
            assert_eq!(n(&once), once, "U+{code:04X} {c}");
        }
        assert_eq!(n("麼"), n("么"));
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
