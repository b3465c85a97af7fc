//! TEMPORARY interface stub (replaced by the ocr branch).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct InputError(String);
pub fn load_image(p: &std::path::Path) -> Result<image::DynamicImage, InputError> {
    image::ImageReader::open(p)
        .map_err(|e| InputError(e.to_string()))?
        .with_guessed_format()
        .map_err(|e| InputError(e.to_string()))?
        .decode()
        .map_err(|e| InputError(e.to_string()))
}
