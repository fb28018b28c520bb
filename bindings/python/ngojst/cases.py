"""Declarative test cases: documents with the findings they must yield."""

from __future__ import annotations

import ctypes
import os
from dataclasses import dataclass
from typing import Iterable, List, Optional, Union

from . import _lib
from ._util import DateLike, make_calendar
from .ruleset import RuleSet, default_rules


@dataclass(frozen=True)
class CaseResult:
    """The outcome of one test case (``ngojst_case_result``)."""

    #: The case's name.
    name: str
    #: The case file.
    source: str
    #: Line of the case in the file.
    line: int
    #: True if the findings matched the expectation.
    passed: bool
    #: Why it failed (missing and unexpected findings), or ``""``.
    detail: str


def run_cases(path: Union[str, "os.PathLike[str]"], rules: Optional[RuleSet] = None,
              *, holidays: Optional[Iterable[DateLike]] = None) -> List[CaseResult]:
    """Run every case of a test-case file (``*.cases.yaml``).

    ``path`` is the file (``str`` or ``pathlib.Path``: unlike :func:`validate`,
    this function only reads files). Document and rule-set paths inside it are
    relative to its folder. ``rules`` is the rule set the cases start from
    (None: the built-in national set); ``holidays`` are extra days off.

    Returns one :class:`CaseResult` per case, in file order; a failing case
    is a result, not an exception. Raises :class:`~ngojst.NgojstIOError`,
    :class:`~ngojst.ParseError` or :class:`~ngojst.InputError` when the file
    cannot be run at all.
    """
    rs = default_rules() if rules is None else rules
    if not isinstance(rs, RuleSet):
        raise TypeError(f"rules must be a RuleSet, not {type(rs).__name__}")
    lib = _lib.lib
    ctx = _lib.new_context()
    cal = _lib.CalendarP()
    cases = _lib.CasesP()
    try:
        cal = make_calendar(ctx, holidays)
        with rs._use() as rsh:
            lib.ngojst_cases_run_file(ctypes.byref(cases), ctx, os.fsencode(path), rsh, cal)
        out = []
        for i in range(lib.ngojst_cases_count(cases)):
            p = lib.ngojst_cases_at(cases, i)
            if p:
                c = p.contents
                out.append(CaseResult(_lib.text(c.name), _lib.text(c.source), c.line, bool(c.passed),
                                      _lib.text(c.detail)))
        return out
    finally:
        lib.ngojst_cases_free(cases)
        lib.ngojst_calendar_free(cal)
        lib.ngojst_context_free(ctx)
