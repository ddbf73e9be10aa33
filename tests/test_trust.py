"""Issue 14: which package, exit codes, no network, bounded work, atomic outputs, safe text, consistency.

Each test runs the real CLI in a fresh process (or the API) against a temporary copy of the package.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from tests.conftest import ROOT, copy_package, edit_rows
from tests.hold import Hold

SRC = str(ROOT / "src")


def _env(**extra: str) -> dict[str, str]:
    path = os.pathsep.join(p for p in (extra.pop("PYTHONPATH", ""), SRC, str(ROOT)) if p)
    return {**os.environ, "MIITDATA_DEBUG": "", "PYTHONPATH": path, **extra}


def cli(*args: str, cwd: Path, timeout: float = 300, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "miitdata", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,
        env=_env(**env),
    )


def _broken_repo(tmp_path: Path) -> Path:
    """A git repository holding a copy of the package with one value broken (a foreign key)."""
    repo = tmp_path / "repo"
    repo.mkdir()
    pkg = copy_package(repo)
    edit_rows(pkg, "observations", lambda rows: rows[5].update(indicator_id="no_such_indicator"))
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    return repo


# ------------------------------------------------------------------------------------------ which package


@pytest.mark.parametrize("format", ["text", "json", "junit"])
@pytest.mark.parametrize("to_file", [False, True], ids=["stdout", "-o"])
def test_validate_without_arguments_checks_the_working_directory(
    tmp_path: Path, format: str, to_file: bool
) -> None:
    repo = _broken_repo(tmp_path)
    args = ["validate", "--format", format] + (["-o", "report.out"] if to_file else [])
    proc = cli(*args, cwd=repo)
    assert proc.returncode == 1, proc.stderr
    text = (repo / "report.out").read_text(encoding="utf-8") if to_file else proc.stdout
    summary = proc.stderr.strip().splitlines()[-1]
    assert re.fullmatch(
        r"miitdata: invalid: 1 errors, \d+ known \(datapackage.json, version [\w.]+\)", summary
    )
    version = json.loads((repo / "datapackage.json").read_text(encoding="utf-8"))["version"]
    if format == "json":
        report = json.loads(text)
        assert report["valid"] is False and report["version"] == version
        assert report["path"] == "datapackage.json"
    elif format == "junit":
        root = ET.fromstring(text)
        assert int(root.get("failures", "0")) > 0
        props = {p.get("name"): p.get("value") for p in root.iter("property")}
        assert props["path"] == "datapackage.json" and props["version"] == version
    else:
        first = text.splitlines()[0]
        assert first.startswith("invalid") and "datapackage.json" in first and f"version {version}" in first


def test_every_data_command_takes_package_option(tmp_path: Path) -> None:
    """--package/-p works on every command that reads the package (metrics too)."""
    pkg = copy_package(tmp_path)
    edit_rows(pkg, "events", lambda rows: rows[0].update(host="Host from the copy"))
    out = tmp_path / "out"
    out.mkdir()
    assert "Host from the copy" in cli("info", "-p", str(pkg), cwd=out).stdout
    metrics = cli("metrics", "-p", str(pkg), cwd=out)
    assert metrics.returncode == 0 and json.loads(metrics.stdout)
    assert cli("export", "-f", "json", "x.json", "-p", str(pkg), cwd=out).returncode == 0
    assert "Host from the copy" in (out / "x.json").read_text(encoding="utf-8")


# ------------------------------------------------------------------------------------------ exit codes


BLOCKER = """
import importlib.abc, sys
BLOCKED = {blocked!r}
class _Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
        return None
sys.meta_path.insert(0, _Block())
"""

EXTRA_CASES = [
    (("export", "-f", "parquet", "p"), {"pyarrow"}, "export"),
    (("export", "-f", "xlsx", "x.xlsx"), {"openpyxl"}, "export"),
    (("validate", "--frictionless"), {"frictionless"}, "frictionless"),
]


OPTIONAL = {"matplotlib", "pyarrow", "openpyxl", "frictionless", "dvc", "mcp", "PIL"}


@pytest.mark.parametrize("args", [("datasheet", "d.html"), ("site", "site")], ids=["datasheet", "site"])
def test_site_and_datasheet_need_no_extra(tmp_path: Path, args: tuple[str, ...]) -> None:
    """The datasheet and the explorer draw everything themselves: no optional package (nor a plotting
    library) is imported, and the bytes are those of a run that has them all."""
    site_dir = tmp_path / "block"
    site_dir.mkdir()
    (site_dir / "sitecustomize.py").write_text(BLOCKER.format(blocked=sorted(OPTIONAL)), encoding="utf-8")
    blocked, free = tmp_path / "blocked", tmp_path / "free"
    blocked.mkdir()
    free.mkdir()
    proc = cli(*args, cwd=blocked, PYTHONPATH=str(site_dir))
    assert proc.returncode == 0, proc.stderr
    assert cli(*args, cwd=free).returncode == 0
    out = args[1]
    files = sorted(p.relative_to(free / out) for p in (free / out).rglob("*") if p.is_file()) or [Path(".")]
    for rel in files:
        assert (blocked / out / rel).read_bytes() == (free / out / rel).read_bytes(), rel


@pytest.mark.parametrize(
    ("args", "blocked", "extra"), EXTRA_CASES, ids=[c[0][0] + "-" + c[2] for c in EXTRA_CASES]
)
def test_missing_extra_is_exit_2_with_the_pip_command(
    tmp_path: Path, args: tuple[str, ...], blocked: set[str], extra: str
) -> None:
    site_dir = tmp_path / "block"
    site_dir.mkdir()
    (site_dir / "sitecustomize.py").write_text(BLOCKER.format(blocked=sorted(blocked)), encoding="utf-8")
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    proc = cli(*args, cwd=cwd, PYTHONPATH=str(site_dir))
    assert proc.returncode == 2, proc.stderr
    assert f"pip install 'miitdata[{extra}]'" in proc.stderr and "[extra-missing]" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not [p for p in cwd.rglob("*") if p.name.endswith(".tmp")]


def test_load_rev_without_dvc_prints_the_pip_command(tmp_path: Path) -> None:
    code = (
        "import miitdata\ntry:\n    miitdata.load(rev='HEAD')\n"
        "except miitdata.PackageError as e:\n    print(e)"
    )
    site_dir = tmp_path / "block"
    site_dir.mkdir()
    (site_dir / "sitecustomize.py").write_text(BLOCKER.format(blocked=["dvc"]), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=_env(PYTHONPATH=str(site_dir))
    )
    assert "pip install 'miitdata[dvc]'" in proc.stdout and "[dvc-missing]" in proc.stdout, proc.stderr


@pytest.mark.parametrize("format", ["json", "junit"])
@pytest.mark.parametrize("to_file", [False, True], ids=["stdout", "-o"])
def test_exit_2_writes_a_machine_readable_document(tmp_path: Path, format: str, to_file: bool) -> None:
    args = ["validate", str(tmp_path / "nowhere"), "--format", format]
    args += ["-o", "r.out"] if to_file else []
    proc = cli(*args, cwd=tmp_path)
    assert proc.returncode == 2 and "[descriptor-not-found]" in proc.stderr
    text = (tmp_path / "r.out").read_text(encoding="utf-8") if to_file else proc.stdout
    if format == "json":
        doc = json.loads(text)
        assert doc["valid"] is None and doc["error"]["code"] == "descriptor-not-found"
        assert doc["error"]["path"].endswith("nowhere")
    else:
        root = ET.fromstring(text)
        assert root.get("errors") == "1"
        assert [e.get("type") for e in root.iter("error")] == ["descriptor-not-found"]


# ------------------------------------------------------------------------------------------ no network

GUARD = """
import os, socket
MARKER = {marker!r}
def _refuse(*args, **kwargs):
    with open(MARKER, "a") as fh:
        fh.write(repr(args[:2]) + "\\n")
    raise OSError("network access attempted (test guard)")
_connect, _connect_ex = socket.socket.connect, socket.socket.connect_ex
def connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _refuse(address)
    return _connect(self, address)
def connect_ex(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _refuse(address)
    return _connect_ex(self, address)
socket.socket.connect, socket.socket.connect_ex = connect, connect_ex
socket.create_connection = _refuse
"""


def test_no_command_touches_the_network(tmp_path: Path) -> None:
    guard = tmp_path / "guard"
    guard.mkdir()
    marker = tmp_path / "network-attempted"
    (guard / "sitecustomize.py").write_text(GUARD.format(marker=str(marker)), encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    pkg = copy_package(work)
    shutil.copytree(ROOT / "curation", work / "curation")
    out = tmp_path / "out"
    out.mkdir()
    env = {"PYTHONPATH": str(guard), "DVC_NO_ANALYTICS": "1"}
    runs = [
        (("validate", "--frictionless"), work, (0,)),
        (("show", "--region", "West"), work, (0,)),
        (("cite", "O0009"), work, (0,)),
        (("info",), work, (0,)),
        (("export", "-f", "csv", str(out / "csv")), work, (0,)),
        (("export", "-f", "json", str(out / "x.json")), work, (0,)),
        (("export", "-f", "sqlite", str(out / "x.sqlite")), work, (0,)),
        (("datasheet", str(out / "d.html")), work, (0,)),
        (("site", str(out / "site")), work, (0,)),
        (("metrics", "-p", str(pkg)), work, (0,)),
        (("curate", "anchor", "--check"), work, (0,)),
        (("curate", "todo", "S004"), work, (0, 1)),
        (("versions", "--repo", str(ROOT)), work, (0,)),
        (("diff", "HEAD~1", "HEAD", "--repo", str(ROOT)), work, (0, 1)),
    ]
    for args, cwd, codes in runs:
        proc = cli(*args, cwd=cwd, **env)
        assert proc.returncode in codes, (args, proc.returncode, proc.stderr[-1500:])
        assert not marker.exists(), (args, marker.read_text())


# ------------------------------------------------------------------------------------------ bounded work


def test_200000_columns_bounded_report(tmp_path: Path) -> None:
    pkg = copy_package(tmp_path)
    path = tmp_path / "data" / "events.csv"
    head, rest = path.read_bytes().split(b"\n", 1)
    path.write_bytes(head + b"," + b",".join(b"c%d" % i for i in range(200_000)) + b"\n" + rest)
    for format in ("json", "junit", "text"):
        # bounded by what is reported (capped), not by a clock: cli's timeout only guards against a hang
        proc = cli("validate", str(pkg), "--format", format, "-o", f"r.{format}", cwd=tmp_path)
        assert proc.returncode == 1, proc.stderr
        assert (tmp_path / f"r.{format}").stat().st_size < 1_000_000
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    extra = [e for e in report["errors"] if e["type"] == "extra-label"]
    assert len(extra) == 1000  # capped per check


def test_fifo_is_refused_immediately(tmp_path: Path) -> None:
    import miitdata

    pkg = copy_package(tmp_path)
    regions = tmp_path / "data" / "regions.csv"
    regions.unlink()
    os.mkfifo(regions)
    for args in (("show",), ("export", "-f", "csv", "out")):
        proc = cli(*args, "-p", str(pkg), cwd=tmp_path, timeout=60)
        assert proc.returncode == 2 and "[resource-unreadable]" in proc.stderr, proc.stderr
    proc = cli("validate", str(pkg), "--format", "json", cwd=tmp_path, timeout=60)
    assert proc.returncode == 1
    assert any(e["type"] == "resource-not-found" for e in json.loads(proc.stdout)["errors"])
    with pytest.raises(miitdata.PackageError, match="named pipe"):
        miitdata.load(str(pkg))


def test_a_long_note_exports_in_every_format(tmp_path: Path) -> None:
    """Python's csv field limit is raised once (miitdata.files): a 200,000-character cell exports."""
    from miitdata.outputs import export

    pkg = copy_package(tmp_path)
    note = "é" * 200_000  # two UTF-8 bytes each; not Chinese, which the quote rule would check
    edit_rows(pkg, "observations", lambda rows: rows[0].update(note=note))
    proc = cli("validate", str(pkg), "--format", "json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout[-2000:]
    for format, name in (
        ("csv", "c"),
        ("json", "x.json"),
        ("sqlite", "x.sqlite"),
        ("parquet", "p"),
        ("xlsx", "x.xlsx"),
    ):
        proc = cli("export", "-f", format, name, "-p", str(pkg), cwd=tmp_path)
        assert proc.returncode == 0, (format, proc.stderr)
        back = export.read_export(tmp_path / name, format)
        assert back["observations"]["note"].iloc[0] == note, format
    # A spreadsheet cell holds at most 32,767 characters: the cell shows the start of the text and
    # says where the rest is; the whole text is in a hidden sheet, which read_export joins back.
    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "x.xlsx", read_only=True)
    try:
        header = [c.value for c in next(book["observations"].iter_rows(min_row=1, max_row=1))]
        shown = [c.value for c in next(book["observations"].iter_rows(min_row=2, max_row=2))]
        cell = shown[header.index("note")]
        assert cell.startswith("é" * 100) and "hidden sheet _miitdata_long" in cell
        assert len(cell) <= export.XLSX_CELL_LIMIT
        assert book["_miitdata_long"].sheet_state == "hidden"
    finally:
        book.close()


def test_xlsx_long_cells_round_trip_whatever_they_hold(tmp_path: Path) -> None:
    """Long cells of characters XLSX must escape (control characters, literal _xHHHH_, CR, astral
    characters that take two UTF-16 units) round-trip exactly, split at any point."""
    from miitdata.outputs import export

    pieces = ["\x01", "_x0041_", "\r\n", "😀", "中", "a", "_x", "005F_"]
    texts = [
        "".join(pieces[(i * 7 + i // 3) % len(pieces)] for i in range(n)) for n in (20_000, 40_000, 70_001)
    ]
    tables = {"t": (["id", "text"], [[str(i), t] for i, t in enumerate(texts)] + [["9", None]])}
    out = tmp_path / "x.xlsx"
    export.write_tables(tables, out, "xlsx", {"name": "t", "version": "0", "created": "2024-01-01"})
    back = export.read_export(out, "xlsx")
    assert back["t"]["text"].iloc[:3].tolist() == texts
    assert back["t"]["text"].iloc[3] is None or back["t"]["text"].isna().iloc[3]


# ------------------------------------------------------------------------------------------ atomic outputs


def _limit_fsize(limit: int):
    def preexec() -> None:
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return preexec


def _leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.rglob("*") if p.name.startswith(".") or p.name.endswith(".tmp"))


FULL_DISK = {  # every output writer: (arguments, the output, the size limit in bytes)
    **{
        f: (("export", "-f", f, n), n, 20_000)
        for f, n in [
            ("json", "x.json"),
            ("sqlite", "x.sqlite"),
            ("csv", "csvdir"),
            ("parquet", "pq"),
            ("xlsx", "x.xlsx"),
            ("annotations", "a.jsonld"),
            ("croissant", "c.json"),
        ]
    },
    "datasheet": (("datasheet", "d.html"), "d.html", 20_000),
    "site": (("site", "site"), "site", 20_000),
    "report": (("validate", "--format", "json", "-o", "r.json"), "r.json", 1_000),
    "junit": (("validate", "--format", "junit", "-o", "r.xml"), "r.xml", 1_000),
    "metrics": (("metrics", "--output", "m.json", "--report", "v.json"), "m.json", 300),
}


def _tree(target: Path) -> dict[str, bytes]:
    if target.is_dir():
        return {str(p.relative_to(target)): p.read_bytes() for p in sorted(target.rglob("*")) if p.is_file()}
    return {target.name: target.read_bytes()}


@pytest.mark.parametrize("case", list(FULL_DISK))
def test_full_disk_leaves_the_old_output(tmp_path: Path, case: str) -> None:
    """A full disk (RLIMIT_FSIZE: EFBIG) while any writer writes over an earlier output: exit 2
    `output-unwritable`, the old output unchanged, no temporary left, no traceback."""
    args, name, limit = FULL_DISK[case]
    out = tmp_path / "out"
    out.mkdir()
    assert cli(*args, cwd=out).returncode == 0
    target = out / name
    if target.is_dir():  # the old output, recognisably (miitdata replaces only its own directories)
        first = next(p for p in sorted(target.rglob("*")) if p.is_file() and not p.name.startswith("."))
        first.write_bytes(b"old")
    else:
        target.write_bytes(b"old")
    before = _tree(target)
    proc = subprocess.run(
        [sys.executable, "-m", "miitdata", *args],
        capture_output=True,
        text=True,
        cwd=out,
        env={**_env(), "PYTHONDONTWRITEBYTECODE": "1"},
        preexec_fn=_limit_fsize(limit),
        timeout=300,
    )
    assert proc.returncode == 2 and "[output-unwritable]" in proc.stderr, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr, proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert _tree(target) == before
    assert [n for n in _leftovers(out) if n != ".miitdata-site"] == []  # the site marker is no temporary


SLOW = pytest.mark.slow
EXPORTS = [
    ("sqlite", "x.sqlite"),
    ("csv", "csvdir"),  # a directory export: swapped in whole or not at all
    pytest.param("parquet", "pq", marks=SLOW),
    pytest.param("json", "x.json", marks=SLOW),
    pytest.param("xlsx", "x.xlsx", marks=SLOW),
]


def _old_output(out: Path, format: str, name: str) -> dict[str, bytes]:
    """Put an earlier output at `out/name` (directory exports: a real one, recognisably changed)."""
    target = out / name
    if format in ("parquet", "csv"):  # miitdata replaces only its own directories
        assert cli("export", "-f", format, name, cwd=out).returncode == 0
        (target / f"events.{format}").write_bytes(b"old")
    else:
        target.write_bytes(b"old")
    return _snapshot(target)


def _held_export(tmp_path: Path, out: Path, format: str, name: str) -> tuple[subprocess.Popen[bytes], Hold]:
    hold = Hold(tmp_path / "hold")
    proc = subprocess.Popen(
        [sys.executable, "-m", "miitdata", "export", "-f", format, name],
        cwd=out,
        env={**_env(), **hold.env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    return proc, hold


def test_children_of_the_tests_get_the_default_sigint() -> None:
    """Whatever the runner inherited (see conftest.pytest_configure), a command the tests start can be
    interrupted: its SIGINT is Python's default handler, not ignored."""
    probe = "import signal; print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "True", done.stdout + done.stderr


@pytest.mark.parametrize(("format", "name"), EXPORTS)
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_signal_mid_export_leaves_the_old_file(
    tmp_path: Path, sig: signal.Signals, format: str, name: str
) -> None:
    """The export is held at its last moment (everything written, not yet renamed) and signalled there:
    exit 130, the old output unchanged, no temporary left."""
    out = tmp_path / "out"
    out.mkdir()
    before = _old_output(out, format, name)
    proc, hold = _held_export(tmp_path, out, format, name)
    with hold:
        tmp = out / hold.wait(proc)  # relative to the writer's working directory
        assert tmp.parent == out and tmp.exists()  # the new output is complete beside the old one
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)
    stderr = (hold.stderr + err).decode()
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr
    assert _snapshot(out / name) == before
    assert _leftovers(out) == []


@pytest.mark.parametrize(("format", "name"), [EXPORTS[0], EXPORTS[2]])
def test_held_export_released_completes(tmp_path: Path, format: str, name: str) -> None:
    """The same hold, released instead of signalled: the new output replaces the old one."""
    out = tmp_path / "out"
    out.mkdir()
    before = _old_output(out, format, name)
    proc, hold = _held_export(tmp_path, out, format, name)
    with hold:
        hold.wait(proc)
        assert _snapshot(out / name) == before  # held before the rename: still the old output
        hold.release()
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, (hold.stderr + err).decode()
    assert _snapshot(out / name) != before
    assert _leftovers(out) == []


def _snapshot(target: Path) -> dict[str, bytes]:
    if target.is_dir():
        return {p.name: p.read_bytes() for p in target.iterdir()}
    return {target.name: target.read_bytes()}


def test_failed_csv_export_does_not_mix_old_and_new(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    assert cli("export", "-f", "csv", "csv", cwd=out).returncode == 0
    old = {p.name: p.read_bytes() + b"#old" for p in (out / "csv").iterdir()}
    for name, data in old.items():
        (out / "csv" / name).write_bytes(data)
    pkg = copy_package(tmp_path)
    (tmp_path / "data" / "relations.csv").write_bytes(b"\xff\xfe not utf-8")  # the 7th table fails
    proc = cli("export", "-f", "csv", "csv", "-p", str(pkg), cwd=out)
    assert proc.returncode == 2
    assert {p.name: p.read_bytes() for p in (out / "csv").iterdir()} == old
    assert _leftovers(out) == []


# ------------------------------------------------------------------------------------------ safe text


def test_control_characters_are_escaped_in_terminal_output(tmp_path: Path) -> None:
    pkg = copy_package(tmp_path)
    edit_rows(pkg, "observations", lambda rows: rows[8].update(note="\x1b[2J\x1b]0;pwned\x07 note"))
    edit_rows(
        pkg,
        "regions",
        lambda rows: [r.update(name_zh="西部\x1b[31m") for r in rows if r["region_id"] == "west"],
    )
    edit_rows(pkg, "events", lambda rows: rows[0].update(host="host\x1b[5m"))
    for args in (("show", "--region", "west", "--lang", "zh"), ("cite", "O0009"), ("info",)):
        proc = cli(*args, "-p", str(pkg), cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        assert "\x1b" not in proc.stdout and "\x07" not in proc.stdout, args
        assert "\\x1b" in proc.stdout, args


def test_no_hard_wrapping_off_a_terminal(tmp_path: Path) -> None:
    deep = tmp_path / ("a-rather-long-directory-name-" * 4) / "package"
    deep.mkdir(parents=True)
    pkg = copy_package(deep)
    edit_rows(pkg, "observations", lambda rows: rows[5].update(indicator_id="no_such_indicator"))
    proc = cli("validate", str(pkg), cwd=tmp_path, COLUMNS="40")
    assert proc.returncode == 1
    assert str(pkg) in proc.stdout.splitlines()[0]
    assert any("no_such_indicator" in line and "observations" in line for line in proc.stdout.splitlines())
    assert "known discrepancies waived" in proc.stdout and "D001" in proc.stdout  # one counted line
    listed = cli("validate", str(pkg), "--show-known", cwd=tmp_path)
    assert "relation-failed" in listed.stdout


# ------------------------------------------------------------------------------------------ consistency


def test_datasheet_checks_its_output_directory(tmp_path: Path) -> None:
    proc = cli("datasheet", "missing/d.html", cwd=tmp_path)
    assert proc.returncode == 2 and "[output-invalid]" in proc.stderr


@pytest.mark.slow
def test_load_rev_path_validates_that_version(tmp_path: Path) -> None:
    import miitdata

    os.environ["MIITDATA_CACHE"] = str(tmp_path / "cache")
    try:
        ds = miitdata.load(rev="v0.1.0", repo=str(ROOT))
    finally:
        del os.environ["MIITDATA_CACHE"]
    assert ds.version == "0.1.0" and ds.path.is_file() and str(tmp_path) in str(ds.path)
    report = miitdata.validate(str(ds.path))
    # that version's tables (0.1.0: 227 observations), not the working tree's
    assert report.version == "0.1.0" and report.rows["observations"] == 227
    # judged by today's rules: 0.1.0 has the duplicate mention that 0.4.0 retires (M003-0093), and notes
    # presenting back-translated Chinese as quotes (quote-not-in-source), and nothing else: its Data
    # Package v1 role `maintainer` is allowed to a release before 0.4.1 (no contributor-role-unknown)
    errors = [(e.type, e.id) for e in report.errors if e.type != "quote-not-in-source"]
    assert errors == [("duplicate-mention", "M003-0093")]
    assert any(e.type == "quote-not-in-source" for e in report.errors)


def test_license_covers_code_data_and_sources() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in text and "CC-BY-4.0" in text and "data/sources" in text
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'license-files = ["LICENSE"]' in pyproject and '"LICENSE"]' in pyproject.split("sdist]")[1]
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"


def _readme_block(heading: str, lang: str = "bash", doc: str = "README.md") -> str:
    """The first `lang` code block under the heading (any level) of a doc of the repository."""
    text = (ROOT / doc).read_text(encoding="utf-8")
    section = re.split(rf"^#+ {re.escape(heading)}\n", text, maxsplit=1, flags=re.M)[1]
    return section.split(f"```{lang}\n", 1)[1].split("```", 1)[0]


def test_readme_show_example(tmp_path: Path) -> None:
    block = _readme_block("Explore and cite")
    claimed = [line.split() for line in block.splitlines() if re.match(r"#\s+O\d{4}", line)]
    command = block.splitlines()[0]
    assert command.startswith("miitdata show")
    proc = cli(*command.split()[1:], cwd=tmp_path)
    assert proc.returncode == 0
    for claim in claimed:
        oid, value = claim[1], next(w for w in claim if w.endswith("%"))
        assert re.search(rf"{oid}\s.*\s{re.escape(value)}\s", proc.stdout), (oid, value, proc.stdout)
    assert [c[1] for c in claimed] == ["O0008", "O0009"]
    cite = cli("cite", "O0009", "--format", "json", cwd=tmp_path)
    sources = [s["source_id"] for s in json.loads(cite.stdout)["sources"]]
    assert sources == ["S000", "S001", "S002", "S003"]  # as the README's comment says


def test_readme_quickstart_and_validation_commands(tmp_path: Path) -> None:
    block = _readme_block("Quickstart")
    for line in block.splitlines():
        command = line.split("#", 1)[0].strip()
        if not command.startswith("miitdata validate") or "path/to" in command:
            continue
        if "--frictionless" in command:
            continue  # run by test_no_command_touches_the_network
        argv = [a.replace("datapackage.json", str(ROOT / "datapackage.json")) for a in command.split()[1:]]
        proc = cli(*argv, cwd=tmp_path)
        assert proc.returncode == 0, (command, proc.stderr)
    code = textwrap.dedent(_readme_block("Quickstart", "python"))
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=_env(), timeout=300
    )
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_readme_json_example_matches_the_package() -> None:
    example = _readme_block("Validation report", "json", doc="docs/validation.md")
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    assert f'"version": "{descriptor["version"]}"' in example
    with (ROOT / "data" / "observations.csv").open(encoding="utf-8", newline="") as fh:
        observations = sum(1 for _ in csv.DictReader(fh))
    assert f'"observations": {observations}' in example
