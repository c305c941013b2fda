"""The REST API under ``/api/v1``: one router per registry concept, plus users and tokens."""

from __future__ import annotations

from fastapi import FastAPI

from quadhelix.web.api import (
    actors,
    analytics,
    builder,
    coalitions,
    exports,
    memberships,
    network,
    survey,
    ties,
    tokens,
    users,
    vocabulary,
)

PREFIX = "/api/v1"


def include_api(app: FastAPI) -> None:
    """Mount every API router under ``/api/v1`` (flat: FastAPI rebuilds routes per nesting)."""
    for module in (
        actors,
        coalitions,
        memberships,
        ties,
        vocabulary,
        network,
        analytics,
        exports,
        builder,
        survey,
        users,
        tokens,
    ):
        app.include_router(module.router, prefix=PREFIX)


TAGS = [
    {"name": "actors", "description": "Organisations, city departments, teams, people."},
    {"name": "coalitions", "description": "Projects, programmes, partnerships, networks."},
    {"name": "memberships", "description": "An actor's role in a coalition, with its period."},
    {"name": "ties", "description": "Typed, weighted, dated relations between two actors."},
    {"name": "themes", "description": "Policy themes (a tree)."},
    {"name": "areas", "description": "Countries, the city, its districts and neighbourhoods."},
    {
        "name": "analytics",
        "description": "The network map and the reports of `quadhelix analyze` "
        "(definitions in docs/analytics.md).",
    },
    {"name": "builder", "description": "The coalition builder: partners for a challenge."},
    {
        "name": "surveys",
        "description": "Partner survey waves: links, results (aggregates; who rated whom only "
        "for survey analysts), comparisons (definitions in docs/survey.md).",
    },
    {"name": "users", "description": "Accounts and roles (admin only)."},
    {"name": "tokens", "description": "Your own API tokens for scripts."},
]
