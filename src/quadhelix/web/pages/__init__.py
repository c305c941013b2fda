"""Server-rendered pages (Jinja2 + htmx). Every unsafe form request is CSRF-checked."""

from __future__ import annotations

from fastapi import Depends, FastAPI

from quadhelix.web.deps import checked_form
from quadhelix.web.pages import (
    account,
    actors,
    admin,
    analysis,
    auth,
    builder,
    coalitions,
    docs,
    exports,
    home,
    imports,
    survey,
    survey_respond,
)


def include_pages(app: FastAPI) -> None:
    """Mount the pages; all but sign-in (which has its own token) check the form's CSRF token."""
    app.include_router(auth.router, include_in_schema=False)
    # Survey respondents have no account: their secret link stands in for a CSRF token.
    app.include_router(survey_respond.router, include_in_schema=False)
    for module in (
        home,
        actors,
        coalitions,
        analysis,
        builder,
        exports,
        docs,
        imports,
        admin,
        account,
        survey,
    ):
        app.include_router(
            module.router, include_in_schema=False, dependencies=[Depends(checked_form)]
        )
