"""Audit the shipped data rules against the benchmark dev sets: where does each rule fire?

A rule that fires on a line of gold story text is a false positive to fix; a rule that
fires on non-story lines is earning its keep. Every rule is run on every line regardless
of its ``languages`` (the worst case: language detection can be wrong).

Story lines:     aeb ``gold`` lines, traf ``with`` snippets, append ``gold`` lines.
Non-story lines: aeb page ``text`` lines not found in the gold, traf ``without`` snippets.

    .venv/bin/python benchmarks/rule_audit.py [DATA_DIR] [--show N]
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "data"
if importlib.util.find_spec("cleantext") is None:  # not installed: use this working tree
    sys.path.insert(0, str(ROOT / "src"))

from cleantext.rules.registry import Rule, shipped_rules  # noqa: E402


def _records(data: Path, name: str) -> Iterator[dict]:
    path = data / f"{name}.dev.jsonl.gz"
    if not path.exists():
        return
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _squash(text: str) -> str:
    return " ".join(text.split())


def labelled_lines(data: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(source, line) pairs of story text and of non-story text from the dev sets."""
    gold: list[tuple[str, str]] = []
    other: list[tuple[str, str]] = []
    for rec in _records(data, "aeb"):
        story = _squash(rec["gold"])
        gold.extend((f"aeb:{rec['id'][:12]}", line) for line in _lines(rec["gold"]))
        # A page line found inside the gold (a title repeated, a wrapped paragraph) is
        # story text too: only lines absent from the gold count as boilerplate.
        other.extend(
            (f"aeb:{rec['id'][:12]}", line) for line in _lines(rec["text"]) if _squash(line) not in story
        )
    for rec in _records(data, "traf"):
        for snippet in rec.get("with", []):
            gold.extend((f"traf:{rec['id'][:30]}", line) for line in _lines(snippet))
        for snippet in rec.get("without", []):
            other.extend((f"traf:{rec['id'][:30]}", line) for line in _lines(snippet))
    for rec in _records(data, "append"):
        gold.extend((f"append:{rec['id']}", line) for line in _lines(rec["gold"]))
    return gold, other


def story_pages(data: Path) -> Iterator[tuple[str, list[str], list[bool]]]:
    """(source, page lines, is-story flag per line) for the pages whose story is known."""
    for rec in _records(data, "aeb"):
        story = _squash(rec["gold"])
        lines = _lines(rec["text"])
        # Short lines (a lone "Comments") occur in any gold by chance: only long ones count.
        yield f"aeb:{rec['id'][:12]}", lines, [len(x) > 40 and _squash(x) in story for x in lines]
    for rec in _records(data, "traf"):
        lines = _lines(rec["text"])
        keys = [_squash(s)[:60] for s in rec.get("with", []) if len(s) > 40]
        yield f"traf:{rec['id'][:30]}", lines, [any(k in _squash(x) for k in keys) for x in lines]
    for rec in _records(data, "append"):
        story = set(_lines(rec["gold"]))
        lines = _lines(rec["text"])
        yield f"append:{rec['id']}", lines, [x in story for x in lines]


def cut_damage(rules: list[Rule], data: Path) -> dict[str, list[tuple[str, str, int]]]:
    """For tail and head rules: (source, line, story lines lost) for every page they cut."""
    cutting = [r for r in rules if r.scope in ("tail", "head")]
    damage: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for source, lines, is_story in story_pages(data):
        for rule in cutting:
            for i, line in enumerate(lines):
                if rule.fires(line):
                    lost = sum(is_story[i + 1:]) if rule.scope == "tail" else sum(is_story[:i])
                    if lost:
                        damage[rule.id].append((source, line, lost))
                    break
    return damage


def audit(rules: list[Rule], lines: list[tuple[str, str]]) -> dict[str, list[tuple[str, str]]]:
    """For each rule id, the (source, line) pairs it fires on."""
    hits: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for source, line in lines:
        lowered = line.lower()  # once per line, as the engine does per block
        for rule in rules:
            if rule.prefilter(lowered) and rule.fires(line):
                hits[rule.id].append((source, line))
    return hits


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA, help="folder of *.dev.jsonl.gz")
    parser.add_argument("--show", type=int, default=3, help="non-gold examples to print per rule (0: none)")
    args = parser.parse_args(argv)
    if not args.data.is_dir() or not any(args.data.glob("*.dev.jsonl.gz")):
        print(f"no benchmark data in {args.data}: nothing to audit (pass the data folder as argument)")
        return 0

    rules = shipped_rules()
    gold, other = labelled_lines(args.data)
    started = time.perf_counter()
    gold_hits = audit(rules, gold)
    other_hits = audit(rules, other)
    elapsed = time.perf_counter() - started

    order = sorted(rules, key=lambda r: (-len(gold_hits[r.id]), -len(other_hits[r.id]), r.id))
    width = max(len(r.id) for r in rules)
    print(f"{'rule':<{width}}  {'scope':<5}  {'gold':>4}  {'other':>5}")
    for rule in order:
        print(f"{rule.id:<{width}}  {rule.scope:<5}  {len(gold_hits[rule.id]):>4}  {len(other_hits[rule.id]):>5}")

    by_category: Counter[str] = Counter()
    by_category_gold: Counter[str] = Counter()
    for rule in rules:
        by_category[rule.category] += len(other_hits[rule.id])
        by_category_gold[rule.category] += len(gold_hits[rule.id])
    print("\nby category (gold / other):")
    for category in sorted(by_category, key=lambda c: -by_category[c]):
        print(f"  {category:<12} {by_category_gold[category]:>4} / {by_category[category]:>5}")

    total_gold = sum(len(v) for v in gold_hits.values())
    total_other = sum(len(v) for v in other_hits.values())
    silent = [r.id for r in rules if not gold_hits[r.id] and not other_hits[r.id]]
    print(
        f"\n{len(rules)} rules; {len(gold)} story lines, {len(other)} non-story lines; "
        f"hits: {total_gold} on story, {total_other} on non-story; "
        f"{len(silent)} rules never fire on the dev data; "
        f"{elapsed:.2f}s for {len(rules) * (len(gold) + len(other)):,} rule-line checks"
    )

    if total_gold:
        print("\nstory lines hit (false positives to fix):")
        for rule in order:
            for source, line in gold_hits[rule.id]:
                print(f"  {rule.id} [{source}] {line[:160]!r}")
    damage = cut_damage(rules, args.data)
    if damage:
        print("\ntail/head rules that would cut story lines (first firing line per page):")
        for rule_id, cuts in sorted(damage.items()):
            for source, line, lost in cuts:
                print(f"  {rule_id} [{source}] {line[:80]!r}: {lost} story lines lost")
    else:
        print("\nno tail/head rule cuts a story line on the dev pages")
    if args.show:
        print("\nsample non-story hits:")
        for rule in order:
            for source, line in other_hits[rule.id][: args.show]:
                print(f"  {rule.id} [{source}] {line[:120]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
