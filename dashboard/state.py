"""ViewState: everything that defines what is on screen, round-tripping through the URL.

``ViewState.from_query(query, options)`` never fails: an unknown or invalid value falls
back to its default and yields a :class:`Warning` saying which parameter and why.
``from_query(s.to_query()) == s`` for every valid state (a property test checks it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from urllib.parse import parse_qs, urlencode

from geodata.network import NetworkFilter
from geodata.schema import OFFICE_KINDS, SERVICES, STATUSES

VERSION = 1
VIEWS = ("explore", "compare", "present", "table", "about")
LANGS = ("en", "zh")
LAYERS = ("coverage", "provinces", "offices", "cities", "routes")
METRICS = ("presence", "offices", "routes", "cities", "agreements", "bri", "gain")
COMPARE_MODES = ("split", "diff")
FOCUSES = ("world", "asia", "china", "gba", "europe", "middle-east")
TABLE_LAYERS = ("offices", "cities", "routes", "countries", "provinces")
MIN_YEAR, MAX_YEAR = 1950, 2030
DEFAULT_YEAR = 2026

PARAMS = (
    "view", "lang", "layers", "metric", "region", "proposal", "status", "kind", "service",
    "year", "focus", "compare", "table", "deck", "scene", "v",
)  # fmt: skip


@dataclass(frozen=True)
class Options:
    """Values that depend on the data (ids of regions and proposal documents)."""

    regions: tuple[str, ...] = ()
    proposals: tuple[str, ...] = ()
    scenes: int = 0
    decks: tuple[str, ...] = ("default",)


@dataclass(frozen=True)
class Warning:
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
    kinds: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    year: int = DEFAULT_YEAR
    focus: str = "world"
    compare: str = "split"
    table: str = "offices"
    deck: str = "default"
    scene: int = 0
    version: int = field(default=VERSION, compare=False)

    # -- conversions ---------------------------------------------------------------
    def network_filter(self) -> NetworkFilter:
        return NetworkFilter.for_year(
            self.year,
            statuses=self.statuses,
            proposals=self.proposals,
            regions=self.regions,
            office_kinds=self.kinds,
            services=self.services,
        )

    def to_dict(self) -> dict:
        d = asdict(self)
        return {k: list(v) if isinstance(v, tuple) else v for k, v in d.items()}

    @classmethod
    def from_dict(cls, d: Mapping) -> "ViewState":
        d = {k: tuple(v) if isinstance(v, list) else v for k, v in d.items() if k in _FIELDS}
        return cls(**d)

    def to_params(self) -> dict[str, str]:
        """Only the parameters that differ from the default, in a fixed order."""
        default = ViewState()
        out = {}
        for param, attr in _PARAM_ATTR.items():
            value = getattr(self, attr)
            if value != getattr(default, attr):
                out[param] = ",".join(value) if isinstance(value, tuple) else str(value)
        return out

    def to_query(self) -> str:
        return urlencode(self.to_params(), safe=",")

    def with_(self, **changes) -> "ViewState":
        return replace(self, **changes)

    @classmethod
    def from_query(
        cls, query: str | Mapping, options: Options = Options()
    ) -> tuple["ViewState", list[Warning]]:
        if isinstance(query, str):
            q = {k: v[-1] for k, v in parse_qs(query.lstrip("?"), keep_blank_values=True).items()}
        else:
            q = {k: (v[-1] if isinstance(v, (list, tuple)) else v) for k, v in query.items()}
        default = cls()
        values: dict = {}
        warnings: list[Warning] = []

        def warn(param, value, reason):
            warnings.append(Warning(param, str(value), reason))

        def one(param, allowed):
            if param in q:
                v = q[param].strip()
                if v in allowed:
                    values[_PARAM_ATTR[param]] = v
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
                values[_PARAM_ATTR[param]] = tuple(x for x in allowed if x in good)
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
                values[_PARAM_ATTR[param]] = n
            else:
                warn(param, v, f"expected a number from {lo} to {hi}; using the default")

        if "v" in q and q["v"].strip() != str(VERSION):
            warn("v", q["v"], f"links of version {VERSION} are understood; reading it as such")
        one("view", VIEWS)
        one("lang", LANGS)
        many("layers", LAYERS)
        one("metric", METRICS)
        many("region", options.regions)
        many("proposal", options.proposals)
        many("status", STATUSES)
        many("kind", OFFICE_KINDS)
        many("service", SERVICES)
        integer("year", MIN_YEAR, MAX_YEAR)
        one("focus", FOCUSES)
        one("compare", COMPARE_MODES)
        one("table", TABLE_LAYERS)
        one("deck", options.decks)
        integer("scene", 0, max(options.scenes - 1, 0) if options.scenes else 999)
        for k in q:
            if k not in PARAMS:
                warn(k, q[k], "unknown parameter ignored")
        if values.get("statuses") == ():
            values.pop("statuses")
            warn("status", q.get("status", ""), "no status chosen; using the default")
        state = replace(default, **values)
        return state, warnings


_FIELDS = {f for f in ViewState.__dataclass_fields__}
_PARAM_ATTR = {
    "view": "view",
    "lang": "lang",
    "layers": "layers",
    "metric": "metric",
    "region": "regions",
    "proposal": "proposals",
    "status": "statuses",
    "kind": "kinds",
    "service": "services",
    "year": "year",
    "focus": "focus",
    "compare": "compare",
    "table": "table",
    "deck": "deck",
    "scene": "scene",
}
