#!/usr/bin/env python3
"""Concurrent uploads against a running `shanzhai serve` (standard library only).

Each of --clients threads takes images from a shared list (every image --passes times) and POSTs
it to /v1/scan over its own keep-alive connection. A 503 is counted and retried after its
Retry-After (so every upload is eventually scanned); anything other than 200 or 503 is a failure.
Prints one JSON object: uploads, seconds, images/s, sync latency p50/p95 (200 answers only,
retries excluded), and the count of each status.

    python3 scripts/serve/load.py --url http://127.0.0.1:8080 --clients 4 IMAGE_DIR...
"""

import argparse
import http.client
import json
import queue
import sys
import threading
import time
import urllib.parse
from pathlib import Path

SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".bmp", ".tif", ".tiff"}


def images(folders, limit):
    files = sorted(
        p for folder in folders for p in Path(folder).rglob("*") if p.suffix.lower() in SUFFIXES
    )
    return [(str(p), p.read_bytes()) for p in files[: limit or None]]


def percentile(values, q):
    if not values:
        return None
    values = sorted(values)
    index = min(len(values) - 1, max(0, round(q * (len(values) - 1))))
    return values[index]


def client(url, token, work, stats, lock):
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=600)
    headers = {"Content-Type": "application/octet-stream"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    while True:
        try:
            name, body = work.get_nowait()
        except queue.Empty:
            return
        while True:
            started = time.monotonic()
            try:
                conn.request("POST", "/v1/scan", body=body, headers=headers)
                response = conn.getresponse()
                payload = response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as err:
                conn.close()
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=600)
                with lock:
                    stats["errors"].append(f"{name}: {err}")
                break
            elapsed = time.monotonic() - started
            with lock:
                stats["status"][status] = stats["status"].get(status, 0) + 1
                if status == 200:
                    stats["latency"].append(elapsed)
                    verdict = str(json.loads(payload).get("verdict"))
                    stats["verdicts"][verdict] = stats["verdicts"].get(verdict, 0) + 1
            if status == 503:
                time.sleep(min(float(response.getheader("Retry-After", "1")), 5.0))
                continue
            if status != 200:
                with lock:
                    stats["errors"].append(f"{name}: HTTP {status} {payload[:200]!r}")
            break


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+")
    parser.add_argument("--url", default="http://127.0.0.1:8080")
    parser.add_argument("--token", default="")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--passes", type=int, default=1)
    parser.add_argument("--limit", type=int, default=0, help="at most this many images")
    args = parser.parse_args()

    files = images(args.folders, args.limit)
    if not files:
        sys.exit("no images")
    work = queue.Queue()
    for _ in range(args.passes):
        for item in files:
            work.put(item)
    uploads = work.qsize()
    stats = {"status": {}, "latency": [], "errors": [], "verdicts": {}}
    lock = threading.Lock()
    started = time.monotonic()
    threads = [
        threading.Thread(target=client, args=(args.url, args.token, work, stats, lock))
        for _ in range(args.clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.monotonic() - started
    scanned = stats["status"].get(200, 0)
    print(
        json.dumps(
            {
                "uploads": uploads,
                "clients": args.clients,
                "seconds": round(seconds, 2),
                "images_per_s": round(scanned / seconds, 3),
                "p50_s": round(percentile(stats["latency"], 0.5) or 0, 3),
                "p95_s": round(percentile(stats["latency"], 0.95) or 0, 3),
                "status": {str(k): v for k, v in sorted(stats["status"].items())},
                "verdicts": stats["verdicts"],
                "failures": len(stats["errors"]),
                "first_failures": stats["errors"][:5],
            }
        )
    )
    return 1 if stats["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
