"""The `cleantext` command: argument parsing and files. No cleaning logic lives here.

Exit codes: 0 every input cleaned; 1 some input failed (the others are still cleaned and
each failure is named on stderr in one line); 2 a usage error (bad flags, a bad rule file,
an unknown rule id, an output that would overwrite an input).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .api import Cleaner
from .batch import Source, View, expand
from .batch import run as run_batch
from .config import MODES, Config
from .errors import CleantextError
from .model import Result
from .output import write_atomic

PROG = "cleantext"
STDIN = "-"

EPILOG = """\
examples:
  cleantext page.txt                      the story of page.txt on stdout
  curl -s URL | cleantext --html -        clean an HTML page read from stdin
  cleantext page.txt -o story.txt         write the story to a file
  cleantext pages/*.txt --out-dir clean/  one output file per input, same name
  cleantext page.txt --json               the full result: text, title, date, removals, stats
  cleantext page.txt --explain | less -R  the input with every cut tagged with its rule id
  cleantext page.txt --rules site.toml --disable share,caption.credit-line
  cleantext corpus/ --out-dir clean/ -j 4 a folder, recursively, on 4 worker processes
  cleantext --jsonl pages.jsonl.gz > clean.jsonl   the 'text' field of each record cleaned
  cat pages.jsonl | cleantext --jsonl - --field body --url-field link
  cleantext learn corpus/ -o site-rules.toml       each site's repeated lines, as rules
  cleantext report pages/*.txt -o report.html   one HTML page showing every cut

exit status: 0 all inputs cleaned, 1 some input failed (the others are still
written), 2 usage error (bad option, bad rule file, unknown rule id).
"""


class UsageError(Exception):
    """A problem with the command line itself: reported and exit status 2."""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=PROG,
        description="Keep the core story of scraped article text or HTML, and explain every cut.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="+", metavar="FILE", help="input files (text or HTML); '-' reads stdin")
    out = p.add_mutually_exclusive_group()
    out.add_argument("-o", "--output", metavar="FILE", help="write the output to FILE (one input only)")
    out.add_argument("--out-dir", metavar="DIR", help="write one output file per input into DIR, named after the input")
    view = p.add_mutually_exclusive_group()
    view.add_argument("--json", action="store_true",
                      help="print the full Result as JSON (JSON Lines for several inputs)")
    view.add_argument("--explain", action="store_true", help="print the input with every removal shown in place")
    p.add_argument("--rules", action="append", default=[], metavar="FILE", help="extra rule file (TOML); repeatable")
    p.add_argument("--disable", action="append", default=[], metavar="ID",
                   help="disable a rule id or a whole prefix such as 'share'; repeatable or comma-separated")
    p.add_argument("--mode", choices=list(MODES), default="balanced", help="preset (default: balanced)")
    p.add_argument("--lang", metavar="CODE", help="force the document language (ISO 639-1, e.g. 'de')")
    p.add_argument("--settle", action="store_true",
                   help="clean the output again until it no longer changes (slower; see README)")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--html", dest="input_format", action="store_const", const="html", help="treat inputs as HTML")
    fmt.add_argument("--text", dest="input_format", action="store_const", const="text",
                     help="treat inputs as plain text")
    p.set_defaults(input_format="auto")
    batch = p.add_argument_group("many documents")
    batch.add_argument("--jsonl", action="store_true",
                       help="inputs are JSON Lines (.jsonl, .jsonl.gz, '-' streams stdin): clean one field of "
                            "each record, pass the other fields through")
    batch.add_argument("--field", default="text", metavar="NAME", help="--jsonl: the field to clean (default: text)")
    batch.add_argument("--url-field", default="url", metavar="NAME",
                       help="--jsonl: the field holding the page URL, for site rules (default: url)")
    batch.add_argument("--summary-field", default="cleantext", metavar="NAME",
                       help="--jsonl: the field that receives the removals summary (default: cleantext; '' for none)")
    batch.add_argument("--url", metavar="URL", help="the page URL of file inputs, for site rules (learned rule files)")
    batch.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                       help="worker processes (default 1; 0: one per CPU)")
    batch.add_argument("-q", "--quiet", action="store_true", help="no progress line and no summary on stderr")
    p.add_argument("--version", action="version", version=f"{PROG} {__version__} (distribution cleantext-story)")
    return p


def make_config(args: argparse.Namespace) -> Config:
    disabled = tuple(d.strip() for item in args.disable for d in item.split(",") if d.strip())
    return Config(mode=args.mode, rule_files=tuple(args.rules), disabled_rules=disabled,
                  language=args.lang, input_format=args.input_format, settle=args.settle)


def output_paths(args: argparse.Namespace, sources: list) -> list[Path | None]:
    """Where each source's output goes (None: stdout); refuses to overwrite an input."""
    inputs = [src.path for src in sources if isinstance(src, Source)]
    if args.inputs.count(STDIN) > 1:
        raise UsageError("'-' (stdin) can be given only once")
    if args.output is not None:
        if len(sources) != 1 and not args.jsonl:
            raise UsageError("-o/--output takes exactly one input (or --jsonl inputs); use --out-dir for several")
        targets: list[Path | None] = [Path(args.output)] * len(sources)
    elif args.out_dir is not None:
        out_dir = Path(args.out_dir)
        if out_dir.exists() and not out_dir.is_dir():
            raise UsageError(f"--out-dir {out_dir} exists and is not a directory")
        suffix = ".json" if args.json else ".explain.txt" if args.explain else ""
        targets = [
            out_dir / (src.name.removesuffix(".gz") if args.jsonl else src.name + suffix)
            if isinstance(src, Source) else None
            for src in sources
        ]
        seen: dict[str, str] = {}
        for src, target in zip(sources, targets, strict=True):
            if target is None:
                continue
            key = os.path.normcase(os.path.abspath(str(target)))
            if key in seen:
                raise UsageError(f"inputs {seen[key]} and {src.label} would both be written to {target}")
            seen[key] = src.label
    else:
        return [None] * len(sources)
    for target in set(targets):
        for name in inputs:
            if target is not None and name != STDIN and _same_file(Path(name), target):
                raise UsageError(f"refusing to overwrite input file {name} with output {target}")
    return targets


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def read_input(name: str) -> bytes:
    if name == STDIN:
        return sys.stdin.buffer.read()
    return Path(name).read_bytes()


def _describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    if isinstance(exc, CleantextError):
        return str(exc)
    return f"internal error: {type(exc).__name__}: {exc} (please report it)"


def fail(message: str) -> None:
    sys.stderr.write(f"{PROG}: {' '.join(message.split())}\n")
    sys.stderr.flush()


def run(argv: Sequence[str] | None = None) -> int:
    """Parse `argv`, clean every input, return the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["report"]:  # a subcommand; a file named 'report' is './report'
        return run_report(argv[1:])
    if argv[:1] == ["learn"]:  # a subcommand; a file named 'learn' is './learn'
        from .learn import main as learn_main

        return learn_main(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    sources, from_folders = expand(args.inputs)
    try:
        if args.jsonl and (args.json or args.explain):
            raise UsageError("--jsonl writes JSON Lines records; it does not combine with --json or --explain")
        if args.jobs < 0:
            raise UsageError("-j/--jobs takes a number of processes, or 0 for one per CPU")
        targets = output_paths(args, sources)
        cleaner = Cleaner(make_config(args))
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        fail(f"error: {exc}")
        return 2
    except CleantextError as exc:  # a bad rule file, an unknown rule id, a bad setting
        fail(f"error: {exc}")
        return 2
    view = View(
        kind="jsonl" if args.jsonl else "json" if args.json else "explain" if args.explain else "text",
        labelled=len(sources) > 1 and args.out_dir is None,
        colour=sys.stdout.isatty() and not os.environ.get("NO_COLOR") and args.output is None and args.out_dir is None,
        field=args.field, url_field=args.url_field, summary_field=args.summary_field, url=args.url,
    )
    jobs = args.jobs or os.cpu_count() or 1
    return run_batch(
        cleaner, view, sources, targets, jobs=jobs,
        show_progress=sys.stderr.isatty() and not args.quiet,
        show_summary=(args.jsonl or from_folders or jobs > 1) and not args.quiet,
        report=fail,
    )


def build_report_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=f"{PROG} report",
        description="Write one self-contained HTML page showing each input with every removal in place.",
    )
    p.add_argument("inputs", nargs="+", metavar="FILE", help="input files (text or HTML); '-' reads stdin")
    p.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE (default: stdout)")
    p.add_argument("--rules", action="append", default=[], metavar="FILE", help="extra rule file (TOML); repeatable")
    p.add_argument("--disable", action="append", default=[], metavar="ID", help="disable a rule id or prefix")
    p.add_argument("--mode", choices=list(MODES), default="balanced", help="preset (default: balanced)")
    p.add_argument("--lang", metavar="CODE", help="force the document language (ISO 639-1)")
    p.add_argument("--settle", action="store_true", help="clean the output again until it no longer changes")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--html", dest="input_format", action="store_const", const="html", help="treat inputs as HTML")
    fmt.add_argument("--text", dest="input_format", action="store_const", const="text", help="treat inputs as text")
    p.set_defaults(input_format="auto")
    return p


def run_report(argv: Sequence[str]) -> int:
    """`cleantext report FILE... [-o report.html]`: clean every input, write one HTML report."""
    from .report import render_report

    parser = build_report_parser()
    args = parser.parse_args(argv)
    target = Path(args.output) if args.output is not None else None
    try:
        if args.inputs.count(STDIN) > 1:
            raise UsageError("'-' (stdin) can be given only once")
        for name in args.inputs:
            if target is not None and name != STDIN and _same_file(Path(name), target):
                raise UsageError(f"refusing to overwrite input file {name} with output {target}")
        cleaner = Cleaner(make_config(args))
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        fail(f"error: {exc}")
        return 2
    except CleantextError as exc:
        fail(f"error: {exc}")
        return 2
    documents: list[tuple[str, Result]] = []
    failures: list[tuple[str, str]] = []
    for name in args.inputs:
        label = "<stdin>" if name == STDIN else name
        try:
            documents.append((label, cleaner.clean_document(read_input(name))))
        except Exception as exc:  # named on stderr and in the report; the others still go in
            if os.environ.get("CLEANTEXT_DEBUG"):
                raise
            fail(f"{label}: {_describe(exc)}")
            failures.append((label, _describe(exc)))
    page = render_report(documents, failures=failures)
    if target is None:
        sys.stdout.buffer.write(page.encode("utf-8"))
        sys.stdout.flush()
    else:
        write_atomic(target, page)
    return 1 if failures else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `cleantext` console script."""
    try:
        return run(argv)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`cleantext big.txt | head`): quiet, like other filters.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
