"""Codes and constants that more than one module needs: each fact here, once.

Statistics follow the HKSAR Government's usage: the Mainland, Hong Kong, Macao and Taiwan are
counted apart from foreign countries, and "provinces" are the 31 provincial units of the
Mainland. The world boundaries draw Hong Kong, Macao and Taiwan inside China's polygon, so a
point there is coded by its provincial unit.
"""

from __future__ import annotations

#: Parts of China's world-level polygon that statistics count apart: ISO3 -> province adcode.
CHINA_PARTS: dict[str, str] = {"HKG": "810000", "MAC": "820000", "TWN": "710000"}
#: The reverse: province adcode -> ISO3.
PART_OF_ADCODE: dict[str, str] = {v: k for k, v in CHINA_PARTS.items()}
#: Codes never counted as foreign countries.
#: The document id of the user's own proposal (geodata/draft.py): shown only when asked for
#: (``NetworkFilter.draft``), never as one of "all the proposals".
DRAFT_ID = "draft"
NOT_FOREIGN = frozenset({"CHN", *CHINA_PARTS})
#: Provincial units that are not part of the Mainland.
NOT_MAINLAND = frozenset(CHINA_PARTS.values())
HONG_KONG_ADCODE = CHINA_PARTS["HKG"]

#: Hong Kong International Airport (lat, lon): where every route starts.
HKG_AIRPORT = (22.308, 113.918)

#: How sure a row is, strongest first (see docs/data.md).
CONFIDENCES = ("high", "medium", "low")

#: Row statuses. ``planned`` is announced by the government; ``proposed`` by a proposal document.
STATUSES = ("existing", "planned", "proposed", "closed", "suspended")

#: How a row's place relates to what its document says (see docs/data.md).
#: named: the document names this place; inferred: the document names a group (a region, "all
#: Individual Visit Scheme cities") and the row is this project's reading of it; region: the
#: document names only a region, and the row stands for the region as a whole.
BASES = ("named", "inferred", "region")

#: The five source documents (their plain-text files live outside the repository; the ids are
#: what every row cites).
SEED_DOCUMENTS: dict[str, str] = {
    "hkvision-2017": "000_1a0b5ec98682886d.txt",
    "gov-bri-2026": "001_89ad57767972b0e7.txt",
    "gov-mainland-2017": "002_62047ec8f1c20705.txt",
    "fyp-2026": "003_798d22a549aca399.txt",
    "bpa-2024": "004_afe86f2ced218468.txt",
}


def is_foreign(iso3: str) -> bool:
    """True for a foreign country or territory (not the Mainland, Hong Kong, Macao or Taiwan)."""
    return bool(iso3) and iso3 not in NOT_FOREIGN


def is_adcode(code: str) -> bool:
    """True for a 6-digit province code (ISO3 codes are letters)."""
    return len(code) == 6 and code.isdigit()
