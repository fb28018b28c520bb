#!/usr/bin/python3
"""The Python peer of bench/run.py: jsonschema on the JSON twin, or on YAML
loaded with PyYAML's C loader (Debian's python3-jsonschema, python3-yaml).

    py_peer.py --format yaml|jsonl [--list] [--warmup N] [--min-time S] FILE

A document is flagged when its kind has no schema or the schema of its kind
(bench/schema/<kind>.json) rejects it. Prints one JSON object like
ngojst-bench. The file is read into memory before timing; the clock covers
parsing and validation only (not start-up, imports or compiling the schemas),
as wall-clock and as CPU time of the process.
"""
import argparse
import json
import os
import resource
import sys
import time

import jsonschema
import yaml

SCHEMA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "schema")


class Loader(yaml.CSafeLoader):
    """PyYAML's C loader without the YAML 1.1 timestamp resolver: a date stays
    a string, as in the JSON twin (a user validating with JSON Schema does
    the same, since jsonschema does not accept datetime.date objects)."""


Loader.yaml_implicit_resolvers = {
    k: [r for r in v if r[0] != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}


def validators():
    out = {}
    for name in sorted(os.listdir(SCHEMA_DIR)):
        if name.endswith(".json"):
            with open(os.path.join(SCHEMA_DIR, name), encoding="utf-8") as f:
                schema = json.load(f)
            cls = jsonschema.validators.validator_for(schema)
            cls.check_schema(schema)
            out[name[:-5]] = cls(schema)
    return out


def documents(fmt, data):
    if fmt == "yaml":
        return yaml.load_all(data, Loader=Loader)
    return (json.loads(line) for line in data.split(b"\n") if line)


def one_pass(fmt, data, vals, record):
    docs = flagged = 0
    idx = []
    for i, doc in enumerate(documents(fmt, data)):
        docs += 1
        v = vals.get(doc.get("kind")) if isinstance(doc, dict) else None
        if v is None or not v.is_valid(doc):
            flagged += 1
            if record:
                idx.append(i)
    return docs, flagged, idx


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--format", choices=("yaml", "jsonl"), required=True)
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--warmup", type=int, default=0)
    ap.add_argument("--min-time", type=float, default=0.0)
    ap.add_argument("file")
    a = ap.parse_args()
    with open(a.file, "rb") as f:
        data = f.read()
    t0 = time.perf_counter()
    vals = validators()
    setup = time.perf_counter() - t0
    for _ in range(a.warmup):
        one_pass(a.format, data, vals, False)
    t0 = time.perf_counter()
    c0 = time.process_time()
    docs, flagged, idx = one_pass(a.format, data, vals, a.list)
    passes = 1
    t1 = time.perf_counter()
    while t1 - t0 < a.min_time:
        one_pass(a.format, data, vals, False)
        passes += 1
        t1 = time.perf_counter()
    c1 = time.process_time()
    out = {
        "mode": "python-jsonschema", "input": "memory", "format": a.format, "docs": docs, "bytes": len(data),
        "flagged": flagged, "passes": passes, "seconds": (t1 - t0) / passes,
        "cpu_seconds": (c1 - c0) / passes, "setup_seconds": setup,
        "maxrss_kb": peak_rss_kib(),
        "versions": {"python": sys.version.split()[0], "jsonschema": _version("jsonschema"),
                     "pyyaml": yaml.__version__, "libyaml_loader": yaml.__with_libyaml__},
    }
    if a.list:
        out["flagged_indexes"] = idx
    print(json.dumps(out))


def peak_rss_kib():
    """VmHWM (ru_maxrss also counts the image before exec)."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _version(dist):
    try:
        from importlib.metadata import version
        return version(dist)
    except Exception:  # pragma: no cover
        return "?"


if __name__ == "__main__":
    main()
