"""`miitdata curate`: anchor, todo and add-source on real copies of the package, through the real CLI."""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import miitdata
from miitdata.curate.anchor import anchor_row
from miitdata.curate.csvio import parse_csv, read_csv, render_csv
from tests.conftest import invoke

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
OFFSETS = ("start", "end", "prefix", "suffix")


def copy_package(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "datapackage.json", dest / "datapackage.json")
    shutil.copytree(ROOT / "data", dest / "data")
    shutil.copytree(ROOT / "curation", dest / "curation")
    return dest


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under root: its bytes and mtime (nanoseconds)."""
    return {
        p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def run(*args: str) -> tuple[int, str]:
    return invoke("curate", *args)


def edit_mentions(root: Path, change) -> None:
    path = root / "data" / "mentions.csv"
    header, rows = read_csv(path)
    path.write_bytes(render_csv(header, [change(dict(r)) for r in rows]))


@pytest.fixture
def pkg(tmp_path: Path) -> Path:
    return copy_package(tmp_path / "pkg")


def test_round_trip_is_byte_identical():
    for path in sorted((ROOT / "data").glob("*.csv")):
        raw = path.read_bytes()
        assert render_csv(*parse_csv(raw.decode("utf-8"))) == raw, path.name


def test_check_on_shipped_package_changes_nothing(pkg: Path):
    before = snapshot(pkg)
    code, out = run("anchor", "--check", "-p", str(pkg))
    assert code == 0, out
    assert snapshot(pkg) == before


def test_anchor_on_shipped_package_changes_no_byte(pkg: Path):
    before = snapshot(pkg)
    code, out = run("anchor", "-p", str(pkg / "datapackage.json"))
    assert code == 0, out
    assert {k: v for k, v in snapshot(pkg).items() if k != ".curation.lock"} == before


def shift(row: dict[str, str], by: int = 3) -> dict[str, str]:
    row["start"], row["end"] = str(int(row["start"]) + by), str(int(row["end"]) + by)
    return row


def test_stale_offsets_are_restored(pkg: Path):
    shipped = (pkg / "data" / "mentions.csv").read_bytes()
    edit_mentions(pkg, shift)
    stale = snapshot(pkg)
    code, out = run("anchor", "--check", "-p", str(pkg))
    assert code == 1 and "would change" in out
    assert snapshot(pkg) == stale  # --check writes nothing
    code, out = run("anchor", "-p", str(pkg))
    assert code == 0, out
    assert (pkg / "data" / "mentions.csv").read_bytes() == shipped


def test_missing_quote_names_it_shows_the_closest_passage_and_writes_nothing(pkg: Path):
    edit_mentions(pkg, shift)  # something anchoring would otherwise write
    edit_mentions(
        pkg,
        lambda r: (
            r | {"exact": r["exact"].replace("30.5%", "31.5%")} if r["mention_id"] == "M000-0001" else r
        ),
    )
    before = snapshot(pkg)
    code, out = run("anchor", "-p", str(pkg))
    assert code == 1
    assert "M000-0001: exact not found" in out and "closest passage" in out and "30.5%" in out
    assert snapshot(pkg) == before
    assert not (pkg / ".curation.lock").exists()


def test_value_offsets_are_filled_when_the_schema_has_them(pkg: Path):
    path = pkg / "data" / "mentions.csv"
    header, rows = read_csv(path)
    assert header[5:7] == ["value_start", "value_end"]  # the 0.3 schema has them, after end
    path.write_bytes(render_csv(header, [shift(r) | {"value_start": "", "value_end": ""} for r in rows]))
    code, out = run("anchor", "-p", str(pkg))
    assert code == 0, out
    header2, anchored = read_csv(path)
    assert header2 == header
    texts = {
        s["source_id"]: (pkg / s["path"]).read_text(encoding="utf-8")
        for s in read_csv(pkg / "data" / "sources.csv")[1]
    }
    for r in anchored:
        vs, ve = int(r["value_start"]), int(r["value_end"])
        assert int(r["start"]) <= vs < ve <= int(r["end"])
        assert texts[r["source_id"]][vs:ve] == r["value_text"]
    assert anchored == read_csv(ROOT / "data" / "mentions.csv")[1]
    settled = path.read_bytes()
    assert run("anchor", "--check", "-p", str(pkg))[0] == 0
    assert path.read_bytes() == settled


# --- nearest occurrence wins (W3C TextQuote + TextPosition) ----------------------------------------
@settings(max_examples=200, deadline=None)
@given(
    gaps=st.lists(st.text(alphabet="abc，。 ", max_size=12), min_size=2, max_size=6),
    hint=st.integers(min_value=0, max_value=120),
)
def test_nearest_occurrence_to_the_hint_wins(gaps: list[str], hint: int):
    needle = "近10万亿元"
    text = needle.join(gaps)
    starts = [i for i in range(len(text)) if text.startswith(needle, i)]
    row = {
        "mention_id": "M",
        "source_id": "S",
        "start": str(hint),
        "end": "",
        "exact": needle,
        "value_text": "10万亿",
    }
    new = anchor_row(row, text, value_fields=True)
    assert isinstance(new, dict)
    start = int(new["start"])
    assert start in starts
    assert abs(start - hint) == min(abs(s - hint) for s in starts)
    assert text[start : int(new["end"])] == needle
    assert (
        new["prefix"] == text[max(0, start - 16) : start]
        and new["suffix"] == text[start + len(needle) :][:16]
    )
    assert text[int(new["value_start"]) : int(new["value_end"])] == "10万亿"


# --- re-curating S004 from scratch --------------------------------------------------------------------
def test_recurate_s004_from_scratch(pkg: Path, capsys: pytest.CaptureFixture[str]):
    transcript: list[str] = []

    def step(*args: str) -> tuple[int, str]:
        code, out = run(*args)
        shown = [a.replace(str(pkg.parent), "TMP") for a in args]
        transcript.append(f"$ miitdata curate {shlex.join(shown)}  -> exit {code}\n{out.rstrip()}")
        return code, out

    shipped = {p.name: p.read_bytes() for p in (ROOT / "data").glob("*.csv")}
    shipped_desc = (ROOT / "datapackage.json").read_bytes()
    sources_header, sources = read_csv(pkg / "data" / "sources.csv")
    s004 = next(s for s in sources if s["source_id"] == "S004")
    raw = pkg / s004["path"]
    original = tmp_original = pkg.parent / Path(s004["path"]).name
    shutil.move(raw, tmp_original)
    (pkg / "data" / "sources.csv").write_bytes(
        render_csv(sources_header, [s for s in sources if s is not s004])
    )
    m_header, mentions = read_csv(pkg / "data" / "mentions.csv")
    mine = [m for m in mentions if m["source_id"] == "S004"]
    (pkg / "data" / "mentions.csv").write_bytes(
        render_csv(m_header, [m for m in mentions if m["source_id"] != "S004"])
    )
    transcript.append(
        f"removed {s004['path']}, its sources row and its {len(mine)} mentions (observations kept)"
    )

    code, _ = step(
        "add-source", str(original), "--id", "S004", "--event", s004["event_id"],
        "--language", s004["language"], "--kind", s004["kind"],
        "--publisher", s004["publisher"], "--published", s004["date_published"],
        "--title", s004["title"], "--note", s004["note"], "-p", str(pkg),
    )  # fmt: skip
    assert code == 0
    assert (pkg / "data" / "sources.csv").read_bytes() == shipped["sources.csv"]
    assert (pkg / "datapackage.json").read_bytes() == shipped_desc

    code, out = step("todo", "S004", "--format", "json", "-p", str(pkg))
    assert code == 1
    tokens = json.loads(out)
    transcript[-1] = (
        transcript[-1].split("\n")[0]
        + f"\n{len(tokens)} tokens, e.g. "
        + ", ".join(f"S004@{t['offset']} {t['token']}" for t in tokens[:6])
    )
    for m in mine:
        vstart = int(m["start"]) + m["exact"].index(m["value_text"])
        vend = vstart + len(m["value_text"])
        assert any(vstart <= t["offset"] < vend for t in tokens), (m["mention_id"], m["value_text"])
    code, out = step("todo", "S004", "--format", "csv", "-p", str(pkg))
    drafts = parse_csv(out)[1]
    assert (
        len(drafts) == len(tokens) and drafts[0]["source_id"] == "S004" and drafts[0]["observation_id"] == ""
    )
    transcript[-1] = "\n".join(transcript[-1].split("\n")[:3])

    pasted = [m | dict.fromkeys(OFFSETS, "") for m in mine]
    (pkg / "data" / "mentions.csv").write_bytes(
        render_csv(m_header, [m for m in mentions if m["source_id"] != "S004"] + pasted)
    )
    transcript.append(f"pasted the {len(pasted)} shipped S004 rows back with start,end,prefix,suffix blank")
    code, _ = step("anchor", "-p", str(pkg))
    assert code == 0
    assert {p.name: p.read_bytes() for p in (pkg / "data").glob("*.csv")} == shipped
    code, out = step("todo", "S004", "-p", str(pkg))
    assert code == 0
    report = miitdata.validate(str(pkg))
    transcript.append(f"miitdata.validate(PKG).valid == {report.valid}")
    assert report.valid, report.errors[:5]
    with capsys.disabled():
        print("\n--- S004 transcript ---\n" + "\n".join(transcript))


# --- add-source --------------------------------------------------------------------------------------
def add_args(file: Path, pkg: Path, **over: str) -> list[str]:
    opts = {"--id": "S005", "--event": "2024-03-26-scio", "--language": "zh", "--kind": "news-report",
            "--publisher": "", "--published": "2024-03-27", "--title": "标题"} | over  # fmt: skip
    return ["add-source", str(file), *[x for kv in opts.items() for x in kv], "-p", str(pkg)]


def test_add_source_keeps_the_package_valid_and_todo_lists_its_figures(pkg: Path, tmp_path: Path):
    new = tmp_path / "report.txt"
    new.write_bytes("工业增加值同比增长7.0%，其中制造业增长7.7%。\n".encode())
    code, out = run(*add_args(new, pkg))
    assert code == 0, out
    _, sources = read_csv(pkg / "data" / "sources.csv")
    row = sources[-1]
    assert row["source_id"] == "S005" and row["sha256"] == hashlib.sha256(new.read_bytes()).hexdigest()
    assert row["machine_translated"] == "false" and (pkg / row["path"]).read_bytes() == new.read_bytes()
    desc = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))
    assert desc["sources"][-1]["path"] == row["path"]
    text = desc["resources"][-1]  # and a text resource that frictionless validate checks
    assert (text["name"], text["path"], text["mediatype"]) == ("text-s005", row["path"], "text/plain")
    assert (text["hash"], text["bytes"]) == (f"sha256:{row['sha256']}", len(new.read_bytes()))
    assert miitdata.validate(str(pkg)).valid
    import frictionless

    assert frictionless.validate(str(pkg)).valid
    code, out = run("todo", "S005", "-p", str(pkg))
    assert code == 1 and "7.0" in out and "7.7" in out


@pytest.mark.parametrize(
    ("case", "code_name"),
    [
        ("not-utf8", "not-utf8"),
        ("duplicate-id", "source-exists"),
        ("duplicate-sha256", "source-duplicate"),
        ("unknown-event", "event-unknown"),
        ("outside-package", "path-unsafe"),
    ],
)
def test_add_source_refusals(pkg: Path, tmp_path: Path, case: str, code_name: str):
    new = tmp_path / "new.txt"
    new.write_bytes("新的文本：增长5%。\n".encode())
    over: dict[str, str] = {}
    if case == "not-utf8":
        new.write_bytes("增长5%".encode("gbk"))
    elif case == "duplicate-id":
        over = {"--id": "S000"}
    elif case == "duplicate-sha256":
        shutil.copy(pkg / "data" / "sources" / "000_8f351bf2a849231b.txt", new)
    elif case == "unknown-event":
        over = {"--event": "2099-01-01-nobody"}
    elif case == "outside-package":
        outside = tmp_path / "elsewhere"
        outside.mkdir()
        shutil.move(pkg / "data" / "sources", outside / "sources")
        (pkg / "data" / "sources").symlink_to(outside / "sources")
    before = snapshot(pkg)
    code, out = run(*add_args(new, pkg, **over))
    assert code == 2, out
    assert out.startswith("miitdata: error: ") and f"[{code_name}]" in out
    assert snapshot(pkg) == before


# --- the real CLI and the lock ------------------------------------------------------------------------
def env() -> dict[str, str]:
    return os.environ | {"PYTHONPATH": str(SRC)}


def test_real_cli_subprocess(pkg: Path):
    proc = subprocess.run(
        [sys.executable, "-m", "miitdata", "curate", "todo", "S999", "-p", str(pkg)],
        capture_output=True, text=True, env=env(), check=False,
    )  # fmt: skip
    assert proc.returncode == 2 and "[source-unknown]" in proc.stderr
    proc = subprocess.run(
        [sys.executable, "-m", "miitdata", "curate", "anchor", "--check"],
        capture_output=True, text=True, env=env(), cwd=pkg, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr  # ./datapackage.json is the default package


LOCKED_WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from miitdata.curate.files import locked
    root, log, name, hold = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4] == "hold"
    with locked(root):
        for i in range(5):
            with log.open("a") as fh:
                fh.write(f"{name}{i}\\n")
            if i == 2 and hold:  # hold the lock mid-write until the test says go
                print("held", flush=True)
                sys.stdin.readline()
    """
)


def _waiting_for_a_lock(pid: int) -> bool:
    """Whether `pid` is blocked on a file lock (Linux: a `->` line of /proc/locks)."""
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if "->" in fields and fields[fields.index("->") + 4] == str(pid):
            return True
    return False


def test_two_writers_under_the_lock_do_not_interleave(pkg: Path):
    """A holds the lock mid-write (held by the test, not by a sleep); B, started then, waits for it."""
    import fcntl

    log = pkg.parent / "log.txt"
    root = pkg.parent

    def start(name: str, hold: str) -> subprocess.Popen[str]:
        args = [sys.executable, "-c", LOCKED_WRITER, str(root), str(log), name, hold]
        return subprocess.Popen(args, env=env(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    a = start("A", "hold")
    assert a.stdout is not None and a.stdin is not None
    assert a.stdout.readline() == "held\n"
    with (root / ".curation.lock").open("a") as fh, pytest.raises(BlockingIOError):
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)  # A holds it exclusively
    b = start("B", "go")
    if Path("/proc/locks").is_file():  # wait until B is queued on the lock (a condition, not a time)
        while not _waiting_for_a_lock(b.pid):
            with pytest.raises(subprocess.TimeoutExpired):  # B must not finish while A holds the lock
                b.wait(timeout=0.01)
    assert log.read_text().split() == ["A0", "A1", "A2"]
    a.stdin.write("go\n")
    a.stdin.close()
    assert [a.wait(timeout=120), b.wait(timeout=120)] == [0, 0]
    assert log.read_text().split() == [f"A{i}" for i in range(5)] + [f"B{i}" for i in range(5)]


def test_two_anchors_at_once_give_the_anchored_file(pkg: Path):
    shipped = (pkg / "data" / "mentions.csv").read_bytes()
    edit_mentions(pkg, shift)
    cmd = [sys.executable, "-m", "miitdata", "curate", "anchor", "-p", str(pkg)]
    procs = [
        subprocess.Popen(cmd, env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for _ in range(2)
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    assert (pkg / "data" / "mentions.csv").read_bytes() == shipped
    assert not list((pkg / "data").glob("*.tmp"))


# --- todo at scale -----------------------------------------------------------------------------------
@pytest.mark.parametrize("punctuated", [True, False], ids=["clauses", "one-long-clause"])
def test_todo_csv_is_linear_in_the_source(pkg: Path, tmp_path: Path, punctuated: bool):
    """A 0.54 MB source with ~22,000 numbers: the csv drafts come as fast as the text list (the clause
    breaks are found once, not rescanned from offset 0 for every token), and a text without any
    punctuation gives clauses of bounded length (at most MAX_CLAUSE characters either side)."""
    import time

    from miitdata.curate.todo import MAX_CLAUSE

    sentence = (
        "工业增加值同比增长7.5%，制造业增长8%。" if punctuated else "工业增加值同比增长7.5%制造业增长8%"
    )
    text = sentence * (540_000 // len(sentence.encode("utf-8")))
    new = tmp_path / "big.txt"
    new.write_text(text + "\n", encoding="utf-8")
    code, out = run(*add_args(new, pkg))
    assert code == 0, out
    started = time.monotonic()
    code, out = run("todo", "S005", "--format", "csv", "-p", str(pkg))
    elapsed = time.monotonic() - started
    assert code == 1
    _, rows = parse_csv(out[out.index("mention_id,") :])
    assert len(rows) >= 20_000
    assert all(len(r["exact"]) <= 2 * MAX_CLAUSE + 10 for r in rows)
    assert all(text[int(r["start"]) : int(r["end"])] == r["exact"] for r in rows[::997])
    assert elapsed < 60, f"todo --format csv took {elapsed:.1f} s on 0.54 MB"


# --- strict inputs, for any input ------------------------------------------------------------------
_SHIPPED = None


def _shipped_package():
    global _SHIPPED
    if _SHIPPED is None:
        from miitdata.package import read_package

        _SHIPPED = read_package(ROOT / "datapackage.json")
    return _SHIPPED


def _accepted(**over: str) -> bool:
    from miitdata.curate.add_source import NewSource, check_fields
    from miitdata.errors import PackageError

    fields = {"source_id": "S900", "event_id": "2024-03-26-scio", "language": "zh", "kind": "news-report",
              "publisher": "", "date_published": "2024-03-27", "title": "标题"} | over  # fmt: skip
    try:
        check_fields(_shipped_package(), NewSource(**fields))
    except PackageError as exc:
        assert exc.code == "source-invalid"
        return False
    return True


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=12), st.dates().map(str), st.dates().map(lambda d: d.strftime("%Y%m%d"))))
def test_add_source_takes_exactly_the_dates_validate_takes(text: str):
    """add-source accepts a date_published iff the structure layer's parser does (YYYY-MM-DD, ASCII
    digits, a real day): never 20240326, 2024-W13-2, 2024-086 or fullwidth digits."""
    import pandas as pd

    from miitdata.validation.celltypes import parse_cells

    values = pd.Series([text], dtype="string")
    _, ok = parse_cells("date", values, pd.Series([True]), {"type": "date"})
    assert _accepted(date_published=text) == bool(ok.iloc[0])


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=20))
def test_add_source_refuses_every_control_character(title: str):
    controls = any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or c in "\u2028\u2029" for c in title)
    if controls or not title.strip():
        assert not _accepted(title=title)
    else:
        assert _accepted(title=title)
