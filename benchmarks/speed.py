"""Speed: throughput beside trafilatura, cost as documents grow, and peak memory.

    .venv/bin/python benchmarks/speed.py                 # all three parts
    .venv/bin/python benchmarks/speed.py --max-mb 5      # a quicker scaling run
    .venv/bin/python benchmarks/speed.py --skip throughput,scaling,memory   # -j only
    .venv/bin/python benchmarks/speed.py --sets aeb --rounds 3 --skip scaling,memory,jobs   # issue 3's ratio
    .venv/bin/python benchmarks/speed.py --sets aeb --rounds 3 --skip scaling,memory,jobs --clock cpu   # busy machine

1. Throughput on the same aeb + traf dev pages in one run: the text path
   (`clean(record["text"])`), the HTML path (`clean(record["html"])`) and
   `trafilatura.extract(record["html"])`, in documents/s and MB/s of the input each one
   reads, with the documents/s ratio to trafilatura.
2. Scaling: synthetic documents of 1 KB to 20 MB built by repeating the bench page texts
   (or the corpus inputs when ../shared/bench is absent), line-broken and glued into one
   line, with seconds per MB: a flat column means linear cost.
3. Peak memory (tracemalloc) while cleaning the largest document, line-broken and glued, as
   a multiple of its size (documents over cleantext.window.WINDOW_CHARS go in windows).
4. Worker processes: the same batch code as `cleantext -j N` (cleantext.batch.clean_stream)
   on 2,000 documents cycled from the bench page texts, `-j 2` against `-j 1`, worker
   start-up included. Only meaningful on a machine with two idle cores.

Timings are of one process on one core; they are noisy, so compare ratios within a run.
The test suite asserts nothing about time.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

import cleantext
from cleantext import Cleaner, Config

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = Path(os.environ.get("CLEANTEXT_BENCH", ROOT.parent / "shared" / "bench"))
MB = 1_000_000
SIZES = (1_000, 10_000, 100_000, 1 * MB, 5 * MB, 20 * MB)
#: Skip the next size when even linear growth from this one would take longer than this
#: (a superlinear cleaner would take far longer still).
SLOW_SECONDS = 120.0


def load_pages(bench: Path, split: str, sets: Sequence[str] = ("aeb", "traf")) -> list[dict]:
    pages: list[dict] = []
    for kind in sets:
        path = bench / "data" / f"{kind}.{split}.jsonl.gz"
        if path.exists():
            with gzip.open(path, "rt", encoding="utf-8") as f:
                pages.extend(json.loads(line) for line in f if line.strip())
    return pages


def size_mb(texts: Sequence[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / MB


def timed(fn: Callable[[str], object], inputs: Sequence[str], min_seconds: float = 0.0,
          clock: Callable[[], float] = time.perf_counter) -> float:
    """Seconds per pass over `inputs` (repeated until `min_seconds` when that is quick)."""
    passes, t0 = 0, clock()
    while True:
        for item in inputs:
            fn(item)
        passes += 1
        elapsed = clock() - t0
        if elapsed >= min_seconds:
            return elapsed / passes


#: The clocks of the throughput part: wall (time.perf_counter) or the CPU time of this
#: process (time.process_time), which other processes on a shared machine do not inflate
#: (all three systems run in this one process, one document at a time).
CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}


def throughput(pages: list[dict], rounds: int = 1, label: str = "aeb+traf", clock: str = "wall") -> None:
    """Seconds per pass of each system; with several rounds the systems take turns and
    each keeps its fastest pass (on a shared machine the load drifts during a run)."""
    import trafilatura

    texts = [p["text"] for p in pages]
    htmls = [p["html"] for p in pages]
    text_cleaner = Cleaner(Config(input_format="text"))
    html_cleaner = Cleaner(Config(input_format="html"))

    def extract(html: str) -> object:
        return trafilatura.extract(html, include_comments=False, include_tables=True)

    systems = [
        ("cleantext text path", text_cleaner.clean, texts),
        ("cleantext HTML path", html_cleaner.clean, htmls),
        ("trafilatura.extract (HTML)", extract, htmls),
    ]
    for _, fn, inputs in systems:  # warm up: language profiles, lazy imports
        fn(inputs[0])
    best = [float("inf")] * len(systems)
    for r in range(rounds):
        for k, (name, fn, inputs) in enumerate(systems):
            seconds = timed(fn, inputs, clock=CLOCKS[clock])
            best[k] = min(best[k], seconds)
            print(f"  round {r + 1}, {name}: {seconds:.1f}s", file=sys.stderr, flush=True)
    rows = [(name, len(inputs), size_mb(inputs), seconds) for (name, _, inputs), seconds in zip(systems, best)]
    base = rows[-1][1] / rows[-1][3]
    runs = "one run" if rounds == 1 else f"fastest of {rounds} interleaved rounds"
    runs += ", CPU time" if clock == "cpu" else ", wall clock"
    print(f"\n## Throughput: {len(pages)} {label} dev pages, {runs}\n")
    print("| system | docs | input MB | seconds | docs/s | MB/s | docs/s vs trafilatura |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, docs, mb, seconds in rows:
        print(f"| {name} | {docs} | {mb:.1f} | {seconds:.2f} | {docs / seconds:.1f} | {mb / seconds:.2f} | "
              f"{docs / seconds / base:.2f}x |")


def synthetic(base: str, size: int, glued: bool) -> str:
    """`base` repeated to about `size` bytes, cut at a line end (or a space when glued)."""
    text = base * (size // max(1, len(base.encode("utf-8"))) + 1)
    text = text.encode("utf-8")[:size].decode("utf-8", "ignore")
    if glued:
        text = " ".join(text.split("\n"))
    cut = max(text.rfind("\n"), text.rfind(" "))
    return text[:cut] if cut > size // 2 else text


def warm_up(cleaner: Cleaner, base: str) -> None:
    """Load what loads lazily (langdetect's profiles take a second or two, on demand)."""
    from cleantext import lang

    # The stoplist vote answers for these samples, so load langdetect's profiles directly:
    # ~58 MB once per process, counted as the document's own memory otherwise.
    lang._factory()
    for glued in (False, True):
        cleaner.clean(synthetic(base, 20_000, glued))


def scaling(base: str, max_size: int) -> int | None:
    cleaner = Cleaner()
    warm_up(cleaner, base)
    print(f"\n## Scaling: cost as one document grows (text path, {cleantext.__version__})\n")
    print("| size | line-broken s | line-broken s/MB | glued s | glued s/MB |")
    print("| --- | --- | --- | --- | --- |")
    stop = stop_next = False
    largest = None
    sizes = [s for s in SIZES if s <= max_size]
    for k, size in enumerate(sizes):
        next_size = sizes[k + 1] if k + 1 < len(sizes) else size
        cells = []
        for glued in (False, True):
            doc = synthetic(base, size, glued)
            if stop:
                cells += ["skipped", "-"]
                continue
            seconds = timed(cleaner.clean, [doc], min_seconds=0.5 if size < MB else 0.0)
            cells += [f"{seconds:.3f}", f"{seconds / (len(doc.encode('utf-8')) / MB):.2f}"]
            print(f"  {size / MB:g} MB glued={glued}: {seconds:.2f}s", file=sys.stderr, flush=True)
            stop_next = stop_next or seconds * next_size / size > SLOW_SECONDS
        if "skipped" not in cells:
            largest = size
        if stop_next and not stop:
            stop = True
            print(f"  the next size would take over {SLOW_SECONDS:.0f}s: stopping here", file=sys.stderr)
        label = f"{size // 1000} KB" if size < MB else f"{size // MB} MB"
        print(f"| {label} | " + " | ".join(cells) + " |", flush=True)
    return largest


def peak_memory(base: str, size: int) -> None:
    """Peak traced memory cleaning one `size` document, line-broken and glued.

    tracemalloc slows the cleaner about ten times: 20 MB takes minutes per document.
    """
    cleaner = Cleaner()
    warm_up(cleaner, base)
    print(f"\n## Peak memory (tracemalloc) cleaning one {size / MB:g} MB document\n")
    print("| document | MB | peak MB | x input | windows |")
    print("| --- | --- | --- | --- | --- |")
    for glued in (False, True):
        doc = synthetic(base, size, glued)
        n = len(doc.encode("utf-8"))
        tracemalloc.start()
        try:
            result = cleaner.clean_document(doc)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        windows = next((w.split()[2] for w in result.warnings if w.startswith("cleaned in")), "1")
        del result
        kind = "glued" if glued else "line-broken"
        print(f"| {kind} | {n / MB:.1f} | {peak / MB:.1f} | {peak / n:.1f} | {windows} |", flush=True)
    print("\n(Python allocations while cleaning; the input string itself is not counted.)")


def parallel(texts: list[str], docs: int) -> None:
    from cleantext.batch import Unit, View, clean_stream

    units = [Unit(f"doc{i}", data=texts[i % len(texts)].encode("utf-8")) for i in range(docs)]
    mb = sum(len(u.data or b"") for u in units) / MB
    cleaner = Cleaner(Config(input_format="text"))
    warm_up(cleaner, texts[0])
    print(f"\n## Worker processes: {docs:,} documents ({mb:.1f} MB), `cleantext -j N` batch code, "
          f"{os.cpu_count()} CPUs\n")
    print("| jobs | seconds | docs/s | speed-up |")
    print("| --- | --- | --- | --- |")
    base = None
    for jobs in (1, 2):
        t0 = time.perf_counter()
        for _ in clean_stream(cleaner, View(), units, jobs=jobs):
            pass
        seconds = time.perf_counter() - t0
        base = base or seconds
        print(f"  -j {jobs}: {seconds:.1f}s", file=sys.stderr, flush=True)
        print(f"| {jobs} | {seconds:.1f} | {docs / seconds:.1f} | {base / seconds:.2f}x |", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="folder with data/ (../shared/bench)")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--max-mb", type=float, default=20, help="largest synthetic document, in MB (default 20)")
    ap.add_argument("--skip", default="", help="comma list of parts to skip: throughput,scaling,memory,jobs")
    ap.add_argument("--docs", type=int, default=2000, help="documents for the -j comparison (default 2000)")
    ap.add_argument("--sets", default="aeb,traf", help="bench sets whose pages are read (default aeb,traf)")
    ap.add_argument("--rounds", type=int, default=1, help="interleaved throughput rounds, fastest kept (default 1)")
    ap.add_argument("--clock", choices=sorted(CLOCKS), default="wall",
                    help="throughput clock: wall, or this process's CPU time (steadier on a busy machine)")
    args = ap.parse_args(argv)
    skip = set(args.skip.split(","))
    sets = tuple(s for s in args.sets.split(",") if s)

    pages = load_pages(args.bench, args.split, sets)
    if pages:
        base = "\n".join(p["text"] for p in pages if p.get("text"))
    else:
        print(f"no bench pages under {args.bench}: throughput skipped, scaling uses corpus/ inputs",
              file=sys.stderr)
        base = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*/input.txt")))
    if pages and "throughput" not in skip:
        throughput(pages, args.rounds, "+".join(sets), args.clock)
    largest = None
    if "scaling" not in skip:
        largest = scaling(base, int(args.max_mb * MB))
    if "memory" not in skip:
        peak_memory(base, largest or int(args.max_mb * MB))
    if pages and "jobs" not in skip:
        parallel([p["text"] for p in pages if p.get("text")], args.docs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
