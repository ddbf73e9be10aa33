"""Contributor roles: the controlled vocabulary `datapackage.json`'s `contributors[].roles` follows, and
who the creators (authors) are. Standard library only.

Data Package v2 recommends an established vocabulary for roles (the v1 words `author`, `publisher`,
`maintainer`, `wrangler` are not one). miitdata accepts, spelled exactly:

- DataCite Metadata Schema 4.6 `contributorType` values (`DataCurator`, `DataManager`, ...);
- CRediT (ANSI/NISO Z39.104-2022) roles as slugs (`data-curation`, `software`, ...);
- `creator` (an author of the dataset: DataCite's `creator` property, the role Data Package v2 names for
  it) and `contributor` (v2's default when `roles` is absent).

Every citation output (`miitdata cite`, CITATION.cff, schema.org / Croissant `creator`) names the
contributors with the `creator` role as authors (`creators`). The rule `contributor-role-unknown`
(structure layer) reports any other role, suggesting the vocabulary's spelling.
"""

from __future__ import annotations

from typing import Any

CREATOR = "creator"
DATAPACKAGE = (CREATOR, "contributor")
DATACITE = (
    "ContactPerson", "DataCollector", "DataCurator", "DataManager", "Distributor", "Editor",
    "HostingInstitution", "Other", "Producer", "ProjectLeader", "ProjectManager", "ProjectMember",
    "RegistrationAgency", "RegistrationAuthority", "RelatedPerson", "ResearchGroup", "Researcher",
    "RightsHolder", "Sponsor", "Supervisor", "Translator", "WorkPackageLeader",
)  # fmt: skip
CREDIT = (
    "conceptualization", "data-curation", "formal-analysis", "funding-acquisition", "investigation",
    "methodology", "project-administration", "resources", "software", "supervision", "validation",
    "visualization", "writing-original-draft", "writing-review-editing",
)  # fmt: skip
VOCABULARY = frozenset((*DATAPACKAGE, *DATACITE, *CREDIT))
V1_ROLES = {  # Data Package v1 words -> the vocabulary's term for the same job
    "author": CREATOR,
    "maintainer": "DataManager",
    "publisher": "Distributor",
    "wrangler": "DataCurator",
}
DEFAULT_AUTHOR = "miitdata contributors"


def _squash(role: str) -> str:
    return "".join(ch for ch in role.lower() if ch.isalnum())


_BY_SQUASHED = {_squash(r): r for r in VOCABULARY}


def suggest(role: str) -> str | None:
    """The vocabulary's term for an unknown role: a v1 word's equivalent, or the same word spelled
    otherwise (`dataCurator`, `data curator` -> `DataCurator`); None when nothing is close."""
    return V1_ROLES.get(role.lower()) or _BY_SQUASHED.get(_squash(role))


def roles_of(contributor: Any) -> list[Any]:
    """A contributor's roles as declared (v2's default `["contributor"]` when it has none)."""
    if not isinstance(contributor, dict):
        return []
    roles = contributor.get("roles")
    return list(roles) if isinstance(roles, list) and roles else ["contributor"]


def unknown_roles(descriptor: dict[str, Any]) -> list[tuple[int, int, Any]]:
    """(contributor index, role index, role) of every declared role outside the vocabulary."""
    found: list[tuple[int, int, Any]] = []
    contributors = descriptor.get("contributors")
    if not isinstance(contributors, list):
        return found
    for i, c in enumerate(contributors):
        roles = c.get("roles") if isinstance(c, dict) else None
        if not isinstance(roles, list):
            continue
        found += [(i, j, r) for j, r in enumerate(roles) if not (isinstance(r, str) and r in VOCABULARY)]
    return found


def creators(descriptor: dict[str, Any]) -> list[str]:
    """The titles of the contributors with the `creator` role (or a release before 0.4.1's v1 word
    `author`), in order (the dataset's authors); `[DEFAULT_AUTHOR]` when none is declared."""
    names = [
        str(c["title"])
        for c in descriptor.get("contributors") or []
        if isinstance(c, dict)
        and c.get("title")
        and any(isinstance(r, str) and V1_ROLES.get(r, r) == CREATOR for r in roles_of(c))
    ]
    return names or [DEFAULT_AUTHOR]
