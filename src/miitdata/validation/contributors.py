"""The rule `contributor-role-unknown`: every role in `contributors[].roles` is from the vocabulary of
`miitdata.roles` (DataCite contributorType, CRediT, `creator`/`contributor`). Standard library only.

The vocabulary came with version 0.4.1. A package that declares an earlier release (`version` X.Y.Z
below 0.4.1, such as a CI user's copy of 0.4.0) may still use the Data Package v1 words its release was
published with (`author`, `maintainer`, `publisher`, `wrangler`), so upgrading miitdata does not make a
released package invalid; any other word outside the vocabulary is an error at every version."""

from __future__ import annotations

from typing import TYPE_CHECKING

from miitdata.roles import V1_ROLES, suggest, unknown_roles
from miitdata.validation.locate import Locator
from miitdata.validation.retired import release_tuple

if TYPE_CHECKING:
    from miitdata.validation.context import Context

CODE = "contributor-role-unknown"
SINCE = (0, 4, 1)  # the first version whose roles follow the vocabulary


def v1_words_allowed(version: object) -> bool:
    """True for a package of a release before the vocabulary (X.Y.Z below 0.4.1)."""
    release = release_tuple(version)
    return release is not None and release < SINCE


def check_roles(ctx: Context) -> None:
    """One error per role outside the vocabulary, on its line of the descriptor."""
    ctx.check(CODE)
    locator = Locator(ctx.package)
    legacy = v1_words_allowed(ctx.package.descriptor.get("version"))
    for i, j, role in unknown_roles(ctx.package.descriptor):
        if legacy and role in V1_ROLES:
            continue  # its release's own word (see the module's docstring)
        hint = suggest(role) if isinstance(role, str) else None
        ctx.error(
            CODE,
            path=locator.descriptor,
            line=locator.pointer_line(["contributors", i, "roles", j]),
            suggestion=hint,
            pointer=f"/contributors/{i}/roles/{j}",
            role=str(role)[:100],
        )
