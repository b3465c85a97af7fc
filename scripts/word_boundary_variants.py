#!/usr/bin/env python3
"""Prototype behind the word-boundary check (docs/terms.md, seventh session): how each way of using
Chinese word segmentation would change `shanzhai text` verdicts on the terms_eval pools.

    pip install jieba   (the Python package; same dictionary as the jieba-rs crate the matcher uses)
    python3 scripts/word_boundary_variants.py BINARY dev,holdout,holdout5 [-v]

Runs BINARY (a build whose matcher has the check off, or before it) and, for every match of exactly two
Chinese characters, drops it when
  A  its start lies inside a segmented word (what the matcher does now),
  B  its start or its end lies inside a word,
  C  its start lies inside a word, or a word begins inside it and runs past its end;
then recomputes the verdict from the remaining matches (block with a high match, review with a medium
one or two different low rules; the matcher's own caps are approximated) and counts flagged lines per
label. -v lists each line whose verdict would change. Segments the original line (the matcher
segments normalised text), so the figures are estimates; the shipped variant was measured with
scripts/eval_terms.py.
"""

import collections
import json
import logging
import pathlib
import re
import subprocess
import sys

import jieba

jieba.setLogLevel(logging.WARNING)
SETS = pathlib.Path(__file__).resolve().parent.parent / "datasets" / "terms_eval"
TWO_HAN = re.compile(r"^[\u4e00-\u9fff]{2}$")
ORDER = ["pass", "review", "block"]


def load(name):
    rows = []
    for line in (SETS / f"{name}.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        rows.append(tuple(line.split("\t", 2)))
    return rows


def word_starts(text):
    starts, pos = set(), 0
    for word in jieba.cut(text, HMM=False):
        starts.add(pos)
        pos += len(word)
    starts.add(pos)
    return starts


def verdict(matches):
    if any(m["severity"] == "high" for m in matches):
        return "block"
    if any(m["severity"] == "medium" for m in matches):
        return "review"
    return "review" if len({m["rule"] for m in matches if m["severity"] == "low"}) >= 2 else "pass"


def dropped(m, bounds, variant):
    if not TWO_HAN.match(m["text"]):
        return False
    s, e = m["start"], m["end"]
    if s not in bounds:
        return True
    if variant == "B":
        return e not in bounds
    if variant == "C":
        return e not in bounds and any(s < b < e for b in bounds)
    return False


def main():
    binary, names, verbose = sys.argv[1], sys.argv[2].split(","), "-v" in sys.argv
    for name in names:
        rows = load(name)
        data = "".join(t + "\n" for _, _, t in rows).encode()
        out = subprocess.run([binary, "text", "--lines", "--format", "jsonl", "-"], input=data, capture_output=True)
        records = [json.loads(line) for line in out.stdout.decode().splitlines()]
        flagged, lines = collections.Counter(), collections.Counter()
        for (label, _, text), r in zip(rows, records):
            lines[label] += 1
            flagged[("before", label)] += r["verdict"] in ("review", "block")
            bounds = word_starts(text)
            for variant in "ABC":
                keep = [m for m in r["matches"] if not dropped(m, bounds, variant)]
                after = r["verdict"]
                if len(keep) < len(r["matches"]):
                    after = min(verdict(keep), after, key=ORDER.index)
                    if verbose:
                        print(f"    {variant} {label} {r['verdict']} -> {after}  {text}")
                flagged[(variant, label)] += after in ("review", "block")
        print(f"## {name}: " + ", ".join(f"{k} {v}" for k, v in lines.items()))
        for variant in ("before", "A", "B", "C"):
            print(f"  {variant}: " + ", ".join(f"{label} flagged {flagged[(variant, label)]}" for label in lines))


if __name__ == "__main__":
    main()
