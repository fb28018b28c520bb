"""Shared fixtures. Environment (set by `meson test --suite python`):

NGOJST_LIBRARY  the built libngojst.so
NGOJST_SRCDIR   the source tree (default: three folders up from here)
NGOJST_CLI      the C `ngojst` tool, for output comparisons (tests skip without it)
"""

from __future__ import annotations

import datetime
import os
import pathlib
import subprocess
import sys
from typing import List, Optional

import pytest

import ngojst

HERE = pathlib.Path(__file__).resolve().parent
PKGDIR = HERE.parent
SRCDIR = pathlib.Path(os.environ.get("NGOJST_SRCDIR") or HERE.parents[2]).resolve()
DATA = SRCDIR / "tests" / "data" / "cli"
SAMPLE = SRCDIR / "examples" / "samples" / "programme-2026.yaml"
AS_OF = datetime.date(2026, 11, 26)

# A small overlay: an earlier adoption deadline, a raised severity, a new rule.
OVERLAY = """\
ruleset: {id: gmina-test, version: "1", extends: pl}
sources:
  - id: utest
    title: Uchwała testowa
    short: {pl: uchwały testowej, en: the test resolution}
params:
  programme_adoption_deadline:
    values:
      - {valid_from: 2020-01-01, value: {month: 10, day: 31, year_offset: -1}}
overrides:
  - rule: udpp.5.3
    severity: error
rules:
  - id: utest.par1
    kinds: [AnnualProgramme]
    title: {pl: Tytuł programu, en: Programme title}
    check: {required: title}
    severity: warning
    consequence: defect
    basis: {act: utest, par: "1"}
    status: CONFIRMED
    message: {pl: "Program nie ma tytułu.", en: "The programme has no title."}
"""


def subprocess_env(**extra: str) -> dict:
    """Environment for a child Python that imports this package from the tree."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(PKGDIR)] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p])
    env.update(extra)
    return env


def run_python(args: List[str], stdin: Optional[bytes] = None, cwd: pathlib.Path = SRCDIR,
               env: Optional[dict] = None, timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable] + args, cwd=cwd, input=stdin or b"", capture_output=True,
                          env=env or subprocess_env(), timeout=timeout)


def cli_path() -> Optional[str]:
    cli = os.environ.get("NGOJST_CLI")
    return cli if cli and os.access(cli, os.X_OK) else None


@pytest.fixture
def c_cli() -> str:
    cli = cli_path()
    if not cli:
        pytest.skip("NGOJST_CLI (the C ngojst tool) is not set")
    return cli


@pytest.fixture(scope="session")
def builtin() -> ngojst.RuleSet:
    with ngojst.RuleSet.builtin() as rs:
        yield rs


@pytest.fixture
def late_text() -> str:
    return (DATA / "late-programme.yaml").read_text(encoding="utf-8")
