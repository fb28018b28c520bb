"""Exceptions mapped from the C library's error codes (pygit2 style).

Every negative ``ngojst_error_code`` has its own exception class, all derived
from :class:`NgojstError`. Where a standard exception means the same thing the
class derives from it as well, so ``except OSError`` or ``except MemoryError``
keep working:

=======================  ====================  ==================================
C code                   exception             also a
=======================  ====================  ==================================
``NGOJST_ERROR``         :class:`InternalError`
``NGOJST_ENOMEM``        :class:`OutOfMemoryError`  ``MemoryError``
``NGOJST_EIO``           :class:`NgojstIOError`     ``OSError``
``NGOJST_EINVAL``        :class:`InvalidArgumentError`  ``ValueError``
``NGOJST_EPARSE``        :class:`ParseError`        ``ValueError``
``NGOJST_EINPUT``        :class:`InputError`        ``ValueError``
``NGOJST_ERULESET``      :class:`RuleSetError`
``NGOJST_ELIMIT``        :class:`LimitError`
``NGOJST_ENOTFOUND``     :class:`NotFoundError`     ``LookupError``
``NGOJST_ERANGE``        :class:`RangeError`        ``ValueError``
``NGOJST_EOF``           :class:`EndOfStreamError`
=======================  ====================  ==================================

A document that breaks rules is *not* an exception: validation succeeds and
returns a :class:`~ngojst.Report` with findings. Exceptions are for input that
cannot be checked at all (malformed YAML, wrong types, unknown keys, limits),
malformed rule sets, I/O, memory and misuse.

The diagnostics the library recorded for the failing call (with source, line,
column and JSON-pointer path) are in :attr:`NgojstError.diagnostics`.
"""

from __future__ import annotations

import ctypes
import enum
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Optional, Sequence, Type, Union

from . import _lib


class ErrorCode(enum.IntEnum):
    """The C library's ``ngojst_error_code`` values."""

    OK = _lib.OK
    ERROR = _lib.ERROR
    ENOMEM = _lib.ENOMEM
    EIO = _lib.EIO
    EINVAL = _lib.EINVAL
    EPARSE = _lib.EPARSE
    EINPUT = _lib.EINPUT
    ERULESET = _lib.ERULESET
    ELIMIT = _lib.ELIMIT
    ENOTFOUND = _lib.ENOTFOUND
    ERANGE = _lib.ERANGE
    EOF = _lib.EOF


def strerror(code: int) -> str:
    """The library's static English description of an error code (``ngojst_strerror``)."""
    return _lib.text(_lib.lib.ngojst_strerror(int(code)))


@dataclass(frozen=True)
class Diagnostic:
    """A positioned diagnostic about input that could not be used.

    Line and column are 1-based (the column counts Unicode code points);
    0 means unknown.
    """

    #: File name, or ``"<string>"``, ``"<stdin>"``, ``"<builtin>"``.
    source: str
    #: 1-based line, 0 if unknown.
    line: int
    #: 1-based column in code points, 0 if unknown.
    column: int
    #: JSON pointer into the document (``""`` for the root), or None.
    path: Optional[str]
    #: English message.
    message: str
    #: The error code this diagnostic explains.
    code: int = ErrorCode.ERROR
    #: 0-based byte offset in the source.
    offset: int = 0

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}:{self.column}" if self.line else self.source
        return f"{where}: {self.message}"

    @classmethod
    def _from_c(cls, d: _lib.Diag) -> "Diagnostic":
        return cls(
            source=_lib.text(d.source) or "<input>",
            line=d.line,
            column=d.column,
            path=_lib.opt_text(d.path),
            message=_lib.text(d.message),
            code=_code(d.code),
            offset=d.offset,
        )


def _code(code: int) -> Union[ErrorCode, int]:
    try:
        return ErrorCode(code)
    except ValueError:
        return code


class NgojstError(Exception):
    """Base class of every error raised by the ngojst library.

    Attributes:
        code: the C error code (an :class:`ErrorCode` when known).
        diagnostics: the positioned diagnostics of the failing call.
        dropped: diagnostics left out because of the context's limit.
        formatted: the diagnostics as the library formats them
            (``source:line:col: error: message`` lines), or ``""``.
    """

    #: The code a class stands for (the base class: any code).
    CODE: Optional[int] = None

    def __init__(
        self,
        message: str,
        code: Optional[int] = None,
        diagnostics: Iterable[Diagnostic] = (),
        dropped: int = 0,
        formatted: str = "",
    ) -> None:
        super().__init__(message)
        if code is None:
            code = self.CODE if self.CODE is not None else ErrorCode.ERROR
        self.message: str = message
        self.code: Union[ErrorCode, int] = _code(code)
        self.diagnostics: List[Diagnostic] = list(diagnostics)
        self.dropped: int = dropped
        self.formatted: str = formatted

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> Any:
        return (_rebuild, (type(self), self.message, int(self.code), self.diagnostics,
                           self.dropped, self.formatted))

    @property
    def line(self) -> int:
        """Line of the first diagnostic (0 if unknown or none)."""
        return self.diagnostics[0].line if self.diagnostics else 0

    @property
    def column(self) -> int:
        """Column of the first diagnostic (0 if unknown or none)."""
        return self.diagnostics[0].column if self.diagnostics else 0

    @property
    def source(self) -> Optional[str]:
        """Source of the first diagnostic, or None."""
        return self.diagnostics[0].source if self.diagnostics else None


def _rebuild(cls: Type[NgojstError], message: str, code: int, diagnostics: List[Diagnostic],
             dropped: int, formatted: str) -> NgojstError:
    return cls(message, code, diagnostics, dropped, formatted)


class InternalError(NgojstError):
    """``NGOJST_ERROR``: a generic or internal error."""

    CODE = _lib.ERROR


class OutOfMemoryError(NgojstError, MemoryError):
    """``NGOJST_ENOMEM``: an allocation failed."""

    CODE = _lib.ENOMEM


class NgojstIOError(NgojstError, OSError):
    """``NGOJST_EIO``: a file could not be opened or read. ``filename`` names it."""

    CODE = _lib.EIO

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filename = self.source


class InvalidArgumentError(NgojstError, ValueError):
    """``NGOJST_EINVAL``: misuse, a bad argument to an API function."""

    CODE = _lib.EINVAL


class ParseError(NgojstError, ValueError):
    """``NGOJST_EPARSE``: input is not well-formed YAML/JSON or not valid UTF-8."""

    CODE = _lib.EPARSE


class InputError(NgojstError, ValueError):
    """``NGOJST_EINPUT``: well-formed input that does not fit its schema (types, keys)."""

    CODE = _lib.EINPUT


class RuleSetError(NgojstError):
    """``NGOJST_ERULESET``: a rule set is malformed or inconsistent.

    :attr:`line` and :attr:`column` give the position of the first problem in
    the rule-set file; every problem is in :attr:`diagnostics`.
    """

    CODE = _lib.ERULESET


class LimitError(NgojstError):
    """``NGOJST_ELIMIT``: a resource limit (size, depth, aliases...) was exceeded."""

    CODE = _lib.ELIMIT


class NotFoundError(NgojstError, LookupError):
    """``NGOJST_ENOTFOUND``: a named item (rule, kind, list, built-in rule set) does not exist."""

    CODE = _lib.ENOTFOUND


class RangeError(NgojstError, ValueError):
    """``NGOJST_ERANGE``: a value is out of range (overflow, impossible date)."""

    CODE = _lib.ERANGE


class EndOfStreamError(NgojstError):
    """``NGOJST_EOF``: no more documents.

    Not a failure: the report iterator of :func:`ngojst.validate_stream` simply
    stops. The class exists so that every C code has an exception.
    """

    CODE = _lib.EOF


_BY_CODE: Dict[int, Type[NgojstError]] = {
    cls.CODE: cls
    for cls in (InternalError, OutOfMemoryError, NgojstIOError, InvalidArgumentError, ParseError,
                InputError, RuleSetError, LimitError, NotFoundError, RangeError, EndOfStreamError)
    if cls.CODE is not None
}


def error_class(code: int) -> Type[NgojstError]:
    """The exception class for a C error code (:class:`NgojstError` for unknown codes)."""
    return _BY_CODE.get(int(code), NgojstError)


def make_error(code: int, diagnostics: Sequence[Diagnostic] = (), dropped: int = 0,
               formatted: str = "", message: Optional[str] = None) -> NgojstError:
    """Build the exception for a code, with a message from the diagnostics."""
    if message is None:
        message = strerror(code)
        body = formatted.rstrip("\n") or "\n".join(str(d) for d in diagnostics)
        if body:
            message = f"{message}:\n{body}"
    return error_class(code)(message, code, diagnostics, dropped, formatted)


def diagnostics_of(ctx: Any) -> List[Diagnostic]:
    """The diagnostics the last failing call left on a context."""
    lib = _lib.lib
    out = []
    for i in range(lib.ngojst_diag_count(ctx)):
        p = lib.ngojst_diag_at(ctx, i)
        if p:
            out.append(Diagnostic._from_c(p.contents))
    return out


def from_context(code: int, ctx: Any) -> NgojstError:
    """The exception for a failed call, with the context's diagnostics (ctx may be None)."""
    if not ctx:
        return make_error(code)
    lib = _lib.lib
    diags = diagnostics_of(ctx)
    dropped = lib.ngojst_diag_dropped(ctx)
    formatted = ""
    if diags or dropped:
        ptr = ctypes.c_void_p()
        if lib.ngojst_diag_format(ctx, ctypes.byref(ptr)) == 0:
            formatted = _lib.take_string(ctx, ptr).decode("utf-8", "replace")
    return make_error(code, diags, dropped, formatted)


__all__ = [
    "ErrorCode", "strerror", "Diagnostic", "NgojstError", "InternalError", "OutOfMemoryError",
    "NgojstIOError", "InvalidArgumentError", "ParseError", "InputError", "RuleSetError",
    "LimitError", "NotFoundError", "RangeError", "EndOfStreamError", "error_class",
]
