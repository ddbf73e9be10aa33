"""The export formats (`miitdata export --format`), declared once for the exporter and the CLI."""

TABLE_FORMATS = ("csv", "json", "parquet", "sqlite", "xlsx")  # every table, read back by read_export
DOCUMENT_FORMATS = ("annotations", "croissant")  # one derived document: W3C Web Annotations, Croissant
EXPORT_FORMATS = (*TABLE_FORMATS, *DOCUMENT_FORMATS)
DIRECTORY_FORMATS = ("csv", "parquet")  # one file per resource in a directory; the others write one file
