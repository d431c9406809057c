"""Build ``routes.csv``: nonstop air routes from HKG (existing, new, planned, proposed).

Inputs (reference dir): ``hkg_destinations.csv`` (HKIA departures, winter 2025/26),
``seed_routes.csv`` (routes named in the seeds and in news pages), ``bri_countries.csv``.
Hand tables here: ``route_cities.csv`` (city names as written in Hong Kong, by airport) and
``ivs_cities.csv`` (the 59 Individual Visit Scheme cities as of 2024-07).

Editorial decisions (each applied below, in order):
1. Every destination seen in the HKIA departures is an ``existing`` route; coordinates come
   from ``airportsdata`` (a few stale entries corrected in ``AIRPORT_FIXES``).
2. The seven new routes of 2024-25 (seed 001) are merged into their HKIA row (one row each),
   cited to ``gov-bri-2026``; a seasonal one missing from the winter data stays in as existing.
3. Almaty: the existing row is a cargo route; the passenger route announced in seed 003 is a
   separate ``planned`` row.
4. Other seed routes already in the HKIA data are not repeated (their news is added to notes);
   the two that are not (Gold Coast, Medan) are added with their own sources.
5. BPA 2024 proposals ("all IVS cities" and Belt and Road countries "including the Middle East and
   ASEAN"): a ``proposed`` passenger row for each target with no nonstop *passenger* service in the
   HKIA data (a cargo-only service does not carry visitors; noted in the row).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import airportsdata
import pycountry

HERE = Path(__file__).resolve().parent
HKIA_DOC = "hkia-flights-2026"
HKIA_SRC = (
    "HKIA departures 2025-10-16..2026-01-17 (hongkongairport.com flightinfo-rest API, daily archives "
    "in github.com/a06073123/hkg-flight-viewer public/data/daily @1192752258d5); coords airportsdata 20260905"
)
BPA_SRC = (
    "bpa-2024 §二.3(1) (004_afe86f2ced218468.txt line 292-294: 為開拓新航線制訂策略性目標，包括"
    "「一帶一路」沿線國家（包括中東和東盟）和全部自由行城市)"
)
SEED001_SRC = "gov-bri-2026 §(一) 航空 (001_89ad57767972b0e7.txt: 在2024年及2025年開展的直航客運服務包括…)"

# airportsdata ``subd`` (province) -> 6-digit province adcode
PROVINCE_ADCODES = {
    "Beijing": "110000", "Tianjin": "120000", "Hebei": "130000", "Shanxi": "140000",
    "Inner Mongolia": "150000", "Inner-Mongolia": "150000", "Liaoning": "210000", "Jilin": "220000",
    "Heilongjiang": "230000", "Shanghai": "310000", "Jiangsu": "320000", "Zhejiang": "330000",
    "Anhui": "340000", "Fujian": "350000", "Jiangxi": "360000", "Shandong": "370000",
    "Henan": "410000", "Hubei": "420000", "Hunan": "430000", "Guangdong": "440000",
    "Guangxi": "450000", "Hainan": "460000", "Chongqing": "500000", "Sichuan": "510000",
    "Guizhou": "520000", "Yunnan": "530000", "Tibet": "540000", "Shaanxi": "610000",
    "Gansu": "620000", "Qinghai": "630000", "Ningxia Hui Autonomous Region": "640000",
    "Ningxia": "640000", "Xinjiang": "650000",
}
SPECIAL_ADCODES = {"TWN": "710000", "MAC": "820000"}

# airportsdata entries that still describe a replaced airport: (lat, lon, note)
AIRPORT_FIXES = {
    "KMG": (25.1017, 102.9292, "coordinates of Kunming Changshui airport (opened 2012); airportsdata "
            "still gives the old Wujiaba site"),
    "SWA": (23.5522, 116.5033, "coordinates of Jieyang Chaoshan airport (opened 2011); airportsdata "
            "still gives the old Shantou Waisha site"),
    "ZHA": (21.48, 110.59, "approximate coordinates of Zhanjiang Wuchuan airport (opened 2022); "
            "airportsdata still gives the old Xiashan site"),
}

# Belt and Road proposal targets (bpa-2024 names the regions, not the cities).
# ASEAN as of the paper's date (2024-07): the ten members (Timor-Leste joined in 2025-10).
ASEAN_2024 = ("BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM")
# Middle East: Gulf, Levant, Iran, Iraq, Yemen, plus Egypt and Turkey (the HKSAR Government
# groups InvestHK's Cairo and Izmir offices under 中東及北非, seed 001 §(二)).
MIDDLE_EAST = ("ARE", "BHR", "EGY", "IRN", "IRQ", "ISR", "JOR", "KWT", "LBN", "OMN", "PSE",
               "QAT", "SAU", "SYR", "TUR", "YEM")
# the capital's main airport; Myanmar: Yangon, the country's international gateway (and the
# former HKG route), rather than the capital Naypyidaw; Palestine has no airport in operation.
CAPITAL_AIRPORT = {"BHR": "BAH", "EGY": "CAI", "IRN": "IKA", "IRQ": "BGW", "JOR": "AMM",
                   "KWT": "KWI", "LBN": "BEY", "OMN": "MCT", "SYR": "DAM", "YEM": "SAH",
                   "MMR": "RGN", "PSE": None}

_AIRPORTS = airportsdata.load("IATA")


def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _names() -> dict[str, dict]:
    return {r["iata"]: r for r in read_csv(HERE / "route_cities.csv")}


def _iso3(alpha2: str) -> str:
    c = pycountry.countries.get(alpha_2=alpha2)
    return {"TW": "TWN", "MO": "MAC", "HK": "HKG"}.get(alpha2) or (c.alpha_3 if c else "")


def airport(iata: str) -> dict:
    """Country, province adcode and coordinates of an airport (airportsdata + fixes)."""
    a = _AIRPORTS[iata]
    iso3 = _iso3(a["country"])
    lat, lon, note = a["lat"], a["lon"], ""
    if iata in AIRPORT_FIXES:
        lat, lon, note = AIRPORT_FIXES[iata]
    adcode = SPECIAL_ADCODES.get(iso3, "")
    if iso3 == "CHN":
        adcode = PROVINCE_ADCODES[a["subd"]]
    return {"country_iso3": iso3, "adcode": adcode, "lat": round(float(lat), 5),
            "lon": round(float(lon), 5), "coord_note": note}


def _place(iata: str, names: dict) -> dict:
    a = airport(iata)
    n = names[iata]
    row = {"dest_iata": iata, "city_en": n["city_en"], "city_zh": n["city_zh"],
           "country_iso3": a["country_iso3"], "adcode": a["adcode"], "lat": a["lat"], "lon": a["lon"]}
    return row, a["coord_note"]


def _join(*parts: str) -> str:
    return "; ".join(p for p in parts if p)


def _date(text: str) -> str:
    """First YYYY[-MM[-DD]] in a free-text date ("2025 (exact date not found)" -> "2025")."""
    m = re.search(r"\d{4}(-\d{2}(-\d{2})?)?", text or "")
    return m.group(0) if m else ""


def _existing(d: dict, names: dict) -> dict:
    place, coord_note = _place(d["iata"], names)
    counts = (f"departures seen: {d['dep_passenger_flights']} passenger, {d['dep_cargo_flights']} cargo "
              f"on {d['days_with_departure']} days ({d['first_seen']}..{d['last_seen']})")
    split = _join(f"passenger airlines {d['airlines_passenger']}" if d["airlines_passenger"] else "",
                  f"cargo airlines {d['airlines_cargo']}" if d["airlines_cargo"] else "")
    confidence = d["confidence"]
    if "ALL listed departures cancelled" in d["notes"]:
        confidence = "low"  # every departure listed for this point shows as cancelled
    return {"id": f"rt-{d['iata'].lower()}", **place, "service": d["service"], "status": "existing",
            "airlines": d["airlines"], "frequency": d["frequency_class"], "as_of": d["as_of"],
            "document_id": HKIA_DOC, "source": HKIA_SRC, "confidence": confidence,
            "notes": _join(counts, split, d["notes"], coord_note)}


def _merge_new_route(row: dict | None, s: dict, names: dict) -> dict:
    """A 2024-25 new route of seed 001, merged into its HKIA row (or alone if not in the data)."""
    launch = _date(s["launch_or_status_date"])
    seen = row is not None
    if row is None:  # seasonal: not flown in the winter data; keep with its seed source
        place, coord_note = _place(s["iata"], names)
        row = {"id": f"rt-{s['iata'].lower()}", **place, "service": "passenger", "status": "existing",
               "airlines": "", "frequency": "", "as_of": "", "notes": coord_note}
    news = s["source"].split("; ", 1)[1] if "; " in s["source"] else ""
    row.update({
        "status": "existing", "since": launch, "new_2024_25": "yes", "document_id": "gov-bri-2026",
        "confidence": "high",
        "source": _join(SEED001_SRC, f"launch: {news}" if news else "",
                        f"still flown: {HKIA_SRC}" if seen else "not in the HKIA winter data 2025/26"),
        "notes": _join(f"operator at launch: {s['operator']}",
                       f"launch date as given: {s['launch_or_status_date']}", row.get("notes", "")),
    })
    if s["iata"] == "URC":  # reference discrepancy 5
        row["notes"] = _join(
            "Discrepancy: seed 001 counts Urumqi among the new services of 2024-25 (Cathay Pacific "
            "from 2025-04-28), but Urumqi Air had flown HKG-URC weekly from 2023-05-03 (SCMP 2023); "
            "'since' is the launch the source counts", row["notes"])
    return row


def _planned_almaty(s: dict, names: dict) -> dict:
    place, coord_note = _place("ALA", names)
    return {"id": "rt-ala-planned", **place, "service": "passenger", "status": "planned",
            "since": "2027-01", "document_id": "fyp-2026", "confidence": "high",
            "source": "fyp-2026 §2026年出訪中亞 (003_798d22a549aca399.txt: 促進人員往來便捷，明年首季開辦直飛"
                      "哈薩克斯坦阿拉木圖的航線); qazinform 2025-09-13 (weekly frequencies 7->14 per side)",
            "notes": _join(
                "Q1 2027: the article (mid-2026) says 'first quarter of next year'; the month is not "
                "stated, 2027-01 is the start of the quarter (reference discrepancy 6)",
                "passenger route; HKG-ALA already has cargo flights (rt-ala); Air Astana flew ALA-HKG "
                "3x weekly in 2018 (inform.kz 2018-08-02)", coord_note)}


def _extra_seed(s: dict, names: dict) -> dict:
    """Seed routes that are not in the HKIA winter data."""
    place, coord_note = _place(s["iata"], names)
    row = {"id": f"rt-{s['iata'].lower()}", **place, "service": "passenger", "confidence": s["confidence"]}
    if s["iata"] == "OOL":
        row.update(status="existing", airlines="HX", document_id="news-etn-hx-2025",
                   source="eTurboNews (yo.eturbonews.com, Hong Kong Airlines Sydney/Gold Coast), 2025",
                   notes=_join("seasonal Hong Kong Airlines service, resumed 2025-01-17; not seen in the "
                               "HKIA departures 2025-10-16..2026-01-17 (winter), so its 2025/26 season "
                               "is not confirmed", coord_note))
    elif s["iata"] == "KNO":
        row.update(status="suspended", document_id="news-hketo-jakarta-medan", confidence="low",
                   source="government-world.com (HKETO Jakarta Chinese New Year receptions in Medan and "
                          "Surabaya: 'new direct flights between Hong Kong and Medan since late last year')",
                   notes=_join("direct flights from late 2018 or 2019 (article year not shown); no "
                               "departure to Medan in the HKIA data 2025-10-16..2026-01-17: not "
                               "operating in 2025/26, end date unknown", coord_note))
    else:
        raise ValueError(f"no rule for seed route {s['iata']}")
    return row


def _services(dest: list[dict]) -> dict[str, str]:
    return {d["iata"]: d["service"] for d in dest}


def _ivs_proposals(dest: list[dict], names: dict) -> list[dict]:
    svc = _services(dest)
    has_pax = {i for i, s in svc.items() if s in ("passenger", "both")}
    ivs = read_csv(HERE / "ivs_cities.csv")
    rows = []
    for c in ivs:
        if c["own_airport"] != "yes" or c["iata"] in has_pax:
            continue
        also = [x["city_en"] for x in ivs if x["own_airport"] == "no" and x["iata"] == c["iata"]]
        place, coord_note = _place(c["iata"], names)
        place.update(city_en=c["city_en"], city_zh=c["city_zh"], adcode=c["adcode"])
        gba = c["city_en"] in ("Shenzhen", "Zhuhai", "Foshan", "Huizhou")
        rows.append({
            "id": f"rt-prop-bpa-2024-ivs-{re.sub(r'[^a-z]+', '-', c['city_en'].lower()).strip('-')}",
            **place, "service": "passenger", "status": "proposed", "document_id": "bpa-2024",
            "source": _join(BPA_SRC, f"IVS city since {c['joined']} (hk-tourism-ivs; {c['source']})"),
            "confidence": "low" if gba else "medium",
            "notes": _join(
                "implied target: the paper asks for routes to all IVS (自由行) cities, not to named ones",
                f"no nonstop {'passenger ' if svc.get(c['iata']) == 'cargo' else ''}flight HKG-{c['iata']} "
                "in the HKIA departures 2025-10-16..2026-01-17",
                f"the airport also serves IVS cities without an airport: {', '.join(also)}" if also else "",
                "Greater Bay Area city linked to Hong Kong by road, rail or ferry: an air route is "
                "unlikely to be what the paper means" if gba else "", c["notes"], coord_note),
        })
    return rows


def _bri_proposals(dest: list[dict], names: dict, reference_dir: Path) -> list[dict]:
    svc = _services(dest)
    pax_countries = {d["country_iso3"] for d in dest if d["service"] in ("passenger", "both")}
    cargo_by_country: dict[str, list[str]] = {}
    for d in dest:
        if d["service"] == "cargo":
            cargo_by_country.setdefault(d["country_iso3"], []).append(d["iata"])
    bri = {r["iso3"]: r for r in read_csv(reference_dir / "bri_countries.csv")}
    rows = []
    for iso3 in ASEAN_2024 + MIDDLE_EAST:
        if iso3 not in bri or bri[iso3]["exited"] or iso3 in pax_countries:
            continue
        iata = CAPITAL_AIRPORT[iso3]
        if iata is None:  # Palestine: no airport in operation
            continue
        place, coord_note = _place(iata, names)
        region = "ASEAN" if iso3 in ASEAN_2024 else "Middle East"
        cargo = cargo_by_country.get(iso3, [])
        rows.append({
            "id": f"rt-prop-bpa-2024-bri-{iso3.lower()}", **place, "service": "passenger",
            "status": "proposed", "document_id": "bpa-2024", "confidence": "medium",
            "source": _join(BPA_SRC, f"Belt and Road membership: gfdc-bri-2023 ({bri[iso3]['country_en']}, "
                                     f"signed {bri[iso3]['signed'] or 'date not given'})"),
            "notes": _join(
                "implied target: the paper names the regions, not the cities",
                f"{region} Belt and Road country with no nonstop passenger flight from HKG in the HKIA "
                "departures 2025-10-16..2026-01-17",
                f"cargo-only service exists: {', '.join(cargo)}" if cargo else "",
                "Yangon chosen over the capital Naypyidaw: the country's international gateway"
                if iso3 == "MMR" else "", coord_note),
        })
        assert svc.get(iata) in (None, "cargo")
    return rows


def build(reference_dir: Path) -> list[dict]:
    names = _names()
    dest = read_csv(Path(reference_dir) / "hkg_destinations.csv")
    seeds = read_csv(Path(reference_dir) / "seed_routes.csv")
    rows = {d["iata"]: _existing(d, names) for d in dest if d["iata"] != "HKG"}
    extra: list[dict] = []
    for s in seeds:
        cat = s["route_category"]
        if cat.startswith("new direct passenger service 2024-2025"):
            rows[s["iata"]] = _merge_new_route(rows.get(s["iata"]), s, names)
        elif cat.startswith("planned direct route"):
            if s["iata"] != "ALA":
                raise ValueError(f"no rule for planned route {s['iata']}")
            extra.append(_planned_almaty(s, names))
            rows["ALA"]["notes"] = _join("a passenger route is planned for Q1 2027 (rt-ala-planned)",
                                         rows["ALA"]["notes"])
        elif s["iata"] in rows:  # already in the HKIA data: keep the news in the notes only
            r = rows[s["iata"]]
            if r.get("new_2024_25"):
                continue
            src = s["source"] if len(s["source"]) < 120 else s["source"].split(" (")[0]
            r["notes"] = _join(r["notes"], f"news: {s['operator']}, {s['launch_or_status_date']} ({src})")
        else:
            extra.append(_extra_seed(s, names))
    out = list(rows.values()) + extra
    out += _ivs_proposals(dest, names)
    out += _bri_proposals(dest, names, Path(reference_dir))
    empty = [r["id"] for r in out if not r.get("city_zh") or not r.get("city_en")]
    if empty:
        raise ValueError(f"routes without a city name: {empty}")
    return out


DOCUMENTS = [
    {
        "id": HKIA_DOC, "kind": "dataset",
        "title_en": "Hong Kong International Airport flight information: departures, 16 Oct 2025 to 17 Jan 2026",
        "title_zh": "香港國際機場航班資料：2025年10月16日至2026年1月17日離港航班",
        "publisher": "Airport Authority Hong Kong (daily archives by github.com/a06073123/hkg-flight-viewer)",
        "date": "2026-01-17", "file": "",
        "url": "https://www.hongkongairport.com/flightinfo-rest/rest/flights/past",
        "language": "en",
        "summary_en": "Every passenger and cargo departure from HKG on 94 days of the 2025/26 winter season, "
                      "aggregated per first stop: 195 nonstop destinations with airlines and a frequency "
                      "class. Summer-only routes are missing.",
        "summary_zh": "2025/26年冬季航季94天內香港國際機場所有客運及貨運離港航班，按首個航點整理：195個直航航點，"
                      "附航空公司及班次類別。只在夏季營運的航線不在其中。",
    },
    {
        "id": "hk-tourism-ivs", "kind": "web",
        "title_en": "Individual Visit Scheme: the 59 Mainland cities",
        "title_zh": "個人遊計劃：59個內地城市",
        "publisher": "Tourism Commission; Hong Kong Tourism Board",
        "date": "2024-05-11", "file": "",
        "url": "https://www.tourism.gov.hk/english/visitors/visitors_ind.html",
        "language": "en",
        "summary_en": "The Tourism Commission's page lists the 49 cities of 2007 (first four Guangdong cities "
                      "on 2003-07-28); the HKTB statement of 2024-05-11 lists all 59 after Xi'an and Qingdao "
                      "(2024-03-06) and eight provincial capitals (2024-05-27) joined.",
        "summary_zh": "旅遊事務署網頁列出2007年起的49個城市（首批廣東四市於2003年7月28日實施）；旅發局2024年5月11日"
                      "聲明附錄列出西安、青島（2024年3月6日）及八個省會（2024年5月27日）加入後的全部59個城市。",
    },
    {
        "id": "news-etn-hx-2025", "kind": "web",
        "title_en": "Hong Kong Airlines adds Belt and Road and Australian routes (eTurboNews)",
        "title_zh": "香港航空開辦「一帶一路」及澳洲航線（eTurboNews）",
        "publisher": "eTurboNews", "date": "2025-04-29", "file": "",
        "url": "", "language": "en",
        "summary_en": "Trade-press reports on Hong Kong Airlines' new and resumed routes of 2024-25: Hailar, "
                      "Dunhuang, Xining, Vientiane, Da Nang, Sydney and seasonal Gold Coast.",
        "summary_zh": "業界新聞報道香港航空2024至25年新開及復航航線：海拉爾、敦煌、西寧、萬象、峴港、悉尼及季節性黃金海岸。",
    },
    {
        "id": "news-hketo-jakarta-medan", "kind": "web",
        "title_en": "HKETO Jakarta Chinese New Year receptions in Medan and Surabaya",
        "title_zh": "駐雅加達經貿辦在棉蘭及泗水舉行新春酒會",
        "publisher": "government-world.com (HKSAR Government press release)", "date": "2019",
        "file": "", "url": "", "language": "en",
        "summary_en": "Mentions new direct flights between Hong Kong and Medan 'since late last year'.",
        "summary_zh": "提及香港與棉蘭之間自「去年底」起的新直航航班。",
    },
]
