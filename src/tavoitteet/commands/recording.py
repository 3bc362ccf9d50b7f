"""What every way of recording shares: the options, the parsed day and value, the write and what it says.

``record`` (one value), the interactive walk, corrections and series values all
build their changes with these and write them the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tavoitteet import errors
from tavoitteet.commands.recordfind import Found
from tavoitteet.commands.recordvalue import RecordValueError, parse_record_value
from tavoitteet.core.entries import effective
from tavoitteet.core.evaluation import BaselineLookup, IndicatorResult, evaluate_indicator
from tavoitteet.core.model import Indicator, ManualLevelName
from tavoitteet.core.parsing import ValueParseError, parse_date
from tavoitteet.core.safetext import first_unsafe
from tavoitteet.files.writer import Change, NewEntry, NewLevel, WriteRefused, Written, record
from tavoitteet.words.i18n import Lang

LEVELS: tuple[ManualLevelName, ...] = ("toteutunut", "osittain toteutunut", "ei toteutunut", "ei sovellu")


@dataclass(frozen=True, slots=True)
class Options:
    """What the user gave besides the indicator and the value."""

    year: int | None = None
    comment: str | None = None
    source: str | None = None
    day: str | None = None
    by: str | None = None
    level: str | None = None
    reason: str | None = None
    committee: str | None = None
    area: str | None = None
    spearhead: str | None = None
    correct: bool = False
    withdraw: bool = False
    every: bool = False
    period: int | None = None
    kind: str | None = None
    municipality: str | None = None


def build_changes(
    indicator: Indicator,
    value: str | None,
    options: Options,
    lang: Lang,
    where: str | None = None,
    day: date | None = None,
) -> list[Change]:
    """The entry and/or level to write; usage errors for anything that does not fit.

    ``where`` (``file:line`` of the indicator) is named when the value does not fit.
    """
    day = day or parse_day(options.day, lang)
    changes: list[Change] = []
    if value is not None:
        changes.append(
            NewEntry(
                day, parsed_value(indicator, value, lang, where), options.by, options.source, options.comment
            )
        )
    if options.level is not None:
        changes.append(_level(options, day, lang))
    elif options.reason is not None:
        raise usage_error(lang, "--reason kuuluu --level-valinnan kanssa.", "--reason goes with --level.")
    if not changes:
        raise usage_error(
            lang,
            "anna arvo (esim. tavoitteet record TUNNUS kyllä) tai --level ja --reason.",
            "give a value (e.g. tavoitteet record ID kyllä) or --level with --reason.",
        )
    return changes


def check_text_option(option: str, text: str | None, lang: Lang) -> None:
    """A text option must say something, and hold nothing the file may not (control characters)."""
    if text is None:
        return
    if not text.strip():
        raise usage_error(
            lang,
            f"{option} on tyhjä; kirjoita teksti tai jätä valinta pois.",
            f"{option} is empty; write a text or leave the option out.",
        )
    if (bad := first_unsafe(text, in_line=True)) is not None:
        raise usage_error(
            lang,
            f"{option}: tekstissä on ohjausmerkki U+{ord(bad):04X}, jota tiedostoon ei kirjoiteta.",
            f"{option}: the text contains the control character U+{ord(bad):04X}, which is not written into the file.",
        )


def parsed_value(
    indicator: Indicator, value: str, lang: Lang, where: str | None = None
) -> str | dict[str, str]:
    try:
        return parse_record_value(indicator, value).text
    except RecordValueError as error:
        place = f"{where}: " if where else ""
        raise errors.UserError(
            f"tavoitteet: {place}{indicator.id}: {error.describe(lang)}", errors.USAGE
        ) from None


def _level(options: Options, day: date, lang: Lang) -> NewLevel:
    level = (options.level or "").strip().casefold()
    if level not in LEVELS:
        shown = ", ".join(LEVELS)
        raise usage_error(
            lang,
            f"--level '{options.level}' ei kelpaa; sallitut: {shown}.",
            f"--level '{options.level}' is not valid; allowed: {shown}.",
        )
    if not (options.reason or "").strip():
        raise usage_error(
            lang,
            '--level tarvitsee perustelun: lisää --reason "miksi".',
            '--level needs a reason: add --reason "why".',
        )
    return NewLevel(level, (options.reason or "").strip(), day, options.by)


def parse_day(text: str | None, lang: Lang) -> date:
    if text is None:
        return date.today()
    try:
        return parse_date(text)
    except ValueParseError:
        raise usage_error(
            lang,
            f"--date '{text}' ei ole päivämäärä; kirjoita esim. 10.10.2024.",
            f"--date '{text}' is not a date; write e.g. 10.10.2024.",
        ) from None


def with_period(change: Change, year: int) -> Change:
    """An entry recorded outside its year's window says which year's value it is (``vuosi``), shown too."""
    from dataclasses import replace

    from tavoitteet.core.values import needs_stated_period

    if isinstance(change, NewEntry) and change.period is None and needs_stated_period(change.day, year):
        return replace(change, period=year)
    return change


def write(found: Found, changes: list[Change], lang: Lang) -> Written:
    try:
        return record(found.path, found.indicator.id, changes)
    except WriteRefused as refused:
        raise errors.UserError(f"tavoitteet: {refused.describe(lang)}", errors.PROBLEMS) from None


def status_after(written: Written, found: Found, root: Path) -> IndicatorResult | None:
    """The indicator's status after the write, evaluated today (or on the entry's later date)."""
    goal_file = written.loaded.goal_file
    if goal_file is None:  # pragma: no cover - the writer only writes valid files
        return None
    indicator = next(i for i in goal_file.indicators() if i.id == found.indicator.id)
    latest = max((e.date for e in effective(indicator.entries)), default=date.today())
    from tavoitteet.core.evaluation import identity

    as_of = max(date.today(), latest)
    return evaluate_indicator(indicator, goal_file.year, as_of, _baselines(root), identity(goal_file))


def _baselines(root: Path) -> BaselineLookup:
    from tavoitteet.files.baselines import baseline_lookup

    return baseline_lookup(root)


def recorded_text(found: Found, changes: list[Change], result: IndicatorResult | None, lang: Lang) -> str:
    """What was written and where, and the indicator's status now."""
    where = f"{found.display} ({found.year})"
    lines = [("Kirjattu" if lang == "fi" else "Recorded") + f": {found.indicator.id} → {where}"]
    for change in changes:
        for key, text in change.as_data().items():
            shown = ", ".join(f"{k}: {v}" for k, v in text.items()) if isinstance(text, dict) else text
            lines.append(f"  {key}: {shown}")
    if result is not None:
        lines.append(("Tila nyt" if lang == "fi" else "Status now") + f": {status_text(result, lang)}")
    return "\n".join(lines) + "\n"


def status_text(result: IndicatorResult, lang: Lang) -> str:
    from tavoitteet.words.labels import explain, status_name

    return f"{status_name(result.status, lang)}. {explain(result, lang)}"  # not in parentheses: reasons have their own


def usage_error(lang: Lang, fi: str, en: str) -> errors.UserError:
    return errors.UserError("tavoitteet: " + (en if lang == "en" else fi), errors.USAGE)
