//! TEMPORARY interface stub (replaced by the vision branch).
use serde::Serialize;
#[derive(Serialize, Clone, Debug)]
pub struct VisualScores {
    pub national_emblem: LabelScore,
    pub certificate_layout: LabelScore,
    pub official_seal: LabelScore,
}
#[derive(Serialize, Clone, Debug)]
pub struct LabelScore {
    pub score: f32,
    pub detected: bool,
    #[serde(rename = "box")]
    pub bbox: Option<[u32; 4]>,
}
pub struct VisualClassifier;
impl VisualClassifier {
    pub fn new(_r: &crate::runtime::RuntimeOptions) -> anyhow::Result<Self> {
        anyhow::bail!("stub")
    }
    pub fn classify(&mut self, _i: &image::DynamicImage) -> anyhow::Result<VisualScores> {
        anyhow::bail!("stub")
    }
}
