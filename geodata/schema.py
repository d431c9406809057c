"""Column contracts of the curated tables in ``geodata/data/``.

Each table is a UTF-8 CSV with a header row.  A column spec names its type and
whether it may be empty; ``validate.py`` checks every row against these specs and
reports the file, line, column, value and reason of the first problems it finds.

Types:
  str      free text
  id       a slug: lower-case letters, digits, ``-`` and ``_``
  iso3     a country code known to the world boundaries (or HKG/MAC/TWN/CHN)
  adcode   a 6-digit province code known to the China boundaries
  float    a number; ``lat``/``lon`` also checked for range
  date     ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a day that exists; see ``dates.py``)
  int      a whole number
  enum     one of a fixed set of values
  ref      an id of another table (``document_id`` -> documents.id, ...)
  list     ``;``-separated values
"""

from __future__ import annotations

from dataclasses import dataclass

from geodata.codes import BASES, CONFIDENCES, STATUSES
from geodata.kinds import KINDS

#: proposal: proposes to extend the network; snapshot: a dataset that observes the network on a
#: date (dated by its first day observed: the route evidence of that date)
DOCUMENT_KINDS = ("proposal", "statement", "report", "dataset", "snapshot", "web")
OFFICE_KINDS = tuple(KINDS)
SERVICES = ("passenger", "cargo", "both")
#: How regularly a route flies: every week through its season (regular), for part of the year
#: (seasonal), on a few days only (charter: charters and one-off flights), or not at all in the
#: period observed (none).
REGULARITIES = ("regular", "seasonal", "charter", "none")
THEMES = ("belt_and_road_trade", "innovation_technology", "cultural_creative")
FACTS = (
    "bri",  # signed a Belt and Road cooperation document (value: signed date; end_date: exit)
    "cdta",  # comprehensive double taxation agreement
    "fta",  # free trade agreement
    "ippa",  # investment promotion and protection agreement
    "aeo_mra",  # customs AEO mutual recognition arrangement
    "ce_visit",  # Chief Executive visit (value: agreements signed on the whole trip)
    "icac_mou",  # ICAC memorandum of understanding
    "visa_free",  # visa-free access for HKSAR passport holders (value: days)
    "air_services",  # expanded air services arrangement
    "consulate",  # consulate(-general) in Hong Kong opened or announced
    "eco_expo",  # delegation to Eco Expo Asia
    "other",
)
#: Facts that are events: their ``date`` and ``end_date`` are the first and last day of the
#: event, and once it has happened it counts for good (the others stop at ``end_date``).
EVENT_FACTS = ("ce_visit", "eco_expo")
REGION_LEVELS = ("country", "province", "city")
PRECISIONS = ("airport", "city", "province", "country", "region")


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    required: bool = True
    choices: tuple[str, ...] = ()
    ref: str = ""  # "table.column" for type "ref"


@dataclass(frozen=True)
class Table:
    name: str
    key: str
    columns: tuple[Column, ...]
    point: bool = False  # has lat/lon checked against country_iso3 / adcode
    description: str = ""
    start: tuple[str, ...] = ()  # columns a row starts counting from: the first one filled
    end: str = ""  # the column a row stops counting from

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def required_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)


def C(name, type="str", required=True, choices=(), ref=""):  # noqa: N802 - short table syntax
    return Column(name, type, required, tuple(choices), ref)


_SOURCE = (
    C("document_id", "ref", ref="documents.id"),
    C("source"),
    C("confidence", "enum", required=False, choices=CONFIDENCES),
)

DOCUMENTS = Table(
    "documents",
    "id",
    (
        C("id", "id"),
        C("kind", "enum", choices=DOCUMENT_KINDS),
        C("title_en"),
        C("title_zh"),
        C("publisher"),
        C("date", "date"),
        C("file", required=False),
        C("url", required=False),
        C("language", required=False),
        C("summary_en", required=False),
        C("summary_zh", required=False),
        C("label_en", required=False),
        C("label_zh", required=False),
        C("licence", required=False),
    ),
    description="Source documents, proposals, datasets and web pages cited by other rows.",
)

OFFICES = Table(
    "offices",
    "id",
    (
        C("id", "id"),
        C("name_en"),
        C("name_zh"),
        C("kind", "enum", choices=OFFICE_KINDS),
        C("parent_id", "ref", required=False, ref="offices.id"),
        C("city_en", required=False),
        C("city_zh", required=False),
        C("country_iso3", "iso3", required=False),
        C("adcode", "adcode", required=False),
        C("lat", "float", required=False),
        C("lon", "float", required=False),
        C("precision", "enum", choices=PRECISIONS),
        C("region_id", "ref", required=False, ref="regions.id"),
        C("status", "enum", choices=STATUSES),
        C("basis", "enum", required=False, choices=BASES),
        C("opened", "date", required=False),
        C("closed", "date", required=False),
        C("realised_by", "ref", required=False, ref="offices.id"),
        *_SOURCE,
        C("notes", required=False),
    ),
    point=True,
    start=("opened",),
    end="closed",
    description="Offices of Hong Kong: existing, planned, proposed, closed.",
)

PARTNER_CITIES = Table(
    "partner_cities",
    "id",
    (
        C("id", "id"),
        C("city_en"),
        C("city_zh"),
        C("country_iso3", "iso3"),
        C("adcode", "adcode", required=False),
        C("lat", "float"),
        C("lon", "float"),
        C("theme", "enum", required=False, choices=THEMES),
        C("status", "enum", choices=STATUSES),
        C("basis", "enum", required=False, choices=BASES),
        *_SOURCE,
        C("notes", required=False),
    ),
    point=True,
    description="Sister / friendship cities, existing or proposed.",
)

ROUTES = Table(
    "routes",
    "id",
    (
        C("id", "id"),
        C("dest_iata"),
        C("city_en"),
        C("city_zh"),
        C("country_iso3", "iso3"),
        C("adcode", "adcode", required=False),
        C("lat", "float"),
        C("lon", "float"),
        C("service", "enum", choices=SERVICES),
        C("regularity", "enum", required=False, choices=REGULARITIES),
        C("status", "enum", choices=STATUSES),
        C("basis", "enum", required=False, choices=BASES),
        C("since", "date", required=False),
        C("until", "date", required=False),
        C("realised_by", "ref", required=False, ref="routes.id"),
        C("airlines", required=False),
        C("frequency", required=False),
        # departures a week seen in the period observed (as_of), from the same archive: the
        # notes' counts of flown departures ÷ days × 7 (empty where no archive counts them)
        C("pax_per_week", "float", required=False),
        C("cargo_per_week", "float", required=False),
        C("as_of", required=False),
        C("new_2024_25", "enum", required=False, choices=("yes",)),
        *_SOURCE,
        C("notes", required=False),
    ),
    point=True,
    # a route counts from its opening (since) or, when that is unknown, from the start of the
    # period it was observed in (as_of, "first/last"): evidence, not an assumption
    start=("since", "as_of"),
    end="until",
    description="Nonstop air routes from HKG (existing, new, planned, proposed).",
)

COUNTRY_FACTS = Table(
    "country_facts",
    "id",
    (
        C("id", "id"),
        C("iso3", "iso3"),
        C("fact", "enum", choices=FACTS),
        C("value", required=False),
        C("date", "date", required=False),
        C("end_date", "date", required=False),
        C("detail_en", required=False),
        C("detail_zh", required=False),
        *_SOURCE,
    ),
    description="Facts about countries: Belt and Road membership, agreements, visits.",
)

REGIONS = Table(
    "regions",
    "id",
    (
        C("id", "id"),
        C("name_en"),
        C("name_zh"),
        C("level", "enum", choices=REGION_LEVELS),
        C("members", "list"),
        C("source"),
    ),
    description="Named groups of countries (ISO3) or provinces (adcode).",
)

OFFICE_COVERAGE = Table(
    "office_coverage",
    "id",
    (
        C("id", "id"),
        C("office_id", "ref", ref="offices.id"),
        C("covers", "list"),
        C("valid_from", "date", required=False),
        C("valid_to", "date", required=False),
        C("source"),
        C("confidence", "enum", required=False, choices=CONFIDENCES),
        C("notes", required=False),
    ),
    start=("valid_from",),
    end="valid_to",
    description="Each office's area of responsibility for a period: the countries (ISO3) or "
    "provinces (adcodes) it covers.",
)

TERRITORIES = Table(
    "territories",
    "iso3",
    (
        C("iso3", "iso3"),
        C("sovereign_iso3", "iso3"),
        C("source"),
        C("confidence", "enum", required=False, choices=CONFIDENCES),
        C("notes", required=False),
    ),
    description="Places on the map that are not sovereign states, and the state they belong to: "
    "the numbers count them under it.",
)

STATED_COUNTS = Table(
    "stated_counts",
    "id",
    (
        C("id", "id"),
        C("label_en"),
        C("label_zh"),
        C("stated", "float"),
        C("qualifier", "enum", required=False, choices=("more than", "about", "at least")),
        C("as_of", "date"),
        C("document_id", "ref", ref="documents.id"),
        C("section"),
        C("quote", required=False),
        C("explanation", required=False),
        C("explanation_zh", required=False),  # the same in Chinese (the About page in Chinese)
        C("confidence", "enum", required=False, choices=CONFIDENCES),
    ),
    description="Counts the documents state, reconciled against the data (reconcile.py computes "
    "each id it knows; the others are shown as 'cannot be checked' with the explanation).",
)

PLACE_ALIASES = Table(
    "place_aliases",
    "name_en",
    (
        C("name_en"),  # the name the data uses (a city's or a record's English name)
        C("aliases_en", "list", required=False),
        C("aliases_zh", "list", required=False),
        C("source"),
        C("notes", required=False),
    ),
    description="Other names people search places by (former names, other spellings): the "
    "place finder matches them; the map and tables keep the data's names.",
)

AIRLINES = Table(
    "airlines",
    "iata",
    (
        C("iata"),  # the code routes.csv lists (an IATA code; ADB is Antonov's ICAO code)
        C("name_en", required=False),  # empty: the airline behind the code is not identified
        C("name_zh", required=False),  # empty: no Chinese name from a source yet
        C("country_iso3", required=False),
        C("active", "enum", choices=("yes", "no")),
        C("source"),
        C("confidence", "enum", required=False, choices=CONFIDENCES),
        C("notes", required=False),
    ),
    description="The airlines of routes.csv's airline codes, named in English and Chinese (the "
    "airline filter lists them); a code of routes.csv must be here.",
)

POPULATION = Table(
    "population",
    "iso3",
    (
        C("iso3", "iso3"),
        C("population", "int"),
        C("year", "int"),
        C("source"),
    ),
    description="People in each country, the latest year of the World Bank's SP.POP.TOTL (Taiwan: "
    "GeoNames); weights the coverage numbers (geodata/weights.py) and the population metric.",
)

COUNTRY_NAMES = Table(
    "country_names",
    "iso3",
    (
        C("iso3"),
        C("name_en", required=False),
        C("name_zh", required=False),
        C("note", required=False),
    ),
    description="Hand-written country names where Hong Kong writes them differently from the "
    "boundary source (read by build-boundaries; the built world.geojson carries the result).",
)

PROVINCES = Table(
    "provinces",
    "adcode",
    (
        C("adcode", "adcode"),
        C("name_en"),
        C("name_zh"),
        C("short_en"),
        C("short_zh"),
    ),
    description="The 34 provincial units' names (read by build-boundaries).",
)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        DOCUMENTS, OFFICES, PARTNER_CITIES, ROUTES, COUNTRY_FACTS, REGIONS, OFFICE_COVERAGE,
        TERRITORIES, STATED_COUNTS, PLACE_ALIASES, AIRLINES, POPULATION,
    )
}  # fmt: skip
#: Tables the boundary build reads (not loaded by the app's catalog).
BUILD_TABLES: dict[str, Table] = {t.name: t for t in (COUNTRY_NAMES, PROVINCES)}
# load order: a table's refs point only at tables loaded before it (or itself)
LOAD_ORDER = (
    "documents", "regions", "offices", "partner_cities", "routes", "country_facts", "office_coverage",
    "territories", "stated_counts", "place_aliases", "airlines", "population",
)  # fmt: skip
