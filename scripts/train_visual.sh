#!/usr/bin/env bash
# Regenerates the data, retrains, exports, calibrates and evaluates the visual classifier, and
# rebuilds the demo samples. Usage:
#   scripts/train_visual.sh ../shared/assets [extra scripts/train_visual.py arguments]
# Needs: python3 with torch, pillow, numpy, onnx, onnxruntime; fonts-noto-cjk (apt); the sample
# photos of scikit-image 0.26.0 (pip install --no-deps scikit-image==0.26.0, or --photos DIR).
# The shipped model: one NVIDIA H100, 15 loader workers, stopped by --time-cap 360 at step 2471.
set -euo pipefail
assets=${1:?usage: scripts/train_visual.sh ASSETS_DIR [train_visual.py arguments]}
shift
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
python3 "$here/train_visual.py" "$assets" --out "$root/models" --steps 3000 --batch 48 --time-cap 360 "$@"
python3 "$here/eval_visual.py" "$assets" --shared "$(cd "$assets/.." && pwd)" --calibrate --write-sidecar
python3 "$root/datasets/make_samples.py" "$assets"
