"""The `cleantext` command end to end, run as `python -m cleantext` in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import PIER

import cleantext

STORY = " date 2025-06-17 " + "\n".join(PIER) + "\n"

BAD_RULES = """\
[[rule]]
id = "custom.ok"
patterns = ['''ok then''']
reason = "fine"

[[rule]]
id = "custom.broken"
category = "custom"
patterns = ['''(unclosed''']
reason = "a pattern that does not compile"
"""


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None, env: dict | None = None):
    proc = subprocess.run(
        [sys.executable, "-m", "cleantext", *args],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
        timeout=120,
    )
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    return proc.returncode, proc.stdout.decode("utf-8"), err


@pytest.fixture()
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_file_to_stdout_matches_library(story: Path) -> None:
    code, out, err = run(str(story))
    assert code == 0, err
    assert out == cleantext.clean(STORY.encode()) + "\n"
    assert "ferry pier" in out and "date 2025" not in out


def test_stdin_dash(story: Path) -> None:
    code, out, _ = run("-", stdin=STORY.encode())
    assert code == 0
    assert out == cleantext.clean(STORY) + "\n"


def test_output_file_written_atomically(story: Path, tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.txt"
    code, out, err = run(str(story), "-o", str(target))
    assert code == 0, err
    assert out == ""
    assert target.read_text(encoding="utf-8") == cleantext.clean(STORY) + "\n"
    assert [p.name for p in target.parent.iterdir()] == ["out.txt"]  # no temp file left behind


def test_out_dir_one_file_per_input(story: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("A second story about the town library, which reopened on Saturday after a year.\n")
    out_dir = tmp_path / "clean"
    code, out, err = run(str(story), str(other), "--out-dir", str(out_dir))
    assert code == 0, err
    assert sorted(p.name for p in out_dir.iterdir()) == ["other.txt", "story.txt"]
    assert (out_dir / "story.txt").read_text(encoding="utf-8") == cleantext.clean(STORY) + "\n"


@pytest.mark.parametrize("how", ["-o", "--out-dir"])
def test_refuses_to_overwrite_an_input(story: Path, how: str) -> None:
    target = str(story) if how == "-o" else str(story.parent)
    code, _, err = run(str(story), how, target)
    assert code == 2
    assert "overwrite" in err
    assert story.read_text(encoding="utf-8") == STORY


def test_json_has_the_result_fields(story: Path) -> None:
    code, out, _ = run(str(story), "--json")
    assert code == 0
    data = json.loads(out)
    for key in ("text", "title", "date", "language", "removals", "stats"):
        assert key in data
    assert data["date"] == "2025-06-17"
    assert data["text"] == cleantext.clean(STORY)
    for r in data["removals"]:
        assert set(r) >= {"rule", "category", "start", "end", "text", "reason"}
    assert {"chars_in", "chars_out", "blocks_in", "blocks_out", "removals_by_category"} <= set(data["stats"])


def test_json_lines_for_several_inputs(story: Path) -> None:
    code, out, _ = run(str(story), "-", "--json", stdin=STORY.encode())
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["input"] for r in rows] == [str(story), "<stdin>"]


def test_explain_tags_every_removal_with_its_rule_id(story: Path) -> None:
    _, out_json, _ = run(str(story), "--json")
    rules = {r["rule"] for r in json.loads(out_json)["removals"]}
    assert "metadata.date-header" in rules
    code, out, _ = run(str(story), "--explain")
    assert code == 0
    assert "\x1b[" not in out  # piped, so plain
    for rule in rules:
        assert f"[-{rule}:" in out


def test_version_and_help() -> None:
    code, out, _ = run("--version")
    assert code == 0 and cleantext.__version__ in out
    code, out, _ = run("--help")
    assert code == 0 and "examples:" in out and "--out-dir" in out


def test_missing_file_among_good_ones_exits_1(story: Path, tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    code, out, err = run(str(story), str(missing), "-", stdin=STORY.encode())
    assert code == 1
    assert out == 2 * (cleantext.clean(STORY) + "\n")  # the good inputs are still cleaned
    lines = err.strip().splitlines()
    assert len(lines) == 1 and str(missing) in lines[0]


def test_binary_input_is_a_failure_not_a_crash(story: Path, tmp_path: Path) -> None:
    blob = tmp_path / "blob.bin"
    blob.write_bytes(b"\x00\x01\x02\xff" * 100)
    code, out, err = run(str(blob), str(story))
    assert code == 1
    assert "blob.bin" in err and "ferry pier" in out


@pytest.mark.parametrize(
    "args",
    [
        ["--mode", "fastest"],
        ["--no-such-flag"],
        ["--disable", "no.such.rule"],
        ["--html", "--text"],
        ["--json", "--explain"],
        ["-o", "x.txt", "extra.txt"],
        [],
    ],
    ids=["bad-mode", "unknown-flag", "unknown-rule-id", "html-and-text", "json-and-explain", "o-with-two", "no-input"],
)
def test_usage_errors_exit_2(story: Path, tmp_path: Path, args: list[str]) -> None:
    extra = [] if args == [] else [str(story)]
    code, out, err = run(*args, *extra, cwd=tmp_path)
    assert code == 2
    assert out == ""
    assert err.strip()


def test_bad_rule_file_names_file_and_line(story: Path, tmp_path: Path) -> None:
    rules = tmp_path / "site.toml"
    rules.write_text(BAD_RULES, encoding="utf-8")
    code, out, err = run("--rules", str(rules), str(story))
    assert code == 2 and out == ""
    assert f"{rules}:7" in err  # the line of the broken rule's id
    assert "custom.broken" in err
    assert len(err.strip().splitlines()) == 1


def test_user_rule_file_and_disable(story: Path, tmp_path: Path) -> None:
    rules = tmp_path / "site.toml"
    rules.write_text(
        '[[rule]]\nid = "custom.traders"\nscope = "block"\nkeywords = ["traders"]\n'
        "patterns = ['''local traders said''']\nreason = \"test rule\"\n",
        encoding="utf-8",
    )
    code, out, _ = run("--rules", str(rules), str(story))
    assert code == 0 and "ferry pier" in out and "Local traders" not in out
    for disable in (["--disable", "custom.traders"], ["--disable", "share,custom", "--disable", "app"]):
        code, out, err = run("--rules", str(rules), *disable, str(story), "--json")
        assert code == 0, err
        data = json.loads(out)
        assert "Local traders" in data["text"]
        assert not any(r["rule"].startswith(("custom.", "share.", "app.")) for r in data["removals"])


def test_help_lists_batch_options_and_learn() -> None:
    code, out, _ = run("--help")
    assert code == 0
    for flag in ("--jsonl", "--field", "--url-field", "--summary-field", "--jobs", "--quiet", "cleantext learn"):
        assert flag in out
    code, out, _ = run("learn", "--help")
    assert code == 0 and "--min-docs" in out and "--site" in out


def test_a_file_named_learn_is_dot_slash_learn(tmp_path: Path) -> None:
    (tmp_path / "learn").write_text(STORY, encoding="utf-8")
    code, out, _ = run("./learn", cwd=tmp_path)
    assert code == 0 and out == cleantext.clean(STORY) + "\n"
