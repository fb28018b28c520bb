"""``python -m ngojst``: the ``check``, ``test`` and ``kinds`` commands of the C ``ngojst`` tool.

Options, output and exit codes are those of the C command (examples/cli):
the text, JSON and SARIF output is byte for byte the same for the same input.
Exit status: 0 clean, 1 findings (or failed cases), 2 usage or input error,
3 internal error.

Like the C tool - and unlike the library - ``check`` without ``--as-of``
checks as of today (the local date): a command line may read the clock.
"""

from __future__ import annotations

import datetime
import os
import stat
import sys
from dataclasses import dataclass, field
from typing import Callable, List, Optional, Sequence

from . import __version__, _lib
from ._util import parse_format, parse_lang, to_c_date
from .cases import run_cases
from .errors import InputError, NgojstError, OutOfMemoryError, strerror
from .report import Report, Severity, _format_bytes
from .ruleset import RuleSet
from .validate import ReportStream, kinds

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

USAGE = """\
Usage: python -m ngojst COMMAND [OPTIONS] [ARGS...]

Commands:
  check FILE|DIR|-...   check documents (YAML or JSON, multi-document streams)
  test CASES|DIR...     run declarative test cases (*.cases.yaml) and print 'N passed, N failed'
  kinds                 list the document kinds

Options:
  --ruleset FILE        an overlay on top of the built-in national rule set (repeatable, in order)
  --as-of YYYY-MM-DD    the date to check as of (default: today)
  --lang pl|en          language of messages (default: pl)
  --format text|json|sarif   output format (default: text)
  --kind KIND           kind of documents that have no 'kind:' key
  --fail-level error|warning|note   lowest severity that makes 'check' exit 1 (default: warning)
  --holiday YYYY-MM-DD  an extra day off (e.g. declared by regulation); repeatable
  -h, --help            this help
  --version             versions of the package, the library and the built-in rule set

Exit status: 0 clean, 1 findings (or failed cases), 2 usage or input error, 3 internal error.
"""

_MAX_RULESETS = 32
_MAX_HOLIDAYS = 64


class _RawPath:
    """A path given to the library exactly as typed (pathlib would normalise
    "./a.yaml" to "a.yaml", and the source name in reports would differ)."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __fspath__(self) -> str:
        return self.path


class _UsageError(Exception):
    pass


@dataclass
class Options:
    """The options shared by the commands (as the C tool's cli_options)."""

    rulesets: List[str] = field(default_factory=list)
    as_of: Optional[str] = None
    lang: str = "pl"
    format: str = "text"
    kind: Optional[str] = None
    fail_level: Severity = Severity.WARNING
    holidays: List[str] = field(default_factory=list)
    args: List[str] = field(default_factory=list)


def _out(data: bytes) -> None:
    sys.stdout.buffer.write(data)


def _err(text: str) -> None:
    sys.stderr.buffer.write(text.encode("utf-8", "surrogateescape"))


def _parses(parse: Callable[[str], object], text: str) -> bool:
    """Whether the library's own parser (date, language, format) accepts text."""
    try:
        parse(text)
    except (ValueError, TypeError):
        return False
    return True


def _valid_date(text: str) -> bool:
    return _parses(lambda t: to_c_date(t, "date"), text)


def parse_options(argv: Sequence[str]) -> Options:
    """Parse options as the C tool does: anywhere among the arguments, ``--opt value``
    or ``--opt=value``, ``-`` is an argument, ``--`` ends the options."""
    o = Options()
    only_args = False
    i = 0

    def is_opt(a: str, opt: str) -> bool:
        return a == opt or a.startswith(opt + "=")

    def value_of(opt: str) -> Optional[str]:
        nonlocal i
        a = argv[i]
        if a.startswith(opt + "="):
            return a[len(opt) + 1:]
        if i + 1 >= len(argv):
            return None
        i += 1
        return argv[i]

    while i < len(argv):
        a = argv[i]
        if only_args or not a.startswith("-") or a == "-":
            o.args.append(a)
        elif a == "--":
            only_args = True
        elif is_opt(a, "--ruleset"):
            v = value_of("--ruleset")
            if v is None:
                raise _UsageError(f"{a} needs a file")
            if len(o.rulesets) == _MAX_RULESETS:
                raise _UsageError(f"too many rule sets ({v})")
            o.rulesets.append(v)
        elif is_opt(a, "--as-of"):
            v = value_of("--as-of")
            if v is None or not _valid_date(v):
                raise _UsageError(f"--as-of needs a date written YYYY-MM-DD (got '{v or ''}')")
            o.as_of = v
        elif is_opt(a, "--lang"):
            v = value_of("--lang")
            if v is None or not _parses(parse_lang, v):
                raise _UsageError(f"--lang is pl or en (got '{v or ''}')")
            o.lang = v
        elif is_opt(a, "--format"):
            v = value_of("--format")
            if v is None or not _parses(parse_format, v):
                raise _UsageError(f"--format is text, json or sarif (got '{v or ''}')")
            o.format = v
        elif is_opt(a, "--kind"):
            v = value_of("--kind")
            if v is None:
                raise _UsageError(f"{a} needs a kind")
            o.kind = v
        elif is_opt(a, "--fail-level"):
            v = value_of("--fail-level")
            if v is None:
                raise _UsageError(f"{a} needs error, warning or note")
            if v not in ("error", "warning", "note"):
                raise _UsageError(f"--fail-level is error, warning or note (got '{v}')")
            o.fail_level = Severity[v.upper()]
        elif is_opt(a, "--holiday"):
            v = value_of("--holiday")
            if v is None or len(o.holidays) == _MAX_HOLIDAYS or not _valid_date(v):
                raise _UsageError(f"--holiday needs a date written YYYY-MM-DD (got '{v or ''}')")
            o.holidays.append(v)
        else:
            raise _UsageError(f"unknown option '{a}'")
        i += 1
    if o.as_of is None:
        o.as_of = datetime.date.today().isoformat()  # the CLI's one concession to the clock
    return o


def _list_dir(path: str, keep: Callable[[str], bool]) -> Optional[List[str]]:
    """The entries of a folder accepted by keep (hidden ones never), as "path/name",
    sorted by their bytes so the output is the same on every machine; None if unreadable."""
    try:
        entries = os.listdir(path)
    except OSError:
        return None
    sep = "" if path.endswith("/") else "/"
    return sorted((f"{path}{sep}{e}" for e in entries if not e.startswith(".") and keep(e)),
                  key=os.fsencode)


def _load_rules(o: Options) -> Optional[RuleSet]:
    """The built-in rule set with the --ruleset overlays, or None after printing why not."""
    try:
        rs = RuleSet.builtin()
    except NgojstError as e:
        _err(f"ngojst: the built-in rule set: {strerror(e.code)}\n{e.formatted}")
        return None
    for path in o.rulesets:
        try:
            nxt = RuleSet.load(_RawPath(path), extends=rs)
        except NgojstError as e:
            _err(f"ngojst: rule set {path}: {strerror(e.code)}\n{e.formatted}")
            rs.close()
            return None
        rs.close()
        rs = nxt
    for d in rs.conflicts:
        _err(f"{d.source}:{d.line}:{d.column}: warning: {d.message} [ngojst.overlay.conflict]\n")
    return rs


class _Check:
    def __init__(self, o: Options, rules: RuleSet) -> None:
        self.o = o
        self.rules = rules
        self.reports: list = []
        self.counts = {s: 0 for s in Severity}
        self.ndocs = 0
        self.input_error = False
        self.failed = False
        self.internal_error = False

    def keep(self, rep: Report) -> bool:
        if any(f.severity >= self.o.fail_level for f in rep.findings):
            self.failed = True
        self.ndocs += 1
        for s in Severity:
            self.counts[s] += rep.counts[s]
        if self.o.format != "text":
            self.reports.append(rep)  # JSON and SARIF print every report at the end
            return True
        # Text streams: print each report without its summary line and forget
        # it (bounded memory); one summary ends the run.
        try:
            text = _format_bytes([rep], _lib.FORMAT_TEXT_FINDINGS)
        except NgojstError:
            self.internal_error = True
            return False
        finally:
            rep.close()
        _out(text)
        return True

    def stream(self, s: ReportStream, name: str) -> None:
        with s:
            while True:
                try:
                    rep = next(s)
                except StopIteration:
                    # An empty input is a mistake, not a clean bill of health.
                    if s.position == 0:
                        _err(f"{name}: error: the input holds no document\n")
                        self.input_error = True
                    return
                except InputError as e:
                    _err(e.formatted)  # this document cannot be checked; the next one may
                    self.input_error = True
                    continue
                except NgojstError as e:
                    _err(e.formatted)
                    if isinstance(e, OutOfMemoryError):
                        self.internal_error = True
                    self.input_error = True
                    return
                if not self.keep(rep):
                    return

    def open(self, source: object, **kw: object) -> Optional[ReportStream]:
        try:
            return ReportStream(source, self.o.kind, self.o.as_of, self.rules, self.o.lang,  # type: ignore[arg-type]
                                holidays=self.o.holidays, **kw)  # type: ignore[arg-type]
        except NgojstError as e:
            _err(e.formatted)
            self.input_error = True
            return None

    def path(self, path: str) -> None:
        if path == "-":
            s = self.open(sys.stdin.buffer, source_name="<stdin>")
            name = "<stdin>"
        else:
            try:
                is_dir = stat.S_ISDIR(os.stat(path).st_mode)
            except OSError:
                is_dir = False
            if is_dir:
                self.folder(path)
                return
            s = self.open(_RawPath(path))
            name = path
        if s is not None:
            self.stream(s, name)

    def folder(self, path: str) -> None:
        """YAML and JSON files and subfolders, in byte order of their names (as the C tool)."""
        names = _list_dir(path, lambda e: True)
        if names is None:
            _err(f"{path}: error: cannot open the folder\n")
            self.input_error = True
            return
        for name in names:
            dot = name.rfind(".")
            wanted = dot >= 0 and name[dot:] in (".yaml", ".yml", ".json")
            try:
                st = os.stat(name)
            except OSError:
                continue
            if stat.S_ISDIR(st.st_mode) or wanted:
                self.path(name)

    def summary(self) -> None:
        e, w, n, d = (self.counts[Severity.ERROR], self.counts[Severity.WARNING],
                      self.counts[Severity.NOTE], self.ndocs)
        _out((f"{e} error{'' if e == 1 else 's'}, {w} warning{'' if w == 1 else 's'}, "
              f"{n} note{'' if n == 1 else 's'} in {d} document{'' if d == 1 else 's'}\n").encode())


def cmd_check(o: Options) -> int:
    """``check FILE|DIR|-...``: validate documents and print a report."""
    if not o.args:
        _err("ngojst check: no input (give files, folders or - for standard input)\n")
        return EXIT_USAGE
    rules = _load_rules(o)
    if rules is None:
        return EXIT_USAGE
    run = _Check(o, rules)
    try:
        for path in o.args:
            run.path(path)
        if o.format == "text":
            run.summary()
        else:
            try:
                _out(_format_bytes(run.reports, o.format))
            except NgojstError:
                run.internal_error = True
    finally:
        for r in run.reports:
            r.close()
        rules.close()
    if run.internal_error:
        return EXIT_INTERNAL
    if run.input_error:
        return EXIT_USAGE
    return EXIT_FINDINGS if run.failed else EXIT_CLEAN


def cmd_test(o: Options) -> int:
    """``test CASES|DIR...``: run declarative test-case files."""
    if not o.args:
        _err("ngojst test: give test-case files or folders (*.cases.yaml)\n")
        return EXIT_USAGE
    rules = _load_rules(o)
    if rules is None:
        return EXIT_USAGE
    passed = failed = 0
    bad_file = False

    def run_file(path: str) -> None:
        nonlocal passed, failed, bad_file
        try:
            results = run_cases(_RawPath(path), rules, holidays=o.holidays)
        except NgojstError as e:
            _err(f"{path}: error: cannot run the test cases: {strerror(e.code)}\n{e.formatted}")
            bad_file = True
            return
        for c in results:
            if c.passed:
                passed += 1
            else:
                failed += 1
                _out(f"FAIL {c.source}:{c.line}: {c.name}\n{c.detail}\n".encode("utf-8", "surrogateescape"))

    try:
        for path in o.args:
            try:
                is_dir = stat.S_ISDIR(os.stat(path).st_mode)
            except OSError:
                is_dir = False
            if not is_dir:
                run_file(path)
                continue
            names = _list_dir(path, lambda e: e.endswith(".cases.yaml"))
            if names is None:
                _err(f"{path}: error: cannot open the folder\n")
                bad_file = True
                continue
            for name in names:
                run_file(name)
    finally:
        rules.close()
    _out(f"{passed} passed, {failed} failed\n".encode())
    return EXIT_USAGE if bad_file else EXIT_FINDINGS if failed else EXIT_CLEAN


def cmd_kinds(o: Options) -> int:
    """``kinds``: list the document kinds."""
    for k in kinds():
        _out(f"{k.name:<28} {k.description}\n".encode())
    return EXIT_CLEAN


COMMANDS = {"check": cmd_check, "test": cmd_test, "kinds": cmd_kinds}


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    cmd = args[0] if args else None
    if cmd is None or cmd in ("-h", "--help", "help"):
        (sys.stdout if cmd else sys.stderr).write(USAGE)
        return EXIT_CLEAN if cmd else EXIT_USAGE
    if cmd == "--version":
        print(f"ngojst {__version__} (library {_lib.LIBRARY_VERSION}, "
              f"built-in rule set sha256 {RuleSet.builtin_sha256()})")
        return EXIT_CLEAN
    fn = COMMANDS.get(cmd)
    if fn is None:
        sys.stderr.write(f"ngojst: unknown command '{cmd}'\n{USAGE}")
        return EXIT_USAGE
    try:
        o = parse_options(args[1:])
    except _UsageError as e:
        _err(f"ngojst {cmd}: {e}\nTry 'ngojst --help'.\n")
        return EXIT_USAGE
    try:
        return fn(o)
    finally:
        sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
