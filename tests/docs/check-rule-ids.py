#!/usr/bin/env python3
"""Every rule id of `ngojst rules` appears in docs/rules.md and docs/rules.pl.md.

    check-rule-ids.py NGOJST DOCS_DIR
"""
import json
import os
import subprocess
import sys


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    out = subprocess.run([argv[1], "rules", "--format", "json"], stdout=subprocess.PIPE, check=True,
                         encoding="utf-8").stdout
    ids = [r["id"] for r in json.loads(out)]
    if not ids:
        print("ngojst rules listed no rule")
        return 1
    bad = 0
    for name in ("rules.md", "rules.pl.md"):
        with open(os.path.join(argv[2], name), encoding="utf-8") as f:
            text = f.read()
        for rule_id in ids:
            if "`%s`" % rule_id not in text:
                print("docs/%s: rule %s is not documented" % (name, rule_id))
                bad += 1
    print("%d rule ids checked in 2 files, %d missing" % (len(ids), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
