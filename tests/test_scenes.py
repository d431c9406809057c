"""Decks: a versioned format with a JSON Schema, and the one scene lookup."""

from __future__ import annotations

import json

import jsonschema
import pytest

from dashboard.scenes import (
    DECK_VERSION,
    MY_DECK,
    DeckError,
    load_deck,
    parse_deck,
    resolve,
    schema,
    state_options,
)
from dashboard.state import ViewState


def scene(title="A scene", query="year=2017", **more):
    return {"title": {"en": title, "zh": title + "（中）"}, "query": query, **more}


def test_the_committed_decks_follow_the_schema(catalog):
    from dashboard.scenes import deck_names, decks_dir

    for name in deck_names():
        data = json.loads((decks_dir() / f"{name}.json").read_text(encoding="utf-8"))
        jsonschema.validate(data, schema())
        assert load_deck(name, state_options(catalog)).scenes


def test_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(schema())


def test_a_deck_without_version_is_read_as_version_1(catalog):
    deck = parse_deck({"scenes": [scene()]}, "old", state_options(catalog))
    assert len(deck.scenes) == 1 and deck.to_dict()["version"] == DECK_VERSION


@pytest.mark.parametrize(
    "data, words",
    [
        ({"version": 2, "scenes": [scene()]}, ["version", "expected 1"]),
        ({"version": 1, "scenes": []}, ["no scenes"]),
        ({"version": 1, "scenes": [scene()] * 51}, ["51", "50"]),
        ({"version": 1, "scenes": [scene(colour="red")]}, ["scene 1", "unknown key", "colour"]),
        (
            {"version": 1, "scenes": [{"title": {"en": "", "zh": ""}, "query": ""}]},
            ["scene 1", "title"],
        ),
        ({"version": 1, "scenes": [scene(query="metric=nope")]}, ["scene 1", "metric"]),
        (
            {"version": 1, "scenes": [{"title": "plain", "query": ""}]},
            ["scene 1", "title", "expected object"],
        ),
        ([1, 2], ["expected object"]),
    ],
)
def test_bad_decks_name_the_scene_and_the_problem(catalog, data, words):
    with pytest.raises(DeckError) as e:
        parse_deck(data, "mine", state_options(catalog))
    for w in words:
        assert w in str(e.value), (w, str(e.value))
    assert len(str(e.value)) < 300  # never the whole offending value


def test_a_title_in_one_language_falls_back_to_it(catalog):
    deck = parse_deck(
        {"scenes": [{"title": {"zh": "只有中文"}, "query": ""}]}, "mine", state_options(catalog)
    )
    assert deck.scenes[0].text("title", "en") == "只有中文"


def test_scene_queries_are_stored_as_current_links(catalog):
    deck = parse_deck(
        {"link_version": 1, "scenes": [scene(query="year=2017&lang=zh")]},
        "x",
        state_options(catalog),
    )
    st, warnings = ViewState.from_query(deck.scenes[0].query, state_options(catalog))
    assert st.year == 2017 and warnings == [] and "v=" in deck.scenes[0].query


def test_resolve_clamps_the_scene_and_falls_back_with_a_notice(catalog):
    ref = resolve(catalog, ViewState(view="present", scene=99))
    assert ref.index == len(ref.deck.scenes) - 1 and ref.notice == ""
    empty = resolve(catalog, ViewState(view="present", deck=MY_DECK), user_deck={"scenes": []})
    assert empty.deck.id == "default" and "empty" in empty.notice
    mine = resolve(
        catalog,
        ViewState(view="present", deck=MY_DECK, lang="zh"),
        {"scenes": [scene(query="year=2012")]},
    )
    assert mine.deck.id == MY_DECK and mine.state.year == 2012 and mine.state.lang == "zh"


def test_present_mode_plays_a_view_through_the_years(catalog):
    """deck=years: the link's own view (here ASEAN) once per year the network changed."""
    from dashboard.layout.controls import play_years
    from dashboard.scenes import YEARS_DECK, resolve
    from dashboard.state import ViewState

    years = play_years(catalog)
    st = ViewState(view="present", deck=YEARS_DECK, regions=("asean",), scene=3, lang="zh")
    ref = resolve(catalog, st)
    assert not ref.notice and len(ref.deck.scenes) == len(years)
    assert ref.state.year == years[3] and ref.state.regions == ("asean",)
    assert str(years[3]) in ref.scene.text("title", "zh") and "東盟" in ref.scene.text(
        "title", "zh"
    )
    last = resolve(catalog, st.with_(scene=999))
    assert last.state.year == years[-1]


def test_the_years_deck_names_the_draft_on_the_scenes_that_draw_it(catalog):
    import datetime as dt

    from dashboard.scenes import state_options, years_deck
    from dashboard.state import DEFAULT_YEAR, ViewState

    state, _ = ViewState.from_query("draft=route:TAS&dtitle=Gulf", state_options(catalog))
    deck = years_deck(catalog, state)
    year = dt.date.today().year
    for scene in deck.scenes:
        shown = int(scene.query.split("year=")[1][:4]) if "year=" in scene.query else DEFAULT_YEAR
        drawn = shown >= year
        assert (scene.subtitle_en == "Gulf (a draft proposal)") == drawn
        assert (scene.subtitle_zh != "") == drawn
