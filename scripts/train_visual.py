#!/usr/bin/env python3
"""Trains the visual classifier from scratch on the endless synthetic stream and exports it to ONNX.

Samples are generated on the fly in the data-loader workers by datasets/generate.py (image = f(seed,
index)), so no training set is stored and every run with the same arguments sees the same data.

Loss: per-cell binary cross-entropy against dense targets derived from the generator's boxes, plus an
image-level binary cross-entropy on the heat-map maximum, which is exactly the score shipped.

Outputs (in --out): visual_classifier.onnx, visual_classifier.pt, train_log.json (or --log-name).
Thresholds and metrics are added to the sidecar JSON by scripts/eval_visual.py.

Continuing a run (`--init`): start from an exported model's weights (scripts/onnx_weights.py) with the
BatchNorms frozen, optionally on another stream (`--config-overrides FILE`: keys that replace
datasets/config.json's, such as another `train_seed` or other `canvas_sizes`). The shipped model does
not use it: two CPU continuations were measured and not shipped (README, "Tried and not shipped").
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader, Dataset, Sampler

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "datasets"))

import generate  # noqa: E402
from onnx_weights import freeze_batchnorm, load_onnx_weights  # noqa: E402
from visual_model import LABELS, VisualNet, dense_targets  # noqa: E402


class BucketBatches(Sampler):
    """Batches of (index, canvas size): one size per batch so images stack without padding."""

    def __init__(self, sizes, batch: int, steps: int, seed: int):
        self.sizes, self.batch, self.steps, self.seed = sizes, batch, steps, seed

    def __len__(self):
        return self.steps

    def __iter__(self):
        rng = random.Random(self.seed)
        for step in range(self.steps):
            size = tuple(rng.choice(self.sizes))
            yield [(step * self.batch + i, size) for i in range(self.batch)]


class SyntheticStream(Dataset):
    def __init__(self, asset_dir: str, cfg: dict, seed: int, font_dir: str | None, photo_dir: str | None):
        self.asset_dir, self.cfg, self.seed, self.font_dir, self.photo_dir = asset_dir, cfg, seed, font_dir, photo_dir
        self.assets = None  # loaded lazily in each worker

    def __getitem__(self, key):
        index, size = key
        if self.assets is None:
            self.assets = generate.load_assets(self.asset_dir, "train", self.cfg["heldout_flags"], self.font_dir, self.photo_dir)
        im, labels, boxes = generate.generate_one(self.assets, self.cfg, self.seed, index, size=size)
        x = torch.from_numpy(np.asarray(im, np.uint8).copy()).permute(2, 0, 1)
        target, weight = dense_targets(boxes, im.height, im.width)
        y = torch.tensor([labels[k] for k in LABELS], dtype=torch.float32)
        return x, target, weight, y


def collate(items):
    xs, ts, ws, ys = zip(*items)
    return torch.stack(xs), torch.stack(ts), torch.stack(ws), torch.stack(ys)


def losses(logits, target, weight, y):
    dense = F.binary_cross_entropy_with_logits(logits, target, reduction="none")
    # positives are rare cells: weight them up so small emblems are not drowned out
    pos_boost = 1.0 + 4.0 * target
    dense = (dense * weight * pos_boost).sum() / weight.sum().clamp(min=1.0)
    image_logit = logits.flatten(2).amax(dim=2)
    image = F.binary_cross_entropy_with_logits(image_logit, y)
    return dense, image


def export_onnx(model: VisualNet, path: str, opset: int):
    model = model.eval().cpu()
    dummy = torch.rand(1, 3, 352, 640)
    torch.onnx.export(
        model,
        (dummy,),
        path,
        input_names=["image"],
        output_names=["heatmap"],
        dynamic_axes={"image": {2: "height", 3: "width"}, "heatmap": {2: "cells_y", 3: "cells_x"}},
        opset_version=opset,
        dynamo=False,
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("assets")
    ap.add_argument("--out", default=os.path.join(HERE, "..", "models"))
    ap.add_argument("--steps", type=int, default=2400)
    ap.add_argument("--batch", type=int, default=48)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--workers", type=int, default=max(1, (os.cpu_count() or 2) - 1))
    ap.add_argument("--time-cap", type=float, default=1e9, help="seconds; LR schedule follows max(step, time) progress")
    ap.add_argument("--width", type=float, default=1.0)
    ap.add_argument("--fonts", default=None)
    ap.add_argument("--photos", default=None, help="natural photos folder (default: scikit-image sample data)")
    ap.add_argument("--opset", type=int, default=17)
    ap.add_argument("--log-every", type=int, default=50)
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    ap.add_argument("--init", default=None, help="start from this exported ONNX model (BatchNorms frozen)")
    ap.add_argument("--config-overrides", default=None, help="JSON file whose keys replace datasets/config.json's")
    ap.add_argument("--warmup", type=int, default=100, help="steps of linear LR warm-up")
    ap.add_argument("--threads", type=int, default=0, help="torch CPU threads (0: torch's default)")
    ap.add_argument("--log-name", default="train_log.json")
    args = ap.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)

    cfg = generate.load_config()
    if args.config_overrides:
        with open(args.config_overrides, encoding="utf-8") as f:
            cfg.update({k: v for k, v in json.load(f).items() if not k.startswith("_")})
    seed = cfg["train_seed"]
    torch.manual_seed(seed)
    os.makedirs(args.out, exist_ok=True)
    data = SyntheticStream(args.assets, cfg, seed, args.fonts, args.photos)
    loader = DataLoader(
        data,
        batch_sampler=BucketBatches(cfg["canvas_sizes"], args.batch, args.steps, seed),
        num_workers=args.workers,
        collate_fn=collate,
        persistent_workers=args.workers > 0,
        prefetch_factor=6 if args.workers > 0 else None,
    )
    model = VisualNet(args.width)
    if args.init:
        load_onnx_weights(model, args.init)
    model = model.to(args.device)
    params = sum(p.numel() for p in model.parameters())
    print(f"params {params} device {args.device} workers {args.workers}", flush=True)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    start = time.time()
    log = []
    model.train()
    if args.init:
        freeze_batchnorm(model)
    step = 0
    for step, (x, target, weight, y) in enumerate(loader):
        elapsed = time.time() - start
        progress = max(step / args.steps, elapsed / args.time_cap)
        if progress >= 1.0:
            print(f"time cap reached at step {step}", flush=True)
            break
        warm = min(1.0, (step + 1) / max(1, args.warmup))
        lr = args.lr * warm * 0.5 * (1 + math.cos(math.pi * progress))
        for g in opt.param_groups:
            g["lr"] = lr
        x = x.to(args.device, non_blocking=True).float().div_(255.0)
        target, weight, y = target.to(args.device), weight.to(args.device), y.to(args.device)
        with torch.autocast(args.device, dtype=torch.bfloat16, enabled=args.device == "cuda"):
            logits = model(x)
        dense, image = losses(logits.float(), target, weight, y)
        loss = dense + image
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        if step % args.log_every == 0:
            entry = {"step": step, "s": round(elapsed, 1), "lr": lr, "dense": round(dense.item(), 4), "image": round(image.item(), 4)}
            log.append(entry)
            print(json.dumps(entry), flush=True)
    torch.save(model.state_dict(), os.path.join(args.out, "visual_classifier.pt"))
    export_onnx(model, os.path.join(args.out, "visual_classifier.onnx"), args.opset)
    with open(os.path.join(args.out, args.log_name), "w") as f:
        json.dump({"steps_done": step, "args": vars(args), "params": params, "seconds": time.time() - start, "log": log}, f, indent=1)
    print(f"done: {step} steps in {time.time() - start:.0f}s", flush=True)


if __name__ == "__main__":
    main()
