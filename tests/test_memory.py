"""Memory given back between validation layers (`miitdata.validation.memory`), and the provenance
layer's texts held once as bytes and decoded on first use (`layers.provenance.SourceTexts`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from miitdata.package import read_package
from miitdata.validation.context import Context
from miitdata.validation.layers import provenance, structure
from tests.conftest import ROOT, copy_package, read_rows, write_rows


def _python(code: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="jemalloc and malloc_trim as on Linux")
def test_the_validate_command_pool_returns_freed_pages() -> None:
    """With the pool `miitdata validate` uses, a freed 256 MiB Arrow buffer leaves the process's resident
    memory at once (the default pool keeps such pages for reuse)."""
    out = _python(
        "import pyarrow as pa\n"
        "from miitdata.validation.memory import use_returning_pool, give_back\n"
        "def rss():\n"
        "    with open('/proc/self/statm') as f: return int(f.read().split()[1]) * 4096\n"
        "assert use_returning_pool()\n"
        "assert pa.default_memory_pool().backend_name == 'jemalloc', pa.default_memory_pool().backend_name\n"
        "before = rss()\n"
        "buf = pa.allocate_buffer(256 << 20)\n"
        "import numpy as np; np.frombuffer(buf, dtype=np.uint8).fill(1)  # touch every page\n"
        "held = rss()\n"
        "del buf\n"
        "give_back()\n"
        "after = rss()\n"
        "print(held - before > 200 << 20, after - before < 64 << 20)\n"
    )
    assert out == "True True"


def test_give_back_without_pyarrow_imported() -> None:
    """give_back() imports nothing it does not need: a run that never imported pyarrow stays so."""
    assert (
        _python(
            "import sys\n"
            "from miitdata.validation.memory import give_back\n"
            "give_back()\n"
            "print('pyarrow' in sys.modules)\n"
        )
        == "False"
    )


def _context(desc: Path) -> Context:
    ctx = Context(read_package(desc))
    structure.run(ctx)
    return ctx


def test_source_texts_decode_on_first_use_and_equal_the_files() -> None:
    ctx = _context(ROOT / "datapackage.json")
    found, texts = provenance.read_sources(ctx)
    assert texts._decoded == {}  # nothing decoded by reading
    sources = ctx.typed["sources"]
    ids = [str(s) for s in sources["source_id"]]
    assert list(texts) == ids and len(texts) == len(ids)
    first = ids[0]
    path = ROOT / str(sources["path"].iloc[0])
    assert texts[first] == path.read_bytes().decode("utf-8")
    assert list(texts._decoded) == [first]  # only what was asked
    assert {s.sid for s in found} == set(ids)
    with pytest.raises(KeyError):
        texts["S999"]
    assert texts.get("S999") is None


def test_a_repeated_source_id_reads_its_last_row_as_the_dict_did(tmp_path: Path) -> None:
    """Two rows with one source_id (a primary-key error): the texts map holds the last row's text."""
    desc = copy_package(tmp_path)
    path = tmp_path / "data" / "sources.csv"
    header, rows = read_rows(path)
    rows.append({**rows[1], "source_id": rows[0]["source_id"]})
    write_rows(path, header, rows)
    ctx = _context(desc)
    _found, texts = provenance.read_sources(ctx)
    assert texts[rows[0]["source_id"]] == (tmp_path / rows[1]["path"]).read_text(encoding="utf-8")


def test_a_source_that_is_not_utf8_is_not_in_the_texts(tmp_path: Path) -> None:
    desc = copy_package(tmp_path)
    _header, rows = read_rows(tmp_path / "data" / "sources.csv")
    bad = tmp_path / rows[2]["path"]
    bad.write_bytes(bad.read_bytes()[:100] + b"\xff\xfe" + bad.read_bytes()[100:])
    ctx = _context(desc)
    found, texts = provenance.read_sources(ctx)
    (item,) = [s for s in found if str(s.sid) == rows[2]["source_id"]]
    assert item.bad_byte == 100 and item.span is None
    assert rows[2]["source_id"] not in texts and len(texts) == len(rows) - 1
