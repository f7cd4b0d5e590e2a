"""How much traf recall can the text path buy back, and at what precision? (issue 3)

    .venv/bin/python benchmarks/recall_frontier.py                # context score, and a re-ranker if sklearn is there
    .venv/bin/python benchmarks/recall_frontier.py --target 0.95

Issue 3 asks for traf recall >= 0.95 with traf F1 >= 0.90 on the text path. Almost every
`with` snippet the text path misses is in a block the classifier drops
(`boilerplate.classifier`), so the question is whether some order of those blocks gives
the snippets back faster than it brings back `without` snippets. This script runs the
text path on the traf pages, collects every block the classifier dropped, and restores
them one by one in the order of a score, counting a `with` snippet as found once every
block it overlaps is kept (and a `without` snippet as a false positive the same way). It
prints the precision/recall curve and the first point that reaches the target recall for:

- the classifier's context score (what lowering the keep bar does);
- with scikit-learn installed (not a dependency of the project: `pip install scikit-learn`),
  a gradient-boosted re-ranker over 22 features of the block and its neighbours (both
  classifier scores, position, distance to the nearest kept block before and after, inside
  the kept span or not, length, end punctuation, digits, the neighbours' scores), fitted
  out of fold (5 folds by page) so that its order is not the dev pages memorised; and the
  same fitted in sample, which shows how far a rule written with the dev pages in view
  could seem to go.

Only traf-metric effects are counted: a restored block holding no snippet is free here,
though it would cost precision on aeb and glued. The curve is therefore optimistic.
"""

from __future__ import annotations

import argparse
import bisect
import gzip
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import regex
from quality import load_scorer  # benchmarks/quality.py (this folder is on sys.path): score.py by path

from cleantext import Cleaner, Config

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = ROOT.parent / "shared" / "bench"
CLASSIFIER = "boilerplate.classifier"


def load(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def locate(text: str, snippet: str, norm) -> tuple[int, int] | None:
    """The span of `snippet` in `text`, whitespace-insensitive (as score.py compares), or None."""
    words = norm(snippet).split(" ")
    if not words or not words[0]:
        return None
    m = regex.search(r"\s+".join(regex.escape(w) for w in words), text)
    return (m.start(), m.end()) if m else None


def features(i: int, verdicts: Sequence, blocks: Sequence, kept: list[int]) -> list[float]:
    """The re-ranker's view of dropped block i: its scores, its place, its neighbours."""
    n = len(verdicts)
    v, text = verdicts[i], blocks[i].text
    j = bisect.bisect_left(kept, i)
    before = i - kept[j - 1] if j > 0 else 999
    after = kept[j] - i if j < len(kept) else 999

    def score(k: int, field: str) -> float:
        return getattr(verdicts[k], field) if 0 <= k < n else -1.0

    def keeps(k: int) -> float:
        return float(0 <= k < n and verdicts[k].keep)

    return [v.alone, v.context, i / n, n, min(before, 50), min(after, 50),
            float(bool(kept) and kept[0] < i < kept[-1]), len(text.split()), len(text),
            float(text.rstrip()[-1:] in ".!?:"), sum(c.isdigit() for c in text) / max(1, len(text)),
            float(text[:1].isupper()), float(blocks[i].kind == "sentence"),
            score(i - 1, "alone"), score(i - 1, "context"), score(i + 1, "alone"), score(i + 1, "context"),
            score(i - 2, "context"), score(i + 2, "context"), keeps(i - 1), keeps(i + 1), len(kept) / n]


def collect(records: list[dict], norm):
    """Dropped blocks (with features and page) and the snippets they would bring back."""
    cleaner = Cleaner(Config())
    cands, page_of, feats = [], [], []   # candidate block keys, their page, their features
    snippets = []                        # (is_with, frozenset of candidate keys still missing)
    tp = fp = total = 0
    for p, rec in enumerate(records):
        res = cleaner.clean_document(rec["text"])
        out = norm(res.text)
        kept = [v.block for v in res.verdicts if v.keep]
        dropped = {v.block for v in res.verdicts if not v.keep and v.rule == CLASSIFIER}
        for is_with, field in ((True, "with"), (False, "without")):
            for s in rec.get(field, []):
                total += is_with
                if norm(s) in out:
                    tp += is_with
                    fp += not is_with
                    continue
                span = locate(res.source, s, norm)
                if span is None:
                    continue
                over = [b.index for b in res.blocks if b.start < span[1] and b.end > span[0]]
                if over and all(k in dropped for k in over):  # a rule cut part of it: not ours
                    snippets.append((is_with, frozenset((p, k) for k in over)))
        for k in sorted(dropped):
            cands.append((p, k))
            page_of.append(p)
            feats.append(features(k, res.verdicts, res.blocks, kept))
    return cands, page_of, feats, snippets, tp, fp, total


def curve(order: Sequence[tuple[int, int]], snippets, tp: int, fp: int, total: int):
    """(restored blocks, P, R, F1) after each block of `order` that completes a snippet."""
    waiting: dict[tuple[int, int], list[int]] = {}
    missing = []
    for n, (_, keys) in enumerate(snippets):
        missing.append(len(keys))
        for key in keys:
            waiting.setdefault(key, []).append(n)
    points = []
    for step, key in enumerate(order, 1):
        changed = False
        for n in waiting.get(key, ()):
            missing[n] -= 1
            if missing[n] == 0:
                changed = True
                if snippets[n][0]:
                    tp += 1
                else:
                    fp += 1
        if changed:
            p, r = tp / (tp + fp), tp / total
            points.append((step, p, r, 2 * p * r / (p + r)))
    return points


def report(name: str, points, start, target: float) -> None:
    print(f"\n{name}")
    print(f"  {'restored':>8}  {'P':>6}  {'R':>6}  {'F1':>6}")
    shown = [start] + [pt for k, pt in enumerate(points) if k % 25 == 0]
    for step, p, r, f in shown:
        print(f"  {step:8d}  {p:.4f}  {r:.4f}  {f:.4f}")
    hit = next((pt for pt in points if pt[2] >= target), None)
    best = max([start] + points, key=lambda pt: pt[3])
    if hit:
        print(f"  first R >= {target}: {hit[0]} blocks restored, P {hit[1]:.4f} R {hit[2]:.4f} F1 {hit[3]:.4f}")
    else:
        print(f"  R {target} not reached")
    print(f"  best F1 on the curve: {best[3]:.4f} (P {best[1]:.4f} R {best[2]:.4f}, {best[0]} blocks)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--target", type=float, default=0.95)
    args = ap.parse_args(argv)
    norm = load_scorer(args.bench).norm
    records = load(args.bench / "data" / f"traf.{args.split}.jsonl.gz")
    cands, page_of, feats, snippets, tp, fp, total = collect(records, norm)
    gain = sum(1 for w, _ in snippets if w)
    p0, r0 = tp / (tp + fp), tp / total
    start = (0, p0, r0, 2 * p0 * r0 / (p0 + r0))
    print(f"traf {args.split}: {len(records)} pages, {total} with snippets; text path P {p0:.4f} R {r0:.4f}")
    print(f"{len(cands)} blocks dropped by {CLASSIFIER}; restoring them all could bring back {gain} with "
          f"and {len(snippets) - gain} without snippets (max R {(tp + gain) / total:.4f})")

    by_context = sorted(range(len(cands)), key=lambda k: (-feats[k][1], cands[k]))
    report("classifier context score (lowering the keep bar)",
           curve([cands[k] for k in by_context], snippets, tp, fp, total), start, args.target)

    try:
        import numpy as np
        from sklearn.ensemble import HistGradientBoostingClassifier
        from sklearn.model_selection import GroupKFold
    except ImportError:
        print("\n(scikit-learn is not installed: the re-ranker is skipped)")
        return 0
    # Train only on blocks that hold a snippet (the others cost nothing on this metric).
    label: dict[tuple[int, int], int] = {}
    for is_with, keys in snippets:
        for key in keys:
            label[key] = max(label.get(key, 0), int(is_with))
    X, pages = np.array(feats, dtype=float), np.array(page_of)
    train = np.array([cands[k] in label for k in range(len(cands))])
    y = np.array([label.get(key, 0) for key in cands])

    def model():
        return HistGradientBoostingClassifier(max_iter=200, learning_rate=0.05, max_leaf_nodes=15, random_state=0)

    oof = np.zeros(len(cands))
    for fit_idx, test_idx in GroupKFold(5).split(X, y, pages):
        fit_idx = fit_idx[train[fit_idx]]
        oof[test_idx] = model().fit(X[fit_idx], y[fit_idx]).predict_proba(X[test_idx])[:, 1]
    order = sorted(range(len(cands)), key=lambda k: (-oof[k], cands[k]))
    report("re-ranker, out of fold (5 folds by page)", curve([cands[k] for k in order], snippets, tp, fp, total),
           start, args.target)
    ins = model().fit(X[train], y[train]).predict_proba(X)[:, 1]
    order = sorted(range(len(cands)), key=lambda k: (-ins[k], cands[k]))
    report("re-ranker, in sample (memorises the dev pages: not a real result)",
           curve([cands[k] for k in order], snippets, tp, fp, total), start, args.target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
