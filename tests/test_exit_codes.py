"""One exception base: every error miitdata raises on purpose is a `MiitdataError` carrying a run error of
the catalogue, and `miitdata.cli.main` turns it into its exit code in one place."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import miitdata
from miitdata.errors import CATALOGUE, RUN, FilterError, MiitdataError, PackageError
from tests.conftest import ROOT

SRC = ROOT / "src" / "miitdata"


def _exception_classes() -> list[type[BaseException]]:
    """Every public exception class defined in src/miitdata (modules whose classes derive from *Error or
    *Exception are imported to resolve them)."""
    found: list[type[BaseException]] = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [
            node.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ClassDef)
            and not node.name.startswith("_")
            and any(ast.unparse(b).endswith(("Error", "Exception")) for b in node.bases)
        ]
        if not names:
            continue
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        module = importlib.import_module(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
        found += [getattr(module, name) for name in names]
    return [cls for cls in found if issubclass(cls, BaseException)]


def test_every_exception_miitdata_defines_derives_from_the_one_base() -> None:
    classes = _exception_classes()
    assert {c.__name__ for c in classes} >= {
        "MiitdataError", "PackageError", "FilterError", "TagConflictError", "NumberParseError", "UnitError",
        "PeriodError",
    }  # fmt: skip
    assert [c.__name__ for c in classes if not issubclass(c, MiitdataError)] == []


def test_a_code_fixed_by_its_class_is_a_run_error_declared_once() -> None:
    for cls in _exception_classes():
        code = vars(cls).get("code")
        if code is None:
            continue
        assert CATALOGUE[code].layer == RUN, cls
        assert [k for k in cls.__mro__ if "code" in vars(k) and vars(k)["code"] == code] == [cls]


def test_the_base_refuses_a_code_that_is_not_a_run_error() -> None:
    with pytest.raises(ValueError, match=r"add it to miitdata\.errors"):
        MiitdataError("quote-mismatch", "a validation code")
    with pytest.raises(ValueError, match=r"add it to miitdata\.errors"):
        MiitdataError("no-such-code", "x")


def test_the_api_exports_the_base_and_value_errors_stay_value_errors() -> None:
    assert miitdata.MiitdataError is MiitdataError and miitdata.FilterError is FilterError
    from miitdata.numbers import NumberParseError, UnitError
    from miitdata.numbers.periods import PeriodError

    for cls in (FilterError, NumberParseError, UnitError, PeriodError):
        assert issubclass(cls, ValueError), cls


def test_a_bad_span_is_named_once() -> None:
    from miitdata.numbers.periods import PeriodError, parse_period

    with pytest.raises(PeriodError) as caught:
        parse_period("2021/2020")
    assert str(caught.value) == "'2021/2020': the span ends before it starts"
    assert caught.value.code == "period-unparsable" and caught.value.exit_code == 1


def _tag_conflict() -> MiitdataError:
    from miitdata.versions.tags import Conflict, TagConflictError

    return TagConflictError([Conflict("v0.1.0", "a" * 40, "b" * 40), Conflict("v0.2.0", "c" * 40, "d" * 40)])


CASES: list[tuple[BaseException, int, str]] = [
    (
        PackageError("descriptor-not-found", "no such file", "x/datapackage.json", row=2),
        2,
        "miitdata: error: x/datapackage.json: row 2: no such file [descriptor-not-found]",
    ),
    (FilterError("no region 'Mars'"), 2, "miitdata: error: no region 'Mars' [filter-unknown]"),
    (KeyboardInterrupt(), 130, "miitdata: interrupted"),
    (
        RuntimeError("boom"),
        2,
        "miitdata: error: RuntimeError: boom (set MIITDATA_DEBUG=1 for details)",
    ),
]


@pytest.mark.parametrize(("exc", "code", "message"), CASES)
def test_main_maps_each_error_to_its_exit_code_and_one_message(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    exc: BaseException,
    code: int,
    message: str,
) -> None:
    import miitdata.cli.main as cli_main

    def app() -> None:
        raise exc

    monkeypatch.delenv("MIITDATA_DEBUG", raising=False)
    monkeypatch.setattr(cli_main, "app", app)
    assert cli_main.exit_code(exc) == (code, message)
    with pytest.raises(SystemExit) as caught:
        cli_main.main()
    assert caught.value.code == code
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", message + "\n")


def test_a_tag_conflict_exits_1_with_a_line_per_conflict(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import miitdata.cli.main as cli_main

    exc = _tag_conflict()

    def app() -> None:
        raise exc

    monkeypatch.setattr(cli_main, "app", app)
    with pytest.raises(SystemExit) as caught:
        cli_main.main()
    lines = capsys.readouterr().err.splitlines()
    assert caught.value.code == 1 and exc.exit_code == 1
    assert [line.endswith("[tag-conflict]") for line in lines] == [True, True, False]
    assert "a" * 40 in lines[0] and "d" * 40 in lines[1] and lines[2] == "miitdata: no tag created or moved"


def test_debug_shows_the_traceback_of_a_bug_only(monkeypatch: pytest.MonkeyPatch) -> None:
    import miitdata.cli.main as cli_main

    raised: list[BaseException] = [RuntimeError("a bug"), FilterError("no region 'Mars'")]

    def app() -> None:
        raise raised[0]

    monkeypatch.setenv("MIITDATA_DEBUG", "1")
    monkeypatch.setattr(cli_main, "app", app)
    with pytest.raises(RuntimeError, match="a bug"):
        cli_main.main()
    raised.pop(0)
    with pytest.raises(SystemExit) as caught:
        cli_main.main()
    assert caught.value.code == 2


def test_the_catalogue_gives_every_run_error_its_exit_code() -> None:
    assert {cls.exit_code for cls in CATALOGUE.values() if cls.layer == RUN} == {1, 2}
    assert CATALOGUE["tag-conflict"].exit_code == 1 and CATALOGUE["descriptor-not-found"].exit_code == 2


def test_main_py_has_one_except_chain() -> None:
    tree = ast.parse(Path(importlib.import_module("miitdata.cli.main").__file__ or "").read_text())
    handlers = [node for node in ast.walk(tree) if isinstance(node, ast.ExceptHandler)]
    assert len(handlers) == 2  # SystemExit passes through; everything else goes through exit_code()
