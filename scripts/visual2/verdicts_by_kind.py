#!/usr/bin/env python3
"""Verdicts of a full `shanzhai scan` on the real images and on the demo ads, before and after.

    python3 scripts/visual2/verdicts_by_kind.py --baseline OLD_BINARY [--binary NEW] [--shared ../shared]

Scans ../shared/samples/real_visual/images and datasets/samples with both binaries and prints the
pass / review / block counts per kind of real image (certificates and licences, other images with
the emblem, seals, look-alikes, everything else) and the verdict of every demo image. Results go
to target/bench-scan/verdicts_by_kind.json.
"""

import argparse
import collections
import json
import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def kind(row):
    if row["certificate_layout"]:
        return "certificate, licence or permit"
    if row["national_emblem"]:
        return "emblem (not a certificate)"
    if row["official_seal"]:
        return "seal (no certificate, no emblem)"
    if row["lookalike"] != "none":
        return "look-alike"
    return "ordinary image"


def scan(binary, folder):
    out = subprocess.run([str(binary), "scan", "--format", "jsonl", "--jobs", "2", str(folder)], capture_output=True, text=True)
    if out.returncode not in (0, 1):
        raise SystemExit(f"{binary} failed: {out.stderr[-2000:]}")
    return {os.path.basename(r["path"]): r for r in map(json.loads, out.stdout.splitlines())}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baseline", type=Path, required=True)
    ap.add_argument("--binary", type=Path, default=Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "release" / "shanzhai")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    real = args.shared / "samples" / "real_visual"
    labels = {os.path.basename(r["path"]): r for r in json.load(open(real / "labels.json", encoding="utf-8"))}
    split = json.load(open(ROOT / "scripts" / "visual2" / "real_split.json"))
    report_half = {os.path.basename(p) for p in split["report"]}
    results = {}
    for name, binary in (("before", args.baseline), ("after", args.binary)):
        results[name] = {"real": scan(binary, real / "images"), "demo": scan(binary, ROOT / "datasets" / "samples")}
    table = collections.defaultdict(lambda: collections.Counter())
    for when in ("before", "after"):
        for file, r in results[when]["real"].items():
            for part in ("all", "report half" if file in report_half else "fit half"):
                table[(kind(labels[file]), part, when)][r["verdict"]] += 1
    print("| kind of real image | images | before: pass / review / block | after: pass / review / block |")
    print("|---|---|---|---|")
    for k in sorted({k for k, _, _ in table}):
        b, a = table[(k, "all", "before")], table[(k, "all", "after")]
        n = sum(b.values())
        print(f"| {k} | {n} | {b['pass']} / {b['review']} / {b['block']} | {a['pass']} / {a['review']} / {a['block']} |")
    print("\n| demo image | before | after |")
    print("|---|---|---|")
    for file in sorted(results["after"]["demo"]):
        print(f"| {file} | {results['before']['demo'][file]['verdict']} | {results['after']['demo'][file]['verdict']} |")
    summary = {f"{k} / {part} / {when}": dict(c) for (k, part, when), c in table.items()}
    demo = {f: {"before": results["before"]["demo"][f]["verdict"], "after": results["after"]["demo"][f]["verdict"]} for f in results["after"]["demo"]}
    dest = ROOT / "target" / "bench-scan" / "verdicts_by_kind.json"
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(json.dumps({"real": summary, "demo": demo, "details": {w: {f: {"verdict": r["verdict"], "reasons": r["reasons"]} for f, r in results[w]["real"].items()} for w in results}}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
