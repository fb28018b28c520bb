"""python -m ngojst mirrors the C ngojst tool: same stdout, stderr and exit code;
and the Python API's reports equal the C tool's JSON, SARIF and text output."""

from __future__ import annotations

import pathlib
import subprocess

import pytest

import ngojst
from ngojst.__main__ import main, parse_options

from conftest import DATA, SRCDIR, cli_path, run_python

AS_OF = "--as-of=2026-11-26"
D = "tests/data/cli"
STREAM_DOC = b"year: 2025\nsubmitted_on: 2026-05-04\npublished_on: 2026-05-04\n"

# name, arguments, stdin (a path under SRCDIR, bytes, or None)
CASES = [
    ("sample-pl", ["check", AS_OF, "examples/samples/programme-2026.yaml"], None),
    ("late-en", ["check", AS_OF, "--lang", "en", f"{D}/late-programme.yaml"], None),
    ("late-pl", ["check", AS_OF, f"{D}/late-programme.yaml"], None),
    ("late-json", ["check", AS_OF, "--lang", "en", "--format", "json", f"{D}/late-programme.yaml"], None),
    ("late-sarif", ["check", AS_OF, "--lang", "en", "--format=sarif", f"{D}/late-programme.yaml"], None),
    ("fail-level-error", ["check", AS_OF, "--fail-level", "error", f"{D}/stream.yaml"], None),
    ("fail-level-note", ["check", AS_OF, "--fail-level=note", "examples/samples/programme-2026.yaml"], None),
    ("stream", ["check", AS_OF, "--lang", "en", f"{D}/stream.yaml"], None),
    ("stdin", ["check", AS_OF, "--lang", "en", "-"], f"{D}/stream.yaml"),
    ("stdin-json", ["check", AS_OF, "--format", "json", "-"], f"{D}/stream.yaml"),
    ("input-errors", ["check", AS_OF, "--lang", "en", f"{D}/bad-input.yaml", "examples/samples/programme-2026.yaml"], None),
    ("missing-file", ["check", AS_OF, "no/such/file.yaml"], None),
    ("bad-utf8", ["check", AS_OF, f"{D}/bad-utf8.yaml"], None),
    ("alias-bomb", ["check", AS_OF, f"{D}/alias-bomb.yaml"], None),
    ("deep", ["check", AS_OF, f"{D}/deep.yaml"], None),
    ("kind-option", ["check", AS_OF, "--kind", "ProgrammeReport", "-"], STREAM_DOC),
    ("bad-ruleset", ["check", AS_OF, "--ruleset", f"{D}/bad-ruleset.yaml", "examples/samples/programme-2026.yaml"], None),
    ("loosening", ["check", AS_OF, "--lang", "en", "--ruleset", f"{D}/loosening.yaml", "examples/samples/programme-2026.yaml"], None),
    ("loosening-json", ["check", AS_OF, "--format", "json", f"--ruleset={D}/loosening.yaml", f"./{D}/late-programme.yaml"], None),
    ("folder", ["check", AS_OF, "--lang", "en", D], None),
    ("folders-json", ["check", AS_OF, "--format", "json", f"./{D}/", "examples"], None),
    ("folders-sarif", ["check", AS_OF, "--format", "sarif", "--holiday", "2025-12-01", "--holiday=2025-11-28", "examples", "tests/cases"], None),
    ("dir", ["check", AS_OF, "--lang", "en", "examples/samples/", f"{D}/late-programme.yaml"], None),
    ("empty-file", ["check", AS_OF, f"{D}/empty.yaml"], None),
    ("empty-stdin", ["check", AS_OF, "-"], b""),
    ("empty-stdin-json", ["check", AS_OF, "--format=json", "-"], b"# nothing\n"),
    ("today", ["check", "--lang", "en", f"{D}/stream.yaml"], None),
    ("double-dash", ["check", AS_OF, "--", f"{D}/stream.yaml"], None),
    ("no-input", ["check", AS_OF], None),
    ("bad-as-of", ["check", "--as-of", "2026-02-30", "x.yaml"], None),
    ("bad-option", ["check", "--frobnicate", "x.yaml"], None),
    ("bad-lang", ["check", AS_OF, "--lang", "de", "x.yaml"], None),
    ("bad-format", ["check", AS_OF, "--format=xml", "x.yaml"], None),
    ("format-no-value", ["check", AS_OF, "--format"], None),
    ("kind-no-value", ["check", AS_OF, "--kind"], None),
    ("ruleset-no-value", ["check", AS_OF, "--ruleset"], None),
    ("bad-fail-level", ["check", AS_OF, "--fail-level", "fatal", "x.yaml"], None),
    ("bad-holiday", ["check", AS_OF, "--holiday", "2026-02-30", "x.yaml"], None),
    ("test-cases", ["test", f"{D}/small.cases.yaml"], None),
    ("test-folders", ["test", "tests/cases", D], None),
    ("test-missing", ["test", "no/such.cases.yaml"], None),
    ("test-no-input", ["test"], None),
    ("kinds", ["kinds"], None),
]


def _stdin(stdin):
    if isinstance(stdin, str):
        return (SRCDIR / stdin).read_bytes()
    return stdin or b""


def run_c(args, stdin=None):
    p = subprocess.run([cli_path()] + args, cwd=SRCDIR, input=_stdin(stdin), capture_output=True, timeout=60)
    return p.returncode, p.stdout, p.stderr


def run_py(args, stdin=None):
    p = run_python(["-m", "ngojst"] + args, stdin=_stdin(stdin))
    return p.returncode, p.stdout, p.stderr


@pytest.mark.parametrize("name, args, stdin", CASES, ids=[c[0] for c in CASES])
def test_same_as_the_c_tool(c_cli, name, args, stdin):
    c = run_c(args, stdin)
    py = run_py(args, stdin)
    assert py[0] == c[0], py[2].decode()
    assert py[1].decode() == c[1].decode()
    assert py[2].decode() == c[2].decode()


GOLDEN = [("check-sample-pl", "sample-pl", 0), ("check-late-en", "late-en", 1), ("check-late-json", "late-json", 1),
          ("check-stream", "stream", 1), ("check-stdin", "stdin", 1), ("check-input-errors", "input-errors", 2),
          ("check-loosening-overlay", "loosening", 1), ("test-cases", "test-cases", 1), ("kinds", "kinds", 0),
          ("check-dir", "dir", 1), ("check-empty-file", "empty-file", 2)]


@pytest.mark.parametrize("golden, case, code", GOLDEN, ids=[g[0] for g in GOLDEN])
def test_same_as_the_golden_files(golden, case, code):
    """Without the C tool, compare with the C tool's golden output instead."""
    if cli_path():
        pytest.skip("compared with the C tool itself")
    folder = SRCDIR / "tests" / "cli" / "golden"
    if not (folder / f"{golden}.out").exists():
        pytest.skip("no golden files")
    args, stdin = next((a, s) for n, a, s in CASES if n == case)
    rc, out, err = run_py(args, stdin)
    assert rc == code
    assert out.decode() == (folder / f"{golden}.out").read_text(encoding="utf-8")
    assert err.decode() == (folder / f"{golden}.err").read_text(encoding="utf-8")


def test_as_of_defaults_to_today_in_the_cli_only():
    o = parse_options(["x.yaml"])
    import datetime
    assert o.as_of == datetime.date.today().isoformat() and o.args == ["x.yaml"]
    o = parse_options(["--as-of", "2026-01-02", "--lang=en", "--ruleset", "a", "--ruleset=b", "-", "--", "--x"])
    assert (o.as_of, o.lang, o.rulesets, o.args) == ("2026-01-02", "en", ["a", "b"], ["-", "--x"])


def test_main_in_process(capsysbinary):
    rc = main(["check", AS_OF, str(DATA / "stream.yaml")])
    out, err = capsysbinary.readouterr()
    assert rc == 1 and out.endswith(b"3 errors, 0 warnings, 0 notes in 3 documents\n") and err == b""


def test_help_version_and_unknown_command():
    rc, out, err = run_py(["--help"])
    assert rc == 0 and b"check FILE" in out
    rc, out, err = run_py([])
    assert rc == 2 and b"Usage" in err
    rc, out, err = run_py(["frobnicate"])
    assert rc == 2 and b"unknown command" in err
    rc, out, err = run_py(["--version"])
    assert rc == 0 and ngojst.RuleSet.builtin_sha256().encode() in out and ngojst.__version__.encode() in out


# --- the API's reports against the C tool's output ---------------------------------------

def _documents():
    files = (sorted((SRCDIR / "examples" / "samples").glob("*.yaml")) + sorted(DATA.glob("*.yaml"))
             + sorted((SRCDIR / "tests" / "cases" / "documents").glob("*.yaml")))
    return [str(f.relative_to(SRCDIR)) for f in files]


@pytest.mark.parametrize("rel", _documents())
@pytest.mark.parametrize("lang", ["pl", "en"])
def test_api_report_equals_c_json(c_cli, monkeypatch, rel, lang):
    code, c_json, _ = run_c(["check", "--format", "json", AS_OF, "--lang", lang, rel])
    if code == 2:
        pytest.skip(f"{rel} does not load")
    monkeypatch.chdir(SRCDIR)
    as_of = AS_OF.split("=")[1]
    reports = list(ngojst.validate_stream(pathlib.Path(rel), as_of=as_of, lang=lang))
    assert ngojst.format_reports(reports, "json") == c_json.decode()
    _, c_sarif, _ = run_c(["check", "--format", "sarif", AS_OF, "--lang", lang, rel])
    assert ngojst.format_reports(reports, "sarif") == c_sarif.decode()
    if len(reports) == 1:
        one = ngojst.validate(pathlib.Path(rel), as_of=as_of, lang=lang)
        assert one.to_json() == c_json.decode()
        assert one.to_sarif() == c_sarif.decode()
        _, c_text, _ = run_c(["check", AS_OF, "--lang", lang, rel])
        assert one.to_text() == c_text.decode()
