"""Decks of scenes: saved view states with a title, subtitle and note in both languages.

A deck is a JSON file in ``dashboard/decks/`` (or any folder given by ``ATLAS_DECKS``) that a
user can edit. Its format is versioned and described by ``decks/deck.schema.json`` (JSON
Schema); ``python -m dashboard check-deck FILE`` checks a file against it and checks every
scene's query like a link. A bad deck gives a :class:`DeckError` naming the file, the scene
and the problem.

:func:`resolve` is the one scene lookup: present mode, its export links and the export
endpoints all use it.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jsonschema

from dashboard.state import VERSION as LINK_VERSION
from dashboard.state import Options, ViewState
from dashboard.usertext import UserTextError, check_text
from geodata.catalog import Catalog
from geodata.draft import gazetteer

DECKS_DIR = Path(__file__).resolve().parent / "decks"
SCHEMA_FILE = DECKS_DIR / "deck.schema.json"
DECK_VERSION = 1
MY_DECK = "mine"  # the user's own deck, kept in the browser (localStorage) and sent with requests
DEFAULT_DECK = "default"
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
    query: str  # a link of the current link version

    def text(self, what: str, lang: str) -> str:
        """The title, subtitle or note in ``lang``, else in the other language."""
        en, zh = getattr(self, f"{what}_en"), getattr(self, f"{what}_zh")
        return (zh or en) if lang == "zh" else (en or zh)

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
        return (
            (self.title_zh or self.title_en) if lang == "zh" else (self.title_en or self.title_zh)
        )

    def to_dict(self) -> dict:
        return {
            "version": DECK_VERSION,
            "link_version": LINK_VERSION,
            "id": self.id,
            "title": {"en": self.title_en, "zh": self.title_zh},
            "scenes": [s.to_dict() for s in self.scenes],
        }


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def _where(err: jsonschema.ValidationError, name: str) -> str:
    path = list(err.absolute_path)
    if len(path) >= 2 and path[0] == "scenes" and isinstance(path[1], int):
        rest = ".".join(str(p) for p in path[2:])
        return f"{name}, scene {path[1] + 1}" + (f", {rest}" if rest else "")
    return f"{name}" + (f", {'.'.join(str(p) for p in path)}" if path else "")


def _message(err: jsonschema.ValidationError) -> str:
    """A short message for a schema error (never the whole offending value)."""
    v, inst = err.validator, err.instance
    if v == "minItems" and err.absolute_path and list(err.absolute_path)[-1] == "scenes":
        return "the deck has no scenes"
    if v == "maxItems":
        return f"{len(inst)} items; at most {err.validator_value} are allowed"
    if v == "required":
        return err.message.replace("is a required property", "is missing")
    if v == "additionalProperties":
        extra = sorted(set(inst) - set(err.schema.get("properties", {})))
        return f"unknown key(s) {', '.join(map(repr, extra))}"
    if v == "type":
        return f"expected {err.validator_value}, found {type(inst).__name__}"
    if v in ("maxLength", "minLength"):
        return f"text of {len(inst)} characters; expected {v[:3]} {err.validator_value}"
    if v == "anyOf" and isinstance(inst, dict):
        return "needs a text in 'en' or 'zh'"
    if v == "const":
        return f"expected {err.validator_value!r}, found {str(inst)[:20]!r}"
    return err.message[:200]


def _text(obj: dict, key: str) -> tuple[str, str]:
    v = obj.get(key) or {}
    return str(v.get("en", "")).strip(), str(v.get("zh", "")).strip()


def parse_deck(data, name: str = "deck", options: Options | None = None) -> Deck:
    """A Deck from its JSON object; DeckError on anything the schema or a scene's query
    rejects. A deck without ``version`` is read as version 1 (the first decks had none)."""
    if isinstance(data, dict) and "version" not in data:
        data = {**data, "version": 1}
    errors = sorted(
        jsonschema.Draft202012Validator(schema()).iter_errors(data), key=lambda e: list(e.path)
    )
    if errors:
        e = errors[0]
        more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
        raise DeckError(f"{_where(e, name)}: {_message(e)}{more}")
    link_version = int(data.get("link_version", 1))
    scenes = []
    for i, s in enumerate(data["scenes"], start=1):
        query = s["query"].lstrip("?")
        if "v=" not in query:
            query = "&".join(x for x in (f"v={link_version}", query) if x)
        if options is not None:
            st, warnings = ViewState.from_query(query, options)
            if warnings:
                raise DeckError(
                    f"{name}, scene {i}: query {s['query']!r}: "
                    + "; ".join(str(w) for w in warnings)
                )
            query = st.with_(lang="en", scene=0, deck=DEFAULT_DECK).to_query()
        t, st_, n = _text(s, "title"), _text(s, "subtitle"), _text(s, "note")
        for what, pair in (("title", t), ("subtitle", st_), ("note", n)):
            for lang, value in zip(("en", "zh"), pair):
                try:
                    check_text(f"{what}.{lang}", value, 400, multiline=what == "note")
                except UserTextError as e:
                    raise DeckError(f"{name}, scene {i}: {e}") from None
        scenes.append(Scene(*t, *st_, *n, query))
    title = _text(data, "title")
    return Deck(
        str(data.get("id", name)), title[0] or name, title[1] or title[0] or name, tuple(scenes)
    )


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


YEARS_DECK = "years"  # a view played through the years the network changed (generated)


def years_deck(catalog: Catalog, state: ViewState) -> Deck:
    """The view of ``state`` once per year the network changed (what *Play the years* shows),
    as a deck present mode, the offline briefing and the PDF can carry; each scene titled with
    the view in words, in both languages."""
    from dashboard.describe import view_title
    from dashboard.export.figure import draft_heading
    from dashboard.layout.controls import play_years
    from geodata.draft import drafted_on

    base = state.with_(view="explore", scene=0, deck=DEFAULT_DECK)
    drafted = int(drafted_on()[:4])  # a draft is drawn from the year it was made

    def sub(y: int, lang: str) -> str:  # the draft's name on the scenes that draw it
        return draft_heading(state.with_(lang=lang)) if state.draft and y >= drafted else ""

    scenes = tuple(
        Scene(*(view_title(catalog, base.with_(year=y), lang) for lang in ("en", "zh")),
              sub(y, "en"), sub(y, "zh"), "", "", base.with_(year=y, lang="en").to_query())
        for y in play_years(catalog)[-MAX_SCENES:]
    )  # fmt: skip
    return Deck(YEARS_DECK, "Hong Kong's network through the years", "香港網絡歷年演變", scenes)


def load_deck(name: str = DEFAULT_DECK, options: Options | None = None) -> Deck:
    """The deck ``name`` from the decks folder; DeckError if unknown or malformed."""
    if not NAME_RE.match(name or ""):
        raise DeckError(f"deck name was {name!r} but is expected to be a short slug")
    path = decks_dir() / f"{name}.json"
    if not path.exists():
        raise DeckError(f"deck {name!r} not found; known decks: {', '.join(deck_names())}")
    return _load(path, path.stat().st_mtime, options)


def load_file(path: Path | str, options: Options | None = None) -> Deck:
    """A deck from any file (``check-deck``)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DeckError(f"{path}: no such file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise DeckError(f"{path.name}: not valid UTF-8 JSON ({e})") from None
    return parse_deck(data, path.name, options)


@lru_cache(maxsize=8)
def state_options(catalog: Catalog) -> Options:
    """The data-dependent choices of the view state: the catalog's region and proposal ids,
    and the decks (``mine`` is the user's own deck, kept in the browser). Computed once."""
    return Options(
        regions=catalog.region_ids,
        proposals=catalog.proposal_ids,
        decks=tuple(dict.fromkeys([DEFAULT_DECK, *deck_names(), MY_DECK, YEARS_DECK])),
        places=gazetteer(catalog),
        airlines=catalog.airline_ids,
    )


@dataclass(frozen=True)
class SceneRef:
    """A scene found for a present-view state: its deck, index, scene and view state, and a
    notice when the deck asked for could not be used."""

    deck: Deck
    index: int
    scene: Scene
    state: ViewState
    notice: str = ""


def resolve(catalog: Catalog, state: ViewState, user_deck: dict | None = None) -> SceneRef:
    """The scene a present-view state shows: the state's deck (the user's own when ``mine``)
    at the state's scene index, clamped to the deck. A deck that cannot be used (the user's is
    empty or malformed) falls back to the default deck with a notice, like any parameter."""
    opts = state_options(catalog)
    notice = ""
    try:
        if state.deck == MY_DECK:
            if not user_deck or not user_deck.get("scenes"):
                raise DeckError("your deck is empty: add the current view as a scene first")
            deck = parse_deck(user_deck, MY_DECK, opts)
        elif state.deck == YEARS_DECK:  # the link's own view, through the years
            deck = years_deck(catalog, state)
        else:
            deck = load_deck(state.deck, opts)
    except DeckError as e:
        notice = f"{e}; showing the default deck"
        deck = load_deck(DEFAULT_DECK, opts)
    i = max(0, min(state.scene, len(deck.scenes) - 1))
    scene = deck.scenes[i]
    return SceneRef(deck, i, scene, scene.state(opts, state.lang, i), notice)
