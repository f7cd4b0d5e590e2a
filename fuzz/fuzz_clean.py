"""Long-running fuzzer over cleantext.clean_document() and the command line (issue 7).

Generates inputs (random text and bytes, mutated corpus documents with injected
boilerplate, hostile HTML, wrong encodings) and checks, for each:

- it never raises anything but ``cleantext.InputError``, and never runs past a time limit;
- the removals replay on the source to the text (README, "Output whitespace");
- cleaning the output again gives the output (idempotence);
- every ``--cli-every``-th input also goes through ``cleantext.cli.main`` on a file: exit
  status 0 or 1, no traceback, and at most one stderr line per failed input.

A failing input is saved under ``fuzz/crashes/<kind>-<sha1>.bin`` (with a ``.txt`` note) and
the run goes on; the totals are printed at the end and every ``--report`` seconds.
Plain ``random`` rather than atheris: atheris has no wheel for every Python we run on,
and the interesting inputs here are structured (documents, markup, encodings), which
the generators below build directly. The run is reproducible from ``--seed``.

    .venv/bin/python fuzz/fuzz_clean.py --minutes 30 --seed 1
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import random
import signal
import sys
import tempfile
import time
import traceback
from pathlib import Path

import cleantext
from cleantext import InputError, cli
from cleantext.render import apply_removals

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "corpus"
#: Per-input time limit in seconds, for up to three cleanings (library, idempotence, CLI).
#: Inputs stay under ~200 KB and 5,000 lines; the big shapes are tests in test_robustness.py.
TIME_LIMIT = 60

BOILERPLATE = [
    "Sign up for our newsletter", "Read more:", "Share this article", "Facebook Twitter WhatsApp",
    "Related Articles", "Top stories", "Most popular", "Support us", "Donate today",
    "Download the app", "Comments", "No comments yet", "( REUTERS )", "Photo: AFP",
    "We use cookies to improve your experience. Accept all", "Advertisement",
    "To Read the Full Story Subscribe Sign In", "Hashtags", "Try Our AI Features",
    "READ MORE: Council approves new budget", " date 2025-06-17 ", "By Jane Doe, Reporter",
    "Subscribe to our newsletter and get the news delivered to your inbox.",
]
WEIRD = ["\x00", "\x01", "\x1b[31m", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\r", "\r\n",
         "\ufeff", "\u200b", "\u202e", "\ud7ff", "\U0001f600", "\u0301", "\t", "\xa0", "<", ">",
         "&amp;", "<p>", "</div>", "<script>", "]]>", "<!--", "-->", "\\", "'''", "\"", "…", "。"]
ENCODINGS = ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1", "cp1252", "gb18030",
             "shift_jis", "euc-kr", "koi8-r", "utf-8-sig"]
MAGIC = [b"\x89PNG\r\n\x1a\n", b"PK\x03\x04", b"\x1f\x8b\x08", b"%PDF-1.4", b"\xff\xd8\xff", b"GIF89a",
         b"\x7fELF", b"BZh9", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"\x00\x00\xfe\xff"]


def corpus_docs() -> list[str]:
    docs = []
    for case in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        for path in case.glob("input.*"):
            docs.append(path.read_bytes().decode("utf-8", "replace"))
    return docs


class Generator:
    """Random inputs of several kinds; each call returns (kind, str | bytes)."""

    def __init__(self, rng: random.Random, docs: list[str]):
        self.rng, self.docs = rng, docs

    def __call__(self) -> tuple[str, str | bytes]:
        kind = self.rng.choice(["corpus", "corpus", "corpus", "text", "unicode", "bytes", "html",
                                "encoded", "magic", "lines"])
        return kind, getattr(self, kind)()

    def corpus(self) -> str:
        r = self.rng
        lines = r.choice(self.docs).splitlines()
        for _ in range(r.randint(0, 8)):
            op = r.randrange(7)
            pos = r.randint(0, len(lines))
            if op == 0:
                lines.insert(pos, r.choice(BOILERPLATE))
            elif op == 1 and lines:  # glue boilerplate into a paragraph
                i = r.randrange(len(lines))
                cut = r.randint(0, len(lines[i]))
                lines[i] = lines[i][:cut] + " " + r.choice(BOILERPLATE) + " " + lines[i][cut:]
            elif op == 2 and lines:
                del lines[r.randrange(len(lines))]
            elif op == 3 and lines:  # splice a weird character into a line
                i = r.randrange(len(lines))
                cut = r.randint(0, len(lines[i]))
                lines[i] = lines[i][:cut] + r.choice(WEIRD) + lines[i][cut:]
            elif op == 4 and lines:  # glue lines together (a page in one line)
                i = r.randrange(len(lines))
                lines[i:i + 5] = [" ".join(lines[i:i + 5])]
            elif op == 5:
                lines.insert(pos, r.choice(self.docs).splitlines()[0] if self.docs else "")
            elif op == 6 and lines:  # open a line with boilerplate (a date header, a label)
                i = r.randrange(len(lines))
                lines[i] = r.choice(BOILERPLATE) + " " + lines[i]
        sep = r.choice(["\n", "\n", "\r\n", "\r", "\n\n", "\u2028", "\u2029"])
        return sep.join(lines)

    def text(self) -> str:
        r = self.rng
        words = (" ".join(BOILERPLATE) + " the council said on Monday that a bridge will open").split()
        return "".join(r.choice(words) + r.choice([" ", " ", "\n", "\n\n", "\t", "\r\n", ". ", r.choice(WEIRD)])
                       for _ in range(r.randint(0, 400)))

    def unicode(self) -> str:
        r = self.rng
        n = r.randint(0, 2000)
        pools = [(0x20, 0x7e), (0x0, 0x20), (0xa0, 0x2fff), (0x3000, 0x9fff), (0xe000, 0xffff),
                 (0x10000, 0x10ffff)]
        out = []
        for _ in range(n):
            lo, hi = r.choice(pools)
            c = r.randint(lo, hi)
            if 0xd800 <= c <= 0xdfff:
                c = 0x20
            out.append(chr(c))
        return "".join(out)

    def bytes(self) -> bytes:
        r = self.rng
        return bytes(r.randrange(256) for _ in range(r.randint(0, 3000)))

    def html(self) -> str:
        r = self.rng
        story = self.corpus().splitlines()
        tags = ["div", "p", "span", "article", "section", "nav", "aside", "footer", "script", "style",
                "table", "td", "li", "ul", "a", "b", "iframe", "svg", "template", "head", "body", "html"]
        parts = [r.choice(["", "<!DOCTYPE html>", "<?xml version='1.0' encoding='latin-1'?>", "<html>"])]
        depth = r.choice([0, 1, 5, 50, r.randint(0, 3000)])
        parts.append("<div>" * depth)
        for line in story:
            t = r.choice(tags)
            parts.append(f"<{t}>{line}" + ("" if r.random() < 0.2 else f"</{t}>"))
        parts.append("</div>" * r.randint(0, depth))
        if r.random() < 0.3:
            parts.insert(r.randint(0, len(parts)), r.choice(WEIRD))
        return "".join(parts)

    def encoded(self) -> bytes:
        r = self.rng
        text = self.corpus()
        data = text.encode(r.choice(ENCODINGS), "replace")
        if r.random() < 0.3 and data:  # corrupt a few bytes
            b = bytearray(data)
            for _ in range(r.randint(1, 10)):
                b[r.randrange(len(b))] = r.randrange(256)
            data = bytes(b)
        return data

    def magic(self) -> bytes:
        r = self.rng
        body = self.corpus().encode("utf-8") if r.random() < 0.5 else self.bytes()
        return r.choice(MAGIC) + body

    def lines(self) -> str:
        r = self.rng
        line = r.choice(["a", "x.", "Share", "the", "\u3002", " ", "Read more"])
        return r.choice(["\n", "\r\n", "\r"]).join([line] * r.randint(1, 5000))


class Timeout(BaseException):  # not Exception: the CLI must not swallow it
    pass


def _alarm(signum, frame):  # noqa: ARG001
    raise Timeout()


SETTLE = cleantext.Config(settle=True)


def check_library(data: str | bytes, notes: dict[str, int] | None = None) -> str | None:
    """None when the invariants hold, else a description of the failure.

    Idempotence is checked with Config(settle=True), which promises it. A default-mode
    result that changes on a second pass is counted in `notes` (a page dump's output read
    as a clean article: by design, see cleantext/settle.py), not failed.
    """
    try:
        result = cleantext.clean_document(data)
    except InputError:
        return None
    what = _replays(result)
    if what is not None:
        return what
    # Idempotence is a property of the text path: an HTML page's output is text, and the
    # text path may then find a date header that the HTML path left in place.
    # A windowed document (over cleantext.window.WINDOW_CHARS) is not promised to be.
    if result.input_format != "text" or "windowed" in result.flags:
        return None
    if notes is not None and cleantext.clean(result.text) != result.text:
        notes["default mode: a second pass cut more"] = notes.get("default mode: a second pass cut more", 0) + 1
    settled = cleantext.clean_document(data, SETTLE)
    what = _replays(settled)
    if what is not None:
        return f"settled: {what}"
    again = cleantext.clean(settled.text, SETTLE)
    if again != settled.text:
        return f"not idempotent (settled): {settled.text[:200]!r} -> {again[:200]!r}"
    if settled.warnings and any(w.startswith("not settled") for w in settled.warnings):
        return f"not settled: {settled.warnings}"
    return None


def _replays(result: cleantext.Result) -> str | None:
    if apply_removals(result.source, result.removals) != result.text:
        return "removals do not replay to the text"
    for r in result.removals:
        if result.source[r.start:r.end] != r.text:
            return f"removal {r.rule} text is not source[start:end]"
    return None


def check_cli(data: str | bytes, workdir: Path) -> str | None:
    src = workdir / "in.txt"
    out = workdir / "out.txt"
    src.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass"))
    if out.exists():
        out.unlink()
    err, stdout = io.StringIO(), io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(stdout):
        status = cli.main([str(src), "-o", str(out)])
    message = err.getvalue()
    if status not in (0, 1):
        return f"CLI exit status {status}: {message[:300]}"
    if "Traceback" in message or "internal error" in message:
        return f"CLI error: {message[:500]}"
    if status == 1 and (message.count("\n") != 1 or out.exists()):
        return f"CLI failure not one line / partial output: {message[:300]!r}"
    if status == 0 and not out.exists():
        return "CLI exit 0 but no output file"
    leftovers = [p.name for p in workdir.iterdir() if p.name.endswith(".tmp")]
    if leftovers:
        return f"temporary files left: {leftovers}"
    return None


def save(kind: str, data: str | bytes, what: str) -> Path:
    raw = data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")
    crashes = HERE / "crashes"
    crashes.mkdir(exist_ok=True)
    path = crashes / f"{kind}-{hashlib.sha1(raw).hexdigest()[:12]}.bin"
    path.write_bytes(raw)
    path.with_suffix(".txt").write_text(f"input type: {type(data).__name__}\n{what}\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--minutes", type=float, default=30.0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--cli-every", type=int, default=10, help="run every N-th input through the CLI too")
    ap.add_argument("--report", type=float, default=60.0, help="print totals every N seconds")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    gen = Generator(rng, corpus_docs())
    signal.signal(signal.SIGALRM, _alarm)
    deadline = time.monotonic() + args.minutes * 60
    start = last = time.monotonic()
    tried = cli_runs = 0
    failures: dict[str, int] = {}
    notes: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="cleantext-fuzz-") as tmp:
        workdir = Path(tmp)
        while time.monotonic() < deadline:
            kind, data = gen()
            tried += 1
            what = None
            signal.alarm(TIME_LIMIT)
            try:
                what = check_library(data, notes)
                if what is None and tried % args.cli_every == 0:
                    cli_runs += 1
                    what = check_cli(data, workdir)
            except Timeout:
                what = f"ran past {TIME_LIMIT} s"
            except Exception:
                what = "raised:\n" + traceback.format_exc()
            finally:
                signal.alarm(0)
            if what is not None:
                key = what.splitlines()[-1][:120] if what.startswith("raised") else what.split(":")[0][:120]
                failures[key] = failures.get(key, 0) + 1
                path = save(kind, data, what)
                print(f"FAILURE #{sum(failures.values())} ({kind}) saved to {path}: {key}", flush=True)
            now = time.monotonic()
            if now - last >= args.report:
                last = now
                print(f"[{(now - start) / 60:.1f} min] inputs {tried} (cli {cli_runs}) "
                      f"failures {sum(failures.values())}, default-mode second-pass changes "
                      f"{sum(notes.values())}", flush=True)
    elapsed = time.monotonic() - start
    print(f"done: {elapsed / 60:.1f} min, seed {args.seed}, inputs tried {tried} (of which through the CLI "
          f"{cli_runs}), failures {sum(failures.values())} ({len(failures)} distinct)", flush=True)
    for key, n in sorted(failures.items(), key=lambda kv: -kv[1]):
        print(f"  {n:>5}  {key}")
    for key, n in sorted(notes.items()):
        print(f"  not a failure: {n} inputs, {key}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
