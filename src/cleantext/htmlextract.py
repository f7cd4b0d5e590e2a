"""trafilatura's extraction, step for step, without the regex tests that cannot match.

``trafilatura.bare_extraction(tree, with_metadata=False)`` prunes the page
with XPath expressions whose EXSLT ``re:test`` calls back into Python for every
``<div>`` (or every element) of the page, twice (id and class), and measures the
page text for its recall escalation with another such expression. On the aeb dev
pages those callbacks were a third of trafilatura's time, and on almost every page
not one id or class matches their patterns. :func:`extract_text` runs the same steps as
trafilatura 2.3.1's ``bare_extraction`` and ``trafilatura_sequence`` for the settings
we use (fast mode or not, comments off, neither precision nor recall), with trafilatura's own
functions, and skips an expression only when no id or class value of the page matches
any of its regular expressions: such an expression selects nothing. One search over
the page's id values joined by line breaks (and one over the class values) says so.

The private helpers it calls are pinned by tests/test_htmlextract.py, which compares
it with ``bare_extraction`` page by page (as htmltree.py's parser is pinned).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from copy import copy
from dataclasses import dataclass
from typing import Any

from lxml import etree

#: The settings :func:`extract_text` replicates (``bare_extraction`` keywords and values);
#: any other setting goes through ``bare_extraction`` itself.
REPLICATED = {"include_comments": False, "favor_precision": False, "favor_recall": False}
#: ... and the ones it passes on to trafilatura as they are ("fast" must be given).
PASSED_ON = frozenset({"fast", "include_tables", "include_formatting"})

# re:test(@id, 'pattern') or re:test(@id|@class, 'pattern', 'i') in an expression's text.
_RE_TEST = re.compile(r"re:test\(\s*(@[\w|@]+)\s*,\s*'([^']*)'\s*(?:,\s*'([^']*)'\s*)?\)")
_ATTRIBUTE_VALUES = {
    "id": etree.XPath(".//@id", smart_strings=False),
    "class": etree.XPath(".//@class", smart_strings=False),
}
#: BASIC_CLEAN_XPATH (the page text measure of the escalation) ends with this regex union.
_BASIC_CLEAN_REGEX_PART = "|.//*[re:test("


#: The trafilatura release whose steps :func:`extract_text` follows; with any other,
#: ``bare_extraction`` runs itself.
TRAFILATURA_VERSION = "2.3.1"


def applies(settings: Mapping[str, Any]) -> bool:
    """Whether :func:`extract_text` replicates ``bare_extraction`` with these settings (and
    the trafilatura installed)."""
    return (all(settings.get(k) == v for k, v in REPLICATED.items()) and set(settings) <= {*REPLICATED, *PASSED_ON}
            and settings.get("fast") in (True, False) and _plan() is not None)


def extract_text(tree: Any, url: str | None, settings: Mapping[str, Any]) -> str | None:
    """``bare_extraction(tree, url=url, with_metadata=False, **settings).text``, or None
    where that returns None; `settings` must satisfy :func:`applies`.

    The steps are trafilatura 2.3.1's for these settings, the regex prunes evaluated as
    :class:`_Guarded` says. In fast mode the backup copy that ``_prepare_tree`` makes for
    the comparison with other extractors is not made: fast mode never compares.
    """
    from trafilatura.baseline import baseline
    from trafilatura.core import (
        ESCALATION_ACCEPT_RATIO,
        ESCALATION_JUSTEXT_RATIO,
        ESCALATION_MAX_LENGTH,
        ESCALATION_PAGE_SHARE,
        _forum_thread_page,
        _recall_retry,
    )
    from trafilatura.external import compare_extraction, try_justext
    from trafilatura.htmlprocessing import convert_tags, tree_cleaning
    from trafilatura.main_extractor import extract_content
    from trafilatura.settings import Extractor
    from trafilatura.utils import trim
    from trafilatura.xml import xmltotxt

    plan = _plan()
    assert plan is not None, "extract_text needs the trafilatura release it replicates (applies())"
    fast = bool(settings["fast"])
    options = Extractor(
        output_format="python", fast=fast, precision=False, recall=False, comments=False,
        formatting=settings.get("include_formatting"), tables=settings.get("include_tables", True),
        url=url, with_metadata=False,
    )
    tree = copy(tree)  # bare_extraction's copy: the steps below prune the tree in place
    values = _Values(tree)
    is_forum = _forum_thread_page(tree)
    for guarded in plan.raw_prune:
        guarded.prune(tree, values)
    if not is_forum:
        for guarded in plan.comments_prune:
            guarded.prune(tree, values)
    cleaned = tree_cleaning(copy(tree), options)
    backup = None if fast else copy(cleaned)
    cleaned = convert_tags(cleaned, options, url)
    postbody, text = extract_content(cleaned, options)
    if backup is not None:
        postbody, text = compare_extraction(backup, copy(tree), postbody, text, options)
    if len(text) < options.min_extracted_size:  # the baseline rescue (focus is balanced)
        b_body, b_text, b_len = baseline(tree)
        if b_len > len(text):
            postbody, text = b_body, b_text
    if 0 < len(text) < ESCALATION_MAX_LENGTH and len(text) < ESCALATION_PAGE_SHARE * _page_length(tree, values):
        r_options = copy(options)
        r_options.focus = "recall"
        r_body, r_text = None, ""
        try:
            r_body, r_text = _recall_retry(tree, r_options, url)
        except Exception:  # as trafilatura: a failed retry keeps the first text
            pass
        j_body, j_text = None, ""
        if not fast:
            try:  # trafilatura's justext_rescue, its basic cleaning as in _page_length
                j_body = try_justext(_basic_cleaning(copy(tree), values), options.url, options.lang)
                j_text = trim(" ".join(j_body.itertext()))
            except Exception:
                pass
        if len(j_text) > len(r_text) and len(j_text) > ESCALATION_JUSTEXT_RATIO * len(text):
            postbody, text = j_body, j_text
        elif len(r_text) >= options.min_extracted_size and len(r_text) > ESCALATION_ACCEPT_RATIO * len(text):
            postbody, text = r_body, r_text
    if len(text) < options.min_output_size and 0 < options.min_output_comm_size:  # no comments: 0 chars
        return None
    return xmltotxt(postbody, options.formatting)


def _page_length(tree: Any, values: _Values) -> int:
    """``len(trafilatura.html2txt(tree))``: the page text the escalation compares with."""
    from trafilatura.baseline import _spaced_text

    page = copy(tree)
    body = page.find(".//body")
    return len(_spaced_text(_basic_cleaning(body if body is not None else page, values)))


def _basic_cleaning(tree: Any, values: _Values) -> Any:
    """trafilatura's ``basic_cleaning(tree)``: the elements of BASIC_CLEAN_XPATH deleted,
    the branches without a regex as they are, the cookie-banner branch as a
    :class:`_Guarded` (`values` holds the id and class values of a tree `tree` is part of).
    """
    from trafilatura.xml import delete_element

    plan = _plan()
    assert plan is not None
    # Deleting a set of elements (each with its subtree, its tail kept in place) gives the
    # same tree in any order: the union of the two selections goes one after the other.
    cookie = plan.cookie.select(tree, values) if plan.cookie.may_select(values) else []
    for elem in (*plan.basic_clean_rest(tree), *cookie):
        delete_element(elem)
    return tree


class _Values:
    """The id and class values of a page (before any pruning): each distinct value once,
    and all of them joined by line breaks; read when first asked for."""

    def __init__(self, tree: Any):
        self._tree = tree
        self._distinct: dict[str, frozenset[str]] = {}
        self._joined: dict[str, str] = {}

    def distinct(self, attr: str) -> frozenset[str]:
        if attr not in self._distinct:
            # Pages repeat their class values (a menu of 200 "menu-item"): searched once each.
            self._distinct[attr] = frozenset(_ATTRIBUTE_VALUES[attr](self._tree))
        return self._distinct[attr]

    def joined(self, attr: str) -> str:
        if attr not in self._joined:
            self._joined[attr] = "\n".join(self.distinct(attr))
        return self._joined[attr]


@dataclass(frozen=True)
class _Test:
    """One ``re:test`` pattern on one attribute, searched as EXSLT does (``re.search``)."""

    attr: str
    rx: re.Pattern[str]
    #: For a case-insensitive pattern of lower-case letters and no escapes: the same
    #: pattern case-sensitive, for ASCII text lower-cased (Python's re runs an ignore-case
    #: search of an alternation several times slower; on ASCII text the two agree).
    lower: re.Pattern[str] | None

    def search(self, text: str) -> bool:
        if self.lower is not None and text.isascii():
            return self.lower.search(text.lower()) is not None
        return self.rx.search(text) is not None


@dataclass(frozen=True)
class _Guarded:
    """A trafilatura expression of the form ``.//*[...]`` that selects only elements one
    of whose ``re:test(@id ...)`` or ``re:test(@class ...)`` calls is true.

    EXSLT calls back into Python for each test of each element. Here the tests' patterns
    are first searched in the page's id and class values, all at once: without a hit, the
    expression selects nothing. With one, the elements whose own values match are found
    in Python, and the expression's predicates run on those elements alone (``self::*``
    in place of ``.//*``), in libxml2 with trafilatura's own text.
    """

    xpath: Any
    on_self: Any
    tests: tuple[_Test, ...]

    @classmethod
    def of(cls, xpath: Any, path: str | None = None) -> _Guarded:
        path = (xpath.path if path is None else path).strip()
        if not path.startswith(_DESCENDANTS):
            raise ValueError(f"not a .//*[...] expression: {path[:40]!r}")
        tests: dict[tuple[str, str, int], None] = {}
        for attrs, pattern, flags in _RE_TEST.findall(path):
            names = [a.strip().lstrip("@") for a in attrs.split("|")]
            if not set(names) <= set(_ATTRIBUTE_VALUES):
                raise ValueError(f"re:test on {attrs}: only @id and @class are collected")
            for name in names:
                tests[name, pattern, re.IGNORECASE if "i" in (flags or "") else 0] = None
        compiled = []
        for name, pattern, flags in tests:
            # MULTILINE: "^" anchors at the start of each value of a joined list. A pattern
            # that matches the empty string would be true for an element without the
            # attribute, which no value stands for.
            rx = re.compile(pattern, re.UNICODE | re.MULTILINE | flags)
            if rx.search(""):
                raise ValueError(f"re:test pattern {pattern!r} matches the empty string")
            plain = flags and pattern == pattern.lower() and "\\" not in pattern
            compiled.append(_Test(name, rx, re.compile(pattern, re.UNICODE | re.MULTILINE) if plain else None))
        on_self = etree.XPath("self::*" + path[len(_DESCENDANTS) - 1:], namespaces={"re": _REGEXP_NS})
        return cls(xpath, on_self, tuple(compiled))

    def may_select(self, values: _Values) -> bool:
        """False when no id or class value of the page matches any of the tests."""
        return any(test.search(values.joined(test.attr)) for test in self.tests)

    def select(self, context: Any, values: _Values) -> list[Any]:
        """The elements the expression selects below `context` (a tree whose id and class
        values are among `values`), in document order."""
        hits = {attr: {v for v in values.distinct(attr) if any(t.search(v) for t in self.tests if t.attr == attr)}
                for attr in _ATTRIBUTE_VALUES}
        found: list[Any] = []
        for value in _OWN_ID_CLASS(context):
            if value in hits[value.attrname]:
                elem = value.getparent()
                if not found or found[-1] is not elem:
                    found.append(elem)
        return [elem for elem in found if self.on_self(elem)]

    def prune(self, tree: Any, values: _Values) -> None:
        """trafilatura's ``prune_unwanted_nodes(tree, [self.xpath])``."""
        from trafilatura.xml import delete_element

        if self.tests and not self.may_select(values):
            return
        for elem in self.select(tree, values) if self.tests else self.xpath(tree):
            delete_element(elem)


@dataclass(frozen=True)
class _Plan:
    raw_prune: Sequence[_Guarded]
    comments_prune: Sequence[_Guarded]
    cookie: _Guarded
    basic_clean_rest: Any


_REGEXP_NS = "http://exslt.org/regular-expressions"
_DESCENDANTS = ".//*["
#: The id and class attributes of the elements below a context, in document order.
_OWN_ID_CLASS = etree.XPath("descendant::*/@id|descendant::*/@class")


@functools.cache
def _plan() -> _Plan | None:
    """trafilatura's expressions with their tests, compiled once (constants, not state);
    None for a trafilatura release other than the one replicated."""
    import trafilatura

    if trafilatura.__version__ != TRAFILATURA_VERSION:
        return None
    from trafilatura.settings import BASIC_CLEAN_XPATH
    from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

    path = BASIC_CLEAN_XPATH.path
    cut = path.index(_BASIC_CLEAN_REGEX_PART)
    rest, regex_part = path[:cut], path[cut + 1:]
    if "re:" in rest:
        raise ValueError("BASIC_CLEAN_XPATH has a regex test outside its last branch")
    return _Plan(
        raw_prune=tuple(_Guarded.of(x) for x in RAW_TREE_PRUNE_XPATH),
        comments_prune=tuple(_Guarded.of(x) for x in REMOVE_COMMENTS_AND_LISTS_XPATH),
        cookie=_Guarded.of(BASIC_CLEAN_XPATH, regex_part),
        basic_clean_rest=etree.XPath(rest),
    )
