"""Layer: consistency (see issue 3)."""
