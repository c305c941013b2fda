"""Test databases: every test gets its own empty, initialised registry on SQLite and PostgreSQL.

QUADHELIX_TEST_DATABASES (default ``sqlite,postgresql``) picks the back ends. PostgreSQL tests use
QUADHELIX_TEST_POSTGRES_URL (default: the local ``test`` database) inside a schema of their own
that is dropped afterwards, so no other data is ever touched.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from quadhelix.registry.bootstrap import initialise
from quadhelix.registry.database import make_engine, transaction
from quadhelix.registry.model import Base
from quadhelix.registry.vocabulary import ensure_default_themes

BACKENDS = [
    b.strip() for b in os.environ.get("QUADHELIX_TEST_DATABASES", "sqlite,postgresql").split(",")
]
POSTGRES_URL = os.environ.get(
    "QUADHELIX_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


class Backend:
    """One database back end for the whole test session: hands out empty registries."""

    def __init__(self, name: str, workdir: Path) -> None:
        self.name = name
        self.workdir = workdir
        self._schemas: list[str] = []
        self._template: Path | None = None
        self._shared_url: str | None = None
        self._shared_engine: Engine | None = None

    def empty_url(self) -> str:
        """A URL to a database with no tables at all (for migration tests)."""
        if self.name == "sqlite":
            return f"sqlite:///{self.workdir / f'empty-{uuid.uuid4().hex}.db'}"
        schema = f"qh_test_{uuid.uuid4().hex[:12]}"
        admin = make_engine(POSTGRES_URL)
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        admin.dispose()
        self._schemas.append(schema)
        return f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"

    def registry_url(self) -> str:
        """A URL to an initialised registry holding nothing but the default themes."""
        if self.name == "sqlite":
            if self._template is None:
                self._template = self.workdir / "template.db"
                engine = make_engine(f"sqlite:///{self._template}")
                initialise(engine)
                engine.dispose()
            target = self.workdir / f"registry-{uuid.uuid4().hex}.db"
            shutil.copyfile(self._template, target)
            return f"sqlite:///{target}"
        if self._shared_url is None:
            self._shared_url = self.empty_url()
            self._shared_engine = make_engine(self._shared_url)
            initialise(self._shared_engine)
        else:
            self._reset_shared()
        return self._shared_url

    def _reset_shared(self) -> None:
        assert self._shared_engine is not None
        tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
        with self._shared_engine.begin() as connection:
            connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        with transaction(self._shared_engine) as session:
            ensure_default_themes(session)

    def close(self) -> None:
        if self._shared_engine is not None:
            self._shared_engine.dispose()
        if self._schemas:
            admin = make_engine(POSTGRES_URL)
            with admin.begin() as connection:
                for schema in self._schemas:
                    connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            admin.dispose()


@pytest.fixture(scope="session", params=BACKENDS)
def backend(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Backend]:
    chosen = Backend(request.param, tmp_path_factory.mktemp(request.param))
    yield chosen
    chosen.close()


@pytest.fixture
def db_url(backend: Backend) -> str:
    """URL of a fresh, initialised, otherwise empty registry."""
    return backend.registry_url()


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    yield engine
    engine.dispose()
