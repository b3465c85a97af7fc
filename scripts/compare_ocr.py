"""Accuracy and speed of `shanzhai ocr` against RapidOCR 1.4.4 on the shared OCR samples.

Run through compare_ocr.sh (which makes the venv and builds shanzhai). Every engine runs as its
own process on the same CPUs (taskset), one after the other, repetitions interleaved so that
background load hits all of them alike; speed figures are medians over the repetitions.

Accuracy: for each labelled line in labels.json, the character accuracy (1 - edit distance /
label length, whitespace ignored, floored at 0) of the best-matching recognised line of the same
image; averaged over all labelled lines. "Identical": the share of RapidOCR's lines for which
shanzhai gives a line with exactly the same text on the same image (multiset matching).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".webp", ".gif", ".tif", ".tiff"}


def edit_distance(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a):
        diagonal, row[0] = row[0], i + 1
        for j, cb in enumerate(b):
            diagonal, row[j + 1] = row[j + 1], min(row[j + 1] + 1, row[j] + 1, diagonal + (ca != cb))
    return row[len(b)]


def char_accuracy(label: str, found: str) -> float:
    label, found = "".join(label.split()), "".join(found.split())
    return max(0.0, 1.0 - edit_distance(label, found) / max(len(label), 1))


def run(cmd, cpus):
    """Runs cmd pinned to cpus; returns (stdout, stderr, peak RSS in MiB, process wall seconds)."""
    import time

    if cpus:
        cmd = ["taskset", "-c", cpus] + cmd
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{cmd} failed:\n{stderr}")
    return stdout, stderr, usage.ru_maxrss / 1024, wall


def parse_timings(stderr: str) -> dict:
    line = [l for l in stderr.splitlines() if l.startswith("timings:")][-1]
    return {k: float(v) for k, v in (f.split("=") for f in line.split()[1:])}


def score(results, labels, samples):
    by_path = {str(Path(r["path"]).resolve()): r for r in results}
    per_kind, all_lines = {}, []
    for entry in labels:
        path = str((samples / entry["path"].removeprefix("samples/ocr/")).resolve())
        found = [l["text"] for l in by_path[path]["lines"]] if path in by_path else []
        for label in entry["lines"]:
            acc = max((char_accuracy(label, f) for f in found), default=0.0)
            per_kind.setdefault(entry["gt_kind"], []).append(acc)
            all_lines.append(acc)
    summary = {k: statistics.mean(v) for k, v in per_kind.items()}
    summary["all"] = statistics.mean(all_lines)
    summary["labelled_lines"] = len(all_lines)
    return summary


def identical_share(reference, ours):
    ours_by_path = {r["path"]: Counter(l["text"] for l in r["lines"]) for r in ours}
    total = same = 0
    for r in reference:
        available = ours_by_path.get(r["path"], Counter())
        for line in r["lines"]:
            total += 1
            if available[line["text"]] > 0:
                available[line["text"]] -= 1
                same += 1
    return same, total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shanzhai", required=True)
    parser.add_argument("--samples", default=str(HERE.parent.parent / "shared" / "samples" / "ocr"))
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--cpus", default="0,1", help="taskset CPU list shared by every engine")
    parser.add_argument("--out", help="write the figures as JSON here too")
    parser.add_argument(
        "--variant", action="append", default=[], metavar="LABEL=CONFIG",
        help="also run shanzhai (2 workers) with this --config file; repeatable",
    )
    parser.add_argument("--skip-single", action="store_true", help="leave out the 1-worker run")
    args = parser.parse_args()

    samples = Path(args.samples)
    images = sorted(str(p) for p in samples.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES)
    labels = json.loads((samples / "labels.json").read_text())
    engines = {
        "RapidOCR 1.4.4 (Python, ORT default threads)": [sys.executable, str(HERE / "rapidocr_run.py")] + images,
        "shanzhai, 1 worker, ORT default threads": [args.shanzhai, "ocr", "--timings", "--jobs", "1"] + images,
        "shanzhai, 2 workers × 1 thread (default)": [args.shanzhai, "ocr", "--timings", "--jobs", "2"] + images,
    }
    if args.skip_single:
        del engines["shanzhai, 1 worker, ORT default threads"]
    for variant in args.variant:
        label, _, config = variant.partition("=")
        engines[f"shanzhai, 2 workers, {label}"] = [
            args.shanzhai, "ocr", "--timings", "--jobs", "2", "--config", config] + images
    runs = {name: [] for name in engines}
    outputs = {}
    for rep in range(args.reps):
        for name, cmd in engines.items():
            stdout, stderr, rss, wall = run(cmd, args.cpus)
            timings = parse_timings(stderr)
            timings.update(peak_rss_mib=rss, process_wall_s=wall)
            runs[name].append(timings)
            outputs.setdefault(name, [json.loads(l) for l in stdout.splitlines()])
            print(f"rep {rep + 1}/{args.reps} {name}: {timings['images_per_s']:.3f} images/s", file=sys.stderr)

    reference_name = next(iter(engines))
    reference = outputs[reference_name]
    base_speed = statistics.median(t["images_per_s"] for t in runs[reference_name])
    report = {"images": len(images), "reps": args.reps, "cpus": args.cpus, "engines": {}}
    print(f"\n{len(images)} images, {args.reps} repetitions, CPUs {args.cpus}; medians\n")
    print("| engine | images/s | speed-up | det s | cls s | rec s | peak RSS MiB | char accuracy (all / official / manual) | identical to RapidOCR |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name in engines:
        med = {k: statistics.median(t[k] for t in runs[name]) for k in runs[name][0]}
        acc = score(outputs[name], labels, samples)
        same, total = identical_share(reference, outputs[name])
        report["engines"][name] = {"median": med, "accuracy": acc, "identical": [same, total]}
        print(
            f"| {name} | {med['images_per_s']:.3f} | {med['images_per_s'] / base_speed:.2f}× | "
            f"{med['det_s']:.1f} | {med['cls_s']:.1f} | {med['rec_s']:.1f} | {med['peak_rss_mib']:.0f} | "
            f"{acc['all']:.4f} / {acc.get('official_test_assertion', 0):.4f} / "
            f"{acc.get('manual_transcription', 0):.4f} | {same}/{total} ({100 * same / total:.1f}%) |"
        )
    if args.out:
        Path(args.out).write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
