"""Training and evaluation samples for the verifier: candidate crops and page views.

Every sample is made the way inference makes it (scripts/visual2/cascade.py, src/vision/cascade.rs):
stage 1 nominates candidate regions, each is cut from the original pixels as a square crop, and
the whole image is letterboxed into the page view. What changes between sources is only how a
crop gets its class:

- generated scenes (datasets/generate.py with the verifier's config): from the generator's boxes;
- look-alike objects (party emblem, coats of arms, red round logos), emblems in every style and
  seals, pasted through the same paste code on generated backgrounds: by construction;
- the real images of the `fit` half of ../shared/samples/real_visual (scripts/visual2/real_split.json),
  in several random re-encodings: from labels.json (the emblem box, the image's seal label, its
  look-alike class).
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import os
import random
import sys

import numpy as np
from PIL import Image, ImageFilter, ImageOps

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "datasets"))
import cascade as C  # noqa: E402
import generate  # noqa: E402

CLS = {name: i for i, name in enumerate(C.CROP_CLASSES)}
IGNORE = -1
LOOKALIKE_CLASS = {
    "party_emblem": CLS["party_emblem"],
    "league_emblem": CLS["league_emblem"],
    "foreign_arms": CLS["foreign_arms"],
    "bank_logo": CLS["bank_logo"],
    "school_crest": CLS["school_crest"],
    "other_red_round": CLS["other_red_round"],
    "seal": CLS["official_seal"],
}


def verifier_config() -> dict:
    """The generator's config plus the licence scene and the print/relief emblem styles."""
    cfg = generate.load_config()
    cfg["scene_weights"] = dict(cfg["scene_weights"], licence=0.14, certificate=0.13, banner=0.26)
    cfg["emblem_styles"] = dict(generate.EMBLEM_STYLES, bwprint=0.08, halftone=0.05, redline=0.1, emboss=0.06)
    return cfg


def to_u8(x: np.ndarray) -> np.ndarray:
    return np.clip(np.round(x * 255.0), 0, 255).astype(np.uint8)


def region_class(region, boxes: dict) -> int:
    """Class of a crop region from generator boxes. The emblem (or seal) when the crop frames it:
    its centre in the middle of the crop and its longer side 30-110 % of the crop's, or the crop
    lying inside a large one. A crop that holds one only small or off-centre is IGNORE (neither
    a clean positive nor a background), so the verifier is not taught to call a visible emblem
    background; everything else is background."""
    x0, y0, s = region
    cx, cy = x0 + s / 2.0, y0 + s / 2.0
    unclear = False
    for label, cls in (("national_emblem", CLS["national_emblem"]), ("official_seal", CLS["official_seal"])):
        for bx, by, bw, bh in boxes.get(label, []):
            bcx, bcy = bx + bw / 2.0, by + bh / 2.0
            long = max(bw, bh)
            centred = abs(bcx - cx) <= 0.3 * s and abs(bcy - cy) <= 0.3 * s
            if centred and 0.3 * s <= long <= 1.1 * s:
                return cls
            if bx <= cx <= bx + bw and by <= cy <= by + bh and long >= 0.8 * s:
                return cls
            if x0 - 0.1 * s <= bcx <= x0 + 1.1 * s and y0 - 0.1 * s <= bcy <= y0 + 1.1 * s:
                unclear = True
    return IGNORE if unclear else CLS["background"]


def gt_crops(rng: random.Random, im: Image.Image, boxes: dict, n: int):
    """Crops around the true emblem and seal boxes with jittered context and centre, so the
    verifier learns every positive even where stage 1 nominates it badly."""
    out = []
    for label, cls in (("national_emblem", CLS["national_emblem"]), ("official_seal", CLS["official_seal"])):
        for box in boxes.get(label, [])[:2]:
            for _ in range(n):
                x, y, w, h = box
                jx, jy = rng.uniform(-0.15, 0.15) * w, rng.uniform(-0.15, 0.15) * h
                region = C.crop_region([x + jx, y + jy, w, h], im.width, im.height, context=rng.uniform(1.2, 2.4), min_side=16)
                out.append((to_u8(C.crop_input(im, region)), cls))
    return out


def candidate_crops(stage1: C.Stage1, im: Image.Image, label_fn):
    """(stage-1 logits, [(crop uint8, class)]) for the candidates stage 1 nominates in `im`;
    `label_fn(region, label_index, rank, logit)` gives each one's class (IGNORE drops it)."""
    logits, cands = stage1.analyse(im)
    out = []
    for label, found in cands.items():
        for rank, (v, box) in enumerate(found):
            region = C.crop_region(box, im.width, im.height)
            cls = label_fn(region, label, rank, v)
            if cls != IGNORE:
                out.append((to_u8(C.crop_input(im, region)), cls))
    return logits, out


def page_sample(im: Image.Image, labels: list[int], crop_cls: int):
    return to_u8(C.page_input(im)), np.array(labels, np.int8), crop_cls


def whole_image_class(boxes: dict, w: int, h: int) -> int:
    """Crop-head class of the page view: the emblem or seal when it fills a good part of the image."""
    for label in ("national_emblem", "official_seal"):
        for bx, by, bw, bh in boxes.get(label, []):
            if max(bw, bh) >= 0.3 * max(w, h):
                return CLS[label]
    return IGNORE


# ---------------------------------------------------------------------------------------------------
# Sources


def generated_samples(assets, cfg, stage1, seed: int, index: int, screen: bool):
    rng = random.Random(seed * 7919 + index)
    size = rng.choice(C_SCREEN_SIZES) if screen else None
    im, labels, boxes = generate.generate_one(assets, cfg, seed, index, size=size)
    _, crops = candidate_crops(stage1, im, lambda region, *_: region_class(region, boxes))
    crops += gt_crops(rng, im, boxes, 1)
    page = page_sample(im, [labels[k] for k in generate.LABELS], whole_image_class(boxes, *im.size))
    return crops, [page]


C_SCREEN_SIZES = [(1920, 1080), (1080, 1920), (1440, 900), (1920, 600), (1280, 720)]


def lookalike_crop(assets, cfg, rng: random.Random, kind: str, police: list) -> tuple[np.ndarray, int]:
    """One object of class `kind` pasted on a generated background patch, framed as a candidate."""
    side = rng.choice([64, 96, 128, 192, 256])
    nrng = np.random.default_rng(rng.randint(0, 2**31))
    bg = generate.background(rng, nrng, assets, side, side) if rng.random() < 0.6 else generate.paper(rng, nrng, side, side)
    obj_side = max(10, int(side / C.CROP["context"] * rng.uniform(0.45, 1.15)))
    if kind == "national_emblem":
        if police and rng.random() < 0.12:
            obj = rng.choice(police)
            obj = obj.resize((obj_side, max(4, round(obj.height * obj_side / obj.width))), Image.LANCZOS)
        else:
            obj = generate.make_emblem(rng, assets, obj_side, bg.getpixel((side // 2, side // 2)), cfg)
    elif kind == "official_seal":
        obj = generate.make_seal(rng, assets, obj_side)
    elif kind == "party_emblem":
        obj = rng.choice(assets.org_emblems)
        obj = obj.resize((obj_side, max(4, round(obj.height * obj_side / obj.width))), Image.LANCZOS)
        if rng.random() < 0.3:
            obj = generate.recolor_emblem(rng, obj, (255, 255, 255), rng.choice(["gold", "red", "mono", "lineart"]))
    elif kind == "foreign_arms":
        obj = rng.choice(assets.hard_negatives)
        obj = obj.resize((obj_side, max(4, round(obj.height * obj_side / obj.width))), Image.LANCZOS)
        if rng.random() < 0.5:  # zoom on the coat of arms at the flag's centre
            w, h = obj.size
            f = rng.uniform(0.35, 0.6)
            obj = obj.crop((int(w * (0.5 - f / 2)), int(h * (0.5 - f / 2)), int(w * (0.5 + f / 2)), int(h * (0.5 + f / 2)))).resize((obj_side, obj_side), Image.LANCZOS)
    else:
        obj = generate.red_logo(rng, assets, obj_side)
    x = (side - obj.width) // 2 + rng.randint(-side // 10, side // 10)
    y = (side - obj.height) // 2 + rng.randint(-side // 10, side // 10)
    generate.paste_rgba(bg, obj, x, y)
    bg = generate.degrade(rng, bg)
    return to_u8(C.crop_input(bg, (0, 0, side))), CLS[kind]


def augment_real(rng: random.Random, im: Image.Image, box):
    """A re-encoding of a real image as platforms produce them: rescaled, recompressed, tinted,
    sometimes greyed or slightly rotated; the emblem box follows."""
    im = C.ev.flatten(im)
    s = math.exp(rng.uniform(math.log(0.45), math.log(1.3)))
    w, h = max(16, int(im.width * s)), max(16, int(im.height * s))
    sx, sy = w / im.width, h / im.height
    im = im.resize((w, h), Image.BILINEAR if s > 1 else Image.BOX)
    box = None if box is None else [box[0] * sx, box[1] * sy, box[2] * sx, box[3] * sy]
    if rng.random() < 0.3:
        im = im.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.2)))
    if rng.random() < 0.4:
        arr = np.asarray(im, np.float32)
        arr = (arr - 128) * rng.uniform(0.75, 1.2) + 128 + np.array([rng.uniform(-18, 18) for _ in range(3)], np.float32)
        im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
    if rng.random() < 0.1:
        im = ImageOps.grayscale(im).convert("RGB")
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=rng.randint(40, 95))
    buf.seek(0)
    return Image.open(buf).convert("RGB"), box


def real_image_path(shared: str, row: dict) -> str:
    """A real row's image: samples/real_visual rows name it from that folder; the rows of
    extra_real.json (samples/certificates_seals, samples/ocr) from ../shared itself."""
    return os.path.join(shared, row.get("root", "samples/real_visual"), row["path"])


def real_samples(stage1, row: dict, shared: str, rng: random.Random, original: bool):
    im = Image.open(real_image_path(shared, row))
    im.load()
    box = row.get("emblem_bbox")
    if original:
        im = C.ev.flatten(im)
    else:
        im, box = augment_real(rng, im, box)
    boxes = {"national_emblem": [box] if row["national_emblem"] and box else [], "official_seal": []}
    look = LOOKALIKE_CLASS.get(row["lookalike"])

    def label(region, label_index, rank, logit):
        cls = region_class(region, boxes)
        if cls in (CLS["national_emblem"], IGNORE):
            return cls
        if row["national_emblem"] and label_index == 0:
            return IGNORE if rank == 0 else CLS["background"]
        if row["official_seal"] and label_index == 2:
            return CLS["official_seal"] if rank == 0 else IGNORE
        if look is not None:
            return look if rank == 0 or logit >= 0 else IGNORE
        if row["official_seal"]:
            return IGNORE  # the seal may be anywhere
        return CLS["background"]

    _, crops = candidate_crops(stage1, im, label)
    crops += gt_crops(rng, im, boxes, 2)
    whole = whole_image_class(boxes, *im.size)
    if whole == IGNORE and look is not None:
        whole = look
    labels = [int(row["national_emblem"]), int(row["certificate_layout"]), int(row["official_seal"])]
    return crops, [page_sample(im, labels, whole)]


def real_objects(shared: str, rows: list[dict]) -> list[tuple[Image.Image, int]]:
    """(object image, crop class) cut from real training images: the emblem's box (with a little
    context, as an icon is printed), and the whole image where the image is the object (a crest,
    a logo, a cropped seal). They are pasted at other sizes on other backgrounds by
    `real_object_crop`, so the verifier sees real emblem and look-alike pixels at the small sizes
    the real set has too few of, and so that the paste itself is no cue (both classes are pasted)."""
    out = []
    for r in rows:
        im = C.ev.flatten(Image.open(real_image_path(shared, r)))
        box = r.get("emblem_bbox")
        if r["national_emblem"] and box:
            x, y, w, h = box
            m = 0.08 * max(w, h)
            obj = im.crop((max(0, int(x - m)), max(0, int(y - m)), min(im.width, int(x + w + m)), min(im.height, int(y + h + m))))
            out.append((obj, CLS["national_emblem"]))
        elif not r["national_emblem"] and LOOKALIKE_CLASS.get(r["lookalike"]) is not None and is_lone_object(im):
            out.append((im, LOOKALIKE_CLASS[r["lookalike"]]))
    return out


def is_lone_object(im: Image.Image) -> bool:
    """A look-alike row whose image is the object itself (an icon, a crest, a cropped seal), not a
    page or a photo with the object somewhere in it: small and about square."""
    return max(im.size) <= 600 and max(im.size) <= 1.25 * min(im.size)


def real_object_crop(assets, rng: random.Random, objects, negatives: list[Image.Image]):
    """One real object pasted, opaque (with the background it was printed on), at a random size on a
    generated background or a patch of a real negative image, framed as a candidate crop."""
    obj, cls = rng.choice(objects)
    side = rng.choice([48, 64, 96, 128, 192])
    nrng = np.random.default_rng(rng.randint(0, 2**31))
    if negatives and rng.random() < 0.5:
        neg = rng.choice(negatives)
        s = min(neg.width, neg.height, rng.randint(side, 3 * side))
        x0, y0 = rng.randint(0, neg.width - s), rng.randint(0, neg.height - s)
        bg = neg.crop((x0, y0, x0 + s, y0 + s)).resize((side, side), Image.BOX)
    elif rng.random() < 0.6:
        bg = generate.background(rng, nrng, assets, side, side)
    else:
        bg = generate.paper(rng, nrng, side, side)
    long = max(6, int(side / C.CROP["context"] * rng.uniform(0.55, 1.1)))
    f = long / max(obj.size)
    o = obj.resize((max(2, round(obj.width * f)), max(2, round(obj.height * f))), Image.LANCZOS if f < 1 else Image.BILINEAR)
    if rng.random() < 0.15:
        o = ImageOps.grayscale(o).convert("RGB")
    x = (side - o.width) // 2 + rng.randint(-side // 10, side // 10)
    y = (side - o.height) // 2 + rng.randint(-side // 10, side // 10)
    bg.paste(o, (x, y))
    bg = generate.degrade(rng, bg)
    return to_u8(C.crop_input(bg, (0, 0, side))), cls


def fit_calibration_part(path: str, repo: str) -> bool:
    """A third of the fit half, by repository, is kept out of training to choose thresholds on."""
    return int(hashlib.sha256(repo.encode()).hexdigest(), 16) % 3 == 0
