"""``record ID VALUE --period 2023 [--kind talousarvio]``: a value of another year into the indicator's series.

The series (``sarja``) holds an indicator's values by year and kind (toteuma,
talousarvio, ennuste, ehdotus, suunnitelma, lähtötaso), e.g. the baseline a
trend needs.  The value is written the same canonical way as ``record``'s; a
value written ``n. 800`` stays approximate.  The file is the indicator's, in
``--year`` or the one year that has it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, get_args

from tavoitteet import errors
from tavoitteet.commands import recordfind, recordyear
from tavoitteet.commands.recordfind import Found
from tavoitteet.core.model import SeriesKind
from tavoitteet.core.values import split_approximate
from tavoitteet.files.writer import Change, NewItem
from tavoitteet.words.i18n import Lang

if TYPE_CHECKING:
    from tavoitteet.commands.recording import Options

KINDS: tuple[str, ...] = get_args(SeriesKind)


def plan(
    root: Path, indicator_id: str, value: str | None, options: Options, lang: Lang
) -> tuple[Found, list[Change]]:
    """The indicator and the series value to append, or a usage error saying what to give."""
    from tavoitteet.commands.recording import parsed_value

    period = options.period
    assert period is not None
    kind = (options.kind or "toteuma").strip().casefold()
    if kind not in KINDS:
        raise _fail(
            lang,
            f"--kind '{options.kind}' ei kelpaa; sallitut: {', '.join(KINDS)}.",
            f"--kind '{options.kind}' is not valid; allowed: {', '.join(KINDS)}.",
        )
    if value is None:
        raise _fail(
            lang,
            f"anna arvo, esim. tavoitteet record {indicator_id} 120 --period {period}.",
            f"give a value, e.g. tavoitteet record {indicator_id} 120 --period {period}.",
        )
    if options.correct or options.withdraw or options.level is not None or options.day is not None:
        raise _fail(
            lang,
            "--period ei käy yhdessä valintojen --correct, --withdraw, --level ja --date kanssa.",
            "--period does not go with --correct, --withdraw, --level or --date.",
        )
    found = _find(root, indicator_id, options, period, kind, lang)
    approximate, text = split_approximate(value)
    assert isinstance(text, str)
    written = parsed_value(found.indicator, text, lang, found.where)
    if approximate:
        if not isinstance(written, str):
            raise _fail(
                lang,
                "luokittaista arvoa ei voi merkitä likimääräiseksi.",
                "a per-category value cannot be approximate.",
            )
        written = f"n. {written}"
    data: dict[str, str | dict[str, str]] = {"vuosi": str(period), "laji": kind, "arvo": written}
    data |= {k: v for k, v in (("lähde", options.source), ("kommentti", options.comment)) if v is not None}
    return found, [NewItem("sarja", data)]


def _find(root: Path, indicator_id: str, options: Options, period: int, kind: str, lang: Lang) -> Found:
    committee, municipality = options.committee, options.municipality
    if options.year is not None:
        return recordfind.find_indicator(root, indicator_id, options.year, lang, committee, municipality)
    found = recordyear.by_year(root, indicator_id, lang, committee, municipality)
    if not found:
        raise recordfind.not_found(indicator_id, None, lang)
    fitting = [f for y, f in sorted(found.items()) if not (y == period and kind == "toteuma")]
    if len(fitting) == 1:
        return fitting[0]
    if not fitting:
        raise _fail(
            lang,
            f"vuoden {period} toteuma kirjataan vuoden {period} tiedostoon ilman valintaa --period: "
            f"tavoitteet record {indicator_id} ARVO --date 31.12.{period}.",
            f"{period}'s actual goes into {period}'s file without --period: "
            f"tavoitteet record {indicator_id} VALUE --date 31.12.{period}.",
        )
    years = ", ".join(str(f.year) for f in fitting)
    raise _fail(
        lang,
        f"mittari '{indicator_id}' on vuosien {years} tiedostoissa; valitse, minkä vuoden tiedoston sarjaan "
        f"arvo kirjataan: --year {fitting[-1].year}.",
        f"the indicator '{indicator_id}' is in the files of {years}; choose whose series gets the value: "
        f"--year {fitting[-1].year}.",
    )


def _fail(lang: Lang, fi: str, en: str) -> errors.UserError:
    return errors.UserError("tavoitteet: " + (en if lang == "en" else fi), errors.USAGE)
