"""The one CSV writer (`miitdata.csvline`): every record reads back the same with the csv module, a lone
CR included, and it writes what the csv module writes wherever the csv module reads its own output back."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from miitdata.csvline import csv_line, csv_text

cells = st.text(alphabet=st.sampled_from(list('ab,"\n\r 中\t')), max_size=8)
records = st.lists(cells, min_size=1, max_size=5)


def _read(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), strict=True))


@given(st.lists(records, min_size=1, max_size=5))
def test_every_table_reads_back_the_same(rows: list[list[str]]) -> None:
    width = len(rows[0])
    rows = [(r + [""] * width)[:width] for r in rows]
    assert _read(csv_text(rows[0], rows[1:])) == rows


@given(records)
def test_same_bytes_as_the_csv_module_when_it_reads_itself_back(row: list[str]) -> None:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerow(row)
    if _read(out.getvalue()) == [row]:
        assert csv_line(row) == out.getvalue()


def test_a_lone_cr_is_quoted_and_an_empty_record_is_not_an_empty_line() -> None:
    assert csv_line(["a\rb", "c"]) == '"a\rb",c\n'
    assert csv_line([""]) == '""\n'
    assert csv_line([None, "x"]) == ",x\n"
