"""Turning DataFrame rows into JSON-ready dicts (pandas NA → None, numpy numbers → Python numbers)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd


def clean(value: Any) -> Any:
    """A JSON-ready scalar: pandas NA/NaN → None, numpy numbers → Python numbers, timestamps → dates."""
    if value is None:
        return None
    try:
        import pandas as pd

        if pd.isna(value):
            return None
        if isinstance(value, pd.Timestamp):
            return value.strftime("%Y-%m-%d")
    except (TypeError, ValueError):
        pass
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): clean(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]
