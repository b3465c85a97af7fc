//! Building [`Analyzer`]s from a [`ScanConfig`]: the one place that turns a config into stages,
//! for the CLI's `scan` and `ocr` and for the service alike.

use std::sync::Arc;

use super::{Analyzer, ImageObserver, ScanConfig, ScanError, TextStage, VisualStage};
use crate::ocr::{OcrEngine, OcrParams};
use crate::runtime::{OcrModelPaths, Runtime};
use crate::terms::Matcher;
use crate::vision::{VisualClassifier, VisualParams};

/// Makes one [`Analyzer`] per worker, all alike: the stages `config.stages` switches on, with the
/// config's OCR, visual, threshold and fusion settings and one shared term matcher.
///
/// ```no_run
/// use shanzhai::runtime::RuntimeOptions;
/// use shanzhai::scan::{AnalyzerFactory, ScanConfig};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// // Getting ONNX Runtime and the models is an explicit step (it may download them).
/// let options = RuntimeOptions::default();
/// let runtime = options.load_runtime()?;
/// let factory = AnalyzerFactory::new(ScanConfig::default(), runtime, Some(options.ocr_models()?))?;
/// let mut analyzer = factory.analyzer()?;
/// let image = shanzhai::input::load_image("ad.jpg".as_ref())?;
/// let result = analyzer.analyze_image(&image, "ad.jpg".into());
/// println!("{}", serde_json::to_string(&result)?);
/// # Ok(())
/// # }
/// ```
pub struct AnalyzerFactory {
    config: ScanConfig,
    runtime: Runtime,
    ocr_models: Option<OcrModelPaths>,
    matcher: Arc<Matcher>,
    threads_per_worker: usize,
    ocr_params: Option<OcrParams>,
    observer: Option<Arc<dyn ImageObserver>>,
}

impl AnalyzerFactory {
    /// A factory for `config` on `runtime`. Builds the term matcher (the default lexicon and
    /// `config.rules.files`) now, so a bad rule file fails here; `ocr_models` is needed when
    /// `config.stages.ocr` is on.
    pub fn new(
        config: ScanConfig,
        runtime: Runtime,
        ocr_models: Option<OcrModelPaths>,
    ) -> Result<Self, ScanError> {
        if config.stages.ocr && ocr_models.is_none() {
            return Err(ScanError::NoOcrModels);
        }
        let mut builder = Matcher::builder();
        for file in &config.rules.files {
            builder = builder.add_rules_file(file)?;
        }
        Ok(AnalyzerFactory {
            matcher: Arc::new(builder.build()?),
            config,
            runtime,
            ocr_models,
            threads_per_worker: 1,
            ocr_params: None,
            observer: None,
        })
    }

    /// ONNX Runtime threads of each analyzer's models (default 1: one analyzer per core).
    pub fn with_threads_per_worker(mut self, threads: usize) -> Self {
        self.threads_per_worker = threads.max(1);
        self
    }

    /// Runs OCR with these parameters instead of the scan's (`config.ocr` over
    /// [`OcrSettings::scan_params`](super::config::OcrSettings::scan_params)).
    pub fn with_ocr_params(mut self, params: OcrParams) -> Self {
        self.ocr_params = Some(params);
        self
    }

    /// Shows each decoded image and its result to `observer` (the HTML report's annotator).
    pub fn with_observer(mut self, observer: Arc<dyn ImageObserver>) -> Self {
        self.observer = Some(observer);
        self
    }

    /// The config in use.
    pub fn config(&self) -> &ScanConfig {
        &self.config
    }

    /// The shared term matcher.
    pub fn matcher(&self) -> &Arc<Matcher> {
        &self.matcher
    }

    /// One analyzer, with its own model sessions.
    pub fn analyzer(&self) -> Result<Analyzer, ScanError> {
        let ocr = match &self.ocr_models {
            Some(models) if self.config.stages.ocr => Some(self.ocr_stage(models)?),
            _ => None,
        };
        let visual = if self.config.stages.visual {
            Some(self.visual_stage()?)
        } else {
            None
        };
        let mut analyzer = Analyzer::new(ocr, visual, self.matcher.clone())
            .with_fusion(self.config.fusion.clone())
            .with_thresholds(self.config.thresholds);
        if let Some(observer) = &self.observer {
            analyzer = analyzer.with_observer(observer.clone());
        }
        Ok(analyzer)
    }

    /// `count` analyzers, one per worker.
    pub fn analyzers(&self, count: usize) -> Result<Vec<Analyzer>, ScanError> {
        (0..count).map(|_| self.analyzer()).collect()
    }

    fn ocr_stage(&self, models: &OcrModelPaths) -> Result<Box<dyn TextStage>, ScanError> {
        let params = match &self.ocr_params {
            Some(params) => params.clone(),
            None => self.config.ocr.scan_params(self.threads_per_worker),
        };
        let engine = OcrEngine::new(&self.runtime, models, params).map_err(ScanError::Ocr)?;
        Ok(Box::new(engine))
    }

    fn visual_stage(&self) -> Result<Box<dyn VisualStage>, ScanError> {
        let mut params = VisualParams {
            intra_threads: self.threads_per_worker,
            ..Default::default()
        };
        if let Some(pixels) = self.config.visual.detail_max_pixels {
            params.detail_max_pixels = pixels;
        }
        if let Some(verify) = self.config.visual.verify {
            params.verify = verify;
        }
        let classifier =
            VisualClassifier::with_params(&self.runtime, params).map_err(ScanError::Vision)?;
        Ok(Box::new(classifier))
    }
}
