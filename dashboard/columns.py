"""The tables' column headers in both languages (the table view; downloads keep the ids, which
the data package documents). The point layers' fields are named where they are declared
(``geodata.layers``); the other columns here. A column without an entry shows its id."""

from __future__ import annotations

from geodata.layers import LAYERS
from geodata.metrics import METRICS

HEADERS: dict[str, tuple[str, str]] = {
    "name": ("Name", "名稱"), "kind": ("Kind", "類別"), "status": ("Status", "狀態"),
    "status_at": ("Status in the year shown", "所示年份的狀態"), "basis": ("Basis", "依據"),
    "realised": ("Realised", "已落實"),
    "city_en": ("City (English)", "城市（英文）"), "city_zh": ("City (Chinese)", "城市（中文）"),
    "country_iso3": ("Country code", "國家代碼"), "country_en": ("Country (English)", "國家（英文）"),
    "country_zh": ("Country (Chinese)", "國家（中文）"), "adcode": ("Province code", "省級代碼"),
    "province_en": ("Province (English)", "省份（英文）"), "province_zh": ("Province (Chinese)", "省份（中文）"),
    "lat": ("Latitude", "緯度"), "lon": ("Longitude", "經度"), "precision": ("Located to", "定位精度"),
    "region_id": ("Region", "地區"), "name_en": ("Name (English)", "名稱（英文）"),
    "name_zh": ("Name (Chinese)", "名稱（中文）"), "id": ("ID", "編號"),
    "document_id": ("Source document", "資料來源文件"), "document_title": ("Source title", "資料來源標題"),
    "source": ("Source", "資料來源"), "confidence": ("Confidence", "可信程度"), "notes": ("Notes", "備註"), "service": ("Service", "服務"),
    "regularity": ("Regularity", "航班規律"), "as_of": ("As of", "截至"),
    "new_2024_25": ("New 2024–25", "2024至25年新航線"), "iso3": ("Country code", "國家代碼"),
    "presence": ("Presence (class)", "網絡覆蓋（級別）"), "presence_label": ("Network presence", "網絡覆蓋"),
    "offices": ("Offices", "辦事處"), "routes": ("Flights", "航線"), "cities": ("Sister cities", "姊妹城市"),
    "agreements": ("Agreements", "協定"), "visits": ("Visits", "訪問"),
    "bri": ("Belt and Road (class)", "一帶一路（級別）"), "bri_label": ("Belt and Road", "一帶一路"),
    "gain": ("Gain (class)", "增加（級別）"), "gain_label": ("Gain", "增加"),
    "diff": ("Difference (class)", "差異（級別）"), "diff_label": ("Difference", "差異"),
    "countries": ("Countries", "國家數目"), "with_office": ("With an office", "設有辦事處"),
    "covered_by_an_office": ("Covered by an office", "辦事處覆蓋"),
    "with_full_office": ("With a full office (ETO)", "設有經貿辦"),
    "with_route": ("With a nonstop flight", "有直航航班"), "destinations": ("Destinations", "航點"),
    "bri_members": ("Belt and Road members", "一帶一路國家"),
    "with_agreement": ("With an agreement in force", "有生效協定"), "layer": ("Layer", "圖層"),
    "outcome": ("Outcome", "結果"), "realised_by_name": ("Realised as", "落實為"),
    "realised_on": ("Realised on", "落實日期"), "years_after": ("Years after", "相隔年數"),
    "gap": ("Question", "問題"), "years_since": ("Years since proposed", "提出至今年數"),
}  # fmt: skip


# the layers' own field labels (hover, details) name those columns
for _layer in LAYERS.values():
    for _f in (*_layer.fields, *_layer.details_only):
        HEADERS.setdefault(_f.column, (_f.label.en, _f.label.zh))


# the metrics' own labels name their columns (countries, provinces)
for _m in METRICS.values():
    if _m.categorical:
        HEADERS.setdefault(_m.id, (f"{_m.label.en} (class)", f"{_m.label.zh}（級別）"))
        HEADERS.setdefault(f"{_m.id}_label", (_m.label.en, _m.label.zh))
    else:
        HEADERS.setdefault(_m.id, (_m.label.en, _m.label.zh))


def header(column: str, lang: str) -> str:
    """The header of ``column`` in ``lang`` ('en' or 'zh'); the id when there is none."""
    names = HEADERS.get(column)
    return names[1 if lang == "zh" else 0] if names else column


def value_labels(column: str, lang: str) -> dict[str, str] | None:
    """The words for a coded column's values in ``lang`` (the grid shows them; the data's
    downloads keep the codes, which the data package documents); None for other columns."""
    from dashboard.i18n import t
    from geodata.codes import BASES, CONFIDENCES, STATUSES
    from geodata.kinds import KINDS
    from geodata.schema import PRECISIONS, REGULARITIES, SERVICES, THEMES
    from geodata.track import OUTCOMES

    if column == "kind":  # (a proposal's route and sister-city items have their layer's id)
        return {
            **{k: t(f"layer.{k}", lang) for k in LAYERS},
            **{k: v.label(lang) for k, v in KINDS.items()},
        }
    if column == "layer":
        return {k: t(f"layer.{k}", lang) for k in LAYERS}
    coded = {
        "status": ("status", STATUSES), "status_at": ("status", STATUSES), "basis": ("basis", BASES),
        "service": ("service", SERVICES), "regularity": ("regularity", REGULARITIES),
        "confidence": ("confidence", CONFIDENCES), "precision": ("precision", PRECISIONS),
        "theme": ("theme", THEMES),
        "outcome": ("track", OUTCOMES),
    }  # fmt: skip
    if column not in coded:
        return None
    prefix, values = coded[column]
    return {v: t(f"{prefix}.{v.replace(' ', '_')}", lang) for v in values}
