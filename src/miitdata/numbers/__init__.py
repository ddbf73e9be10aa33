"""Numbers as written in Chinese and English press reports: `parse("近10万亿元")` (see `parse` for the
grammar), conversion to the dataset's units (`units`) and writing them back (`render`).

Standard library only.
"""

from miitdata.numbers.lexicon import GROWTH_VERBS, NUMBER_SUFFIX_HEDGES, PREFIX_HEDGES, SUFFIX_HEDGES
from miitdata.numbers.parse import UNITS, Number, NumberParseError, UnitError, parse
from miitdata.numbers.units import agrees, to_unit

__all__ = [
    "GROWTH_VERBS",
    "NUMBER_SUFFIX_HEDGES",
    "PREFIX_HEDGES",
    "SUFFIX_HEDGES",
    "UNITS",
    "Number",
    "NumberParseError",
    "UnitError",
    "agrees",
    "parse",
    "to_unit",
]
