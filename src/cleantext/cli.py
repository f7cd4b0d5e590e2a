"""The `cleantext` command: argument parsing and files. No cleaning logic lives here.

Exit codes: 0 every input cleaned; 1 some input failed (the others are still cleaned and
each failure is named on stderr in one line); 2 a usage error (bad flags, a bad rule file,
an unknown rule id, an output that would overwrite an input).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .api import Cleaner
from .config import MODES, Config
from .errors import CleantextError
from .model import Result
from .render import explain

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
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--html", dest="input_format", action="store_const", const="html", help="treat inputs as HTML")
    fmt.add_argument("--text", dest="input_format", action="store_const", const="text",
                     help="treat inputs as plain text")
    p.set_defaults(input_format="auto")
    p.add_argument("--version", action="version", version=f"{PROG} {__version__} (distribution cleantext-story)")
    return p


def make_config(args: argparse.Namespace) -> Config:
    disabled = tuple(d.strip() for item in args.disable for d in item.split(",") if d.strip())
    return Config(mode=args.mode, rule_files=tuple(args.rules), disabled_rules=disabled,
                  language=args.lang, input_format=args.input_format)


def output_paths(args: argparse.Namespace) -> list[Path | None]:
    """Where each input's output goes (None: stdout); refuses to overwrite an input."""
    inputs: list[str] = args.inputs
    if inputs.count(STDIN) > 1:
        raise UsageError("'-' (stdin) can be given only once")
    if args.output is not None:
        if len(inputs) != 1:
            raise UsageError("-o/--output takes exactly one input; use --out-dir for several")
        targets: list[Path | None] = [Path(args.output)]
    elif args.out_dir is not None:
        out_dir = Path(args.out_dir)
        if out_dir.exists() and not out_dir.is_dir():
            raise UsageError(f"--out-dir {out_dir} exists and is not a directory")
        suffix = ".json" if args.json else ".explain.txt" if args.explain else ""
        targets = [out_dir / (("stdin.txt" if name == STDIN else Path(name).name) + suffix) for name in inputs]
        seen: dict[str, str] = {}
        for name, target in zip(inputs, targets, strict=True):
            key = os.path.normcase(os.path.abspath(str(target)))
            if key in seen:
                raise UsageError(f"inputs {seen[key]} and {name} would both be written to {target}")
            seen[key] = name
    else:
        return [None] * len(inputs)
    for target in targets:
        assert target is not None
        for name in inputs:
            if name != STDIN and _same_file(Path(name), target):
                raise UsageError(f"refusing to overwrite input file {name} with output {target}")
    return targets


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def render(result: Result, args: argparse.Namespace, name: str, *, several: bool, colour: bool) -> str:
    """The text written for one result, in the chosen view."""
    if args.json:
        if several and args.out_dir is None:
            import json

            return json.dumps({"input": name, **result.to_dict()}, ensure_ascii=False) + "\n"
        return result.to_json() + "\n"
    if args.explain:
        header = f"==> {name} <==\n" if several and args.out_dir is None else ""
        return header + explain(result, colour=colour)
    return result.text + "\n" if result.text else ""


def read_input(name: str) -> bytes:
    if name == STDIN:
        return sys.stdin.buffer.read()
    return Path(name).read_bytes()


def write_atomic(target: Path, data: str) -> None:
    """Write through a temporary file in the same directory, then rename over the target."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8"))
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
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        targets = output_paths(args)
        cleaner = Cleaner(make_config(args))
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        fail(f"error: {exc}")
        return 2
    except CleantextError as exc:  # a bad rule file, an unknown rule id, a bad setting
        fail(f"error: {exc}")
        return 2
    colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    several = len(args.inputs) > 1
    status = 0
    stdout = sys.stdout.buffer
    for name, target in zip(args.inputs, targets, strict=True):
        label = "<stdin>" if name == STDIN else name
        try:
            result = cleaner.clean_document(read_input(name))
            text = render(result, args, label, several=several, colour=colour and target is None)
            if target is None:
                stdout.write(text.encode("utf-8"))
                stdout.flush()
            else:
                write_atomic(target, text)
        except BrokenPipeError:
            raise
        except Exception as exc:  # one bad input must not stop the others, nor print a traceback
            if os.environ.get("CLEANTEXT_DEBUG"):
                raise
            fail(f"{label}: {_describe(exc)}")
            status = 1
    return status


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
