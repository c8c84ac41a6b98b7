#!/usr/bin/env python3
"""Module hygiene of src/, checked on every test run.

1. Every Rust file in src/ opens with a `//!` doc comment saying why the
   module exists (a maintainer reads that first).
2. No import cycle between modules. An import from module M of module T is
   lifted to the two children of their lowest common ancestor; a child using
   its ancestor (`super::`, `crate::`) or a parent using its child is not an
   edge. A cycle in the remaining sibling graph means two modules depend on
   each other and should be one module or share a third.
3. No file over MAX_LINES lines unless ALLOWED_LONG names it with a reason.

Exit status 1 with one line per problem; prints a short summary otherwise.
"""
import os
import re
import sys

MAX_LINES = 800
# path relative to src/ -> why it may be longer
ALLOWED_LONG = {}

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")


def module_of(rel):
    """src-relative file path -> module path tuple ('' crate root excluded)."""
    parts = rel[:-3].split("/")
    if parts[0] == "bin":
        return None  # binaries are separate crates
    if parts[-1] in ("mod", "lib"):
        parts = parts[:-1]
    return tuple(parts)


def strip_comments(src):
    src = re.sub(r"/\*.*?\*/", "", src, flags=re.S)
    return "\n".join(re.sub(r"//.*", "", line) for line in src.splitlines())


def use_paths(src):
    """Every path named by a `use` item, with groups expanded one level."""
    out = []
    for m in re.finditer(r"\buse\s+([^;]+);", strip_comments(src)):
        body = re.sub(r"\s+", "", m.group(1))
        out.extend(expand(body))
    # Fully qualified paths in expressions and types: crate::a::b::Item
    for m in re.finditer(r"(?<![\w:])((?:crate|super)(?:::\w+)+)", strip_comments(src)):
        out.append(m.group(1))
    return out


def expand(body):
    if "{" not in body:
        return [body.split(" as ")[0]]
    i = body.index("{")
    prefix = body[:i]
    inner = body[i + 1 : body.rindex("}")]
    items, depth, cur = [], 0, ""
    for ch in inner:
        if ch == "," and depth == 0:
            items.append(cur)
            cur = ""
            continue
        depth += ch == "{"
        depth -= ch == "}"
        cur += ch
    items.append(cur)
    out = []
    for item in items:
        if not item:
            continue
        if item == "self":
            out.append(prefix.rstrip(":"))
        else:
            out.extend(expand(prefix + item))
    return out


def main():
    problems = []
    modules = {}
    for dirpath, _, files in os.walk(ROOT):
        for name in files:
            if not name.endswith(".rs"):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, ROOT).replace(os.sep, "/")
            text = open(path, encoding="utf-8").read()
            first = next((l for l in text.splitlines() if l.strip()), "")
            if not first.startswith("//!"):
                problems.append(f"src/{rel}: does not open with a `//!` doc comment")
            lines = text.count("\n")
            if lines > MAX_LINES and rel not in ALLOWED_LONG:
                problems.append(f"src/{rel}: {lines} lines (over {MAX_LINES}; split it or list it with a reason)")
            mod = module_of(rel)
            if mod is not None:
                modules[mod] = text

    # Names re-exported at the crate root -> the module they come from.
    root_exports = {}
    for path in use_paths(modules.get((), "")):
        parts = path.split("::")
        if len(parts) >= 2 and parts[0] not in ("crate", "super", "self", "std", "core", "alloc"):
            root_exports[parts[-1]] = tuple(parts[:-1])

    def resolve(mod, path):
        parts = path.split("::")
        if parts[0] == "crate":
            base, rest = (), parts[1:]
        elif parts[0] == "super":
            base = mod
            rest = parts
            while rest and rest[0] == "super":
                base = base[:-1]
                rest = rest[1:]
        elif parts[0] == "self":
            base, rest = mod, parts[1:]
        else:
            return None
        if base == () and rest and rest[0] in root_exports and (rest[0],) not in modules:
            return root_exports[rest[0]]
        target = base
        for p in rest:
            if target + (p,) in modules:
                target = target + (p,)
            else:
                break
        return target

    edges = {}
    for mod, text in modules.items():
        for path in use_paths(text):
            target = resolve(mod, path)
            if target is None or target == mod:
                continue
            if mod[: len(target)] == target or target[: len(mod)] == mod:
                continue  # ancestor or descendant
            k = 0
            while k < min(len(mod), len(target)) and mod[k] == target[k]:
                k += 1
            a, b = mod[: k + 1], target[: k + 1]
            edges.setdefault(a, set()).add(b)

    # Tarjan's strongly connected components over the sibling graph.
    index, low, stack, on, sccs, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                sccs.append(comp)

    sys.setrecursionlimit(10000)
    for v in list(edges):
        if v not in index:
            visit(v)
    for comp in sccs:
        names = sorted("::".join(c) for c in comp)
        problems.append("import cycle between modules: " + " <-> ".join(names))

    for p in problems:
        print(p)
    longest = max(((modules[m].count("\n"), "::".join(m) or "lib") for m in modules))
    print(f"{len(modules)} modules, {sum(len(e) for e in edges.values())} sibling edges, "
          f"{len(sccs)} cycles; longest: {longest[1]} ({longest[0]} lines)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
