"""The visual cascade in Python, mirroring src/vision (stage 1, candidates, crops, page view).

Stage 1 is the shipped fully-convolutional heat-map network (models/visual_classifier.onnx). It
nominates candidate regions: per local label (emblem, seal), the strongest blobs of its heat map
over the first and the detail pass whose logit reaches a low nomination level. Stage 2, the
verifier (models/visual_verifier.onnx, EfficientNet-Lite0 with ImageNet weights), reads each
candidate as a square crop of the original pixels, and the whole page letterboxed to a square.

Every function here has a twin in src/vision/cascade.rs; tests/vision_parity checks that both give
the same scores.
"""

from __future__ import annotations

import math
import os
import sys

import numpy as np
import onnxruntime as ort
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import eval_visual as ev  # noqa: E402

STAGE1 = os.path.join(ROOT, "models", "visual_classifier.onnx")
VERIFIER = os.path.join(ROOT, "models", "visual_verifier.onnx")

# Verifier classes (crop head). A candidate is the emblem, a seal, one of the look-alikes the
# issue names, or nothing in particular.
CROP_CLASSES = [
    "background",
    "national_emblem",
    "official_seal",
    "party_emblem",
    "league_emblem",
    "foreign_arms",
    "bank_logo",
    "school_crest",
    "other_red_round",
]
PAGE_LABELS = ["national_emblem", "certificate_layout", "official_seal"]

# Candidate and crop geometry (CandidateParams, CropParams, PageParams in Rust). Training's
# samples are made with these defaults; evaluation and inference read the geometry from the
# sidecar of the model they score (the shipped one reads two candidates per label and a 192-pixel
# page view, for speed: docs/visual.md), and eval_cascade.py --write-sidecar stores what it used.
CANDIDATES = {"nominate_logit": -3.0, "per_label": 3, "nms_iou": 0.3}
CROP = {"side": 128, "context": 1.6, "min_side": 32}
PAGE = {"side": 224}


def load_sidecar_geometry(path: str) -> None:
    """Replaces the defaults above with the geometry stored in a verifier sidecar."""
    import json

    if os.path.exists(path):
        sidecar = json.load(open(path))
        for name, target in (("candidates", CANDIDATES), ("crop", CROP), ("page", PAGE)):
            target.update(sidecar.get(name, {}))


def rnd(v: float) -> int:
    """Rust's f64::round (half away from zero); Python's round() rounds half to even."""
    return int(math.copysign(math.floor(abs(v) + 0.5), v))


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def blobs(heat: np.ndarray, rows: int, cols: int, floor_logit: float, limit: int):
    """Strongest blobs of one label's heat map, strongest first: (logit, (r0, c0, r1, c1)). Each
    blob is the connected set of cells at least half the peak's probability around a peak; cells of
    a taken blob cannot seed another."""
    h = heat[:rows, :cols]
    taken = np.zeros_like(h, dtype=bool)
    out = []
    order = np.argsort(-h, axis=None, kind="stable")
    for flat in order:
        if len(out) >= limit:
            break
        r, c = divmod(int(flat), cols)
        v = float(h[r, c])
        if v < floor_logit:
            break
        if taken[r, c]:
            continue
        floor = sigmoid(v) * 0.5
        r0, c0, r1, c1 = r, c, r, c
        seen = {(r, c)}
        queue = [(r, c)]
        taken[r, c] = True
        while queue:
            y, x = queue.pop(0)
            r0, r1, c0, c1 = min(r0, y), max(r1, y), min(c0, x), max(c1, x)
            for ny, nx in ((y - 1, x), (y + 1, x), (y, x - 1), (y, x + 1)):
                if 0 <= ny < rows and 0 <= nx < cols and (ny, nx) not in seen and not taken[ny, nx] and sigmoid(h[ny, nx]) >= floor:
                    seen.add((ny, nx))
                    taken[ny, nx] = True
                    queue.append((ny, nx))
        out.append((v, (r0, c0, r1, c1)))
    return out


def cells_to_image(cells, scale, rw, rh, ow, oh, stride):
    r0, c0, r1, c1 = cells
    to = lambda v, lim: min(rnd(v / scale), lim)  # noqa: E731
    x0, y0 = to(c0 * stride, ow), to(r0 * stride, oh)
    x1, y1 = to(min((c1 + 1) * stride, rw), ow), to(min((r1 + 1) * stride, rh), oh)
    return [x0, y0, max(1, x1 - x0), max(1, y1 - y0)]


def iou(a, b):
    ax1, ay1, bx1, by1 = a[0] + a[2], a[1] + a[3], b[0] + b[2], b[1] + b[3]
    iw, ih = max(0, min(ax1, bx1) - max(a[0], b[0])), max(0, min(ay1, by1) - max(a[1], b[1]))
    inter = iw * ih
    return inter / float(a[2] * a[3] + b[2] * b[3] - inter) if inter else 0.0


class Stage1:
    """The shipped heat-map network, with the Rust classifier's passes."""

    def __init__(self, path: str = STAGE1, threads: int = 2):
        self.model = ev.Model(path, ev.PREPROCESS)
        self.model.session.set_providers(["CPUExecutionProvider"])
        self.p = ev.PREPROCESS

    def passes(self, im: Image.Image):
        """[(heat [3, rows, cols] of valid cells, scale, rw, rh)] for the first and detail pass."""
        out = []
        x, rw, rh, scale = ev.preprocess(im, self.p)
        out.append(self._run(x, rw, rh, scale))
        fine = min(1.0, scale * 2, (ev.DETAIL_MAX_PIXELS / (im.width * im.height)) ** 0.5)
        if (fine >= 1.0 and fine > scale * 1.15) or fine >= scale * 1.5:
            x, rw, rh, scale = ev.preprocess(im, self.p, fine)
            out.append(self._run(x, rw, rh, scale))
        return out

    def _run(self, x, rw, rh, scale):
        heat = self.model.session.run(None, {"image": x})[0][0]
        s = self.p["stride"]
        rows, cols = min(-(-rh // s), heat.shape[1]), min(-(-rw // s), heat.shape[2])
        return heat[:, :rows, :cols], scale, rw, rh

    def analyse(self, im: Image.Image):
        """(stage-1 logits per label [3], candidates {label index: [(logit, box)]})."""
        im = ev.flatten(im)
        ow, oh = im.size
        passes = self.passes(im)
        logits = np.max([h.reshape(3, -1).max(axis=1) for h, *_ in passes], axis=0)
        logits[1] = passes[0][0][1].max()  # the page label keeps the first pass
        cands = {}
        for label in (0, 2):
            found = []
            for heat, scale, rw, rh in passes:
                for v, cells in blobs(heat[label], heat.shape[1], heat.shape[2], CANDIDATES["nominate_logit"], CANDIDATES["per_label"]):
                    found.append((v, cells_to_image(cells, scale, rw, rh, ow, oh, self.p["stride"])))
            found.sort(key=lambda t: -t[0])
            kept = []
            for v, box in found:
                if all(iou(box, k[1]) < CANDIDATES["nms_iou"] for k in kept):
                    kept.append((v, box))
                if len(kept) == CANDIDATES["per_label"]:
                    break
            cands[label] = kept
        return logits, cands


def crop_region(box, ow, oh, context=None, min_side=None):
    """The square of original pixels a candidate is read in: centred on the box, `context` times
    its longer side, at least `min_side` (may extend past the image: padded grey)."""
    context = CROP["context"] if context is None else context
    min_side = CROP["min_side"] if min_side is None else min_side
    x, y, w, h = box
    side = max(min_side, rnd(max(w, h) * context))
    cx, cy = x + w / 2.0, y + h / 2.0
    return rnd(cx - side / 2.0), rnd(cy - side / 2.0), side


def resize_like_rust(im: Image.Image, w: int, h: int) -> Image.Image:
    if (w, h) == im.size:
        return im
    if w <= im.width and h <= im.height:
        return im.resize((w, h), Image.BOX)
    return im.resize((w, h), Image.BILINEAR)


def crop_input(im: Image.Image, region, side=None) -> np.ndarray:
    """[3, side, side] in [0, 1]: the region's pixels inside the image, resized to side x side,
    grey (0.5) where the region leaves the image."""
    side = side or CROP["side"]
    x0, y0, s = region
    ow, oh = im.size
    ix0, iy0, ix1, iy1 = max(0, x0), max(0, y0), min(ow, x0 + s), min(oh, y0 + s)
    out = np.full((3, side, side), 0.5, np.float32)
    if ix1 <= ix0 or iy1 <= iy0:
        return out
    # the part of the square that lies inside the image, mapped to output pixels
    f = side / float(s)
    dx0, dy0 = rnd((ix0 - x0) * f), rnd((iy0 - y0) * f)
    dx1, dy1 = rnd((ix1 - x0) * f), rnd((iy1 - y0) * f)
    dw, dh = max(1, dx1 - dx0), max(1, dy1 - dy0)
    dw, dh = min(dw, side - dx0), min(dh, side - dy0)
    if dw <= 0 or dh <= 0:
        return out
    part = resize_like_rust(im.crop((ix0, iy0, ix1, iy1)), dw, dh)
    out[:, dy0 : dy0 + dh, dx0 : dx0 + dw] = np.asarray(part, np.float32).transpose(2, 0, 1) / 255.0
    return out


def page_input(im: Image.Image, side=None) -> np.ndarray:
    """[3, side, side] in [0, 1]: the whole image, long side `side`, top-left, grey padding."""
    side = side or PAGE["side"]
    ow, oh = im.size
    scale = side / float(max(ow, oh))
    w, h = max(1, min(side, rnd(ow * scale))), max(1, min(side, rnd(oh * scale)))
    out = np.full((3, side, side), 0.5, np.float32)
    out[:, :h, :w] = np.asarray(resize_like_rust(im, w, h), np.float32).transpose(2, 0, 1) / 255.0
    return out
