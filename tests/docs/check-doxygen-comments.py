#!/usr/bin/env python3
"""Every NGOJST_API function in the public headers is preceded by a Doxygen
comment block (`/** ... */`).

    check-doxygen-comments.py HEADER_DIR
"""
import os
import re
import sys

API = re.compile(r"^\s*NGOJST_API\b")


def check(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    problems = []
    for i, line in enumerate(lines):
        if not API.match(line):
            continue
        # The declaration may follow a previous one's comment directly; look
        # back over blank lines to the end of the preceding comment.
        j = i - 1
        while j >= 0 and not lines[j].strip():
            j -= 1
        name = re.search(r"(\w+)\s*\(", line)
        name = name.group(1) if name else line.strip()
        if j < 0 or not lines[j].rstrip().endswith("*/"):
            problems.append((i + 1, name, "no comment right before it"))
            continue
        k = j
        while k >= 0 and "/*" not in lines[k]:
            k -= 1
        if k < 0 or not re.search(r"/\*\*(?!\*)", lines[k]) or "*/" in lines[k][:lines[k].find("/*")]:
            problems.append((i + 1, name, "the comment before it is not a /** ... */ block"))
    return problems


def main(argv):
    if len(argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    total = bad = 0
    for name in sorted(os.listdir(argv[1])):
        if not name.endswith(".h"):
            continue
        path = os.path.join(argv[1], name)
        with open(path, encoding="utf-8") as f:
            total += sum(1 for line in f if API.match(line))
        for line, func, why in check(path):
            print("%s:%d: %s: %s" % (path, line, func, why))
            bad += 1
    print("%d NGOJST_API declarations checked, %d without a Doxygen comment" % (total, bad))
    return 1 if bad or not total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
