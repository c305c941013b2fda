"""Bring a database to a usable registry: schema at the newest migration, default themes present."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from quadhelix.registry.database import current_revision, migrate, transaction
from quadhelix.registry.vocabulary import ensure_default_themes


@dataclass(frozen=True)
class InitReport:
    previous_revision: str | None
    revision: str | None
    themes_added: int


def initialise(engine: Engine) -> InitReport:
    """Create or upgrade the schema and add missing default themes. Safe to run again."""
    previous = current_revision(engine)
    migrate(engine)
    with transaction(engine) as session:
        added = ensure_default_themes(session)
    return InitReport(previous, current_revision(engine), added)
