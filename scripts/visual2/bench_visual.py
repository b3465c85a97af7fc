#!/usr/bin/env python3
"""Speed of the visual cascade against a baseline binary, side by side in one run.

    python3 scripts/visual2/bench_visual.py --baseline OLD_BINARY [--binary NEW] [--screens 60]
                                            [--images 40] [--rounds 3]

Alternates the two binaries (ABAB...) on the same folders so that both see the same machine:
`scan --only visual --jobs 2` on 1080p screenshots (scripts/bench_scan.py's generator), and the
full `scan --jobs 2` on its mixed folder. Prints the median images/s of each and the ratio, and
writes target/bench-scan/visual_cascade.json.
"""

import argparse
import json
import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import bench_scan as B  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baseline", type=Path, required=True)
    ap.add_argument("--binary", type=Path, default=Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "release" / "shanzhai")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--screens", type=int, default=60)
    ap.add_argument("--images", type=int, default=40)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    B.OUT.mkdir(parents=True, exist_ok=True)
    screens = B.build_screenshots(args.screens, args.shared)
    mixed = B.build_folder(args.images, args.shared)
    jobs = [
        ("scan --only visual --jobs 2, 1080p", args.screens, ["scan", "--only", "visual", "--format", "jsonl", "--jobs", "2", str(screens)]),
        ("scan --jobs 2, mixed folder", args.images, ["scan", "--format", "jsonl", "--jobs", "2", str(mixed)]),
    ]
    results = []
    for name, count, cmd in jobs:
        times = {"baseline": [], "cascade": []}
        rss = {"baseline": 0.0, "cascade": 0.0}
        for _ in range(args.rounds):
            for key, binary in (("baseline", args.baseline), ("cascade", args.binary)):
                secs, peak, _ = B.run_with_rss([str(binary)] + cmd)
                times[key].append(secs)
                rss[key] = max(rss[key], peak)
        row = {"run": name, "images": count}
        for key in times:
            row[key + "_images_per_s"] = round(count / statistics.median(times[key]), 2)
            row[key + "_peak_rss_mib"] = round(rss[key], 1)
        row["ratio"] = round(row["cascade_images_per_s"] / row["baseline_images_per_s"], 3)
        results.append(row)
        print(json.dumps(row), flush=True)
    print("| run | images | baseline images/s | cascade images/s | ratio | peak RSS baseline / cascade (MiB) |")
    print("|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['run']} | {r['images']} | {r['baseline_images_per_s']} | {r['cascade_images_per_s']} | {r['ratio']} | "
              f"{r['baseline_peak_rss_mib']:.0f} / {r['cascade_peak_rss_mib']:.0f} |")
    (B.OUT / "visual_cascade.json").write_text(json.dumps({"cpus": os.cpu_count(), "rounds": args.rounds, "rows": results}, indent=2))


if __name__ == "__main__":
    main()
