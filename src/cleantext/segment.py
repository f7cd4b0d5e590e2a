"""Text -> blocks: lines, and the sentences of long glued lines, with offsets. Pure."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from itertools import islice

import regex

from .model import Block

#: A line longer than this is split into sentences, each decided on its own. Story
#: paragraphs in the aeb/traf dev pages are almost all under 1,200 characters; a longer
#: line is nearly always a page or article glued into one line (glued set, seed 002's
#: appended articles), where a menu and a story share the line.
LONG_LINE_CHARS = 1200

# The same line breaks as render.normalize: a U+2028 that ends a line here must end one
# there too, or cleaning twice would see different blocks (found by the invariants test).
_LINE = regex.compile(r"[^\r\n\u2028\u2029\x0b\x0c\x85]+")
#: The separators U+001C-U+001F: whitespace (and three of them line breaks) to str's
#: split(), strip() and splitlines(), neither to the regex module's \s nor to _LINE. The
#: fast paths that use str's methods (here, render.normalize, html) check for them first.
STR_ONLY_SPACE = "\x1c\x1d\x1e\x1f"
_STR_ONLY_SPACE = re.compile("[\x1c-\x1f]")
# Zero-width and format characters alone do not make a line (seen in the aeb pages).
_INVISIBLE = regex.compile(r"^[\s\p{Cf}]*$")


def has_str_only_space(text: str) -> bool:
    """Whether `text` holds one of STR_ONLY_SPACE (then str's methods split it otherwise).

    Four substring tests (memchr in C) where a search of _STR_ONLY_SPACE tried its class
    at every character (two-byte text, with a curly quote, position by position): a fifth
    of segment()'s instructions on the aeb pages. Pinned to the search in
    tests/test_fast_paths.py."""
    return "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text


def invisible(line: str) -> bool:
    """A line of nothing but whitespace, zero-width and format characters (not a line).

    A line opening with a letter or digit is visible: the regex only for the rest."""
    return not line or (not line[0].isalnum() and _INVISIBLE.match(line) is not None)
# A sentence ends at . ! ? … (plus closing quotes/brackets) before whitespace and a
# capital, digit, opening quote or bracket; CJK full stops end a sentence by themselves.
_SENTENCE_END = regex.compile(
    r"""(?:(?<=[.!?…])[\"'”’»)\]]*\s+(?=[\p{Lu}\p{Lt}\d\"'“‘«(\[¿¡])"""
    r"""|(?<=[。！？])[”’」』）]*\s*(?=\S))"""
)
# Tokens before a full stop that do not end a sentence: titles and initials.
_ABBREV = regex.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|No|Nos|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|Inc|Co|Corp|Ltd|vs|etc|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|ca|bzw|z\.B|u\.a|Nr|Abs|S|p|pp|vol|fig)"
    r"|\b\p{Lu})\.$"
)
#: Sentences shorter than this are merged into the next one (initials, list numbers).
MIN_SENTENCE_CHARS = 12


def lines(text: str) -> Iterator[tuple[int, int]]:
    """Offsets (start, end) of the stripped non-empty lines of `text`."""
    if not has_str_only_space(text):
        # Without those four characters, str's line breaks are _LINE's and str's whitespace
        # is _INVISIBLE's: splitlines() finds the lines at a third of the cost of finditer.
        pos = 0
        for piece in text.splitlines(True):
            start = pos
            pos += len(piece)
            line = piece.strip()
            if not line or (not line[0].isalnum() and invisible(line)):  # invisible's first tests, inline
                continue
            start += len(piece) - len(piece.lstrip())
            yield start, start + len(line)
        return
    for m in _LINE.finditer(text):
        start, end = m.start(), m.end()
        chunk = m.group()
        if invisible(chunk):
            continue
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        if start + lead < end - trail:
            yield start + lead, end - trail


# A news agency's photo credit in brackets ends a caption (caption.agency-caption knows
# the caption by it: "2 of 4 A shopper looks at extension cords ... (Elias Funez/The Union
# via AP)"). The sentences split before its bracket, which left the credit opening the
# next caption; in a glued line it stays with its caption and the next one starts after.
# Dev half, text path: glued F1 0.8943 -> 0.8955 (aeb dev d0382c, a gallery of four AP
# captions, 0.862 -> 0.961; 4 glued pages hold such credits); aeb, traf, append unchanged.
_CREDIT = regex.compile(
    r"\((?:AP|AFP|Reuters|REUTERS)\s+Photo\s*/\s*[^()]{1,60}\)"
    r"|\([^()]{1,60}\s+via\s+(?:AP|AFP|Reuters|REUTERS|Getty\s+Images)\)"
    r"|\([^()]{1,60}/\s*(?:AP|AFP|Reuters|REUTERS)\)"
    # A labelled credit (caption.credit-suffix): "... in size (Image: GETTY ) “Other than
    # ...", "(Image credit: TNG Collaboration) That emergent ...". Dev half, text path:
    # glued F1 0.9025 -> 0.9058 (P 0.8851 -> 0.8909; 7 pages gain, aeb dev 624fcd90 +0.09 with
    # five captions, none loses); aeb, traf, append unchanged.
    r"|\((?i:(?:photo(?:graph)?|image|picture|credit|image\s+credit|photo\s+credit|source)s?\s*:)[^()]{1,60}\)"
)


def _credit_cuts(cuts: list[int], credits: list[regex.Match[str]], end: int) -> list[int]:
    """`cuts` with no cut before a credit and one after it (when text follows)."""
    starts = {m.start() for m in credits}
    out = {c for c in cuts if c not in starts}
    for m in credits:
        if m.end() < end:
            out.add(m.end())
    return sorted(out)


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split text[start:end] into sentence spans (offsets into `text`)."""
    cuts = [start]
    for m in _SENTENCE_END.finditer(text, start, end):
        head = text[max(cuts[-1], m.start() - 12):m.start()]
        if _ABBREV.search(head.rstrip("\"'”’»)]")):
            continue
        if m.end() - cuts[-1] < MIN_SENTENCE_CHARS:
            continue
        cuts.append(m.end())
    # Before chunking: the first sentence after a dateline, a photo credit or a promo's
    # headline stays whole.
    opened = dateline_starts(text, start, end) + credit_ends(text, start, end) + promo_ends(text, start, end)
    if opened:
        cuts = sorted({*cuts, *opened})
    cuts.append(end)
    credits = [m for m in _CREDIT.finditer(text, start, end)] if "(" in text[start:end] else []
    if credits:
        cuts = _credit_cuts(cuts, credits, end)
    # The date stamps of the line, found once (a search per sentence cost twice as much).
    stamps = [m.span() for m in _STAMP.finditer(text, start, end)]
    spans = []
    for a, b in zip(cuts, cuts[1:]):
        piece = text[a:b]
        stripped = piece.rstrip()
        lead = len(piece) - len(piece.lstrip())
        if stripped.strip():
            spans.extend(chunks(text, a + lead, a + len(stripped), stamps))
    headers = section_headers(text, start, end)
    if _FIRST_CJK <= max(text[start:end]):
        headers += cjk_breaks(text, start, end)
    # Split after chunking: a header does not change how the words around it are chunked
    # (a run of share buttons stays chunked into the lines its rules know).
    return _split_at(text, spans, headers) if headers else spans


# Chinese and Japanese prose puts no space between its characters: in a glued line, a
# space between two CJK characters is where an element of the page ended (get_text(" ")
# joins them with one), a line break lost: "... する方法 | ノート100YEN.com サイトマップ
# プライバシーポリシー 免責事項 お問い合わせ ...", a subheading run into its paragraph ("... と
# 被る さて、このKindle for PC ..."), the headlines of a related box ("関連記事 2ちゃん専ブラ
# ... する方法 WordPressの記事更新に ... 試してみる ..."). A glued line is split there, so its
# menus and headline runs become the short blocks they were on their lines. A space next to
# a Latin word inside the sentence ("アプリ Kindle for PC に関する話") is not a break.
# Dev half, text path: glued F1 0.8922 -> 0.8959 (P 0.8753 -> 0.8824; the two Japanese pages,
# aeb dev f105de6e P 0.47 -> 0.86 and 85439e26 P 0.64 -> 0.83, recall unchanged);
# aeb, traf and append unchanged (no CJK line over LONG_LINE_CHARS).
_CJK = r"\p{Han}\p{Hiragana}\p{Katakana}ー々〆"
_CJK_BREAK = regex.compile(rf"(?<=[{_CJK}」』）】〕！？。、])\s+(?=[{_CJK}「『（【〔])")
# At or below the first code point of _CJK_BREAK's classes (\p{Han} starts with the CJK
# radicals at U+2E80): a line with no character from there up holds no break (most
# lines, tested with max() in C).
_FIRST_CJK = "\u2e80"


def cjk_breaks(text: str, start: int, end: int) -> list[int]:
    """The offsets in text[start:end] where a space between two CJK characters ends."""
    return [m.end() for m in _CJK_BREAK.finditer(text, start, end)]


# A news story's first paragraph opens with a dateline: "CLEVELAND, Ohio – The Doobie
# Brothers will ...", "WASHINGTON (AP) — Ambassador ...", "Dekalb, Ill. — Mike Glass ...".
# In a glued line the byline, the photo credit or the time stamp before it runs into that
# first sentence ("By Troy L. Smith, Cleveland.com CLEVELAND, Ohio – ..."), and the chrome
# pulls the sentence below the bar. A glued line is split before a dateline: a place in
# capitals (a region and an agency may follow), or a place with a state's abbreviation,
# then a dash and a capital. The split is a sentence cut, made before chunking: a byline
# and a long first sentence were chunked into pieces of 8-20 words together.
# Dev half, text path: glued F1 0.8965 -> 0.8998 (R 0.9105 -> 0.9174; 6 pages gain up to
# +0.16, aeb dev 359fee22 -0.024: a credit and headline line before the dateline, now a
# block of its own, kept by its context); aeb, traf and append unchanged (short lines).
# A title-case place takes up to three capitalised words, the leftmost match: "Associated
# Press Dekalb, Ill. —" splits before "Associated" (the first sentence is still whole).
_DATELINE = regex.compile(
    r"(?<=\s)(?:\p{Lu}[\p{Lu}'’.]+(?:[\s-]+\p{Lu}[\p{Lu}'’.]+){0,2}"
    r"(?:,\s+\p{Lu}[\p{L}.]+(?:\s+\p{Lu}[\p{L}.]+)?)?"
    r"|\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){0,2},\s+(?:\p{Lu}\p{Ll}{1,4}\.|\p{Lu}{2}|\p{Lu}\.\p{Lu}\.))"
    r"(?:\s+\((?:AP|Reuters|AFP|UPI|CNN|dpa|Bloomberg)\)\s+[—–-]|\s+[—–])\s+(?=[\p{Lu}\d\"“])"
)


# The dash of a dateline: _DATELINE is tried only in the few words before one (its search
# over a whole glued line cost more than the rest of the sentence split).
_DATELINE_DASH = re.compile(r"\s[—–]\s|\)\s+-\s")
#: A dateline's place, region and agency fit in this many characters before its dash.
DATELINE_MAX_CHARS = 60


def dateline_starts(text: str, start: int, end: int) -> list[int]:
    """The offsets in text[start:end] where a dateline begins."""
    out: list[int] = []
    for dash in _DATELINE_DASH.finditer(text, start, end):
        a = max(start, dash.start() - DATELINE_MAX_CHARS, out[-1] + 1 if out else start)
        # The window ends two characters after the dash: room for the capital after it.
        m = _DATELINE.search(text, a, min(end, dash.end() + 2))
        while m is not None and m.end() < dash.end():  # an earlier dash's: look on
            m = _DATELINE.search(text, m.start() + 1, min(end, dash.end() + 2))
        if m is not None:
            out.append(m.start())
    return out


# A photo credit that ends with a picture agency's name ends a caption or a credit line:
# "Photograph by Robyn Beck/AFP/Getty Images Shares of construction goods giant ...",
# "... 6:21 AM EST Getty Images Chargers coach Anthony Lynn recognizes ...". In a glued
# line the sentence after it is the story's (or the caption's) and starts a block: glued
# to the credit, caption.credit-line cut it with the credit, or the credit pulled it
# below the bar. Only agency names that end nothing but a credit: "Reuters" and "AFP"
# also open a sentence ("Reuters reported ..."). Dev half, text path: glued F1 0.8998 ->
# 0.9014 (P 0.8829 -> 0.8840, R 0.9174 -> 0.9195; 6 pages gain, aeb dev 8e3efab5 +0.05,
# none loses); aeb, traf and append unchanged.
_AGENCY_END = regex.compile(r"\b(?:Getty\s+Images|Shutterstock)\s+(?=\p{Lu}\p{Ll})")


def credit_ends(text: str, start: int, end: int) -> list[int]:
    """The offsets in text[start:end] right after a credit that ends with an agency name."""
    return [m.end() for m in _AGENCY_END.finditer(text, start, end)]


# A promo line for another story ("Related: The 15 Weirdest Galaxies in Our Universe") is
# glued to the paragraph after it: "... Universe As their galaxies continued to flatten
# ...". promo.read-more then cut the promo with the story's sentence. A headline in title
# case ends where the sentence begins: at the capitalised word before the first word in
# lower case that no title leaves in lower case ("As their", "As the dredgers"). A
# headline in sentence case ("Related: Nelson's OT goal lifts Isles") gives no such end
# and is left alone. Dev half, text path: glued F1 0.9058 -> 0.9063 (aeb dev 3c5bf8db
# +0.025, bd673bd7 +0.018, none loses); aeb, traf, append unchanged; traf pages glued
# into one line unchanged (0.7969).
# Searched in the lowered line with the standard library's re (a folding search with the
# regex module cost as much as the rest of the sentence split).
_PROMO_LABEL = re.compile(
    r"(?<=\s)(?:read\s+(?:more|also|next)|also\s+read|related|see\s+(?:also|more)|recommended"
    r"|don['’]t\s+miss|must\s+read|further\s+reading)\s*[:|]\s+"
)
# Words a title leaves in lower case.
_TITLE_SMALL = frozenset(
    "a an the of in on at to for and or nor but with by from as vs vs. into onto over per via".split())
#: A title-case headline after a promo label has at least this many words before the
#: sentence that follows it (a shorter one is a sentence-case headline's first words).
PROMO_TITLE_MIN_WORDS = 3
#: ... and at most this many: a longer run of capitals is not one headline.
PROMO_TITLE_MAX_WORDS = 25


def promo_ends(text: str, start: int, end: int) -> list[int]:
    """The offsets in text[start:end] where the sentence after a promo's title-case headline begins."""
    out = []
    line = text[start:end]
    lowered = line.lower()
    if len(lowered) != len(line):  # a character lowered into two ("İ"): offsets would move
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in line)
    for m in _PROMO_LABEL.finditer(lowered):
        words = [(w.start(), w.group()) for w in islice(_WORD_SPAN.finditer(text, start + m.end(), end),
                                                         PROMO_TITLE_MAX_WORDS + 2)]
        for k, (_ws, word) in enumerate(words):
            if word[-1] in ".!?":
                break  # the sentence splitter ends the headline
            bare = word.strip("\"'“”‘’()[]")
            if bare and bare[0].islower() and bare.lower() not in _TITLE_SMALL:
                first = k - 1  # the sentence's first word: back over the small words ("As the")
                while first > 0 and words[first][1][0].islower():
                    first -= 1
                if first >= PROMO_TITLE_MIN_WORDS:
                    out.append(words[first][0])
                break
    return out


def _split_at(text: str, spans: list[tuple[int, int]], points: list[int]) -> list[tuple[int, int]]:
    """`spans` split at `points`, each piece stripped of its whitespace."""
    out: list[tuple[int, int]] = []
    k = 0
    points = sorted(set(points))
    for a, b in spans:
        while k < len(points) and points[k] <= a:
            k += 1
        j = k
        while j < len(points) and points[j] < b:
            p = points[j]
            piece_end = p
            while piece_end > a and text[piece_end - 1].isspace():
                piece_end -= 1
            if piece_end > a:
                out.append((a, piece_end))
            a = p
            while a < b and text[a].isspace():
                a += 1
            j += 1
        if a < b:
            out.append((a, b))
    return out


# The header of a section after (or around) the story, the line it had on the page lost
# in a glued dump: "... said. Related content Elsewhere on pv magazine ...", "Read Next
# Hong Kong ...". It becomes a block of its own, so that the rules that know it on its
# own line (related.header, comments.reply-form, navigation.tags, share.share-this) see
# it there too. It must be followed by a capital, a digit or the end (the title of the
# first item): "Related articles in the journal questioned ..." stays one sentence.
# Dev half, text path: glued F1 0.8691 -> 0.8789 (with the glued inline box of
# inline_box._resumes_at), 0.8834 with the other languages' related headers and
# inline_box.GLUED_RESUME_MIN_SHARE; aeb, traf and append unchanged (short lines).
# The comment-thread header ("34 responses to “Title”"): 0.8874 -> 0.8875 with the split
# made after chunking (split before it, the share buttons before a header were left
# unchunked, and no share rule knew them: aeb dev 8e3efa -0.05).
# "Filed under" was tried and left out: on glued pages it opens the head as often as the
# tail (its split moved one page's category label into the headline, F1 -0.005).
_SECTION_HEADER = regex.compile(
    r"""(?<=\s)(?i:"""
    # The headers of the tail rules (packs/related.toml, comments.toml), in their languages.
    r"""(?:related|similar)\s+(?:articles|stories|posts|coverage|content|reading)"""
    r"""|you\s+(?:may|might)\s+also\s+like|read\s+next|recommended\s+for\s+you"""
    r"""|leave\s+a\s+(?:reply|comment)(?:\s+cancel\s+reply)?"""
    r"""|(?:ähnliche|verwandte)\s+(?:beiträge|artikel|nachrichten|themen|meldungen|inhalte)"""
    r"""|articles\s+(?:similaires|liés)|sur\s+le\s+même\s+sujet"""
    r"""|(?:art[ií]culos|notas)\s+relacionad[ao]s|articoli\s+correlati"""
    r"""|(?:artigos|mat[eé]rias)\s+relacionad[ao]s|voc[eê]\s+tamb[eé]m\s+pode\s+gostar"""
    r"""|gerelateerde\s+(?:artikelen|berichten|nieuws)|(?:podobne|powiązane)\s+(?:artykuły|wpisy|wiadomości)"""
    r"""|похожие\s+(?:статьи|новости|материалы|публикации)"""
    # Block rules' headers (share.share-this, navigation.tags, related.section-label).
    r"""|share\s+this(?:\s+(?:article|story|post))?:?|tags:|related\s+links"""
    r""")[:.…]*(?=\s+[\p{Lu}\d]|\s*$)"""
    # The CJK tail headers (related.header-zh, related.header-ja) between spaces: no capital
    # after them to tell a title from a sentence, but they are nouns that open no sentence.
    r"""|(?<=\s)(?:相关文章|相關文章|相关阅读|相關閱讀|猜你喜欢|推荐阅读|推薦閱讀|延伸阅读|延伸閱讀"""
    r"""|関連記事|関連エントリー|あわせて読みたい|合わせて読みたい|おすすめ記事)(?=\s)"""
    # comments.thread-header: "34 responses to “Title”", its title quoted (one level of
    # quotes inside), then the first commenter's name, often in lower case.
    r"""|(?<=\s)(?i:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+"""
    r"""(?:responses?|thoughts?|comments?|replies)\s+(?:to|on)\s*)"""
    r"""[“"«„](?:[^“”"«»\n]|[“"«][^“”"«»\n]{0,200}[”"»]){1,200}[”"»](?=\s|$)"""
)


# A date stamp (with its time) in a glued line ends a byline or a teaser's dateline: the
# head of the page runs into the story's first sentence there ("By Al Root Updated Nov.
# 19, 2019 8:21 am ET Home Depot stock fell ..."; "LinkNaija August 08, 2018 Chelsea have
# ..."). A glued line is split after one that a capital follows. Not after an embedded
# tweet's signature ("— Name (@handle) November 15, 2019"): the story resumes after it and
# its sentence was cut with the tweet (aeb dev 6a72de, 3f65af, 6ebac0: F1 -0.04 each).
# Dev half, text path: glued F1 0.8834 -> 0.8874 (P 0.861 -> 0.868); aeb, traf, append
# unchanged.
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_STAMP = regex.compile(
    r"(?<!\(@\w{1,30}\)\s+)(?:\b" + _MONTH + r"\.?\s+\d{1,2},?\s+\d{4}|\b\d{1,2}\s+" + _MONTH + r"\.?\s+\d{4}"
    r"|\b\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?Z?)?)"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*(?i:[ap]\.?m\.?))?(?:\s+[A-Z]{2,4}\b)?)?"
    r"(?=\s+[\p{Lu}])"
)


# The first words of the headers above: _SECTION_HEADER is tried only where one starts.
# A search of the whole line with it cost 2.5 ms a glued page (its lookbehind at every
# position); the standard library's re finds these words in a fifth of that.
_HEADER_START = re.compile(
    r"(?<=\s)(?:related|similar|you|read|recommended|leave|share|tags:"
    r"|ähnliche|verwandte|articles|sur"
    r"|art[ií]culos|notas|articoli|artigos|mat[eé]rias|voc[eê]|gerelateerde|podobne|powiązane|похожие"
    r"|相关|相關|猜你喜欢|推荐阅读|推薦閱讀|延伸阅读|延伸閱讀|関連記事|関連エントリー|あわせて読みたい|合わせて読みたい"
    r"|おすすめ記事|\d+\s+(?:resp|thou|comm|repl)|(?:one|two|three|four|five|six|seven|eight|nine|ten)\s)",
    re.IGNORECASE,
)


# The same words in lower case, searched in the lowered line without IGNORECASE: four
# times faster (Unicode case folding per character is what IGNORECASE costs).
_HEADER_START_LOWER = re.compile(_HEADER_START.pattern)


# Labels that open a box or a slot rather than a section, capitalised (a sentence says "the
# most popular British band"), searched as written and tried only where one of their first
# words starts (in lower case "most" and "top" open many sentences).
# The labels of the most-read and latest boxes (related.section-label). Dev half, text
# path: glued F1 0.8959 -> 0.8965 (4 pages gain up to +0.02, aeb dev bd673bd7 -0.013: a
# classifier borderline next to the split); aeb, traf, append unchanged.
# An ad slot's label between two paragraphs (navigation.ad-label): "... Gannett Co.
# Advertisement That said, the two companies ...", a capital after it ("Advertisement
# revenue fell" is a sentence's). Dev half, text path: glued F1 0.9014 -> 0.9025 (7 pages
# gain, aeb dev f5c90a6d +0.05 with ten labels; none loses); aeb, traf, append unchanged.
_LABEL_HEADER = regex.compile(
    r"""(?=\p{Lu})(?i:top\s+stories|most\s+(?:popular|read|shared|viewed)|latest\s+news|trending\s+now"""
    r"""|editor['’]?s\s+picks|popular\s+posts)[:.…]*(?=\s+[\p{Lu}\d]|\s*$)"""
    r"""|(?:Advertisement|ADVERTISEMENT|Story\s+continues\s+below\s+advertisement"""
    r"""|Continue\s+reading\s+the\s+main\s+story)(?=\s+[\p{Lu}\d“"‘]|\s*$)"""
)
_LABEL_START = re.compile(
    r"(?<=\s)(?:Top|TOP|Most|MOST|Latest|LATEST|Trending|TRENDING|Editor|EDITOR|Popular|POPULAR"
    r"|Advertisement|ADVERTISEMENT|Story|Continue)\b"
)


def section_headers(text: str, start: int, end: int) -> list[int]:
    """The offsets where a section header of a glued line begins and ends."""
    out: list[int] = []
    last = start
    line = text[start:end]
    lowered = line.lower()
    # A few characters lower into two ("İ"): then the offsets would move, search as is.
    if len(lowered) == len(line):
        found = (c.start() + start for c in _HEADER_START_LOWER.finditer(lowered))
    else:
        found = (c.start() for c in _HEADER_START.finditer(text, start, end))
    for c in found:
        if c < last:
            continue
        m = _SECTION_HEADER.match(text, c, end)
        if m is not None:
            out.extend((m.start(), m.end()))
            last = m.end()
    for label in _LABEL_START.finditer(text, start, end):
        m = _LABEL_HEADER.match(text, label.start(), end)
        if m is not None:
            out.extend((m.start(), m.end()))
    return out


#: A "sentence" of more than this many words in a glued line is a menu, a link list or a
#: headline run glued to a sentence (no punctuation to split on): it is cut into chunks
#: so that the menu words and the story words are judged apart.
MAX_SENTENCE_WORDS = 60
#: Chunks end before a capitalised word once they hold CHUNK_MIN_WORDS, and at
#: CHUNK_MAX_WORDS at the latest (menu items and headlines start with a capital).
CHUNK_MIN_WORDS = 8
CHUNK_MAX_WORDS = 20
_WORD_SPAN = regex.compile(r"\S+")


#: A lower-case word of at most this many letters before a capital ("paid the fee to the
#: Spanish league", "der Stadt", "de la Ville") is an article or a preposition: a name
#: follows inside the sentence, not a new menu item or headline, and a chunk does not end
#: there. Dev half, text path: glued F1 0.8893 -> 0.8943 (P 0.873 -> 0.880, R 0.906 ->
#: 0.909); a change of chunks, so noisy per page: of 43 glued pages that moved, 20 gained
#: (up to +0.05) and 23 lost (up to -0.08, classifier borderlines); aeb, traf, append
#: unchanged. With the length test alone (no _LONG_FUNCTION_WORDS) 0.8931.
FUNCTION_WORD_MAX_CHARS = 3


# The longer English prepositions and conjunctions that a name follows ("across Iran").
_LONG_FUNCTION_WORDS = frozenset(
    "with from into onto over after before about across against between during under without through "
    "toward towards near than that when where while like says said".split())


def _function_word(text: str, start: int, end: int) -> bool:
    word = text[start:end]
    return word.isalpha() and word.islower() and (len(word) <= FUNCTION_WORD_MAX_CHARS or word in _LONG_FUNCTION_WORDS)


def _stamps_in(stamps: Sequence[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The spans of `stamps` (sorted) that lie in text[start:end] and end before its end."""
    k = bisect_left(stamps, (start, -1))
    out = []
    while k < len(stamps) and stamps[k][0] < end:
        if stamps[k][1] < end:
            out.append(stamps[k])
        k += 1
    return out


def _at_stamps(text: str, start: int, end: int, found: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """text[start:end] split after each date stamp of `found` (that a capital follows)."""
    out = []
    for _a, b in found:
        out.append((start, b))
        start = b + 1
        while start < end and text[start].isspace():
            start += 1
    out.append((start, end))
    return out


def chunks(text: str, start: int, end: int,
           stamps: Sequence[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Split text[start:end] into chunks when it is too long to be one sentence.

    `stamps`: the spans of _STAMP in the line (searched here when not given)."""
    if stamps is None:
        stamps = [m.span() for m in _STAMP.finditer(text, start, end)]
    found = _stamps_in(stamps, start, end) if stamps else []
    piece = text[start:end]
    # Most sentences are short: str.split() counts their words in C. It counts the words
    # of _WORD_SPAN unless the piece holds one of STR_ONLY_SPACE (spaces to str only).
    if len(piece.split()) <= MAX_SENTENCE_WORDS and not has_str_only_space(piece):
        return _at_stamps(text, start, end, found) if found else [(start, end)]
    words = [(m.start(), m.end()) for m in _WORD_SPAN.finditer(text, start, end)]
    if len(words) <= MAX_SENTENCE_WORDS:
        return _at_stamps(text, start, end, found) if found else [(start, end)]
    # A chunk ends after a date stamp, and not inside one ("November 18, 2019, 11:00 | AM").
    ends = {b for _a, b in found}
    inside: set[int] = set()
    if found:
        starts = [ws for ws, _we in words]
        for a, b in found:
            inside.update(starts[bisect_right(starts, a):bisect_left(starts, b)])
    out, first, count = [], 0, 0
    for k, (ws, _we) in enumerate(words):
        if count >= CHUNK_MAX_WORDS or (count >= CHUNK_MIN_WORDS and text[ws].isupper() and ws not in inside
                                         and not _function_word(text, *words[k - 1])) or (
                count and words[k - 1][1] in ends):
            out.append((words[first][0], words[k - 1][1]))
            first, count = k, 0
        count += 1
    out.append((words[first][0], words[-1][1]))
    return out


def segment(text: str, skip: Sequence[tuple[int, int]] = ()) -> tuple[Block, ...]:
    """Split `text` into blocks: one per line, or one per sentence for a long line.

    The spans `skip` (headers the caller already removed, each opening a line, in text
    order) are not segmented.

    >>> [b.text for b in segment("Title\\n\\nFirst paragraph.\\n")]
    ['Title', 'First paragraph.']
    """
    blocks: list[Block] = []
    pending = list(skip)[::-1]  # popped from the end: the next header in text order
    for para, (start, end) in enumerate(lines(text)):
        if not pending and end - start <= LONG_LINE_CHARS:  # most lines: one block, as below
            blocks.append(Block(len(blocks), start, end, text[start:end], para, "line"))
            continue
        while pending and pending[-1][1] <= start:
            pending.pop()
        if pending and pending[-1][0] < end:
            start = max(start, pending[-1][1])  # a header opens its line (or spans it)
            # (lines() strips: only a start moved past a header can sit on a space)
            while start < end and text[start].isspace():
                start += 1
            if start >= end:
                continue
        if end - start > LONG_LINE_CHARS:
            spans = sentences(text, start, end)
            kind = "sentence" if len(spans) > 1 else "line"
        else:
            spans, kind = [(start, end)], "line"
        for a, b in spans:
            # Positional (index, start, end, text, para, kind): a frozen dataclass built
            # from keywords costs twice as much, and a page has hundreds of blocks.
            blocks.append(Block(len(blocks), a, b, text[a:b], para, kind))
    return tuple(blocks)
