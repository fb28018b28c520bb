"""Checking documents: one at a time, or a multi-document stream."""

from __future__ import annotations

import ctypes
import datetime
import decimal
import io
import json
import os
from dataclasses import dataclass
from typing import Any, BinaryIO, Iterable, List, Mapping, Optional, Union

from . import _lib
from ._util import DateLike, Owner, looks_like_a_path, make_calendar, parse_lang, require_as_of
from .errors import ErrorCode, NgojstError, from_context
from .report import Report
from .ruleset import RuleSet, default_rules

#: What :func:`validate` accepts as a document.
DocumentInput = Union[Mapping[str, Any], str, bytes, "os.PathLike[str]"]
#: What :func:`validate_stream` accepts.
StreamInput = Union[str, bytes, "os.PathLike[str]", BinaryIO]


@dataclass(frozen=True)
class Kind:
    """A document kind the library knows."""

    #: Name used in ``kind:``, e.g. ``"AnnualProgramme"``.
    name: str
    #: One-line English description.
    description: str


def kinds() -> List[Kind]:
    """The document kinds the library knows (``ngojst_kind_name``/``_description``)."""
    lib = _lib.lib
    return [Kind(_lib.text(lib.ngojst_kind_name(i)), _lib.text(lib.ngojst_kind_description(i)))
            for i in range(lib.ngojst_kind_count())]


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        raise TypeError("a datetime in a document: pass a datetime.date (documents hold days)")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"{type(value).__name__} cannot be written into a document")


def _encode(text: Union[str, bytes, bytearray, memoryview]) -> bytes:
    return text.encode("utf-8") if isinstance(text, str) else bytes(text)


def _name(source: Optional[str]) -> Optional[bytes]:
    return None if source is None else source.encode("utf-8")


def _options(as_of: Optional[DateLike], lang: str, cal: Any) -> _lib.ValidateOptions:
    opts = _lib.ValidateOptions()
    opts.version = _lib.VALIDATE_OPTIONS_VERSION
    opts.as_of = require_as_of(as_of)
    opts.lang = parse_lang(lang)
    opts.calendar = cal
    return opts


def _rules(rules: Optional[RuleSet]) -> RuleSet:
    if rules is None:
        return default_rules()
    if not isinstance(rules, RuleSet):
        raise TypeError(f"rules must be a RuleSet, not {type(rules).__name__}")
    return rules


def _check(rs: RuleSet, doc: Any, opts: _lib.ValidateOptions, cal: Any, ctx: Any = None) -> Report:
    """Validate a loaded document into a report that owns ctx (a new context if None).

    cal is a calendar (or NULL) that outlives the call; it may belong to another context.
    """
    own_ctx = ctx is None
    if own_ctx:
        ctx = _lib.new_context()
    rep = _lib.ReportP()
    try:
        opts.calendar = cal
        with rs._use() as rsh:
            _lib.lib.ngojst_validate(ctx, rsh, doc, ctypes.byref(opts), ctypes.byref(rep))
        return Report._adopt(rep, ctx)
    except BaseException:
        _lib.lib.ngojst_report_free(rep)
        if own_ctx:
            _lib.lib.ngojst_context_free(ctx)
        raise
    finally:
        opts.calendar = None


def validate(doc: DocumentInput, kind: Optional[str] = None, as_of: Optional[DateLike] = None,
             rules: Optional[RuleSet] = None, lang: str = "pl", *, source: Optional[str] = None,
             holidays: Optional[Iterable[DateLike]] = None) -> Report:
    """Check one document and return its report.

    Args:
        doc: a ``dict`` (passed to the library as JSON text), YAML or JSON
            text (``str`` or ``bytes``), or a file (``pathlib.Path`` or other
            ``os.PathLike``). The input must hold exactly one document.
        kind: the kind of a document without a ``kind:`` key, e.g.
            ``"AnnualProgramme"``.
        as_of: the day the check is for (``datetime.date`` or
            ``"YYYY-MM-DD"``). **Required**: the library never reads the
            clock, so ``None`` raises ``ValueError``.
        rules: the rule set; None for the built-in national set.
        lang: language of messages, ``"pl"`` or ``"en"``.
        source: name of text or dict input in the report (default ``"<string>"``).
        holidays: extra days off (e.g. declared by regulation) for deadlines.

    A document that breaks rules is a successful check: its findings are in
    the report. Raises :class:`~ngojst.ParseError` (not YAML/JSON, bad
    UTF-8), :class:`~ngojst.InputError` (wrong types, unknown keys, a second
    document), :class:`~ngojst.LimitError`, :class:`~ngojst.NgojstIOError`.
    """
    opts = _options(as_of, lang, None)
    rs = _rules(rules)
    kind_b = kind.encode("utf-8") if kind is not None else None
    ctx = _lib.new_context()
    docp = _lib.DocumentP()
    try:
        if isinstance(doc, Mapping):
            data = json.dumps(doc, ensure_ascii=False, default=_json_default).encode("utf-8")
            _lib.lib.ngojst_document_load_buffer(ctypes.byref(docp), ctx, _name(source), data, len(data), kind_b)
        elif isinstance(doc, (str, bytes, bytearray, memoryview)):
            data = _encode(doc)
            try:
                _lib.lib.ngojst_document_load_buffer(ctypes.byref(docp), ctx, _name(source), data, len(data),
                                                     kind_b)
            except NgojstError as e:
                if isinstance(doc, str) and looks_like_a_path(doc):
                    e.message += ("\n(a str is the document's YAML/JSON text; to check a file pass "
                                  f"pathlib.Path({doc!r}))")
                raise
        elif isinstance(doc, os.PathLike):
            _lib.lib.ngojst_document_load_file(ctypes.byref(docp), ctx, os.fsencode(doc), kind_b)
        else:
            raise TypeError("doc must be a dict, YAML/JSON text (str or bytes) or a pathlib.Path, "
                            f"not {type(doc).__name__}")
    except BaseException:
        _lib.lib.ngojst_context_free(ctx)
        raise
    cal = _lib.CalendarP()
    try:
        cal = make_calendar(ctx, holidays)
        report = _check(rs, docp, opts, cal, ctx)  # the report takes over ctx
    except BaseException:
        _lib.lib.ngojst_calendar_free(cal)
        _lib.lib.ngojst_document_free(docp)
        _lib.lib.ngojst_context_free(ctx)
        raise
    _lib.lib.ngojst_calendar_free(cal)
    _lib.lib.ngojst_document_free(docp)
    return report


class ReportStream(Owner):
    """An iterator of reports, one per document of a multi-document stream.

    Made by :func:`validate_stream`. Documents are read and checked one at a
    time, so memory stays bounded however long the stream is.

    A document that is well-formed but does not fit its kind raises
    :class:`~ngojst.InputError` from ``next()``; the stream stays usable and
    the next ``next()`` reads the next document (a ``for`` loop stops at the
    exception; call ``next()`` yourself to go on). A syntax error
    (:class:`~ngojst.ParseError`), a limit or an I/O error ends the stream.
    The C stream is freed when the stream ends, on :meth:`close`, at the end
    of a ``with`` block or on garbage collection.
    """

    def __init__(self, source: StreamInput, kind: Optional[str] = None,
                 as_of: Optional[DateLike] = None, rules: Optional[RuleSet] = None, lang: str = "pl",
                 *, source_name: Optional[str] = None,
                 holidays: Optional[Iterable[DateLike]] = None) -> None:
        self._opts = _options(as_of, lang, None)
        self._rules = _rules(rules)
        self._kind = kind.encode("utf-8") if kind is not None else None
        self._data: Optional[bytes] = None  # the buffer the C stream reads; kept alive here
        lib = _lib.lib
        ctx = _lib.new_context()
        stream = _lib.StreamP()
        fp = None
        try:
            if isinstance(source, os.PathLike):
                lib.ngojst_stream_open_file(ctypes.byref(stream), ctx, os.fsencode(source))
            elif isinstance(source, (str, bytes, bytearray, memoryview)):
                self._data = _encode(source)
                lib.ngojst_stream_open_buffer(ctypes.byref(stream), ctx, _name(source_name),
                                              self._data, len(self._data))
            elif hasattr(source, "read"):
                if source_name is None:
                    name = getattr(source, "name", None)
                    source_name = name if isinstance(name, str) else None
                fp = _open_fp(source)
                if fp is None:
                    self._data = _encode(source.read())
                    lib.ngojst_stream_open_buffer(ctypes.byref(stream), ctx, _name(source_name),
                                                  self._data, len(self._data))
                else:
                    lib.ngojst_stream_open_fp(ctypes.byref(stream), ctx, _name(source_name), fp)
            else:
                raise TypeError("source must be YAML/JSON text (str or bytes), a pathlib.Path or a "
                                f"binary file, not {type(source).__name__}")
            # One calendar for the whole stream, freed with it.
            self._cal = make_calendar(ctx, holidays)
        except BaseException:
            lib.ngojst_stream_free(stream)
            if fp is not None:
                _lib.libc().fclose(fp)
            lib.ngojst_context_free(ctx)
            raise
        cal = self._cal
        extra = [lambda: lib.ngojst_calendar_free(cal)]
        if fp is not None:
            extra.append(lambda: _lib.libc().fclose(fp))
        self._position = 0
        self._own(lib.ngojst_stream_free, stream, ctx, *extra)

    def close(self) -> None:
        """Free the C stream now (it is freed anyway when the stream ends). Idempotent."""
        with self._lock:
            if not self.closed:
                self._position = _lib.lib.ngojst_stream_position(self._handle)
            super().close()

    def __iter__(self) -> "ReportStream":
        return self

    def __next__(self) -> Report:
        with self._lock:
            if self.closed:
                raise StopIteration
            doc = _lib.DocumentP()
            rc = _lib.lib.ngojst_stream_next(self._handle, self._kind, ctypes.byref(doc))
            if rc == ErrorCode.EOF:
                self.close()
                raise StopIteration
            if rc < 0:
                err = from_context(rc, self._ctx)
                if rc != ErrorCode.EINPUT:
                    self.close()
                raise err
            try:
                return _check(self._rules, doc, self._opts, self._cal)
            finally:
                _lib.lib.ngojst_document_free(doc)

    @property
    def position(self) -> int:
        """0-based index of the document the stream will read next (or failed on).

        After the stream has ended (or was closed) this is the position it
        ended at, so ``position == 0`` then means the input held no document.
        """
        with self._lock:
            if self.closed:
                return self._position
            return _lib.lib.ngojst_stream_position(self._handle)


def _open_fp(f: Any) -> Optional[int]:
    """A C FILE* reading a Python binary file's descriptor, or None if it has none."""
    if isinstance(f, io.TextIOBase):
        f = getattr(f, "buffer", None)
        if f is None:
            return None
    try:
        fd = f.fileno()
    except (AttributeError, OSError, io.UnsupportedOperation):
        return None
    dup = os.dup(fd)
    try:
        if f.seekable():
            # Python may have buffered ahead: start where the file object is.
            os.lseek(dup, f.tell(), os.SEEK_SET)
    except (OSError, ValueError):
        pass
    fp = _lib.libc().fdopen(dup, b"rb")
    if not fp:
        os.close(dup)
        raise OSError("fdopen failed")
    return fp


def validate_stream(source: StreamInput, kind: Optional[str] = None, as_of: Optional[DateLike] = None,
                    rules: Optional[RuleSet] = None, lang: str = "pl", *,
                    source_name: Optional[str] = None,
                    holidays: Optional[Iterable[DateLike]] = None) -> ReportStream:
    """Check every document of a multi-document stream, yielding one report each.

    ``source`` is a file (``pathlib.Path``; read incrementally by the library),
    YAML/JSON text (``str`` or ``bytes``; the bytes are kept alive while the
    stream is read), or a binary file object (read through its file
    descriptor when it has one, e.g. ``sys.stdin.buffer``). The other
    arguments are as for :func:`validate`; ``as_of`` is required.

    Returns a :class:`ReportStream`, an iterator (and context manager).
    """
    return ReportStream(source, kind, as_of, rules, lang, source_name=source_name, holidays=holidays)
