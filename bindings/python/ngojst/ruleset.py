"""Rule sets: the built-in national set and overlays layered on it."""

from __future__ import annotations

import contextlib
import ctypes
import datetime
import os
import threading
from dataclasses import dataclass
from typing import Any, Iterator, List, Optional, Tuple, Union

from . import _lib
from ._util import Owner, from_c_date, looks_like_a_path
from .errors import Diagnostic, NgojstError
from .report import Consequence, RuleSetInfo, Severity, Status, _enum

PathLike = Union[str, "os.PathLike[str]"]


@dataclass(frozen=True)
class RuleInfo:
    """A read-only view of one rule (``ngojst_rule_info``), after overlays."""

    #: Stable id, e.g. ``"udpp.5a.4.pt1"``.
    id: str
    #: Kinds the rule applies to.
    kinds: Tuple[str, ...]
    #: Check kind (``"required"``, ``"deadline"``, ``"builtin:NAME"``, ...).
    check: str
    #: Severity after overlays.
    severity: Severity
    #: Legal consequence.
    consequence: Consequence
    #: Verification status.
    status: Status
    #: Citation in Polish.
    citation_pl: str
    #: Citation in English.
    citation_en: str
    #: Short description in Polish.
    title_pl: str
    #: Short description in English.
    title_en: str
    #: Message template in Polish.
    message_pl: str
    #: Message template in English.
    message_en: str
    #: Remarks on the rule's basis, or None.
    note: Optional[str]
    #: In force from (None: always).
    valid_from: Optional[datetime.date]
    #: In force until, inclusive (None: open).
    valid_to: Optional[datetime.date]
    #: False if an overlay switched the rule off.
    enabled: bool
    #: The layer that defined the rule.
    ruleset_id: str
    #: The layer that last changed it (the same as ruleset_id if none did).
    changed_by: str
    #: Polish message when a due act is missing, or None.
    missing_message_pl: Optional[str] = None
    #: English message when a due act is missing, or None.
    missing_message_en: Optional[str] = None
    #: Document date that selects whether the rule is in force (e.g.
    #: ``"resolution/adopted_on"``), or None for the law date.
    in_force_on: Optional[str] = None

    def citation(self, lang: str = "pl") -> str:
        """The citation in ``"pl"`` or ``"en"``."""
        return self.citation_en if lang == "en" else self.citation_pl

    def title(self, lang: str = "pl") -> str:
        """The title in ``"pl"`` or ``"en"``."""
        return self.title_en if lang == "en" else self.title_pl

    @classmethod
    def _from_c(cls, r: _lib.RuleInfo) -> "RuleInfo":
        kinds = _lib.text(r.kinds)
        return cls(
            id=_lib.text(r.id),
            kinds=tuple(k.strip() for k in kinds.split(",") if k.strip()),
            check=_lib.text(r.check),
            severity=_enum(Severity, r.severity),
            consequence=_enum(Consequence, r.consequence),
            status=_enum(Status, r.status),
            citation_pl=_lib.text(r.citation_pl),
            citation_en=_lib.text(r.citation_en),
            title_pl=_lib.text(r.title_pl),
            title_en=_lib.text(r.title_en),
            message_pl=_lib.text(r.message_pl),
            message_en=_lib.text(r.message_en),
            note=_lib.opt_text(r.note),
            valid_from=from_c_date(r.valid_from),
            valid_to=from_c_date(r.valid_to),
            enabled=bool(r.enabled),
            ruleset_id=_lib.text(r.ruleset_id),
            changed_by=_lib.text(r.changed_by),
            missing_message_pl=_lib.opt_text(r.missing_message_pl),
            missing_message_en=_lib.opt_text(r.missing_message_en),
            in_force_on=_lib.opt_text(r.in_force_on),
        )


class RuleSet(Owner):
    """A compiled rule set: a base (usually the built-in national set) and overlays.

    Make one with :meth:`builtin` or :meth:`load`. A rule set is immutable and
    may be shared by threads. It is freed by :meth:`close`, at the end of a
    ``with`` block or by garbage collection; closing while another thread is
    validating with it waits for that validation to end before freeing.
    """

    def __init__(self) -> None:
        raise TypeError("use RuleSet.builtin() or RuleSet.load()")

    @classmethod
    def _adopt(cls, handle: Any, ctx: Any) -> "RuleSet":
        self = cls.__new__(cls)
        self._own(_lib.lib.ngojst_ruleset_free, handle, ctx)
        self._users = 0
        self._closing = False
        self._cond = threading.Condition(self._lock)
        self._rules: Optional[List[RuleInfo]] = None
        return self

    @classmethod
    def builtin(cls) -> "RuleSet":
        """The national rule set compiled into the library (a new, independent handle).

        Raises :class:`~ngojst.NotFoundError` if the library was built without it.
        """
        ctx = _lib.new_context()
        rs = _lib.RuleSetP()
        try:
            _lib.lib.ngojst_ruleset_load_builtin(ctypes.byref(rs), ctx)
        except BaseException:
            _lib.lib.ngojst_context_free(ctx)
            raise
        return cls._adopt(rs, ctx)

    @classmethod
    def load(cls, source: Union[str, bytes, "os.PathLike[str]"], extends: Optional["RuleSet"] = None,
             *, source_name: Optional[str] = None) -> "RuleSet":
        """Load a rule set or an overlay.

        ``source`` is a file (a :class:`pathlib.Path` or other ``os.PathLike``)
        or the YAML text itself (``str`` or ``bytes``). A rule set with
        ``extends:`` is an overlay, applied on top of ``extends`` - or, when
        ``extends`` is None, on top of the built-in set if it extends that
        set's id. ``extends`` is not changed and may be closed afterwards.
        ``source_name`` names text in diagnostics and reports (default
        ``"<string>"``).

        Raises :class:`~ngojst.RuleSetError` (with line and column) for a
        malformed rule set, :class:`~ngojst.ParseError` for malformed YAML,
        :class:`~ngojst.NgojstIOError` for an unreadable file.
        """
        ctx = _lib.new_context()
        rs = _lib.RuleSetP()
        try:
            if extends is not None and not isinstance(extends, RuleSet):
                raise TypeError(f"extends must be a RuleSet, not {type(extends).__name__}")
            with contextlib.ExitStack() as stack:
                base = stack.enter_context(extends._use()) if extends is not None else _lib.RuleSetP()
                if isinstance(source, os.PathLike):
                    _lib.lib.ngojst_ruleset_load_file(ctypes.byref(rs), ctx, os.fsencode(source), base)
                elif isinstance(source, (str, bytes, bytearray, memoryview)):
                    data = source.encode("utf-8") if isinstance(source, str) else bytes(source)
                    name = source_name.encode("utf-8") if source_name is not None else None
                    try:
                        _lib.lib.ngojst_ruleset_load_buffer(ctypes.byref(rs), ctx, name, data, len(data), base)
                    except NgojstError as e:
                        if isinstance(source, str) and looks_like_a_path(source):
                            e.message += ("\n(a str is rule-set YAML text; to load a file pass "
                                          f"pathlib.Path({source!r}))")
                        raise
                else:
                    raise TypeError("source must be a pathlib.Path (a file) or str/bytes (YAML text), "
                                    f"not {type(source).__name__}")
        except BaseException:
            _lib.lib.ngojst_context_free(ctx)
            raise
        return cls._adopt(rs, ctx)

    @staticmethod
    def builtin_sha256() -> str:
        """SHA-256 (hex) of the built-in rule set's source text, ``""`` if there is none."""
        return _lib.text(_lib.lib.ngojst_ruleset_builtin_sha256())

    # --- use from validation (keeps the handle alive while in use) ---

    @contextlib.contextmanager
    def _use(self) -> Iterator[Any]:
        with self._lock:
            handle = self._live()
            if self._closing:
                raise ValueError("operation on a closed RuleSet")
            self._users += 1
        try:
            yield handle
        finally:
            with self._lock:
                self._users -= 1
                if self._users == 0:
                    self._cond.notify_all()

    def close(self) -> None:
        """Free the rule set, after any validation that is using it ends. Idempotent."""
        with self._lock:
            self._closing = True
            while self._users:
                self._cond.wait()
            self._finalizer()

    # --- what it contains ---

    @property
    def layers(self) -> List[RuleSetInfo]:
        """The layers: the base first, then each overlay."""
        with self._use() as h:
            out = []
            for i in range(_lib.lib.ngojst_ruleset_layer_count(h)):
                info = _lib.ReportRuleset()
                _lib.lib.ngojst_ruleset_layer(h, i, ctypes.byref(info))
                out.append(RuleSetInfo._from_c(info))
            return out

    @property
    def id(self) -> str:
        """Id of the top layer (the last overlay, or the base)."""
        layers = self.layers
        return layers[-1].id if layers else ""

    @property
    def rules(self) -> List[RuleInfo]:
        """Every rule, in definition order, after overlays."""
        with self._use() as h:
            if self._rules is None:
                rules = []
                for i in range(_lib.lib.ngojst_ruleset_rule_count(h)):
                    p = _lib.lib.ngojst_ruleset_rule_at(h, i)
                    if p:
                        rules.append(RuleInfo._from_c(p.contents))
                self._rules = rules
            return list(self._rules)

    def find_rule(self, rule_id: str) -> Optional[RuleInfo]:
        """One rule by id, or None."""
        with self._use() as h:
            p = _lib.lib.ngojst_ruleset_find_rule(h, rule_id.encode("utf-8"))
            return RuleInfo._from_c(p.contents) if p else None

    def __getitem__(self, rule_id: str) -> RuleInfo:
        rule = self.find_rule(rule_id)
        if rule is None:
            raise KeyError(rule_id)
        return rule

    def __contains__(self, rule_id: object) -> bool:
        return isinstance(rule_id, str) and self.find_rule(rule_id) is not None

    @property
    def conflicts(self) -> List[Diagnostic]:
        """Overlay changes that would have loosened the law and were not applied.

        Each is a diagnostic positioned in the overlay file; every report made
        with this rule set also carries them as findings.
        """
        with self._use() as h:
            out = []
            for i in range(_lib.lib.ngojst_ruleset_conflict_count(h)):
                d = _lib.Diag()
                _lib.lib.ngojst_ruleset_conflict(h, i, ctypes.byref(d))
                out.append(Diagnostic._from_c(d))
            return out

    def __repr__(self) -> str:
        if self.closed:
            return "<ngojst.RuleSet (closed)>"
        return "<ngojst.RuleSet " + " + ".join(f"{l.id} {l.version}" for l in self.layers) + ">"


_default: Optional[RuleSet] = None
_default_lock = threading.Lock()


def default_rules() -> RuleSet:
    """The shared built-in rule set used when ``rules=None`` (loaded once, never closed)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = RuleSet.builtin()
    return _default
