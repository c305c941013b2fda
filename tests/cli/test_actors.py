"""``quadhelix actors``: add, list, show, edit, delete, and the errors a person can make."""

from __future__ import annotations

from tests.cli.helpers import Quadhelix


def add_rabot(qh: Quadhelix) -> dict[str, object]:
    data: dict[str, object] = qh(
        "actors",
        "add",
        "Buurtwerk Rabot vzw",
        "--helix",
        "middenveld",
        "--kbo",
        "0417.497.106",
        "--area",
        "Rabot",
        "--theme",
        "armoede",
        "--theme",
        "neighbourhood-work",
        "--id",
        "bw-rabot",
        "--json",
    ).json()
    return data


def test_add_reads_dutch_sector_and_normalises_kbo(qh: Quadhelix) -> None:
    actor = add_rabot(qh)
    assert actor["helix"] == "civil_society"
    assert actor["kind"] == "organisation"
    assert actor["kbo"] == "0417497106"
    assert actor["area"] == "rabot"
    assert actor["themes"] == ["neighbourhood-work", "poverty"]
    assert actor["external_id"] == "bw-rabot"


def test_add_plain_output_and_new_area_note(qh: Quadhelix) -> None:
    run = qh("actors", "add", "Stad Gent", "--helix", "overheid", "--area", "Rabot")
    assert "Added actor #1 Stad Gent [government (overheid)]" in run.stdout
    assert "New area: rabot (Rabot)" in run.stderr
    again = qh("actors", "add", "Team Buurtwerk", "--helix", "overheid", "--area", "rabot")
    assert "New area" not in again.stderr


def test_org_tree_and_listing_filters(qh: Quadhelix) -> None:
    qh("actors", "add", "Departement Welzijn", "--helix", "overheid", "--kind", "dienst")
    qh(
        "actors",
        "add",
        "Team Buurtwerk",
        "--helix",
        "overheid",
        "--kind",
        "team",
        "--parent",
        "Departement Welzijn",
    )
    add_rabot(qh)
    qh("actors", "add", "Hogeschool Gent", "--helix", "kennisinstelling", "--theme", "education")
    everyone = qh("actors", "list", "--json").json()
    assert [a["name"] for a in everyone] == [
        "Buurtwerk Rabot vzw",
        "Departement Welzijn",
        "Hogeschool Gent",
        "Team Buurtwerk",
    ]
    government = qh("actors", "list", "--helix", "overheid", "--json").json()
    assert {a["name"] for a in government} == {"Departement Welzijn", "Team Buurtwerk"}
    team = qh("actors", "list", "--parent", "Departement Welzijn", "--json").json()
    assert [a["name"] for a in team] == ["Team Buurtwerk"]
    assert team[0]["kind"] == "team"
    assert [a["name"] for a in qh("actors", "list", "--theme", "care", "--json").json()] == []
    poverty = qh("actors", "list", "--theme", "poverty", "--json").json()
    assert [a["name"] for a in poverty] == ["Buurtwerk Rabot vzw"]
    accents = qh("actors", "list", "--search", "RÁBOT", "--json").json()
    assert [a["name"] for a in accents] == ["Buurtwerk Rabot vzw"]
    paged = qh("actors", "list", "--limit", "2", "--offset", "1", "--json").json()
    assert [a["name"] for a in paged] == ["Departement Welzijn", "Hogeschool Gent"]
    table = qh("actors", "list", "--limit", "2")
    assert "Showing 1–2 of 4" in table.stderr


def test_show_by_id_external_id_kbo_and_name(qh: Quadhelix) -> None:
    add_rabot(qh)
    for ref in ("1", "#1", "bw-rabot", "0417.497.106", "BE0417497106", "buurtwerk rabot VZW"):
        assert qh("actors", "show", ref, "--json").json()["id"] == 1
    shown = qh("actors", "show", "1")
    assert "Buurtwerk Rabot vzw" in shown.stdout
    assert "0417.497.106" in shown.stdout


def test_edit_changes_only_given_fields_and_clears(qh: Quadhelix) -> None:
    add_rabot(qh)
    edited = qh(
        "actors",
        "edit",
        "bw-rabot",
        "--website",
        "buurtwerk-rabot.example",
        "--description",
        "Buurtwerk",
        "--json",
    ).json()
    assert edited["website"] == "https://buurtwerk-rabot.example"
    assert edited["kbo"] == "0417497106"
    assert edited["updated_at"] >= edited["created_at"]
    cleared = qh(
        "actors", "edit", "bw-rabot", "--clear", "kbo", "--clear", "themes", "--json"
    ).json()
    assert cleared["kbo"] is None
    assert cleared["themes"] == []
    assert cleared["website"] == "https://buurtwerk-rabot.example"


def test_edit_refuses_a_loop_in_the_org_tree(qh: Quadhelix) -> None:
    qh("actors", "add", "Departement", "--helix", "overheid")
    qh("actors", "add", "Dienst", "--helix", "overheid", "--parent", "Departement")
    message = qh.error("actors", "edit", "Departement", "--parent", "Dienst")
    assert "parent" in message and "loop" in message


def test_delete_refuses_in_use_unless_cascade(qh: Quadhelix) -> None:
    add_rabot(qh)
    qh("actors", "add", "Stad", "--helix", "overheid")
    qh("ties", "add", "bw-rabot", "Stad", "--type", "funding")
    message = qh.error("actors", "delete", "bw-rabot")
    assert "1 ties" in message and "--cascade" in message
    assert len(qh("actors", "list", "--json").json()) == 2
    assert "with 0 memberships and 1 ties" in qh("actors", "delete", "bw-rabot", "--cascade").stdout
    assert qh("ties", "list", "--json").json() == []
    assert [a["name"] for a in qh("actors", "list", "--json").json()] == ["Stad"]


def test_user_errors_name_field_and_value(qh: Quadhelix) -> None:
    bad_kbo = qh.error("actors", "add", "X", "--helix", "bedrijf", "--kbo", "0417.497.107")
    assert bad_kbo.startswith("Error: kbo:") and "check digits should be 06" in bad_kbo
    assert "0417.497.107" in bad_kbo
    sector = qh.error("actors", "add", "X", "--helix", "industrie4")
    assert "helix" in sector and "industrie4" in sector
    missing = qh.error("actors", "show", "Nobody vzw")
    assert "actor not found" in missing and "Nobody vzw" in missing
    bad_date = qh.error("actors", "add", "X", "--helix", "burgers", "--start", "2023-02-30")
    assert "start_date" in bad_date and "2023-02-30" in bad_date
    backwards = qh.error(
        "actors", "add", "X", "--helix", "burgers", "--start", "2023-02-01", "--end", "2022-01-01"
    )
    assert "end_date" in backwards
    no_helix = qh.error("actors", "add", "X")
    assert "helix" in no_helix
    postal = qh.error("actors", "add", "X", "--helix", "burgers", "--postal-code", "90000")
    assert "postal_code" in postal


def test_duplicate_keys_are_refused(qh: Quadhelix) -> None:
    add_rabot(qh)
    duplicate_id = qh.error("actors", "add", "Other", "--helix", "bedrijf", "--id", "bw-rabot")
    assert "external_id" in duplicate_id and "bw-rabot" in duplicate_id
    duplicate_kbo = qh.error(
        "actors", "add", "Other", "--helix", "bedrijf", "--kbo", "BE 0417 497 106"
    )
    assert "kbo" in duplicate_kbo and "already used by actor #1" in duplicate_kbo


def test_a_failing_command_changes_nothing(qh: Quadhelix) -> None:
    """The new area is created before the duplicate id is found; both must be rolled back."""
    add_rabot(qh)
    qh.error("actors", "add", "Other", "--helix", "bedrijf", "--area", "Muide", "--id", "bw-rabot")
    assert [a["code"] for a in qh("areas", "list", "--json").json()] == ["rabot"]
    qh.error("actors", "edit", "bw-rabot", "--area", "Sluizeken", "--parent", "nobody")
    assert [a["code"] for a in qh("areas", "list", "--json").json()] == ["rabot"]
    assert qh("actors", "show", "bw-rabot", "--json").json()["area"] == "rabot"


def test_commands_need_an_initialised_database(tmp_path: object) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    qh = Quadhelix(f"sqlite:///{tmp_path / 'new.db'}")
    message = qh.error("actors", "list")
    assert "quadhelix init" in message
    assert "Created registry" in qh("init").stdout
    assert "up to date" in qh("init").stdout
    assert qh("actors", "list", "--json").json() == []
