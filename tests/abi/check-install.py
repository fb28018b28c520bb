#!/usr/bin/env python3
"""`meson install` into a temporary DESTDIR, then use what was installed.

Checks:
  - every public header of include/ngojst/ plus the generated version.h is
    installed under <includedir>/ngojst/, and no other header;
  - libngojst.so -> libngojst.so.<soversion> -> libngojst.so.<version>, the
    soname is libngojst.so.<soversion>, libngojst.a is installed;
  - ngojst.pc: the right version, yaml-0.1 in Requires.private (and not in
    Requires), Cflags that let users write #include <ngojst/ngojst.h>;
  - a small program compiles with `pkg-config --cflags --libs ngojst`, links
    against the installed shared library and runs; the same program links
    statically with `pkg-config --static --libs ngojst`;
  - the installed ngojst tool runs and carries no RPATH into the build tree;
  - nothing is installed outside the prefix.

Python standard library only. Exit 0 on success, 1 on failure, 77 (skipped)
when pkg-config or readelf is missing.
"""

import argparse
import os
import pathlib
import shlex
import shutil
import subprocess
import sys
import tempfile

PROGRAM = r'''
/* Built by tests/abi/check-install.py against the installed library. */
#include <ngojst/ngojst.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
	ngojst_context *ctx = NULL;
	ngojst_ruleset *rs = NULL;
	ngojst_date d;
	int rc;

	if (strcmp(ngojst_version(), NGOJST_VERSION) != 0 || ngojst_version_number() != NGOJST_VERSION_NUMBER) {
		fprintf(stderr, "header %s but library %s\n", NGOJST_VERSION, ngojst_version());
		return 1;
	}
	if (ngojst_context_new(&ctx, NULL) != 0)
		return 1;
	if (ngojst_date_parse(&d, "2026-11-26", 10) != 0 || ngojst_date_weekday(d) != NGOJST_THURSDAY)
		return 1;
	rc = ngojst_ruleset_load_builtin(&rs, ctx);
	if (rc != 0 && rc != NGOJST_ENOTFOUND) {
		fprintf(stderr, "ngojst_ruleset_load_builtin: %s\n", ngojst_strerror(rc));
		return 1;
	}
	ngojst_ruleset_free(rs);
	ngojst_context_free(ctx);
	printf("ngojst %s ok\n", ngojst_version());
	return 0;
}
'''


class Checker:
    def __init__(self):
        self.failures = 0

    def fail(self, msg):
        print('check-install: FAIL: ' + msg)
        self.failures += 1

    def ok(self, msg):
        print('check-install: ok: ' + msg)

    def run(self, cmd, env=None, what=None):
        """Run a command; on failure report it and return None."""
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
        if proc.returncode != 0:
            self.fail('%s (exit %d)\n$ %s\n%s%s' % (what or cmd[0], proc.returncode,
                                                    ' '.join(shlex.quote(str(a)) for a in cmd),
                                                    proc.stdout, proc.stderr))
            return None
        return proc.stdout


def under(destdir, path):
    return pathlib.Path(destdir + path) if os.path.isabs(path) else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--meson', required=True, help='meson command, shell-quoted')
    ap.add_argument('--build-root', required=True)
    ap.add_argument('--headers', required=True, help='source directory of the public headers')
    ap.add_argument('--prefix', required=True)
    ap.add_argument('--libdir', required=True)
    ap.add_argument('--includedir', required=True)
    ap.add_argument('--bindir', required=True)
    ap.add_argument('--version', required=True, help='project version')
    ap.add_argument('--soversion', required=True)
    ap.add_argument('--lib-version', required=True, help='version of the shared object file name')
    ap.add_argument('--cc', required=True, help='C compiler command, shell-quoted')
    ap.add_argument('--sanitize', default='none', help='b_sanitize of the build')
    ap.add_argument('--pkg-config', default='pkg-config')
    ap.add_argument('--readelf', default='readelf')
    ap.add_argument('--tool', action='store_true', help='the ngojst tool is installed too (examples=true)')
    ap.add_argument('--keep', action='store_true', help='keep the temporary directory')
    args = ap.parse_args()

    for tool in (args.pkg_config, args.readelf):
        if not shutil.which(tool):
            print('check-install: %s not found, skipping' % tool)
            return 77

    join = lambda base, p: p if os.path.isabs(p) else os.path.join(base, p)  # noqa: E731
    libdir = join(args.prefix, args.libdir)
    includedir = join(args.prefix, args.includedir)
    bindir = join(args.prefix, args.bindir)
    cc = shlex.split(args.cc)
    san = [] if args.sanitize in ('', 'none') else ['-fsanitize=' + args.sanitize]

    c = Checker()
    tmp = tempfile.mkdtemp(prefix='ngojst-install-')
    try:
        dest = os.path.join(tmp, 'dest')
        env = dict(os.environ, DESTDIR=dest)
        env.pop('MESON_INSTALL_QUIET', None)
        if c.run(shlex.split(args.meson) + ['install', '-C', args.build_root, '--no-rebuild'],
                 env=env, what='meson install') is None:
            return 1
        c.ok('meson install --no-rebuild with DESTDIR=%s' % dest)

        d_lib, d_inc, d_bin = under(dest, libdir), under(dest, includedir), under(dest, bindir)

        # Everything under the prefix.
        outside = [str(p) for p in pathlib.Path(dest).rglob('*')
                   if not p.is_dir() and not str(p).startswith(dest + args.prefix.rstrip('/') + '/')]
        if outside:
            c.fail('installed outside the prefix %s: %s' % (args.prefix, ', '.join(outside)))

        # Headers.
        want = sorted([p.name for p in pathlib.Path(args.headers).glob('*.h')] + ['version.h'])
        have = sorted(p.name for p in (d_inc / 'ngojst').glob('*')) if (d_inc / 'ngojst').is_dir() else []
        for h in sorted(set(want) - set(have)):
            c.fail('include/ngojst/%s is not installed (add it to ngojst_public_headers in include/ngojst/meson.build)' % h)
        for h in sorted(set(have) - set(want)):
            c.fail('%s/ngojst/%s is installed but is not a public header' % (includedir, h))
        if set(want) == set(have):
            c.ok('%d headers in %s/ngojst' % (len(have), includedir))

        # Shared library chain and soname, static library.
        soname = 'libngojst.so.%s' % args.soversion
        real = 'libngojst.so.%s' % args.lib_version
        dev = d_lib / 'libngojst.so'
        if not dev.is_symlink() or os.readlink(dev) != soname:
            c.fail('%s should be a symlink to %s' % (dev, soname))
        if not (d_lib / soname).is_symlink() or os.readlink(d_lib / soname) != real:
            c.fail('%s should be a symlink to %s' % (d_lib / soname, real))
        if not (d_lib / real).is_file() or (d_lib / real).is_symlink():
            c.fail('%s is missing' % (d_lib / real))
        else:
            out = c.run([args.readelf, '-d', str(d_lib / real)], what='readelf -d') or ''
            got = [l.split('[', 1)[1].rstrip(']') for l in out.splitlines() if '(SONAME)' in l]
            if got != [soname]:
                c.fail('soname of %s is %s, expected %s' % (real, got or 'missing', soname))
            else:
                c.ok('libngojst.so -> %s -> %s, soname %s' % (soname, real, soname))
        if not (d_lib / 'libngojst.a').is_file():
            c.fail('%s is missing' % (d_lib / 'libngojst.a'))

        # pkg-config file.
        pcdir = d_lib / 'pkgconfig'
        if not (pcdir / 'ngojst.pc').is_file():
            c.fail('%s is missing' % (pcdir / 'ngojst.pc'))
            return 1
        pkgenv = dict(os.environ)
        pkgenv['PKG_CONFIG_PATH'] = os.pathsep.join(filter(None, [str(pcdir), os.environ.get('PKG_CONFIG_PATH')]))
        pc = [args.pkg_config, '--define-variable=prefix=' + dest + args.prefix]

        def pkg(*opts):
            out = c.run(pc + list(opts) + ['ngojst'], env=pkgenv, what='pkg-config ' + ' '.join(opts))
            return None if out is None else out.split()

        modversion = pkg('--modversion')
        if modversion is not None and modversion != [args.version]:
            c.fail('pkg-config --modversion ngojst says %s, expected %s' % (modversion, args.version))
        req_priv = pkg('--print-requires-private')
        if req_priv is not None and 'yaml-0.1' not in req_priv:
            c.fail('yaml-0.1 is not in Requires.private of ngojst.pc (got %s)' % (req_priv or 'nothing'))
        req = pkg('--print-requires')
        if req and any(r.startswith('yaml') for r in req):
            c.fail('ngojst.pc has libyaml in Requires; it must stay private (Requires.private)')
        cflags = pkg('--cflags')
        libs = pkg('--libs')
        static_libs = pkg('--static', '--libs')
        if cflags is not None and any(f.rstrip('/').endswith('/ngojst') for f in cflags):
            c.fail('pkg-config --cflags ngojst points into include/ngojst (%s); users write <ngojst/ngojst.h>'
                   % ' '.join(cflags))
        if None in (cflags, libs, static_libs):
            return 1
        if req_priv is not None and 'yaml-0.1' in req_priv:
            c.ok('ngojst.pc: version %s, Requires.private: %s' % (args.version, ' '.join(req_priv)))

        # A program against the installed library, dynamically then statically.
        src = os.path.join(tmp, 'prog.c')
        with open(src, 'w', encoding='utf-8') as f:
            f.write(PROGRAM)
        run_env = dict(os.environ)
        run_env['LD_LIBRARY_PATH'] = str(d_lib)  # not meson's build-tree path: the installed copy only
        warn = ['-std=c11', '-Wall', '-Wextra', '-Werror', '-pedantic']
        prog = os.path.join(tmp, 'prog')
        if c.run(cc + warn + san + [src, '-o', prog] + cflags + libs, what='compile against installed libngojst.so'):
            pass
        if os.path.exists(prog):
            needed = c.run([args.readelf, '-d', prog], what='readelf -d prog') or ''
            if '[%s]' % soname not in needed:
                c.fail('the test program does not need %s:\n%s' % (soname, needed))
            out = c.run([prog], env=run_env, what='run the program linked to the installed library')
            if out is not None:
                c.ok('pkg-config --cflags --libs ngojst: compiled, linked, ran: %s' % out.strip())

        static_a = str(d_lib / 'libngojst.a')
        slibs = [static_a if f == '-lngojst' else f for f in static_libs]
        sprog = os.path.join(tmp, 'prog-static')
        c.run(cc + warn + san + [src, '-o', sprog] + cflags + slibs, what='link against installed libngojst.a')
        if os.path.exists(sprog):
            needed = c.run([args.readelf, '-d', sprog], what='readelf -d prog-static') or ''
            if 'libngojst.so' in needed:
                c.fail('prog-static still needs libngojst.so')
            out = c.run([sprog], env=dict(os.environ), what='run the program linked to libngojst.a')
            if out is not None:
                c.ok('pkg-config --static --libs ngojst with libngojst.a: linked, ran')

        # The tool.
        tool = d_bin / 'ngojst'
        if not args.tool:
            pass
        elif not tool.is_file():
            c.fail('%s is missing' % tool)
        else:
            dyn = c.run([args.readelf, '-d', str(tool)], what='readelf -d ngojst') or ''
            for line in dyn.splitlines():
                if ('(RPATH)' in line or '(RUNPATH)' in line) and os.path.realpath(args.build_root) in line:
                    c.fail('installed ngojst keeps a run path into the build tree: %s' % line.strip())
            out = c.run([str(tool), '--version'], env=run_env, what='installed ngojst --version')
            if out is not None:
                c.ok('installed ngojst --version: %s' % ' '.join(out.split()))
    finally:
        if args.keep:
            print('check-install: kept %s' % tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    if c.failures:
        print('check-install: %d failure(s)' % c.failures)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
