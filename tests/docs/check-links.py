#!/usr/bin/env python3
"""Relative links in README.md and docs/*.md lead somewhere.

    check-links.py SRCDIR

Every Markdown link `[text](path#anchor)` and HTML `href="..."` outside code
blocks must name an existing file, and an anchor in a Markdown file must be an
explicit `<a id="...">` there or the GitHub-style slug of one of its headings.
Links with a scheme (https://...) are not checked.
"""
import glob
import os
import re
import sys

LINK = re.compile(r"\]\(([^)\s]+)\)|href=\"([^\"]+)\"")


def anchors(path, cache={}):
    if path not in cache:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        found = set(re.findall(r'<a id="([^"]+)"', text))
        for heading in re.findall(r"^#+\s+(.*)$", text, re.M):
            found.add(re.sub(r"[^\w\- ]", "", heading.lower()).strip().replace(" ", "-"))
        cache[path] = found
    return cache[path]


def main(argv):
    if len(argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    srcdir = argv[1]
    files = [os.path.join(srcdir, "README.md")] + sorted(glob.glob(os.path.join(srcdir, "docs", "*.md")))
    total = bad = 0
    for path in files:
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            text = re.sub(r"^```.*?^```", "", f.read(), flags=re.S | re.M)
        for m in LINK.finditer(text):
            link = m.group(1) or m.group(2)
            if "://" in link or link.startswith("mailto:"):
                continue
            total += 1
            target, _, anchor = link.partition("#")
            target = os.path.normpath(os.path.join(os.path.dirname(path), target)) if target else path
            where = os.path.relpath(path, srcdir)
            if not os.path.exists(target):
                print("%s: link to a missing file: %s" % (where, link))
                bad += 1
            elif anchor and target.endswith(".md") and anchor not in anchors(target):
                print("%s: link to a missing anchor: %s" % (where, link))
                bad += 1
    print("%d links checked, %d broken" % (total, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
