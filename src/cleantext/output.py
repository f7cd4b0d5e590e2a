"""Where a batch's results go: output files written atomically, stdout, the progress
line and the summary on stderr (batch.run drives them)."""

from __future__ import annotations

import os
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:  # batch imports this module
    from .batch import Outcome


@dataclass
class Summary:
    """Totals of a batch run, printed on stderr at the end (`failed` counts every failure
    reported, a missing input as well as a document that could not be cleaned)."""

    documents: int = 0
    failed: int = 0
    chars_in: int = 0
    chars_out: int = 0
    by_category: Counter[str] = field(default_factory=Counter)
    started: float = field(default_factory=time.perf_counter)

    def add(self, outcome: Outcome) -> None:
        self.documents += 1
        self.chars_in += outcome.chars_in
        self.chars_out += outcome.chars_out
        self.by_category.update(outcome.by_category)

    def lines(self) -> list[str]:
        seconds = time.perf_counter() - self.started
        kept = f" ({self.chars_out / self.chars_in:.0%} kept)" if self.chars_in else ""
        rate = f", {self.documents / seconds:,.1f} docs/s" if seconds > 0 else ""
        out = [f"{self.documents:,} documents, {self.failed:,} failed, {self.chars_in:,} characters in, "
               f"{self.chars_out:,} out{kept}, {seconds:,.1f} s{rate}"]
        if self.by_category:
            cats = ", ".join(f"{c} {n:,}" for c, n in sorted(self.by_category.items(), key=lambda kv: (-kv[1], kv[0])))
            out.append(f"removals by category: {cats}")
        return out


class Progress:
    """A one-line counter on stderr, redrawn at most 5 times a second; off unless a terminal.

    About twenty lines, so no tqdm or rich dependency for it (README, "Batch").
    """

    def __init__(self, stream: IO[str], enabled: bool, total: int | None = None):
        self.stream, self.enabled, self.total = stream, enabled, total
        self.last = 0.0

    def update(self, summary: Summary, force: bool = False) -> None:
        now = time.perf_counter()
        if not self.enabled or (not force and now - self.last < 0.2):
            return
        self.last = now
        seconds = max(now - summary.started, 1e-9)
        of = f"/{self.total:,}" if self.total else ""
        self.stream.write(f"\r\x1b[K{summary.documents:,}{of} documents, {summary.chars_in / 1e6:,.1f} MB, "
                          f"{summary.documents / seconds:,.1f} docs/s, {summary.failed:,} failed")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def write_atomic(target: Path, data: str) -> None:
    """Write through a temporary file in the same directory, then rename over the target."""
    with atomic_writer(target) as f:
        f.write(data.encode("utf-8"))


@contextmanager
def atomic_writer(target: Path) -> Iterator[IO[bytes]]:
    """A file object whose content replaces `target` only when the block ends cleanly."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the usual file mode
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


class Sink:
    """Writes outcomes in order: to stdout, or one atomic file per output target.

    A JSON-lines output file is streamed into its temporary file, record by record, and
    renamed over the target once its input is finished.
    """

    def __init__(self, targets: list[Path | None], stdout: IO[bytes], streaming: bool):
        self.targets, self.stdout, self.streaming = targets, stdout, streaming
        self.open: tuple[Path, Any, IO[bytes]] | None = None

    def write(self, outcome: Outcome) -> None:
        target = self.targets[outcome.target] if self.targets else None
        if target is None:
            if outcome.output:
                self.stdout.write(outcome.output.encode("utf-8"))
                self.stdout.flush()
            return
        if not self.streaming:
            if outcome.error is None:
                write_atomic(target, outcome.output)
            return
        if self.open is None or self.open[0] != target:
            self.finish()
            manager = atomic_writer(target)
            self.open = (target, manager, manager.__enter__())
        self.open[2].write(outcome.output.encode("utf-8"))

    def finish(self, exc: BaseException | None = None) -> None:
        """Close the open streamed file: renamed into place, or removed after an error."""
        if self.open is not None:
            _, manager, _ = self.open
            self.open = None
            if exc is None:
                manager.__exit__(None, None, None)
            else:
                manager.__exit__(type(exc), exc, exc.__traceback__)
