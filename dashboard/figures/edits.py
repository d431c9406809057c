"""A patch's array edits: only the items that changed, spliced in (Dash Patch operations).

A filter change adds or removes a few points of a trace, or changes a few of its hover texts;
sending only those items keeps a click's answer small (the whole text array of the route
destinations is ~25 KB). ``tests/test_speed.py`` applies the edits as the browser does and
``tests/test_e2e.py`` compares a patched map with a freshly drawn one.
"""

from __future__ import annotations

import difflib
from collections import Counter

#: An array that changed in fewer than this share of its items is patched item by item.
ITEMWISE_SHARE = 0.3


def _key(item):
    return item if isinstance(item, (str, int, float, type(None))) else repr(item)


def list_edits(before: list, value: list) -> list[tuple] | None:
    """The edits that turn ``before`` into ``value`` — ``("set", i, item)``, ``("del", i)``,
    ``("ins", i, item)``, to apply in order — or None when so much changed that sending the
    whole list is simpler. (Points a filter adds or removes are spliced into the arrays.)
    Cheap checks first: a click must not pay for a diff it will not use."""
    limit = ITEMWISE_SHARE * max(len(value), 1)
    if abs(len(before) - len(value)) >= limit:
        return None
    if len(before) == len(value):
        changed = [j for j, (a, b) in enumerate(zip(before, value)) if a != b]
        if len(changed) < limit:
            return [("set", j, value[j]) for j in changed]
    old, new = [_key(x) for x in before], [_key(x) for x in value]
    if sum((Counter(new) - Counter(old)).values()) >= limit:  # at least this many to insert
        return None
    sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
    edits, cost = [], 0
    for tag, i1, i2, j1, j2 in reversed(sm.get_opcodes()):  # from the end: indices stay true
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            edits += [("set", i1 + k, value[j1 + k]) for k in range(i2 - i1)]
        else:
            edits += [("del", i1)] * (i2 - i1)
            edits += [("ins", i1 + k, value[j1 + k]) for k in range(j2 - j1)]
        cost += max(i2 - i1, j2 - j1)
        if cost >= limit:
            return None
    return edits


def assign(trace, key: str, before, value) -> None:
    """``trace[key] = value`` in the patch, or only the items of an array that changed when
    few did (a hover text array is ~25 KB; a click changes a handful of its items)."""
    edits = (
        list_edits(before, value)
        if isinstance(before, list) and isinstance(value, list) and len(value) > 8
        else None
    )
    if edits is None:
        trace[key] = value
        return
    for e in edits:
        if e[0] == "set":
            trace[key][e[1]] = e[2]
        elif e[0] == "del":
            del trace[key][e[1]]
        else:
            trace[key].insert(e[1], e[2])
