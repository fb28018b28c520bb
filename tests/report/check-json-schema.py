#!/usr/bin/env python3
"""Check that the JSON report output matches the schema in docs/report-json.md.

Usage: check-json-schema.py DOC REPORT.json [MORE.json ...]

Validates each report file, and the example in the document itself, against
the ```json schema block of DOC. Exits 77 (meson: skipped) when the
jsonschema module is not installed.
"""
import json
import re
import sys

try:
    import jsonschema
except ImportError:
    print("jsonschema not installed; skipping")
    sys.exit(77)


def main(argv):
    doc = open(argv[1], encoding="utf-8").read()
    blocks = re.findall(r"^```json( schema)?\n(.*?)^```$", doc, re.S | re.M)
    schemas = [json.loads(body) for tag, body in blocks if tag]
    examples = [(argv[1] + " example", json.loads(body)) for tag, body in blocks if not tag]
    if len(schemas) != 1:
        print(f"{argv[1]}: expected one json schema block, found {len(schemas)}")
        return 1
    cls = jsonschema.validators.validator_for(schemas[0])
    cls.check_schema(schemas[0])
    validator = cls(schemas[0])
    docs = examples + [(p, json.load(open(p, encoding="utf-8"))) for p in argv[2:]]
    failed = 0
    for name, inst in docs:
        for err in validator.iter_errors(inst):
            print(f"{name}: {'/'.join(map(str, err.absolute_path))}: {err.message}")
            failed = 1
    return failed


if __name__ == "__main__":
    sys.exit(main(sys.argv))
