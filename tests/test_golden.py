"""Golden corpus: ``clean(input)`` must equal each case's ``expected.txt``.

Each folder in ``corpus/`` is one case (see ``corpus/README.md``). The test id is
the folder name. A case with an ``xfail.md`` is a known failure, marked
``xfail(strict=True)`` with that file's text as the reason, so it flips to a
failure once fixed. ``pytest --update-golden`` rewrites ``expected.txt`` from the
current output and prints the diff of every file it changes.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
INPUT_NAMES = ("input.txt", "input.html")


def _read(path: Path) -> str:
    # Bytes, then UTF-8: keeps "\r\n" and other whitespace exactly as written.
    return path.read_bytes().decode("utf-8")


def _case_params() -> list[object]:
    cases = sorted(p for p in CORPUS.iterdir() if p.is_dir()) if CORPUS.is_dir() else []
    params: list[object] = []
    for case in cases:
        xfail = case / "xfail.md"
        marks = [pytest.mark.xfail(strict=True, reason=_read(xfail).strip())] if xfail.is_file() else []
        params.append(pytest.param(case, id=case.name, marks=marks))
    return params


def _input_path(case: Path) -> Path:
    found = [case / name for name in INPUT_NAMES if (case / name).is_file()]
    assert len(found) == 1, f"{case.name}: expected exactly one of {INPUT_NAMES}"
    return found[0]


def _diff(expected: str, actual: str, name: str) -> str:
    # Both sides end in "\n", so a changed last paragraph is not also shown as a
    # spurious "no newline" change.
    lines = difflib.unified_diff(
        (expected + "\n").splitlines(keepends=True),
        (actual + "\n").splitlines(keepends=True),
        fromfile=f"{name}/expected.txt",
        tofile=f"{name}/actual",
    )
    return "".join(lines)


@pytest.mark.parametrize("case", _case_params())
def test_golden(case: Path, request: pytest.FixtureRequest, capsys: pytest.CaptureFixture[str]) -> None:
    from cleantext import clean  # imported here so collection works without it

    source = _read(_input_path(case))
    actual = clean(source)
    expected_path = case / "expected.txt"
    expected = _read(expected_path).rstrip("\n") if expected_path.is_file() else ""

    if actual != expected and request.config.getoption("--update-golden"):
        expected_path.write_bytes((actual + "\n").encode("utf-8"))
        with capsys.disabled():  # the diff is the point of the run: show it even under capture
            print(f"\nrewrote {case.name}/expected.txt\n{_diff(expected, actual, case.name)}")
        pytest.skip(f"rewrote {case.name}/expected.txt (--update-golden)")

    if actual != expected:
        # pytest.fail, not assert: the unified diff is the whole message, without
        # pytest's own (truncated) comparison of two long strings after it.
        pytest.fail(f"{case.name}: output differs\n{_diff(expected, actual, case.name)}", pytrace=False)
