"""Does a learned site rule file cost any F1? (issue 6's done criterion for `cleantext learn`)

    .venv/bin/python benchmarks/learn_check.py                  # min-docs 2, all four dev sets
    .venv/bin/python benchmarks/learn_check.py --min-docs 3 --keep site-rules.toml

Learns site rules from the aeb + traf dev page texts grouped by site (the host of each
record's URL), exactly as `cleantext learn --jsonl` does, then scores the text path on
every dev set with and without the rules (`clean_document(text, url=record["url"])`),
with the metric functions of ../shared/bench/score.py. The rule file is written to a
temporary folder (or --keep FILE, which must lie outside the repository: bench data
never goes into it).

Most dev sites have one or two pages, so --min-docs 2 is the only threshold that learns
anything there; it is the strict test (a line on just two pages of a site is cut).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
from pathlib import Path

from quality import load_scorer  # benchmarks/quality.py (this folder is on sys.path): score.py by path

from cleantext import Cleaner, Config
from cleantext.learn import LineCounts, learned_lines, render_rules, site_of

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = ROOT.parent / "shared" / "bench"
SETS = ("aeb", "traf", "glued", "append")


def load(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--min-docs", type=int, default=2)
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--keep", type=Path, help="also write the learned rule file here (outside the repo)")
    args = ap.parse_args(argv)
    score = load_scorer(args.bench)

    counts = LineCounts()
    for kind in ("aeb", "traf"):
        for rec in load(args.bench / "data" / f"{kind}.{args.split}.jsonl.gz"):
            counts.add(site_of(rec.get("url")), rec["text"])
    rules_text = render_rules(counts, args.min_docs)
    learned = learned_lines(counts, args.min_docs)
    sites = {i.site for i in learned}
    print(f"learned {len(learned)} lines on {len(sites)} sites from {sum(counts.docs.values())} aeb+traf "
          f"{args.split} pages (min-docs {args.min_docs})\n")
    if args.keep:
        if ROOT in args.keep.resolve().parents:
            raise SystemExit("--keep must be outside the repository (rules built from bench data)")
        args.keep.write_text(rules_text, encoding="utf-8")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "site-rules.toml"
        path.write_text(rules_text, encoding="utf-8")
        without = Cleaner(Config(input_format="text"))
        with_rules = Cleaner(Config(input_format="text", rule_files=(str(path),)))
        print("| set | docs | with a learned site | F1 without | F1 with | change |")
        print("| --- | --- | --- | --- | --- | --- |")
        worst = 0.0
        for kind in args.sets.split(","):
            records = load(args.bench / "data" / f"{kind}.{args.split}.jsonl.gz")
            touched = sum(1 for r in records if site_of(r.get("url")) in sites)
            f1 = []
            for cleaner in (without, with_rules):
                res = score.score(records, kind, lambda r, c=cleaner: c.clean(r["text"], url=r.get("url")))
                f1.append(res["f1"])
            worst = min(worst, f1[1] - f1[0])
            print(f"| {kind} | {len(records)} | {touched} | {f1[0]:.4f} | {f1[1]:.4f} | {f1[1] - f1[0]:+.4f} |",
                  flush=True)
    print(f"\n{'PASS' if worst >= 0 else 'FAIL'}: the learned rules {'lower no' if worst >= 0 else 'lower a'} dev F1")
    return 0 if worst >= 0 else 1


if __name__ == "__main__":
    sys.exit(main())
