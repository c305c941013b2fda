"""The migrations build exactly the model's schema, on both databases, and can be run again."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.command import downgrade
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from quadhelix.registry.bootstrap import initialise
from quadhelix.registry.database import (
    alembic_config,
    head_revision,
    is_initialised,
    make_engine,
    migrate,
)
from quadhelix.registry.model import Base
from tests.conftest import Backend


def test_migrations_create_the_model_schema(backend: Backend) -> None:
    engine = make_engine(backend.empty_url())
    try:
        assert not is_initialised(engine)
        report = initialise(engine)
        assert report.previous_revision is None
        assert report.revision == head_revision(engine)
        assert report.themes_added > 50
        tables = set(inspect(engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_initialise_twice_changes_nothing(backend: Backend) -> None:
    engine = make_engine(backend.empty_url())
    try:
        initialise(engine)
        again = initialise(engine)
        assert again.previous_revision == again.revision
        assert again.themes_added == 0
    finally:
        engine.dispose()


def test_downgrade_to_base_and_up_again(backend: Backend) -> None:
    engine = make_engine(backend.empty_url())
    try:
        migrate(engine)
        migrate_down = __import__("alembic.command", fromlist=["downgrade"]).downgrade
        from quadhelix.registry.database import alembic_config

        migrate_down(alembic_config(engine), "base")
        assert "actor" not in inspect(engine).get_table_names()
        migrate(engine)
        assert "actor" in inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_0003_allows_countries_and_keeps_the_kind_constraint(backend: Backend) -> None:
    """The area kind CHECK is replaced, not dropped: 'country' is accepted, nonsense is not."""
    engine = make_engine(backend.empty_url())
    now = "2026-01-01 00:00:00+00:00"
    try:
        migrate(engine)
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO area (code, name, kind, created_at, updated_at)"
                    " VALUES ('BE', 'Belgium', 'country', :now, :now)"
                ),
                {"now": now},
            )
        with pytest.raises(IntegrityError), engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO area (code, name, kind, created_at, updated_at)"
                    " VALUES ('X', 'X', 'planet', :now, :now)"
                ),
                {"now": now},
            )
    finally:
        engine.dispose()


def test_0003_downgrade_removes_countries_and_aliases(backend: Backend) -> None:
    engine = make_engine(backend.empty_url())
    try:
        migrate(engine)
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO area (code, name, kind, created_at, updated_at)"
                    " VALUES ('BE', 'Belgium', 'country', :now, :now)"
                ),
                {"now": "2026-01-01 00:00:00+00:00"},
            )
        downgrade(alembic_config(engine), "0002")
        inspector = inspect(engine)
        assert "actor_alias" not in inspector.get_table_names()
        assert "provenance" not in {c["name"] for c in inspector.get_columns("actor")}
        with engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM area")).scalar_one() == 0
        migrate(engine)
        assert "actor_alias" in inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_0003_turns_the_countries_of_earlier_cordis_imports_into_countries(
    backend: Backend,
) -> None:
    engine = make_engine(backend.empty_url())
    insert = text(
        "INSERT INTO area (code, name, kind, created_at, updated_at)"
        " VALUES (:code, :name, 'city', :now, :now)"
    )
    now = "2026-01-01 00:00:00+00:00"
    try:
        migrate(engine, "0002")
        with engine.begin() as connection:
            for code, name in (("be", "Belgium"), ("cn", "CN"), ("gent", "Gent"), ("ab", "Ab")):
                connection.execute(insert, {"code": code, "name": name, "now": now})
        migrate(engine)
        with engine.connect() as connection:
            kinds = dict(connection.execute(text("SELECT code, kind FROM area")).all())
        assert kinds == {"be": "country", "cn": "country", "gent": "city", "ab": "city"}
    finally:
        engine.dispose()


def test_0003_moves_the_kbo_rule_from_the_description_to_the_provenance(
    backend: Backend,
) -> None:
    engine = make_engine(backend.empty_url())
    insert = text(
        "INSERT INTO actor (external_id, name, name_key, helix, kind, description,"
        " created_at, updated_at)"
        " VALUES (:ext, 'X', 'x', 'business', 'organisation', :text, :now, :now)"
    )
    rule = "KBO/BCE: juridical form 610; main NACE-BEL 10.711; helix by rule kbo-company"
    now = "2026-01-01 00:00:00+00:00"
    try:
        migrate(engine, "0002")
        with engine.begin() as connection:
            connection.execute(insert, {"ext": "kbo:0202239951", "text": rule, "now": now})
            connection.execute(insert, {"ext": "own", "text": rule, "now": now})
        migrate(engine)
        with engine.connect() as connection:
            rows = connection.execute(
                text("SELECT external_id, description, provenance FROM actor ORDER BY id")
            ).all()
        assert [tuple(r) for r in rows] == [("kbo:0202239951", None, rule), ("own", rule, None)]
    finally:
        engine.dispose()
