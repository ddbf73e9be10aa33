"""The layout's rules: one catalogue (docs/errors.md generated from it), imports in one direction with no
cycles, no private names across modules, small modules, layers that declare their codes."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from miitdata.errors import CATALOGUE, LAYERS, RUN, PackageError, codes, markdown_table
from tests.conftest import ROOT

SRC = ROOT / "src" / "miitdata"
MAX_LINES = 600


def _modules() -> dict[str, Path]:
    out = {}
    for path in SRC.rglob("*.py"):
        parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _imports(path: Path, name: str, modules: dict[str, Path]) -> list[tuple[str, list[str]]]:
    """(module imported, names imported) for every import outside `if TYPE_CHECKING:` blocks."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip |= {id(n) for child in node.body for n in ast.walk(child)}
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found += [(a.name, []) for a in node.names if a.name.startswith("miitdata")]
        elif isinstance(node, ast.ImportFrom):
            mod = node.module or ""
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                mod = ".".join([*base, mod] if mod else base)
            if not mod.startswith("miitdata"):
                continue
            names = [a.name for a in node.names]
            subs = [f"{mod}.{n}" for n in names if f"{mod}.{n}" in modules]
            found += [(s, []) for s in subs]
            found.append((mod, [n for n in names if f"{mod}.{n}" not in modules]))
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        for mod, _ in _imports(path, name, modules):
            while mod not in modules and "." in mod:
                mod = mod.rpartition(".")[0]
            if mod in modules and mod != name:
                graph[name].add(mod)
    return graph


def test_no_import_cycles() -> None:
    graph = _graph()
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = [*stack[stack.index(nxt) :], nxt]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)


def test_imports_run_one_way() -> None:
    """Nothing imports the CLI but the CLI; the library never imports a command."""
    graph = _graph()
    for module, deps in graph.items():
        if module.startswith("miitdata.cli") or module == "miitdata.__main__":
            continue
        assert not [d for d in deps if d.startswith("miitdata.cli")], module
    for module, deps in graph.items():
        if module.startswith("miitdata.cli.commands."):
            assert "miitdata.cli.main" not in deps, module


def test_no_private_name_imported_across_modules() -> None:
    modules = _modules()
    bad = []
    for name, path in modules.items():
        for mod, names in _imports(path, name, modules):
            bad += [f"{name} imports {mod}.{n}" for n in names if n.startswith("_") and n != "__version__"]
    assert not bad, bad


def test_no_module_over_600_lines() -> None:
    sizes = {name: len(p.read_text(encoding="utf-8").splitlines()) for name, p in _modules().items()}
    assert {n: s for n, s in sizes.items() if s > MAX_LINES} == {}


def test_every_layer_declares_its_codes_and_they_cover_the_catalogue() -> None:
    import importlib

    declared: dict[str, set[str]] = {}
    for layer in [*LAYERS, "frictionless"]:
        module = importlib.import_module(f"miitdata.validation.layers.{layer}")
        assert callable(module.run), layer
        declared[layer] = set(module.CODES)
    for layer in LAYERS:
        assert declared[layer] <= set(codes(layer)) | set(codes("relations")) | set(codes("consistency"))
    every = set().union(*declared.values()) | {"stale-discrepancy"}  # filed by validation/waivers.py
    assert every == {c for c in CATALOGUE if CATALOGUE[c].layer != RUN}


def test_every_code_used_in_the_source_is_in_the_catalogue() -> None:
    used_run, used_checks = set(), set()
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used_run |= set(re.findall(r'PackageError\(\s*"([a-z0-9-]+)"', text))
        used_checks |= set(re.findall(r'ctx\.(?:error|check|count)\(\s*"([a-z0-9-]+)"', text))
    assert used_run <= set(codes(RUN)), used_run - set(codes(RUN))
    assert used_checks <= set(CATALOGUE) - set(codes(RUN)), used_checks - set(CATALOGUE)


def test_readme_error_tables_are_the_catalogue() -> None:
    """Both directions: every docs/errors.md row is a code with its text, and every code has a row."""
    readme = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    for kind in (RUN, "validation"):
        assert markdown_table(kind) in readme, (
            f"docs/errors.md's {kind} table is stale: python tools/readme_errors.py"
        )
    rows = set(re.findall(r"^\| `([a-z0-9-]+)` \| (?:[a-z]+ \| )?", readme, re.M))
    tables = re.findall(r"<!-- generated: errors \w+ .*?-->\n(.*?)<!-- /generated -->", readme, re.S)
    in_tables = set(re.findall(r"^\| `([a-z0-9-]+)` \|", "".join(tables), re.M))
    assert in_tables == set(CATALOGUE)
    assert rows >= in_tables


def test_templates_format_with_their_parameters() -> None:
    for code, cls in CATALOGUE.items():
        params = {name: 1 for name in cls.params()}
        assert isinstance(cls.format(**params), str), code
        assert cls.title and cls.description, code


def test_package_error_carries_a_run_error() -> None:
    exc = PackageError("descriptor-not-found", "no such file", "x/datapackage.json", row=3, field="f")
    assert exc.error is CATALOGUE["descriptor-not-found"]
    assert str(exc) == "x/datapackage.json: row 3: field f: no such file [descriptor-not-found]"
    with pytest.raises(ValueError):
        PackageError("quote-mismatch", "a validation code is not a run error")


def test_layer_choices_come_from_the_catalogue() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "miitdata", "validate", "--help"], capture_output=True, text=True, env=None
    ).stdout
    for layer in LAYERS:
        assert layer in out


def test_no_machine_paths_in_tracked_files() -> None:
    files = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    # written in parts, so that this file does not contain what it looks for
    parts = ["/" + "work/", "/" + "root/", "/" + "home/", "/." + "venv/", "site-" + "packages/miitdata"]
    pattern = re.compile("|".join(re.escape(p) for p in parts))
    hits = []
    for rel in files:
        path = ROOT / rel
        if (
            rel.startswith("data/sources/")
            or not path.is_file()
            or path.suffix in (".png", ".parquet", ".sqlite")
        ):
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        hits += [f"{rel}: {m.group(0)}" for m in pattern.finditer(text)]
    assert hits == []


MAX_FUNCTION_LINES = 80
LONG_BECAUSE = "Long because:"


def test_no_function_over_80_lines_without_a_reason() -> None:
    """A function in src/ longer than 80 lines (decorators excluded) says why in its docstring, after
    "Long because:"; CONTRIBUTING.md states the rule."""
    long = []
    for name, path in _modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            lines = (node.end_lineno or node.lineno) - node.lineno + 1
            reason = (ast.get_docstring(node) or "").partition(LONG_BECAUSE)[2].strip()
            if lines > MAX_FUNCTION_LINES and len(reason) < 20:
                long.append(f"{name}.{node.name}: {lines} lines")
    assert long == [], long
