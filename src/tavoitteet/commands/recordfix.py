"""``record ID VALUE --correct`` and ``record ID --withdraw``: append-only fixes of the latest entry.

The new entry names the one it replaces (``korjaa: N``) or withdraws
(``peruu: N``); the file only gains lines.  Its date is by default the
replaced entry's, so the correction stands in its place in every view.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tavoitteet import errors
from tavoitteet.commands import recordfind, recordyear
from tavoitteet.commands.recordfind import Found
from tavoitteet.core.entries import latest_counting
from tavoitteet.files.writer import Change, NewEntry
from tavoitteet.words.i18n import Lang

if TYPE_CHECKING:
    from tavoitteet.commands.recording import Options


def plan(
    root: Path,
    indicator_id: str,
    value: str | None,
    options: Options,
    given: date | None,
    today: date,
    lang: Lang,
) -> tuple[Found, list[Change]]:
    """The indicator and the correcting or withdrawing entry, or a usage error saying what is wrong."""
    from tavoitteet.commands.recording import parsed_value

    _check_options(value, options, lang)
    found = _find(root, indicator_id, options, given, today, lang)
    latest = latest_counting(found.indicator.entries)
    if latest is None:
        what = "korjata" if options.correct else "perua"
        what_en = "correct" if options.correct else "withdraw"
        raise _fail(
            lang,
            f"mittarilla '{indicator_id}' ei ole vuonna {found.year} kirjausta, jonka voisi {what} "
            f"({found.display}). Kirjaa arvo ilman valintaa --{'correct' if options.correct else 'withdraw'}.",
            f"the indicator '{indicator_id}' has no entry in {found.year} to {what_en} ({found.display}). "
            f"Record the value without --{'correct' if options.correct else 'withdraw'}.",
            errors.PROBLEMS,
        )
    number, entry = latest
    day = given or entry.date
    recordyear.check_day(day, found.year, today, indicator_id, lang, late_allowed=options.year is not None)
    if options.correct:
        assert value is not None
        new = NewEntry(
            day,
            parsed_value(found.indicator, value, lang, found.where),
            options.by,
            options.source,
            options.comment,
            corrects=number,
        )
    else:
        new = NewEntry(day, None, options.by, options.source, options.comment, withdraws=number)
    return found, [new]


def _check_options(value: str | None, options: Options, lang: Lang) -> None:
    if options.correct and options.withdraw:
        raise _fail(
            lang, "valitse joko --correct tai --withdraw.", "choose --correct or --withdraw, not both."
        )
    if options.level is not None:
        raise _fail(
            lang,
            "--level ei käy yhdessä valintojen --correct ja --withdraw kanssa; kirjaa uusi taso sellaisenaan.",
            "--level does not go with --correct or --withdraw; record the new level as it is.",
        )
    if options.withdraw and value is not None:
        raise _fail(
            lang,
            "--withdraw peruu viimeisimmän kirjauksen eikä ota arvoa; korjaa arvo valinnalla --correct.",
            "--withdraw withdraws the latest entry and takes no value; correct a value with --correct.",
        )
    if options.correct and value is None:
        raise _fail(
            lang,
            "--correct tarvitsee uuden arvon, esim. tavoitteet record TUNNUS kyllä --correct.",
            "--correct needs the new value, e.g. tavoitteet record ID kyllä --correct.",
        )


def _find(
    root: Path, indicator_id: str, options: Options, given: date | None, today: date, lang: Lang
) -> Found:
    if (year := options.year) is not None:
        return recordfind.find_indicator(
            root, indicator_id, year, lang, options.committee, options.municipality
        )
    if given is not None:
        return recordyear.choose(
            root, indicator_id, None, given, today, lang, options.committee, options.municipality
        )[0]
    found = recordyear.by_year(root, indicator_id, lang, options.committee, options.municipality)
    if not found:
        raise recordfind.not_found(indicator_id, None, lang)
    with_entries = [
        f for y, f in sorted(found.items()) if y <= today.year and latest_counting(f.indicator.entries)
    ]
    if len(with_entries) > 1:
        years = ", ".join(str(f.year) for f in with_entries)
        raise _fail(
            lang,
            f"mittarilla '{indicator_id}' on kirjauksia vuosina {years}; valitse korjattava vuosi: --year "
            f"{with_entries[-1].year}.",
            f"the indicator '{indicator_id}' has entries in {years}; choose the year: --year {with_entries[-1].year}.",
        )
    return with_entries[0] if with_entries else found[max(found)]


def _fail(lang: Lang, fi: str, en: str, code: int = errors.USAGE) -> errors.UserError:
    return errors.UserError("tavoitteet: " + (en if lang == "en" else fi), code)
