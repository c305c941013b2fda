"""``quadhelix coalitions`` and ``quadhelix members``."""

from __future__ import annotations

import pytest

from tests.cli.helpers import Quadhelix


@pytest.fixture
def city(qh: Quadhelix) -> Quadhelix:
    qh(
        "actors",
        "add",
        "Dienst Welzijn",
        "--helix",
        "overheid",
        "--kind",
        "department",
        "--id",
        "welzijn",
    )
    qh("actors", "add", "Buurtwerk Rabot vzw", "--helix", "middenveld", "--id", "bw-rabot")
    qh("actors", "add", "Hogeschool Gent", "--helix", "kennis", "--id", "hogent")
    return qh


def test_add_show_and_list_a_programme_with_projects(city: Quadhelix) -> None:
    programme = city(
        "coalitions",
        "add",
        "Warme Stad",
        "--kind",
        "programma",
        "--id",
        "warm",
        "--theme",
        "loneliness",
        "--area",
        "Rabot",
        "--start",
        "2021-01-01",
        "--goals",
        "Minder eenzaamheid",
        "--link",
        "Plan|https://example.org/plan.pdf",
        "--json",
    ).json()
    assert programme["kind"] == "programme"
    assert programme["status"] == "active"
    assert programme["links"] == [{"title": "Plan", "url": "https://example.org/plan.pdf"}]
    project = city(
        "coalitions",
        "add",
        "Babbelbank Rabot",
        "--parent",
        "warm",
        "--start",
        "01/03/2022",
        "--end",
        "31/12/2023",
        "--status",
        "afgesloten",
        "--json",
    ).json()
    assert project["parent_id"] == programme["id"]
    assert project["start_date"] == "2022-03-01"
    assert project["status"] == "closed"
    city("members", "add", "warm", "welzijn", "--role", "trekker", "--start", "2021-01-01")
    city("members", "add", "warm", "bw-rabot", "--contribution", "Vrijwilligers")
    city("members", "add", "Babbelbank Rabot", "hogent", "--role", "advisor")
    shown = city("coalitions", "show", "warm", "--json").json()
    assert [(m["actor"], m["role"], m["helix"]) for m in shown["members"]] == [
        ("Dienst Welzijn", "lead", "government"),
        ("Buurtwerk Rabot vzw", "partner", "civil_society"),
    ]
    assert "Warme Stad" in city("coalitions", "show", "warm").stdout
    assert [
        c["name"] for c in city("coalitions", "list", "--kind", "programme", "--json").json()
    ] == ["Warme Stad"]
    by_member = city("coalitions", "list", "--member", "hogent", "--json").json()
    assert [c["name"] for c in by_member] == ["Babbelbank Rabot"]
    running = city("coalitions", "list", "--active-on", "2024-06-01", "--json").json()
    assert [c["name"] for c in running] == ["Warme Stad"]
    themed = city("coalitions", "list", "--theme", "care", "--json").json()
    assert [c["name"] for c in themed] == ["Warme Stad"]
    listed = city("members", "list", "warm", "--json").json()
    assert {m["actor"] for m in listed} == {"Dienst Welzijn", "Buurtwerk Rabot vzw"}


def test_members_remove_and_duplicates(city: Quadhelix) -> None:
    city("coalitions", "add", "Buurtoverleg", "--kind", "netwerk")
    city("members", "add", "Buurtoverleg", "bw-rabot")
    duplicate = city.error("members", "add", "Buurtoverleg", "bw-rabot")
    assert "already partner" in duplicate
    city("members", "add", "Buurtoverleg", "bw-rabot", "--role", "funder")
    absent = city.error("members", "remove", "Buurtoverleg", "hogent")
    assert "member not found" in absent
    assert (
        "(1 membership(s))"
        in city("members", "remove", "Buurtoverleg", "bw-rabot", "--role", "funder").stdout
    )
    assert "(1 membership(s))" in city("members", "remove", "Buurtoverleg", "bw-rabot").stdout
    assert city("members", "list", "Buurtoverleg", "--json").json() == []


def test_edit_and_delete(city: Quadhelix) -> None:
    city("coalitions", "add", "Buurtoverleg", "--kind", "netwerk", "--theme", "participation")
    edited = city(
        "coalitions",
        "edit",
        "Buurtoverleg",
        "--name",
        "Buurtoverleg Rabot",
        "--theme",
        "housing",
        "--area",
        "Rabot",
        "--json",
    ).json()
    assert edited["name"] == "Buurtoverleg Rabot"
    assert edited["themes"] == ["housing"]
    assert edited["areas"] == ["rabot"]
    cleared = city("coalitions", "edit", "1", "--clear", "themes", "--json").json()
    assert cleared["themes"] == []
    city("members", "add", "1", "bw-rabot")
    refused = city.error("coalitions", "delete", "1")
    assert "1 memberships" in refused and "--cascade" in refused
    assert "and 1 memberships" in city("coalitions", "delete", "1", "--cascade").stdout
    assert city("coalitions", "list", "--json").json() == []
    assert city("actors", "show", "bw-rabot", "--json").json()["memberships"] == []


def test_errors(city: Quadhelix) -> None:
    assert "kind" in city.error("coalitions", "add", "X", "--kind", "feestje")
    assert "coalition not found" in city.error("members", "add", "Nope", "bw-rabot")
    city("coalitions", "add", "X")
    assert "actor not found" in city.error("members", "add", "X", "nobody")
    assert "role" in city.error("members", "add", "X", "bw-rabot", "--role", "boss")
    loop = city.error("coalitions", "edit", "X", "--parent", "X")
    assert "parent" in loop
    bad_link = city.error("coalitions", "add", "Y", "--link", "Slides|javascript:alert(1)")
    assert "links" in bad_link
