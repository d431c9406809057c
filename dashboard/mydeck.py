"""The user's own deck (kept in the browser's localStorage): pure functions that add, edit,
move and delete its scenes. A scene gets a title, subtitle and note in both languages; a new
one starts from the view described in words ("Offices and flights, ASEAN, 2026"), never ids.
Every function takes whatever the browser sent and returns a well-formed deck (JSON)."""

from __future__ import annotations

from dashboard.describe import view_title
from dashboard.scenes import DECK_VERSION, MAX_SCENES, MY_DECK
from dashboard.state import VERSION as LINK_VERSION
from dashboard.state import ViewState
from dashboard.usertext import UserTextError, check_text
from geodata.catalog import Catalog

FIELDS = ("title", "subtitle", "note")
LANGS = ("en", "zh")
LIMIT = {"title": 300, "subtitle": 300, "note": 400}


def new_deck() -> dict:
    return {"version": DECK_VERSION, "link_version": LINK_VERSION, "id": MY_DECK,
            "title": {"en": "My scenes", "zh": "我的畫面"}, "scenes": []}  # fmt: skip


def normal(deck) -> dict:
    """A well-formed deck from what the browser holds (anything else: an empty deck)."""
    if not isinstance(deck, dict) or not isinstance(deck.get("scenes"), list):
        return new_deck()
    scenes = [
        s for s in deck["scenes"] if isinstance(s, dict) and isinstance(s.get("query", ""), str)
    ]
    return {
        **new_deck(),
        **{k: v for k, v in deck.items() if k in ("title",)},
        "scenes": scenes[:MAX_SCENES],
    }


def default_texts(catalog: Catalog, state: ViewState) -> dict:
    """The texts a new scene of the current view starts with: its title in words."""
    return {"title": {lang: view_title(catalog, state, lang) for lang in LANGS},
            "subtitle": {"en": "", "zh": ""}, "note": {"en": "", "zh": ""}}  # fmt: skip


def clean_texts(texts: dict) -> dict:
    """The texts of a scene, stripped and checked; UserTextError on a control character or an
    over-long text; a title in at least one language is required."""
    out = {}
    for f in FIELDS:
        v = texts.get(f) if isinstance(texts, dict) else None
        v = v if isinstance(v, dict) else {}
        out[f] = {
            lang: check_text(f"{f} ({lang})", str(v.get(lang) or "").strip(), LIMIT[f], f == "note")
            for lang in LANGS
        }
    if not (out["title"]["en"] or out["title"]["zh"]):
        raise UserTextError("a scene needs a title (in English or Chinese)")
    return out


def scene_query(state: ViewState) -> str:
    st = state.with_(view=state.view if state.view in ("explore", "compare") else "explore", scene=0,
                     deck="default", lang="en")  # fmt: skip
    return st.to_query()


def add(deck, state: ViewState, texts: dict) -> dict:
    """The deck with the view ``state`` appended as a scene with ``texts`` (the oldest scene
    goes when the deck is full)."""
    d = normal(deck)
    scenes = d["scenes"][-(MAX_SCENES - 1) :]
    return {**d, "scenes": [*scenes, {**clean_texts(texts), "query": scene_query(state)}]}


def update(deck, index: int, texts: dict) -> dict:
    """The deck with the texts of scene ``index`` replaced (its view stays)."""
    d = normal(deck)
    if not 0 <= index < len(d["scenes"]):
        return d
    scenes = list(d["scenes"])
    scenes[index] = {**scenes[index], **clean_texts(texts)}
    return {**d, "scenes": scenes}


def move(deck, index: int, delta: int) -> dict:
    """The deck with scene ``index`` moved ``delta`` places (clamped)."""
    d = normal(deck)
    scenes = list(d["scenes"])
    if not 0 <= index < len(scenes):
        return d
    to = max(0, min(len(scenes) - 1, index + delta))
    scenes.insert(to, scenes.pop(index))
    return {**d, "scenes": scenes}


def delete(deck, index: int) -> dict:
    d = normal(deck)
    return {**d, "scenes": [s for k, s in enumerate(d["scenes"]) if k != index]}


def texts_of(deck, index: int) -> dict | None:
    d = normal(deck)
    if not 0 <= index < len(d["scenes"]):
        return None
    s = d["scenes"][index]
    return {f: {lang: str((s.get(f) or {}).get(lang, "")) for lang in LANGS} for f in FIELDS}
