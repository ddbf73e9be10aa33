"""The export formats (`miitdata export --format`), declared once for the exporter and the CLI."""

EXPORT_FORMATS = ("csv", "json", "parquet", "sqlite", "xlsx")
DIRECTORY_FORMATS = ("csv", "parquet")  # one file per resource in a directory; the others write one file
