#!/usr/bin/env python3
"""Examples quoted in the guides match the files and the program.

    check-doc-examples.py [--update] SRCDIR NGOJST

In README.md and docs/*.md, a fenced block right after
  <!-- file: PATH -->            must equal the file PATH (relative to SRCDIR);
  <!-- output: ngojst ARGS -->   must equal what `ngojst ARGS` prints on
                                 stdout, run in SRCDIR (with a trailing 2>&1:
                                 stderr, then stdout).
With --update the blocks are rewritten from the files and the program instead.
"""
import glob
import os
import re
import shlex
import subprocess
import sys

MARK = re.compile(r"<!--\s*(file|output):\s*(.*?)\s*-->[ \t]*\n(?:[ \t]*\n)*(```[^\n]*\n)(.*?)^```[ \t]*$",
                  re.S | re.M)


def expected(kind, arg, srcdir, ngojst):
    if kind == "file":
        with open(os.path.join(srcdir, arg), encoding="utf-8") as f:
            return f.read()
    words = shlex.split(arg)
    both = words[-1:] == ["2>&1"]
    if both:
        words = words[:-1]
    if not words or words[0] != "ngojst":
        raise ValueError("an output marker must run ngojst: %r" % arg)
    p = subprocess.run([ngojst] + words[1:], cwd=srcdir, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       encoding="utf-8", env=dict(os.environ, LC_ALL="C.UTF-8"))
    if p.returncode >= 3:
        raise ValueError("ngojst %s: internal error (exit %d): %s" % (arg, p.returncode, p.stderr))
    return (p.stderr + p.stdout) if both else p.stdout


def main(argv):
    update = "--update" in argv
    argv = [a for a in argv if a != "--update"]
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    srcdir, ngojst = argv[1], os.path.abspath(argv[2])
    files = [os.path.join(srcdir, "README.md")] + sorted(glob.glob(os.path.join(srcdir, "docs", "*.md")))
    total = bad = 0
    for path in files:
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        pieces, last = [], 0
        for m in MARK.finditer(text):
            total += 1
            where = "%s:%d" % (os.path.relpath(path, srcdir), text.count("\n", 0, m.start()) + 1)
            try:
                want = expected(m.group(1), m.group(2), srcdir, ngojst)
            except (OSError, ValueError) as e:
                print("%s: %s" % (where, e))
                bad += 1
                continue
            if want and not want.endswith("\n"):
                want += "\n"
            if m.group(4) != want:
                if update:
                    pieces.append(text[last:m.start(4)])
                    pieces.append(want)
                    last = m.end(4)
                    print("%s: updated" % where)
                else:
                    bad += 1
                    print("%s: the block differs from %s %s\n--- in the guide\n%s--- actual\n%s---" % (
                        where, m.group(1), m.group(2), m.group(4), want))
        if update and pieces:
            pieces.append(text[last:])
            with open(path, "w", encoding="utf-8") as f:
                f.write("".join(pieces))
    print("%d quoted examples checked, %d differ" % (total, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
