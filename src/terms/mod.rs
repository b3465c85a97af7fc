//! TEMPORARY interface stub (replaced by the terms branch).
use serde::{Deserialize, Serialize};
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    StateName,
    Qualification,
    FalsePromise,
    MinistryClaim,
    EmblemMention,
}
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Low,
    Medium,
    High,
}
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Pass,
    Review,
    Block,
}
impl Verdict {
    pub fn from_matches(m: &[Match]) -> Verdict {
        if m.iter().any(|m| m.severity == Severity::High) {
            Verdict::Block
        } else if m.is_empty() {
            Verdict::Pass
        } else {
            Verdict::Review
        }
    }
}
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct Match {
    pub rule: String,
    pub category: Category,
    pub severity: Severity,
    pub text: String,
    pub start: usize,
    pub end: usize,
}
pub struct Matcher;
pub struct MatcherBuilder;
impl MatcherBuilder {
    pub fn add_rules_file(self, _p: &std::path::Path) -> anyhow::Result<Self> {
        Ok(self)
    }
    pub fn build(self) -> anyhow::Result<Matcher> {
        Ok(Matcher)
    }
}
impl Matcher {
    pub fn builder() -> MatcherBuilder {
        MatcherBuilder
    }
    pub fn with_default_rules() -> Self {
        Matcher
    }
    pub fn find_all(&self, text: &str) -> Vec<Match> {
        let mut out = vec![];
        for (term, cat, sev) in [
            ("包过", Category::FalsePromise, Severity::High),
            ("职业资格", Category::Qualification, Severity::Medium),
        ] {
            if let Some(b) = text.find(term) {
                let start = text[..b].chars().count();
                out.push(Match {
                    rule: term.into(),
                    category: cat,
                    severity: sev,
                    text: term.into(),
                    start,
                    end: start + term.chars().count(),
                });
            }
        }
        out
    }
}
