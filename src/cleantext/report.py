"""Result(s) -> one self-contained HTML page showing every removal in place (issue 8).

The page needs no network: CSS and a small script are inline. Each document's text is
shown with its removals struck through and coloured by category, the rule id beside each
cut and the reason in its title (and in the table of removals below the text), the story
end marked, and a summary line. For several documents the summaries form an index with a
filter by category or rule and pages of :data:`PAGE_SIZE`; each document's text sits in
a ``<template>`` that the script only renders when the document is opened, so a report of
1,000 documents loads without laying out 1,000 texts.

Every piece of document text, file name, rule id and reason goes through
:func:`html.escape`; nothing from a document is ever emitted as markup.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Sequence

from .model import CATEGORIES, Result

#: Documents per page of the index.
PAGE_SIZE = 100

#: Hue of each category's colour; the lightness comes from the scheme (light or dark).
_HUES = {
    "metadata": 195, "donation": 330, "newsletter": 265, "paywall": 0, "share": 215,
    "app": 285, "comments": 160, "related": 30, "carousel": 45, "caption": 230,
    "cookie": 15, "aggregator": 305, "promo": 55, "navigation": 90, "boilerplate": 0,
    "story-end": 350, "learned": 125, "custom": 180,
}


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _cat_class(category: str) -> str:
    # Categories come from rule files; keep the class name to a safe alphabet.
    return "c-" + "".join(ch if ch.isalnum() or ch == "-" else "_" for ch in category)


def _chips(counts: dict[str, int]) -> str:
    return "".join(
        f'<span class="chip {_cat_class(cat)}">{_e(cat)} {n}</span>'
        for cat, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    )


def _body(result: Result) -> str:
    """The source text with removals as <del> elements and the story end marked."""
    source = result.source
    end_at = result.story_end.offset if result.story_end else None
    out: list[str] = []
    pos = 0

    def story_end_mark() -> str:
        se = result.story_end
        assert se is not None
        tip = "\n".join((f"{se.rule}, score {se.score:.2f}", *se.evidence))
        return (f'<span class="story-end" title="{_e(tip)}">story ends here '
                f'<span class="rule">{_e(se.rule)}</span></span>')

    def kept(upto: int) -> None:
        nonlocal pos, end_at
        if end_at is not None and pos <= end_at < upto:
            out.append(_e(source[pos:end_at]))
            out.append(story_end_mark())
            pos, end_at = end_at, None
        out.append(_e(source[pos:upto]))
        pos = upto

    for r in sorted(result.removals, key=lambda r: (r.start, r.end)):
        kept(r.start)
        if end_at is not None and r.start <= end_at < r.end:
            out.append(story_end_mark())
            end_at = None
        cls = _cat_class(r.category)
        tip = f"{r.rule} ({r.category}): {r.reason}"
        out.append(f'<span class="tag {cls}" title="{_e(tip)}">{_e(r.rule)}</span>'
                   f'<del class="rm {cls}" data-rule="{_e(r.rule)}" data-cat="{_e(r.category)}" '
                   f'title="{_e(tip)}">{_e(source[r.start:r.end])}</del>')
        pos = r.end
    kept(len(source))
    if end_at is not None:
        out.append(story_end_mark())
    return "".join(out)


def _removal_table(result: Result) -> str:
    if not result.removals:
        return '<p class="muted">Nothing was removed.</p>'
    rows = []
    for r in result.removals:
        snippet = " ".join(r.text.split())
        snippet = snippet if len(snippet) <= 90 else snippet[:87] + "..."
        rows.append(
            f'<tr><td class="num">{r.start}&ndash;{r.end}</td>'
            f'<td><span class="chip {_cat_class(r.category)}">{_e(r.category)}</span></td>'
            f"<td><code>{_e(r.rule)}</code></td><td>{_e(r.reason)}</td>"
            f'<td class="snip">{_e(snippet)}</td></tr>'
        )
    return ('<table class="removals"><thead><tr><th>offsets</th><th>category</th><th>rule</th>'
            "<th>reason</th><th>text</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


def _summary(index: int, name: str, result: Result) -> str:
    s = result.stats
    share = 100 * s.chars_out / s.chars_in if s.chars_in else 100.0
    facts = [f"{s.chars_out:,} of {s.chars_in:,} characters kept ({share:.0f}%)",
             f"{len(result.removals)} removal{'s' if len(result.removals) != 1 else ''}"]
    if result.language:
        facts.append(_e(result.language))
    if result.input_format == "html":
        facts.append("HTML: offsets into the extracted text")
    flags = "".join(f'<span class="flag">{_e(f)}</span>' for f in result.flags)
    return (f'<summary><span class="idx">{index + 1}</span> <span class="name">{_e(name)}</span> '
            f'<span class="facts">{" · ".join(facts)}</span> {flags}'
            f'<span class="chips">{_chips(s.removals_by_category)}</span></summary>')


def _details(result: Result) -> str:
    parts = []
    if result.title:
        parts.append(f"<p><b>title</b> {_e(result.title)}</p>")
    if result.date:
        parts.append(f"<p><b>date</b> {_e(result.date)}</p>")
    for w in result.warnings:
        parts.append(f'<p class="warn">{_e(w)}</p>')
    parts.append(f'<div class="text">{_body(result)}</div>')
    parts.append(_removal_table(result))
    return "".join(parts)


def render_report(documents: Sequence[tuple[str, Result]], *, failures: Sequence[tuple[str, str]] = (),
                  title: str = "cleantext report") -> str:
    """One self-contained HTML page showing each named result with its removals in place.

    With one document its text is written into the page directly (readable without
    scripts, e.g. in a notebook); with several, each text is rendered when opened.

    >>> from cleantext import clean_document
    >>> page = render_report([("a<b>.txt", clean_document("A story.\\nShare on Facebook"))])
    >>> "a&lt;b&gt;.txt" in page and "<b>.txt" not in page
    True
    """
    lazy = len(documents) > 1
    by_cat: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    chars_in = chars_out = 0
    docs = []
    for i, (name, result) in enumerate(documents):
        by_cat.update(result.stats.removals_by_category)
        by_rule.update(result.stats.removals_by_rule)
        chars_in += result.stats.chars_in
        chars_out += result.stats.chars_out
        cats = " ".join(sorted(result.stats.removals_by_category))
        rules = " ".join(sorted(result.stats.removals_by_rule))
        inner = _details(result)
        body = f"<template>{inner}</template>" if lazy else f'<div class="body">{inner}</div>'
        docs.append(f'<details class="doc" id="doc-{i + 1}" data-cats="{_e(cats)}" data-rules="{_e(rules)}"'
                    f'{"" if lazy else " open"}>{_summary(i, name, result)}{body}</details>')
    known = [c for c in CATEGORIES if c in by_cat] + sorted(set(by_cat) - set(CATEGORIES))
    cat_opts = "".join(f'<option value="{_e(c)}">{_e(c)} ({by_cat[c]})</option>' for c in known)
    rule_opts = "".join(f'<option value="{_e(r)}">{_e(r)} ({n})</option>' for r, n in sorted(by_rule.items()))
    failed = "".join(f'<li><span class="name">{_e(n)}</span>: {_e(msg)}</li>' for n, msg in failures)
    share = 100 * chars_out / chars_in if chars_in else 100.0
    controls = ""
    if lazy:
        controls = (
            '<div class="controls"><label>category <select id="f-cat"><option value="">all</option>'
            f'{cat_opts}</select></label> <label>rule <select id="f-rule"><option value="">all</option>'
            f'{rule_opts}</select></label> <button id="open-all" type="button">open page</button> '
            '<span id="pager"></span> <span id="shown" class="muted"></span></div>'
            '<noscript><p class="warn">Opening a document needs JavaScript.</p></noscript>'
        )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{_e(title)}</title>
<style>{_CSS}{_category_css(known)}</style></head>
<body><main class="ctr" data-page-size="{PAGE_SIZE}">
<h1>{_e(title)}</h1>
<p class="overall">{len(documents)} document{"s" if len(documents) != 1 else ""} ·
{chars_out:,} of {chars_in:,} characters kept ({share:.0f}%) ·
{sum(by_cat.values())} removals <span class="chips">{_chips(dict(by_cat))}</span></p>
{f'<ul class="failed">{failed}</ul>' if failed else ""}{controls}
<div id="docs">{"".join(docs)}</div>
</main><script>{_SCRIPT if lazy else ""}</script></body></html>
"""


def result_to_html(result: Result, name: str = "document") -> str:
    """One result as a self-contained HTML page (what :meth:`Result.to_html` returns)."""
    return render_report([(name, result)], title=f"cleantext: {name}")


def _category_css(categories: Sequence[str]) -> str:
    return "".join(f".{_cat_class(c)}{{--h:{_HUES.get(c, 200)}}}" for c in categories)


_CSS = """
:root{--bg:#fff;--fg:#1d1d1f;--muted:#666;--line:#ddd;--card:#f6f6f8;--l1:32%;--l2:93%;--s:70%}
@media (prefers-color-scheme: dark){:root{--bg:#16171a;--fg:#e4e4e7;--muted:#9a9aa3;--line:#34353b;
--card:#1f2024;--l1:78%;--l2:22%;--s:55%}}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,sans-serif}
.ctr{--h:0;max-width:1100px;margin:0 auto;padding:1rem 1.5rem}
.ctr h1{font-size:1.3rem;margin:.2rem 0}
.muted{color:var(--muted)}
.chip,.tag{display:inline-block;border-radius:3px;padding:0 .35em;margin:0 .15em;font-size:.8em;
color:hsl(var(--h) var(--s) var(--l1));background:hsl(var(--h) var(--s) var(--l2));white-space:nowrap}
.c-boilerplate,.c-navigation{--s:0%}
.controls{position:sticky;top:0;background:var(--bg);padding:.5rem 0;border-bottom:1px solid var(--line);z-index:1}
.controls select,.controls button{font:inherit;color:inherit;background:var(--card);border:1px solid var(--line)}
.doc{border-bottom:1px solid var(--line);scroll-margin-top:3.5rem}
.doc>summary{cursor:pointer;padding:.35rem 0}
.doc .idx{color:var(--muted);display:inline-block;min-width:2.5em}
.doc .name{font-weight:600;overflow-wrap:anywhere}
.doc .facts{color:var(--muted);margin:0 .4em}
.flag{font-size:.8em;border:1px solid var(--muted);border-radius:3px;padding:0 .3em}
.hidden{display:none}
.text{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--card);padding:.8rem 1rem;border-radius:4px;
font-family:ui-serif,Georgia,serif;line-height:1.6}
del.rm{text-decoration:line-through;text-decoration-thickness:1px;
color:hsl(var(--h) var(--s) var(--l1));background:hsl(var(--h) var(--s) var(--l2))}
.tag{font-family:ui-monospace,monospace;font-size:.72em;vertical-align:.15em;cursor:help}
.story-end{display:block;border-top:2px dashed hsl(350 70% 50%);color:hsl(350 70% 50%);
font:600 .8em system-ui,sans-serif;margin:.3em 0;padding-top:.1em;cursor:help}
.story-end .rule{font-family:ui-monospace,monospace;font-weight:400}
.filtered del.rm:not(.match){opacity:.45}
table.removals{border-collapse:collapse;margin:.6rem 0 1rem;font-size:.85em;width:100%}
table.removals th,table.removals td{border-bottom:1px solid var(--line);padding:.2em .4em;text-align:left;
vertical-align:top}
td.num{white-space:nowrap;font-variant-numeric:tabular-nums}
td.snip{color:var(--muted)}
.warn,.failed{color:hsl(0 70% 50%)}
"""

# Filter by category/rule, pages of the index, and rendering each document's <template>
# only when it is opened (or named in the URL hash, e.g. report.html#doc-3).
_SCRIPT = """
(function () {
  const docs = [...document.querySelectorAll("details.doc")];
  const byCat = document.getElementById("f-cat"), byRule = document.getElementById("f-rule");
  const pager = document.getElementById("pager"), shown = document.getElementById("shown");
  const size = +document.querySelector(".ctr").dataset.pageSize;
  let page = 0, matching = docs;

  function render(doc) {  // the text leaves its template element the first time it is opened
    const t = doc.querySelector(":scope > template");
    if (t) { doc.appendChild(t.content.cloneNode(true)); t.remove(); }
    mark(doc);
  }
  function mark(doc) {  // with a filter on, removals that do not match it are dimmed
    const rule = byRule.value, cat = byCat.value;
    doc.classList.toggle("filtered", !!(rule || cat));
    doc.querySelectorAll("del.rm").forEach(d => d.classList.toggle("match",
      (!rule || d.dataset.rule === rule) && (!cat || d.dataset.cat === cat)));
  }
  function has(doc, key, value) { return !value || doc.dataset[key].split(" ").includes(value); }
  function button(label, p, pages) {
    const b = document.createElement("button");
    b.type = "button"; b.textContent = label; b.disabled = p < 0 || p >= pages;
    b.onclick = () => { page = p; show(); };
    return b;
  }
  function show() {
    const pages = Math.max(1, Math.ceil(matching.length / size));
    page = Math.min(page, pages - 1);
    const on = new Set(matching.slice(page * size, (page + 1) * size));
    docs.forEach(d => d.classList.toggle("hidden", !on.has(d)));
    shown.textContent = matching.length + " of " + docs.length + " documents";
    pager.replaceChildren();
    if (pages > 1) {
      pager.append(button("\u2039 prev", page - 1, pages), " page " + (page + 1) + " of " + pages + " ",
                   button("next \u203a", page + 1, pages));
    }
  }
  function filter() {
    matching = docs.filter(d => has(d, "cats", byCat.value) && has(d, "rules", byRule.value));
    page = 0;
    docs.forEach(d => { if (!d.querySelector(":scope > template")) mark(d); });
    show();
  }
  function fromHash() {  // report.html#doc-3 opens document 3 on its page
    const doc = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!doc || !doc.matches("details.doc")) return;
    const i = matching.indexOf(doc);
    if (i >= 0) { page = Math.floor(i / size); show(); }
    doc.open = true; render(doc); doc.scrollIntoView();
  }
  docs.forEach(d => d.addEventListener("toggle", () => { if (d.open) render(d); }));
  byCat.onchange = filter;
  byRule.onchange = filter;
  document.getElementById("open-all").onclick = () =>
    docs.forEach(d => { if (!d.classList.contains("hidden")) d.open = true; });
  window.addEventListener("hashchange", fromHash);
  filter();
  fromHash();
})();
"""
