"""Quality side by side: the project's text and HTML paths beside the reference systems.

Runs the shared scorer (../shared/bench/score.py, imported by path so the scores are the
very ones its README reports) on the aeb, traf, glued and append sets and prints one
markdown table, system x set, with precision / recall / F1.

    .venv/bin/python benchmarks/quality.py                    # dev split
    .venv/bin/python benchmarks/quality.py --split holdout --systems project-text,c4

HTML systems are scored on aeb and traf only (glued and append have no page HTML to
speak of). readability-html runs when readability-lxml is installed (extra `bench`).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = Path(os.environ.get("CLEANTEXT_BENCH", ROOT.parent / "shared" / "bench"))
SETS = ("aeb", "traf", "glued", "append")
SYSTEMS = ("identity", "c4", "trafilatura-html", "readability-html", "project-text", "project-html")


def load_scorer(bench: Path) -> ModuleType:
    path = bench / "score.py"
    if not path.is_file():
        raise SystemExit(
            f"quality.py: no benchmark scorer at {path}.\n"
            "The benchmark data lives outside the repository, in ../shared/bench beside the clone;\n"
            "point --bench (or CLEANTEXT_BENCH) at a folder holding score.py and data/."
        )
    spec = importlib.util.spec_from_file_location("bench_score", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def available(name: str) -> bool:
    """readability-lxml is optional; the other systems are dependencies of the project."""
    if name == "readability-html":
        return importlib.util.find_spec("readability") is not None
    return True


def cell(res: dict | None) -> str:
    if res is None:
        return "-"
    flag = f" ({res['errors']} errors)" if res["errors"] else ""
    return f"{res['precision']:.3f} / {res['recall']:.3f} / **{res['f1']:.3f}**{flag}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="dev", help="dev (default) or holdout, when that half is present")
    ap.add_argument("--sets", default=",".join(SETS), help=f"comma list of {', '.join(SETS)}")
    ap.add_argument("--systems", default=",".join(SYSTEMS), help="comma list of score.py system names")
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="folder with score.py and data/")
    args = ap.parse_args(argv)

    scorer = load_scorer(args.bench)
    data = args.bench / "data"
    sets = [s for s in args.sets.split(",") if s]
    systems = []
    for name in (s for s in args.systems.split(",") if s):
        if available(name):
            systems.append(name)
        else:
            print(f"skipping {name}: not installed (pip install -e '.[bench]')", file=sys.stderr)

    results: dict[tuple[str, str], dict] = {}
    for kind in sets:
        path = data / f"{kind}.{args.split}.jsonl.gz"
        if not path.exists():
            print(f"skipping set {kind}: no {path}", file=sys.stderr)
            continue
        records = scorer.load(path)
        for name in systems:
            if kind in ("append", "glued") and name.endswith("-html"):
                continue  # as score.py does: no HTML for these sets
            t0 = time.perf_counter()
            res = scorer.score(records, kind, scorer.system(name))
            results[(name, kind)] = res
            print(f"  {kind:7s} {name:18s} F1 {res['f1']:.3f}  {len(records)} docs  "
                  f"{time.perf_counter() - t0:.1f}s", file=sys.stderr, flush=True)

    import cleantext

    print(f"\nsplit `{args.split}`, cleantext {cleantext.__version__}; cells are precision / recall / **F1**\n")
    print("| system | " + " | ".join(sets) + " |")
    print("| --- | " + " | ".join("---" for _ in sets) + " |")
    for name in systems:
        print(f"| {name} | " + " | ".join(cell(results.get((name, kind))) for kind in sets) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
