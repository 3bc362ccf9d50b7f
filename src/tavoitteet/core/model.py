"""The goal file as pydantic models: one committee's operational goals for one year.

YAML keys are Finnish (aliases); Python names are English.  ``docs/sanasto.md``
maps every key to its field.  The models check structure and types only;
rules that span the file (unique ids, resolving references, realization values
that fit the indicator) live in :mod:`tavoitteet.core.checks`.

Annotations are real types here, not postponed strings: pydantic then does not
evaluate every field's annotation again when it builds the models at start-up.

A model's "after" validators and methods are functions of :mod:`tavoitteet.core.rules`
and its fields' converters those of :mod:`tavoitteet.core.converters`: the models'
plain twins (:mod:`tavoitteet.core.plain`), which the commands that only read the
models use instead of them, share those very functions.  After changing a model,
``python -m tavoitteet.core.validation`` writes the stored schema and the twins again.
"""

from typing import TYPE_CHECKING, Annotated, Any, Literal

import tavoitteet.core.lean  # noqa: F401 # isort: skip - before pydantic, which it imports leaner
from pydantic import BaseModel, ConfigDict, Field, model_validator

from tavoitteet.core import rules
from tavoitteet.core.converters import empty_list
from tavoitteet.core.fields import (
    Day,
    FormatVersion,
    Id,
    Integer,
    Number,
    Ordinal,
    RawValue,
    Text,
    Year,
    YesNo,
)
from tavoitteet.core.rules import INDICATOR_KINDS as INDICATOR_KINDS
from tavoitteet.core.rules import OWN_ASSESSORS as OWN_ASSESSORS
from tavoitteet.core.rules import SCHEMA_VERSION as SCHEMA_VERSION
from tavoitteet.core.rules import GoalKind as GoalKind
from tavoitteet.core.rules import GoalNature as GoalNature
from tavoitteet.core.rules import GoalRuleName as GoalRuleName
from tavoitteet.core.rules import ManualLevelName as ManualLevelName
from tavoitteet.core.rules import Period as Period
from tavoitteet.core.rules import SeriesKind as SeriesKind
from tavoitteet.core.rules import field_aliases as field_aliases
from tavoitteet.core.rules import is_own_assessment as is_own_assessment
from tavoitteet.core.rules import walk as walk


class Strict(BaseModel):
    """Base of every model: unknown keys are errors, keys are the Finnish aliases."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        validate_by_alias=True,
        validate_by_name=False,
        serialize_by_alias=True,
        defer_build=True,
    )


# --- Swedish texts (issue 17): an optional ``sv:`` mapping beside the Finnish texts --------------
# Each holds the Swedish version of its object's texts under the same keys; a Swedish report
# (``--lang sv``) uses them and falls back to the Finnish text, marked Finnish, where one is missing.

SV_TITLE = "Ruotsinkieliset tekstit"
SV_DESCRIPTION = (
    "Samat tekstit ruotsiksi samoilla avaimilla; ruotsinkielinen raportti (--lang sv) käyttää niitä."
)


def _sv() -> Any:
    return Field(None, alias="sv", title=SV_TITLE, description=SV_DESCRIPTION)


class FileSv(Strict):
    """The Swedish texts of a goal file: the committee's name, the title and description."""

    committee: Text | None = Field(None, alias="lautakunta", title="Lautakunta ruotsiksi")
    title: Text | None = Field(None, alias="otsikko", title="Otsikko ruotsiksi")
    description: Text | None = Field(None, alias="kuvaus", title="Kuvaus ruotsiksi")


class NamedSv(Strict):
    """The Swedish name and description of a spearhead, service area or its part."""

    name: Text | None = Field(None, alias="nimi", title="Nimi ruotsiksi")
    description: Text | None = Field(None, alias="kuvaus", title="Kuvaus ruotsiksi")


class GoalSv(Strict):
    """The Swedish title and description of a goal."""

    title: Text | None = Field(None, alias="otsikko", title="Tavoite ruotsiksi")
    description: Text | None = Field(None, alias="kuvaus", title="Kuvaus ruotsiksi")


class ActionSv(Strict):
    """The Swedish text of an action."""

    text: Text | None = Field(None, alias="kuvaus", title="Teko ruotsiksi")


class IndicatorSv(Strict):
    """The Swedish name, target and note of an indicator."""

    name: Text | None = Field(None, alias="nimi", title="Mittari ruotsiksi")
    target_text: Text | None = Field(None, alias="tavoitetaso", title="Tavoitetaso ruotsiksi")
    note: Text | None = Field(None, alias="huomautus", title="Huomautus ruotsiksi")


class EntrySv(Strict):
    """The Swedish comment of a realization entry, and the reason its value is missing."""

    comment: Text | None = Field(None, alias="kommentti", title="Kommentti ruotsiksi")
    missing_reason: Text | None = Field(None, alias="puuttuu", title="Puuttumisen syy ruotsiksi")


class ReasonSv(Strict):
    """The Swedish reason of a level set by hand."""

    reason: Text | None = Field(None, alias="perustelu", title="Perustelu ruotsiksi")


class AssessmentSv(Strict):
    """The Swedish text and reason of a written assessment."""

    text: Text | None = Field(None, alias="arvio", title="Arvio ruotsiksi")
    reason: Text | None = Field(None, alias="perustelu", title="Perustelu ruotsiksi")


class Person(Strict):
    """A person named in the decision or responsible for a goal."""

    title: Text | None = Field(None, alias="nimike", title="Nimike", description="Esim. Sivistysjohtaja.")
    name: Text | None = Field(None, alias="nimi", title="Nimi")

    _has_title_or_name = model_validator(mode="after")(rules.person_has_title_or_name)


class Correction(Strict):
    """An obvious typo fixed in transcription, with the original wording kept."""

    original: Text = Field(alias="alkuperäinen", title="Alkuperäinen teksti")
    corrected: Text = Field(alias="korjattu", title="Korjattu teksti")
    reason: Text | None = Field(None, alias="perustelu", title="Perustelu")


class MinutesRemark(Strict):
    """A remark entered in the minutes, e.g. that the chair left during the item."""

    text: Text = Field(alias="teksti", title="Pöytäkirjamerkinnän teksti")
    left_meeting: list[Person] = Field(
        default_factory=empty_list, alias="poistuneet", title="Kokouksesta poistuneet"
    )
    acting_chair: Text | None = Field(None, alias="puheenjohtajana_toimi", title="Puheenjohtajana toimi")


class BudgetLink(Strict):
    """Where the goals are attached in the budget (talousarvio)."""

    name: Text = Field(alias="nimi", title="Talousarvioasiakirja")
    year: Year | None = Field(None, alias="vuosi", title="Talousarviovuosi")
    url: Text | None = Field(None, alias="osoite", title="Verkko-osoite")
    text: Text | None = Field(None, alias="teksti", title="Alkuperäinen sanamuoto")


class Decision(Strict):
    """The committee's decision that adopted the goals."""

    subject: Text | None = Field(None, alias="asia", title="Asian otsikko")
    body: Text = Field(alias="toimielin", title="Toimielin")
    meeting_date: Day = Field(alias="kokouspäivä", title="Kokouspäivä")
    section: Integer | None = Field(None, alias="pykälä", title="Pykälä (§)")
    diary_number: Text | None = Field(
        None,
        alias="diaarinumero",
        title="Diaarinumero",
        description="Asian diaarinumero, esim. 123/02.02.00/2024.",
    )
    preamble: Text | None = Field(None, alias="selostus", title="Selostus")
    preparer: Person | None = Field(None, alias="valmistelija", title="Valmistelija")
    presenter: Person | None = Field(None, alias="esittelijä", title="Esittelijä")
    proposal: Text | None = Field(None, alias="päätösehdotus", title="Päätösehdotus")
    decision_text: Text | None = Field(None, alias="päätös", title="Päätös")
    remarks: list[MinutesRemark] = Field(
        default_factory=empty_list, alias="pöytäkirjamerkinnät", title="Pöytäkirjamerkinnät"
    )
    budget: BudgetLink | None = Field(None, alias="talousarvio", title="Talousarvio")


class Spearhead(Strict):
    """A strategy spearhead (strategiakärki) that goals advance."""

    id: Id = Field(alias="id", title="Tunnus")
    name: Text = Field(alias="nimi", title="Nimi")
    description: Text | None = Field(None, alias="kuvaus", title="Kuvaus")
    swedish: NamedSv | None = _sv()


class Target(Strict):
    """A numeric target: bounds written as the comparison they mean.

    ``vähintään`` (>=) and ``yli`` (>) are lower bounds, ``enintään`` (<=) and
    ``alle`` (<) upper bounds, ``tasan`` (==) an exact value.  Writing the
    operator itself states whether an end is inclusive.
    """

    at_least: Number | None = Field(None, alias="vähintään", title="Vähintään (>=)")
    more_than: Number | None = Field(None, alias="yli", title="Yli (>)")
    at_most: Number | None = Field(None, alias="enintään", title="Enintään (<=)")
    less_than: Number | None = Field(None, alias="alle", title="Alle (<)")
    exactly: Number | None = Field(None, alias="tasan", title="Tasan (=)")

    _bounds_consistent = model_validator(mode="after")(rules.target_bounds_consistent)


class ManualLevel(Strict):
    """A realization level set by hand; it overrides the computed status."""

    level: ManualLevelName = Field(alias="taso", title="Toteutumistaso")
    reason: Text = Field(alias="perustelu", title="Perustelu")
    swedish: ReasonSv | None = _sv()
    date: Day | None = Field(None, alias="pvm", title="Päivämäärä")
    by: Text | None = Field(None, alias="asettaja", title="Asettaja")


class Entry(Strict):
    """One dated realization entry (toteuma) of an indicator."""

    date: Day = Field(alias="pvm", title="Päivämäärä")
    period: Year | None = Field(
        None,
        alias="vuosi",
        title="Minkä vuoden arvo",
        description="Vuosi, jonka arvo tämä on; oletus tiedoston vuosi.",
    )
    value: RawValue | None = Field(None, alias="arvo", title="Arvo")
    missing_reason: Text | None = Field(
        None, alias="puuttuu", title="Arvo puuttuu, syy", description="Esim. tietoa ei vielä saatavilla."
    )
    by: Text | None = Field(None, alias="kirjaaja", title="Kirjaaja")
    source: Text | None = Field(None, alias="lähde", title="Lähde")
    comment: Text | None = Field(None, alias="kommentti", title="Kommentointi")
    # --- corrections and withdrawals (issue 14): entries are only ever added ---
    corrects: Ordinal | None = Field(
        None,
        alias="korjaa",
        title="Korjaa kirjauksen",
        description="Korjattavan kirjauksen järjestysnumero (1 = ensimmäinen); tämä kirjaus korvaa sen.",
    )
    withdraws: Ordinal | None = Field(
        None,
        alias="peruu",
        title="Peruu kirjauksen",
        description="Perutun kirjauksen järjestysnumero (1 = ensimmäinen); perumisella ei ole arvoa.",
    )
    swedish: EntrySv | None = _sv()

    _value_xor_missing = model_validator(mode="after")(rules.entry_value_xor_missing)


class SeriesValue(Strict):
    """An indicator's value for one year and of one kind: an actual, a budget, a forecast, ...

    Values written as in the documents, ``n. 800`` (noin), are approximate.
    """

    year: Year = Field(alias="vuosi", title="Vuosi")
    kind: SeriesKind = Field(
        "toteuma",
        alias="laji",
        title="Laji",
        description="toteuma, talousarvio, ennuste, ehdotus, suunnitelma tai lähtötaso; oletus toteuma.",
    )
    value: RawValue | None = Field(
        None, alias="arvo", title="Arvo", description="Esim. 812 tai n. 800 (likimääräinen)."
    )
    missing_reason: Text | None = Field(None, alias="puuttuu", title="Arvo puuttuu, syy")
    source: Text | None = Field(None, alias="lähde", title="Lähde")
    comment: Text | None = Field(None, alias="kommentti", title="Kommentti")

    _value_xor_missing = model_validator(mode="after")(rules.series_value_xor_missing)


class Assessment(Strict):
    """A written assessment (sanallinen arvio) of a goal or of the committee's year, by one assessor."""

    text: Text = Field(alias="arvio", title="Sanallinen arvio")
    level: ManualLevelName | None = Field(
        None, alias="taso", title="Toteutumistaso", description="Käsin asetettu taso; ohittaa lasketun tilan."
    )
    reason: Text | None = Field(None, alias="perustelu", title="Perustelu")
    swedish: AssessmentSv | None = _sv()
    date: Day | None = Field(None, alias="pvm", title="Päivämäärä")
    assessor: Text | None = Field(
        None,
        alias="arvioija",
        title="Arvioija",
        description="Esim. tarkastuslautakunta; ilman tätä arvio on lautakunnan oma.",
    )
    by: Text | None = Field(None, alias="kirjaaja", title="Kirjaaja", description="Kuka arvion kirjasi.")


class CarryOver(Strict):
    """An item carried over to the next year (siirtyy), with the reason."""

    reason: Text = Field(alias="syy", title="Syy")
    to_year: Year | None = Field(None, alias="vuodelle", title="Vuodelle")


class IndicatorBase(Strict):
    """Fields every indicator has, whatever its kind."""

    id: Id = Field(alias="id", title="Tunnus")
    name: Text | None = Field(None, alias="nimi", title="Mittari")
    target_text: Text = Field(
        alias="tavoitetaso", title="Tavoitetaso", description="Tavoitetaso alkuperäisin sanoin."
    )
    condition: Text | None = Field(
        None, alias="ehto", title="Ehto", description="Mittari sovelletaan vain, jos ehto täyttyy."
    )
    predecessor: Text | None = Field(None, alias="edeltäjä", title="Edellisen vuoden mittari")
    responsible: Person | None = Field(None, alias="vastuuhenkilö", title="Vastuuhenkilö")
    note: Text | None = Field(None, alias="huomautus", title="Huomautus")
    swedish: IndicatorSv | None = _sv()
    corrections: list[Correction] = Field(default_factory=empty_list, alias="korjaukset", title="Korjaukset")
    binding: YesNo | None = Field(
        None, alias="sitova", title="Sitova mittari", description="Puuttuu = ei ilmoitettu."
    )
    target_year: Year | None = Field(
        None,
        alias="tavoitevuosi",
        title="Tavoitevuosi",
        description="Vuosi, jota tavoite koskee, jos se on myöhempi kuin tiedoston vuosi.",
    )
    entries: list[Entry] = Field(default_factory=empty_list, alias="toteuma", title="Toteuma")
    series: list[SeriesValue] = Field(
        default_factory=empty_list,
        alias="sarja",
        title="Arvot vuosittain",
        description="Aiempien ja tulevien vuosien toteumat, talousarviot, ennusteet, ehdotukset ja suunnitelmat.",
    )
    manual_level: ManualLevel | None = Field(None, alias="toteutumistaso", title="Toteutumistaso")


class YesNoIndicator(IndicatorBase):
    """Kyllä/ei: met when the answer equals the expected one (by default kyllä)."""

    kind: Literal["kyllä/ei"] = Field(alias="tyyppi", title="Tyyppi")
    expected: YesNo = Field(True, alias="tavoite", title="Tavoiteltu vastaus")


class NumberIndicator(IndicatorBase):
    """A number with a unit compared to a target, per period and optionally per unit."""

    kind: Literal["luku"] = Field(alias="tyyppi", title="Tyyppi")
    unit: Text | None = Field(None, alias="yksikkö", title="Yksikkö", description="Esim. kokousta, %, €, m².")
    target: Target = Field(alias="tavoite", title="Tavoite")
    period: Period | None = Field(None, alias="jakso", title="Jakso")
    per: Text | None = Field(None, alias="kohden", title="Kohden", description="Esim. nuorisotila.")


class CategoryIndicator(IndicatorBase):
    """A count per category, each category compared to the same target."""

    kind: Literal["luokittain"] = Field(alias="tyyppi", title="Tyyppi")
    unit: Text | None = Field(None, alias="yksikkö", title="Yksikkö")
    categories: list[Text] = Field(alias="luokat", title="Luokat", min_length=1)
    target: Target = Field(alias="tavoite", title="Tavoite kussakin luokassa")
    period: Period | None = Field(None, alias="jakso", title="Jakso")

    _categories_unique = model_validator(mode="after")(rules.categories_unique)


class TrendIndicator(IndicatorBase):
    """Change against a baseline year: growth or decline, optionally by a stated percentage."""

    kind: Literal["kehitys"] = Field(alias="tyyppi", title="Tyyppi")
    unit: Text | None = Field(None, alias="yksikkö", title="Yksikkö")
    direction: Literal["kasvu", "lasku"] = Field(alias="suunta", title="Suunta")
    baseline_year: Year = Field(alias="vertailuvuosi", title="Vertailuvuosi")
    baseline_value: Number | None = Field(None, alias="vertailuarvo", title="Vertailuarvo")
    min_change_percent: Number | None = Field(
        None,
        alias="muutos_vähintään_prosenttia",
        title="Muutos vähintään (%)",
        description="Ilman tätä mikä tahansa muutos oikeaan suuntaan riittää.",
    )


class DeadlineIndicator(IndicatorBase):
    """Something to be done by a date."""

    kind: Literal["määräaika"] = Field(alias="tyyppi", title="Tyyppi")
    deadline: Day = Field(alias="määräpäivä", title="Määräpäivä")


class TrackedIndicator(IndicatorBase):
    """A count followed without a fixed target: reported, never judged."""

    kind: Literal["seuranta"] = Field(alias="tyyppi", title="Tyyppi")
    unit: Text | None = Field(None, alias="yksikkö", title="Yksikkö")
    period: Period | None = Field(None, alias="jakso", title="Jakso")


class QualitativeIndicator(IndicatorBase):
    """A verbal assessment; its level can only be set by hand."""

    kind: Literal["laadullinen"] = Field(alias="tyyppi", title="Tyyppi")


Indicator = Annotated[
    YesNoIndicator
    | NumberIndicator
    | CategoryIndicator
    | TrendIndicator
    | DeadlineIndicator
    | TrackedIndicator
    | QualitativeIndicator,
    Field(discriminator="kind"),
]


class GoalRule(Strict):
    """How a goal's status follows from its indicators."""

    method: GoalRuleName = Field(alias="tapa", title="Tapa")
    share_percent: Number | None = Field(
        None, alias="osuus_prosenttia", title="Osuus (%)", description="Tavalle osuus: toteutuneiden osuus."
    )

    _share_given_for_share = model_validator(mode="after")(rules.share_given_for_share)


class Action(Strict):
    """An action (teko) taken towards a goal, with its own indicators."""

    id: Id = Field(alias="id", title="Tunnus")
    number: Integer | None = Field(None, alias="numero", title="Numero")
    text: Text = Field(alias="kuvaus", title="Teko")
    swedish: ActionSv | None = _sv()
    responsible: Person | None = Field(None, alias="vastuuhenkilö", title="Vastuuhenkilö")
    corrections: list[Correction] = Field(default_factory=empty_list, alias="korjaukset", title="Korjaukset")
    carry_over: CarryOver | None = Field(None, alias="siirtyy", title="Siirtyy seuraavalle vuodelle")
    notes: list[Text] = Field(default_factory=empty_list, alias="huomautukset", title="Huomautukset")
    indicators: list[Indicator] = Field(default_factory=empty_list, alias="mittarit", title="Mittarit")


class Goal(Strict):
    """An operational goal (toiminnallinen tavoite)."""

    id: Id = Field(alias="id", title="Tunnus")
    number: Integer | None = Field(None, alias="numero", title="Numero")
    title: Text = Field(alias="otsikko", title="Tavoite")
    description: Text | None = Field(None, alias="kuvaus", title="Kuvaus")
    swedish: GoalSv | None = _sv()
    spearhead: Id | None = Field(None, alias="strategiakärki", title="Ensisijainen strategiakärki")
    also_advances: list[Id] = Field(
        default_factory=empty_list, alias="edistää_myös", title="Edistää myös strategiakärkiä"
    )
    binding: YesNo | None = Field(
        None,
        alias="sitova",
        title="Sitova tavoite valtuustoon nähden",
        description="kyllä tai ei; puuttuu = asiakirja ei kerro.",
    )
    goal_kind: GoalKind | None = Field(None, alias="tavoitelaji", title="Tavoitelaji")
    goal_nature: GoalNature | None = Field(
        None, alias="tavoitetyyppi", title="Toiminnallinen vai taloudellinen"
    )
    strategic_aim: Id | None = Field(
        None,
        alias="strateginen_tavoite",
        title="Strateginen tavoite",
        description="Tehtäväalueen strateginen tavoite.",
    )
    sub_unit: Id | None = Field(
        None, alias="alayksikkö", title="Alayksikkö", description="Tehtäväalueen alayksikkö."
    )
    responsible: Person | None = Field(None, alias="vastuuhenkilö", title="Vastuuhenkilö")
    rule: GoalRule | None = Field(None, alias="arviointisääntö", title="Arviointisääntö")
    predecessor: Text | None = Field(None, alias="edeltäjä", title="Edellisen vuoden tavoite")
    corrections: list[Correction] = Field(default_factory=empty_list, alias="korjaukset", title="Korjaukset")
    notes: list[Text] = Field(default_factory=empty_list, alias="huomautukset", title="Huomautukset")
    assessments: list[Assessment] = Field(default_factory=empty_list, alias="arviot", title="Arviot")
    carry_over: CarryOver | None = Field(None, alias="siirtyy", title="Siirtyy seuraavalle vuodelle")
    actions: list[Action] = Field(default_factory=empty_list, alias="teot", title="Teot")
    indicators: list[Indicator] = Field(default_factory=empty_list, alias="mittarit", title="Mittarit")

    if TYPE_CHECKING:  # the methods are rules' functions, shared with the twins (core/plain.py)

        def all_indicators(self) -> list[Indicator]:
            """The goal's own indicators followed by those of its actions."""
    else:
        all_indicators = rules.goal_all_indicators


class AreaPart(Strict):
    """A strategic aim grouping goals inside an area, or a sub-unit of the area (e.g. the library)."""

    id: Id = Field(alias="id", title="Tunnus")
    name: Text = Field(alias="nimi", title="Nimi")
    description: Text | None = Field(None, alias="kuvaus", title="Kuvaus")
    swedish: NamedSv | None = _sv()


class ServiceArea(Strict):
    """A service area (tehtäväalue) under the committee; it may describe itself without goals."""

    id: Id = Field(alias="id", title="Tunnus")
    name: Text = Field(alias="nimi", title="Tehtäväalue")
    description: Text | None = Field(None, alias="kuvaus", title="Kuvaus")
    swedish: NamedSv | None = _sv()
    responsible: Person | None = Field(None, alias="vastuuhenkilö", title="Vastuuhenkilö")
    corrections: list[Correction] = Field(default_factory=empty_list, alias="korjaukset", title="Korjaukset")
    strategic_aims: list[AreaPart] = Field(
        default_factory=empty_list, alias="strategiset_tavoitteet", title="Strategiset tavoitteet"
    )
    sub_units: list[AreaPart] = Field(default_factory=empty_list, alias="alayksiköt", title="Alayksiköt")
    notes: list[Text] = Field(default_factory=empty_list, alias="huomautukset", title="Huomautukset")
    goals: list[Goal] = Field(default_factory=empty_list, alias="tavoitteet", title="Tavoitteet")


class GoalFile(Strict):
    """One committee's operational goals for one year."""

    model_config = ConfigDict(title="Toiminnalliset tavoitteet")

    format_version: FormatVersion = Field(
        alias="muoto", title="Tiedostomuodon versio", description="Tämän tiedostomuodon versio: 1."
    )
    year: Year = Field(alias="vuosi", title="Vuosi")
    municipality: Text | None = Field(
        None,
        alias="kunta",
        title="Kunta",
        description="Kunta, jonka lautakunta tämä on; oletus data-kansion tavoitteet.yaml-tiedostosta.",
    )
    committee: Text = Field(alias="lautakunta", title="Lautakunta")
    title: Text | None = Field(None, alias="otsikko", title="Otsikko")
    description: Text | None = Field(None, alias="kuvaus", title="Kuvaus")
    swedish: FileSv | None = _sv()
    source: Text | None = Field(None, alias="lähde", title="Lähdeasiakirja")
    decision: Decision | None = Field(None, alias="päätös", title="Päätös")
    decisions: list[Decision] = Field(
        default_factory=empty_list,
        alias="päätökset",
        title="Muut päätökset",
        description="Vuoden muut päätökset.",
    )
    rule: GoalRule | None = Field(None, alias="arviointisääntö", title="Oletusarviointisääntö")
    spearheads: list[Spearhead] = Field(
        default_factory=empty_list, alias="strategiakärjet", title="Strategiakärjet"
    )
    areas: list[ServiceArea] = Field(alias="tehtäväalueet", title="Tehtäväalueet", min_length=1)
    notes: list[Text] = Field(default_factory=empty_list, alias="huomautukset", title="Huomautukset")
    assessments: list[Assessment] = Field(
        default_factory=empty_list,
        alias="arviot",
        title="Arviot",
        description="Arviot lautakunnan koko vuodesta.",
    )

    if TYPE_CHECKING:

        def goals(self) -> list[Goal]: ...
        def indicators(self) -> list[Indicator]: ...
    else:
        goals = rules.file_goals
        indicators = rules.file_indicators


class ReportOptionsSv(Strict):
    """The report's Swedish title."""

    title: Text | None = Field(None, alias="otsikko", title="Raportin otsikko ruotsiksi")


class ReportOptions(Strict):
    """The reports' own settings: the title instead of the default one, and the municipality's logo."""

    title: Text | None = Field(None, alias="otsikko", title="Raportin otsikko")
    logo: Text | None = Field(
        None,
        alias="logo",
        title="Logo",
        description="PNG- tai JPEG-kuva (enintään 2 Mt); polku luetaan asetustiedoston kansiosta.",
    )
    swedish: ReportOptionsSv | None = _sv()


class SettingsSv(Strict):
    """The municipality's Swedish name."""

    municipality: Text | None = Field(None, alias="kunta", title="Kunta ruotsiksi")


class Settings(Strict):
    """The data folder's settings file (``data/tavoitteet.yaml``): defaults for every goal file."""

    model_config = ConfigDict(title="Tavoitteiden asetukset")

    format_version: FormatVersion | None = Field(None, alias="muoto", title="Tiedostomuodon versio")
    municipality: Text | None = Field(
        None, alias="kunta", title="Kunta", description="Kunta, jos tiedosto ei itse nimeä kuntaa."
    )
    # issue 17: the reports' own settings, and the municipality's Swedish name
    report: ReportOptions | None = Field(None, alias="raportti", title="Raportin asetukset")
    swedish: SettingsSv | None = _sv()


Located = tuple[tuple[str | int, ...], ServiceArea | Goal | Action | IndicatorBase]
"""a key path in the file, and the area, goal, action or indicator there (:func:`walk`)"""
