"""The errors cleantext raises on purpose. Everything else is a bug."""

from __future__ import annotations


class CleantextError(Exception):
    """Base class of the errors this library raises on purpose."""


class InputError(CleantextError, ValueError):
    """The input is not text the cleaner can read (binary data, undecodable bytes)."""


class ConfigError(CleantextError, ValueError):
    """A configuration value or key is not valid."""


class RuleFileError(CleantextError, ValueError):
    """A rule file cannot be read; the message names the file, the line and the rule."""

    def __init__(self, path: str, message: str, *, line: int | None = None, rule: str | None = None):
        self.path, self.line, self.rule = path, line, rule
        where = path + (f":{line}" if line else "")
        who = f" rule {rule!r}:" if rule else ""
        super().__init__(f"{where}:{who} {message}")
