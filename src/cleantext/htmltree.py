"""HTML -> lxml tree: trafilatura's ``load_html``, with a parser that costs it less.

The tree is parsed once per page; trafilatura's extraction (which works on a copy),
page_metadata and page_chars in html.py all read it.
"""

from __future__ import annotations

import re
from typing import Any

import regex
from lxml import etree
from lxml import html as lxml_html

_XML_DECLARATION = regex.compile(r"^\s*<\?xml[^>]*>", regex.I)


def load_tree(html: str) -> Any:
    """Parse HTML into an lxml tree (None when there is nothing to parse).

    >>> load_tree("<html><body><p>Hi</p></body></html>").findtext(".//p")
    'Hi'
    """
    # lxml refuses a str that declares its encoding; the text is decoded already.
    html = _XML_DECLARATION.sub("", html, count=1)
    if not html.strip():
        return None
    try:
        tree = _parse(html)
        if tree is not None and _too_deep(tree):
            # libxml2 drops everything below depth 255 (2,047 with huge_tree): a page of
            # 50,000 nested divs would lose its story silently (issue 7). Without the
            # wrapper tags the same text parses flat.
            tree = _parse(_WRAPPER_TAG.sub(_unwrap, html))
        return tree
    except Exception:
        return None


def _parse(html: str) -> Any:
    """``trafilatura.load_html`` on a decoded page, step for step, with :data:`_PARSER`.

    Its repairs (trafilatura 2.3): control characters out, a doctype with a slash dropped,
    a self-closed ``<html/>`` opened; bytes when lxml refuses the str; and a page that does
    not say "html" in its first 50 characters is no page if it parses to one element.
    tests/test_html.py checks that both give the same tree.
    """
    beginning = html[:50].lower()
    if _INVALID_XML_CHARS.search(html):  # one page in 600: searching first saves a copy
        html = _INVALID_XML_CHARS.sub("", html)
    if "doctype" in beginning:
        first, _, rest = html.partition("\n")
        html = _SLASHED_DOCTYPE.sub("", first, count=1) + "\n" + rest
    for line in html[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            html = _SELF_CLOSED_HTML.sub(r"\1>", html, count=1)
            break
    tree, as_bytes = None, False
    try:
        tree = lxml_html.fromstring(html, parser=_PARSER)
    except ValueError:  # lxml refuses a str that declares its encoding
        tree, as_bytes = _parse_bytes(html), True
    except Exception:
        pass
    if (tree is None or len(tree) < 1) and not as_bytes:
        tree = _parse_bytes(html)
    if tree is not None and "html" not in beginning and len(tree) < 2:
        return None
    return tree


def _parse_bytes(html: str) -> Any:
    """The page parsed from UTF-8 bytes (None when lxml fails on them too)."""
    try:
        return lxml_html.fromstring(html.encode("utf8", "surrogatepass"), parser=_PARSER)
    except Exception:
        return None


def _html_parser() -> Any:
    """trafilatura's HTML parser settings, with lxml's element class lookup done in C.

    lxml.html's own lookup is a Python call for every element object made, and trafilatura
    and htmldate make over two thousand of them per page: on the 602 aeb + traf dev pages
    this parser takes trafilatura's fast mode and page_metadata from 27.3 to 23.5 ms a
    page, with the same texts, titles and dates. Every element is a plain HtmlElement:
    ``<form>``, ``<input>``, ``<select>``, ``<textarea>`` and ``<label>`` lose lxml's form
    helpers, which neither trafilatura nor htmldate call.
    """
    parser = lxml_html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                                  remove_comments=True, remove_pis=True)
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
        element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment,
        pi=lxml_html.HtmlProcessingInstruction, entity=lxml_html.HtmlEntity))
    return parser


#: One parser for every page, as in trafilatura: a parse leaves nothing in it for the next.
_PARSER = _html_parser()
#: trafilatura.utils' repairs, in ``re`` as there.
_INVALID_XML_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SLASHED_DOCTYPE = re.compile("^< ?! ?DOCTYPE[^>]*/[^<>]*>", re.IGNORECASE)
_SELF_CLOSED_HTML = re.compile(r"(<html.*?)\s*/>", re.IGNORECASE)


#: libxml2's HTML parser stops nesting at depth 255; a tree this deep was cut short.
MAX_PARSED_DEPTH = 250
#: A run of wrapper tags (and the space between them), removed as one.
_WRAPPER_TAG = regex.compile(
    r"(?:\s*</?(?:div|span|section|article|main|aside|header|footer|center|font|b|i|u|em|strong|small|big|a)"
    r"\b[^>]*>)+",
    regex.I,
)
_BLOCK_WRAPPER = regex.compile(r"</?(?:div|section|article|main|aside|header|footer|center)\b", regex.I)


def _unwrap(m: Any) -> str:
    """A run of wrapper tags removed: one line break if it held a block wrapper, else nothing."""
    return "<br>" if _BLOCK_WRAPPER.search(m.group()) else ""


def _too_deep(tree: Any) -> bool:
    """Whether the tree reaches MAX_PARSED_DEPTH (one XPath step per level, run by libxml2:
    a walk in Python cost a fifth of trafilatura's own time per page)."""
    return bool(_AT_MAX_DEPTH(tree))


_AT_MAX_DEPTH = etree.XPath("boolean(/" + "/".join(["*"] * MAX_PARSED_DEPTH) + ")")
