"""The kinds of office, declared once: labels, family, rank of presence and map symbol.

A kind's symbol is its shape; status is drawn by filling it (existing) or as a ring (proposed;
planned adds a dot), and the lesser ranks are drawn smaller.

Every consumer (schema enum, filters, legend, hover, details, counts) reads ``KINDS``. To add a
kind, add one ``OfficeKind`` here and rows of that kind to ``data/offices.csv``.

``rank`` orders the strength of Hong Kong's presence in a place: a full office outranks a
liaison unit, which outranks a consultant or representative. Replacing a liaison unit with an
office is a gain in rank (see ``measures.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from geodata.text import Text

#: Families of offices: who runs them.
FAMILIES = {
    "government": Text("HKSAR Government offices", "特區政府辦事處"),
    "investhk": Text("Invest Hong Kong", "投資推廣署"),
    "tdc": Text("Hong Kong Trade Development Council", "香港貿易發展局"),
}


@dataclass(frozen=True)
class OfficeKind:
    id: str
    label: Text
    family: str
    rank: int  # 3 office, 2 liaison unit / dedicated unit, 1 consultant / representative
    symbol: str  # plotly symbol, filled (status draws it as a ring: see palette.py)
    overseas: bool  # False: an office on the Mainland or in Taiwan

    @property
    def scale(self) -> float:
        """Marker size relative to a full office: the lesser ranks are drawn smaller."""
        return 1.0 if self.rank >= 3 else 0.75


KINDS: dict[str, OfficeKind] = {
    k.id: k
    for k in (
        OfficeKind("eto", Text("Economic and Trade Office", "經濟貿易辦事處"), "government", 3,
                   "circle", True),
        OfficeKind("eto_liaison", Text("ETO liaison unit", "經貿辦聯絡處"), "government", 2,
                   "circle", True),
        OfficeKind("mainland_office", Text("Mainland office", "駐內地辦事處"), "government", 3,
                   "square", False),
        OfficeKind("mainland_liaison", Text("Mainland liaison unit", "駐內地聯絡處"), "government", 2,
                   "square", False),
        OfficeKind("etco", Text("Economic, Trade and Cultural Office (Taiwan)",
                                "經濟貿易文化辦事處（台灣）"), "government", 3, "triangle-up", False),
        OfficeKind("investhk_unit", Text("InvestHK unit in an ETO", "經貿辦投資推廣組"), "investhk", 1,
                   "cross", True),
        OfficeKind("investhk_consultant", Text("InvestHK consultant office", "投資推廣署顧問辦事處"),
                   "investhk", 1, "diamond", True),
        OfficeKind("tdc_office", Text("HKTDC office", "貿發局辦事處"), "tdc", 2, "hexagon", True),
        OfficeKind("tdc_consultant", Text("HKTDC consultant office", "貿發局顧問辦事處"), "tdc", 1,
                   "pentagon", True),
    )
}  # fmt: skip

GOVERNMENT_KINDS = tuple(k for k, v in KINDS.items() if v.family == "government")
#: Shown by default: the government's own offices and InvestHK's consultant offices. InvestHK's
#: units sit inside ETOs (they add no place), and the list of HKTDC offices is incomplete: both
#: are a tick away in the kind filter.
DEFAULT_KINDS = (*GOVERNMENT_KINDS, "investhk_consultant")


def rank(kind: str) -> int:
    """The rank of presence of an office kind (0 for an unknown kind)."""
    k = KINDS.get(kind)
    return k.rank if k else 0
