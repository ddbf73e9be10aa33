"""Validation: `run.validate()` runs the layers of `layers/` over a package and builds one `report.Report`."""
