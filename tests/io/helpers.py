# ruff: noqa: E501 - the fixture CSV rows are as long as a spreadsheet row
"""Shared by the io tests: a registry dump to prove that a refused import changed nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from quadhelix.registry.model import Base

CORPUS = Path(__file__).parent / "corpus"


def dump(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in primary-key order."""
    with engine.connect() as connection:
        return {
            table.name: [
                tuple(row)
                for row in connection.execute(select(table).order_by(*table.primary_key.columns))
            ]
            for table in Base.metadata.sorted_tables
        }


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


ACTORS_CSV = """id,name,helix,kind,parent_id,kbo,website,postal_code,area,themes,description,start,end
stad,Stad Gent,overheid,,,,,9000,,,,,
wonen,Dienst Wonen,overheid,dienst,stad,,,9000,,housing,,2019-01-01,
rabot,Buurtwerk Rabot vzw,middenveld,,,0417.497.106,rabot.be,9000,Rabot,poverty|Wonen,"Buurtwerk, met komma",01/02/2020,
ugent,Universiteit Gent,kennis,,,,,9000,,education,=SUM(A1),,
"""
COALITIONS_CSV = """id,name,kind,status,description,themes,areas,start,end,parent_id
prog,Armoedeplan,programma,actief,,poverty,Rabot,2020-01-01,,
p1,Buurtbudget Rabot,project,,,,Rabot|Sluizeken,2021-01-01,2022-12-31,prog
"""
MEMBERS_CSV = """coalition_id,actor_id,role,start,end,contribution
p1,rabot,trekker,2021-01-01,,coördinatie
p1,stad,financier,,,EUR 10000
prog,wonen,partner,,,
"""
TIES_CSV = """source_id;target_id;type;directed;weight;start;end
rabot;stad;subsidie;ja;2,5;2021-01-01;
rabot;ugent;;nee;1;;
"""


def registry_files(directory: Path) -> dict[str, Path]:
    """The four canonical files of a small city, as a department would send them."""
    directory.mkdir(parents=True, exist_ok=True)
    return {
        "actors": write(directory / "actors.csv", ACTORS_CSV),
        "coalitions": write(directory / "coalitions.csv", COALITIONS_CSV),
        "members": write(directory / "members.csv", MEMBERS_CSV),
        "ties": write(directory / "ties.csv", TIES_CSV, "cp1252"),
    }
