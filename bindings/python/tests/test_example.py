"""examples/python/check_programme.py runs as documented."""

from __future__ import annotations

import pytest

from conftest import SRCDIR, run_python

SCRIPT = SRCDIR / "examples" / "python" / "check_programme.py"


@pytest.fixture(autouse=True)
def _script():
    if not SCRIPT.exists():
        pytest.skip("no example script")


def test_clean_programme():
    p = run_python([str(SCRIPT), "examples/samples/programme-2026.yaml", "2025-11-30"])
    assert p.returncode == 0, p.stderr
    assert p.stdout.decode().rstrip().endswith("OK")


def test_programme_with_findings_and_overlay():
    args = [str(SCRIPT), "tests/data/cli/late-programme.yaml", "2026-01-10"]
    overlay = SRCDIR / "tests" / "data" / "cli" / "loosening.yaml"
    p = run_python(args + [str(overlay)])
    assert p.returncode == 1, p.stderr
    assert "needs work" in p.stdout.decode() and "overlay conflict" in p.stderr.decode()


def test_unusable_input_and_usage():
    p = run_python([str(SCRIPT), "tests/data/cli/bad-input.yaml", "2026-01-10"])
    assert p.returncode == 2 and b"unknown key" in p.stderr
    p = run_python([str(SCRIPT)])
    assert p.returncode == 2 and b"Usage" in p.stderr
