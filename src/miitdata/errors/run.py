"""Run errors: what stops a command (exit 2: it could not run; exit 1 where the class says the input is
invalid). `miitdata.errors.MiitdataError` (`PackageError`, `FilterError`, `TagConflictError`) carries one."""

from __future__ import annotations

from miitdata.errors.base import RUN, ErrorType, register


class RunError(ErrorType):
    layer = RUN
    exit_code = 2


@register
class DescriptorNotFound(RunError):
    code, title = "descriptor-not-found", "Descriptor not found"
    description = "No datapackage.json at the given path."
    template = "no such file"


@register
class DescriptorUnreadable(RunError):
    code, title = "descriptor-unreadable", "Descriptor unreadable"
    description = "The descriptor exists but cannot be read (permissions, a directory, a special file …)."


@register
class DescriptorInvalidJson(RunError):
    code, title = "descriptor-invalid-json", "Descriptor is not JSON"
    description = "The descriptor is not UTF-8 JSON (or is nested absurdly deep)."


@register
class DescriptorInvalid(RunError):
    code, title = "descriptor-invalid", "Descriptor unusable"
    description = (
        "Not a usable data package: no resources, duplicate names, no schema, a foreign key "
        "to a missing resource, an invalid pattern or bound, an unknown $schema."
    )


@register
class PathUnsafe(RunError):
    code, title = "path-unsafe", "Unsafe path"
    description = "A resource path is absolute or leaves the package directory (also through symlinks)."


@register
class PathNotLocal(RunError):
    code, title = "path-not-local", "Remote path"
    description = (
        "The descriptor refers to a URL (a resource path, dialect, schema, profile, or a $schema other "
        "than the datapackage.org profiles): miitdata never fetches anything."
    )


@register
class PathInvalid(RunError):
    code, title = "path-invalid", "Path unusable"
    description = "A path no file can have: a NUL byte, a symlink loop, a name too long."


@register
class PackageNotFound(RunError):
    code, title = "package-not-found", "No bundled package"
    description = "The installed miitdata has no bundled package (a broken installation)."


@register
class RevFileNotFound(RunError):
    code, title = "rev-file-not-found", "File missing at revision"
    description = "A resource file does not exist at the requested version."


@register
class ResourceUnreadable(RunError):
    code, title = "resource-unreadable", "Resource unreadable"
    description = (
        "A resource file cannot be read as CSV: not a regular file (a FIFO, a directory …), not UTF-8, a "
        "BOM, CR line ends, NUL bytes, malformed (the row is named where known; run miitdata validate)."
    )


@register
class OutputInvalid(RunError):
    code, title = "output-invalid", "Output path unusable"
    description = (
        "An output path of the wrong kind (a file where a directory is due, a non-empty directory that "
        "is not an export, a missing parent directory …)."
    )


@register
class OutputUnwritable(RunError):
    code, title = "output-unwritable", "Output not written"
    description = "An output cannot be written (permissions, a full disk …); an old file is left intact."


@register
class RevNotFound(RunError):
    code, title = "rev-not-found", "Revision not found"
    description = "No such git revision or dataset version in the repository."


@register
class RepoNotFound(RunError):
    code, title = "repo-not-found", "Repository not found"
    description = "The repository path or URL does not exist or is not a git repository."


@register
class RepoUnreadable(RunError):
    code, title = "repo-unreadable", "Repository unreadable"
    description = "The repository could not be cloned or read."


@register
class GitNotFound(RunError):
    code, title = "git-not-found", "git missing"
    description = "The git command is not installed."


@register
class GitError(RunError):
    code, title = "git-error", "git failed"
    description = "A git command failed (its own message follows)."


@register
class DvcMissing(RunError):
    code, title = "dvc-missing", "DVC missing"
    description = "Reading other versions needs DVC: pip install 'miitdata[dvc]'."
    template = "reading other versions needs DVC: pip install 'miitdata[dvc]'"


@register
class WorktreeRemote(RunError):
    code, title = "worktree-remote", "Working tree of a remote"
    description = "The working tree can only be compared for a local repository."


@register
class ExtraMissing(RunError):
    code, title = "extra-missing", "Optional dependency missing"
    description = "A command needs an optional extra that is not installed (the pip command follows)."


@register
class SourceUnknown(RunError):
    code, title = "source-unknown", "Unknown source"
    description = "curate: no source with that id in the sources table."


@register
class SourceUnreadable(RunError):
    code, title = "source-unreadable", "Source file unreadable"
    description = "curate add-source: the file to add cannot be read."


@register
class NotUtf8(RunError):
    code, title = "not-utf8", "Not UTF-8"
    description = (
        "curate, site: a source text (or the file to add) is not UTF-8 (the first bad byte is named)."
    )


@register
class SourceInvalid(RunError):
    code, title = "source-invalid", "Source row invalid"
    description = "curate add-source: an id, language, kind, date or title the sources schema refuses."


@register
class SourceExists(RunError):
    code, title = "source-exists", "Source exists"
    description = "curate add-source: the source id (or its target file) is already in the package."


@register
class SourceDuplicate(RunError):
    code, title = "source-duplicate", "Source duplicated"
    description = "curate add-source: a source with the same sha256 (the same bytes) is already there."


@register
class EventUnknown(RunError):
    code, title = "event-unknown", "Unknown event"
    description = "curate add-source: the event id is not in the events table."


@register
class TagNeedsLocal(RunError):
    code, title = "tag-needs-local", "Tags need a local repository"
    description = "Release tags can only be created in a local repository, not a URL."


@register
class FilterUnknown(RunError):
    code, title = "filter-unknown", "Nothing matches"
    description = "An id or name given to show, cite or facts() names nothing (the closest names follow)."


@register
class CurateInvalid(RunError):
    code, title = "curate-invalid", "Change would not validate"
    description = (
        "curate: the change would leave a table that breaks its schema (the first error follows, with "
        "its row); nothing is written."
    )


@register
class ClaimsUnreadable(RunError):
    code, title = "claims-unreadable", "Claims file unreadable"
    description = "verify --file: the file of claims cannot be read (missing, not a regular file, not UTF-8)."


@register
class ClaimInvalid(RunError):
    code, title = "claim-invalid", "Claim unusable"
    description = (
        "verify: no claim given (or both a claim and --file), an empty claim, or one too long to be a claim."
    )


@register
class HistoryIncomplete(RunError):
    code, title = "history-incomplete", "History incomplete"
    description = (
        "versions --tag: the repository is a shallow or partial clone, so release commits cannot be "
        "told from the cut; fetch the whole history first."
    )


@register
class TagConflict(RunError):
    code, title = "tag-conflict", "Release tag elsewhere"
    description = (
        "versions --tag: an existing tag vX.Y.Z points at another commit than the release's (each is named); "
        "no tag is created or moved."
    )
    exit_code = 1  # the repository's tags are wrong (invalid), not a command that could not run


@register
class NumberUnparsable(RunError):
    code, title = "number-unparsable", "Not a number"
    description = "miitdata.numbers.parse: a text its grammar does not read as a number (the reason follows)."
    exit_code = 1


@register
class UnitUnconvertible(RunError):
    code, title = "unit-unconvertible", "Unit not convertible"
    description = "miitdata.numbers.to_unit: a number that cannot be expressed in the requested unit."
    exit_code = 1


@register
class PeriodUnparsable(RunError):
    code, title = "period-unparsable", "Not a period"
    description = (
        "miitdata.numbers.periods.parse_period: not YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-Hn "
        "or a span A/B of two of these."
    )
    exit_code = 1


@register
class BaseUrlInvalid(RunError):
    code, title = "base-url-invalid", "Base URL unusable"
    description = (
        "export --base-url: not an absolute http(s) URL without query or fragment (the raw texts' "
        "published location, e.g. https://raw.githubusercontent.com/OWNER/REPO/TAG/)."
    )


@register
class ExclusionsInvalid(RunError):
    code, title = "exclusions-invalid", "Exclusions file unusable"
    description = (
        "curate, site: a curation/exclusions*.csv file that is not a regular file, not UTF-8, malformed "
        "CSV, without a source_id, text or reason column, or with a row that does not fit or has no text."
    )


@register
class OptionConflict(RunError):
    code, title = "option-conflict", "Options conflict"
    description = (
        "Two options say the same thing differently (a package PATH argument and --package/-p): give it once."
    )


@register
class NotAMiitdataPackage(RunError):
    code, title = "not-a-miitdata-package", "Not a miitdata package"
    description = (
        "The descriptor has none of the miitdata resources: miitdata validates its own data model; "
        "`frictionless validate` is the tool for other data packages."
    )


@register
class DescriptorUnsupported(RunError):
    code, title = "descriptor-unsupported", "Descriptor feature unsupported"
    description = (
        "A descriptor feature that changes how the bytes are read and that miitdata does not implement "
        "(a dialect other than the defaults, an encoding other than UTF-8, inline data, a field format, "
        "missingValues outside the table schema …): refused by name rather than misread."
    )


@register
class IdRetired(RunError):
    code, title = "id-retired", "Id retired"
    description = (
        "The id asked of cite or Dataset.cite() was retired (the retired table): the message says in which "
        "version, why, and which id replaces it."
    )
