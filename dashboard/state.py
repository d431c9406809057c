"""ViewState: everything that defines what is on screen, round-tripping through the URL.

``ViewState.from_query(query, options)`` never fails: an unknown or invalid value falls back
to its default and yields a :class:`ParamWarning` saying which parameter and why.
``from_query(s.to_query()) == s`` for every valid state (a property test checks it).

Links are versioned (``v``), as kepler.gl's saved maps are: ``to_query`` writes the current
:data:`VERSION`; a link of an older version is upgraded step by step through ``UPGRADES`` (each
step rewrites the parameters whose meaning changed), and a link of a newer version than this
app knows is rejected with a notice (the default view is shown). A link without ``v`` (typed by
hand, or an API query) is read as the current version. Decks record the link version of their
scenes (``link_version``; 1 when absent).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field, replace
from urllib.parse import parse_qs, urlencode

from geodata.codes import STATUSES
from geodata.draft import Draft, DraftItem, clean_text, parse_draft, with_draft
from geodata.kinds import DEFAULT_KINDS
from geodata.layers import LAYERS as POINT_LAYERS
from geodata.metrics import SELECTABLE as METRICS
from geodata.network import DEFAULT_REGULARITIES, DEFAULT_SERVICES, NetworkFilter
from geodata.schema import OFFICE_KINDS, REGULARITIES, SERVICES

VERSION = 2
VIEWS = ("explore", "compare", "present", "table", "about")
LANGS = ("en", "zh")
AREA_LAYERS = ("coverage", "provinces")
LAYERS = (*AREA_LAYERS, *POINT_LAYERS)
COMPARE_MODES = ("split", "diff", "versus")  # versus: the proposals chosen vs the draft
PROJECTIONS = ("natural", "hk")  # Natural Earth; azimuthal equidistant centred on Hong Kong
LABEL_MODES = ("auto", "key", "off")
FOCUSES = ("world", "asia", "china", "gba", "europe", "middle-east")
TABLE_LAYERS = (*POINT_LAYERS, "countries", "provinces", "regions", "proposals", "gaps")
#: The gap finder's questions (declared in dashboard/gaps.py, in this order).
GAP_IDS = ("bri-flights-no-office", "office-no-flight", "populous-no-office", "unrealised")
MAX_GAP_YEARS = 50
MIN_YEAR, MAX_YEAR = 1950, 2030
DEFAULT_YEAR = 2026

#: URL parameter -> ViewState attribute, in the order links write them.
PARAM_ATTR = {
    "view": "view", "lang": "lang", "layers": "layers", "metric": "metric", "region": "regions",
    "proposal": "proposals", "status": "statuses", "kind": "kinds", "service": "services",
    "regularity": "regularities", "airline": "airlines", "year": "year", "focus": "focus", "proj": "projection",
    "labels": "labels", "compare": "compare", "table": "table", "deck": "deck", "scene": "scene",
    "gap": "gap", "after": "gap_after",
    "draft": "draft", "dtitle": "draft_title", "dnote": "draft_note",
}  # fmt: skip
PARAMS = ("v", *PARAM_ATTR)

#: The office kinds of version 1 links (all of them then: no "kind" meant these).
V1_KINDS = ("eto", "eto_liaison", "mainland_office", "mainland_liaison", "investhk_consultant",
            "tdc_office", "etco")  # fmt: skip


def _v1_to_v2(q: dict[str, str]) -> dict[str, str]:
    """Version 2 counts passenger flights flown through the season and the HKSAR Government's
    offices by default, where version 1 counted every route and every office kind: a version 1
    link keeps showing what it showed."""
    q = dict(q)
    q.setdefault("service", "passenger,cargo")
    q.setdefault("regularity", ",".join(REGULARITIES))
    q.setdefault("kind", ",".join(V1_KINDS))
    return q


#: version n -> a function taking the parameters of a version-n link and returning them as
#: version n + 1 writes them.
UPGRADES: dict[int, Callable[[dict[str, str]], dict[str, str]]] = {1: _v1_to_v2}


@dataclass(frozen=True)
class Options:
    """Values that depend on the data (ids of regions, proposal documents and decks)."""

    regions: tuple[str, ...] = ()
    proposals: tuple[str, ...] = ()
    scenes: int = 0
    decks: tuple[str, ...] = ("default",)
    airlines: tuple[str, ...] = ()
    #: where draft items can go (``geodata.draft.Gazetteer``); without it a draft is ignored
    places: object = field(default=None, compare=False)


@dataclass(frozen=True)
class ParamWarning:
    """A URL parameter that was not understood, and what was done instead."""

    param: str
    value: str
    reason: str

    def __str__(self) -> str:
        return f"{self.param}={self.value!r}: {self.reason}"


@dataclass(frozen=True)
class ViewState:
    view: str = "explore"
    lang: str = "en"
    layers: tuple[str, ...] = ("coverage", "offices", "routes")
    metric: str = "presence"
    regions: tuple[str, ...] = ()
    proposals: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ("existing", "planned")
    kinds: tuple[str, ...] = DEFAULT_KINDS
    services: tuple[str, ...] = DEFAULT_SERVICES
    regularities: tuple[str, ...] = DEFAULT_REGULARITIES
    airlines: tuple[str, ...] = ()  # routes of these airlines only (codes); () all
    year: int = DEFAULT_YEAR
    focus: str = "world"
    projection: str = "natural"
    labels: str = "auto"
    compare: str = "split"
    table: str = "offices"
    deck: str = "default"
    scene: int = 0
    gap: str = GAP_IDS[0]  # the gap finder's question (table=gaps)
    gap_after: int = 5  # years: the "not realised after N years" gap
    draft: tuple[str, ...] = ()  # the user's own proposal: items as links write them
    draft_title: str = ""
    draft_note: str = ""
    version: int = field(default=VERSION, compare=False)

    # -- conversions ---------------------------------------------------------------
    def network_filter(self) -> NetworkFilter:
        return NetworkFilter.for_year(
            self.year,
            statuses=self.statuses,
            proposals=self.proposals,
            draft=bool(self.draft),  # a draft is always shown, beside the proposals shown
            regions=self.regions,
            office_kinds=self.kinds,
            services=self.services,
            regularities=self.regularities,
            airlines=self.airlines,
        )

    def effective(self, side: str | None = None) -> ViewState:
        """The state a map (and its numbers) draws: compare's left side is the existing
        network (with the planned items when shown: ``compare_base``), its right side and its
        one-map mode that + the chosen proposals; every other view draws the state as it is."""
        if self.view != "compare":
            return self
        versus = self.compare == "versus"
        base = self.compare_base
        if side == "left":
            return self.with_(statuses=base, proposals=self.proposals if versus else (), draft=())
        if side == "right" and versus:
            return self.with_(statuses=base, proposals=())
        return self.with_(statuses=base)

    @property
    def compare_base(self) -> tuple[str, ...]:
        """The statuses compare sets the proposals against: the existing network, and the
        Government's planned items when they are shown (as explore counts them: a draft's
        office where one is planned adds nothing on either page)."""
        return ("existing", "planned") if "planned" in self.statuses else ("existing",)

    def compare_baseline(self) -> NetworkFilter:
        """The network compare counts each side's gain against: its left map without the
        proposals (``compare_base``), whatever the compare mode."""
        return self.with_(view="compare", compare="split").effective("left").network_filter()

    def draft_spec(self) -> Draft:
        """The draft as ``geodata.draft`` takes it (items parsed from their tokens)."""
        items = tuple(DraftItem(*t.split(":", 1)) for t in self.draft if ":" in t)
        return Draft(items, self.draft_title, self.draft_note)

    @property
    def point_layers(self) -> tuple[str, ...]:
        return tuple(x for x in self.layers if x in POINT_LAYERS)

    def to_dict(self) -> dict:
        d = asdict(self)
        return {k: list(v) if isinstance(v, tuple) else v for k, v in d.items()}

    @classmethod
    def from_dict(cls, d: Mapping | None, options: Options = Options()) -> ViewState:
        """The state a callback received as JSON (``to_dict``'s form), checked like a link:
        a store's data comes from the browser and is not trusted, so anything malformed falls
        back to its default (a non-dict gives the default state)."""
        if not isinstance(d, Mapping):
            return cls()
        query = {}
        for param, attr in PARAM_ATTR.items():
            v = d.get(attr)
            if isinstance(v, (list, tuple)):
                query[param] = ",".join(str(x) for x in v)
            elif isinstance(v, (str, int)) and not isinstance(v, bool):
                query[param] = str(v)
        query["v"] = str(VERSION)
        state, _ = cls.from_query(query, options)
        return state

    def to_params(self) -> dict[str, str]:
        """The version, then the parameters that differ from the default, in a fixed order."""
        default = ViewState()
        out = {}
        for param, attr in PARAM_ATTR.items():
            value = getattr(self, attr)
            if value != getattr(default, attr):
                out[param] = ",".join(value) if isinstance(value, tuple) else str(value)
        return {"v": str(VERSION), **out} if out else {}

    def to_query(self) -> str:
        return urlencode(self.to_params(), safe=",:")

    def with_(self, **changes) -> ViewState:
        return replace(self, **changes)

    @classmethod
    def from_query(
        cls, query: str | Mapping, options: Options = Options()
    ) -> tuple[ViewState, list[ParamWarning]]:
        q = _query_dict(query)
        warnings: list[ParamWarning] = []
        q = _upgrade(q, warnings)
        if q is None:
            return cls(), warnings
        values = _parse(q, options, warnings)
        for k in q:
            if k not in PARAMS:
                warnings.append(ParamWarning(k, str(q[k]), "unknown parameter ignored"))
        return replace(cls(), **values), warnings


def _query_dict(query: str | Mapping) -> dict[str, str]:
    """A query string or mapping as {param: last value}; anything else (what a browser may
    send in its place) as no parameters."""
    if isinstance(query, bytes):
        query = query.decode("utf-8", errors="replace")
    if not isinstance(query, str | Mapping):
        return {}
    if isinstance(query, str):
        return {k: v[-1] for k, v in parse_qs(query.lstrip("?"), keep_blank_values=True).items()}
    out = {}
    for k, v in query.items():
        v = v[-1] if isinstance(v, (list, tuple)) and v else v
        out[str(k)] = v if isinstance(v, str) else str(v)
    return out


def _upgrade(q: dict[str, str], warnings: list[ParamWarning]) -> dict[str, str] | None:
    """``q`` rewritten as a link of the current version; None (with a warning) when the link
    is of a version this app cannot read."""
    raw = q.pop("v", str(VERSION)).strip() or str(VERSION)
    try:
        v = int(raw)
    except ValueError:
        msg = f"expected a link version (1 to {VERSION}); reading the link as version {VERSION}"
        warnings.append(ParamWarning("v", raw, msg))
        v = VERSION
    if v > VERSION:
        warnings.append(
            ParamWarning(
                "v",
                raw,
                f"this link was made by a newer version of the Atlas "
                f"(link version {v}; this one reads 1 to {VERSION}): "
                "showing the default view",
            )
        )
        return None
    if v < 1:
        msg = f"expected a link version of at least 1; reading the link as version {VERSION}"
        warnings.append(ParamWarning("v", raw, msg))
        v = VERSION
    while v < VERSION:
        q = UPGRADES[v](q)
        v += 1
    return q


def _parse(q: dict[str, str], options: Options, warnings: list[ParamWarning]) -> dict:
    values: dict = {}

    def warn(param, value, reason):
        warnings.append(ParamWarning(param, str(value), reason))

    def one(param, allowed):
        if param in q:
            v = q[param].strip()
            if v in allowed:
                values[PARAM_ATTR[param]] = v
            else:
                warn(param, v, f"expected one of {', '.join(allowed)}; using the default")

    def many(param, allowed):
        if param not in q:
            return
        raw = [x.strip() for x in q[param].split(",") if x.strip()]
        good = tuple(dict.fromkeys(x for x in raw if x in allowed))
        bad = [x for x in raw if x not in allowed]
        if bad:
            warn(param, ",".join(bad), f"unknown value(s) ignored; expected {', '.join(allowed)}")
        if good or not raw:
            values[PARAM_ATTR[param]] = tuple(x for x in allowed if x in good)
        # a list with only bad values keeps the default

    def integer(param, lo, hi):
        if param not in q:
            return
        v = q[param].strip()
        try:
            n = int(v)
        except ValueError:
            return warn(param, v, "expected a whole number; using the default")
        if lo <= n <= hi:
            values[PARAM_ATTR[param]] = n
        else:
            warn(param, v, f"expected a number from {lo} to {hi}; using the default")

    one("view", VIEWS)
    one("lang", LANGS)
    many("layers", LAYERS)
    one("metric", METRICS)
    many("region", options.regions)
    many("proposal", options.proposals)
    many("status", STATUSES)
    many("kind", OFFICE_KINDS)
    many("service", SERVICES)
    many("regularity", REGULARITIES)
    many("airline", options.airlines)
    integer("year", MIN_YEAR, MAX_YEAR)
    one("focus", FOCUSES)
    one("proj", PROJECTIONS)
    one("labels", LABEL_MODES)
    one("compare", COMPARE_MODES)
    one("table", TABLE_LAYERS)
    one("deck", options.decks)
    integer("scene", 0, max(options.scenes - 1, 0) if options.scenes else 999)
    one("gap", GAP_IDS)
    integer("after", 1, MAX_GAP_YEARS)
    _parse_draft(q, options, values, warn)
    if values.get("statuses") == ():
        values.pop("statuses")
        warn("status", q.get("status", ""), "no status chosen; using the default")
    return values


def _parse_draft(q: dict[str, str], options: Options, values: dict, warn) -> None:
    """``draft`` (items checked against the places the data knows), ``dtitle`` and ``dnote``."""
    if q.get("draft", "").strip():
        if options.places is None:
            warn("draft", q["draft"], "drafts are not available here; ignored")
        else:
            items, bad = parse_draft(q["draft"], options.places)
            for b in bad:
                warn("draft", b, "not a draft item; ignored")
            if items:
                values["draft"] = tuple(i.token for i in items)
    for param in ("dtitle", "dnote"):
        if param in q:
            values[PARAM_ATTR[param]] = clean_text(q[param])


def catalog_for(catalog, state: ViewState):
    """The catalog a view reads: with the state's draft as a proposal document, when it has one
    (``geodata.draft.with_draft``; cached, one catalog per draft)."""
    return with_draft(catalog, state.draft_spec()) if state.draft else catalog


def reads_draft(fn):
    """For a function of ``(catalog, state, ...)``: it reads the catalog with the state's draft
    (``catalog_for``), whoever calls it."""

    @functools.wraps(fn)
    def wrapper(catalog, state, *args, **kwargs):
        return fn(catalog_for(catalog, state), state, *args, **kwargs)

    return wrapper
