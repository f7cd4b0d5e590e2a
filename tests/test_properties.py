"""Property-based tests (issue 7), on arbitrary text and bytes and on corpus documents with
injected boilerplate:

- never raises, except InputError for binary input;
- idempotent: clean(clean(x)) == clean(x) (on these inputs; a page dump's output can lose
  a little more on a second pass by design, and Config(settle=True) promises it for any
  input: tests/test_settle.py);
- every output paragraph is kept pieces of one input line, in order;
- removals replay on the source to the text;
- deterministic across processes whatever the hash seed.

Example counts are modest so the suite stays fast; fuzz/fuzz_clean.py runs the same checks
for as long as you like. Derandomized: a run is repeatable.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from support import unmatched_paragraph

import cleantext
from cleantext import InputError
from cleantext.render import apply_removals

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
DOCS = sorted(str(p) for p in CORPUS.glob("*/input.txt"))
PROPERTY = settings(max_examples=30, deadline=None, derandomize=True, database=None,
                    phases=(Phase.explicit, Phase.generate),
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

BOILERPLATE = [
    "Sign up for our newsletter", "Read more:", "Share this article", "Facebook Twitter WhatsApp",
    "Related Articles", "Top stories", "Most popular", "Support us. Donate today", "Download the app",
    "Comments", "No comments yet", "( REUTERS )", "Photo: AFP", "Advertisement", "Hashtags",
    "We use cookies to improve your experience. Accept all", "To Read the Full Story Subscribe Sign In",
    "READ MORE: Council approves new budget", "By Jane Doe, Reporter",
]
WORD = st.one_of(
    st.sampled_from("the council said on Monday that a new bridge will open next year officials told".split()
                    + BOILERPLATE),
    st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=8),
)
SEP = st.sampled_from([" ", " ", " ", "  ", "\t", "\u00a0", ". ", ", "])
LINE = st.lists(st.tuples(WORD, SEP), max_size=30).map(lambda ws: "".join(w + s for w, s in ws))
BREAK = st.sampled_from(["\n", "\n", "\n\n", "\r\n", "\r", "\u2028", "\u2029", "\x0c", "\x85"])
TEXT = st.lists(st.tuples(LINE, BREAK), min_size=1, max_size=20).map(lambda ls: "".join(a + b for a, b in ls))


@st.composite
def corpus_with_boilerplate(draw: st.DrawFn) -> str:
    """A corpus input with boilerplate lines inserted and phrases glued into paragraphs."""
    lines = Path(draw(st.sampled_from(DOCS))).read_text(encoding="utf-8").splitlines()
    for _ in range(draw(st.integers(0, 6))):
        phrase = draw(st.sampled_from(BOILERPLATE))
        pos = draw(st.integers(0, len(lines)))
        if lines and draw(st.booleans()):
            i = min(pos, len(lines) - 1)
            cut = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:cut] + " " + phrase + " " + lines[i][cut:]
        else:
            lines.insert(pos, phrase)
    return draw(st.sampled_from(["\n", "\r\n"])).join(lines)


def check_properties(data: str | bytes) -> None:
    try:
        result = cleantext.clean_document(data)
    except InputError:
        return
    assert apply_removals(result.source, result.removals) == result.text
    assert all(result.source[r.start:r.end] == r.text for r in result.removals)
    assert unmatched_paragraph(result.source, result.text) is None
    if result.input_format == "text":
        assert cleantext.clean(result.text) == result.text


@PROPERTY
@given(TEXT)
def test_arbitrary_text(text: str) -> None:
    check_properties(text)


@PROPERTY
@given(st.text(max_size=300))
def test_any_unicode_string(text: str) -> None:
    check_properties(text)


@PROPERTY
@given(st.binary(max_size=2000))
def test_any_bytes_clean_or_input_error(data: bytes) -> None:
    check_properties(data)


@pytest.mark.skipif(not DOCS, reason="no corpus")
@PROPERTY
@given(corpus_with_boilerplate())
def test_corpus_with_injected_boilerplate(text: str) -> None:
    check_properties(text)


@pytest.mark.parametrize("text", [
    "r\nu\u2028k",  # U+2028: a line break to render.normalize and (since the fix) to segment
    "a\u2029b\x85c\x0cd\re",
    "\u2028\u2028\u2028",
    "Share\u2028Sign up for our newsletter\u2028The council met on Monday and agreed to rebuild the bridge.",
])
def test_found_and_rare_line_breaks(text: str) -> None:
    check_properties(text)


_HASH = """
import hashlib, json, sys
import cleantext
texts = json.loads(sys.stdin.read())
out = []
for t in texts:
    r = cleantext.clean_document(t)
    out.append(hashlib.sha256(json.dumps([r.text, r.flags, [x.to_dict() for x in r.removals]]).encode()).hexdigest())
print(json.dumps(out))
"""


def test_deterministic_across_processes() -> None:
    import random

    rng = random.Random(3)
    texts = []
    for path in DOCS[:12]:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
        for _ in range(3):
            lines.insert(rng.randint(0, len(lines)), rng.choice(BOILERPLATE))
        texts.append("\n".join(lines))
    texts.append("the council said\nShare\u2028Read more: x\n")
    runs = []
    for seed in ("0", "123"):
        proc = subprocess.run([sys.executable, "-c", _HASH], input=json.dumps(texts), capture_output=True,
                              text=True, timeout=300, env={**os.environ, "PYTHONHASHSEED": seed})
        assert proc.returncode == 0, proc.stderr
        runs.append(json.loads(proc.stdout))
    assert runs[0] == runs[1]
