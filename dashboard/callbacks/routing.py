"""The view state routed in the browser to what is shown.

A click changes ``state``; the maps callback answers it first, alone. Every page's other
callbacks listen to their own view's copy (``state-explore``, ``state-compare``, …), which a
clientside callback sets once the maps have answered, only while that view is shown and only
when it differs, and the language's (``state-lang``) only when it changes. A filter change on
the explore map so fires the explore page's callbacks after the map, not the hidden pages' too
(12 requests per click before, all competing with the map's for the server and the browser's
six connections).
The pages' visibility and the root's classes are set in the browser as well (no round trip).

A store whose data is None sets it (to undefined) when it mounts, which fires its callbacks
at start for nothing: the copies of views not shown start as ``{}``.
"""

from __future__ import annotations

from dash import Input, Output, State

from dashboard.ids import ID
from dashboard.scenes import MY_DECK

#: Each view's copy of the state, in the order the routing function returns them.
VIEW_STATES = {
    "explore": ID.STATE_EXPLORE,
    "compare": ID.STATE_COMPARE,
    "table": ID.STATE_TABLE,
    "about": ID.STATE_ABOUT,
    "present": ID.STATE_PRESENT,
}
PAGES = {
    "explore": ID.EXPLORE,
    "compare": ID.COMPARE,
    "table": ID.TABLE,
    "about": ID.ABOUT,
    "present": ID.PRESENT,
}

ROUTE = """
function (_drawn, s, lang, %(args)s) {
  var nu = window.dash_clientside.no_update;
  var ok = s && typeof s === 'object';
  var copies = Array.prototype.slice.call(arguments, 3);
  var same = function (a, b) { return JSON.stringify(a) === JSON.stringify(b); };
  var out = %(views)s.map(function (v, i) {
    return ok && s.view === v && !same(s, copies[i]) ? s : nu;
  });
  out.push(ok && s.lang && s.lang !== lang ? s.lang : nu);
  return out;
}
"""
# the user's deck (from localStorage, set after the page) goes on only to present mode showing it
DECK = """
function (deck, s) {
  var mine = s && s.view === 'present' && s.deck === '%(mine)s';
  return mine && deck && typeof deck === 'object' ? deck : window.dash_clientside.no_update;
}
"""
# the root's classes are dashboard.layout.root_class's, the pages' styles pages_shown's
SHOW = """
function (s) {
  var nu = window.dash_clientside.no_update;
  if (!s || typeof s !== 'object') { return %(n)s.map(function () { return nu; }); }
  var hidden = {display: 'none'};
  var out = %(views)s.map(function (v) { return s.view === v ? {} : hidden; });
  out.push(s.compare !== 'diff' ? {} : hidden, s.compare === 'diff' ? {} : hidden);
  out.push('app lang-' + s.lang + ' view-' + s.view + ' proj-' + s.projection);
  return out;
}
"""


def register(app) -> None:
    views = list(VIEW_STATES)
    app.clientside_callback(
        ROUTE % {"views": views, "args": ", ".join(f"c{i}" for i in range(len(views)))},
        *[Output(VIEW_STATES[v], "data") for v in views],
        Output(ID.STATE_LANG, "data"),
        # after the maps have answered (they set DRAWN each time): the map gets the server
        # to itself, the panels follow it
        Input(ID.DRAWN, "data"),
        State(ID.STATE, "data"),
        State(ID.STATE_LANG, "data"),
        *[State(VIEW_STATES[v], "data") for v in views],
        prevent_initial_call=True,
    )
    app.clientside_callback(
        DECK % {"mine": MY_DECK},
        Output(ID.MY_DECK_SHOWN, "data"),
        Input(ID.MY_DECK, "data"),
        State(ID.STATE, "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        SHOW % {"views": list(PAGES), "n": list(range(len(PAGES) + 3))},
        *[Output(PAGES[v], "style") for v in PAGES],
        Output(ID.COMPARE_SPLIT, "style"),
        Output(ID.COMPARE_DIFF, "style"),
        Output("app-root", "className"),
        Input(ID.STATE, "data"),
        prevent_initial_call=True,
    )
