//! The shared term matcher: normalisation, the rule lexicon and matching with exact original offsets.
//!
//! Every text stage (plain text, HTML, OCR output) goes through the same [`Matcher`]:
//!
//! ```
//! use shanzhai::terms::{Matcher, Verdict};
//!
//! let matcher = Matcher::with_default_rules();
//! let matches = matcher.find_all("國家級證書，包-过！三天拿證");
//! let rules: Vec<&str> = matches.iter().map(|m| m.rule.as_str()).collect();
//! assert_eq!(rules, ["state.national", "promise.guaranteed_pass", "promise.days_to_certificate"]);
//! assert_eq!(matches[1].text, "包-过"); // the original span, separators included
//! assert_eq!((matches[1].start, matches[1].end), (6, 9)); // character offsets
//! assert_eq!(Verdict::from_matches(&matches), Verdict::Block);
//! ```
//!
//! # Matching semantics
//!
//! 1. The text is normalised ([`normalize`]): full-width → ASCII, lower case, traditional → simplified,
//!    numerals → digits, and separators, punctuation, emoji and zero-width characters dropped.
//! 2. All rule phrases, their generated spellings ([`variants`]: pinyin, homophones, split characters),
//!    context words, `unless` phrases and allow-list phrases (normalised the same way) are found with one
//!    Aho-Corasick automaton, overlapping matches included.
//! 3. A rule match is a *candidate* unless: its rule needs context and no word of its context list lies
//!    within the rule's window (counted in normalised characters between the two, either side; touching
//!    or overlapping counts as 0); or a word of its `except_near` list lies within the window (the
//!    ministry's own site, an official notice); or an occurrence of one of the rule's `unless` phrases
//!    overlaps it; or an occurrence of one of the rule's `ordinary` readings (`包过两天`, `确保过`,
//!    `替考生`) overlaps it and no word of the rule set's `weak_context` or `mention` list lies within
//!    the window outside the reading and the match (a certificate, exam or report word makes the
//!    phrase a claim again); or it lies inside an occurrence of an allow-list phrase; or it is a generated spelling
//!    whose own check fails (a Latin-only spelling touching another Latin letter, a weak homophone
//!    without a word of the `weak_context` list within the window).
//! 3. b. A candidate is a *mention* (a report or warning about the phrase, not an ad using it) when a
//!    word of the rule set's `mention` list (警惕, 谨防, 骗局, 宣称 …) lies within the window, or when it
//!    stands in quotation marks (“…”, 「…」, '…') together with at least one other quoted match of the
//!    same text window, or with another match that is a mention (a quoted phrase in a text already read
//!    as a report). A mention counts at most `medium` ([`Match::mention`]). A candidate with a word of
//!    the rule set's `enforcement` list within the window (严防, 获刑, 开除, 不接受 …: the act is
//!    punished or refused) is a mention that counts `low`.
//! 3. c. With the rule set's `word_boundary` on (the default lexicon's), a candidate of two Chinese
//!    characters, written as just those two, is dropped when it starts inside a longer word: the
//!    character before it and its first character form a word of the Chinese word segmenter's
//!    dictionary (交代|考场 is no 代考, 面包|过期 no 包过, 中国|家庭 no 国家; see `words`).
//! 4. Overlapping candidates are resolved greedily: higher severity first, then the leftmost, then the
//!    longest. The result is non-overlapping and sorted by start.
//! 5. Offsets are **character** (Unicode scalar value) offsets into the original text, end exclusive,
//!    and [`Match::text`] is exactly that original span (including any separators inside it).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::{Deserialize, Serialize};

pub mod html;
pub mod normalize;
mod pattern;
pub mod reader;
pub mod rules;
mod sound;
pub mod stream;
pub mod variants;
mod words;

pub use rules::{Category, Forms, Homophones, RuleSet, RuleSpec, Severity};
pub use stream::{ChunkOptions, ChunkedScan};

use normalize::Normalized;
use pattern::Phrase;

/// Errors from building a matcher or reading rule files.
#[derive(Debug, thiserror::Error)]
pub enum TermsError {
    /// A rule file could not be read.
    #[error("cannot read rule file {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A rule file is not valid TOML or does not follow the format.
    #[error("invalid rule file {origin}: {reason}")]
    RuleFile {
        /// Where the rules came from (a path or a description).
        origin: String,
        /// What is wrong.
        reason: String,
    },
    /// A rule is incomplete or inconsistent.
    #[error("invalid rule {id:?}: {reason}")]
    InvalidRule {
        /// The rule's id.
        id: String,
        /// What is wrong.
        reason: String,
    },
}

/// One rule match, located in the original text.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct Match {
    /// The id of the rule that matched.
    pub rule: String,
    /// The rule's category.
    pub category: Category,
    /// The rule's severity.
    pub severity: Severity,
    /// The original text of the span (what the advertiser wrote).
    pub text: String,
    /// Start offset in characters (Unicode scalar values) of the original text.
    pub start: usize,
    /// End offset (exclusive) in characters of the original text.
    pub end: usize,
    /// The phrase reads as mentioned, not used: quoted in a list of phrases, or next to a warning or
    /// report word. Its `severity` is then at most `medium` (the rule's own severity may be higher),
    /// and `low` next to an enforcement word (the act punished or refused).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub mention: bool,
}

/// The decision for one input. Serialised in lowercase; ordered `Pass < Review < Block`.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Nothing worth a moderator's time.
    Pass,
    /// A moderator should look.
    Review,
    /// Strong evidence of a knock-off certificate promotion.
    Block,
}

impl Verdict {
    /// The verdict for a set of matches: `block` if any match is `high`; otherwise `review` if any is
    /// `medium` or at least two different rules matched at `low`; otherwise `pass`.
    pub fn from_matches(matches: &[Match]) -> Verdict {
        if matches.iter().any(|m| m.severity == Severity::High) {
            return Verdict::Block;
        }
        if matches.iter().any(|m| m.severity == Severity::Medium) {
            return Verdict::Review;
        }
        let mut low_rules: Vec<&str> = matches.iter().map(|m| m.rule.as_str()).collect();
        low_rules.sort_unstable();
        low_rules.dedup();
        if low_rules.len() >= 2 {
            Verdict::Review
        } else {
            Verdict::Pass
        }
    }

    /// Why the verdict is what it is, where that is not plain from the matches: `Some` when matches
    /// were read as mentions (a report about the phrases, capped at `review`).
    pub fn reason(matches: &[Match]) -> Option<String> {
        let mentions = matches.iter().filter(|m| m.mention).count();
        (mentions > 0).then(|| {
            format!(
                "reads as a report about the phrases ({mentions} of {} matches quoted or next to a \
                 warning word), so those count at most review",
                matches.len()
            )
        })
    }

    /// Whether this verdict flags the input (review or block).
    pub fn is_flagged(self) -> bool {
        self != Verdict::Pass
    }

    /// The verdict's name as serialised: `pass`, `review` or `block`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Review => "review",
            Verdict::Block => "block",
        }
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Builds a [`Matcher`] from the default rules, a given [`RuleSet`] and rule files.
#[derive(Debug, Clone)]
pub struct MatcherBuilder {
    rules: RuleSet,
    chunk: ChunkOptions,
}

impl MatcherBuilder {
    /// Replaces the rules built so far (the default lexicon at first) with `rules`.
    pub fn rules(mut self, rules: RuleSet) -> Self {
        self.rules = rules;
        self
    }

    /// Merges the rule file at `path` over the rules so far (add, override or disable by id).
    pub fn add_rules_file(mut self, path: impl AsRef<Path>) -> Result<Self, TermsError> {
        self.rules.merge_path(path.as_ref())?;
        Ok(self)
    }

    /// Merges rules given as TOML text (`origin` names them in errors).
    pub fn add_rules_toml(mut self, toml: &str, origin: &str) -> Result<Self, TermsError> {
        self.rules.merge_toml(toml, origin)?;
        Ok(self)
    }

    /// Sets how large texts are split into chunks (see [`ChunkOptions`]).
    pub fn chunk_options(mut self, chunk: ChunkOptions) -> Self {
        self.chunk = chunk;
        self
    }

    /// Compiles the rules into a matcher.
    pub fn build(self) -> Result<Matcher, TermsError> {
        Compiler::default().compile(self.rules, self.chunk)
    }
}

/// The compiled term matcher. Immutable, `Send + Sync`: share one across threads by reference or `Arc`.
#[derive(Debug, Clone)]
pub struct Matcher {
    automaton: AhoCorasick,
    /// `roles[role_start[p]..role_start[p + 1]]` are the roles of automaton pattern `p`.
    role_start: Vec<u32>,
    roles: Vec<Role>,
    rules: Vec<CompiledRule>,
    phrases: Vec<Phrase>,
    /// Per phrase: a context list it needs on top of its rule's (weak spellings), and whether it is
    /// a whole Latin word (no Chinese left) that must not touch other letters.
    phrase_checks: Vec<PhraseChecks>,
    context_lists: usize,
    longest_context: usize,
    longest_unless: usize,
    longest_ordinary: usize,
    longest_allow: usize,
    /// Context lists whose words near an ordinary reading keep the match (weak context, mention).
    claim_lists: Vec<u32>,
    /// Context list whose words mark a match as a mention, and its window.
    mention: Option<(u32, usize)>,
    /// Context list whose words make a match a mention that counts low, and its window.
    enforcement: Option<(u32, usize)>,
    /// Drop two-character matches that start inside a longer word ([`RuleSet::word_boundary`]).
    word_boundary: bool,
    /// Homophone spellings of the high-severity phrases, found by sound (see `sound`).
    sound: Option<sound::SoundIndex>,
    chunk: ChunkOptions,
}

/// Checks of one phrase beyond its rule's (see [`variants`]).
#[derive(Debug, Clone, Copy, Default)]
struct PhraseChecks {
    /// Context list and window this spelling needs (a weak spelling).
    context: Option<(u32, usize)>,
    /// The spelling is all Latin letters (and digits): it must stand as a word of its own.
    standalone: bool,
}

/// What an automaton pattern stands for (one pattern can play several roles).
#[derive(Debug, Clone, Copy)]
enum Role {
    Anchor { rule: u32, phrase: u32 },
    Context { list: u32 },
    Unless { rule: u32 },
    Ordinary { rule: u32 },
    Allow,
}

#[derive(Debug, Clone)]
struct CompiledRule {
    id: String,
    category: Category,
    severity: Severity,
    /// Context list index and window.
    context: Option<(u32, usize)>,
    /// Context list that cancels the rule within the same window.
    except_near: Option<u32>,
    window: usize,
}

/// A match in normalised text, before mapping back.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    rule: u32,
    start: usize,
    end: usize,
    mention: bool,
    /// Next to an enforcement word: a mention that counts low.
    enforced: bool,
    /// A word of the mention list within [`QUOTED_REPORT_REACH`] windows: a quoted match is a mention.
    report_nearby: bool,
    /// The context a weak spelling needs (list, window).
    weak: Option<(u32, usize)>,
}

/// Occurrences of the helper phrases in normalised text, in order of their end.
#[derive(Default)]
struct Evidence {
    context: Vec<Vec<(usize, usize)>>,
    unless: Vec<(u32, usize, usize)>,
    ordinary: Vec<(u32, usize, usize)>,
    allow: Vec<(usize, usize)>,
}

thread_local! {
    static SCRATCH: RefCell<Normalized> = RefCell::new(Normalized::default());
    static FOLDED: RefCell<String> = const { RefCell::new(String::new()) };
}

impl Matcher {
    /// A builder starting from the default lexicon.
    pub fn builder() -> MatcherBuilder {
        MatcherBuilder {
            rules: RuleSet::default_rules(),
            chunk: ChunkOptions::default(),
        }
    }

    /// The matcher for the embedded default lexicon.
    ///
    /// Building generates the phrases' spellings (about 6 800 for the default lexicon) and compiles the
    /// automaton (and, once per process, the normalisation and homophone tables): about 80 ms on the
    /// 2-core development VM. Build one matcher and share it (`&Matcher` or `Arc<Matcher>`) across
    /// threads.
    pub fn with_default_rules() -> Self {
        Self::builder()
            .build()
            .expect("the embedded default rules compile")
    }

    /// Finds all rule matches in `text`: non-overlapping, sorted by start, with character offsets into
    /// `text` (see the [module documentation](self) for the exact semantics). Texts larger than the
    /// chunk size are scanned in overlapping chunks with bounded extra memory.
    pub fn find_all(&self, text: &str) -> Vec<Match> {
        if text.len() <= self.chunk.chunk_bytes {
            return self.find_in_window(text);
        }
        let mut scan = self.chunked_scan();
        scan.push(text);
        scan.finish()
    }

    /// Starts a chunked scan for text that arrives in pieces (files, standard input).
    pub fn chunked_scan(&self) -> ChunkedScan<'_> {
        ChunkedScan::new(self, self.chunk)
    }

    /// The chunking options this matcher was built with.
    pub fn chunk_options(&self) -> ChunkOptions {
        self.chunk
    }

    /// Matches one window of text directly (the text must be below 4 GiB).
    pub(crate) fn find_in_window(&self, text: &str) -> Vec<Match> {
        SCRATCH.with(|scratch| {
            let mut norm = scratch.borrow_mut();
            normalize::normalize_into(text, &mut norm);
            let candidates = self.candidates(text, &norm);
            self.to_matches(text, &norm, candidates)
        })
    }

    fn roles_of(&self, pattern: usize) -> &[Role] {
        let start = self.role_start[pattern] as usize;
        let end = self.role_start[pattern + 1] as usize;
        &self.roles[start..end]
    }

    /// Runs the automaton and applies context, `unless` and allow-list filters.
    fn candidates(&self, original: &str, norm: &Normalized) -> Vec<Candidate> {
        let text = norm.as_str();
        let mut raw = Vec::new();
        let mut evidence = Evidence {
            context: vec![Vec::new(); self.context_lists],
            ..Evidence::default()
        };
        for hit in self.automaton.find_overlapping_iter(text) {
            for role in self.roles_of(hit.pattern().as_usize()) {
                match *role {
                    Role::Anchor { rule, phrase } => {
                        let checks = self.phrase_checks[phrase as usize];
                        let phrase = &self.phrases[phrase as usize];
                        if let Some((start, end)) = phrase.extend(text, hit.start(), hit.end()) {
                            if checks.standalone && touches_letters(original, norm, start, end) {
                                continue;
                            }
                            raw.push(Candidate {
                                rule,
                                start,
                                end,
                                mention: false,
                                enforced: false,
                                report_nearby: false,
                                weak: checks.context,
                            });
                        }
                    }
                    Role::Context { list } => {
                        evidence.context[list as usize].push((hit.start(), hit.end()))
                    }
                    Role::Unless { rule } => evidence.unless.push((rule, hit.start(), hit.end())),
                    Role::Ordinary { rule } => {
                        evidence.ordinary.push((rule, hit.start(), hit.end()))
                    }
                    Role::Allow => evidence.allow.push((hit.start(), hit.end())),
                }
            }
        }
        self.sound_candidates(text, &mut raw);
        raw.retain(|c| self.keeps(c, text, &evidence));
        if self.word_boundary {
            raw.retain(|c| !starts_inside_word(original, norm, c));
        }
        if let Some((list, window)) = self.mention {
            let hits = &evidence.context[list as usize];
            for c in &mut raw {
                c.mention = self.has_context(hits, text, c, window);
                c.report_nearby =
                    c.mention || self.has_context(hits, text, c, window * QUOTED_REPORT_REACH);
            }
        }
        if let Some((list, window)) = self.enforcement {
            let hits = &evidence.context[list as usize];
            for c in &mut raw {
                c.enforced = self.has_context(hits, text, c, window);
                c.mention |= c.enforced;
            }
        }
        raw
    }

    /// Adds the phrases written with homophones that the sound pass finds in `text` (normalised).
    fn sound_candidates(&self, text: &str, raw: &mut Vec<Candidate>) {
        let Some(index) = &self.sound else {
            return;
        };
        FOLDED.with(|folded| {
            let anchor_of = |p: u32| self.phrases[p as usize].anchor_text();
            index.find(
                text,
                &mut folded.borrow_mut(),
                anchor_of,
                |entry, start, end| {
                    let phrase = &self.phrases[entry.phrase as usize];
                    if let Some((start, end)) = phrase.extend(text, start, end) {
                        raw.push(Candidate {
                            rule: entry.rule,
                            start,
                            end,
                            mention: false,
                            enforced: false,
                            report_nearby: false,
                            weak: None,
                        });
                    }
                },
            );
        });
    }

    fn keeps(&self, c: &Candidate, text: &str, evidence: &Evidence) -> bool {
        let rule = &self.rules[c.rule as usize];
        if let Some((list, window)) = rule.context {
            let hits = &evidence.context[list as usize];
            if !self.has_context(hits, text, c, window) {
                return false;
            }
        }
        if let Some((list, window)) = c.weak {
            let hits = &evidence.context[list as usize];
            if !self.has_context(hits, text, c, window) {
                return false;
            }
        }
        if let Some(list) = rule.except_near {
            let hits = &evidence.context[list as usize];
            if self.has_context(hits, text, c, rule.window) {
                return false;
            }
        }
        let cancelled = within_reach(&evidence.unless, |u| u.2, c.start, self.longest_unless)
            .take_while(|u| u.2 < c.end + self.longest_unless)
            .any(|&(rule, start, end)| rule == c.rule && start < c.end && end > c.start);
        if cancelled {
            return false;
        }
        if self.reads_as_ordinary(c, text, evidence) {
            return false;
        }
        let allowed = within_reach(&evidence.allow, |a| a.1, c.end, 0)
            .take_while(|a| a.1 <= c.end + self.longest_allow)
            .any(|&(start, end)| start <= c.start && end >= c.end);
        !allowed
    }

    /// Whether an ordinary reading of the rule (`包过两天`, `确保过`) overlaps the candidate with no
    /// claim word (weak context or mention list) within the window outside the reading and the match.
    fn reads_as_ordinary(&self, c: &Candidate, text: &str, evidence: &Evidence) -> bool {
        let rule = &self.rules[c.rule as usize];
        within_reach(&evidence.ordinary, |o| o.2, c.start, self.longest_ordinary)
            .take_while(|o| o.2 < c.end + self.longest_ordinary)
            .filter(|&&(r, start, end)| r == c.rule && start < c.end && end > c.start)
            .any(|&(_, start, end)| {
                let (lo, hi) = (start.min(c.start), end.max(c.end));
                !self.claim_lists.iter().any(|&list| {
                    let hits = &evidence.context[list as usize];
                    self.has_context_in(hits, text, lo, hi, rule.window, true)
                })
            })
    }

    fn has_context(
        &self,
        hits: &[(usize, usize)],
        text: &str,
        c: &Candidate,
        window: usize,
    ) -> bool {
        self.has_context_in(hits, text, c.start, c.end, window, false)
    }

    /// Whether a context hit lies within `window` characters of `start..end`; with `outside`, hits
    /// that overlap `start..end` do not count.
    fn has_context_in(
        &self,
        hits: &[(usize, usize)],
        text: &str,
        c_start: usize,
        c_end: usize,
        window: usize,
        outside: bool,
    ) -> bool {
        // A character is at most 4 bytes, so byte distances bound the character gap from above.
        let reach = window * 4;
        within_reach(hits, |h| h.1, c_start.saturating_sub(reach), 0)
            .take_while(|h| h.1 <= c_end + reach + self.longest_context)
            .any(|&(start, end)| {
                let gap = if end <= c_start {
                    text[end..c_start].chars().count()
                } else if start >= c_end {
                    text[c_end..start].chars().count()
                } else if outside {
                    return false;
                } else {
                    0
                };
                gap <= window
            })
    }

    /// Resolves overlaps and maps the survivors back to character offsets of `original`.
    fn to_matches(
        &self,
        original: &str,
        norm: &Normalized,
        candidates: Vec<Candidate>,
    ) -> Vec<Match> {
        let mut picked = resolve_overlaps(&self.rules, candidates);
        picked.sort_by_key(|c| c.start);
        let mut matches = Vec::with_capacity(picked.len());
        let mut quoted = Vec::with_capacity(picked.len());
        let mut cursor = CharCursor::default();
        for c in picked {
            let (byte_start, mut byte_end) = norm.original_range(original, c.start, c.end);
            if ends_before_dropped_tone_number(original, byte_end, norm.as_str(), c.end) {
                byte_end += 1; // `bao4 guo4`, not `bao4 guo`
            }
            let start = cursor.advance(original, byte_start);
            let end = cursor.advance(original, byte_end);
            let rule = &self.rules[c.rule as usize];
            quoted.push((
                self.mention.is_some() && is_quoted(original, byte_start, byte_end),
                c.report_nearby,
            ));
            matches.push(Match {
                rule: rule.id.clone(),
                category: rule.category,
                severity: if c.enforced {
                    Severity::Low
                } else {
                    rule.severity
                },
                text: original[byte_start..byte_end].to_string(),
                start,
                end,
                mention: c.mention,
            });
        }
        // One quoted phrase may be an ad's emphasis; two or more read as a list of phrases reported on,
        // and so does one with a report word in the wider reach (反诈中心：…哪来的“原劳动部发证”).
        let list = quoted.iter().filter(|q| q.0).count() >= 2;
        for (m, (q, report_nearby)) in matches.iter_mut().zip(quoted) {
            m.mention |= q && (list || report_nearby);
        }
        for m in &mut matches {
            if m.mention {
                m.severity = m.severity.min(Severity::Medium);
            }
        }
        matches
    }
}

/// Whether `c` is two Chinese characters, written as just those two in `original` (a separator between
/// them is an evasion, not a word), that start inside a longer word ([`words`]).
fn starts_inside_word(original: &str, norm: &Normalized, c: &Candidate) -> bool {
    let text = norm.as_str();
    if !words::is_two_han(text, c.start, c.end) {
        return false;
    }
    let (from, to) = norm.original_range(original, c.start, c.end);
    words::is_two_han(original, from, to) && words::starts_inside_word(text, c.start, c.end)
}

/// Items of `sorted` (sorted by `key`) from the first whose key is at least `from - slack`.
fn within_reach<T, K: Fn(&T) -> usize>(
    sorted: &[T],
    key: K,
    from: usize,
    slack: usize,
) -> std::slice::Iter<'_, T> {
    let first = sorted.partition_point(|item| key(item) < from.saturating_sub(slack));
    sorted[first..].iter()
}

/// Whether the original span ending at `byte_end` is followed by a tone number that normalisation
/// dropped (`guo4`): a digit 1–5 right after a Latin letter, which is not the next normalised byte.
fn ends_before_dropped_tone_number(
    original: &str,
    byte_end: usize,
    normalized: &str,
    norm_end: usize,
) -> bool {
    let bytes = original.as_bytes();
    let Some(&digit) = bytes.get(byte_end) else {
        return false;
    };
    (b'1'..=b'5').contains(&digit)
        && bytes[byte_end - 1].is_ascii_alphabetic()
        && normalized.as_bytes().get(norm_end) != Some(&digit)
}

/// Whether an ASCII letter touches the normalised span `start..end` on either side. Letters that
/// normalisation brought together across dropped punctuation (`tikao！BIM`) do not touch; letters
/// across dropped whitespace do (`zhu ti kao shi` is one run of pinyin, not the word `tikao`).
fn touches_letters(original: &str, norm: &Normalized, start: usize, end: usize) -> bool {
    let bytes = norm.as_str().as_bytes();
    let letter_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphabetic);
    let joined = |left: usize, right: usize| {
        let (_, left_end) = norm.original_range(original, left, left + 1);
        let (right_start, _) = norm.original_range(original, right, right + 1);
        original
            .get(left_end..right_start)
            .is_none_or(|between| between.chars().all(char::is_whitespace))
    };
    (start > 0 && letter_at(start - 1) && joined(start - 1, start))
        || (letter_at(end) && joined(end - 1, end))
}

/// Opening and closing quotation marks that set a phrase apart as mentioned (not 【】, which ads use for
/// emphasis, nor 《》, which name documents).
const QUOTES: &[(char, char)] = &[
    ('“', '”'),
    ('「', '」'),
    ('『', '』'),
    ('"', '"'),
    ('‘', '’'),
    ('\'', '\''),
];
/// How many context windows a report word may lie from a quoted match and still make it a mention.
/// A report names the phrase it quotes later in the sentence than an ad's nearby context word
/// (反诈中心：原劳动部早在1998年就已改组，如今哪来的“原劳动部发证”), and an ad seldom both quotes its own
/// promise and carries a warning word.
const QUOTED_REPORT_REACH: usize = 3;

/// How far (in characters) from the match the quotation marks may be: `“考证包过”` quotes 包过.
const QUOTE_REACH: usize = 8;

/// Whether `original[start..end]` lies inside a pair of quotation marks on the same line.
fn is_quoted(original: &str, start: usize, end: usize) -> bool {
    let stops = |c: char| matches!(c, '\n' | '。' | '！' | '？' | '；');
    let opening = original[..start]
        .chars()
        .rev()
        .take(QUOTE_REACH)
        .take_while(|&c| !stops(c))
        .find(|&c| QUOTES.iter().any(|&(o, q)| c == o || c == q));
    let Some(open) = opening else {
        return false;
    };
    let Some(&(_, close)) = QUOTES.iter().find(|&&(o, _)| o == open) else {
        return false;
    };
    original[end..]
        .chars()
        .take(QUOTE_REACH)
        .take_while(|&c| !stops(c))
        .any(|c| c == close)
}

/// Greedy overlap resolution: higher severity, then leftmost, then longest, then rule order.
fn resolve_overlaps(rules: &[CompiledRule], mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.sort_by(|a, b| {
        // A mention counts at most medium, here as in the verdict.
        let severity = |c: &Candidate| {
            let s = rules[c.rule as usize].severity;
            if c.enforced {
                Severity::Low
            } else if c.mention {
                s.min(Severity::Medium)
            } else {
                s
            }
        };
        severity(b)
            .cmp(&severity(a))
            .then(a.start.cmp(&b.start))
            .then((b.end - b.start).cmp(&(a.end - a.start)))
            .then(a.rule.cmp(&b.rule))
    });
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut picked = Vec::new();
    for c in candidates {
        let overlaps = taken
            .range(..c.end)
            .next_back()
            .is_some_and(|(_, &end)| end > c.start);
        if !overlaps {
            taken.insert(c.start, c.end);
            picked.push(c);
        }
    }
    picked
}

/// Converts increasing byte offsets into character offsets in one forward sweep.
#[derive(Default)]
struct CharCursor {
    byte: usize,
    chars: usize,
}

impl CharCursor {
    fn advance(&mut self, text: &str, byte: usize) -> usize {
        debug_assert!(byte >= self.byte);
        self.chars += text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

/// Turns a [`RuleSet`] into the automaton and lookup tables of a [`Matcher`].
#[derive(Default)]
struct Compiler {
    patterns: Vec<String>,
    pattern_ids: std::collections::HashMap<String, usize>,
    pattern_roles: Vec<Vec<Role>>,
}

impl Compiler {
    fn add(&mut self, normalized: String, role: Role) -> usize {
        let id = *self
            .pattern_ids
            .entry(normalized.clone())
            .or_insert_with(|| {
                self.patterns.push(normalized);
                self.pattern_roles.push(Vec::new());
                self.patterns.len() - 1
            });
        self.pattern_roles[id].push(role);
        self.patterns[id].len()
    }

    fn compile(mut self, set: RuleSet, chunk: ChunkOptions) -> Result<Matcher, TermsError> {
        let list_names: Vec<&String> = set.contexts.keys().collect();
        let mut longest_context = 0;
        for (list, name) in list_names.iter().enumerate() {
            for word in &set.contexts[*name].words {
                let word = normalize::normalize_str(word);
                if !word.is_empty() {
                    longest_context =
                        longest_context.max(self.add(word, Role::Context { list: list as u32 }));
                }
            }
        }
        let mut longest_allow = 0;
        for phrase in &set.allow {
            let phrase = normalize::normalize_str(phrase);
            if !phrase.is_empty() {
                longest_allow = longest_allow.max(self.add(phrase, Role::Allow));
            }
        }
        let mut rules = Vec::new();
        let mut phrases = Vec::new();
        let mut longest_unless = 0;
        let mut longest_ordinary = 0;
        let mention = match set.mention.as_deref() {
            None => None,
            Some(name) => Some((list_index(&list_names, name, "mention")?, set.window)),
        };
        let enforcement = match set.enforcement.as_deref() {
            None => None,
            Some(name) => Some((list_index(&list_names, name, "enforcement")?, set.window)),
        };
        let weak_context = match set.weak_context.as_deref() {
            None => None,
            Some(name) => Some((list_index(&list_names, name, "weak_context")?, set.window)),
        };
        let mut phrase_checks = Vec::new();
        let mut sound_index = sound::SoundIndexBuilder::default();
        for spec in set.rules.iter().filter(|r| r.enabled != Some(false)) {
            let rule = rules.len() as u32;
            let compiled = compile_rule(spec, &list_names, set.window)?;
            let severity = compiled.severity;
            rules.push(compiled);
            let mut seen = std::collections::HashSet::new();
            // The rule's own phrases first: a generated spelling that equals one of them (保过 from
            // 包过 with any tone) must not take its place, and with it a weak spelling's context.
            // A phrase from slots gets fewer spellings (`variants::rule_spellings`).
            let sources = set.sourced_phrases_of(spec)?;
            let spellings = sources
                .iter()
                .map(|(source, _)| (source.clone(), false, true))
                .chain(sources.iter().flat_map(|(source, from_slots)| {
                    variants::rule_spellings(source, *from_slots, severity, &set.forms)
                        .into_iter()
                        .map(|s| (s.text, s.weak, false))
                }));
            for (spelling, weak, is_source) in spellings {
                // Weak spellings need their context list; without one they are left out.
                let context = match (weak, weak_context) {
                    (false, _) => None,
                    (true, None) => continue,
                    (true, Some(context)) => Some(context),
                };
                let phrase = Phrase::parse(&spelling, &spec.id)?;
                // Two spellings that normalise alike (or a variant equal to another phrase of the
                // rule) would only report the same match twice.
                if !seen.insert(phrase.clone()) {
                    continue;
                }
                let anchor = phrase.anchor_text().to_string();
                if is_source && variants::found_by_sound(&anchor, severity, &set.forms) {
                    let entry = sound::SoundEntry {
                        rule,
                        phrase: phrases.len() as u32,
                    };
                    sound_index.add(&anchor, entry);
                }
                phrase_checks.push(PhraseChecks {
                    context,
                    standalone: phrase.is_latin(),
                });
                phrases.push(phrase);
                let role = Role::Anchor {
                    rule,
                    phrase: (phrases.len() - 1) as u32,
                };
                self.add(anchor, role);
            }
            for source in spec.unless.iter().flatten() {
                let unless = normalize::normalize_str(source);
                if !unless.is_empty() {
                    longest_unless = longest_unless.max(self.add(unless, Role::Unless { rule }));
                }
            }
            for source in spec.ordinary.iter().flatten() {
                let reading = normalize::normalize_str(source);
                if !reading.is_empty() {
                    longest_ordinary =
                        longest_ordinary.max(self.add(reading, Role::Ordinary { rule }));
                }
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&self.patterns)
            .map_err(|e| TermsError::InvalidRule {
                id: String::new(),
                reason: format!("cannot build the automaton: {e}"),
            })?;
        let sound = sound_index.build().map_err(|e| TermsError::InvalidRule {
            id: String::new(),
            reason: format!("cannot build the sound automaton: {e}"),
        })?;
        let mut role_start = vec![0u32];
        let mut roles = Vec::new();
        for list in self.pattern_roles {
            roles.extend(list);
            role_start.push(roles.len() as u32);
        }
        Ok(Matcher {
            automaton,
            role_start,
            roles,
            rules,
            phrases,
            phrase_checks,
            context_lists: list_names.len(),
            longest_context,
            longest_unless,
            longest_ordinary,
            longest_allow,
            claim_lists: weak_context
                .iter()
                .chain(mention.iter())
                .map(|&(list, _)| list)
                .collect(),
            mention,
            enforcement,
            word_boundary: set.word_boundary,
            sound,
            chunk: chunk.sanitized(),
        })
    }
}

fn compile_rule(
    spec: &RuleSpec,
    lists: &[&String],
    window: usize,
) -> Result<CompiledRule, TermsError> {
    let invalid = |reason: String| TermsError::InvalidRule {
        id: spec.id.clone(),
        reason,
    };
    let window = spec.window.unwrap_or(window);
    let context = match spec.context.as_deref() {
        None | Some("") => None,
        Some(name) => Some((list_index(lists, name, &spec.id)?, window)),
    };
    let except_near = match spec.except_near.as_deref() {
        None | Some("") => None,
        Some(name) => Some(list_index(lists, name, &spec.id)?),
    };
    Ok(CompiledRule {
        id: spec.id.clone(),
        category: spec.category.ok_or_else(|| invalid("no category".into()))?,
        severity: spec.severity.ok_or_else(|| invalid("no severity".into()))?,
        context,
        except_near,
        window,
    })
}

/// Index of the context list `name`; `id` names the rule (or setting) in the error.
fn list_index(lists: &[&String], name: &str, id: &str) -> Result<u32, TermsError> {
    lists
        .iter()
        .position(|l| l.as_str() == name)
        .map(|i| i as u32)
        .ok_or_else(|| TermsError::InvalidRule {
            id: id.to_string(),
            reason: format!("unknown context list {name:?}"),
        })
}

#[cfg(test)]
mod tests;
