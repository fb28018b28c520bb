#!/usr/bin/env python3
"""Public headers, lib/ngojst.map and libngojst.so must agree.

  1. every NGOJST_API function of include/ngojst/*.h is in the map,
  2. every map symbol is declared in a header,
  3. every map symbol is exported by the built shared library, under the
     version node the map puts it in,
  4. the library exports nothing else (a leaked internal function, a global
     variable, an unversioned symbol),
  5. with --static: every global symbol the static archive defines starts
     with ngojst_ (internal functions are hidden from the shared library but
     still share the application's namespace when linked statically).

Also checks the map itself: explicit names only (no wildcards), each listed
once, sorted within a node, 'local: *;' in the first node.

Python standard library only. Exit 0 when everything agrees, 1 with one line
per difference otherwise, 77 (skipped) when nm is not available.
"""

import argparse
import os
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ngojst_abi  # noqa: E402

# Symbols some toolchains export from every shared object.
TOOLCHAIN_SYMBOLS = {'_init', '_fini', '_edata', '_end', '__bss_start'}


def nm_symbols(nm, path, dynamic):
    """[(name, type, version or None)] of the defined global symbols."""
    cmd = [nm, '--defined-only']
    cmd += ['-D'] if dynamic else ['-g']
    cmd.append(path)
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit('check-symbols: %s failed: %s' % (' '.join(cmd), proc.stderr.strip()))
    out = []
    for line in proc.stdout.splitlines():
        fields = line.split()
        # "ADDRESS TYPE NAME"; archives also print "member.o:" and blank lines
        if len(fields) != 3 or len(fields[1]) != 1:
            continue
        name, version = fields[2], None
        if '@' in name:
            name, _, version = name.partition('@')
            version = version.lstrip('@')
        out.append((name, fields[1], version))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--headers', required=True, help='directory of the public headers')
    ap.add_argument('--map', required=True, help='the version script')
    ap.add_argument('--library', required=True, help='the built shared library')
    ap.add_argument('--static', help='the built static library (optional)')
    ap.add_argument('--nm', default='nm')
    args = ap.parse_args()

    nm = shutil.which(args.nm) or (args.nm if os.access(args.nm, os.X_OK) else None)
    if nm is None:
        print('check-symbols: nm not found, skipping')
        return 77

    errors = []
    map_name = os.path.basename(args.map)
    lib_name = os.path.basename(args.library)

    try:
        declared = ngojst_abi.public_symbols(args.headers)
    except ValueError as e:
        print('check-symbols: %s' % e)
        return 1
    for name, where in sorted(declared.items()):
        if not name.startswith('ngojst_'):
            errors.append('%s: public function %s does not start with ngojst_' % (where, name))

    nodes, problems = ngojst_abi.read_map(args.map)
    errors += problems
    if not nodes:
        errors.append('%s: no version node found' % map_name)
    mapped = {}  # symbol -> node
    for i, (node, syms, local, _parent) in enumerate(nodes):
        for s in syms:
            if s in mapped:
                errors.append('%s: %s is listed twice (nodes %s and %s)' % (map_name, s, mapped[s], node))
            mapped.setdefault(s, node)
        for a, b in zip(syms, syms[1:]):
            if b < a:
                errors.append('%s: node %s is not sorted: %s comes after %s' % (map_name, node, b, a))
                break
        if i == 0 and local != ['*']:
            errors.append("%s: the first node %s must end with 'local: *;'" % (map_name, node))
    node_names = {n[0] for n in nodes}

    for name, where in sorted(declared.items()):
        if name not in mapped:
            errors.append('%s: %s is declared NGOJST_API but missing from %s' % (where, name, map_name))
    for name in sorted(mapped):
        if name not in declared:
            errors.append('%s: %s is listed but not declared NGOJST_API in any public header' % (map_name, name))

    exported = {}
    for name, typ, version in nm_symbols(nm, args.library, dynamic=True):
        if typ == 'A' and name in node_names:
            continue  # the version node itself
        if name in TOOLCHAIN_SYMBOLS:
            continue
        exported[name] = (typ, version)
    for name in sorted(mapped):
        if name not in exported:
            errors.append('%s: %s is listed in %s but not exported (not defined, or not NGOJST_API in its .c file?)'
                          % (lib_name, name, map_name))
        elif exported[name][1] != mapped[name]:
            errors.append('%s: %s is exported with version %s, expected %s'
                          % (lib_name, name, exported[name][1] or '(none)', mapped[name]))
    for name, (typ, version) in sorted(exported.items()):
        if name in mapped:
            continue
        kind = 'function' if typ in 'TtWi' else 'symbol of type %s' % typ
        if name in declared:
            why = 'declared in %s but missing from %s' % (declared[name], map_name)
        else:
            why = 'not declared in any public header: a leaked internal?'
        errors.append('%s: exports %s %s%s, %s' % (lib_name, kind, name, '@' + version if version else '', why))

    if args.static:
        static_name = os.path.basename(args.static)
        for name, typ, _version in sorted(set(nm_symbols(nm, args.static, dynamic=False))):
            # names starting with __ belong to the toolchain (__odr_asan.*, __gcov*)
            if not name.startswith(('ngojst_', '__')) and typ not in 'Uuvw':
                errors.append('%s: defines global symbol %s (type %s) outside the ngojst_ namespace'
                              % (static_name, name, typ))

    if errors:
        for e in errors:
            print('check-symbols: ' + e)
        print('check-symbols: FAIL: %d problem(s); headers declare %d functions, %s lists %d, %s exports %d'
              % (len(errors), len(declared), map_name, len(mapped), lib_name, len(exported)))
        return 1
    print('check-symbols: OK: %d public functions agree across headers, %s and %s'
          % (len(declared), map_name, lib_name))
    return 0


if __name__ == '__main__':
    sys.exit(main())
