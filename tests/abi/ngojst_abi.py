"""Shared helpers of the ABI tests: public declarations and the symbol map.

Python standard library only. Imported by check-symbols.py and
check-headers.py, which live next to it.
"""

import pathlib
import re

# Words that can precede a function name's '(' in a declaration but are not it.
_NOT_NAMES = {
    'void', 'char', 'short', 'int', 'long', 'float', 'double', 'signed',
    'unsigned', 'const', 'volatile', 'struct', 'union', 'enum', 'extern',
    'static', 'inline', 'restrict', '__attribute__', '__declspec',
}


def strip_comments_and_directives(text):
    """Remove comments and preprocessor lines, keeping line numbers."""
    text = re.sub(r'/\*.*?\*/', lambda m: '\n' * m.group(0).count('\n'), text, flags=re.S)
    text = re.sub(r'//[^\n]*', '', text)
    out = []
    in_directive = False
    for line in text.split('\n'):
        if in_directive or line.lstrip().startswith('#'):
            in_directive = line.rstrip().endswith('\\')
            out.append('')
        else:
            out.append(line)
    return '\n'.join(out)


def public_declarations(header):
    """[(name, line, kind)] of every NGOJST_API declaration of a header.

    kind is 'function' or 'variable'.
    """
    text = strip_comments_and_directives(pathlib.Path(header).read_text(encoding='utf-8'))
    found = []
    for m in re.finditer(r'\bNGOJST_API\b', text):
        end = len(text)
        for stop in (';', '{'):
            i = text.find(stop, m.end())
            if i != -1:
                end = min(end, i)
        decl = text[m.end():end]
        line = text.count('\n', 0, m.start()) + 1
        name, kind = None, 'function'
        if '(' in decl:
            for cand in re.finditer(r'([A-Za-z_]\w*)\s*\(', decl):
                word = cand.group(1)
                if word in _NOT_NAMES or re.fullmatch(r'[A-Z0-9_]+', word):
                    continue
                name = word
                break
        else:  # a variable: the last identifier before any array bounds
            kind = 'variable'
            ids = re.findall(r'[A-Za-z_]\w*', decl.split('[')[0].split('=')[0])
            name = ids[-1] if ids else None
        if name is None:
            raise ValueError('%s:%d: cannot find the name declared after NGOJST_API' % (header, line))
        found.append((name, line, kind))
    return found


def public_symbols(include_dir):
    """{name: 'header:line'} over include_dir/*.h; raises on a name declared twice."""
    symbols = {}
    for header in sorted(pathlib.Path(include_dir).glob('*.h')):
        for name, line, _kind in public_declarations(header):
            where = '%s:%d' % (header.name, line)
            if name in symbols:
                raise ValueError('%s: %s is already declared at %s' % (where, name, symbols[name]))
            symbols[name] = where
    return symbols


def read_map(path):
    """Parse a GNU ld version script.

    Returns (nodes, problems): nodes is a list of (node, [global symbols in
    file order], [local patterns], parent) and problems a list of messages
    about things the script does not allow (wildcards in global:, junk).
    """
    text = pathlib.Path(path).read_text(encoding='utf-8')
    text = re.sub(r'#[^\n]*', '', text)
    text = re.sub(r'/\*.*?\*/', '', text, flags=re.S)
    nodes, problems = [], []
    pos = 0
    node_re = re.compile(r'\s*([A-Za-z_][\w.]*)\s*\{(.*?)\}\s*([A-Za-z_][\w.]*)?\s*;', re.S)
    while pos < len(text.rstrip()):
        m = node_re.match(text, pos)
        if not m:
            problems.append('%s: cannot parse the version script near %r' % (path, text[pos:pos + 40].strip()))
            break
        name, body, parent = m.group(1), m.group(2), m.group(3)
        section = None
        glob, local = [], []
        for item in re.split(r'(global\s*:|local\s*:|;)', body):
            item = item.strip()
            if not item or item == ';':
                continue
            if re.fullmatch(r'global\s*:', item):
                section = 'global'
            elif re.fullmatch(r'local\s*:', item):
                section = 'local'
            elif section == 'global':
                if any(c in item for c in '*?[') or not re.fullmatch(r'[A-Za-z_]\w*', item):
                    problems.append('%s: node %s: %r in global: is not a plain symbol name; list every public function explicitly' % (path, name, item))
                glob.append(item)
            elif section == 'local':
                local.append(item)
            else:
                problems.append('%s: node %s: %r is outside global:/local:' % (path, name, item))
        nodes.append((name, glob, local, parent))
        pos = m.end()
    return nodes, problems
