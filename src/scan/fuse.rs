//! Fusing term matches and visual scores into one verdict with reasons a reviewer can check.
//!
//! The text stage gives a verdict of its own ([`Verdict::from_matches`]); each rule below can
//! raise it. The final verdict is the strongest of all that fired, and every rule that fired adds
//! a reason. The verdict each rule gives is configurable ([`FusionRules`], `[fusion]` in
//! `--config`); the defaults are:
//!
//! | rule | fires when | default |
//! |---|---|---|
//! | `emblem_with_terms` | national emblem detected and any term matched | block |
//! | `emblem_alone` | national emblem detected, no term matched | review |
//! | `certificate_with_terms` | certificate layout and qualification, state-name or ministry words | block |
//! | `certificate_with_emblem` | certificate layout carrying the national emblem | review |
//! | `seal_with_terms` | official seal and false promises or ministry claims | review |
//! | `official_document` | the fixed fields of a licence or permit, and no false promise or qualification claim | pass |
//!
//! "Promotional" terms are false promises (hype included), qualification claims and ministry
//! claims; state names alone (中国 inside a company's name on a real honour certificate) no longer
//! make the emblem or a certificate a `block`, they leave it at `review`. `official_document`
//! decides alone when it fires: a business licence or permit (known by at least
//! [`DOCUMENT_MIN_FIELDS`] of [`DOCUMENT_FIELDS`]) carries the emblem, seals and ministry names by
//! law, so without promises or qualification claims none of them is evidence of an ad.

use serde::{Deserialize, Serialize};

use super::result::LineMatch;
use crate::terms::{Category, Verdict};
use crate::vision::{Label, LabelScore, VisualScores};

/// The verdict each fusion rule gives when it fires; `pass` switches a rule off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FusionRules {
    /// National emblem together with any matched term: an ad leaning on the state symbol.
    pub emblem_with_terms: Verdict,
    /// National emblem alone: a state symbol whose use a person should check.
    pub emblem_alone: Verdict,
    /// Certificate layout with qualification, state-name or ministry words: a certificate dressed
    /// up as state-issued.
    pub certificate_with_terms: Verdict,
    /// Certificate layout carrying the national emblem.
    pub certificate_with_emblem: Verdict,
    /// Official seal with false promises or ministry claims.
    pub seal_with_terms: Verdict,
    /// A licence or permit page (its fixed fields) without false promises or qualification
    /// claims: this verdict replaces every other rule's.
    pub official_document: Verdict,
}

impl Default for FusionRules {
    fn default() -> Self {
        FusionRules {
            emblem_with_terms: Verdict::Block,
            emblem_alone: Verdict::Review,
            certificate_with_terms: Verdict::Block,
            certificate_with_emblem: Verdict::Review,
            seal_with_terms: Verdict::Review,
            official_document: Verdict::Pass,
        }
    }
}

/// Fixed fields that licences and permits print (business licence, food, transport and other
/// permits) and that ads and training certificates do not.
pub const DOCUMENT_FIELDS: [&str; 13] = [
    "统一社会信用代码",
    "登记机关",
    "许可证编号",
    "发证机关",
    "法定代表人",
    "经营范围",
    "注册资本",
    "营业期限",
    "成立日期",
    "注册号",
    "经营场所",
    "主体业态",
    "日常监督管理机构",
];

/// How many different [`DOCUMENT_FIELDS`] make a page a licence or permit: one alone also turns
/// up in ads ("注册资本100万").
pub const DOCUMENT_MIN_FIELDS: usize = 2;

/// The [`DOCUMENT_FIELDS`] found in the OCR lines (spaces ignored), in table order.
pub fn document_fields<'a>(lines: impl IntoIterator<Item = &'a str>) -> Vec<&'static str> {
    let text: String = lines
        .into_iter()
        .flat_map(|line| line.chars().filter(|c| !c.is_whitespace()))
        .collect();
    DOCUMENT_FIELDS
        .into_iter()
        .filter(|field| text.contains(field))
        .collect()
}

/// Categories that make a page an advertisement rather than a document.
const PROMOTIONAL: [Category; 3] = [
    Category::FalsePromise,
    Category::Qualification,
    Category::MinistryClaim,
];

/// How many distinct matched phrases a reason quotes before it stops listing.
const QUOTED_TERMS: usize = 6;

/// The fusion rules by name: the keys of `[fusion]`, and `text` for the term matcher's own
/// verdict ([`Verdict::from_matches`], not configurable).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleName {
    /// `[fusion] emblem_with_terms`.
    EmblemWithTerms,
    /// `[fusion] emblem_alone`.
    EmblemAlone,
    /// `[fusion] certificate_with_terms`.
    CertificateWithTerms,
    /// `[fusion] certificate_with_emblem`.
    CertificateWithEmblem,
    /// `[fusion] seal_with_terms`.
    SealWithTerms,
    /// `[fusion] official_document`.
    OfficialDocument,
    /// The term matcher's own verdict on the OCR text.
    Text,
}

impl RuleName {
    /// The name as serialised (the `[fusion]` key, or `text`).
    pub const fn as_str(self) -> &'static str {
        match self {
            RuleName::EmblemWithTerms => "emblem_with_terms",
            RuleName::EmblemAlone => "emblem_alone",
            RuleName::CertificateWithTerms => "certificate_with_terms",
            RuleName::CertificateWithEmblem => "certificate_with_emblem",
            RuleName::SealWithTerms => "seal_with_terms",
            RuleName::OfficialDocument => "official_document",
            RuleName::Text => "text",
        }
    }
}

impl std::fmt::Display for RuleName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One fusion rule that fired, as data: the `"fired"` array of a result. `reasons` says the
/// same in words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FiredRule {
    /// Which rule.
    pub rule: RuleName,
    /// The verdict it gave (its `[fusion]` setting).
    pub verdict: Verdict,
    /// The visual labels it rested on (detected).
    pub labels: Vec<Label>,
    /// The lexicon rule ids of the term matches it rested on, each once, in order of appearance.
    pub terms: Vec<String>,
}

/// The outcome of [`fuse`].
#[derive(Debug, Clone, PartialEq)]
pub struct Fusion {
    /// The strongest verdict of the rules that fired (`pass` when none did).
    pub verdict: Verdict,
    /// Words for people, one per rule that fired, strongest first.
    pub reasons: Vec<String>,
    /// The rules that fired, strongest first, in the same order as `reasons`.
    pub fired: Vec<FiredRule>,
}

/// A rule that fired, with its reason, while fusing.
struct Firing {
    rule: FiredRule,
    reason: String,
}

impl Firing {
    fn new(
        rule: RuleName,
        verdict: Verdict,
        labels: &[Label],
        terms: Vec<String>,
        reason: String,
    ) -> Self {
        let rule = FiredRule {
            rule,
            verdict,
            labels: labels.to_vec(),
            terms,
        };
        Firing { rule, reason }
    }
}

/// Combines the text verdict, the term matches, the visual scores and the licence fields found
/// in the text ([`document_fields`]) into a verdict, reasons and the rules that fired (strongest
/// first). A rule whose `[fusion]` verdict is `pass` is switched off and does not fire, except
/// `official_document`, which decides alone.
pub fn fuse(
    rules: &FusionRules,
    text_verdict: Verdict,
    matches: &[LineMatch],
    visual: Option<&VisualScores>,
    document: &[&str],
) -> Fusion {
    let promotional_text = [Category::FalsePromise, Category::Qualification];
    if document.len() >= DOCUMENT_MIN_FIELDS && !has(matches, &promotional_text) {
        let reason = format!(
            "official document ({}) without promises or qualification claims",
            document.join(", ")
        );
        let verdict = rules.official_document;
        let firing = Firing::new(RuleName::OfficialDocument, verdict, &[], Vec::new(), reason);
        return Fusion {
            verdict,
            reasons: vec![firing.reason],
            fired: vec![firing.rule],
        };
    }
    let mut fired: Vec<Firing> = Vec::new();
    if let Some(visual) = visual {
        fire_visual_rules(rules, matches, visual, &mut fired);
    }
    if text_verdict > Verdict::Pass {
        fired.push(Firing::new(
            RuleName::Text,
            text_verdict,
            &[],
            rule_ids(matches, |_| true),
            format!("text: {}", describe_terms(matches, |_| true)),
        ));
    }
    // Strongest first; the sort is stable, so at equal verdicts the combined visual + text
    // reasons (more telling) come before the plain text one.
    fired.retain(|f| f.rule.verdict > Verdict::Pass);
    fired.sort_by_key(|f| std::cmp::Reverse(f.rule.verdict));
    let verdict = fired
        .iter()
        .map(|f| f.rule.verdict)
        .max()
        .unwrap_or(Verdict::Pass);
    let (reasons, fired) = fired.into_iter().map(|f| (f.reason, f.rule)).unzip();
    Fusion {
        verdict,
        reasons,
        fired,
    }
}

fn fire_visual_rules(
    rules: &FusionRules,
    matches: &[LineMatch],
    visual: &VisualScores,
    fired: &mut Vec<Firing>,
) {
    let emblem = detected(&visual.national_emblem);
    let certificate = detected(&visual.certificate_layout);
    let seal = detected(&visual.official_seal);
    let all = |_: Category| true;

    if let Some(emblem) = emblem {
        let labels = [Label::NationalEmblem];
        if matches.is_empty() {
            fired.push(Firing::new(
                RuleName::EmblemAlone,
                rules.emblem_alone,
                &labels,
                Vec::new(),
                format!("national emblem ({emblem:.2}) outside an official context"),
            ));
        } else if !has(matches, &PROMOTIONAL) {
            let terms = describe_terms(matches, all);
            fired.push(Firing::new(
                RuleName::EmblemAlone,
                rules.emblem_alone,
                &labels,
                rule_ids(matches, all),
                format!("national emblem ({emblem:.2}) with state names only: {terms}"),
            ));
        } else {
            let terms = describe_terms(matches, all);
            let kind = if has(matches, &[Category::Qualification]) {
                "qualification words"
            } else {
                "promotional terms"
            };
            fired.push(Firing::new(
                RuleName::EmblemWithTerms,
                rules.emblem_with_terms,
                &labels,
                rule_ids(matches, all),
                format!("national emblem ({emblem:.2}) in an advertisement with {kind}: {terms}"),
            ));
        }
    }
    if let Some(cert) = certificate {
        let official = [
            Category::Qualification,
            Category::StateName,
            Category::MinistryClaim,
        ];
        if has(matches, &PROMOTIONAL) {
            let mut labels = vec![Label::CertificateLayout];
            let mut parts = vec![format!("certificate layout ({cert:.2})")];
            parts.extend(distinct_terms(matches, |c| official.contains(&c)));
            if let Some(seal) = seal {
                parts.push(format!("red seal ({seal:.2})"));
                labels.push(Label::OfficialSeal);
            }
            fired.push(Firing::new(
                RuleName::CertificateWithTerms,
                rules.certificate_with_terms,
                &labels,
                rule_ids(matches, |c| {
                    official.contains(&c) || PROMOTIONAL.contains(&c)
                }),
                parts.join(" + "),
            ));
        }
        if let Some(emblem) = emblem {
            fired.push(Firing::new(
                RuleName::CertificateWithEmblem,
                rules.certificate_with_emblem,
                &[Label::CertificateLayout, Label::NationalEmblem],
                Vec::new(),
                format!(
                    "certificate layout ({cert:.2}) carrying the national emblem ({emblem:.2})"
                ),
            ));
        }
    }
    if let Some(seal) = seal {
        let hype = [Category::FalsePromise, Category::MinistryClaim];
        if has(matches, &hype) {
            let terms = describe_terms(matches, |c| hype.contains(&c));
            fired.push(Firing::new(
                RuleName::SealWithTerms,
                rules.seal_with_terms,
                &[Label::OfficialSeal],
                rule_ids(matches, |c| hype.contains(&c)),
                format!("official seal ({seal:.2}) with promises or ministry claims: {terms}"),
            ));
        }
    }
}

/// Lexicon rule ids of the matches whose category passes `keep`, each once, in order.
fn rule_ids(matches: &[LineMatch], keep: impl Fn(Category) -> bool) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for m in matches.iter().filter(|m| keep(m.category)) {
        if !ids.contains(&m.rule) {
            ids.push(m.rule.clone());
        }
    }
    ids
}

fn detected(label: &LabelScore) -> Option<f32> {
    label.detected.then_some(label.score)
}

fn has(matches: &[LineMatch], categories: &[Category]) -> bool {
    matches.iter().any(|m| categories.contains(&m.category))
}

/// Distinct matched phrases (as written) whose category passes `keep`, in order of appearance.
fn distinct_terms(matches: &[LineMatch], keep: impl Fn(Category) -> bool) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for m in matches.iter().filter(|m| keep(m.category)) {
        if !seen.contains(&m.text) {
            seen.push(m.text.clone());
        }
    }
    seen
}

fn describe_terms(matches: &[LineMatch], keep: impl Fn(Category) -> bool) -> String {
    let terms = distinct_terms(matches, keep);
    let shown = terms
        .iter()
        .take(QUOTED_TERMS)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if terms.len() > QUOTED_TERMS {
        format!("{shown}, … ({} in all)", terms.len())
    } else {
        shown
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::terms::Severity;

    fn label(score: f32, detected: bool) -> LabelScore {
        LabelScore {
            score,
            detected,
            bbox: detected.then_some([1, 2, 3, 4]),
            lookalike: None,
        }
    }

    fn visual(emblem: bool, cert: bool, seal: bool) -> VisualScores {
        VisualScores {
            national_emblem: label(if emblem { 0.97 } else { 0.1 }, emblem),
            certificate_layout: label(if cert { 0.91 } else { 0.1 }, cert),
            official_seal: label(if seal { 0.88 } else { 0.1 }, seal),
        }
    }

    fn term(text: &str, category: Category, severity: Severity) -> LineMatch {
        LineMatch {
            rule: text.into(),
            category,
            severity,
            text: text.into(),
            line: 0,
            start: 0,
            end: text.chars().count(),
        }
    }

    #[test]
    fn nothing_found_passes_without_reasons() {
        let Fusion {
            verdict, reasons, ..
        } = fuse(
            &FusionRules::default(),
            Verdict::Pass,
            &[],
            Some(&visual(false, false, false)),
            &[],
        );
        assert_eq!(verdict, Verdict::Pass);
        assert!(reasons.is_empty());
    }

    #[test]
    fn emblem_alone_is_review_and_with_terms_is_block() {
        let rules = FusionRules::default();
        let Fusion {
            verdict, reasons, ..
        } = fuse(
            &rules,
            Verdict::Pass,
            &[],
            Some(&visual(true, false, false)),
            &[],
        );
        assert_eq!(verdict, Verdict::Review);
        assert!(reasons[0].contains("national emblem (0.97)"), "{reasons:?}");

        let terms = [term("职业资格", Category::Qualification, Severity::Medium)];
        let Fusion {
            verdict, reasons, ..
        } = fuse(
            &rules,
            Verdict::Review,
            &terms,
            Some(&visual(true, false, false)),
            &[],
        );
        assert_eq!(verdict, Verdict::Block);
        assert_eq!(
            reasons[0],
            "national emblem (0.97) in an advertisement with qualification words: 职业资格"
        );
    }

    #[test]
    fn certificate_with_official_words_and_seal_is_blocked_with_every_piece_named() {
        let terms = [
            term("职业资格", Category::Qualification, Severity::Medium),
            term("全国", Category::StateName, Severity::Low),
            term("职业资格", Category::Qualification, Severity::Medium),
        ];
        let Fusion {
            verdict, reasons, ..
        } = fuse(
            &FusionRules::default(),
            Verdict::Review,
            &terms,
            Some(&visual(false, true, true)),
            &[],
        );
        assert_eq!(verdict, Verdict::Block);
        assert_eq!(
            reasons[0],
            "certificate layout (0.91) + 职业资格 + 全国 + red seal (0.88)"
        );
    }

    #[test]
    fn a_rule_set_to_pass_is_switched_off() {
        let rules = FusionRules {
            emblem_alone: Verdict::Pass,
            ..FusionRules::default()
        };
        let Fusion {
            verdict, reasons, ..
        } = fuse(
            &rules,
            Verdict::Pass,
            &[],
            Some(&visual(true, false, false)),
            &[],
        );
        assert_eq!(verdict, Verdict::Pass);
        assert!(reasons.is_empty());
    }

    #[test]
    fn seal_with_promises_is_reviewed_but_a_seal_alone_passes() {
        let rules = FusionRules::default();
        let Fusion { verdict, .. } = fuse(
            &rules,
            Verdict::Pass,
            &[],
            Some(&visual(false, false, true)),
            &[],
        );
        assert_eq!(verdict, Verdict::Pass);
        let terms = [term("包过", Category::FalsePromise, Severity::Low)];
        let Fusion {
            verdict, reasons, ..
        } = fuse(
            &rules,
            Verdict::Pass,
            &terms,
            Some(&visual(false, false, true)),
            &[],
        );
        assert_eq!(verdict, Verdict::Review);
        assert!(
            reasons[0].starts_with("official seal (0.88)"),
            "{reasons:?}"
        );
    }
    #[test]
    fn a_licence_without_promises_passes_whatever_it_carries() {
        let lines = [
            "营业执照",
            "统一社会信用代码 91110000MA01",
            "登记机关 北京市市场监督管理局",
        ];
        let fields = document_fields(lines);
        assert_eq!(fields, ["统一社会信用代码", "登记机关"]);
        let terms = [
            term("交通运输部监制", Category::MinistryClaim, Severity::High),
            term("中国", Category::StateName, Severity::Medium),
        ];
        let Fusion {
            verdict, reasons, ..
        } = fuse(
            &FusionRules::default(),
            Verdict::Block,
            &terms,
            Some(&visual(true, true, true)),
            &fields,
        );
        assert_eq!(verdict, Verdict::Pass);
        assert!(reasons[0].starts_with("official document (统一社会信用代码, 登记机关)"));
    }

    #[test]
    fn a_licence_shown_in_an_ad_with_promises_keeps_the_block() {
        let fields = ["统一社会信用代码", "登记机关"];
        let terms = [term("包过", Category::FalsePromise, Severity::High)];
        let Fusion { verdict, .. } = fuse(
            &FusionRules::default(),
            Verdict::Block,
            &terms,
            Some(&visual(true, false, false)),
            &fields,
        );
        assert_eq!(verdict, Verdict::Block);
        // one field alone is not a document
        assert_eq!(document_fields(["注册资本100万 包过"]), ["注册资本"]);
    }

    #[test]
    fn state_names_alone_leave_the_emblem_and_a_certificate_at_review() {
        let terms = [term("中国", Category::StateName, Severity::Medium)];
        let Fusion {
            verdict, reasons, ..
        } = fuse(
            &FusionRules::default(),
            Verdict::Review,
            &terms,
            Some(&visual(true, true, false)),
            &[],
        );
        assert_eq!(verdict, Verdict::Review);
        assert!(
            reasons
                .iter()
                .any(|r| r.contains("with state names only: 中国")),
            "{reasons:?}"
        );
    }

    #[test]
    fn every_rule_that_fires_is_reported_as_data_in_the_order_of_the_reasons() {
        let terms = [
            term("职业资格", Category::Qualification, Severity::Medium),
            term("包过", Category::FalsePromise, Severity::High),
        ];
        let fusion = fuse(
            &FusionRules::default(),
            Verdict::Block,
            &terms,
            Some(&visual(true, true, true)),
            &[],
        );
        let rules: Vec<RuleName> = fusion.fired.iter().map(|f| f.rule).collect();
        assert_eq!(
            rules,
            [
                RuleName::EmblemWithTerms,
                RuleName::CertificateWithTerms,
                RuleName::Text,
                RuleName::CertificateWithEmblem,
                RuleName::SealWithTerms,
            ]
        );
        assert_eq!(fusion.fired.len(), fusion.reasons.len());
        let certificate = &fusion.fired[1];
        assert_eq!(certificate.verdict, Verdict::Block);
        assert_eq!(
            certificate.labels,
            [Label::CertificateLayout, Label::OfficialSeal]
        );
        assert_eq!(certificate.terms, ["职业资格", "包过"]);
        let json = serde_json::to_value(&fusion.fired[0]).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"rule": "emblem_with_terms", "verdict": "block",
                "labels": ["national_emblem"], "terms": ["职业资格", "包过"]})
        );
        // The seal rule rests on the promise only, not on the qualification words.
        assert_eq!(fusion.fired[4].terms, ["包过"]);
    }

    #[test]
    fn a_switched_off_rule_does_not_fire_but_a_passing_document_does() {
        let rules = FusionRules {
            emblem_alone: Verdict::Pass,
            ..FusionRules::default()
        };
        let fusion = fuse(
            &rules,
            Verdict::Pass,
            &[],
            Some(&visual(true, false, false)),
            &[],
        );
        assert!(fusion.fired.is_empty());
        let fusion = fuse(
            &FusionRules::default(),
            Verdict::Pass,
            &[],
            Some(&visual(true, false, false)),
            &["统一社会信用代码", "登记机关"],
        );
        assert_eq!(fusion.fired[0].rule, RuleName::OfficialDocument);
        assert_eq!(fusion.fired[0].verdict, Verdict::Pass);
    }
}
