"""Many documents: folders and globs, JSON Lines records, workers, order, bounded memory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

import cleantext
from cleantext import Cleaner
from cleantext.batch import InputNotFound, Source, Unit, View, clean_stream, expand, ordered_map

STORY = (
    "The harbour authority said on Monday that the old ferry pier will close for repairs next month, "
    "after engineers found cracks in two of its concrete supports.\n"
    "Ferries will use the temporary landing stage at the north quay until the work is finished, "
    "which the authority expects to take about six weeks.\n"
    "Share this article\n"
)


def story(n: int) -> str:
    return STORY.replace("two of its", f"{n} of its")


def run(*args: str, stdin: bytes = b"", cwd: Path | None = None) -> tuple[int, str, str]:
    proc = subprocess.run([sys.executable, "-m", "cleantext", *args], input=stdin, capture_output=True, cwd=cwd,
                          env={**os.environ, "NO_COLOR": "1"}, timeout=120)
    err = proc.stderr.decode()
    assert "Traceback" not in err, err
    return proc.returncode, proc.stdout.decode(), err


def test_expand_folders_recursively_and_globs_sorted(tmp_path: Path) -> None:
    for rel in ("b/2.txt", "b/1.txt", "a.txt", ".hidden.txt", ".git/x.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    sources, batch = expand([str(tmp_path)])
    assert batch
    assert [s.name for s in sources if isinstance(s, Source)] == ["a.txt", "b/1.txt", "b/2.txt"]
    sources, batch = expand([str(tmp_path / "b" / "*.txt"), str(tmp_path / "none*.txt"), "-"])
    assert [Path(s.path).name for s in sources if isinstance(s, Source)] == ["1.txt", "2.txt", "-"]
    assert isinstance(sources[2], InputNotFound)
    assert expand([str(tmp_path / "a.txt")])[1] is False  # a plain file list is not a batch run


def _square(x: int) -> int:
    return x * x


def test_ordered_map_keeps_order_and_reads_only_a_window_ahead() -> None:
    consumed = []

    def items():
        for i in range(50):
            consumed.append(i)
            yield i

    with ProcessPoolExecutor(2) as pool:
        results = ordered_map(_square, items(), pool, window=4)
        assert next(results) == 0
        assert len(consumed) == 4  # bounded: the input is read only as fast as results leave
        assert list(results) == [i * i for i in range(1, 50)]


def test_workers_give_the_same_outcomes_in_order() -> None:
    cleaner = Cleaner()
    units = [Unit(f"doc{n}", data=story(n).encode()) for n in range(12)]
    one = list(clean_stream(cleaner, View(), units, jobs=1))
    two = list(clean_stream(cleaner, View(), units, jobs=2))
    assert one == two
    assert [o.label for o in two] == [f"doc{n}" for n in range(12)]
    assert one[3].output == cleantext.clean(story(3)) + "\n"


@pytest.fixture()
def jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "pages.jsonl"
    rows = [{"id": n, "url": f"https://news.example/{n}", "text": story(n), "lang": "en"} for n in range(5)]
    lines = [json.dumps(r) for r in rows]
    lines.insert(2, "")  # blank lines are skipped
    lines.append('{"id": 99}')  # no text: passed through, named on stderr
    lines.append("not json")  # not a record: named on stderr, not written
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_cleans_one_field_and_passes_the_rest_through(jsonl: Path) -> None:
    code, out, err = run("--jsonl", str(jsonl))
    assert code == 1
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == [0, 1, 2, 3, 4, 99]
    assert rows[1]["text"] == cleantext.clean(story(1)) and rows[1]["lang"] == "en"
    assert rows[1]["cleantext"]["chars_in"] == len(story(1))
    assert rows[1]["cleantext"]["by_category"].get("share") == 1
    assert rows[-1] == {"id": 99, "cleantext": {"error": "no string field 'text'"}}
    lines = err.strip().splitlines()
    assert lines[0] == f"cleantext: {jsonl}:7: no string field 'text'"
    assert lines[1].startswith(f"cleantext: {jsonl}:8: not a JSON record")
    assert lines[2].startswith("cleantext: 7 documents, 2 failed, ")  # the summary
    assert "removals by category: " in lines[3] and "share 5" in lines[3]


def test_jsonl_stdin_to_stdout_with_workers_and_custom_fields() -> None:
    rows = [{"body": story(n), "link": f"https://news.example/{n}", "n": n} for n in range(20)]
    data = "".join(json.dumps(r) + "\n" for r in rows).encode()
    args = ["--jsonl", "-", "--field", "body", "--url-field", "link", "--summary-field", "removed", "-q"]
    code, out1, err = run(*args, stdin=data)
    assert code == 0 and err == ""  # -q: no summary
    code, out2, err = run(*args, "-j", "2", stdin=data)
    assert code == 0 and err == ""
    assert out1 == out2  # same records, same order
    got = [json.loads(line) for line in out2.splitlines()]
    assert [r["n"] for r in got] == list(range(20))
    assert all("removed" in r and "cleantext" not in r for r in got)
    code, out3, _ = run(*args[:-1], "--summary-field", "", stdin=data)
    assert "removed" not in json.loads(out3.splitlines()[0])


def test_jsonl_url_field_reaches_site_rules(tmp_path: Path) -> None:
    rules = tmp_path / "site.toml"
    rules.write_text(
        'category = "learned"\n[[rule]]\nid = "learned.news-example.quay"\nsites = ["news.example"]\n'
        "patterns = ['''^Ferries will use.*$''']\nkeywords = [\"ferries\"]\nreason = \"test\"\n",
        encoding="utf-8",
    )
    rows = [{"url": "https://www.news.example/a", "text": story(1)},
            {"url": "https://other.example/", "text": story(2)}]
    data = "".join(json.dumps(r) + "\n" for r in rows).encode()
    code, out, err = run("--jsonl", "-", "--rules", str(rules), "-q", stdin=data)
    assert code == 0, err
    first, second = (json.loads(line) for line in out.splitlines())
    assert "Ferries" not in first["text"] and first["cleantext"]["by_category"]["learned"] == 1
    assert "Ferries" in second["text"]
    page = tmp_path / "page.txt"
    page.write_text(story(3), encoding="utf-8")
    assert "Ferries" not in run(str(page), "--rules", str(rules), "--url", "https://news.example/x")[1]
    assert "Ferries" in run(str(page), "--rules", str(rules))[1]


def test_jsonl_out_dir_and_output_file_are_streamed_atomically(jsonl: Path, tmp_path: Path) -> None:
    gz = tmp_path / "more.jsonl.gz"
    import gzip

    with gzip.open(gz, "wt", encoding="utf-8") as f:
        f.write(json.dumps({"text": story(9)}) + "\n")
    code, _, err = run("--jsonl", str(jsonl), str(gz), "--out-dir", str(tmp_path / "out"), "-q")
    assert code == 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["more.jsonl", "pages.jsonl"]
    assert len((tmp_path / "out" / "pages.jsonl").read_text().splitlines()) == 6
    target = tmp_path / "all.jsonl"
    code, out, _ = run("--jsonl", str(jsonl), str(gz), "-o", str(target), "-q")
    assert out == "" and len(target.read_text().splitlines()) == 7
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp file left


def test_folder_to_out_dir_keeps_the_tree_with_a_summary(tmp_path: Path) -> None:
    for rel in ("in/a/1.txt", "in/b/1.txt", "in/2.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(story(len(rel)), encoding="utf-8")
    code, out, err = run(str(tmp_path / "in"), "--out-dir", str(tmp_path / "out"), "-j", "2")
    assert code == 0 and out == ""
    assert (tmp_path / "out" / "a" / "1.txt").read_text() == cleantext.clean(story(len("in/a/1.txt"))) + "\n"
    assert (tmp_path / "out" / "b" / "1.txt").exists() and (tmp_path / "out" / "2.txt").exists()
    assert err.startswith("cleantext: 3 documents, 0 failed, ")
    assert "\r" not in err  # stderr is not a terminal: no progress line


def test_glob_argument_expanded_by_cleantext(tmp_path: Path) -> None:
    for n in range(3):
        (tmp_path / f"p{n}.txt").write_text(story(n), encoding="utf-8")
    code, out, err = run("p*.txt", "--json", "-q", cwd=tmp_path)
    assert code == 0, err
    assert [json.loads(line)["input"] for line in out.splitlines()] == ["p0.txt", "p1.txt", "p2.txt"]
    code, _, err = run("nothing*.txt", cwd=tmp_path)
    assert code == 1 and "no file matches" in err


@pytest.mark.parametrize("args", [["--jsonl", "--json"], ["-j", "-1"], ["--jsonl", "--explain"]])
def test_batch_usage_errors(tmp_path: Path, args: list[str]) -> None:
    page = tmp_path / "p.txt"
    page.write_text(STORY)
    code, out, err = run(*args, str(page))
    assert code == 2 and out == "" and err.strip()
