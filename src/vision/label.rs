//! The three things the visual classifier looks for, and per-label thresholds.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A label of the visual classifier. Serialises as its snake-case name (`national_emblem` ...),
/// the key it has in the JSON output and in the `[thresholds]` config section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Label {
    /// The PRC national emblem (国徽), in colour, gold, red, line-art or greyscale.
    NationalEmblem,
    /// A certificate-like page: frame, big title, fields, photo box, seal.
    CertificateLayout,
    /// A red official seal (公章): round or oval stamp with star and arc text.
    OfficialSeal,
}

impl Label {
    /// Every label, in the order of the model's output channels.
    pub const ALL: [Label; 3] = [
        Label::NationalEmblem,
        Label::CertificateLayout,
        Label::OfficialSeal,
    ];

    /// The label's name in the JSON output and the config: `national_emblem` ...
    pub const fn as_str(self) -> &'static str {
        match self {
            Label::NationalEmblem => "national_emblem",
            Label::CertificateLayout => "certificate_layout",
            Label::OfficialSeal => "official_seal",
        }
    }

    /// Words for people: "national emblem" ...
    pub fn describe(self) -> &'static str {
        match self {
            Label::NationalEmblem => "national emblem",
            Label::CertificateLayout => "certificate layout",
            Label::OfficialSeal => "official seal",
        }
    }

    /// The label's output channel in the model (its position in [`Label::ALL`]).
    pub const fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Per-label detection thresholds on the score (`score >= threshold`: detected). A label left
/// `None` keeps the threshold below it: the config's `[thresholds]` over the model's sidecar.
#[derive(Debug, Clone, Copy, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Thresholds {
    /// National emblem.
    pub national_emblem: Option<f32>,
    /// Certificate layout.
    pub certificate_layout: Option<f32>,
    /// Official seal.
    pub official_seal: Option<f32>,
}

impl Thresholds {
    /// The threshold of `label`, when set.
    pub fn get(&self, label: Label) -> Option<f32> {
        match label {
            Label::NationalEmblem => self.national_emblem,
            Label::CertificateLayout => self.certificate_layout,
            Label::OfficialSeal => self.official_seal,
        }
    }

    /// The thresholds that are set, by label.
    pub fn iter(&self) -> impl Iterator<Item = (Label, f32)> + '_ {
        Label::ALL
            .into_iter()
            .filter_map(|label| self.get(label).map(|t| (label, t)))
    }

    /// Every label's threshold, or `None` when one is missing (a model's sidecar must set all).
    pub fn complete(&self) -> Option<[f32; 3]> {
        Some([
            self.national_emblem?,
            self.certificate_layout?,
            self.official_seal?,
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_through_serde() {
        for label in Label::ALL {
            let json = serde_json::to_string(&label).unwrap();
            assert_eq!(json, format!("\"{label}\""));
            assert_eq!(serde_json::from_str::<Label>(&json).unwrap(), label);
            assert_eq!(Label::ALL[label.index()], label);
        }
    }

    #[test]
    fn thresholds_iterate_only_what_is_set() {
        let t = Thresholds {
            official_seal: Some(0.4),
            ..Default::default()
        };
        assert_eq!(t.iter().collect::<Vec<_>>(), [(Label::OfficialSeal, 0.4)]);
        assert_eq!(t.complete(), None);
    }
}
