"""The validation layers, one module each, in the order they run: structure, content, provenance,
consistency, relations (and `frictionless`, the reference validator, on request)."""
