"""``tavoitteet record``: write an outcome into its goal file, one indicator or interactively.

The value is parsed by :mod:`tavoitteet.commands.recordvalue`, written by
:mod:`tavoitteet.files.writer` (which never damages the file), and the indicator's new
status is printed from :mod:`tavoitteet.core.evaluation`.
"""

from __future__ import annotations

import sys
import unicodedata
from datetime import date
from pathlib import Path

from tavoitteet import errors
from tavoitteet.commands import recordyear, viewing
from tavoitteet.commands.recording import (
    Options,
    build_changes,
    check_text_option,
    parse_day,
    recorded_text,
    status_after,
    usage_error,
    with_period,
    write,
)
from tavoitteet.words.i18n import Lang

__all__ = ["Options", "run"]


def run(
    indicator_id: str | None, value: str | None, options: Options, lang: Lang, data: Path | None = None
) -> int:
    root = viewing.data_root(data, lang)
    for option, text in (("--comment", options.comment), ("--by", options.by), ("--source", options.source)):
        check_text_option(option, text, lang)
    if indicator_id is None:
        from tavoitteet.commands import recordprompt

        return recordprompt.run(root, options, lang)
    indicator_id = unicodedata.normalize("NFC", indicator_id)  # as the reader reads the file's ids
    if options.kind is not None and options.period is None:
        raise usage_error(lang, "--kind kuuluu --period-valinnan kanssa.", "--kind goes with --period.")
    today = date.today()
    given = None if options.day is None else parse_day(options.day, lang)
    if options.period is not None:
        from tavoitteet.commands import recordseries

        found, changes = recordseries.plan(root, indicator_id, value, options, lang)
    elif options.correct or options.withdraw:
        from tavoitteet.commands import recordfix

        found, changes = recordfix.plan(root, indicator_id, value, options, given, today, lang)
    else:
        found, day = recordyear.choose(
            root, indicator_id, options.year, given, today, lang, options.committee, options.municipality
        )
        built = build_changes(found.indicator, value, options, lang, found.where, day)
        changes = [with_period(c, found.goal_file.year) for c in built]
    written = write(found, changes, lang)
    sys.stdout.write(recorded_text(found, changes, status_after(written, found, root), lang))
    return errors.OK
