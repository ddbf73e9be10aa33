"""`--frictionless`: run the reference frictionless validator and merge its errors into our report."""

from __future__ import annotations

from miitdata.checks import Context


def run_frictionless(ctx: Context) -> None:
    try:
        import frictionless
    except ImportError:
        ctx.error(
            "frictionless",
            "the frictionless validator is not installed: pip install 'miitdata[frictionless]'",
        )
        return
    ctx.check("frictionless")
    report = frictionless.validate(str(ctx.package.path))
    for task in report.tasks:
        name = task.name or None
        if name:
            ctx.check("frictionless", name)
        for err in task.errors:
            row = getattr(err, "row_number", None)
            field = getattr(err, "field_name", None)
            ctx.error("frictionless", f"{err.type}: {err.message}", name, row, field)
    for err in report.errors:
        ctx.error("frictionless", f"{err.type}: {err.message}")
