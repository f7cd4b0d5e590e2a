"""Score the block classifier alone (every data and code rule disabled) on the dev sets.

    python benchmarks/classifier_only.py [aeb,traf,glued]

Separates what the fitted classifier does from what the rules and story-end detection
add, so a refit can be judged on its own.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"


def main() -> None:
    import cleantext
    from cleantext.engine import compile_config

    spec = importlib.util.spec_from_file_location("score", BENCH / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    every = compile_config(cleantext.Config())
    # Every rule off but the classifier itself (ids, not prefixes: "boilerplate" is both).
    ids = sorted({*(x.id for x in every.data_rules), *every.code_rules} - {"boilerplate.classifier"})
    cleaner = cleantext.Cleaner(cleantext.Config(disabled_rules=tuple(ids)))
    sets = sys.argv[1].split(",") if len(sys.argv) > 1 else ["aeb", "traf", "glued", "gold"]
    for kind in sets:
        # "gold": the aeb gold bodies fed alone; recall there must stay near 1 (issue 4).
        name = "aeb" if kind == "gold" else kind
        with gzip.open(BENCH / "data" / f"{name}.dev.jsonl.gz", "rt", encoding="utf-8") as f:
            records = [json.loads(line) for line in f]
        field = "gold" if kind == "gold" else "text"
        res = score.score(records, "aeb" if kind == "gold" else kind,
                          lambda r, field=field: cleaner.clean(r[field]))
        print(f"{kind:6s} classifier only  P {res['precision']:.3f}  R {res['recall']:.3f}  "
              f"F1 {res['f1']:.3f}  {res['seconds']:.1f}s")


if __name__ == "__main__":
    main()
