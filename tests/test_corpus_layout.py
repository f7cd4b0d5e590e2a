"""Every golden corpus folder is well formed (see ``corpus/README.md``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
INPUT_NAMES = {"input.txt", "input.html"}
ALLOWED = INPUT_NAMES | {"expected.txt", "note.md", "xfail.md"}

CASES = sorted(p for p in CORPUS.iterdir() if p.is_dir()) if CORPUS.is_dir() else []


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def _collapse(text: str) -> str:
    return " ".join(text.split())


def test_corpus_has_cases() -> None:
    assert CASES, f"no case folders in {CORPUS}"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_layout(case: Path) -> None:
    names = {p.name for p in case.iterdir()}
    assert names <= ALLOWED, f"unexpected files: {sorted(names - ALLOWED)}"
    assert len(names & INPUT_NAMES) == 1, "need exactly one of input.txt / input.html"
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", case.name), "name must be kebab-case"

    assert "expected.txt" in names, "missing expected.txt"
    expected = _read(case / "expected.txt")
    assert expected.endswith("\n") and not expected.endswith("\n\n"), "expected.txt must end in exactly one newline"

    assert "note.md" in names and _read(case / "note.md").strip(), "note.md is empty"
    if "xfail.md" in names:
        assert _read(case / "xfail.md").strip(), "xfail.md must give the reason"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_expected_follows_output_convention(case: Path) -> None:
    # Paragraphs are whitespace-collapsed, stripped, and separated by one blank line.
    body = _read(case / "expected.txt").rstrip("\n")
    if not body:
        return
    paragraphs = body.split("\n\n")
    for paragraph in paragraphs:
        assert paragraph == _collapse(paragraph) and paragraph, (
            f"paragraph not collapsed/stripped or empty: {paragraph[:60]!r}"
        )


@pytest.mark.parametrize(
    "case",
    [c for c in CASES if (c / "input.txt").is_file()],
    ids=[c.name for c in CASES if (c / "input.txt").is_file()],
)
def test_expected_paragraphs_come_from_input_lines(case: Path) -> None:
    # A kept paragraph is an input line, or that line with spans cut out: its words
    # appear in order within one input line. Catches typos in hand-written cases.
    lines = [_collapse(line).split() for line in _read(case / "input.txt").splitlines()]
    body = _read(case / "expected.txt").rstrip("\n")
    for paragraph in body.split("\n\n") if body else []:
        words = paragraph.split()
        assert any(_is_subsequence(words, line) for line in lines), f"not found in any input line: {paragraph[:60]!r}"


def _is_subsequence(words: list[str], line: list[str]) -> bool:
    remaining = iter(line)
    return all(any(word == candidate for candidate in remaining) for word in words)
