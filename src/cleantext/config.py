"""Config: one frozen dataclass holding every setting of a cleaning run."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ConfigError

#: Presets. Each maps to the probability a block needs, in context, to be kept, and to
#: how strong the story-end evidence must be. "balanced" is what the benchmarks report.
MODES: dict[str, dict[str, float]] = {
    # precision: drop a block unless the classifier is fairly sure it is story
    "precision": {"keep_threshold": 0.75, "story_end_threshold": 0.8},
    # balanced: swept 0.5-0.7 on the dev half (benchmarks/classifier_only.py); 0.6 gave the
    # best mean of aeb and traf F1
    "balanced": {"keep_threshold": 0.6, "story_end_threshold": 1.0},
    # recall: keep anything that is plausibly story
    "recall": {"keep_threshold": 0.4, "story_end_threshold": 1.3},
}

INPUT_FORMATS = ("auto", "text", "html")

#: The codes Config.language accepts: the languages with a jusText stoplist
#: (features.JUSTEXT_NAMES) and those langdetect answers (its profiles; zh-cn and zh-tw are
#: "zh"). Written out so that validating a Config loads neither; tests/test_api.py checks
#: the list against both sources.
LANGUAGES = frozenset(
    "af ar bg bn ca cs cy da de el en es et eu fa fi fr ga gl gu he hi hr hu id is it ja kn ko "
    "lt lv mk ml mr ms ne nl no pa pl pt ro ru sk sl so sq sr sv sw ta te th tl tr uk ur vi zh".split()
)


def language_code(value: str) -> str:
    """The primary subtag of a language tag, lower case: "DE", "de-AT", "pt_BR" and
    "zh-Hans" name the languages "de", "pt" and "zh" (the cleaner has one stoplist and one
    rule set per language, not per region).

    >>> language_code(" pt_BR ")
    'pt'
    """
    return value.strip().lower().replace("_", "-").split("-")[0]


@dataclass(frozen=True)
class Config:
    """Settings for a :class:`cleantext.Cleaner`.

    >>> Config(mode="precision").mode
    'precision'
    >>> Config.from_dict({"mode": "recall", "disabled_rules": ["share.follow-us"]}).disabled_rules
    ('share.follow-us',)
    """

    mode: str = "balanced"
    rule_files: tuple[str, ...] = ()
    disabled_rules: tuple[str, ...] = ()
    language: str | None = None
    input_format: str = "auto"
    #: Each data rule's time budget per document, in seconds (plus 1 ms per block it runs
    #: on, rules.match.BUDGET_PER_BLOCK): a rule that spends it over all blocks together is
    #: skipped for that document, so a hostile rule cannot hang the cleaner.
    regex_timeout: float = 1.0
    #: The longest text cleaned, in characters, and the most lines: a longer input raises
    #: InputError (None: no limit). Each bounds one document to about two minutes of
    #: cleaning (~3.5 s per MB of page text, ~0.15 ms a line); issue 6 asks that a 20 MB
    #: document (506,000 lines of bench page text) cleans. Larger texts are dumps to split.
    max_chars: int | None = 25_000_000
    max_lines: int | None = 750_000
    #: Clean the output again until it no longer changes, so cleaning the result once more
    #: changes nothing (cleantext.settle). Off by default: it costs a second pass (about
    #: half the time again), and the second pass judges a page dump's cleaned text as a
    #: clean article, which on the dev half cut more story than boilerplate.
    settle: bool = False

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ConfigError(f"unknown mode {self.mode!r}; choose one of {', '.join(MODES)}")
        if self.input_format not in INPUT_FORMATS:
            raise ConfigError(f"unknown input_format {self.input_format!r}; choose one of {', '.join(INPUT_FORMATS)}")
        # Accept lists from users but store tuples so the config stays hashable and frozen.
        for name in ("rule_files", "disabled_rules"):
            value = getattr(self, name)
            if isinstance(value, (str, Path)):
                value = (value,)
            object.__setattr__(self, name, tuple(str(v) for v in value))
        if self.language is not None:
            # An unknown code used to fall back silently to English stopwords (so "DE" cleaned
            # a German page as English): normalise what names a known language, reject the rest.
            code = language_code(self.language) if isinstance(self.language, str) else ""
            if code not in LANGUAGES:
                raise ConfigError(f"language must be an ISO 639-1 code such as 'en' or 'de' (unset: "
                                  f"detected); got {self.language!r} (known: {' '.join(sorted(LANGUAGES))})")
            object.__setattr__(self, "language", code)
        if not (isinstance(self.regex_timeout, (int, float)) and self.regex_timeout > 0):
            raise ConfigError("regex_timeout must be a positive number of seconds")
        if not isinstance(self.settle, bool):
            raise ConfigError("settle must be True or False")
        for name in ("max_chars", "max_lines"):
            limit = getattr(self, name)
            if limit is not None and not (isinstance(limit, int) and not isinstance(limit, bool) and limit > 0):
                raise ConfigError(f"{name} must be a positive integer, or None for no limit")

    @property
    def keep_threshold(self) -> float:
        return MODES[self.mode]["keep_threshold"]

    @property
    def story_end_threshold(self) -> float:
        return MODES[self.mode]["story_end_threshold"]

    @classmethod
    def from_dict(cls, values: Mapping[str, Any]) -> Config:
        """Build a Config from a mapping; unknown keys raise :class:`ConfigError`."""
        known = set(cls._keys())
        unknown = sorted(set(values) - known)
        if unknown:
            raise ConfigError(f"unknown config keys: {', '.join(unknown)}; known keys: {', '.join(sorted(known))}")
        return cls(**dict(values))

    def replace(self, **changes: Any) -> Config:
        """A copy with some settings changed; unknown keys raise."""
        return Config.from_dict({**{k: getattr(self, k) for k in self._keys()}, **changes})

    @classmethod
    def _keys(cls) -> list[str]:
        return [f.name for f in dataclasses.fields(cls)]
