#!/usr/bin/env bash
# Side-by-side throughput of `find_all` in two builds: this checkout and an older commit checked out as a
# separate git worktree (default: 30dcc71, the matcher before pinyin/homophone/split spellings).
# Both bench binaries are built first, then run alternately ROUNDS times (old, new, old, new, ...), each
# run in its own criterion directory, so load changes on a shared machine hit both alike. Prints every
# run's median and the median of the medians in MB/s (1 MB = 10^6 bytes), and the ratio new / old.
# Usage: scripts/bench_terms_compare.sh [OLD_WORKTREE] [ROUNDS]
#   OLD_WORKTREE is created with `git worktree add --detach DIR 30dcc71` if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
old="${1:-../wt15-base}"
rounds="${2:-5}"
if [ ! -d "$old" ]; then
    git worktree add --detach "$old" 30dcc71
fi
# Cargo prints the executable relative to the checkout it built in: make it absolute there, or both
# builds would run the binary under this checkout's target/.
# OLD_CARGO_TARGET_DIR builds the old worktree elsewhere (e.g. a copy of this target/release, so only
# the crate itself compiles). Never the same target directory as this checkout: the two builds of the
# crate get the same artifact name there, and the second would replace the first.
bench_binary() {
    (cd "$1" && CARGO_TARGET_DIR="${2:-${CARGO_TARGET_DIR:-target}}" cargo bench --bench terms_throughput --no-run 2>&1 |
        sed -n 's/.*Executable .*(\(.*\)).*/\1/p' | tail -1 | xargs realpath)
}
old_bin=$(bench_binary "$old" "${OLD_CARGO_TARGET_DIR:-}")
new_bin=$(bench_binary .)
if [ "$old_bin" = "$new_bin" ] || cmp -s "$old_bin" "$new_bin"; then
    echo "bench_terms_compare: both builds are the same binary ($new_bin): give the old one its own target directory" >&2
    exit 1
fi
echo "old: $old_bin" >&2
echo "new: $new_bin" >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for i in $(seq 1 "$rounds"); do
    for which in old new; do
        bin="${which}_bin"
        CRITERION_HOME="$work/$which-$i" "${!bin}" --bench 'shanzhai_find_all$' \
            --warm-up-time 2 --measurement-time 8 --noplot >/dev/null 2>&1
    done
done
python3 - "$work" "$rounds" <<'PY'
import json, pathlib, statistics, sys
work, rounds = pathlib.Path(sys.argv[1]), int(sys.argv[2])
rates = {"old": [], "new": []}
for i in range(1, rounds + 1):
    for which in rates:
        d = work / f"{which}-{i}" / "terms_throughput" / "shanzhai_find_all" / "new"
        median_s = json.loads((d / "estimates.json").read_text())["median"]["point_estimate"] / 1e9
        size = json.loads((d / "benchmark.json").read_text())["throughput"]["Bytes"]
        rates[which].append(size / median_s / 1e6)
for which, r in rates.items():
    print(f"{which}: runs {' '.join(f'{x:.1f}' for x in r)} MB/s; median {statistics.median(r):.1f} MB/s")
print(f"ratio new / old (medians): {statistics.median(rates['new']) / statistics.median(rates['old']):.3f}")
PY
