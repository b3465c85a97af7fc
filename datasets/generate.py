#!/usr/bin/env python3
"""Deterministic generator of labelled training images for the visual classifier.

Every image is a function of (seed, index) only, so the training script can synthesise samples on the
fly in its data-loader workers (an endless, reproducible stream) and this script can write a fixed
held-out set or the demo samples to disk.

Labels (multi-label): national_emblem, certificate_layout, official_seal. Each positive label comes
with the boxes (x, y, w, h in canvas pixels) of the objects that carry it, used for dense heat-map
targets.

The reference assets (emblem renders, hard negatives) are read from the folder given on the command
line (../shared/assets) and never copied into the repository. A CJK font from Debian's packages
(fonts-noto-cjk or fonts-wqy-zenhei) is required.

Usage:
    python3 datasets/generate.py ASSETS --out datasets/generated/heldout --split heldout
    python3 datasets/generate.py ASSETS --out datasets/samples --split samples
"""

from __future__ import annotations

import argparse
import glob
import io
import json
import math
import os
import random
import subprocess
import sys
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont, ImageOps

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = ("national_emblem", "certificate_layout", "official_seal")

# ---------------------------------------------------------------------------------------------------
# Fonts


# The shipped model was trained with exactly the two Noto CJK Bold faces (Debian fonts-noto-cjk);
# WenQuanYi is a fallback so the generator still runs where only fonts-wqy-zenhei is installed.
FONT_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
)
FONT_FALLBACKS = (
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
)


def find_cjk_fonts(extra_dir: str | None = None) -> list[str]:
    """CJK font files: from `extra_dir` when given, else the Debian font packages, else fc-list."""
    found: list[str] = []
    if extra_dir:
        found = sorted(glob.glob(os.path.join(extra_dir, "*.tt[cf]")) + glob.glob(os.path.join(extra_dir, "*.otf")))
    if not found:
        found = [p for p in FONT_CANDIDATES if os.path.isfile(p)]
    if not found:
        found = [p for p in FONT_FALLBACKS if os.path.isfile(p)]
    if not found:
        try:
            out = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True, check=False).stdout
            found = sorted({line.split(":")[0].strip() for line in out.splitlines() if line.strip()})
        except OSError:
            pass
    if not found:
        sys.exit(
            "error: no CJK font found. Install one from Debian's packages "
            "(apt-get install -y fonts-noto-cjk, or fonts-wqy-zenhei) or pass --fonts DIR."
        )
    return found


@lru_cache(maxsize=512)
def font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, max(6, int(size)))


# ---------------------------------------------------------------------------------------------------
# Text corpora

HYPE = [
    "国家职业技能等级证书", "七天拿证", "包过", "人社部认证", "全国通用", "官方认证", "可查可验",
    "免考拿证", "快速办证", "证书直发", "权威机构颁发", "学信网可查", "一次通过", "无需考试",
    "限时报名", "名额有限", "高级技师证", "电工证 焊工证", "心理咨询师", "健康管理师", "育婴师",
    "中级职称评审", "包就业", "补贴申领", "报名咨询", "国家承认", "终身有效", "全国联网可查",
    "挂靠", "速办", "加微信咨询", "立即报名", "火热招生中", "培训+考证", "零基础可报",
]
CERT_TITLES = [
    "职业技能等级证书", "荣誉证书", "结业证书", "培训合格证书", "职业资格证书", "专业技术资格证书",
    "岗位能力证书", "技能等级认定证书", "毕业证书", "资格证书", "结业证明", "优秀学员证书",
]
CERT_BODY = [
    "兹证明", "同志于", "参加", "培训", "经考核成绩合格", "特发此证", "准予结业", "职业（工种）",
    "等级", "证书编号", "发证日期", "发证机关", "身份证号", "姓名", "性别", "出生年月", "鉴定成绩",
    "理论知识", "操作技能", "评定成绩", "特颁此证", "以资鼓励", "在年度工作中表现突出",
]
ORG_NAMES = [
    "人力资源和社会保障局", "职业技能鉴定中心", "职业技能培训学校", "教育科技有限公司", "财务专用章",
    "合同专用章", "自然资源和规划局", "人民政府办公室", "信息技术有限公司", "建设工程有限公司",
    "供销合作社", "商贸有限公司", "文化传媒有限公司", "培训中心", "行政审批局",
]
CITIES = ["北京", "上海", "广州", "深圳", "武汉", "成都", "杭州", "南京", "西安", "重庆", "长沙", "郑州", "济南"]
DOC_WORDS = [
    "订单", "合计", "金额", "数量", "单价", "商品名称", "收银员", "交易时间", "找零", "会员卡号", "发票",
    "车次", "座位号", "检票口", "出发", "到达", "乘客", "票价", "二等座", "申请表", "联系电话", "地址",
    "备注", "审核意见", "日期", "部门", "项目", "负责人", "合同", "甲方", "乙方", "第一条", "服务内容",
    "违约责任", "本合同", "签字", "今天", "明天见", "好的", "收到", "谢谢", "哈哈", "在吗", "晚上吃什么",
    "会议通知", "各位同事", "新闻", "记者", "报道", "据了解", "经济", "发展", "城市", "市场", "公司",
    "产品", "质量", "服务", "用户", "数据", "系统", "管理", "学习", "工作", "生活", "健康", "医院",
]
NAMES = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强", "周杰", "吴霞", "徐明", "孙丽"]
AD_WORDS = [
    "限时特惠", "全场五折", "新品上市", "品质保证", "买一送一", "火爆热销", "欢迎光临", "开业大吉",
    "好礼相送", "扫码关注", "会员专享", "健康生活", "美味可口", "春季新款", "包邮", "秒杀", "正品促销",
]


def rand_digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def rand_phrase(rng: random.Random, words: list[str], lo: int = 1, hi: int = 3) -> str:
    return "".join(rng.choice(words) for _ in range(rng.randint(lo, hi)))


# ---------------------------------------------------------------------------------------------------
# Assets


@dataclass
class Assets:
    emblems: list[Image.Image]
    hard_negatives: list[Image.Image]
    org_emblems: list[Image.Image]  # party emblem, police badge: the closest look-alikes
    photos: list[Image.Image]  # natural photographs, for photo-like backgrounds
    fonts: list[str]
    serif_fonts: list[str] = field(default_factory=list)


PHOTO_FILES = (
    "astronaut.png", "brick.png", "camera.png", "cell.png", "chelsea.png", "clock_motion.png", "coffee.png",
    "coins.png", "color.png", "grass.png", "gravel.png", "horse.png", "hubble_deep_field.jpg", "ihc.png",
    "logo.png", "moon.png", "motorcycle_left.png", "motorcycle_right.png", "page.png", "retina.jpg",
    "rocket.jpg", "text.png",
)


def find_photo_dir(photo_dir: str | None) -> str:
    """Natural photos: `photo_dir`, else the sample images that ship inside scikit-image's wheel."""
    if photo_dir:
        return photo_dir
    import importlib.util

    spec = importlib.util.find_spec("skimage")
    if spec and spec.submodule_search_locations:
        cand = os.path.join(list(spec.submodule_search_locations)[0], "data")
        if os.path.isfile(os.path.join(cand, "astronaut.png")):
            return cand
    sys.exit(
        "error: no natural photos found. Install scikit-image (pip install scikit-image==0.26.0; its wheel "
        "ships the sample photos) or pass --photos DIR (the skimage/data folder of that wheel)."
    )


def load_rgba(path: str, max_side: int = 1024) -> Image.Image:
    im = Image.open(path)
    im = im.convert("RGBA")
    if max(im.size) > max_side:
        im.thumbnail((max_side, max_side), Image.LANCZOS)
    return im


def load_assets(asset_dir: str, split: str, heldout_flags: list[str], font_dir: str | None, photo_dir: str | None = None) -> Assets:
    """Emblem renders and hard negatives from `asset_dir`; held-out flags are excluded from training."""
    emblem_files = sorted(glob.glob(os.path.join(asset_dir, "emblem", "*.png")))
    if not emblem_files:
        sys.exit(f"error: no emblem PNG renders under {asset_dir}/emblem")
    # the 2048 render duplicates the 512 one; keep one geometry per style
    emblem_files = [f for f in emblem_files if "_2048" not in f] or emblem_files
    neg_files = sorted(
        glob.glob(os.path.join(asset_dir, "hard_negatives", "**", "*.png"), recursive=True)
        + glob.glob(os.path.join(asset_dir, "flags", "*.png"))
    )
    if split == "train":
        neg_files = [f for f in neg_files if not any(f.endswith(f"_{c}_640.png") for c in heldout_flags)]
    fonts = find_cjk_fonts(font_dir)
    serif = [f for f in fonts if "Serif" in f] or fonts
    pdir = find_photo_dir(photo_dir)
    photos = [Image.open(os.path.join(pdir, f)).convert("RGB") for f in PHOTO_FILES if os.path.isfile(os.path.join(pdir, f))]
    if not photos:
        sys.exit(f"error: none of the sample photos ({', '.join(PHOTO_FILES[:3])}, ...) are in {pdir}")
    return Assets(
        emblems=[load_rgba(f) for f in emblem_files],
        hard_negatives=[load_rgba(f, 640) for f in neg_files],
        org_emblems=[load_rgba(f, 640) for f in neg_files if "chinese_org_emblems" in f],
        photos=photos,
        fonts=fonts,
        serif_fonts=serif,
    )


# ---------------------------------------------------------------------------------------------------
# Drawing helpers


def rand_color(rng: random.Random, lo: int = 0, hi: int = 255) -> tuple[int, int, int]:
    return (rng.randint(lo, hi), rng.randint(lo, hi), rng.randint(lo, hi))


def theme_color(rng: random.Random) -> tuple[int, int, int]:
    """Colours typical of Chinese ads: reds, golds, blues, plus anything."""
    kind = rng.random()
    if kind < 0.3:
        return (rng.randint(170, 235), rng.randint(0, 50), rng.randint(0, 50))
    if kind < 0.45:
        return (rng.randint(200, 255), rng.randint(150, 215), rng.randint(0, 80))
    if kind < 0.65:
        return (rng.randint(0, 60), rng.randint(60, 140), rng.randint(150, 230))
    return rand_color(rng)


def gradient(w: int, h: int, c1, c2, horizontal: bool) -> Image.Image:
    t = np.linspace(0.0, 1.0, w if horizontal else h, dtype=np.float32)
    t = t[None, :, None] if horizontal else t[:, None, None]
    arr = np.array(c1, np.float32) * (1 - t) + np.array(c2, np.float32) * t
    arr = np.broadcast_to(arr, (h, w, 3))
    return Image.fromarray(arr.astype(np.uint8), "RGB")


def smooth_noise(nrng: np.random.Generator, w: int, h: int, cells: int, amp: float) -> np.ndarray:
    small = nrng.normal(0, 1, (max(2, h * cells // max(w, h)), max(2, w * cells // max(w, h)), 3)).astype(np.float32)
    big = Image.fromarray(((small - small.min()) / (np.ptp(small) + 1e-6) * 255).astype(np.uint8), "RGB")
    big = big.resize((w, h), Image.BICUBIC)
    return (np.asarray(big, np.float32) - 127.5) * amp / 127.5


def photo_crop(rng: random.Random, assets: Assets, w: int, h: int) -> Image.Image:
    """A random crop of a natural photo, zoomed and colour-jittered, filling w x h."""
    ph = rng.choice(assets.photos)
    zoom = rng.uniform(0.25, 1.0)
    cw = max(8, int(min(ph.width, ph.height * w / h) * zoom))
    ch = max(8, int(cw * h / w))
    x, y = rng.randint(0, max(0, ph.width - cw)), rng.randint(0, max(0, ph.height - ch))
    im = ph.crop((x, y, x + cw, y + ch)).resize((w, h), Image.BILINEAR)
    if rng.random() < 0.5:
        im = ImageOps.mirror(im)
    arr = np.asarray(im, np.float32) * np.array([rng.uniform(0.7, 1.3) for _ in range(3)], np.float32)
    return Image.fromarray(np.clip(arr + rng.uniform(-30, 30), 0, 255).astype(np.uint8), "RGB")


def background(rng: random.Random, nrng: np.random.Generator, assets: Assets, w: int, h: int) -> Image.Image:
    if rng.random() < 0.22:
        return photo_crop(rng, assets, w, h)
    kind = rng.random()
    if kind < 0.35:
        im = gradient(w, h, theme_color(rng), theme_color(rng), rng.random() < 0.5)
    elif kind < 0.5:
        im = Image.new("RGB", (w, h), theme_color(rng) if rng.random() < 0.6 else rand_color(rng, 200, 255))
    elif kind < 0.7:  # photo-like: smooth colour fields
        base = np.array(rand_color(rng, 40, 220), np.float32)
        arr = base + smooth_noise(nrng, w, h, rng.randint(3, 12), rng.uniform(30, 90))
        im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
    elif kind < 0.85:  # radial burst, common on sales banners
        im = gradient(w, h, theme_color(rng), theme_color(rng), True)
        d = ImageDraw.Draw(im)
        cx, cy = rng.randint(0, w), rng.randint(0, h)
        col = theme_color(rng)
        for k in range(0, 360, rng.choice([10, 15, 20, 30])):
            a0, a1 = math.radians(k), math.radians(k + 5)
            r = 2 * max(w, h)
            d.polygon([(cx, cy), (cx + r * math.cos(a0), cy + r * math.sin(a0)), (cx + r * math.cos(a1), cy + r * math.sin(a1))], fill=col)
    else:  # shapes
        im = Image.new("RGB", (w, h), rand_color(rng, 150, 255))
        d = ImageDraw.Draw(im)
        for _ in range(rng.randint(3, 12)):
            x0, y0 = rng.randint(-w // 4, w), rng.randint(-h // 4, h)
            x1, y1 = x0 + rng.randint(20, w), y0 + rng.randint(20, h)
            (d.rectangle if rng.random() < 0.5 else d.ellipse)([x0, y0, x1, y1], fill=theme_color(rng))
    if rng.random() < 0.5:
        arr = np.asarray(im, np.float32) + nrng.normal(0, rng.uniform(2, 12), (h, w, 1)).astype(np.float32)
        im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
    return im


def contrasting(rng: random.Random, bg_rgb) -> tuple[int, int, int]:
    lum = 0.299 * bg_rgb[0] + 0.587 * bg_rgb[1] + 0.114 * bg_rgb[2]
    if lum > 140:
        return rng.choice([(20, 20, 20), (200, 20, 20), (30, 40, 120), (120, 20, 20)])
    return rng.choice([(255, 255, 255), (255, 220, 60), (255, 240, 200)])


def draw_text(im: Image.Image, rng: random.Random, assets: Assets, text: str, xy, size: int, fill, fonts=None, stroke: bool | None = None):
    d = ImageDraw.Draw(im)
    f = font(rng.choice(fonts or assets.fonts), size)
    if stroke is None:
        stroke = rng.random() < 0.3
    kwargs = {}
    if stroke:
        kwargs = {"stroke_width": max(1, size // 12), "stroke_fill": contrasting(rng, fill)}
    d.text(xy, text, font=f, fill=fill, **kwargs)
    box = d.textbbox(xy, text, font=f, stroke_width=kwargs.get("stroke_width", 0))
    return box


def text_lines(im: Image.Image, rng: random.Random, assets: Assets, words: list[str], n: int, size_range, avoid=None):
    w, h = im.size
    for _ in range(n):
        size = rng.randint(*size_range)
        text = rand_phrase(rng, words, 1, 3)
        x, y = rng.randint(-size, max(1, w - size * 2)), rng.randint(-size // 2, max(1, h - size))
        bgc = im.getpixel((min(w - 1, max(0, x)), min(h - 1, max(0, y))))
        draw_text(im, rng, assets, text, (x, y), size, contrasting(rng, bgc))


def paste_rgba(canvas: Image.Image, obj: Image.Image, x: int, y: int) -> tuple[int, int, int, int] | None:
    """Alpha-composites obj at (x, y); returns the visible box of its opaque pixels (x, y, w, h)."""
    canvas.paste(obj, (x, y), obj)
    bbox = obj.getchannel("A").point(lambda a: 255 if a > 60 else 0).getbbox()
    if bbox is None:
        return None
    x0, y0, x1, y1 = bbox[0] + x, bbox[1] + y, bbox[2] + x, bbox[3] + y
    x0, y0 = max(0, x0), max(0, y0)
    x1, y1 = min(canvas.width, x1), min(canvas.height, y1)
    if x1 - x0 < 3 or y1 - y0 < 3:
        return None
    return (x0, y0, x1 - x0, y1 - y0)


def rotate_rgba(obj: Image.Image, angle: float) -> Image.Image:
    return obj.rotate(angle, resample=Image.BICUBIC, expand=True) if abs(angle) > 0.2 else obj


# ---------------------------------------------------------------------------------------------------
# Emblem styles


EMBLEM_STYLES = {"original": 0.34, "gold": 0.16, "red": 0.12, "mono": 0.1, "lineart": 0.1, "white": 0.08, "lowcontrast": 0.1}


# Print and relief styles that real documents show and the first generator lacked: black-and-white
# photocopies and halftone prints, thin red line-art as on licences, embossed or cast metal. Used
# where a config's "emblem_styles" names them (the verifier's config); the stage-1 config keeps
# EMBLEM_STYLES, so its training stream is unchanged.
PRINT_STYLES = ("bwprint", "halftone", "redline", "emboss")


def emblem_style(rng: random.Random, cfg: dict | None) -> str:
    styles = (cfg or {}).get("emblem_styles") or EMBLEM_STYLES
    return rng.choices(list(styles), list(styles.values()))[0]


def print_style_emblem(rng: random.Random, em: Image.Image, style: str) -> Image.Image:
    """The emblem as a photocopy, a halftone print, thin red line-art or an embossed relief."""
    alpha = em.getchannel("A")
    lum = ImageOps.autocontrast(ImageOps.grayscale(em.convert("RGB")))
    if style == "bwprint":  # photocopy: hard black on paper, strokes thickened or eroded
        lum = lum.point(lambda v, t=rng.randint(90, 170): 0 if v < t else 255)
        lum = lum.filter(ImageFilter.MinFilter(3) if rng.random() < 0.4 and em.width > 80 else ImageFilter.SMOOTH)
        ink = rng.randint(0, 60)
        out = Image.new("RGBA", em.size, (ink, ink, ink, 0))
        out.putalpha(ImageChops.multiply(alpha, ImageOps.invert(lum)))
        return out
    if style == "halftone":  # newspaper-style dots: dot size follows darkness
        cell = max(2, em.width // rng.randint(28, 60))
        small = lum.resize((max(1, em.width // cell), max(1, em.height // cell)), Image.BOX)
        dots = Image.new("L", em.size, 0)
        d = ImageDraw.Draw(dots)
        arr = np.asarray(small, np.float32) / 255.0
        for yy in range(arr.shape[0]):
            for xx in range(arr.shape[1]):
                r = (1.0 - arr[yy, xx]) ** 0.5 * cell * 0.75
                if r > 0.3:
                    cx, cy = xx * cell + cell / 2, yy * cell + cell / 2
                    d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=255)
        col = rng.choice([(20, 20, 20), (190, 20, 20)])
        out = Image.new("RGBA", em.size, col + (0,))
        out.putalpha(ImageChops.multiply(dots, alpha))
        return out
    if style == "redline":  # licence print: thin red outlines of every element, no fill
        edges = lum.filter(ImageFilter.FIND_EDGES).point(lambda v, t=rng.randint(20, 45): 255 if v > t else 0)
        a_edges = alpha.filter(ImageFilter.FIND_EDGES).point(lambda v: 255 if v > 60 else 0)
        lines = ImageChops.lighter(edges, a_edges)
        if em.width > 200 and rng.random() < 0.6:
            lines = lines.filter(ImageFilter.MaxFilter(3))
        out = Image.new("RGBA", em.size, (rng.randint(180, 235), rng.randint(0, 50), rng.randint(10, 50), 0))
        out.putalpha(ImageChops.multiply(lines, alpha))
        return out
    # emboss: relief lit from one side, in metal or paper colours
    relief = ImageOps.autocontrast(lum.filter(ImageFilter.EMBOSS))
    base = rng.choice([((60, 50, 20), (250, 225, 140)), ((70, 70, 70), (235, 235, 235)), ((110, 20, 20), (240, 170, 150))])
    out = ImageOps.colorize(relief, base[0], base[1]).convert("RGBA")
    out.putalpha(alpha)
    return out


def recolor_emblem(rng: random.Random, em: Image.Image, bg_rgb, style: str | None = None) -> Image.Image:
    """Gold / red / monochrome / line-art / low-contrast versions of an emblem render, and the
    print and relief styles of PRINT_STYLES."""
    style = style or rng.choices(list(EMBLEM_STYLES), list(EMBLEM_STYLES.values()))[0]
    if style in PRINT_STYLES:
        return print_style_emblem(rng, em, style)
    alpha = em.getchannel("A")
    if style == "original":
        out = em.copy()
    elif style in ("gold", "red", "mono"):
        lum = ImageOps.grayscale(em.convert("RGB"))
        lum = ImageOps.autocontrast(lum)
        dark, light = {
            "gold": ((rng.randint(90, 140), rng.randint(50, 80), 0), (255, rng.randint(215, 240), rng.randint(80, 160))),
            "red": ((rng.randint(90, 140), 0, 0), (255, rng.randint(60, 140), rng.randint(60, 120))),
            "mono": ((rng.randint(0, 60),) * 3, (rng.randint(180, 255),) * 3),
        }[style]
        out = ImageOps.colorize(lum, dark, light).convert("RGBA")
        out.putalpha(alpha)
    elif style == "lineart":
        lum = ImageOps.grayscale(em.convert("RGB"))
        edges = lum.filter(ImageFilter.FIND_EDGES).point(lambda v: 255 if v > rng.randint(25, 60) else 0)
        a_edges = alpha.filter(ImageFilter.FIND_EDGES).point(lambda v: 255 if v > 60 else 0)
        lines = ImageChops.lighter(edges, a_edges)
        if em.width > 300:
            lines = lines.filter(ImageFilter.MaxFilter(3))
        col = rng.choice([(200, 20, 20), (20, 20, 20), (230, 190, 60), (255, 255, 255)])
        out = Image.new("RGBA", em.size, col + (0,))
        out.putalpha(ImageChops.multiply(lines, alpha))
    elif style == "white":
        lum = ImageOps.grayscale(em.convert("RGB"))
        col = rng.choice([(255, 255, 255), (255, 230, 150)])
        out = Image.new("RGBA", em.size, col + (0,))
        # keep internal structure: dark strokes become transparent holes
        out.putalpha(ImageChops.multiply(alpha, lum.point(lambda v: 255 if v > 70 else 90)))
    else:  # low contrast: fade towards the background
        out = Image.blend(em, Image.new("RGBA", em.size, tuple(bg_rgb) + (255,)), rng.uniform(0.35, 0.6))
        out.putalpha(alpha)
    return out


def make_emblem(rng: random.Random, assets: Assets, size: int, bg_rgb, cfg: dict | None = None) -> Image.Image:
    em = rng.choice(assets.emblems)
    scale = size / max(em.size)
    em = em.resize((max(4, round(em.width * scale)), max(4, round(em.height * scale))), Image.LANCZOS)
    em = recolor_emblem(rng, em, bg_rgb, emblem_style(rng, cfg) if cfg and "emblem_styles" in cfg else None)
    if rng.random() < 0.35:
        em = rotate_rgba(em, rng.gauss(0, 10))
    if rng.random() < 0.2:  # perspective-ish squash
        em = em.resize((max(4, int(em.width * rng.uniform(0.75, 1.0))), em.height), Image.BICUBIC)
    return em


def place_emblem(canvas: Image.Image, rng: random.Random, assets: Assets, cfg: dict, size: int | None = None, where=None):
    w, h = canvas.size
    if size is None:
        lo, hi = cfg["emblem_scale"]
        # log-uniform so small corner logos are as common as big ones
        frac = math.exp(rng.uniform(math.log(lo), math.log(hi)))
        size = max(cfg["emblem_min_px"], int(frac * min(w, h) * rng.uniform(0.8, 1.3)))
        size = min(size, int(min(w, h) * 0.95))
    if where is None:
        if rng.random() < 0.45:  # corners and edges, like a logo
            x = rng.choice([rng.randint(0, max(0, w // 8)), rng.randint(max(0, w - size - w // 8), max(0, w - size))])
            y = rng.choice([rng.randint(0, max(0, h // 8)), rng.randint(max(0, h - size - h // 8), max(0, h - size))])
        else:
            x, y = rng.randint(-size // 8, max(0, w - size + size // 8)), rng.randint(-size // 8, max(0, h - size + size // 8))
    else:
        x, y = where
    bg = canvas.getpixel((min(w - 1, max(0, x + size // 2)), min(h - 1, max(0, y + size // 2))))
    em = make_emblem(rng, assets, size, bg, cfg)
    box = paste_rgba(canvas, em, x, y)
    if box is not None and rng.random() < 0.2:  # partial occlusion by a sticker or a text bar
        bx, by, bw, bh = box
        d = ImageDraw.Draw(canvas)
        ow, oh = int(bw * rng.uniform(0.15, 0.4)), int(bh * rng.uniform(0.15, 0.4))
        ox, oy = bx + rng.choice([0, bw - ow]), by + rng.randint(0, max(0, bh - oh))
        d.rectangle([ox, oy, ox + ow, oy + oh], fill=theme_color(rng))
    return box


# ---------------------------------------------------------------------------------------------------
# Seals


def seal_red(rng: random.Random):
    return (rng.randint(185, 240), rng.randint(10, 60), rng.randint(20, 70))


def star_points(cx, cy, r_out, r_in, rot=-90.0):
    pts = []
    for k in range(10):
        r = r_out if k % 2 == 0 else r_in
        a = math.radians(rot + k * 36)
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def arc_text(layer: Image.Image, rng: random.Random, fpath: str, text: str, cx, cy, rx, ry, size, fill, span_deg):
    """Draws characters upright along the top arc of an ellipse, as on Chinese official seals."""
    n = len(text)
    if n == 0:
        return
    f = font(fpath, size)
    start = -90 - span_deg / 2
    for i, ch in enumerate(text):
        a = start + span_deg * (i + 0.5) / n
        rad = math.radians(a)
        px, py = cx + rx * math.cos(rad), cy + ry * math.sin(rad)
        glyph = Image.new("L", (size * 2, size * 2), 0)
        ImageDraw.Draw(glyph).text((size // 2, size // 2), ch, font=f, fill=255)
        glyph = glyph.rotate(-(a + 90), resample=Image.BICUBIC)
        col = Image.new("RGBA", glyph.size, fill + (0,))
        col.putalpha(glyph)
        layer.alpha_composite(col, (int(px - size), int(py - size)))


def make_seal(rng: random.Random, assets: Assets, size: int) -> Image.Image:
    """A red round (or oval, or square) official stamp on a transparent layer, possibly faded."""
    shape = rng.choices(["round", "oval", "square"], [0.75, 0.18, 0.07])[0]
    w = size if shape != "oval" else int(size * rng.uniform(1.25, 1.5))
    h = size
    ss = 2  # supersample for smooth rings
    W, H = w * ss, h * ss
    layer = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    red = seal_red(rng)
    fpath = rng.choice(assets.fonts)
    thick = max(2, int(min(W, H) * rng.uniform(0.025, 0.05)))
    if shape == "square":
        d.rectangle([thick, thick, W - thick, H - thick], outline=red, width=thick)
        chars = rng.choice(NAMES) + rng.choice(["印", "之印", "私印"])
        chars = (chars * 2)[:4]
        fs = int(H * 0.36)
        f = font(fpath, fs)
        for i, ch in enumerate(chars):
            col, row = 1 - i // 2, i % 2
            d.text((W * 0.12 + col * W * 0.4, H * 0.1 + row * H * 0.42), ch, font=f, fill=red)
    else:
        d.ellipse([thick, thick, W - thick, H - thick], outline=red, width=thick)
        if rng.random() < 0.3:
            inset = thick * 3
            d.ellipse([inset, inset, W - inset, H - inset], outline=red, width=max(1, thick // 3))
        cx, cy = W / 2, H / 2
        if shape == "round" and rng.random() < 0.85:
            r = min(W, H) * rng.uniform(0.14, 0.2)
            d.polygon(star_points(cx, cy, r, r * 0.38), fill=red)
        name = rng.choice(CITIES) + rng.choice(ORG_NAMES)
        if rng.random() < 0.5:
            name = rng.choice(CITIES) + rand_phrase(rng, DOC_WORDS, 1, 2) + rng.choice(ORG_NAMES)
        name = name[: rng.randint(8, 18)]
        fs = int(min(W, H) * rng.uniform(0.1, 0.14))
        arc_text(layer, rng, fpath, name, cx, cy, W / 2 - thick * 2 - fs * 0.75, H / 2 - thick * 2 - fs * 0.75, fs, red, rng.uniform(200, 260))
        if rng.random() < 0.7:
            label = rng.choice(["专用章", "合同专用章", "财务专用章", "公章", "培训专用章", "鉴定专用章"])
            f = font(fpath, int(fs * 0.9))
            tw = d.textlength(label, font=f)
            d.text((cx - tw / 2, cy + min(W, H) * 0.2), label, font=f, fill=red)
        if shape == "oval" or rng.random() < 0.3:
            num = rand_digits(rng, 13)
            f = font(fpath, int(fs * 0.6))
            tw = d.textlength(num, font=f)
            d.text((cx - tw / 2, H * 0.74), num, font=f, fill=red)
    layer = layer.resize((w, h), Image.LANCZOS)
    # ink: uneven pressure and fading
    a = np.asarray(layer.getchannel("A"), np.float32)
    nrng = np.random.default_rng(rng.randint(0, 2**31))
    fade = rng.uniform(0.45, 1.0) if rng.random() < 0.5 else 1.0
    tex = 1.0 - rng.uniform(0.0, 0.6) * (nrng.random(a.shape) < rng.uniform(0.0, 0.35))
    low = smooth_noise(nrng, w, h, 6, 0.35)[..., 0]
    a = np.clip(a * fade * tex * (1.0 + low), 0, 255) * rng.uniform(0.75, 0.95)
    layer.putalpha(Image.fromarray(a.astype(np.uint8), "L"))
    return rotate_rgba(layer, rng.uniform(-40, 40))


def place_seal(canvas: Image.Image, rng: random.Random, assets: Assets, size: int, x: int, y: int):
    seal = make_seal(rng, assets, size)
    return paste_rgba(canvas, seal, x, y)


# ---------------------------------------------------------------------------------------------------
# Hard negatives and distractors


def red_logo(rng: random.Random, assets: Assets, size: int) -> Image.Image:
    """Red circular logos, filled badges, stars, lanterns, gold wreaths: not emblems, not seals."""
    ss = 2
    S = size * ss
    im = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    kind = rng.choice(["disc", "ringlogo", "stars", "lantern", "wreath", "badge", "flaglike"])
    red, gold = seal_red(rng), (rng.randint(220, 255), rng.randint(170, 215), rng.randint(0, 60))
    if kind == "disc":
        d.ellipse([0, 0, S - 1, S - 1], fill=red)
        if rng.random() < 0.6:
            d.ellipse([S * 0.08, S * 0.08, S * 0.92, S * 0.92], outline=gold, width=max(2, S // 25))
        if rng.random() < 0.5:
            d.polygon(star_points(S / 2, S / 2, S * 0.3, S * 0.12), fill=gold if rng.random() < 0.6 else (255, 255, 255))
        else:
            d.rectangle([S * 0.3, S * 0.3, S * 0.7, S * 0.7], outline=(255, 255, 255), width=max(2, S // 20))
    elif kind == "ringlogo":
        d.ellipse([0, 0, S - 1, S - 1], outline=red, width=max(2, S // 12))
        d.ellipse([S * 0.3, S * 0.3, S * 0.7, S * 0.7], fill=red)
    elif kind == "stars":
        d.polygon(star_points(S * 0.3, S * 0.35, S * 0.28, S * 0.11), fill=gold)
        for k in range(4):
            a = math.radians(-60 + k * 35)
            d.polygon(star_points(S * 0.3 + S * 0.5 * math.cos(a), S * 0.35 + S * 0.5 * math.sin(a), S * 0.09, S * 0.035, rng.uniform(0, 72)), fill=gold)
    elif kind == "lantern":
        d.ellipse([S * 0.1, S * 0.15, S * 0.9, S * 0.85], fill=red)
        d.rectangle([S * 0.3, S * 0.08, S * 0.7, S * 0.18], fill=gold)
        d.rectangle([S * 0.3, S * 0.82, S * 0.7, S * 0.92], fill=gold)
        for k in range(5):
            d.line([S * (0.42 + 0.04 * k), S * 0.92, S * (0.42 + 0.04 * k), S], fill=gold, width=max(1, S // 60))
        d.arc([S * 0.25, S * 0.15, S * 0.75, S * 0.85], 0, 360, fill=gold, width=max(1, S // 50))
    elif kind == "wreath":
        for side in (-1, 1):
            for k in range(9):
                a = math.radians(100 + k * 18)
                cx, cy = S / 2 + side * S * 0.38 * math.cos(a), S / 2 + S * 0.38 * math.sin(a) * -1 + S * 0.05
                d.ellipse([cx - S * 0.06, cy - S * 0.03, cx + S * 0.06, cy + S * 0.03], fill=gold)
        d.rectangle([S * 0.4, S * 0.82, S * 0.6, S * 0.9], fill=red)
    elif kind == "badge":  # round red sales badge with white text: not a seal
        d.ellipse([0, 0, S - 1, S - 1], fill=red)
    else:
        d.rectangle([0, S * 0.2, S - 1, S * 0.8], fill=red)
        d.polygon(star_points(S * 0.2, S * 0.38, S * 0.1, S * 0.04), fill=gold)
    im = im.resize((size, size), Image.LANCZOS)
    if kind == "badge":
        ft = font(assets.fonts[0], size // 4)
        ImageDraw.Draw(im).text((size * 0.2, size * 0.35), rng.choice(["特价", "热卖", "五折", "包邮", "限时"]), font=ft, fill=(255, 255, 255))
    return rotate_rgba(im, rng.uniform(-20, 20))


def hard_negative_object(rng: random.Random, assets: Assets, size: int) -> Image.Image:
    if assets.hard_negatives and rng.random() < 0.6:
        pool = assets.org_emblems if assets.org_emblems and rng.random() < 0.35 else assets.hard_negatives
        obj = rng.choice(pool)
        scale = size / max(obj.size)
        obj = obj.resize((max(4, int(obj.width * scale)), max(4, int(obj.height * scale))), Image.LANCZOS)
        if rng.random() < 0.25:
            obj = ImageOps.colorize(ImageOps.grayscale(obj.convert("RGB")), (90, 60, 0), (255, 225, 120)).convert("RGBA")
            obj.putalpha(255)
        return rotate_rgba(obj, rng.gauss(0, 6)) if rng.random() < 0.3 else obj
    return red_logo(rng, assets, size)


# ---------------------------------------------------------------------------------------------------
# Scenes. Each returns (image, {label: [boxes]}) in canvas pixels.


def empty_boxes():
    return {k: [] for k in LABELS}


def scene_banner(rng, nrng, assets, cfg, w, h):
    im = background(rng, nrng, assets, w, h)
    boxes = empty_boxes()
    # hype or ordinary ad text
    words = HYPE if rng.random() < 0.6 else AD_WORDS
    text_lines(im, rng, assets, words, rng.randint(1, 5), (max(10, h // 14), max(12, h // 4)))
    if rng.random() < 0.4:
        text_lines(im, rng, assets, DOC_WORDS + AD_WORDS, rng.randint(2, 8), (10, max(11, h // 12)))
    for _ in range(rng.choice([0, 0, 1, 1, 2])):
        s = int(min(w, h) * rng.uniform(0.1, 0.6))
        obj = hard_negative_object(rng, assets, max(12, s))
        paste_rgba(im, obj, rng.randint(-s // 4, w - s // 2), rng.randint(-s // 4, h - s // 2))
    if rng.random() < 0.3:  # a certificate shown inside the ad
        cw = int(w * rng.uniform(0.3, 0.6))
        ch = int(cw * rng.uniform(0.65, 1.35))
        ch = min(ch, int(h * 0.95))
        cert, cboxes = render_certificate(rng, nrng, assets, cfg, cw, ch)
        cboxes["certificate_layout"] = [(0, 0, cw, ch)]
        angle = rng.uniform(-12, 12) if rng.random() < 0.4 else 0.0
        paste_page(im, rng, cert, cboxes, angle, boxes)
    if rng.random() < cfg["emblem_probability_in_banner"]:
        b = place_emblem(im, rng, assets, cfg)
        if b:
            boxes["national_emblem"].append(b)
    if rng.random() < 0.12:
        s = int(min(w, h) * rng.uniform(0.12, 0.45))
        b = place_seal(im, rng, assets, max(16, s), rng.randint(0, max(0, w - s)), rng.randint(0, max(0, h - s)))
        if b:
            boxes["official_seal"].append(b)
    return im, boxes


def paste_page(canvas: Image.Image, rng, page: Image.Image, page_boxes: dict, angle: float, boxes: dict, xy=None):
    """Pastes a rendered page (certificate or document), rotated, with its labelled boxes mapped along."""
    pw, ph = page.size
    rot = rotate_rgba(page.convert("RGBA"), angle)
    w, h = canvas.size
    x, y = xy if xy else (rng.randint(0, max(0, w - rot.width)), rng.randint(0, max(0, h - rot.height)))
    if rng.random() < 0.5:  # drop shadow
        sh = Image.new("RGBA", rot.size, (0, 0, 0, 0))
        sh.putalpha(rot.getchannel("A").point(lambda a: a // 3))
        canvas.paste(sh, (x + 6, y + 6), sh)
    if paste_rgba(canvas, rot, x, y) is None:
        return
    a = math.radians(-angle)
    for lab, items in page_boxes.items():
        for bx, by, bw, bh in items:
            # rotate the corners about the page centre, keep their bounding box
            pts = [(bx, by), (bx + bw, by), (bx, by + bh), (bx + bw, by + bh)]
            xs, ys = [], []
            for px, py in pts:
                dx, dy = px - pw / 2, py - ph / 2
                xs.append(dx * math.cos(a) - dy * math.sin(a) + rot.width / 2 + x)
                ys.append(dx * math.sin(a) + dy * math.cos(a) + rot.height / 2 + y)
            x0, y0 = max(0, min(xs)), max(0, min(ys))
            x1, y1 = min(w, max(xs)), min(h, max(ys))
            if x1 - x0 >= 3 and y1 - y0 >= 3:
                boxes[lab].append((int(x0), int(y0), int(x1 - x0), int(y1 - y0)))


def paper(rng, nrng, w, h):
    base = rng.choice([(255, 255, 255), (250, 246, 232), (246, 238, 215), (240, 244, 250), (252, 250, 240)])
    arr = np.broadcast_to(np.array(base, np.float32), (h, w, 3)).copy()
    if rng.random() < 0.6:
        arr += smooth_noise(nrng, w, h, 8, rng.uniform(3, 14))
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")


def ornate_border(d: ImageDraw.ImageDraw, rng, w, h):
    col = rng.choice([(200, 30, 30), (190, 150, 40), (30, 60, 140), (40, 110, 60), (150, 20, 20)])
    m = int(min(w, h) * rng.uniform(0.03, 0.07))
    width = max(2, int(min(w, h) * rng.uniform(0.008, 0.025)))
    d.rectangle([m, m, w - m, h - m], outline=col, width=width)
    if rng.random() < 0.8:
        m2 = m + width + max(2, int(min(w, h) * 0.015))
        d.rectangle([m2, m2, w - m2, h - m2], outline=col, width=max(1, width // 2))
    if rng.random() < 0.6:  # patterned band
        step = max(6, int(min(w, h) * 0.03))
        for x in range(m, w - m, step):
            d.ellipse([x, m // 3, x + step // 2, m // 3 + step // 2], fill=col)
            d.ellipse([x, h - m // 3 - step // 2, x + step // 2, h - m // 3], fill=col)
        for y in range(m, h - m, step):
            d.ellipse([m // 3, y, m // 3 + step // 2, y + step // 2], fill=col)
            d.ellipse([w - m // 3 - step // 2, y, w - m // 3, y + step // 2], fill=col)
    if rng.random() < 0.6:  # corner ornaments
        r = int(min(w, h) * 0.08)
        for cx, cy in ((m, m), (w - m, m), (m, h - m), (w - m, h - m)):
            d.ellipse([cx - r // 2, cy - r // 2, cx + r // 2, cy + r // 2], outline=col, width=max(1, width))
    return col, m


def render_certificate(rng, nrng, assets, cfg, w, h):
    """A certificate page or booklet cover; returns (image, child boxes of emblem and seal)."""
    boxes = empty_boxes()
    if rng.random() < 0.2:  # red booklet cover with gold title and, often, the emblem
        im = Image.new("RGB", (w, h), (rng.randint(140, 200), rng.randint(0, 30), rng.randint(0, 30)))
        d = ImageDraw.Draw(im)
        gold = (rng.randint(220, 255), rng.randint(180, 215), rng.randint(50, 110))
        d.rectangle([w * 0.05, h * 0.04, w * 0.95, h * 0.96], outline=gold, width=max(1, w // 120))
        title = rng.choice(CERT_TITLES)
        fs = max(10, int(min(w / (len(title) + 1), h * 0.1)))
        draw_text(im, rng, assets, title, (int(w / 2 - fs * len(title) / 2), int(h * 0.62)), fs, gold, assets.serif_fonts, stroke=False)
        if rng.random() < 0.75:
            s = max(cfg["emblem_min_px"], int(min(w, h) * rng.uniform(0.25, 0.45)))
            b = place_emblem(im, rng, assets, cfg, size=s, where=(int(w / 2 - s / 2), int(h * 0.15)))
            if b:
                boxes["national_emblem"].append(b)
        return im, boxes
    im = paper(rng, nrng, w, h)
    d = ImageDraw.Draw(im)
    col, m = ornate_border(d, rng, w, h)
    inner_w = w - 2 * m
    title = rng.choice(CERT_TITLES)
    fs = max(10, int(min(inner_w * 0.75 / len(title), h * 0.11)))
    top = m + int(h * 0.05)
    if rng.random() < 0.4:
        s = max(cfg["emblem_min_px"], int(min(w, h) * rng.uniform(0.1, 0.2)))
        b = place_emblem(im, rng, assets, cfg, size=s, where=(int(w / 2 - s / 2), top))
        if b:
            boxes["national_emblem"].append(b)
            top = b[1] + b[3] + int(h * 0.01)
    tcol = rng.choice([(200, 20, 20), (20, 20, 20), (180, 140, 30), col])
    tb = draw_text(im, rng, assets, title, (int(w / 2 - fs * len(title) / 2), top), fs, tcol, assets.serif_fonts, stroke=False)
    y = tb[3] + int(h * 0.05)
    bs = max(8, int(h * rng.uniform(0.03, 0.045)))
    photo = rng.random() < 0.5
    left = m + int(w * 0.08)
    if photo:
        pw, ph = int(w * 0.16), int(w * 0.2)
        px = left if rng.random() < 0.5 else w - m - int(w * 0.08) - pw
        d.rectangle([px, y, px + pw, y + ph], fill=rng.choice([(220, 230, 245), (235, 235, 235), (70, 120, 200)]), outline=(120, 120, 120))
        d.ellipse([px + pw * 0.3, y + ph * 0.15, px + pw * 0.7, y + ph * 0.5], fill=(90, 90, 90))
        d.rectangle([px + pw * 0.2, y + ph * 0.55, px + pw * 0.8, y + ph], fill=(90, 90, 90))
        if px == left:
            left = px + pw + int(w * 0.04)
    fields = rng.random() < 0.6
    lines = rng.randint(3, 7)
    for i in range(lines):
        if y + bs > h - m - int(h * 0.15):
            break
        if fields:
            key = rng.choice(["姓名", "性别", "证书编号", "身份证号", "职业（工种）", "等级", "发证日期", "工作单位"])
            tb2 = draw_text(im, rng, assets, key + "：", (left, y), bs, (30, 30, 30), stroke=False)
            val = rng.choice(NAMES) if key == "姓名" else rand_digits(rng, rng.randint(4, 18)) if "号" in key else rand_phrase(rng, CERT_BODY, 1, 2)
            draw_text(im, rng, assets, val, (tb2[2] + 4, y), bs, (20, 20, 60), stroke=False)
            d.line([tb2[2], y + bs * 1.2, min(w - m - 10, tb2[2] + w * 0.35), y + bs * 1.2], fill=(80, 80, 80), width=1)
        else:
            draw_text(im, rng, assets, rand_phrase(rng, CERT_BODY + NAMES, 3, 6), (left, y), bs, (30, 30, 30), stroke=False)
        y += int(bs * rng.uniform(1.7, 2.3))
    # issuer and date at bottom right, with the seal over them
    org = rng.choice(CITIES) + rng.choice(ORG_NAMES)
    ox, oy = int(w * 0.55), int(h - m - h * 0.16)
    draw_text(im, rng, assets, org[:12], (ox, oy), bs, (30, 30, 30), stroke=False)
    draw_text(im, rng, assets, f"{rng.randint(2015, 2026)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日", (ox, oy + int(bs * 1.6)), bs, (30, 30, 30), stroke=False)
    if rng.random() < 0.8:
        s = max(18, int(min(w, h) * rng.uniform(0.18, 0.3)))
        b = place_seal(im, rng, assets, s, ox + rng.randint(-s // 3, s // 2), oy - s // 2 + rng.randint(-s // 4, s // 4))
        if b:
            boxes["official_seal"].append(b)
    if rng.random() < 0.3:  # QR code-like block
        q = int(min(w, h) * 0.12)
        qx, qy = m + int(w * 0.06), h - m - q - int(h * 0.05)
        cells = nrng.random((9, 9)) < 0.5
        cs = q / 9
        for i in range(9):
            for j in range(9):
                if cells[i, j]:
                    d.rectangle([qx + j * cs, qy + i * cs, qx + (j + 1) * cs, qy + (i + 1) * cs], fill=(0, 0, 0))
    return im, boxes


def scene_certificate(rng, nrng, assets, cfg, w, h):
    im, boxes = render_certificate(rng, nrng, assets, cfg, w, h)
    boxes["certificate_layout"].append((0, 0, w, h))
    return im, boxes


def doc_receipt(rng, nrng, assets, w, h):
    im = paper(rng, nrng, w, h)
    d = ImageDraw.Draw(im)
    fs = max(9, int(min(w, h) * rng.uniform(0.025, 0.045)))
    y = int(h * 0.04)
    draw_text(im, rng, assets, rng.choice(["购物小票", "收款收据", "销售单", "结账单", "交易凭条"]), (int(w * 0.3), y), int(fs * 1.5), (20, 20, 20), stroke=False)
    y += int(fs * 3)
    while y < h - fs * 2:
        draw_text(im, rng, assets, rand_phrase(rng, DOC_WORDS, 1, 2), (int(w * 0.05), y), fs, (30, 30, 30), stroke=False)
        draw_text(im, rng, assets, f"{rng.randint(1, 999)}.{rand_digits(rng, 2)}", (int(w * 0.7), y), fs, (30, 30, 30), stroke=False)
        y += int(fs * 1.6)
        if rng.random() < 0.15:
            d.line([w * 0.03, y, w * 0.97, y], fill=(60, 60, 60), width=1)
            y += fs // 2
    return im


def doc_form(rng, nrng, assets, w, h):
    im = paper(rng, nrng, w, h)
    d = ImageDraw.Draw(im)
    fs = max(9, int(min(w, h) * rng.uniform(0.025, 0.04)))
    draw_text(im, rng, assets, rand_phrase(rng, DOC_WORDS, 2, 3) + rng.choice(["表", "单", "登记表", "申请表", "统计表"]), (int(w * 0.25), int(h * 0.03)), int(fs * 1.4), (20, 20, 20), stroke=False)
    rows, cols = rng.randint(4, 14), rng.randint(2, 6)
    x0, y0, x1, y1 = w * 0.05, h * 0.12, w * 0.95, h * rng.uniform(0.7, 0.95)
    for r in range(rows + 1):
        yy = y0 + (y1 - y0) * r / rows
        d.line([x0, yy, x1, yy], fill=(40, 40, 40), width=1)
    for c in range(cols + 1):
        xx = x0 + (x1 - x0) * c / cols
        d.line([xx, y0, xx, y1], fill=(40, 40, 40), width=1)
    for r in range(rows):
        for c in range(cols):
            if rng.random() < 0.7:
                txt = rand_phrase(rng, DOC_WORDS, 1, 1) if rng.random() < 0.6 else rand_digits(rng, rng.randint(2, 8))
                draw_text(im, rng, assets, txt, (int(x0 + (x1 - x0) * c / cols + 3), int(y0 + (y1 - y0) * r / rows + 2)), min(fs, int((y1 - y0) / rows * 0.7)), (30, 30, 30), stroke=False)
    return im


def doc_article(rng, nrng, assets, w, h):
    im = paper(rng, nrng, w, h) if rng.random() < 0.7 else Image.new("RGB", (w, h), (255, 255, 255))
    fs = max(9, int(min(w, h) * rng.uniform(0.025, 0.04)))
    y = int(h * 0.04)
    header_red = rng.random() < 0.25  # red-header official letter (红头文件)
    if header_red:
        draw_text(im, rng, assets, rng.choice(CITIES) + rng.choice(ORG_NAMES) + "文件", (int(w * 0.1), y), int(fs * 1.8), (210, 20, 20), stroke=False)
        y += int(fs * 3)
        ImageDraw.Draw(im).line([w * 0.05, y, w * 0.95, y], fill=(210, 20, 20), width=max(2, fs // 6))
        y += fs
    draw_text(im, rng, assets, rand_phrase(rng, DOC_WORDS, 2, 4), (int(w * 0.15), y), int(fs * 1.3), (10, 10, 10), stroke=False)
    y += int(fs * 2.5)
    while y < h - fs * 2:
        draw_text(im, rng, assets, rand_phrase(rng, DOC_WORDS, 6, 12), (int(w * 0.06), y), fs, (30, 30, 30), stroke=False)
        y += int(fs * rng.uniform(1.4, 1.9))
    return im


def doc_chat(rng, nrng, assets, w, h):
    im = Image.new("RGB", (w, h), rng.choice([(237, 237, 237), (245, 245, 245), (25, 25, 25)]))
    d = ImageDraw.Draw(im)
    fs = max(10, int(min(w, h) * rng.uniform(0.03, 0.05)))
    d.rectangle([0, 0, w, fs * 2.5], fill=rng.choice([(237, 237, 237), (250, 250, 250), (40, 40, 40)]))
    draw_text(im, rng, assets, rng.choice(NAMES), (int(w * 0.4), int(fs * 0.6)), fs, (20, 20, 20), stroke=False)
    y = int(fs * 3.2)
    while y < h - fs * 3:
        mine = rng.random() < 0.5
        txt = rand_phrase(rng, DOC_WORDS + HYPE[:8] + AD_WORDS, 1, 4)
        tw = min(int(w * 0.6), int(fs * len(txt) * 1.05) + fs)
        av = int(fs * 2.2)
        if mine:
            d.rectangle([w - av - 8, y, w - 8, y + av], fill=rand_color(rng, 60, 200))
            bx = w - av - 16 - tw
            col = (149, 236, 105)
        else:
            d.rectangle([8, y, 8 + av, y + av], fill=rand_color(rng, 60, 200))
            bx = av + 16
            col = (255, 255, 255)
        d.rounded_rectangle([bx, y, bx + tw, y + int(fs * 2)], radius=fs // 3, fill=col)
        draw_text(im, rng, assets, txt, (bx + fs // 2, y + fs // 3), fs, (20, 20, 20), stroke=False)
        y += int(fs * rng.uniform(3, 4))
    return im


def doc_ticket(rng, nrng, assets, w, h):
    im = gradient(w, h, rng.choice([(180, 210, 240), (250, 200, 210), (220, 235, 220)]), (250, 250, 250), rng.random() < 0.5)
    fs = max(10, int(min(w, h) * rng.uniform(0.05, 0.08)))
    a, b = rng.sample(CITIES, 2)
    draw_text(im, rng, assets, f"{a}站", (int(w * 0.08), int(h * 0.2)), int(fs * 1.3), (20, 20, 20), stroke=False)
    draw_text(im, rng, assets, f"{b}站", (int(w * 0.6), int(h * 0.2)), int(fs * 1.3), (20, 20, 20), stroke=False)
    draw_text(im, rng, assets, f"G{rand_digits(rng, 4)}", (int(w * 0.38), int(h * 0.12)), fs, (20, 20, 20), stroke=False)
    y = int(h * 0.45)
    for _ in range(rng.randint(2, 4)):
        draw_text(im, rng, assets, rand_phrase(rng, DOC_WORDS, 1, 3) + rand_digits(rng, 4), (int(w * 0.08), y), int(fs * 0.7), (20, 20, 20), stroke=False)
        y += int(fs * 1.1)
    return im


def doc_code(rng, nrng, assets, w, h):
    im = Image.new("RGB", (w, h), rng.choice([(30, 30, 30), (255, 255, 255), (40, 44, 52)]))
    fs = max(9, int(min(w, h) * rng.uniform(0.025, 0.04)))
    y = 4
    mono = ["import argparse", "def main():", "    parser = argparse.ArgumentParser()", "    return 0", "for i in range(10):", "    print(i)", "if __name__ == '__main__':", "x = load(path)"]
    while y < h - fs:
        draw_text(im, rng, assets, " " * rng.randint(0, 4) + rng.choice(mono), (8, y), fs, rand_color(rng, 100, 255) if im.getpixel((0, 0))[0] < 100 else rand_color(rng, 0, 120), stroke=False)
        y += int(fs * 1.4)
    return im


DOCS = [doc_receipt, doc_form, doc_article, doc_chat, doc_ticket, doc_code]


def scene_document(rng, nrng, assets, cfg, w, h):
    im = rng.choice(DOCS)(rng, nrng, assets, w, h)
    boxes = empty_boxes()
    if rng.random() < 0.35:  # contracts, letters and forms carry seals too: seal yes, certificate no
        for _ in range(rng.choice([1, 1, 2, 3])):
            s = max(16, int(min(w, h) * rng.uniform(0.12, 0.35)))
            b = place_seal(im, rng, assets, s, rng.randint(0, max(0, w - s)), rng.randint(h // 3, max(h // 3, h - s)))
            if b:
                boxes["official_seal"].append(b)
    if rng.random() < 0.08:
        b = place_emblem(im, rng, assets, cfg)
        if b:
            boxes["national_emblem"].append(b)
    if rng.random() < 0.1:  # red ink smear, as on handled tickets: red, round-ish, but no seal
        nr = np.random.default_rng(rng.randint(0, 2**31))
        blob = smooth_noise(nr, w, h, rng.randint(2, 5), 1.0)[..., 0]
        mask = np.clip((blob - rng.uniform(0.2, 0.6)) * 3, 0, 1) * rng.uniform(0.3, 0.7)
        arr = np.asarray(im, np.float32)
        arr = arr * (1 - mask[..., None]) + np.array(seal_red(rng), np.float32) * mask[..., None]
        im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
    if rng.random() < 0.15:  # red annotation boxes
        d = ImageDraw.Draw(im)
        for _ in range(rng.randint(1, 4)):
            x, y = rng.randint(0, w), rng.randint(0, h)
            d.rectangle([x, y, x + rng.randint(20, w // 2), y + rng.randint(10, h // 4)], outline=seal_red(rng), width=2)
    return im, boxes


def scene_photo_document(rng, nrng, assets, cfg, w, h):
    """A phone photo of a page lying on something: certificates (positive) or ordinary documents."""
    im = photo_crop(rng, assets, w, h) if rng.random() < 0.7 else background(rng, nrng, assets, w, h)
    boxes = empty_boxes()
    pw = int(w * rng.uniform(0.45, 0.95))
    ph = min(int(pw * rng.uniform(0.6, 1.5)), int(h * 0.98))
    pw = max(pw, 48)
    ph = max(ph, 48)
    if rng.random() < 0.4:
        page, pboxes = render_certificate(rng, nrng, assets, cfg, pw, ph)
        pboxes["certificate_layout"] = [(0, 0, pw, ph)]
    else:
        page, pboxes = scene_document(rng, nrng, assets, cfg, pw, ph)
    paste_page(im, rng, page, pboxes, rng.uniform(-20, 20), boxes)
    # uneven light across the photo
    shade = gradient(w, h, (rng.randint(150, 255),) * 3, (255, 255, 255), rng.random() < 0.5)
    im = ImageChops.multiply(im, shade)
    return im, boxes


def scene_seal_closeup(rng, nrng, assets, cfg, w, h):
    im = paper(rng, nrng, w, h)
    if rng.random() < 0.5:
        text_lines(im, rng, assets, DOC_WORDS, rng.randint(2, 8), (10, max(11, h // 10)))
    s = int(min(w, h) * rng.uniform(0.45, 0.9))
    b = place_seal(im, rng, assets, s, (w - s) // 2 + rng.randint(-w // 10, w // 10), (h - s) // 2 + rng.randint(-h // 10, h // 10))
    boxes = empty_boxes()
    if b:
        boxes["official_seal"].append(b)
    if rng.random() < 0.5:  # handwriting-ish overlapping strokes
        d = ImageDraw.Draw(im)
        pts = [(rng.randint(0, w), rng.randint(0, h)) for _ in range(rng.randint(3, 8))]
        d.line(pts, fill=(20, 20, 60), width=rng.randint(1, 3))
    return im, boxes


def scene_hard_negative(rng, nrng, assets, cfg, w, h):
    im = background(rng, nrng, assets, w, h) if rng.random() < 0.7 else paper(rng, nrng, w, h)
    if rng.random() < 0.6:
        text_lines(im, rng, assets, AD_WORDS + HYPE, rng.randint(1, 4), (max(10, h // 14), max(12, h // 5)))
    for _ in range(rng.randint(1, 3)):
        s = int(min(w, h) * math.exp(rng.uniform(math.log(0.05), math.log(0.9))))
        obj = hard_negative_object(rng, assets, max(12, s))
        paste_rgba(im, obj, rng.randint(-s // 6, max(0, w - s)), rng.randint(-s // 6, max(0, h - s)))
    return im, empty_boxes()


def scene_plain_photo(rng, nrng, assets, cfg, w, h):
    im = photo_crop(rng, assets, w, h) if rng.random() < 0.7 else background(rng, nrng, assets, w, h)
    if rng.random() < 0.5:
        text_lines(im, rng, assets, AD_WORDS + DOC_WORDS, rng.randint(1, 6), (10, max(12, h // 6)))
    return im, empty_boxes()


LICENCE_TITLES = ["营业执照", "食品经营许可证", "道路运输经营许可证", "医疗机构执业许可证", "卫生许可证", "建筑业企业资质证书", "安全生产许可证"]
LICENCE_FIELDS = ["名称", "类型", "法定代表人", "经营范围", "注册资本", "成立日期", "营业期限", "住所", "经营场所", "主体业态", "有效期至"]


def render_licence(rng, nrng, assets, cfg, w, h):
    """A business licence or permit page: the emblem (usually red line-art) over the title, fixed
    fields (统一社会信用代码, 许可证编号 ...), the registration authority and its seal."""
    boxes = empty_boxes()
    im = paper(rng, nrng, w, h)
    d = ImageDraw.Draw(im)
    col, m = ornate_border(d, rng, w, h)
    top = m + int(h * 0.03)
    if rng.random() < 0.9:
        s = max(cfg["emblem_min_px"], int(min(w, h) * rng.uniform(0.09, 0.17)))
        style = rng.choice(["redline", "redline", "red", "original", "bwprint", "lineart"])
        em = rng.choice(assets.emblems)
        em = em.resize((s, max(4, round(em.height * s / em.width))), Image.LANCZOS)
        em = recolor_emblem(rng, em, (250, 250, 250), style)
        b = paste_rgba(im, em, int(w / 2 - s / 2), top)
        if b:
            boxes["national_emblem"].append(b)
            top = b[1] + b[3] + int(h * 0.015)
    title = rng.choice(LICENCE_TITLES)
    fs = max(10, int(min((w - 2 * m) * 0.6 / len(title), h * 0.08)))
    tcol = rng.choice([(200, 20, 20), (20, 20, 20), (150, 20, 20)])
    tb = draw_text(im, rng, assets, title, (int(w / 2 - fs * len(title) / 2), top), fs, tcol, assets.serif_fonts, stroke=False)
    y = tb[3] + int(h * 0.04)
    bs = max(8, int(h * rng.uniform(0.022, 0.034)))
    left = m + int(w * 0.07)
    key = rng.choice(["统一社会信用代码", "许可证编号", "注册号"])
    code = "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(18))
    draw_text(im, rng, assets, f"{key} {code}", (left, y), bs, (30, 30, 30), stroke=False)
    if rng.random() < 0.6:  # QR code at the right
        q = int(min(w, h) * 0.12)
        qx, qy = w - m - q - int(w * 0.05), y
        cells = nrng.random((11, 11)) < 0.5
        cs = q / 11
        for i in range(11):
            for j in range(11):
                if cells[i, j]:
                    d.rectangle([qx + j * cs, qy + i * cs, qx + (j + 1) * cs, qy + (i + 1) * cs], fill=(0, 0, 0))
    y += int(bs * 2.4)
    for name in rng.sample(LICENCE_FIELDS, rng.randint(4, 8)):
        if y + bs > h - m - int(h * 0.2):
            break
        tb2 = draw_text(im, rng, assets, name, (left, y), bs, (30, 30, 30), stroke=False)
        val = rand_phrase(rng, DOC_WORDS + ORG_NAMES + CITIES, 1, 4)
        draw_text(im, rng, assets, val, (left + int(bs * 6), y), bs, (20, 20, 60), stroke=False)
        y += int(bs * rng.uniform(1.6, 2.2))
    ox, oy = int(w * rng.uniform(0.5, 0.62)), int(h - m - h * 0.17)
    draw_text(im, rng, assets, "登记机关", (ox, oy), bs, (30, 30, 30), stroke=False)
    draw_text(im, rng, assets, f"{rng.randint(2012, 2026)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日", (ox, oy + int(bs * 1.6)), bs, (30, 30, 30), stroke=False)
    if rng.random() < 0.85:
        s = max(18, int(min(w, h) * rng.uniform(0.16, 0.26)))
        b = place_seal(im, rng, assets, s, ox + rng.randint(0, s // 2), oy - s // 2 + rng.randint(-s // 4, s // 4))
        if b:
            boxes["official_seal"].append(b)
    boxes["certificate_layout"].append((0, 0, w, h))
    return im, boxes


def scene_licence(rng, nrng, assets, cfg, w, h):
    """A licence page alone (scanned, or photocopied in black and white) or photographed on a desk."""
    pw, ph = (w, h) if rng.random() < 0.5 else (int(w * rng.uniform(0.5, 0.9)), int(h * rng.uniform(0.6, 0.95)))
    page, pboxes = render_licence(rng, nrng, assets, cfg, max(64, pw), max(64, ph))
    if rng.random() < 0.25:  # photocopy: grey, hard contrast
        page = ImageOps.autocontrast(ImageOps.grayscale(page), cutoff=rng.uniform(0, 3)).convert("RGB")
    if (pw, ph) == (w, h):
        return page, pboxes
    im = photo_crop(rng, assets, w, h) if rng.random() < 0.6 else background(rng, nrng, assets, w, h)
    boxes = empty_boxes()
    paste_page(im, rng, page, pboxes, rng.uniform(-15, 15), boxes)
    return im, boxes


SCENES = {
    "licence": scene_licence,
    "banner": scene_banner,
    "certificate": scene_certificate,
    "document": scene_document,
    "seal_closeup": scene_seal_closeup,
    "hard_negative": scene_hard_negative,
    "plain_photo": scene_plain_photo,
    "photo_document": scene_photo_document,
}


# ---------------------------------------------------------------------------------------------------
# Photometric degradation (after boxes are fixed)


def degrade(rng: random.Random, im: Image.Image) -> Image.Image:
    if rng.random() < 0.3:
        im = im.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.5)))
    if rng.random() < 0.3:  # colour cast / brightness / contrast, as in phone photos
        arr = np.asarray(im, np.float32)
        arr = (arr - 128) * rng.uniform(0.7, 1.2) + 128 + np.array([rng.uniform(-20, 20) for _ in range(3)], np.float32)
        im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
    if rng.random() < 0.05:
        im = ImageOps.grayscale(im).convert("RGB")
    if rng.random() < 0.5:
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=rng.randint(35, 92))
        buf.seek(0)
        im = Image.open(buf).convert("RGB")
    return im


# ---------------------------------------------------------------------------------------------------
# Public entry points


def generate_one(assets: Assets, cfg: dict, seed: int, index: int, size=None, scene=None):
    """Image number `index` of the stream `seed`: (PIL RGB image, labels dict 0/1, boxes dict)."""
    rng = random.Random(seed * 1_000_003 + index)
    nrng = np.random.default_rng([seed, index])
    w, h = size or tuple(rng.choice(cfg["canvas_sizes"]))
    if scene is None:
        names = list(cfg["scene_weights"])
        scene = rng.choices(names, [cfg["scene_weights"][n] for n in names])[0]
    im, boxes = SCENES[scene](rng, nrng, assets, cfg, w, h)
    im = degrade(rng, im.convert("RGB"))
    labels = {k: int(bool(boxes[k])) for k in LABELS}
    return im, labels, {k: [list(map(int, b)) for b in v] for k, v in boxes.items()}


def load_config(path: str | None = None) -> dict:
    with open(path or os.path.join(HERE, "config.json"), encoding="utf-8") as f:
        return json.load(f)


def write_split(assets: Assets, cfg: dict, out: str, seed: int, count: int):
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "labels.jsonl"), "w", encoding="utf-8") as f:
        for i in range(count):
            im, labels, boxes = generate_one(assets, cfg, seed, i)
            name = f"{i:05d}.png"
            im.save(os.path.join(out, name))
            f.write(json.dumps({"file": name, "labels": labels, "boxes": boxes, "seed": seed, "index": i}, ensure_ascii=False) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("assets", help="asset folder (../shared/assets)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--split", choices=["train", "heldout"], default="heldout")
    ap.add_argument("--count", type=int, default=None)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--fonts", default=None, help="folder with CJK fonts (default: Debian font packages)")
    ap.add_argument("--photos", default=None, help="folder with natural photos (default: scikit-image's sample data)")
    ap.add_argument("--config", default=None)
    args = ap.parse_args()
    cfg = load_config(args.config)
    seed = args.seed if args.seed is not None else cfg[f"{args.split}_seed"]
    count = args.count if args.count is not None else cfg["heldout_count"]
    assets = load_assets(args.assets, args.split, cfg["heldout_flags"], args.fonts, args.photos)
    write_split(assets, cfg, args.out, seed, count)
    print(f"wrote {count} images (seed {seed}) to {args.out}")


if __name__ == "__main__":
    main()
