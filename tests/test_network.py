"""Joins and aggregates: known answers from the source documents."""

from __future__ import annotations

import pytest

from geodata.codes import NOT_FOREIGN
from geodata.kinds import GOVERNMENT_KINDS
from geodata.measures import coverage, summary
from geodata.metrics import country_metrics, province_metrics
from geodata.network import NetworkFilter, select, status_at
from geodata.reconcile import CANNOT, DIFFERS, MATCHES, reconcile

EXISTING = ("existing",)


def liaison_units(catalog, as_of):
    sel = select(catalog, NetworkFilter(statuses=EXISTING, as_of=as_of))
    return sorted(sel.offices.loc[sel.offices["kind"] == "mainland_liaison", "city_en"])


def test_mainland_offices_cover_15_provinces_in_2026(catalog):
    sel = select(
        catalog, NetworkFilter.for_year(2026, statuses=EXISTING, office_kinds=GOVERNMENT_KINDS)
    )
    mainland = sel.offices[sel.offices["kind"].isin(["mainland_office", "mainland_liaison"])]
    assert len(mainland) == 16
    cov = coverage(catalog, sel)
    assert len(cov["provinces_with_office"]) == 15
    assert set(mainland["adcode"]) == set(cov["provinces_with_office"])


def test_three_liaison_units_in_mid_2012_and_eleven_in_april_2017(catalog):
    assert len(liaison_units(catalog, "2012-06-30")) == 3
    assert liaison_units(catalog, "2012-06-30") == ["Chongqing", "Fuzhou", "Shenzhen"]
    assert len(liaison_units(catalog, "2017-04-30")) == 11


def test_fifteen_overseas_etos_in_2026_and_fourteen_before_kuala_lumpur(catalog):
    def etos(as_of):
        sel = select(catalog, NetworkFilter(statuses=EXISTING, as_of=as_of))
        return (sel.offices["kind"] == "eto").sum()

    assert etos("2026-04-28") == 15
    assert etos("2025-06-30") == 14


def test_hkvision_2017_gain(catalog):
    s = summary(catalog, NetworkFilter(statuses=EXISTING, proposals=("hkvision-2017",)))
    # India already has an office (InvestHK's consultant in Mumbai): the proposed ETO is a
    # gain in rank, not in countries with an office
    assert s["gain"]["countries_with_office"] == ["KAZ", "POL", "RUS", "VNM"]
    assert s["gain"]["countries_with_full_office"] == ["IND", "KAZ", "POL", "RUS"]
    assert s["gain"]["provinces_with_office"] == ["650000"]
    # the Fujian ETO replaces a liaison unit: a gain in rank (reported as +0 before)
    assert s["gain"]["provinces_with_full_office"] == ["350000", "650000"]
    # UAE and Thailand have ETOs now: not a gain
    assert (
        "ARE" not in s["gain"]["countries_with_office"]
        and "THA" not in s["gain"]["countries_with_office"]
    )


def test_realised_proposals_are_marked(catalog):
    sel = select(catalog, NetworkFilter(statuses=EXISTING, proposals=("hkvision-2017",)))
    realised = sel.offices[sel.offices["realised"]]
    assert set(realised["realised_by"]) == {"eto-dubai", "eto-bangkok"}
    before = select(
        catalog, NetworkFilter(statuses=EXISTING, proposals=("hkvision-2017",), as_of="2018-12-31")
    )
    assert not before.offices["realised"].any()  # Bangkok opened 2019, Dubai 2021


def test_bpa_2024_gba_offices_add_no_province_but_seven_cities(catalog):
    s = summary(catalog, NetworkFilter(statuses=EXISTING, proposals=("bpa-2024",)))
    assert s["gain"]["provinces_with_office"] == []
    # nine GBA cities: two have an office (Guangzhou, Shenzhen), the proposal adds seven
    assert (s["baseline"]["gba_cities_with_office"], s["coverage"]["gba_cities_with_office"]) == (
        2,
        9,
    )
    assert s["of"]["gba_cities_with_office"] == 9 and len(s["gain"]["cities_with_office"]) == 7
    # the nine city offices and the region-level "more ETOs in Belt and Road countries"
    assert s["counts"]["offices"]["proposed"] == 11


def test_coverage_counts_foreign_countries_only(catalog):
    cov = coverage(
        catalog,
        select(catalog, NetworkFilter(statuses=("existing", "planned", "proposed", "suspended"))),
    )
    for key in ("countries_with_office", "countries_with_route", "bri_countries_with_office"):
        assert not (cov[key] & NOT_FOREIGN), key


def test_region_filter_restricts_every_layer(catalog):
    sel = select(catalog, NetworkFilter(regions=("asean",)))
    asean = catalog.region_members["asean"][1]
    for layer in ("offices", "routes", "cities"):
        assert set(sel.layer(layer)["country_iso3"]) <= asean
    assert len(sel.offices) >= 4  # Singapore, Jakarta, Bangkok, Kuala Lumpur


def test_province_region_filter(catalog):
    sel = select(catalog, NetworkFilter(regions=("gba",), statuses=EXISTING))
    assert set(sel.offices["adcode"]) == {"440000"}


def test_service_filter(catalog):
    cargo = select(catalog, NetworkFilter(services=("cargo",), statuses=EXISTING)).routes
    assert set(cargo["service"]) <= {"cargo", "both"} and len(cargo) > 0


def test_year_moves_the_network(catalog):
    early = summary(catalog, NetworkFilter.for_year(2000, statuses=EXISTING))
    now = summary(catalog, NetworkFilter.for_year(2026, statuses=EXISTING))
    assert early["counts"]["offices"]["existing"] < now["counts"]["offices"]["existing"]


def test_status_at_closes_suspended_office(catalog):
    idx = catalog.offices.index[catalog.offices["id"] == "etco-taipei"][0]
    pos = catalog.offices.index.get_loc(idx)
    assert status_at(catalog, "offices", "2020-12-31")[pos] == "existing"
    assert status_at(catalog, "offices", "2026-12-31")[pos] == "suspended"


def test_country_metrics(catalog):
    m = country_metrics(catalog, NetworkFilter())
    assert m.loc["THA", "offices"] >= 1 and m.loc["THA", "presence"] == 4
    assert m.loc["THA", "bri"] == 1 and m.loc["USA", "bri"] == 0
    assert m.loc["ITA", "bri"] == 0  # exited
    assert m.loc["GBR", "agreements"] >= 1
    assert set(m["presence"]) <= {0, 1, 2, 3, 4}


def test_country_diff_classes(catalog):
    flt = NetworkFilter(statuses=EXISTING, proposals=("hkvision-2017",))
    m = country_metrics(catalog, flt, ("offices", "routes"))
    assert m.loc["IND", "diff"] == 4  # a first office (India has flights)
    assert m.loc["ARE", "diff"] == 3  # proposed, realised since
    assert m.loc["GBR", "diff"] == 1  # existing
    # the difference map colours only what the layers shown contribute: the sister-city
    # targets (Munich, Surabaya, Daejeon) add nothing with that layer off, and do with it on
    assert m.loc["DEU", "diff"] == 1 and m.loc["KOR", "gain"] == 0
    with_cities = country_metrics(catalog, flt, ("offices", "routes", "cities"))
    assert with_cities.loc["KOR", "gain"] == 1
    # ... but a country already linked is not "newly linked": Germany (an ETO in Berlin) gets a
    # sister city, the UAE's proposed ETO stands since 2021 (and Dubai is a proposed sister city)
    assert with_cities.loc["DEU", "diff"] == 2 and with_cities.loc["IDN", "diff"] == 2
    assert with_cities.loc["ARE", "diff"] == 3
    assert with_cities.loc["KAZ", "diff"] == 4


def test_the_difference_map_adds_exactly_the_countries_the_numbers_add(catalog):
    from geodata.measures import summary

    flt = NetworkFilter(statuses=EXISTING, proposals=("hkvision-2017",))
    m = country_metrics(catalog, flt, ("offices", "routes", "cities"))
    gain = summary(catalog, flt)["gain"]
    counted = set().union(*(gain[k] for k in ("countries_with_office", "countries_with_full_office",
                                              "countries_with_route")))  # fmt: skip
    assert set(m.index[m["diff"] == 4]) == counted == {"IND", "KAZ", "POL", "RUS", "VNM"}
    # India: a first full office (it has an InvestHK consultant and flights)


def test_province_metrics(catalog):
    m = province_metrics(catalog, NetworkFilter(statuses=EXISTING, office_kinds=GOVERNMENT_KINDS))
    assert m.loc["440000", "offices"] == 2  # Guangdong ETO + Shenzhen liaison unit
    assert (m["offices"] > 0).sum() == 15
    g = province_metrics(catalog, NetworkFilter(statuses=EXISTING, proposals=("hkvision-2017",)))
    assert g.loc["650000", "gain"] == 1


def test_every_point_joins_to_the_country_it_claims(catalog):
    for name in ("offices", "partner_cities", "routes"):
        df = catalog.table(name)
        precise = df[df["joined_iso3"] != ""]
        agree = (precise["joined_iso3"] == precise["country_iso3"]).mean()
        assert agree > 0.97, name  # the rest lie within the coastal tolerance


@pytest.mark.parametrize(
    "metric_id",
    [
        "overseas_etos",
        "mainland_offices",
        "liaison_units_2012",
        "liaison_units_2017",
        "mainland_offices_2017",
        "new_direct_routes_2024_25",
        "proposed_overseas_etos",
        "proposed_sister_cities",
    ],
)
def test_reconciliation_matches(catalog, metric_id):
    rec = reconcile(catalog).set_index("metric_id")
    assert rec.at[metric_id, "verdict"] == MATCHES, rec.loc[metric_id].to_dict()


def test_reconciliation_explains_every_difference(catalog):
    rec = reconcile(catalog)
    assert set(rec["verdict"]) <= {MATCHES, DIFFERS, CANNOT}
    assert (rec.loc[rec["verdict"] != MATCHES, "why"].str.len() > 10).all()
    assert (rec["source"].str.len() > 0).all()
    # and in Chinese: every explanation and every qualifier of the Chinese About page
    import re

    from dashboard.layout.about import about_page

    zh = str(about_page(catalog, "zh"))
    table = zh[zh.index("Thead") :]
    table = table[: table.index("className='reconcile'")]  # the reconciliation table
    for r in rec.itertuples():
        if r.verdict != MATCHES:
            assert not re.search(
                r"[A-Za-z]{5,}", re.sub(r"[a-z0-9-]+-\d{4}[a-z0-9-]*", "", r.why_zh)
            ), r.why_zh
    assert "more than" not in table and "at least" not in table and "超過" in table


def test_facts_in_force_one_rule(catalog):
    from geodata.network import facts_in_force

    # a Belt and Road exit ends membership (Italy left in 2023-12)
    bri_2022 = set(facts_in_force(catalog, "2022-12-31", ("bri",))["iso3"])
    bri_2024 = set(facts_in_force(catalog, "2024-12-31", ("bri",))["iso3"])
    assert "ITA" in bri_2022 and "ITA" not in bri_2024
    # an event counts once it has begun, for good (the 2023 visit to Saudi Arabia)
    visits = lambda as_of: set(facts_in_force(catalog, as_of, ("ce_visit",))["iso3"])  # noqa: E731
    assert (
        "SAU" not in visits("2023-02-03")
        and "SAU" in visits("2023-02-04")
        and "SAU" in visits("2026-12-31")
    )
    assert country_metrics(catalog, NetworkFilter.for_year(2025)).loc["KAZ", "visits"] == 0
    assert country_metrics(catalog, NetworkFilter.for_year(2026)).loc["KAZ", "visits"] == 1


def test_a_step_no_count_counts_is_not_drawn_as_a_closer_link(catalog):
    """An ETO liaison unit where an InvestHK consultant stands (Cairo) raises no count: the
    difference map says 'existing, proposal adds more', not 'new or closer link'."""
    from geodata.draft import Draft, DraftItem, with_draft

    cat = with_draft(catalog, Draft((DraftItem("eto_liaison", "EGY:Cairo"),)))
    flt = NetworkFilter(statuses=EXISTING, draft=True)
    m = country_metrics(cat, flt, ("offices", "routes"))
    assert m.loc["EGY", "diff"] == 2
