"""The HTML report as text: escaping, the removals in place, summaries, the CLI subcommand.

What the page does in a browser (its script, the filter, no alert from a document) is
checked in tests/test_report_browser.py.
"""

from __future__ import annotations

import dataclasses
import html
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import cleantext
from cleantext import Config, clean_document
from cleantext.model import Removal
from cleantext.report import PAGE_SIZE, render_report

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "seed-002-appended-articles" / "input.txt"
HOSTILE = "<script>alert(1)</script>"
STORY = (
    " date 2025-06-17 The harbour authority said on Monday that the old ferry pier will close for repairs "
    f"next month, after engineers found cracks in two of its concrete {HOSTILE} supports.\n"
    "Ferries will use the temporary landing stage at the north quay until the work is finished, "
    "which the authority expects to take about six weeks.\n"
    "Share on Facebook\n"
)


class TextParts(HTMLParser):
    """Collects, per document, the text shown (minus tags and markers) and the struck text."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[set[str]] = []
        self.shown: list[str] = []
        self.removed: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.scripts += tag == "script"
        classes = set((dict(attrs).get("class") or "").split()) | {tag}
        self.stack.append(classes)

    def handle_endtag(self, tag: str) -> None:
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        inside = set().union(*self.stack) if self.stack else set()
        if "text" in inside and not inside & {"tag", "story-end"}:
            self.shown.append(data)
            if "rm" in inside:
                self.removed.append(data)


def parts(page: str) -> TextParts:
    parser = TextParts()
    parser.feed(page)
    parser.close()
    return parser


def test_text_and_removals_are_shown_in_place() -> None:
    result = clean_document(SEED.read_bytes())
    page = result.to_html("seed-002")
    found = parts(page)
    # The document's text reads back exactly, and the struck parts are exactly the removals.
    assert "".join(found.shown) == result.source
    assert "".join(found.removed) == "".join(r.text for r in sorted(result.removals, key=lambda r: r.start))
    for r in result.removals:
        assert f'data-rule="{r.rule}"' in page
        assert html.escape(f"{r.rule} ({r.category}): {r.reason}") in page
    assert page.count('class="story-end"') == 1
    assert "5,804 of 15,539 characters kept (37%)" in page


def test_one_document_is_inline_several_are_lazy() -> None:
    one = clean_document(STORY, Config(input_format="text"))
    single = render_report([("a.txt", one)])
    assert "<template>" not in single and "<details class=\"doc\" id=\"doc-1\"" in single and " open>" in single
    several = render_report([("a.txt", one), ("b.txt", one)])
    assert several.count("<template>") == 2 and 'id="f-cat"' in several and 'id="f-rule"' in several
    assert f'data-page-size="{PAGE_SIZE}"' in several


def test_document_text_cannot_inject_markup() -> None:
    result = clean_document(STORY, Config(input_format="text"))
    assert HOSTILE in result.source
    nasty = '"><img src=x onerror=alert(2)>'
    result = dataclasses.replace(result, removals=(
        *result.removals,
        Removal(f"rule{nasty}", f"cat{nasty}", 0, 0, "", f"because {HOSTILE}"),
    ), title=f"Title {HOSTILE}", warnings=(f"warn {HOSTILE}",), flags=(f"flag{nasty}",))
    page = render_report([(f"{HOSTILE}.txt", result), (nasty, result)], failures=[(nasty, HOSTILE)],
                         title=f"report {HOSTILE}")
    assert html.escape(HOSTILE) in page
    assert "<img" not in page
    assert len(re.findall(r"<script", page, re.I)) == 1  # the report's own, at the end
    assert page.rstrip().endswith("</script></body></html>")
    assert parts(page).scripts == 1
    assert 'data-rule="rule&quot;&gt;&lt;img' in page  # attributes are quoted and escaped


def test_self_contained() -> None:
    page = clean_document(SEED.read_bytes()).to_html()
    assert not re.search(r"""(src|href)\s*=|@import|url\(|<link""", page, re.I)
    assert not re.search(r"https?://", page.split("<div class=\"text\">")[0])  # none outside the document text
    assert "prefers-color-scheme: dark" in page


def test_story_end_marker_in_an_unremoved_tail_and_no_removals() -> None:
    result = clean_document("A short story about the pier, which closes next month for repairs.\n")
    assert result.removals == ()
    page = render_report([("plain.txt", result)])
    assert "Nothing was removed." in page
    end = cleantext.model.StoryEnd(block=0, offset=len(result.source), rule="story-end.test", score=1.0)
    page = render_report([("plain.txt", dataclasses.replace(result, story_end=end))])
    assert "".join(parts(page).shown) == result.source
    assert page.count('class="story-end"') == 1


def run_cli(*args: str, cwd: Path) -> tuple[int, str, str]:
    proc = subprocess.run([sys.executable, "-m", "cleantext", *args], capture_output=True, cwd=cwd,
                          env={**os.environ, "NO_COLOR": "1"}, timeout=120)
    err = proc.stderr.decode()
    assert "Traceback" not in err, err
    return proc.returncode, proc.stdout.decode(), err


def test_cli_report(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    target = tmp_path / "report.html"
    code, out, err = run_cli("report", str(story), str(SEED), "--text", "-o", str(target), cwd=tmp_path)
    assert (code, out) == (0, ""), err
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "2 documents" in page
    assert html.escape(str(story)) in page and html.escape(HOSTILE) in page
    code, out, _ = run_cli("report", str(story), cwd=tmp_path)  # stdout without -o
    assert code == 0 and out.startswith("<!doctype html>")


def test_cli_report_missing_input_and_overwrite(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    target = tmp_path / "report.html"
    code, _, err = run_cli("report", str(story), str(tmp_path / "missing.txt"), "-o", str(target), cwd=tmp_path)
    assert code == 1 and "missing.txt" in err
    assert "missing.txt" in target.read_text(encoding="utf-8")  # named in the report too
    code, _, err = run_cli("report", str(story), "-o", str(story), cwd=tmp_path)
    assert code == 2 and "overwrite" in err and story.read_text(encoding="utf-8") == STORY


def test_cli_plain_usage_unchanged(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    code, out, _ = run_cli(str(story), "--text", cwd=tmp_path)
    assert code == 0 and out == cleantext.clean(STORY, Config(input_format="text")) + "\n"
    # A file that happens to be called 'report' is still reachable as ./report.
    (tmp_path / "report").write_text(STORY, encoding="utf-8")
    code, out, _ = run_cli("./report", "--text", cwd=tmp_path)
    assert code == 0 and "ferry pier" in out
