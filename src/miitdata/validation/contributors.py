"""The rule `contributor-role-unknown`: every role in `contributors[].roles` is from the vocabulary of
`miitdata.roles` (DataCite contributorType, CRediT, `creator`/`contributor`). Standard library only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from miitdata.roles import suggest, unknown_roles
from miitdata.validation.locate import Locator

if TYPE_CHECKING:
    from miitdata.validation.context import Context

CODE = "contributor-role-unknown"


def check_roles(ctx: Context) -> None:
    """One error per role outside the vocabulary, on its line of the descriptor."""
    ctx.check(CODE)
    locator = Locator(ctx.package)
    for i, j, role in unknown_roles(ctx.package.descriptor):
        hint = suggest(role) if isinstance(role, str) else None
        ctx.error(
            CODE,
            path=locator.descriptor,
            line=locator.pointer_line(["contributors", i, "roles", j]),
            suggestion=hint,
            pointer=f"/contributors/{i}/roles/{j}",
            role=str(role)[:100],
        )
