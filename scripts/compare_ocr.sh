#!/usr/bin/env bash
# Compares `shanzhai ocr` with RapidOCR 1.4.4 (same models, same ONNX Runtime 1.32.0) on
# ../shared/samples/ocr: accuracy against labels.json, identical text, images/s, per-stage times,
# peak memory. Makes its own Python environment in scripts/.venv (git-ignored) on first run.
#
# Usage: scripts/compare_ocr.sh [--reps N] [--out FILE.json]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
venv="$here/.venv"
if ! "$venv/bin/python" -c "import rapidocr_onnxruntime, onnxruntime" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet rapidocr_onnxruntime==1.4.4 onnxruntime==1.32.0
fi
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
# Run a private copy: a shared target folder may get another checkout's binary mid-benchmark.
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
cp "${CARGO_TARGET_DIR:-$root/target}/release/shanzhai" "$bin/shanzhai"
"$bin/shanzhai" ocr --help | grep -q -- --timings || { echo "built binary lacks ocr --timings" >&2; exit 1; }
"$venv/bin/python" "$here/compare_ocr.py" --shanzhai "$bin/shanzhai" "$@"
