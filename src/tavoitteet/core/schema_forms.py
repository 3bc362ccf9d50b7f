"""The forms of values as JSON Schema: what the tool reads, described for editors and check-jsonschema.

The rule (issue 16): the tool reads every value as the text typed, and the
schema describes the same forms.  A YAML editor or check-jsonschema sees typed
YAML 1.2 values, so every field that takes text also takes what YAML reads as
a number or a boolean (``otsikko: 123`` is the text "123" to the tool), and
every field that takes a number, date or yes/no also takes its Finnish forms
as strings (``vuosi: "2024"``, ``sitova: KYLLÄ``).  Where the two cannot agree,
because the schema sees only the number YAML made of the text (``1.234``,
``1e3``), the difference is listed in :data:`NOT_EXPRESSIBLE`.

The patterns mirror :mod:`tavoitteet.core.parsing` rule for rule; the
agreement test (tests/test_schema_agreement.py) runs both over a mutation corpus.
"""

from __future__ import annotations

from typing import Any

ID_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"

_S = "[ \u00a0\u202f\u2009]+"  # the spaces parse_number accepts between groups of three digits
_SIGN = "[-\u2212\u2013+]?\\s*"
_PLAIN = "[0-9]+"
_SPACED = f"[0-9]{{1,3}}(?:{_S}[0-9]{{3}})+"
_DOTTED = "[0-9]{1,3}(?:\\.[0-9]{3})"
_DOT_FRACTION = "\\.(?:[0-9]{1,2}|[0-9]{4,})"  # a dot and three digits alone is ambiguous (1.234)
_NUMBER_BODY = (
    f"0\\.[0-9]+|(?:{_PLAIN}|{_SPACED})(?:,[0-9]+|{_DOT_FRACTION})?|{_DOTTED}{{2,}}|{_DOTTED}+,[0-9]+"
)
NUMBER_TEXT = f"^\\s*{_SIGN}(?:{_NUMBER_BODY})\\s*$"
_ZERO_FRACTION = "(?:,0+|\\.(?:0{1,2}|0{4,}))?"
INTEGER_TEXT = (
    f"^\\s*{_SIGN}(?:0\\.0+|(?:{_PLAIN}|{_SPACED}){_ZERO_FRACTION}|{_DOTTED}{{2,}}|{_DOTTED}+,0+)\\s*$"
)
_YEAR = "(?:19[0-9]{2}|2[01][0-9]{2}|2200)"
_YEAR_SPACED = f"(?:1{_S}9[0-9]{{2}}|2{_S}[01][0-9]{{2}}|2{_S}200)"
YEAR_TEXT = f"^\\s*\\+?\\s*(?:{_YEAR}|{_YEAR_SPACED}){_ZERO_FRACTION}\\s*$"

_LEAP = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
_DAY_MONTH_FI = (
    "(?:(?:0?[1-9]|1[0-9]|2[0-8])\\.(?:0?[1-9]|1[0-2])"
    "|(?:29|30)\\.(?:0?1|0?[3-9]|1[0-2])"
    "|31\\.(?:0?[13578]|1[02]))\\.[0-9]{4}"
)
_FI_LEAP_DAY = f"29\\.0?2\\.{_LEAP}"
_MONTH_DAY_ISO = (
    "[0-9]{4}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])"
    "|(?:0[13-9]|1[0-2])-(?:29|30)"
    "|(?:0[13578]|1[02])-31)"
)
_ISO_LEAP_DAY = f"{_LEAP}-02-29"
DATE_TEXT = f"^\\s*(?:(?:{_DAY_MONTH_FI}|{_FI_LEAP_DAY})\\.?|{_MONTH_DAY_ISO}|{_ISO_LEAP_DAY})\\s*$"

YES_NO_TEXT = "^\\s*(?:[Kk][Yy][Ll][Ll][Ää]|[Ee][Ii]|[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])\\s*$"
NOT_APPLICABLE_TEXT = "^\\s*[Ee][Ii][ -][Ss][Oo][Vv][Ee][Ll][Ll][Uu]\\s*$"
NOT_DONE_TEXT = "^\\s*(?:[Ee][Ii]|[Ee][Ii] [Vv][Aa][Ll][Mm][Ii][Ss]|[Kk][Ee][Ss][Kk][Ee][Nn])\\s*$"

TEXT: dict[str, Any] = {
    "anyOf": [{"type": "string", "pattern": "\\S"}, {"type": ["number", "boolean"]}],
}
NUMBER: dict[str, Any] = {
    "anyOf": [{"type": "number"}, {"type": "string", "pattern": NUMBER_TEXT}],
}
INTEGER: dict[str, Any] = {
    "anyOf": [{"type": "integer"}, {"type": "string", "pattern": INTEGER_TEXT}],
}
ORDINAL: dict[str, Any] = {
    "anyOf": [{"type": "integer", "minimum": 1}, {"type": "string", "pattern": INTEGER_TEXT}],
}
YEAR: dict[str, Any] = {
    "anyOf": [
        {"type": "integer", "minimum": 1900, "maximum": 2200},
        {"type": "string", "pattern": YEAR_TEXT},
    ],
}
DATE: dict[str, Any] = {"type": "string", "pattern": DATE_TEXT}
YES_NO: dict[str, Any] = {"anyOf": [{"type": "boolean"}, {"type": "string", "pattern": YES_NO_TEXT}]}
FORMAT_VERSION: dict[str, Any] = {
    "anyOf": [{"const": 1}, {"type": "string", "pattern": "^\\s*\\+?\\s*1(?:,0+|\\.(?:0{1,2}|0{4,}))?\\s*$"}],
}
ID: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "pattern": ID_PATTERN},
        # YAML reads an id of digits as a number; the tool reads the digits (0123 is the id "0123")
        {"type": "integer", "minimum": 0},
    ],
}
NOT_APPLICABLE: dict[str, Any] = {"type": "string", "pattern": NOT_APPLICABLE_TEXT}
RAW_VALUE: dict[str, Any] = {
    "anyOf": [
        {"type": ["string", "number", "boolean"]},
        {"type": "object", "additionalProperties": {"type": ["string", "number"]}},
    ],
}

VALUE_BY_KIND: dict[str, dict[str, Any]] = {
    "kyllä/ei": YES_NO,
    "luku": NUMBER,
    "kehitys": NUMBER,
    "seuranta": NUMBER,
    "määräaika": {"anyOf": [DATE, {"type": "string", "pattern": NOT_DONE_TEXT}]},
    "laadullinen": TEXT,
    "luokittain": {"type": "object", "minProperties": 0, "additionalProperties": NUMBER},
}
"""What ``arvo`` may be for each kind of indicator (core/values.py), besides 'ei sovellu'."""

_APPROXIMATE = "(?:(?:[Nn]\\.|[Nn][Oo][Ii][Nn] |~)\\s*)?"


def approximate(form: dict[str, Any]) -> dict[str, Any]:
    """``form`` also written as approximate, ``n. 800`` (noin, ~), as a series value may be (core/values.py)."""
    if "anyOf" in form:
        return {**form, "anyOf": [approximate(part) for part in form["anyOf"]]}
    pattern = form.get("pattern")
    if form.get("type") == "string" and isinstance(pattern, str) and pattern.startswith("^\\s*"):
        return {**form, "pattern": "^\\s*" + _APPROXIMATE + pattern.removeprefix("^\\s*")}
    return form


NOT_EXPRESSIBLE: dict[str, str] = {
    "yaml-number-text": (
        "A value YAML reads as a number but whose text the tool refuses (1.234 is ambiguous; 1e3, .5, "
        "0x1F, .inf are not numbers as officials write them): the schema sees only the number."
    ),
    "yaml-integral-float-id": "An id written 1.0: YAML reads the number 1, the tool the text '1.0'.",
    "unique-ids": "Ids unique within the file (T010): JSON Schema cannot compare values across objects.",
    "references": "strategiakärki and edistää_myös name a spearhead of the file (T011).",
    "year-folder": "vuosi matches the year folder and the file name is an id (the file's path).",
    "categories": "A category value's key is one of the indicator's luokat.",
    "target-range": "A target's lower bound is below its upper bound (values compared as numbers).",
    "share-range": "osuus_prosenttia given as text is in 0–100 (compared as a number).",
    "baselines": "A trend's baseline found in another year's file.",
    "entry-period": "An entry dated outside its file's year states vuosi (T036): the date against the file's year.",
    "series-once": "A series holds each year and kind once, and not the deciding year's actual (compared across items).",
}
"""Rules of the tool a JSON Schema cannot express: the agreement test allows these, and only these."""
