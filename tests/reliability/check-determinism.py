#!/usr/bin/env python3
"""Determinism: the same inputs give byte-identical reports across runs and
between the shared and the static library.

    check-determinism.py DETERMINISM-SHARED DETERMINISM-STATIC SOURCE-ROOT

Both programs are tests/reliability/determinism.c, linked against
libngojst.so and libngojst.a. Each configuration (overlays x language) is run
twice with the shared build and twice with the static one; the JSON, SARIF
and text outputs must all be equal byte for byte."""
import glob
import json
import os
import subprocess
import sys
import tempfile


def main():
    shared, static, root = sys.argv[1:4]
    docs = sorted(glob.glob(os.path.join(root, 'tests/cases/documents/*.yaml')))
    docs += sorted(glob.glob(os.path.join(root, 'examples/samples/*.yaml')))
    docs += [os.path.join(root, 'tests/data/cli/late-programme.yaml'),
             os.path.join(root, 'tests/data/cli/stream.yaml')]
    overlays = [[],
                [os.path.join(root, 'examples/overlays/gmina-przykladowo-programme.yaml')],
                [os.path.join(root, 'examples/overlays/bad-loosening.yaml')],
                [os.path.join(root, 'tests/cases/overlays/more-conflicts.yaml')]]
    failures = 0
    compared = 0
    with tempfile.TemporaryDirectory() as tmp:
        for oi, ovs in enumerate(overlays):
            for lang in ('pl', 'en'):
                args = ['--lang', lang]
                for o in ovs:
                    args += ['--overlay', o]
                args += docs
                outs = []
                for name, exe in (('shared-1', shared), ('shared-2', shared),
                                  ('static-1', static), ('static-2', static)):
                    prefix = os.path.join(tmp, '%d-%s-%s' % (oi, lang, name))
                    # The environment of each run differs a little, so
                    # nothing may leak from it into the reports.
                    env = dict(os.environ, NGOJST_DETERMINISM_RUN=name, TZ='Pacific/Kiritimati' if '2' in name else 'UTC')
                    subprocess.run([exe, prefix] + args, check=True, env=env)
                    outs.append((name, prefix))
                for ext in ('json', 'sarif', 'txt'):
                    ref_name, ref_prefix = outs[0]
                    with open(ref_prefix + '.' + ext, 'rb') as f:
                        ref = f.read()
                    if not ref.strip():
                        print('FAIL: empty %s output' % ext)
                        failures += 1
                    if ext != 'txt':
                        json.loads(ref)
                    for name, prefix in outs[1:]:
                        with open(prefix + '.' + ext, 'rb') as f:
                            got = f.read()
                        compared += 1
                        if got != ref:
                            failures += 1
                            print('FAIL: overlays %d, lang %s, %s: %s differs from %s' % (oi, lang, ext, name, ref_name))
    print('%d comparisons of %d documents in %d configurations, %d differences' %
          (compared, len(docs), len(overlays) * 2, failures))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
