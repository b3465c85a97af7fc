#!/usr/bin/env bash
# Renders the HTML review report in a real headless browser and checks what a reviewer would see.
#
#   scripts/check_report.sh [IMAGES...]      (default: datasets/samples)
#
# Needs Debian's chromium (`apt-get install chromium fonts-noto-cjk`). Writes the report and a
# screenshot to target/report-check/ and fails when the rendered page lacks the cards, the
# verdicts, the annotated images or the highlighted terms.
set -euo pipefail
cd "$(dirname "$0")/.."
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "chromium not found: apt-get install chromium fonts-noto-cjk" >&2
  exit 2
fi
out=target/report-check
rm -rf "$out" && mkdir -p "$out"
inputs=("$@")
[ ${#inputs[@]} -gt 0 ] || inputs=(datasets/samples)
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/shanzhai"
set +e
"$bin" scan --format jsonl --output "$out/results.jsonl" --report "$out/report" "${inputs[@]}"
status=$?
set -e
[ "$status" -le 1 ] || { echo "scan failed with status $status" >&2; exit 1; }

page="file://$PWD/$out/report/index.html"
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$(mktemp -d)" --hide-scrollbars
       --virtual-time-budget=3000)
"$browser" "${flags[@]}" --dump-dom "$page" > "$out/dom.html" 2>/dev/null
"$browser" "${flags[@]}" --window-size=1400,1800 --screenshot="$out/screenshot.png" "$page" 2>/dev/null

python3 - "$out" <<'PY'
import json, re, sys, pathlib
out = pathlib.Path(sys.argv[1])
dom = (out / "dom.html").read_text()
results = [json.loads(l) for l in (out / "results.jsonl").read_text().splitlines()]
flagged = [r for r in results if r["verdict"] in ("review", "block")]
cards = re.findall(r'<article class="card (\w+)"[^>]*>', dom)
hidden = len(re.findall(r'<article class="card \w+"[^>]*hidden', dom))
problems = []
if len(cards) != len(results):
    problems.append(f"{len(cards)} cards for {len(results)} results")
order = {"block": 0, "review": 1, "error": 2, "pass": 3}
if [order[c] for c in cards] != sorted(order[c] for c in cards):
    problems.append("flagged images are not listed first")
if flagged and len(cards) - hidden < len(flagged):
    problems.append("flagged cards are hidden by the default filters")
if flagged and "<img" not in dom:
    problems.append("no annotated image on the page")
if any(r["matches"] for r in flagged) and "<mark>" not in dom:
    problems.append("matched terms are not highlighted")
for r in flagged:
    for reason in r["reasons"]:
        if reason.replace("&", "&amp;") not in dom:
            problems.append(f"reason missing from the page: {reason}")
png = (out / "screenshot.png").read_bytes()
if not png.startswith(b"\x89PNG") or len(png) < 20_000:
    problems.append("screenshot missing or blank")
print(f"report: {len(cards)} cards, {len(flagged)} flagged, {hidden} hidden by default filters; "
      f"screenshot {out/'screenshot.png'}")
if problems:
    print("FAILED:\n  " + "\n  ".join(problems))
    sys.exit(1)
print("report check passed")
PY
