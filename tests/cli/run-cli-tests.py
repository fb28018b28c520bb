#!/usr/bin/env python3
"""Golden tests of the ngojst CLI: exit codes, stdout and stderr.

Usage: run-cli-tests.py NGOJST_EXE SOURCE_ROOT
Set NGOJST_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate
change (then read the diff before committing it).
"""
import json
import os
import subprocess
import sys

EXE, ROOT = os.path.abspath(sys.argv[1]), sys.argv[2]
DATA = 'tests/data/cli'
GOLDEN = os.path.join(ROOT, 'tests', 'cli', 'golden')
UPDATE = os.environ.get('NGOJST_UPDATE_GOLDEN') == '1'
AS_OF = '--as-of=2026-11-26'

# name, arguments, expected exit code, golden stdout?, golden stderr?, stdin (path or bytes)
CASES = [
    ('check-sample-pl', ['check', AS_OF, 'examples/samples/programme-2026.yaml'], 0, True, True, None),
    ('check-late-en', ['check', AS_OF, '--lang', 'en', f'{DATA}/late-programme.yaml'], 1, True, True, None),
    ('check-late-pl', ['check', AS_OF, f'{DATA}/late-programme.yaml'], 1, True, True, None),
    ('check-late-json', ['check', AS_OF, '--lang', 'en', '--format', 'json', f'{DATA}/late-programme.yaml'], 1, True, True, None),
    ('check-late-sarif', ['check', AS_OF, '--lang', 'en', '--format=sarif', f'{DATA}/late-programme.yaml'], 1, True, True, None),
    ('check-fail-level-error', ['check', AS_OF, '--fail-level', 'error', f'{DATA}/stream.yaml'], 1, False, False, None),
    ('check-stream', ['check', AS_OF, '--lang', 'en', f'{DATA}/stream.yaml'], 1, True, True, None),
    ('check-stdin', ['check', AS_OF, '--lang', 'en', '-'], 1, True, True, f'{DATA}/stream.yaml'),
    ('check-input-errors', ['check', AS_OF, '--lang', 'en', f'{DATA}/bad-input.yaml', 'examples/samples/programme-2026.yaml'], 2, True, True, None),
    ('check-missing-file', ['check', AS_OF, 'no/such/file.yaml'], 2, True, True, None),
    ('check-bad-utf8', ['check', AS_OF, f'{DATA}/bad-utf8.yaml'], 2, True, True, None),
    ('check-alias-bomb', ['check', AS_OF, f'{DATA}/alias-bomb.yaml'], 2, True, True, None),
    ('check-deep', ['check', AS_OF, f'{DATA}/deep.yaml'], 2, True, True, None),
    ('check-kind-option', ['check', AS_OF, '--kind', 'ProgrammeReport', '-'], 0, True, True,
     b'year: 2025\nsubmitted_on: 2026-05-04\npublished_on: 2026-05-04\n'),
    ('check-bad-ruleset', ['check', AS_OF, '--ruleset', f'{DATA}/bad-ruleset.yaml', 'examples/samples/programme-2026.yaml'], 2, True, True, None),
    ('check-loosening-overlay', ['check', AS_OF, '--lang', 'en', '--ruleset', f'{DATA}/loosening.yaml', 'examples/samples/programme-2026.yaml'], 1, True, True, None),
    ('check-dir', ['check', AS_OF, '--lang', 'en', 'examples/samples/', f'{DATA}/late-programme.yaml'], 1, True, True, None),
    ('check-empty-file', ['check', AS_OF, f'{DATA}/empty.yaml'], 2, True, True, None),
    ('check-no-input', ['check', AS_OF], 2, True, True, None),
    ('check-bad-as-of', ['check', '--as-of', '2026-02-30', 'x.yaml'], 2, True, True, None),
    ('check-bad-option', ['check', '--frobnicate', 'x.yaml'], 2, True, True, None),
    ('explain-en', ['explain', '--lang', 'en', 'udpp.5a.3.submit'], 0, True, True, None),
    ('explain-unknown', ['explain', 'udpp.99'], 2, True, True, None),
    ('test-cases', ['test', f'{DATA}/small.cases.yaml'], 1, True, True, None),
    ('kinds', ['kinds'], 0, True, True, None),
    ('test-rejects-lang', ['test', '--lang', 'en', f'{DATA}/small.cases.yaml'], 2, True, True, None),
    ('rules-rejects-sarif', ['rules', '--format', 'sarif'], 2, True, True, None),
    ('rules-json', ['rules', '--lang', 'en', '--format', 'json'], 0, False, False, None),
    ('no-command', [], 2, False, False, None),
    ('unknown-command', ['frobnicate'], 2, False, False, None),
    ('help', ['--help'], 0, False, True, None),
    # ngojst score: local-initiative applications ranked with a municipality's overlay
    ('score-krakow-en', ['score', '--as-of=2019-06-01', '--lang', 'en', '--ruleset', 'examples/overlays/krakow-inicjatywa-lokalna.yaml',
                         'tests/cases/documents/initiative-krakow-ogrod.yaml', f'{DATA}/initiative-krakow-batch.yaml'], 1, True, True, None),
    ('score-krakow-pl-json', ['score', '--as-of=2019-06-01', '--format', 'json', '--ruleset', 'examples/overlays/krakow-inicjatywa-lokalna.yaml',
                              'tests/cases/documents/initiative-krakow-ogrod.yaml', f'{DATA}/initiative-krakow-batch.yaml'], 1, True, True, None),
    ('score-one-passes', ['score', '--as-of=2025-04-01', '--lang', 'en', '--ruleset', 'tests/cases/overlays/initiative-gmina-testowa.yaml',
                          'tests/cases/documents/initiative-application-organisation.yaml'], 0, True, True, None),
    ('score-bad-evaluation', ['score', '--as-of=2019-06-01', '--ruleset', 'examples/overlays/krakow-inicjatywa-lokalna.yaml',
                              f'{DATA}/initiative-bad-evaluation.yaml'], 2, True, True, None),
    ('score-bad-scoring', ['score', '--ruleset', f'{DATA}/initiative-bad-scoring.yaml', 'x.yaml'], 2, True, True, None),
    ('score-bad-totals', ['score', '--ruleset', f'{DATA}/initiative-bad-totals.yaml', 'x.yaml'], 2, True, True, None),
    ('score-no-social-work', ['score', '--ruleset', f'{DATA}/initiative-no-social-work.yaml', 'x.yaml'], 2, True, True, None),
    ('score-no-scoring', ['score', '--as-of=2019-06-01', '--ruleset', 'examples/overlays/raciborz-inicjatywa-lokalna.yaml',
                          'tests/cases/documents/initiative-krakow-ogrod.yaml'], 2, True, True, None),
    ('score-wrong-kind', ['score', '--as-of=2019-06-01', '--ruleset', 'examples/overlays/krakow-inicjatywa-lokalna.yaml',
                          'examples/samples/programme-2026.yaml'], 2, True, True, None),
    ('score-no-ruleset', ['score', 'tests/cases/documents/initiative-krakow-ogrod.yaml'], 2, True, True, None),
    ('score-rejects-sarif', ['score', '--format', 'sarif', '--ruleset', 'examples/overlays/krakow-inicjatywa-lokalna.yaml', 'x.yaml'], 2, True, True, None),
]


def run(args, stdin):
    """stdin: None, a path under ROOT, or bytes to feed."""
    if isinstance(stdin, str):
        with open(os.path.join(ROOT, stdin), 'rb') as f:
            data = f.read()
    else:
        data = stdin if stdin is not None else b''
    p = subprocess.run([EXE] + args, cwd=ROOT, input=data, capture_output=True, timeout=60)
    return p.returncode, p.stdout.decode('utf-8', 'replace'), p.stderr.decode('utf-8', 'replace')


def compare(name, what, actual):
    path = os.path.join(GOLDEN, f'{name}.{what}')
    if UPDATE:
        with open(path, 'w', encoding='utf-8') as f:
            f.write(actual)
        return None
    try:
        with open(path, encoding='utf-8') as f:
            expected = f.read()
    except FileNotFoundError:
        return f'{path} is missing (run with NGOJST_UPDATE_GOLDEN=1)'
    if expected != actual:
        import difflib
        diff = ''.join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            f'golden/{name}.{what}', 'actual'))
        return f'{what} differs:\n{diff}'
    return None


def main():
    passed = failed = 0
    for name, args, code, gold_out, gold_err, stdin in CASES:
        rc, out, err = run(args, stdin)
        problems = []
        if rc != code:
            problems.append(f'exit code {rc}, expected {code}\nstdout:\n{out}\nstderr:\n{err}')
        if gold_out:
            problems.append(compare(name, 'out', out))
        if gold_err:
            problems.append(compare(name, 'err', err))
        if '--format' in ' '.join(args) and rc in (0, 1):
            try:
                json.loads(out)
            except ValueError as e:
                problems.append(f'output is not valid JSON: {e}')
        problems = [p for p in problems if p]
        if problems:
            failed += 1
            print(f'FAIL {name}: ngojst {" ".join(args)}')
            for p in problems:
                print('  ' + p.replace('\n', '\n  '))
        else:
            passed += 1
            print(f'ok   {name}')
    # The version line names the embedded rule set's hash.
    rc, out, _ = run(['--version'], None)
    if rc == 0 and 'sha256 ' in out and len(out.split('sha256 ')[1].strip().rstrip(')')) == 64:
        passed += 1
        print('ok   version')
    else:
        failed += 1
        print(f'FAIL version: {rc} {out!r}')
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
