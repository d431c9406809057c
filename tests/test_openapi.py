"""The API against its own description (``/api/v1/openapi.json``): the description is valid
OpenAPI 3.1, every route is in it, and generated requests (valid and junk parameters) get only
documented statuses, content types and JSON shapes."""

from __future__ import annotations

import copy

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.openapi import spec


@pytest.fixture(scope="module")
def client(app):
    return app.server.test_client()


@pytest.fixture(scope="module")
def description(client):
    return client.get("/api/v1/openapi.json").get_json()


def test_the_description_is_valid_openapi_3_1(description, catalog):
    from openapi_spec_validator import validate

    validate(description)
    assert description == spec(catalog)  # served as generated
    assert description["openapi"] == "3.1.0"


def test_every_route_of_the_api_is_described(app, description):
    rules = {
        r.rule.replace("<string:", "{").replace("<", "{").replace(">", "}")
        for r in app.server.url_map.iter_rules()
        if r.rule.startswith(("/api/v1/", "/export/", "/healthz")) and "path:" not in r.rule
    }
    described = set(description["paths"]) | {"/api/v1/docs"}
    rules = {r.replace("{filename}", "{file}").replace("map.{fmt}", "map.{format}") for r in rules}
    assert rules <= described, rules - described


def _resolve(node, root):
    """The schema with its ``$ref``s to components replaced by what they point at."""
    if isinstance(node, dict):
        if "$ref" in node:
            target = root
            for part in node["$ref"].lstrip("#/").split("/"):
                target = target[part]
            return _resolve(copy.deepcopy(target), root)
        return {k: _resolve(v, root) for k, v in node.items()}
    if isinstance(node, list):
        return [_resolve(v, root) for v in node]
    return node


def _operations(description):
    out = []
    for path, ops in description["paths"].items():
        if path.startswith("/export/"):
            continue  # renders images (a second each): tested in tests/test_export.py
        op = _resolve(ops["get"], description)
        out.append((path, op))
    return out


JUNK = st.one_of(
    st.text(max_size=30), st.integers(-5, 5000).map(str), st.just(""), st.just("a,b,,c")
)


def _value(param):
    schema = param["schema"]
    choices = [st.sampled_from(schema["enum"])] if "enum" in schema else []
    if schema.get("type") == "integer":
        choices.append(
            st.integers(schema.get("minimum", -10), schema.get("maximum", 3000)).map(str)
        )
    return st.one_of(*choices, JUNK)


@st.composite
def requests(draw, description):
    path, op = draw(st.sampled_from(_operations(description)))
    query, url = {}, path
    for p in op.get("parameters", []):
        if p["in"] == "path":
            url = url.replace(
                "{" + p["name"] + "}",
                draw(st.one_of(st.sampled_from(p["schema"]["enum"]), st.just("nope.txt"))),
            )
        elif draw(st.booleans()):
            query[p["name"]] = draw(_value(p))
    return path, op, url, query


def test_generated_requests_get_only_documented_answers(client, description):
    @settings(
        max_examples=150, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True
    )
    @given(requests(description))
    def run(req):
        path, op, url, query = req
        r = client.get(url, query_string=query)
        status = str(r.status_code)
        assert status in op["responses"], (url, query, status, r.data[:200])
        content = op["responses"][status].get("content", {})
        mediatype = r.content_type.split(";")[0]
        assert mediatype in content, (url, query, mediatype)
        if mediatype in ("application/json", "application/geo+json"):
            jsonschema.validate(r.get_json(), content[mediatype]["schema"])

    run()


def test_the_api_page_lists_every_endpoint(client, description):
    page = client.get("/api/v1/docs").get_data(as_text=True)
    for path in description["paths"]:
        assert path in page
    assert "<script" not in page
