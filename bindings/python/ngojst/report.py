"""Reports: the findings of checking one document, and their output formats."""

from __future__ import annotations

import contextlib
import ctypes
import datetime
import enum
import json
from dataclasses import dataclass
from typing import Any, Dict, Iterator, List, Optional, Sequence, Union

from . import _lib
from ._util import LANG_NAMES, Owner, from_c_date, parse_format


class Severity(enum.IntEnum):
    """Severity of a finding (``ngojst_severity``); ordered, ``str()`` gives ``"error"`` etc."""

    NOTE = 0
    WARNING = 1
    ERROR = 2

    def __str__(self) -> str:
        return _lib.text(_lib.lib.ngojst_severity_name(int(self)))


class Consequence(enum.IntEnum):
    """What a breach means legally (``ngojst_consequence``); ``str()`` gives ``"late"`` etc."""

    NONE = 0
    LATE = 1
    DEFECT = 2
    INVALID = 3
    ADVICE = 4

    def __str__(self) -> str:
        return _lib.text(_lib.lib.ngojst_consequence_name(int(self)))


class Status(enum.IntEnum):
    """How the legal fact behind a rule was verified (``ngojst_status``);
    ``str()`` gives the name used in rule sets (``"CONFIRMED-CUR"`` etc.)."""

    CONFIRMED_CUR = 0
    CONFIRMED_OLD = 1
    CONFIRMED = 2
    SECONDARY = 3
    INFERRED = 4
    UNCONFIRMED = 5

    def __str__(self) -> str:
        return _lib.text(_lib.lib.ngojst_status_name(int(self)))


def _enum(cls: Any, value: int) -> Any:
    try:
        return cls(value)
    except ValueError:  # a newer library with a value this package does not know
        return value


@dataclass(frozen=True)
class Finding:
    """One finding: a rule the document breaks (or a note about it)."""

    #: Stable rule id, e.g. ``"udpp.5a.4.pt1"``.
    rule_id: str
    #: Severity after rule-set overlays.
    severity: Severity
    #: JSON pointer to the offending value (``""`` is the whole document).
    path: str
    #: 1-based line in the source; 0 when unknown.
    line: int
    #: 1-based column (Unicode code points); 0 when unknown.
    column: int
    #: The message, in the report's language.
    message: str
    #: The legal basis, e.g. ``"art. 5a ust. 4 pkt 1 udpp"``; may be empty.
    citation: str
    #: Id of the rule set that imposed the rule (or changed it last).
    ruleset_id: str
    #: What the breach means legally.
    consequence: Consequence
    #: How the legal fact behind the rule was verified.
    status: Status

    @classmethod
    def _from_c(cls, f: _lib.Finding) -> "Finding":
        return cls(
            rule_id=_lib.text(f.rule_id),
            severity=_enum(Severity, f.severity),
            path=_lib.text(f.path),
            line=f.line,
            column=f.column,
            message=_lib.text(f.message),
            citation=_lib.text(f.citation),
            ruleset_id=_lib.text(f.ruleset_id),
            consequence=_enum(Consequence, f.consequence),
            status=_enum(Status, f.status),
        )


@dataclass(frozen=True)
class RuleSetInfo:
    """Identity of a rule set or of one layer of it (``ngojst_report_ruleset``)."""

    #: Rule-set id, e.g. ``"pl"``.
    id: str
    #: Its version string.
    version: str
    #: Lower-case hex SHA-256 of its source text.
    sha256: str
    #: ``"<builtin>"``, a path, or ``"<string>"``.
    source: str

    @classmethod
    def _from_c(cls, r: _lib.ReportRuleset) -> "RuleSetInfo":
        return cls(_lib.text(r.id), _lib.text(r.version), _lib.text(r.sha256), _lib.text(r.source))


class Report(Owner):
    """The findings of checking one document.

    A report is made by :func:`ngojst.validate` or :func:`ngojst.validate_stream`;
    everything it says is read from the C report when it is made. The C
    report itself is kept for :meth:`to_json`, :meth:`to_sarif` and
    :meth:`to_text` until :meth:`close` (or the end of a ``with`` block, or
    garbage collection) frees it; the attributes stay readable after that.
    """

    #: The findings, in the library's deterministic order (line, column, path, rule id).
    findings: List[Finding]
    #: Where the document came from: a path, ``"<string>"`` or ``"<stdin>"``.
    source: str
    #: 0-based index of the document in its stream.
    document_index: int
    #: Document kind, e.g. ``"AnnualProgramme"``.
    kind: str
    #: The date the check was made for.
    as_of: Optional[datetime.date]
    #: The date that selected the law in force, or None.
    law_date: Optional[datetime.date]
    #: Language of messages and citations, ``"pl"`` or ``"en"``.
    lang: str
    #: The rule sets used: the base first, overlays after.
    rulesets: List[RuleSetInfo]
    #: Findings of each severity, dropped findings included.
    counts: Dict[Severity, int]
    #: Findings not listed because the ``max_findings`` limit was reached.
    dropped: int
    #: True when there is no error and no warning.
    ok: bool

    def __init__(self) -> None:
        raise TypeError("reports are made by ngojst.validate() and ngojst.validate_stream()")

    @classmethod
    def _adopt(cls, handle: Any, ctx: Any) -> "Report":
        """Take ownership of a C report and the context it was made with."""
        self = cls.__new__(cls)
        lib = _lib.lib
        findings = []
        for i in range(lib.ngojst_report_count(handle)):
            p = lib.ngojst_report_at(handle, i)
            if p:
                findings.append(Finding._from_c(p.contents))
        self.findings = findings
        self.source = _lib.text(lib.ngojst_report_source(handle))
        self.document_index = lib.ngojst_report_document_index(handle)
        self.kind = _lib.text(lib.ngojst_report_kind(handle))
        self.as_of = from_c_date(lib.ngojst_report_as_of(handle))
        self.law_date = from_c_date(lib.ngojst_report_law_date(handle))
        lang = lib.ngojst_report_lang(handle)
        self.lang = LANG_NAMES.get(lang, str(lang))
        self.rulesets = []
        for i in range(lib.ngojst_report_ruleset_count(handle)):
            p = lib.ngojst_report_ruleset_at(handle, i)
            if p:
                self.rulesets.append(RuleSetInfo._from_c(p.contents))
        self.counts = {s: lib.ngojst_report_count_severity(handle, int(s)) for s in Severity}
        self.dropped = lib.ngojst_report_dropped(handle)
        self.ok = bool(lib.ngojst_report_ok(handle))
        # Ownership is taken last: if reading failed, the caller still owns both.
        self._own(lib.ngojst_report_free, handle, ctx)
        return self

    @property
    def errors(self) -> int:
        """Number of findings of severity error (dropped ones included)."""
        return self.counts[Severity.ERROR]

    @property
    def warnings(self) -> int:
        """Number of findings of severity warning (dropped ones included)."""
        return self.counts[Severity.WARNING]

    @property
    def notes(self) -> int:
        """Number of findings of severity note (dropped ones included)."""
        return self.counts[Severity.NOTE]

    def count(self, severity: Union[Severity, str]) -> int:
        """Number of findings of one severity (a :class:`Severity` or ``"error"``, ...)."""
        if isinstance(severity, str):
            severity = Severity[severity.upper()]
        return self.counts[Severity(severity)]

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __repr__(self) -> str:
        return (f"<ngojst.Report {self.source}#{self.document_index} {self.kind}: "
                f"{self.errors} errors, {self.warnings} warnings, {self.notes} notes>")

    def to_json(self) -> str:
        """This report in the JSON format of docs/report-json.md (``{"ngojst": ..., "reports": [...]}``)."""
        return format_reports([self], "json")

    def to_dict(self) -> Dict[str, Any]:
        """The report object of :meth:`to_json` (one element of its ``reports``), parsed."""
        return json.loads(self.to_json())["reports"][0]

    def to_sarif(self) -> str:
        """This report as SARIF 2.1.0."""
        return format_reports([self], "sarif")

    def to_text(self) -> str:
        """Compiler-style text: ``source:line:col: severity: message [rule-id]``, then a summary line."""
        return format_reports([self], "text")


def _format_bytes(reports: Sequence[Report], fmt: Union[str, int]) -> bytes:
    """Format with the library: fmt is a name ("text", "json", "sarif") or an ngojst_format code."""
    code = fmt if isinstance(fmt, int) else parse_format(fmt)
    reports = list(reports)
    for r in reports:
        if not isinstance(r, Report):
            raise TypeError(f"expected ngojst.Report, got {type(r).__name__}")
    # Hold every report's lock (in a fixed order) so none is closed meanwhile.
    with contextlib.ExitStack() as stack:
        for r in sorted(set(reports), key=id):
            stack.enter_context(r._lock)
        arr = (_lib.ReportP * max(len(reports), 1))(*[r._live() for r in reports])
        ctx = _lib.new_context()
        try:
            out = ctypes.c_void_p()
            _lib.lib.ngojst_report_format(ctx, arr, len(reports), code, ctypes.byref(out))
            return _lib.take_string(ctx, out)
        finally:
            _lib.lib.ngojst_context_free(ctx)


def format_reports(reports: Sequence[Report], format: str = "json") -> str:
    """Format several reports (e.g. the documents of one stream) as one output.

    ``format`` is ``"json"``, ``"sarif"`` or ``"text"``; the output is the
    library's (``ngojst_report_format``), byte for byte what the ``ngojst``
    command prints for the same reports.
    """
    return _format_bytes(reports, format).decode("utf-8", "replace")
