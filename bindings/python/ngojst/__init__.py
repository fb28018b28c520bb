"""ngojst: check documents of Polish local-government/NGO cooperation law.

A thin binding of the C library libngojst through :mod:`ctypes`: documents
go to the library as text (a ``dict`` as JSON text), the library checks them
against a rule set, and the findings come back as dataclasses. No rule is
evaluated in Python.

>>> import datetime, pathlib, ngojst
>>> report = ngojst.validate(pathlib.Path("programme.yaml"),
...                          as_of=datetime.date(2025, 11, 30))   # doctest: +SKIP
>>> for f in report.findings:                                      # doctest: +SKIP
...     print(f.line, f.severity, f.message, f.rule_id)

``as_of`` is always required: the library never reads the clock.

The library is found through ``NGOJST_LIBRARY`` (a path), then the system
loader, then ``libngojst.so.0``; its major.minor version must equal this
package's.
"""

from . import _lib
from ._version import __version__
from .cases import CaseResult, run_cases
from .errors import (
    Diagnostic,
    EndOfStreamError,
    ErrorCode,
    InputError,
    InternalError,
    InvalidArgumentError,
    LimitError,
    NgojstError,
    NgojstIOError,
    NotFoundError,
    OutOfMemoryError,
    ParseError,
    RangeError,
    RuleSetError,
    strerror,
)
from .report import Consequence, Finding, Report, RuleSetInfo, Severity, Status, format_reports
from .ruleset import RuleInfo, RuleSet
from .validate import Kind, ReportStream, kinds, validate, validate_stream


def library_version() -> str:
    """Version of the C library actually loaded (``ngojst_version()``)."""
    return _lib.LIBRARY_VERSION


def library_path() -> str:
    """The name or path the C library was loaded from."""
    return _lib.path


__all__ = [
    "__version__", "library_version", "library_path",
    "validate", "validate_stream", "ReportStream", "kinds", "Kind",
    "Report", "Finding", "RuleSetInfo", "Severity", "Consequence", "Status", "format_reports",
    "RuleSet", "RuleInfo",
    "run_cases", "CaseResult",
    "NgojstError", "InternalError", "OutOfMemoryError", "NgojstIOError", "InvalidArgumentError",
    "ParseError", "InputError", "RuleSetError", "LimitError", "NotFoundError", "RangeError",
    "EndOfStreamError", "Diagnostic", "ErrorCode", "strerror",
]
