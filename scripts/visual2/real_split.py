#!/usr/bin/env python3
"""Splits ../shared/samples/real_visual into `fit` and `report` halves, written to
scripts/visual2/real_split.json (paths only; the images stay in ../shared).

`fit` images may train the verifier (hard negatives, real positives) and choose thresholds;
`report` images are only ever scored, for the figures in the docs. The sealed set that judges the
work comes from other repositories, so the split is by repository: all images of one repository go
to one side. Repositories with ten or more images (one bank-logo app, one certificate site, one
school site...) are split image by image instead, or a whole look-alike class would land on one
side. Units are assigned greedily (largest first) to the side that most needs their labels, so the
positives of each label and each look-alike class are balanced.

    python3 scripts/visual2/real_split.py ../shared
"""

import collections
import json
import os
import sys

BIG_REPO = 10


def unit_vector(items):
    keys = collections.Counter()
    for x in items:
        keys["n"] += 1
        for label in ("national_emblem", "certificate_layout", "official_seal"):
            keys[label] += int(x[label])
        if x["lookalike"] != "none":
            keys["look:" + x["lookalike"]] += 1
        if x["emblem_style"]:
            keys["style:" + x["emblem_style"]] += 1
    return keys


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../../../shared")
    rows = json.load(open(os.path.join(shared, "samples/real_visual/labels.json"), encoding="utf-8"))
    by_repo = collections.defaultdict(list)
    for x in rows:
        by_repo[x["repo"]].append(x)
    units = []
    for repo, items in sorted(by_repo.items()):
        if len(items) >= BIG_REPO:
            units += [[x] for x in sorted(items, key=lambda x: x["path"])]
        else:
            units.append(sorted(items, key=lambda x: x["path"]))
    # rarest labels first decide, then size
    units.sort(key=lambda u: (-sum(v for k, v in unit_vector(u).items() if k != "n"), -len(u), u[0]["path"]))
    sides = {"fit": collections.Counter(), "report": collections.Counter()}
    split = {"fit": [], "report": []}
    for u in units:
        vec = unit_vector(u)

        def cost(side):
            other = "report" if side == "fit" else "fit"
            after = sides[side] + vec
            return sum(abs(after[k] - sides[other][k]) for k in set(after) | set(sides[other]))

        side = min(("fit", "report"), key=lambda s: (cost(s), s != "report"))
        sides[side] += vec
        split[side] += [x["path"] for x in u]
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "real_split.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump({k: sorted(v) for k, v in split.items()}, f, indent=1)
        f.write("\n")
    for side in sides:
        print(side, dict(sorted(sides[side].items())))


if __name__ == "__main__":
    main()
