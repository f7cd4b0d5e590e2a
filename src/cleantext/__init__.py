"""cleantext: the core story of a scraped article, and an explanation of every cut.

>>> import cleantext
>>> cleantext.clean(" date 2025-06-17 A quiet story about the harbour.")
'A quiet story about the harbour.'
"""

from __future__ import annotations

from .api import Cleaner, clean, clean_document
from .config import Config
from .errors import CleantextError, ConfigError, InputError, RuleFileError
from .model import Block, Removal, Result, Stats, StoryEnd, Verdict

__all__ = [
    "Block", "Cleaner", "CleantextError", "Config", "ConfigError", "InputError", "Removal",
    "Result", "RuleFileError", "Stats", "StoryEnd", "Verdict", "__version__", "clean", "clean_document",
]

__version__ = "0.1.0"
