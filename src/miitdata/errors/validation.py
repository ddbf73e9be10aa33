"""Validation errors (exit 1), by layer: what `miitdata validate` reports."""

from __future__ import annotations

from miitdata.errors.base import ErrorType, register

# --------------------------------------------------------------------------------------------------
# structure


class StructureError(ErrorType):
    layer = "structure"


@register
class DescriptorProfile(StructureError):
    code, title = "descriptor-profile", "Descriptor profile"
    description = (
        "datapackage.json breaks the Data Package v2 JSON Schema profile (checked offline against the "
        "copy that dplib-py, a dependency, ships)."
    )
    template = "{pointer}: {note}"


@register
class ContributorRoleUnknown(StructureError):
    code, title = "contributor-role-unknown", "Contributor role not in the vocabulary"
    description = (
        "A `contributors[].roles` entry of datapackage.json is not a DataCite contributorType "
        "(`DataCurator`, `DataManager` ...), a CRediT role (`data-curation` ...), `creator` or "
        "`contributor`, "
        "spelled exactly (Data Package v2 recommends a controlled vocabulary; v1's `maintainer` is "
        "`DataManager`). A package of a release before 0.4.1 may keep v1's `author`, `maintainer`, "
        "`publisher`, `wrangler`."
    )
    template = "{pointer}: role {role!r} is not in the DataCite/CRediT vocabulary"


@register
class ResourceMissing(StructureError):
    code, title = "resource-missing", "Resource missing"
    description = "A resource the miitdata model requires is not in the descriptor."
    template = "the package has no {name!r} resource"


@register
class ResourceNotFound(StructureError):
    code, title = "resource-not-found", "Resource file not found"
    description = "The resource's CSV file does not exist."
    template = "no file {file}"


@register
class EncodingError(StructureError):
    code, title = "encoding-error", "Encoding error"
    description = "The file is not UTF-8 text without BOM and NUL bytes, as declared."


@register
class FormatError(StructureError):
    code, title = "format-error", "Format error"
    description = "The CSV is malformed (unterminated quote, CR line ends where LF is declared)."


@register
class MissingLabel(StructureError):
    code, title = "missing-label", "Missing label"
    description = "A schema field is missing from the header row."


@register
class ExtraLabel(StructureError):
    code, title = "extra-label", "Extra label"
    description = "The header row has a column the schema does not define."


@register
class IncorrectLabel(StructureError):
    code, title = "incorrect-label", "Incorrect label"
    description = "The header row's columns are not in the schema's order."
    template = "columns are in the order {header}, schema says {fields}"


@register
class BlankRow(StructureError):
    code, title = "blank-row", "Blank row"
    description = "A row with no values."


@register
class ExtraCell(StructureError):
    code, title = "extra-cell", "Extra cell"
    description = "A row has more cells than the header."


@register
class MissingCell(StructureError):
    code, title = "missing-cell", "Missing cell"
    description = "A row has fewer cells than the header."


@register
class TypeError_(StructureError):
    code, title = "type-error", "Type error"
    description = "A cell cannot be read as the field's type (integer, number, boolean, date)."


@register
class ConstraintError(StructureError):
    code, title = "constraint-error", "Constraint error"
    description = "A cell breaks a field constraint (required, enum, pattern, minimum, ...)."


@register
class UniqueError(StructureError):
    code, title = "unique-error", "Unique error"
    description = "A field declared unique has a repeated value."


@register
class PrimaryKeyError(StructureError):
    code, title = "primary-key", "Primary key error"
    description = "A primary key is repeated or blank."


@register
class ForeignKeyError(StructureError):
    code, title = "foreign-key", "Foreign key error"
    description = "A reference to a row of another resource (or the same) that does not exist."


@register
class Frictionless(StructureError):
    code, title = "frictionless", "Reference validator"
    description = "An error reported by the reference frictionless validator (--frictionless)."
    template = "{kind}: {note}"


# --------------------------------------------------------------------------------------------------
# content (pandera checks take their `name` and message from these)


class ContentError(ErrorType):
    layer = "content"


@register
class ValueOutOfRange(ContentError):
    code, title = "value-out-of-range", "Value out of range"
    description = "An observation's value lies outside its indicator's [minimum, maximum]."
    template = "value {value:g} outside [{minimum:g}, {maximum:g}] of indicator {indicator_id}"


@register
class ShareOutOfRange(ContentError):
    code, title = "share-out-of-range", "Share out of range"
    description = "A percent share outside [0, 100], or an indicator range that allows one."
    template = "{what} is outside [0, 100]"


@register
class CountNotIntegral(ContentError):
    code, title = "count-not-integral", "Count not integral"
    description = "A count is not a non-negative whole number."
    template = "count {value:g} is not a whole number >= 0"


@register
class PeriodInvalid(ContentError):
    code, title = "period-invalid", "Period invalid"
    description = "A period that does not follow the grammar or is not a real date/span."
    template = "period {period!r} is not a valid period (2021, 2021-12-31, 2022-H1, 2012/2021…)"


@register
class ComparatorInvalid(ContentError):
    code, title = "comparator-invalid", "Comparator invalid"
    description = "A comparator outside =, ~, >, >=, <, <=."
    template = "comparator {comparator!r} is not one of {choices}"


@register
class RangeInvalid(ContentError):
    code, title = "range-invalid", "Range invalid"
    description = "An indicator whose minimum exceeds its maximum."
    template = "minimum {minimum:g} exceeds maximum {maximum:g}"


@register
class MemberUnknown(ContentError):
    code, title = "member-unknown", "Unknown member"
    description = "A region's members name a region that does not exist."
    template = "members {members!r} name a region that does not exist"


@register
class DuplicateObservation(ContentError):
    code, title = "duplicate-observation", "Duplicate observation"
    description = "Two observations have the same indicator, region, period, status and event."
    template = "{observation_id} repeats {first} (same indicator, region, period, status and event)"


@register
class MemberRepeated(ContentError):
    code, title = "member-repeated", "Member repeated"
    description = "A region's members name a region twice, or the region itself."
    template = "members {members!r} name {member} {how}"


@register
class DuplicateDiscrepancy(ContentError):
    code, title = "duplicate-discrepancy", "Duplicate discrepancy"
    description = "Two discrepancy rows have the same resource, target, error_type and kind."
    template = "{discrepancy_id} repeats {first} (same resource, target, error_type and kind)"


@register
class IsoCodeInvalid(ContentError):
    code, title = "iso-code-invalid", "ISO code invalid"
    description = "An ISO 3166-2 code that pycountry does not know, or that differs from region_id."
    template = "ISO 3166-2 code {iso_3166_2!r} is unknown to pycountry or is not region_id {region_id!r}"


@register
class DerivedNotDerived(ContentError):
    code, title = "derived-not-derived", "Derivation points elsewhere"
    description = "An observation's derived_by names a relation whose target is another observation."
    template = "observation {observation_id} is derived_by {derived_by}, whose target is {target}"


# --------------------------------------------------------------------------------------------------
# provenance


class ProvenanceError(ErrorType):
    layer = "provenance"


@register
class SourceMissing(ProvenanceError):
    code, title = "source-missing", "Source missing"
    description = "A raw source file listed in sources does not exist."


@register
class SourceHashMismatch(ProvenanceError):
    code, title = "source-hash-mismatch", "Source hash mismatch"
    description = "A raw source file's sha256 differs from the sources table."
    template = "{file} has sha256 {actual}, the table says {expected}"


@register
class TextResourceMismatch(ProvenanceError):
    code, title = "text-resource-mismatch", "Text resource disagrees with sources"
    description = (
        "The descriptor's raw-text resources (`text/plain`, with `hash` and `bytes`, which `frictionless "
        "validate` checks) and the sources table disagree: a source's text is not declared as a resource, "
        "a resource's `hash` is not `sha256:` + the table's sha256 or its `bytes` is not the file's size, "
        "or a text resource names no source. Checked once the descriptor declares any text resource."
    )
    template = "{note}"


@register
class SourceNotUtf8(ProvenanceError):
    code, title = "source-not-utf8", "Source not UTF-8"
    description = "A raw source file is not valid UTF-8."
    template = "{file} is not UTF-8 at byte {byte}"


@register
class OffsetOutOfRange(ProvenanceError):
    code, title = "offset-out-of-range", "Offset out of range"
    description = "A mention's start/end lie outside the text or end <= start."
    template = "[{start}, {end}) is outside the text of {source_id} (length {length})"


@register
class QuoteMismatch(ProvenanceError):
    code, title = "quote-mismatch", "Quote mismatch"
    description = "A mention's exact differs from text[start:end]."
    template = "text[{start}:{end}] is {quoted!r}, exact is {exact!r}"


@register
class ValueTextNotInQuote(ProvenanceError):
    code, title = "value-text-not-in-quote", "Value text not in quote"
    description = "A mention's value_text is not a substring of exact."
    template = "value_text {value_text!r} is not inside exact {exact!r}"


@register
class ValueOffsetMismatch(ProvenanceError):
    code, title = "value-offset-mismatch", "Value offsets mismatch"
    description = (
        "A mention's text[value_start:value_end] is not its value_text, or the value span is not inside"
        " [start, end)."
    )
    template = "{problem}"


@register
class PrefixMismatch(ProvenanceError):
    code, title = "prefix-mismatch", "Prefix mismatch"
    description = "A mention's prefix is not the text just before start."
    template = "the text before the quote is {actual!r}, prefix is {prefix!r}"


@register
class SuffixMismatch(ProvenanceError):
    code, title = "suffix-mismatch", "Suffix mismatch"
    description = "A mention's suffix is not the text just after end."
    template = "the text after the quote is {actual!r}, suffix is {suffix!r}"


@register
class QuoteNotInSource(ProvenanceError):
    code, title = "quote-not-in-source", "Quote not in source"
    description = (
        "A note or explanation presents text as a quote (in quotation marks, or Chinese text) that no "
        "source the row names or concerns has verbatim; a presumed wording is marked [presumed original: …]."
    )
    template = "{quote!r} is not verbatim in {searched}; {hint}"


# --------------------------------------------------------------------------------------------------
# consistency


class ConsistencyError(ErrorType):
    layer = "consistency"


@register
class ValueTextUnparsed(ConsistencyError):
    code, title = "value-text-unparsed", "Value text unparsed"
    description = "A mention's value_text cannot be parsed as a number."
    template = "{reason} (indicator unit {unit})"


@register
class ValueTextMismatch(ConsistencyError):
    code, title = "value-text-mismatch", "Value text mismatch"
    description = "A mention's value differs from what its value_text says."
    template = "value_text {text!r} says {says}, value is {value:g}"


@register
class MentionDisagrees(ConsistencyError):
    code, title = "mention-disagrees", "Mention disagrees"
    description = "A mention's value or comparator disagrees with its observation."
    template = "quote: {comparator} {value:g}; observation {observation_id}: {o_comparator} {o_value:g}"


@register
class MentionsDisagree(ConsistencyError):
    code, title = "mentions-disagree", "Mentions disagree"
    description = "Two mentions of one observation disagree with each other."
    template = "mentions {low} ({low_value:g}) and {high} ({high_value:g}) disagree"


@register
class DuplicateMention(ConsistencyError):
    code, title = "duplicate-mention", "Duplicate mention"
    description = "Two mentions have the same source, start, end and observation."
    template = "{mention_id} repeats {first} (same source, span and observation)"


@register
class EventMismatch(ConsistencyError):
    code, title = "event-mismatch", "Event mismatch"
    description = "An observation's event_id differs from the event of a source that states it."
    template = (
        "{observation_id} is of event {event_id}, but {mention_id} quotes {source_id} of event {source_event}"
    )


@register
class ComparatorContradictsHedges(ConsistencyError):
    code, title = "comparator-contradicts-hedges", "Comparator contradicts hedges"
    description = "An observation is exact (=) while every one of its quotes is hedged as approximate (~)."
    template = "{observation_id} has comparator = but every quote of it reads ~ ({mentions})"


@register
class ObservationUnmentioned(ConsistencyError):
    code, title = "observation-unmentioned", "Observation unmentioned"
    description = "An observation that is not derived has no mention."
    template = "observation {observation_id} is not derived and no source states it"


@register
class DerivedMentioned(ConsistencyError):
    code, title = "derived-mentioned", "Derived but mentioned"
    description = "A derived observation has a mention (it is stated, so not derived)."
    template = "observation {observation_id} is derived by {derived_by} but a source states it"


@register
class RetiredIdInUse(ConsistencyError):
    code, title = "retired-id-in-use", "Retired id in use"
    description = (
        "An id listed in the retired table is still a row of its table (retire it or keep it, not both)."
    )
    template = "{retired_id} is listed as retired but is still a row of {resource_name}"


@register
class RetiredInvalid(ConsistencyError):
    code, title = "retired-invalid", "Retired row invalid"
    description = (
        "A retired id's replacement is not a current id of the same table (missing, retired too, or the id "
        "itself)."
    )
    template = "{problem}"


# --------------------------------------------------------------------------------------------------
# relations


class RelationsError(ErrorType):
    layer = "relations"


@register
class RelationInvalid(RelationsError):
    code, title = "relation-invalid", "Relation invalid"
    description = "A relation names missing observations or has the wrong number of operands."
    template = "relation {relation_id}: {note}"


@register
class RelationFailed(RelationsError):
    code, title = "relation-failed", "Relation failed"
    description = "A relation does not hold within its tolerance."
    template = (
        "{kind} relation {relation_id} fails: target {target} is in {target_range}, "
        "the operands give {computed}"
    )


@register
class StaleDiscrepancy(RelationsError):
    code, title = "stale-discrepancy", "Stale discrepancy"
    description = "A discrepancy matches no failure: the known problem is gone or misnamed."
    template = "discrepancy {discrepancy_id} is stale: {note}"


@register
class DiscrepancyInvalid(RelationsError):
    code, title = "discrepancy-invalid", "Discrepancy invalid"
    description = "A discrepancy names a missing target, or a relation's expected differs."


@register
class ObservationDisagrees(ConsistencyError):
    code, title = "observation-disagrees", "Observation disagrees with every quote"
    description = (
        "An observation's value disagrees with every one of its quotes: the observation's own row is the "
        "likely edit (each quote's mention-disagrees follows from it)."
    )
    template = (
        "{observation_id} says {o_comparator} {o_value:g}, which disagrees with every one of its {n} "
        "quote(s): {quotes}; this row is the likely edit"
    )


@register
class StatusContradictsHedges(ConsistencyError):
    code, title = "status-contradicts-hedges", "Status contradicts the quotes"
    description = (
        "An `actual` observation is quoted as an expectation or a plan (预计, 计划, 目标, 力争, 到2025年, "
        "is expected to, plans to, within three years, will …): it is a forecast or a target."
    )
    template = (
        "{observation_id} is actual, but {mention_id} states it as an expectation or a plan ({hedge!r})"
    )


@register
class StatusContradictsPeriod(ConsistencyError):
    code, title = "status-contradicts-period", "Status contradicts period and event"
    description = (
        "A forecast or target whose period ended before the event that stated it, or an actual or estimate "
        "figure whose period begins after its event."
    )
    template = "{observation_id} is {status} for {period}, {why} its event {event_id} ({date})"


@register
class ExactNotOneLine(ProvenanceError):
    code, title = "exact-not-one-line", "Quote spans lines"
    description = "A mention's exact spans a line break: the clause that states a figure lies on one line."
    template = "{mention_id}'s exact spans a line break (at character {at}): quote the clause on its line"
