//! Rule sets: the TOML rule file format, the embedded default lexicon and merging of user rule files.
//!
//! A rule file has three parts, all optional:
//!
//! ```toml
//! window = 20                       # default context window, in normalised characters
//! mention = "report"                # optional: context list whose words mark a match as a mention
//! weak_context = "weak"             # optional: context list that weak spellings (homophones of
//!                                   # two-character phrases) need within `window`
//! enforcement = "enforcement"       # optional: context list whose words (获刑, 严防, 不接受 …) make
//!                                   # a match a mention that counts `low`: the act is punished or
//!                                   # refused, not offered
//! word_boundary = true              # a two-character match that starts inside a longer word
//!                                   # (交代|考场, 面包|过期: Chinese word segmentation) is dropped
//!
//! [forms]                           # generated spellings of every phrase (see `terms::variants`)
//! pinyin = true                     # bao过, 代kao, baoguo, 包g过, 不过b退
//! homophones = "any_tone_long"      # off, same_tone, any_tone_long, any_tone (high severity only)
//! splits = true                     # 挂訁正, 扌圭证 (components of a few key characters)
//!
//! [context.certificate]             # a named list of context words
//! words = ["证书", "培训", "考试"]
//!
//! [slots]                           # named alternatives a phrase writes as {name} (lower case)
//! fail = ["不过", "没过", "考不过"]
//! refund = ["退款", "全额返还"]       # "{fail}{refund}" stands for all nine phrases
//!
//! [allow]                           # phrases never flagged: a match inside one is dropped
//! phrases = ["全国计算机等级考试"]
//!
//! [[rule]]
//! id = "promise.guaranteed_pass"    # unique; a later file with the same id overrides fields
//! category = "false_promise"        # state_name, qualification, false_promise, ministry_claim,
//!                                   # emblem_mention, other
//! severity = "high"                 # low, medium, high
//! phrases = ["包过", "{N}天拿证"]    # {N}: a number in any form; {H}: one Chinese character;
//!                                   # {name}: each alternative of slot `name`
//! context = "certificate"           # optional: only counts with a context word within `window`
//! window = 20                       # optional: per-rule window
//! unless = ["红包"]                 # optional: dropped when one of these overlaps the match
//! ordinary = ["包过两天", "确保过"]  # optional: ordinary readings; one overlapping the match drops
//!                                   # it unless a word of the `weak_context` or `mention` list lies
//!                                   # within `window` outside the reading and the match
//! except_near = "official"          # optional: dropped with a word of this list within `window`
//! enabled = true                    # optional: `false` disables the rule
//! ```
//!
//! Later files are merged over earlier ones: a rule with a known `id` only changes the fields it
//! gives (so `id` + `enabled = false` disables a rule); a new `id` must give `category`, `severity`
//! and `phrases`. Context lists and slots are replaced by name, allow-list phrases are appended,
//! `[forms]` fields and `mention` replace the earlier value.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::TermsError;

/// The embedded default lexicon (also readable in the repository as `src/terms/default_rules.toml`).
pub const DEFAULT_RULES_TOML: &str = include_str!("default_rules.toml");

/// Default context window, in normalised characters, when neither the file nor the rule sets one.
pub const DEFAULT_WINDOW: usize = 20;

/// Most phrases one phrase source may stand for through its slots: each phrase brings its generated
/// spellings (dozens to hundreds) into the automaton, which grows the start-up time and memory.
pub const MAX_SLOT_EXPANSIONS: usize = 256;

/// What kind of claim a rule detects. Serialised in snake_case (`state_name`, `false_promise`, ...).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// State names used to look official (中国, 国家, 全国, 中华, 中华人民共和国).
    StateName,
    /// Words reserved for state qualifications (职业资格, 职业技能等级, ...).
    Qualification,
    /// Hype and false promises (包过, N天拿证, 挂证, ...).
    FalsePromise,
    /// Claims that a ministry issues or backs the certificate (人社部颁发, 原人事部, ...).
    MinistryClaim,
    /// Mentions of the national emblem (国徽).
    EmblemMention,
    /// Anything else a user rule file defines.
    Other,
}

/// How strong a rule's evidence is. Serialised in lowercase. See [`super::Verdict::from_matches`].
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Weak signal: two different low rules together make a `review`.
    Low,
    /// Enough on its own for `review`.
    Medium,
    /// Enough on its own for `block`.
    High,
}

impl Category {
    /// The category's name as serialised: `state_name`, `false_promise` ...
    pub const fn as_str(self) -> &'static str {
        match self {
            Category::StateName => "state_name",
            Category::Qualification => "qualification",
            Category::FalsePromise => "false_promise",
            Category::MinistryClaim => "ministry_claim",
            Category::EmblemMention => "emblem_mention",
            Category::Other => "other",
        }
    }
}

impl std::fmt::Display for Category {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Severity {
    /// The severity's name as serialised: `low`, `medium` or `high`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One rule as written in a rule file; fields left out keep their earlier value when merging.
#[derive(Deserialize, Serialize, Clone, Debug, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// Unique identifier, e.g. `promise.guaranteed_pass`.
    pub id: String,
    /// What the rule detects.
    pub category: Option<Category>,
    /// How strong the evidence is.
    pub severity: Option<Severity>,
    /// Phrases; `{N}` stands for a number (any numeral form), `{H}` for one Chinese character.
    pub phrases: Option<Vec<String>>,
    /// Name of a context list: the rule only counts with one of its words nearby. `""` removes it.
    pub context: Option<String>,
    /// Context window in normalised characters (gap between the match and the context word).
    pub window: Option<usize>,
    /// Phrases that cancel a match when an occurrence of them overlaps it (e.g. 红包 for 包过).
    pub unless: Option<Vec<String>>,
    /// Ordinary readings of a short, ambiguous phrase (`包过两天`, `确保过`, `替考生`): an occurrence
    /// overlapping a match drops it, unless a word of the rule set's `weak_context` or `mention` list
    /// (a certificate, exam or report word) lies within the window outside the reading and the match.
    /// A phrase may list itself (`保过`): it then counts only with such a word nearby.
    pub ordinary: Option<Vec<String>>,
    /// Name of a context list that cancels the rule: a match with a word of this list within the
    /// window is dropped (the ministry's own site, a query portal, an official notice). `""` removes it.
    pub except_near: Option<String>,
    /// `false` disables the rule.
    pub enabled: Option<bool>,
    /// Free text for people reading the file.
    pub description: Option<String>,
}

/// A named list of context words.
#[derive(Deserialize, Serialize, Clone, Debug, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ContextSpec {
    /// The words (normalised like everything else).
    pub words: Vec<String>,
}

/// The allow-list section of a rule file.
#[derive(Deserialize, Serialize, Clone, Debug, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AllowSpec {
    /// Phrases never flagged: a match that lies inside an occurrence of one of them is dropped.
    #[serde(default)]
    pub phrases: Vec<String>,
}

/// Which generated spellings of the rule phrases the matcher adds (see [`super::variants`]).
#[derive(Deserialize, Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Forms {
    /// Pinyin spellings: whole phrase (`baoguo`), one or more characters (`bao过`, `代kao`), and pinyin
    /// initials where the rest of the phrase stays specific (`包g过`, `不过b退`).
    pub pinyin: bool,
    /// Homophones of the characters of high-severity phrases (`带考`, `挂正`, `保拿证`).
    pub homophones: Homophones,
    /// Characters written as their two components (`訁正` for 证, `扌圭` for 挂).
    pub splits: bool,
}

impl Default for Forms {
    fn default() -> Self {
        Forms {
            pinyin: true,
            homophones: Homophones::AnyToneLong,
            splits: true,
        }
    }
}

/// Which characters count as homophones of a phrase character.
#[derive(Deserialize, Serialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum Homophones {
    /// No homophone spellings.
    Off,
    /// Characters of GB 2312 with the same syllable and the same tone, one at a time, in phrases of
    /// up to six characters (listed; no sound pass).
    SameTone,
    /// The same syllable with any tone in phrases of three or more characters (found by sound, up to
    /// one character in three), the same tone in two-character phrases (the default).
    #[default]
    AnyToneLong,
    /// The same syllable, any tone, in every phrase (many more false flags: 报过, 抱过 ...).
    AnyTone,
}

/// The `[forms]` section of a rule file: fields left out keep their earlier value.
#[derive(Deserialize, Serialize, Clone, Copy, Debug, Default, PartialEq)]
#[serde(deny_unknown_fields)]
struct FormsSpec {
    pinyin: Option<bool>,
    homophones: Option<Homophones>,
    splits: Option<bool>,
}

/// The parsed form of one rule file.
#[derive(Deserialize, Serialize, Clone, Debug, Default, PartialEq)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    window: Option<usize>,
    mention: Option<String>,
    weak_context: Option<String>,
    enforcement: Option<String>,
    word_boundary: Option<bool>,
    forms: Option<FormsSpec>,
    #[serde(default)]
    context: BTreeMap<String, ContextSpec>,
    #[serde(default)]
    allow: AllowSpec,
    #[serde(default)]
    slots: BTreeMap<String, Vec<String>>,
    #[serde(default, rename = "rule")]
    rules: Vec<RuleSpec>,
}

/// A complete, merged set of rules, context lists and allow-list phrases.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RuleSet {
    /// Default context window in normalised characters.
    pub window: usize,
    /// Rules in file order (later files append new ids at the end).
    pub rules: Vec<RuleSpec>,
    /// Context lists by name.
    pub contexts: BTreeMap<String, ContextSpec>,
    /// Allow-list phrases.
    pub allow: Vec<String>,
    /// Slots by name: the alternatives a phrase writes as `{name}` (see [`RuleSet::expand`]).
    pub slots: BTreeMap<String, Vec<String>>,
    /// Name of the context list whose words near a match mark it as a *mention* (a report or warning
    /// about the phrase rather than an ad using it): such a match counts at most `medium`.
    pub mention: Option<String>,
    /// Name of the context list that *weak* generated spellings need within the window (a homophone
    /// in a two-character phrase: 宝过, 挂正). Without one, weak spellings are not generated at all.
    pub weak_context: Option<String>,
    /// Name of the context list whose words near a match (严防, 获刑, 开除, 不接受) say the act is
    /// punished or refused: such a match is a mention and counts `low`.
    pub enforcement: Option<String>,
    /// Drop a match of two Chinese characters, written as just those two, that starts inside a
    /// longer word: the character before it and its first character form a word of the segmenter's
    /// dictionary (交代|考场 is no 代考, 面包|过期 no 包过). See `terms::words`.
    pub word_boundary: bool,
    /// Generated spellings of the phrases.
    pub forms: Forms,
}

impl RuleSet {
    /// An empty rule set (no rules, no allow-list) with the default window.
    pub fn empty() -> Self {
        RuleSet {
            window: DEFAULT_WINDOW,
            ..Default::default()
        }
    }

    /// The embedded default lexicon.
    pub fn default_rules() -> Self {
        let mut set = RuleSet::empty();
        set.merge_toml(DEFAULT_RULES_TOML, "default rules")
            .expect("the embedded default rules are valid");
        set
    }

    /// Parses `toml` (named `origin` in errors) and merges it over this set.
    pub fn merge_toml(&mut self, toml: &str, origin: &str) -> Result<(), TermsError> {
        let file: RuleFile = toml::from_str(toml).map_err(|e| TermsError::RuleFile {
            origin: origin.to_string(),
            reason: e.to_string(),
        })?;
        self.merge_file(file, origin)
    }

    /// Reads the rule file at `path` and merges it over this set.
    pub fn merge_path(&mut self, path: &Path) -> Result<(), TermsError> {
        let toml = std::fs::read_to_string(path).map_err(|source| TermsError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        self.merge_toml(&toml, &path.display().to_string())
    }

    fn merge_file(&mut self, file: RuleFile, origin: &str) -> Result<(), TermsError> {
        if let Some(window) = file.window {
            self.window = window;
        }
        if let Some(mention) = file.mention {
            self.mention = Some(mention).filter(|m| !m.is_empty());
        }
        if let Some(weak) = file.weak_context {
            self.weak_context = Some(weak).filter(|m| !m.is_empty());
        }
        if let Some(enforcement) = file.enforcement {
            self.enforcement = Some(enforcement).filter(|m| !m.is_empty());
        }
        if let Some(on) = file.word_boundary {
            self.word_boundary = on;
        }
        if let Some(forms) = file.forms {
            self.forms.pinyin = forms.pinyin.unwrap_or(self.forms.pinyin);
            self.forms.homophones = forms.homophones.unwrap_or(self.forms.homophones);
            self.forms.splits = forms.splits.unwrap_or(self.forms.splits);
        }
        self.contexts.extend(file.context);
        self.allow.extend(file.allow.phrases);
        self.slots.extend(file.slots);
        for spec in file.rules {
            self.merge_rule(spec, origin)?;
        }
        Ok(())
    }

    /// The phrases `source` stands for: every combination of the alternatives of its `{name}` slots,
    /// in the order the slots list them (`{N}` and `{H}` are kept for the matcher). A phrase without
    /// slots is itself. `rule` names the rule in errors: an unknown or empty slot, or more than
    /// [`MAX_SLOT_EXPANSIONS`] phrases from one source.
    pub fn expand(&self, source: &str, rule: &str) -> Result<Vec<String>, TermsError> {
        let invalid = |reason: String| TermsError::InvalidRule {
            id: rule.to_string(),
            reason,
        };
        let mut out = vec![String::new()];
        let mut rest = source;
        while let Some(open) = rest.find('{') {
            let Some(len) = rest[open..].find('}') else {
                break;
            };
            let name = &rest[open + 1..open + len];
            let is_slot = !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            let literal = &rest[..if is_slot { open } else { open + len + 1 }];
            out.iter_mut().for_each(|p| p.push_str(literal));
            rest = &rest[open + len + 1..];
            if !is_slot {
                continue;
            }
            let alternatives = match self.slots.get(name) {
                Some(a) if !a.is_empty() => a,
                Some(_) => return Err(invalid(format!("slot `{name}` is empty"))),
                None => return Err(invalid(format!("unknown slot `{{{name}}}` in {source:?}"))),
            };
            if out.len() * alternatives.len() > MAX_SLOT_EXPANSIONS {
                return Err(invalid(format!(
                    "{source:?} stands for more than {MAX_SLOT_EXPANSIONS} phrases"
                )));
            }
            out = out
                .iter()
                .flat_map(|p| alternatives.iter().map(move |a| format!("{p}{a}")))
                .collect();
        }
        out.iter_mut().for_each(|p| p.push_str(rest));
        Ok(out)
    }

    /// Every phrase of `spec` with its slots expanded ([`RuleSet::expand`]), in order.
    pub fn phrases_of(&self, spec: &RuleSpec) -> Result<Vec<String>, TermsError> {
        Ok(self
            .sourced_phrases_of(spec)?
            .into_iter()
            .map(|(p, _)| p)
            .collect())
    }

    /// [`RuleSet::phrases_of`], each phrase with whether slots made it (such phrases get fewer
    /// generated spellings: `terms::variants::rule_spellings`).
    pub fn sourced_phrases_of(&self, spec: &RuleSpec) -> Result<Vec<(String, bool)>, TermsError> {
        let mut all = Vec::new();
        for source in spec.phrases.iter().flatten() {
            let phrases = self.expand(source, &spec.id)?;
            let from_slots = phrases.len() > 1 || phrases[0] != *source;
            all.extend(phrases.into_iter().map(|p| (p, from_slots)));
        }
        Ok(all)
    }

    fn merge_rule(&mut self, spec: RuleSpec, origin: &str) -> Result<(), TermsError> {
        if let Some(existing) = self.rules.iter_mut().find(|r| r.id == spec.id) {
            let RuleSpec {
                id: _,
                category,
                severity,
                phrases,
                context,
                window,
                unless,
                ordinary,
                except_near,
                enabled,
                description,
            } = spec;
            existing.category = category.or(existing.category);
            existing.severity = severity.or(existing.severity);
            existing.phrases = phrases.or(existing.phrases.take());
            existing.context = context.or(existing.context.take());
            existing.window = window.or(existing.window);
            existing.unless = unless.or(existing.unless.take());
            existing.ordinary = ordinary.or(existing.ordinary.take());
            existing.except_near = except_near.or(existing.except_near.take());
            existing.enabled = enabled.or(existing.enabled);
            existing.description = description.or(existing.description.take());
            return Ok(());
        }
        let missing = [
            ("category", spec.category.is_none()),
            ("severity", spec.severity.is_none()),
            ("phrases", spec.phrases.as_ref().is_none_or(Vec::is_empty)),
        ];
        if let Some((field, _)) = missing.iter().find(|(_, m)| *m) {
            return Err(TermsError::InvalidRule {
                id: spec.id,
                reason: format!("new rule in {origin} must set `{field}`"),
            });
        }
        if spec.id.is_empty() {
            return Err(TermsError::InvalidRule {
                id: spec.id,
                reason: format!("empty id in {origin}"),
            });
        }
        self.rules.push(spec);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_rules_parse_and_have_unique_ids() {
        let set = RuleSet::default_rules();
        assert!(set.rules.len() > 10);
        let mut ids: Vec<_> = set.rules.iter().map(|r| r.id.as_str()).collect();
        ids.sort();
        let before = ids.len();
        ids.dedup();
        assert_eq!(before, ids.len(), "duplicate rule ids");
    }

    #[test]
    fn override_changes_only_given_fields() {
        let mut set = RuleSet::default_rules();
        set.merge_toml(
            "[[rule]]\nid = \"promise.crash_course\"\nseverity = \"high\"\n",
            "test",
        )
        .unwrap();
        let rule = set
            .rules
            .iter()
            .find(|r| r.id == "promise.crash_course")
            .unwrap();
        assert_eq!(rule.severity, Some(Severity::High));
        assert!(rule.phrases.as_ref().unwrap().contains(&"速成".to_string()));
    }

    #[test]
    fn new_rule_needs_phrases() {
        let mut set = RuleSet::empty();
        let err = set
            .merge_toml(
                "[[rule]]\nid = \"x\"\ncategory = \"other\"\nseverity = \"low\"\n",
                "t",
            )
            .unwrap_err();
        assert!(err.to_string().contains("phrases"), "{err}");
    }

    #[test]
    fn slots_expand_to_every_combination_in_order() {
        let mut set = RuleSet::empty();
        set.merge_toml(
            "[slots]\nfail = [\"不过\", \"没过\"]\nrefund = [\"退款\", \"包退\"]\n",
            "t",
        )
        .unwrap();
        assert_eq!(
            set.expand("考{fail}{refund}！", "r").unwrap(),
            [
                "考不过退款！",
                "考不过包退！",
                "考没过退款！",
                "考没过包退！"
            ]
        );
        // Built-in placeholders and plain text are kept as they are.
        assert_eq!(
            set.expand("{N}天{fail}", "r").unwrap(),
            ["{N}天不过", "{N}天没过"]
        );
        assert_eq!(set.expand("包过", "r").unwrap(), ["包过"]);
        let err = set.expand("{nope}退", "r").unwrap_err().to_string();
        assert!(
            err.contains("unknown slot") && err.contains("nope"),
            "{err}"
        );
        set.slots
            .insert("many".into(), (0..17).map(|i| i.to_string()).collect());
        let err = set.expand("{many}{many}", "r").unwrap_err().to_string();
        assert!(err.contains("more than"), "{err}");
    }

    #[test]
    fn unknown_field_is_an_error() {
        let mut set = RuleSet::empty();
        assert!(
            set.merge_toml("[[rule]]\nid = \"x\"\nphrase = [\"a\"]\n", "t")
                .is_err()
        );
    }
}
