from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from quadhelix.io.cordis import import_cordis, participations_from_json
from quadhelix.io.report import ImportRejected
from quadhelix.registry.database import transaction
from quadhelix.registry.filters import actor_filter, coalition_filter
from quadhelix.registry.model import Actor, Area, Coalition, Membership
from quadhelix.registry.queries import list_actors, list_coalitions
from quadhelix.registry.vocab import AreaKind
from tests.io.helpers import dump, write
from tests.shared_data import DATA

CORDIS = DATA / "cordis"


def _head(tmp_path: Path, rows: int) -> Path:
    """The first projects of the Belgian subset, whole (every participation of each)."""
    with gzip.open(CORDIS / "eunets_h2020_participations_BE_projects.csv.gz", "rt") as handle:
        lines = handle.read().splitlines()
    return write(tmp_path / "part.csv", "\n".join(lines[: rows + 1]) + "\n")


def test_participations_become_actors_projects_and_members(engine: Engine, tmp_path: Path) -> None:
    path = _head(tmp_path, 300)
    report = import_cordis(
        engine, path, programme_parts=CORDIS / "eunets_h2020_programme_parts.csv.gz"
    )
    assert report.tables["membership"].created == 300
    assert report.rules
    again = import_cordis(
        engine, path, programme_parts=CORDIS / "eunets_h2020_programme_parts.csv.gz"
    )
    assert again.tables["membership"].unchanged == 300
    assert all(c.created == c.updated == 0 for c in again.tables.values())
    with transaction(engine) as session:
        first = path.read_text().splitlines()[1].split(",")
        actor = session.scalars(select(Actor).where(Actor.external_id == first[2])).one()
        expected = {"HES": "knowledge", "REC": "knowledge", "PRC": "business"}
        assert actor.helix.value == expected.get(first[3], actor.helix.value)
        assert actor.area is not None and actor.area.code == first[5].lower()
        belgian = list_actors(session, actor_filter(session, area=["BE"]), limit=None)
        assert belgian.total > 0
        parts = {t.code for c in session.scalars(select(Coalition)) for t in c.themes}
        some = sorted(parts)[0]
        assert list_coalitions(session, coalition_filter(session, theme=[some])).total > 0
        lead = session.scalar(select(func.count()).where(Membership.role == "lead"))
        assert lead and lead > 0


def test_countries_are_areas_of_organisations_and_their_projects(
    engine: Engine, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "p.csv",
        "rcn,role,pic,type,contribution,country,start_date,end_date\n"
        "1,coordinator,999,HES,10,BE,2020-01-01,2021-01-01\n"
        "1,participant,998,PRC,10,EL,2020-01-01,2021-01-01\n"
        "1,participant,997,PRC,10,BE,2020-01-01,2021-01-01\n"
        "2,coordinator,997,PRC,10,BE,2020-01-01,2021-01-01\n"
        "3,coordinator,996,OTH,NA,,2020-01-01,2021-01-01\n",
    )
    import_cordis(engine, path)
    with transaction(engine) as session:
        areas = {a.code: (a.name, a.kind) for a in session.scalars(select(Area))}
        assert areas == {
            "be": ("Belgium", AreaKind.COUNTRY),
            "el": ("Greece", AreaKind.COUNTRY),
        }
        projects = {
            c.external_id: [a.code for a in c.areas] for c in session.scalars(select(Coalition))
        }
        assert projects == {"1": ["be", "el"], "2": ["be"], "3": []}
        actors = {
            a.external_id: a.area.code if a.area else None for a in session.scalars(select(Actor))
        }
        assert actors == {"999": "be", "998": "el", "997": "be", "996": None}
        provenance = {a.external_id: a.provenance for a in session.scalars(select(Actor))}
        assert provenance["999"] == (
            "CORDIS p.csv: activity type HES, helix by rule cordis-activity-type (HES -> knowledge)"
        )
        assert provenance["996"] is not None and "(OTH -> civil_society)" in provenance["996"]
        assert all(a.description is None for a in session.scalars(select(Actor)))
        greek = list_coalitions(session, coalition_filter(session, area=["Greece"]), limit=None)
        assert [c.external_id for c in greek.items] == ["1"]


def test_official_json_records_give_names_and_titles(engine: Engine, tmp_path: Path) -> None:
    table = participations_from_json(
        CORDIS / "h2020_semiconductor_ev_organization.json",
        CORDIS / "h2020_semiconductor_ev_project.json",
        tmp_path / "semi.csv",
    )
    import_cordis(
        engine,
        table,
        organisations=CORDIS / "h2020_semiconductor_ev_organization.json",
        projects=CORDIS / "h2020_semiconductor_ev_project.json",
    )
    with transaction(engine) as session:
        names = set(session.scalars(select(Actor.name)))
        assert "MURATA ELECTRONICS OY" in names
        titles = set(session.scalars(select(Coalition.name)))
        assert any(t.startswith("3Ccar: ") for t in titles)


def test_a_bad_row_rejects_the_file(engine: Engine, tmp_path: Path) -> None:
    path = write(
        tmp_path / "p.csv",
        "rcn,role,pic,type,contribution,country,start_date,end_date\n"
        "1,coordinator,999,HES,10,BE,2020-01-01,2021-01-01\n"
        "1,participant,998,XYZ,10,BE,2020-01-01,2021-01-01\n",
    )
    before = dump(engine)
    with pytest.raises(ImportRejected, match=r"p\.csv:3:type: must be one of HES"):
        import_cordis(engine, path)
    assert dump(engine) == before


@pytest.mark.slow
def test_the_full_h2020_table_imports(engine: Engine) -> None:
    report = import_cordis(
        engine,
        CORDIS / "eunets_h2020_participations.csv.gz",
        programme_parts=CORDIS / "eunets_h2020_programme_parts.csv.gz",
    )
    assert report.tables["membership"].created == 144_726
    assert report.tables["actor"].created == 35_871
    assert report.tables["coalition"].created == 31_451
