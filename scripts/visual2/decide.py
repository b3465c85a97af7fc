#!/usr/bin/env python3
"""The pre-registered shipping rule for a verifier candidate (docs/visual.md): reads only the
generated calibration set, the real fit-calibration third and (eighth session on) the real_extra set
of two eval dumps, never the report half.

    python3 scripts/visual2/decide.py BASELINE_DUMP BASELINE_THRESHOLDS CANDIDATE_DUMP CANDIDATE_THRESHOLDS

Dumps are `eval_cascade.py --dump` files; thresholds are JSON lists in label order
(national_emblem, certificate_layout, official_seal), e.g. '[0.7939, 0.8405, 0.4764]'. A baseline
dump made with --quick has no full calibration set; its calibration F1 is in models/visual_verifier.json.
Prints, per model: fit-calibration errors at the thresholds, per-label ROC AUC and their mean, the
same for real_extra when the dump has it (labels without positives there have no AUC), and the
calibration F1 when the dump holds the full calibration set.
"""

import json
import sys

import numpy as np


def auc(scores, truth):
    pos = [s for s, t in zip(scores, truth) if t]
    neg = [s for s, t in zip(scores, truth) if not t]
    if not pos or not neg:
        return float("nan")
    return sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg))


def errors(rows, thr):
    return sum((r["verifier"][i] >= thr[i]) != bool(r["truth"][i]) for r in rows for i in range(3))


def f1(rows, thr, i):
    tp = sum(r["verifier"][i] >= thr[i] and r["truth"][i] for r in rows)
    fp = sum(r["verifier"][i] >= thr[i] and not r["truth"][i] for r in rows)
    fn = sum(r["verifier"][i] < thr[i] and r["truth"][i] for r in rows)
    return 2 * tp / max(1, 2 * tp + fp + fn)


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    for name, dump, thr in (("baseline", sys.argv[1], sys.argv[2]), ("candidate", sys.argv[3], sys.argv[4])):
        sets, thr = json.load(open(dump)), json.loads(thr)
        for title, key in (("fit-calibration third", "real_fit_cal"), ("real_extra", "real_extra")):
            if key not in sets:
                continue
            rows = sets[key]
            aucs = [auc([r["verifier"][i] for r in rows], [r["truth"][i] for r in rows]) for i in range(3)]
            print(f"{name}: {title}, {len(rows)} images: errors {errors(rows, thr)}, "
                  f"AUC {[round(a, 3) for a in aucs]}, mean {float(np.nanmean(aucs)):.4f}")
        if len(sets.get("calibration", [])) > 200:  # not a --quick dump
            print(f"   calibration F1 {[round(f1(sets['calibration'], thr, i), 3) for i in range(3)]}")


if __name__ == "__main__":
    main()
