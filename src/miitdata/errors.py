"""Errors that stop a command before it can run (exit code 2): bad path, unreadable file, bad descriptor."""

from __future__ import annotations


class PackageError(Exception):
    """The package could not be read. `code` is stable; `path` names the file at fault."""

    def __init__(self, code: str, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.path = path

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{where}{self.message} [{self.code}]"
