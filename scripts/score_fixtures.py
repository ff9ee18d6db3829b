"""Per-code precision and recall of the linter on fixtures/ (expected = inline ``# expect:`` comments)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from fixture_runner import run_all


def main() -> int:
    want, got = run_all()
    have = set(got)
    tp, fp, fn = (
        Counter(k[2] for k in want & have),
        Counter(k[2] for k in have - want),
        Counter(k[2] for k in want - have),
    )
    print(f"{'code':8} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7}")
    for code in sorted(set(tp) | set(fp) | set(fn)):
        p = tp[code] / (tp[code] + fp[code]) if tp[code] + fp[code] else 1.0
        r = tp[code] / (tp[code] + fn[code]) if tp[code] + fn[code] else 1.0
        print(f"{code:8} {tp[code]:4} {fp[code]:4} {fn[code]:4} {p:9.2f} {r:7.2f}")
    t, f, n = sum(tp.values()), sum(fp.values()), sum(fn.values())
    print(f"{'all':8} {t:4} {f:4} {n:4} {t / max(1, t + f):9.2f} {t / max(1, t + n):7.2f}")
    for key in sorted(have - want):
        print("FP", *key, got[key][:160])
    for key in sorted(want - have):
        print("FN", *key)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
