//! TEMPORARY interface stub (replaced by the ocr branch).
use serde::Serialize;
#[derive(Serialize, Clone, Debug)]
pub struct TextLine {
    pub text: String,
    pub score: f32,
    #[serde(rename = "box")]
    pub bbox: [[f32; 2]; 4],
}
#[derive(Default)]
pub struct OcrParams {
    pub threads: usize,
}
pub struct OcrEngine;
impl OcrEngine {
    pub fn new(_r: &crate::runtime::RuntimeOptions, _p: OcrParams) -> anyhow::Result<Self> {
        anyhow::bail!("stub")
    }
    pub fn recognize(&mut self, _i: &image::DynamicImage) -> anyhow::Result<Vec<TextLine>> {
        anyhow::bail!("stub")
    }
}
