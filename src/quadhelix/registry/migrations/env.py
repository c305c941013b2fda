"""Alembic environment: runs on the engine handed over by quadhelix.registry.database."""

from __future__ import annotations

from alembic import context

import quadhelix.accounts.model  # registers the account tables
import quadhelix.survey.model  # noqa: F401  (registers the survey tables)
from quadhelix.registry.model import Base

config = context.config
engine = config.attributes["engine"]

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
    )
    context.run_migrations()
