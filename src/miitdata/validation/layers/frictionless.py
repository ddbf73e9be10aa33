"""`--frictionless`: run the reference frictionless validator and merge its errors into our report.

frictionless is an optional extra; without it the run stops with exit 2 (`extra-missing`), because a
missing tool says nothing about the data. Its errors are filed under the one code `frictionless`,
with frictionless's own type in the message.
"""

from __future__ import annotations

from miitdata.errors import PackageError
from miitdata.validation.context import Context

CODES = ("frictionless",)


def run(ctx: Context) -> None:
    try:
        import frictionless
    except ImportError:
        raise PackageError(
            "extra-missing",
            "the reference validator is not installed: pip install 'miitdata[frictionless]'",
        ) from None
    ctx.check("frictionless")
    report = frictionless.validate(str(ctx.package.path))
    for task in report.tasks:
        name = task.name or None
        if name:
            ctx.check("frictionless", name)
        for err in task.errors:
            row = getattr(err, "row_number", None)
            field = getattr(err, "field_name", None)
            ctx.error("frictionless", resource=name, row=row, field=field, kind=err.type, note=err.message)
    for err in report.errors:
        ctx.error("frictionless", kind=err.type, note=err.message)
