"""Association register records built from its public JSON-LD context and activity codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select

from quadhelix.io.report import ImportRejected
from quadhelix.io.verenigingsregister import ACTIVITY_PARENTS, import_verenigingsregister
from quadhelix.registry.database import transaction
from quadhelix.registry.filters import actor_filter
from quadhelix.registry.model import Actor
from quadhelix.registry.queries import list_actors
from quadhelix.registry.vocab import ActorKind, HelixSector
from tests.io.helpers import dump
from tests.shared_data import DATA

FLANDERS = DATA / "flanders"


def activities() -> dict[str, str]:
    data = json.loads((FLANDERS / "verenigingsregister_hoofdactiviteiten.json").read_text())
    return {a["code"]: a["naam"] for a in data["hoofdactiviteitenVerenigingsloket"]}


def record(vcode: str, name: str, codes: list[str], **extra: Any) -> dict[str, Any]:
    """A "detail vereniging" response; field names as in the register's JSON-LD context."""
    names = activities()
    vereniging = {
        "vCode": vcode,
        "naam": name,
        "korteBeschrijving": "Een vereniging",
        "startdatum": "2015-03-01",
        "verenigingstype": {"code": "FV", "naam": "Feitelijke vereniging"},
        "status": "Actief",
        "hoofdactiviteitenVerenigingsloket": [{"code": c, "naam": names[c]} for c in codes],
        "contactgegevens": [
            {"contactgegeventype": "E-mail", "waarde": "info@example.be", "isPrimair": True},
            {"contactgegeventype": "Website", "waarde": "https://example.be", "isPrimair": False},
        ],
        "locaties": [
            {
                "locatietype": "Maatschappelijke zetel volgens KBO",
                "isPrimair": True,
                "adres": {
                    "straatnaam": "Kerkstraat",
                    "huisnummer": "1",
                    "busnummer": "",
                    "postcode": "3200",
                    "gemeente": "Aarschot",
                    "land": "België",
                },
            }
        ],
        "sleutels": [],
        **extra,
    }
    return {"vereniging": vereniging, "metadata": {"datumLaatsteAanpassing": "2024-01-01"}}


def test_every_activity_code_has_a_parent_rule() -> None:
    assert set(activities()) == set(ACTIVITY_PARENTS)


def test_associations_become_actors_with_activities_as_themes(
    engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "verenigingen.json"
    records = [
        record("V0001001", "Natuurpunt Aarschot", ["NMDW", "KLDU"]),
        record(
            "V0001002",
            "Judoclub Aarschot",
            ["SPRT"],
            verenigingstype={"code": "VZW", "naam": "Vereniging zonder winstoogmerk"},
            sleutels=[{"bron": "KBO", "waarde": "0417497106"}],
        ),
    ]
    path.write_text(json.dumps({"verenigingen": records}), encoding="utf-8")
    report = import_verenigingsregister(engine, path)
    assert report.tables["actor"].created == 2
    assert sorted(report.new_themes) == ["KLDU", "NMDW", "SPRT"]
    with transaction(engine) as session:
        judo = session.scalars(select(Actor).where(Actor.association_code == "V0001002")).one()
        assert (judo.helix, judo.kind, judo.kbo) == (
            HelixSector.CIVIL_SOCIETY,
            ActorKind.ORGANISATION,
            "0417497106",
        )
        assert [t.code for t in judo.themes] == ["SPRT"]
        assert judo.postal_code == "3200" and judo.website == "https://example.be"
        sport = list_actors(session, actor_filter(session, theme=["sport"]))
        assert [a.name for a in sport.items] == ["Judoclub Aarschot"]
        nature = session.scalars(select(Actor).where(Actor.external_id == "V0001001")).one()
        assert nature.kind is ActorKind.CITIZEN_INITIATIVE
        assert nature.provenance == (
            "Verenigingsregister verenigingen.json: association type FV, helix by rule "
            "verenigingsregister-association (civil_society), FV -> citizen_initiative"
        )
        assert judo.provenance is not None and "association type VZW" in judo.provenance
        assert judo.description == "Een vereniging"
    assert import_verenigingsregister(engine, path).tables["actor"].unchanged == 2


def test_a_bad_record_rejects_the_file(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    lines = [
        record("V0001001", "Goed", ["SPRT"]),
        record("X12", "Slecht", ["SPRT"], startdatum="2015-13-01"),
    ]
    path.write_text("\n".join(json.dumps(r) for r in lines), encoding="utf-8")
    before = dump(engine)
    with pytest.raises(ImportRejected) as caught:
        import_verenigingsregister(engine, path)
    assert [str(p) for p in caught.value.problems] == [
        "v.json:2:startdatum: not a real calendar date (got '2015-13-01')",
        "v.json:2:vCode: an association code looks like V0001234",
    ]
    assert dump(engine) == before
