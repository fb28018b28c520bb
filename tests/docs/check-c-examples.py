#!/usr/bin/env python3
"""Every fenced ```c block with `int main` in README.md and docs/*.md compiles
and links against the built library.

    check-c-examples.py SRCDIR BUILDDIR LIBRARY CC [CC_ARGS...]

Each block is compiled with `CC -std=c11 -Wall -Wextra -Werror
-I SRCDIR/include -I BUILDDIR/include` and linked with LIBRARY (the built
shared library). Blocks without `int main` are fragments and are skipped.
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

FENCE = re.compile(r"^```c[ \t]*\n(.*?)^```[ \t]*$", re.S | re.M)


def blocks(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for m in FENCE.finditer(text):
        if re.search(r"\bint\s+main\s*\(", m.group(1)):
            yield text.count("\n", 0, m.start()) + 2, m.group(1)


def main(argv):
    if len(argv) < 5:
        sys.stderr.write(__doc__)
        return 2
    srcdir, builddir, library, cc = argv[1], argv[2], argv[3], argv[4:]
    files = [os.path.join(srcdir, "README.md")] + sorted(glob.glob(os.path.join(srcdir, "docs", "*.md")))
    total = bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            if not os.path.exists(path):
                continue
            for line, code in blocks(path):
                total += 1
                src = os.path.join(tmp, "example%d.c" % total)
                with open(src, "w", encoding="utf-8") as f:
                    f.write('#line %d "%s"\n' % (line, os.path.relpath(path, srcdir)))
                    f.write(code)
                cmd = cc + ["-std=c11", "-Wall", "-Wextra", "-Werror",
                            "-I", os.path.join(srcdir, "include"), "-I", os.path.join(builddir, "include"),
                            src, "-o", os.path.join(tmp, "example%d" % total), library,
                            "-Wl,-rpath," + os.path.dirname(os.path.abspath(library))]
                p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, encoding="utf-8")
                name = "%s:%d" % (os.path.relpath(path, srcdir), line)
                if p.returncode != 0:
                    bad += 1
                    print("%s: the C example does not build:\n%s" % (name, p.stdout))
                else:
                    print("%s: ok" % name)
    print("%d C examples built, %d failed" % (total, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
