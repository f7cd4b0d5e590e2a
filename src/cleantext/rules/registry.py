"""The rule registry: data rules loaded from TOML packs, and code rules, under one id space.

A rule file is TOML with an array of ``[[rule]]`` tables (see README "Writing a rule")::

    [[rule]]
    id = "newsletter.sign-up-now"
    category = "newsletter"
    scope = "span"                     # span | block | tail | head
    keywords = ["sign up"]             # cheap literal prefilter, lower case
    patterns = ['''sign\\s*up\\s+now\\W+get\\s+[\\w'’]+\\s+newsletters?\\s+delivered\\s+to\\s+your\\s+inbox''']
    reason = "newsletter sign-up prompt"
    examples.drop = ["Sign up now: Get ST's newsletters delivered to your inbox"]
    examples.keep = ["Residents were asked to sign up for the new bus service."]

Optional keys: ``languages`` (ISO codes of the languages the patterns are written in;
shown by ``--rules``, not a gate: every rule runs on every document),
``sites`` (host names; only for documents whose URL is on them), ``max_words`` (block,
tail and head rules fire only on blocks of at most this many words), ``count`` (learned
rules: in how many documents the text was seen). A file may set ``category``,
``languages`` or ``scope`` at the top level as defaults for its rules.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import regex

from ..errors import RuleFileError
from ..model import CATEGORIES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

SCOPES = ("span", "block", "tail", "head")
#: Flags of every data pattern: case-insensitive, Unicode-aware, one block at a time.
PATTERN_FLAGS = regex.IGNORECASE | regex.UNICODE | regex.VERSION0
_ID = regex.compile(r"^[a-z0-9][a-z0-9_.\-]*$")
_KNOWN_KEYS = {
    "id", "category", "scope", "patterns", "keywords", "reason", "languages", "sites",
    "max_words", "examples", "count", "description",
}


@dataclass(frozen=True)
class Rule:
    """A data rule: an id, a category, a scope, patterns and the examples it must honour."""

    id: str
    category: str
    scope: str
    patterns: tuple[str, ...]
    reason: str
    keywords: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    sites: tuple[str, ...] = ()
    max_words: int | None = None
    drop_examples: tuple[str, ...] = ()
    keep_examples: tuple[str, ...] = ()
    count: int | None = None
    origin: str = ""  # "file:line", for error messages and --explain
    shipped: bool = False  # from the packs in cleantext/rules/packs (see UNTIMED_MAX_CHARS)
    compiled: Any = field(default=None, compare=False, repr=False)

    def applies_to(self, site: str | None) -> bool:
        """Whether the rule runs for a document from this site.

        `languages` does not gate a rule: a page in one language carries chrome in another,
        and the detected language of a mixed page changes once its chrome is cut, so a
        second pass ran other rules than the first (fuzz run 3). Run on every document,
        the shipped rules scored the same on all dev sets as when gated.
        """
        if self.sites and not (site and any(site == s or site.endswith("." + s) for s in self.sites)):
            return False
        return True

    def prefilter(self, lowered: str) -> bool:
        """The cheap literal test: False means the patterns cannot match this text."""
        return not self.keywords or any(k in lowered for k in self.keywords)

    def spans(self, text: str, timeout: float | None = None, words: int | None = None,
              prefiltered: bool = False, collapsed: dict[str, str] | None = None) -> list[tuple[int, int]]:
        """The spans of `text` this rule would remove (whole text for block-like scopes).

        The engine passes the block's word count, says when its keywords were already
        found, and passes one document's memo of collapsed texts (`collapsed`: text ->
        text with its whitespace runs made one space), so none is computed again per rule.
        """
        if not prefiltered and not self.prefilter(text.lower()):
            return []
        if self.scope != "span" and self.max_words is not None:
            if (word_count(text) if words is None else words) > self.max_words:
                return []
        if self.scope != "span":
            # The whole block goes or stays, so match it with whitespace runs collapsed:
            # the same decision, and a "\s+" or "\W*" in a pattern cannot backtrack over a
            # run of thousands of spaces (found by tests/test_robustness.py).
            flat = None if collapsed is None else collapsed.get(text)
            if flat is None:
                flat = collapse_spaces(text)
                if collapsed is not None:
                    collapsed[text] = flat
            return [(0, len(text))] if self.compiled.search(flat, timeout=timeout) else []
        found = []
        for m in self.compiled.finditer(text, timeout=timeout):
            if m.end() > m.start():
                found.append((m.start(), m.end()))
        return found

    def search_timeout(self, text: str, timeout: float) -> float | None:
        """The regex timeout of a search of `text`: None (no timeout) for a shipped rule on
        a text of at most UNTIMED_MAX_CHARS characters, `timeout` otherwise."""
        return None if self.shipped and len(text) <= UNTIMED_MAX_CHARS else timeout

    def fires(self, text: str) -> bool:
        """Whether this rule removes anything from `text` taken as one block."""
        return bool(self.spans(text))


@dataclass(frozen=True)
class CodeRule:
    """A rule that needs context or statistics: code, but with an id, category and examples.

    `check` is called by the engine; the examples are honoured by `fires`, a function of
    one text (the example) that says whether the rule would remove something from it.
    """

    id: str
    category: str
    scope: str
    reason: str
    fires: Callable[[str], bool]
    drop_examples: tuple[str, ...] = ()
    keep_examples: tuple[str, ...] = ()
    origin: str = "code"


def word_count(text: str) -> int:
    """Words, counting each CJK character as a word (text without spaces must count)."""
    if text.isascii():
        return len(text.split())
    return len(_WORD.findall(text))


def collapse_spaces(text: str) -> str:
    """`text` with each run of two or more whitespace characters made one space."""
    # Printable ASCII holds no whitespace but the space (most blocks): without a double
    # space it has no run, and the substitution (a fifth of a block rule's cost on the aeb
    # pages) is skipped (pinned in tests/test_fast_paths.py).
    if text.isascii() and text.isprintable() and "  " not in text:
        return text
    return _WS_RUN.sub(" ", text)


#: A shipped rule searches a text of at most this many characters without the regex
#: module's timeout. A search with a timeout reads the process clock (two system calls):
#: 9.2 us a search against 1.4 us without, on this machine, for ~155 searches an aeb page
#: (about a tenth of the text path). The shipped patterns are checked instead: every one
#: runs in tests/test_robustness.py on adversarial texts of 1,500 and 6,000 characters
#: (runs of letters, spaces, punctuation, its own keywords) and must grow linearly and
#: finish within a second, so a text up to the longer length is covered by that test. User
#: rule files (and learned ones) always search with the timeout, and every rule's time
#: budget per document is still checked between searches (match.match_rules).
UNTIMED_MAX_CHARS = 6000
_WS_RUN = regex.compile(r"\s{2,}")
_WORD = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]|[^\s\p{Han}\p{Hiragana}\p{Katakana}]+")


def _as_tuple(value: Any, what: str, path: str, line: int | None, rule: str | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise RuleFileError(path, f"{what} must be a string or a list of strings", line=line, rule=rule)


def _line_of(source: str, rule_id: str | None, index: int) -> int | None:
    """The line of a rule's id in the file (tomllib gives no positions for tables)."""
    if rule_id:
        m = regex.search(r"^\s*id\s*=\s*[\"']" + regex.escape(rule_id) + r"[\"']", source, flags=regex.M)
        if m:
            return source.count("\n", 0, m.start()) + 1
    # Fall back to the index-th [[rule]] header.
    headers = [m.start() for m in regex.finditer(r"^\s*\[\[rule\]\]", source, flags=regex.M)]
    if index < len(headers):
        return source.count("\n", 0, headers[index]) + 1
    return None


def compile_rule(raw: Mapping[str, Any], defaults: Mapping[str, Any], path: str, source: str, index: int,
                 shipped: bool = False) -> Rule:
    """Validate one ``[[rule]]`` table and compile its patterns; errors name file, line, rule."""
    rule_id = raw.get("id")
    line = _line_of(source, rule_id if isinstance(rule_id, str) else None, index)
    if not isinstance(rule_id, str) or not _ID.match(rule_id):
        raise RuleFileError(path, "every rule needs an id of lower-case letters, digits, '.', '-' or '_'",
                            line=line, rule=str(rule_id) if rule_id else None)
    unknown = sorted(set(raw) - _KNOWN_KEYS)
    if unknown:
        raise RuleFileError(path, f"unknown keys {unknown}; known: {sorted(_KNOWN_KEYS)}", line=line, rule=rule_id)
    merged = {**defaults, **raw}
    category = merged.get("category", "custom")
    if category not in CATEGORIES:
        raise RuleFileError(path, f"unknown category {category!r}; choose one of {', '.join(CATEGORIES)}",
                            line=line, rule=rule_id)
    scope = merged.get("scope", "block")
    if scope not in SCOPES:
        raise RuleFileError(path, f"unknown scope {scope!r}; choose one of {', '.join(SCOPES)}",
                            line=line, rule=rule_id)
    patterns = _as_tuple(merged.get("patterns"), "patterns", path, line, rule_id)
    if not patterns:
        raise RuleFileError(path, "a rule needs at least one pattern", line=line, rule=rule_id)
    try:
        compiled = regex.compile("|".join(f"(?:{p})" for p in patterns), PATTERN_FLAGS)
    except regex.error as exc:
        bad = next((p for p in patterns if not _compiles(p)), patterns[0])
        raise RuleFileError(path, f"pattern {bad!r} does not compile: {exc}", line=line, rule=rule_id) from None
    if compiled.search(""):
        raise RuleFileError(path, "a pattern matches the empty string", line=line, rule=rule_id)
    reason = merged.get("reason") or merged.get("description")
    if not isinstance(reason, str) or not reason.strip():
        raise RuleFileError(path, "a rule needs a reason (shown in explanations)", line=line, rule=rule_id)
    max_words = merged.get("max_words")
    if max_words is not None and not (isinstance(max_words, int) and max_words > 0):
        raise RuleFileError(path, "max_words must be a positive integer", line=line, rule=rule_id)
    examples = merged.get("examples", {})
    if not isinstance(examples, dict) or set(examples) - {"drop", "keep"}:
        raise RuleFileError(path, "examples must be a table with 'drop' and 'keep' lists", line=line, rule=rule_id)
    count = merged.get("count")
    if count is not None and not isinstance(count, int):
        raise RuleFileError(path, "count must be an integer", line=line, rule=rule_id)
    return Rule(
        id=rule_id,
        category=category,
        scope=scope,
        patterns=patterns,
        reason=reason.strip(),
        keywords=tuple(k.lower() for k in _as_tuple(merged.get("keywords"), "keywords", path, line, rule_id)),
        languages=_as_tuple(merged.get("languages"), "languages", path, line, rule_id),
        sites=tuple(s.lower() for s in _as_tuple(merged.get("sites"), "sites", path, line, rule_id)),
        max_words=max_words,
        drop_examples=_as_tuple(examples.get("drop"), "examples.drop", path, line, rule_id),
        keep_examples=_as_tuple(examples.get("keep"), "examples.keep", path, line, rule_id),
        count=count,
        origin=f"{path}:{line}" if line else path,
        compiled=compiled,
        shipped=shipped,
    )


def _compiles(pattern: str) -> bool:
    try:
        regex.compile(pattern, PATTERN_FLAGS)
    except regex.error:
        return False
    return True


def parse_rules(source: str, path: str, shipped: bool = False) -> list[Rule]:
    """Parse the text of one rule file (`shipped`: one of the packs in the package)."""
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        if line is None:  # Python 3.11's tomllib keeps the position only in the message
            m = regex.search(r"line (\d+)", str(exc))
            line = int(m.group(1)) if m else (source.count("\n") + 1 if "end of document" in str(exc) else None)
        raise RuleFileError(path, f"not valid TOML: {exc}", line=line) from None
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list):
        raise RuleFileError(path, "rules must be written as [[rule]] tables")
    defaults = {k: v for k, v in data.items() if k in ("category", "languages", "scope", "sites")}
    unknown = sorted(set(data) - {"rule", "category", "languages", "scope", "sites", "description"})
    if unknown:
        raise RuleFileError(path, f"unknown top-level keys {unknown}")
    return [compile_rule(raw, defaults, path, source, i, shipped) for i, raw in enumerate(raw_rules)]


def load_rule_file(path: str | Path) -> list[Rule]:
    """Load a user rule file; any problem raises :class:`RuleFileError` naming the file."""
    p = Path(path)
    try:
        source = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(str(path), f"cannot read: {exc}") from None
    return parse_rules(source, str(path))


def shipped_rules() -> list[Rule]:
    """The rule packs shipped in ``cleantext/rules/packs``, in file-name order."""
    rules: list[Rule] = []
    packs = resources.files("cleantext.rules").joinpath("packs")
    for entry in sorted(packs.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            rules.extend(parse_rules(entry.read_text(encoding="utf-8"), f"packs/{entry.name}", shipped=True))
    return rules


def build_registry(rule_files: Iterable[str], disabled: Iterable[str],
                   code_rules: Iterable[CodeRule]) -> dict[str, Rule | CodeRule]:
    """All rules by id, shipped first, then code rules, then user files; duplicates raise."""
    registry: dict[str, Rule | CodeRule] = {}
    loaded: list[Rule | CodeRule] = [*shipped_rules(), *code_rules]
    for path in rule_files:
        loaded.extend(load_rule_file(path))
    for rule in loaded:
        if rule.id in registry:
            raise RuleFileError(rule.origin, f"duplicate rule id (also in {registry[rule.id].origin})", rule=rule.id)
        registry[rule.id] = rule
    disabled = list(disabled)
    unknown = [d for d in disabled if d not in registry and not any(r.startswith(d + ".") for r in registry)]
    if unknown:
        raise RuleFileError("config", f"cannot disable unknown rule ids {unknown}")
    # A disabled id also disables every rule under it ("share" disables "share.*").
    return {
        rid: rule for rid, rule in registry.items()
        if not any(rid == d or rid.startswith(d + ".") for d in disabled)
    }
