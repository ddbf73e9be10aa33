"""Errors that stop a command before it can run (exit code 2): bad path, unreadable file, bad descriptor.

Every code is listed once, here, with what it means; the README's table mirrors this (a test checks).
"""

from __future__ import annotations

CODES: dict[str, str] = {
    "descriptor-not-found": "No datapackage.json at the given path.",
    "descriptor-unreadable": "The descriptor exists but cannot be read (permissions, a directory …).",
    "descriptor-invalid-json": "The descriptor is not UTF-8 JSON (or is nested absurdly deep).",
    "descriptor-invalid": (
        "Not a usable data package: no resources, duplicate names, no schema, a foreign key "
        "to a missing resource, an invalid pattern or bound, an unknown $schema."
    ),
    "path-unsafe": "A resource path is absolute or leaves the package directory (also through symlinks).",
    "path-not-local": "A resource path is a URL: miitdata never fetches anything.",
    "package-not-found": "The installed miitdata has no bundled package (a broken installation).",
    "resource-not-found": "A resource file does not exist at the requested version.",
    "resource-unreadable": "A resource file cannot be read as CSV (export needs a readable package).",
    "output-invalid": "An export output path of the wrong kind (a file where a directory is due …).",
    "rev-not-found": "No such git revision or dataset version in the repository.",
    "repo-not-found": "The repository path or URL does not exist or is not a git repository.",
    "repo-unreadable": "The repository could not be cloned or read.",
    "git-not-found": "The git command is not installed.",
    "git-error": "A git command failed (its own message follows).",
    "dvc-missing": 'Reading other versions needs DVC: pip install "miitdata[dvc]".',
    "worktree-remote": "The working tree can only be compared for a local repository.",
    "tag-needs-local": "Release tags can only be created in a local repository, not a URL.",
}


class PackageError(Exception):
    """The package could not be read. `code` (one of CODES) is stable; `path` names the file at fault."""

    def __init__(self, code: str, message: str, path: str | None = None) -> None:
        if code not in CODES:
            raise ValueError(f"unknown PackageError code {code!r}: add it to miitdata.errors.CODES")
        super().__init__(message)
        self.code = code
        self.message = message
        self.path = path

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{where}{self.message} [{self.code}]"
