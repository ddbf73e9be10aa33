"""Layer: relations (see issue 3)."""
