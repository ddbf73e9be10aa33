"""English values read 万/亿 as thousand/million/billion/trillion, in the CLI, facts() and the site."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import miitdata
from miitdata.query.format import EN_SCALES, SCALED_UNITS, english_amount, format_value
from tests.conftest import run_inproc

WORDS = {word: exponent for exponent, word in EN_SCALES}


def _amount(text: str, unit: str) -> Decimal:
    """The base-unit amount an English rendering states (1.54 trillion yuan -> 1540000000000)."""
    base = SCALED_UNITS[unit][1]
    assert text.endswith(" " + base), text
    number, *word = text[: -len(base) - 1].split(" ")
    value = Decimal(number.replace(",", ""))
    return value.scaleb(WORDS[word[0]]) if word else value


@given(
    st.decimals(min_value=-(10**9), max_value=10**9, places=4, allow_nan=False, allow_infinity=False),
    st.sampled_from(sorted(SCALED_UNITS)),
)
def test_english_amount_states_the_same_quantity(value: Decimal, unit: str) -> None:
    number = float(value)
    text = english_amount(number, unit)
    assert _amount(text, unit) == Decimal(repr(number)).scaleb(SCALED_UNITS[unit][0])
    assert not re.search(r"\.\d*0 ", text)  # no trailing zeros
    assert "亿" not in text and "万" not in text


def test_cli_facts_and_site_read_trillions(pkg: Path) -> None:
    ds = miitdata.load(pkg)
    facts = ds.facts(lang="en")
    yuan = facts[facts["unit"] == "100m-yuan"] if "unit" in facts.columns else facts
    texts = " ".join(str(v) for v in yuan.to_numpy().ravel())
    assert "100 million yuan" not in texts
    assert re.search(r"(trillion|billion|million) yuan", texts)
    obs = ds.observations.merge(ds.indicators[["indicator_id", "unit"]], on="indicator_id")
    row = obs[obs["unit"] == "100m-yuan"].iloc[0]
    proc = run_inproc("show", "--package", str(pkg), "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    assert format_value(row["value"], "100m-yuan", row["comparator"], "en") in " ".join(proc.stdout.split())
    from miitdata.outputs.site import site_data

    payload = site_data(ds)
    en = [o["en"] for o in payload["observations"] if o["i"] == row["indicator_id"]]
    assert en and all("100 million" not in v for v in en)
