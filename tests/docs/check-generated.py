#!/usr/bin/env python3
"""Fail with a diff when a generated reference in docs/ is out of date.

    check-generated.py SRCDIR DOCGEN_KINDS [NGOJST GEN_RULES_MD]

Regenerates docs/kinds.md with DOCGEN_KINDS and, when the CLI is given,
docs/rules.md and docs/rules.pl.md with GEN_RULES_MD, and compares them with
the committed files. Fix a failure with `ninja -C BUILD docs-kinds docs-rules`.
"""
import difflib
import os
import subprocess
import sys


def compare(committed_path, generated, name):
    try:
        with open(committed_path, encoding="utf-8") as f:
            committed = f.read()
    except OSError as e:
        print("%s: cannot read: %s" % (committed_path, e))
        return False
    if committed == generated:
        print("%s: up to date" % name)
        return True
    sys.stdout.writelines(difflib.unified_diff(
        committed.splitlines(True), generated.splitlines(True),
        "committed/" + name, "generated/" + name))
    print("\n%s is out of date: run `ninja -C BUILD docs-kinds docs-rules` and commit it." % name)
    return False


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, encoding="utf-8")
    if p.returncode != 0:
        print("%s failed (%d):\n%s" % (" ".join(cmd), p.returncode, p.stderr))
        return None
    return p.stdout


def main(argv):
    if len(argv) not in (3, 5):
        sys.stderr.write(__doc__)
        return 2
    srcdir, docgen = argv[1], argv[2]
    docs = os.path.join(srcdir, "docs")
    ok = True
    text = run([docgen])
    ok = text is not None and compare(os.path.join(docs, "kinds.md"), text, "docs/kinds.md") and ok
    if len(argv) == 5:
        ngojst, gen = argv[3], argv[4]
        for lang, name in (("en", "rules.md"), ("pl", "rules.pl.md")):
            text = run([sys.executable, gen, ngojst, lang])
            ok = text is not None and compare(os.path.join(docs, name), text, "docs/" + name) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
