"""The application factory: ``create_app(settings)`` builds one app around one database.

Nothing is created at import time; tests and ``quadhelix serve`` each pass their own settings.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from pydantic import ValidationError
from sqlalchemy import Engine
from sqlalchemy.exc import DataError, IntegrityError
from starlette.exceptions import HTTPException
from starlette.responses import Response

import quadhelix
from quadhelix.registry.database import (
    current_revision,
    describe_url,
    head_revision,
    make_engine,
    session_factory,
)
from quadhelix.registry.errors import QuadhelixError
from quadhelix.web.api import TAGS, include_api
from quadhelix.web.assets import own_static, vendor_router
from quadhelix.web.deps import NotAllowed, NotSignedIn
from quadhelix.web.pages import include_pages
from quadhelix.web.pages.errors import page_error, server_error
from quadhelix.web.pages.forms import FormRejected
from quadhelix.web.pages.rendering import shared_renderer
from quadhelix.web.problems import api_problem, use_problem_media_type
from quadhelix.web.security import BodyLimit, SecurityHeaders
from quadhelix.web.settings import Settings, secret_for
from quadhelix.web.state import AppState
from quadhelix.web.uploads import MAX_BODY_BYTES
from quadhelix.web.versioning import PreconditionRequired

API_DESCRIPTION = """\
The registry of a city's quadruple-helix coalitions: actors, coalitions, memberships, ties,
themes and areas.

* **Authentication**: `Authorization: Bearer <token>` (make one with `quadhelix tokens create`
  or `POST /api/v1/tokens`). Without it: 401, unless public read-only mode lets you read.
* **Roles**: viewers read, editors change the registry, admins also manage users.
* **Lists** take `limit` and `offset` and answer with `total` and `links`.
* **Changes** to an existing record need its `ETag` in `If-Match`: 428 without it, 409 when
  someone else changed the record first.
* **Errors** are RFC 9457 problem details (`application/problem+json`), naming each field.
"""


class SchemaNotReady(QuadhelixError):
    """The database has no registry, or an older schema than this version needs."""


def _check_schema(engine: Engine, url: str) -> None:
    current, head = current_revision(engine), head_revision(engine)
    if current != head:
        raise SchemaNotReady(
            f"database: {describe_url(url)} is at schema {current or 'none'}, this version "
            f"needs {head}; run `quadhelix init` first"
        )


def _error_handler(request: Request, error: Exception) -> Response:
    if request.url.path.startswith("/api/"):
        return api_problem(request, error)
    return page_error(request, error)


def create_state(settings: Settings) -> AppState:
    """What the app works with: an engine on a database at the current schema, and the secret."""
    engine = make_engine(settings.database_url)
    _check_schema(engine, settings.database_url)
    return AppState(
        settings=settings,
        engine=engine,
        sessions=session_factory(engine),
        secret=secret_for(settings, engine),
        renderer=shared_renderer(),
    )


def create_app(settings: Settings) -> FastAPI:
    state = create_state(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.quadhelix.maps.start(app.state.quadhelix)  # computes the map ahead of time
        try:
            yield
        finally:
            app.state.quadhelix.maps.stop()
            app.state.quadhelix.engine.dispose()

    app = FastAPI(
        title="quadhelix",
        version=quadhelix.__version__,
        description=API_DESCRIPTION,
        openapi_url="/api/v1/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.quadhelix = state
    app.add_middleware(BodyLimit, max_bytes=MAX_BODY_BYTES)  # inside: its 413 gets the headers
    app.add_middleware(SecurityHeaders, hsts=settings.secure_cookies)
    for error_class in (
        RequestValidationError,
        ValidationError,
        QuadhelixError,
        IntegrityError,
        DataError,
        NotSignedIn,
        NotAllowed,
        PreconditionRequired,
        FormRejected,
        HTTPException,
    ):
        app.add_exception_handler(error_class, _error_handler)
    app.add_exception_handler(Exception, server_error)  # after logging, a page, not bare text
    include_api(app)
    include_pages(app)
    app.include_router(vendor_router(settings))
    app.mount("/static/app", own_static(), name="static")

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
                tags=TAGS,
            )
            schema.setdefault("components", {})["securitySchemes"] = {
                "bearer": {"type": "http", "scheme": "bearer"}
            }
            schema["security"] = [{"bearer": []}]
            app.openapi_schema = use_problem_media_type(schema)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app
