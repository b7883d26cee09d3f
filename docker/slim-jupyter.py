#!/usr/bin/python3
"""Prints the installed Debian packages that only JupyterLab's build toolchain needs.

Debian's jupyterlab package Depends on the JavaScript toolchain its UI was built with (nodejs and ~540
node-* packages, TypeScript, esbuild, webpack, eslint, jest, plus gdb and git). The running server loads
none of it: the UI ships prebuilt in /usr/share/jupyter/lab/static. This script walks Depends and
Pre-Depends from the packages we want (the roots) without entering the toolchain, and prints every
installed package the walk never reached: those are safe to `dpkg --purge --force-depends`.

usage: slim-jupyter.py ROOTS_FILE        (one package name a line: the base system plus what we installed)
"""
import re
import sys

STATUS = "/var/lib/dpkg/status"
# The packages whose Depends name the build toolchain, and the toolchain they name. Only those edges are
# cut: a library that needs a node-* package at run time (libjs-jed's files are links into node-jed) keeps it.
TOOLCHAIN_USERS = {"jupyterlab", "jupyterhub"}
TOOLCHAIN = re.compile(
    r"^(node-.*|nodejs|nodejs-doc|libnode\d*|npm|yarnpkg|esbuild|eslint|webpack|terser|uglifyjs.*|"
    r"jest|ts-jest|mocha|ava|handlebars|gyp|gdb|gdb-minimal|git|git-man|libjs-typescript)$")


def read_status(path):
    """Installed packages: name -> (list of dependency groups, provided names)."""
    installed, provides = {}, {}
    with open(path, encoding="utf-8") as f:
        for stanza in f.read().split("\n\n"):
            fields, key = {}, None
            for line in stanza.splitlines():
                if line.startswith((" ", "\t")) and key:
                    fields[key] += " " + line.strip()
                elif ":" in line:
                    key, _, value = line.partition(":")
                    fields[key] = value.strip()
            if "Package" not in fields or not fields.get("Status", "").endswith(" installed"):
                continue
            name = fields["Package"]
            groups = []
            for field in ("Pre-Depends", "Depends"):
                for group in filter(None, (g.strip() for g in fields.get(field, "").split(","))):
                    groups.append([re.split(r"[\s(:]", alt.strip(), maxsplit=1)[0] for alt in group.split("|")])
            installed[name] = groups
            for p in filter(None, (p.strip() for p in fields.get("Provides", "").split(","))):
                provides.setdefault(re.split(r"[\s(]", p, maxsplit=1)[0], []).append(name)
    return installed, provides


def keep_set(roots, installed, provides):
    """Packages reachable from roots through dependencies that avoid the toolchain."""
    keep, todo = set(), [r for r in roots if r in installed]
    while todo:
        name = todo.pop()
        if name in keep:
            continue
        keep.add(name)
        for group in installed[name]:
            candidates = []
            for alt in group:
                for real in ([alt] if alt in installed else []) + provides.get(alt, []):
                    if not (name in TOOLCHAIN_USERS and TOOLCHAIN.match(real)):
                        candidates.append(real)
            if candidates:  # an alternative already kept satisfies the group; else take the first
                todo.append(next((c for c in candidates if c in keep), candidates[0]))
    return keep


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        roots = [line.strip() for line in f if line.strip()]
    installed, provides = read_status(STATUS)
    keep = keep_set(roots, installed, provides)
    for name in sorted(set(installed) - keep):
        print(name)


if __name__ == "__main__":
    main()
