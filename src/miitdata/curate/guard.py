"""What curate writes validates, or it writes nothing: a change is checked on a scratch copy first.

`refuse_invalid(pkg, files)` copies the descriptor and every resource file into a temporary directory,
puts the new bytes in place there and runs the structure layer (the Table Schemas: labels, row shape,
types, patterns, enums, keys, foreign keys) on that copy. An error on a table the change writes (or on
any table, when the change rewrites the descriptor) refuses the change (`curate-invalid`, naming the file,
the row and the error) before anything is written.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from miitdata.atomic import unwritable
from miitdata.errors import PackageError
from miitdata.package import Package


def refuse_invalid(pkg: Package, files: Mapping[Path, bytes]) -> None:
    """PackageError `curate-invalid` if the package with `files` written would break a table's schema."""
    from miitdata.validation.run import validate

    written = {Path(os.path.abspath(p)) for p in files}
    by_path = {Path(os.path.abspath(pkg.resource_path(n))): n for n in pkg.resources}
    touched = {by_path[p] for p in written if p in by_path}
    if Path(os.path.abspath(pkg.path)) in written:
        touched = set(pkg.resources)
    if not touched:
        return
    root = Path(os.path.abspath(pkg.root))
    try:
        with tempfile.TemporaryDirectory(prefix="miitdata-curate-") as tmp:
            scratch = Path(tmp)
            for source in [Path(os.path.abspath(pkg.path)), *by_path]:
                target = scratch / source.relative_to(root)
                target.parent.mkdir(parents=True, exist_ok=True)
                if source in written:
                    target.write_bytes(files[source])
                elif source.is_file():
                    shutil.copyfile(source, target)
            report = validate(scratch / pkg.path.name, layers=["structure"])
    except OSError as exc:  # the scratch copy hit a full disk (or a file size limit): so would the change
        raise unwritable(exc, next(iter(files))) from None
    errors = [e for e in report.errors if e.resource in touched or e.resource is None]
    if errors:
        first = errors[0]
        name = first.resource or ""
        where = str(pkg.resource_path(name)) if name in pkg.resources else str(pkg.path)
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise PackageError(
            "curate-invalid",
            f"the change would not validate: {first.type}: {first.message[:300]}{more}; nothing written",
            where,
            row=first.row,
            field=first.field,
        )
