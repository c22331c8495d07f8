#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a source file includes a header from a layer above its own.

    check-layers.py SOURCE_ROOT            check the tree
    check-layers.py --self-test SOURCE_ROOT  copy the tree, inject an upward include into each
                                           layer in turn and check the checker catches it

Layers, lowest first (DESIGN.md §1): model (app/model) -> drawing (widgets/drawing) ->
widgets (widgets) and command line (app/cli) -> application (app). A layer may include its own
headers and those of the layers below it; quoted includes are resolved by file name against
the headers of the tree, so a header that is not in the tree (other than config.h) fails too.
System headers of GUI toolkits are checked by layer as well."""
import os
import re
import shutil
import sys
import tempfile

# (layer, folder prefix), most specific first.
LAYERS = [
    ('model', 'app/model/'),
    ('cli', 'app/cli/'),
    ('drawing', 'widgets/drawing/'),
    ('widgets', 'widgets/'),
    ('app', 'app/'),
]
MAY_USE = {
    'model': {'model'},
    'drawing': {'model', 'drawing'},
    'widgets': {'model', 'drawing', 'widgets'},
    'cli': {'model', 'drawing', 'cli'},
    'app': {'model', 'drawing', 'widgets', 'cli', 'app'},
}
GTK = r'(gtk/|gdk/|gsk/|adwaita\.h|gtk\.h)'
CAIRO = r'(cairo|pango)'
FORBIDDEN_SYSTEM = {
    'model': re.compile(r'^\s*#\s*include\s*<%s' % '(%s|%s)' % (GTK, CAIRO)),
    'drawing': re.compile(r'^\s*#\s*include\s*<%s' % GTK),
    'cli': re.compile(r'^\s*#\s*include\s*<%s' % GTK),
}
QUOTED = re.compile(r'^\s*#\s*include\s*"([^"]+)"')
GENERATED = {'config.h'}


def layer_of(rel):
    for name, prefix in LAYERS:
        if rel.startswith(prefix):
            return name
    return None


def sources(root):
    for base in ('app', 'widgets'):
        for dirpath, _, files in os.walk(os.path.join(root, base)):
            for f in sorted(files):
                if f.endswith(('.c', '.h')):
                    full = os.path.join(dirpath, f)
                    yield os.path.relpath(full, root).replace(os.sep, '/')


def check(root):
    headers = {}
    for rel in sources(root):
        if rel.endswith('.h'):
            headers.setdefault(os.path.basename(rel), rel)
    problems = []
    for rel in sources(root):
        layer = layer_of(rel)
        with open(os.path.join(root, rel), encoding='utf-8') as fh:
            for lineno, line in enumerate(fh, 1):
                m = QUOTED.match(line)
                if m:
                    name = os.path.basename(m.group(1))
                    if name in GENERATED:
                        continue
                    target = headers.get(name)
                    if target is None:
                        problems.append('%s:%d: includes "%s", which is not a header of the tree'
                                        % (rel, lineno, m.group(1)))
                        continue
                    used = layer_of(target)
                    if used not in MAY_USE[layer]:
                        problems.append('%s:%d: the %s layer includes %s from the %s layer'
                                        % (rel, lineno, layer, target, used))
                    continue
                bad = FORBIDDEN_SYSTEM.get(layer)
                if bad is not None and bad.match(line):
                    problems.append('%s:%d: the %s layer includes %s'
                                    % (rel, lineno, layer, line.strip()))
    return problems


def self_test(root):
    """Each injected fault must be caught; the clean copy must pass."""
    faults = [
        ('app/model/lode-levers.c', '#include "lode-flow-view.h"\n'),
        ('app/model/lode-levers.c', '#include <gtk/gtk.h>\n'),
        ('app/model/lode-levers.c', '#include <cairo.h>\n'),
        ('widgets/drawing/lode-text.c', '#include "lode-window.h"\n'),
        ('widgets/drawing/lode-text.c', '#include <adwaita.h>\n'),
        ('widgets/lode-year-control.c', '#include "lode-cli.h"\n'),
        ('app/cli/lode-cli.c', '#include "lode-flow-view.h"\n'),
        ('app/cli/lode-cli.c', '#include "no-such-header.h"\n'),
    ]
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for base in ('app', 'widgets'):
            shutil.copytree(os.path.join(root, base), os.path.join(tmp, base))
        clean = check(tmp)
        if clean:
            print('not ok - the clean copy fails:\n  ' + '\n  '.join(clean))
            return 1
        for path, line in faults:
            full = os.path.join(tmp, path)
            with open(full, encoding='utf-8') as fh:
                original = fh.read()
            with open(full, 'w', encoding='utf-8') as fh:
                fh.write(original + line)
            found = check(tmp)
            with open(full, 'w', encoding='utf-8') as fh:
                fh.write(original)
            if found:
                print('ok - %s + %s' % (path, line.strip()))
            else:
                print('not ok - %s + %s was not caught' % (path, line.strip()))
                failures += 1
    return 1 if failures else 0


def main():
    args = sys.argv[1:]
    if args and args[0] == '--self-test':
        sys.exit(self_test(args[1]))
    problems = check(args[0])
    for p in problems:
        print(p)
    print('%d upward includes' % len(problems))
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
