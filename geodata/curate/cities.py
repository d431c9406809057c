"""Partner (sister) cities: the six targets proposed by Hong Kong Vision (hkvision-2017).

No formal sister city of the HKSAR Government was found (reference ``sister_cities.csv``):
nothing here is ``existing``.  The reference's mainland "cooperation conferences" (Beijing,
Shanghai, Chongqing, Fujian) are government cooperation mechanisms, not sister-city ties,
and are deliberately left out, as is the proposed membership of Sister Cities International
(an organisation, not a city).

Discrepancy kept (reference README, discrepancy 1): the Chinese text names the Korean
cultural-industry target 韓國金山市, the English text "Busan of Korea".  Busan is 釜山;
金山 is most likely a typo for it.  The row is Busan (釜山) and the notes quote both texts.
"""

from __future__ import annotations

from pathlib import Path

from geodata.curate.common import coord, make_row, norm_confidence, read_reference, to_hk

_ZH = "hkvision-2017 香港應確立「姊妹城市」策略 › 政策建議"
_EN = "EN Forming Sister Cities › Policy Recommendations"
_BR = (f"{_ZH} (2) 掌握「一帶一路」的機遇發展經貿 '可供考慮的目標城市為位處東南亞及中東經貿樞紐的"
       f"印尼的泗水市和阿聯酋的迪拜市' / {_EN} (2) 'Surabaya of Indonesia and Dubai of United "
       "Arab Emirates as target cities'")
_IT = (f"{_ZH} (3) 促進創新科技及文化創意產業發展 '創新科技產業的目標姊妹城市可考慮德國的慕尼黑市和"
       f"韓國大田市' / {_EN} (3) 'Munich of Germany and Daejeon of Korea'")
_CC = (f"{_ZH} (3) '在文化創意產業方面，可考慮韓國金山市和德國柏林市' / {_EN} (3) 'for the "
       "cultural and creative industries, Busan of Korea and Berlin of Germany'")
_OPED = "scmp-2016-sister-cities-oped (the same authors)"

# id, reference city_en, theme, source, city_zh (HK usage), notes
CITIES = [
    ("sc-surabaya", "Surabaya", "belt_and_road_trade", f"{_BR}; {_OPED}", "泗水",
     "Indonesia's second-largest city; proposed as a Belt and Road trade hub in South-east Asia."),
    ("sc-dubai", "Dubai", "belt_and_road_trade", f"{_BR}; {_OPED}", "迪拜",
     ("Proposed as a Belt and Road trade hub in the Middle East. Hong Kong's Dubai ETO opened "
     "in 2021 (eto-dubai).")),
    ("sc-munich", "Munich", "innovation_technology", f"{_IT}; {_OPED}", "慕尼黑", ""),
    ("sc-daejeon", "Daejeon", "innovation_technology", f"{_IT}; {_OPED}", "大田", ""),
    ("sc-busan", "Busan", "cultural_creative", f"{_CC}; {_OPED} ('Daejeon and Busan in Korea')",
     "釜山",
     ("DISCREPANCY (kept, not hidden): the Chinese text says 韓國金山市 ('Geumsan, Korea'), the "
     "English text says 'Busan of Korea'; the authors' SCMP op-ed also says Busan. Busan is "
     "釜山 in Chinese; 金山 is most likely a typo for 釜山 (Geumsan is a county in South "
     "Chungcheong, not a city). Shown as Busan.")),
    ("sc-berlin", "Berlin", "cultural_creative", f"{_CC}; {_OPED}", "柏林",
     "Hong Kong has had an ETO in Berlin since 2009 (eto-berlin)."),
]
_NO_TIE = "Proposed target; no sister-city agreement of the HKSAR Government found. "


def build(reference_dir: Path) -> list[dict]:
    ref = {r["city_en"]: r for r in read_reference(reference_dir, "sister_cities")}
    rows = []
    for cid, city, theme, source, city_zh, notes in CITIES:
        r = ref[city]
        if r["status"] != "proposed":
            raise ValueError(f"sister_cities.csv: {city} is {r['status']!r}, not proposed")
        ref_zh = to_hk(r["city_zh"])
        if not ref_zh.startswith(city_zh) and city != "Busan":
            raise ValueError(f"{city}: reference city_zh {ref_zh!r} differs from {city_zh!r}")
        rows.append(make_row(
            "partner_cities", id=cid, city_en=city, city_zh=city_zh,
            country_iso3=r["country_iso3"], lat=coord(r["lat"]), lon=coord(r["lon"]),
            theme=theme, status="proposed", document_id="hkvision-2017", source=source,
            confidence=norm_confidence(r["confidence"]), notes=(_NO_TIE + notes).strip()))
    return rows
