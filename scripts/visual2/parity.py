#!/usr/bin/env python3
"""Writes tests/data/visual_parity.json: the Python cascade's scores on the demo samples, which
tests/vision_parity.rs compares with the Rust classifier's (same models, same preprocessing).

    python3 scripts/visual2/parity.py

Rerun it whenever models/visual_classifier.* or models/visual_verifier.* change.
"""

import glob
import json
import os
import sys

from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import eval_cascade as E  # noqa: E402

ROOT = E.ROOT
# Extra inputs the tests build themselves (tests/vision_parity.rs makes the same images): a tall
# strip and a wide banner, where padding and resizing are easiest to get wrong.
# JPEG is left out: Pillow and the image crate decode it differently (chroma upsampling), enough to
# move stage 1's seal score on the red line-art demo from 0.59 (Pillow) to 0.86 (image crate), so
# only lossless inputs can test the arithmetic. `red_rings` draws ring-and-dot seal-like shapes
# by formula so that candidates and crops are exercised.
SYNTHETIC = {"tall_strip": (40, 900), "wide_banner": (1900, 120), "red_rings": (900, 600)}


def pixel(name, x, y):
    if name == "red_rings":
        for cx, cy, r in ((200, 180, 90), (640, 380, 40), (820, 90, 18)):
            d = ((x - cx) ** 2 + (y - cy) ** 2) ** 0.5
            if r * 0.8 <= d <= r or d <= r * 0.25:
                return (200, 30, 40)
        return (250, 248, 240)
    return ((x * 7 + y * 3) % 256, (x * y) % 256, 128)


def synthetic(name):
    w, h = SYNTHETIC[name]
    return Image.frombytes("RGB", (w, h), bytes(v for y in range(h) for x in range(w) for v in pixel(name, x, y)))


def main():
    E.C.load_sidecar_geometry(E.SIDECAR)
    cas = E.Cascade(threads=1)
    out = {}
    for path in sorted(glob.glob(os.path.join(ROOT, "datasets", "samples", "*.png"))):
        with Image.open(path) as im:
            im.load()
            r = cas.run(im)
        out[os.path.basename(path)] = {"stage1": r["stage1"], "scores": r["verifier"], "candidates": r["candidates"]}
    for name in SYNTHETIC:
        r = cas.run(synthetic(name))
        out[name] = {"stage1": r["stage1"], "scores": r["verifier"], "candidates": r["candidates"]}
    dest = os.path.join(ROOT, "tests", "data", "visual_parity.json")
    with open(dest, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print("wrote", dest)


if __name__ == "__main__":
    main()
