"""The visual classifier network and its dense targets, shared by training, export and evaluation.

Design: a small fully-convolutional network (MobileNet-style depthwise-separable blocks) that turns an
RGB image of any size (multiple of 32) into a heat-map of logits at stride 16, one channel per label.
A per-label score is the maximum of the heat-map; the box of the strongest evidence is the blob of
cells around the arg-max. One pass over the image downscaled to a fixed long side is a dense sliding
window for the price of one small CNN, so a corner logo and a full-page certificate come out of the
same pass. A stride-32 context path with dilated blocks and a global-average "what kind of image is
this" vector widens the view for the certificate-layout channel.
"""

from __future__ import annotations

import torch
import torch.nn as nn
import torch.nn.functional as F

LABELS = ("national_emblem", "certificate_layout", "official_seal")
STRIDE = 16
PAD_MULTIPLE = 32
NORM_MEAN = 0.5
NORM_STD = 0.25


def conv_bn(cin: int, cout: int, k: int = 3, s: int = 1) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(cin, cout, k, s, k // 2, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


class SepBlock(nn.Module):
    """Depthwise 3x3 (optionally strided or dilated) then pointwise 1x1; residual when shapes match."""

    def __init__(self, cin: int, cout: int, stride: int = 1, dilation: int = 1):
        super().__init__()
        self.dw = nn.Sequential(
            nn.Conv2d(cin, cin, 3, stride, dilation, dilation=dilation, groups=cin, bias=False),
            nn.BatchNorm2d(cin),
            nn.ReLU(inplace=True),
        )
        self.pw = nn.Sequential(nn.Conv2d(cin, cout, 1, bias=False), nn.BatchNorm2d(cout))
        self.residual = stride == 1 and cin == cout

    def forward(self, x):
        y = self.pw(self.dw(x))
        return F.relu(y + x if self.residual else y)


class VisualNet(nn.Module):
    def __init__(self, width: float = 1.0):
        super().__init__()

        def c(n: int) -> int:
            return max(8, int(round(n * width / 8)) * 8)

        self.stem = conv_bn(3, c(24), 3, 2)  # /2
        self.s4 = nn.Sequential(SepBlock(c(24), c(40), 2), SepBlock(c(40), c(40)))  # /4
        self.s8 = nn.Sequential(SepBlock(c(40), c(64), 2), SepBlock(c(64), c(64)), SepBlock(c(64), c(64)))  # /8
        self.s16 = nn.Sequential(SepBlock(c(64), c(128), 2), SepBlock(c(128), c(128)), SepBlock(c(128), c(128), dilation=2))  # /16
        self.s32 = nn.Sequential(SepBlock(c(128), c(192), 2), SepBlock(c(192), c(192), dilation=2), SepBlock(c(192), c(192), dilation=4))  # /32
        self.context = nn.Sequential(nn.Conv2d(c(192), c(192), 1), nn.ReLU(inplace=True))
        self.lateral = nn.Sequential(nn.Conv2d(c(192), c(128), 1, bias=False), nn.BatchNorm2d(c(128)))
        self.fuse = nn.Sequential(SepBlock(c(128), c(128)), SepBlock(c(128), c(128), dilation=2))
        self.head = nn.Conv2d(c(128), len(LABELS), 1)
        nn.init.constant_(self.head.bias, -4.0)  # start from "nothing here": most cells are negative

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x: RGB in [0, 1], NCHW, H and W multiples of 32. Returns logits at stride 16."""
        x = (x - NORM_MEAN) / NORM_STD
        f16 = self.s16(self.s8(self.s4(self.stem(x))))
        f32 = self.s32(f16)
        f32 = f32 + self.context(f32.mean(dim=(2, 3), keepdim=True))
        up = F.interpolate(self.lateral(f32), scale_factor=2.0, mode="nearest")
        return self.head(self.fuse(F.relu(f16 + up)))


def dense_targets(boxes: dict, h: int, w: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Per-cell targets and weights at stride 16 from object boxes (x, y, w, h in image pixels).

    A cell is positive when its centre lies inside a box of that label (or, for boxes smaller than a
    cell, when it holds the box centre). Cells the box touches without covering their centre are
    ignored (weight 0): they are neither clearly inside nor outside.
    """
    gh, gw = h // STRIDE, w // STRIDE
    target = torch.zeros(len(LABELS), gh, gw)
    weight = torch.ones(len(LABELS), gh, gw)
    cy = (torch.arange(gh, dtype=torch.float32) + 0.5) * STRIDE
    cx = (torch.arange(gw, dtype=torch.float32) + 0.5) * STRIDE
    for li, label in enumerate(LABELS):
        for bx, by, bw, bh in boxes.get(label, []):
            inside_y = (cy >= by) & (cy < by + bh)
            inside_x = (cx >= bx) & (cx < bx + bw)
            inside = inside_y[:, None] & inside_x[None, :]
            r0, r1 = max(0, int(by // STRIDE)), min(gh, int((by + bh - 1) // STRIDE) + 1)
            c0, c1 = max(0, int(bx // STRIDE)), min(gw, int((bx + bw - 1) // STRIDE) + 1)
            touched = torch.zeros(gh, gw, dtype=torch.bool)
            touched[r0:r1, c0:c1] = True
            if not inside.any():
                ccy = min(gh - 1, max(0, int((by + bh / 2) // STRIDE)))
                ccx = min(gw - 1, max(0, int((bx + bw / 2) // STRIDE)))
                inside[ccy, ccx] = True
            weight[li][touched & ~inside & (target[li] == 0)] = 0.0
            target[li][inside] = 1.0
            weight[li][inside] = 1.0
    return target, weight
