"""Choose trafilatura's settings for the HTML path by measuring them on the dev pages.

    python benchmarks/html_settings.py [--bench ../shared/bench/data] [--variants a,b] [--project]

For each variant of ``cleantext.html.EXTRACT_SETTINGS`` this scores trafilatura's own text
(``traf:`` rows) and, with --project, the whole HTML path (``proj:`` rows: the same
extraction, then the engine) on the aeb and traf dev sets, with the metrics and the code of
``score.py`` (imported from the bench directory, so the numbers are the same by
construction).

Results (dev half, trafilatura 2.3.1; P / R / F1). trafilatura's own text ("traf:"):

    variant      aeb                    traf
    score.py     0.942 0.977 0.959      0.908 0.953 0.930   (score.py's trafilatura-html)
    shipped      0.942 0.977 0.959      0.907 0.951 0.928   (+ page-text fallback)
    precision    0.953 0.964 0.958      0.919 0.928 0.924
    recall       0.949 0.979 0.964      0.900 0.946 0.923
    no-tables    0.946 0.975 0.960      0.907 0.940 0.923
    formatting   0.938 0.975 0.956      0.910 0.921 0.916
    dedup        0.942 0.977 0.959      0.904 0.951 0.927
    fast         0.950 0.979 0.965      0.907 0.935 0.921
    comments     0.942 0.977 0.959      0.907 0.946 0.926

The whole HTML path ("proj:", rules on, classifier off on extracted text, story end off),
measured with an earlier engine while the rule packs were changing:

    shipped      0.948 0.977 0.962      0.920 0.951 0.935
    recall       0.955 0.968 0.962      0.916 0.934 0.925
    fast         0.956 0.968 0.962      0.924 0.928 0.926

Since then (issue 5/6), "shipped" runs trafilatura's fast mode first and the full cascade
only when the fast text is under a tenth of the page (html.FULL_CASCADE_BELOW_SHARE);
"full" forces the full cascade on every page, "fast" the fast mode alone. The whole HTML
path with today's engine (rules on, classifier off and story end off on extracted text),
P / R / F1:

    shipped      aeb 0.961 0.978 0.969      traf 0.927 0.954 0.940
    full         aeb 0.953 0.976 0.964      traf 0.926 0.955 0.940
    fast         aeb 0.961 0.978 0.969      traf 0.927 0.940 0.934

Choice of options: trafilatura's defaults with tables on and comments off.
favor_recall and fast gain on aeb but lose 1-2 points of recall on the multilingual traf
pages, and our rules already give the precision favor_precision buys at a recall cost;
include_formatting adds markup that splits snippets; deduplicate keeps a module-level
cache in trafilatura, so one page's output would depend on the pages before it.
Also tried: keeping only lines that favor_precision also keeps unless they are long
(>= 5/10/20 words): F1 moved by at most 0.001 on either set.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from multiprocessing import Pool
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from quality import load_scorer  # noqa: E402  (benchmarks/quality.py: score.py by path)

from cleantext import Config  # noqa: E402
from cleantext.engine import compile_config, run  # noqa: E402
from cleantext.html import EXTRACT_SETTINGS, extract  # noqa: E402

#: The variants compared: each is a change to the shipped settings.
VARIANTS: dict[str, dict[str, Any]] = {
    "score.py": {"include_comments": False, "include_tables": True},  # score.py's trafilatura-html
    "shipped": {},  # fast mode first, the full cascade for a sliver (html.extract)
    "full": {"fast": False},
    "precision": {"favor_precision": True, "favor_recall": False},
    "recall": {"favor_recall": True, "favor_precision": False},
    "no-tables": {"include_tables": False},
    "formatting": {"include_formatting": True},
    "dedup": {"deduplicate": True},
    "fast": {"fast": True},
    "comments": {"include_comments": True},
}


def load(path: Path) -> list[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


_COMPILED = None


def outputs(job: tuple[str, dict[str, Any], bool]) -> tuple[str, str]:
    """(trafilatura's text, the project's text) for one page and one variant."""
    global _COMPILED
    html, settings, project = job
    if settings.get("_score_py"):
        import trafilatura

        plain = trafilatura.extract(html, include_comments=False, include_tables=True) or ""
        return plain, ""
    doc = extract(html, settings=settings)
    if not project:
        return doc.text, ""
    if _COMPILED is None:
        _COMPILED = compile_config(Config(input_format="html"))
    return doc.text, run(doc, _COMPILED).text


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench" / "data")
    ap.add_argument("--variants", default=",".join(VARIANTS))
    ap.add_argument("--sets", default="aeb,traf")
    ap.add_argument("--project", action="store_true", help="also score the whole HTML path")
    ap.add_argument("--processes", type=int, default=2)
    args = ap.parse_args()
    score = load_scorer(args.bench.parent)  # --bench is the data folder
    sets = {name: load(args.bench / f"{name}.dev.jsonl.gz") for name in args.sets.split(",")}
    with Pool(args.processes) as pool:
        for variant in args.variants.split(","):
            settings = {**EXTRACT_SETTINGS, **VARIANTS[variant]}
            if variant == "score.py":
                settings = {"_score_py": True}
            for name, records in sets.items():
                jobs = [(r["html"], settings, args.project and variant != "score.py") for r in records]
                results = pool.map(outputs, jobs, chunksize=4)
                rows = {"traf": [], "proj": []}
                for rec, (plain, cleaned) in zip(records, results):
                    for key, pred in (("traf", plain), ("proj", cleaned)):
                        if name == "traf":
                            rows[key].append(score.segment_counts(rec, pred))
                        else:
                            rows[key].append(score.shingle_counts(rec["gold"], pred))
                for key in ("traf", "proj") if args.project and variant != "score.py" else ("traf",):
                    res = score.segment_scores(rows[key]) if name == "traf" else score.shingle_scores(rows[key])
                    print(f"{key}: {variant:11s} {name:5s} P {res['precision']:.3f}  R {res['recall']:.3f}  "
                          f"F1 {res['f1']:.3f}", flush=True)


if __name__ == "__main__":
    main()
