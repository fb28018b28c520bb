#!/usr/bin/env python3
"""Run the Python examples of the guides.

Usage: check-python-examples.py SOURCE_ROOT

The ```python blocks of one guide continue one another (a later block uses
what an earlier one imported), so each guide's blocks run in order in one
namespace, in a scratch folder holding the files the examples name. A block
that starts with "#!" is a whole script quoted from examples/ and is skipped
(its own file is what the build tests). Needs NGOJST_LIBRARY and PYTHONPATH
pointing at the built library and bindings/python.
"""
import os
import re
import shutil
import sys
import tempfile
import traceback

ROOT = os.path.abspath(sys.argv[1])
GUIDES = ['README.md', 'docs/getting-started.md', 'docs/getting-started.pl.md',
          'docs/python.md', 'docs/python.pl.md']
# The names the examples use, and the repository file each stands for.
FILES = {
    'programme-2026.yaml': 'examples/samples/programme-2026.yaml',
    'program-2026.yaml': 'examples/samples/programme-2026.yaml',
    'reports.yaml': 'tests/data/cli/stream.yaml',
    'sprawozdania.yaml': 'tests/data/cli/stream.yaml',
    'programme.cases.yaml': 'docs/examples/programme.cases.yaml',
    'program.cases.yaml': 'docs/examples/programme.cases.yaml',
    'typo.yaml': 'docs/examples/programme-typos.yaml',
    'literowka.yaml': 'docs/examples/programme-typos.yaml',
}


def main() -> int:
    passed = failed = 0
    with tempfile.TemporaryDirectory() as top:
        # Two levels deep, like docs/examples/, so the example case file's
        # "../../examples/..." paths resolve too.
        tmp = os.path.join(top, 'w', 'd')
        os.makedirs(tmp)
        for sub in ('examples', 'docs', 'tests'):
            os.symlink(os.path.join(ROOT, sub), os.path.join(tmp, sub))
            os.symlink(os.path.join(ROOT, sub), os.path.join(top, sub))
        # The guides' example files, so a case file finds its sibling overlays.
        for name in os.listdir(os.path.join(ROOT, 'docs', 'examples')):
            shutil.copy(os.path.join(ROOT, 'docs', 'examples', name), os.path.join(tmp, name))
        for name, src in FILES.items():
            shutil.copy(os.path.join(ROOT, src), os.path.join(tmp, name))
        os.chdir(tmp)
        for guide in GUIDES:
            with open(os.path.join(ROOT, guide), encoding='utf-8') as f:
                text = f.read()
            blocks = [b for b in re.findall(r'```python\n(.*?)```', text, re.S) if not b.startswith('#!')]
            namespace = {'__name__': '__doc_example__'}
            for i, code in enumerate(blocks, 1):
                try:
                    exec(compile(code, f'{guide} (example {i})', 'exec'), namespace)
                except SystemExit:
                    pass
                except Exception:
                    failed += 1
                    print(f'FAIL {guide}, Python example {i}:')
                    traceback.print_exc(file=sys.stdout)
                    continue
                passed += 1
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
