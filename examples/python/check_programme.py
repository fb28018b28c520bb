#!/usr/bin/env python3
"""Check an annual cooperation programme with the ngojst Python binding.

Usage: check_programme.py PROGRAMME.yaml [AS_OF] [OVERLAY.yaml]

Prints each finding with its legal basis, then a verdict; exits 0 when the
programme is clean, 1 when it has errors or warnings, 2 when it cannot be
checked. AS_OF (YYYY-MM-DD) is the day to check as of: the library never
reads the clock, so this script says "today" explicitly when it is left out.

From the source tree: NGOJST_LIBRARY=BUILD/lib/libngojst.so
PYTHONPATH=bindings/python python3 examples/python/check_programme.py
examples/samples/programme-2026.yaml 2025-11-30

SPDX-License-Identifier: CC0-1.0 (copy freely)
"""

import datetime
import pathlib
import sys

import ngojst


def main(argv):
    if not 2 <= len(argv) <= 4:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    path = pathlib.Path(argv[1])
    as_of = argv[2] if len(argv) > 2 else datetime.date.today()

    try:
        # The national rule set, with a municipality's overlay on top if given.
        rules = ngojst.RuleSet.builtin()
        if len(argv) > 3:
            rules = ngojst.RuleSet.load(pathlib.Path(argv[3]), extends=rules)
            for conflict in rules.conflicts:
                print(f"overlay conflict: {conflict}", file=sys.stderr)
        report = ngojst.validate(path, as_of=as_of, rules=rules, lang="en")
    except ngojst.NgojstError as e:
        # Not YAML, wrong types, unknown keys, a missing file...: the
        # programme could not be checked at all.
        for d in e.diagnostics:
            print(f"{d.source}:{d.line}:{d.column}: {d.message}", file=sys.stderr)
        if not e.diagnostics:
            print(e, file=sys.stderr)
        return 2

    with report:
        layers = " + ".join(f"{r.id} {r.version}" for r in report.rulesets)
        print(f"{report.source}: {report.kind}, law of {report.law_date}, checked as of {report.as_of} ({layers})")
        for f in report.findings:
            print(f"  line {f.line}: {f.severity} ({f.consequence}): {f.message}")
            print(f"      {f.citation} [{f.rule_id}, rule set {f.ruleset_id}]")
        print(f"{report.errors} errors, {report.warnings} warnings, {report.notes} notes: "
              + ("OK" if report.ok else "needs work"))
        return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
