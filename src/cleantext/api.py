"""The public entry points: clean, clean_document and the reusable Cleaner."""

from __future__ import annotations

import functools
from typing import Any

from . import window
from .config import Config
from .engine import Compiled, compile_config
from .ingest import read
from .model import Result
from .settle import settle


class Cleaner:
    """Compiles rules and model once; reusable across documents and threads, picklable.

    >>> cleaner = Cleaner(Config(mode="balanced"))
    >>> cleaner.clean("A short story about the harbour, told in one sentence.")
    'A short story about the harbour, told in one sentence.'
    """

    def __init__(self, config: Config | None = None):
        self.config = config if config is not None else Config()
        self._compiled: Compiled = compile_config(self.config)

    def clean_document(self, text: str | bytes, *, url: str | None = None) -> Result:
        """Clean one document and say what was removed, by which rule and why.

        A text longer than `window.WINDOW_CHARS` is cleaned in windows (flag ``windowed``).
        With ``Config(settle=True)`` the output is cleaned again until it no longer changes.
        """
        return self._clean(text, url, metadata=True)

    def clean(self, text: str | bytes, *, url: str | None = None) -> str:
        """The core story of one document: paragraphs separated by a blank line."""
        # The text alone: an HTML page's title and date (a tenth of its time) and the
        # per-block verdicts (a twentieth of the text path) go unread.
        return self._clean(text, url, metadata=False).text

    def _clean(self, text: str | bytes, url: str | None, metadata: bool) -> Result:
        def once(data: str | bytes) -> Result:
            return window.clean(read(data, self.config, url=url, metadata=metadata), self._compiled,
                                metadata=metadata)

        result = once(text)
        return settle(result, once) if self.config.settle else result

    # Compiled patterns are rebuilt in the receiving process from the config alone.
    def __reduce__(self) -> tuple[Any, ...]:
        return (Cleaner, (self.config,))

    def __repr__(self) -> str:
        return f"Cleaner({self.config!r})"


@functools.lru_cache(maxsize=8)
def _default_cleaner(config: Config) -> Cleaner:
    """One compiled Cleaner per distinct Config (configs are frozen and hashable)."""
    return Cleaner(config)


def clean_document(text: str | bytes, config: Config | None = None, *, url: str | None = None) -> Result:
    """Clean one document and return the full :class:`Result`."""
    return _default_cleaner(config if config is not None else Config()).clean_document(text, url=url)


def clean(text: str | bytes, config: Config | None = None, *, url: str | None = None) -> str:
    """The core story of `text`, paragraphs separated by a blank line.

    >>> clean(" date 2025-06-17 The council met on Monday.")
    'The council met on Monday.'
    """
    return _default_cleaner(config if config is not None else Config()).clean(text, url=url)
