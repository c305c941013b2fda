"""The migrations build exactly the model's schema, on both databases, and can be run again."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from quadhelix.registry.bootstrap import initialise
from quadhelix.registry.database import head_revision, is_initialised, make_engine, migrate
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
