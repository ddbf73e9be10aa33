"""pyproject.toml: one pin per dependency, dev tools in a dependency group, the project's URLs, py.typed,
and a development setup (pre-commit) that uses the installed tools only."""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict

import yaml

from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _requirements() -> dict[str, list[tuple[str, str]]]:
    """name -> [(where, requirement)] over dependencies, extras, groups and the build system."""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    project = PYPROJECT["project"]
    places = {"dependencies": project["dependencies"], "build-system": PYPROJECT["build-system"]["requires"]}
    places |= {f"extra {k}": v for k, v in project["optional-dependencies"].items()}
    places |= {f"group {k}": v for k, v in PYPROJECT["dependency-groups"].items()}
    for where, requirements in places.items():
        for requirement in requirements:
            if isinstance(requirement, str) and _name(requirement) != "miitdata":
                found[_name(requirement)].append((where, requirement))
    return found


def test_each_dependency_is_pinned_once() -> None:
    """Listed once, except a build requirement the dev group also installs, with the same pin."""
    for name, places in _requirements().items():
        outside_build = [p for p in places if p[0] != "build-system"]
        assert len(outside_build) <= 1, (name, places)
        assert len({requirement for _, requirement in places}) == 1, (name, places)


def test_dev_tools_are_a_dependency_group_not_an_extra() -> None:
    extras = PYPROJECT["project"]["optional-dependencies"]
    assert "dev" not in extras
    dev = {_name(r) for r in PYPROJECT["dependency-groups"]["dev"]}
    assert {"pytest", "ruff", "mypy", "hypothesis", "pre-commit"} <= dev
    runtime = {_name(r) for extra in extras.values() for r in extra} | {
        _name(r) for r in PYPROJECT["project"]["dependencies"]
    }
    assert not dev & runtime, dev & runtime
    assert extras["all"] == [f"miitdata[{','.join(k for k in extras if k != 'all')}]"]


def test_project_urls() -> None:
    urls = PYPROJECT["project"]["urls"]
    assert {"Homepage", "Documentation", "Repository", "Issues", "Changelog"} <= set(urls)
    assert all(url.startswith("https://") for url in urls.values())


def test_typed_package() -> None:
    assert (ROOT / "src" / "miitdata" / "py.typed").is_file()
    assert PYPROJECT["tool"]["mypy"]["strict"] is True


def test_readme_setup_installs_the_cli_only_and_the_test_command_the_rest() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup, tests = re.findall(r"```bash\n(.*?)\n```", readme, re.S)[:2]
    assert "pip install -e . " in setup and "[" not in setup.split("pip install", 1)[1].split("&&")[0]
    assert "--group dev" in tests and '".[all]"' in tests and tests.endswith("python -m pytest -q")


def test_pre_commit_hooks_are_local_and_cover_ruff_and_mypy() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]  # nothing to download
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert {"ruff-check", "ruff-format", "mypy"} <= set(hooks)
    assert all(hook["language"] == "system" for hook in hooks.values())
    assert hooks["mypy"]["entry"] == "mypy" and hooks["mypy"]["pass_filenames"] is False
