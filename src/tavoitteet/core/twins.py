"""Which models a process uses: pydantic's own, or their plain twins (:mod:`tavoitteet.core.plain`).

:func:`use_plain_models` makes the twins *be* ``tavoitteet.core.model`` for the
rest of the process, so that every ``isinstance`` and every import of a model
meets them.  The commands that only read the models call it first
(:mod:`tavoitteet.fastcli`); a command that may need pydantic itself (writing
YAML from a model, the JSON schema, a report) never does, and once the models
were imported nothing changes.
"""

from __future__ import annotations

import sys

MODEL = "tavoitteet.core.model"


def use_plain_models() -> bool:
    """Make the plain twins ``tavoitteet.core.model`` for this process, if they fit; True if they are.

    They fit unless the models were imported already (then those stay), the
    stored schema and twins were made with another pydantic than the one installed,
    or the stored schema does not compile for them.
    """
    current = sys.modules.get(MODEL)
    if current is not None:
        return bool(getattr(current, "PLAIN", False))
    from tavoitteet.core import corelib

    try:
        from tavoitteet.core import stored_schema
    except (ImportError, AttributeError):  # something it names is gone: out of date, never used
        return False
    if corelib.installed_versions() != (stored_schema.PYDANTIC, stored_schema.PYDANTIC_CORE):
        return False
    import tavoitteet.core
    from tavoitteet.core import plain_model, validation

    sys.modules[MODEL] = plain_model
    tavoitteet.core.model = plain_model  # what ``from tavoitteet.core import model`` finds
    try:
        for name in validation.STORED:  # compiled now, as the first file would: does it fit the twins?
            validation.validator_of(name)
    except RuntimeError:  # the stored schema names something gone: the models, the ordinary way
        del sys.modules[MODEL]
        del tavoitteet.core.model
        validation.validator_of.cache_clear()
        return False
    return True
