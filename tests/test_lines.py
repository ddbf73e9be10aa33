"""Physical lines: CSV record -> line (against the csv module's own line count), JSON pointer -> line."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from miitdata.validation.lines import line_of_pointer, pointer_lines, record_lines, record_lines_python

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
cells = st.text(alphabet=st.sampled_from(list('ab,"\n 中')), max_size=8)  # a lone CR is no line end here
tables = st.lists(st.lists(cells, min_size=1, max_size=4), min_size=1, max_size=12)


def starts_by_csv_module(text: str) -> list[int]:
    """The line each record starts on, as the csv module counts lines (independent of lines.py)."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    starts, line = [], 1
    for _ in reader:
        starts.append(line)
        line = reader.line_num + 1
    return starts


@SETTINGS
@given(tables, st.sampled_from(["\n", "\r\n"]))
def test_record_lines_match_the_csv_module(rows: list[list[str]], terminator: str) -> None:
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator=terminator).writerows(rows)
    text = buf.getvalue()
    expected = starts_by_csv_module(text)
    numbers = list(range(1, len(expected) + 1))
    got = record_lines(text.encode("utf-8"), numbers)
    assert [got[n] for n in numbers] == expected
    assert record_lines_python(text, numbers) == got


def test_small_pieces_give_the_same_lines(monkeypatch: Any) -> None:
    from miitdata.validation import lines

    text = "".join(f'r{i},"a\nb""\n",c\n' for i in range(50))
    whole = record_lines(text.encode(), range(1, 52))
    monkeypatch.setattr(lines, "STEP", 7)
    assert record_lines(text.encode(), range(1, 52)) == whole
    assert whole[2] == 4 and whole[50] == 148


def test_records_past_an_unclosed_quote_map_after_the_last_record_end() -> None:
    data = b'a,b\n1,2\n3,"unclosed\n4,5\n'
    assert record_lines(data, [1, 2, 3, 4]) == {1: 1, 2: 2, 3: 3, 4: 3}


values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4),
    max_leaves=20,
)


def walk(node: Any, path: tuple[str, ...] = ()) -> Any:
    yield path, node
    if isinstance(node, dict):
        for k, v in node.items():
            yield from walk(v, (*path, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from walk(v, (*path, str(i)))


@SETTINGS
@given(values, st.sampled_from([None, 1, 2]))
def test_pointer_lines_name_the_line_of_each_member(doc: Any, indent: int | None) -> None:
    text = json.dumps(doc, indent=indent, ensure_ascii=False)
    lines = pointer_lines(text)
    physical = text.split("\n")
    for path, _node in walk(doc):
        assert path in lines
        if path and indent is not None:
            shown = physical[lines[path] - 1].strip()
            key = path[-1]
            # a member's line shows its key; an array item's line shows the item's first character
            assert (
                shown.startswith(json.dumps(key, ensure_ascii=False) + ":")
                or shown[:1] in '[{"-0123456789tfn]'
            )
        if indent is None:
            assert lines[path] == 1


def test_pointer_line_of_a_missing_property_is_its_deepest_parent() -> None:
    text = '{\n  "a": {\n    "b": [\n      1,\n      2\n    ]\n  }\n}'
    lines = pointer_lines(text)
    assert lines[("a", "b", "1")] == 5
    assert line_of_pointer(lines, ["a", "b", 7]) == 3
    assert line_of_pointer(lines, ["zzz"]) == 1
    assert pointer_lines("{not json") == {(): 1}
