"""The documentation works as written: every dotted `miitdata.*` name it mentions imports, every
repository path it names exists, and its Python examples run (against the bundled package).

Documents: README.md, CURATION.md, CONTRIBUTING.md, docs/**/*.md, benchmarks/README.md. The shell
examples of docs/versions.md run in tests/test_readme_versions.py (they need git tags and dvc).
"""

from __future__ import annotations

import ast
import importlib
import os
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

DOCS = sorted(
    {
        ROOT / "README.md",
        ROOT / "CURATION.md",
        ROOT / "CONTRIBUTING.md",
        ROOT / "benchmarks" / "README.md",
        *(ROOT / "docs").rglob("*.md"),
    }
)
# file names that look like dotted names: `miitdata.sqlite`, `miitdata.xlsx` ...
FILE_SUFFIXES = {
    "sqlite",
    "xlsx",
    "json",
    "jsonld",
    "html",
    "csv",
    "parquet",
    "png",
    "md",
    "txt",
    "whl",
    "gz",
}
DOTTED = re.compile(r"(?<![\w./-])miitdata(?:\.[A-Za-z_]\w*)+")
TRACKED = set(
    subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
)
TOP = {name.split("/")[0] for name in TRACKED}
CODE = re.compile(r"`([^`\n]+)`")
LINK = re.compile(r"\]\(([^)\s]+)\)")


def _text(doc: Path) -> str:
    return doc.read_text(encoding="utf-8")


def dotted_names() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for doc in DOCS:
        for name in DOTTED.findall(_text(doc)):
            parts = name.split(".")
            if len(parts) == 2 and parts[1] in FILE_SUFFIXES:
                continue
            found.setdefault(name, []).append(str(doc.relative_to(ROOT)))
    return found


def resolve(name: str) -> object:
    """Import the longest module prefix of `name`, then look the rest up as attributes."""
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                obj: object = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError as exc:
            if exc.name and not ".".join(parts[:cut]).startswith(exc.name):
                raise  # the module exists but imports something missing: a real failure
            continue
        for attr in parts[cut:]:
            obj = getattr(obj, attr)
        return obj
    raise ModuleNotFoundError(name)


def test_the_documents_are_found() -> None:
    names = {str(d.relative_to(ROOT)) for d in DOCS}
    assert {"README.md", "CURATION.md", "CONTRIBUTING.md", "benchmarks/README.md"} <= names
    assert any(n.startswith("docs/") for n in names)


@pytest.mark.parametrize("name", sorted(dotted_names()))
def test_every_dotted_name_imports(name: str) -> None:
    try:
        resolve(name)
    except (ImportError, AttributeError) as exc:
        pytest.fail(f"{name} (in {', '.join(sorted(set(dotted_names()[name])))}): {exc!r}")


def _path_like(token: str) -> str | None:
    """A repository path named in a code span, or None when the span is not one."""
    token = token.strip().rstrip(".,;:")
    if " " in token or any(c in token for c in "<>*{}$[]()|=\"'") or "X.Y.Z" in token or "..." in token:
        return None
    if token.startswith(("./", "http", "-")):
        return None
    first = token.split("/")[0]
    if first not in TOP:
        return None
    return token.split(":")[0].split("#")[0]


def repository_paths() -> dict[str, set[str]]:
    """{path: documents}: code spans whose first component is a tracked top-level entry, and relative
    Markdown links (resolved against the linking document)."""
    found: dict[str, set[str]] = {}
    for doc in DOCS:
        text = _text(doc)
        for token in CODE.findall(text):
            path = _path_like(token)
            if path:
                found.setdefault(path, set()).add(str(doc.relative_to(ROOT)))
        for target in LINK.findall(text):
            if target.startswith(("http://", "https://", "#", "mailto:")):
                continue
            path = (doc.parent / target.split("#")[0]).resolve()
            rel = os.path.relpath(path, ROOT)
            found.setdefault(rel, set()).add(str(doc.relative_to(ROOT)))
    return found


def dvc_outputs() -> set[str]:
    """The outputs dvc.yaml declares: not in git, built by `dvc repro` (a fresh clone has none yet)."""
    stages = yaml.safe_load((ROOT / "dvc.yaml").read_text(encoding="utf-8"))["stages"]
    found: set[str] = set()
    for stage in stages.values():
        for kind in ("outs", "metrics", "plots"):
            for out in stage.get(kind, []):
                found.add(next(iter(out)) if isinstance(out, dict) else out)
    return found


@pytest.mark.parametrize("path", sorted(repository_paths()))
def test_every_repository_path_exists(path: str) -> None:
    where = ", ".join(sorted(repository_paths()[path]))
    assert not path.startswith(".."), f"{path} (in {where}) points outside the repository"
    if path in dvc_outputs():  # a DVC output: declared in dvc.yaml, and git-ignored rather than tracked
        return
    assert (ROOT / path).exists(), f"{path} (in {where}) does not exist"


def test_dvc_outputs_named_by_the_docs_are_declared() -> None:
    """The docs' DVC outputs (exports/...) are real outputs of dvc.yaml, not stale names."""
    named = {p for p in repository_paths() if p.startswith("exports/")}
    assert named <= dvc_outputs() | {p for p in named if (ROOT / p).exists()}, named - dvc_outputs()


def python_examples() -> list[tuple[str, int, str]]:
    examples = []
    for doc in DOCS:
        for i, match in enumerate(re.finditer(r"^```python\n(.*?)^```", _text(doc), re.S | re.M)):
            examples.append((str(doc.relative_to(ROOT)), i, match.group(1)))
    return examples


def runnable(source: str) -> str:
    """The example as a script: placeholders filled (the bundled package's path), statements that
    need another version from git (`rev=`, `repo=`) left out, and every expression whose line ends
    in a comment starting with a Python literal (`x.verdict  # 'supported'`) checked against it."""
    source = source.replace('"path/to/datapackage.json"', repr(str(ROOT / "datapackage.json")))
    lines = source.splitlines()
    out = []
    for node in ast.parse(source).body:
        segment = "\n".join(lines[node.lineno - 1 : node.end_lineno])
        if "rev=" in segment or "repo=" in segment:
            continue
        comment = lines[node.end_lineno - 1].partition("#")[2].strip()  # type: ignore[operator]
        literal = re.match(r"""^('[^']*'|"[^"]*"|True|False|None|-?\d+(\.\d+)?)(\s|$)""", comment)
        code = ast.get_source_segment(source, node) or segment
        if isinstance(node, ast.Expr) and literal:
            out.append(f"assert ({code}) == {literal.group(1)}, ({code!r}, {code})")
        else:
            out.append(code)
    return "\n".join(out) + "\n"


@pytest.mark.parametrize(("doc", "index", "source"), python_examples(), ids=lambda v: str(v)[:30])
def test_python_examples_run(doc: str, index: int, source: str, tmp_path: Path) -> None:
    script = runnable(source)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    proc = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=600
    )
    assert proc.returncode == 0, f"{doc} example {index}:\n{script}\n---\n{proc.stderr[-3000:]}"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(_ignored_outputs(tmp_path))


def _ignored_outputs(where: Path) -> list[str]:
    """The files an example wrote, each of which .gitignore must cover (were it run in a checkout)."""
    names = [p.name for p in where.iterdir()]
    if not names:
        return names
    proc = subprocess.run(
        ["git", "check-ignore", "--no-index", "--stdin"],
        cwd=ROOT,
        input="\n".join(names),
        capture_output=True,
        text=True,
        check=False,
    )
    return proc.stdout.split()


def test_the_export_api_and_its_deprecated_alias() -> None:
    """`miitdata.outputs.export` is the public export API; its 0.2 name `miitdata.export` still works,
    with a DeprecationWarning."""
    code = (
        "import warnings\nwarnings.simplefilter('error', DeprecationWarning)\n"
        "import miitdata.outputs.export as api\n"
        "assert {'export', 'read_export', 'package_tables'} <= set(dir(api))\n"
        "try:\n    import miitdata.export\nexcept DeprecationWarning as w:\n    print('warned:', w)\n"
        "else:\n    raise SystemExit('no DeprecationWarning')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "miitdata.outputs.export" in proc.stdout
    with pytest.warns(DeprecationWarning):
        sys.modules.pop("miitdata.export", None)
        old = importlib.import_module("miitdata.export")
    from miitdata.outputs import export as api

    assert (old.export, old.read_export, old.package_tables) == (
        api.export,
        api.read_export,
        api.package_tables,
    )


OUTPUT = re.compile(
    r"miitdata (?:export\b[^\n#]*?\s|datasheet\s+|site\s+|[a-z]+\b[^\n#]*?(?:-o|--output|--report)\s+)"
    r"(?P<out>[A-Za-z0-9_.][A-Za-z0-9_./-]*)\s*(?:#|$)",
    re.M,
)


def example_outputs() -> dict[str, set[str]]:
    """The files and directories the shell examples write (an upper-case OUT is a placeholder)."""
    found: dict[str, set[str]] = {}
    for doc in DOCS:
        for block in re.findall(r"^```(?:bash|sh|console|shell)\n(.*?)^```", _text(doc), re.S | re.M):
            for match in OUTPUT.finditer(block):
                out = match.group("out")
                if out.isupper() or out.startswith(("OUT", "-")):
                    continue
                found.setdefault(out, set()).add(str(doc.relative_to(ROOT)))
    return found


def test_gitignore_covers_what_the_examples_write() -> None:
    outputs = example_outputs()
    assert {"validation.xml", "miitdata.xlsx", "datasheet.html", "site/"} <= set(outputs)
    for out in outputs:
        probe = out.rstrip("/") + ("/index.html" if out.endswith("/") else "")
        proc = subprocess.run(["git", "check-ignore", "--no-index", "-q", probe], cwd=ROOT, check=False)
        where = ", ".join(sorted(outputs[out]))
        assert proc.returncode == 0, f"{out} (written by an example in {where}) is not in .gitignore"
