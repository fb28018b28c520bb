"""Finding and loading the C library, and the version check at import."""

from __future__ import annotations

import os
import pathlib
import re
import shutil

import pytest

import ngojst
from ngojst import _lib

from conftest import PKGDIR, SRCDIR, run_python, subprocess_env


def test_versions():
    assert re.fullmatch(r"\d+\.\d+\.\d+", ngojst.__version__)
    assert ngojst.library_version() == _lib.LIBRARY_VERSION
    assert ngojst.library_version().split(".")[:2] == ngojst.__version__.split(".")[:2]
    assert ngojst.library_path()


def test_package_version_matches_meson_project():
    meson = (SRCDIR / "meson.build").read_text(encoding="utf-8")
    m = re.search(r"project\(\s*'ngojst'.*?version:\s*'([^']+)'", meson, re.S)
    assert m, "no version in meson.build"
    assert ngojst.__version__ == m.group(1)


def test_environment_variable_is_used():
    lib = os.environ.get("NGOJST_LIBRARY")
    if not lib:
        pytest.skip("NGOJST_LIBRARY is not set")
    assert ngojst.library_path() == lib


def test_bad_environment_variable_fails_import(tmp_path):
    p = run_python(["-c", "import ngojst"], env=subprocess_env(NGOJST_LIBRARY=str(tmp_path / "nope.so")))
    assert p.returncode != 0
    assert b"ImportError" in p.stderr and b"NGOJST_LIBRARY" in p.stderr


def test_system_loader_and_soname_fallback():
    lib = os.environ.get("NGOJST_LIBRARY")
    if not lib:
        pytest.skip("NGOJST_LIBRARY is not set")
    libdir = str(pathlib.Path(lib).resolve().parent)
    env = subprocess_env(LD_LIBRARY_PATH=libdir)
    env.pop("NGOJST_LIBRARY")
    p = run_python(["-c", "import ngojst; print(ngojst.library_path()); print(ngojst.library_version())"], env=env)
    assert p.returncode == 0, p.stderr
    path, version = p.stdout.decode().split()
    assert "libngojst" in path
    assert version == ngojst.library_version()


def test_no_library_fails_with_a_clear_message(tmp_path):
    env = subprocess_env(LD_LIBRARY_PATH=str(tmp_path))
    env.pop("NGOJST_LIBRARY", None)
    probe = run_python(["-c", "import ctypes.util; print(ctypes.util.find_library('ngojst'))"], env=env)
    if probe.stdout.strip() != b"None":
        pytest.skip("libngojst is installed system-wide")
    p = run_python(["-c", "import ngojst"], env=env)
    assert p.returncode != 0
    err = p.stderr.decode()
    assert "ImportError" in err and "NGOJST_LIBRARY" in err and "libngojst.so.0" in err


def test_version_mismatch_fails_import(tmp_path):
    copy = tmp_path / "ngojst"
    shutil.copytree(PKGDIR / "ngojst", copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "_version.py").write_text('__version__ = "0.99.0"\n')
    env = subprocess_env()
    env["PYTHONPATH"] = str(tmp_path)
    p = run_python(["-c", "import ngojst"], env=env, cwd=tmp_path)
    assert p.returncode != 0
    err = p.stderr.decode()
    assert "ImportError" in err and "0.99" in err and ngojst.library_version() in err


def test_every_function_has_a_prototype():
    for name in _lib.FUNCTIONS:
        f = getattr(_lib.lib, name)
        assert f.argtypes is not None, name
        assert name.startswith("ngojst_")


def test_py_typed_is_shipped():
    assert (PKGDIR / "ngojst" / "py.typed").exists()
