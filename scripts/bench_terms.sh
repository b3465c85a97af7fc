#!/usr/bin/env bash
# Runs the term-matcher throughput benchmark and prints medians (MB/s, 1 MB = 10^6 bytes) and the ratio
# of shanzhai (full normalisation) to the raw aho-corasick crate on the same corpus in the same run.
# Usage: scripts/bench_terms.sh [extra criterion args]
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
cargo bench --bench terms_throughput -- "$@" >&2
python3 - "$target" <<'PY'
import json, pathlib, sys
base = pathlib.Path(sys.argv[1]) / "criterion" / "terms_throughput"
bytes_ = None
rows = {}
for bench in ["shanzhai_find_all", "shanzhai_find_all_forms_off", "aho_corasick_raw", "aho_corasick_raw_no_prefilter",
              "aho_corasick_raw_dfa_overlapping", "normalize_only"]:
    d = base / bench / "new"
    est = json.loads((d / "estimates.json").read_text())
    info = json.loads((d / "benchmark.json").read_text())
    bytes_ = info["throughput"]["Bytes"]
    median_s = est["median"]["point_estimate"] / 1e9
    rows[bench] = (median_s, bytes_ / median_s / 1e6)
print(f"corpus: {bytes_} bytes")
print(f"{'benchmark':<36} {'median ms':>10} {'MB/s':>9}")
for name, (s, mbps) in rows.items():
    print(f"{name:<36} {s*1e3:>10.2f} {mbps:>9.1f}")
ours, raw = rows["shanzhai_find_all"][1], rows["aho_corasick_raw"][1]
print(f"ratio shanzhai / raw aho-corasick: {ours/raw:.3f} (raw is {raw/ours:.1f}x faster)")
print(f"ratio shanzhai / raw DFA overlapping: {ours/rows['aho_corasick_raw_dfa_overlapping'][1]:.3f}")
PY
