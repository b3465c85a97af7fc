#!/usr/bin/env python3
"""Builds benches/data/zh_words.tsv: the most frequent Chinese words with their counts.

Source: the word-frequency dictionary shipped in the jieba package (jieba==0.42.1 on PyPI, MIT licence),
fetched with `pip download`. Only words made entirely of CJK ideographs are kept. The throughput benchmark
draws words from this list by frequency to build a deterministic Chinese corpus.

Usage: python3 scripts/bench_wordlist.py [--top 5000]
"""
import argparse
import pathlib
import subprocess
import sys
import tarfile
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "benches" / "data" / "zh_words.tsv"


def is_han(word: str) -> bool:
    return all(0x4E00 <= ord(c) <= 0x9FFF for c in word)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--top", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
             "jieba==0.42.1", "-d", tmp],
            check=True,
        )
        archive = next(pathlib.Path(tmp).glob("jieba-0.42.1.tar.gz"))
        with tarfile.open(archive) as tar:
            member = tar.extractfile("jieba-0.42.1/jieba/dict.txt")
            lines = member.read().decode("utf-8").splitlines()
    words = []
    for line in lines:
        parts = line.split()
        if len(parts) >= 2 and is_han(parts[0]):
            words.append((parts[0], int(parts[1])))
    words.sort(key=lambda w: (-w[1], w[0]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as f:
        f.write("# word\tcount  (top %d CJK words of jieba 0.42.1 dict.txt, MIT)\n" % args.top)
        for word, count in words[: args.top]:
            f.write(f"{word}\t{count}\n")
    print(f"wrote {OUT} ({min(args.top, len(words))} words)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
