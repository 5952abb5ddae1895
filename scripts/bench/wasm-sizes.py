#!/usr/bin/env python3
"""Code bytes by function in a WebAssembly module that keeps its names, or the difference
between two such modules, largest changes first.

cargo's release wasm (target/wasm32-unknown-unknown/release/*.wasm, before wasm-bindgen and
wasm-opt) keeps its name section, so two builds of the worker or the page show what a change
added: a second monomorphised copy of a library routine stands out by name. Sizes are the
function bodies as cargo wrote them; wasm-opt changes them, so confirm a step with
scripts/build.sh and scripts/site-size.sh.

    python3 scripts/bench/wasm-sizes.py MODULE.wasm [--top N]
    python3 scripts/bench/wasm-sizes.py BEFORE.wasm AFTER.wasm [--top N]
"""
import argparse
import collections
import re


def uleb(data, at):
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def skip_limits(data, at):
    flags = data[at]
    _, at = uleb(data, at + 1)
    if flags & 1:
        _, at = uleb(data, at)
    return at


def function_sizes(path):
    """{name with its hash removed: code bytes} (functions of one name summed)."""
    data = open(path, 'rb').read()
    if data[:4] != b'\0asm':
        raise SystemExit(f'{path}: not a WebAssembly module')
    at, imported, bodies, names = 8, 0, [], {}
    while at < len(data):
        section = data[at]
        size, at = uleb(data, at + 1)
        end = at + size
        if section == 2:  # imports: functions among them take the first indices
            count, i = uleb(data, at)
            for _ in range(count):
                for _ in range(2):  # module, field
                    n, i = uleb(data, i)
                    i += n
                kind = data[i]
                i += 1
                if kind == 0:
                    _, i = uleb(data, i)
                    imported += 1
                elif kind == 1:
                    i = skip_limits(data, i + 1)
                elif kind == 2:
                    i = skip_limits(data, i)
                elif kind == 3:
                    i += 2
        elif section == 10:  # code
            count, i = uleb(data, at)
            for _ in range(count):
                n, i = uleb(data, i)
                bodies.append(n)
                i += n
        elif section == 0:  # custom: the `name` section's function names
            n, i = uleb(data, at)
            if data[i:i + n] == b'name':
                i += n
                while i < end:
                    sub = data[i]
                    n, i = uleb(data, i + 1)
                    if sub == 1:
                        count, j = uleb(data, i)
                        for _ in range(count):
                            index, j = uleb(data, j)
                            length, j = uleb(data, j)
                            names[index] = data[j:j + length].decode('utf-8', 'replace')
                            j += length
                    i += n
        at = end
    sizes = collections.Counter()
    for k, body in enumerate(bodies):
        name = names.get(imported + k, f'function[{imported + k}]')
        sizes[re.sub(r'(::)?17h[0-9a-f]{16}E$|::h[0-9a-f]{16}$', '', name)] += body
    return sizes


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('modules', nargs='+', metavar='MODULE')
    parser.add_argument('--top', type=int, default=40)
    args = parser.parse_args()
    if len(args.modules) == 1:
        sizes = function_sizes(args.modules[0])
        print(f'{sum(sizes.values()):,} bytes of code in {len(sizes):,} names')
        for name, size in sizes.most_common(args.top):
            print(f'{size:9,}  {name[:160]}')
        return
    if len(args.modules) != 2:
        parser.error('one module, or two to compare')
    before, after = (function_sizes(m) for m in args.modules)
    print(f'code {sum(before.values()):,} -> {sum(after.values()):,} bytes')
    change = {k: after[k] - before[k] for k in before.keys() | after.keys()}
    for name, delta in sorted(change.items(), key=lambda kv: -abs(kv[1]))[:args.top]:
        if delta:
            print(f'{delta:+9,} {after[name]:9,}  {name[:160]}')


if __name__ == '__main__':
    main()
