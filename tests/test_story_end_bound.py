"""The story end's early exit (_may_cut) never changes the answer: pinned against the
search without it, on the corpus and the story-end test texts, at every strictness."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import cleantext
from cleantext import Config
from cleantext.rules import story_end
from cleantext.rules.story_facts import Langs, facts_of

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
STRICTNESS = (0.5, 1.0, 1.5, 2.0, 3.0)


def _documents() -> list[str]:
    from test_story_end import APPENDED, STORY

    docs = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*/input.*"))]
    story, appended = "\n\n".join(STORY), "\n\n".join(APPENDED)
    docs += [
        story + "\n\n" + appended,
        story + "\n\nRelated Articles\n\nStraits Times\n\n16 minutes ago\n\n" + appended,
        story + "\n\nSign up now for our newsletter and never miss a story\n\n" + appended,
        story + "\n\n" + "\n\n".join(["Der Stadtrat hat am Montag den Hafenplan beschlossen",
                                      "Der Stadtrat hat am Montag nach einer langen Debatte den Plan für den Hafen "
                                      "beschlossen, und die Bürgermeisterin sagte, dass die Arbeiten im Frühjahr "
                                      "beginnen und die Stadt etwa vier Millionen Euro kosten werden."] * 2),
    ]
    return docs


def _inputs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """The story end's inputs (blocks, features, decisions, language, config) for every
    document in every mode, as the engine builds them."""
    seen: list[tuple[Any, ...]] = []
    search = story_end.find_story_end

    def record(*args: Any, **kwargs: Any) -> Any:
        seen.append(args[:5])
        return search(*args, **kwargs)

    monkeypatch.setattr(story_end, "find_story_end", record)
    for mode in ("precision", "balanced", "recall"):
        for doc in _documents():
            cleantext.clean_document(doc, Config(mode=mode))
    monkeypatch.undo()
    return seen


def test_the_early_exit_never_changes_the_story_end(monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = _inputs(monkeypatch)
    exits = found = 0
    bound = story_end._may_cut
    for blocks, feats, decisions, language, config in inputs:
        for strictness in STRICTNESS:
            with monkeypatch.context() as m:
                m.setattr(story_end, "_may_cut", lambda *a: True)
                plain = story_end.find_story_end(blocks, feats, decisions, language, config, strictness)
            kept = [d[0] for d in decisions]
            if sum(kept) >= 2:
                facts = facts_of(blocks, feats, kept)
                need = story_end.CUT_SCORE * config.story_end_threshold * strictness
                exits += not bound(facts, kept, need, Langs([b.text for b in blocks], facts, kept), language)
            assert story_end.find_story_end(blocks, feats, decisions, language, config, strictness) == plain
            found += plain is not None
    # Both outcomes are exercised: documents the exit skips and cuts found past it.
    assert exits > 50 and found > 20


def test_after_language_depends_only_on_the_next_prose_block() -> None:
    # _may_cut votes once per sample: the candidates before one prose block share it.
    from test_story_end import APPENDED, STORY

    result = cleantext.clean_document("\n\n".join(STORY + ["Short line here", "Another short one"] + APPENDED))
    blocks = result.blocks
    kept = [v.keep for v in result.verdicts]
    from cleantext.features import block_features

    feats = block_features(blocks, result.language)
    facts = facts_of(blocks, feats, kept)
    langs = Langs([b.text for b in blocks], facts, kept)
    n = len(blocks)
    for i in range(n):
        start = next((j for j in range(i, n) if kept[j] and facts.prose[j]), n)
        assert langs.after(i, n) == langs.after(start, n)
