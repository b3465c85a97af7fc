//! The `--config FILE` of `shanzhai scan` and `shanzhai ocr` (which reads only `[ocr]`) (TOML): stage switches, thresholds, rule files, fusion.
//!
//! ```toml
//! [stages]
//! ocr = true            # run OCR + term matching
//! visual = true         # run the visual classifier
//!
//! [thresholds]          # override the model's shipped thresholds (score >= threshold: detected)
//! national_emblem = 0.5
//! certificate_layout = 0.5
//! official_seal = 0.5
//!
//! [rules]
//! files = ["my_rules.toml"]   # extra term-rule files, relative to this config file
//!
//! [visual]
//! detail_max_pixels = 2100000  # finer second pass for small emblems and seals (slower); 0 = off
//!
//! [ocr]
//! det_max_side = 8192   # cap on the detector input's long side
//! det_tile_side = 1536  # detector tiles at most this big a side (bounds memory); 0 = whole input
//! det_tile_overlap = 384  # least overlap between tiles (128 cut lines at the seams)
//! det_exclusive_pixels = 1000000  # detector tiles this big run one at a time; 0 = never wait
//! rec_batch = 1         # crops per recogniser run (scan default 1, ocr default 6 as RapidOCR)
//! rec_min_width = 320   # recogniser minimum width (RapidOCR's; smaller is faster)
//!
//! [fusion]              # verdict per fusion rule: "pass" (off), "review" or "block"
//! emblem_alone = "review"
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::fuse::FusionRules;
use crate::ocr::OcrParams;
use crate::vision::{Label, Thresholds};

/// Why a config file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("cannot read config {}", path.display())]
    Read {
        /// The config file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The file is not valid TOML for a config (syntax, unknown key, wrong type).
    #[error("invalid config {}", path.display())]
    Syntax {
        /// The config file.
        path: PathBuf,
        /// The parser's error (it names the line and key).
        #[source]
        source: toml::de::Error,
    },
    /// A threshold is outside [0, 1].
    #[error("config {}: threshold {label} = {value} is outside [0, 1]", path.display())]
    Threshold {
        /// The config file.
        path: PathBuf,
        /// The label.
        label: Label,
        /// The value given.
        value: f32,
    },
}

/// Everything `--config` can set; every field has a default.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScanConfig {
    /// Which stages run.
    pub stages: StageSwitches,
    /// Detection thresholds that replace the model's shipped ones.
    pub thresholds: Thresholds,
    /// Extra term-rule files.
    pub rules: RuleFiles,
    /// Verdicts of the fusion rules.
    pub fusion: FusionRules,
    /// Visual classifier settings.
    pub visual: VisualSettings,
    /// OCR settings.
    pub ocr: OcrSettings,
    /// `[serve]`, the service's section (`shanzhai::serve` reads it): accepted and ignored here, so
    /// one file configures `shanzhai scan` and `shanzhai serve` alike.
    #[serde(rename = "serve")]
    service: serde::de::IgnoredAny,
}

/// OCR settings that trade fidelity to RapidOCR for speed and memory in a scan.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OcrSettings {
    /// Cap on the detector input's longer side (`ocr::OcrParams::det_max_side`); `None` keeps
    /// the OCR default.
    pub det_max_side: Option<u32>,
    /// Longest detector tile side (`ocr::OcrParams::det_tile_side`; 0 = no tiling); `None`
    /// keeps the OCR default.
    pub det_tile_side: Option<u32>,
    /// Least overlap between detector tiles (`ocr::OcrParams::det_tile_overlap`); `None` keeps
    /// the OCR default.
    pub det_tile_overlap: Option<u32>,
    /// Detector tiles this big run one at a time (`ocr::OcrParams::det_exclusive_pixels`; 0 =
    /// never wait); `None` keeps the OCR default.
    pub det_exclusive_pixels: Option<u64>,
    /// Recogniser minimum input width (`ocr::OcrParams::rec_min_width`); `None` keeps the OCR
    /// default.
    pub rec_min_width: Option<u32>,
    /// Crops per recogniser run (`ocr::OcrParams::rec_batch`); `None` keeps the OCR default.
    pub rec_batch: Option<usize>,
}

/// Crops per recogniser run in a scan, unless `[ocr] rec_batch` says otherwise (`shanzhai ocr`
/// keeps RapidOCR's 6).
///
/// Why: with one ONNX Runtime thread per worker, batching buys no parallelism, and a batch runs
/// at the width of its widest line, so RapidOCR's batches of 6 spend much of the recogniser's
/// time on padding. One line per run was 20% faster on the 200-image benchmark folder (107.7 s
/// against 134.3 s, `--only ocr`, 2 workers) with the same verdicts and the same matched rules
/// on every image; 89% of the lines read the same, and on the labelled OCR samples accuracy was
/// 0.8815 against 0.8836 (93.6% of RapidOCR's lines identical, against 96.0%).
pub const SCAN_REC_BATCH: usize = 1;

impl OcrSettings {
    /// The OCR settings of a scan: RapidOCR's defaults with `intra_threads` ONNX Runtime threads
    /// and [`SCAN_REC_BATCH`], then these settings.
    pub fn scan_params(&self, intra_threads: usize) -> OcrParams {
        let mut params = OcrParams {
            intra_threads,
            rec_batch: SCAN_REC_BATCH,
            ..OcrParams::default()
        };
        self.apply(&mut params);
        params
    }

    /// `params` with the settings that are set replacing their values.
    pub fn apply(&self, params: &mut OcrParams) {
        let OcrSettings {
            det_max_side,
            det_tile_side,
            det_tile_overlap,
            det_exclusive_pixels,
            rec_min_width,
            rec_batch,
        } = *self;
        set(&mut params.det_max_side, det_max_side);
        set(&mut params.det_tile_side, det_tile_side);
        set(&mut params.det_tile_overlap, det_tile_overlap);
        set(&mut params.det_exclusive_pixels, det_exclusive_pixels);
        set(&mut params.rec_min_width, rec_min_width);
        set(&mut params.rec_batch, rec_batch.map(|n| n.max(1)));
    }
}

fn set<T>(field: &mut T, value: Option<T>) {
    if let Some(value) = value {
        *field = value;
    }
}

/// Settings of the visual classifier that trade speed for sensitivity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct VisualSettings {
    /// Pixel budget of the detail pass (see `vision::VisualParams::detail_max_pixels`); `None`
    /// keeps the classifier's default.
    pub detail_max_pixels: Option<u32>,
    /// Run the verifier, stage 2 of the cascade (see `vision::VisualParams::verify`); `None`
    /// keeps the default (on). `false` scores with stage 1 alone, as before the cascade.
    pub verify: Option<bool>,
}

/// Stage switches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StageSwitches {
    /// OCR and term matching.
    pub ocr: bool,
    /// The visual classifier.
    pub visual: bool,
}

impl Default for StageSwitches {
    fn default() -> Self {
        StageSwitches {
            ocr: true,
            visual: true,
        }
    }
}

/// Extra rule files for the term matcher.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RuleFiles {
    /// Paths, relative to the config file's folder.
    pub files: Vec<PathBuf>,
}

impl ScanConfig {
    /// Reads and validates a config file; rule-file paths become relative to its folder.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let mut config: ScanConfig =
            toml::from_str(&text).map_err(|source| ConfigError::Syntax {
                path: path.to_path_buf(),
                source,
            })?;
        config.resolve(path)?;
        Ok(config)
    }

    /// What [`load`](Self::load) does after parsing, for a config parsed from the file at `path`
    /// some other way (the service's file also holds `[serve]`): rule-file paths become relative
    /// to the file's folder, and thresholds are checked to be in [0, 1].
    pub fn resolve(&mut self, path: &Path) -> Result<(), ConfigError> {
        let base = path.parent().unwrap_or(Path::new("."));
        for file in &mut self.rules.files {
            if file.is_relative() {
                *file = base.join(&*file);
            }
        }
        match self
            .thresholds
            .iter()
            .find(|(_, value)| !(0.0..=1.0).contains(value))
        {
            Some((label, value)) => Err(ConfigError::Threshold {
                path: path.to_path_buf(),
                label,
                value,
            }),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::terms::Verdict;

    /// `scan.toml` with `text` in a fresh folder (kept alive by the returned guard).
    fn config_file(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("scan.toml");
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    #[test]
    fn the_services_section_is_ignored_but_other_unknown_keys_are_not() {
        let (_dir, path) = config_file("[serve]\nmax_upload = \"1MiB\"\n[stages]\nocr = false\n");
        assert!(!ScanConfig::load(&path).unwrap().stages.ocr);
        std::fs::write(&path, "[serv]\nmax_upload = 1\n").unwrap();
        assert!(matches!(
            ScanConfig::load(&path),
            Err(ConfigError::Syntax { .. })
        ));
    }

    #[test]
    fn parses_a_full_config_and_resolves_rule_paths() {
        let (dir, path) = config_file(
            "[stages]\nocr = false\n[thresholds]\nnational_emblem = 0.7\n[rules]\nfiles = [\"extra.toml\"]\n\
             [fusion]\nemblem_alone = \"pass\"\n[visual]\ndetail_max_pixels = 0\n[ocr]\ndet_max_side = 2560\n",
        );
        let config = ScanConfig::load(&path).unwrap();
        assert!(!config.stages.ocr && config.stages.visual);
        assert_eq!(config.thresholds.national_emblem, Some(0.7));
        assert_eq!(config.rules.files, vec![dir.path().join("extra.toml")]);
        assert_eq!(config.fusion.emblem_alone, Verdict::Pass);
        assert_eq!(config.fusion.emblem_with_terms, Verdict::Block);
        assert_eq!(config.visual.detail_max_pixels, Some(0));
        assert_eq!(config.ocr.det_max_side, Some(2560));
        assert_eq!(config.ocr.rec_min_width, None);
        let mut params = OcrParams::default();
        config.ocr.apply(&mut params);
        assert_eq!(params.det_max_side, 2560);
        assert_eq!(params.rec_min_width, OcrParams::default().rec_min_width);
        let scan = config.ocr.scan_params(1);
        assert_eq!((scan.det_max_side, scan.rec_batch), (2560, SCAN_REC_BATCH));
        let batched = OcrSettings {
            rec_batch: Some(6),
            ..OcrSettings::default()
        };
        assert_eq!(batched.scan_params(1).rec_batch, 6);
    }

    #[test]
    fn rejects_unknown_keys_and_bad_thresholds() {
        let (_dir, path) = config_file("[stages]\nocrr = true\n");
        assert!(ScanConfig::load(&path).is_err());
        std::fs::write(&path, "[thresholds]\nofficial_seal = 1.5\n").unwrap();
        let err = ScanConfig::load(&path).unwrap_err().to_string();
        assert!(err.contains("official_seal"), "{err}");
    }
}
