#!/usr/bin/env python3
"""The ngojst benchmark: ngojst against raw libyaml and the peers a user would
pick instead, in one run, in interleaved rounds. See bench/README.md.

    bench/run.py [--build DIR] [--sizes 1,1000,10000,100000] [--rounds 5]

Steps: generate the corpora (bench/gen.py, fixed seed); check that every
contender flags exactly the injected invalid documents (fail otherwise);
time every contender in interleaved rounds (docs/s and MB/s, each also as a
ratio to raw libyaml measured in the same round); peak RSS at 10 000 and
100 000 documents; time to first result; instructions per document
(valgrind). Prints a table and writes bench/results/latest.json.
Standard library only.
"""
import argparse
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import gen  # noqa: E402

AS_OF = gen.AS_OF
PEER_PY = "/usr/bin/python3"  # Debian's python3-jsonschema and python3-yaml
LOAD_DEFECTS = {"negative_amount", "negative_funds", "negative_spent", "year_as_string"}

TARGETS = {
    "check_vs_libyaml": 0.70,  # ngojst check (YAML) / raw libyaml events, docs/s
    "vs_node_yaml": 3.0,       # ngojst check / js-yaml + ajv, YAML
    "vs_python_yaml": 25.0,    # ngojst check / PyYAML C loader + jsonschema, YAML
    "vs_python_json": 25.0,    # ngojst check / json + jsonschema, JSON
    "first_result_ms": 3.0,    # process start to exit, one document, built-in rules
    "peak_rss_kib": 4096,      # at 10 000 and 100 000 documents
}
RSS_SAME_KIB = 128             # "the same" peak RSS at 100 000 as at 10 000: medians within this
                               # (a run's VmHWM moves by a page or two with the heap's layout)


def load_compare():
    spec = importlib.util.spec_from_file_location("compare_baseline", os.path.join(HERE, "compare-baseline.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# ---- contenders -------------------------------------------------------------

class Contender:
    def __init__(self, name, label, fmt, argv, peer=False, baseline=None):
        self.name = name          # key in results
        self.label = label        # for the table
        self.fmt = fmt            # "yaml" or "jsonl"
        self.argv = argv          # command before options and file
        self.peer = peer
        self.baseline = baseline  # the libyaml contender its ratio is taken against

    def cmd(self, path, list_=False, warmup=0, min_time=0.0):
        c = list(self.argv)
        if list_:
            c.append("--list")
        c += ["--warmup", str(warmup), "--min-time", str(min_time), path]
        return c


def contenders(bench, node, have_py, have_node):
    cs = [
        Contender("libyaml", "libyaml events (raw parse)", "yaml", [bench, "libyaml"]),
        Contender("ngojst-load", "ngojst load", "yaml", [bench, "load"], baseline="libyaml"),
        Contender("ngojst-check", "ngojst check", "yaml", [bench, "check", "--as-of", AS_OF], baseline="libyaml"),
        Contender("ngojst-check-file", "ngojst check, from file", "yaml",
                  [bench, "check", "--from-file", "--as-of", AS_OF], baseline="libyaml"),
        Contender("libyaml-json", "libyaml events, JSON lines", "jsonl", [bench, "libyaml", "--jsonl"]),
        Contender("ngojst-check-json", "ngojst check, JSON lines", "jsonl",
                  [bench, "check", "--jsonl", "--as-of", AS_OF], baseline="libyaml-json"),
    ]
    if have_py:
        py = [PEER_PY, os.path.join(HERE, "peers", "py_peer.py")]
        cs.append(Contender("python-yaml", "PyYAML (C) + jsonschema", "yaml", py + ["--format", "yaml"], True, "libyaml"))
        cs.append(Contender("python-json", "json + jsonschema", "jsonl", py + ["--format", "jsonl"], True, "libyaml-json"))
    if have_node:
        nd = [node, os.path.join(HERE, "node", "peer.js")]
        cs.append(Contender("node-yaml", "js-yaml + ajv", "yaml", nd + ["--format", "yaml"], True, "libyaml"))
        cs.append(Contender("node-json", "JSON.parse + ajv", "jsonl", nd + ["--format", "jsonl"], True, "libyaml-json"))
    return cs


def run_json(cmd, timeout=None):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=timeout)
    if p.returncode != 0:
        raise RuntimeError("%s failed (%d):\n%s" % (" ".join(cmd), p.returncode, p.stderr[-2000:]))
    return json.loads(p.stdout.strip().splitlines()[-1])


# ---- steps ------------------------------------------------------------------

def make_corpora(sizes, out_dir, log):
    info = {}
    for n in sizes:
        exp = os.path.join(out_dir, "docs-%d.expected.json" % n)
        e = None
        if os.path.exists(exp):
            with open(exp, encoding="utf-8") as f:
                e = json.load(f)
            if e.get("generator") != gen.generator_id():
                e = None
        if e is None:
            log("generating %d documents ..." % n)
            e = gen.generate(n, out_dir)
        e["yaml_path"] = os.path.join(out_dir, e["yaml"])
        e["jsonl_path"] = os.path.join(out_dir, e["jsonl"])
        info[n] = e
    return info


def agreement(cs, corpora, sizes, peer_max, log):
    """Every contender must flag exactly the injected documents."""
    report = {}
    for n in sizes:
        c = corpora[n]
        want = [x["index"] for x in c["invalid"]]
        want_load = [x["index"] for x in c["invalid"] if x["defect"] in LOAD_DEFECTS]
        for k in cs:
            if k.peer and n > peer_max:
                continue
            path = c["yaml_path"] if k.fmt == "yaml" else c["jsonl_path"]
            r = run_json(k.cmd(path, list_=True))
            if r["docs"] != n:
                raise SystemExit("FAIL: %s read %d documents of %d in %s" % (k.name, r["docs"], n, path))
            if k.name.startswith("libyaml"):
                continue
            got = r.get("flagged_indexes", [])
            exp = want_load if k.name == "ngojst-load" else want
            if got != exp:
                extra = sorted(set(got) - set(exp))[:10]
                missing = sorted(set(exp) - set(got))[:10]
                raise SystemExit("FAIL: %s flags %d documents of %d, expected %d (unexpected %s, missing %s)" % (
                    k.name, len(got), n, len(exp), extra, missing))
            report.setdefault(str(n), {})[k.name] = len(got)
        log("agreement at %d documents: %d invalid flagged by every contender" % (n, len(want)))
    return report


def rounds(cs, corpora, sizes, peer_max, nrounds, min_time, log):
    """samples[size][contender] = list of per-round results, in round order."""
    samples = {n: {k.name: [] for k in cs} for n in sizes}
    for r in range(nrounds):
        t0 = time.time()
        for n in sizes:
            todo = [k for k in cs if not (k.peer and n > peer_max)]
            shift = r % len(todo)
            todo = todo[shift:] + todo[:shift]  # interleave: a different order each round
            for k in todo:
                c = corpora[n]
                path = c["yaml_path"] if k.fmt == "yaml" else c["jsonl_path"]
                warmup = 1 if n <= 1000 else 0
                res = run_json(k.cmd(path, warmup=warmup, min_time=min_time))
                res["file_bytes"] = c["yaml_bytes"] if k.fmt == "yaml" else c["jsonl_bytes"]
                samples[n][k.name].append(res)
        log("round %d/%d done in %.0f s" % (r + 1, nrounds, time.time() - t0))
    return samples


def spread(xs):
    xs = sorted(xs)
    med = statistics.median(xs)
    return {"median": med, "min": xs[0], "max": xs[-1],
            "spread_pct": (xs[-1] - xs[0]) / med * 100 if med else 0.0}


def rate(x, clock):
    """Documents per second of one result, by wall-clock or CPU time."""
    return x["docs"] / x["cpu_seconds" if clock == "cpu" else "seconds"]


PAIRS = (("ngojst-check", "python-yaml"), ("ngojst-check", "node-yaml"),
         ("ngojst-check-json", "python-json"), ("ngojst-check-json", "node-json"))


def summarise(cs, samples, sizes):
    """Medians over rounds; every ratio is taken within a round, then the
    median of the per-round ratios is reported with their min and max."""
    by = {k.name: k for k in cs}
    out = {}
    for n in sizes:
        row = {}
        for name, runs in samples[n].items():
            if not runs:
                continue
            k = by[name]
            e = {"label": k.label, "format": k.fmt, "rounds": len(runs), "passes": [x["passes"] for x in runs]}
            for clock in ("cpu", "wall"):
                e["docs_per_s_" + clock] = spread([rate(x, clock) for x in runs])
                e["mb_per_s_" + clock] = spread([rate(x, clock) * x["file_bytes"] / x["docs"] / 1e6 for x in runs])
                if k.baseline and samples[n].get(k.baseline):
                    e["vs_libyaml_" + clock] = spread([rate(x, clock) / rate(b, clock)
                                                       for x, b in zip(runs, samples[n][k.baseline])])
            if k.baseline:
                e["vs_libyaml_of"] = k.baseline
            row[name] = e
        for ngo, peer in PAIRS:
            a, b = samples[n].get(ngo), samples[n].get(peer)
            if a and b:
                for clock in ("cpu", "wall"):
                    row[peer]["ngojst_speedup_" + clock] = spread([rate(x, clock) / rate(y, clock)
                                                                   for x, y in zip(a, b)])
        out[str(n)] = row
    return out


def peak_rss(bench, cli, corpora, sizes, runs=7):
    """VmHWM of check from file (several runs: the heap's layout moves it by
    a page or two from run to run), of check from memory and of the CLI."""
    res = {}
    time_bin = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None
    for n in sizes:
        if n < 10000:
            continue
        c = corpora[n]
        e = {}
        vals = [run_json([bench, "check", "--from-file", "--as-of", AS_OF, c["yaml_path"]])["maxrss_kb"]
                for _ in range(runs)]
        e["bench_check_file_kib"] = {"median": statistics.median(vals), "min": min(vals), "max": max(vals),
                                     "runs": vals}
        e["bench_check_memory_kib"] = run_json([bench, "check", "--as-of", AS_OF, c["yaml_path"]])["maxrss_kb"]
        e["input_mib"] = c["yaml_bytes"] / 1048576
        if time_bin and cli:
            # (/usr/bin/time reports ru_maxrss, which includes its own
            # pre-exec image: a slight over-estimate.)
            p = subprocess.run([time_bin, "-f", "%M", cli, "check", "--as-of", AS_OF, c["yaml_path"]],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            try:
                e["cli_check_kib"] = int(p.stderr.strip().splitlines()[-1])
            except (ValueError, IndexError):
                pass
        res[str(n)] = e
    return res


def first_result(bench, cli, corpora, have_py, node, log):
    """Process start to exit, one document, built-in rule set."""
    one = corpora[1]["yaml_path"]
    cmds = {}
    if cli:
        cmds["ngojst check (CLI)"] = [cli, "check", "--as-of", AS_OF, one]
    cmds["ngojst-bench check"] = [bench, "check", "--from-file", "--as-of", AS_OF, one]
    cmds["libyaml-only (ngojst-bench libyaml)"] = [bench, "libyaml", "--from-file", one]
    if have_py:
        cmds["python peer (yaml)"] = [PEER_PY, os.path.join(HERE, "peers", "py_peer.py"), "--format", "yaml", one]
    if node:
        cmds["node peer (yaml)"] = [node, os.path.join(HERE, "node", "peer.js"), "--format", "yaml", one]
    hf = shutil.which("hyperfine")
    res = {}
    for name, cmd in cmds.items():
        runs = 300 if "peer" not in name else 20
        if hf:
            with tempfile.NamedTemporaryFile(suffix=".json") as tf:
                subprocess.run([hf, "-N", "--warmup", "10", "--runs", str(runs), "--export-json", tf.name,
                                "--style", "none", "-i", " ".join(_q(x) for x in cmd)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
                with open(tf.name, encoding="utf-8") as f:
                    r = json.load(f)["results"][0]
            t = r["times"]
            cpu = (r["user"] + r["system"]) * 1000
            tool = "hyperfine -N"
        else:
            t, cpus = [], []
            for _ in range(runs):
                t0 = time.perf_counter()
                p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                _, _, ru = os.wait4(p.pid, 0)
                t.append(time.perf_counter() - t0)
                cpus.append(ru.ru_utime + ru.ru_stime)
            cpu = statistics.mean(cpus) * 1000
            tool = "subprocess (includes Python's fork/exec)"
        ms = [x * 1000 for x in t]
        res[name] = {"median_ms": statistics.median(ms), "mean_ms": statistics.mean(ms),
                     "stdev_ms": statistics.pstdev(ms), "min_ms": min(ms), "cpu_ms": cpu, "runs": len(ms),
                     "tool": tool}
        log("first result: %-36s %.2f ms (median of %d)" % (name, res[name]["median_ms"], len(ms)))
    return res


def _q(s):
    return "'" + s.replace("'", "'\\''") + "'" if any(c in s for c in " '\"$") else s


# ---- output -----------------------------------------------------------------

def fmt_spread(s, f="%.0f", pct=True):
    if pct:
        return (f + " ±%.0f%%") % (s["median"], s["spread_pct"] / 2)
    return (f + " [" + f + "–" + f + "]") % (s["median"], s["min"], s["max"])


def table(summary, rss, ttfr, ir, sizes, targets, emit):
    emit("Throughput: medians over the rounds (± half the min–max spread); ratios are taken within each")
    emit("round and shown as median [min–max]. CPU = per CPU-second of the process (robust on a shared")
    emit("machine); wall = per wall-clock second. JSON rows are against libyaml on the JSON lines.")
    for n in sizes:
        row = summary.get(str(n))
        if not row:
            continue
        emit("")
        emit("%d documents" % n)
        emit("  %-27s %13s %11s %21s %21s %20s %20s" % (
            "contender", "docs/s CPU", "MB/s CPU", "× libyaml CPU", "× libyaml wall", "ngojst × CPU", "ngojst × wall"))
        for name, e in row.items():
            vc = fmt_spread(e["vs_libyaml_cpu"], "%.2f", False) if "vs_libyaml_cpu" in e else ""
            vw = fmt_spread(e["vs_libyaml_wall"], "%.2f", False) if "vs_libyaml_wall" in e else ""
            sc = fmt_spread(e["ngojst_speedup_cpu"], "%.1f", False) if "ngojst_speedup_cpu" in e else ""
            sw = fmt_spread(e["ngojst_speedup_wall"], "%.1f", False) if "ngojst_speedup_wall" in e else ""
            emit("  %-27s %13s %11s %21s %21s %20s %20s" % (
                e["label"], fmt_spread(e["docs_per_s_cpu"]), fmt_spread(e["mb_per_s_cpu"], "%.1f"), vc, vw, sc, sw))
    if rss:
        emit("")
        for n, e in rss.items():
            f = e["bench_check_file_kib"]
            emit("peak RSS, %s documents (%.1f MiB of YAML): check from file %d KiB [%d–%d over %d runs]; "
                 "from memory %d KiB (holds the whole file)%s" % (
                     n, e["input_mib"], f["median"], f["min"], f["max"], len(f["runs"]),
                     e["bench_check_memory_kib"],
                     ("; CLI %d KiB" % e["cli_check_kib"]) if "cli_check_kib" in e else ""))
    if ttfr:
        emit("")
        emit("time to first result (process start to exit, 1 document, built-in rule set; %s):" %
             next(iter(ttfr.values()))["tool"])
        for k, v in ttfr.items():
            emit("  %-38s median %.2f ms, mean %.2f ± %.2f ms, min %.2f ms; user+sys %.2f ms" % (
                k, v["median_ms"], v["mean_ms"], v["stdev_ms"], v["min_ms"], v.get("cpu_ms", float("nan"))))
    if ir:
        emit("")
        emit("instructions per document (valgrind callgrind, (I(1000) - I(1)) / 999): " +
             ", ".join("%s %.0f" % (k, v) for k, v in ir.items()) +
             "  (check/libyaml %.3f)" % (ir["check"] / ir["libyaml"]))
    emit("")
    emit("targets")
    for t in targets:
        emit("  %-62s %-34s %s" % (t["what"], t["measured"],
                                   "ok" if t["ok"] else ("MISSED" if t["ok"] is False else "(reported)")))


def judge(summary, rss, ttfr, main_size):
    row = summary.get(str(main_size), {})
    out = []

    def add(what, key, value, ok, fmtv):
        out.append({"what": what, "key": key, "value": value, "ok": ok, "measured": fmtv})

    def med(name, field):
        e = row.get(name, {}).get(field)
        return e["median"] if e else None

    v, w = med("ngojst-check", "vs_libyaml_cpu"), med("ngojst-check", "vs_libyaml_wall")
    add("check YAML >= %.2fx raw libyaml events (%d docs)" % (TARGETS["check_vs_libyaml"], main_size),
        "check_vs_libyaml", v, None if v is None else v >= TARGETS["check_vs_libyaml"],
        "n/a" if v is None else "%.2fx CPU (%.2fx wall)" % (v, w))
    for key, peer, what in (("vs_node_yaml", "node-yaml", ">= %.0fx js-yaml + ajv on YAML"),
                            ("vs_python_yaml", "python-yaml", ">= %.0fx PyYAML (C) + jsonschema on YAML"),
                            ("vs_python_json", "python-json", ">= %.0fx json + jsonschema on JSON")):
        v, w = med(peer, "ngojst_speedup_cpu"), med(peer, "ngojst_speedup_wall")
        add(what % TARGETS[key], key, v, None if v is None else v >= TARGETS[key],
            "n/a" if v is None else "%.1fx CPU (%.1fx wall)" % (v, w))
    v, w = med("node-json", "ngojst_speedup_cpu"), med("node-json", "ngojst_speedup_wall")
    add("(reported) check JSON vs JSON.parse + ajv", "vs_node_json", v, None,
        "n/a" if v is None else "%.2fx CPU (%.2fx wall)" % (v, w))
    if ttfr:
        k = "ngojst check (CLI)" if "ngojst check (CLI)" in ttfr else "ngojst-bench check"
        v = ttfr[k]["median_ms"]
        add("time to first result < %.0f ms (%s)" % (TARGETS["first_result_ms"], k), "first_result_ms", v,
            v < TARGETS["first_result_ms"], "%.2f ms (user+sys %.2f ms)" % (v, ttfr[k].get("cpu_ms", float("nan"))))
    if rss:
        vals = {n: e["bench_check_file_kib"] for n, e in rss.items()}
        worst = max(v["max"] for v in vals.values())
        add("peak RSS < 4 MiB (check from file, worst run; %s docs)" % " / ".join(vals), "peak_rss_kib", worst,
            worst < TARGETS["peak_rss_kib"], " / ".join("%d KiB" % v["max"] for v in vals.values()))
        if "10000" in vals and "100000" in vals:
            d = vals["100000"]["median"] - vals["10000"]["median"]
            add("peak RSS the same at 100 000 as at 10 000 docs (medians within %d KiB)" % RSS_SAME_KIB,
                "rss_flat", d, abs(d) <= RSS_SAME_KIB, "%+d KiB" % d)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default=os.path.join(TOP, "build-bench"),
                    help="meson build directory (release: meson setup build-bench --buildtype=release -Doptimization=2)")
    ap.add_argument("--sizes", default="1,1000,10000,100000")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--min-time", type=float, default=0.5, help="seconds of timed passes per contender and round")
    ap.add_argument("--peer-max", type=int, default=10000, help="largest corpus the peers run on (they are slow)")
    ap.add_argument("--main-size", type=int, default=10000, help="corpus the targets are judged on")
    ap.add_argument("--corpus-dir", default=os.path.join(HERE, "out"))
    ap.add_argument("--out", default=os.path.join(HERE, "results", "latest.json"))
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--no-valgrind", action="store_true")
    ap.add_argument("--no-first-result", action="store_true")
    a = ap.parse_args()

    def log(msg):
        print(msg, file=sys.stderr, flush=True)

    sizes = sorted({int(x) for x in a.sizes.split(",") if x})
    if 1 not in sizes:
        sizes = [1] + sizes
    bench = os.path.join(a.build, "bench", "ngojst-bench")
    cli = os.path.join(a.build, "examples", "ngojst")
    if not os.path.exists(bench):
        raise SystemExit("no %s: build first (meson setup %s --buildtype=release -Doptimization=2 && ninja -C %s)" % (
            bench, a.build, a.build))
    if not os.path.exists(cli):
        cli = None
    node = shutil.which("node")
    have_node = bool(node) and os.path.isdir(os.path.join(HERE, "node", "node_modules", "ajv")) and not a.no_peers
    have_py = not a.no_peers and subprocess.run(
        [PEER_PY, "-c", "import jsonschema, yaml; assert yaml.__with_libyaml__"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0 if os.path.exists(PEER_PY) else False
    if not a.no_peers and not have_py:
        log("warning: %s lacks jsonschema or PyYAML with libyaml (apt-get install python3-jsonschema python3-yaml)" % PEER_PY)
    if not a.no_peers and not have_node:
        log("warning: no Node peer (install Node, then `npm ci` in bench/node)")

    corpora = make_corpora(sizes, a.corpus_dir, log)
    cs = contenders(bench, node, have_py, have_node)
    agree = agreement(cs, corpora, sizes, a.peer_max, log)
    timed = [n for n in sizes if n >= 1000]
    samples = rounds(cs, corpora, timed, a.peer_max, a.rounds, a.min_time, log)
    summary = summarise(cs, samples, timed)
    rss = peak_rss(bench, cli, corpora, sizes)
    ttfr = {} if a.no_first_result else first_result(bench, cli, corpora, have_py, node if have_node else None, log)
    ir = None
    if not a.no_valgrind and shutil.which("valgrind"):
        log("counting instructions with valgrind ...")
        ir, _ = load_compare().measure(bench, os.path.join(a.corpus_dir, "ir"))
    targets = judge(summary, rss, ttfr, a.main_size)

    lines = []
    table(summary, rss, ttfr, ir, timed, targets, lines.append)
    print("\n".join(lines))

    versions = {}
    for s in samples.values():
        for runs in s.values():
            for x in runs:
                versions.update(x.get("versions", {}))
    result = {
        "date": time.strftime("%Y-%m-%dT%H:%M:%S"), "host": platform.node(), "cpus": os.cpu_count(),
        "loadavg_at_end": os.getloadavg(), "build": os.path.abspath(a.build), "rounds": a.rounds,
        "min_time": a.min_time, "sizes": sizes, "as_of": AS_OF, "versions": versions,
        "libyaml": load_compare().libyaml_version(), "agreement": agree,
        "corpora": {str(n): {k: corpora[n][k] for k in ("yaml_bytes", "jsonl_bytes", "generator", "seed")}
                    | {"invalid": len(corpora[n]["invalid"])} for n in sizes},
        "throughput": summary, "peak_rss": rss, "first_result": ttfr, "instructions_per_doc": ir,
        "targets": targets, "samples": {str(n): v for n, v in samples.items()}, "table": lines,
    }
    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1)
        f.write("\n")
    log("results written to %s" % a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
