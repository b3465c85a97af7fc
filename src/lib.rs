//! shanzhai finds knock-off skill-certificate (山寨证书) promotions in images and text.
//!
//! The crate is split by domain, each piece usable on its own:
//! - [`terms`]: the shared normalisation and term-matching engine (plain text, HTML, OCR output);
//! - [`runtime`]: obtaining ONNX Runtime and the models, and the one ONNX Runtime environment;
//! - [`input`]: reading images (format by content, EXIF orientation, size limits);
//! - [`ocr`]: PaddleOCR PP-OCRv4 detection, orientation and recognition under ONNX Runtime;
//! - [`vision`]: the visual classifier (national emblem, certificate layout, official seal);
//! - [`scan`]: the batch pipeline that runs the stages and fuses them into a verdict;
//! - [`report`]: output writers (JSONL, CSV, the HTML review report);
//! - [`cli`]: the `shanzhai` command line.

pub mod cli;
pub mod input;
pub mod ocr;
pub mod report;
pub mod runtime;
pub mod scan;
pub mod terms;
pub mod vision;
