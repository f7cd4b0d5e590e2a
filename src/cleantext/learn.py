"""Boilerplate learned from a corpus: lines a site repeats on many pages become site rules.

A site's donation appeal, newsletter box or footer is the same line on every page; the
story is not (CCNet drops paragraphs seen elsewhere in the crawl for the same reason).
`cleantext learn` counts, per site, in how many documents each normalised line occurs and
writes the lines seen in at least `min_docs` documents as an ordinary rule file:

    cleantext learn corpus/ -o site-rules.toml          # site = the folder of each file
    cleantext learn --jsonl pages.jsonl.gz -o site-rules.toml   # site = host of "url"
    cleantext --rules site-rules.toml --jsonl pages.jsonl.gz > clean.jsonl

Memory: lines are counted by a 64-bit hash, not kept as strings; a second pass over the
corpus fetches the text of the lines that reached the threshold (from stdin, which cannot
be read twice, a line's text is kept once it is seen in a second document of its site).
Past `max_entries` distinct hashes the rarest are forgotten (lossy counting), so a corpus
of any size runs in bounded memory; the file then says its counts are lower bounds.

The file is stable: the same corpus gives the same file, byte for byte (everything is
sorted; rule ids are hashes of site and line, not positions).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import regex

from . import __version__
from .batch import STDIN, InputNotFound, Source, describe, expand, open_lines
from .errors import CleantextError
from .output import write_atomic
from .rules.registry import parse_rules, word_count
from .segment import segment

CATEGORY = "learned"
#: A line must be in at least this many documents of a site to become a rule.
MIN_DOCS = 3
#: Longer lines are not learned: boilerplate is short, and a long paragraph repeated on
#: two pages is more often the same story published twice than a site's chrome.
MAX_WORDS = 50
#: Distinct (site, line) hashes kept before the rarest are forgotten (~100 bytes each).
MAX_ENTRIES = 4_000_000
_LETTER = regex.compile(r"\p{L}")
_SLUG = regex.compile(r"[^a-z0-9]+")


def normalise(line: str) -> str:
    """A line with its whitespace collapsed: the form that is counted and written."""
    return " ".join(line.split())


def line_key(site: str, line: str) -> int:
    """A stable 64-bit hash of a site and a normalised line (case folded)."""
    digest = hashlib.blake2b(f"{site}\n{line.lower()}".encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def site_of(url: str | None) -> str | None:
    """The host a rule's `sites` is matched against (as the engine does: no 'www.')."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else "//" + url).hostname
    return host[4:] if host and host.startswith("www.") else host


def learnable(line: str, max_words: int) -> bool:
    """Lines worth counting: some letters, not too long, encodable (no lone surrogates)."""
    if not _LETTER.search(line) or word_count(line) > max_words:
        return False
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@dataclass
class LineCounts:
    """In how many documents of each site each line occurs: the state that map-reduce merges.

    `texts` holds the line itself only for hashes seen in two documents or more (when
    `keep_text`); a hash counted in separate partitions gets its text in a second pass
    (`collect_texts`), which is what `cleantext.dask.learn` does.
    """

    max_words: int = MAX_WORDS
    max_entries: int = MAX_ENTRIES
    keep_text: bool = True
    counts: dict[int, int] = field(default_factory=dict)
    texts: dict[int, tuple[str, str]] = field(default_factory=dict)  # hash -> (site, line)
    docs: Counter[str] = field(default_factory=Counter)
    seen_docs: set[int] = field(default_factory=set)
    no_site: int = 0
    duplicates: int = 0
    forgotten_below: int = 0  # lossy counting: counts under this were dropped at some point

    def lines_of(self, site: str, text: str) -> dict[int, str]:
        """The distinct learnable lines (blocks, as the cleaner segments them) of one document."""
        found: dict[int, str] = {}
        for block in segment(text):
            line = normalise(block.text)
            if learnable(line, self.max_words):
                found.setdefault(line_key(site, line), line)
        return found

    def add(self, site: str | None, text: str) -> None:
        """Count one document; documents without a site and exact duplicates are skipped."""
        if not site:
            self.no_site += 1
            return
        doc = line_key(site, "\x00document\x00" + normalise(text))
        if doc in self.seen_docs:
            self.duplicates += 1
            return
        self.seen_docs.add(doc)
        self.docs[site] += 1
        for key, line in self.lines_of(site, text).items():
            n = self.counts.get(key, 0) + 1
            self.counts[key] = n
            if self.keep_text and n >= 2:
                self._keep_text(key, site, line)
        if len(self.counts) > self.max_entries:
            self._forget()

    def _keep_text(self, key: int, site: str, line: str) -> None:
        old = self.texts.get(key)
        if old is None or line < old[1]:  # case variants: the smallest, so order does not matter
            self.texts[key] = (site, line)

    def _forget(self) -> None:
        """Drop the rarest hashes until the table is half full (lossy counting)."""
        while len(self.counts) > self.max_entries // 2:
            self.forgotten_below += 1
            self.counts = {k: n for k, n in self.counts.items() if n > self.forgotten_below}
        self.texts = {k: t for k, t in self.texts.items() if k in self.counts}

    def merge(self, other: LineCounts) -> LineCounts:
        """Add another partition's counts into this one (exact duplicates across partitions
        are counted twice: each partition only knows its own documents)."""
        for key, n in other.counts.items():
            self.counts[key] = self.counts.get(key, 0) + n
        for key, (site, line) in other.texts.items():
            self._keep_text(key, site, line)
        self.docs.update(other.docs)
        self.seen_docs |= other.seen_docs
        self.no_site += other.no_site
        self.duplicates += other.duplicates
        self.forgotten_below = max(self.forgotten_below, other.forgotten_below)
        if len(self.counts) > self.max_entries:
            self._forget()
        return self

    def frequent(self, min_docs: int) -> set[int]:
        """Hashes of the lines seen in at least `min_docs` documents of their site."""
        return {k for k, n in self.counts.items() if n >= min_docs}


def collect_texts(documents: Iterable[tuple[str | None, str]], wanted: set[int],
                  max_words: int = MAX_WORDS) -> dict[int, tuple[str, str]]:
    """The second pass: the text of each wanted hash, from (site, text) documents."""
    probe = LineCounts(max_words=max_words)
    texts: dict[int, tuple[str, str]] = {}
    for site, text in documents:
        if not site:
            continue
        for key, line in probe.lines_of(site, text).items():
            if key in wanted and (key not in texts or line < texts[key][1]):
                texts[key] = (site, line)
    return texts


@dataclass(frozen=True, order=True)
class LearnedLine:
    site: str
    neg_count: int  # sort key: most frequent first within a site
    line: str
    site_docs: int = field(compare=False)

    @property
    def count(self) -> int:
        return -self.neg_count


def learned_lines(counts: LineCounts, min_docs: int) -> list[LearnedLine]:
    """The lines to write, sorted by site, then most frequent first, then by text."""
    out = [
        LearnedLine(site, -n, line, counts.docs[site])
        for key, n in counts.counts.items()
        if n >= min_docs and key in counts.texts
        for site, line in [counts.texts[key]]
    ]
    return sorted(out)


def toml_string(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's; DEL must be escaped too)."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def toml_pattern(pattern: str) -> str:
    """Patterns as TOML literal strings where possible, so backslashes read as in regex."""
    if "'" in pattern or any(ord(c) < 32 or ord(c) == 127 for c in pattern):
        return toml_string(pattern)
    return f"'{pattern}'"


def rule_toml(item: LearnedLine) -> str:
    """One [[rule]] table: an exact, anchored line on one site, with its examples."""
    line = item.line
    slug = _SLUG.sub("-", item.site.lower()).strip("-") or "site"
    rule_id = f"learned.{slug}.{line_key(item.site, line):016x}"[:-6]  # 40 bits tell lines apart
    pattern = "^" + r"\s+".join(regex.escape(tok) for tok in line.split()) + "$"
    keyword = max(line.lower().split(), key=len)
    reason = f"learned: this exact line is in {item.count} of {item.site_docs} documents of {item.site}"
    near_miss = f"Readers quoted the line “{line}” in a letter to the editor about the site."
    return "\n".join([
        "[[rule]]",
        f"id = {toml_string(rule_id)}",
        f"sites = [{toml_string(item.site)}]",
        f"count = {item.count}",
        f"keywords = [{toml_string(keyword)}]",
        f"patterns = [{toml_pattern(pattern)}]",
        f"reason = {toml_string(reason)}",
        f"examples.drop = [{toml_string(line)}]",
        f"examples.keep = [{toml_string(near_miss)}]",
        "",
    ])


def render_rules(counts: LineCounts, min_docs: int) -> str:
    """The whole rule file, validated: every rule parses and honours its own examples."""
    items = learned_lines(counts, min_docs)
    text = _render(counts, items, min_docs)
    rules = parse_rules(text, "learned rules")  # raises if the file we wrote is not valid
    bad = {r.id for r in rules
           if not all(r.fires(d) for d in r.drop_examples) or any(r.fires(k) for k in r.keep_examples)}
    if bad:  # should not happen; if it does, leave those out rather than write a wrong rule
        text = _render(counts, [i for i, r in zip(items, rules) if r.id not in bad], min_docs)
    return text


def _render(counts: LineCounts, items: Sequence[LearnedLine], min_docs: int) -> str:
    sites = sorted({i.site for i in items})
    head = [
        f"# Site rules learned by `cleantext learn` (cleantext {__version__}). Review before use:",
        "# delete any rule whose line is story text. Each rule removes one line, matched whole",
        "# (case and spacing aside), on one site; `count` is how many documents of the site",
        f"# hold the line (at least {min_docs} to be written).",
        f"# Corpus: {sum(counts.docs.values()):,} documents on {len(counts.docs):,} sites; "
        f"{counts.no_site:,} without a site and {counts.duplicates:,} exact duplicates skipped.",
        f"# Learned: {len(items):,} lines on {len(sites):,} sites.",
    ]
    if counts.forgotten_below:
        head.append(f"# The count table filled up: lines seen in {counts.forgotten_below} documents or fewer "
                    "were forgotten at times, so counts are lower bounds.")
    head += [f"category = {toml_string(CATEGORY)}", 'scope = "block"', ""]
    parts = ["\n".join(head)]
    current = None
    for item in items:
        if item.site != current:
            current = item.site
            parts.append(f"# {item.site}: {item.site_docs:,} documents\n")
        parts.append(rule_toml(item))
    return "\n".join(parts)


# ---------------------------------------------------------------------------------------
# The `cleantext learn` command.


def documents(sources: list[Source | InputNotFound], args: argparse.Namespace,
              stdin: Iterable[bytes], errors: list[str]) -> Iterator[tuple[str | None, str]]:
    """(site, text) for every document of every source; problems go to `errors`."""
    for source in sources:
        if isinstance(source, InputNotFound):
            errors.append(str(source))
            continue
        try:
            if not args.jsonl:
                data = sys.stdin.buffer.read() if source.path == STDIN else Path(source.path).read_bytes()
                folder = None if source.path == STDIN else Path(source.path).resolve().parent.name
                yield folder, data.decode("utf-8", "replace")
                continue
            for lineno, raw in enumerate(open_lines(source, stdin), 1):
                if not raw.strip():
                    continue
                try:
                    record = json.loads(raw)
                    text = record[args.field]
                    if not isinstance(text, str):
                        raise ValueError(f"field {args.field!r} is not a string")
                except KeyError:
                    errors.append(f"{source.label}:{lineno}: no field {args.field!r}")
                    continue
                except (ValueError, TypeError) as exc:
                    errors.append(f"{source.label}:{lineno}: {describe(exc)}")
                    continue
                site = record.get(args.site) if args.site else site_of(record.get(args.url_field))
                yield (str(site).lower() if site else None), text
        except OSError as exc:
            errors.append(f"{source.label}: {describe(exc)}")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="cleantext learn",
        description="Learn each site's repeated lines from a corpus and write them as a rule file "
                    "for --rules. The site of a document is the --site field of its record, else the "
                    "host of its URL field (--jsonl), else the folder of the file.",
    )
    p.add_argument("inputs", nargs="+", metavar="CORPUS", help="files, folders, globs; '-' reads stdin")
    p.add_argument("-o", "--output", metavar="FILE", help="the rule file to write (default: stdout)")
    p.add_argument("--jsonl", action="store_true", help="inputs are JSON Lines records (.jsonl, .jsonl.gz)")
    p.add_argument("--field", default="text", metavar="NAME", help="--jsonl: the text field (default: text)")
    p.add_argument("--url-field", default="url", metavar="NAME", help="--jsonl: the URL field (default: url)")
    p.add_argument("--site", metavar="NAME", help="--jsonl: a field naming the site (instead of the URL's host)")
    p.add_argument("--min-docs", type=int, default=MIN_DOCS, metavar="K",
                   help=f"learn lines seen in at least K documents of a site (default {MIN_DOCS})")
    p.add_argument("--max-words", type=int, default=MAX_WORDS, metavar="N",
                   help=f"ignore lines longer than N words (default {MAX_WORDS})")
    p.add_argument("--max-entries", type=int, default=MAX_ENTRIES, metavar="N",
                   help=f"distinct lines counted before the rarest are forgotten (default {MAX_ENTRIES:,})")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    return p


def main(argv: Sequence[str]) -> int:
    """`cleantext learn CORPUS... -o site-rules.toml`; exit 0, 1 (some input failed) or 2."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.min_docs < 2 or args.max_words < 1 or args.max_entries < 1000:
        parser.print_usage(sys.stderr)
        sys.stderr.write("cleantext learn: error: --min-docs must be at least 2, --max-words at least 1, "
                         "--max-entries at least 1000\n")
        return 2
    sources, _ = expand(args.inputs)
    # Files are read twice: counts first, then the text of the frequent lines (the same
    # two passes as cleantext.dask.learn, so both write the same file). Stdin cannot be
    # read twice: a line's text is then kept from its second document on.
    two_passes = STDIN not in args.inputs
    counts = LineCounts(max_words=args.max_words, max_entries=args.max_entries, keep_text=not two_passes)
    errors: list[str] = []
    for site, text in documents(sources, args, sys.stdin.buffer, errors):
        counts.add(site, text)
    if two_passes:
        wanted = counts.frequent(args.min_docs)
        for key, (site, line) in collect_texts(documents(sources, args, sys.stdin.buffer, []), wanted).items():
            counts._keep_text(key, site, line)
    for message in errors:
        sys.stderr.write(f"cleantext: {message}\n")
    try:
        text = render_rules(counts, args.min_docs)
        if args.output is None:
            sys.stdout.write(text)
            sys.stdout.flush()
        else:
            write_atomic(Path(args.output), text)
    except (OSError, CleantextError) as exc:
        sys.stderr.write(f"cleantext: error: {describe(exc)}\n")
        return 1
    if not args.quiet:
        rules = len(learned_lines(counts, args.min_docs))
        sys.stderr.write(f"cleantext: learned {rules:,} lines from {sum(counts.docs.values()):,} documents on "
                         f"{len(counts.docs):,} sites ({counts.no_site:,} without a site, {counts.duplicates:,} "
                         f"duplicates skipped, {len(errors):,} failures)\n")
    return 1 if errors else 0
