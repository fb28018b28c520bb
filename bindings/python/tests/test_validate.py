"""validate(): inputs, options, the Report and its findings."""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import json

import pytest

import ngojst

from conftest import AS_OF, DATA, SAMPLE

SMALL = {"kind": "AnnualProgramme", "year": 2026,
         "resolution": {"number": "XX/1/2025", "adopted_on": datetime.date(2025, 12, 1)}}


def test_path_input_clean_sample():
    r = ngojst.validate(SAMPLE, as_of=AS_OF)
    assert r.ok and r.findings == [] and r.errors == r.warnings == r.notes == 0
    assert r.source == str(SAMPLE) and r.kind == "AnnualProgramme" and r.document_index == 0
    assert r.as_of == AS_OF and r.law_date == datetime.date(2026, 1, 1) and r.lang == "pl"
    assert [rs.id for rs in r.rulesets] == ["pl"] and r.rulesets[0].source == "<builtin>"
    assert r.rulesets[0].sha256 == ngojst.RuleSet.builtin_sha256()


def test_str_bytes_dict_inputs_agree(late_text):
    by_text = ngojst.validate(late_text, as_of=AS_OF, lang="en")
    by_bytes = ngojst.validate(late_text.encode(), as_of=AS_OF, lang="en")
    by_path = ngojst.validate(DATA / "late-programme.yaml", as_of=AS_OF, lang="en")
    assert by_text.source == by_bytes.source == "<string>"
    assert by_text.findings == by_bytes.findings
    assert [(f.rule_id, f.line, f.column) for f in by_text.findings] == \
        [(f.rule_id, f.line, f.column) for f in by_path.findings]


def test_dict_input_goes_as_json():
    r = ngojst.validate(SMALL, as_of="2026-01-10", lang="en", source="inline")
    assert r.source == "inline"
    ids = {f.rule_id for f in r.findings}
    assert "udpp.5a.1.deadline" in ids
    late = next(f for f in r.findings if f.rule_id == "udpp.5a.1.deadline")
    assert late.path == "/resolution/adopted_on" and "2025-12-01" in late.message
    # Decimal amounts and tuples are written as JSON too.
    doc = dict(SMALL, funds=decimal.Decimal("100.50"), principles=("partnerstwo",))
    assert ngojst.validate(doc, as_of="2026-01-10").kind == "AnnualProgramme"
    with pytest.raises(TypeError):
        ngojst.validate(dict(SMALL, year=object()), as_of="2026-01-10")
    with pytest.raises(TypeError):
        ngojst.validate(dict(SMALL, year=datetime.datetime(2026, 1, 1)), as_of="2026-01-10")


def test_kind_for_documents_without_kind():
    text = "year: 2025\nsubmitted_on: 2026-05-04\npublished_on: 2026-05-04\n"
    r = ngojst.validate(text, kind="ProgrammeReport", as_of=AS_OF)
    assert r.kind == "ProgrammeReport" and r.ok
    with pytest.raises(ngojst.InputError):
        ngojst.validate(text, as_of=AS_OF)


def test_as_of_is_required_and_typed():
    with pytest.raises(ValueError, match="as_of is required"):
        ngojst.validate(SMALL)
    with pytest.raises(ValueError, match="never reads the clock"):
        ngojst.validate_stream("kind: AnnualProgramme\n")
    with pytest.raises(TypeError):
        ngojst.validate(SMALL, as_of=20260110)
    with pytest.raises(TypeError):
        ngojst.validate(SMALL, as_of=datetime.datetime(2026, 1, 10, 12, 0))
    a = ngojst.validate(SMALL, as_of=datetime.date(2026, 1, 10))
    b = ngojst.validate(SMALL, as_of="2026-01-10")
    assert a.as_of == b.as_of == datetime.date(2026, 1, 10)
    assert a.findings == b.findings


def test_bad_document_types():
    with pytest.raises(TypeError):
        ngojst.validate(42, as_of=AS_OF)
    with pytest.raises(TypeError):
        ngojst.validate(["kind"], as_of=AS_OF)
    with pytest.raises(TypeError):
        ngojst.validate(SMALL, as_of=AS_OF, rules="pl")


def test_second_document_is_an_input_error():
    with pytest.raises(ngojst.InputError):
        ngojst.validate("kind: AnnualProgramme\n---\nkind: AnnualProgramme\n", as_of=AS_OF)


def test_lang():
    pl = ngojst.validate(DATA / "late-programme.yaml", as_of=AS_OF)
    en = ngojst.validate(DATA / "late-programme.yaml", as_of=AS_OF, lang="en")
    assert pl.lang == "pl" and en.lang == "en"
    assert [f.rule_id for f in pl.findings] == [f.rule_id for f in en.findings]
    assert pl.findings[0].message != en.findings[0].message
    assert "ust." in pl.findings[0].citation and "sec." in en.findings[0].citation


HOLIDAY_OVERLAY = """\
ruleset: {id: gmina-h, version: "1", extends: pl}
sources:
  - {id: uh, title: Uchwała, short: {pl: uchwały, en: the resolution}}
rules:
  - id: uh.par1
    kinds: [AnnualProgramme]
    title: {pl: Konsultacje, en: Consultation}
    check:
      date_order:
        first: {days: 4, after: consultation/started_on, roll: holiday}
        then: consultation/ended_on
    severity: error
    consequence: defect
    basis: {act: uh, par: "1"}
    status: CONFIRMED
    message: {pl: "Za krótko: {first}", en: "Too short: {first}"}
"""


def test_holidays_move_deadlines():
    doc = {"kind": "AnnualProgramme", "year": 2026,
           "consultation": {"started_on": "2025-10-06", "ended_on": "2025-10-10"}}
    with ngojst.RuleSet.load(HOLIDAY_OVERLAY) as rs:
        def mine(**kw):
            r = ngojst.validate(doc, as_of="2026-01-10", rules=rs, lang="en", **kw)
            return [f.message for f in r.findings if f.rule_id == "uh.par1"]
        assert mine() == []
        # Friday 10 October declared a day off: the fourth day rolls to Saturday.
        assert mine(holidays=[datetime.date(2025, 10, 10)]) == ["Too short: 2025-10-11"]
        assert mine(holidays=["2025-10-10"]) == ["Too short: 2025-10-11"]
        stream = list(ngojst.validate_stream(json.dumps(doc), as_of="2026-01-10", rules=rs, lang="en",
                                             holidays=["2025-10-10"]))
        assert [f.rule_id for f in stream[0].findings if f.rule_id == "uh.par1"] == ["uh.par1"]


def test_findings_match_the_c_report_and_json(late_text):
    r = ngojst.validate(late_text, as_of=AS_OF, lang="en")
    data = json.loads(r.to_json())
    assert data["ngojst"] == ngojst.library_version()
    (rep,) = data["reports"]
    assert rep == r.to_dict()
    assert rep["summary"] == {"errors": r.errors, "warnings": r.warnings, "notes": r.notes,
                              "dropped": r.dropped, "ok": r.ok}
    assert len(rep["findings"]) == len(r.findings) > 10
    for f, j in zip(r.findings, rep["findings"]):
        assert j == {"rule": f.rule_id, "severity": str(f.severity), "consequence": str(f.consequence),
                     "status": str(f.status), "path": f.path, "line": f.line, "column": f.column,
                     "message": f.message, "citation": f.citation, "ruleset": f.ruleset_id}
    assert rep["as_of"] == r.as_of.isoformat() and rep["law_date"] == r.law_date.isoformat()
    assert rep["rulesets"] == [dataclasses.asdict(x) for x in r.rulesets]


def test_counts(late_text):
    r = ngojst.validate(late_text, as_of=AS_OF)
    by_severity = [sum(f.severity is s for f in r.findings) for s in ngojst.Severity]
    assert [r.notes, r.warnings, r.errors] == by_severity and r.errors > 0
    assert r.count("error") == r.count(ngojst.Severity.ERROR) == r.counts[ngojst.Severity.ERROR] == r.errors
    assert r.count("warning") == r.warnings and r.count("note") == r.notes
    assert sum(r.counts.values()) == len(r.findings) + r.dropped and r.dropped == 0
    assert not r.ok
    assert list(r) == r.findings
    assert f"{r.errors} errors" in repr(r)


def test_finding_dataclass(late_text):
    r = ngojst.validate(late_text, as_of=AS_OF, lang="en")
    f = next(f for f in r.findings if f.rule_id == "udpp.5a.1.deadline")
    assert dataclasses.is_dataclass(f)
    assert [x.name for x in dataclasses.fields(f)] == [
        "rule_id", "severity", "path", "line", "column", "message", "citation", "ruleset_id",
        "consequence", "status"]
    assert f.rule_id == "udpp.5a.1.deadline" and f.severity is ngojst.Severity.ERROR
    assert (f.line, f.column, f.path) == (6, 48, "/resolution/adopted_on")
    assert f.consequence is ngojst.Consequence.LATE and f.ruleset_id == "pl"
    assert isinstance(f.status, ngojst.Status)
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.line = 1


def test_enums_print_as_the_library_names():
    assert [str(s) for s in ngojst.Severity] == ["note", "warning", "error"]
    assert ngojst.Severity.ERROR > ngojst.Severity.WARNING > ngojst.Severity.NOTE
    assert [str(c) for c in ngojst.Consequence] == ["none", "late", "defect", "invalid", "advice"]
    assert [str(s) for s in ngojst.Status] == ["CONFIRMED-CUR", "CONFIRMED-OLD", "CONFIRMED",
                                                "SECONDARY", "INFERRED", "UNCONFIRMED"]


def test_output_formats(late_text):
    r = ngojst.validate(late_text, as_of=AS_OF, lang="en", source="late.yaml")
    text = r.to_text()
    assert text.startswith("late.yaml:3:1: error: ")
    assert text.endswith(f"{r.errors} errors, {r.warnings} warnings, {r.notes} notes in 1 document\n")
    assert text.count("\n") == 2 * len(r.findings) + 1
    sarif = json.loads(r.to_sarif())
    assert sarif["version"] == "2.1.0"
    assert len(sarif["runs"][0]["results"]) == len(r.findings)
    assert ngojst.format_reports([r], "json") == r.to_json()
    assert ngojst.format_reports([r, r], "text").endswith("in 2 documents\n")
    empty = json.loads(ngojst.format_reports([], "json"))
    assert empty["reports"] == []
    with pytest.raises(ngojst.InvalidArgumentError):
        ngojst.format_reports([r], "xml")
    with pytest.raises(TypeError):
        ngojst.format_reports(["not a report"], "json")


def test_close_and_context_manager(late_text):
    with ngojst.validate(late_text, as_of=AS_OF) as r:
        n, errors = len(r.findings), r.errors
        assert not r.closed
        r.to_json()
    assert r.closed
    r.close()  # idempotent
    assert r.errors == errors and len(r.findings) == n  # data stays readable
    for call in (r.to_json, r.to_sarif, r.to_text):
        with pytest.raises(ValueError, match="closed"):
            call()


def test_reports_cannot_be_made_directly():
    with pytest.raises(TypeError):
        ngojst.Report()


def test_kinds():
    ks = ngojst.kinds()
    assert "AnnualProgramme" in [k.name for k in ks]
    assert all(k.description for k in ks)
