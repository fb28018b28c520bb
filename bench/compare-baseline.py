#!/usr/bin/env python3
"""Instructions per document, counted by valgrind (callgrind), against the
committed baseline (bench/baseline.json).

    compare-baseline.py --bench BUILD/bench/ngojst-bench [--optimization 2]
                        [--tolerance 0.10] [--update] [--workdir DIR]

For each mode of ngojst-bench (libyaml, load, check) it counts the
instructions of a run over the 1 000-document corpus and of a run over the
1-document corpus, both read into memory first; (I(1000) - I(1)) / 999 is the
cost of one document, start-up and rule-set loading excluded. The counts are
repeatable on a busy machine, unlike times.

The check fails (exit 1) when `load` or `check` needs more than
(1 + tolerance) times its baseline; `libyaml` is shown for reference (it
changes only with libyaml itself). Baselines are kept per optimisation
level, since -O2 and -O3 code differ; with no baseline for this build the
check is skipped (exit 77). --update records the measured counts. Uses only
the standard library and valgrind.
"""
import argparse
import concurrent.futures
import datetime
import json
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen  # noqa: E402

MODES = ("libyaml", "load", "check")
GATED = ("load", "check")
DOCS = 1000


def corpus(workdir):
    """docs-1.yaml and docs-1000.yaml in workdir (regenerated when gen.py changed)."""
    os.makedirs(workdir, exist_ok=True)
    paths = {}
    for n in (1, DOCS):
        exp = os.path.join(workdir, "docs-%d.expected.json" % n)
        fresh = False
        if os.path.exists(exp):
            with open(exp, encoding="utf-8") as f:
                fresh = json.load(f).get("generator") == gen.generator_id()
        if not fresh:
            gen.generate(n, workdir)
        paths[n] = os.path.join(workdir, "docs-%d.yaml" % n)
    return paths


def instructions(valgrind, bench, mode, path):
    """Total instructions (callgrind's Ir) of one run."""
    cmd = [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", bench, mode, path]
    env = dict(os.environ)
    env.pop("MALLOC_PERTURB_", None)  # (meson sets it for tests: a memset per allocation)
    env.pop("MALLOC_CHECK_", None)
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    if p.returncode != 0:
        raise RuntimeError("%s failed:\n%s" % (" ".join(cmd), p.stderr))
    m = re.search(r"Collected\s*:\s*(\d+)", p.stderr)
    if not m:
        raise RuntimeError("no instruction count in valgrind's output:\n" + p.stderr)
    return int(m.group(1))


def measure(bench, workdir, valgrind="valgrind", modes=MODES, jobs=None):
    """{mode: instructions per document} over the 1 000-document corpus."""
    paths = corpus(workdir)
    jobs = jobs or max(1, min(len(modes) * 2, os.cpu_count() or 1))
    with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
        futs = {(m, n): ex.submit(instructions, valgrind, bench, m, paths[n]) for m in modes for n in (1, DOCS)}
        counts = {k: f.result() for k, f in futs.items()}
    return {m: (counts[(m, DOCS)] - counts[(m, 1)]) / (DOCS - 1) for m in modes}, counts


def libyaml_version():
    try:
        out = subprocess.run(["pkg-config", "--modversion", "yaml-0.1"], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True).stdout.strip()
        return out or "?"
    except OSError:
        return "?"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bench", required=True, help="the ngojst-bench executable")
    ap.add_argument("--baseline", default=os.path.join(HERE, "baseline.json"))
    ap.add_argument("--optimization", default="2", help="the build's optimisation level (meson's optimization)")
    ap.add_argument("--tolerance", type=float, default=None, help="allowed growth (default: the baseline's, else 0.10)")
    ap.add_argument("--workdir", default=os.path.join(HERE, "out", "ir"))
    ap.add_argument("--update", action="store_true", help="record the measured counts as the baseline")
    ap.add_argument("--json", action="store_true", help="print the measurement as JSON")
    a = ap.parse_args()

    valgrind = shutil.which("valgrind")
    if not valgrind:
        print("valgrind not found: skipped")
        return 77
    key = "O" + str(a.optimization)
    try:
        with open(a.baseline, encoding="utf-8") as f:
            base = json.load(f)
    except FileNotFoundError:
        base = {}
    base.setdefault("configs", {})
    tol = a.tolerance if a.tolerance is not None else base.get("tolerance", 0.10)

    per_doc, raw = measure(os.path.abspath(a.bench), a.workdir, valgrind)
    if a.json:
        print(json.dumps({"config": key, "per_doc": per_doc, "raw": {"%s/%d" % k: v for k, v in raw.items()}}))

    ref = base["configs"].get(key)
    print("instructions per document (valgrind callgrind, %d-document corpus, build -%s):" % (DOCS, key))
    failed = False
    for m in MODES:
        line = "  %-8s %10.0f" % (m, per_doc[m])
        if ref and m in ref:
            r = per_doc[m] / ref[m]
            line += "   baseline %10.0f   %+6.1f %%" % (ref[m], (r - 1) * 100)
            if m in GATED and r > 1 + tol:
                line += "   FAIL (more than +%.0f %%)" % (tol * 100)
                failed = True
            elif m in GATED and r < 1 - tol:
                line += "   (much better: update the baseline with --update)"
        print(line)
    print("  check/libyaml: %.3f instructions (ngojst checking costs %.0f %% of raw libyaml parsing on top)" % (
        per_doc["check"] / per_doc["libyaml"], (per_doc["check"] / per_doc["libyaml"] - 1) * 100))

    if a.update:
        base["tolerance"] = tol
        base["corpus"] = {"generator": gen.generator_id(), "documents": DOCS, "seed": gen.SEED}
        base["configs"][key] = {
            "libyaml": round(per_doc["libyaml"]), "load": round(per_doc["load"]), "check": round(per_doc["check"]),
            "recorded": datetime.date.today().isoformat(), "libyaml_version": libyaml_version(),
        }
        with open(a.baseline, "w", encoding="utf-8") as f:
            json.dump(base, f, indent=2, sort_keys=True)
            f.write("\n")
        print("baseline for -%s written to %s" % (key, a.baseline))
        return 0
    if not ref:
        print("no baseline for -%s in %s: skipped (record one with --update)" % (key, a.baseline))
        return 77
    if base.get("corpus", {}).get("generator") not in (None, gen.generator_id()):
        print("note: bench/gen.py changed since the baseline was recorded; counts may differ for that reason")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
