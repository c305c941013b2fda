"""The start page: what the registry holds at a glance (the full dashboard comes later)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from quadhelix.registry.stats import registry_stats
from quadhelix.web.deps import SessionDep
from quadhelix.web.pages.rendering import ReaderView

router = APIRouter(include_in_schema=False)


@router.get("/")
def home(view: ReaderView, session: SessionDep) -> HTMLResponse:
    return view.render("home.html", stats=registry_stats(session))
