"""Identity: a change meant to be output-neutral (speed work) must not change one byte.

Cleans every dev page of the bench sets with `cleantext.clean_document` (the "text" field
of aeb, traf, glued and append, and the "html" field of aeb and traf) and writes or
compares the full result: `to_dict()` (text, title, date, language, flags, warnings,
stats, story end, removals) plus the per-block verdicts.

    # once, with the baseline tree on the path (a second worktree of the base commit):
    PYTHONPATH=../base/src .venv/bin/python benchmarks/identity_check.py --save /tmp/base.jsonl.gz
    # after each change, with the working tree on the path:
    PYTHONPATH=src .venv/bin/python benchmarks/identity_check.py --against /tmp/base.jsonl.gz

Exit status 1 when any document differs (each difference is named on stderr).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import cleantext

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = Path(os.environ.get("CLEANTEXT_BENCH", ROOT.parent / "shared" / "bench"))
#: (set, field) pairs cleaned: every text set, and the pages of the sets that have HTML.
INPUTS = (("aeb", "text"), ("traf", "text"), ("glued", "text"), ("append", "text"),
          ("aeb", "html"), ("traf", "html"))


def inputs(bench: Path, split: str) -> Iterator[tuple[str, str]]:
    """(key, input) for every document, in a fixed order; the key names set, field and line."""
    for kind, fld in INPUTS:
        path = bench / "data" / f"{kind}.{split}.jsonl.gz"
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for n, line in enumerate(f):
                if line.strip():
                    yield f"{kind}:{fld}:{n}", json.loads(line)[fld]


def outcome(text: str) -> dict:
    """Everything a user can observe of one cleaning, as JSON-ready data."""
    result = cleantext.clean_document(text)
    out = result.to_dict()
    out["verdicts"] = [[v.block, v.keep, v.alone, v.context, v.rule, v.reason] for v in result.verdicts]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the outcomes here (JSON lines, gzip)")
    group.add_argument("--against", type=Path, help="compare the outcomes with a saved file")
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--split", default="dev")
    args = parser.parse_args(argv)
    print(f"cleantext from {cleantext.__file__}", file=sys.stderr)
    begun = time.process_time()
    if args.save:
        count = 0
        with gzip.open(args.save, "wt", encoding="utf-8") as f:
            for key, text in inputs(args.bench, args.split):
                f.write(json.dumps({"key": key, "outcome": outcome(text)}, ensure_ascii=False) + "\n")
                count += 1
        print(f"{count} documents saved to {args.save} ({time.process_time() - begun:.1f} s CPU)")
        return 0
    with gzip.open(args.against, "rt", encoding="utf-8") as f:
        saved = {rec["key"]: rec["outcome"] for rec in map(json.loads, f)}
    count, differ = 0, []
    for key, text in inputs(args.bench, args.split):
        count += 1
        now = outcome(text)
        # Round-trip through JSON so both sides compare as the same types.
        now = json.loads(json.dumps(now, ensure_ascii=False))
        before = saved.get(key)
        if now != before:
            fields = sorted(k for k in set(now) | set(before or {}) if (before or {}).get(k) != now.get(k))
            differ.append(key)
            print(f"DIFFERS {key}: {', '.join(fields)}", file=sys.stderr)
    missing = len(saved) - count
    print(f"{count} documents compared, {len(differ)} differ"
          + (f", {missing} saved documents not seen" if missing else "")
          + f" ({time.process_time() - begun:.1f} s CPU)")
    return 1 if differ or missing else 0


if __name__ == "__main__":
    sys.exit(main())
