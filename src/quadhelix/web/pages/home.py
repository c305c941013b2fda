"""The start page: the dashboard of counts, silos, brokers, helix mix and recent change."""

from __future__ import annotations

from datetime import date, timedelta

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from quadhelix.web.charts import bars, diverging_bars
from quadhelix.web.dashboard import dashboard
from quadhelix.web.deps import SessionDep
from quadhelix.web.pages.filters import FilterErrors, read_date, typed
from quadhelix.web.pages.rendering import ReaderView

router = APIRouter(include_in_schema=False)


@router.get("/")
def home(view: ReaderView, session: SessionDep) -> HTMLResponse:
    """``since`` (the "Change since a date" form): empty means a year ago; a wrong date is named
    next to the field and no change is shown."""
    today = date.today()
    values = typed(view.request.query_params, ("since",))
    errors = FilterErrors()
    chosen = read_date(values["since"], "since", errors)
    since = None if errors else chosen or today - timedelta(days=365)
    found = dashboard(view.state.results, session, today, since)
    helix = found.stats["actors"]["by_helix"]
    return view.render(
        "home.html",
        board=found,
        since=since.isoformat() if since else values["since"],
        errors=errors,
        stats=found.stats,
        helix_bars=bars([(view.label("helix", h), n, f"helix-{h}") for h, n in helix.items()]),
        mix_bars=bars(
            [
                (view.label("helix", h), round(share * 100), f"helix-{h}")
                for h, share in found.helix_mix.items()
            ],
            maximum=100.0,
        ),
        silo_bars=diverging_bars([(g.group, g.ei, g.expected_ei) for g in found.silos.ei.groups]),
    )
