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
use crate::vision::{LabelScore, VisualScores};

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

/// Combines the text verdict, the term matches, the visual scores and the licence fields found
/// in the text ([`document_fields`]) into a verdict and reasons (strongest first).
pub fn fuse(
    rules: &FusionRules,
    text_verdict: Verdict,
    matches: &[LineMatch],
    visual: Option<&VisualScores>,
    document: &[&str],
) -> (Verdict, Vec<String>) {
    if document.len() >= DOCUMENT_MIN_FIELDS
        && !has(matches, &[Category::FalsePromise, Category::Qualification])
    {
        let reason = format!(
            "official document ({}) without promises or qualification claims",
            document.join(", ")
        );
        return (rules.official_document, vec![reason]);
    }
    let mut fired: Vec<(Verdict, String)> = Vec::new();
    if let Some(visual) = visual {
        fire_visual_rules(rules, matches, visual, &mut fired);
    }
    if text_verdict > Verdict::Pass {
        fired.push((
            text_verdict,
            format!("text: {}", describe_terms(matches, |_| true)),
        ));
    }
    // Strongest first; the sort is stable, so at equal verdicts the combined visual + text
    // reasons (more telling) come before the plain text one.
    fired.sort_by_key(|(verdict, _)| std::cmp::Reverse(*verdict));
    let verdict = fired.iter().map(|(v, _)| *v).max().unwrap_or(Verdict::Pass);
    let reasons = fired
        .into_iter()
        .filter(|(v, _)| *v > Verdict::Pass)
        .map(|(_, r)| r)
        .collect();
    (verdict, reasons)
}

fn fire_visual_rules(
    rules: &FusionRules,
    matches: &[LineMatch],
    visual: &VisualScores,
    fired: &mut Vec<(Verdict, String)>,
) {
    let emblem = detected(&visual.national_emblem);
    let certificate = detected(&visual.certificate_layout);
    let seal = detected(&visual.official_seal);

    if let Some(emblem) = emblem {
        if matches.is_empty() {
            fired.push((
                rules.emblem_alone,
                format!("national emblem ({emblem:.2}) outside an official context"),
            ));
        } else if !has(matches, &PROMOTIONAL) {
            let terms = describe_terms(matches, |_| true);
            fired.push((
                rules.emblem_alone,
                format!("national emblem ({emblem:.2}) with state names only: {terms}"),
            ));
        } else {
            let terms = describe_terms(matches, |_| true);
            let kind = if has(matches, &[Category::Qualification]) {
                "qualification words"
            } else {
                "promotional terms"
            };
            fired.push((
                rules.emblem_with_terms,
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
            let mut parts = vec![format!("certificate layout ({cert:.2})")];
            parts.extend(distinct_terms(matches, |c| official.contains(&c)));
            if let Some(seal) = seal {
                parts.push(format!("red seal ({seal:.2})"));
            }
            fired.push((rules.certificate_with_terms, parts.join(" + ")));
        }
        if let Some(emblem) = emblem {
            fired.push((
                rules.certificate_with_emblem,
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
            fired.push((
                rules.seal_with_terms,
                format!("official seal ({seal:.2}) with promises or ministry claims: {terms}"),
            ));
        }
    }
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
        let (verdict, reasons) = fuse(
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
        let (verdict, reasons) = fuse(
            &rules,
            Verdict::Pass,
            &[],
            Some(&visual(true, false, false)),
            &[],
        );
        assert_eq!(verdict, Verdict::Review);
        assert!(reasons[0].contains("national emblem (0.97)"), "{reasons:?}");

        let terms = [term("职业资格", Category::Qualification, Severity::Medium)];
        let (verdict, reasons) = fuse(
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
        let (verdict, reasons) = fuse(
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
        let (verdict, reasons) = fuse(
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
        let (verdict, _) = fuse(
            &rules,
            Verdict::Pass,
            &[],
            Some(&visual(false, false, true)),
            &[],
        );
        assert_eq!(verdict, Verdict::Pass);
        let terms = [term("包过", Category::FalsePromise, Severity::Low)];
        let (verdict, reasons) = fuse(
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
        let (verdict, reasons) = fuse(
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
        let (verdict, _) = fuse(
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
        let (verdict, reasons) = fuse(
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
}
