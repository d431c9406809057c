"""Build ``country_facts.csv``: Belt and Road membership, agreements, visits and other facts.

Inputs (reference dir): ``bri_countries.csv``, ``agreements.csv``, ``country_facts.csv``.

Editorial decisions:
- ``bri``: one row per foreign country on the list (value ``member``; ``end_date`` = exit).
  Italy's exit is dated 2023-12 (notice delivered to Beijing in early December 2023, reported
  2023-12-06; the MoU lapsed in March 2024), not GFDC's 2023-06-12.
- Agreements: one row per partner economy and agreement; group agreements (ASEAN, EFTA) give one
  row per member. ``value`` is ``in force`` when an in-force date was read, ``signed`` when signed
  and pending or when no in-force date was read; IRD's ``concluded`` stays where nothing else was
  read. The three CDTA partners seen only on a third-party page (Germany, Lithuania, Singapore) are
  left out: IRD lists Germany and Lithuania under negotiation. AEO action plans (no MRA yet) become
  ``other`` facts, so that ``aeo_mra`` rows are arrangements actually signed.
- Chief Executive visits: the agreement count is per two-country trip; both countries carry it and
  the detail says so (reference discrepancy 7: never add them up).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

try:  # shared helper, if the other curate modules provide it
    from geodata.curate.common import to_hk  # type: ignore
except Exception:  # pragma: no cover - fallback
    import opencc

    _CC = opencc.OpenCC("s2hk")

    def to_hk(text: str) -> str:
        return _CC.convert(text or "")


SEED_DOCS = {"000": "hkvision-2017", "001": "gov-bri-2026", "002": "gov-mainland-2017",
             "003": "fyp-2026", "004": "bpa-2024"}
NOT_FOREIGN = {"CHN", "HKG", "MAC", "TWN"}
# Hong Kong writes these country names differently from the list's (converted) Mainland forms
ZH_OVERRIDES = {"孟加拉國": "孟加拉", "印度尼西亞": "印尼", "文萊": "汶萊", "蒙古國": "蒙古",
                "波黑": "波斯尼亞和黑塞哥維那", "中非": "中非共和國", "多米尼加": "多米尼加共和國",
                "馬裏": "馬里", "拉脱維亞": "拉脫維亞", "庫克羣島": "庫克群島", "所羅門羣島": "所羅門群島"}
AGREEMENT_DOCS = {"CDTA": "ird-cdta", "FTA": "tid-fta", "IPPA": "tid-ippa", "AEO_MRA": "customs-aeo-mra"}
AGREEMENT_NAMES = {
    "CDTA": ("comprehensive double taxation agreement", "全面性避免雙重課稅協定"),
    "FTA": ("free trade agreement", "自由貿易協定"),
    "IPPA": ("investment promotion and protection agreement", "促進和保護投資協定"),
    "AEO_MRA": ("mutual recognition arrangement of Authorized Economic Operator programmes",
                "認可經濟營運商計劃互認安排"),
}
GROUP_ZH = {"ASEAN–HK FTA (AHKFTA)": "香港與東盟自由貿易協定", "HK–EFTA FTA": "香港與歐洲自由貿易聯盟自由貿易協定",
            "ASEAN–HK Investment Agreement": "香港與東盟投資協定"}
NOT_COUNTRY_EN = ("an arrangement within China, not an international agreement; Hong Kong's statistics count "
                  "the Mainland and Macao apart from foreign countries")
NOT_COUNTRY_ZH = "屬國家內部安排，並非國際協定；香港的統計把內地及澳門與外國分開計算"
# reference fact_type -> schema fact
FACT_MAP = {"chief_executive_visit": "ce_visit", "visa_free_for_HKSAR_passport": "visa_free",
            "visa_free_relaxation": "visa_free", "consulate_general_agreed": "consulate",
            "ICAC_anti-corruption_MoU": "icac_mou", "expanded_bilateral_air_services_arrangement": "air_services",
            "air_services_talks": "air_services", "eco_expo_2025_high-level_delegation": "eco_expo"}
# reference facts already carried by the agreement rows (their details are merged there)
MERGED = {("IPPA_signed", "TUR"), ("IPPA_signed", "BHR"), ("FTA", "GEO")}
NEWS_DOCS = {"ETO_opened": "chinadailyhk-2025-12-23-kl",  # defined in documents.py
             "air_services_talks": "web-qazinform-2025-09"}
TRIP_EN = {"2023-02-04": "Chief Executive's visit to Saudi Arabia and the UAE, 4-11 Feb 2023: {value} MoUs or "
                          "letters of intent on the whole trip",
           "2025-05-10": "Chief Executive's visit to Qatar and Kuwait, 10-15 May 2025: {value} MoUs and agreements "
                         "on the whole trip",
           "2026-06-01": "Chief Executive's visit to Kazakhstan and Uzbekistan, 1-5 Jun 2026: {value} agreements and "
                         "MoUs on the whole trip (over US$1.65 bn)"}
ZH_DETAIL = {  # detail_zh for the reference's country facts (its details are English)
    "chief_executive_visit": "行政長官出訪{trip}：全程（兩國合計）達成{value}份{what}；此數字按整個行程計算，並非每國計算，切勿相加",
    "visa_free_for_HKSAR_passport": "特區護照持有人可免簽證入境{value}天（{date}宣布）",
    "visa_free_relaxation": "特區政府與兩國同意放寬免簽證期限至{value}天（未說明適用於哪一方旅客）",
    "consulate_general_agreed": "烏茲別克斯坦政府同意在香港設立總領事館",
    "ICAC_anti-corruption_MoU": "廉政公署自2024年起與該國反貪機構簽訂合作備忘錄",
    "expanded_bilateral_air_services_arrangement": "過去兩年（至2026年4月）香港與該國擴大了雙邊民航安排",
    "air_services_talks": "雙方每周航班班次各由7班增至14班",
    "ETO_opened": "香港駐吉隆坡經濟貿易辦事處於2025年12月10日開幕",
    "eco_expo_2025_high-level_delegation": "派高層代表團參加2025年10月底第20屆「國際環保博覽」",
}


def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _date(text: str) -> str:
    m = re.search(r"\d{4}(-\d{2}(-\d{2})?)?", text or "")
    return m.group(0) if m else ""


MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                        "nov", "dec"), 1)}


def _en_date(text: str) -> str:
    """ISO date of the first '3 Mar 2024' in ``text`` (else the first ISO date)."""
    m = re.search(r"(\d{1,2}) ([A-Z][a-z]{2})[a-z]* (\d{4})", text or "")
    if m and m.group(2).lower() in MONTHS:
        return f"{m.group(3)}-{MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"
    return _date(text)


def _dedupe(*parts: str) -> str:
    out: list[str] = []
    for p in parts:
        for q in (p or "").split("; "):
            if q and q not in out:
                out.append(q)
    return "; ".join(out)


def _zh_country(name: str) -> str:
    hk = to_hk(name)
    return ZH_OVERRIDES.get(hk, hk)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _bri(reference_dir: Path) -> list[dict]:
    rows = []
    for r in read_csv(reference_dir / "bri_countries.csv"):
        iso3 = r["iso3"]
        if iso3 in NOT_FOREIGN:
            continue
        signed, end = _date(r["signed"]), _date(r["exited"])
        doc, src = "gfdc-bri-2023", ("gfdc-bri-2023: GFDC 'Countries of the BRI', Dec 2023 (greenfdc.org/countries-of-the-"
                                     "belt-and-road-initiative-bri/; file 23_12_BRI-countries-public.xlsx via "
                                     "github.com/esc1734/BRI-data @8aa0d10)")
        if "greenfdc.org" not in r["source"] or "investguiding" in r["source"]:
            later = {"BFA": "ndrc-bri-2021-12", "STP": "ndrc-bri-2021-12", "COL": "web-colombia-bri-2025"}
            doc = later.get(iso3, doc)
            src = r["source"]
        if iso3 == "PSE":
            src = r["source"]
        zh = _zh_country(r["country_zh"])
        en_extra, zh_extra = [], []
        if iso3 == "ITA":
            end = "2023-12"
            src += ("; exit: notice delivered to Beijing early Dec 2023 (AP/Corriere della Sera 2023-12-06, "
                    "ktvz.com/news/ap-national-news/2023/12/06/); GFDC gives 2023-06-12")
            en_extra.append("exited: notice given 2023-12, the MoU lapsed in 2024-03")
            zh_extra.append("2023年12月通知退出，合作文件於2024年3月屆滿")
        elif end:
            src += f"; exit: {r['notes'].replace('exit: ', '')}"
            en_extra.append(f"exited {r['exited']}")
            zh_extra.append(f"{end}宣布退出")
        if not signed:
            en_extra.append("signing date not given by the source" + (
                "; GFDC lists it as unclear (no published full BRI MoU)" if "unclear" in r["notes"] else ""))
            zh_extra.append("資料未列簽署日期")
        if iso3 == "PSE":
            en_extra.append("on the official yidaiyilu.gov.cn list; GFDC's own file excludes it (not a UN member)")
        rows.append({
            "id": f"f-bri-{iso3.lower()}", "iso3": iso3, "fact": "bri", "value": "member",
            "date": signed, "end_date": end,
            "detail_en": "; ".join([f"{r['country_en']} signed a Belt and Road cooperation document"
                                    + (f" ({signed})" if signed else "")] + en_extra),
            "detail_zh": "；".join([f"{zh}簽署共建「一帶一路」合作文件" + (f"（{signed}）" if signed else "")] + zh_extra),
            "document_id": doc, "source": src,
            "confidence": "low" if "unclear" in r["notes"] else r["confidence"],
        })
    return rows


def _asean_ippa_in_force(text: str, name: str) -> str:
    for part in text.split(";"):
        d = _date(part)
        if d and (name in part or (name == "Vietnam" and "Viet Nam" in part)):
            return d
    return ""


def _agreement(r: dict, extra: dict) -> dict:
    kind = r["agreement_type"]
    fact = kind.lower()
    iso3, name_en, name_zh = r["iso3"], r["partner_en"], r["partner_zh"]
    what_en, what_zh = AGREEMENT_NAMES[kind]
    group = r["agreement_group"] if r["agreement_group"] in GROUP_ZH else ""
    signed, in_force = _date(r["signed"]), _date(r["in_force"])
    own_knowledge = "own knowledge" in r["signed"]
    if group == "ASEAN–HK Investment Agreement":
        in_force = _asean_ippa_in_force(r["in_force"], name_en)
    if (kind, iso3) in extra:  # merged from the reference's country facts
        e = extra[(kind, iso3)]
        signed = signed or _date(e["date"])
        if "in force" in e["fact_detail"]:
            in_force = in_force or _en_date(e["fact_detail"].split("in force", 1)[1])
    if "in force" in r["signed"]:
        in_force = _date(r["signed"].split("in force", 1)[1])
    # dates stated only in the source text ("signed 23 Jan 2020", "in force 16 Jun 2021")
    m = re.search(r"signed (\d{1,2} [A-Z][a-z]{2} \d{4})", r["source"])
    signed = signed or (_en_date(m.group(1)) if m else "")
    m = re.search(r"in force (\d{1,2} [A-Z][a-z]{2} \d{4})", r["source"])
    in_force = in_force or (_en_date(m.group(1)) if m else "")
    if kind == "AEO_MRA":
        value = "MoU signed" if r["status"].startswith("MoU") else "MRA signed"
        signed = signed or {"ZAF": "2024-12-03", "SAU": "2025-06-26"}.get(iso3, "")  # dates in the source text
    elif in_force:
        value = "in force"
    elif "pending" in r["status"] or r["status"] == "signed":
        value = "signed"
    else:
        value = "concluded"
    en = [f"{what_en} with {name_en}" + (f" via the {group} with its members" if group else "")]
    zh = [f"與{name_zh}的{what_zh}" + (f"（透過{GROUP_ZH[group]}）" if group else "")]
    if signed:
        en.append(f"signed {r['signed'].split(' (')[0] if '/' in r['signed'] else signed}"
                  + (" (year from general knowledge)" if own_knowledge else ""))
        zh.append(f"{signed}簽署")
    if in_force:
        en.append(f"in force {in_force}")
        zh.append(f"{in_force}生效")
    elif value == "signed" and "pending" in r["status"]:
        en.append("in force date pending at the time the source was read")
        zh.append("尚待生效")
    elif kind != "AEO_MRA":
        en.append("in force date not in the sources read")
        zh.append("生效日期未見於已讀資料")
    if (kind, iso3) in extra:
        en.append(extra[(kind, iso3)]["fact_detail"])
    if iso3 in ("BEL", "LUX") and kind == "IPPA":
        en.append("one agreement with the Belgium-Luxembourg Economic Union")
        zh.append("與比利時—盧森堡經濟聯盟簽訂的同一份協定")
    if iso3 in ("CHN", "MAC"):
        en.append(NOT_COUNTRY_EN)
        zh.append(NOT_COUNTRY_ZH)
    if r["notes"] and not r["notes"].startswith(("not a 'country'", "Candidates", "Arrangement")):
        en.append(r["notes"])
    src = _dedupe(r["source"], extra[(kind, iso3)]["source"] if (kind, iso3) in extra else "")
    suffix = "-asean" if group == "ASEAN–HK Investment Agreement" and iso3 == "THA" else ""
    return {"id": f"f-{fact}-{iso3.lower()}{suffix}", "iso3": iso3, "fact": fact, "value": value,
            "date": signed, "detail_en": "; ".join(en), "detail_zh": "；".join(zh),
            "document_id": AGREEMENT_DOCS[kind], "source": src,
            "confidence": "medium" if own_knowledge and r["confidence"] == "high" else r["confidence"]}


def _agreements(reference_dir: Path, facts: list[dict]) -> list[dict]:
    extra = {}
    for f in facts:
        if (f["fact_type"], f["iso3"]) in MERGED:
            extra[("IPPA" if f["fact_type"] == "IPPA_signed" else "FTA", f["iso3"])] = f
    rows = []
    agreements = read_csv(reference_dir / "agreements.csv")
    for r in agreements:
        if r["status"].startswith("DISPUTED"):
            continue
        if r["status"].startswith("action plan"):
            rows.append({"id": f"f-other-{r['iso3'].lower()}-aeo-action-plan", "iso3": r["iso3"], "fact": "other",
                         "value": "AEO MRA action plan",
                         "detail_en": f"Hong Kong Customs and {r['partner_en']} agreed an action plan or held talks "
                                      "towards an AEO mutual recognition arrangement; MRA status by 2026 unknown "
                                      "(a candidate for the unidentified partners behind the count of 18)",
                         "detail_zh": f"香港海關與{r['partner_zh']}就認可經濟營運商互認安排訂立行動計劃或進行商討；"
                                      "至2026年是否已簽署互認安排不詳",
                         "document_id": "customs-aeo-mra", "source": r["source"], "confidence": r["confidence"]})
            continue
        rows.append(_agreement(r, extra))
    # the ASEAN-HK Investment Agreement covers Thailand too (the reference lists only its bilateral IPPA)
    asean_inv = [r for r in agreements if r["agreement_group"] == "ASEAN–HK Investment Agreement"]
    if asean_inv and not any(r["iso3"] == "THA" for r in asean_inv):
        tha = dict(asean_inv[0], partner_en="Thailand", partner_zh="泰國", iso3="THA",
                   source=asean_inv[0]["source"] + " (the agreement's ten ASEAN parties include Thailand)")
        rows.append(_agreement(tha, extra))
    return rows


def _country_facts(facts: list[dict]) -> list[dict]:
    rows, seen = [], set()
    for f in facts:
        ftype, iso3 = f["fact_type"], f["iso3"]
        if (ftype, iso3) in MERGED:
            continue
        fact = FACT_MAP.get(ftype, "other")
        seed = f["seed_file"][:3] if f["seed_file"] else ""
        doc = SEED_DOCS.get(seed) or NEWS_DOCS.get(ftype)
        if not doc:
            raise ValueError(f"no document for reference fact {ftype} {iso3}")
        # only plain dates or ranges ("2023-02-04/2023-02-11"); "c.2023-2025", "since 2024" stay empty
        plain = re.fullmatch(r"(\d{4}(?:-\d{2}){0,2})(?:/(\d{4}(?:-\d{2}){0,2}))?", f["date"])
        date, end = (plain.group(1), plain.group(2) or "") if plain else ("", "")
        if ftype == "planned_direct_flight":
            date = "2026-06"  # announced during the June 2026 visit; the route starts in Q1 2027
        key = f"f-{fact}-{iso3.lower()}" + ("" if fact != "other" else f"-{_slug(ftype)[:40]}")
        key = key if key not in seen else f"{key}-{len([s for s in seen if s.startswith(key)]) + 1}"
        seen.add(key)
        section = f"{f['seed_file']} §{f['seed_section']}" if f["seed_file"] else ""
        src = _dedupe(f"{doc} {section}".strip() if seed else "",
                      "; ".join(p for p in f["source"].split("; ") if p != f["seed_file"]),
                      f"「{f['quote_zh']}」" if f["quote_zh"] else "")
        value = {"consulate": "agreed", "icac_mou": "MoU signed", "eco_expo": "high-level delegation",
                 "air_services": "expanded"}.get(fact, f["value"])
        if ftype == "air_services_talks":
            value = f"{f['value']} weekly flights per side"
        detail = re.sub(r"^same 20\d\d trip;? ?", "", f["fact_detail"]) + (f"; {f['notes']}" if f["notes"] else "")
        if fact == "other" and value not in ("", "1") and f["unit"]:
            value = f"{value} {f['unit']}"
        if fact == "ce_visit":
            detail = TRIP_EN[date].format(value=value) + "; " + detail
            detail += ("; the count is for the whole two-country trip, shown on both countries: "
                       "never add the rows up (reference discrepancy 7)")
        trip = {"2023-02-04": "沙特阿拉伯及阿聯酋（2023年2月4日至11日）", "2025-05-10": "卡塔爾及科威特（2025年5月10日至15日）",
                "2026-06-01": "哈薩克斯坦及烏茲別克斯坦（2026年6月1日至5日）"}.get(date, "")
        what = "合作備忘錄或合作意向書" if "letters" in f["unit"] else "合作協議和備忘錄"
        zh_tpl = ZH_DETAIL.get(ftype)
        if zh_tpl:
            detail_zh = zh_tpl.format(trip=trip, value=value, what=what, date=date)
        else:
            detail_zh = f"{f['country_zh']}：{f['quote_zh'] or to_hk(f['fact_detail'])}"
        if value == "1" and fact == "other":
            value = ""
        rows.append({"id": key, "iso3": iso3, "fact": fact, "value": value,
                     "date": date, "end_date": end, "detail_en": detail, "detail_zh": detail_zh,
                     "document_id": doc, "source": src, "confidence": f["confidence"]})
    return rows


def build(reference_dir: Path) -> list[dict]:
    reference_dir = Path(reference_dir)
    facts = read_csv(reference_dir / "country_facts.csv")
    rows = _bri(reference_dir) + _agreements(reference_dir, facts) + _country_facts(facts)
    missing = [r["id"] for r in rows if not r.get("source") or not r.get("confidence")]
    if missing:
        raise ValueError(f"facts without source or confidence: {missing}")
    return rows


def _doc(id, kind, title_en, title_zh, publisher, date, url, summary_en, summary_zh, language="en"):
    return {"id": id, "kind": kind, "title_en": title_en, "title_zh": title_zh, "publisher": publisher,
            "date": date, "file": "", "url": url, "language": language, "summary_en": summary_en,
            "summary_zh": summary_zh}


DOCUMENTS = [
    _doc("gfdc-bri-2023", "dataset", "Countries of the Belt and Road Initiative (BRI), December 2023",
         "「一帶一路」倡議國家名單（2023年12月）", "Green Finance & Development Center, FISF Fudan University "
         "(C. Nedopil)", "2023-12", "https://greenfdc.org/countries-of-the-belt-and-road-initiative-bri/",
         "Countries that signed a Belt and Road cooperation document, with signing month; file "
         "23_12_BRI-countries-public.xlsx (copy at github.com/esc1734/BRI-data @8aa0d10).",
         "已簽署共建「一帶一路」合作文件的國家及簽署月份；檔案23_12_BRI-countries-public.xlsx。"),
    _doc("ndrc-bri-2021-12", "web", "NDRC press conference, 16 December 2021: new Belt and Road signatories",
         "國家發展和改革委員會2021年12月16日新聞發布會：新簽署共建「一帶一路」合作文件的國家",
         "National Development and Reform Commission (reported by nasdaq.tv/anhui, 2021-12-26)", "2021-12-16",
         "http://nasdaq.tv/anhui/shenghuo/2021-12-26/7381.html",
         "The spokesperson names the Central African Republic, Guinea-Bissau, Eritrea, Burkina Faso and "
         "São Tomé and Príncipe as new signatories.",
         "發言人指中非共和國、幾內亞比紹、厄立特里亞、布基納法索及聖多美和普林西比新簽署合作文件。", "zh"),
    _doc("web-colombia-bri-2025", "web", "Colombia signs Belt and Road cooperation plan with China",
         "哥倫比亞與中國簽署共建「一帶一路」合作規劃", "People's Daily Online / China Daily", "2025-05-15",
         "https://en.people.cn/n3/2025/0515/c90000-20315142.html",
         "Colombia joined the Belt and Road Initiative on 14 May 2025.", "哥倫比亞於2025年5月14日加入「一帶一路」倡議。"),
    _doc("ird-cdta", "web", "Comprehensive Double Taxation Agreements concluded", "已簽訂的全面性避免雙重課稅協定",
         "Inland Revenue Department, HKSAR Government", "2025", "https://www.ird.gov.hk/eng/tax/dta_inc.htm",
         "IRD's table of CDTAs with signing and in-force dates. Rows citing it name what was actually read "
         "(IRD crawls of 2024-25 and earlier, or third-party copies).",
         "稅務局的全面性避免雙重課稅協定一覽，附簽署及生效日期。"),
    _doc("tid-fta", "web", "Hong Kong's free trade agreements", "香港的自由貿易協定",
         "Trade and Industry Department, HKSAR Government", "2025", "https://www.tid.gov.hk/english/ita/fta/index.html",
         "Nine FTAs with 21 economies (Mainland CEPA, New Zealand, EFTA, Chile, Macao CEPA, ASEAN, Georgia, "
         "Maldives, Australia). Rows citing it name the pages actually read.",
         "與21個經濟體簽訂的九份自由貿易協定。"),
    _doc("tid-ippa", "web", "Investment Promotion and Protection Agreements", "促進和保護投資協定",
         "Trade and Industry Department, HKSAR Government", "2025", "https://www.tid.gov.hk/english/ita/ippa/index.html",
         "24 IPPAs with 33 economies: 23 bilateral agreements (one with the Belgium-Luxembourg Economic Union) "
         "and the ASEAN-Hong Kong Investment Agreement.",
         "與33個經濟體簽訂的24份促進和保護投資協定。"),
    _doc("customs-aeo-mra", "web", "Authorized Economic Operator Programme: mutual recognition arrangements",
         "認可經濟營運商計劃：互認安排", "Customs and Excise Department, HKSAR Government", "2025",
         "https://www.customs.gov.hk",
         "Press releases of 2015-08-12, 2017-12-15, 2018-06-28 and 2019-06-29 list the MRA partners; later "
         "ones (South Africa 2024, Saudi Arabia 2025) from news reports.",
         "海關新聞稿列出的認可經濟營運商互認安排夥伴。"),
    _doc("web-qazinform-2025-09", "web", "Kazakhstan and Hong Kong double weekly flight frequencies",
         "哈薩克斯坦與香港每周航班班次倍增", "Kazinform (qazinform.com)", "2025-09-13", "https://qazinform.com",
         "Air services talks raised the weekly frequencies for each side from 7 to 14.",
         "民航會談把雙方每周班次各由7班增至14班。"),
]
