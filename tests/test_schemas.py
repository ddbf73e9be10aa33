"""The pandera content models and the Table Schemas in datapackage.json describe the same columns.

The descriptor is the single source of truth for types; the content models only add rules that
span columns or tables. This test fails when the two drift apart.
"""

from __future__ import annotations

import json

import pytest

from miitdata.validation.layers.content import MODELS
from tests.conftest import ROOT

PANDERA_FOR_TABLE_SCHEMA = {"number": "float64", "integer": "int64", "string": "str", "date": "datetime64"}


@pytest.mark.parametrize("resource", sorted(MODELS))
def test_content_model_columns_match_the_descriptor(resource: str) -> None:
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    fields = {
        f["name"]: f for r in descriptor["resources"] if r["name"] == resource for f in r["schema"]["fields"]
    }
    schema = MODELS[resource].to_schema()
    for name, column in schema.columns.items():
        assert name in fields, f"{resource}.{name} is checked by pandera but not declared in datapackage.json"
        expected = PANDERA_FOR_TABLE_SCHEMA[fields[name].get("type", "string")]
        assert str(column.dtype).startswith(expected), (resource, name, str(column.dtype), expected)
        required = bool((fields[name].get("constraints") or {}).get("required"))
        assert column.nullable or required, (
            f"{resource}.{name}: optional in the descriptor, not nullable in pandera"
        )
