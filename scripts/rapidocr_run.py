"""Runs RapidOCR 1.4.4 (the Python reference) over images and prints `shanzhai ocr`'s JSONL.

Usage: rapidocr_run.py [--intra-threads N] IMAGE...   (run with the venv made by compare_ocr.sh)

Prints one JSON object per image ({"path", "lines": [{"text", "score", "box"}], "error"}), then
on standard error one line `timings: images=N wall_s=… det_s=… cls_s=… rec_s=…` covering the
loop over the images only (model loading excluded, as for `shanzhai ocr --timings`).
"""

import argparse
import json
import sys
import time

from rapidocr_onnxruntime import RapidOCR


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--intra-threads", type=int, default=-1)
    parser.add_argument("images", nargs="+")
    args = parser.parse_args()

    engine = RapidOCR(intra_op_num_threads=args.intra_threads)
    det = cls = rec = 0.0
    start = time.perf_counter()
    for path in args.images:
        entry = {"path": path, "lines": [], "error": None}
        try:
            result, elapse = engine(path)
            if result:
                entry["lines"] = [
                    {"text": text, "score": float(score), "box": [[float(x), float(y)] for x, y in box]}
                    for box, text, score in result
                ]
            if elapse and len(elapse) == 3:
                det += elapse[0]
                cls += elapse[1]
                rec += elapse[2]
        except Exception as err:  # noqa: BLE001 - one bad image must not stop the run
            entry["error"] = str(err) or type(err).__name__
        print(json.dumps(entry, ensure_ascii=False), flush=True)
    wall = time.perf_counter() - start
    print(
        f"timings: images={len(args.images)} wall_s={wall:.3f} "
        f"images_per_s={len(args.images) / wall:.3f} det_s={det:.3f} cls_s={cls:.3f} rec_s={rec:.3f}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
