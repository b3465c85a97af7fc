//! Generated spellings of rule phrases: pinyin, homophones and split characters.
//!
//! Advertisers move to what filters do not catch: `bao过`, `代kao`, `b a o 过`, `包g过`, `带考`, `挂訁正`.
//! Rather than asking rule authors to list these, the compiler adds, for every phrase, the spellings
//! below as extra phrases of the same rule. They are matched like any phrase (in normalised text, so
//! spaces, case, full-width letters and tone marks are already folded: `B A O 过`, `bāo guò`), and a
//! match maps back to its exact original span like any other.
//!
//! - **Pinyin** (from the `pinyin` crate's dictionary, first reading of each character): each
//!   character may be written as its syllable (`bao过`, `代kao`, `baoguo`), and, where what remains is
//!   still specific, as its initial:
//!   - an initial typed *before* its character (`包g过`, the half-typed input-method form) is allowed
//!     everywhere except at the start of the phrase (where it breaks nothing);
//!   - an initial *in place of* a character only while at least two characters of the phrase remain
//!     (`不过b退`, `包n证`), never in two-character phrases (`d考` is in `3D考古`);
//!   - a spelling with no character left must be full pinyin of at least five letters (`daikao`,
//!     `guazheng`), never initials (`bg`, `dk` are everywhere).
//!
//!   Phrases of up to four characters get every combination of these that changes at most two
//!   characters, and the whole phrase in syllables; longer ones get the whole phrase in syllables and one
//!   character changed at a time. (All combinations grow as 4ⁿ; the automaton, and with it the search
//!   time, grows with them.)
//! - **Homophones**, for high-severity phrases only: characters of GB 2312 (the 6763 characters of
//!   the national standard, read through `encoding_rs`) with the same syllable. Those of phrases with
//!   three or more characters are not listed here but found by sound at scan time (`sound`, which
//!   [`found_spellings`] enumerates one change at a time for tests). Listed ones, one character at a
//!   time: in two-character phrases the tone must agree too (`代考` → `带考`, `挂证` → `挂正`, `卦证`; `保过` →
//!   `宝过`): with any tone, `包过` would also become `报过`, `抱过`, `爆过`, everyday verb + 过 pairs.
//!   (With `homophones = "same_tone"` phrases of up to six characters are listed, same tone.) A homophone spelling of a two-character phrase keeps one character
//!   of it and often spans a word boundary (`充电宝过安检`, `宝宝过生日`, `挂正一点`): it is *weak*, and
//!   counts only with a word of the rule set's `weak_context` list nearby. See `docs/terms.md` for what
//!   each choice adds and costs.
//! - A spelling with no Chinese character left (`baoguo`, `daikao`) counts only as a whole Latin word:
//!   no letter right before or after it in normalised text (`Bao Guo restaurant`, `Tikao River` are
//!   names), which the compiler checks.
//! - **Split characters**: a character written as its two components (`訁正` for 证, `扌圭` for 挂). No
//!   maintained table of such splits exists (Unicode's confusables cover single look-alike code points,
//!   which NFKC already folds for the Kangxi radicals), so this is a small table for the lexicon's key
//!   characters only.

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use pinyin::ToPinyin;

use super::normalize::{self, is_han};
use super::pattern::Phrase;
use super::rules::{Forms, Homophones, Severity};
use super::sound;

/// Components of the lexicon's key characters, as advertisers split them. Hand-written because no
/// maintained table of ideograph splits fits (see the module documentation).
const SPLITS: &[(char, &[&str])] = &[
    ('证', &["訁正", "讠正", "言正"]),
    ('挂', &["扌圭"]),
    ('考', &["耂丂"]),
    ('拿', &["合手"]),
    ('靠', &["告非"]),
    ('包', &["勹巳"]),
    ('过', &["辶寸"]),
    ('代', &["亻弋"]),
    ('部', &["咅阝"]),
    ('颁', &["分页"]),
    // The characters of 包通过, 没过退全款, 本人无需到场 and 原劳动部发证 (seventh pass).
    ('通', &["甬辶"]),
    ('没', &["氵殳"]),
    ('动', &["云力"]),
    ('到', &["至刂"]),
    ('需', &["雨而"]),
    // 免笔试免实操 and 无条件退费 (thirteenth session).
    ('操', &["扌喿"]),
    ('件', &["亻牛"]),
];

/// Longest phrase (in Chinese characters) that gets mixed pinyin forms (see `MAX_MIXED_CHANGES`).
const FULL_COMBINATIONS: usize = 4;
/// Longest phrase (in Chinese characters) that gets homophone spellings (any tone from three up).
const MAX_HOMOPHONE_HAN: usize = 6;
/// Most characters changed in one spelling, unless all are written as syllables.
const MAX_MIXED_CHANGES: usize = 2;
/// Fewest letters of a spelling with no Chinese character left.
const MIN_ASCII_LETTERS: usize = 5;

/// One token of a phrase source: a placeholder or a character.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Token<'a> {
    Placeholder(&'a str),
    Char(char),
}

fn tokens(source: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut rest = source;
    while let Some(c) = rest.chars().next() {
        if let Some(p) = ["{N}", "{H}"].into_iter().find(|p| rest.starts_with(p)) {
            out.push(Token::Placeholder(&rest[..p.len()]));
            rest = &rest[p.len()..];
        } else {
            out.push(Token::Char(c));
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// How one Chinese character of a phrase is written in a pinyin spelling.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    Han,
    Syllable,
    Initial,
    /// The initial typed before the character (`g过`).
    Stutter,
}

/// Which generated form a spelling is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SpellingForm {
    /// Pinyin syllables or initials for some characters.
    Pinyin,
    /// One character replaced by a homophone.
    Homophone,
    /// One character written as its components.
    Split,
}

/// One generated spelling of a phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spelling {
    /// The phrase source with the change (placeholders kept).
    pub text: String,
    /// How it was made.
    pub form: SpellingForm,
    /// Only one character of the phrase is left as written (a homophone in a two-character phrase):
    /// too little on its own, so the compiler asks for a certificate word nearby.
    pub weak: bool,
}

/// The extra spellings of `source` (a rule phrase, placeholders included) for a rule of `severity`.
/// The phrase itself is not among them; the result is sorted and free of duplicates.
pub fn variants(source: &str, severity: Severity, forms: &Forms) -> Vec<String> {
    let mut texts: Vec<String> = spellings(source, severity, forms)
        .into_iter()
        .map(|s| s.text)
        .collect();
    texts.sort();
    texts.dedup();
    texts
}

/// The extra spellings of `source` with their form, sorted by text, the first form of each text kept:
/// every spelling the matcher finds for a rule's own phrase, whether listed in its automaton or
/// found by the sound pass ([`found_spellings`] with `from_slots` false).
pub fn spellings(source: &str, severity: Severity, forms: &Forms) -> Vec<Spelling> {
    spellings_with(source, severity, forms, false, Purpose::Found)
}

/// The spellings the matcher lists in its automaton for a rule phrase: for a phrase of the rule's
/// own, every pinyin and split spelling, and the homophones the sound pass (`sound`) does not find
/// (those of two-character phrases); for a phrase that the rule's slots produced (`{fail}{refund}` →
/// 考不过全额返还, see `RuleSet::sourced_phrases_of`) the lean ones: pinyin only as for long phrases
/// (the whole phrase in syllables, or one character changed) and splits. Slots multiply the phrases;
/// every mix of forms for each of them would multiply the automaton again (see docs/terms.md).
pub fn rule_spellings(
    source: &str,
    from_slots: bool,
    severity: Severity,
    forms: &Forms,
) -> Vec<Spelling> {
    spellings_with(source, severity, forms, from_slots, Purpose::Listed)
}

/// Every spelling the matcher finds for a rule phrase: [`rule_spellings`] and, for high-severity
/// phrases whose longest literal piece has at least three Chinese characters, each character
/// replaced by a homophone of any tone (the sound pass finds these, and up to one change in three,
/// which this list does not enumerate). Tests and the fuzz target check the matcher against it.
pub fn found_spellings(
    source: &str,
    from_slots: bool,
    severity: Severity,
    forms: &Forms,
) -> Vec<Spelling> {
    spellings_with(source, severity, forms, from_slots, Purpose::Found)
}

/// What a list of spellings is for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Purpose {
    /// The automaton's list.
    Listed,
    /// All the matcher finds, the sound pass included.
    Found,
}

/// Whether the sound pass covers the homophones of a phrase of `severity` whose anchor (normalised,
/// as `Phrase::anchor_text` gives it) is `anchor`.
pub(crate) fn found_by_sound(anchor: &str, severity: Severity, forms: &Forms) -> bool {
    severity == Severity::High
        && matches!(
            forms.homophones,
            Homophones::AnyToneLong | Homophones::AnyTone
        )
        && sound::covers(anchor)
}

fn spellings_with(
    source: &str,
    severity: Severity,
    forms: &Forms,
    lean: bool,
    purpose: Purpose,
) -> Vec<Spelling> {
    let toks = tokens(source);
    let han = toks
        .iter()
        .filter(|t| matches!(t, Token::Char(c) if is_han(*c)))
        .count();
    let mut out: std::collections::BTreeMap<String, Spelling> = Default::default();
    let mut add = |text: String, form: SpellingForm, weak: bool| {
        out.entry(text.clone())
            .or_insert(Spelling { text, form, weak });
    };
    if forms.pinyin {
        let mut texts = BTreeSet::new();
        pinyin_variants(&toks, lean, &mut texts);
        for text in texts {
            add(text, SpellingForm::Pinyin, false);
        }
    }
    // The anchor as the matcher compiles it (`百分百过` is `100分100过`, two characters).
    let anchor = Phrase::parse(source, "").map(|p| p.anchor_text().to_string());
    let by_sound = anchor.is_ok_and(|a| found_by_sound(&a, severity, forms));
    // Phrases of five and six characters got them too (seventh pass): 没过腿全款, 不过免费重休 and
    // 苯人无需到场 keep no shorter phrase of the lexicon whole. Since the sound pass, only the
    // two-character phrases' homophones are listed; the sound pass finds the others, at any length
    // and for slot phrases too, without a few hundred spellings per phrase in the automaton.
    let listed = !lean
        && !by_sound
        && forms.homophones != Homophones::Off
        && severity == Severity::High
        && han <= MAX_HOMOPHONE_HAN;
    if listed || (by_sound && purpose == Purpose::Found) {
        let any_tone = match forms.homophones {
            Homophones::AnyTone => true,
            Homophones::AnyToneLong => han >= 3,
            _ => false,
        };
        for (i, tok) in toks.iter().enumerate() {
            if let Token::Char(c) = *tok {
                // The sound pass reads normalised text: a character that normalisation rewrites
                // (一 → 1) has no homophone there.
                if !listed && !is_unchanged_han(c) {
                    continue;
                }
                for &h in homophones(c, any_tone) {
                    add(
                        render_with(&toks, i, &h.to_string()),
                        SpellingForm::Homophone,
                        han <= 2,
                    );
                }
            }
        }
    }
    if forms.splits {
        for (i, tok) in toks.iter().enumerate() {
            if let Token::Char(c) = *tok
                && let Some((_, parts)) = SPLITS.iter().find(|(k, _)| *k == c)
            {
                for part in *parts {
                    add(render_with(&toks, i, part), SpellingForm::Split, false);
                }
            }
        }
    }
    out.remove(source);
    out.into_values().collect()
}

/// `toks` written out with token `at` replaced by `with`.
fn render_with(toks: &[Token<'_>], at: usize, with: &str) -> String {
    let mut s = String::new();
    for (i, tok) in toks.iter().enumerate() {
        match (i == at, tok) {
            (true, _) => s.push_str(with),
            (false, Token::Placeholder(p)) => s.push_str(p),
            (false, Token::Char(c)) => s.push(*c),
        }
    }
    s
}

fn pinyin_variants(toks: &[Token<'_>], lean: bool, out: &mut BTreeSet<String>) {
    // Positions of the characters that have a reading.
    let readable: Vec<(usize, &'static str)> = toks
        .iter()
        .enumerate()
        .filter_map(|(i, t)| match *t {
            Token::Char(c) if is_han(c) => c.to_pinyin().map(|p| (i, p.plain())),
            _ => None,
        })
        .collect();
    if readable.is_empty() {
        return;
    }
    let han_total = toks
        .iter()
        .filter(|t| matches!(t, Token::Char(c) if is_han(*c)))
        .count();
    let mut assign = vec![Form::Han; readable.len()];
    let mut emit = |assign: &[Form]| {
        if let Some(s) = render_pinyin(toks, &readable, assign, han_total) {
            out.insert(s);
        }
    };
    if readable.len() <= FULL_COMBINATIONS && !lean {
        let forms = [Form::Han, Form::Syllable, Form::Initial, Form::Stutter];
        let total = forms.len().pow(readable.len() as u32);
        for mut code in 1..total {
            for slot in assign.iter_mut() {
                *slot = forms[code % forms.len()];
                code /= forms.len();
            }
            // Three or four characters changed in a mix of forms (bu g包t) are not how these ads
            // are written, and every spelling enlarges the automaton (slower search, see docs/terms.md):
            // all syllables or at most two changes.
            let changed = assign.iter().filter(|&&f| f != Form::Han).count();
            let all_syllables = assign.iter().all(|&f| f == Form::Syllable);
            if changed <= MAX_MIXED_CHANGES || all_syllables {
                emit(&assign);
            }
        }
    } else {
        emit(&vec![Form::Syllable; readable.len()]);
        for i in 0..readable.len() {
            for form in [Form::Syllable, Form::Initial, Form::Stutter] {
                assign.fill(Form::Han);
                assign[i] = form;
                emit(&assign);
            }
        }
    }
}

/// Writes one pinyin spelling, or `None` where the rules of the module documentation reject it.
fn render_pinyin(
    toks: &[Token<'_>],
    readable: &[(usize, &'static str)],
    assign: &[Form],
    han_total: usize,
) -> Option<String> {
    let changed = assign.iter().filter(|&&f| f != Form::Han).count();
    if changed == 0 {
        return None;
    }
    let replaced = assign
        .iter()
        .filter(|&&f| matches!(f, Form::Syllable | Form::Initial))
        .count();
    let han_left = han_total - replaced;
    let initials = assign.iter().filter(|&&f| f == Form::Initial).count();
    if initials > 0 && (han_left < 2 || han_total <= 2) {
        return None;
    }
    let mut s = String::new();
    let mut letters = 0;
    let mut next = 0;
    for (i, tok) in toks.iter().enumerate() {
        let form = match readable.get(next) {
            Some(&(at, syllable)) if at == i => {
                next += 1;
                Some((assign[next - 1], syllable))
            }
            _ => None,
        };
        match (tok, form) {
            (Token::Placeholder(p), _) => s.push_str(p),
            (Token::Char(c), None | Some((Form::Han, _))) => s.push(*c),
            (Token::Char(_), Some((Form::Syllable, syllable))) => {
                s.push_str(syllable);
                letters += syllable.len();
            }
            (Token::Char(_), Some((Form::Initial, syllable))) => {
                s.push_str(&syllable[..1]);
                letters += 1;
            }
            (Token::Char(c), Some((Form::Stutter, syllable))) => {
                // At the very start an extra letter breaks nothing: the phrase itself still matches.
                if i == 0 {
                    return None;
                }
                s.push_str(&syllable[..1]);
                s.push(*c);
            }
        }
    }
    if han_left == 0 && letters < MIN_ASCII_LETTERS {
        return None;
    }
    Some(s)
}

/// Common characters with the same reading as `c` (same tone unless `any_tone`), `c` excluded.
fn homophones(c: char, any_tone: bool) -> &'static [char] {
    type Table = HashMap<char, Vec<char>>;
    static TABLES: OnceLock<(Table, Table)> = OnceLock::new();
    let (same, any) = TABLES.get_or_init(|| {
        let mut by_tone: HashMap<&'static str, Vec<char>> = HashMap::new();
        let mut by_syllable: HashMap<&'static str, Vec<char>> = HashMap::new();
        for h in (0x4E00..=0x9FA5)
            .filter_map(char::from_u32)
            // A character that normalisation rewrites (乾 → 干) never reaches the matcher as itself.
            .filter(|&h| usable_as_homophone(h) && is_unchanged_han(h))
        {
            if let Some(p) = h.to_pinyin() {
                by_tone.entry(p.with_tone()).or_default().push(h);
                by_syllable.entry(p.plain()).or_default().push(h);
            }
        }
        let invert = |groups: &HashMap<&'static str, Vec<char>>,
                      key: fn(pinyin::Pinyin) -> &'static str| {
            let mut table = Table::new();
            for h in (0x4E00..=0x9FA5).filter_map(char::from_u32) {
                if let Some(p) = h.to_pinyin()
                    && let Some(group) = groups.get(key(p))
                {
                    let others: Vec<char> = group.iter().copied().filter(|&g| g != h).collect();
                    table.insert(h, others);
                }
            }
            table
        };
        (
            invert(&by_tone, pinyin::Pinyin::with_tone),
            invert(&by_syllable, pinyin::Pinyin::plain),
        )
    });
    let table = if any_tone { any } else { same };
    table.get(&c).map_or(&[], Vec::as_slice)
}

/// Grammatical characters never used as homophones: they turn a phrase into everyday grammar
/// (`部认可` with 不 for 部 is `不认可`, "does not recognise", in any sentence).
const FUNCTION_CHARACTERS: &[char] = &[
    '不', '的', '了', '是', '一', '在', '有', '和', '也', '就', '都', '而', '与', '着', '个', '这',
    '之', '其', '为', '以', '没', '吗', '呢', '吧', '啊',
];

/// Whether `c`, found in normalised text where a phrase has another character of the same sound,
/// stands in for it: any Chinese character but a grammatical word or a stroke that normalisation
/// drops. Rarer than GB 2312 is allowed here (`不腘包退`, `未通馃`): listing such characters would
/// swell the automaton, but the sound pass costs nothing per character, and a rare character where a
/// phrase has a common one is the evasion, not everyday text.
pub(crate) fn usable_by_sound(c: char) -> bool {
    is_han(c) && !FUNCTION_CHARACTERS.contains(&c) && !normalize::is_dropped_stroke(c)
}

/// Whether `c` is a Chinese character that normalisation leaves as it is (not 乾 → 干, not 一 → 1).
fn is_unchanged_han(c: char) -> bool {
    let mut buf = [0; 4];
    is_han(c) && normalize::normalize_str(c.encode_utf8(&mut buf)) == *c.encode_utf8(&mut buf)
}

/// Whether `c` may stand in for a phrase character that sounds like it: a character in everyday use
/// ([`is_common`]), not a grammatical word ([`FUNCTION_CHARACTERS`]), not a stroke that normalisation
/// drops: the characters the listed homophones are drawn from (the sound pass is wider, see
/// [`usable_by_sound`]).
fn usable_as_homophone(c: char) -> bool {
    is_common(c) && usable_by_sound(c)
}

/// Whether `c` is one of the 6763 characters of GB 2312 (lead bytes 0xB0–0xF7, trail 0xA1–0xFE in the
/// GB 18030 encoding), the set of characters in everyday use that advertisers' input methods offer.
fn is_common(c: char) -> bool {
    let mut buf = [0u8; 4];
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(c.encode_utf8(&mut buf));
    !unmappable && bytes.len() == 2 && (0xB0..=0xF7).contains(&bytes[0]) && bytes[1] >= 0xA1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(source: &str, severity: Severity) -> Vec<String> {
        variants(source, severity, &Forms::default())
    }

    #[test]
    fn pinyin_spellings_of_a_short_phrase() {
        let v = all("包过", Severity::High);
        for expected in ["bao过", "包guo", "baoguo", "包g过"] {
            assert!(
                v.contains(&expected.to_string()),
                "{expected} missing from {v:?}"
            );
        }
        // Two characters: no initial in place of a character, no bare initials.
        for rejected in ["b过", "包g", "bg", "bguo", "baog", "g包过"] {
            assert!(!v.contains(&rejected.to_string()), "{rejected} in {v:?}");
        }
        assert!(!v.contains(&"包过".to_string()));
    }

    #[test]
    fn initials_replace_characters_only_in_longer_phrases() {
        let v = all("不过包退", Severity::High);
        assert!(v.contains(&"不过b退".to_string()), "{v:?}");
        assert!(v.contains(&"buguobaotui".to_string()));
        assert!(!v.contains(&"bgbt".to_string()));
        assert!(
            !v.contains(&"不gbt".to_string()),
            "one character left is not specific"
        );
    }

    #[test]
    fn placeholders_are_kept() {
        let v = all("{N}天拿证", Severity::High);
        assert!(v.contains(&"{N}tian拿证".to_string()), "{v:?}");
        assert!(v.contains(&"{N}天nazheng".to_string()));
        assert!(v.contains(&"{N}天拿訁正".to_string()));
    }

    #[test]
    fn homophones_keep_the_tone_and_only_for_high_severity() {
        let v = all("代考", Severity::High);
        assert!(v.contains(&"带考".to_string()), "{v:?}");
        assert!(v.contains(&"代烤".to_string()));
        let v = all("挂证", Severity::High);
        assert!(
            v.contains(&"挂正".to_string()) && v.contains(&"卦证".to_string()),
            "{v:?}"
        );
        let v = all("包过", Severity::High);
        assert!(!v.contains(&"报过".to_string()), "报 has another tone");
        let v = all("{H}{H}部认可", Severity::High);
        assert!(!v.iter().any(|s| s.contains('不')), "不 is grammar: {v:?}");
        assert!(v.iter().any(|s| s.contains('步')), "{v:?}");
        let v = all("包拿证", Severity::High);
        assert!(
            v.contains(&"保拿证".to_string()),
            "any tone in longer phrases: {v:?}"
        );
        let any = variants(
            "包过",
            Severity::High,
            &Forms {
                homophones: Homophones::AnyTone,
                ..Forms::default()
            },
        );
        assert!(any.contains(&"报过".to_string()));
        let v = all("内部推荐", Severity::Medium);
        assert!(
            !v.iter().any(|s| s.chars().all(is_han)
                && s != "内部推荐"
                && !s.contains(['訁', '扌', '咅'])),
            "{v:?}"
        );
    }

    #[test]
    fn no_homophone_is_a_stroke_that_normalisation_drops() {
        // 丶 reads zhǔ like 助: 线上丶考 would be compiled as 线上考, which 在线上考试 contains.
        let v = all("线上助考", Severity::High);
        assert!(v.contains(&"线上住考".to_string()), "{v:?}");
        assert!(
            !v.iter().any(|s| s.contains(['丶', '丨', '丿', '乀'])),
            "{v:?}"
        );
    }

    #[test]
    fn splits_and_long_phrases() {
        let v = all("挂证", Severity::High);
        assert!(v.contains(&"扌圭证".to_string()) && v.contains(&"挂訁正".to_string()));
        let v = all("人力资源和社会保障部", Severity::Medium);
        assert!(
            v.contains(&"renliziyuanheshehuibaozhangbu".to_string()),
            "{v:?}"
        );
        assert!(
            v.len() < 40,
            "long phrases change one character at a time: {}",
            v.len()
        );
    }

    #[test]
    fn homophones_of_longer_phrases_come_from_the_sound_pass() {
        let v = all("没过退全款", Severity::High);
        assert!(v.contains(&"没过腿全款".to_string()), "{v:?}");
        let v = all("本人无需到场", Severity::High);
        assert!(v.contains(&"苯人无需到场".to_string()), "{v:?}");
        let forms = Forms::default();
        let long = found_spellings("原劳动和社会保障部", false, Severity::High, &forms);
        assert!(
            long.iter().any(|s| s.text == "原劳冻和社会保障部"),
            "any length"
        );
        let slot = found_spellings("未通过无条件退费", true, Severity::High, &forms);
        assert!(
            slot.iter().any(|s| s.text == "味通过无条件退费"),
            "slot phrases too"
        );
        // 百分百 is 100分100 once normalised: its numerals have no homophone to find.
        let numerals = found_spellings("百分百拿证", true, Severity::High, &forms);
        assert!(!numerals.iter().any(|s| s.text == "百分摆拿证"));
        // None of them is listed in the automaton: the sound pass finds them.
        for phrase in ["没过退全款", "原劳动和社会保障部"] {
            let listed = rule_spellings(phrase, false, Severity::High, &forms);
            assert!(
                !listed.iter().any(|s| s.form == SpellingForm::Homophone),
                "{phrase}"
            );
        }
        // Two-character phrases keep their listed same-tone homophones.
        let listed = rule_spellings("挂证", false, Severity::High, &forms);
        assert!(listed.iter().any(|s| s.text == "挂正" && s.weak));
    }

    #[test]
    fn common_characters() {
        assert!(is_common('包') && is_common('证') && is_common('卦'));
        assert!(!is_common('㐀'), "not in GB 2312");
        assert!(!is_common('a'));
    }
}
