#!/usr/bin/env python3
"""Validate one document many times and report the growth of the resident set.

Usage (from the source tree, with a built library):

    NGOJST_LIBRARY=BUILD/lib/libngojst.so PYTHONPATH=bindings/python \\
        python3 bindings/python/tools/leakcheck.py [--count 100000] [--warmup 2000]
        [--mode text|dict|path|stream|error|format] [--limit-mib 2]

Each iteration makes a report (or, in mode "error", an exception with
diagnostics) and drops it. RSS is read from /proc/self/statm after the
warm-up and at the end. Exits 1 if it grew by more than --limit-mib.
The test suite runs a shorter loop (tests/test_memory.py).
"""

from __future__ import annotations

import argparse
import datetime
import gc
import os
import pathlib
import sys
import time
from typing import Callable

import ngojst

HERE = pathlib.Path(__file__).resolve().parent
SAMPLE = HERE.parent.parent.parent / "tests" / "data" / "cli" / "late-programme.yaml"
AS_OF = datetime.date(2026, 1, 10)


def rss_bytes() -> int:
    """Resident set size of this process, from /proc/self/statm."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def make_step(mode: str, sample: pathlib.Path) -> Callable[[], None]:
    text = sample.read_text(encoding="utf-8")
    rules = ngojst.RuleSet.builtin()

    if mode == "text":
        def step() -> None:
            ngojst.validate(text, as_of=AS_OF, rules=rules).findings
    elif mode == "dict":
        doc = {"kind": "AnnualProgramme", "year": 2026,
               "resolution": {"number": "XX/1/2025", "adopted_on": datetime.date(2025, 12, 1)},
               "priority_tasks": [{"name": "Sport", "area": "17", "amount": 1000}], "funds": 900}

        def step() -> None:
            ngojst.validate(doc, as_of=AS_OF, rules=rules, lang="en").findings
    elif mode == "path":
        def step() -> None:
            ngojst.validate(sample, as_of=AS_OF, rules=rules).findings
    elif mode == "stream":
        stream_text = text + "\n---\n" + text

        def step() -> None:
            for r in ngojst.validate_stream(stream_text, as_of=AS_OF, rules=rules):
                r.findings
    elif mode == "error":
        def step() -> None:
            try:
                ngojst.validate("kind: AnnualProgramme\nyaer: 2026\nfunds: -1\n", as_of=AS_OF, rules=rules)
            except ngojst.InputError as e:
                e.diagnostics
    elif mode == "format":
        def step() -> None:
            with ngojst.validate(text, as_of=AS_OF, rules=rules) as r:
                r.to_json()
                r.to_sarif()
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    return step


def measure(count: int, warmup: int, mode: str = "text", sample: pathlib.Path = SAMPLE):
    """(rss after warm-up, rss at the end, seconds for the measured loop)."""
    step = make_step(mode, sample)
    for _ in range(warmup):
        step()
    gc.collect()
    before = rss_bytes()
    t0 = time.perf_counter()
    for _ in range(count):
        step()
    elapsed = time.perf_counter() - t0
    gc.collect()
    return before, rss_bytes(), elapsed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--warmup", type=int, default=2_000)
    ap.add_argument("--mode", default="text", choices=["text", "dict", "path", "stream", "error", "format"])
    ap.add_argument("--sample", type=pathlib.Path, default=SAMPLE)
    ap.add_argument("--limit-mib", type=float, default=2.0)
    a = ap.parse_args()
    before, after, elapsed = measure(a.count, a.warmup, a.mode, a.sample)
    growth = after - before
    print(f"mode={a.mode} count={a.count} warmup={a.warmup} library={ngojst.library_path()}")
    print(f"rss before={before / 2**20:.2f} MiB after={after / 2**20:.2f} MiB "
          f"growth={growth / 2**10:.0f} KiB ({growth} bytes)")
    print(f"time={elapsed:.1f} s ({elapsed / a.count * 1e6:.0f} us per iteration)")
    ok = growth < a.limit_mib * 2**20
    print("OK" if ok else f"FAIL: grew by more than {a.limit_mib} MiB")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
