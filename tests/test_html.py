"""The HTML path: trafilatura's text, page metadata, fallback, offsets (issue 5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import PARAS

import cleantext
import cleantext.html as html_module
from cleantext import Config
from cleantext.html import extract, page_chars, page_language, page_text, too_little
from cleantext.render import apply_removals, normalize

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

PAGE = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Harbour ferry to resume service | Westport Courier</title>
<meta property="og:site_name" content="Westport Courier">
<meta property="article:published_time" content="2024-03-14T08:30:00Z">
<script>var tracking = "do not keep me";</script>
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<p>{PARAS[0]}</p>
<p><strong>Sign up to our free morning newsletter and get the day's top local stories delivered to your
inbox.</strong></p>
<p>{PARAS[1]}</p>
<p>{PARAS[2]}</p>
</article>
<footer><a href="/privacy">Privacy policy</a> <a href="/terms">Terms</a></footer>
</body>
</html>"""


def test_html_str_and_bytes_give_the_story() -> None:
    for data in (PAGE, PAGE.encode("utf-8")):
        result = cleantext.clean_document(data)
        assert result.input_format == "html"
        assert result.text.split("\n\n") == PARAS
        assert "tracking" not in result.text


def test_metadata_is_filled_from_the_page() -> None:
    result = cleantext.clean_document(PAGE)
    assert result.title == "Harbour ferry to resume service"  # site name cut off
    assert result.date == "2024-03-14"
    assert result.language == "en"


def test_removals_index_the_extracted_text_and_replay() -> None:
    result = cleantext.clean_document(PAGE)
    assert result.offsets == "extracted"
    assert "<p>" not in result.source and PARAS[0] in result.source
    assert any(r.category == "newsletter" for r in result.removals)
    for r in result.removals:
        assert result.source[r.start:r.end] == r.text
    assert apply_removals(result.source, result.removals) == result.text


def test_paragraph_breaks_are_kept() -> None:
    doc = extract(PAGE)
    assert not doc.fallback
    assert all(p in doc.text.split("\n") for p in PARAS)


def test_classifier_does_not_cut_trafilatura_text_but_does_cut_a_fallback() -> None:
    assert extract(PAGE).keep_threshold == 0.0
    fallback = extract("<html><body><aside><p>" + PARAS[0] + "</p></aside><footer>x</footer></body></html>")
    assert fallback.keep_threshold is None


def test_text_config_reads_html_as_text() -> None:
    result = cleantext.clean_document(PAGE, Config(input_format="text"))
    assert result.input_format == "text"
    assert result.offsets == "input"


@pytest.mark.parametrize("page", [
    "<html></html>",
    "<html><head><title>Only a title</title></head></html>",
    "<html><head><script>var a = 1;</script><style>p {}</style></head><body><script>b()</script></body></html>",
    "<!DOCTYPE html><html><body></body></html>",
    "<html><body><!-- nothing but a comment --></body></html>",
])
def test_pages_without_story_give_a_defined_result(page: str) -> None:
    result = cleantext.clean_document(page)
    assert result.input_format == "html"
    assert "var a" not in result.text and "b()" not in result.text
    assert result.text in ("", "Only a title")


def test_only_scripts_gives_empty_text() -> None:
    page = "<html><head><script>var a = 1;</script></head><body><script>document.write('hi')</script></body></html>"
    assert cleantext.clean(page) == ""


def test_deeply_nested_html_does_not_raise() -> None:
    story = "A story deep inside many boxes, told at length. " * 20
    page = "<html><body>" + "<div>" * 5000 + story + "</div>" * 5000 + "</body></html>"
    result = cleantext.clean_document(page)
    assert isinstance(result.text, str)
    assert "A story deep inside many boxes" in result.text  # not lost below libxml2's depth limit


def test_xml_declaration_in_a_str_is_accepted() -> None:
    page = '<?xml version="1.0" encoding="ISO-8859-1"?>\n' + PAGE.split("\n", 1)[1]
    assert cleantext.clean(page).split("\n\n") == PARAS


def test_fallback_when_trafilatura_finds_too_little() -> None:
    page = ("<html><head><title>Diary</title></head><body><div><a href='/'>Home</a> <a href='/a'>About</a></div>"
            "<aside class='post'>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</aside></body></html>")
    result = cleantext.clean_document(page)
    assert "html-fallback" in result.flags
    assert PARAS[0] in result.text and PARAS[2] in result.text


def test_too_little() -> None:
    assert too_little("", "some page text")
    assert not too_little("", "")
    assert too_little("Home About Contact Powered by WordPress", "x" * 2000)
    assert not too_little(PARAS[0], PARAS[0] + " menu")
    # no spaces in Chinese: characters count, not words
    story_ja = "子どもへの虐待をなくすための法律ができて、親が子どもを教育するために、体罰を禁止することになりました。"
    assert not too_little(story_ja * 2, "ニュース" * 30)


def test_page_text_one_block_per_line() -> None:
    from cleantext.htmltree import load_tree as _load

    tree = _load("<html><head><title>T</title><style>.x{}</style></head><body><div>Hello <b>world</b>"
                 "<p>Para two</p>tail</div><script>no()</script>after<ul><li>one</li><li>two</li></ul></body></html>")
    assert page_text(tree) == "T\nHello world\nPara two\ntail\nafter\none\ntwo"


@pytest.mark.parametrize("head, expected", [
    ('<html lang="de-DE">', "de"),
    ('<html xml:lang="fr">', "fr"),
    ('<html><head><meta http-equiv="content-language" content="pl"></head>', "pl"),
    ('<html><head><meta property="og:locale" content="es_ES"></head>', "es"),
    ("<html>", None),
    ('<html lang="x-klingon">', None),
    ('<html lang="x-klingon"><head><meta name="language" content="de"></head>', "de"),  # read on past it
])
def test_page_language(head: str, expected: str | None) -> None:
    from cleantext.htmltree import load_tree as _load

    tree = _load(head + "<body><p>Some text here for the parser.</p></body></html>")
    assert page_language(tree) == expected


def test_story_end_is_stricter_in_trafilatura_text_and_normal_in_a_fallback() -> None:
    from cleantext.html import HTML_STORY_END_STRICTNESS

    assert extract(PAGE).story_end_strictness == HTML_STORY_END_STRICTNESS > 1.0
    fallback = extract("<html><body><aside><p>" + PARAS[0] + "</p></aside><footer>x</footer></body></html>")
    assert fallback.fallback and fallback.story_end_strictness is None


def test_articles_appended_inside_the_article_container_are_cut() -> None:
    """trafilatura keeps what sits in <article>: seed 002's appended articles included."""
    import html as html_lib

    seed = CORPUS / "seed-002-appended-articles"
    lines = [line for line in (seed / "input.txt").read_text(encoding="utf-8").split("\n") if line.strip()]
    page = ("<html><head><title>Seed</title></head><body><nav><a href='/'>Home</a></nav><article>"
            + "".join(f"<p>{html_lib.escape(line)}</p>" for line in lines)
            + "</article><footer>Site footer</footer></body></html>")
    result = cleantext.clean_document(page)
    assert result.input_format == "html" and "html-fallback" not in result.flags
    assert result.story_end is not None and result.story_end.rule == "story-end.topic-shift"
    for appended in ("Hezbollah", "Musk", "Lithuania"):
        assert appended not in result.text
    assert normalize(result.text) == normalize((seed / "expected.txt").read_text(encoding="utf-8"))


def _record_modes(monkeypatch: pytest.MonkeyPatch, fast_text: str) -> list[bool]:
    """Replace trafilatura by a stub that returns `fast_text` in fast mode; record the modes."""
    modes: list[bool] = []

    def stub(tree, url, opts):  # type: ignore[no-untyped-def]
        modes.append(opts["fast"])
        return fast_text if opts["fast"] else "\n".join(PARAS)

    monkeypatch.setattr(html_module, "_trafilatura_text", stub)
    return modes


def test_fast_mode_alone_when_it_finds_the_story(monkeypatch: pytest.MonkeyPatch) -> None:
    modes = _record_modes(monkeypatch, "\n".join(PARAS))
    assert extract(PAGE).text.split("\n") == PARAS
    assert modes == [True]


def test_full_cascade_when_fast_mode_finds_a_sliver(monkeypatch: pytest.MonkeyPatch) -> None:
    # A teaser of a few words out of a page of three paragraphs: under a tenth of its text.
    modes = _record_modes(monkeypatch, "Read the story")
    assert extract(PAGE).text.split("\n") == PARAS
    assert modes == [True, False]


def test_a_mode_asked_for_runs_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    modes = _record_modes(monkeypatch, "Read the story")
    extract(PAGE, settings={**html_module.EXTRACT_SETTINGS, "fast": True})
    assert modes == [True]


def test_page_chars_counts_the_page_text() -> None:
    from cleantext.html import _chars
    from cleantext.htmltree import load_tree as _load

    tree = _load(PAGE)
    assert page_chars(tree) == _chars(page_text(tree))


@pytest.mark.parametrize("page", [
    PAGE,
    "<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0//EN' 'x/y.dtd'/>\n<html><body><p>a\x01b</p></body></html>",
    "<html/>\n<head><title>T</title></head><body><form><input value='x'><label>L</label></form></body>",
    "<p>One paragraph alone, no html tag.</p>",
    "<div><p>one</p></div><div><p>two</p></div>",
    "  <html><body>Text &amp; more</body></html>",
])
def test_tree_is_the_one_trafilatura_parses(page: str) -> None:
    # htmltree mirrors trafilatura.load_html with a faster parser: a trafilatura release that
    # repairs pages differently shows up here.
    import trafilatura
    from lxml import etree

    from cleantext.htmltree import load_tree

    ours, theirs = load_tree(page), trafilatura.load_html(page)
    assert (ours is None) == (theirs is None)
    if ours is not None:
        assert etree.tostring(ours) == etree.tostring(theirs)


def test_chars_and_paragraphs_treat_space_as_the_regex_does() -> None:
    from cleantext.html import _WS, _chars, _paragraphs

    text = " a\x1fb \x1c\u3000c\xa0d\u2028 e\x0b\x85f\n\n \x1f \n\t g  h \u200b"
    assert _chars(text) == len(_WS.sub("", text))
    assert _paragraphs(text) == "\n".join(
        line for line in (_WS.sub(" ", x).strip() for x in text.splitlines()) if line)
    assert _paragraphs(text.replace("\x1f", "")) == "\n".join(
        line for line in (_WS.sub(" ", x).strip() for x in text.replace("\x1f", "").splitlines()) if line)


def test_without_metadata_the_text_is_the_same() -> None:
    with_meta, without = extract(PAGE), extract(PAGE, metadata=False)
    assert (without.title, without.date) == (None, None)
    assert with_meta.title and without.text == with_meta.text and without.language == "en"


@pytest.mark.parametrize("page", [
    PAGE.replace("</article>", "<script>track('story');</script></article>"),
    "<html><head><title>T</title><style>.x{}</style></head><body><div>Hello <b>world</b><p>Para two</p>tail</div>"
    "<script>no()</script>after<select><option>one</option></select><noscript>n</noscript></body></html>",
    "<div><p>A fragment</p><script>x()</script></div><div>two</div>",
    "<html><body><svg><text>drawn</text></svg>\x1f<template>t</template></body></html>",
])
def test_page_chars_at_most_bounds_page_chars(page: str) -> None:
    from cleantext.html import page_chars_at_most
    from cleantext.htmltree import load_tree as _load

    tree = _load(page)
    assert page_chars(tree) < page_chars_at_most(tree)  # each page has a skipped element with text
    assert page_chars_at_most(tree) <= len(html_module._whole_text(tree))  # _sliver's first bound
    # Without one, the bound is the count itself.
    plain = _load("<html><head><title>T</title></head><body><p>Hello <b>world</b></p>tail\x1f</body></html>")
    assert page_chars(plain) == page_chars_at_most(plain) == 15
