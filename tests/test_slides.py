"""Slides as figures (no renderer): compare's two maps side by side with the proposals named
and the numbers of each side; a title that says what the view shows; a source line of readable
document names that fits, and the route snapshot's dates said once."""

from __future__ import annotations

import pytest

from dashboard.export.figure import slide_figure, source_line, source_parts
from dashboard.scenes import state_options
from dashboard.state import ViewState


def state_of(catalog, query: str) -> ViewState:
    state, warnings = ViewState.from_query(query, state_options(catalog))
    assert not warnings
    return state


def annotation_texts(fig) -> str:
    return " ".join(a["text"] for a in fig["layout"]["annotations"])


@pytest.mark.parametrize("mode", ["split", "versus"])
def test_compare_exports_both_maps_side_by_side_with_the_proposal_named(catalog, mode):
    q = f"view=compare&compare={mode}&proposal=hkvision-2017&draft=eto:VNM:Hanoi,route:TAS"
    fig = slide_figure(catalog, state_of(catalog, q))
    lay = fig["layout"]
    left, right = lay["geo"]["domain"]["x"], lay["geo2"]["domain"]["x"]
    assert left[1] < right[0]  # two frames, side by side
    on_right = [tr for tr in fig["data"] if tr.get("geo") == "geo2"]
    assert on_right and len(on_right) < len(fig["data"])
    text = annotation_texts(fig)
    assert "Hong Kong Vision" in text  # the proposal is named on its map's heading
    assert "+ your draft" in text
    # the numbers of each side, against the left map's network (existing and planned)
    assert (
        "The numbers: Existing and planned → + selected proposals · + your draft · + both" in text
    )
    # a class drawn on both maps is listed once
    names = [tr["name"] for tr in fig["data"] if tr.get("visible") is True
             and tr.get("showlegend", True) and tr.get("name")]  # fmt: skip
    assert len(names) == len(set(names))


def test_the_difference_map_stays_one_map(catalog):
    fig = slide_figure(
        catalog, state_of(catalog, "view=compare&compare=diff&proposal=hkvision-2017")
    )
    assert "geo2" not in fig["layout"]


@pytest.mark.parametrize(("lang", "words"), [("en", "Offices"), ("zh", "辦事處")])
def test_a_slide_without_a_title_says_what_it_shows(catalog, lang, words):
    fig = slide_figure(catalog, state_of(catalog, f"lang={lang}&proposal=hkvision-2017"))
    title = fig["layout"]["title"]["text"]
    assert words in title and "2026" in title
    assert "Hong Kong Network Atlas" not in title and "香港網絡地圖集" not in title


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_source_line_names_documents_readably_and_fits(catalog, lang):
    state = state_of(catalog, f"lang={lang}")
    line = source_line(catalog, state)
    ids = set(catalog.documents["id"])
    assert not any(f"{i}," in line or f"{i} " in line for i in ids)  # no internal ids
    sources, evidence = source_parts(catalog, state)
    # the HKIA departures are the evidence of the routes: named once, their dates once
    assert ("HKIA departures" in evidence) if lang == "en" else ("離港航班" in evidence)
    assert "離港航班" not in sources and "HKIA departures" not in sources
    assert evidence.count("2025") == 1
    wide = sum(2 if ord(c) > 0x2E80 else 1 for c in sources)
    assert wide <= 260  # fits a 1920 px slide at the footer's size
    assert ("more (see About the data)" in sources) or ("另外" in sources)


def test_compare_slides_count_against_the_left_map_one_map_or_two(catalog):
    """The difference map's slide counted a planned office as the draft's gain (+1 country)."""
    from dashboard.export.figure import compare_numbers_text

    state = state_of(catalog, "view=compare&compare=diff&draft=eto:SAU:Riyadh")
    text = annotation_texts(slide_figure(catalog, state))
    assert "→ 21" not in text and "(+1)" not in text  # Riyadh is planned: the draft adds nothing
    assert compare_numbers_text(catalog, state, "en") == ""


def test_both_maps_of_a_slide_share_one_colour_scale(catalog):
    fig = slide_figure(catalog, state_of(catalog, "view=compare&proposal=bpa-2024&metric=offices"))
    by_geo = {}
    for tr in fig["data"]:
        if tr.get("type") == "choropleth" and "zmax" in tr:
            by_geo.setdefault(tr.get("uid", "").removesuffix("-right"), set()).add(tr["zmax"])
    assert by_geo and all(len(z) == 1 for z in by_geo.values()), by_geo


def test_a_year_before_any_route_snapshot_has_no_flight_numbers_anywhere(catalog):
    from dashboard.layout.panels import compare_numbers

    state = state_of(catalog, "view=compare&proposal=hkvision-2017&year=2005")
    table = str(compare_numbers(catalog, state))
    assert table.count("'—'") >= 2 * 3  # destinations, countries with a flight …: not known
    assert "nonstop flight" not in annotation_texts(slide_figure(catalog, state))
