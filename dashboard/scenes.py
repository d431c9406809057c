"""Decks of scenes: saved view states with a title, subtitle and note in both languages.

A deck is a JSON file in ``dashboard/decks/`` (or any folder given by ``ATLAS_DECKS``)
that a user can edit.  A bad deck gives a :class:`DeckError` naming the file, the scene
and the problem; a scene's query goes through ``ViewState.from_query`` like any link.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dashboard.state import Options, ViewState

DECKS_DIR = Path(__file__).resolve().parent / "decks"
MY_DECK = "mine"  # the user's own deck, kept in the browser (localStorage) and sent with requests
MAX_SCENES = 50
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


class DeckError(ValueError):
    pass


@dataclass(frozen=True)
class Scene:
    title_en: str
    title_zh: str
    subtitle_en: str
    subtitle_zh: str
    note_en: str
    note_zh: str
    query: str

    def text(self, what: str, lang: str) -> str:
        return getattr(self, f"{what}_{'zh' if lang == 'zh' else 'en'}")

    def state(self, options: Options, lang: str = "en", index: int = 0) -> ViewState:
        """The scene's view, in ``lang``; compare scenes show one map of differences."""
        st, _ = ViewState.from_query(self.query, options)
        if st.view == "compare":
            st = st.with_(compare="diff")
        elif st.view != "explore":
            st = st.with_(view="explore")
        return st.with_(lang=lang, scene=index)

    def to_dict(self) -> dict:
        return {
            "title": {"en": self.title_en, "zh": self.title_zh},
            "subtitle": {"en": self.subtitle_en, "zh": self.subtitle_zh},
            "note": {"en": self.note_en, "zh": self.note_zh},
            "query": self.query,
        }


@dataclass(frozen=True)
class Deck:
    id: str
    title_en: str
    title_zh: str
    scenes: tuple[Scene, ...]

    def title(self, lang: str) -> str:
        return self.title_zh if lang == "zh" else self.title_en

    def to_dict(self) -> dict:
        return {"id": self.id, "title": {"en": self.title_en, "zh": self.title_zh},
                "scenes": [s.to_dict() for s in self.scenes]}


def _bilingual(obj: dict, key: str, where: str, required: bool = True) -> tuple[str, str]:
    v = obj.get(key, {})
    if not isinstance(v, dict):
        raise DeckError(f"{where}: '{key}' must be an object with 'en' and 'zh'")
    en, zh = str(v.get("en", "")).strip(), str(v.get("zh", "")).strip()
    if required and not (en and zh):
        raise DeckError(f"{where}: '{key}' needs both 'en' and 'zh' text")
    return en, zh


def parse_deck(data: dict, name: str = "deck", options: Options | None = None) -> Deck:
    """A Deck from its JSON object; DeckError on anything malformed."""
    if not isinstance(data, dict) or not isinstance(data.get("scenes"), list):
        raise DeckError(f"{name}: expected an object with a 'scenes' list")
    if not data["scenes"]:
        raise DeckError(f"{name}: the deck has no scenes")
    if len(data["scenes"]) > MAX_SCENES:
        raise DeckError(f"{name}: {len(data['scenes'])} scenes; at most {MAX_SCENES} are allowed")
    title_en, title_zh = _bilingual(data, "title", name, required=False)
    scenes = []
    for i, s in enumerate(data["scenes"], start=1):
        where = f"{name}, scene {i}"
        if not isinstance(s, dict):
            raise DeckError(f"{where}: expected an object")
        t_en, t_zh = _bilingual(s, "title", where)
        s_en, s_zh = _bilingual(s, "subtitle", where, required=False)
        n_en, n_zh = _bilingual(s, "note", where, required=False)
        query = str(s.get("query", "")).lstrip("?")
        if options is not None:
            _, warnings = ViewState.from_query(query, options)
            if warnings:
                raise DeckError(f"{where}: query {query!r}: " + "; ".join(str(w) for w in warnings))
        scenes.append(Scene(t_en, t_zh, s_en, s_zh, n_en, n_zh, query))
    return Deck(str(data.get("id", name)), title_en or name, title_zh or name, tuple(scenes))


def decks_dir() -> Path:
    return Path(os.environ.get("ATLAS_DECKS", DECKS_DIR))


def deck_names() -> list[str]:
    return sorted(p.stem for p in decks_dir().glob("*.json") if NAME_RE.match(p.stem))


@lru_cache(maxsize=16)
def _load(path: Path, mtime: float, options: Options | None) -> Deck:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise DeckError(f"{path.name}: not valid UTF-8 JSON ({e})") from None
    return parse_deck(data, path.stem, options)


def load_deck(name: str = "default", options: Options | None = None) -> Deck:
    """The deck ``name`` from the decks folder; DeckError if unknown or malformed."""
    if not NAME_RE.match(name or ""):
        raise DeckError(f"deck name was {name!r} but is expected to be a short slug")
    path = decks_dir() / f"{name}.json"
    if not path.exists():
        raise DeckError(f"deck {name!r} not found; known decks: {', '.join(deck_names())}")
    return _load(path, path.stat().st_mtime, options)


def deck_for(name: str, options: Options | None = None, user_deck: dict | None = None) -> Deck:
    """The named deck, or the user's own deck (``mine``) from the JSON the browser holds."""
    if name == MY_DECK:
        if not user_deck or not user_deck.get("scenes"):
            raise DeckError("your deck is empty: add the current view as a scene first")
        return parse_deck(user_deck, MY_DECK, options)
    return load_deck(name, options)


def scene_from_state(state: ViewState, index: int) -> dict:
    """A scene (JSON) for the current view, titled from what it shows."""
    what = ", ".join(state.layers) or "map"
    en = f"View {index}: {what} · {state.year}" + (f" · {', '.join(state.regions)}" if state.regions else "")
    zh = f"畫面 {index}：{state.year}年" + (f" · {', '.join(state.regions)}" if state.regions else "")
    if state.proposals:
        en += f" · {', '.join(state.proposals)}"
        zh += f" · {', '.join(state.proposals)}"
    st = state.with_(view="explore" if state.view not in ("explore", "compare") else state.view, scene=0,
                     deck="default", lang="en")
    return {"title": {"en": en, "zh": zh}, "subtitle": {"en": "", "zh": ""}, "note": {"en": "", "zh": ""},
            "query": st.to_query()}
