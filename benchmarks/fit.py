"""Fit the two-stage block classifier on the dev half and write src/cleantext/data/classifier.json.

    python benchmarks/fit.py [--bench ../shared/bench/data] [--folds 2] [--write]

Labels come from the gold written by other people, never from our own output:
  aeb, glued  a block is story when most of its 4-gram shingles (or, for a block of
              fewer than 4 tokens, its whole text) occur in the gold body;
  traf        a block is story when it contains a `with` snippet (or lies inside one),
              boilerplate when it contains a `without` snippet, else unlabelled.
Both stages are L2-regularised logistic regressions fitted by Newton's method; with
--folds K the script first reports K-fold (by document) accuracy so that a fit that only
memorises the dev half shows up as a gap between train and held-out folds.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from pathlib import Path

import numpy as np
import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from cleantext import lang  # noqa: E402
from cleantext.classify import alone_vector, context_vectors  # noqa: E402
from cleantext.features import block_features  # noqa: E402
from cleantext.metadata import date_headers  # noqa: E402
from cleantext.segment import segment  # noqa: E402

TOKEN = regex.compile(r"\w+")
#: L2 penalty of both stages; 1.0 kept train and held-out fold accuracy within 0.5 points
#: (folds by document; by page, as now, they differ by up to 2 points on one fold and
#: set, and the F1 the fit loses out of fold is under 0.01: benchmarks/cv_gap.py).
L2 = 1.0
#: A block is labelled story when at least this share of its shingles is in the gold.
SHINGLE_SHARE = 0.5
#: Blocks weigh (1 + words) ** WEIGHT_POWER in the fit (the metrics count words, not blocks);
#: 0.5, 0.75 and 1.0 gave aeb F1 0.905 / 0.903 / 0.905 and traf 0.885 / 0.882 / 0.882.
WEIGHT_POWER = 0.5


def load(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def norm(text: str) -> str:
    return " ".join(text.split())


def shingle_set(text: str) -> set[tuple[str, ...]]:
    toks = TOKEN.findall(text)
    return {tuple(toks[i:i + 4]) for i in range(max(1, len(toks) - 3))}


def label_gold(blocks, gold: str) -> list[float | None]:
    gold_sh = shingle_set(gold)
    gold_norm = norm(gold)
    out: list[float | None] = []
    for b in blocks:
        toks = TOKEN.findall(b.text)
        if not toks:
            out.append(0.0)
        elif len(toks) < 4:
            out.append(1.0 if norm(b.text) in gold_norm else 0.0)
        else:
            sh = [tuple(toks[i:i + 4]) for i in range(len(toks) - 3)]
            out.append(1.0 if sum(s in gold_sh for s in sh) >= SHINGLE_SHARE * len(sh) else 0.0)
    return out


def label_traf(blocks, rec: dict) -> list[float | None]:
    withs = [norm(w) for w in rec["with"] if w.strip()]
    withouts = [norm(w) for w in rec["without"] if w.strip()]
    out: list[float | None] = []
    for b in blocks:
        t = norm(b.text)
        pos = any(w in t or (len(t) >= 20 and t in w) for w in withs)
        neg = any(w in t or (len(t) >= 20 and t in w) for w in withouts)
        out.append(1.0 if pos and not neg else 0.0 if neg and not pos else None)
    return out


def analyse(text: str):
    blocks = segment(text, skip=[(h.start, h.end) for h in date_headers(text)])
    language = lang.detect(lang.sample_prose([b.text for b in blocks]))
    return blocks, block_features(blocks, language)


def docs(bench: Path) -> list[dict]:
    """Each document: its set, alone vectors, features, kinds and labels."""
    out = []
    for kind in ("aeb", "traf", "glued", "gold"):
        for rec in load(bench / f"{'aeb' if kind == 'gold' else kind}.dev.jsonl.gz"):
            # "gold": the aeb gold bodies alone, every block story. They teach the model
            # what a clean article looks like (short subheadings, one-line quotes, a short
            # last paragraph), so clean input is left whole (issue 4's never-cut check).
            blocks, feats = analyse(rec["gold"] if kind == "gold" else rec["text"])
            if not blocks:
                continue
            if kind == "gold":
                labels: list[float | None] = [1.0] * len(blocks)
            elif kind == "traf":
                labels = label_traf(blocks, rec)
            else:
                labels = label_gold(blocks, rec["gold"])
            out.append({
                "set": kind, "id": rec["id"], "feats": feats,
                "X1": np.array([alone_vector(f, b.kind) for f, b in zip(feats, blocks)]),
                "y": labels,
                "w": [(1 + f.words) ** WEIGHT_POWER for f in feats],
            })
    return out


def page_folds(ids: list[str], folds: int, seed: int) -> dict[str, int]:
    """A fold per page id. An aeb page, its glued copy and its gold body share an id and
    so a fold: split apart, the held-out fold would hold a page the fit has seen (the
    split was by document until the fourth session; its held-out accuracies read high)."""
    pages = sorted(set(ids))
    random.Random(seed).shuffle(pages)
    return {page: n % folds for n, page in enumerate(pages)}


def fit_logistic(X: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float = L2) -> np.ndarray:
    beta = np.zeros(X.shape[1])
    reg = l2 * np.eye(X.shape[1])
    reg[0, 0] = 0.0  # no penalty on the intercept
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(X @ beta, -30, 30)))
        grad = X.T @ (w * (p - y)) + reg @ beta
        hess = (X * (w * p * (1 - p))[:, None]).T @ X + reg
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-6:
            break
    return beta


#: A document of aeb, glued or the aeb gold bodies weighs this many times a traf document.
#: traf has 519 dev pages against aeb's 83, so with equal weights the fit leans to traf's
#: pages and their snippet labels. Out of fold (benchmarks/cv_gap.py's folds: 2 by page,
#: seeds 0 and 1), 1 -> 2 -> 3 moved aeb F1 0.9159 -> 0.9186 -> 0.9174, traf 0.8893 ->
#: 0.8899 -> 0.8872, glued 0.8554 -> 0.8626 -> 0.8653; 2 is the one that costs no set.
#: (Tried with it, fifth session: boosted trees, 50 of depth 3, as stage two over the
#: context and own columns: out of fold +0.0008 aeb, +0.0016 traf, +0.0003 glued over
#: this logistic stage at weight 2; at weight 1, -0.0019, +0.0079, +0.0024. Not shipped:
#: noise-sized for a second model kind and ~0.5 ms a page.)
AEB_WEIGHT = 2.0


def stack(rows: list[dict], key: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    X, y, w = [], [], []
    for d in rows:
        # Documents of a set weigh equally whatever their length (the metrics average per page).
        total = sum(wi for wi, yi in zip(d["w"], d["y"]) if yi is not None) or 1.0
        scale = 100 * (1.0 if d["set"] == "traf" else AEB_WEIGHT) / total
        for x, yi, wi in zip(d[key], d["y"], d["w"]):
            if yi is not None:
                X.append(x)
                y.append(yi)
                w.append(wi * scale)
    return np.array(X), np.array(y), np.array(w)


#: Context stages stacked on stage one (each re-reads neighbours through the last verdicts).
#: A second stage moved dev F1 by +0.002 (aeb) and +0.000 (traf) and cost a third of the
#: classifier's time, so one stage is fitted.
STAGES = 1


def fit(rows: list[dict]) -> tuple[np.ndarray, list[np.ndarray]]:
    X, y, w = stack(rows, "X1")
    alone = fit_logistic(X, y, w)
    for d in rows:
        d["z"] = d["X1"] @ alone
    context = []
    for _ in range(STAGES):
        for d in rows:
            d["X2"] = np.array(context_vectors(list(d["z"]), d["feats"]))
        X2, y2, w2 = stack(rows, "X2")
        weights = fit_logistic(X2, y2, w2)
        context.append(weights)
        for d in rows:
            d["z"] = d["X2"] @ weights
    return alone, context


def accuracy(rows: list[dict], alone: np.ndarray, context: list[np.ndarray]) -> dict[str, float]:
    res = {}
    for kind in ("aeb", "traf", "glued", "gold"):
        hit = tot = 0.0
        for d in (r for r in rows if r["set"] == kind):
            z = d["X1"] @ alone
            for weights in context:
                z = np.array(context_vectors(list(z), d["feats"])) @ weights
            p = 1 / (1 + np.exp(-z))
            for pi, yi, wi in zip(p, d["y"], d["w"]):
                if yi is not None:
                    hit += wi * ((pi >= 0.5) == (yi == 1.0))
                    tot += wi
        res[kind] = hit / tot if tot else float("nan")
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench" / "data")
    ap.add_argument("--folds", type=int, default=2)
    ap.add_argument("--write", action="store_true", help="write src/cleantext/data/classifier.json")
    args = ap.parse_args()
    if not args.bench.exists():
        raise SystemExit(f"no benchmark data at {args.bench}")
    rows = docs(args.bench)
    print(f"{len(rows)} documents, {sum(len(r['y']) for r in rows)} blocks", file=sys.stderr)
    if args.folds > 1:
        fold_of = page_folds([d["id"] for d in rows], args.folds, 0)
        for k in range(args.folds):
            test = [d for d in rows if fold_of[d["id"]] == k]
            train = [d for d in rows if fold_of[d["id"]] != k]
            a, c = fit(train)
            tr, te = accuracy(train, a, c), accuracy(test, a, c)
            print(f"fold {k}: train " + " ".join(f"{s} {v:.3f}" for s, v in tr.items())
                  + " | held-out " + " ".join(f"{s} {v:.3f}" for s, v in te.items()))
    alone, context = fit(rows)
    print("all: " + " ".join(f"{s} {v:.3f}" for s, v in accuracy(rows, alone, context).items()))
    if args.write:
        out = ROOT / "src" / "cleantext" / "data" / "classifier.json"
        out.write_text(json.dumps({
            "note": "fitted by benchmarks/fit.py on the dev half of aeb, traf and glued; re-run to refit",
            "alone": [round(float(v), 5) for v in alone],
            "context": [[round(float(v), 5) for v in stage] for stage in context],
        }, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {out}")


if __name__ == "__main__":
    main()
