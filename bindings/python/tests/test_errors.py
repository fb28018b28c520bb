"""Every C error code maps to its exception class, raised by real calls where possible."""

from __future__ import annotations

import pickle

import pytest

import ngojst
from ngojst import errors

from conftest import AS_OF, DATA

DOC = "kind: AnnualProgramme\nyear: 2026\n"

CLASSES = {
    ngojst.ErrorCode.ERROR: (ngojst.InternalError, ()),
    ngojst.ErrorCode.ENOMEM: (ngojst.OutOfMemoryError, (MemoryError,)),
    ngojst.ErrorCode.EIO: (ngojst.NgojstIOError, (OSError,)),
    ngojst.ErrorCode.EINVAL: (ngojst.InvalidArgumentError, (ValueError,)),
    ngojst.ErrorCode.EPARSE: (ngojst.ParseError, (ValueError,)),
    ngojst.ErrorCode.EINPUT: (ngojst.InputError, (ValueError,)),
    ngojst.ErrorCode.ERULESET: (ngojst.RuleSetError, ()),
    ngojst.ErrorCode.ELIMIT: (ngojst.LimitError, ()),
    ngojst.ErrorCode.ENOTFOUND: (ngojst.NotFoundError, (LookupError,)),
    ngojst.ErrorCode.ERANGE: (ngojst.RangeError, (ValueError,)),
    ngojst.ErrorCode.EOF: (ngojst.EndOfStreamError, ()),
}


def test_every_code_has_a_class():
    negative = {c for c in ngojst.ErrorCode if c < 0}
    assert negative == set(CLASSES)
    for code, (cls, bases) in CLASSES.items():
        assert errors.error_class(code) is cls
        assert cls.CODE == code
        e = errors.make_error(code)
        assert type(e) is cls and e.code == code and e.code is code
        assert isinstance(e, ngojst.NgojstError)
        for b in bases:
            assert isinstance(e, b)
        assert str(e) == ngojst.strerror(code)
        assert e.diagnostics == [] and e.line == 0 and e.column == 0 and e.source is None
    assert errors.error_class(-99) is ngojst.NgojstError
    assert errors.make_error(-99).code == -99


def test_strerror():
    assert ngojst.strerror(0) == "success"
    assert ngojst.strerror(ngojst.ErrorCode.EIO) == "input/output error"
    assert ngojst.strerror(12345) == "unknown error code"


def test_exceptions_can_be_constructed_and_pickled():
    d = ngojst.Diagnostic("a.yaml", 3, 4, "/x", "bad", ngojst.ErrorCode.EINPUT, 10)
    for cls, _ in CLASSES.values():
        e = cls("message", diagnostics=[d])
        assert e.code == cls.CODE and e.line == 3 and e.column == 4 and e.source == "a.yaml"
        e2 = pickle.loads(pickle.dumps(e))
        assert type(e2) is cls and e2.code == e.code and e2.diagnostics == [d] and str(e2) == "message"
    base = ngojst.NgojstError("x")
    assert base.code == ngojst.ErrorCode.ERROR


def test_diagnostic_str():
    assert str(ngojst.Diagnostic("a.yaml", 3, 4, None, "bad")) == "a.yaml:3:4: bad"
    assert str(ngojst.Diagnostic("a.yaml", 0, 0, None, "bad")) == "a.yaml: bad"


def test_input_error_has_every_diagnostic():
    with pytest.raises(ngojst.InputError) as ei:
        ngojst.validate(DATA / "bad-input.yaml", as_of=AS_OF)
    e = ei.value
    assert e.code == ngojst.ErrorCode.EINPUT
    assert [(d.line, d.column, d.path) for d in e.diagnostics][:3] == [
        (2, 1, "/yaer"), (3, 8, "/funds"), (4, 26, "/resolution/adopted_on")]
    assert all(d.source == str(DATA / "bad-input.yaml") for d in e.diagnostics)
    assert all(d.code == ngojst.ErrorCode.EINPUT for d in e.diagnostics)
    assert 'did you mean "year"' in e.diagnostics[0].message
    assert (e.line, e.column) == (2, 1)
    assert e.formatted.count("\n") == len(e.diagnostics) and ": error: " in e.formatted
    assert e.formatted.rstrip("\n") in str(e)


def test_parse_error():
    with pytest.raises(ngojst.ParseError) as ei:
        ngojst.validate("kind: AnnualProgramme\ntitle: [\n", as_of=AS_OF)
    assert ei.value.diagnostics and ei.value.diagnostics[0].source == "<string>"
    assert isinstance(ei.value, ValueError)
    with pytest.raises(ngojst.ParseError) as ei:
        ngojst.validate(DATA / "bad-utf8.yaml", as_of=AS_OF)
    assert "UTF-8" in ei.value.diagnostics[0].message
    assert (ei.value.line, ei.value.column) == (2, 12)


def test_limit_error():
    with pytest.raises(ngojst.LimitError) as ei:
        ngojst.validate(DATA / "alias-bomb.yaml", as_of=AS_OF)
    assert "max_alias_expansions" in str(ei.value)
    with pytest.raises(ngojst.LimitError):
        ngojst.validate(DATA / "deep.yaml", as_of=AS_OF)


def test_io_error(tmp_path):
    missing = tmp_path / "missing.yaml"
    with pytest.raises(ngojst.NgojstIOError) as ei:
        ngojst.validate(missing, as_of=AS_OF)
    e = ei.value
    assert isinstance(e, OSError) and e.code == ngojst.ErrorCode.EIO
    assert e.filename == str(missing)
    with pytest.raises(OSError):
        ngojst.validate_stream(missing, as_of=AS_OF)
    with pytest.raises(OSError):
        ngojst.RuleSet.load(missing)
    with pytest.raises(OSError):
        ngojst.run_cases(missing)


def test_ruleset_error_has_line_and_column():
    with pytest.raises(ngojst.RuleSetError) as ei:
        ngojst.RuleSet.load(DATA / "bad-ruleset.yaml")
    e = ei.value
    assert e.code == ngojst.ErrorCode.ERULESET
    assert (e.line, e.column) == (7, 12)
    assert len(e.diagnostics) == 4
    assert any("requird" in d.message for d in e.diagnostics)


def test_ruleset_text_that_looks_like_a_path_gets_a_hint():
    with pytest.raises(ngojst.RuleSetError) as ei:
        ngojst.RuleSet.load("overlay.yaml")
    assert "pathlib.Path('overlay.yaml')" in str(ei.value)
    with pytest.raises(ngojst.InputError) as ei:
        ngojst.validate("programme.yaml", as_of=AS_OF)
    assert "pathlib.Path('programme.yaml')" in str(ei.value)


def test_invalid_argument_and_range_errors():
    with pytest.raises(ngojst.InvalidArgumentError):
        ngojst.validate(DOC, as_of=AS_OF, lang="de")
    with pytest.raises(ngojst.InvalidArgumentError):
        ngojst.validate(DOC, as_of="26.11.2026")
    with pytest.raises(ngojst.RangeError) as ei:
        ngojst.validate(DOC, as_of="2026-02-30")
    assert isinstance(ei.value, ValueError) and "as_of" in str(ei.value)
    with pytest.raises(ngojst.RangeError):
        ngojst.validate(DOC, as_of=AS_OF, holidays=["2026-13-01"])


def test_unknown_kind_is_an_input_error():
    with pytest.raises(ngojst.InputError) as ei:
        ngojst.validate("year: 2026\n", kind="NoSuchKind", as_of=AS_OF)
    assert "NoSuchKind" in str(ei.value)


def test_findings_are_not_exceptions():
    r = ngojst.validate(DATA / "late-programme.yaml", as_of=AS_OF)
    assert not r.ok and r.errors > 0
