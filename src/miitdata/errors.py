"""The one error catalogue: every code miitdata reports, with its layer, title, description and template.

Modelled on frictionless-py's errors: one class per error, each with a stable `code` (frictionless calls
it `type`), a `title`, a `description` and a message `template` filled from named parameters.

- Validation errors (exit 1) belong to one of the layers in `LAYERS`; the validator files them in its
  report (see `miitdata.validation.context.Context.error`).
- Run errors (layer `run`, exit 2) stop a command before it can run; `PackageError` carries one, and
  the CLI turns it into exit code 2 in exactly one place (`miitdata.cli.main.main`).

The README's error tables and the CLI's `--layer` choices are generated from this module
(`miitdata.errors.markdown_table`; a test compares the README with the catalogue in both directions).
Only the standard library: imported by `import miitdata`.
"""

from __future__ import annotations

import string
from typing import Any, ClassVar

LAYERS = ("structure", "content", "provenance", "consistency", "relations")
RUN = "run"  # the pseudo-layer of errors that stop a command (exit 2)


class ErrorType:
    """One kind of error. Subclasses set the class attributes; `format(**params)` fills the template."""

    code: ClassVar[str] = ""
    layer: ClassVar[str] = ""
    title: ClassVar[str] = ""
    description: ClassVar[str] = ""
    template: ClassVar[str] = "{note}"

    @classmethod
    def params(cls) -> list[str]:
        """The names the template needs."""
        return [name for _, name, _, _ in string.Formatter().parse(cls.template) if name]

    @classmethod
    def format(cls, **params: Any) -> str:
        """The message for this error; a missing parameter is a programming error (KeyError)."""
        return cls.template.format(**params)


CATALOGUE: dict[str, type[ErrorType]] = {}


def _register(cls: type[ErrorType]) -> type[ErrorType]:
    if cls.code in CATALOGUE:
        raise RuntimeError(f"error code {cls.code!r} is defined twice")
    if cls.layer not in (*LAYERS, RUN):
        raise RuntimeError(f"error code {cls.code!r} has unknown layer {cls.layer!r}")
    CATALOGUE[cls.code] = cls
    return cls


# --------------------------------------------------------------------------------------------------
# run errors (exit 2)


class RunError(ErrorType):
    layer = RUN


@_register
class DescriptorNotFound(RunError):
    code, title = "descriptor-not-found", "Descriptor not found"
    description = "No datapackage.json at the given path."
    template = "no such file"


@_register
class DescriptorUnreadable(RunError):
    code, title = "descriptor-unreadable", "Descriptor unreadable"
    description = "The descriptor exists but cannot be read (permissions, a directory, a special file …)."


@_register
class DescriptorInvalidJson(RunError):
    code, title = "descriptor-invalid-json", "Descriptor is not JSON"
    description = "The descriptor is not UTF-8 JSON (or is nested absurdly deep)."


@_register
class DescriptorInvalid(RunError):
    code, title = "descriptor-invalid", "Descriptor unusable"
    description = (
        "Not a usable data package: no resources, duplicate names, no schema, a foreign key "
        "to a missing resource, an invalid pattern or bound, an unknown $schema."
    )


@_register
class PathUnsafe(RunError):
    code, title = "path-unsafe", "Unsafe path"
    description = "A resource path is absolute or leaves the package directory (also through symlinks)."


@_register
class PathNotLocal(RunError):
    code, title = "path-not-local", "Remote path"
    description = "A resource path is a URL: miitdata never fetches anything."


@_register
class PackageNotFound(RunError):
    code, title = "package-not-found", "No bundled package"
    description = "The installed miitdata has no bundled package (a broken installation)."


@_register
class RevFileNotFound(RunError):
    code, title = "rev-file-not-found", "File missing at revision"
    description = "A resource file does not exist at the requested version."


@_register
class ResourceUnreadable(RunError):
    code, title = "resource-unreadable", "Resource unreadable"
    description = "A resource file cannot be read as CSV (export needs a readable package)."


@_register
class OutputInvalid(RunError):
    code, title = "output-invalid", "Output path unusable"
    description = "An output path of the wrong kind (a file where a directory is due …)."


@_register
class OutputUnwritable(RunError):
    code, title = "output-unwritable", "Output not written"
    description = "An output cannot be written (permissions, a full disk …); an old file is left intact."


@_register
class RevNotFound(RunError):
    code, title = "rev-not-found", "Revision not found"
    description = "No such git revision or dataset version in the repository."


@_register
class RepoNotFound(RunError):
    code, title = "repo-not-found", "Repository not found"
    description = "The repository path or URL does not exist or is not a git repository."


@_register
class RepoUnreadable(RunError):
    code, title = "repo-unreadable", "Repository unreadable"
    description = "The repository could not be cloned or read."


@_register
class GitNotFound(RunError):
    code, title = "git-not-found", "git missing"
    description = "The git command is not installed."


@_register
class GitError(RunError):
    code, title = "git-error", "git failed"
    description = "A git command failed (its own message follows)."


@_register
class DvcMissing(RunError):
    code, title = "dvc-missing", "DVC missing"
    description = 'Reading other versions needs DVC: pip install "miitdata[dvc]".'
    template = 'reading other versions needs DVC: pip install "miitdata[dvc]"'


@_register
class WorktreeRemote(RunError):
    code, title = "worktree-remote", "Working tree of a remote"
    description = "The working tree can only be compared for a local repository."


@_register
class ExtraMissing(RunError):
    code, title = "extra-missing", "Optional dependency missing"
    description = "A command needs an optional extra that is not installed (the pip command follows)."


@_register
class FilterUnknown(RunError):
    code, title = "filter-unknown", "Nothing matches"
    description = "An id or name given to show, cite or facts() names nothing (the closest names follow)."


# --------------------------------------------------------------------------------------------------
# structure


class StructureError(ErrorType):
    layer = "structure"


@_register
class ResourceMissing(StructureError):
    code, title = "resource-missing", "Resource missing"
    description = "A resource the miitdata model requires is not in the descriptor."
    template = "the package has no {name!r} resource"


@_register
class ResourceNotFound(StructureError):
    code, title = "resource-not-found", "Resource file not found"
    description = "The resource's CSV file does not exist."
    template = "no file {path}"


@_register
class EncodingError(StructureError):
    code, title = "encoding-error", "Encoding error"
    description = "The file is not UTF-8 text without BOM and NUL bytes, as declared."


@_register
class FormatError(StructureError):
    code, title = "format-error", "Format error"
    description = "The CSV is malformed (unterminated quote, CR line ends where LF is declared)."


@_register
class MissingLabel(StructureError):
    code, title = "missing-label", "Missing label"
    description = "A schema field is missing from the header row."


@_register
class ExtraLabel(StructureError):
    code, title = "extra-label", "Extra label"
    description = "The header row has a column the schema does not define."


@_register
class IncorrectLabel(StructureError):
    code, title = "incorrect-label", "Incorrect label"
    description = "The header row's columns are not in the schema's order."
    template = "columns are in the order {header}, schema says {fields}"


@_register
class BlankRow(StructureError):
    code, title = "blank-row", "Blank row"
    description = "A row with no values."


@_register
class ExtraCell(StructureError):
    code, title = "extra-cell", "Extra cell"
    description = "A row has more cells than the header."


@_register
class MissingCell(StructureError):
    code, title = "missing-cell", "Missing cell"
    description = "A row has fewer cells than the header."


@_register
class TypeError_(StructureError):
    code, title = "type-error", "Type error"
    description = "A cell cannot be read as the field's type (integer, number, boolean, date)."


@_register
class ConstraintError(StructureError):
    code, title = "constraint-error", "Constraint error"
    description = "A cell breaks a field constraint (required, enum, pattern, minimum, ...)."


@_register
class UniqueError(StructureError):
    code, title = "unique-error", "Unique error"
    description = "A field declared unique has a repeated value."


@_register
class PrimaryKeyError(StructureError):
    code, title = "primary-key", "Primary key error"
    description = "A primary key is repeated or blank."


@_register
class ForeignKeyError(StructureError):
    code, title = "foreign-key", "Foreign key error"
    description = "A reference to a row of another resource (or the same) that does not exist."


@_register
class Frictionless(StructureError):
    code, title = "frictionless", "Reference validator"
    description = "An error reported by the reference frictionless validator (--frictionless)."
    template = "{kind}: {note}"


# --------------------------------------------------------------------------------------------------
# content (pandera checks take their `name` and message from these)


class ContentError(ErrorType):
    layer = "content"


@_register
class ValueOutOfRange(ContentError):
    code, title = "value-out-of-range", "Value out of range"
    description = "An observation's value lies outside its indicator's [minimum, maximum]."
    template = "value {value:g} outside [{minimum:g}, {maximum:g}] of indicator {indicator_id}"


@_register
class ShareOutOfRange(ContentError):
    code, title = "share-out-of-range", "Share out of range"
    description = "A percent share outside [0, 100], or an indicator range that allows one."
    template = "{what} is outside [0, 100]"


@_register
class CountNotIntegral(ContentError):
    code, title = "count-not-integral", "Count not integral"
    description = "A count is not a non-negative whole number."
    template = "count {value:g} is not a whole number >= 0"


@_register
class PeriodInvalid(ContentError):
    code, title = "period-invalid", "Period invalid"
    description = "A period that does not follow the grammar or is not a real date/span."
    template = "period {period!r} is not a valid period (2021, 2021-12-31, 2022-H1, 2012/2021…)"


@_register
class ComparatorInvalid(ContentError):
    code, title = "comparator-invalid", "Comparator invalid"
    description = "A comparator outside =, ~, >, >=, <, <=."
    template = "comparator {comparator!r} is not one of {choices}"


@_register
class RangeInvalid(ContentError):
    code, title = "range-invalid", "Range invalid"
    description = "An indicator whose minimum exceeds its maximum."
    template = "minimum {minimum:g} exceeds maximum {maximum:g}"


@_register
class MemberUnknown(ContentError):
    code, title = "member-unknown", "Unknown member"
    description = "A region's members name a region that does not exist."
    template = "members {members!r} name a region that does not exist"


@_register
class IsoCodeInvalid(ContentError):
    code, title = "iso-code-invalid", "ISO code invalid"
    description = "An ISO 3166-2 code that pycountry does not know, or that differs from region_id."
    template = "ISO 3166-2 code {iso_3166_2!r} is unknown to pycountry or is not region_id {region_id!r}"


@_register
class DerivedNotDerived(ContentError):
    code, title = "derived-not-derived", "Derivation points elsewhere"
    description = "An observation's derived_by names a relation whose target is another observation."
    template = "observation {observation_id} is derived_by {derived_by}, whose target is {target}"


# --------------------------------------------------------------------------------------------------
# provenance


class ProvenanceError(ErrorType):
    layer = "provenance"


@_register
class SourceMissing(ProvenanceError):
    code, title = "source-missing", "Source missing"
    description = "A raw source file listed in sources does not exist."


@_register
class SourceHashMismatch(ProvenanceError):
    code, title = "source-hash-mismatch", "Source hash mismatch"
    description = "A raw source file's sha256 differs from the sources table."
    template = "{path} has sha256 {actual}, the table says {expected}"


@_register
class SourceNotUtf8(ProvenanceError):
    code, title = "source-not-utf8", "Source not UTF-8"
    description = "A raw source file is not valid UTF-8."
    template = "{path} is not UTF-8 at byte {byte}"


@_register
class OffsetOutOfRange(ProvenanceError):
    code, title = "offset-out-of-range", "Offset out of range"
    description = "A mention's start/end lie outside the text or end <= start."
    template = "[{start}, {end}) is outside the text of {source_id} (length {length})"


@_register
class QuoteMismatch(ProvenanceError):
    code, title = "quote-mismatch", "Quote mismatch"
    description = "A mention's exact differs from text[start:end]."
    template = "text[{start}:{end}] is {quoted!r}, exact is {exact!r}"


@_register
class ValueTextNotInQuote(ProvenanceError):
    code, title = "value-text-not-in-quote", "Value text not in quote"
    description = "A mention's value_text is not a substring of exact."
    template = "value_text {value_text!r} is not inside exact {exact!r}"


@_register
class PrefixMismatch(ProvenanceError):
    code, title = "prefix-mismatch", "Prefix mismatch"
    description = "A mention's prefix is not the text just before start."
    template = "the text before the quote is {actual!r}, prefix is {prefix!r}"


@_register
class SuffixMismatch(ProvenanceError):
    code, title = "suffix-mismatch", "Suffix mismatch"
    description = "A mention's suffix is not the text just after end."
    template = "the text after the quote is {actual!r}, suffix is {suffix!r}"


# --------------------------------------------------------------------------------------------------
# consistency


class ConsistencyError(ErrorType):
    layer = "consistency"


@_register
class ValueTextUnparsed(ConsistencyError):
    code, title = "value-text-unparsed", "Value text unparsed"
    description = "A mention's value_text cannot be parsed as a number."
    template = "{reason} (indicator unit {unit})"


@_register
class ValueTextMismatch(ConsistencyError):
    code, title = "value-text-mismatch", "Value text mismatch"
    description = "A mention's value differs from what its value_text says."
    template = "value_text {text!r} says {says}, value is {value:g}"


@_register
class MentionDisagrees(ConsistencyError):
    code, title = "mention-disagrees", "Mention disagrees"
    description = "A mention's value or comparator disagrees with its observation."
    template = "quote: {comparator} {value:g}; observation {observation_id}: {o_comparator} {o_value:g}"


@_register
class MentionsDisagree(ConsistencyError):
    code, title = "mentions-disagree", "Mentions disagree"
    description = "Two mentions of one observation disagree with each other."
    template = "mentions {low} ({low_value:g}) and {high} ({high_value:g}) disagree"


@_register
class ObservationUnmentioned(ConsistencyError):
    code, title = "observation-unmentioned", "Observation unmentioned"
    description = "An observation that is not derived has no mention."
    template = "observation {observation_id} is not derived and no source states it"


@_register
class DerivedMentioned(ConsistencyError):
    code, title = "derived-mentioned", "Derived but mentioned"
    description = "A derived observation has a mention (it is stated, so not derived)."
    template = "observation {observation_id} is derived by {derived_by} but a source states it"


# --------------------------------------------------------------------------------------------------
# relations


class RelationsError(ErrorType):
    layer = "relations"


@_register
class RelationInvalid(RelationsError):
    code, title = "relation-invalid", "Relation invalid"
    description = "A relation names missing observations or has the wrong number of operands."
    template = "relation {relation_id}: {note}"


@_register
class RelationFailed(RelationsError):
    code, title = "relation-failed", "Relation failed"
    description = "A relation does not hold within its tolerance."
    template = (
        "{kind} relation {relation_id} fails: target {target} is in {target_range}, "
        "the operands give {computed}"
    )


@_register
class StaleDiscrepancy(RelationsError):
    code, title = "stale-discrepancy", "Stale discrepancy"
    description = "A discrepancy matches no failure: the known problem is gone or misnamed."
    template = "discrepancy {discrepancy_id} is stale: {note}"


@_register
class DiscrepancyInvalid(RelationsError):
    code, title = "discrepancy-invalid", "Discrepancy invalid"
    description = "A discrepancy names a missing target, or a relation's expected differs."


# --------------------------------------------------------------------------------------------------


def lookup(code: str) -> type[ErrorType]:
    """The error class of `code`; KeyError naming the catalogue when there is none."""
    try:
        return CATALOGUE[code]
    except KeyError:
        raise KeyError(f"unknown error code {code!r}: add it to miitdata.errors") from None


def codes(layer: str | None = None) -> list[str]:
    """Every code (of one layer, or `run` for exit-2 codes), in catalogue order."""
    return [c for c, cls in CATALOGUE.items() if layer is None or cls.layer == layer]


def markdown_table(kind: str) -> str:
    """The README's table of `run` codes (kind="run") or of validation types (kind="validation")."""
    if kind == RUN:
        lines = ["| code (exit 2) | meaning |", "|---|---|"]
        lines += [f"| `{c}` | {CATALOGUE[c].description} |" for c in codes(RUN)]
    else:
        lines = ["| type | layer | meaning |", "|---|---|---|"]
        lines += [
            f"| `{c}` | {cls.layer} | {cls.description} |" for c, cls in CATALOGUE.items() if cls.layer != RUN
        ]
    return "\n".join(lines)


class PackageError(Exception):
    """The package (or another input) could not be used: exit code 2.

    Carries one run error of the catalogue: `code` is stable, `error` its class, `path` names the file
    at fault and `row`/`field` the place in it, where there is one.
    """

    def __init__(
        self,
        code: str,
        message: str,
        path: str | None = None,
        *,
        row: int | None = None,
        field: str | None = None,
    ) -> None:
        error = CATALOGUE.get(code)
        if error is None or error.layer != RUN:
            raise ValueError(f"unknown PackageError code {code!r}: add it to miitdata.errors as a RunError")
        super().__init__(message)
        self.code = code
        self.error = error
        self.message = message
        self.path = path
        self.row = row
        self.field = field

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        if self.row is not None:
            where += f"row {self.row}: "
        if self.field is not None:
            where += f"field {self.field}: "
        return f"{where}{self.message} [{self.code}]"

    def to_dict(self) -> dict[str, Any]:
        """The machine-readable form (the JSON/JUnit error document of exit 2)."""
        return {
            "code": self.code,
            "title": self.error.title,
            "message": self.message,
            "path": self.path,
            "row": self.row,
            "field": self.field,
        }
