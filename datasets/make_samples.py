#!/usr/bin/env python3
"""Writes the small demo set in datasets/samples/ (README: `shanzhai scan datasets/samples`).

Hand-composed scenes built from the generator's pieces, deterministic (config `sample_seed`):
ads that put the emblem and/or a certificate next to hype text (flag), certificate-style fakes
(flag), and clean banners, screenshots and documents (pass). `samples_expected.json` (beside the folder) records what each
image shows.

    python3 datasets/make_samples.py ../shared/assets [--out datasets/samples]
"""

from __future__ import annotations

import argparse
import json
import os
import random

import numpy as np
from PIL import Image, ImageDraw

import generate as g

HERE = os.path.dirname(os.path.abspath(__file__))


def hype_banner(rng, nrng, assets, w, h, lines, colors=((255, 230, 120), (255, 255, 255))):
    im = g.gradient(w, h, (200, 20, 20), (150, 0, 10), rng.random() < 0.5)
    y = int(h * 0.12)
    for i, text in enumerate(lines):
        size = int(h * (0.13 if i == 0 else 0.08))
        g.draw_text(im, rng, assets, text, (int(w * 0.36), y), size, colors[i > 0], stroke=i == 0)
        y += int(size * 1.5)
    return im


def scene(name, rng, nrng, assets, cfg):
    """Returns (image, expected labels) for one named demo scene."""
    E, C, S = "national_emblem", "certificate_layout", "official_seal"
    if name == "ad_emblem_certificate_banner":
        im = hype_banner(rng, nrng, assets, 1400, 500, ["国家职业技能等级证书", "七天拿证 包过 人社部认证", "全国通用 可查可验 400-888-8888"])
        cert, _ = g.render_certificate(rng, nrng, assets, cfg, 300, 400)
        im.paste(cert, (1070, 50))
        g.place_emblem(im, rng, assets, cfg, size=300, where=(60, 100))
        return im, [E, C]
    if name == "ad_corner_emblem_banner":
        # a wide banner with a 40-pixel emblem in its corner: the case the detail pass is for
        im = g.gradient(1920, 400, (255, 248, 230), (255, 225, 190), True)
        for i, t in enumerate(["高级技师证 速办 免考拿证", "人社部认证 全国联网可查 名额有限"]):
            g.draw_text(im, rng, assets, t, (120, 70 + i * 150), 100, (200, 20, 20), stroke=False)
        em = assets.emblems[2].copy()  # the reconstructed render, official colours
        em.thumbnail((40, 40), Image.LANCZOS)
        im.paste(em, (1920 - 40 - 16, 16), em)
        return im, [E]
    if name == "ad_gold_emblem_poster":
        im = g.gradient(720, 1280, (120, 0, 0), (40, 0, 0), False)
        em = assets.emblems[1].copy()
        em.thumbnail((420, 420))
        im.paste(em, ((720 - em.width) // 2, 120), em)
        for i, t in enumerate(["职业资格证书", "官方认证 终身有效", "一次通过 包就业"]):
            g.draw_text(im, rng, assets, t, (90, 640 + i * 150), 80 if i == 0 else 60, (255, 220, 120), stroke=False)
        return im, [E]
    if name == "ad_lineart_emblem":
        im = Image.new("RGB", (1000, 560), (255, 255, 255))
        em = assets.emblems[2].copy()
        em.thumbnail((300, 300))
        em = g.recolor_emblem(random.Random(7), em, (255, 255, 255), style="lineart")
        im.paste(em, (40, 130), em)
        for i, t in enumerate(["心理咨询师 健康管理师", "国家承认 学信网可查", "培训+考证 零基础可报"]):
            g.draw_text(im, rng, assets, t, (380, 150 + i * 110), 56, (200, 20, 20), stroke=False)
        return im, [E]
    if name == "certificate_fake":
        im, _ = g.render_certificate(random.Random(11), np.random.default_rng(11), assets, cfg, 1100, 780)
        s = int(im.height * 0.16)
        g.place_emblem(im, rng, assets, cfg, size=s, where=(im.width // 2 - s // 2, 20))
        return im, [E, C, S]
    if name == "certificate_honor":
        im = _plain_certificate(rng, nrng, assets, cfg, 1000, 720, "荣誉证书")
        return im, [C, S]
    if name == "certificate_cover":
        im = Image.new("RGB", (700, 980), (170, 10, 15))
        d = ImageDraw.Draw(im)
        d.rectangle([30, 30, 670, 950], outline=(240, 200, 90), width=6)
        em = assets.emblems[0].copy()
        em.thumbnail((300, 300))
        im.paste(em, (200, 150), em)
        g.draw_text(im, rng, assets, "职业技能等级证书", (70, 560), 70, (245, 205, 95), assets.serif_fonts, stroke=False)
        g.draw_text(im, rng, assets, "人力资源和社会保障部", (160, 820), 40, (245, 205, 95), assets.serif_fonts, stroke=False)
        return im, [E, C]
    if name == "ad_certificate_photo":
        im = g.photo_crop(rng, assets, 1280, 720)
        cert = _plain_certificate(rng, nrng, assets, cfg, 620, 440, "职业技能等级证书")
        boxes = g.empty_boxes()
        g.paste_page(im, rng, cert, {}, -8.0, boxes, xy=(560, 120))
        g.draw_text(im, rng, assets, "七天拿证", (60, 120), 110, (255, 230, 60), stroke=True)
        g.draw_text(im, rng, assets, "包过 人社部认证", (60, 300), 70, (255, 255, 255), stroke=True)
        return im, [C, S]
    if name == "seal_contract_page":
        im = g.doc_article(random.Random(3), np.random.default_rng(3), assets, 900, 1200)
        g.place_seal(im, random.Random(4), assets, 230, 560, 860)
        return im, [S]
    if name == "clean_sale_banner":
        im = g.gradient(1200, 400, (255, 120, 0), (255, 200, 40), True)
        g.draw_text(im, rng, assets, "限时特惠 全场五折", (80, 90), 110, (255, 255, 255), stroke=True)
        g.draw_text(im, rng, assets, "新品上市 买一送一 包邮", (80, 250), 60, (120, 20, 0), stroke=False)
        return im, []
    if name == "clean_chat_screenshot":
        # The generator's chat filler borrows ad words for training variety; a demo image that
        # should pass must not carry them.
        hype, g.HYPE = g.HYPE, []
        try:
            return g.doc_chat(random.Random(5), np.random.default_rng(5), assets, 720, 1280), []
        finally:
            g.HYPE = hype
    if name == "clean_receipt":
        return g.doc_receipt(random.Random(6), np.random.default_rng(6), assets, 600, 1000), []
    if name == "clean_article":
        return g.doc_article(random.Random(8), np.random.default_rng(8), assets, 1000, 1300), []
    if name == "clean_spring_festival_banner":
        im = g.gradient(1280, 540, (190, 10, 10), (230, 40, 20), True)
        for k, x in enumerate((60, 1040)):
            lantern = g.red_logo(random.Random(100 + k * 3), assets, 180)
            im.paste(lantern, (x, 40), lantern)
        g.draw_text(im, rng, assets, "开业大吉 欢迎光临", (300, 180), 90, (255, 225, 90), stroke=False)
        return im, []
    if name == "clean_photo_with_caption":
        im = g.photo_crop(random.Random(12), assets, 1280, 720)
        g.draw_text(im, rng, assets, "健康生活 美味可口", (60, 560), 80, (255, 255, 255), stroke=True)
        return im, []
    raise KeyError(name)


def _plain_certificate(rng, nrng, assets, cfg, w, h, title):
    """A certificate with a seal and no emblem (re-rolled until the layout has no emblem)."""
    for attempt in range(50):
        r = random.Random(1000 + attempt)
        im, boxes = g.render_certificate(r, np.random.default_rng(1000 + attempt), assets, cfg, w, h)
        if not boxes["national_emblem"] and boxes["official_seal"]:
            return im
    raise RuntimeError("no emblem-free certificate layout found")


NAMES = [
    "ad_emblem_certificate_banner", "ad_corner_emblem_banner", "ad_gold_emblem_poster", "ad_lineart_emblem",
    "certificate_fake", "certificate_honor", "certificate_cover", "ad_certificate_photo", "seal_contract_page",
    "clean_sale_banner", "clean_chat_screenshot", "clean_receipt", "clean_article", "clean_spring_festival_banner",
    "clean_photo_with_caption",
]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("assets")
    ap.add_argument("--out", default=os.path.join(HERE, "samples"))
    ap.add_argument("--photos", default=None)
    args = ap.parse_args()
    cfg = g.load_config()
    assets = g.load_assets(args.assets, "train", cfg["heldout_flags"], None, args.photos)
    os.makedirs(args.out, exist_ok=True)
    expected = {}
    for i, name in enumerate(NAMES):
        rng = random.Random(cfg["sample_seed"] * 100 + i)
        nrng = np.random.default_rng([cfg["sample_seed"], i])
        im, labels = scene(name, rng, nrng, assets, cfg)
        ext = "png" if name == "clean_chat_screenshot" else "jpg"
        path = os.path.join(args.out, f"{name}.{ext}")
        if ext == "png":
            im.convert("RGB").save(path, optimize=True)
        else:
            im.convert("RGB").save(path, quality=85, optimize=True)
        expected[os.path.basename(path)] = {k: k in labels for k in g.LABELS}
    # Beside the folder, not in it: the folder is the demo input and holds images only.
    with open(os.path.normpath(args.out) + "_expected.json", "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {len(NAMES)} samples to {args.out}")


if __name__ == "__main__":
    main()
