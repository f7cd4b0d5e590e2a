"""The speed-ups take shortcuts (a last character instead of a regex, a prefilter before
one, plain `re` for an ASCII pattern, a bound before a costly measure): each must give the
answer of the plain form it replaced, whatever the text."""

from __future__ import annotations

import collections
import functools
from pathlib import Path

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext import Cleaner, Config, features, lang, metadata, render, segment, window
from cleantext.features import DATELIKE_MAX_WORDS, block_features
from cleantext.ingest import read
from cleantext.model import Block
from cleantext.rules import carousel, cohesion, story_facts
from cleantext.rules.match import KeywordIndex
from cleantext.rules.registry import Rule

# Characters that sit on the edge of each shortcut: ASCII and Unicode digits, spaces and
# quotes, bullets, sentence marks, link and separator characters, CJK.
TRICKY = "aZ 09.!?:;,\"')-*•–—…”’»１２\u3000\u00a0\t\n\x1c\x1f@#|/›wcom中"
texts = st.text(alphabet=TRICKY, min_size=1, max_size=40)


def _features(text: str) -> features.Features:
    return block_features([Block(index=0, start=0, end=len(text), text=text, para=0, kind="line")], "en")[0]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_block_features_match_the_plain_regexes(text: str) -> None:
    f = _features(text)
    assert f.ends_sentence == bool(features._END_PUNCT.search(text))
    assert f.sentences == len(features._SENT_PUNCT.findall(text))
    assert f.bullet == bool(features._BULLET.match(text))
    assert f.datelike == (f.words <= DATELIKE_MAX_WORDS and bool(features._DATELIKE.search(text)))
    assert f.urls == len(features._URLISH.findall(text))
    assert f.separators == len(features._SEPARATORS.findall(text))
    if text.isascii():  # counted in bytes (features._ASCII_CLASSES)
        firsts = [t[0] for t in text.split() if t[0].isalpha()]
        assert f.title_case == (sum(map(str.isupper, firsts)) / len(firsts) if firsts else 0.0)
        letters = sum(map(str.isalpha, text))
        assert f.upper == (sum(map(str.isupper, text)) / letters if letters else 0.0)
        assert f.digits == sum(map(str.isdigit, text)) / len(text)


def test_a_date_in_fullwidth_digits_is_datelike() -> None:
    # The digit prefilter counts ASCII digits only; other digits must still reach the regex.
    assert _features("１２:３０ Uhr").datelike
    assert not _features("Home").datelike


_TOKEN_ASCII_ALPHABET = "aZz09'-’ .,é"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_TOKEN_ASCII_ALPHABET, max_size=40))
def test_ascii_words_are_the_words_of_the_unicode_pattern(text: str) -> None:
    low = text.lower()
    if low.isascii():
        assert cohesion._ASCII_TOKEN.findall(low) == cohesion._TOKEN.findall(low)


_CLAUSE_END = regex.compile(r"[.;:,]['\"”’»)\]]*$")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab .;:,'\"”’»)]", max_size=20))
def test_the_clause_ending_test_is_the_regex(text: str) -> None:
    bare = text.rstrip(story_facts.CLOSERS)
    assert (bool(bare) and bare[-1] in story_facts.CLAUSE_END) == bool(_CLAUSE_END.search(text))


_KEYWORDS = ("ab", "b", "abc", "ü", "中文", "a b", "@")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="abcü中文 @İ", max_size=12), min_size=1, max_size=6))
def test_the_keyword_automaton_finds_what_a_substring_test_finds(texts: list[str]) -> None:
    rules = [Rule(f"r{k}", "custom", "block", ("x",), "r", keywords=(kw,)) for k, kw in enumerate(_KEYWORDS)]
    lowered = [t.lower() for t in texts]
    holding = KeywordIndex.of(rules).blocks_holding(lowered)
    for kw in _KEYWORDS:
        assert holding.get(kw, set()) == {i for i, low in enumerate(lowered) if kw in low}


_ONE_SCAN = regex.compile(r"A[a'A]*|a[a']*|0+")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ09' .,:-'\x1c", max_size=40))
def test_the_shape_substitutions_are_one_scan(text: str) -> None:
    one_scan = _ONE_SCAN.sub(lambda m: m.group()[0], text.translate(features._ASCII_SHAPE_TABLE))
    assert features.shape(text) == one_scan


_HEADER_PARTS = (" date 2025-06-17 ", "date:2025-06-17", "Published 2024-01-02T10:20Z", "fecha=2020-02-02",
                 "datum 2020-01-01\t", "publiſhed 2025-06-17", "DATE ٢٠٢٥-٠٦-١٧ ", "12345-67-89",
                 "\r\n", "\n", "\r", "\u2028", "\x85", "\x0b", " ", "x", "\u00a0")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_HEADER_PARTS), max_size=12).map("".join))
def test_date_headers_tried_at_line_starts_are_what_finditer_finds(text: str) -> None:
    scanned = [(m.start() + len(m.group()) - len(m.group().lstrip()), m.end(), m.group(1))
               for m in metadata._DATE_HEADER.finditer(text)]
    assert [(h.start, h.end, h.date) for h in metadata.date_headers(text)] == scanned


# Line breaks, spaces and invisible characters of every kind, U+001C-U+001F included.
_SPACES = "ab. 1\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u2028\u2029\u2000\u3000\u200b\ufeff"
_PLAIN_WS = regex.compile(r"[^\S\n]+")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_SPACES, max_size=30))
def test_normalize_is_the_per_line_substitution(text: str) -> None:
    lines = (_PLAIN_WS.sub(" ", line).strip() for line in render._NEWLINES.sub("\n", text).split("\n"))
    assert render.normalize(text) == "\n\n".join(p for p in lines if p and not segment._INVISIBLE.match(p))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_SPACES + "\x1b\x20\u201c\U0001f600", max_size=30))
def test_the_str_only_space_test_is_the_search(text: str) -> None:
    assert segment.has_str_only_space(text) == (segment._STR_ONLY_SPACE.search(text) is not None)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_SPACES, max_size=30))
def test_lines_are_what_the_line_regex_finds(text: str) -> None:
    plain = []
    for m in segment._LINE.finditer(text):
        chunk = m.group()
        lead, trail = len(chunk) - len(chunk.lstrip()), len(chunk) - len(chunk.rstrip())
        if not segment._INVISIBLE.match(chunk) and m.start() + lead < m.end() - trail:
            plain.append((m.start() + lead, m.end() - trail))
    assert list(segment.lines(text)) == plain


def test_the_carousel_prefilter_misses_no_folded_letter() -> None:
    # Every character the intro regex folds onto a letter of a prefilter word lowers to it.
    letters = set("".join(carousel._INTRO_WORD.pattern.split("|")))
    any_letter = regex.compile("[" + "".join(sorted(letters)) + "]", carousel._F)
    folds = {letter: regex.compile(regex.escape(letter), carousel._F) for letter in letters}
    for char in map(chr, range(0x110000)):
        if any_letter.fullmatch(char):
            lowered = char.lower().replace("ſ", "s").replace("\u0307", "")
            assert all(lowered == letter for letter, fold in folds.items() if fold.fullmatch(char))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(("Top", "ſtories", "STORIES", "most", "reaD", "TRENDİNG", "Now", "à", "la", "UNE",
                                 "lo", "más", "leÍdo", "les", "pluſ", "lus", "Editor’s", "picks", "-", "themen",
                                 " ", "\u00a0", "\n", "x", "Meistgelesen")), max_size=8).map("".join))
def test_the_carousel_prefilter_keeps_every_intro(text: str) -> None:
    if carousel._INTRO.search(text):
        assert carousel._may_hold_intro(text)


def test_a_repeated_block_gets_the_hits_of_its_first_copy() -> None:
    from cleantext.rules.match import match_rules

    rule = Rule("r", "custom", "span", (r"share\w*",), "r", keywords=("share",),
                compiled=regex.compile(r"(?i)share\w*"))
    texts = ["Share this", "Prose with nothing.", "Share this", "shared  twice share", "Share this"]
    blocks = [Block(index=i, start=0, end=len(t), text=t, para=i, kind="line") for i, t in enumerate(texts)]
    hits = match_rules(blocks, [rule], None, 1.0, [len(t.split()) for t in texts])
    alone = [(i, a, b) for i, t in enumerate(texts) for a, b in rule.spans(t)]
    assert [(h.block, h.start, h.end) for h in hits.spans] == alone


@settings(max_examples=100, deadline=None)
@given(st.lists(texts, min_size=1, max_size=6))
def test_a_repeated_block_measures_like_its_first_copy_but_for_its_position(chunks: list[str]) -> None:
    doc = chunks + chunks[::-1]
    blocks = [Block(index=i, start=0, end=len(t), text=t, para=i, kind="line") for i, t in enumerate(doc)]
    feats = block_features(blocks, "en")
    lone = block_features(blocks[::-1], "en")  # the other copy comes first
    for i, f in enumerate(feats):
        assert f == lone[len(doc) - 1 - i]._replace(position=f.position)
        assert f.position == i / len(doc)


@functools.lru_cache(maxsize=1)
def _plain_factory():  # type: ignore[no-untyped-def]
    """langdetect's factory as it loads itself, profiles and all (lang.py reshapes its own)."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    assert factory.langlist == lang._factory().langlist
    return factory


def _langdetect_by_the_book(sample: str) -> tuple[str, list[float] | None]:
    """langdetect's own append, cleaning and detection."""
    from langdetect.lang_detect_exception import LangDetectException

    detector = _plain_factory().create()
    detector.seed = 0
    detector.set_max_text_length(lang.SAMPLE_CHARS)
    detector.append(sample)
    try:
        detector.detect()
    except LangDetectException:
        return detector.text, None
    return detector.text, detector.langprob


def _langdetect_fast(sample: str) -> tuple[str, list[float] | None]:
    from langdetect.lang_detect_exception import LangDetectException

    detector = lang._factory().create()
    detector.seed = 0
    detector.text = lang._appended(sample, lang.SAMPLE_CHARS)
    try:
        langprob = lang._probabilities(detector)
    except LangDetectException:
        return detector.text, None
    return detector.text, langprob  # the text after cleaning_text, as in langdetect


# Latin, Vietnamese with combining marks, Cyrillic, Arabic with Farsi yeh, kana, kanji,
# hangul, general punctuation, spaces, links and e-mail addresses, capitals in a row.
LANG_ALPHABET = "aeiouAEIOU nstrlABC xyz`[^_éßçñ\u0301\u0323ạễ дяПЖ بيی あア中国語한 \u2019\u2014.,:@/"
_LANG_PARTS = st.sampled_from(["http://x.example/a?b=1 ", "mail@example.org ", "  ", "NASA ", "Año "])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.text(alphabet=LANG_ALPHABET, min_size=1, max_size=30), _LANG_PARTS),
                min_size=1, max_size=12).map("".join))
def test_langdetect_fast_path_is_langdetect(sample: str) -> None:
    assert _langdetect_fast(sample) == _langdetect_by_the_book(sample)


def test_langdetect_fast_path_on_long_samples() -> None:
    # Past the length limit, in scripts whose Latin letters are cleaned out, and prose.
    samples = [
        "Der Bundestag hat am Donnerstag ein neues Gesetz beschlossen, das die Mieten begrenzt. " * 30,
        "O governo anunciou hoje novas medidas para a economia, disse o ministro. " * 25,
        "東京都は新しい計画を発表した。Tokyo の人口は増えている。" * 40,
        "Президент заявил, что USA и Россия проведут переговоры в понедельник. " * 20,
        "Nhà nước đã công bố kế hoạch mới cho nền kinh tế, bộ trưởng cho biết. " * 20,
        "Harga minyak naik tajam setelah pemerintah mengumumkan kebijakan baru. " * 20,
    ]
    for sample in samples:
        fast, book = _langdetect_fast(sample), _langdetect_by_the_book(sample)
        assert fast == book
        assert book[1] is not None


def test_no_code_point_below_first_cjk_is_cjk() -> None:
    # block_features skips the CJK regex for a block whose non-ASCII part is all below it.
    first = next(c for c in range(0x110000) if features._CJK_CHAR.match(chr(c)))
    assert chr(first) == features._FIRST_CJK


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ 09.é’中ﾃ가\ud800", max_size=60), st.integers(min_value=0, max_value=50))
def test_the_letter_threshold_is_the_letter_count(text: str, k: int) -> None:
    assert lang._has_letters(text, k) == (lang.letter_count(text) >= k)
    assert lang.is_cjk(text) == (lang._CJK.search(text) is not None and
                                 2 * len(lang._CJK.findall(text)) > lang.letter_count(text) > 0)


def _vote_by_the_loop(sample: str) -> str | None:
    """stopword_vote as it was written first: a loop over each word's languages."""
    if lang.is_cjk(sample):
        return None
    index = lang._stopword_index()
    hits: dict[str, int] = {}
    low = sample.lower()
    counts = collections.Counter(lang._ASCII_WORDS.findall(low) if low.isascii() else lang._WORDS.findall(low))
    for word in counts.keys() & index.keys():
        for code in index[word]:
            hits[code] = hits.get(code, 0) + counts[word]
    if not hits:
        return None
    ranked = sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))
    second = ranked[1][1] if len(ranked) > 1 else 0
    ok = ranked[0][1] >= lang.VOTE_MIN_HITS and ranked[0][1] >= lang.VOTE_MIN_RATIO * second
    return ranked[0][0] if ok else None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["the", "and", "der", "die", "und", "le", "la", "et", "de", "el", "y", "que",
                                 "och", "og", "на", "и", "news", "é", "’s", "x"]), max_size=60))
def test_the_stoplist_vote_is_the_loop_over_languages(words: list[str]) -> None:
    sample = " ".join(words)
    assert lang.stopword_vote(sample) == _vote_by_the_loop(sample)


def test_the_wide_sentence_characters_are_those_of_the_regex() -> None:
    # sentence_marks counts in bytes when a block's non-ASCII part holds none of them.
    takes = regex.compile(r"[.!?。！？]|\s")
    wide = {chr(c) for c in range(128, 0x110000) if takes.match(chr(c))}
    assert wide == features._WIDE_SENT_CHARS


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="aZé’É1１٣ '\u0301中.\n", max_size=12), min_size=1, max_size=6))
def test_the_batched_shapes_are_each_line_shaped_by_one_scan(texts: list[str]) -> None:
    def one_scan(text: str) -> str:
        return features._SHAPE_WORD.sub(
            lambda m: "0" if m.group()[0].isdigit() else ("A" if m.group()[0].isupper() else "a"), text)

    for text, shaped in zip(texts, features.short_shapes(texts)):
        assert shaped == (features.shape(text) if text.isascii() else one_scan(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="ab \n", max_size=8), max_size=30), st.integers(min_value=0, max_value=40))
def test_sample_prose_takes_the_longest_blocks_earlier_first(texts: list[str], limit: int) -> None:
    order = sorted(range(len(texts)), key=lambda i: (-len(texts[i]), i))
    chosen, total = [], 0
    for i in order:
        if total >= limit:
            break
        chosen.append(i)
        total += len(texts[i])
    assert lang.sample_prose(texts, limit) == "\n".join(texts[i] for i in sorted(chosen))[:limit]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab 1中あア한\u2e80\u3007\u32d0々’", max_size=20))
def test_is_cjk_is_the_plain_count(text: str) -> None:
    # Radicals, 〇 and circled katakana are CJK to the regex but not letters.
    letters = len(regex.findall(r"\p{L}", text))
    assert lang.is_cjk(text) == (letters > 0 and len(lang._CJK.findall(text)) * 2 > letters)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["the", "and", "der", "und", "le", "la", "de", "el", "x", "of", "die"]), max_size=40))
def test_stopword_vote_is_the_plain_count(words: list[str]) -> None:
    index = lang._stopword_index()
    hits: dict[str, int] = {}
    for word in words:
        for code in index.get(word, ()):
            hits[code] = hits.get(code, 0) + 1
    ranked = sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))
    expected = None
    if ranked:
        best, best_hits = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0
        if best_hits >= lang.VOTE_MIN_HITS and best_hits >= lang.VOTE_MIN_RATIO * second:
            expected = best
    assert lang.stopword_vote(" ".join(words)) == expected


def test_clean_is_the_text_of_clean_document() -> None:
    # clean() asks the engine for no verdicts and no title; its text must not change.
    inputs = [p.read_text("utf-8") for p in sorted(Path(__file__).parents[1].glob("corpus/*/input.*"))]
    assert len(inputs) > 40
    for config in (Config(), Config(settle=True)):
        cleaner = Cleaner(config)
        for text in inputs:
            assert cleaner.clean(text) == cleaner.clean_document(text).text
    # A document cleaned in windows.
    glued = "\n".join(inputs[:20])
    compiled = Cleaner(Config())._compiled
    doc = read(glued, Config())
    assert window.clean(doc, compiled, size=5000, metadata=False).text == window.clean(doc, compiled, size=5000).text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Word", "word", " ", "  ", "\t", "\x1c", "\x1f", "\u3000", "\u00a0", "\u180e",
                                 "x\u200b"]), max_size=160).map("".join))
def test_chunks_count_words_as_the_word_pattern(text: str) -> None:
    # chunks() returns the piece whole when str.split() finds few enough words.
    spans = segment.chunks(text, 0, len(text))
    if len(segment._WORD_SPAN.findall(text)) <= segment.MAX_SENTENCE_WORDS:
        assert spans == [(0, len(text))]
    else:
        assert len(spans) > 1


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(("Top", "ſtories", "most", "TRENDİNG", "une", "x", " ", "\n", "İ", "leÍdo")),
                         max_size=5).map("".join), max_size=8))
def test_the_carousel_prefilter_in_one_search_is_the_prefilter_of_each(texts: list[str]) -> None:
    folded = [carousel._folded(t) for t in texts]
    assert carousel._holding_intro_word(folded) == {i for i, t in enumerate(texts) if carousel._may_hold_intro(t)}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_the_ascii_stopword_words_are_the_words_of_the_unicode_pattern(text: str) -> None:
    low = text.lower()
    assert lang._ASCII_WORDS.findall(low) == lang._WORDS.findall(low)


def test_a_block_built_by_its_own_init_is_the_dataclass() -> None:
    import dataclasses

    block = Block(3, 10, 14, "Home", 2)
    assert dataclasses.astuple(block) == (3, 10, 14, "Home", 2, "line")
    assert block == Block(index=3, start=10, end=14, text="Home", para=2, kind="line")
    assert hash(block) == hash(Block(3, 10, 14, "Home", 2, "line"))
    assert dataclasses.replace(block, kind="sentence").kind == "sentence"
    try:
        block.text = "x"  # type: ignore[misc]
    except dataclasses.FrozenInstanceError:
        pass
    else:
        raise AssertionError("a Block must stay frozen")


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=30), st.integers(min_value=0, max_value=26),
       st.integers(min_value=0, max_value=2**32 - 1))
def test_stage_logits_adds_as_the_column_loop(n: int, k: int, seed: int) -> None:
    import numpy as np

    from cleantext.classify import stage_logits

    rng = np.random.default_rng(seed)
    rows = rng.normal(size=(n, k)) * rng.choice([1e-9, 1.0, 1e9], size=(n, k))
    rows[rng.random((n, k)) < 0.3] = 0.0  # zeros times negative weights: -0.0 terms
    weights = [float(w) for w in rng.normal(size=k) * 10]
    z = np.zeros(n)
    for j, w in enumerate(weights):
        z += rows[:, j] * w
    assert stage_logits(rows, weights).tobytes() == z.tobytes()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(min_value=0, max_value=20), st.booleans()), max_size=40))
def test_short_runs_are_the_index_loop(shapes: list[tuple[int, bool]]) -> None:
    from cleantext.classify import RUN_MAX_WORDS, short_runs

    feats = [_features("x")._replace(words=w, ends_sentence=e) for w, e in shapes]
    short = [w <= RUN_MAX_WORDS and not (e and w > 3) for w, e in shapes]
    expected, i = [0] * len(short), 0
    while i < len(short):
        j = i
        while j < len(short) and short[j]:
            j += 1
        for k in range(i, j):
            expected[k] = j - i
        i = max(j, i + 1)
    assert short_runs(feats) == expected


@settings(max_examples=300, deadline=None)
@given(st.floats(allow_nan=True, allow_infinity=True), st.floats(min_value=0.0, max_value=1.0))
def test_the_classifier_reason_is_the_f_string(context: float, alone: float) -> None:
    assert ("not story-like in context (p=%.2f alone %.2f)" % (context, alone)  # noqa: UP031
            == f"not story-like in context (p={context:.2f} alone {alone:.2f})")


def _cohesion_per_term(all_vectors: list[collections.Counter[str]], counted: list[bool]) -> cohesion.Cohesion:
    """cohesion.cohesion as the per-term loop it was written as (the reference)."""
    import math

    empty: collections.Counter[str] = collections.Counter()
    vectors = tuple(v if ok else empty for v, ok in zip(all_vectors, counted))
    n_docs = sum(1 for v in vectors if v) or 1
    df: dict[str, int] = {}
    first: dict[str, int] = {}
    total: dict[str, int] = {}
    for i, v in enumerate(vectors):
        for t, c in v.items():
            if t in df:
                df[t] += 1
                total[t] += c
            else:
                df[t], total[t], first[t] = 1, c, i
    idf = {t: math.log(1.0 + n_docs / d) for t, d in df.items()}
    w2 = {t: w * w for t, w in idf.items()}
    before: dict[str, int] = {}
    dot = nb = covered_mass = 0.0
    na = sum(w2[t] * c * c for t, c in total.items())
    mass_after = sum(idf[t] * c for t, c in total.items())
    nterms_total = sum(total.values())
    nterms_before = 0
    cos_out, cov_out, bt, at = [], [], [], []
    cos = cov = 0.0
    for v in vectors:
        cos_out.append(cos)
        cov_out.append(cov)
        bt.append(nterms_before)
        at.append(nterms_total - nterms_before)
        if not v:
            continue
        for t, c in v.items():
            cb, ct, w, i_ = before.get(t, 0), total[t], w2[t], idf[t]
            dot += w * c * (ct - 2 * cb - c)
            nb += w * c * (2 * cb + c)
            na += w * c * (c - 2 * (ct - cb))
            if cb == 0:
                covered_mass += i_ * (ct - c)
            else:
                covered_mass -= i_ * c
            mass_after -= i_ * c
            before[t] = cb + c
            nterms_before += c
        cos = dot / math.sqrt(nb * na) if nb > 0 and na > 0 else 0.0
        cov = covered_mass / mass_after if mass_after > 1e-9 else 0.0
    return cohesion.Cohesion(tuple(cos_out), tuple(cov_out), tuple(bt), tuple(at), vectors, idf, first)


_vectors = st.lists(st.dictionaries(st.sampled_from("abcdefghij"), st.integers(1, 4), max_size=6)
                    .map(collections.Counter), max_size=12)


@settings(max_examples=500, deadline=None)
@given(_vectors, st.lists(st.booleans(), min_size=12, max_size=12))
def test_cohesion_by_running_sums_is_the_per_term_loop(vectors: list[collections.Counter[str]],
                                                       counted: list[bool]) -> None:
    counted = counted[:len(vectors)]
    got, want = cohesion.cohesion(vectors, counted), _cohesion_per_term(vectors, counted)
    assert got == want
    assert list(got.idf) == list(want.idf) and list(got.first) == list(want.first)


def test_cohesion_on_the_pages_is_the_per_term_loop() -> None:
    # Real vectors: hundreds of terms, long documents (the running sums grow large).
    corpus = Path(__file__).resolve().parent.parent / "corpus"
    texts = [p.read_text("utf-8") for p in sorted(corpus.glob("*/input.txt"))]
    for text in texts:
        vectors = list(cohesion.term_vectors([b.text for b in segment.segment(text)], "en"))
        for counted in ([True] * len(vectors), [i % 3 != 1 for i in range(len(vectors))]):
            assert cohesion.cohesion(vectors, counted) == _cohesion_per_term(vectors, counted)


def _corpus_documents() -> list[tuple[list[Block], tuple[features.Features, ...]]]:
    corpus = Path(__file__).resolve().parent.parent / "corpus"
    docs = []
    for path in sorted(corpus.glob("*/input.txt")):
        blocks = segment.segment(path.read_text("utf-8"))
        docs.append((blocks, block_features(blocks, "en")))
    return docs


def test_score_blocks_is_the_stage_functions_composed() -> None:
    # score_blocks converts the measures once and shares the word logarithms between
    # the stages; alone_matrix and context_vectors (what benchmarks/fit.py fits on)
    # build each from the features alone.
    from cleantext.classify import alone_matrix, context_vectors, score_blocks, shipped_model, sigmoid, stage_logits

    model = shipped_model()
    for blocks, feats in _corpus_documents():
        kinds = [b.kind for b in blocks]
        alone, context = score_blocks(feats, kinds, model)
        z = stage_logits(alone_matrix(feats, kinds), model.alone)
        assert alone == [sigmoid(x) for x in z.tolist()]
        for weights in model.context:
            z = stage_logits(context_vectors(z.tolist(), feats), weights)
        assert context == [sigmoid(x) for x in z.tolist()]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.one_of(st.integers(0, 5000), st.floats(0, 5000)), min_size=3, max_size=3), max_size=8))
def test_log1p_of_a_table_of_counts_is_math_log1p(rows: list[list[float]]) -> None:
    import math

    import numpy as np

    from cleantext.classify import _log1p

    values = np.array(rows, dtype=float).reshape(len(rows), 3).T  # a row per measure, as score_blocks
    assert _log1p(values).tolist() == [[math.log1p(v) for v in row] for row in values.tolist()]


def test_a_classifier_reason_written_late_is_the_one_decide_writes() -> None:
    # The engine asks decide() for pending classifier reasons and writes the ones it shows.
    from cleantext.classify import score_blocks, shipped_model
    from cleantext.config import Config
    from cleantext.decide import CLASSIFIER_PENDING, classifier_reason, decide
    from cleantext.rules.match import RuleHits

    for blocks, feats in _corpus_documents():
        alone, context = score_blocks(feats, [b.kind for b in blocks], shipped_model())
        written = decide(blocks, feats, RuleHits(), alone, context, Config())
        pending = decide(blocks, feats, RuleHits(), alone, context, Config(), explain=False)
        assert [d if d[3] is not CLASSIFIER_PENDING else (*d[:3], classifier_reason(context[i], alone[i]))
                for i, d in enumerate(pending)] == written


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=TRICKY + "\r\x0b\x0c\x1d\x1e\x85\u2028\u2003", max_size=30))
def test_collapsing_spaces_is_the_substitution(text: str) -> None:
    from cleantext.rules import registry

    assert registry.collapse_spaces(text) == registry._WS_RUN.sub(" ", text)


def test_printable_ascii_holds_no_whitespace_but_the_space() -> None:
    from cleantext.rules import registry

    assert [chr(c) for c in range(128) if chr(c).isprintable() and registry._WS_RUN.match(chr(c) * 2)] == [" "]


_RULE_WORDS = ("ab", "b", "abc", "", "ü", "x y")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="abcü xy", max_size=12), min_size=1, max_size=6),
       st.lists(st.tuples(st.sets(st.sampled_from(_RULE_WORDS), max_size=2), st.sampled_from(("block", "span")),
                          st.booleans()), min_size=1, max_size=6))
def test_match_rules_tries_the_rules_a_rule_loop_would(texts: list[str],
                                                       shapes: list[tuple[set[str], str, bool]]) -> None:
    # match_rules looks only at the rules with a keyword on the page (or none): the hits
    # of a loop over every rule, each tried on the blocks holding one of its keywords.
    from cleantext.rules.match import candidate_blocks, match_rules

    rules = [Rule(f"r{k}", "custom", scope, ("b|ü",), "r", keywords=tuple(sorted(words)),
                  sites=("example.com",) if sited else (), compiled=regex.compile("b|ü"))
             for k, (words, scope, sited) in enumerate(shapes)]
    blocks = [Block(index=i, start=0, end=len(t), text=t, para=i, kind="line") for i, t in enumerate(texts)]
    holding = KeywordIndex.of(rules).blocks_holding([t.lower() for t in texts])
    for site in (None, "example.com"):
        spans, first = [], {}
        for rule in rules:
            if not rule.applies_to(site):
                continue
            for i in candidate_blocks(rule, holding, len(blocks)):
                found = rule.spans(texts[i])
                if found and rule.scope == "span":
                    spans += [(i, a, b, rule.id) for a, b in found]
                elif found:
                    first.setdefault(i, rule.id)
        for keywords in (KeywordIndex.of(rules), KeywordIndex.of(list(rules)), None):  # its plan, one made here
            hits = match_rules(blocks, rules, site, 1.0, keywords=keywords)
            assert [(h.block, h.start, h.end, h.rule.id) for h in hits.spans] == sorted(spans)
            assert {i: h.rule.id for i, h in hits.blocks.items()} == first


def test_no_code_point_below_segments_first_cjk_makes_a_cjk_break() -> None:
    # segment.sentences skips the CJK break search for a line with no character from there up.
    from cleantext import segment

    first = next(c for c in range(0x110000)
                 if segment._CJK_BREAK.search(chr(c) + " あ") or segment._CJK_BREAK.search("あ " + chr(c)))
    assert chr(first) == segment._FIRST_CJK


def test_langdetect_never_names_a_block_in_its_cleaning_test() -> None:
    # lang._cleaned counts every character from U+0300 on as non-Latin: langdetect's
    # `unicode_block(ch) != 'Latin Extended Additional'` holds for each, as unicode_block
    # returns a block number or None, never a name.
    from langdetect.utils.unicode_block import unicode_block

    assert all(unicode_block(chr(c)) != "Latin Extended Additional" for c in range(0x300, 0x110000))


# Capitals and small letters (Latin, Greek, Cyrillic), letters without case (kana, han),
# a titlecase letter, marks, digits, punctuation.
_NGRAM_ALPHABET = "aAbBzZéÉΣσЖж\u01c5あア中国\u0301'1-"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_NGRAM_ALPHABET, min_size=1, max_size=12), st.booleans())
def test_the_sliced_ngrams_are_the_character_loop(word: str, closed: bool) -> None:
    # lang._ngrams slices the n-grams of a word without two capitals in a row.
    known = lang._factory().word_lang_prob_map
    assert " " not in known  # so the closing space's 1-gram is never found
    padded = " " + word + " " if closed else " " + word
    if not any(a.isupper() and b.isupper() for a, b in zip(padded, padded[1:])):
        assert lang._plain_ngrams(padded, known) == lang._word_ngrams(padded, known)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab é’'\u0301-_1١中あ\u2019\u201c\u2014\u00a0\x1c\n\\]^\ud800", max_size=40))
def test_the_vote_words_are_the_words_of_the_unicode_pattern(text: str) -> None:
    # lang._words finds _WORDS's runs with the standard library's re.
    assert lang._words(text) == lang._WORDS.findall(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ .!?…。！？\t\n\u00a0\u3000x", max_size=40))
def test_repeated_lines_normalise_and_split_as_the_plain_forms(text: str) -> None:
    # decide.normalised skips the split and join of printable ASCII without a double or
    # an outer space; decide.sentences splits at a mark and its space, not by lookbehind.
    from cleantext import decide

    key = " ".join(text.lower().split())
    assert decide.normalised(text) == key
    assert decide.sentences(key) == decide._SENTENCE_BREAK.split(key)


def test_keyword_order_finds_what_the_sorted_order_finds() -> None:
    # KeywordIndex adds the keywords with the frequent letters first (a faster automaton):
    # on the shipped rules and every corpus document, the same blocks hold each keyword.
    import ahocorasick

    from cleantext.rules.registry import shipped_rules

    rules = shipped_rules()
    plain = ahocorasick.Automaton()
    for word in sorted({k for r in rules for k in r.keywords if k}):
        plain.add_word(word, word)
    plain.make_automaton()
    index = KeywordIndex.of(rules)
    for blocks, _ in _corpus_documents():
        lowered = [b.text.lower() for b in blocks]
        expected: dict[str, set[int]] = {}
        for i, low in enumerate(lowered):
            for _, word in plain.iter(low):
                expected.setdefault(word, set()).add(i)
        assert index.blocks_holding(lowered) == expected


def test_context_windows_at_once_are_the_window_loop() -> None:
    # _context_matrix computes the four neighbour windows as one 2-D array: the same
    # values as the loop over WINDOWS it replaced, to the bit.
    import numpy as np

    from cleantext.classify import WINDOWS, alone_matrix, context_vectors, shipped_model, stage_logits

    model = shipped_model()
    for blocks, feats in _corpus_documents():
        z = stage_logits(alone_matrix(feats, [b.kind for b in blocks]), model.alone)
        n = len(z)
        idx = np.arange(n)
        prefix = np.concatenate(([0.0], np.cumsum(z)))
        loop = []
        for k in WINDOWS:
            a, b = np.maximum(idx - k, 0), np.minimum(idx + k + 1, n)
            others = b - a - 1
            loop.append(np.where(others > 0, (prefix[b] - prefix[a] - z) / np.maximum(others, 1), 0.0))
        got = context_vectors(z.tolist(), feats)[:, 2:2 + len(WINDOWS)]
        assert got.T.tobytes() == np.array(loop).tobytes()


def test_topic_pools_are_the_term_counts() -> None:
    # _topic_columns builds the main island's vocabulary by set operations: the terms of
    # one story block (seen) and of two or more (seen twice), as a Counter of them would.
    from cleantext.classify import _topic_columns

    feats = [_features(t) for t in ("Harbour dredging plan approved by the council",
                                    "The council approved the harbour dredging plan on Monday",
                                    "Share on Facebook", "Dredging starts in the harbour next spring",
                                    "Council members said the plan was overdue")]
    z = [1.0, 1.0, -1.0, 1.0, 1.0]
    main = [0, 1, 3, 4]
    in_main = [True, True, False, True, True]
    counts = collections.Counter(t for i in main for t in feats[i].terms)
    seen, twice = set(counts), {t for t, c in counts.items() if c > 1}
    expected = []
    for i, f in enumerate(feats):
        pool = twice if in_main[i] and z[i] > 0 else seen
        expected.append(len(f.terms & pool) / len(f.terms) if f.terms else 0.0)
    assert _topic_columns(z, feats, main, in_main)[0].tolist() == expected


def test_measures_read_by_fromiter_are_numpys_conversion() -> None:
    # classify._measures reads the columns with np.fromiter: the array numpy's conversion
    # of the nested tuples gives, value for value and in float64.
    import numpy as np

    from cleantext.classify import _measures

    for _, feats in _corpus_documents():
        got = _measures(feats)
        plain = np.array(list(zip(*feats))[:-1], dtype=float)
        assert got.dtype == plain.dtype and got.shape == plain.shape and got.tobytes() == plain.tobytes()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([
    "Ferry fares rise on the island", "Ferry fares rise on the island - Harbour News",
    "Harbour News | Ferry fares rise on the island", "FERRY: fares rise on the island!",
    "ferry fares rise on the island again", "Menu", "Fares", "Harbour News",
    "The council said on Monday that the ferry fares would rise on the island next spring.",
]), st.booleans()), min_size=1, max_size=12))
def test_title_copies_are_the_lines_with_the_titles_words(lines: list[tuple[str, bool]]) -> None:
    # headline.title_copies skips the word split of a line without the title's longest word,
    # and with keep flags stops at the story's first paragraph (lines 2-4 repeat line 1's
    # words, the last is a paragraph; its doctest shows a copy found).
    from cleantext.classify import PROSE_MIN_WORDS
    from cleantext.rules import headline

    blocks = segment.segment("\n".join(text for text, _ in lines))
    kept = [flag for _, flag in lines][: len(blocks)]
    assert len(kept) == len(blocks)
    for at in range(len(blocks)):
        title = metadata.title_of((blocks[at],))
        key = headline._key(title) if title else ()
        plain = [] if len(key) < metadata.TITLE_MIN_WORDS else [
            b.index for b in blocks[at + 1:]
            if b.kind == "line" and headline._key(b.text) in (key, headline._key(blocks[at].text))]
        assert headline.title_copies(blocks, at) == plain
        shown = [i for i in plain if kept[i]]
        first = next((i for i in range(at + 1, len(blocks)) if kept[i] and i not in shown
                      and len(blocks[i].text.split()) >= PROSE_MIN_WORDS), len(blocks))
        assert headline.title_copies(blocks, at, kept) == [i for i in shown if i < first]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="ab ü\t\u00a0x", max_size=14), min_size=1, max_size=6),
       st.lists(st.tuples(st.sets(st.sampled_from(_RULE_WORDS), max_size=2),
                          st.sampled_from(("block", "span", "tail", "head")),
                          st.sampled_from((None, 1, 2, 7, 30)), st.booleans(), st.sampled_from(("a b", "b$", "ü"))),
                min_size=1, max_size=6),
       st.booleans())
def test_match_rules_fires_where_rule_spans_does(texts: list[str],
                                                 shapes: list[tuple[set[str], str, int | None, bool, str]],
                                                 counted: bool) -> None:
    # match_rules decides a block-like rule inline (word limit, collapsed spaces, search
    # with or without the timeout) where Rule.spans did: the same hits as a loop calling
    # Rule.spans on each rule's candidate blocks, with and without the word counts.
    from cleantext.rules.match import candidate_blocks, match_rules
    from cleantext.rules.registry import PATTERN_FLAGS, word_count

    rules = [Rule(f"r{k}", "custom", scope, (pattern,), "r", keywords=tuple(sorted(words)), max_words=limit,
                  shipped=shipped, compiled=regex.compile(pattern, PATTERN_FLAGS))
             for k, (words, scope, limit, shipped, pattern) in enumerate(shapes)]
    blocks = [Block(index=i, start=0, end=len(t), text=t, para=i, kind="line") for i, t in enumerate(texts)]
    words = [word_count(t) for t in texts] if counted else None
    holding = KeywordIndex.of(rules).blocks_holding([t.lower() for t in texts])
    spans, first, tail, head = [], {}, None, None
    for rule in rules:
        for i in candidate_blocks(rule, holding, len(blocks), words):
            found = rule.spans(texts[i], timeout=1.0)
            if not found:
                continue
            if rule.scope == "span":
                spans += [(i, a, b, rule.id) for a, b in found]
            elif rule.scope == "block":
                first.setdefault(i, rule.id)
            elif rule.scope == "tail":
                tail = (i, rule.id) if tail is None or i < tail[0] else tail
                break
            else:
                head = (i, rule.id) if head is None or i > head[0] else head
    hits = match_rules(blocks, rules, None, 1.0, words, KeywordIndex.of(rules))
    assert [(h.block, h.start, h.end, h.rule.id) for h in hits.spans] == sorted(spans)
    assert {i: h.rule.id for i, h in hits.blocks.items()} == first
    assert (None if hits.tail is None else (hits.tail.block, hits.tail.rule.id)) == tail
    assert (None if hits.head is None else (hits.head.block, hits.head.rule.id)) == head


def test_a_block_cut_by_a_block_rule_is_not_searched_by_later_block_rules() -> None:
    # The first block rule's hit stays, so match_rules does not ask a later block rule
    # about that block (test_match_rules_fires_where_rule_spans_does: the same hits).
    from cleantext.rules.match import match_rules

    searched: list[str] = []

    class Counting:
        def __init__(self, pattern: str) -> None:
            self.pattern = regex.compile(pattern)

        def search(self, text: str, *args: object, **kwargs: object) -> regex.Match[str] | None:
            searched.append(text)
            return self.pattern.search(text)

    rules = [Rule("first", "custom", "block", ("share",), "r", keywords=("share",), compiled=regex.compile("share")),
             Rule("second", "custom", "block", ("share",), "r", keywords=("share",), compiled=Counting("share"))]
    texts = ["share this", "please share"]
    blocks = [Block(index=i, start=0, end=len(t), text=t, para=i, kind="line") for i, t in enumerate(texts)]
    hits = match_rules(blocks, rules, None, 1.0, [2, 2], KeywordIndex.of(rules))
    assert {i: h.rule.id for i, h in hits.blocks.items()} == {0: "first", 1: "first"}
    assert searched == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="a \x01\x08\x09\x0d\x0e\x1f\x7f\x80é€\ud800😀\x00", max_size=40))
def test_the_control_count_in_bytes_is_the_findall(text: str) -> None:
    from cleantext import ingest

    raw = text.encode("utf-8", "surrogatepass")
    assert len(raw) - len(raw.translate(None, ingest._CONTROL_BYTES)) == len(ingest._CONTROL_CHARS.findall(text))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="12 ½¾x(g\u00a0\u2003٣१.-–/,Z", max_size=12))
def test_an_amount_line_is_the_plain_regex(text: str) -> None:
    from cleantext import quantities

    plain = quantities._AMOUNT.match(text) is not None and quantities._YEAR.search(text) is None
    assert quantities.is_amount_line(text) == plain


def test_the_amount_first_character_test_is_the_regex_classes() -> None:
    # _AMOUNT opens with \s* and \d or a fraction: str.isspace and str.isdecimal are the
    # classes of `re` on every code point.
    import re

    from cleantext import quantities

    opening = re.compile(r"\s|\d|[" + quantities._FRACTIONS + "]")
    for char in map(chr, range(0x110000)):
        fast = char.isdecimal() or char.isspace() or char in quantities._FRACTIONS
        assert fast == (opening.match(char) is not None), hex(ord(char))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(("Share", "He said the ÉCOLE was closed.", "Home | News", "ſtraße İstanbul", "x.com",
                                 "The Top 10, by far.")), min_size=1, max_size=8))
def test_features_from_the_engines_lowered_texts_are_the_features(texts: list[str]) -> None:
    # The engine lowers the blocks once and hands them to block_features (and match_rules).
    blocks = [Block(index=i, start=0, end=len(t), text=t, para=i, kind="line") for i, t in enumerate(texts)]
    assert block_features(blocks, "en", [t.lower() for t in texts]) == block_features(blocks, "en")


def test_the_wide_non_letters_hold_no_letter_nor_capital() -> None:
    # A block whose non-ASCII characters are all in the set counts none of them as a
    # letter or a capital: the two regex counts give 0 on every character of the set.
    wide = "".join(sorted(features._WIDE_NON_LETTERS))
    assert features._NON_LETTER.sub("", wide) == "" and features._NOT_UPPER.sub("", wide) == ""
    assert "’" in features._WIDE_NON_LETTERS and "é" not in features._WIDE_NON_LETTERS


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ ’“—©€éÉßİ\u02bc\u2160\u2c00Ωω中", min_size=1, max_size=30))
def test_letters_and_capitals_of_a_non_ascii_block_are_the_regex_counts(text: str) -> None:
    f = _features(text)
    letters = len(regex.findall(r"\p{L}", text))
    assert f.upper == (len(regex.findall(r"\p{Lu}", text)) / letters if letters else 0.0)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aZk_09 .@#:/-wWhtpsCOMorgNETdefrukio\n\t", max_size=40))
def test_the_ascii_link_pattern_is_the_regex_modules(text: str) -> None:
    assert features._URLISH_ASCII.findall(text) == features._URLISH.findall(text)


def test_the_carousel_title_prefilter_misses_no_folded_letter_nor_space() -> None:
    # Every character _INTRO folds onto a letter of a title lowers to it (as for the intro
    # words), and every character the regex module's \s takes, `re`'s \s takes.
    import re

    letters = {c for c in carousel._INTRO_TITLE.pattern if c.isalpha()}
    any_letter = regex.compile("[" + "".join(sorted(letters)) + "]", carousel._F)
    folds = {letter: regex.compile(regex.escape(letter), carousel._F) for letter in letters}
    wide_space, plain_space = regex.compile(r"\s", carousel._F), re.compile(r"\s")
    for char in map(chr, range(0x110000)):
        if any_letter.fullmatch(char):
            lowered = char.lower().replace("ſ", "s").replace("\u0307", "")
            assert all(lowered == letter for letter, fold in folds.items() if fold.fullmatch(char))
        if wide_space.fullmatch(char):
            assert plain_space.fullmatch(char), hex(ord(char))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(("Top", "ſtories", "STORIES", "most", "reaD", "TRENDİNG", "Now", "à", "la", "UNE",
                                 "lo", "más", "leÍdo", "les", "pluſ", "lus", "Editor’s", "EDITOR'S", "picks", "-",
                                 "themen", " ", "\u00a0", "\u2003", "\n", "x", "Meistgelesen", "popular", "latest",
                                 "news", "\u212aicks")), max_size=8).map("".join))
def test_the_carousel_title_prefilter_keeps_every_intro(text: str) -> None:
    if carousel._INTRO.search(text):
        assert carousel._INTRO_TITLE.search(carousel._folded(text))


def test_the_end_marks_and_spaces_are_those_of_the_regex() -> None:
    # ends_sentence decides by the last character: a mark of _END_PUNCT matches alone, a
    # character that is neither a mark nor a space of its \s cannot end a match.
    marks = {chr(c) for c in range(0x110000) if features._END_PUNCT.fullmatch(chr(c))}
    spaces = {chr(c) for c in range(0x110000) if features._END_PUNCT.fullmatch("." + chr(c))}
    assert marks == features._END_CHARS
    assert spaces == features._END_SPACES


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="a .!?…:;。！？\"”’»)\n\t\u3000\u00a0\x1c\u200b”é", max_size=12))
def test_ends_sentence_is_the_regex(text: str) -> None:
    assert features.ends_sentence(text) == bool(features._END_PUNCT.search(text))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="a (1２٣)) \n\u3000", max_size=14))
def test_the_paren_number_from_the_last_bracket_is_the_search(text: str) -> None:
    text += ")"  # block_features asks only about texts that end with one
    assert features._paren_number(text) == bool(features._PAREN_NUMBER.search(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ09 .é’ÉĀ١２中—\u00a0", min_size=1, max_size=40).filter(lambda t: not t.isascii()))
def test_a_non_ascii_blocks_counts_from_one_translate_are_the_plain_counts(text: str) -> None:
    # The capitals, letters and ASCII digits of a non-ASCII block: bytes counted in one
    # translate's classes plus the non-ASCII letters by the regex module.
    f = _features(text)
    letters = len(regex.findall(r"\p{L}", text))
    assert f.upper == (len(regex.findall(r"\p{Lu}", text)) / letters if letters else 0.0)
    assert f.digits == sum(c in "0123456789" for c in text) / len(text)
    assert f.sentences == len(features._SENT_PUNCT.findall(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ .é’ÉĀ“Ⓐ—\u00a0", min_size=1, max_size=40).filter(lambda t: not t.isascii()))
def test_the_title_case_of_a_non_ascii_block_is_the_first_letter_loop(text: str) -> None:
    firsts = [t[0] for t in text.split() if t[0].isalpha()]
    assert _features(text).title_case == (sum(map(str.isupper, firsts)) / len(firsts) if firsts else 0.0)

