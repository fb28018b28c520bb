"""RuleSet: the built-in set, overlays, rules, layers, conflicts, lifetime."""

from __future__ import annotations

import dataclasses
import datetime
import threading
import time

import pytest

import ngojst

from conftest import AS_OF, DATA, OVERLAY, SAMPLE


def test_builtin(builtin):
    assert builtin.id == "pl"
    (layer,) = builtin.layers
    assert layer.id == "pl" and layer.source == "<builtin>"
    assert layer.sha256 == ngojst.RuleSet.builtin_sha256()
    assert len(layer.sha256) == 64
    assert "pl" in repr(builtin)
    assert builtin.conflicts == []


def test_builtin_returns_independent_handles():
    a, b = ngojst.RuleSet.builtin(), ngojst.RuleSet.builtin()
    a.close()
    assert a.closed and not b.closed
    assert b.rules
    b.close()


def test_rules(builtin):
    rules = builtin.rules
    assert len(rules) > 10
    assert len({r.id for r in rules}) == len(rules)
    r = builtin.find_rule("udpp.5a.1.deadline")
    assert r is not None and r in rules and dataclasses.is_dataclass(r)
    assert r.kinds == ("AnnualProgramme",) and r.check == "deadline"
    assert r.severity is ngojst.Severity.ERROR and r.consequence is ngojst.Consequence.LATE
    assert isinstance(r.status, ngojst.Status)
    assert r.enabled and r.ruleset_id == r.changed_by == "pl"
    assert "udpp" in r.citation("pl") and "udpp" in r.citation("en")
    assert r.title("en") == r.title_en and r.title("pl") == r.title_pl
    assert r.message_pl and r.message_en
    assert r.valid_from is None or isinstance(r.valid_from, datetime.date)
    assert builtin["udpp.5a.1.deadline"] == r
    assert "udpp.5a.1.deadline" in builtin and "no.such.rule" not in builtin and 5 not in builtin
    assert builtin.find_rule("no.such.rule") is None
    with pytest.raises(KeyError):
        builtin["no.such.rule"]


def test_overlay_from_text(builtin):
    national = builtin["udpp.5.3"].severity
    with ngojst.RuleSet.load(OVERLAY, extends=builtin) as rs:
        assert [l.id for l in rs.layers] == ["pl", "gmina-test"]
        assert rs.layers[1].source == "<string>" and rs.id == "gmina-test"
        assert rs.conflicts == []
        raised = rs["udpp.5.3"]
        assert raised.severity is ngojst.Severity.ERROR
        assert raised.ruleset_id == "pl" and raised.changed_by == "gmina-test"
        new = rs["utest.par1"]
        assert new.ruleset_id == "gmina-test" and new.citation_pl == "§ 1 uchwały testowej"
        assert len(rs.rules) == len(builtin.rules) + 1
        r = ngojst.validate(DATA / "late-programme.yaml", as_of=AS_OF, rules=rs)
        assert [x.id for x in r.rulesets] == ["pl", "gmina-test"]
        by_id = {f.rule_id: f for f in r.findings}
        assert by_id["utest.par1"].ruleset_id == "gmina-test" and by_id["utest.par1"].severity is ngojst.Severity.WARNING
        assert by_id["udpp.5.3"].severity is ngojst.Severity.ERROR and by_id["udpp.5.3"].ruleset_id == "gmina-test"
    # The base is untouched and still usable.
    assert builtin["udpp.5.3"].severity is national


def test_overlay_from_file_and_bytes(tmp_path, builtin):
    path = tmp_path / "gmina.yaml"
    path.write_text(OVERLAY, encoding="utf-8")
    from_file = ngojst.RuleSet.load(path, extends=builtin)
    from_bytes = ngojst.RuleSet.load(OVERLAY.encode(), extends=builtin, source_name="gmina.yaml")
    assert from_file.layers[1].source == str(path)
    assert from_bytes.layers[1].source == "gmina.yaml"
    assert from_file.layers[1].sha256 == from_bytes.layers[1].sha256


def test_overlay_without_extends_goes_on_the_builtin_set():
    rs = ngojst.RuleSet.load(OVERLAY)
    assert [l.id for l in rs.layers] == ["pl", "gmina-test"]


def test_overlay_on_an_overlay(builtin):
    second = OVERLAY.replace("id: gmina-test, version: \"1\", extends: pl",
                             "id: gmina-test2, version: \"2\", extends: gmina-test") \
        .replace("utest", "utest2").replace("udpp.5.3\n    severity: error", "udpp.5.2\n    severity: warning") \
        .replace("{valid_from: 2020-01-01, value: {month: 10, day: 31", "{valid_from: 2020-01-01, value: {month: 10, day: 15")
    base = ngojst.RuleSet.load(OVERLAY, extends=builtin)
    top = ngojst.RuleSet.load(second, extends=base)
    base.close()  # the result does not depend on its base
    assert [l.id for l in top.layers] == ["pl", "gmina-test", "gmina-test2"]
    assert top["udpp.5.2"].changed_by == "gmina-test2"
    assert "utest.par1" in top and "utest2.par1" in top


def test_conflicts_are_reported_not_applied(builtin):
    rs = ngojst.RuleSet.load(DATA / "loosening.yaml", extends=builtin)
    conflicts = rs.conflicts
    assert len(conflicts) == 2
    for d in conflicts:
        assert isinstance(d, ngojst.Diagnostic)
        assert d.source == str(DATA / "loosening.yaml") and d.line > 0 and d.column > 0
        assert d.code == ngojst.ErrorCode.ERULESET and "loosen" in d.message or "switches off" in d.message
    assert rs["udpp.5a.1.deadline"].enabled
    r = ngojst.validate(SAMPLE, as_of=AS_OF, rules=rs)
    assert any("overlay" in f.rule_id for f in r.findings)


def test_extends_must_match(builtin):
    text = OVERLAY.replace("extends: pl", "extends: somebody-else")
    with pytest.raises(ngojst.RuleSetError):
        ngojst.RuleSet.load(text, extends=builtin)


def test_bad_arguments(builtin):
    with pytest.raises(TypeError):
        ngojst.RuleSet.load(OVERLAY, extends="pl")
    with pytest.raises(TypeError):
        ngojst.RuleSet.load(42)
    with pytest.raises(TypeError):
        ngojst.RuleSet()
    with pytest.raises(ngojst.ParseError):
        ngojst.RuleSet.load("ruleset: [\n")


def test_closed_rule_set():
    rs = ngojst.RuleSet.builtin()
    with rs:
        pass
    assert rs.closed and "closed" in repr(rs)
    rs.close()
    for call in (lambda: rs.rules, lambda: rs.layers, lambda: rs.conflicts, lambda: rs.find_rule("x"),
                 lambda: ngojst.validate(SAMPLE, as_of=AS_OF, rules=rs),
                 lambda: ngojst.RuleSet.load(OVERLAY, extends=rs)):
        with pytest.raises(ValueError, match="closed"):
            call()


def test_close_waits_for_validation_in_use():
    rs = ngojst.RuleSet.builtin()
    entered = threading.Event()
    closed = []

    def closer():
        entered.wait()
        rs.close()
        closed.append(time.monotonic())

    t = threading.Thread(target=closer)
    t.start()
    with rs._use():
        entered.set()
        time.sleep(0.2)
        assert not closed and not rs.closed
        released_at = time.monotonic()
    t.join()
    assert rs.closed and closed[0] >= released_at
