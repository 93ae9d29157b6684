#!/usr/bin/env python3
"""Adds the missing @API stability markers (docs/api.md) to the library modules' public types.

Idempotent: a type that already has @API is left as it is, so the status chosen by hand stays.
Every public top-level type of an exported package (no "internal" segment) gets
@API(status = <status>, since = "0.1"), the status from STATUS below (first matching package
prefix); nested types take the status of the type that encloses them. Run it after adding or
moving public types, then scripts/api-dump.sh:

    python3 scripts/api-markers.py            # edit the files
    python3 scripts/api-markers.py --check    # only list what lacks a marker; exit 1 if any
    python3 scripts/api-markers.py --internal # also mark @API(INTERNAL) the public top-level types of
                                              # internal packages that another package uses (so they
                                              # must stay public); run by the integrator after a merge
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
# The library modules: those whose public API is dumped and checked (each has api/<artifact>.api).
MODULES = ["engine-gotemplate", "engine-spec", "engine-core", "engine-docker", "engine-test"]
# Package (or package.Type) prefix -> status; the first match wins, the default is EXPERIMENTAL.
STATUS = [
    ("io.multistep.engine.Engine", "STABLE"),
    ("io.multistep.engine.RunOptions", "STABLE"),
    ("io.multistep.engine.RunResult", "STABLE"),
    ("io.multistep.engine.spi", "EXPERIMENTAL"),
    ("io.multistep.engine.testing", "EXPERIMENTAL"),
    ("io.multistep.engine", "MAINTAINED"),
    ("io.multistep.spec.render", "EXPERIMENTAL"),
    ("io.multistep.spec", "STABLE"),
    ("io.multistep.gotemplate", "EXPERIMENTAL"),
    ("io.multistep.docker", "MAINTAINED"),
    ("io.multistep.test", "EXPERIMENTAL"),
]
DECL = re.compile(r"^public\s+(?:(?:final|abstract|sealed|non-sealed|static|strictfp)\s+)*"
                  r"(?:class|interface|enum|record|@interface)\s+(\w+)", re.M)
IMPORT = "import org.apiguardian.api.API;"


def status_for(qualified):
    for prefix, status in STATUS:
        if qualified == prefix or qualified.startswith(prefix + ".") or qualified.startswith(prefix + "$"):
            return status
    return "EXPERIMENTAL"


def add_import(text):
    if IMPORT in text:
        return text
    lines = text.split("\n")
    imports = [i for i, l in enumerate(lines) if l.startswith("import ") and not l.startswith("import static ")]
    statics = [i for i, l in enumerate(lines) if l.startswith("import static ")]
    if imports:
        at = next((i for i in imports if lines[i] > IMPORT), imports[-1] + 1)
        lines.insert(at, IMPORT)
    elif statics:
        lines.insert(statics[-1] + 1, "")
        lines.insert(statics[-1] + 2, IMPORT)
    else:
        pkg = next(i for i, l in enumerate(lines) if l.startswith("package "))
        lines[pkg + 1:pkg + 1] = ["", IMPORT]
    return "\n".join(lines)


def used_elsewhere(pkg, name):
    """Whether a source file of another package (main or test, any module) names pkg.name."""
    needle = re.compile(r"\b" + re.escape(pkg + "." + name) + r"\b")
    for path in ROOT.glob("*/src/*/java/**/*.java"):
        text = path.read_text(encoding="utf-8")
        own = re.search(r"^package\s+([\w.]+);", text, re.M)
        if own and own.group(1) != pkg and needle.search(text):
            return True
    return False


def process(path, source_root, check, internal=False):
    rel = path.relative_to(source_root)
    pkg = ".".join(rel.parent.parts)
    if path.name in ("package-info.java", "module-info.java"):
        return False
    if ("internal" in rel.parent.parts) != internal:
        return False
    text = path.read_text(encoding="utf-8")
    m = DECL.search(text)
    if not m:
        return False
    if internal and not used_elsewhere(pkg, m.group(1)):
        return False
    # The annotations right above the declaration (after the Javadoc) hold the marker, if any.
    head = text[:m.start()]
    above = head[head.rfind("*/") + 2:] if "*/" in head else head[head.rfind(";") + 1:]
    if "@API(" in above:
        return False
    if check:
        print(f"{path.relative_to(ROOT)}: {pkg}.{m.group(1)} has no @API marker")
        return True
    status = "INTERNAL" if internal else status_for(f"{pkg}.{m.group(1)}")
    text = text[:m.start()] + f'@API(status = API.Status.{status}, since = "0.1")\n' + text[m.start():]
    path.write_text(add_import(text), encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: @API({status})")
    return True


def main():
    check = "--check" in sys.argv[1:]
    missing = False
    for module in MODULES:
        source_root = ROOT / module / "src/main/java"
        if not source_root.is_dir():
            continue
        for path in sorted(source_root.rglob("*.java")):
            missing |= process(path, source_root, check)
            if "--internal" in sys.argv[1:]:
                process(path, source_root, check=False, internal=True)
    return 1 if check and missing else 0


if __name__ == "__main__":
    sys.exit(main())
