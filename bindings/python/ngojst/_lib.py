"""Loading libngojst and declaring the C functions the binding uses.

The library is looked for, in this order (python-magic style):

1. the path in the ``NGOJST_LIBRARY`` environment variable (if it is set and
   cannot be loaded, import fails: an explicit choice is never second-guessed);
2. whatever the system loader finds: ``ctypes.util.find_library("ngojst")``;
3. the versioned soname, ``libngojst.so.0``.

After loading, the library's version is compared with the package's: the
major and minor numbers must be equal (the C CLI applies the same rule to its
headers). Every function used gets ``argtypes`` and ``restype``; functions that
return an ``ngojst_error_code`` get an ``errcheck`` that turns a negative code
into the matching :mod:`ngojst.errors` exception, with the diagnostics the
library left on the context.

The Structures below mirror the public C structs field by field; the test
suite compares them with the headers.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from ctypes import (
    POINTER,
    Structure,
    c_char_p,
    c_int,
    c_int16,
    c_size_t,
    c_uint,
    c_uint8,
    c_void_p,
)
from typing import Any, Callable, List, Optional, Sequence, Tuple

from ._version import __version__

#: Shared-library ABI version (the number in the soname).
SOVERSION = 0
#: Environment variable naming the library file to load.
ENV_VAR = "NGOJST_LIBRARY"

# --- ngojst_error_code -------------------------------------------------------

OK = 0
ERROR = -1
ENOMEM = -2
EIO = -3
EINVAL = -4
EPARSE = -5
EINPUT = -6
ERULESET = -7
ELIMIT = -8
ENOTFOUND = -9
ERANGE = -10
EOF = -11

# --- enums ---------------------------------------------------------------------

LANG_PL = 0
LANG_EN = 1
FORMAT_TEXT = 0
FORMAT_JSON = 1
FORMAT_SARIF = 2
FORMAT_TEXT_FINDINGS = 3
VALIDATE_OPTIONS_VERSION = 1


# --- opaque handles ------------------------------------------------------------

class _Context(Structure):
    """struct ngojst_context (opaque)."""


class _RuleSet(Structure):
    """struct ngojst_ruleset (opaque)."""


class _Document(Structure):
    """struct ngojst_document (opaque)."""


class _Stream(Structure):
    """struct ngojst_stream (opaque)."""


class _Report(Structure):
    """struct ngojst_report (opaque)."""


class _Calendar(Structure):
    """struct ngojst_calendar (opaque)."""


class _Cases(Structure):
    """struct ngojst_cases (opaque)."""


ContextP = POINTER(_Context)
RuleSetP = POINTER(_RuleSet)
DocumentP = POINTER(_Document)
StreamP = POINTER(_Stream)
ReportP = POINTER(_Report)
CalendarP = POINTER(_Calendar)
CasesP = POINTER(_Cases)


# --- transparent structs (mirrors of include/ngojst/*.h) --------------------------

class Date(Structure):
    """ngojst_date."""

    _fields_ = [("year", c_int16), ("month", c_uint8), ("day", c_uint8)]


class Diag(Structure):
    """ngojst_diag."""

    _fields_ = [
        ("code", c_int),
        ("source", c_char_p),
        ("line", c_uint),
        ("column", c_uint),
        ("offset", c_size_t),
        ("path", c_char_p),
        ("message", c_char_p),
    ]


class Finding(Structure):
    """ngojst_finding."""

    _fields_ = [
        ("rule_id", c_char_p),
        ("severity", c_int),
        ("consequence", c_int),
        ("status", c_int),
        ("path", c_char_p),
        ("line", c_uint),
        ("column", c_uint),
        ("message", c_char_p),
        ("citation", c_char_p),
        ("ruleset_id", c_char_p),
    ]


class ReportRuleset(Structure):
    """ngojst_report_ruleset."""

    _fields_ = [
        ("id", c_char_p),
        ("version", c_char_p),
        ("sha256", c_char_p),
        ("source", c_char_p),
    ]


class RuleInfo(Structure):
    """ngojst_rule_info."""

    _fields_ = [
        ("id", c_char_p),
        ("kinds", c_char_p),
        ("check", c_char_p),
        ("severity", c_int),
        ("consequence", c_int),
        ("status", c_int),
        ("citation_pl", c_char_p),
        ("citation_en", c_char_p),
        ("title_pl", c_char_p),
        ("title_en", c_char_p),
        ("message_pl", c_char_p),
        ("message_en", c_char_p),
        ("note", c_char_p),
        ("valid_from", Date),
        ("valid_to", Date),
        ("enabled", c_int),
        ("ruleset_id", c_char_p),
        ("changed_by", c_char_p),
        ("missing_message_pl", c_char_p),
        ("missing_message_en", c_char_p),
        ("in_force_on", c_char_p),
    ]


class CaseResult(Structure):
    """ngojst_case_result."""

    _fields_ = [
        ("name", c_char_p),
        ("source", c_char_p),
        ("line", c_uint),
        ("passed", c_int),
        ("detail", c_char_p),
    ]


class ValidateOptions(Structure):
    """ngojst_validate_options."""

    _fields_ = [
        ("version", c_uint),
        ("as_of", Date),
        ("lang", c_int),
        ("calendar", CalendarP),
    ]


# --- loading ----------------------------------------------------------------------

def _soname() -> str:
    if sys.platform == "darwin":
        return f"libngojst.{SOVERSION}.dylib"
    if sys.platform == "win32":
        return f"libngojst-{SOVERSION}.dll"
    return f"libngojst.so.{SOVERSION}"


def _candidates() -> List[Tuple[str, str]]:
    """(how it was found, name or path) in the order they are tried."""
    out = []
    found = ctypes.util.find_library("ngojst")
    if found:
        out.append(("ctypes.util.find_library('ngojst')", found))
    out.append(("the versioned soname", _soname()))
    return out


def _load() -> Tuple[ctypes.CDLL, str]:
    explicit = os.environ.get(ENV_VAR)
    if explicit:
        try:
            return ctypes.CDLL(explicit), explicit
        except OSError as e:
            raise ImportError(
                f"ngojst: cannot load the C library named by {ENV_VAR}={explicit!r}: {e}"
            ) from e
    tried = []
    for how, name in _candidates():
        try:
            return ctypes.CDLL(name), name
        except OSError as e:
            tried.append(f"  {name} ({how}): {e}")
    raise ImportError(
        "ngojst: cannot find the C library libngojst. Install it, or set "
        f"{ENV_VAR} to the path of libngojst.so. Tried:\n" + "\n".join(tried)
    )


lib, path = _load()


def _version_number(version: str) -> int:
    major, minor, patch = (int(x) for x in version.split(".")[:3])
    return major * 1000000 + minor * 1000 + patch


# --- errcheck helpers ---------------------------------------------------------------

def _raise(rc: int, ctx: Any) -> None:
    from . import errors  # imported lazily: errors imports this module

    raise errors.from_context(rc, ctx)


def _check_ctx(index: int, allow: Sequence[int] = ()) -> Callable[..., int]:
    """errcheck for a function returning an error code, whose context is args[index]."""

    def errcheck(rc: int, func: Any, args: Tuple[Any, ...]) -> int:
        if rc < 0 and rc not in allow:
            _raise(rc, args[index])
        return rc

    return errcheck


def _check_plain(rc: int, func: Any, args: Tuple[Any, ...]) -> int:
    """errcheck for a function returning an error code without a context."""
    if rc < 0:
        _raise(rc, None)
    return rc


# name, restype, argtypes, errcheck
_PROTOTYPES: List[Tuple[str, Any, List[Any], Optional[Callable[..., Any]]]] = [
    # common.h
    ("ngojst_strerror", c_char_p, [c_int], None),
    ("ngojst_version", c_char_p, [], None),
    ("ngojst_version_number", c_int, [], None),
    ("ngojst_context_new", c_int, [POINTER(ContextP), c_void_p], _check_plain),
    ("ngojst_context_free", None, [ContextP], None),
    ("ngojst_free", None, [ContextP, c_void_p], None),
    ("ngojst_lang_parse", c_int, [POINTER(c_int), c_char_p], None),
    ("ngojst_diag_count", c_size_t, [ContextP], None),
    ("ngojst_diag_at", POINTER(Diag), [ContextP, c_size_t], None),
    ("ngojst_diag_dropped", c_size_t, [ContextP], None),
    ("ngojst_diag_format", c_int, [ContextP, POINTER(c_void_p)], None),
    # date.h
    ("ngojst_date_make", c_int, [POINTER(Date), c_int, c_int, c_int], None),
    ("ngojst_date_parse", c_int, [POINTER(Date), c_char_p, c_size_t], None),
    ("ngojst_date_is_none", c_int, [Date], None),
    # calendar.h
    ("ngojst_calendar_new", c_int, [POINTER(CalendarP), ContextP], _check_ctx(1)),
    ("ngojst_calendar_free", None, [CalendarP], None),
    ("ngojst_calendar_add_day_off", c_int, [CalendarP, Date], _check_plain),
    # document.h
    ("ngojst_kind_count", c_size_t, [], None),
    ("ngojst_kind_name", c_char_p, [c_size_t], None),
    ("ngojst_kind_description", c_char_p, [c_size_t], None),
    ("ngojst_stream_open_file", c_int, [POINTER(StreamP), ContextP, c_char_p], _check_ctx(1)),
    ("ngojst_stream_open_buffer", c_int,
     [POINTER(StreamP), ContextP, c_char_p, c_char_p, c_size_t], _check_ctx(1)),
    ("ngojst_stream_open_fp", c_int, [POINTER(StreamP), ContextP, c_char_p, c_void_p], _check_ctx(1)),
    # EOF ends the iteration; it is not an error.
    ("ngojst_stream_next", c_int, [StreamP, c_char_p, POINTER(DocumentP)], None),
    ("ngojst_stream_position", c_size_t, [StreamP], None),
    ("ngojst_stream_free", None, [StreamP], None),
    ("ngojst_document_load_buffer", c_int,
     [POINTER(DocumentP), ContextP, c_char_p, c_char_p, c_size_t, c_char_p], _check_ctx(1)),
    ("ngojst_document_load_file", c_int,
     [POINTER(DocumentP), ContextP, c_char_p, c_char_p], _check_ctx(1)),
    ("ngojst_document_free", None, [DocumentP], None),
    # report.h
    ("ngojst_severity_name", c_char_p, [c_int], None),
    ("ngojst_consequence_name", c_char_p, [c_int], None),
    ("ngojst_status_name", c_char_p, [c_int], None),
    ("ngojst_report_free", None, [ReportP], None),
    ("ngojst_report_count", c_size_t, [ReportP], None),
    ("ngojst_report_at", POINTER(Finding), [ReportP, c_size_t], None),
    ("ngojst_report_count_severity", c_size_t, [ReportP, c_int], None),
    ("ngojst_report_dropped", c_size_t, [ReportP], None),
    ("ngojst_report_ok", c_int, [ReportP], None),
    ("ngojst_report_source", c_char_p, [ReportP], None),
    ("ngojst_report_document_index", c_size_t, [ReportP], None),
    ("ngojst_report_kind", c_char_p, [ReportP], None),
    ("ngojst_report_as_of", Date, [ReportP], None),
    ("ngojst_report_law_date", Date, [ReportP], None),
    ("ngojst_report_lang", c_int, [ReportP], None),
    ("ngojst_report_ruleset_count", c_size_t, [ReportP], None),
    ("ngojst_report_ruleset_at", POINTER(ReportRuleset), [ReportP, c_size_t], None),
    ("ngojst_format_parse", c_int, [POINTER(c_int), c_char_p], None),
    ("ngojst_report_format", c_int,
     [ContextP, POINTER(ReportP), c_size_t, c_int, POINTER(c_void_p)], _check_ctx(0)),
    # ruleset.h
    ("ngojst_ruleset_load_builtin", c_int, [POINTER(RuleSetP), ContextP], _check_ctx(1)),
    ("ngojst_ruleset_builtin_sha256", c_char_p, [], None),
    ("ngojst_ruleset_load_file", c_int,
     [POINTER(RuleSetP), ContextP, c_char_p, RuleSetP], _check_ctx(1)),
    ("ngojst_ruleset_load_buffer", c_int,
     [POINTER(RuleSetP), ContextP, c_char_p, c_char_p, c_size_t, RuleSetP], _check_ctx(1)),
    ("ngojst_ruleset_free", None, [RuleSetP], None),
    ("ngojst_ruleset_layer_count", c_size_t, [RuleSetP], None),
    ("ngojst_ruleset_layer", c_int, [RuleSetP, c_size_t, POINTER(ReportRuleset)], _check_plain),
    ("ngojst_ruleset_rule_count", c_size_t, [RuleSetP], None),
    ("ngojst_ruleset_rule_at", POINTER(RuleInfo), [RuleSetP, c_size_t], None),
    ("ngojst_ruleset_find_rule", POINTER(RuleInfo), [RuleSetP, c_char_p], None),
    ("ngojst_ruleset_conflict_count", c_size_t, [RuleSetP], None),
    ("ngojst_ruleset_conflict", c_int, [RuleSetP, c_size_t, POINTER(Diag)], _check_plain),
    # validate.h
    ("ngojst_validate", c_int,
     [ContextP, RuleSetP, DocumentP, POINTER(ValidateOptions), POINTER(ReportP)], _check_ctx(0)),
    # cases.h
    ("ngojst_cases_run_file", c_int,
     [POINTER(CasesP), ContextP, c_char_p, RuleSetP, CalendarP], _check_ctx(1)),
    ("ngojst_cases_free", None, [CasesP], None),
    ("ngojst_cases_count", c_size_t, [CasesP], None),
    ("ngojst_cases_passed", c_size_t, [CasesP], None),
    ("ngojst_cases_at", POINTER(CaseResult), [CasesP, c_size_t], None),
]

#: Names of every C function the binding declares (checked against the headers by the tests).
FUNCTIONS = tuple(p[0] for p in _PROTOTYPES)

for _name, _restype, _argtypes, _errcheck in _PROTOTYPES:
    _f = getattr(lib, _name)
    _f.restype = _restype
    _f.argtypes = _argtypes
    if _errcheck is not None:
        _f.errcheck = _errcheck
del _name, _restype, _argtypes, _errcheck, _f

LIBRARY_VERSION: str = lib.ngojst_version().decode("ascii")
LIBRARY_VERSION_NUMBER: int = lib.ngojst_version_number()

if LIBRARY_VERSION_NUMBER // 1000 != _version_number(__version__) // 1000:
    raise ImportError(
        f"ngojst: the Python package {__version__} needs libngojst {'.'.join(__version__.split('.')[:2])}.x, "
        f"but {path} is version {LIBRARY_VERSION}"
    )


# --- the C standard library, for FILE* streams ----------------------------------------

_libc: Optional[ctypes.CDLL] = None


def libc() -> ctypes.CDLL:
    """The C library (fdopen/fclose for ngojst_stream_open_fp)."""
    global _libc
    if _libc is None:
        name = ctypes.util.find_library("c") if sys.platform != "linux" else None
        c = ctypes.CDLL(name)
        c.fdopen.restype = c_void_p
        c.fdopen.argtypes = [c_int, c_char_p]
        c.fclose.restype = c_int
        c.fclose.argtypes = [c_void_p]
        _libc = c
    return _libc


# --- small conversions ------------------------------------------------------------------

def text(b: Optional[bytes]) -> str:
    """A borrowed C string as str ("" for NULL)."""
    return b.decode("utf-8", "replace") if b else ""


def opt_text(b: Optional[bytes]) -> Optional[str]:
    """A borrowed C string as str, None for NULL."""
    return None if b is None else b.decode("utf-8", "replace")


def take_string(ctx: Any, ptr: c_void_p) -> bytes:
    """Copy a library-allocated NUL-terminated string and ngojst_free() it."""
    try:
        return ctypes.string_at(ptr.value) if ptr.value else b""
    finally:
        lib.ngojst_free(ctx, ptr)


def new_context() -> Any:
    """A new ngojst_context with default options (caller frees it)."""
    ctx = ContextP()
    lib.ngojst_context_new(ctypes.byref(ctx), None)
    return ctx
