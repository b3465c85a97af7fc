#!/usr/bin/env bash
# Load test of `shanzhai serve` against `shanzhai scan` on the same images, in the same run.
#
#   scripts/serve/load.sh [--limit N] [--passes P]
#
# Images: datasets/samples, plus ../shared/samples when it is there (or SHANZHAI_REFERENCE_DATA).
# 1. `shanzhai scan --jobs J` over the images (J = CPUs): images/s and peak RSS.
# 2. `shanzhai serve --jobs J` on a fresh SQLite database; scripts/serve/load.py with 2*J
#    clients sends every image (sync): images/s against step 1, p50/p95 latency.
# 3. The same with 64 clients: status counts (503s are retried after Retry-After; any other
#    status is a failure), latency, and the server's peak RSS (VmHWM).
# Prints a Markdown table for docs/serve.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
limit=0
passes=1
while [ $# -gt 0 ]; do
    case "$1" in
        --limit) limit="$2"; shift 2 ;;
        --passes) passes="$2"; shift 2 ;;
        *) echo "usage: $0 [--limit N] [--passes P]" >&2; exit 2 ;;
    esac
done
jobs=$(nproc)
bin=target/release/shanzhai
cargo build --release --quiet
work=$(mktemp -d)
server_pid=
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# The image set, copied so both runs read the same files (scan walks folders; copies also keep
# names unique).
mkdir -p "$work/images"
cp datasets/samples/* "$work/images/"
reference="${SHANZHAI_REFERENCE_DATA:-../shared}/samples"
if [ -d "$reference" ]; then
    find "$reference" -type f \( -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.png' -o -iname '*.webp' -o -iname '*.bmp' \) \
        | sort | while read -r f; do cp "$f" "$work/images/ref_$(echo "$f" | md5sum | cut -c1-8)_$(basename "$f")"; done
fi
if [ "$limit" -gt 0 ]; then
    ls "$work/images" | sort | tail -n +"$((limit + 1))" | while read -r f; do rm "$work/images/$f"; done
fi
count=$(ls "$work/images" | wc -l)
echo "machine: $(nproc) CPUs, $(free -g | awk '/Mem:/ {print $2}') GiB; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')" >&2
echo "images: $count (passes: $passes)" >&2

# 1. The CLI.
scan_start=$(date +%s.%N)
scanned=0
for _ in $(seq "$passes"); do
    # Exit status 1 (flagged) and 2 (an input failed) are expected here.
    /usr/bin/time -f '%M' -o "$work/scan.rss" "$bin" scan --jobs "$jobs" --format jsonl "$work/images" \
        > "$work/scan.jsonl" 2> "$work/scan.log" || true
    # The scan's own clock starts once its models are loaded, as a running service's does.
    scanned=$(python3 -c "import re,sys; m=re.search(r'in ([0-9.]+) s', open('$work/scan.log').read()); print($scanned + float(m.group(1)))")
done
scan_end=$(date +%s.%N)
scan_wall=$(python3 -c "print(round($count * $passes / ($scan_end - $scan_start), 3))")
scan_rate=$(python3 -c "print(round($count * $passes / $scanned, 3))")
scan_rss=$(( $(tail -1 "$work/scan.rss") / 1024 ))
echo "scan: $scan_rate images/s once loaded ($scan_wall with start-up), peak RSS $scan_rss MiB" >&2

# 2. and 3. The service.
"$bin" serve --listen 127.0.0.1:0 --db "sqlite:$work/serve.db" --jobs "$jobs" 2> "$work/serve.log" &
server_pid=$!
for _ in $(seq 600); do
    url=$(grep -o 'http://[0-9.:]*' "$work/serve.log" | head -1 || true)
    if [ -n "$url" ] && curl -sf "$url/healthz" > /dev/null; then break; fi
    sleep 0.2
done
[ -n "$url" ] || { cat "$work/serve.log" >&2; exit 1; }
run() {
    # load.py exits 1 when an upload failed (not 200, not 503); its JSON says which.
    python3 scripts/serve/load.py --url "$url" --clients "$1" --passes "$passes" "$work/images" || true
}
steady=$(run "$((2 * jobs))")
echo "serve, $((2 * jobs)) clients: $steady" >&2
burst=$(run 64)
echo "serve, 64 clients: $burst" >&2
serve_rss=$(( $(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status") / 1024 ))
echo "serve peak RSS: $serve_rss MiB" >&2

python3 - "$scan_rate" "$scan_rss" "$serve_rss" "$steady" "$burst" "$count" "$passes" "$jobs" <<'PY'
import json, sys
scan_rate, scan_rss, serve_rss = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
steady, burst = json.loads(sys.argv[4]), json.loads(sys.argv[5])
count, passes, jobs = sys.argv[6], sys.argv[7], sys.argv[8]
print(f"| run | images/s | vs scan | p50 s | p95 s | statuses | failures | peak RSS MiB |")
print(f"|---|---|---|---|---|---|---|---|")
print(f"| `shanzhai scan --jobs {jobs}` (its own clock, models loaded) | {scan_rate} | 1.00 | | | | | {scan_rss} |")
for name, r in [(f"serve, {steady['clients']} clients", steady), ("serve, 64 clients", burst)]:
    statuses = ", ".join(f"{k}: {v}" for k, v in r["status"].items())
    print(f"| {name} | {r['images_per_s']} | {r['images_per_s'] / scan_rate:.2f} | {r['p50_s']} | {r['p95_s']} | {statuses} | {r['failures']} | |")
print(f"| `shanzhai serve --jobs {jobs}` (both runs) | | | | | | | {serve_rss} |")
print(f"\n{count} images x {passes} pass(es).")
PY
