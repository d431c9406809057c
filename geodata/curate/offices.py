"""Offices of Hong Kong: the existing network, its history, and the proposals to extend it.

Built from the reference tables ``mainland_offices.csv`` and ``overseas_etos.csv`` (names,
province codes, coordinates, confidence) plus the editorial decisions below, each with its
reason.  Every reference row is either used or listed in ``SKIPPED`` with the reason, so a
changed reference stops the build instead of silently dropping a row.

Decisions on dates (reference README, discrepancy 2): ``opened`` is the start of operation;
a later formal opening goes to ``notes``.  Liaison units that started in April 2017 get the
month only ("2017-04"), the precision of the booklet's count ("11 by April 2017").
"""

from __future__ import annotations

from pathlib import Path

from geodata.curate.common import coord, make_row, norm_confidence, read_reference, to_hk
from geodata.curate.places import CAPITALS, CENTRES

# Labels on the booklet's map (gov-mainland-2017) and the 8 units its preface says the
# 2012-17 government opened (the other 3 existed before July 2012).
MAP_LABELS = {"ml-beijing": "北京", "ml-guangdong": "廣東(廣州)", "ml-shanghai": "上海",
              "ml-chengdu": "成都", "ml-wuhan": "武漢", "lu-tianjin": "天津",
              "lu-liaoning": "遼寧(瀋陽)", "lu-shenzhen": "深圳", "lu-fujian": "福建(福州)",
              "lu-guangxi": "廣西(南寧)", "lu-shandong": "山東(濟南)", "lu-zhejiang": "浙江(杭州)",
              "lu-chongqing": "重慶", "lu-shaanxi": "陝西(西安)", "lu-hunan": "湖南(長沙)",
              "lu-henan": "河南(鄭州)"}
OPENED_2012_17 = {"lu-liaoning", "lu-shandong", "lu-hunan", "lu-henan", "lu-tianjin",
                  "lu-zhejiang", "lu-guangxi", "lu-shaanxi"}
PARENTS = {"Beijing Office (BJO)": "ml-beijing", "Guangdong ETO (GDETO)": "ml-guangdong",
           "Shanghai ETO (SHETO)": "ml-shanghai", "Chengdu ETO (CDETO)": "ml-chengdu",
           "Wuhan ETO (WHETO)": "ml-wuhan"}

ML_MAP = "gov-mainland-2017 開拓發展空間, map 特區政府駐內地辦事處地理位置分布圖"
ML_PREFACE = ("gov-mainland-2017 序言 (units opened 2012-17: 遼寧、山東、湖南、河南、天津、"
              "浙江、廣西及陝西; 3 before)")
ML_2026 = "gov-bri-2026 §(二) '香港已在中國內地設立16個辦事處/聯絡處'"
OV_2026 = "gov-bri-2026 §(二) '在海外設立15個香港駐海外經濟貿易辦事處'"
OV_11 = "legco-cb1-2481-10-11 and legco-cb1-72-13-14 (the 11 overseas ETOs, 2011-13)"
_OLD = "Founding year not found; one of the 11 ETOs of 2011."
_BY1982 = "A Hong Kong Government Office by 1982 at the latest; founding year not found."

# Mainland offices and liaison units: id, reference name_en prefix, opened, sources, notes.
MAINLAND = [
    ("ml-beijing", "Office of the Government of the HKSAR in Beijing", "1999-03-04",
     "zhwiki-bjo (成立日期1999年3月4日); web-bjo",
     ("Opened 4 Mar 1999 per zh-Wikipedia (date confidence medium). Covers Beijing, Tianjin, "
     "Hebei, Liaoning, Jilin, Heilongjiang, Inner Mongolia, Xinjiang, Gansu, Ningxia (web-bjo).")),
    ("ml-guangdong", "Hong Kong Economic and Trade Office in Guangdong", "2002-07",
     "web-gdeto ('set up in July 2002'); cbh21-2023-06-21-coverage",
     ("Covers Guangdong, Fujian, Guangxi, Hainan (Yunnan moved to the Chengdu ETO from "
     "1 Jul 2023).")),
    ("ml-shanghai", "Hong Kong Economic and Trade Office in Shanghai", "2006-09",
     "ningbo-daily-2006-09-20 ('剛剛成立…第三個辦事處'); zhwiki-sheto",
     ("Set up Sept 2006, the third mainland office (date confidence medium; some third-party "
     "pages say 2003, unsupported). Covers Shanghai, Jiangsu, Zhejiang, Anhui, Shandong.")),
    ("ml-chengdu", "Hong Kong Economic and Trade Office in Chengdu", "2006-09-28",
     ("web-cdeto (set up Sept 2006); chinanews-2006-09-29-cdeto (operation from 28 Sep 2006); "
     "cbh21-2023-06-21-coverage"),
     "Covers Sichuan, Chongqing, Shaanxi, Guizhou, Yunnan, Tibet, Qinghai (since 1 Jul 2023)."),
    ("ml-wuhan", "Hong Kong Economic and Trade Office in Wuhan", "2014-04-01",
     ("gov-mainland-2017 開拓發展空間 ('在2014年4月成立駐武漢經濟貿易辦事處後，辦事處數目由4個"
     "增至5個'); web-wheto (operation from 1 Apr 2014); hkcd-2015-04-09-wheto"),
     ("Formal opening ceremony 8 Apr 2015. Covers Hubei, Hunan, Henan, Shanxi, Jiangxi "
     "(web-wheto).")),
    ("lu-tianjin", "Tianjin Liaison Unit", "2017-02",
     "ceo-blog-2017-04-18 ('今年2月底開始運作的天津聯絡處'); news-gov-2017-09-14-tianjin",
     ("Began operation end-Feb 2017 (27 Feb per zh-Wikipedia); formal opening 14 Sep 2017. "
     "Start of operation used (reference discrepancy 2).")),
    ("lu-liaoning", "Liaoning Liaison Unit", "2014-12",
     ("news-gov-2018-11-28-liaoning (CE: set up in 2014); zhwiki-mainland-etos (units from "
     "Dec 2014); zhwiki-bjo (2015年4月27日成立)"),
     ("Chosen: Dec 2014, start of operation (the CE says 2014). zh-Wikipedia's BJO page gives "
     "27 Apr 2015, most likely the formal opening (reference discrepancy 2).")),
    ("lu-shenzhen", "Shenzhen Liaison Unit", "2010",
     "guangzhou-daily-2010-shenzhen (GDETO 深圳聯絡組 set up); zhwiki-mainland-etos",
     ("Set up as GDETO's 'Shenzhen liaison group'; the year is inferred from the report's "
     "mention of the Framework Agreement signed 'this year' (2010). One of the 3 units that "
     "existed before July 2012.")),
    ("lu-fujian", "Fujian Liaison Unit", "",
     ("zhwiki-mainland-etos (Fuzhou, under GDETO); policy-address-2017 ¶41 (3 units before "
     "2012-07)"),
     ("Opening date not found in any source read; it opened before July 2012: it is one of "
     "the 3 units that existed before the 2012-17 government, which opened the other 8 "
     "(gov-mainland-2017 序言). The 2017 proposal of a full ETO in Fujian "
     "(prop-hkvision-2017-eto-fujian) was not realised: this is still a liaison unit.")),
    ("lu-guangxi", "Guangxi Liaison Unit", "2017-04",
     "ceo-blog-2017-04-18 (operating from mid-April 2017); xinhua-2017-05-11-guangxi",
     "Began operation mid-April 2017; opening ceremony May 2017."),
    ("lu-shandong", "Shandong Liaison Unit", "2015",
     ("zhwiki-sheto ('2015年4月在濟南市成立駐山東聯絡處'); policy-address-2016 ¶33; "
     "info-gov-2016-04-21-shandong (opening ceremony)"),
     ("Chosen: 2015. The 2016 Policy Address (Jan 2016) planned six more units to reach 11, "
     "so Shandong already existed; the opening ceremony of 21 Apr 2016 is the other date "
     "(reference discrepancy 2). Date confidence medium.")),
    ("lu-zhejiang", "Zhejiang Liaison Unit", "2017-04",
     ("ceo-blog-2017-04-18 (operating from mid-April 2017); zhwiki-sheto (2017年4月); "
     "news-gov-2017-06-05-zhejiang (formal opening)"),
     ("Began operation mid-April 2017; formal opening 5 Jun 2017. Start of operation used "
     "(reference discrepancy 2).")),
    ("lu-chongqing", "Chongqing Liaison Unit", "2012-01",
     "cqyz-2024-07-23 ('自2012年1月設立'); chinadaily-2023-05-10-chongqing",
     ("In place since Jan 2012 (plaque unveiled during the 2012 Chongqing-Hong Kong Week); "
     "one of the 3 units that existed before July 2012.")),
    ("lu-shaanxi", "Shaanxi Liaison Unit", "2017-04",
     "news-gov-2017-04-17-shaanxi (started operation 17 Apr 2017)",
     ("Began operation 17 Apr 2017 (month kept, the precision of the booklet's April 2017 "
     "count); formally opened 26 Apr 2017.")),
    ("lu-hunan", "Hunan Liaison Unit", "2016-05-25",
     "web-wheto (May 2016); wenweipo-2016-05-26-hunan (began operation 25 May)", ""),
    ("lu-henan", "Henan Liaison Unit", "2016-09",
     "web-wheto (set up Sept 2016)", "A new office opened on 13 Mar 2019."),
]

# Overseas offices: id, reference name_en, opened, sources, notes (document gov-bri-2026).
_ETO = "Hong Kong Economic and Trade Office, "
_IHK = "gov-bri-2026 §(二) '投資推廣署分別於2024年7月在埃及開羅和於2025年1月在土耳其伊茲密爾已增設顧問辦事處'"
_OLD_11 = f"{OV_2026}; {OV_11}"
OVERSEAS = [
    ("eto-brussels", _ETO + "Brussels", "1965", (f"{_OLD_11}; wikipedia-hketo (50th anniversary "
     "in 2015)"), ("c. 1965: 'second among all HKETOs, marking its 50th anniversary in 2015' "
     "(date confidence medium).")),
    ("eto-london", _ETO + "London", "", f"{_OLD_11}; wikipedia-hketo", _BY1982),
    ("eto-geneva", _ETO + "Geneva", "", f"{_OLD_11}; wikipedia-hketo",
     _BY1982 + " Represents Hong Kong, China at the WTO."),
    ("eto-washington", _ETO + "Washington", "", f"{_OLD_11}; wikipedia-hketo", _BY1982),
    ("eto-new-york", _ETO + "New York", "", _OLD_11, _OLD),
    ("eto-san-francisco", _ETO + "San Francisco", "", _OLD_11, _OLD),
    ("eto-toronto", _ETO + "Toronto", "", _OLD_11, _OLD),
    ("eto-berlin", _ETO + "Berlin", "2009-03", f"{_OLD_11}; dw-2011-04-05-berlin",
     ("Started operation March 2009; official opening end of March 2011 (date confidence "
     "medium).")),
    ("eto-tokyo", _ETO + "Tokyo", "", _OLD_11, _OLD),
    ("eto-sydney", _ETO + "Sydney", "", _OLD_11, _OLD),
    ("eto-singapore", _ETO + "Singapore", "1995",
     f"{_OLD_11}; lcq16-2017-11-22 ('established an ETO in Singapore in 1995')", ""),
    ("eto-jakarta", _ETO + "Jakarta", "2017", (f"{OV_2026}; lcq16-2017-11-22; "
     "web-hketo-jakarta-2017-06-06; legco-cb1-212-17-18 (12 overseas ETOs)"),
     ("Opened 2017 (June per the office's own release, July per the LegCo reply: month left "
     "out). The 2017 Policy Address says it was 'established last year' (2016), i.e. decided "
     "and set up before it opened.")),
    ("eto-bangkok", _ETO + "Bangkok", "2019-02-28", f"{OV_2026}; ce-speech-2019-02-28-bangkok",
     ("Hong Kong's 13th overseas ETO and third in ASEAN. Realises, as a full ETO, the 2017 "
     "proposal of an ETO liaison unit in Thailand (prop-hkvision-2017-lu-tha).")),
    ("eto-dubai", _ETO + "Dubai", "2021-10-28",
     f"{OV_2026}; hkmn-2021-10-dubai (operation from 28 Oct 2021)",
     ("Hong Kong's 14th overseas ETO, the first in the Middle East. Realises the proposals of "
     "an ETO in the UAE (hkvision-2017, policy-address-2017). Date confidence medium.")),
    ("eto-kuala-lumpur", _ETO + "Kuala Lumpur", "2025-12-10",
     f"{OV_2026}; chinadailyhk-2025-12-23-kl", "Hong Kong's 15th overseas ETO, 4th in ASEAN."),
    ("investhk-cairo", "Invest Hong Kong consultant office, Cairo", "2024-07", _IHK,
     "An Invest Hong Kong consultant office, not an ETO."),
    ("investhk-izmir", "Invest Hong Kong consultant office, Izmir", "2025-01", _IHK,
     "An Invest Hong Kong consultant office, not an ETO."),
]
KINDS = {"ETO": "eto", "InvestHK consultant office (not an ETO)": "investhk_consultant"}

_HKV_ETO = ("hkvision-2017 把握「一帶一路」商機 › 政策建議 (1) 在海外增設經貿辦 '在印度、"
            "俄羅斯、哈薩克、阿拉伯聯合酋長國及波蘭增設經貿辦' / EN (1) Establish new ETO "
            "(Overseas)")
_HKV_LU = ("hkvision-2017 把握「一帶一路」商機 › 政策建議 (2) 在東盟國家增設聯絡處 '在泰國和"
           "越南各增設一個經貿辦聯絡處' / EN (2) Establish new ETO Liaison Units in ASEAN "
           "countries")
_HKV_ML = ("hkvision-2017 把握「一帶一路」商機 › 政策建議 (3) 在內地增設經貿辦 '在「一帶一路」"
           "兩個核心區，即新疆和福建分別增設一個經貿辦' / EN (3) Establish new ETO (Mainland)")
_PA17 = ("policy-address-2017 ¶40 ('preparations to open one in Seoul are underway … "
         "preliminary work to set up ETOs in … India, Mexico, Russia, South Africa, and the "
         "United Arab Emirates')")
_NOT_REALISED = "Not realised as of 2026 (not among the 15 overseas ETOs, gov-bri-2026)."

# Overseas proposals: id, doc, kind, iso3, name_en, name_zh, source, realised_by, notes.
# Country names in Chinese follow Hong Kong usage.
_CN = {"IND": ("India", "印度"), "RUS": ("Russia", "俄羅斯"), "KAZ": ("Kazakhstan", "哈薩克"),
       "ARE": ("the UAE", "阿聯酋"), "POL": ("Poland", "波蘭"), "THA": ("Thailand", "泰國"),
       "VNM": ("Vietnam", "越南"), "MEX": ("Mexico", "墨西哥"), "ZAF": ("South Africa", "南非"),
       "KOR": ("Korea", "韓國")}
PROPOSED_OVERSEAS = [
    ("prop-hkvision-2017-eto-ind", "hkvision-2017", "eto", "IND", _HKV_ETO, "",
     f"{_NOT_REALISED} Also in policy-address-2017."),
    ("prop-hkvision-2017-eto-rus", "hkvision-2017", "eto", "RUS", _HKV_ETO, "",
     f"{_NOT_REALISED} Also in policy-address-2017."),
    ("prop-hkvision-2017-eto-kaz", "hkvision-2017", "eto", "KAZ", _HKV_ETO, "",
     (f"{_NOT_REALISED} The Chief Executive visited Kazakhstan in June 2026 (fyp-2026); no "
     "ETO announced in the sources read.")),
    ("prop-hkvision-2017-eto-are", "hkvision-2017", "eto", "ARE", _HKV_ETO, "eto-dubai",
     "Realised: the Dubai ETO began operation on 28 Oct 2021 (reference discrepancy 8)."),
    ("prop-hkvision-2017-eto-pol", "hkvision-2017", "eto", "POL", _HKV_ETO, "", _NOT_REALISED),
    ("prop-hkvision-2017-lu-tha", "hkvision-2017", "eto_liaison", "THA", _HKV_LU, "eto-bangkok",
     ("Realised in an upgraded form: a full ETO, not a liaison unit, opened in Bangkok on "
     "28 Feb 2019 (reference discrepancy 8).")),
    ("prop-hkvision-2017-lu-vnm", "hkvision-2017", "eto_liaison", "VNM", _HKV_LU, "",
     "Not realised as of 2026: no office in Vietnam (gov-bri-2026)."),
    ("prop-policy-address-2017-eto-kor", "policy-address-2017", "eto", "KOR", _PA17, "",
     "'Preparations to open one in Seoul are underway' (Jan 2017). " + _NOT_REALISED),
    *((f"prop-policy-address-2017-eto-{c.lower()}", "policy-address-2017", "eto", c, _PA17, "",
       "Preliminary work announced Jan 2017. " + _NOT_REALISED)
      for c in ("IND", "MEX", "RUS", "ZAF")),
    ("prop-policy-address-2017-eto-are", "policy-address-2017", "eto", "ARE", _PA17, "eto-dubai",
     ("Preliminary work announced Jan 2017; realised: the Dubai ETO began operation on "
     "28 Oct 2021.")),
]
_PA17_NOTE = ("Status 'proposed': a plan the Government announced in 2017 that is not a "
              "current plan. ")

_BPA_GBA = ("bpa-2024 §四.3(2) '在大灣區 9 個內地城市各設最少一個香港駐內地辦事處' (the 9 "
            "cities are not named; list from gba-outline-2019)")
_GBA_NOTE = ("The paper does not name the 9 cities; they are the Greater Bay Area's nine "
             "Guangdong cities (gba-outline-2019). ")
GBA = {
    "Guangzhou": "Already met when proposed: the Guangdong ETO (ml-guangdong) has been in "
                 "Guangzhou since 2002, so this adds no new office city. realised_by is left "
                 "empty: that office predates the proposal and does not realise it.",
    "Shenzhen": "A liaison unit (lu-shenzhen, under the Guangdong ETO, since 2010) existed "
                "when proposed, but a liaison unit is not a 駐內地辦事處 in the Government's "
                "usage (offices = the Beijing Office and 4 ETOs), so not counted as realised.",
}

# Reference rows deliberately not turned into offices.
SKIPPED = {
    "Proposed additional ETOs in Belt & Road countries (unspecified)":
        "bpa-2024 §二.5(6) names no country or region abroad: nothing to place on a map; "
        "recorded in the notes of prop-bpa-2024-western-china.",
    "HKTDC office, Dhaka (planned 2024-25)":
        "Only a truncated news excerpt; city inferred; realisation not confirmed.",
}


def _ref_row(rows: dict[str, dict], prefix: str) -> dict:
    hits = [r for name, r in rows.items() if name.startswith(prefix)]
    if len(hits) != 1:
        raise KeyError(f"reference row {prefix!r}: {len(hits)} matches")
    return hits[0]


def _point(city_en: str, lat: str, lon: str) -> tuple[float, float]:
    return CENTRES.get(city_en) or (coord(lat), coord(lon))


def _mainland(ml: dict[str, dict]) -> list[dict]:
    out = []
    for oid, prefix, opened, sources, notes in MAINLAND:
        r = _ref_row(ml, prefix)
        is_lu = r["kind"] == "liaison_unit"
        if r["opened"] and opened and not opened.startswith(r["opened"][:4]):
            notes = f"{notes} Reference year {r['opened']} not used.".strip()
        lat, lon = _point(r["city"], r["lat"], r["lon"])
        name_en = (f"{prefix} of the HKSAR Government" if is_lu else prefix)
        if oid == "ml-beijing":
            name_en = "Office of the Government of the HKSAR in Beijing"
        out.append(make_row(
            "offices", id=oid, name_en=name_en, name_zh=to_hk(r["name_zh"]),
            kind="mainland_liaison" if is_lu else "mainland_office",
            parent_id=PARENTS[r["parent_office"]] if is_lu else "",
            city_en=r["city"], city_zh=to_hk(r["city_zh"]), country_iso3="CHN",
            adcode=r["province_adcode"], lat=lat, lon=lon, precision="city",
            status="existing", opened=opened, document_id="gov-mainland-2017",
            source="; ".join(filter(None, (
                f"{ML_MAP} ('{MAP_LABELS[oid]}')", ML_2026,
                ML_PREFACE if oid in OPENED_2012_17 else "", sources))),
            confidence=norm_confidence(r["confidence"]), notes=notes))
    return out


def _overseas(ov: dict[str, dict]) -> list[dict]:
    out = []
    for oid, name, opened, sources, notes in OVERSEAS:
        r = ov[name]
        lat, lon = _point(r["city"], r["lat"], r["lon"])
        coverage = r.get("coverage", "")
        if coverage and r["kind"] == "ETO":
            notes = f"{notes} Covers: {coverage}.".strip()
        out.append(make_row(
            "offices", id=oid, name_en=name, name_zh=to_hk(r["name_zh"]), kind=KINDS[r["kind"]],
            city_en=r["city"], city_zh=CITY_ZH[r["city"]], country_iso3=r["country_iso3"],
            lat=lat, lon=lon, precision="city", status="existing", opened=opened,
            document_id="gov-bri-2026", source=sources,
            confidence=norm_confidence(r["confidence"]),
            notes=notes))
    # Taipei: under the Constitutional and Mainland Affairs Bureau, neither an overseas ETO
    # nor a mainland office; kept (suspended) so the dashboard counts it in neither total.
    r = ov["Hong Kong Economic, Trade and Cultural Office (Taiwan)"]
    out.append(make_row(
        "offices", id="etco-taipei", name_en=r["name_en"], name_zh="香港經濟貿易文化辦事處（台灣）",
        kind="etco", city_en="Taipei", city_zh="台北", country_iso3="TWN", adcode="710000",
        lat=coord(r["lat"]), lon=coord(r["lon"]), precision="city", status="suspended",
        opened="2011-12-19", closed="2021-05-18", document_id="scmp-2021-05-18-etco",
        source="scmp-2021-05-18-etco (closed with immediate effect, 18 May 2021; opened late "
               "2011); chinadaily-2021-05-19-etco (commenced operations 19 Dec 2011); "
               "legco-cb1-115-16-17 (reported with the Mainland offices, under CMAB)",
        confidence="medium",
        notes="Operations 'temporarily suspended' on 18 May 2021 (closed = suspension date). "
              "Not one of the 15 overseas ETOs nor of the 16 mainland offices/units."))
    return out


CITY_ZH = {"Brussels": "布魯塞爾", "London": "倫敦", "Geneva": "日內瓦",
           "Washington, D.C.": "華盛頓", "New York": "紐約", "San Francisco": "三藩市",
           "Toronto": "多倫多", "Berlin": "柏林", "Tokyo": "東京", "Sydney": "悉尼",
           "Singapore": "新加坡", "Jakarta": "雅加達", "Bangkok": "曼谷", "Dubai": "迪拜",
           "Kuala Lumpur": "吉隆坡", "Cairo": "開羅", "Izmir": "伊茲密爾", "Riyadh": "利雅得",
           "Seoul": "首爾"}


def _proposals(ml: dict[str, dict], ov: dict[str, dict]) -> list[dict]:
    out = []
    for oid, doc, kind, iso3, source, realised, notes in PROPOSED_OVERSEAS:
        en, zh = _CN[iso3]
        unit_en, unit_zh = ("ETO liaison unit", "經貿辦聯絡處") if kind == "eto_liaison" else (
            "ETO", "經貿辦")
        if iso3 == "KOR":  # the Policy Address names Seoul
            city_en, city_zh, lat, lon, prec = "Seoul", "首爾", 37.566, 126.978, "city"
            where = "Seoul is named. "
        else:
            c_en, c_zh, lat, lon = CAPITALS[iso3]
            city_en = city_zh = ""
            prec, where = "country", f"City not stated; shown at {c_en} (capital). "
        pa = doc == "policy-address-2017"
        out.append(make_row(
            "offices", id=oid,
            name_en=f"Proposed {unit_en} in {en}" + (" (2017 Policy Address)" if pa else ""),
            name_zh=(f"二零一七年施政報告：在{zh}設立{unit_zh}" if pa else f"建議在{zh}增設{unit_zh}"),
            kind=kind, city_en=city_en, city_zh=city_zh, country_iso3=iso3, lat=lat, lon=lon,
            precision=prec, status="proposed", realised_by=realised, document_id=doc,
            source=source, confidence="high",
            notes=where + (_PA17_NOTE if pa else "") + notes))
    for oid, pname, adcode in (("prop-hkvision-2017-eto-xinjiang", "Xinjiang", "650000"),
                               ("prop-hkvision-2017-eto-fujian", "Fujian", "350000")):
        r = _ref_row(ml, f"Proposed ETO in {pname}")
        c_en, c_zh, lat, lon = CAPITALS[adcode]
        fate = ("Not realised: no office or unit in Xinjiang in 2026; the Beijing Office "
                "covers it (web-bjo)." if pname == "Xinjiang" else
                "Not realised: Fujian has only a liaison unit (lu-fujian, under the Guangdong "
                "ETO, since before 2012), not the proposed ETO, so realised_by is empty.")
        out.append(make_row(
            "offices", id=oid, name_en=f"Proposed ETO in {pname}",
            name_zh=f"建議在{r['province_zh'][:2]}增設經貿辦", kind="mainland_office",
            country_iso3="CHN", adcode=adcode, lat=lat, lon=lon, precision="province",
            status="proposed", document_id="hkvision-2017", source=_HKV_ML, confidence="high",
            notes=f"City not stated; shown at {c_en} ({c_zh}), the capital. {fate}"))
    for name, r in ml.items():
        if not name.startswith("Proposed HK Mainland office in "):
            continue
        lat, lon = _point(r["city"], r["lat"], r["lon"])
        fate = GBA.get(r["city"], "Not realised as of 2026 (gov-bri-2026: still 16 offices/units).")
        out.append(make_row(
            "offices", id=f"prop-bpa-2024-gba-{r['city'].lower()}",
            name_en=f"Proposed HK office in {r['city']} (GBA)",
            name_zh=f"建議在{to_hk(r['city_zh'])}設香港駐內地辦事處", kind="mainland_office",
            city_en=r["city"], city_zh=to_hk(r["city_zh"]), country_iso3="CHN",
            adcode=r["province_adcode"], lat=lat, lon=lon, precision="city", status="proposed",
            document_id="bpa-2024", source=_BPA_GBA, confidence="high", notes=_GBA_NOTE + fate))
    _ref_row(ml, "Proposed additional ETOs in western China")
    c_en, c_zh, lat, lon = CAPITALS["western-china"]
    out.append(make_row(
        "offices", id="prop-bpa-2024-western-china",
        name_en="Proposed additional ETOs in western China", name_zh="建議在內地西部設立更多經貿辦",
        kind="mainland_office", country_iso3="CHN", lat=lat, lon=lon, precision="region",
        status="proposed", document_id="bpa-2024",
        source="bpa-2024 §二.5(6) '在「一帶一路」的國家和內地西部設立更多經濟貿易辦事處，並就工作"
               "訂立績效指標'", confidence="high",
        notes=f"No city or province named; shown at {c_en} ({c_zh}, Gansu), a point inside "
              "western China (region western-china, 12 provinces), for display only. Western "
              "China already has the Chengdu ETO and the Chongqing, Shaanxi and Guangxi units. "
              "The same sentence asks for more ETOs in Belt and Road countries, naming none "
              "(not mapped)."))
    r = ov["Planned ETO in Riyadh (Saudi Arabia)"]
    out.append(make_row(
        "offices", id="plan-eto-riyadh",
        name_en="Planned Hong Kong Economic and Trade Office, Riyadh",
        name_zh="計劃設立的香港駐利雅得經濟貿易辦事處", kind="eto", city_en="Riyadh",
        city_zh=CITY_ZH["Riyadh"], country_iso3="SAU", lat=coord(r["lat"]), lon=coord(r["lon"]),
        precision="city", status="planned", document_id="hk01-2024-09-10-riyadh",
        source="hk01-2024-09-10-riyadh (CE: 計劃於沙特阿拉伯首都利雅得設立經貿辦); "
               "chinadaily-2025-07-15-cedb (still under discussion, Jul 2025)",
        confidence=norm_confidence(r["confidence"]),
        notes="Announced by the Chief Executive in Sept 2024; not open in the sources read "
              "(under discussion in July 2025). Not in the seeds."))
    return out


def build(reference_dir: Path) -> list[dict]:
    ml = {r["name_en"]: r for r in read_reference(reference_dir, "mainland_offices")}
    ov = {r["name_en"]: r for r in read_reference(reference_dir, "overseas_etos")}
    rows = _mainland(ml) + _overseas(ov) + _proposals(ml, ov)
    used = {"Hong Kong Economic, Trade and Cultural Office (Taiwan)",
            "Planned ETO in Riyadh (Saudi Arabia)", *(o[1] for o in OVERSEAS), *SKIPPED}
    for name in ov:  # every overseas reference row is used, proposed below, or skipped
        if name not in used and not name.startswith("Proposed ETO"):
            raise KeyError(f"overseas_etos.csv row not curated: {name!r}")
    ids = [r["id"] for r in rows]
    if len(ids) != len(set(ids)):
        raise ValueError("duplicate office ids")
    return rows
