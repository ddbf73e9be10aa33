"""One reader of source texts and exclusions (`miitdata.sources`): the same code for the same failure in
curate, the site and the provenance layer, through the real CLI on copies of the package."""

from __future__ import annotations

import csv
import io
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from miitdata.errors import PackageError
from miitdata.sources import read_exclusions, read_source
from tests.conftest import ROOT, invoke, read_rows, validate_json


def _with_curation(pkg: Path) -> Path:
    shutil.copytree(ROOT / "curation", pkg.parent / "curation")
    return pkg.parent / "curation"


def _first_source(pkg: Path) -> tuple[str, Path]:
    _, rows = read_rows(pkg.parent / "data" / "sources.csv")
    return rows[0]["source_id"], pkg.parent / rows[0]["path"]


def _commands(pkg: Path, tmp_path: Path, sid: str) -> dict[str, list[str]]:
    return {
        "curate todo": ["curate", "todo", sid, "-p", str(pkg)],
        "curate anchor": ["curate", "anchor", "--check", "-p", str(pkg)],
        "site": ["site", str(tmp_path / "site"), "-p", str(pkg)],
    }


def test_a_source_that_is_not_utf8_is_not_utf8_everywhere(pkg: Path, tmp_path: Path) -> None:
    sid, path = _first_source(pkg)
    data = path.read_bytes()
    at = data.index(b"\n") + 1
    path.write_bytes(data[:at] + b"\xff" + data[at + 1 :])
    for name, args in _commands(pkg, tmp_path, sid).items():
        code, out = invoke(*args)
        assert code == 2, (name, out)
        assert f"not UTF-8 at byte {at} [not-utf8]" in out and str(path) in out, (name, out)
    _, report = validate_json(pkg, "--layer", "provenance")
    bad = [e for e in report["errors"] if e["type"] == "source-not-utf8"]
    assert len(bad) == 1 and bad[0]["id"] == sid and f"byte {at}" in bad[0]["message"]


def test_a_missing_source_is_resource_unreadable_for_commands_and_source_missing_in_the_report(
    pkg: Path, tmp_path: Path
) -> None:
    sid, path = _first_source(pkg)
    path.unlink()
    for name, args in _commands(pkg, tmp_path, sid).items():
        code, out = invoke(*args)
        assert code == 2 and "no such file [resource-unreadable]" in out, (name, out)
    _, report = validate_json(pkg, "--layer", "provenance")
    assert [e["id"] for e in report["errors"] if e["type"] == "source-missing"] == [sid]


BAD_EXCLUSIONS = {
    "not UTF-8": (b"source_id,text,reason\nS000,\xff\xfe,x\n", "not UTF-8 at byte 27"),
    "malformed CSV": (b'source_id,text,reason\nS000,"open quote,x\n', "malformed CSV"),
    "a missing column": (b"source_id,text\nS000,abc\n", "no column reason"),
    "a blank text": (b"source_id,text,reason\nS000,  ,x\n", "row 2: the text to exclude is blank"),
    "a short row": (b"source_id,text,reason\nS000,abc\n", "row 2: 2 cells for 3 columns"),
    "a blank line": (b"source_id,text,reason\nS000,abc,x\n\nS000,def,y\n", "row 3: 0 cells for 3 columns"),
}


@pytest.mark.parametrize("case", sorted(BAD_EXCLUSIONS))
def test_a_bad_exclusions_file_is_an_error_for_curate_and_the_site(
    pkg: Path, tmp_path: Path, case: str
) -> None:
    data, message = BAD_EXCLUSIONS[case]
    bad = _with_curation(pkg) / "exclusions_zz.csv"
    bad.write_bytes(data)
    sid, _ = _first_source(pkg)
    for name, args in _commands(pkg, tmp_path, sid).items():
        if name == "curate anchor":
            continue  # anchor reads no exclusions
        code, out = invoke(*args)
        assert code == 2, (name, out)
        assert f"{bad}: " in out and message in out and "[exclusions-invalid]" in out, (name, out)
    assert not (tmp_path / "site").exists() or not any((tmp_path / "site").iterdir())


def test_an_exclusions_fifo_is_refused_without_waiting(pkg: Path) -> None:
    fifo = _with_curation(pkg) / "exclusions_fifo.csv"
    os.mkfifo(fifo)
    with pytest.raises(PackageError) as caught:
        read_exclusions(pkg.parent)
    assert caught.value.code == "exclusions-invalid" and "FIFO" in str(caught.value)


def test_without_a_curation_directory_there_are_no_exclusions(pkg: Path, tmp_path: Path) -> None:
    assert read_exclusions(pkg.parent) == []
    code, out = invoke("site", str(tmp_path / "site"), "-p", str(pkg))
    assert code == 0, out


def test_the_shipped_exclusions_read_the_same_as_csv_reads_them() -> None:
    rows = read_exclusions(ROOT)
    expected = []
    for path in sorted((ROOT / "curation").glob("exclusions*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            expected += list(csv.DictReader(fh))
    assert rows == expected and rows


cells = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(cells, cells.filter(lambda t: t.strip() != ""), cells), max_size=8))
def test_any_exclusions_written_as_csv_read_back(rows: list[tuple[str, str, str]]) -> None:
    import tempfile

    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)  # a lone CR is quoted too
    writer.writerow(["source_id", "text", "reason"])
    writer.writerows(rows)
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "curation").mkdir()
        (Path(tmp) / "curation" / "exclusions.csv").write_text(out.getvalue(), encoding="utf-8", newline="")
        got = read_exclusions(Path(tmp))
    assert [(r["source_id"], r["text"], r["reason"]) for r in got] == rows


def test_a_source_outside_the_package_is_refused(pkg: Path) -> None:
    with pytest.raises(PackageError) as caught:
        read_source(pkg.parent, pkg, "../outside.txt")
    assert caught.value.code == "path-unsafe"
