#!/usr/bin/env python3
"""Throughput and peak memory of `shanzhai scan` against a Python pipeline, same folder, same run.

    python3 scripts/bench_scan.py [--images 200] [--big 2000] [--assets ../shared]

1. Builds a deterministic folder of mixed images (target/bench-scan/images-N): variants (scale,
   crop, JPEG/PNG) of the real samples in ../shared/samples and of datasets/samples.
2. Runs `shanzhai scan` (OCR + terms + visual classifier) with 1 and 2 workers, and the Python
   pipeline (RapidOCR 1.4.4 on ONNX Runtime 1.32.0, plus a Python matcher over the same lexicon)
   over the same folder, measuring wall time and peak RSS (wait4's ru_maxrss) of each.
3. With --big, runs shanzhai again on a larger folder to check that peak memory does not grow
   with the number of images.

The reference pipeline lives in a venv in scripts/.venv (created on first use with pip).
Results: a Markdown table on stdout and target/bench-scan/results.json.
"""
import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "target" / "bench-scan"
VENV = ROOT / "scripts" / ".venv"
REFERENCE_PACKAGES = ["rapidocr_onnxruntime==1.4.4", "onnxruntime==1.32.0"]
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".webp"}


def source_images(shared: Path):
    found = []
    for folder in [shared / "samples", ROOT / "datasets" / "samples"]:
        found += sorted(p for p in folder.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES)
    if not found:
        sys.exit(f"no source images under {shared}/samples or datasets/samples")
    return found


def reuse_or_empty(folder: Path, count: int) -> bool:
    """True when `folder` already holds `count` generated images; otherwise leaves it empty."""
    if folder.is_dir() and len(list(folder.iterdir())) == count:
        return True
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    return False


def build_folder(count: int, shared: Path) -> Path:
    from PIL import Image, ImageOps

    folder = OUT / f"images-{count}"
    if reuse_or_empty(folder, count):
        return folder
    sources = source_images(shared)
    for i in range(count):
        rng = random.Random(i)
        src = sources[i % len(sources)]
        image = ImageOps.exif_transpose(Image.open(src)).convert("RGB")
        scale = rng.uniform(0.7, 1.0)
        w, h = image.size
        image = image.resize((max(16, int(w * scale)), max(16, int(h * scale))))
        w, h = image.size
        dx, dy = int(w * rng.uniform(0, 0.04)), int(h * rng.uniform(0, 0.04))
        image = image.crop((dx, dy, w - dx, h - dy))
        if rng.random() < 0.7:
            image.save(folder / f"{i:05d}.jpg", quality=rng.randint(75, 95))
        else:
            image.save(folder / f"{i:05d}.png")
    return folder


def build_screenshots(count: int, shared: Path) -> Path:
    """1080p screenshot-like images: a sample pasted on a light page, half PNG, half JPEG."""
    from PIL import Image, ImageOps

    folder = OUT / f"screens-1080p-{count}"
    if reuse_or_empty(folder, count):
        return folder
    sources = source_images(shared)
    for i in range(count):
        rng = random.Random(10_000 + i)
        page = Image.new("RGB", (1920, 1080), tuple(rng.randint(225, 255) for _ in range(3)))
        tile = ImageOps.exif_transpose(Image.open(sources[i % len(sources)])).convert("RGB")
        tile.thumbnail((rng.randint(600, 1800), rng.randint(400, 1000)))
        page.paste(tile, (rng.randint(0, 1920 - tile.width), rng.randint(0, 1080 - tile.height)))
        if i % 2:
            page.save(folder / f"{i:05d}.png")
        else:
            page.save(folder / f"{i:05d}.jpg", quality=90)
    return folder


def run_with_rss(cmd, env=None):
    """Runs cmd, returns (seconds, peak RSS in MiB, stdout)."""
    import threading

    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    # Drain both pipes while waiting so neither fills up and stalls the child.

    chunks = {"out": [], "err": []}

    def pump(stream, key):
        for block in iter(lambda: stream.read(65536), b""):
            chunks[key].append(block)

    threads = [threading.Thread(target=pump, args=(proc.stdout, "out")),
               threading.Thread(target=pump, args=(proc.stderr, "err"))]
    for t in threads:
        t.start()
    _, status, usage = os.wait4(proc.pid, 0)
    for t in threads:
        t.join()
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    err = b"".join(chunks["err"]).decode(errors="replace")
    if code not in (0, 1):
        sys.exit(f"{' '.join(map(str, cmd[:3]))} failed ({code}): {err[-2000:]}")
    return seconds, usage.ru_maxrss / 1024.0, b"".join(chunks["out"])


def ensure_venv():
    python = VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *REFERENCE_PACKAGES], check=True)
    return python


PYTHON_PIPELINE = r'''
import re, sys, tomllib, unicodedata
from pathlib import Path
from rapidocr_onnxruntime import RapidOCR

rules = tomllib.loads(Path(sys.argv[1]).read_text())
NUM = "[0-9一二三四五六七八九十两]+"
patterns = []
for rule in rules.get("rule", []):
    for phrase in rule.get("phrases", []) + rule.get("patterns", []):
        body = re.escape(unicodedata.normalize("NFKC", phrase).lower())
        body = body.replace(re.escape("{N}"), NUM).replace(re.escape("{H}"), "[\u4e00-\u9fff]")
        patterns.append((rule["id"], rule.get("severity", "medium"), re.compile(body)))
strip = re.compile(r"[^0-9a-z\u4e00-\u9fff]+")

def match(text):
    norm = strip.sub("", unicodedata.normalize("NFKC", text).lower())
    return [(rid, sev) for rid, sev, rx in patterns if rx.search(norm)]

engine = RapidOCR()
flagged = 0
for path in sorted(Path(sys.argv[2]).iterdir()):
    result, _ = engine(str(path))
    text = "\n".join(line[1] for line in (result or []))
    hits = match(text)
    flagged += bool(hits)
    print(path.name, len(hits))
print("flagged", flagged, file=sys.stderr)
'''


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--images", type=int, default=200)
    parser.add_argument("--big", type=int, default=0, help="also scan a folder this large (memory growth)")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--skip-python", action="store_true")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--visual-1080p", type=int, default=0, metavar="N",
                        help="also time `scan --only visual` on N 1080p screenshots")
    args = parser.parse_args()

    OUT.mkdir(parents=True, exist_ok=True)
    folder = build_folder(args.images, args.shared)
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    binary = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "release" / "shanzhai"
    subprocess.run([binary, "fetch"], check=True, stdout=subprocess.DEVNULL)

    rows = []

    def record(name, count, runs):
        secs = statistics.median(r[0] for r in runs)
        rss = max(r[1] for r in runs)
        rows.append({"pipeline": name, "images": count, "seconds": round(secs, 2),
                     "images_per_s": round(count / secs, 2), "peak_rss_mib": round(rss, 1)})
        print(f"  {name}: {count / secs:.2f} images/s, peak RSS {rss:.0f} MiB", file=sys.stderr)

    for jobs in (1, 2):
        cmd = [binary, "scan", "--format", "jsonl", "--jobs", str(jobs), str(folder)]
        record(f"shanzhai scan --jobs {jobs}", args.images, [run_with_rss(cmd) for _ in range(args.repeat)])
    if not args.skip_python:
        python = ensure_venv()
        script = OUT / "python_pipeline.py"
        script.write_text(PYTHON_PIPELINE)
        rules = ROOT / "src" / "terms" / "default_rules.toml"
        cmd = [python, script, rules, folder]
        record("RapidOCR + Python matcher", args.images, [run_with_rss(cmd) for _ in range(args.repeat)])
    if args.big:
        big = build_folder(args.big, args.shared)
        cmd = [binary, "scan", "--format", "jsonl", "--jobs", "2", str(big)]
        record("shanzhai scan --jobs 2", args.big, [run_with_rss(cmd)])

    if args.visual_1080p:
        screens = build_screenshots(args.visual_1080p, args.shared)
        for jobs in (1, 2):
            cmd = [binary, "scan", "--only", "visual", "--format", "jsonl", "--jobs", str(jobs), str(screens)]
            runs = [run_with_rss(cmd) for _ in range(max(3, args.repeat))]
            record(f"shanzhai scan --only visual --jobs {jobs} (1080p)", args.visual_1080p, runs)

    ours = next(r for r in rows if r["pipeline"] == "shanzhai scan --jobs 2")
    print("| pipeline | images | images/s | peak RSS (MiB) |")
    print("|---|---|---|---|")
    for r in rows:
        print(f"| {r['pipeline']} | {r['images']} | {r['images_per_s']} | {r['peak_rss_mib']} |")
    python_row = next((r for r in rows if r["pipeline"].startswith("RapidOCR")), None)
    if python_row:
        print(f"\nspeed-up of shanzhai (2 workers) over the Python pipeline: "
              f"{ours['images_per_s'] / python_row['images_per_s']:.2f}x")
    (OUT / "results.json").write_text(json.dumps({"cpus": os.cpu_count(), "rows": rows}, indent=2))


if __name__ == "__main__":
    main()
