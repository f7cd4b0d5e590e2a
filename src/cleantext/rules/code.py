"""Code rules: the rules that need context or statistics, registered with ids and examples."""

from __future__ import annotations

from typing import Sequence

from ..config import Config
from ..features import Features
from ..model import Block, StoryEnd
from .registry import CodeRule


def carousel_spans(blocks: Sequence[Block], decisions: Sequence[tuple[bool, str, str, str]]) -> list[tuple[int, int, int, str, str, str]]:
    """Spans of headline carousels glued into kept paragraphs (placeholder: none)."""
    return []


def find_story_end(blocks: Sequence[Block], feats: Sequence[Features], decisions: Sequence[tuple[bool, str, str, str]],
                   language: str | None, config: Config) -> StoryEnd | None:
    """Where the story ends (placeholder: never)."""
    return None


CODE_RULES: tuple[CodeRule, ...] = ()
