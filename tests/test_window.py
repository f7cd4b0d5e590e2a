"""Documents longer than a window are cleaned in windows and the Results merged (issue 6)."""

from __future__ import annotations

import pytest
from support import PARAS

import cleantext
from cleantext import Config, window
from cleantext.engine import compile_config, run
from cleantext.ingest import read
from cleantext.render import apply_removals

COMPILED = compile_config(Config())
MENU = "Home\nNews\nSport\nWeather\nShare this article\nFacebook Twitter WhatsApp\n"
PAGE = MENU + "\n".join(PARAS) + "\nRelated Articles\nFerry times\nContact us\n"


def covers(text: str, spans: list[tuple[int, int]], size: int) -> bool:
    return (spans[0][0] == 0 and spans[-1][1] == len(text) and all(b - a <= size for a, b in spans)
            and all(spans[k][1] == spans[k + 1][0] for k in range(len(spans) - 1)))


@pytest.mark.parametrize("text, size, first_end", [
    ("One line.\nTwo line.\n\nThree, a paragraph.\nFour.", 30, 21),  # the paragraph break
    ("One line.\nTwo line.\nThree, a line.\nFour.", 30, 20),  # no blank line: a line break
    ("One sentence. Two sentence. Three sentence.", 30, 28),  # no line break: a sentence end
    ("one two three four five six seven eight", 30, 28),  # no sentence end: after a space
    ("x" * 70, 30, 30),  # nothing at all: cut at the window size
])
def test_windows_cover_the_text_and_cut_at_the_best_boundary(text: str, size: int, first_end: int) -> None:
    spans = list(window.windows(text, size))
    assert covers(text, spans, size)
    assert spans[0][1] == first_end


def test_windows_never_cut_in_the_first_half() -> None:
    text = "Short.\n" + "word " * 100
    spans = list(window.windows(text, 100))
    assert covers(text, spans, 100)
    assert all(b - a >= 50 for a, b in spans[:-1])


def test_a_page_is_never_windowed() -> None:
    """The longest dev page text is 115 K characters; the window is far above it."""
    assert window.WINDOW_CHARS >= 5 * 115_000
    result = cleantext.clean_document(PAGE * 20)
    assert "windowed" not in result.flags and result.verdicts


def test_short_text_is_one_engine_run() -> None:
    doc = read(PAGE, Config())
    assert window.clean(doc, COMPILED) == run(doc, COMPILED)


def test_windowed_result_merges_the_windows() -> None:
    text = (PAGE * 12).replace("Weather", " date 2025-06-17 Weather", 1)
    doc = read(text, Config())
    size = 2_000
    result = window.clean(doc, COMPILED, size=size)
    spans = list(window.windows(text, size))
    parts = [run(read(text[a:b], Config()), COMPILED) for a, b in spans]
    assert len(parts) > 3
    assert "windowed" in result.flags
    assert any(f"{len(parts)} windows" in w for w in result.warnings)
    assert result.source == text and result.blocks == () and result.verdicts == ()
    # Every removal of every window, shifted into the whole input.
    shifted = [(r.rule, r.start + a, r.end + a) for (a, _), p in zip(spans, parts) for r in p.removals]
    assert [(r.rule, r.start, r.end) for r in result.removals] == shifted
    assert all(text[r.start:r.end] == r.text for r in result.removals)
    assert apply_removals(result.source, result.removals) == result.text
    assert result.stats.chars_in == len(text) and result.stats.chars_out == len(result.text)
    assert result.stats.blocks_in == sum(p.stats.blocks_in for p in parts)
    assert sum(result.stats.removals_by_rule.values()) == len(result.removals)
    assert all(p in result.text for p in PARAS)
    assert "Share this article" not in result.text


def test_windowed_all_boilerplate_is_flagged() -> None:
    result = window.clean(read(MENU * 200, Config()), COMPILED, size=1_000)
    assert result.text == "" and "all-boilerplate" in result.flags and "windowed" in result.flags
