#!/usr/bin/env python3
"""Expected PDQ hashes for tests/dedup_pdq.rs, from Meta's reference Python port.

Usage: reference_vectors.py THREATEXCHANGE_CHECKOUT

Hashes (1) the synthetic test patterns that tests/dedup_pdq.rs draws (same integer formula, so
the pixels are identical and no image decoder is involved) and (2) the reference's own test images
under tests/data/pdq/, with the port in THREATEXCHANGE_CHECKOUT/pdq/python (pure Python; needs
Pillow). The patterns are hashed at full size (`fromImage`, not `fromFile`, which first shrinks
images larger than 512 pixels with Pillow's thumbnail).
"""
import pathlib
import sys

from PIL import Image

root = pathlib.Path(sys.argv[1]) / "pdq" / "python"
sys.path.insert(0, str(root))
from pdqhashing.hasher.pdq_hasher import PDQHasher  # noqa: E402
from pdqhashing.utils.matrix import MatrixUtil  # noqa: E402

# (width, height, seed): keep in step with PATTERNS in tests/dedup_pdq.rs.
PATTERNS = [(256, 256, 1), (640, 480, 2), (1000, 37, 3), (97, 1203, 4), (64, 64, 5)]


def pattern(w, h, seed):
    img = Image.new("RGB", (w, h))
    px = img.load()
    for y in range(h):
        for x in range(w):
            r = (x * 7 + y * 3 + seed * 11) % 256
            g = (((x // 9) ^ (y // 13)) * (37 + seed)) % 256
            b = 230 if (x // 17 + y // 23 + seed) % 2 == 0 else 20
            px[x, y] = (r, g, b)
    return img


hasher = PDQHasher()
for w, h, seed in PATTERNS:
    img = pattern(w, h, seed)
    r = hasher.fromImage(
        img,
        MatrixUtil.allocateMatrixAsRowMajorArray(h, w),
        MatrixUtil.allocateMatrixAsRowMajorArray(h, w),
        MatrixUtil.allocateMatrix(64, 64),
        MatrixUtil.allocateMatrix(16, 64),
        MatrixUtil.allocateMatrix(16, 16),
    )
    print(f"pattern {w}x{h} seed {seed}: {r.getHash()} quality {r.getQuality()}")

data = pathlib.Path(__file__).resolve().parents[2] / "tests" / "data" / "pdq"
for path in sorted(data.glob("*.jpg")):
    r = hasher.fromFile(str(path))
    print(f"{path.name}: {r.getHash()} quality {r.getQuality()}")
