"""Layer: content (see issue 3)."""
