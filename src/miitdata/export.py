"""Deprecated alias of `miitdata.outputs.export` (the module's name until 0.2; it moved in 0.3.0).

`import miitdata.export` keeps working, with a DeprecationWarning, through the 0.4 releases; the public
export API is `miitdata.outputs.export`: `export`, `read_export`, `package_tables` (docs/exports.md).
"""

from __future__ import annotations

import warnings

from miitdata.outputs.export import FORMATS, export, package_tables, read_export
from miitdata.outputs.formats import EXPORT_FORMATS

__all__ = ["EXPORT_FORMATS", "FORMATS", "export", "package_tables", "read_export"]

warnings.warn(
    "miitdata.export is deprecated (renamed in 0.3.0): import miitdata.outputs.export instead",
    DeprecationWarning,
    stacklevel=2,
)
