"""The user's own proposal (``draft=``): parsing, its gain (the same as a document's proposal
with the same items), the editor's edits, what a map click adds, and its exports."""

from __future__ import annotations

import io
import shutil
import zipfile

import pandas as pd
import pytest

from dashboard.callbacks.draft import edit_draft
from dashboard.export.draft import draft_zip
from dashboard.ids import ID
from dashboard.layout.draft_panel import draft_adds, place_options
from dashboard.layout.panels import compare_numbers, compare_scenarios, compare_titles
from dashboard.scenes import state_options
from dashboard.state import ViewState, catalog_for
from geodata.catalog import load_catalog
from geodata.draft import (
    DRAFT_ID,
    Draft,
    DraftItem,
    base_catalog,
    draft_rows,
    gazetteer,
    item_for_target,
    parse_draft,
    with_draft,
)
from geodata.measures import MEASURES, added_by, summary
from geodata.network import select

#: The items of the 2017 Hong Kong Vision proposal (offices and sister cities), as a draft
#: writes them.
HKVISION_DRAFT = (
    "eto:IND,eto:RUS,eto:KAZ,eto:ARE,eto:POL,eto_liaison:THA,eto_liaison:VNM,"
    "mainland_office:650000,mainland_office:350000,"
    "sister:IDN:Surabaya,sister:ARE:Dubai,sister:DEU:Munich,sister:KOR:Daejeon,"
    "sister:KOR:Busan,sister:DEU:Berlin"
)


@pytest.fixture(scope="module")
def client(app):
    return app.server.test_client()


@pytest.fixture(scope="module")
def opts(catalog):
    return state_options(catalog)


def state_of(query: str, opts) -> ViewState:
    state, warnings = ViewState.from_query(query, opts)
    assert not warnings, warnings
    return state


# -- parsing ------------------------------------------------------------------------------
def test_items_parse_in_every_form_and_write_back_the_same(catalog, opts):
    text = "office:ind,eto:650000,tdc_office:vnm:hanoi,route:tas,eto:SAU:Riyadh,office:IND"
    items, bad = parse_draft(text, gazetteer(catalog))
    assert bad == []
    assert [i.token for i in items] == [
        "eto:IND",  # office is short for eto; codes are upper-cased
        "eto:650000",
        "tdc_office:VNM:Hanoi",  # a city, found whatever its case
        "route:TAS",
        "eto:SAU:Riyadh",
    ]  # and a duplicate is kept once
    state = state_of(f"draft={text}&dtitle=Gulf  and\nAsia", opts)
    assert state.draft_title == "Gulf and Asia"
    assert "draft=eto:IND,eto:650000,tdc_office:VNM:Hanoi,route:TAS" in state.to_query()
    assert ViewState.from_query(state.to_query(), opts) == (state, [])
    assert ViewState.from_dict(state.to_dict(), opts) == state


@pytest.mark.parametrize(
    "token, why",
    [
        ("route:XXX", "no airport"),
        ("eto:ATL", "no country"),  # an airport's code is not a country
        ("embassy:FRA", "unknown kind"),
        ("eto:FRA:Nowhere", "no country, province or city"),
        ("route", "no airport"),
        ("sister:FRA", "no city"),  # a sister city is a city
    ],
)
def test_an_item_the_data_cannot_place_falls_back_with_a_notice(opts, token, why):
    state, warnings = ViewState.from_query(f"draft=eto:FRA,{token}&year=2020", opts)
    assert state.draft == ("eto:FRA",) and state.year == 2020  # the rest of the link holds
    assert len(warnings) == 1 and warnings[0].param == "draft" and why in warnings[0].value


def test_a_draft_of_only_bad_items_is_no_draft(opts):
    state, warnings = ViewState.from_query("draft=foo:bar", opts)
    assert state.draft == () and warnings


# -- the draft as a proposal document --------------------------------------------------------
def test_a_draft_of_a_proposals_items_gains_what_that_proposal_gains(catalog, opts):
    doc = state_of("proposal=hkvision-2017&status=existing", opts)
    mine = state_of(f"draft={HKVISION_DRAFT}&status=existing", opts)
    a = summary(catalog, doc.network_filter())
    b = summary(catalog_for(catalog, mine), mine.network_filter())
    assert a["gain"] == b["gain"] and a["coverage"] == b["coverage"]
    assert a["counts"] == b["counts"]  # every item, sister cities too
    assert a["gain"]["countries_with_office"] == ["KAZ", "POL", "RUS", "VNM"]
    assert a["gain"]["provinces_with_office"] == ["650000"]  # Fujian has an office already


def test_the_api_answers_a_draft_as_it_answers_a_proposal(client):
    doc = client.get("/api/v1/summary?proposal=hkvision-2017&status=existing").get_json()
    mine = client.get(f"/api/v1/summary?draft={HKVISION_DRAFT}&status=existing").get_json()
    assert doc["gain"] == mine["gain"] and doc["coverage"] == mine["coverage"]
    assert mine["draft"]["items"] == HKVISION_DRAFT.split(",")
    assert mine["draft"]["adds"]["countries_with_office"] == ["KAZ", "POL", "RUS", "VNM"]
    # combined with a proposal: the draft's route adds to the proposal's gain
    both = client.get("/api/v1/summary?proposal=hkvision-2017&status=existing&draft=route:TAS")
    both = both.get_json()
    assert both["gain"]["destinations"] == ["TAS"]
    assert both["draft"]["adds"]["countries_with_office"] == []
    assert both["gain"]["countries_with_office"] == doc["gain"]["countries_with_office"]


def test_with_draft_leaves_the_catalog_alone_and_starts_from_it_each_time(catalog):
    n = len(catalog.offices)
    d1 = Draft((DraftItem("eto", "IND"),))
    d2 = Draft((DraftItem("route", "TAS"),))
    c1 = with_draft(catalog, d1)
    assert len(catalog.offices) == n and DRAFT_ID not in catalog.proposal_ids
    assert len(c1.offices) == n + 1 and DRAFT_ID in c1.proposal_ids
    assert with_draft(catalog, d1) is c1  # one draft, one catalog: caches keep working
    c2 = with_draft(c1, d2)  # from a drafted catalog: the first draft is not kept
    assert len(c2.offices) == n and len(c2.routes) == len(catalog.routes) + 1
    assert base_catalog(c2) is catalog and with_draft(c1, Draft()) is catalog
    row = c1.offices.iloc[-1]
    assert row["joined_iso3"] == "IND" and row["document_id"] == DRAFT_ID


def test_what_a_draft_adds_to_the_view_is_measured_against_the_view_without_it(catalog, opts):
    # Riyadh already has a route; Tashkent has cargo only: a passenger route adds Uzbekistan
    state = state_of("draft=route:RUH,route:TAS", opts)
    cat = catalog_for(catalog, state)
    added = added_by(cat, state.network_filter(), state.with_(draft=()).network_filter())
    assert added["destinations"] == ["TAS"] and added["countries_with_route"] == ["UZB"]
    assert set(added) == set(MEASURES)
    text = str(draft_adds(catalog, state))
    assert "Uzbekistan" in text and "+1" in text


def test_draft_rows_are_drawn_in_their_own_class(catalog, opts):
    from dashboard.figures import mapfig

    state = state_of("draft=eto:SAU:Riyadh,route:TAS", opts)
    upd = mapfig.trace_updates(catalog, state)
    assert upd["offices_draft"]["customdata"] == ["offices:draft-1-eto-sau-riyadh"]
    assert len([x for x in upd["routes_draft"]["lat"] if x is not None]) >= 2
    assert "Your draft (1)" in upd["offices_draft"]["name"]
    plain = mapfig.trace_updates(catalog, state.with_(draft=()))
    assert plain["offices_draft"]["customdata"] == []


# -- the editor ----------------------------------------------------------------------------
def test_the_editor_adds_refuses_removes_and_clears(catalog, opts):
    s0 = ViewState()
    s1, msg = edit_draft(catalog, s0, ID.DRAFT_ADD, "eto", "vnm:hanoi", None, None, None)
    assert s1.draft == ("eto:VNM:Hanoi",) and msg is None
    s2, msg = edit_draft(catalog, s1, ID.DRAFT_ADD, "eto", "VNM:Hanoi", None, None, None)
    assert s2 == s1 and "already" in msg
    s3, msg = edit_draft(catalog, s1, ID.DRAFT_ADD, "route", None, None, None, None)
    assert s3 == s1 and "Choose a place" in msg
    s4, _ = edit_draft(catalog, s1, ID.DRAFT_ADD, "route", "TAS", None, None, None)
    s5, _ = edit_draft(catalog, s4, ID.DRAFT_TITLE, None, None, None, " Central\tAsia ", None)
    assert s5.draft == ("eto:VNM:Hanoi", "route:TAS") and s5.draft_title == "Central Asia"
    remove = {"type": ID.DRAFT_REMOVE, "item": "eto:VNM:Hanoi"}
    s6, _ = edit_draft(catalog, s5, remove, None, None, None, None, None)
    assert s6.draft == ("route:TAS",)
    s7, _ = edit_draft(catalog, s6, ID.DRAFT_CLEAR, None, None, None, None, None)
    assert (s7.draft, s7.draft_title) == ((), "")


def test_a_click_on_the_map_adds_what_the_kind_chosen_allows(catalog):
    route = catalog.routes[catalog.routes["dest_iata"] == "HAN"].iloc[0]["id"]
    assert item_for_target(catalog, "eto", ("country", "KAZ")) == DraftItem("eto", "KAZ")
    assert item_for_target(catalog, "mainland_office", ("province", "650000")) == DraftItem(
        "mainland_office", "650000"
    )
    assert item_for_target(catalog, "route", ("routes", route)) == DraftItem("route", "HAN")
    assert item_for_target(catalog, "eto", ("routes", route)) == DraftItem("eto", "VNM:Hanoi")
    assert item_for_target(catalog, "route", ("country", "KAZ")) is None  # a country has no IATA
    assert item_for_target(catalog, "eto", ("routes", "no-such-id")) is None
    assert item_for_target(catalog, "eto", None) is None
    assert item_for_target(catalog, "sister", ("routes", route)) == DraftItem("sister", "VNM:Hanoi")
    assert item_for_target(catalog, "sister", ("country", "VNM")) is None  # a city, not a country


@pytest.mark.parametrize(
    "kind, typed, lang, code",
    [
        ("eto", "hanoi", "en", "VNM:Hanoi"),
        ("eto", "河內", "zh", "VNM:Hanoi"),
        ("eto", "新疆", "zh", "650000"),
        ("eto", "saigon", "en", "VNM:Ho Chi Minh City"),  # an other name (place_aliases.csv)
        ("route", "塔什干", "zh", "TAS"),
        ("route", "tas", "en", "TAS"),
    ],
)
def test_the_place_search_finds_places_in_both_languages_and_by_code(
    catalog, kind, typed, lang, code
):
    assert code in [o["value"] for o in place_options(catalog, kind, lang, typed)]


# -- compare ------------------------------------------------------------------------------
def test_compare_sets_the_draft_beside_the_proposals(catalog, opts):
    state = state_of(
        "view=compare&compare=versus&proposal=hkvision-2017&draft=eto:SAU:Riyadh,route:TAS", opts
    )
    assert [k for k, _ in compare_scenarios(state)] == [
        "compare.with_proposals", "compare.with_draft", "compare.together",
    ]  # fmt: skip
    left, right = state.effective("left"), state.effective("right")
    assert left.proposals == ("hkvision-2017",) and left.draft == ()
    assert right.proposals == () and right.draft == state.draft
    assert compare_titles(state) == ("Existing and planned + the selected proposals",
                                     "Existing and planned + your draft")  # fmt: skip
    html = str(compare_numbers(catalog, state))
    assert "Uzbekistan" in html and "Kazakhstan" in html  # the draft's and the proposal's gains
    assert "data-scenario='with_draft'" in html
    # an ETO in Riyadh is planned: shown as the page shows it, the draft's adds nothing there,
    # in compare as in explore; with the existing network only, it adds Saudi Arabia
    assert "Saudi Arabia" not in html
    assert "Saudi Arabia" not in str(draft_adds(catalog, state.with_(view="explore")))
    # one legend for both maps: the proposal's classes (left) and the draft's (right)
    from dashboard.layout.legend import legend_panel

    legend = str(legend_panel(catalog, state, "right"))
    assert "Offices: Proposed (7)" in legend and "Offices: Your draft (1)" in legend
    assert "Offices: Planned (1)" in legend  # (Riyadh: the planned items are shown on both)
    existing = state.with_(statuses=("existing",))
    assert existing.compare_base == ("existing",)
    assert "Saudi Arabia" in str(compare_numbers(catalog, existing))


# -- exports ------------------------------------------------------------------------------
def test_the_draft_downloads_as_rows_the_data_accepts(catalog, opts, tmp_path):
    state = state_of("draft=eto:SAU:Riyadh,eto:650000,route:TAS,sister:KOR:Busan&dtitle=Gulf", opts)
    z = zipfile.ZipFile(io.BytesIO(draft_zip(catalog, state, today="2026-12-04")))
    assert sorted(z.namelist()) == [
        "README.txt", "documents.csv", "offices.csv", "partner_cities.csv", "routes.csv",
    ]  # fmt: skip
    assert {i.external_attr >> 16 for i in z.infolist()} == {0o644}  # readable once extracted
    data = tmp_path / "data"
    shutil.copytree(catalog.data_dir, data)
    for table in ("documents", "offices", "routes", "partner_cities"):
        rows = pd.read_csv(z.open(f"{table}.csv"), dtype=str, keep_default_na=False)
        # as the README says: the maintainer gives the document its own id
        rows = rows.replace(
            {"id": {DRAFT_ID: "user-draft"}, "document_id": {DRAFT_ID: "user-draft"}}
        )
        have = pd.read_csv(data / f"{table}.csv", dtype=str, keep_default_na=False)
        assert list(rows.columns) == list(have.columns)
        pd.concat([have, rows]).to_csv(data / f"{table}.csv", index=False)
    added = load_catalog(data, catalog.boundaries_dir)  # validates every row
    assert "user-draft" in added.proposal_ids
    flt = ViewState(proposals=("user-draft",), statuses=("existing",)).network_filter()
    as_draft = summary(
        catalog_for(catalog, state), state.with_(statuses=("existing",)).network_filter()
    )
    assert summary(added, flt)["gain"] == as_draft["gain"]


def test_the_draft_is_in_the_tables_and_the_exports(client):
    q = "draft=eto:SAU:Riyadh,route:TAS&dtitle=Gulf"
    offices = client.get(f"/api/v1/layers/offices.csv?{q}").get_data(as_text=True)
    assert "draft-1-eto-sau-riyadh" in offices and "Gulf" in offices
    geo = client.get(f"/api/v1/layers/routes.geojson?{q}").get_json()
    assert any(f["properties"]["id"] == "draft-2-route-tas" for f in geo["features"])
    kepler = client.get(f"/export/kepler.json?{q}").get_json()
    assert "draft-1-eto-sau-riyadh" in str(kepler["datasets"])
    resp = client.get(f"/export/draft.zip?{q}")
    assert (
        resp.status_code == 200 and "hk-atlas-draft-gulf.zip" in resp.headers["Content-Disposition"]
    )
    assert client.get("/export/draft.zip").status_code == 404


def test_the_page_opens_with_the_draft_of_its_link(catalog):
    from dashboard.layout import serve_layout

    page = str(serve_layout(catalog, "draft=eto:SAU:Riyadh,route:TAS&dtitle=Gulf&lang=zh"))
    assert "經濟貿易辦事處 — 沙特阿拉伯" not in page  # a city item is named by its city
    assert "經濟貿易辦事處 — 利雅得" in page and "香港直航航線 — 塔什干 (TAS)" in page
    assert "你的草擬為此畫面增加" in page and "value='Gulf'" in page


# -- found in review ----------------------------------------------------------------------
def test_what_a_draft_adds_holds_when_every_proposal_is_shown(catalog, opts):
    state = state_of("draft=eto:NOR&status=existing,planned,proposed", opts)
    cat = catalog_for(catalog, state)
    added = added_by(cat, state.network_filter(), state.with_(draft=()).network_filter())
    assert added["countries_with_office"] == ["NOR"]
    # and the draft is not one of "all the proposals" of a view without it
    plain = select(cat, state.with_(draft=()).network_filter()).offices
    assert DRAFT_ID not in set(plain["document_id"])


def test_a_city_named_with_a_comma_survives_the_link(catalog, opts):
    items, bad = parse_draft("eto:USA:Washington, D.C.,route:TAS", gazetteer(catalog))
    assert bad == [] and [i.token for i in items] == ["eto:USA:Washington, D.C.", "route:TAS"]
    state = state_of("draft=eto:USA:Washington, D.C.,route:TAS", opts)
    assert ViewState.from_dict(state.to_dict(), opts) == state
    assert ViewState.from_query(state.to_query(), opts) == (state, [])


def test_titles_lose_control_and_format_characters(opts):
    state = state_of("draft=eto:IND&dtitle=%00bad%07 \u202etitle&dnote=a%0Ab", opts)
    assert state.draft_title == "bad title" and state.draft_note == "a b"


def test_hong_kong_is_no_place_for_an_office_abroad_and_macao_is_macao(catalog, opts):
    state, warnings = ViewState.from_query("draft=eto:810000,eto:820000", opts)
    assert state.draft == ("eto:820000",) and warnings
    row = draft_rows(catalog, state.draft_spec())["offices"][0]
    assert (row["country_iso3"], row["adcode"]) == ("MAC", "820000")


def test_the_airline_filter_keeps_a_drafted_route(catalog, opts):
    state = state_of("draft=route:TAS&airline=CX", opts)
    routes = select(catalog_for(catalog, state), state.network_filter()).routes
    assert "TAS" in set(routes["dest_iata"])


def test_countries_are_countries_not_provinces(catalog):
    s = summary(catalog, ViewState().network_filter())
    for key in ("countries_with_office", "countries_covered", "countries_with_route"):
        assert all(c.isalpha() and len(c) == 3 for c in s["places"][key]), key
    assert s["coverage"]["countries_covered"] < 70  # was 90 with the 31 provinces in it


def test_an_empty_draft_offers_no_download_link(catalog, opts):
    from dashboard.layout.draft_panel import draft_links, draft_panel

    assert draft_links(state_of("", opts)) == (None, None)
    panel = str(draft_panel(catalog, state_of("", opts)))
    assert "/export/draft.zip" not in panel
    download, compare = draft_links(state_of("draft=route:TAS", opts))
    assert download.startswith("/export/draft.zip?") and "compare=versus" in compare


def test_an_office_in_a_city_known_only_by_its_airport_says_so(catalog, opts, tmp_path):
    from dashboard.figures.hover import _record
    from geodata.layers import OFFICES

    rows = draft_rows(
        catalog, Draft((DraftItem("eto", "VNM:Hanoi"), DraftItem("eto", "THA:Bangkok")))
    )
    hanoi, bangkok = rows["offices"]
    assert (hanoi["precision"], bangkok["precision"]) == ("airport", "city")
    assert "drawn at the city's airport" in _record(OFFICES, hanoi, "draft", "en")
    # and the data takes such a row
    state = state_of("draft=eto:VNM:Hanoi", opts)
    z = zipfile.ZipFile(io.BytesIO(draft_zip(catalog, state, today="2026-12-04")))
    data = tmp_path / "data"
    shutil.copytree(catalog.data_dir, data)
    for table in ("documents", "offices"):
        rows = pd.read_csv(z.open(f"{table}.csv"), dtype=str, keep_default_na=False)
        rows = rows.replace(
            {"id": {DRAFT_ID: "user-draft"}, "document_id": {DRAFT_ID: "user-draft"}}
        )
        have = pd.read_csv(data / f"{table}.csv", dtype=str, keep_default_na=False)
        pd.concat([have, rows]).to_csv(data / f"{table}.csv", index=False)
    load_catalog(data, catalog.boundaries_dir)


def test_an_item_the_network_has_already_is_marked_so(catalog, opts):
    from dashboard.layout.draft_panel import already, item_list

    state = state_of("draft=eto:SAU:Riyadh,eto:VNM:Hanoi,route:TAS,route:BKK", opts)
    assert already(catalog, state) == {"eto:SAU:Riyadh": "planned", "route:BKK": "existing"}
    assert str(item_list(catalog, state)).count("adds nothing new") == 2
    # with the existing network only, the planned ETO in Riyadh is new again
    existing = state_of("status=existing&draft=eto:SAU:Riyadh", opts)
    assert already(catalog, existing) == {}
    # and the remove button comes first in its item (it floats on the item's first line)
    first = item_list(catalog, state)[0].children[0].children
    assert type(first[0]).__name__ == "Button"


def test_the_draft_offers_no_disputed_area_and_names_what_a_city_item_is(catalog):
    from geodata.track import track_record

    assert "SDN-SSD" not in gazetteer(catalog).areas and "THA" in gazetteer(catalog).areas
    names = {
        i.name_en
        for i in track_record(catalog, "hkvision-2017", "2026-12-31")
        if i.layer == "cities"
    }
    assert "Sister city: Berlin" in names


def test_the_draft_zip_readme_is_in_the_page_language(catalog, opts):
    for lang, words in (
        ("zh", "從香港網絡地圖集匯出的草擬建議"),
        ("en", "Draft proposal exported"),
    ):
        state = state_of(f"lang={lang}&draft=route:TAS", opts)
        z = zipfile.ZipFile(io.BytesIO(draft_zip(catalog, state, today="2026-12-04")))
        assert z.read("README.txt").decode("utf-8").startswith(words)


def test_a_sister_city_the_network_has_already_is_marked_so(catalog, opts):
    from dashboard.layout.draft_panel import already

    state = state_of(
        "proposal=hkvision-2017&layers=coverage,offices,cities&draft=sister:IDN:Surabaya", opts
    )
    assert already(catalog, state) == {"sister:IDN:Surabaya": "proposed"}
