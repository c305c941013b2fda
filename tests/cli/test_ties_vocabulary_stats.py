"""``quadhelix ties``, ``themes``, ``areas`` and ``stats``."""

from __future__ import annotations

from tests.cli.helpers import Quadhelix


def test_ties_add_list_remove(qh: Quadhelix) -> None:
    qh("actors", "add", "Stad", "--helix", "overheid", "--id", "stad")
    qh("actors", "add", "Buurtwerk", "--helix", "middenveld", "--id", "bw")
    qh("actors", "add", "Hogeschool", "--helix", "kennis", "--id", "hs")
    funding = qh(
        "ties",
        "add",
        "stad",
        "bw",
        "--type",
        "subsidie",
        "--directed",
        "--weight",
        "2.5",
        "--start",
        "2022-01-01",
        "--end",
        "2022-12-31",
        "--json",
    ).json()
    assert funding["type"] == "funding"
    assert funding["directed"] is True
    assert funding["weight"] == 2.5
    assert funding["source"] == "manual"
    plain = qh("ties", "add", "bw", "hs", "--source", "import", "--provenance", "excel")
    assert "Buurtwerk -- Hogeschool (collaboration, weight 1)" in plain.stdout
    assert len(qh("ties", "list", "--json").json()) == 2
    assert [t["id"] for t in qh("ties", "list", "--actor", "hs", "--json").json()] == [2]
    assert [t["id"] for t in qh("ties", "list", "--type", "funding", "--json").json()] == [1]
    assert [t["id"] for t in qh("ties", "list", "--active-on", "2023-01-01", "--json").json()] == [
        2
    ]
    assert [t["id"] for t in qh("ties", "list", "--source", "import", "--json").json()] == [2]
    qh("ties", "remove", "1")
    assert [t["id"] for t in qh("ties", "list", "--json").json()] == [2]
    assert "tie not found" in qh.error("ties", "remove", "1")


def test_tie_errors(qh: Quadhelix) -> None:
    qh("actors", "add", "Stad", "--helix", "overheid")
    assert "two different actors" in qh.error("ties", "add", "Stad", "Stad")
    assert "target_actor" in qh.error("ties", "add", "Stad", "Niemand")
    qh("actors", "add", "Vzw", "--helix", "middenveld")
    assert "weight" in qh.error("ties", "add", "Stad", "Vzw", "--weight", "0")
    assert "type" in qh.error("ties", "add", "Stad", "Vzw", "--type", "friendship")


def test_themes_list_and_add(qh: Quadhelix) -> None:
    themes = qh("themes", "list", "--json").json()
    codes = {t["code"] for t in themes}
    for domain in (
        "poverty",
        "housing",
        "care",
        "education",
        "work",
        "climate",
        "mobility",
        "public-space",
        "culture",
        "sport",
        "safety",
        "participation",
        "economy",
        "digital",
    ):
        assert domain in codes
    assert {f"sdg-{n:02d}" for n in range(1, 18)} <= codes
    heat = next(t for t in themes if t["code"] == "heat")
    assert heat["parent"] == "climate"
    qh(
        "themes",
        "add",
        "SC5",
        "--nl",
        "Klimaatactie en grondstoffen",
        "--en",
        "Climate action and raw materials",
        "--parent",
        "klimaat",
    )
    assert "SC5" in qh("themes", "list").stdout
    assert "already exists" in qh.error("themes", "add", "SC5", "--nl", "x")
    qh("actors", "add", "Lab", "--helix", "kennis", "--theme", "sc5")


def test_areas_tree(qh: Quadhelix) -> None:
    qh("areas", "add", "Gent", "--kind", "stad")
    qh("areas", "add", "Noord", "--kind", "district", "--parent", "gent")
    qh("areas", "add", "Rabot", "--parent", "Noord")
    areas = {a["code"]: a for a in qh("areas", "list", "--json").json()}
    assert areas["rabot"] == {
        "code": "rabot",
        "name": "Rabot",
        "kind": "neighbourhood",
        "parent": "noord",
    }
    qh("actors", "add", "Buurtwerk", "--helix", "middenveld", "--area", "Rabot")
    in_district = qh("actors", "list", "--area", "Noord", "--json").json()
    assert [a["name"] for a in in_district] == ["Buurtwerk"]
    assert "unknown area" in qh.error("actors", "list", "--area", "Atlantis")


def test_stats_json_shape(qh: Quadhelix) -> None:
    empty = qh("stats", "--json").json()
    assert empty["actors"]["total"] == 0
    assert set(empty["actors"]["by_helix"]) == {
        "government",
        "civil_society",
        "business",
        "knowledge",
        "citizens",
    }
    qh("actors", "add", "Stad", "--helix", "overheid", "--kind", "department")
    qh("actors", "add", "Vzw", "--helix", "middenveld")
    qh("actors", "add", "Buren", "--helix", "burgers", "--kind", "burgerinitiatief")
    qh("coalitions", "add", "Plan", "--kind", "programme")
    qh("members", "add", "Plan", "Vzw")
    qh("ties", "add", "Stad", "Vzw", "--type", "funding")
    stats = qh("stats", "--json").json()
    assert set(stats) >= {"actors", "coalitions", "memberships", "ties"}
    assert stats["actors"]["total"] == 3
    assert stats["actors"]["by_helix"]["civil_society"] == 1
    assert stats["actors"]["by_kind"]["citizen_initiative"] == 1
    assert stats["coalitions"] == {
        "total": 1,
        "by_kind": {
            "project": 0,
            "programme": 1,
            "partnership": 0,
            "network": 0,
            "citizen_initiative": 0,
            "covenant": 0,
            "event": 0,
        },
    }
    assert stats["memberships"] == 1
    assert stats["ties"]["total"] == 1
    assert stats["ties"]["by_type"]["funding"] == 1
    assert "overheid" in qh("stats").stdout


def test_help_lists_the_commands(qh: Quadhelix) -> None:
    from typer.testing import CliRunner

    from quadhelix.cli import app

    text = CliRunner().invoke(app, ["--help"]).stdout
    for command in ("init", "actors", "coalitions", "members", "ties", "themes", "stats", "demo"):
        assert command in text
