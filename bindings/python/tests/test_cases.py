"""run_cases(): declarative test-case files."""

from __future__ import annotations

import dataclasses

import pytest

import ngojst

from conftest import DATA, OVERLAY, SRCDIR


def test_small_cases_file():
    results = ngojst.run_cases(DATA / "small.cases.yaml")
    assert [dataclasses.is_dataclass(r) for r in results] == [True, True]
    ok, bad = results
    assert (ok.name, ok.passed, ok.detail) == ("on time", True, "")
    assert bad.name == "deliberately wrong expectation" and not bad.passed and bad.detail
    assert ok.source == bad.source == str(DATA / "small.cases.yaml")
    assert 0 < ok.line < bad.line


def test_str_path_and_rules(builtin):
    results = ngojst.run_cases(str(DATA / "small.cases.yaml"), rules=builtin)
    assert [r.passed for r in results] == [True, False]


def test_project_case_files_run():
    files = sorted((SRCDIR / "tests" / "cases").glob("*.cases.yaml"))
    if not files:
        pytest.skip("no case files")
    for f in files:
        results = ngojst.run_cases(f)
        assert results and all(r.source == str(f) for r in results)
        assert all(r.passed == (r.detail == "") for r in results)


def test_cases_with_an_overlay(tmp_path):
    (tmp_path / "gmina.yaml").write_text(OVERLAY, encoding="utf-8")
    (tmp_path / "t.cases.yaml").write_text(
        "as_of: 2026-01-10\n"
        "rulesets: [gmina.yaml]\n"
        "cases:\n"
        "  - name: the overlay's rule fires\n"
        "    document: {kind: AnnualProgramme, year: 2026}\n"
        "    only: [utest.par1]\n"
        "    expect: [{rule: utest.par1, path: /title, severity: warning}]\n", encoding="utf-8")
    (r,) = ngojst.run_cases(tmp_path / "t.cases.yaml")
    assert r.passed, r.detail


def test_holidays_argument():
    results = ngojst.run_cases(DATA / "small.cases.yaml", holidays=["2025-12-24"])
    assert len(results) == 2


def test_malformed_cases_file(tmp_path):
    bad = tmp_path / "bad.cases.yaml"
    bad.write_text("cases: 5\n", encoding="utf-8")
    with pytest.raises(ngojst.NgojstError) as ei:
        ngojst.run_cases(bad)
    assert ei.value.diagnostics
    bad.write_text("cases: [\n", encoding="utf-8")
    with pytest.raises(ngojst.ParseError):
        ngojst.run_cases(bad)
    with pytest.raises(TypeError):
        ngojst.run_cases(bad, rules="pl")
