#!/usr/bin/env python3
"""Recall and false-flag rate of `shanzhai text` on the labelled set of datasets/terms_eval.

Runs each given binary as `shanzhai text --lines --format jsonl` on the text column of each set and
prints, per label and kind, how many lines were flagged (review or block) and blocked:
- `ad` lines: recall = flagged / lines (target >= 97 %);
- `ordinary` lines: false-flag rate = flagged / lines (target <= 2 %);
- `report` lines: blocked / lines (target 0: a report about the phrases gets at most review).

Usage: scripts/eval_terms.py [--set holdout|dev|holdoutN|all]... NAME=BINARY[,ARG...] [NAME=BINARY[,ARG...] ...]
Example: scripts/eval_terms.py before=/tmp/shanzhai-30dcc71 after=target/release/shanzhai
         scripts/eval_terms.py --set all all=BIN no_pinyin=BIN,--rules,datasets/terms_eval/forms/no_pinyin.toml
(extra arguments after commas go to `shanzhai text`, e.g. a rule file that switches a form off).
With --misses, also lists the lines each binary gets wrong.
"""
import argparse
import collections
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SETS = ROOT / "datasets" / "terms_eval"


def load(name: str) -> list:
    rows = []
    for line in (SETS / f"{name}.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        label, kind, text = line.split("\t", 2)
        rows.append((label, kind, text))
    return rows


def verdicts(spec: str, texts: list) -> list:
    binary, *extra = spec.split(",")
    data = "".join(t + "\n" for t in texts).encode("utf-8")
    out = subprocess.run([binary, "text", "--lines", "--format", "jsonl", *extra, "-"], input=data,
                         capture_output=True, check=False)
    if out.returncode not in (0, 1):
        sys.exit(f"{binary} failed: {out.stderr.decode(errors='replace')}")
    records = [json.loads(l) for l in out.stdout.decode("utf-8").splitlines() if l.strip()]
    by_line = {r["line"]: r for r in records}
    return [by_line[i + 1] for i in range(len(texts))]


# Every pool generate.py writes, in the order they were written.
POOLS = ["holdout", "dev"] + sorted((p.stem for p in SETS.glob("holdout?*.tsv")), key=lambda n: int(n[len("holdout"):]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", action="append", choices=POOLS + ["all"])
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("binaries", nargs="+", metavar="NAME=BINARY")
    args = parser.parse_args()
    sets = args.set or POOLS + ["all"]
    bins = [b.split("=", 1) for b in args.binaries]
    for set_name in sets:
        rows = [r for n in POOLS for r in load(n)] if set_name == "all" else load(set_name)
        texts = [t for _, _, t in rows]
        results = {name: verdicts(path, texts) for name, path in bins}
        # (label, kind) -> name -> [lines, flagged, blocked]
        table = collections.OrderedDict()
        for key in sorted({(l, k) for l, k, _ in rows}, key=lambda x: ("ad", "ordinary", "report").index(x[0])):
            table[key] = {}
        for label in ("ad", "ordinary", "report"):
            table[(label, "ALL")] = {}
        for name, recs in results.items():
            for (label, kind, text), rec in zip(rows, recs):
                for key in ((label, kind), (label, "ALL")):
                    cell = table[key].setdefault(name, [0, 0, 0])
                    cell[0] += 1
                    cell[1] += rec["verdict"] != "pass"
                    cell[2] += rec["verdict"] == "block"
        print(f"\n### set: {set_name} ({len(rows)} lines)\n")
        header = "| label | kind | lines | " + " | ".join(f"{n} flagged | {n} blocked" for n, _ in bins) + " |"
        print(header)
        print("|" + "---|" * (3 + 2 * len(bins)))
        for (label, kind), cells in table.items():
            if not cells:
                continue
            lines = next(iter(cells.values()))[0]
            parts = []
            for name, _ in bins:
                n, f, b = cells[name]
                parts.append(f"{f} ({100 * f / n:.1f} %) | {b} ({100 * b / n:.1f} %)")
            bold = "**" if kind == "ALL" else ""
            print(f"| {bold}{label}{bold} | {bold}{kind}{bold} | {lines} | " + " | ".join(parts) + " |")
        if args.misses:
            for name, recs in results.items():
                print(f"\nwrong for {name}:")
                for (label, kind, text), rec in zip(rows, recs):
                    v = rec["verdict"]
                    wrong = (label == "ad" and v == "pass") or (label == "ordinary" and v != "pass") or (
                        label == "report" and v == "block")
                    if wrong:
                        got = ", ".join(f"{m['rule']}:{m['text']}" for m in rec["matches"])
                        print(f"  {label}/{kind}\t{v}\t{text}\t[{got}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
