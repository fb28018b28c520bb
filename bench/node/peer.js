#!/usr/bin/env node
// The Node peer of bench/run.py: ajv on the JSON twin (JSON.parse), or on
// YAML loaded with js-yaml (its default core schema: dates stay strings, as
// in the JSON twin). Install with `npm ci` in this folder.
//
//   node peer.js --format yaml|jsonl [--list] [--warmup N] [--min-time S] FILE
//
// A document is flagged when its kind has no schema or the schema of its
// kind (bench/schema/<kind>.json, compiled once by ajv) rejects it. Prints
// one JSON object like ngojst-bench. The file is read into memory before
// timing; the clock covers parsing and validation only (wall-clock, and CPU
// time of the whole process: V8's compiler and GC threads included).
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv2020 = require('ajv/dist/2020');
const yaml = require('js-yaml');

function parseArgs(argv) {
  const a = { format: null, list: false, warmup: 0, minTime: 0, file: null };
  for (let i = 0; i < argv.length; i++) {
    const s = argv[i];
    if (s === '--format') a.format = argv[++i];
    else if (s === '--list') a.list = true;
    else if (s === '--warmup') a.warmup = parseInt(argv[++i], 10);
    else if (s === '--min-time') a.minTime = parseFloat(argv[++i]);
    else a.file = s;
  }
  if (!['yaml', 'jsonl'].includes(a.format) || !a.file) {
    console.error('usage: node peer.js --format yaml|jsonl [--list] [--warmup N] [--min-time S] FILE');
    process.exit(2);
  }
  return a;
}

function validators() {
  const dir = path.join(__dirname, '..', 'schema');
  const ajv = new Ajv2020({ allErrors: false });
  const out = new Map();
  for (const name of fs.readdirSync(dir).sort()) {
    if (!name.endsWith('.json')) continue;
    const schema = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
    out.set(name.slice(0, -5), ajv.compile(schema));
  }
  return out;
}

function documents(format, text) {
  if (format === 'yaml') return yaml.loadAll(text);
  const docs = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    if (end > start) docs.push(JSON.parse(text.slice(start, end)));
    if (nl < 0) break;
    start = nl + 1;
  }
  return docs;
}

function onePass(format, text, vals, record) {
  let docs = 0, flagged = 0;
  const idx = [];
  const all = documents(format, text);
  for (let i = 0; i < all.length; i++) {
    const doc = all[i];
    docs++;
    const v = doc && typeof doc === 'object' ? vals.get(doc.kind) : undefined;
    if (!v || !v(doc)) {
      flagged++;
      if (record) idx.push(i);
    }
  }
  return { docs, flagged, idx };
}

// VmHWM (maxRSS also counts the image before exec).
function peakRssKib() {
  try {
    const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return parseInt(m[1], 10);
  } catch (e) { /* not Linux */ }
  return Math.round(process.resourceUsage().maxRSS);
}

function main() {
  const a = parseArgs(process.argv.slice(2));
  const text = fs.readFileSync(a.file, 'utf8');
  const bytes = Buffer.byteLength(text, 'utf8');
  let t0 = process.hrtime.bigint();
  const vals = validators();
  const setup = Number(process.hrtime.bigint() - t0) / 1e9;
  for (let k = 0; k < a.warmup; k++) onePass(a.format, text, vals, false);
  t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const first = onePass(a.format, text, vals, a.list);
  let passes = 1;
  let t1 = process.hrtime.bigint();
  while (Number(t1 - t0) / 1e9 < a.minTime) {
    onePass(a.format, text, vals, false);
    passes++;
    t1 = process.hrtime.bigint();
  }
  const c1 = process.cpuUsage(c0); // all of the process's threads (JIT, GC helpers)
  const out = {
    mode: 'node-ajv', input: 'memory', format: a.format, docs: first.docs, bytes,
    flagged: first.flagged, passes, seconds: Number(t1 - t0) / 1e9 / passes,
    cpu_seconds: (c1.user + c1.system) / 1e6 / passes, setup_seconds: setup,
    maxrss_kb: peakRssKib(),
    versions: {
      node: process.versions.node,
      ajv: require('ajv/package.json').version,
      'js-yaml': require('js-yaml/package.json').version,
    },
  };
  if (a.list) out.flagged_indexes = first.idx;
  console.log(JSON.stringify(out));
}

main();
