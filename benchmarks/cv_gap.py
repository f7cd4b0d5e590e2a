"""How much of the dev F1 is the classifier's fit to the dev half? (issue 3's held-back gap)

    .venv/bin/python benchmarks/cv_gap.py                 # 2 folds, seeds 0 and 1
    .venv/bin/python benchmarks/cv_gap.py --seeds 0,1,2 --folds 3

The classifier's weights are fitted on the dev half (benchmarks/fit.py), and the held-back
half is scored separately; a gap of more than 0.03 F1 between the two would mean the fit
memorised the dev pages. The held-back half is not visible to us, so this script measures
the gap the fit itself opens: pages are split into folds by page (an aeb page, its glued
copy and its gold body always fall in the same fold), the two-stage model is fitted on the
other folds exactly as fit.py fits it, and the text path is scored on the pages of the fold
with that model ("out of fold") and with the shipped model, fitted on every dev page ("in
sample"). Their difference on the same pages is the fit's own gap. Rules, thresholds and
the rule packs were also chosen by looking at the dev half; that part of the gap is not
measured here (they are written for kinds of boilerplate, never for one page).

Each fold's model is fitted on fewer pages than the shipped one (1/2 with 2 folds), so the
measured gap overstates the shipped model's.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import fit  # noqa: E402  (benchmarks/fit.py: the same labels, features and fitting)
from quality import load_scorer  # noqa: E402  (benchmarks/quality.py: score.py by path)

from cleantext import Cleaner, Config, engine  # noqa: E402
from cleantext.classify import Model  # noqa: E402

DEFAULT_BENCH = ROOT.parent / "shared" / "bench"
SETS = ("aeb", "traf", "glued")


def cleaner_with(model: Model) -> Cleaner:
    """A cleaner whose classifier is `model` instead of the shipped one (compiled once)."""
    shipped = engine.shipped_model
    engine.shipped_model = lambda: model  # type: ignore[assignment]
    try:
        return Cleaner(Config())
    finally:
        engine.shipped_model = shipped


def f1(scorer, cleaner: Cleaner, kind: str, records: list[dict]) -> float:  # type: ignore[no-untyped-def]
    if kind == "traf":
        rows = [scorer.segment_counts(r, cleaner.clean(r["text"])) for r in records]
        return scorer.segment_scores(rows)["f1"]
    rows = [scorer.shingle_counts(r["gold"], cleaner.clean(r["text"])) for r in records]
    return scorer.shingle_scores(rows)["f1"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="folder with score.py and data/")
    ap.add_argument("--folds", type=int, default=2)
    ap.add_argument("--seeds", default="0,1", help="comma list: one fold split per seed")
    args = ap.parse_args(argv)
    data = args.bench / "data"
    if not data.exists():
        print(f"no benchmark data at {data}", file=sys.stderr)
        return 2
    scorer = load_scorer(args.bench)
    records = {kind: scorer.load(data / f"{kind}.dev.jsonl.gz") for kind in SETS}
    rows = fit.docs(data)
    shipped = Cleaner(Config())
    gaps: dict[str, list[float]] = {kind: [] for kind in SETS}
    print(f"{'seed':>4} {'fold':>4} {'set':6} {'pages':>5} {'out of fold':>11} {'in sample':>9} {'gap':>7}")
    for seed in (int(s) for s in args.seeds.split(",") if s):
        fold_of = fit.page_folds([d["id"] for d in rows], args.folds, seed)
        for k in range(args.folds):
            alone, context = fit.fit([d for d in rows if fold_of[d["id"]] != k])
            cleaner = cleaner_with(Model(alone=tuple(float(v) for v in alone),
                                         context=tuple(tuple(float(v) for v in stage) for stage in context)))
            for kind in SETS:
                test = [r for r in records[kind] if fold_of.get(r["id"]) == k]
                out_of_fold, in_sample = f1(scorer, cleaner, kind, test), f1(scorer, shipped, kind, test)
                gaps[kind].append(in_sample - out_of_fold)
                print(f"{seed:>4} {k:>4} {kind:6} {len(test):>5} {out_of_fold:>11.4f} {in_sample:>9.4f} "
                      f"{in_sample - out_of_fold:>+7.4f}", flush=True)
    print("mean gap (in sample - out of fold): "
          + ", ".join(f"{kind} {statistics.mean(g):+.4f} (max {max(g):+.4f})" for kind, g in gaps.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
