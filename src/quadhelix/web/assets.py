"""Static files: the app's own CSS and JavaScript, and a whitelist of npm-installed libraries.

Libraries come from ``node_modules`` (``npm ci`` with the committed lock file); only the files
named here are served, and nothing is ever fetched from elsewhere at run time.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from quadhelix.web.settings import Settings

VENDOR_FILES: dict[str, str] = {
    "htmx.min.js": "htmx.org/dist/htmx.min.js",
    "graphology.umd.min.js": "graphology/dist/graphology.umd.min.js",
    "sigma.min.js": "sigma/dist/sigma.min.js",
    "vega.min.js": "vega/build/vega.min.js",
    "vega-lite.min.js": "vega-lite/build/vega-lite.min.js",
    "vega-embed.min.js": "vega-embed/build/vega-embed.min.js",
}


def own_static() -> StaticFiles:
    return StaticFiles(directory=str(files("quadhelix.web") / "static"))


def missing_vendor_files(vendor_dir: Path) -> list[str]:
    """Whitelisted files absent from ``node_modules`` (run ``npm ci`` to install them)."""
    return [name for name, path in VENDOR_FILES.items() if not (vendor_dir / path).is_file()]


def vendor_router(settings: Settings) -> APIRouter:
    router = APIRouter(include_in_schema=False)
    root = settings.vendor_dir

    @router.get("/static/vendor/{name}")
    def vendor_file(name: str) -> FileResponse:
        relative = VENDOR_FILES.get(name)
        if relative is None or not (root / relative).is_file():
            raise HTTPException(status_code=404)
        return FileResponse(
            root / relative,
            media_type="text/javascript",
            headers={"Cache-Control": "public, max-age=86400"},
        )

    return router
