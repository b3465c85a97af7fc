#!/usr/bin/env bash
# Reproduces the verifier end to end: data, training, export, thresholds, evaluation tables and the
# Rust/Python parity fixture. Needs ../shared (or the path given), fonts-noto-cjk (apt) and the
# packages of scripts/visual2/requirements.txt. About two hours on 2 idle CPU cores (20 minutes of
# data, 85 of training); every phase resumes from target/verifier/ when rerun (delete that folder to start over).
#   scripts/visual2/train.sh [SHARED_DIR] [extra train_verifier.py arguments]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
shared=${1:-$here/../../../shared}
shift || true
python3 "$here/train_verifier.py" "$shared" "$@"
python3 "$here/eval_cascade.py" "$shared" --calibrate --write-sidecar
python3 "$here/parity.py"
