"""`pip install --no-build-isolation --no-index bindings/python` into a venv works
(no compiler, no network, no dependency outside the standard library)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

import ngojst

from conftest import PKGDIR


@pytest.mark.install
def test_pip_install_into_a_venv(tmp_path):
    lib = os.environ.get("NGOJST_LIBRARY")
    if not lib:
        pytest.skip("NGOJST_LIBRARY is not set")
    probe = subprocess.run([sys.executable, "-m", "pip", "--version"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("pip is not available")
    # Build from a copy: pip builds in the tree and would leave build/ and *.egg-info behind.
    src = tmp_path / "src"
    shutil.copytree(PKGDIR, src, ignore=shutil.ignore_patterns("__pycache__", "build", "*.egg-info", "tests", "tools"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True, timeout=120)
    vpy = venv / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PIP_REQUIRE_VIRTUALENV")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    p = subprocess.run([str(vpy), "-m", "pip", "install", "--no-build-isolation", "--no-index", str(src)],
                       capture_output=True, env=env, timeout=300, cwd=tmp_path)
    assert p.returncode == 0, p.stdout.decode() + p.stderr.decode()
    code = ("import ngojst, pathlib, sys; "
            "print(pathlib.Path(ngojst.__file__).parent.parent == pathlib.Path(sys.prefix) / "
            "'lib' / f'python{sys.version_info[0]}.{sys.version_info[1]}' / 'site-packages'); "
            "print(ngojst.__version__); "
            "print((pathlib.Path(ngojst.__file__).parent / 'py.typed').exists()); "
            "print(ngojst.validate('kind: ProgrammeReport\\nyear: 2025\\n', as_of='2026-01-01').kind)")
    p = subprocess.run([str(vpy), "-c", code], capture_output=True, env=dict(env, NGOJST_LIBRARY=lib),
                       timeout=60, cwd=tmp_path)
    assert p.returncode == 0, p.stderr.decode()
    assert p.stdout.decode().split() == ["True", ngojst.__version__, "True", "ProgrammeReport"]
    p = subprocess.run([str(vpy), "-m", "ngojst", "kinds"], capture_output=True,
                       env=dict(env, NGOJST_LIBRARY=lib), timeout=60, cwd=tmp_path)
    assert p.returncode == 0 and b"AnnualProgramme" in p.stdout
