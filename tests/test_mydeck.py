"""The user's own deck: scenes added with titles in both languages (prefilled in words, never
ids), edited, reordered and deleted; whatever the browser holds comes back well formed; the
result is a deck the schema, the loader and the exports accept."""

from __future__ import annotations

import pytest

from dashboard import mydeck
from dashboard.scenes import MAX_SCENES, parse_deck, state_options
from dashboard.state import ViewState
from dashboard.usertext import UserTextError


def texts(title_en="", title_zh="", note_zh=""):
    return {"title": {"en": title_en, "zh": title_zh}, "subtitle": {"en": "", "zh": ""},
            "note": {"en": "", "zh": note_zh}}  # fmt: skip


@pytest.fixture(scope="module")
def asean(catalog):
    return ViewState.from_query(
        "region=asean&layers=coverage,offices,routes", state_options(catalog)
    )[0]


def test_a_new_scene_is_titled_in_words_in_both_languages(catalog, asean):
    t = mydeck.default_texts(catalog, asean)
    assert t["title"]["en"] == "Offices and Flights from HKG, ASEAN, 2026"
    assert "東盟" in t["title"]["zh"] and "2026年" in t["title"]["zh"]
    assert "asean" not in t["title"]["en"] and "-" not in t["title"]["en"].replace("–", "")


def test_a_three_scene_chinese_briefing(catalog, asean):
    """What the issue's "done" asks: three scenes with the user's own titles, reordered."""
    d = mydeck.new_deck()
    d = mydeck.add(d, asean, texts(title_zh="東盟的辦事處", note_zh="第一行\n第二行"))
    d = mydeck.add(d, asean.with_(focus="gba", regions=()), texts(title_zh="大灣區"))
    d = mydeck.add(d, asean.with_(year=2012, regions=()), texts(title_zh="2012年的網絡"))
    d = mydeck.move(d, 2, -2)
    assert [s["title"]["zh"] for s in d["scenes"]] == ["2012年的網絡", "東盟的辦事處", "大灣區"]
    d = mydeck.update(d, 1, texts(title_en="ASEAN offices", title_zh="東盟辦事處"))
    assert mydeck.texts_of(d, 1)["title"] == {"en": "ASEAN offices", "zh": "東盟辦事處"}
    assert d["scenes"][1]["query"] == mydeck.scene_query(asean)  # editing keeps the view
    deck = parse_deck(d, "mine", state_options(catalog))  # the loader and schema accept it
    assert [s.text("title", "zh") for s in deck.scenes] == ["2012年的網絡", "東盟辦事處", "大灣區"]
    assert deck.scenes[0].text("title", "en") == "2012年的網絡"  # falls back to the one given
    d = mydeck.delete(d, 0)
    assert len(d["scenes"]) == 2


def test_scene_queries_hold_the_view_not_the_ui(asean):
    q = mydeck.scene_query(asean.with_(lang="zh", view="present", scene=3))
    assert (
        "lang=" not in q and "view=present" not in q and "scene=" not in q and "region=asean" in q
    )


@pytest.mark.parametrize("bad", ["\x00", "\x1b[31m", "\u202e", "x" * 301])
def test_control_characters_and_long_titles_are_refused(bad):
    with pytest.raises(UserTextError):
        mydeck.clean_texts(texts(title_en=bad))


def test_a_scene_needs_a_title_and_notes_keep_line_breaks():
    with pytest.raises(UserTextError, match="title"):
        mydeck.clean_texts(texts())
    assert mydeck.clean_texts(texts("a", note_zh="一\r\n二"))["note"]["zh"] == "一\n二"


@pytest.mark.parametrize(
    "junk", [None, [], "deck", {"scenes": "x"}, {"scenes": [1, None, {"query": 5}]}]
)
def test_whatever_the_browser_holds_comes_back_well_formed(junk, asean):
    d = mydeck.normal(junk)
    assert d["scenes"] == [] and d["id"] == "mine"
    assert mydeck.move(junk, 0, 1)["scenes"] == [] and mydeck.texts_of(junk, 0) is None
    assert len(mydeck.add(junk, asean, texts("t"))["scenes"]) == 1


def test_out_of_range_edits_change_nothing_and_a_full_deck_drops_its_oldest(asean):
    d = mydeck.add(mydeck.new_deck(), asean, texts("one"))
    assert mydeck.update(d, 5, texts("x")) == d and mydeck.move(d, -1, 1) == d
    assert mydeck.move(d, 0, 10) == d  # clamped
    for i in range(MAX_SCENES + 3):
        d = mydeck.add(d, asean, texts(f"s{i}"))
    assert len(d["scenes"]) == MAX_SCENES and d["scenes"][-1]["title"]["en"] == f"s{MAX_SCENES + 2}"
