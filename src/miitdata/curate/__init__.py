"""Curation as data: the CSVs are the one place each figure is written; these functions keep them right.

- `anchor`: compute every mention's offsets and context from its `exact` quote (W3C TextQuote +
  TextPosition: the occurrence nearest the row's current `start` wins).
- `todo`: the number-like tokens of a source that no mention quotes and no exclusion lists,
  and draft mention rows for them.
- `add_source`: register a new raw text byte for byte.

Small modules, one job each: `csvio` (read and write CSVs exactly as shipped), `files` (atomic
writes under the package's curation lock), `texts` (the package's tables and source texts),
`tokens` (what counts as a number). The command line is `miitdata curate` (`miitdata.cli.commands.curate`).
"""
