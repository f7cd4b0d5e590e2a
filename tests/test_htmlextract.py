"""htmlextract replicates trafilatura's fast mode: pinned against bare_extraction itself."""

from __future__ import annotations

import hashlib
import inspect
import re
from pathlib import Path

import pytest
import trafilatura
from support import PARAS

from cleantext import htmlextract
from cleantext.html import EXTRACT_SETTINGS
from cleantext.htmltree import load_tree

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
FAST = {**EXTRACT_SETTINGS, "fast": True}
STORY = "".join(f"<p>{p}</p>" for p in PARAS)
MENU = "<ul>" + "".join(f"<li><a href='/{i}'>Section {i}</a></li>" for i in range(30)) + "</ul>"
# Long enough that a short story is under a fifth of the page text (the escalation).
FILLER = ("<div class='links'>" + " ".join(f"<a href='/t{i}'>Topic number {i} of the day</a>" for i in range(120))
          + "</div>")

#: Pages for each step extract_text replicates: the prunes with and without a regex hit,
#: the escalation's page measure (cookie banners, footers, asides, scripts), the baseline
#: rescue, a forum page, pages without a story.
PAGES = {
    "plain": f"<html><head><title>T</title></head><body><nav>{MENU}</nav><article>{STORY}</article></body></html>",
    "comments": (
        f"<html><body><article>{STORY}</article><div id='comments' class='comments-area'><h3>3 Comments</h3>"
        "<ol class='commentlist'><li>Great story, thanks!</li><li>I disagree with the council.</li></ol></div>"
        "<ul class='comment-list'><li>A list of comments</li></ul><ol class='steps'><li>one</li></ol>"
        "<section class='post-comments'><p>Leave a reply</p></section><div class='commentary'>Commentary stays</div>"
        "</body></html>"
    ),
    "infinite": (
        f"<html><body><div class='infinite-scroll'><h1>Ferry</h1>{STORY}</div>"
        "<div id='mvp-post-add-box'><h2>Next story</h2><p>An appended article about something else.</p></div>"
        "<section class='infinitescroll'><p>More appended text without a headline.</p></section>"
        "<div class='elementor-share-buttons'>Share on Facebook</div></body></html>"
    ),
    "short-with-cookie-banner": (
        f"<html><body>{FILLER}<main><p>{PARAS[0]}</p></main>"
        "<div class='Cookie-Banner'><p>We use cookies to improve your experience on our site.</p></div>"
        "<div id='onetrust-consent-sdk'><p>Accept all</p></div><aside><p>Aside text</p></aside>"
        "<div class='site-footer'>Footer links</div><footer>Copyright</footer><script>var x = 1;</script>"
        "<template><p>hidden</p></template><svg><text>svg text</text></svg></body></html>"
    ),
    "short-without-cookie-banner": (
        f"<html><body>{FILLER}<main><p>{PARAS[0]}</p><p>tail\x1fwith a separator</p></main>"
        "<div id='footer'>Footer</div><footer>Copyright</footer></body></html>"
    ),
    "escalates": (
        f"<html><body>{FILLER}<div class='teaser'><p>{PARAS[0]}</p></div>"
        f"<div class='box'><div class='inner'>{''.join(f'<span>{p}</span><br>' for p in PARAS * 4)}</div></div>"
        "</body></html>"
    ),
    "tiny": "<html><body><div><span>Just a few words here.</span></div></body></html>",
    "forum": (
        "<html><head><script type='application/ld+json'>{\"@type\": \"DiscussionForumPosting\"}</script></head>"
        f"<body><div class='comments'><div class='comment'>{STORY}</div></div></body></html>"
    ),
    "no-body": "<html><head><title>Only a title</title></head></html>",
    "empty-body": "<!DOCTYPE html><html><body></body></html>",
    "fragment": f"<div><p>{PARAS[0]}</p><p>{PARAS[1]}</p></div><div id='comments'><p>x</p></div>",
}
PAGES.update({f"corpus-{p.parent.name}": p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*/input.html"))})


def _bare(tree: object, settings: dict, url: str | None = None) -> str | None:
    document = trafilatura.bare_extraction(tree, url=url, with_metadata=False, **settings)
    return None if document is None else document.text


@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize("name", sorted(PAGES))
def test_extract_text_is_bare_extraction(name: str, fast: bool) -> None:
    tree = load_tree(PAGES[name])
    if tree is None:
        pytest.skip("no tree to extract from")
    settings = {**FAST, "fast": fast}
    assert htmlextract.applies(settings)
    before = trafilatura.html2txt(tree)
    url = "https://example.org/a"
    assert htmlextract.extract_text(tree, url, settings) == _bare(tree, settings, url)
    assert trafilatura.html2txt(tree) == before  # the caller's tree is left as it was


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_length_is_html2txt(name: str) -> None:
    tree = load_tree(PAGES[name])
    if tree is None:
        pytest.skip("no tree")
    values = htmlextract._Values(tree)
    assert htmlextract._page_length(tree, values) == len(trafilatura.html2txt(tree))


@pytest.mark.parametrize("name", sorted(PAGES))
def test_guarded_expressions_select_what_trafilatura_selects(name: str) -> None:
    from trafilatura.settings import BASIC_CLEAN_XPATH

    tree = load_tree(PAGES[name])
    if tree is None:
        pytest.skip("no tree")
    plan = htmlextract._plan()
    assert plan is not None
    values = htmlextract._Values(tree)
    for guarded in (*plan.raw_prune, *plan.comments_prune):
        expected = guarded.xpath(tree)
        if guarded.tests and not guarded.may_select(values):
            assert expected == []
        elif guarded.tests:
            assert guarded.select(tree, values) == expected
    cookie = plan.cookie.select(tree, values) if plan.cookie.may_select(values) else []
    assert set(plan.basic_clean_rest(tree)) | set(cookie) == set(BASIC_CLEAN_XPATH(tree))


def test_the_pages_exercise_every_branch() -> None:
    # The recall retry of the escalation finds the paragraphs the teaser page hides in spans.
    assert PARAS[2] in (htmlextract.extract_text(load_tree(PAGES["escalates"]), None, FAST) or "")
    assert htmlextract.extract_text(load_tree(PAGES["no-body"]), None, FAST) is None
    plan = htmlextract._plan()
    assert plan is not None
    trees = {name: load_tree(PAGES[name]) for name in ("comments", "infinite", "short-with-cookie-banner")}
    selected = {name: [len(g.select(tree, htmlextract._Values(tree)))
                       for g in (*plan.raw_prune[:1], *plan.comments_prune, plan.cookie)]
                for name, tree in trees.items()}
    assert selected == {"comments": [0, 4, 0], "infinite": [2, 0, 0], "short-with-cookie-banner": [0, 0, 2]}


@pytest.mark.parametrize("value", [
    "cookie-banner", "COOKIE-BANNER", "Cookie_Notice", "site-cookiebot x", "moove_GDPR", "notice--cookie", "cookies",
    "kookie-bar", "coo\u212aie-bar", "cooK\u0130e-bar", "cookie\u017f-bar", "consent_SDK", "über cmplz",
])
def test_case_insensitive_tests_agree_with_re(value: str) -> None:
    plan = htmlextract._plan()
    assert plan is not None
    for test in plan.cookie.tests:
        assert test.lower is not None  # the ASCII path is taken
        assert test.search(value) == (test.rx.search(value) is not None)
        assert test.search(value) == (re.search(test.rx.pattern, value, re.IGNORECASE) is not None)


def test_other_settings_and_other_releases_go_to_bare_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    assert htmlextract.applies({**FAST, "fast": False})
    assert not htmlextract.applies({k: v for k, v in FAST.items() if k != "fast"})
    assert not htmlextract.applies({**FAST, "include_comments": True})
    assert not htmlextract.applies({**FAST, "favor_recall": True})
    assert not htmlextract.applies({**FAST, "include_links": True})
    assert htmlextract.applies({**FAST, "include_tables": False, "include_formatting": True})
    monkeypatch.setattr(htmlextract, "TRAFILATURA_VERSION", "0.0")
    htmlextract._plan.cache_clear()
    try:
        assert not htmlextract.applies(FAST)
    finally:
        monkeypatch.undo()
        htmlextract._plan.cache_clear()


#: The expressions whose regex tests htmlextract evaluates in Python, as trafilatura 2.3.1
#: writes them. Each selects only elements one of whose re:test calls is true (the first
#: and third) or holds no regex (the second); BASIC_CLEAN_XPATH holds its regex in its
#: last branch alone. A release that changes them must be checked against these claims.
EXPRESSIONS = [
    ".//*[self::div or self::section or self::aside][ re:test(@id, 'mvp-post-add-(?:box|wrap)|infinite-?scroll') "
    "or re:test(@class, 'mvp-post-add-(?:box|wrap)|infinite-?scroll')][ not(.//h1) or re:test(@id, "
    "'mvp-post-add-(?:box|wrap)') or re:test(@class, 'mvp-post-add-(?:box|wrap)')]",
    ".//*[self::div or self::section or self::aside][contains(@class, 'elementor-share-buttons')]",
    ".//*[self::div or self::list or self::section or self::details or self::ol or self::ul][ re:test(@id, "
    "'^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)') or re:test(@class, "
    "'^[Cc]omment(?!ary)|(?:article|post)-comments')][ not(self::ol or self::ul) or re:test(@id, "
    "'^(?:[Cc]omment(?!ary)|comol)') or re:test(@class, '^[Cc]omment(?!ary)|(?:article|post)-comments')]",
    ".//aside|.//div[contains(@class|@id, 'footer')]|.//fencedframe|.//footer|.//script|.//style|.//svg|"
    ".//template|.//*[re:test(@class, 'cookie[-_]?(?:banner|bar|consent|law|notice|policy|description)|"
    "notice[-_]{0,2}cookie|consent[-_]?(?:banner|manager|sdk)|borlabs|cookiebot|cmplz|onetrust|moove[-_]?gdpr', "
    "'i') or re:test(@id, 'cookie[-_]?(?:banner|bar|consent|law|notice|policy|description)|notice[-_]{0,2}cookie|"
    "consent[-_]?(?:banner|manager|sdk)|borlabs|cookiebot|cmplz|onetrust|moove[-_]?gdpr', 'i')]",
]

#: The trafilatura functions whose steps fast_text and _page_length follow, by a hash of
#: their source: a patched trafilatura of the same version number shows up here.
SOURCES = {
    "trafilatura.core.bare_extraction": "2e57adb30620",
    "trafilatura.core.trafilatura_sequence": "f03dc4d2946d",
    "trafilatura.core._prepare_tree": "9595f0642825",
    "trafilatura.core._extract_and_compare": "f7d056c21182",
    "trafilatura.baseline.html2txt": "a8c97eab2097",
    "trafilatura.htmlprocessing.prune_unwanted_nodes": "4731f8e24ef8",
    "trafilatura.external.justext_rescue": "43d803082a76",
    "trafilatura.baseline.basic_cleaning": "80877b2ccdef",
}


def _source_hash(dotted: str) -> str:
    import importlib

    module, _, name = dotted.rpartition(".")
    return hashlib.sha256(inspect.getsource(getattr(importlib.import_module(module), name)).encode()).hexdigest()[:12]


def test_the_replicated_trafilatura_is_the_one_installed() -> None:
    from trafilatura.settings import BASIC_CLEAN_XPATH
    from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

    assert trafilatura.__version__ == htmlextract.TRAFILATURA_VERSION
    paths = [" ".join(x.path.split()) for x in (*RAW_TREE_PRUNE_XPATH, *REMOVE_COMMENTS_AND_LISTS_XPATH,
                                                 BASIC_CLEAN_XPATH)]
    assert paths == EXPRESSIONS
    assert {name: _source_hash(name) for name in SOURCES} == SOURCES
