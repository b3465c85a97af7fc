//! `shanzhai fetch`: download and verify ONNX Runtime and the OCR models ahead of time, and
//! optionally copy them into an offline bundle for a machine without network.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use super::{Outcome, RuntimeArgs};
use shanzhai::runtime::fetch::{self, Artifact};
use shanzhai::runtime::{OcrModel, RuntimeOptions};

/// Arguments of `shanzhai fetch`.
#[derive(clap::Args, Debug)]
#[command(after_help = "\
Offline use: `shanzhai fetch --offline-bundle DIR` on a machine with network, copy DIR over, then set
SHANZHAI_ORT_LIB=DIR/libonnxruntime.so.1.32.0 and SHANZHAI_OCR_MODELS=DIR (or --ort-lib, --ocr-models).

Docs: docs/GUIDE.md (Models, runtime and cache; Offline installs)")]
pub struct FetchArgs {
    /// After fetching, copy the ONNX Runtime library and the OCR models into DIR (created if
    /// needed) for a machine without network, and print how to point shanzhai at them.
    #[arg(long, value_name = "DIR")]
    offline_bundle: Option<PathBuf>,
    #[command(flatten)]
    runtime: RuntimeArgs,
}

/// Every file an offline bundle holds, with the path it is taken from.
fn sources(rt: &RuntimeOptions) -> anyhow::Result<Vec<(&'static Artifact, PathBuf)>> {
    let mut files = vec![(&fetch::ONNXRUNTIME, rt.ort_library()?)];
    for model in [
        OcrModel::Detection,
        OcrModel::Classifier,
        OcrModel::Recognition,
    ] {
        files.push((model.artifact(), rt.ocr_model(model)?));
    }
    Ok(files)
}

/// Fetches every file into the cache and prints where each one is; with `--offline-bundle`,
/// also copies them into the bundle folder.
pub fn run(args: FetchArgs) -> anyhow::Result<Outcome> {
    if let Some(dir) = &args.offline_bundle {
        check_bundle_dir(dir)?; // before a download that could take minutes
    }
    let files = sources(&args.runtime.options())?;
    match &args.offline_bundle {
        None => {
            println!("onnxruntime: {}", files[0].1.display());
            for ((_, path), model) in files[1..].iter().zip([
                OcrModel::Detection,
                OcrModel::Classifier,
                OcrModel::Recognition,
            ]) {
                println!("{model:?}: {}", path.display());
            }
        }
        Some(dir) => {
            let dir = write_bundle(dir, &files)?;
            print!("{}", bundle_instructions(&dir));
        }
    }
    Ok(Outcome::done())
}

/// Copies `files` into `dir` after checking each against its pinned SHA-256, writes a
/// `README.txt` there, and returns the bundle's absolute path.
fn write_bundle(dir: &Path, files: &[(&'static Artifact, PathBuf)]) -> anyhow::Result<PathBuf> {
    check_bundle_dir(dir)?;
    fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the bundle folder {}", dir.display()))?;
    let dir = dir
        .canonicalize()
        .with_context(|| format!("cannot resolve {}", dir.display()))?;
    for (artifact, source) in files {
        // Overrides (--ort-lib, --ocr-models) are not hash-checked when used directly; a bundle
        // is meant to be trusted elsewhere, so only the pinned files go into one.
        let actual = sha256_of(source)?;
        if actual != artifact.sha256 {
            bail!(
                "{} has SHA-256 {actual}, not the pinned {} of {}=={}: only the pinned files can be bundled",
                source.display(),
                artifact.sha256,
                artifact.wheel.package,
                artifact.wheel.version
            );
        }
        let dest = dir.join(artifact.file_name);
        if dest.exists() && sha256_of(&dest)? == artifact.sha256 {
            continue;
        }
        let tmp = tempfile::NamedTempFile::new_in(&dir)
            .with_context(|| format!("cannot write into {}", dir.display()))?;
        fs::copy(source, tmp.path()).with_context(|| {
            format!(
                "cannot copy {} to {}",
                source.display(),
                tmp.path().display()
            )
        })?;
        tmp.persist(&dest)
            .with_context(|| format!("cannot write {}", dest.display()))?;
    }
    let readme = dir.join("README.txt");
    let mut text = bundle_instructions(&dir);
    text.push_str("\nFiles (SHA-256):\n");
    for (artifact, _) in files {
        text.push_str(&format!(
            "  {}  {} (from {}=={})\n",
            artifact.sha256, artifact.file_name, artifact.wheel.package, artifact.wheel.version
        ));
    }
    fs::write(&readme, text).with_context(|| format!("cannot write {}", readme.display()))?;
    Ok(dir)
}

fn check_bundle_dir(dir: &Path) -> anyhow::Result<()> {
    if dir.exists() && !dir.is_dir() {
        bail!(
            "--offline-bundle {}: exists and is not a folder",
            dir.display()
        );
    }
    Ok(())
}

fn sha256_of(path: &Path) -> anyhow::Result<String> {
    let mut file =
        fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    fetch::sha256_hex(&mut file).with_context(|| format!("cannot read {}", path.display()))
}

/// What to do with a bundle in `dir`: the overrides that use it.
fn bundle_instructions(dir: &Path) -> String {
    let lib = dir.join(fetch::ONNXRUNTIME.file_name);
    format!(
        "Offline bundle for shanzhai {version} in {dir}: ONNX Runtime {ort} and the PP-OCRv4 models.\n\
         Copy this folder (and the shanzhai binary) to the machine without network; if it lands at\n\
         another path, change the paths below. Then either set\n\
         \n    export SHANZHAI_ORT_LIB={lib}\n    export SHANZHAI_OCR_MODELS={dir}\n\
         \nor pass them on each command:\n\
         \n    shanzhai scan --ort-lib {lib} --ocr-models {dir} PATH...\n\
         \nWith both set nothing is downloaded and the cache is not used.\n",
        version = env!("CARGO_PKG_VERSION"),
        dir = dir.display(),
        ort = fetch::ONNXRUNTIME_WHEEL.version,
        lib = lib.display(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_is_not_pinned_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let fake = dir.path().join("libonnxruntime.so.1.32.0");
        fs::write(&fake, b"not a library").unwrap();
        let err = write_bundle(
            &dir.path().join("bundle"),
            &[(&fetch::ONNXRUNTIME, fake.clone())],
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("only the pinned files"), "{err}");
        assert!(!dir.path().join("bundle/libonnxruntime.so.1.32.0").exists());
    }

    #[test]
    fn a_bundle_path_that_is_a_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("bundle");
        fs::write(&file, b"").unwrap();
        let err = write_bundle(&file, &[]).unwrap_err().to_string();
        assert!(err.contains("not a folder"), "{err}");
    }

    #[test]
    fn instructions_name_both_overrides() {
        let text = bundle_instructions(Path::new("/opt/bundle"));
        assert!(text.contains("SHANZHAI_ORT_LIB=/opt/bundle/libonnxruntime.so.1.32.0"));
        assert!(text.contains("SHANZHAI_OCR_MODELS=/opt/bundle"));
        assert!(text.contains("--ort-lib /opt/bundle/libonnxruntime.so.1.32.0 --ocr-models"));
    }
}
