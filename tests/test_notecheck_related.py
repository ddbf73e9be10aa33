"""`notecheck.Related` reads only the rows that lead to the ids a note names, and answers as if it had
read them all: checked against the plain definition (every mention, observation and relation read) on
random packages."""

from __future__ import annotations

from collections import defaultdict

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from miitdata.validation.notecheck import Related

SOURCES = ["S000", "S001", "S002"]
OBS = [f"O{i:04d}" for i in range(1, 7)]
MENTIONS = [f"M00{s}-{i:04d}" for s in range(3) for i in range(1, 4)]
RELATIONS = [f"R{i:04d}" for i in range(1, 4)]
EVENTS = ["E1", "E2"]
REGIONS = ["CN", "CN-BJ", "CN-SH"]
ANY_ID = SOURCES + OBS + MENTIONS + RELATIONS + EVENTS + REGIONS + ["nothing"]


def _text(values: list[str | None]) -> pd.Series:
    return pd.Series(values, dtype="string[pyarrow]")


def reference(typed: dict[str, pd.DataFrame], sources: set[str], cell: str, ids: list[str]) -> set[str]:
    """The definition: every row of every table read, in the documented order."""
    import re

    of: dict[str, set[str]] = defaultdict(set)
    for sid in sources:
        of[sid].add(sid)
    m = typed["mentions"]
    for mid, oid, sid in zip(m["mention_id"], m["observation_id"], m["source_id"], strict=True):
        if isinstance(sid, str):
            of[str(mid)].add(sid)
            of[str(oid)].add(sid)
    for resource, column, key in (
        ("observations", "event_id", "observation_id"),
        ("observations", "region_id", "observation_id"),
        ("sources", "event_id", "source_id"),
    ):
        f = typed[resource]
        for group, member in zip(f[column], f[key], strict=True):
            if isinstance(group, str):
                of[group] |= of.get(str(member), set())
    r = typed["relations"]
    for rid, target, operands in zip(r["relation_id"], r["target"], r["operands"], strict=True):
        for oid in target.split() + operands.split():
            of[str(rid)] |= of.get(oid, set())
    found: set[str] = set()
    pattern = re.compile(r"\b(?:S\d{3}|O\d{4}|M\d{3}-\d{4}|R\d{4})\b")
    for name in [*ids, *pattern.findall(cell)]:
        found |= of.get(name, set())
    return found & sources


@st.composite
def packages(draw: st.DrawFn) -> dict[str, pd.DataFrame]:
    mention_rows = draw(
        st.lists(
            st.tuples(
                st.sampled_from(MENTIONS), st.sampled_from(OBS), st.sampled_from([*SOURCES, "S009", None])
            ),
            max_size=12,
        )
    )
    obs_rows = draw(
        st.lists(
            st.tuples(st.sampled_from(OBS), st.sampled_from(EVENTS), st.sampled_from(REGIONS)), max_size=8
        )
    )
    rel_rows = draw(
        st.lists(
            st.tuples(
                st.sampled_from(RELATIONS),
                st.lists(st.sampled_from(OBS + RELATIONS), min_size=1, max_size=2),
                st.lists(st.sampled_from(OBS + RELATIONS), max_size=3),
            ),
            max_size=4,
        )
    )
    source_rows = draw(st.lists(st.tuples(st.sampled_from(SOURCES), st.sampled_from(EVENTS)), max_size=4))
    return {
        "mentions": pd.DataFrame(
            {
                "mention_id": _text([r[0] for r in mention_rows]),
                "observation_id": _text([r[1] for r in mention_rows]),
                "source_id": _text([r[2] for r in mention_rows]),
            }
        ),
        "observations": pd.DataFrame(
            {
                "observation_id": _text([r[0] for r in obs_rows]),
                "event_id": _text([r[1] for r in obs_rows]),
                "region_id": _text([r[2] for r in obs_rows]),
            }
        ),
        "relations": pd.DataFrame(
            {
                "relation_id": _text([r[0] for r in rel_rows]),
                "target": _text([" ".join(r[1]) for r in rel_rows]),
                "operands": _text([" ".join(r[2]) for r in rel_rows]),
            }
        ),
        "sources": pd.DataFrame(
            {"source_id": _text([r[0] for r in source_rows]), "event_id": _text([r[1] for r in source_rows])}
        ),
    }


@settings(max_examples=300, deadline=None)
@given(
    packages(),
    st.lists(
        st.tuples(st.lists(st.sampled_from(ANY_ID), max_size=3), st.lists(st.sampled_from(ANY_ID))),
        min_size=1,
        max_size=4,
    ),
    st.sets(st.sampled_from(SOURCES)),
)
def test_related_reads_only_what_it_needs_and_agrees(
    typed: dict[str, pd.DataFrame], cells: list[tuple[list[str], list[str]]], sources: set[str]
) -> None:
    rows = [(ids, "see " + " and ".join(named)) for ids, named in cells]
    wanted = {name for ids, cell in rows for name in ids + cell.split()}
    related = Related(typed, sources, wanted)
    for ids, cell in rows:
        assert related.for_row(cell, ids) == reference(typed, sources, cell, ids)
