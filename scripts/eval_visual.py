#!/usr/bin/env python3
"""Evaluates the shipped ONNX visual classifier (through onnxruntime) and calibrates its thresholds.

    python3 scripts/eval_visual.py ../shared/assets --shared ../shared [--calibrate] [--write-sidecar]

Sets:
  calibration  generated, seed `calibration_seed`, training assets: thresholds are chosen here only;
  heldout      generated, seed `heldout_seed`, with six flags never seen in training;
  heldout_screens  the same seed at screen sizes (1920x1080, 1080x1920, 1440x900, 1920x600), which
               the first pass shrinks as it shrinks screenshots; both held-out sets also print
               emblem recall by emblem size;
  real         the real files in ../shared, labelled by REAL_LABELS below (see README);
  composites   the emblem renders pasted onto real photos from ../shared (in-context positives,
               including a 40-pixel emblem in the corner of 1920x400 banners and of 1920x1080
               images), plus the backgrounds alone as negatives. Per-group figures are printed too.

Preprocessing mirrors src/vision/mod.rs: alpha over white; shrink (area average) to at most
max_pixels and max_long_side, or enlarge (bilinear) to min_long_side; grey padding to a multiple of
32; score = sigmoid of the heat-map maximum over the cells that cover the image; then the detail pass
(emblem and seal only) at up to twice the scale within DETAIL_MAX_PIXELS.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import random
import sys

import numpy as np
import onnxruntime as ort
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
sys.path.insert(0, os.path.join(ROOT, "datasets"))
import generate  # noqa: E402

LABELS = ("national_emblem", "certificate_layout", "official_seal")
MODEL = os.path.join(ROOT, "models", "visual_classifier.onnx")
SIDECAR = os.path.join(ROOT, "models", "visual_classifier.json")
CALIBRATION_MAX_FP_RATE = 0.005
PREPROCESS = {"min_long_side": 320, "max_long_side": 1920, "max_pixels": 960 * 540, "pad_multiple": 32, "pad_value": 0.5, "stride": 16}
DETAIL_MAX_PIXELS = 800_000  # VisualParams::default().detail_max_pixels
# Screen-sized generated images (the held-out seed, other indices): the first pass shrinks them.
SCREEN_SIZES = [(1920, 1080), (1080, 1920), (1440, 900), (1920, 600)]
SCREEN_FIRST_INDEX = 1_000_000
SCREEN_COUNT = 400

# Real images in ../shared and what they show (E = national emblem, C = certificate layout,
# S = official seal; None = left out of that label's figures because the truth is ambiguous).
SEAL_POSITIVES = [
    "samples/certificates_seals/vignetteapril_seal-detection/2.jpg",
    "samples/certificates_seals/vignetteapril_seal-detection/3.png",
    "samples/certificates_seals/joran1101_yolov5-cbam-seal-detection/00005.jpeg",
    "samples/certificates_seals/joran1101_yolov5-cbam-seal-detection/1.jpeg",
    "samples/certificates_seals/joran1101_yolov5-cbam-seal-detection/2.jpeg",
    "samples/certificates_seals/joran1101_yolov5-cbam-seal-detection/3.jpeg",
    "samples/certificates_seals/gaokangyu_seal-ocr-for-blar/seal_1.png",
    "samples/certificates_seals/gaokangyu_seal-ocr-for-blar/seal_4.png",
    "samples/certificates_seals/gaokangyu_seal-ocr-for-blar/seal_67.png",
    "samples/certificates_seals/gaokangyu_seal-ocr-for-blar/seal_91.png",
    "samples/certificates_seals/gaokangyu_seal-ocr-for-blar/readme_raw_input.png",
    "samples/certificates_seals/chuanyuxue_sealhacker/test.jpg",
    "samples/certificates_seals/xuzheliang135_sealcut/Xnip2024-11-04_13-25-06.jpg",
]
# The vehicle registration certificate page is a form-like booklet page titled 机动车登记证书: neither a
# clear certificate layout nor clearly not one, so it is left out of the certificate figures.
CERT_AMBIGUOUS = ["samples/ocr/rapidocr/check_return_word_len.jpeg"]


def real_labels(shared: str) -> list[tuple[str, dict]]:
    """(path, {label: 0/1/None}) for every real image in ../shared."""
    rows = []
    for path in sorted(glob.glob(os.path.join(shared, "assets", "emblem", "*.png"))):
        rows.append((path, {"national_emblem": 1, "certificate_layout": 0, "official_seal": 0}))
    negatives = sorted(
        glob.glob(os.path.join(shared, "assets", "flags", "*.png"))
        + glob.glob(os.path.join(shared, "assets", "hard_negatives", "**", "*.png"), recursive=True)
    )
    # The police badge (警徽) reuses the emblem's centre motif but is a different, legal emblem: counted
    # as a negative, because flagging every police notice would bury moderators in false alarms.
    for path in negatives:
        rows.append((path, {"national_emblem": 0, "certificate_layout": 0, "official_seal": 0}))
    for path in sorted(glob.glob(os.path.join(shared, "samples", "**", "*"), recursive=True)):
        if not path.lower().endswith((".jpg", ".jpeg", ".png")):
            continue
        rel = os.path.relpath(path, shared)
        rows.append(
            (
                path,
                {
                    "national_emblem": 0,
                    "certificate_layout": None if rel in CERT_AMBIGUOUS else 0,
                    "official_seal": 1 if rel in SEAL_POSITIVES else 0,
                },
            )
        )
    return rows


def flatten(im: Image.Image) -> Image.Image:
    if im.mode in ("RGBA", "LA", "P"):
        im = im.convert("RGBA")
        bg = Image.new("RGBA", im.size, (255, 255, 255, 255))
        return Image.alpha_composite(bg, im).convert("RGB")
    return im.convert("RGB")


def model_size(w: int, h: int, p: dict) -> tuple[int, int, float]:
    long = max(w, h, 1)
    scale = min(p["max_long_side"] / long, (p["max_pixels"] / (max(w, 1) * max(h, 1))) ** 0.5, 1.0)
    if long * scale < p["min_long_side"]:
        scale = p["min_long_side"] / long
    return max(1, round(w * scale)), max(1, round(h * scale)), scale


def preprocess(im: Image.Image, p: dict, scale: float | None = None):
    im = flatten(im)
    if scale is None:
        rw, rh, scale = model_size(im.width, im.height, p)
    else:
        rw, rh = max(1, round(im.width * scale)), max(1, round(im.height * scale))
    if (rw, rh) == im.size:
        small = im
    elif rw <= im.width and rh <= im.height:
        small = im.resize((rw, rh), Image.BOX)  # area average, like image::imageops::thumbnail
    else:
        small = im.resize((rw, rh), Image.BILINEAR)
    m = p["pad_multiple"]
    pw, ph = -(-rw // m) * m, -(-rh // m) * m
    x = np.full((1, 3, ph, pw), p["pad_value"], np.float32)
    x[0, :, :rh, :rw] = np.asarray(small, np.float32).transpose(2, 0, 1) / 255.0
    return x, rw, rh, scale


class Model:
    def __init__(self, path: str, p: dict):
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 2
        self.session = ort.InferenceSession(path, opts, providers=["CPUExecutionProvider"])
        self.p = p

    def pass_logits(self, im: Image.Image, scale: float | None = None) -> tuple[np.ndarray, float]:
        x, rw, rh, scale = preprocess(im, self.p, scale)
        heat = self.session.run(None, {"image": x})[0][0]
        s = self.p["stride"]
        valid = heat[:, : -(-rh // s), : -(-rw // s)]
        return valid.reshape(3, -1).max(axis=1), scale

    def scores(self, im: Image.Image, detail: bool = True) -> np.ndarray:
        """Like VisualClassifier::classify: first pass, then the detail pass for emblem and seal."""
        logits, scale = self.pass_logits(im)
        fine_scale = min(1.0, scale * 2, (DETAIL_MAX_PIXELS / (im.width * im.height)) ** 0.5)
        worth_it = (fine_scale >= 1.0 and fine_scale > scale * 1.15) or fine_scale >= scale * 1.5
        if detail and worth_it:
            fine, _ = self.pass_logits(im, fine_scale)
            logits[[0, 2]] = np.maximum(logits[[0, 2]], fine[[0, 2]])
        return 1.0 / (1.0 + np.exp(-logits))


def pr(scores: np.ndarray, truth: np.ndarray, thr: float) -> dict:
    keep = truth >= 0
    s, t = scores[keep], truth[keep]
    pred = s >= thr
    tp, fp = int((pred & (t == 1)).sum()), int((pred & (t == 0)).sum())
    fn, tn = int((~pred & (t == 1)).sum()), int((~pred & (t == 0)).sum())
    precision = tp / (tp + fp) if tp + fp else None  # undefined: JSON null, "-" in tables
    recall = tp / (tp + fn) if tp + fn else None
    f1 = 2 * precision * recall / (precision + recall) if tp else (None if recall is None else 0.0)
    return {
        "positives": tp + fn,
        "negatives": fp + tn,
        "tp": tp,
        "fp": fp,
        "precision": None if precision is None else round(precision, 4),
        "recall": None if recall is None else round(recall, 4),
        "f1": None if f1 is None else round(f1, 4),
        "fp_rate": round(fp / (fp + tn), 4) if fp + tn else None,
    }


# The longest side of the largest emblem of each generated image, by item name (for recall by size).
EMBLEM_PX: dict[str, int] = {}
EMBLEM_SIZE_BUCKETS = [(0, 16), (16, 24), (24, 40), (40, 80), (80, 160), (160, 100_000)]


def generated(asset_dir: str, cfg: dict, split: str, seed: int, count: int, screens: bool = False):
    """Generated images; with `screens`, screen-sized canvases (SCREEN_SIZES, indices from
    SCREEN_FIRST_INDEX) that the first pass has to shrink, the way it shrinks screenshots."""
    assets = generate.load_assets(asset_dir, split, cfg["heldout_flags"], None)
    for i in range(count):
        index, size = (SCREEN_FIRST_INDEX + i, SCREEN_SIZES[i % len(SCREEN_SIZES)]) if screens else (i, None)
        im, labels, boxes = generate.generate_one(assets, cfg, seed, index, size=size)
        name = f"{split}{'_screens' if screens else ''}:{seed}:{index}"
        EMBLEM_PX[name] = max((max(b[2], b[3]) for b in boxes["national_emblem"]), default=0)
        yield name, im, [labels[k] for k in LABELS]


def recall_by_emblem_size(names: list[str], scores: np.ndarray, truth: np.ndarray, threshold: float) -> dict:
    """Emblem recall per size bucket (longest side of the largest emblem, original pixels)."""
    out = {}
    for lo, hi in EMBLEM_SIZE_BUCKETS:
        idx = [i for i, n in enumerate(names) if truth[i, 0] == 1 and lo <= EMBLEM_PX.get(n, -1) < hi]
        if idx:
            found = int((scores[idx, 0] >= threshold).sum())
            out[f"{lo}-{hi}px" if hi < 100_000 else f">={lo}px"] = {"positives": len(idx), "tp": found, "recall": round(found / len(idx), 4)}
    return out


def real(shared: str):
    for path, labels in real_labels(shared):
        yield os.path.relpath(path, shared), Image.open(path), [-1 if labels[k] is None else labels[k] for k in LABELS]


def composites(shared: str):
    """The emblem renders pasted on real photos: corners, centre, several sizes; and those photos."""
    rng = random.Random(99)
    emblems = [Image.open(p).convert("RGBA") for p in sorted(glob.glob(os.path.join(shared, "assets", "emblem", "*.png")))]
    photos = sorted(glob.glob(os.path.join(shared, "samples", "ocr", "paddleocr_imgs", "*.jpg")))[:6]
    for pi, photo in enumerate(photos):
        base = Image.open(photo).convert("RGB")
        yield f"photo:{os.path.basename(photo)}", base, [0, -1, -1]
        for ei, em in enumerate(emblems):
            frac = [0.08, 0.18, 0.4][(pi + ei) % 3]
            size = max(40, int(min(base.size) * frac))
            e = em.copy()
            e.thumbnail((size, size), Image.LANCZOS)
            canvas = base.copy()
            x = rng.choice([8, canvas.width - e.width - 8, (canvas.width - e.width) // 2])
            y = rng.choice([8, canvas.height - e.height - 8])
            canvas.paste(e, (x, y), e)
            yield f"composite:{os.path.basename(photo)}:{ei}:{frac}", canvas, [1, -1, -1]
    # a 40-pixel emblem in the top-right corner of a 1920x400 banner (photo or ad-red gradient)
    banners = [Image.open(p).convert("RGB").resize((1920, 400), Image.BILINEAR) for p in photos[:4]]
    banners.append(generate.gradient(1920, 400, (200, 20, 20), (150, 0, 10), True))
    banners.append(generate.gradient(1920, 400, (255, 250, 235), (255, 220, 180), True))
    for bi, base in enumerate(banners):
        yield f"banner:{bi}", base, [0, -1, -1]
        for ei, em in enumerate(emblems):
            yield f"banner40:{bi}:{ei}", corner_logo(base, em), [1, -1, -1]
    # a 40-pixel emblem in the corner of a 1920x1080 screenshot-sized image
    for photo in photos[:2]:
        base = Image.open(photo).convert("RGB").resize((1920, 1080), Image.BILINEAR)
        for ei, em in enumerate(emblems):
            yield f"corner40:{os.path.basename(photo)}:{ei}", corner_logo(base, em), [1, -1, -1]


def corner_logo(base: Image.Image, emblem: Image.Image, size: int = 40) -> Image.Image:
    """`base` with `emblem` shrunk to `size` pixels in its top-right corner, 12 pixels in."""
    e = emblem.copy()
    e.thumbnail((size, size), Image.LANCZOS)
    canvas = base.copy()
    canvas.paste(e, (base.width - size - 12, 12), e)
    return canvas


def run(model: Model, items) -> tuple[list[str], np.ndarray, np.ndarray]:
    names, scores, truth = [], [], []
    for name, im, t in items:
        names.append(name)
        scores.append(model.scores(im))
        truth.append(t)
    return names, np.array(scores), np.array(truth)


def pick_threshold(scores: np.ndarray, truth: np.ndarray, max_fp_rate: float | None) -> float:
    """Threshold with the best F1 on the calibration set (optionally capped in false-positive rate)."""
    best, best_thr = -1.0, 0.5
    for thr in np.unique(np.round(scores, 4)):
        m = pr(scores, truth, float(thr))
        if max_fp_rate is not None and (m["fp_rate"] or 0.0) > max_fp_rate:
            continue
        if (m["f1"] or 0.0) > best:
            best, best_thr = m["f1"], float(thr)
    return round(best_thr, 4)


def table(title: str, results: dict) -> str:
    lines = [f"**{title}**", "", "| label | positives | negatives | precision | recall | F1 | FP rate |", "|---|---|---|---|---|---|---|"]
    for k, m in results.items():
        cell = lambda v: "–" if v is None else f"{v:.3f}"  # noqa: E731
        lines.append(f"| {k} | {m['positives']} | {m['negatives']} | {cell(m['precision'])} | {cell(m['recall'])} | {cell(m['f1'])} | {cell(m['fp_rate'])} |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("assets")
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--model", default=MODEL)
    ap.add_argument("--calibrate", action="store_true", help="choose thresholds on the calibration set")
    ap.add_argument("--write-sidecar", action="store_true")
    ap.add_argument("--quick", action="store_true", help="real images only")
    ap.add_argument("--dump", default=None, help="write per-image scores (JSON) here")
    args = ap.parse_args()
    cfg = generate.load_config()
    sidecar = json.load(open(SIDECAR)) if os.path.exists(SIDECAR) else {}
    p = dict(PREPROCESS, **sidecar.get("preprocess", {}))
    model = Model(args.model, p)
    thresholds = sidecar.get("thresholds", {k: 0.5 for k in LABELS})
    if args.calibrate:
        _, s, t = run(model, generated(args.assets, cfg, "train", cfg["calibration_seed"], cfg["calibration_count"]))
        # Moderation wants few false alarms, and synthetic negatives are easier than real ones:
        # operate at a low false-positive rate on the calibration set rather than at its best F1.
        thresholds = {k: pick_threshold(s[:, i], t[:, i], CALIBRATION_MAX_FP_RATE) for i, k in enumerate(LABELS)}
        print("thresholds", thresholds)
    sets = {"real": real(args.shared), "composites": composites(args.shared)}
    if not args.quick:
        sets["heldout"] = generated(args.assets, cfg, "heldout", cfg["heldout_seed"], cfg["heldout_count"])
        sets["heldout_screens"] = generated(args.assets, cfg, "heldout", cfg["heldout_seed"], SCREEN_COUNT, screens=True)
    metrics, dump = {}, {}
    for name, items in sets.items():
        names, s, t = run(model, items)
        metrics[name] = {k: pr(s[:, i], t[:, i], thresholds[k]) for i, k in enumerate(LABELS) if (t[:, i] >= 0).any()}
        dump[name] = [{"name": n, "scores": [round(float(v), 4) for v in sc], "truth": tr.tolist()} for n, sc, tr in zip(names, s, t)]
        print(table(name, metrics[name]))
        print()
        if name.startswith("heldout"):
            sizes = recall_by_emblem_size(names, s, t, thresholds["national_emblem"])
            metrics[name]["national_emblem_by_size"] = sizes
            print("  emblem recall by size: " + ", ".join(f"{k} {v['tp']}/{v['positives']}" for k, v in sizes.items()))
        if name == "composites":
            groups = sorted({n.split(":")[0] for n in names})
            for grp in groups:
                idx = [i for i, n in enumerate(names) if n.split(":")[0] == grp]
                m = pr(s[idx, 0], t[idx, 0], thresholds["national_emblem"])
                metrics[name][f"national_emblem/{grp}"] = m
                print(f"  {grp}: positives {m['positives']} negatives {m['negatives']} recall {m['recall']} fp {m['fp']}")
    if args.dump:
        json.dump(dump, open(args.dump, "w"), indent=1, ensure_ascii=False)
    if args.write_sidecar:
        train_log = json.load(open(os.path.join(ROOT, "models", "train_log.json")))
        sidecar = {
            "model": "visual_classifier.onnx",
            "labels": list(LABELS),
            "input": {"name": "image", "layout": "NCHW", "colour": "RGB", "range": [0.0, 1.0], "note": "normalisation (x - 0.5) / 0.25 is inside the graph"},
            "output": {"name": "heatmap", "kind": "logits", "stride": p["stride"], "score": "sigmoid(max over cells covering the image)"},
            "preprocess": {k: p[k] for k in PREPROCESS},
            "thresholds": thresholds,
            "generator": {"version": cfg["generator_version"], "train_seed": cfg["train_seed"], "calibration_seed": cfg["calibration_seed"], "heldout_seed": cfg["heldout_seed"]},
            "training": {"steps": train_log["steps_done"], "batch": train_log["args"]["batch"], "seconds": round(train_log["seconds"]), "params": train_log["params"], "device": train_log["args"]["device"]},
            "metrics": metrics,
        }
        with open(SIDECAR, "w") as f:
            json.dump(sidecar, f, indent=1)
            f.write("\n")
        print(f"wrote {SIDECAR}")


if __name__ == "__main__":
    main()
