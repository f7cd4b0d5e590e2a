"""Learned site rules: counting, the rule file written, its stability, and applying it."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

from cleantext import Cleaner, Config
from cleantext.learn import LineCounts, learned_lines, render_rules, site_of
from cleantext.rules.registry import parse_rules

FOOTER = "Harbour Daily is printed by the Quayside Press Cooperative of Port Ellen"
OTHER_FOOTER = "Follow Valley Times on all your favourite networks"
PLACES = ["north quay", "old market", "river bridge", "town library", "west school", "ferry pier"]


def story(n: int, place: str) -> str:
    """A short news story with words unique to `n`, so no story line repeats."""
    return (
        f"Council repairs the {place} after report number {n}\n"
        f"The council said on Monday that the {place} will close for {n + 2} weeks of repairs, after "
        f"engineers found cracks in {n + 1} of its supports during an inspection in spring {2000 + n}.\n"
        f"Residents near the {place} said they were worried about noise, but welcomed the decision to act "
        f"before the damage grew, according to a survey of {n * 7 + 3} households.\n"
    )


def corpus() -> list[tuple[str, str, str]]:
    """(url, site, text) for two sites that each repeat their own footer line."""
    docs = []
    for n in range(4):
        docs.append((f"https://www.harbourdaily.example/news/{n}", "harbourdaily.example",
                     story(n, PLACES[n]) + FOOTER + "\n"))
    for n in range(4, 7):
        docs.append((f"https://valleytimes.example/{n}.html", "valleytimes.example",
                     story(n, PLACES[n % len(PLACES)]) + OTHER_FOOTER + "\n"))
    return docs


def learn(docs: list[tuple[str, str, str]], min_docs: int = 3, **kw: int) -> tuple[LineCounts, str]:
    counts = LineCounts(**kw)
    for url, _, text in docs:
        counts.add(site_of(url), text)
    return counts, render_rules(counts, min_docs)


def test_site_of_matches_the_engine_host() -> None:
    assert site_of("https://www.Example.COM/a?b") == "example.com"
    assert site_of("news.example.org/x") == "news.example.org"
    assert site_of(None) is None and site_of("") is None


def test_repeated_lines_become_site_rules_with_counts() -> None:
    counts, text = learn(corpus())
    rules = parse_rules(text, "learned")
    by_line = {r.drop_examples[0]: r for r in rules}
    assert set(by_line) == {FOOTER, OTHER_FOOTER}  # story lines never repeat
    footer = by_line[FOOTER]
    assert footer.category == "learned" and footer.scope == "block"
    assert footer.sites == ("harbourdaily.example",) and footer.count == 4
    assert footer.id.startswith("learned.harbourdaily-example.")
    assert footer.keywords and footer.keywords[0] in FOOTER.lower()
    assert by_line[OTHER_FOOTER].count == 3
    for rule in rules:  # the examples the suite would run for any rule
        assert all(rule.fires(d) for d in rule.drop_examples)
        assert not any(rule.fires(k) for k in rule.keep_examples)
    assert "4 of 4 documents of harbourdaily.example" in footer.reason
    assert counts.docs == {"harbourdaily.example": 4, "valleytimes.example": 3}


def test_min_docs_threshold() -> None:
    _, text = learn(corpus(), min_docs=4)
    assert FOOTER in text and OTHER_FOOTER not in text


def test_file_is_stable_whatever_the_order() -> None:
    docs = corpus()
    _, first = learn(docs)
    shuffled = docs[:]
    random.Random(7).shuffle(shuffled)
    assert learn(shuffled)[1] == first


def test_long_lines_duplicates_and_siteless_documents_are_not_learned() -> None:
    long_line = " ".join(f"word{i}" for i in range(80))
    docs = [(f"https://a.example/{n}", "", story(n, "pier") + long_line + "\n") for n in range(3)]
    docs.append(docs[0])  # the same page twice
    docs.append(("", "", FOOTER))
    counts, text = learn(docs, min_docs=2)
    assert long_line not in text
    assert counts.duplicates == 1 and counts.no_site == 1
    assert "[[rule]]" not in text


def test_lossy_counting_keeps_memory_bounded_and_says_so() -> None:
    docs = corpus()
    counts, text = learn(docs, max_entries=8)
    assert len(counts.counts) <= 8
    assert counts.forgotten_below >= 1 and "lower bounds" in text


def test_the_learned_file_cleans_only_its_site(tmp_path: Path) -> None:
    _, text = learn(corpus())
    rules = tmp_path / "site-rules.toml"
    rules.write_text(text, encoding="utf-8")
    cleaner = Cleaner(Config(rule_files=(str(rules),)))
    page = story(42, "harbour wall") + FOOTER + "\n"
    result = cleaner.clean_document(page, url="https://harbourdaily.example/new")
    assert FOOTER not in result.text and "harbour wall" in result.text
    assert result.stats.removals_by_category.get("learned") == 1
    assert FOOTER in cleaner.clean(page, url="https://elsewhere.example/x")
    assert FOOTER in cleaner.clean(page)  # no URL: site rules do not apply


def run_cli(*args: str, stdin: bytes = b"") -> tuple[int, str, str]:
    proc = subprocess.run([sys.executable, "-m", "cleantext", *args], input=stdin, capture_output=True,
                          env={**os.environ, "NO_COLOR": "1"}, timeout=120)
    err = proc.stderr.decode()
    assert "Traceback" not in err, err
    return proc.returncode, proc.stdout.decode(), err


def test_cli_learn_from_folders_and_jsonl_gives_the_same_stable_file(tmp_path: Path) -> None:
    docs = corpus()
    jsonl = tmp_path / "pages.jsonl"
    jsonl.write_text("".join(json.dumps({"url": u, "text": t}) + "\n" for u, _, t in docs), encoding="utf-8")
    for n, (_, site, text) in enumerate(docs):  # folder per site
        (tmp_path / "sites" / site).mkdir(parents=True, exist_ok=True)
        (tmp_path / "sites" / site / f"{n}.txt").write_text(text, encoding="utf-8")
    out1, out2 = tmp_path / "a.toml", tmp_path / "b.toml"
    code, _, err = run_cli("learn", "--jsonl", str(jsonl), "-o", str(out1))
    assert code == 0, err
    assert "learned 2 lines from 7 documents on 2 sites" in err
    code, _, err = run_cli("learn", str(tmp_path / "sites"), "-o", str(out2), "-q")
    assert code == 0 and err == ""
    assert out1.read_text() == out2.read_text() == learn(docs)[1]
    # stdin, one pass: the same file
    code, out, _ = run_cli("learn", "--jsonl", "-", stdin=jsonl.read_bytes())
    assert code == 0 and out == out1.read_text()


def test_cli_learn_site_field_and_bad_records(tmp_path: Path) -> None:
    docs = corpus()
    jsonl = tmp_path / "pages.jsonl"
    rows = [json.dumps({"source": site.upper(), "body": t}) for _, site, t in docs] + ["{not json", '{"x": 1}']
    jsonl.write_text("\n".join(rows) + "\n", encoding="utf-8")
    code, out, err = run_cli("learn", "--jsonl", str(jsonl), "--site", "source", "--field", "body")
    assert code == 1  # the two bad records are named, the rest is learned
    assert f"{jsonl}:8:" in err and f"{jsonl}:9: no field 'body'" in err
    assert 'sites = ["harbourdaily.example"]' in out
    code, _, err = run_cli("learn", "--min-docs", "1", str(jsonl))
    assert code == 2 and "min-docs" in err


def test_learned_lines_sorted_by_site_then_count() -> None:
    counts, _ = learn(corpus(), min_docs=2)
    items = learned_lines(counts, 2)
    assert [i.site for i in items] == sorted(i.site for i in items)
