"""The ctypes mirrors agree with the public headers (fields, enums, functions)."""

from __future__ import annotations

import ctypes
import re

import pytest

import ngojst
from ngojst import _lib

from conftest import SRCDIR

INCLUDE = SRCDIR / "include" / "ngojst"


def _header_text() -> str:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(INCLUDE.glob("*.h")))
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", " ", text)


@pytest.fixture(scope="module")
def headers() -> str:
    if not INCLUDE.is_dir():
        pytest.skip("no source tree")
    return _header_text()


def struct_fields(text: str, name: str):
    m = re.search(r"typedef\s+struct\s+" + name + r"\s*\{(.*?)\}\s*" + name + r"\s*;", text, re.S)
    assert m, name
    fields = []
    for decl in m.group(1).split(";"):
        decl = decl.strip()
        if not decl:
            continue
        fm = re.search(r"(\w+)\s*(\[[^\]]*\])?$", decl)
        fields.append(fm.group(1))
    return fields


@pytest.mark.parametrize("cname, mirror", [
    ("ngojst_date", _lib.Date),
    ("ngojst_diag", _lib.Diag),
    ("ngojst_finding", _lib.Finding),
    ("ngojst_report_ruleset", _lib.ReportRuleset),
    ("ngojst_rule_info", _lib.RuleInfo),
    ("ngojst_case_result", _lib.CaseResult),
    ("ngojst_validate_options", _lib.ValidateOptions),
])
def test_structures_mirror_headers(headers, cname, mirror):
    mine, header = [f[0] for f in mirror._fields_], struct_fields(headers, cname)
    # A prefix is what safety needs (structs are read through pointers);
    # the whole struct is what completeness needs.
    assert header[:len(mine)] == mine, f"{cname}: the ctypes mirror in ngojst/_lib.py disagrees with the header"
    assert mine == header, f"{cname}: fields {header[len(mine):]} are not mirrored in ngojst/_lib.py yet"


def enum_values(text: str, name: str):
    m = re.search(r"typedef\s+enum\s+" + name + r"\s*\{(.*?)\}\s*" + name + r"\s*;", text, re.S)
    assert m, name
    values, nxt = {}, 0
    for item in m.group(1).split(","):
        item = item.strip()
        if not item:
            continue
        if "=" in item:
            key, val = (s.strip() for s in item.split("="))
            nxt = int(val)
        else:
            key = item
        values[key] = nxt
        nxt += 1
    return values


@pytest.mark.parametrize("cname, prefix, pyenum", [
    ("ngojst_error_code", "NGOJST_", ngojst.ErrorCode),
    ("ngojst_severity", "NGOJST_SEVERITY_", ngojst.Severity),
    ("ngojst_consequence", "NGOJST_CONSEQUENCE_", ngojst.Consequence),
    ("ngojst_status", "NGOJST_STATUS_", ngojst.Status),
])
def test_enums_mirror_headers(headers, cname, prefix, pyenum):
    c = {k[len(prefix):]: v for k, v in enum_values(headers, cname).items()}
    assert c == {m.name: m.value for m in pyenum}


def test_other_constants(headers):
    assert enum_values(headers, "ngojst_lang") == {"NGOJST_LANG_PL": _lib.LANG_PL, "NGOJST_LANG_EN": _lib.LANG_EN}
    assert enum_values(headers, "ngojst_format") == {
        "NGOJST_FORMAT_TEXT": _lib.FORMAT_TEXT, "NGOJST_FORMAT_JSON": _lib.FORMAT_JSON,
        "NGOJST_FORMAT_SARIF": _lib.FORMAT_SARIF, "NGOJST_FORMAT_TEXT_FINDINGS": _lib.FORMAT_TEXT_FINDINGS}
    m = re.search(r"#define\s+NGOJST_VALIDATE_OPTIONS_VERSION\s+(\d+)",
                  (INCLUDE / "validate.h").read_text(encoding="utf-8"))
    assert int(m.group(1)) == _lib.VALIDATE_OPTIONS_VERSION
    m = re.search(r"ngojst_soversion\s*=\s*(\d+)", (SRCDIR / "meson.build").read_text(encoding="utf-8"))
    assert int(m.group(1)) == _lib.SOVERSION


def test_declared_functions_are_public(headers):
    public = set(re.findall(r"NGOJST_API\s[^;]*?\b(ngojst_\w+)\s*\(", headers))
    assert set(_lib.FUNCTIONS) <= public, set(_lib.FUNCTIONS) - public


def test_date_is_four_bytes():
    assert ctypes.sizeof(_lib.Date) == 4
