"""Details people trust (issue 13, part): every source a link — a document's own address, or
its entry on the About page — and web addresses in a record's source text clickable."""

from __future__ import annotations

import json

from dashboard.layout.about import about_page, doc_anchor
from dashboard.layout.details import details, linkify, parse_target
from dashboard.state import ViewState


def _links(component) -> list[dict]:
    out = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("type") == "A":
                out.append(node["props"])
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    tree = (
        [c.to_plotly_json() for c in component]
        if isinstance(component, list)
        else component.to_plotly_json()
    )
    walk(json.loads(json.dumps(tree, default=lambda o: o.to_plotly_json())))
    return out


def test_linkify_makes_each_address_a_link_and_keeps_the_text():
    parts = linkify(
        "HKIA departures (hongkongairport.com API, https://www.hongkongairport.com/flightinfo-rest/x?a=1), see https://x.org."
    )
    links = [p for p in parts if not isinstance(p, str)]
    assert [a.href for a in links] == [
        "https://www.hongkongairport.com/flightinfo-rest/x?a=1",
        "https://x.org",
    ]
    assert all(a.target == "_blank" and a.rel == "noopener" for a in links)
    text = "".join(p if isinstance(p, str) else p.children for p in parts)
    assert text.startswith("HKIA departures (hongkongairport.com API, https://") and text.endswith(
        "x.org."
    )
    assert linkify("no address here") == ["no address here"]


def test_a_source_without_an_address_links_to_its_entry_on_the_about_page(catalog):
    docs = catalog.documents
    no_url = set(docs.loc[docs["url"].fillna("") == "", "id"])
    offices = catalog.table("offices")
    row = offices[offices["document_id"].isin(no_url)].iloc[0]
    panel = details(catalog, ViewState(lang="zh"), parse_target(f"offices:{row['id']}"))
    hrefs = [a.get("href", "") for a in _links(panel)]
    assert f"?view=about&lang=zh#{doc_anchor(row['document_id'])}" in hrefs
    about = json.dumps(
        about_page(catalog, "zh").to_plotly_json(), default=lambda o: o.to_plotly_json()
    )
    assert f'"id": "{doc_anchor(row["document_id"])}"' in about


def test_a_source_with_an_address_opens_it_in_a_new_tab(catalog):
    docs = catalog.documents
    with_url = docs[docs["url"].fillna("") != ""].set_index("id")["url"]
    routes = catalog.table("routes")
    row = routes[routes["document_id"].isin(with_url.index)].iloc[0]
    links = _links(details(catalog, ViewState(), parse_target(f"routes:{row['id']}")))
    assert any(
        a.get("href") == with_url[row["document_id"]] and a.get("target") == "_blank" for a in links
    )


def test_every_item_says_its_status_in_words(catalog):
    """A proposed item names who proposed it; a realised one what realised it (issue 13)."""
    import json as _json

    st = ViewState(layers=("coverage", "offices", "cities"), proposals=("hkvision-2017",),
                   statuses=("existing", "planned", "proposed", "closed"))  # fmt: skip
    cities = catalog.table("partner_cities")
    surabaya = cities[cities["city_en"] == "Surabaya"].iloc[0]["id"]
    text = _json.dumps(
        _links_tree(details(catalog, st, parse_target(f"cities:{surabaya}"))), ensure_ascii=False
    )
    assert "Proposed by Hong Kong Vision proposal (2017)" in text
    zh = _json.dumps(_links_tree(details(catalog, st.with_(lang="zh"), parse_target(f"cities:{surabaya}"))),
                     ensure_ascii=False)  # fmt: skip
    assert "建議" in zh and "由" in zh
    text = _json.dumps(
        _links_tree(details(catalog, st, parse_target("offices:prop-hkvision-2017-eto-are")))
    )
    assert "realised as Hong Kong Economic and Trade Office, Dubai" in text
    assert "Realised by:" not in text  # said once, with the status


def _links_tree(component):
    tree = (
        [c.to_plotly_json() for c in component]
        if isinstance(component, list)
        else component.to_plotly_json()
    )
    return json.loads(json.dumps(tree, default=lambda o: o.to_plotly_json()))
