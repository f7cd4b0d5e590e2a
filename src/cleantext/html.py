"""HTML -> Document: trafilatura's main text plus the page's metadata, or the page text.

The one module that calls trafilatura. The settings are data (:data:`EXTRACT_SETTINGS`),
chosen by ``benchmarks/html_settings.py`` on the aeb and traf dev pages; the figures are
in that script's docstring.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import regex
from lxml import etree

from . import htmlextract
from .htmltree import load_tree
from .ingest import Document
from .segment import STR_ONLY_SPACE, has_str_only_space

#: trafilatura settings (``bare_extraction`` keywords). Swept by benchmarks/html_settings.py.
EXTRACT_SETTINGS: Mapping[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "include_formatting": False,
    "favor_precision": False,
    "favor_recall": False,
}

#: trafilatura runs in its fast mode first (its own extractor, without the comparison
#: with readability and jusText that costs nearly half its time), and the full cascade
#: runs only when the fast text holds less than this share of the page text's
#: non-space characters: where the comparison matters, the fast text is a sliver of the
#: page (a teaser, a box) and the full cascade finds the story. Dev half, HTML path,
#: aeb / traf F1 (traf recall): full cascade always 0.964 / 0.940 (0.955); fast mode
#: alone 0.969 / 0.934 (0.940); this rule 0.969 / 0.940 (0.954), with 27 of 602 pages
#: run twice. The share, swept before outro.toml: 0.05 0.969 / 0.936 (0.945), 0.1
#: 0.969 / 0.940 (0.953), 0.15 and 0.2 0.969 / 0.939 (0.952), 0.3 0.965 / 0.939. The fast
#: text wins on aeb: the comparison often swaps in a longer extraction that holds the
#: page's teasers too.
FULL_CASCADE_BELOW_SHARE = 0.1

#: trafilatura "found too little" when its text holds fewer non-space characters than
#: this (and the page text more): the page text then goes through the text path instead.
#: Characters, not words: Chinese and Japanese pages have no spaces (two traf dev pages
#: fell back on a word count although trafilatura had their whole story).
FALLBACK_MIN_CHARS = 60
#: ... or fewer than FALLBACK_SHORT_CHARS and less than FALLBACK_MAX_SHARE of the page's
#: characters: a menu and a footer line where the story was missed. On the dev pages this
#: catches one page (86 of 4,573 characters: a site slogan twice); the short stories that
#: trafilatura gets right (100-400 characters) all hold more than an eighth of their page.
FALLBACK_SHORT_CHARS = 200
FALLBACK_MAX_SHARE = 0.125
#: The block classifier's keep threshold on trafilatura's text: 0 means it never cuts.
#: Fitted on page dumps, it cut story paragraphs from the already-clean extracted text:
#: on the dev pages (rules on, story end off) thresholds 0 / 0.1 / 0.3 / 0.5 gave
#: aeb F1 0.962 / 0.958 / 0.946 / 0.943 and traf F1 0.935 / 0.933 / 0.919 / 0.903;
#: restricting its cuts to the head or tail of the text did not help either.
HTML_KEEP_THRESHOLD = 0.0

#: In trafilatura's text the story end needs evidence this many times stronger than in a
#: clean article: trafilatura already ended most stories, and a topic shift inside its text
#: is usually the story's own (a recipe's steps, a config listing, an open letter in a
#: second language), but it does keep whole articles appended inside the article container.
#: Dev half, HTML path (aeb F1 0.963 for every value): traf P/R 1.0 -> 0.927/0.946,
#: 1.2 -> 0.927/0.953, 1.5 -> 0.926/0.954, 2.0 -> 0.926/0.955, 3.0 and off -> 0.926/0.955.
#: 2.0 is the least strict value that scores as well as switching it off.
HTML_STORY_END_STRICTNESS = 2.0
#: htmldate's extensive search (dates in the page text, not only in the markup). It finds
#: more dates than the markup alone for a third of the cost of trafilatura's metadata pass.
DATE_EXTENSIVE_SEARCH = True

_BLOCK_TAGS = frozenset(
    """address article aside blockquote body br caption center dd details dialog div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main menu nav
    ol option p pre section summary table tbody td tfoot th thead title tr ul""".split()
)
_SKIP_TAGS = frozenset("script style noscript template svg canvas iframe object embed head select".split())
_WS = regex.compile(r"\s+")


def extract(html: str, url: str | None = None, settings: Mapping[str, Any] | None = None, *,
            metadata: bool = True) -> Document:
    """The main text of an HTML page, one paragraph per line, with the page's metadata.

    ``metadata=False`` leaves out the title and date, which the cleaning does not read:
    for a caller that keeps only the text, page_metadata is a tenth of a page's time.

    >>> doc = extract("<html><body><article><p>" + "The council met on Monday night. " * 6 +
    ...               "</p></article></body></html>")
    >>> doc.input_format, doc.offsets, doc.fallback
    ('html', 'extracted', False)
    """
    opts = dict(EXTRACT_SETTINGS if settings is None else settings)
    tree = load_tree(html)
    if tree is None:
        # Nothing an HTML parser can read (forced --html on plain text, or no markup at
        # all): the text path gets the input with its tags stripped.
        text = _paragraphs(_TAG.sub("\n", html))
        return Document(text=text, input_format="html", offsets="extracted", url=url,
                        fallback=bool(text))
    if "fast" in opts:  # one mode asked for (benchmarks/html_settings.py compares them)
        text = _trafilatura_text(tree, url, opts)
    else:
        text = _trafilatura_text(tree, url, {**opts, "fast": True})
        if _sliver(text, tree):
            text = _trafilatura_text(tree, url, {**opts, "fast": False})
    title, date = page_metadata(tree, url) if metadata else (None, None)
    # The page text itself is needed only when trafilatura found little (too_little's test).
    page = page_text(tree) if _chars(text) < FALLBACK_SHORT_CHARS else ""
    fallback = bool(page) and too_little(text, page)
    return Document(
        text=page if fallback else text,
        input_format="html",
        offsets="extracted",
        title=title,
        date=date,
        language=page_language(tree),
        url=url,
        fallback=fallback,
        # trafilatura already chose the blocks: the classifier, fitted on page dumps, only
        # judges the page text of a fallback (figures in benchmarks/html_settings.py).
        keep_threshold=None if fallback else HTML_KEEP_THRESHOLD,
        story_end_strictness=None if fallback else HTML_STORY_END_STRICTNESS,
    )


def _trafilatura_text(tree: Any, url: str | None, opts: Mapping[str, Any]) -> str:
    """trafilatura's main text, one paragraph per line ("" when it fails)."""
    import trafilatura

    try:
        if htmlextract.applies(opts):  # the same steps, without futile regex tests
            text = htmlextract.extract_text(tree, url, opts)
        else:
            # Metadata apart (page_metadata): bare_extraction's own metadata pass reads authors,
            # categories, tags and the licence too, and cost as much as the extraction itself.
            text = getattr(trafilatura.bare_extraction(tree, url=url, with_metadata=False, **opts), "text", None)
    except Exception:  # trafilatura on hostile markup (issue 7): the page text still serves
        text = None
    return _paragraphs(text or "")


def page_metadata(tree: Any, url: str | None = None) -> tuple[str | None, str | None]:
    """The page's headline (without the site name) and publication date (ISO), if found.

    The parts of trafilatura's ``extract_metadata`` that give a title and a date: meta
    tags, JSON-LD, the title element and headings, and htmldate.

    >>> page_metadata(load_tree('<html><head><title>Ferry back | Courier</title>'
    ...   '<meta property="og:site_name" content="Courier"></head><body><p>x</p></body></html>'))
    ('Ferry back', None)
    """
    from htmldate import find_date
    from trafilatura import metadata as meta
    from trafilatura.settings import set_date_params

    try:
        found = meta.examine_meta(tree)
        found = meta.extract_meta_json(tree, found)
        found.title = found.title or meta.extract_title(tree)
        found.sitename = (found.sitename or meta.extract_sitename(tree) or "").lstrip("@") or None
        # The canonical URL: htmldate reads dates in it (".../2019/11/19/...").
        found.url = found.url or meta.extract_url(tree, url)
        found.clean_and_trim()  # entities, zero-width and control characters
        title, sitename, page_url = found.title, found.sitename, found.url
    except Exception:  # hostile markup (issue 7): no metadata is a defined result
        title = sitename = None
        page_url = url
    try:
        date = find_date(tree, url=page_url, **set_date_params(DATE_EXTENSIVE_SEARCH))
    except Exception:
        date = None
    return _clean_title(title, sitename), _iso_date(date)


_TAG = regex.compile(r"<[^>]*>")


def _paragraphs(text: str) -> str:
    """trafilatura's text with one paragraph per line and no blank lines.

    ``str.split`` joins the spaces five times faster than :data:`_WS`; it would also split
    on the separators U+001C-U+001F (segment.STR_ONLY_SPACE), so such text takes the regex.
    """
    if has_str_only_space(text):
        return "\n".join(line for line in (_WS.sub(" ", x).strip() for x in text.splitlines()) if line)
    return "\n".join(line for line in (" ".join(x.split()) for x in text.splitlines()) if line)


def _chars(text: str) -> int:
    """Non-space characters (those ``\\s`` does not match).

    Counted with ``str.split`` in C, four times faster than deleting the spaces with a
    regex (page_chars measures whole pages with it); ``str.split`` also splits on the
    separators U+001C-U+001F, which ``\\s`` does not match, so they are counted back.
    """
    return sum(map(len, text.split())) + sum(map(text.count, STR_ONLY_SPACE))


def too_little(extracted: str, page: str) -> bool:
    """Whether trafilatura's text is too short to stand for the page."""
    chars, page_chars = _chars(extracted), _chars(page)
    if chars < FALLBACK_MIN_CHARS:
        return page_chars > chars
    return chars < FALLBACK_SHORT_CHARS and chars < FALLBACK_MAX_SHARE * page_chars


def _sliver(text: str, tree: Any) -> bool:
    """Whether `text` holds less than FULL_CASCADE_BELOW_SHARE of the page's characters.

    The page's whole text, scripts and styles included, bounds :func:`page_chars` from
    above: its length (spaces included) costs nothing once it is serialized, its
    non-space count a fifth of page_chars. Of the 83 aeb dev pages the text holds the
    share of the first bound on 41 and of the second on 50, where page_chars is not
    counted. Exact: 0.1 * x grows with x.
    """
    chars = _chars(text)
    whole = _whole_text(tree)
    return (chars < FULL_CASCADE_BELOW_SHARE * len(whole)
            and chars < FULL_CASCADE_BELOW_SHARE * _chars(whole)
            and chars < FULL_CASCADE_BELOW_SHARE * page_chars(tree))


def page_chars_at_most(tree: Any) -> int:
    """:func:`page_chars` without stripping the skipped elements: never less than it (the
    stripped text is the whole text with pieces cut out).

    >>> page_chars_at_most(load_tree("<html><head><title>T</title></head><body><p>Hello <b>world</b>"
    ...                          "</p><script>no()</script></body></html>"))
    15
    """
    return _chars(_whole_text(tree))


def _whole_text(tree: Any) -> str:
    """The title and the body's text, skipped elements included, serialized in libxml2."""
    body = tree.find(".//body")
    title = tree.find(".//title")
    start = body if body is not None else tree
    body_text = etree.tostring(start, method="text", encoding=str, with_tail=False)
    return (title.text if title is not None and title.text else "") + "\n" + body_text


def page_chars(tree: Any) -> int:
    """The non-space characters of :func:`page_text`, give or take a few separators.

    Counted on a copy of the body stripped of the skipped elements, in libxml2: three
    times faster than building the page text, which only a fallback needs.

    >>> page_chars(load_tree("<html><head><title>T</title></head><body><p>Hello <b>world</b>"
    ...                  "</p><script>no()</script></body></html>"))
    11
    """
    from copy import deepcopy

    body = tree.find(".//body")
    start = deepcopy(body if body is not None else tree)
    etree.strip_elements(start, *_SKIP_TAGS, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    title = tree.find(".//title")
    title_chars = _chars(title.text) if title is not None and title.text else 0
    return title_chars + _chars(etree.tostring(start, method="text", encoding=str, with_tail=False))


def page_text(tree: Any) -> str:
    """The whole visible text of a page, one block-level element per line.

    Scripts, styles and other invisible elements are skipped; the title comes first.
    """
    from lxml import etree

    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = _WS.sub(" ", "".join(current)).strip()
        if line:
            lines.append(line)
        current.clear()

    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    title = root.find(".//title")
    if title is not None and title.text:
        current.append(title.text)
        flush()
    body = root.find(".//body")
    start = body if body is not None else root
    skipping = 0  # depth inside a skipped element (script, style, ...)
    # iterwalk, not recursion: deeply nested pages (issue 7) must not hit the stack limit.
    for event, el in etree.iterwalk(start, events=("start", "end")):
        tag = el.tag.rsplit("}", 1)[-1].lower() if isinstance(el.tag, str) else ""
        skip = not tag or tag in _SKIP_TAGS or (tag == "title" and el is title)
        if event == "start":
            if skipping or skip:
                skipping += 1
                continue
            if tag in _BLOCK_TAGS:
                flush()
            if el.text:
                current.append(el.text)
            continue
        if skipping:
            skipping -= 1
            if skipping or el is start:
                continue
        elif tag in _BLOCK_TAGS:
            flush()
        if el.tail and el is not start:
            current.append(el.tail)
    flush()
    return "\n".join(lines)


_LANG = regex.compile(r"^([a-z]{2,3})(?:[-_][A-Za-z0-9]+)*$")


def page_language(tree: Any) -> str | None:
    """The page's declared language (``<html lang>``, content-language), as ISO 639-1."""
    for value in _declared_languages(tree):
        m = _LANG.match(value.strip().lower())
        if m and len(m.group(1)) == 2:
            return m.group(1)
    return None


def _declared_languages(tree: Any) -> Iterator[str]:
    """The language declarations of a page in order: ``<html lang>`` first, then the meta
    tags, read only as far as needed (most pages answer at ``<html lang>``)."""
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    for attr in ("lang", "{http://www.w3.org/XML/1998/namespace}lang", "xml:lang"):
        value = root.get(attr)
        if value:
            yield value
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("http-equiv") or meta.get("name") or meta.get("property") or "").lower()
        if key in ("content-language", "language", "og:locale", "dc.language"):
            yield meta.get("content") or ""


_ISO_DATE = regex.compile(r"^\d{4}-\d{2}-\d{2}")


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    m = _ISO_DATE.match(value)
    return m.group() if m else None


_TITLE_SEPARATORS = regex.compile(r"\s+[|\-–—:·•»]\s+")


def _clean_title(title: str | None, sitename: str | None) -> str | None:
    """The headline without a trailing or leading site name ("... – TechCrunch")."""
    if not title:
        return None
    title = _WS.sub(" ", title).strip()
    if sitename:
        site = _WS.sub(" ", sitename).strip().lower()
        parts = _TITLE_SEPARATORS.split(title)
        if len(parts) > 1 and parts[-1].strip().lower() == site:
            title = title[: title.rfind(parts[-1])].rstrip(" |-–—:·•»")
        elif len(parts) > 1 and parts[0].strip().lower() == site:
            title = title[len(parts[0]):].lstrip(" |-–—:·•»")
    return title or None
