"""Many documents: inputs expanded from folders and globs, JSON Lines records, worker
processes with a bounded in-flight window, output in input order, a progress line and a
summary. The command line calls this; no cleaning logic lives here either.

Memory stays flat however large the corpus: inputs are read lazily (a JSON-lines file one
line at a time, a file when its turn comes), at most `window` batches are in flight, and
each result is written and dropped before the next batch is read past the window.
"""

from __future__ import annotations

import glob
import gzip
import json
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TypeVar

from .api import Cleaner
from .errors import CleantextError
from .model import Result
from .output import Progress, Sink, Summary
from .render import explain

STDIN = "-"
#: A batch sent to a worker holds at most this many documents or bytes: big enough that
#: pickling and queueing cost little beside cleaning, small enough to keep workers busy.
BATCH_DOCS = 4
BATCH_BYTES = 1_000_000
#: Batches in flight per worker: enough to hide one slow document, few enough that memory
#: stays bounded by about jobs x WINDOW_PER_JOB x BATCH_BYTES plus the largest document.
WINDOW_PER_JOB = 4


@dataclass(frozen=True)
class Source:
    """One input named on the command line, expanded: a file, or '-' for stdin."""

    path: str
    name: str  # the output file name under --out-dir (relative to a folder input)
    label: str  # how errors and JSON "input" name it


@dataclass(frozen=True)
class View:
    """How each document's output is written (picklable: it travels to the workers)."""

    kind: str = "text"  # text | json | explain | jsonl
    labelled: bool = False  # several inputs into one stream: JSON gets "input", explain a header
    colour: bool = False
    field: str = "text"
    url_field: str = "url"
    summary_field: str = "cleantext"  # "" leaves the JSONL records without a summary
    url: str | None = None  # the document URL for file inputs (site rules match it)


@dataclass(frozen=True)
class Unit:
    """One document to clean: a file path, or bytes already read (stdin, a JSONL line)."""

    label: str
    path: str | None = None
    data: bytes | None = None
    target: int = 0  # index of the output it belongs to (for --out-dir)


@dataclass(frozen=True)
class Outcome:
    """What a worker sends back for one unit: the text to write and the counts."""

    label: str
    output: str
    target: int
    chars_in: int = 0
    chars_out: int = 0
    by_category: dict[str, int] = field(default_factory=dict)
    error: str | None = None


class InputNotFound(Exception):
    """A glob that matches nothing: reported like a missing file."""


def expand(inputs: Iterable[str]) -> tuple[list[Source | InputNotFound], bool]:
    """Folders (recursively, hidden entries skipped) and globs become sorted file lists.

    Returns the sources and whether any argument was a folder or a glob (a batch run).
    """
    out: list[Source | InputNotFound] = []
    batch = False
    for arg in inputs:
        if arg == STDIN:
            out.append(Source(STDIN, "stdin.txt", "<stdin>"))
        elif os.path.isdir(arg):
            batch = True
            root = Path(arg)
            for path in _walk(root):
                out.append(Source(str(path), str(path.relative_to(root)), str(path)))
        elif not os.path.exists(arg) and any(c in arg for c in "*?["):
            batch = True
            matches = sorted(p for p in glob.glob(arg, recursive=True) if os.path.isfile(p))
            if not matches:
                out.append(InputNotFound(f"{arg}: no file matches this pattern"))
            out.extend(Source(p, Path(p).name, p) for p in matches)
        else:
            out.append(Source(arg, Path(arg).name, arg))
    return out, batch


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def open_lines(source: Source, stdin: Iterable[bytes]) -> Iterator[bytes]:
    """The lines of a JSON-lines input, read lazily; '.gz' files are decompressed."""
    if source.path == STDIN:
        yield from stdin
        return
    opener: Callable[..., IO[bytes]] = gzip.open if source.path.endswith(".gz") else open  # type: ignore[assignment]
    with opener(source.path, "rb") as f:
        yield from f


def units(sources: list[Source | InputNotFound], view: View, stdin: IO[bytes],
          on_error: Callable[[str], None]) -> Iterator[Unit]:
    """Every document of every source, lazily, in order."""
    for i, source in enumerate(sources):
        if isinstance(source, InputNotFound):
            on_error(str(source))
            continue
        if view.kind != "jsonl":
            if source.path == STDIN:
                yield Unit(source.label, data=stdin.read(), target=i)
            else:
                yield Unit(source.label, path=source.path, target=i)
            continue
        try:
            for lineno, line in enumerate(open_lines(source, stdin), 1):
                if line.strip():
                    yield Unit(f"{source.label}:{lineno}", data=line, target=i)
        except OSError as exc:  # a missing or unreadable JSON-lines file
            on_error(f"{source.label}: {describe(exc)}")


def describe(exc: BaseException) -> str:
    """One line naming what went wrong, without a traceback."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    if isinstance(exc, (CleantextError, ValueError)):
        return str(exc)
    return f"internal error: {type(exc).__name__}: {exc} (please report it)"


def summary_of(result: Result) -> dict[str, Any]:
    """The removals summary stored in each JSONL record's summary field."""
    s = result.stats
    return {
        "chars_in": s.chars_in,
        "chars_out": s.chars_out,
        "removals": len(result.removals),
        "by_category": dict(sorted(s.removals_by_category.items())),
        "language": result.language,
        "flags": list(result.flags),
    }


def render(result: Result, view: View, label: str) -> str:
    """The text written for one file input's result, in the chosen view."""
    if view.kind == "json":
        if view.labelled:
            return json.dumps({"input": label, **result.to_dict()}, ensure_ascii=False) + "\n"
        return result.to_json() + "\n"
    if view.kind == "explain":
        header = f"==> {label} <==\n" if view.labelled else ""
        return header + explain(result, colour=view.colour)
    return result.text + "\n" if result.text else ""


def clean_unit(cleaner: Cleaner, view: View, unit: Unit) -> Outcome:
    """Clean one unit; any failure becomes an Outcome with `error` set, never an exception."""
    try:
        if view.kind == "jsonl":
            return _clean_record(cleaner, view, unit)
        data = unit.data if unit.data is not None else Path(unit.path or "").read_bytes()
        result = cleaner.clean_document(data, url=view.url)
        return _outcome(unit, render(result, view, unit.label), result)
    except Exception as exc:  # one bad input must not stop the others
        if os.environ.get("CLEANTEXT_DEBUG"):
            raise
        return Outcome(unit.label, "", unit.target, error=describe(exc))


def _clean_record(cleaner: Cleaner, view: View, unit: Unit) -> Outcome:
    try:
        record = json.loads(unit.data or b"")
    except ValueError as exc:  # not JSON: nothing to pass through
        return Outcome(unit.label, "", unit.target, error=f"not a JSON record: {exc}")
    if not isinstance(record, dict):
        return Outcome(unit.label, "", unit.target, error="not a JSON object")
    result = clean_record(cleaner, record, view)
    if result is None:  # passed through untouched, so there is one output record per input record
        return Outcome(unit.label, _dump(record), unit.target, error=f"no string field {view.field!r}")
    return _outcome(unit, _dump(record), result)


def clean_record(cleaner: Cleaner, record: dict[str, Any], view: View = View()) -> Result | None:
    """Clean `record[view.field]` in place, store the summary; None when there is no such text.

    The record's `view.url_field` is passed as the document URL, so site rules apply.
    """
    text = record.get(view.field)
    if not isinstance(text, str):
        if view.summary_field:
            record[view.summary_field] = {"error": f"no string field {view.field!r}"}
        return None
    url = record.get(view.url_field)
    result = cleaner.clean_document(text, url=url if isinstance(url, str) else None)
    record[view.field] = result.text
    if view.summary_field:
        record[view.summary_field] = summary_of(result)
    return result


def _dump(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"


def _outcome(unit: Unit, output: str, result: Result) -> Outcome:
    return Outcome(unit.label, output, unit.target, result.stats.chars_in, result.stats.chars_out,
                   dict(result.stats.removals_by_category))


# The worker side: one Cleaner per process, built once from the pickled one (only its
# Config travels; the worker compiles the rules itself).
_worker: tuple[Cleaner, View] | None = None


def _init_worker(cleaner: Cleaner, view: View) -> None:
    global _worker
    _worker = (cleaner, view)


def _clean_batch(batch: list[Unit]) -> list[Outcome]:
    assert _worker is not None, "worker not initialised"
    cleaner, view = _worker
    return [clean_unit(cleaner, view, u) for u in batch]


def batches(items: Iterable[Unit]) -> Iterator[list[Unit]]:
    """Group units into batches of at most BATCH_DOCS documents or about BATCH_BYTES."""
    batch: list[Unit] = []
    size = 0
    for unit in items:
        batch.append(unit)
        size += len(unit.data) if unit.data is not None else _file_size(unit.path)
        if len(batch) >= BATCH_DOCS or size >= BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _file_size(path: str | None) -> int:
    try:
        return os.path.getsize(path) if path else 0
    except OSError:
        return 0


T = TypeVar("T")
R = TypeVar("R")


def ordered_map(fn: Callable[[T], R], items: Iterable[T], pool: ProcessPoolExecutor, window: int) -> Iterator[R]:
    """`map(fn, items)` on the pool, in input order, with at most `window` items in flight.

    Unlike `Executor.map`, which submits every item at once, this reads the input only
    as fast as results are consumed, so a stream of any length runs in bounded memory.
    """
    pending: deque[Future[R]] = deque()
    for item in items:
        pending.append(pool.submit(fn, item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def clean_stream(cleaner: Cleaner, view: View, stream: Iterable[Unit], jobs: int = 1) -> Iterator[Outcome]:
    """Clean every unit, in input order; `jobs` > 1 uses that many worker processes."""
    if jobs <= 1:
        for unit in stream:
            yield clean_unit(cleaner, view, unit)
        return
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(cleaner, view)) as pool:
        for outcomes in ordered_map(_clean_batch, batches(stream), pool, window=WINDOW_PER_JOB * jobs):
            yield from outcomes


def run(cleaner: Cleaner, view: View, sources: list[Source | InputNotFound], targets: list[Path | None], *,
        jobs: int = 1, show_progress: bool = False, show_summary: bool = False,
        report: Callable[[str], None]) -> int:
    """Clean every source into its target; failures are reported one line each. Exit status."""
    summary = Summary()
    progress = Progress(sys.stderr, show_progress, None if view.kind == "jsonl" else len(sources))

    def fail(message: str) -> None:
        summary.failed += 1
        progress.close()
        report(message)

    streaming = view.kind == "jsonl" and any(t is not None for t in targets)
    sink = Sink(targets, sys.stdout.buffer, streaming)
    stream = units(sources, view, sys.stdin.buffer, fail)
    try:
        for outcome in clean_stream(cleaner, view, stream, jobs):
            summary.add(outcome)
            if outcome.error is not None:
                fail(f"{outcome.label}: {outcome.error}")
            sink.write(outcome)
            progress.update(summary)
    except BaseException as exc:
        sink.finish(exc)
        progress.close()
        raise
    sink.finish()
    progress.close()
    if show_summary:
        for line in summary.lines():
            report(line)
    return 1 if summary.failed else 0
