"""The HTML report in a real browser: headless Chromium driven over the DevTools pipe.

Chromium is Debian's `chromium` package (`.ci/run` installs it when it is missing). These
tests fail, never skip, without it: the report's script only counts as working once a
browser has run it. Each test starts one browser (about a second) with a throw-away
profile, loads the report from a file:// URL and watches for uncaught exceptions,
console errors and JavaScript dialogs (an `alert` from a document's own `<script>`).

Screenshots land in `artifacts/` (git-ignored) at the top of the repository.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cleantext import Config, clean_document
from cleantext.report import render_report

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = os.environ.get("CLEANTEXT_CHROMIUM", "/usr/bin/chromium")
SEEDS = ("seed-000-date-header", "seed-001-donation-caption", "seed-002-appended-articles")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1280,2000", "--hide-scrollbars")


class Browser:
    """A minimal DevTools client over --remote-debugging-pipe (fd 3 in, fd 4 out)."""

    def __init__(self, profile: Path) -> None:
        to_chrome_r, self._w = os.pipe()
        self._r, from_chrome_w = os.pipe()

        def fds() -> None:  # in the child: our pipe ends become fds 3 and 4
            # First above 10, so neither dup2 can clobber the other end.
            a, b = fcntl.fcntl(to_chrome_r, fcntl.F_DUPFD, 10), fcntl.fcntl(from_chrome_w, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"],
            preexec_fn=fds, pass_fds=(3, 4),  # kept open past close_fds, which runs after preexec_fn
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buf = b""
        self._id = 0
        self.events: list[dict[str, Any]] = []
        self.session = ""
        pages = [t["targetId"] for t in self.call("Target.getTargets")["targetInfos"] if t["type"] == "page"]
        # The initial tab may not be registered yet when the browser first answers.
        target = pages[0] if pages else self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable")

    def _message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._r], [], [], left)[0]:
                raise TimeoutError("no answer from chromium")
            chunk = os.read(self._r, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method: str, timeout: float = 30, **params: Any) -> dict[str, Any]:
        self._id += 1
        msg: dict[str, Any] = {"id": self._id, "method": method, "params": params}
        if self.session and not method.startswith(("Target.", "Browser.")):
            msg["sessionId"] = self.session
        os.write(self._w, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._message(deadline)
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self._event(reply)

    def _event(self, event: dict[str, Any]) -> None:
        self.events.append(event)
        if event.get("method") == "Page.javascriptDialogOpening":
            # Dismiss it so the page does not hang; the test then fails on the event.
            self._id += 1
            os.write(self._w, json.dumps({"id": self._id, "sessionId": self.session,
                                          "method": "Page.handleJavaScriptDialog",
                                          "params": {"accept": False}}).encode() + b"\0")

    def wait_for(self, method: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == method for e in self.events):
            self._event(self._message(deadline))

    def load(self, url: str, *, dark: bool = False) -> None:
        scheme = "dark" if dark else "light"
        self.call("Emulation.setEmulatedMedia", features=[{"name": "prefers-color-scheme", "value": scheme}])
        self.events.clear()
        self.call("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")
        self.eval("new Promise(r => requestAnimationFrame(() => setTimeout(r, 50)))")

    def eval(self, expression: str) -> Any:
        reply = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in reply:
            raise AssertionError(f"{expression}: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def screenshot(self, path: Path) -> Path:
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        return path

    def problems(self) -> list[str]:
        """Uncaught exceptions, console errors/warnings, log errors and dialogs seen so far."""
        found = []
        for e in self.events:
            method, params = e.get("method"), e.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append(f"uncaught: {params['exceptionDetails']}")
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning", "assert"):
                found.append(f"console.{params['type']}: {params.get('args')}")
            elif method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
                found.append(f"log {params['entry']['level']}: {params['entry']['text']}")
            elif method == "Page.javascriptDialogOpening":
                found.append(f"dialog {params.get('type')}: {params.get('message')}")
        return found

    def close(self) -> None:
        try:
            self.call("Browser.close", timeout=5)
        except (RuntimeError, TimeoutError, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._w)
        os.close(self._r)


@pytest.fixture()
def browser(tmp_path: Path) -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), (
        f"{CHROMIUM} not found: install Debian's chromium package (apt-get install -y chromium; .ci/run does)"
    )
    profile = Path(tempfile.mkdtemp(prefix="cleantext-chromium-"))
    b = Browser(profile)
    try:
        yield b
    finally:
        b.close()
        shutil.rmtree(profile, ignore_errors=True)


def seed_report(path: Path) -> Path:
    docs = [(f"corpus/{s}/input.txt", clean_document((ROOT / "corpus" / s / "input.txt").read_bytes()))
            for s in SEEDS]
    path.write_text(render_report(docs), encoding="utf-8")
    return path


def test_seed_report_in_chromium(browser: Browser, tmp_path: Path) -> None:
    report = seed_report(tmp_path / "report.html")
    browser.load(report.as_uri() + "#doc-3")
    assert browser.problems() == []
    # Opening seed 002 (from the hash) rendered its template: the appended article is struck.
    removed = browser.eval("""[...document.querySelectorAll('#doc-3 del.rm')]
        .filter(d => d.textContent.includes('Hezbollah chief says missiles will fall'))
        .map(d => [d.dataset.rule, d.dataset.cat, getComputedStyle(d).textDecorationLine])""")
    assert removed == [["related.header", "related", "line-through"]]
    assert browser.eval("document.querySelectorAll('#doc-3 .story-end').length") == 1
    # The story itself is not inside any removal.
    assert browser.eval("""[...document.querySelectorAll('#doc-3 .text')].map(t => t.textContent)
        .join('').includes('Trump administration disbands group')""")
    assert browser.eval("!!document.querySelector('#doc-3 del.rm')?.closest('.text')")
    assert browser.eval("document.querySelectorAll('#doc-1 del.rm').length") == 0  # still lazy
    shot = browser.screenshot(ARTIFACTS / "report-seeds.png")
    print(f"screenshot: {shot}")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


def test_filter_by_category_and_dark_scheme(browser: Browser, tmp_path: Path) -> None:
    report = seed_report(tmp_path / "report.html")
    browser.load(report.as_uri(), dark=True)
    visible = "[...document.querySelectorAll('details.doc:not(.hidden)')].map(d => d.id)"
    assert browser.eval(visible) == ["doc-1", "doc-2", "doc-3"]
    browser.eval("const s = document.getElementById('f-cat'); s.value = 'related'; s.onchange()")
    assert browser.eval(visible) == ["doc-3"]
    assert browser.eval("document.getElementById('shown').textContent") == "1 of 3 documents"
    browser.eval("document.getElementById('open-all').click()")
    browser.eval("new Promise(r => setTimeout(r, 50))")
    assert browser.eval("document.querySelectorAll('#doc-3 del.rm.match').length") == 1
    # Dark scheme: light text on a dark background.
    colours = browser.eval("[getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor]")
    assert colours == ["rgb(228, 228, 231)", "rgb(22, 23, 26)"]
    assert browser.problems() == []
    browser.screenshot(ARTIFACTS / "report-seeds-dark.png")


def test_document_script_does_not_run(browser: Browser, tmp_path: Path) -> None:
    hostile = "<script>alert(1)</script>"
    text = (f"A story about {hostile} in a page.\n"
            "The council met on Tuesday to discuss the budget for the coming year in detail.\n"
            f"Share on Facebook {hostile}\n<img src=x onerror=alert(2)>\n")
    result = clean_document(text, Config(input_format="text"))  # auto would read it as HTML and drop the tags
    assert hostile in result.source
    docs = [(f"{hostile}.txt", result), ("<b onmouseover=alert(3)>x</b>", result)]
    report = tmp_path / "hostile.html"
    report.write_text(render_report(docs), encoding="utf-8")
    browser.load(report.as_uri() + "#doc-1")
    browser.eval("document.getElementById('open-all').click()")
    browser.eval("new Promise(r => setTimeout(r, 100))")
    assert browser.problems() == []
    assert browser.eval("document.scripts.length") == 1  # only the report's own
    assert browser.eval("document.querySelectorAll('.doc img, .doc b, .doc script').length") == 0
    assert hostile in browser.eval("document.querySelector('#doc-1 .text').textContent")


def test_thousand_documents_load_fast(browser: Browser, tmp_path: Path) -> None:
    result = clean_document((ROOT / "corpus" / SEEDS[2] / "input.txt").read_bytes())
    report = tmp_path / "big.html"
    report.write_text(render_report([(f"page-{i}.txt", result) for i in range(1000)]), encoding="utf-8")
    started = time.monotonic()
    browser.load(report.as_uri())
    seconds = time.monotonic() - started
    print(f"1,000-document report ({report.stat().st_size / 1e6:.1f} MB) loaded in {seconds:.2f}s")
    assert browser.problems() == []
    assert browser.eval("document.querySelectorAll('details.doc:not(.hidden)').length") == 100
    assert browser.eval("document.querySelectorAll('del.rm').length") == 0  # nothing rendered until opened
    assert browser.eval("document.getElementById('pager').textContent").count("page 1 of 10") == 1
    # ~16 MB of HTML; generous so a slow CI machine passes, far below a frozen page.
    assert seconds < 15, f"a 1,000-document report took {seconds:.1f}s to load"
