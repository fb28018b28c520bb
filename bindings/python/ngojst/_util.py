"""Handle ownership and small conversions shared by the modules."""

from __future__ import annotations

import ctypes
import datetime
import threading
import weakref
from typing import Any, Callable, Iterable, Optional, Tuple, TypeVar, Union

from . import _lib
from .errors import ErrorCode, InvalidArgumentError, NgojstError, make_error

DateLike = Union[datetime.date, str]

_T = TypeVar("_T", bound="Owner")


def _release(free: Callable[[Any], None], handle: Any, ctx: Any, extra: Tuple[Callable[[], None], ...]) -> None:
    """Free a handle, then anything attached to it, then its context (in that order)."""
    if handle:
        free(handle)
    for fn in extra:
        fn()
    if ctx:
        _lib.lib.ngojst_context_free(ctx)


class Owner:
    """Base of the classes that own a C handle and the context it was made with.

    The handle is freed exactly once: by :meth:`close`, by leaving a ``with``
    block, or - if neither happened - when the object is garbage-collected
    (``weakref.finalize``, which also runs at interpreter exit). The context
    outlives the handle, as the C library requires.
    """

    _handle: Any
    _ctx: Any
    _lock: threading.RLock
    _finalizer: weakref.finalize

    def _own(self, free: Callable[[Any], None], handle: Any, ctx: Any,
             *extra: Callable[[], None]) -> None:
        self._handle = handle
        self._ctx = ctx
        self._lock = threading.RLock()
        self._finalizer = weakref.finalize(self, _release, free, handle, ctx, extra)

    @property
    def closed(self) -> bool:
        """True once the C object has been freed."""
        return not self._finalizer.alive

    def close(self) -> None:
        """Free the C object now. Idempotent."""
        with self._lock:
            self._finalizer()

    def _live(self) -> Any:
        if not self._finalizer.alive:
            raise ValueError(f"operation on a closed {type(self).__name__}")
        return self._handle

    def __enter__(self: _T) -> _T:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def free_context_on_error(ctx: Any) -> None:
    if ctx:
        _lib.lib.ngojst_context_free(ctx)


def looks_like_a_path(s: str) -> bool:
    """Whether text passed as YAML is more likely a file name (for a hint in errors)."""
    return "\n" not in s and s.strip().lower().endswith((".yaml", ".yml", ".json"))


# --- dates ---------------------------------------------------------------------------

def to_c_date(value: DateLike, what: str = "as_of") -> _lib.Date:
    """A datetime.date or an ISO "YYYY-MM-DD" string as an ngojst_date (parsed by the library)."""
    out = _lib.Date()
    if isinstance(value, datetime.datetime):
        raise TypeError(f"{what} must be a datetime.date or 'YYYY-MM-DD', not a datetime "
                        f"(use .date() to choose the day explicitly)")
    if isinstance(value, datetime.date):
        rc = _lib.lib.ngojst_date_make(ctypes.byref(out), value.year, value.month, value.day)
    elif isinstance(value, str):
        raw = value.encode("utf-8")
        rc = _lib.lib.ngojst_date_parse(ctypes.byref(out), raw, len(raw))
    else:
        raise TypeError(f"{what} must be a datetime.date or a 'YYYY-MM-DD' string, "
                        f"not {type(value).__name__}")
    if rc:
        raise make_error(rc, message=f"{what} must be a date written YYYY-MM-DD; "
                                     f"{value!r} is not one ({_lib.text(_lib.lib.ngojst_strerror(rc))})")
    return out


def from_c_date(d: _lib.Date) -> Optional[datetime.date]:
    """An ngojst_date as datetime.date, None for the zero "no date"."""
    if _lib.lib.ngojst_date_is_none(d):
        return None
    return datetime.date(d.year, d.month, d.day)


def require_as_of(as_of: Optional[DateLike]) -> _lib.Date:
    """as_of is required: the library never reads the clock."""
    if as_of is None:
        raise ValueError(
            "as_of is required: ngojst never reads the clock, so say which day the check is for, "
            "e.g. as_of=datetime.date.today() or as_of='2026-01-10'"
        )
    return to_c_date(as_of, "as_of")


# --- languages and formats ---------------------------------------------------------------

LANG_NAMES = {_lib.LANG_PL: "pl", _lib.LANG_EN: "en"}


def parse_lang(lang: str) -> int:
    """A language tag ("pl" or "en") as ngojst_lang (parsed by the library)."""
    if not isinstance(lang, str):
        raise TypeError(f"lang must be 'pl' or 'en', not {type(lang).__name__}")
    out = ctypes.c_int()
    if _lib.lib.ngojst_lang_parse(ctypes.byref(out), lang.encode("utf-8")):
        raise InvalidArgumentError(f"lang must be 'pl' or 'en', not {lang!r}", ErrorCode.EINVAL)
    return out.value


def parse_format(name: str) -> int:
    """A format name ("text", "json", "sarif") as ngojst_format (parsed by the library)."""
    out = ctypes.c_int()
    if not isinstance(name, str) or _lib.lib.ngojst_format_parse(ctypes.byref(out), name.encode("utf-8")):
        raise InvalidArgumentError(f"format must be 'text', 'json' or 'sarif', not {name!r}",
                                   ErrorCode.EINVAL)
    return out.value


# --- calendars ---------------------------------------------------------------------------

def make_calendar(ctx: Any, holidays: Optional[Iterable[DateLike]]) -> Any:
    """An ngojst_calendar with extra days off (allocated from ctx), or NULL for none."""
    days = [to_c_date(d, "holiday") for d in holidays or ()]
    cal = _lib.CalendarP()
    if not days:
        return cal
    _lib.lib.ngojst_calendar_new(ctypes.byref(cal), ctx)
    try:
        for d in days:
            _lib.lib.ngojst_calendar_add_day_off(cal, d)
    except NgojstError:
        _lib.lib.ngojst_calendar_free(cal)
        raise
    return cal
