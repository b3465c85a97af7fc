//! Reading images for every stage: format by content, EXIF orientation, decompression-bomb limits.
//!
//! All stages (OCR, the visual classifier, the scan pipeline) read images through [`load_image`] or
//! [`decode_image`] so that an image looks the same to each of them and a bad file fails the same
//! way everywhere, with an [`InputError`] that says what is wrong with it.
//!
//! - The format is decided by the file's content, never by its extension (ad images are often
//!   saved as `.jpg` whatever they are).
//! - The EXIF orientation tag is applied, so a phone photo stored sideways is read upright.
//! - Animated GIFs give their first frame.
//! - Decoding stops before allocating more than [`MAX_ALLOC_BYTES`], or when a side exceeds
//!   [`MAX_SIDE`] pixels: a small file that claims to be a gigapixel image is refused, not decoded.

use std::io::{self, Cursor};
use std::path::{Path, PathBuf};

use image::{DynamicImage, ImageDecoder, ImageError, ImageFormat, ImageReader, Limits, RgbImage};

/// Largest accepted width or height in pixels (bigger images are refused as too large).
///
/// 20,000 pixels covers long screenshots and scans at 600 dpi; the OCR stage downscales anything
/// over 2,000 pixels anyway.
pub const MAX_SIDE: u32 = 20_000;

/// Largest amount of memory a decoder may allocate, in bytes (512 MiB).
///
/// An 8-bit RGBA image of 11,000 × 11,000 pixels fits; a crafted header asking for more fails with
/// [`InputError::TooLarge`] before the memory is taken.
pub const MAX_ALLOC_BYTES: u64 = 512 * 1024 * 1024;

/// Why an image could not be read. Each message is meant for the person who gave the file.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The file could not be opened or read.
    #[error("cannot read {path}: {source}")]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: io::Error,
    },
    /// The file or buffer holds no bytes at all.
    #[error("empty file (0 bytes)")]
    Empty,
    /// The content is not in any image format we read (JPEG, PNG, WebP, GIF, BMP, TIFF).
    #[error("not an image, or an unsupported format{detail}")]
    NotAnImage {
        /// Extra detail from the decoder, with a leading separator, or empty.
        detail: String,
    },
    /// The content starts like an image but is cut short or damaged.
    #[error("truncated or corrupt image: {0}")]
    Corrupt(String),
    /// The image is larger than the limits ([`MAX_SIDE`], [`MAX_ALLOC_BYTES`]).
    #[error(
        "image too large: {0} (limits: {MAX_SIDE} pixels a side, {mib} MiB decoded)",
        mib = MAX_ALLOC_BYTES / (1024 * 1024)
    )]
    TooLarge(String),
}

/// Reads and decodes the image file at `path`; see the [module documentation](self) for the rules.
pub fn load_image(path: &Path) -> Result<DynamicImage, InputError> {
    let bytes = std::fs::read(path).map_err(|source| InputError::Unreadable {
        path: path.to_path_buf(),
        source,
    })?;
    decode_image(&bytes)
}

/// Decodes an image held in memory; see the [module documentation](self) for the rules.
pub fn decode_image(bytes: &[u8]) -> Result<DynamicImage, InputError> {
    if bytes.is_empty() {
        return Err(InputError::Empty);
    }
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|err| InputError::Corrupt(err.to_string()))?;
    if reader.format().is_none() {
        return Err(InputError::NotAnImage {
            detail: String::new(),
        });
    }
    if reader.format() == Some(ImageFormat::Jpeg) && jpeg_is_truncated(bytes) {
        // The JPEG decoder fills a cut-off scan with grey and reports success; a reviewer must
        // know the picture is incomplete, so treat it like any other damaged file.
        return Err(InputError::Corrupt(
            "the JPEG ends before its end-of-image marker".into(),
        ));
    }
    reader.limits(limits());
    let mut decoder = reader.into_decoder().map_err(classify)?;
    // A broken EXIF block must not cost us the picture: read it upright-as-stored instead.
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(classify)?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// True when a JPEG's last scan is not followed by an end-of-image marker (`FF D9`).
///
/// Inside entropy-coded data every `FF` byte is followed by `00` or a restart marker, so an
/// `FF D9` after the last start-of-scan (`FF DA`) can only be the real end; an EXIF thumbnail's
/// own end marker comes before the main image's scans and does not count.
fn jpeg_is_truncated(bytes: &[u8]) -> bool {
    let last = |marker: u8| bytes.windows(2).rposition(|w| w == [0xFF, marker]);
    match (last(0xDA), last(0xD9)) {
        (Some(scan), Some(end)) => end < scan,
        (Some(_), None) => true,
        (None, _) => false, // no scan at all: let the decoder explain
    }
}

/// The decompression-bomb limits every decoder runs under.
fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC_BYTES);
    limits
}

/// Maps the decoder's error onto the few cases a user can act on.
fn classify(err: ImageError) -> InputError {
    match err {
        ImageError::Limits(limit) => InputError::TooLarge(limit.to_string()),
        ImageError::Unsupported(unsupported) => InputError::NotAnImage {
            detail: format!(": {unsupported}"),
        },
        ImageError::IoError(io) if io.kind() == io::ErrorKind::UnexpectedEof => {
            InputError::Corrupt("the file ends early".into())
        }
        other => InputError::Corrupt(other.to_string()),
    }
}

/// The image as 8-bit RGB, with transparency resolved the way RapidOCR 1.4.4 does for OCR.
///
/// Images without an alpha channel, or whose alpha is opaque everywhere, are converted as they
/// are. For images with real transparency, text is usually drawn on a transparent background in
/// one colour, and what is "behind" it is undefined (often black, which would hide black text).
/// Like RapidOCR's `cvt_four_to_three`, transparent pixels are blanked; if everything visible is
/// black, the background becomes white (black text on white); otherwise the picture is inverted,
/// which turns white-on-transparent text into black on white.
///
/// Unlike RapidOCR, a fully opaque RGBA image is *not* inverted: RapidOCR inverts any RGBA image
/// with visible colour, which flips ordinary screenshots saved with an alpha channel.
pub fn to_rgb_for_text(image: &DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.to_rgb8();
    }
    let rgba = image.to_rgba8();
    if rgba.pixels().all(|p| p[3] == u8::MAX) {
        return DynamicImage::ImageRgba8(rgba).to_rgb8();
    }
    let all_black = rgba
        .pixels()
        .all(|p| p[3] == 0 || (p[0] == 0 && p[1] == 0 && p[2] == 0));
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let p = rgba.get_pixel(x, y);
        let visible = p[3] != 0;
        let colour = |c: u8| if visible { c } else { 0 };
        let channel = |c: u8| {
            if all_black {
                // cv2.add(masked, 255 - alpha), saturating.
                colour(c).saturating_add(u8::MAX - p[3])
            } else {
                u8::MAX - colour(c)
            }
        };
        image::Rgb([channel(p[0]), channel(p[1]), channel(p[2])])
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{ImageFormat, Rgba, RgbaImage};

    fn encode(image: &DynamicImage, format: ImageFormat) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        image.write_to(&mut out, format).unwrap();
        out.into_inner()
    }

    #[test]
    fn decodes_by_content_not_name() {
        let image = DynamicImage::ImageRgb8(RgbImage::from_pixel(3, 2, image::Rgb([1, 2, 3])));
        let png = encode(&image, ImageFormat::Png);
        let decoded = decode_image(&png).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (3, 2));
    }

    #[test]
    fn empty_input_is_reported_as_empty() {
        assert!(matches!(decode_image(&[]), Err(InputError::Empty)));
    }

    #[test]
    fn text_is_not_an_image() {
        let err = decode_image(b"hello, this is not a picture").unwrap_err();
        assert!(matches!(err, InputError::NotAnImage { .. }), "{err}");
    }

    #[test]
    fn truncated_jpeg_is_corrupt_even_though_the_decoder_copes() {
        let image = DynamicImage::ImageRgb8(RgbImage::from_fn(64, 64, |x, y| {
            image::Rgb([(x * 4) as u8, (y * 4) as u8, 90])
        }));
        let bytes = encode(&image, ImageFormat::Jpeg);
        assert!(decode_image(&bytes).is_ok());
        let err = decode_image(&bytes[..bytes.len() * 2 / 3]).unwrap_err();
        assert!(matches!(err, InputError::Corrupt(_)), "{err}");
        assert!(jpeg_is_truncated(&bytes[..bytes.len() - 2]));
        assert!(!jpeg_is_truncated(&bytes));
    }

    #[test]
    fn truncated_png_is_corrupt() {
        let image = DynamicImage::ImageRgb8(RgbImage::from_fn(64, 64, |x, y| {
            image::Rgb([x as u8, y as u8, (x ^ y) as u8])
        }));
        let png = encode(&image, ImageFormat::Png);
        let err = decode_image(&png[..png.len() / 2]).unwrap_err();
        assert!(matches!(err, InputError::Corrupt(_)), "{err}");
    }

    #[test]
    fn oversized_header_is_refused_before_decoding() {
        // A valid PNG signature and IHDR claiming 100,000 × 100,000 pixels.
        let mut png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR".to_vec();
        png.extend_from_slice(&100_000u32.to_be_bytes());
        png.extend_from_slice(&100_000u32.to_be_bytes());
        png.extend_from_slice(&[8, 2, 0, 0, 0]);
        let crc_input = &png[12..];
        png.extend_from_slice(&crc32fast::hash(crc_input).to_be_bytes());
        let err = decode_image(&png).unwrap_err();
        assert!(matches!(err, InputError::TooLarge(_)), "{err}");
    }

    #[test]
    fn animated_gif_gives_its_first_frame() {
        use image::codecs::gif::GifEncoder;
        use image::{Delay, Frame};
        let frame = |v: u8| {
            Frame::from_parts(
                RgbaImage::from_pixel(4, 4, Rgba([v, v, v, 255])),
                0,
                0,
                Delay::from_numer_denom_ms(100, 1),
            )
        };
        let mut gif = Vec::new();
        GifEncoder::new(&mut gif)
            .encode_frames([frame(0), frame(255)])
            .unwrap();
        let decoded = decode_image(&gif).unwrap().to_rgb8();
        assert_eq!(decoded.get_pixel(0, 0).0, [0, 0, 0]);
    }

    #[test]
    fn exif_orientation_is_applied() {
        // A 2×1 JPEG tagged "rotate 90° clockwise" (orientation 6) must come out 1×2.
        let image = DynamicImage::ImageRgb8(RgbImage::from_pixel(2, 1, image::Rgb([128; 3])));
        let jpeg = encode(&image, ImageFormat::Jpeg);
        let mut exif =
            b"Exif\0\0MM\0\x2a\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\x06\0\0\0\0\0\0".to_vec();
        let mut app1 = vec![0xFF, 0xE1];
        app1.extend_from_slice(&((exif.len() + 2) as u16).to_be_bytes());
        app1.append(&mut exif);
        let tagged: Vec<u8> = jpeg[..2]
            .iter()
            .chain(&app1)
            .chain(&jpeg[2..])
            .copied()
            .collect();
        let decoded = decode_image(&tagged).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (1, 2));
    }

    #[test]
    fn missing_file_names_the_path() {
        let err = load_image(Path::new("/nonexistent/x.png")).unwrap_err();
        assert!(err.to_string().contains("/nonexistent/x.png"), "{err}");
    }

    #[test]
    fn black_text_on_transparent_becomes_black_on_white() {
        let mut rgba = RgbaImage::from_pixel(2, 1, Rgba([0, 0, 0, 0]));
        rgba.put_pixel(1, 0, Rgba([0, 0, 0, 255]));
        let rgb = to_rgb_for_text(&DynamicImage::ImageRgba8(rgba));
        assert_eq!(rgb.get_pixel(0, 0).0, [255, 255, 255]);
        assert_eq!(rgb.get_pixel(1, 0).0, [0, 0, 0]);
    }

    #[test]
    fn white_text_on_transparent_becomes_black_on_white() {
        let mut rgba = RgbaImage::from_pixel(2, 1, Rgba([255, 255, 255, 0]));
        rgba.put_pixel(1, 0, Rgba([255, 255, 255, 255]));
        let rgb = to_rgb_for_text(&DynamicImage::ImageRgba8(rgba));
        assert_eq!(rgb.get_pixel(0, 0).0, [255, 255, 255]);
        assert_eq!(rgb.get_pixel(1, 0).0, [0, 0, 0]);
    }

    #[test]
    fn opaque_rgba_keeps_its_colours() {
        let rgba = RgbaImage::from_pixel(1, 1, Rgba([10, 20, 30, 255]));
        let rgb = to_rgb_for_text(&DynamicImage::ImageRgba8(rgba));
        assert_eq!(rgb.get_pixel(0, 0).0, [10, 20, 30]);
    }
}
