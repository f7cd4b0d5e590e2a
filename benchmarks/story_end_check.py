#!/usr/bin/env python3
"""Story-end check (issue 4): append F1 per kind, and the never-cut check on aeb gold.

    .venv/bin/python benchmarks/story_end_check.py ../shared/bench/data --split dev [--show N]

* append: 4-gram shingle F1 of ``cleantext.clean(text)`` against the first article,
  overall and per ``kind`` (marker, bare, flat, inline), with score.py's metric (imported
  from ../shared/bench/score.py so the figures are the same).
* never cut: each aeb gold body fed alone as input; mean shingle recall of the output
  against that same body. A cleaner that cuts a single story short loses here.
* --show N prints the N worst append documents with the story end found and its evidence.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import statistics
import sys
import time
from pathlib import Path

import cleantext

#: The floors of issue 4.
APPEND_F1_FLOOR = 0.97
KIND_F1_FLOOR = 0.95
GOLD_RECALL_FLOOR = 0.995


def _score_module(sets: Path):
    path = sets.parent / "score.py"
    spec = importlib.util.spec_from_file_location("bench_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import the metric from {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _load(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", type=Path, help="the bench data folder (../shared/bench/data)")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--show", type=int, default=0, help="print the N worst append documents")
    args = ap.parse_args()
    score = _score_module(args.sets)
    ok = True

    records = _load(args.sets / f"append.{args.split}.jsonl.gz")
    t0 = time.perf_counter()
    results = [cleantext.clean_document(r["text"]) for r in records]
    seconds = time.perf_counter() - t0
    rows = [score.shingle_counts(r["gold"], res.text) for r, res in zip(records, results)]
    overall = score.shingle_scores(rows)
    print(
        f"append {args.split}: P {overall['precision']:.3f} R {overall['recall']:.3f} F1 {overall['f1']:.3f}"
        f"  ({len(records)} docs, {seconds:.1f}s)"
    )
    ok &= overall["f1"] >= APPEND_F1_FLOOR
    for kind in sorted({r["kind"] for r in records}):
        sub = [row for r, row in zip(records, rows) if r["kind"] == kind]
        s = score.shingle_scores(sub)
        print(f"  {kind:8s} P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}  ({len(sub)} docs)")
        ok &= s["f1"] >= KIND_F1_FLOOR

    gold = _load(args.sets / f"aeb.{args.split}.jsonl.gz")
    recalls, cut = [], 0
    for r in gold:
        res = cleantext.clean_document(r["gold"])
        tp, fp, fn = score.shingle_counts(r["gold"], res.text)
        recalls.append(tp / (tp + fn) if tp + fn else 1.0)
        cut += res.story_end is not None
    mean_recall = statistics.mean(recalls)
    print(f"never cut: aeb {args.split} gold alone, recall {mean_recall:.4f}, story end found in {cut}/{len(gold)}")
    ok &= mean_recall >= GOLD_RECALL_FLOOR

    if args.show:
        order = sorted(range(len(records)), key=lambda i: rows[i][0])
        for i in order[: args.show]:
            rec, res = records[i], results[i]
            tp, fp, fn = rows[i]
            print(f"\n== {rec['id']} {rec['kind']} tp {tp:.2f} fp {fp:.2f} fn {fn:.2f}")
            print(f"   gold ends: ...{rec['gold'].strip()[-80:]!r}")
            print(f"   output ends: ...{res.text.strip()[-80:]!r}")
            se = res.story_end
            if se:
                print(f"   story end at block {se.block} score {se.score}: {res.blocks[se.block].text[:70]!r}")
                for e in se.evidence:
                    print(f"     {e}")
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
